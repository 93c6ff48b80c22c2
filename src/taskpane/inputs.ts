/**
 * Read the graded inputs once and grade them in memory (no writes): what 模拟 and 名额 start
 * from.
 */
import { resolveSheetName, type GradeResult, type Grid, type Problem } from "../engine";
import type { WorkbookPort } from "../host/port";
import {
  gradeInputs,
  missingRequiredSheets,
  readInputs,
  type ColumnMapping,
  type Origin,
  type SheetState,
} from "../host/inputs";

export type Graded = Extract<GradeResult, { ok: true }>;

export interface Inputs {
  grids: Record<string, Grid>;
  states: SheetState[];
  /** Where the cells of built tables came from (office layouts; empty otherwise). */
  origin: Origin;
  /** The 设置 sheet's name in the workbook (the English alias when so named), or 设置. */
  settingsName: string;
}

export type InputsOutcome =
  | { kind: "missing"; names: string[] }
  | { kind: "problems"; problems: Problem[]; inputs: Inputs }
  | { kind: "ok"; inputs: Inputs; result: Graded };

export async function gradeInMemory(
  port: WorkbookPort,
  mapping: ColumnMapping,
  refresh: () => Promise<SheetState[]>,
  now: Date = new Date(),
): Promise<InputsOutcome> {
  const states = await refresh();
  const missing = missingRequiredSheets(states);
  if (missing.length > 0) return { kind: "missing", names: missing };
  const read = await readInputs(port, states, mapping);
  const grids = read.grids;
  const settingsName = resolveSheetName(Object.keys(grids), "设置") ?? "设置";
  const inputs: Inputs = { grids, states, origin: read.origin, settingsName };
  // 模拟 and 名额 read the summary and results only: no output sheet is built.
  const r = gradeInputs(read, { asOf: now, outputs: false });
  return r.ok ? { kind: "ok", inputs, result: r } : { kind: "problems", problems: r.problems, inputs };
}
