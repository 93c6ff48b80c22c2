/**
 * 标准 column 来源 (DOMAIN "4–6 feed the grading"): a criterion takes its input from the
 * records instead of 评分. The values are written into a copy of the 评分 grid, so the
 * criterion is then scored by the same code as a typed input.
 */
import type { Branches } from "./branches";
import { isBlank, isNotApplicable, labelOf, normHeader, showValue } from "./cells";
import {
  LEDGER_SHEET,
  MEETINGS_SHEET,
  MEMBERS_SHEET,
  RUBRIC_SHEET,
  SCORES_SHEET,
  cellOf,
  type Table,
} from "./contract";
import { MEETING_TYPES, meetingType } from "./settings-records";
import type { Problems } from "./problems";
import type { Records } from "./records";
import { branchPoints } from "./records-stats";
import type { Criterion, Kind } from "./rubric";
import type { Grid, Sheets } from "./types";
import { msg } from "./messages";

export type SourceKey =
  | "会议"
  | "三会一课缺开"
  | "三会一课达标"
  | "三会一课未达标"
  | "整改逾期"
  | "整改未销号"
  | "积分红色"
  | "积分黄色"
  | "积分平均";

export interface Source {
  key: SourceKey;
  /** The meeting type of `会议:<类型>`. */
  type?: string;
  /** The record sheet it reads. */
  sheet: string;
  label: string;
}

const COUNT_KINDS: Kind[] = ["频次", "扣分", "加分", "减分"];
const KINDS_OF: Record<SourceKey, Kind[]> = {
  会议: COUNT_KINDS,
  三会一课缺开: COUNT_KINDS,
  三会一课达标: ["达标"],
  三会一课未达标: ["否决"],
  整改逾期: COUNT_KINDS,
  整改未销号: COUNT_KINDS,
  积分红色: COUNT_KINDS,
  积分黄色: COUNT_KINDS,
  积分平均: ["评分", "比例"],
};
const SHEET_OF: Record<SourceKey, string> = {
  会议: MEETINGS_SHEET.name,
  三会一课缺开: MEETINGS_SHEET.name,
  三会一课达标: MEETINGS_SHEET.name,
  三会一课未达标: MEETINGS_SHEET.name,
  整改逾期: LEDGER_SHEET.name,
  整改未销号: LEDGER_SHEET.name,
  积分红色: MEMBERS_SHEET.name,
  积分黄色: MEMBERS_SHEET.name,
  积分平均: MEMBERS_SHEET.name,
};

/**
 * The 来源 of each criterion that has one (by index in rubric.criteria). Unknown sources, a
 * kind the source cannot feed, and a source whose sheet is absent are reported at the cell.
 */
/** Keys of the criteria whose 来源 is filled in (valid or not): they need no 评分 column. */
export function sourcedKeys(t: Table, criteria: Criterion[]): Set<string> {
  const out = new Set<string>();
  if (!t.cols.has("来源")) return out;
  for (const cr of criteria) if (!isBlank(cellOf(t, cr.row, "来源"))) out.add(cr.key);
  return out;
}

export function readSources(
  t: Table,
  criteria: Criterion[],
  present: (sheet: string) => boolean,
  problems: Problems,
): Map<number, Source> {
  const out = new Map<number, Source>();
  const c = t.cols.get("来源");
  if (c === undefined) return out;
  criteria.forEach((cr, i) => {
    const v = cellOf(t, cr.row, "来源");
    if (isBlank(v)) return;
    const text = labelOf(v).replace(/\s+/g, "");
    const m = /^会议[:：](.+)$/.exec(text);
    const key = (m ? "会议" : text) as SourceKey;
    const type = m ? meetingType(m[1]!) : undefined;
    if (!(key in KINDS_OF) || type === null) {
      problems.at(
        RUBRIC_SHEET.name,
        cr.row,
        c,
        type === null
          ? msg("sourceMeetingType", { value: showValue(v), types: MEETING_TYPES.map((x) => `会议:${x}`) })
          : msg("sourceInvalid", { value: showValue(v) }),
      );
      return;
    }
    if (!KINDS_OF[key].includes(cr.kind)) {
      problems.at(
        RUBRIC_SHEET.name,
        cr.row,
        c,
        msg("sourceKind", { source: text, kind: cr.kind, id: cr.id, kinds: KINDS_OF[key] }),
      );
      return;
    }
    if (!present(SHEET_OF[key])) {
      problems.at(
        RUBRIC_SHEET.name,
        cr.row,
        c,
        msg("sourceSheetMissing", { id: cr.id, source: text, sheet: SHEET_OF[key] }),
      );
      return;
    }
    out.set(i, { key, type: type ?? undefined, sheet: SHEET_OF[key], label: text });
  });
  return out;
}

