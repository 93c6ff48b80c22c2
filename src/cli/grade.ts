/**
 * Grading a workbook's bytes: read the contract sheets through the file host (zip level), grade with
 * the engine, write the output sheets (or the 问题 sheet), return the new bytes.
 * No fs here, so tests call it directly.
 */
import {
  gradeWorkbook,
  staleSheets,
  problemsSheet,
  type BranchResult,
  type GradeSummary,
  type OutputSheet,
  type Problem,
} from "../engine";
import { XlsxWorkbook } from "../host/file";
import { inspectWorkbook, loadMapping, readInputs } from "../host/inputs";

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
export async function readInputSheets(fw: XlsxWorkbook): Promise<Record<string, unknown[][]>> {
  const mapping = await loadMapping(fw);
  return readInputs(fw, await inspectWorkbook(fw, mapping), mapping);
}

export async function gradeBytes(input: Uint8Array, options: GradeBytesOptions = {}): Promise<GradeOutcome> {
  const fw = await XlsxWorkbook.open(input);
  const sheets = await readInputSheets(fw);
  const result = gradeWorkbook(sheets, { asOf: options.asOf });
  if (!result.ok) {
    const macro = fw.macroEnabled;
    if (!options.problemsCopy) return { ok: false, macro, problems: result.problems };
    await fw.writeSheets([problemsSheet(result.problems)], undefined, { remove: staleSheets(result) });
    return { ok: false, macro, problems: result.problems, bytes: await fw.save() };
  }
  // 问题, and a 提示 or record output of an earlier run that this run did not write, go.
  await fw.writeSheets(result.outputs, undefined, {
    tiers: result.summary.tiers,
    remove: staleSheets(result),
  });
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
