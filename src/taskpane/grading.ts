/**
 * The 检查 and 定级 workflows over a WorkbookPort, without React. 定级 is the one flow the
 * command line runs too (host/grade-and-write.ts); 检查 grades without building any output
 * sheet. The components call these; the Excel host's tests and bench run them as the pane does.
 */
import type { Problem } from "../engine";
import type { WorkbookPort } from "../host/port";
import { gradeInputs, missingRequiredSheets, type ColumnMapping, type SheetState } from "../host/inputs";
import { readFresh } from "../host/grade-and-write";

export { gradeAndWrite, stamp, type GradeOutcome } from "../host/grade-and-write";

export type CheckOutcome =
  | { kind: "missing"; names: string[] }
  | { kind: "problems"; problems: Problem[]; states: SheetState[] }
  | { kind: "ok"; warnings: Problem[]; states: SheetState[] };

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
  // Problems and notices only: no output sheet is built.
  const r = gradeInputs(read.read, { asOf: now, outputs: false });
  return r.ok
    ? { kind: "ok", warnings: r.notices, states: read.states }
    : { kind: "problems", problems: r.problems, states: read.states };
}
