/**
 * The record output sheets (DOMAIN §4–§6, §7): 整改明细, 整改汇总, 督办通知, 积分结果,
 * 积分汇总, 三会一课 — each written only when its input sheet is present.
 */
import type { Branches } from "./branches";
import { MEETING_TYPES } from "./settings-records";
import type { Records } from "./records";
import { branchPoints, ledgerGroups } from "./records-stats";
import type { Settings } from "./settings";
import type { OutCell, OutputSheet, SheetLayout } from "./types";

export const RECORD_OUTPUT_SHEETS = [
  "整改明细",
  "整改汇总",
  "督办通知",
  "积分结果",
  "积分汇总",
  "三会一课",
] as const;

export const LEDGER_DETAIL_HEADERS = [
  "组织编码",
  "组织名称",
  "上级党组织",
  "问题",
  "严重程度",
  "完成时限",
  "状态",
  "台账状态",
  "逾期天数",
  "五清楚缺项",
] as const;
export const LEDGER_SUMMARY_HEADERS = [
  "上级党组织",
  "问题数",
  "已销号",
  "销号率",
  "逾期",
  "严重逾期",
  "五清楚不全",
  "督办",
] as const;
export const LETTER_HEADERS = ["组织名称", "问题", "完成时限", "逾期天数", "责任人"] as const;
export const POINTS_RESULT_HEADERS = [
  "组织编码",
  "组织名称",
  "姓名",
  "党员编号",
  "一季度",
  "二季度",
  "三季度",
  "四季度",
  "年度积分",
  "预警",
  "支部内排名",
  "评议建议",
] as const;
export const POINTS_SUMMARY_HEADERS = [
  "组织编码",
  "组织名称",
  "上级党组织",
  "党员数",
  "正常",
  "黄色",
  "红色",
  "免评",
  "平均积分",
] as const;

const DATE = "yyyy-mm-dd";

function layout(widths: number[], extra: Partial<SheetLayout> = {}): SheetLayout {
  return { freezeRows: 1, numberFormats: {}, tierColumns: [], statusColumns: [], widths, ...extra };
}

