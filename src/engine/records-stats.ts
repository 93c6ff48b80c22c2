/**
 * Aggregates of the records that outputs, the pane's 台账 view and grading's 来源 share:
 * 整改 per 上级党组织 (销号率, 督办), 积分 per branch (counts, 平均积分).
 */
import type { Branches } from "./branches";
import { ratRoundUnits, unitsToNumber, type Dec } from "./numbers";
import { addDec } from "./plan";
import type { Records } from "./records";
import type { RecordSettings } from "./settings-records";

export type Letter = "约谈单" | "通报批评单" | "整改意见单" | "";

export interface LedgerGroup {
  group: string;
  total: number;
  closed: number;
  /** 已销号 ÷ 问题数 (0 when there are none). */
  rate: number;
  overdue: number;
  severeOverdue: number;
  incomplete: number;
  letter: Letter;
}

/** 督办 of a group from its counts (DOMAIN §4). */
export function letterFor(overdue: number, severeOverdue: number, s: RecordSettings): Letter {
  if (overdue >= s.interview || severeOverdue >= 1) return "约谈单";
  if (overdue >= s.criticism) return "通报批评单";
  if (overdue >= s.opinion) return "整改意见单";
  return "";
}

/** One row per 上级党组织 (组织 order, groups without ledger rows too), then 合计 (no 督办). */
export function ledgerGroups(rec: Records, br: Branches, s: RecordSettings): LedgerGroup[] {
  const rows = rec.ledger ?? [];
  const make = (group: string, pick: (b: number) => boolean, total: boolean): LedgerGroup => {
    const mine = rows.filter((x) => pick(x.b));
    const closed = mine.filter((x) => x.status === "已销号").length;
    const overdue = mine.filter((x) => x.state === "逾期").length;
    const severeOverdue = mine.filter((x) => x.state === "逾期" && x.severity === "严重").length;
    return {
      group,
      total: mine.length,
      closed,
      rate: mine.length === 0 ? 0 : closed / mine.length,
      overdue,
      severeOverdue,
      incomplete: mine.filter((x) => x.missing !== "").length,
      letter: total ? "" : letterFor(overdue, severeOverdue, s),
    };
  };
  return [
    ...br.parentLabels.map((g, gi) => make(g, (b) => br.parentOf[b] === gi, false)),
    make("合计", () => true, true),
  ];
}

export interface BranchPoints {
  /** Non-免评 members. */
  count: number;
  normal: number;
  yellow: number;
  red: number;
  exempt: number;
  /** 平均积分 of non-免评 members, rounded to 小数位数; null when none. */
  average: number | null;
}

export function branchPoints(rec: Records, br: Branches, digits: number): BranchPoints[] {
  const out: BranchPoints[] = Array.from({ length: br.n }, () => ({
    count: 0,
    normal: 0,
    yellow: 0,
    red: 0,
    exempt: 0,
    average: null,
  }));
  const sums: Dec[] = Array.from({ length: br.n }, () => ({ n: 0n, s: 0 }));
  for (const x of rec.members ?? []) {
    const p = out[x.m.b]!;
    if (x.warn === "免评") {
      p.exempt++;
      continue;
    }
    p.count++;
    if (x.warn === "红色") p.red++;
    else if (x.warn === "黄色") p.yellow++;
    else p.normal++;
    sums[x.m.b] = addDec(sums[x.m.b]!, x.totalDec);
  }
  out.forEach((p, b) => {
    if (p.count === 0) return;
    const sum = sums[b]!;
    const units = ratRoundUnits({ p: sum.n, q: 10n ** BigInt(sum.s) * BigInt(p.count) }, digits);
    p.average = unitsToNumber(Number(units), digits);
  });
  return out;
}
