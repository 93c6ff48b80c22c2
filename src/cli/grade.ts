/**
 * Grading a workbook's bytes: read the contract sheets through the file host (zip level), grade with
 * the engine, write the output sheets (or the 问题 sheet), return the new bytes.
 * No fs here, so tests call it directly.
 */
import {
  staleSheets,
  problemsSheet,
  type BranchResult,
  type GradeSummary,
  type OutputSheet,
  type Problem,
} from "../engine";
import { XlsxWorkbook, joinBytes } from "../host/file";
import { nodeCodec } from "./node-codec";
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
      /** The archive as written, chunk by chunk (the CLI writes these; no joined copy). */
      chunks: Uint8Array[];
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
      chunks?: Uint8Array[];
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

/** Reads and grades; the input grids are not kept past this (a 1M-row 评分 is ~1 GB of cells). */
async function readAndGrade(fw: XlsxWorkbook, asOf: Date | undefined) {
  return gradeInputs(await readInputSheets(fw), { asOf });
}

/** The archive's chunks, and its bytes joined only when somebody asks for them (tests). */
function saved(fw: XlsxWorkbook): { chunks: Uint8Array[]; readonly bytes: Uint8Array } {
  const chunks = fw.saveChunks();
  let joined: Uint8Array | undefined;
  return {
    chunks,
    get bytes() {
      return (joined ??= joinBytes(chunks));
    },
  };
}

export async function gradeBytes(input: Uint8Array, options: GradeBytesOptions = {}): Promise<GradeOutcome> {
  const fw = await XlsxWorkbook.open(input, { codec: nodeCodec() });
  const result = await readAndGrade(fw, options.asOf);
  if (!result.ok) {
    const macro = fw.macroEnabled;
    if (!options.problemsCopy) return { ok: false, macro, problems: result.problems };
    await fw.writeSheets([problemsSheet(result.problems)], undefined, { remove: staleSheets(result) });
    return Object.assign(saved(fw), { ok: false as const, macro, problems: result.problems });
  }
  // 问题, and a 提示 or record output of an earlier run that this run did not write, go.
  await fw.writeSheets(result.outputs, undefined, {
    tiers: result.summary.tiers,
    remove: staleSheets(result),
  });
  return Object.assign(saved(fw), {
    ok: true as const,
    macro: fw.macroEnabled,
    summary: result.summary,
    outputs: result.outputs,
    results: result.results,
    notices: result.notices,
    warnings: result.notices,
  });
}
