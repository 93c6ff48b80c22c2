/**
 * The 检查 and 定级 workflows over a WorkbookPort, without React: read the inputs (with the
 * column mapping), run the engine, and for 定级 write the output sheets (or 问题). The
 * components call these; the Excel host's tests and bench run them as the pane does.
 */
import { problemsSheet, staleSheets, type GradeSummary } from "../engine";
import type { Problem } from "../engine/types";
import type { WorkbookPort } from "../host/port";
import {
  gradeInputs,
  LAST_RUN_KEY,
  missingRequiredSheets,
  readInputs,
  type ColumnMapping,
  type LastRun,
  type SheetState,
} from "../host/inputs";

export type CheckOutcome =
  | { kind: "missing"; names: string[] }
  | { kind: "problems"; problems: Problem[]; states: SheetState[] }
  | { kind: "ok"; warnings: Problem[]; states: SheetState[] };

export type GradeOutcome =
  | { kind: "missing"; names: string[] }
  | { kind: "problems"; problems: Problem[]; states: SheetState[] }
  | { kind: "ok"; summary: GradeSummary; run: LastRun; notices: Problem[]; states: SheetState[] };

/** Local time as YYYY-MM-DD HH:mm. */
export function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * Read the inputs for these sheet states; if a sheet seen at inspection has gone since,
 * inspect again (`refresh`) and read once more, so a stale view never reaches the engine.
 */
async function readFresh(
  port: WorkbookPort,
  states: SheetState[],
  mapping: ColumnMapping,
  refresh: () => Promise<SheetState[]>,
): Promise<{ states: SheetState[]; read: Awaited<ReturnType<typeof readInputs>> }> {
  const read = await readInputs(port, states, mapping);
  if (!read.stale) return { states, read };
  const again = await refresh();
  return { states: again, read: await readInputs(port, again, mapping) };
}

export async function checkInputs(
  port: WorkbookPort,
  states: SheetState[],
  mapping: ColumnMapping,
  refresh: () => Promise<SheetState[]>,
  now: Date = new Date(),
): Promise<CheckOutcome> {
  const missing = missingRequiredSheets(states);
  if (missing.length > 0) return { kind: "missing", names: missing };
  const read = await readFresh(port, states, mapping, refresh);
  const r = gradeInputs(read.read, { asOf: now });
  return r.ok
    ? { kind: "ok", warnings: r.notices, states: read.states }
    : { kind: "problems", problems: r.problems, states: read.states };
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
): Promise<GradeOutcome> {
  // A sheet missing at the last look may have been added since: look again before saying so.
  if (missingRequiredSheets(states).length > 0) states = await refresh();
  const missing = missingRequiredSheets(states);
  if (missing.length > 0) return { kind: "missing", names: missing };
  const read = await readFresh(port, states, mapping, refresh);
  const stillMissing = missingRequiredSheets(read.states);
  if (stillMissing.length > 0) return { kind: "missing", names: stillMissing };
  const r = gradeInputs(read.read, { asOf: now });
  if (!r.ok) {
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
  return { kind: "ok", summary: r.summary, run, notices: r.notices, states: read.states };
}