export function recordOutputs(rec: Records, br: Branches, settings: Settings): OutputSheet[] {
  const out: OutputSheet[] = [];
  const parent = (b: number): string => br.parentLabels[br.parentOf[b]!]!;
  if (rec.ledger) {
    const rows: OutCell[][] = [[...LEDGER_DETAIL_HEADERS]];
    for (const x of rec.ledger)
      rows.push([
        br.codeOut[x.b]!,
        br.names[x.b]!,
        parent(x.b),
        x.problem,
        x.severity,
        x.deadline ?? "",
        x.status,
        x.state,
        x.days,
        x.missing,
      ]);
    out.push({
      name: "整改明细",
      rows,
      layout: layout([12, 20, 16, 36, 8, 11, 8, 9, 8, 24], {
        table: { name: "整改明细表" },
        numberFormats: { 5: DATE, 8: "0" },
      }),
    });
    const groups = ledgerGroups(rec, br, settings.records);
    out.push({
      name: "整改汇总",
      rows: [
        [...LEDGER_SUMMARY_HEADERS],
        ...groups.map((g) => [
          g.group,
          g.total,
          g.closed,
          g.rate,
          g.overdue,
          g.severeOverdue,
          g.incomplete,
          g.letter,
        ]),
      ],
      layout: layout([18, 8, 8, 8, 8, 8, 10, 10], {
        numberFormats: { 1: "0", 2: "0", 3: "0.0%", 4: "0", 5: "0", 6: "0" },
      }),
    });
    out.push(letterSheet(rec, br, groups));
  }
  if (rec.members) {
    const rows: OutCell[][] = [[...POINTS_RESULT_HEADERS]];
    for (const x of rec.members) {
      const b = x.m.b;
      rows.push([
        br.codeOut[b]!,
        br.names[b]!,
        x.m.name,
        x.m.id,
        ...x.quarters.map((q) => q ?? ""),
        x.total,
        x.warn,
        Number.isNaN(x.rank) ? "" : x.rank,
        x.verdict,
      ]);
    }
    out.push({
      name: "积分结果",
      rows,
      layout: layout([12, 20, 10, 12, 8, 8, 8, 8, 9, 7, 10, 9], { table: { name: "积分结果表" } }),
    });
    const pts = branchPoints(rec, br, settings.digits);
    const sum: OutCell[][] = [[...POINTS_SUMMARY_HEADERS]];
    for (let b = 0; b < br.n; b++) {
      const p = pts[b]!;
      if (p.count + p.exempt === 0) continue;
      sum.push([
        br.codeOut[b]!,
        br.names[b]!,
        parent(b),
        p.count,
        p.normal,
        p.yellow,
        p.red,
        p.exempt,
        p.average ?? "",
      ]);
    }
    const f = settings.digits > 0 ? "0." + "0".repeat(settings.digits) : "0";
    out.push({
      name: "积分汇总",
      rows: sum,
      layout: layout([12, 20, 16, 8, 6, 6, 6, 6, 9], { numberFormats: { 8: f } }),
    });
  }
  if (rec.meetings) {
    const types = settings.records.meetingRules.map((r) => r.type);
    const rows: OutCell[][] = [
      ["组织编码", "组织名称", "上级党组织", ...types, "应开期数", "达标期数", "达标率", "缺开明细"],
    ];
    rec.meetings.forEach((c, b) => {
      const held = types.map((t) => c.held[MEETING_TYPES.indexOf(t as (typeof MEETING_TYPES)[number])]!);
      rows.push([
        br.codeOut[b]!,
        br.names[b]!,
        parent(b),
        ...held,
        c.due,
        c.met,
        c.due === 0 ? 1 : c.met / c.due,
        c.missing,
      ]);
    });
    const k = types.length;
    out.push({
      name: "三会一课",
      rows,
      layout: layout([12, 20, 16, ...types.map(() => 8), 8, 8, 8, 40], {
        table: { name: "三会一课表" },
        numberFormats: { [k + 5]: "0.0%" },
      }),
    });
  }
  return out;
}

/** 督办通知: per group with a 督办, a title, a line of context and its overdue items; one page each. */
function letterSheet(rec: Records, br: Branches, groups: ReturnType<typeof ledgerGroups>): OutputSheet {
  const W = LETTER_HEADERS.length;
  const pad = (cells: OutCell[]): OutCell[] => [...cells, ...Array<OutCell>(W - cells.length).fill("")];
  const rows: OutCell[][] = [];
  const breaks: number[] = [];
  groups.forEach((g, gi) => {
    if (g.letter === "" || gi >= br.parentLabels.length) return;
    if (rows.length > 0) breaks.push(rows.length);
    const items = (rec.ledger ?? []).filter((x) => x.state === "逾期" && br.parentOf[x.b] === gi);
    rows.push(pad([`${g.letter}（${g.group}）`]));
    rows.push(
      pad([
        `截至 ${rec.asOfIso}，${g.group}所属党组织有 ${g.overdue} 项整改问题逾期未销号${g.severeOverdue > 0 ? `（其中严重问题 ${g.severeOverdue} 项）` : ""}，请督促限期整改并报送整改情况。`,
      ]),
    );
    rows.push([...LETTER_HEADERS]);
    for (const x of items) rows.push([br.names[x.b]!, x.problem, x.deadline ?? "", x.days, x.owner]);
  });
  if (rows.length === 0) rows.push(pad([`截至 ${rec.asOfIso}，没有需要督办的党组织。`]));
  return {
    name: "督办通知",
    rows,
    layout: layout([20, 40, 11, 8, 10], {
      freezeRows: 0,
      numberFormats: { 2: DATE, 3: "0" },
      print: { repeatHeaderRows: 0, fitToWidth: true, landscape: false },
      pageBreaks: breaks,
    }),
  };
}
