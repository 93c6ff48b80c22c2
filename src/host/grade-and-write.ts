/**
 * 定级 and 定稿 over a WorkbookPort, one flow for the task pane and the command line: read
 * the inputs (with the column mapping), run the engine, write the output sheets (or 问题)
 * in one writeSheets; and for 定稿, the engine's 说明 with every DJ.* formula made a value.
 */
import {
  explanationOf,
  problemsSheet,
  PROTECTABLE_SHEETS,
  staleSheets,
  type GradeResult,
  type GradeSummary,
  type Problem,
} from "../engine";
import {
  gradeInputs,
  LAST_RUN_KEY,
  missingRequiredSheets,
  readInputs,
  type ColumnMapping,
  type InputRead,
  type LastRun,
  type SheetState,
} from "./inputs";
import type { FinalizeReport, WorkbookPort } from "./port";

export type Graded = Extract<GradeResult, { ok: true }>;

export type GradeOutcome =
  | { kind: "missing"; names: string[] }
  | { kind: "problems"; problems: Problem[]; states: SheetState[] }
  | {
      kind: "ok";
      summary: GradeSummary;
      run: LastRun;
      notices: Problem[];
      states: SheetState[];
      /** The engine's result (outputs as written, results). */
      result: Graded;
    };

export interface GradeWriteOptions {
  /** 统计日期 when 设置 has none (default: `now`). */
  asOf?: Date;
  /** Write 问题 when the inputs are invalid (default true; the CLI writes it only with -o). */
  problemsSheet?: boolean;
  /**
   * Grade even when a required sheet is missing, so that the engine names each one as a
   * problem (the CLI); the pane instead says which are missing and reads nothing.
   */
  gradeMissing?: boolean;
}

/** Local time as YYYY-MM-DD HH:mm. */
export function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * Read the inputs for these sheet states; if a sheet seen at inspection has gone since,
 * inspect again (`refresh`) and read once more, so a stale view never reaches the engine.
 */
export async function readFresh(
  port: WorkbookPort,
  states: SheetState[],
  mapping: ColumnMapping,
  refresh: () => Promise<SheetState[]>,
): Promise<{ states: SheetState[]; read: InputRead }> {
  const read = await readInputs(port, states, mapping);
  if (!read.stale) return { states, read };
  const again = await refresh();
  return { states: again, read: await readInputs(port, again, mapping) };
}

/**
 * 定级: grade and write. Valid inputs: the output sheets replace the old ones whole, a stale
 * 问题 sheet goes, and the last run is stored in the workbook, all in one writeSheets.
 * Invalid inputs: 问题 is written and stale output sheets (提示 and the records too) are removed.
 */
export async function gradeAndWrite(
  port: WorkbookPort,
  states: SheetState[],
  mapping: ColumnMapping,
  refresh: () => Promise<SheetState[]>,
  onProgress?: (done: number, total: number) => void,
  now: Date = new Date(),
  options: GradeWriteOptions = {},
): Promise<GradeOutcome> {
  const stop = !options.gradeMissing;
  // A sheet missing at the last look may have been added since: look again before saying so.
  if (stop && missingRequiredSheets(states).length > 0) states = await refresh();
  const missing = missingRequiredSheets(states);
  if (stop && missing.length > 0) return { kind: "missing", names: missing };
  const read = await readFresh(port, states, mapping, refresh);
  const stillMissing = missingRequiredSheets(read.states);
  if (stop && stillMissing.length > 0) return { kind: "missing", names: stillMissing };
  const r = gradeInputs(read.read, { asOf: options.asOf ?? now });
  if (!r.ok) {
    if (options.problemsSheet !== false)
      await port.writeSheets([problemsSheet(r.problems)], onProgress, { remove: staleSheets(r) });
    return { kind: "problems", problems: r.problems, states: read.states };
  }
  const run: LastRun = { at: stamp(now), branches: r.summary.branches };
  await port.writeSheets(r.outputs, onProgress, {
    tiers: r.summary.tiers,
    // 问题, and a 提示 or record output of an earlier run that this run did not write, go.
    remove: staleSheets(r),
    settings: { [LAST_RUN_KEY]: JSON.stringify(run) },
  });
  return { kind: "ok", summary: r.summary, run, notices: r.notices, states: read.states, result: r };
}

/**
 * 定稿: the engine's 说明 from the inputs as read (设置 and 标准; defaults where absent), every
 * DJ.* formula replaced by its value, and the output sheets protected when asked.
 * Null when the host cannot (no finalizeForSharing).
 */
export async function finalizeWorkbook(
  port: WorkbookPort,
  states: SheetState[],
  mapping: ColumnMapping,
  options: { protect: boolean; now?: Date },
): Promise<FinalizeReport | null> {
  if (!port.finalizeForSharing) return null;
  const now = options.now ?? new Date();
  const read = await readInputs(port, states, mapping);
  const explanation = explanationOf(read.grids, now, stamp(now));
  return port.finalizeForSharing({ explanation, protect: options.protect ? [...PROTECTABLE_SHEETS] : [] });
}
