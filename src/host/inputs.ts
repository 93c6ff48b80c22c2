/**
 * What every door (task pane, command line) knows about a workbook, through a WorkbookPort only:
 * which contract sheets exist (aliases resolved), which required headers are missing,
 * the user's column mapping (stored in the workbook), and the grids handed to the engine.
 */
import { normHeader } from "../engine/cells";
import { CONTRACT, resolveSheetName, type SheetSpec } from "../engine/contract";
import type { Grid } from "../engine/types";
import type { WorkbookPort } from "./port";

/** Workbook setting keys (they travel with the file). */
export const MAPPING_KEY = "branchGrader.columnMapping";
export const LAST_RUN_KEY = "branchGrader.lastRun";

/** Canonical sheet name → canonical header → the header text the user's sheet has instead. */
export type ColumnMapping = Record<string, Record<string, string>>;

export interface SheetState {
  spec: SheetSpec;
  /** The sheet's name in the workbook (may be the English alias); undefined when absent. */
  actual?: string;
  /** Header row texts, as they are (present sheets only). */
  headers: string[];
  /** Required headers not found, neither by name/alias nor through the mapping. */
  missing: string[];
}

export interface LastRun {
  at: string;
  branches: number;
}

export const CONTRACT_SHEETS: readonly SheetSpec[] = CONTRACT.sheets;
/** The sheets gradeWorkbook reads (DOMAIN §7 inputs; the optional ledgers are not graded here). */
export const GRADED_SHEETS = CONTRACT_SHEETS.filter((s) => s.required || s.name === "设置");

function headerText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/** Does a header cell stand for the spec header, by name, alias or the user's mapping? */
export function headerMatches(
  cell: string,
  sheet: string,
  spec: SheetSpec["headers"][number],
  mapping: ColumnMapping,
): boolean {
  const n = normHeader(cell);
  if (n === "") return false;
  if (n === normHeader(spec.name) || spec.aliases.some((a) => a.toLowerCase() === n)) return true;
  const mapped = mapping[sheet]?.[spec.name];
  return mapped !== undefined && normHeader(mapped) === n;
}

export function missingHeaders(spec: SheetSpec, headers: string[], mapping: ColumnMapping): string[] {
  return spec.headers
    .filter((h) => h.required && !headers.some((c) => headerMatches(c, spec.name, h, mapping)))
    .map((h) => h.name);
}

/** List the sheets, resolve the contract sheets and read their header rows (two port calls). */
export async function inspectWorkbook(port: WorkbookPort, mapping: ColumnMapping): Promise<SheetState[]> {
  const names = await port.listSheets();
  const actual = new Map<string, string>();
  for (const spec of CONTRACT_SHEETS) {
    const a = resolveSheetName(names, spec.name);
    if (a !== undefined) actual.set(spec.name, a);
  }
  const grids = actual.size > 0 ? await port.readSheets([...actual.values()], { rows: 1 }) : {};
  return CONTRACT_SHEETS.map((spec) => {
    const a = actual.get(spec.name);
    const grid = a !== undefined ? grids[a] : undefined;
    if (a === undefined || grid === undefined) return { spec, headers: [], missing: [] };
    const headers = (grid[0] ?? []).map(headerText);
    return { spec, actual: a, headers, missing: missingHeaders(spec, headers, mapping) };
  });
}

export function missingRequiredSheets(states: SheetState[]): string[] {
  return states.filter((s) => s.spec.required && s.actual === undefined).map((s) => s.spec.name);
}

/**
 * Rename the mapped header cells to their canonical names so the engine finds them.
 * Only row 0 is copied; the data rows are shared (the engine does not mutate grids).
 */
export function applyMapping(
  grids: Record<string, Grid>,
  states: SheetState[],
  mapping: ColumnMapping,
): Record<string, Grid> {
  const out: Record<string, Grid> = { ...grids };
  for (const st of states) {
    const m = mapping[st.spec.name];
    if (!st.actual || !m || !out[st.actual]) continue;
    const grid = out[st.actual];
    const header = [...(grid[0] ?? [])];
    let changed = false;
    for (const [canonical, mapped] of Object.entries(m)) {
      const already = header.some((c) => normHeader(c) === normHeader(canonical));
      const at = header.findIndex((c) => normHeader(c) === normHeader(mapped));
      if (!already && at >= 0) {
        header[at] = canonical;
        changed = true;
      }
    }
    if (changed) out[st.actual] = [header, ...grid.slice(1)];
  }
  return out;
}

/** Read the graded input sheets whole and apply the mapping. */
export async function readInputs(
  port: WorkbookPort,
  states: SheetState[],
  mapping: ColumnMapping,
): Promise<Record<string, Grid>> {
  const names = states.filter((s) => s.actual !== undefined).map((s) => s.actual as string);
  const grids = await port.readSheets(names);
  return applyMapping(grids, states, mapping);
}

/** The workbook name of a canonical sheet (for selecting a problem's cell). */
export function actualSheetName(states: SheetState[], canonical: string): string {
  return states.find((s) => s.spec.name === canonical)?.actual ?? canonical;
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
