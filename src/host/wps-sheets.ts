/**
 * Reading and the plumbing every WPS write shares: the worksheets by name, a sheet's used
 * range as a grid (whole 2-D blocks through Range.Value2, never cell by cell), the settings
 * sheet, and the application state a write switches off and always restores.
 */
import type { Grid } from "../engine";
import { blockAddress } from "./excel-cells";
import { SETTINGS_SHEET } from "./port";
import {
  XL_CALCULATION_MANUAL,
  XL_SHEET_VERY_HIDDEN,
  type EtApplication,
  type EtWorkbook,
  type EtWorksheet,
} from "./wps-et";

/** Rows per Range.Value2 transfer: large enough to be few calls, small enough to bound one array. */
export const BLOCK_ROWS = 10_000;

/** Every worksheet, in workbook order (hidden ones included). */
export function worksheets(wb: EtWorkbook): EtWorksheet[] {
  const out: EtWorksheet[] = [];
  const wss = wb.Worksheets;
  for (let i = 1; i <= wss.Count; i++) out.push(wss.Item(i));
  return out;
}

export function findSheet(wb: EtWorkbook, name: string): EtWorksheet | undefined {
  const lower = name.toLowerCase();
  // Sheet names are case-insensitive in WPS, as in Excel.
  return worksheets(wb).find((w) => w.Name.toLowerCase() === lower);
}

/**
 * Range.Value2 of a block as rows, blanks as "" (as range.values gives them). One cell comes
 * back as a scalar; a one-row block is also taken as a flat list of its cells, should ET
 * hand it over that way.
 */
export function blockValues(v: unknown, rows: number, cols: number): unknown[][] {
  const flatRow = rows === 1 && Array.isArray(v) && !(v as unknown[]).some(Array.isArray);
  const grid = !Array.isArray(v)
    ? [[v]]
    : flatRow
      ? [v as unknown[]]
      : (v as unknown[]).map((r) => (Array.isArray(r) ? r : [r]));
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const src = grid[r] ?? [];
    const row = new Array<unknown>(cols);
    for (let c = 0; c < cols; c++) {
      const x = src[c];
      row[c] = x === null || x === undefined ? "" : x;
    }
    out.push(row);
  }
  return out;
}

function blankRow(r: unknown[]): boolean {
  return r.every((v) => v === "");
}

/**
 * A sheet's cells from A1 to the bottom-right of its used range. WPS counts formatted empty
 * cells as used; trailing blank rows (and, reading the whole sheet, trailing blank columns)
 * are dropped so that the grid is what the other hosts give.
 */
export function readGrid(ws: EtWorksheet, limitRows?: number): Grid {
  const used = ws.UsedRange;
  let rows = used.Row - 1 + used.Rows.Count;
  const cols = used.Column - 1 + used.Columns.Count;
  if (limitRows !== undefined) rows = Math.min(rows, Math.max(0, limitRows));
  const grid: unknown[][] = [];
  for (let start = 0; start < rows && cols > 0; start += BLOCK_ROWS) {
    const n = Math.min(BLOCK_ROWS, rows - start);
    const block = ws.Range(blockAddress(start, 0, n, cols)).Value2;
    for (const r of blockValues(block, n, cols)) grid.push(r);
  }
  while (grid.length > 0 && blankRow(grid[grid.length - 1])) grid.pop();
  if (limitRows === undefined && grid.length > 0) {
    let width = cols;
    while (width > 0 && grid.every((r) => r[width - 1] === "")) width--;
    if (width < cols) for (let i = 0; i < grid.length; i++) grid[i] = grid[i].slice(0, width);
  }
  return grid;
}

/** A new worksheet at the end of the workbook, named. */
export function addSheet(wb: EtWorkbook, name: string): EtWorksheet {
  const wss = wb.Worksheets;
  const ws = wss.Add(null, wss.Item(wss.Count));
  ws.Name = name;
  return ws;
}

/** key | value rows of the settings sheet (the same very hidden sheet the Excel and file hosts use). */
export function readSettings(wb: EtWorkbook): Map<string, string> {
  const ws = findSheet(wb, SETTINGS_SHEET);
  const out = new Map<string, string>();
  if (!ws) return out;
  for (const r of readGrid(ws)) if (r[0] !== "") out.set(String(r[0]), String(r[1] ?? ""));
  return out;
}

/** Store settings (merged over what is there) as text cells of the very hidden settings sheet. */
export function writeSettingsSheet(wb: EtWorkbook, update: Record<string, string>): void {
  const map = readSettings(wb);
  for (const [k, v] of Object.entries(update)) map.set(k, v);
  let ws = findSheet(wb, SETTINGS_SHEET);
  if (!ws) {
    // Adding a sheet activates it: give the user back the sheet they were on.
    const active = wb.ActiveSheet;
    ws = addSheet(wb, SETTINGS_SHEET);
    ws.Visible = XL_SHEET_VERY_HIDDEN;
    active?.Activate();
  }
  ws.Cells.Clear();
  const rows = [...map].map(([k, v]) => [k, v]);
  if (rows.length === 0) return;
  const range = ws.Range(blockAddress(0, 0, rows.length, 2));
  // Text format first, so a JSON value starting with "[" or "=" stays text.
  range.NumberFormat = "@";
  range.Value2 = rows;
}

/**
 * Run `work` with screen updating, automatic calculation, alerts (WPS asks before deleting
 * a sheet) and events off, and put all four back as they were on every exit path.
 */
export function whileWriting<T>(app: EtApplication, work: () => T): T {
  const saved = {
    ScreenUpdating: app.ScreenUpdating,
    Calculation: app.Calculation,
    DisplayAlerts: app.DisplayAlerts,
    EnableEvents: app.EnableEvents,
  };
  app.ScreenUpdating = false;
  app.Calculation = XL_CALCULATION_MANUAL;
  app.DisplayAlerts = false;
  app.EnableEvents = false;
  try {
    return work();
  } finally {
    app.EnableEvents = saved.EnableEvents;
    app.DisplayAlerts = saved.DisplayAlerts;
    app.Calculation = saved.Calculation;
    app.ScreenUpdating = saved.ScreenUpdating;
  }
}
