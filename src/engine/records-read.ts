/**
 * What the record readers (整改台账, 党员, 积分, 会议记录) share: the as-of date, the branch of
 * a row's 组织编码, date cells — each bad cell reported where it is.
 */
import type { Branches } from "./branches";
import { isBlank, labelOf, showValue } from "./cells";
import { cellOf, type Table } from "./contract";
import { readDay, serialOfIso } from "./dates";
import type { Problems } from "./problems";
import type { Settings } from "./settings";
import { msg } from "./messages";

export interface RecordContext {
  br: Branches;
  settings: Settings;
  /** The as-of date as an Excel serial day, and its year. */
  asOf: number;
  year: number;
  problems: Problems;
}

/** Serial of 1 January of the as-of year. */
export function yearStart(ctx: RecordContext): number {
  return serialOfIso(`${ctx.year}-01-01`);
}

/** The branch index of a row's 组织编码 cell, or -1 after reporting it (blank, or not in 组织). */
export function branchAt(t: Table, r: number, ctx: RecordContext, header = "组织编码"): number {
  const c = t.cols.get(header);
  if (c === undefined) return -1;
  const v = cellOf(t, r, header);
  if (isBlank(v)) {
    ctx.problems.at(t.sheet, r, c, msg("recordBranchBlank", { header }));
    return -1;
  }
  const b = ctx.br.idIndex.get(labelOf(v));
  if (b < 0) ctx.problems.at(t.sheet, r, c, msg("recordBranchUnknown", { value: showValue(v) }));
  return b;
}

/**
 * A date cell as a serial day: null when blank (reported when `required`), NaN after
 * reporting a value that is not a date.
 */
export function dayAt(
  t: Table,
  r: number,
  header: string,
  ctx: RecordContext,
  required: boolean,
): number | null {
  const c = t.cols.get(header);
  if (c === undefined) return null;
  const v = cellOf(t, r, header);
  const d = readDay(v);
  if (d === null) {
    if (required) ctx.problems.at(t.sheet, r, c, msg("dateBlank", { header }));
    return null;
  }
  if (Number.isNaN(d)) ctx.problems.at(t.sheet, r, c, msg("dateInvalid", { header, value: showValue(v) }));
  return d;
}

/** A text cell of a row, trimmed ("" when blank or the column is absent). */
export function textAt(t: Table, r: number, header: string): string {
  return labelOf(cellOf(t, r, header));
}