/** The record value of a source for branch b (null: no value, e.g. no 平均积分). */
function valueOf(
  s: Source,
  b: number,
  rec: Records,
  avg: (b: number) => number | null,
): number | string | null {
  const meet = rec.meetings?.[b];
  const unmet = meet ? meet.due - meet.met : 0;
  switch (s.key) {
    case "会议":
      return meet ? meet.held[MEETING_TYPES.indexOf(s.type as (typeof MEETING_TYPES)[number])]! : 0;
    case "三会一课缺开":
      return unmet;
    case "三会一课达标":
      return unmet === 0 ? "是" : "否";
    case "三会一课未达标":
      return unmet > 0 ? "是" : "否";
    case "整改逾期":
      return (rec.ledger ?? []).filter((x) => x.b === b && x.state === "逾期").length;
    case "整改未销号":
      return (rec.ledger ?? []).filter((x) => x.b === b && x.status !== "已销号").length;
    case "积分红色":
    case "积分黄色":
      return (rec.members ?? []).filter((x) => x.m.b === b && x.warn === s.key.slice(2)).length;
    case "积分平均":
      return avg(b);
  }
}

/**
 * A copy of the 评分 grid with each sourced criterion's column filled from the records (a
 * column is added when absent). A typed value in such a column is a problem; 不适用 stays.
 */
export function applySources(
  grid: Grid,
  criteria: Criterion[],
  sources: Map<number, Source>,
  rec: Records,
  br: Branches,
  digits: number,
  problems: Problems,
): Grid {
  if (sources.size === 0) return grid;
  const out = grid.map((row) => [...(row ?? [])]);
  const header = out[0] ?? (out[0] = []);
  const idCol = header.findIndex((h) => ["组织编码", "id"].includes(normHeader(h)));
  let width = out.reduce((w, row) => Math.max(w, row.length), 0);
  const pts = sources.size > 0 ? branchPoints(rec, br, digits) : [];
  for (const [i, s] of sources) {
    const cr = criteria[i]!;
    let col = header.findIndex((h) => normHeader(h) === cr.key);
    if (col < 0) {
      col = width++;
      header[col] = cr.id;
    }
    for (let r = 1; r < out.length; r++) {
      const row = out[r]!;
      const v = row[col];
      if (!isBlank(v) && !isNotApplicable(v)) {
        problems.at(
          SCORES_SHEET.name,
          r,
          col,
          msg("sourcedCellFilled", { id: cr.id, source: s.label, value: showValue(v) }),
        );
        continue;
      }
      if (idCol < 0 || isNotApplicable(v)) continue;
      const b = br.idIndex.get(labelOf(row[idCol]));
      if (b < 0 || (cr.sector !== null && br.sectorLabels[br.sectorOf[b]!] !== cr.sector)) continue;
      const x = valueOf(s, b, rec, (k) => pts[k]!.average);
      // Reported once: the cell is then treated as 不适用 so scoring does not repeat it as blank.
      if (x === null) row[col] = "不适用";
      if (x === null)
        problems.at(SCORES_SHEET.name, r, idCol, msg("sourceNoMembers", { code: br.codes[b]!, id: cr.id }));
      else row[col] = x;
    }
  }
  return out;
}

/** Which record sheets the workbook has (for readSources). */
export function sheetPresence(
  sheets: Sheets,
  resolve: (names: string[], n: string) => string | undefined,
): (sheet: string) => boolean {
  const names = Object.keys(sheets);
  return (n) => resolve(names, n) !== undefined;
}
