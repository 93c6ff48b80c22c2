/**
 * Grading a workbook's bytes: read the contract sheets through the file host (zip level), grade with
 * the engine, write the output sheets (or the 问题 sheet), return the new bytes.
 * No fs here, so tests call it directly.
 */
import type { BranchResult, GradeSummary, OutputSheet, Problem } from "../engine";
import { XlsxWorkbook, joinBytes } from "../host/file";
import { gradeAndWrite } from "../host/grade-and-write";
import { nodeCodec } from "./node-codec";
import { inspectWorkbook, loadHeaderRows, loadMapping } from "../host/inputs";

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

/**
 * The pane's 定级 flow (host/grade-and-write.ts) over the file host: the column mapping the
 * pane saved in the workbook applies, a missing sheet is named by the engine as a problem.
 */
export async function gradeBytes(input: Uint8Array, options: GradeBytesOptions = {}): Promise<GradeOutcome> {
  const fw = await XlsxWorkbook.open(input, { codec: nodeCodec() });
  const mapping = await loadMapping(fw);
  const headerRows = await loadHeaderRows(fw);
  const inspect = () => inspectWorkbook(fw, mapping, headerRows);
  const o = await gradeAndWrite(fw, await inspect(), mapping, inspect, undefined, new Date(), {
    asOf: options.asOf,
    problemsSheet: options.problemsCopy === true,
    gradeMissing: true,
  });
  const macro = fw.macroEnabled;
  if (o.kind === "missing") throw new Error("gradeMissing: the engine names missing sheets");
  if (o.kind === "problems") {
    if (!options.problemsCopy) return { ok: false, macro, problems: o.problems };
    return Object.assign(saved(fw), { ok: false as const, macro, problems: o.problems });
  }
  const result = o.result;
  const out = Object.assign(saved(fw), {
    ok: true as const,
    macro,
    summary: o.summary,
    outputs: result.outputs,
    notices: o.notices,
    warnings: o.notices,
  });
  // Built on first access only (the command itself never reads them; Object.assign would).
  return Object.defineProperty(out, "results", {
    get: () => result.results,
    enumerable: true,
  }) as typeof out & {
    results: BranchResult[];
  };
}
