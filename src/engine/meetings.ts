/**
 * Meeting compliance (三会一课, DOMAIN §6): meetings held per branch and type in the as-of
 * year, due periods, met periods, 达标率 and 缺开明细.
 */
import { addr, isBlank, isWhole, labelOf, readNumber, showValue } from "./cells";
import { MEETINGS_SHEET, cellOf, readTable } from "./contract";
import { isoOfSerial, readDay, serialOfIso } from "./dates";
import { EngineError } from "./errors";
import { Problems } from "./problems";
import { branchAt, dayAt, textAt, yearStart, type RecordContext } from "./records-read";
import { DEFAULT_MEETING_RULES, MEETING_TYPES, meetingType, type MeetingRule } from "./settings-records";
import type { Grid } from "./types";
import { msg } from "./messages";

export interface Compliance {
  /** Meetings held in the year up to the as-of date, per MEETING_TYPES index. */
  held: number[];
  due: number;
  met: number;
  /** 缺开明细 ("" when none). */
  missing: string;
}

/** Months (1–12) of each branch's meetings, per type: held[b][type] = month list. */
export function readMeetings(grid: Grid, ctx: RecordContext): number[][][] {
  const P = ctx.problems;
  const t = readTable(MEETINGS_SHEET, grid, P);
  const months = Array.from({ length: ctx.br.n }, () => MEETING_TYPES.map((): number[] => []));
  if (!t.cols.has("组织编码") || !t.cols.has("会议类型") || !t.cols.has("日期")) return months;
  const y0 = yearStart(ctx);
  for (const r of t.rows) {
    const b = branchAt(t, r, ctx);
    const label = textAt(t, r, "会议类型");
    const type = meetingType(label);
    if (type === null)
      P.at(
        t.sheet,
        r,
        t.cols.get("会议类型")!,
        label === ""
          ? msg("meetingTypeBlank", { types: MEETING_TYPES })
          : msg("meetingTypeUnknown", { value: label, types: MEETING_TYPES }),
      );
    const day = dayAt(t, r, "日期", ctx, true);
    for (const h of ["参会人数", "应到人数"]) {
      const v = cellOf(t, r, h);
      const x = readNumber(v);
      if (!isBlank(v) && (x === null || Number.isNaN(x) || x < 0 || !isWhole(x)))
        P.at(t.sheet, r, t.cols.get(h)!, msg("headcountInvalid", { header: h, value: showValue(v) }));
    }
    if (b < 0 || type === null || day === null || Number.isNaN(day)) continue;
    if (day < y0 || day > ctx.asOf) continue;
    months[b]![MEETING_TYPES.indexOf(type as (typeof MEETING_TYPES)[number])]!.push(
      Number(isoOfSerial(day).slice(5, 7)),
    );
  }
  return months;
}

const QUARTERS = ["一季度", "二季度", "三季度", "四季度"];

/** The periods of a rule in the year: [label, first month, last month]. */
function periods(rule: MeetingRule): [string, number, number][] {
  if (rule.period === "每月") return Array.from({ length: 12 }, (_, i) => [`${i + 1}月`, i + 1, i + 1]);
  if (rule.period === "每季度") return QUARTERS.map((q, i) => [q, 3 * i + 1, 3 * i + 3]);
  return [["全年", 1, 12]];
}

/** Compliance of one branch given the months of its meetings per type. */
export function compliance(
  months: number[][],
  rules: readonly MeetingRule[],
  year: number,
  asOf: number,
): Compliance {
  let due = 0;
  let met = 0;
  const parts: string[] = [];
  for (const rule of rules) {
    const list = months[MEETING_TYPES.indexOf(rule.type as (typeof MEETING_TYPES)[number])]!;
    const unmet: string[] = [];
    for (const [label, m0, m1] of periods(rule)) {
      // Due when the period's last day is on or before the as-of date.
      const next = m1 === 12 ? `${year + 1}-01-01` : `${year}-${String(m1 + 1).padStart(2, "0")}-01`;
      const last = serialOfIso(next) - 1;
      if (last > asOf) continue;
      due++;
      if (list.filter((m) => m >= m0 && m <= m1).length >= rule.count) met++;
      else unmet.push(label);
    }
    if (unmet.length > 0) parts.push(`${rule.type}：${unmet.join("、")}`);
  }
  return { held: months.map((l) => l.length), due, met, missing: parts.join("；") };
}

/**
 * One branch's meetings of one type (DJ.MEETINGS): [held in the as-of year up to asOf,
 * required by then under the default 会议要求 (count × due periods; 0 for a type without one)].
 * `table` is a 会议记录 range with its header row. @throws EngineError naming a bad cell.
 */
export function meetingsHeld(code: string, table: Grid, typeLabel: string, asOf: number): [number, number] {
  const type = meetingType(typeLabel);
  if (type === null)
    throw new EngineError(`会议类型「${typeLabel}」未知，应为 ${MEETING_TYPES.join("、")} 之一`);
  const problems = new Problems();
  const t = readTable(MEETINGS_SHEET, table, problems);
  const first = problems.sorted()[0];
  if (first) throw new EngineError(`${first.cell}：${first.message}`);
  const year = Number(isoOfSerial(asOf).slice(0, 4));
  const y0 = serialOfIso(`${year}-01-01`);
  const months: number[] = [];
  for (const r of t.rows) {
    if (labelOf(cellOf(t, r, "组织编码")) !== code) continue;
    const label = textAt(t, r, "会议类型");
    const mt = meetingType(label);
    if (mt === null) throw new EngineError(`${addr(r, t.cols.get("会议类型")!)}：会议类型「${label}」未知`);
    const day = readDay(cellOf(t, r, "日期"));
    if (day === null || Number.isNaN(day))
      throw new EngineError(
        `${addr(r, t.cols.get("日期")!)}：日期 ${showValue(cellOf(t, r, "日期"))} 不是日期`,
      );
    if (mt === type && day >= y0 && day <= asOf) months.push(Number(isoOfSerial(day).slice(5, 7)));
  }
  const rule = DEFAULT_MEETING_RULES.find((x) => x.type === type);
  const byType = MEETING_TYPES.map((x) => (x === type ? months : []));
  const due = rule ? compliance(byType, [rule], year, asOf).due : 0;
  return [months.length, rule ? due * rule.count : 0];
}
