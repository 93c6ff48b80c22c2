/**
 * The 台账 step's work without React: read 设置, 组织 and the record sheets (with the column
 * mapping) and compute the overview with the engine; add the four record sheets on request.
 */
import { recordTemplateSheets, recordsOverview, type OverviewResult, type Problem } from "../engine";
import { readInputs, type ColumnMapping, type SheetState } from "../host/inputs";
import type { WorkbookPort } from "../host/port";

export const RECORD_SHEETS = ["整改台账", "党员", "积分", "会议记录"] as const;

export type LedgerOutcome =
  | { kind: "none" }
  | { kind: "problems"; problems: Problem[]; states: SheetState[] }
  | { kind: "ok"; overview: Extract<OverviewResult, { ok: true }>["overview"]; states: SheetState[] };

export async function loadLedger(
  port: WorkbookPort,
  mapping: ColumnMapping,
  refresh: () => Promise<SheetState[]>,
  now: Date = new Date(),
): Promise<LedgerOutcome> {
  const states = await refresh();
  const has = (n: string) => states.some((s) => s.spec.name === n && s.actual !== undefined);
  if (!RECORD_SHEETS.some(has)) return { kind: "none" };
  const { grids } = await readInputs(port, states, mapping);
  const r = recordsOverview(grids, { asOf: now });
  return r.ok
    ? { kind: "ok", overview: r.overview, states }
    : { kind: "problems", problems: r.problems, states };
}

/** Adds the absent record sheets (headers, dropdowns, date columns); returns their names. */
export async function addRecordSheets(port: WorkbookPort): Promise<string[]> {
  if (!port.createTemplate) return [];
  return port.createTemplate(recordTemplateSheets());
}
