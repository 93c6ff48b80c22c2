/**
 * Grading a workbook's bytes: read the contract sheets through the file host (zip level), grade with
 * the engine, write the output sheets (or the 问题 sheet), return the new bytes.
 * No fs here, so tests call it directly.
 */
import {
  NOTICES_SHEET,
  OUTPUT_SHEETS,
  PROBLEMS_SHEET,
  problemsSheet,
  type BranchResult,
  type GradeSummary,
  type OutputSheet,
  type Problem,
} from "../engine";
import { XlsxWorkbook } from "../host/file";
import {
  gradeInputs,
  inspectWorkbook,
  loadHeaderRows,
  loadMapping,
  readInputs,
  type InputRead,
} from "../host/inputs";

export type GradeOutcome =
  | {
      ok: true;
      bytes: Uint8Array;
      summary: GradeSummary;
      outputs: OutputSheet[];
      results: BranchResult[];
      /** Notices (提示): printed after the summary, written to the 提示 sheet. */
      notices: Problem[];
      /** The same list as `notices` (its former name). */
      warnings: Problem[];
      /** A macro workbook (.xlsm): written under an .xlsm name. */
      macro: boolean;
    }
  | {
      ok: false;
      macro: boolean;
      problems: Problem[];
      /** The input with a 问题 sheet (stale output sheets removed), when asked for. */
      bytes?: Uint8Array;
    };

export interface GradeBytesOptions {
  asOf?: Date;
  /** Also build the copy carrying the 问题 sheet when the input is invalid. */
  problemsCopy?: boolean;
}

/**
 * Reads the contract's input sheets (by Chinese name or English alias) as grids, with the
 * column mapping the task pane saved in the workbook applied, exactly as the pane does.
 */
export async function readInputSheets(fw: XlsxWorkbook): Promise<InputRead> {
  const mapping = await loadMapping(fw);
  return readInputs(fw, await inspectWorkbook(fw, mapping, await loadHeaderRows(fw)), mapping);
}

export async function gradeBytes(input: Uint8Array, options: GradeBytesOptions = {}): Promise<GradeOutcome> {
  const fw = await XlsxWorkbook.open(input);
  const result = gradeInputs(await readInputSheets(fw), { asOf: options.asOf });
  if (!result.ok) {
    const macro = fw.macroEnabled;
    if (!options.problemsCopy) return { ok: false, macro, problems: result.problems };
    await fw.writeSheets([problemsSheet(result.problems)], undefined, {
      remove: [...OUTPUT_SHEETS, NOTICES_SHEET],
    });
    return { ok: false, macro, problems: result.problems, bytes: await fw.save() };
  }
  // A 提示 sheet of an earlier run goes when this run has no notices (it is in outputs otherwise).
  const remove = result.notices.length > 0 ? [PROBLEMS_SHEET] : [PROBLEMS_SHEET, NOTICES_SHEET];
  await fw.writeSheets(result.outputs, undefined, { tiers: result.summary.tiers, remove });
  return {
    ok: true,
    macro: fw.macroEnabled,
    bytes: await fw.save(),
    summary: result.summary,
    outputs: result.outputs,
    results: result.results,
    notices: result.notices,
    warnings: result.notices,
  };
}
