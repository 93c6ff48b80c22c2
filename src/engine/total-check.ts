/**
 * DOMAIN §7.1: a 总分 (合计, 得分) column the clerk typed is not an input, but it is checked:
 * each branch whose typed value differs from the 上级评定 computed (and rounded) gets a notice,
 * so an office's broken old formulas come to light instead of being ignored silently.
 */
import { readNumber } from "./cells";
import type { Table } from "./contract";
import { formatUnits, roundUnits } from "./numbers";
import type { Problems } from "./problems";
import { msg } from "./messages";

const TOTAL_WORDS = ["总分", "合计", "得分"];

/** The column of a typed total in `table` (its header may carry a points note), or -1. */
export function typedTotalColumn(table: Table, inputs: Set<string>): number {
  for (const [text, c] of table.raw) {
    if (inputs.has(text)) continue;
    const word = text.replace(/[（(][^（(]*[)）]$/, "");
    if (TOTAL_WORDS.includes(word)) return c;
  }
  return -1;
}

export function totalCheckNotices(args: {
  table: Table;
  /** Criterion keys of the rubric (a criterion named 得分 is an input, not a total). */
  inputs: Set<string>;
  /** Per branch: 评分 row (-1 none), code, computed total in units of 10^-digits. */
  scoreRow: readonly number[];
  codes: readonly string[];
  total: readonly number[];
  digits: number;
  notices: Problems;
}): void {
  const { table, scoreRow, codes, total, digits, notices } = args;
  const c = typedTotalColumn(table, args.inputs);
  if (c < 0) return;
  const label = String(table.grid[0]?.[c] ?? "").trim();
  for (let b = 0; b < codes.length; b++) {
    const r = scoreRow[b]!;
    if (r < 0 || Number.isNaN(total[b]!)) continue;
    const typed = readNumber(table.grid[r]?.[c]);
    if (typed === null || Number.isNaN(typed)) continue;
    const units = roundUnits(typed, digits);
    if (units === total[b]) continue;
    notices.at(
      table.sheet,
      r,
      c,
      msg("typedTotalDiffers", {
        code: codes[b]!,
        label,
        typed: formatUnits(units, digits),
        total: formatUnits(total[b]!, digits),
      }),
    );
  }
}
