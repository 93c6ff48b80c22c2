/**
 * What the task pane stores in the workbook, so it travels with the file and every door
 * (pane, browser, WPS, command line) reads the same: the column mapping, the header rows
 * chosen, the last run.
 */
import { HEADER_SEARCH_ROWS } from "./headers";
import type { ColumnMapping, HeaderRows } from "./layout";
import type { WorkbookPort } from "./port";

/** Workbook setting keys (they travel with the file). */
export const MAPPING_KEY = "branchGrader.columnMapping";
export const HEADER_ROWS_KEY = "branchGrader.headerRows";
export const LAST_RUN_KEY = "branchGrader.lastRun";

export interface LastRun {
  at: string;
  branches: number;
}

function parseJson<T>(text: string | null, valid: (v: unknown) => v is T): T | null {
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    return valid(v) ? v : null;
  } catch {
    // A hand-edited or foreign setting: treat as unset (the pane shows the defaults).
    return null;
  }
}

function isMapping(v: unknown): v is ColumnMapping {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  return Object.values(v).every(
    (m) =>
      typeof m === "object" &&
      m !== null &&
      !Array.isArray(m) &&
      Object.values(m).every((x) => typeof x === "string"),
  );
}

function isLastRun(v: unknown): v is LastRun {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as LastRun).at === "string" &&
    typeof (v as LastRun).branches === "number"
  );
}

export async function loadMapping(port: WorkbookPort): Promise<ColumnMapping> {
  if (!port.getSetting) return {};
  return parseJson(await port.getSetting(MAPPING_KEY), isMapping) ?? {};
}

function isHeaderRows(v: unknown): v is HeaderRows {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every(
      (x) => typeof x === "number" && Number.isInteger(x) && x >= 1 && x <= HEADER_SEARCH_ROWS,
    )
  );
}

export async function loadHeaderRows(port: WorkbookPort): Promise<HeaderRows> {
  if (!port.getSetting) return {};
  return parseJson(await port.getSetting(HEADER_ROWS_KEY), isHeaderRows) ?? {};
}

/** Save the chosen header rows in the workbook; false when the host cannot store settings. */
export async function saveHeaderRows(port: WorkbookPort, rows: HeaderRows): Promise<boolean> {
  if (!port.setSetting) return false;
  await port.setSetting(HEADER_ROWS_KEY, JSON.stringify(rows));
  return true;
}

export async function loadLastRun(port: WorkbookPort): Promise<LastRun | null> {
  if (!port.getSetting) return null;
  return parseJson(await port.getSetting(LAST_RUN_KEY), isLastRun);
}

/** Save the mapping in the workbook; false when the host cannot store settings. */
export async function saveMapping(port: WorkbookPort, mapping: ColumnMapping): Promise<boolean> {
  if (!port.setSetting) return false;
  await port.setSetting(MAPPING_KEY, JSON.stringify(mapping));
  return true;
}
