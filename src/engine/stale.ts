/**
 * Which output sheets a grading run removes when present (hosts remove only sheets they
 * own): after invalid inputs every output but 问题; after a clean run 问题, and 提示 and the
 * record outputs that this run did not write (their input sheets are gone).
 */
import type { GradeResult } from "./grade";
import { NOTICES_SHEET } from "./notices";
import { OUTPUT_SHEETS, PROBLEMS_SHEET } from "./outputs";
import { RECORD_OUTPUT_SHEETS } from "./records-outputs";

export function staleSheets(result: GradeResult): string[] {
  if (!result.ok) return [...OUTPUT_SHEETS, NOTICES_SHEET, ...RECORD_OUTPUT_SHEETS];
  const written = new Set(result.outputs.map((o) => o.name));
  return [PROBLEMS_SHEET, NOTICES_SHEET, ...RECORD_OUTPUT_SHEETS].filter((n) => !written.has(n));
}
