/**
 * The one seam between the UI and a workbook. Excel (office-js) and .xlsx files (exceljs)
 * both implement it, and both hand the engine the same grids.
 */
import type { Grid, OutputSheet } from "../engine/types";

export interface WorkbookPort {
  /** Where the workbook lives: "excel" inside Office, "file" for an .xlsx opened in the browser or CLI. */
  readonly kind: "excel" | "file";
  /** Names of all worksheets, in workbook order. */
  listSheets(): Promise<string[]>;
  /** Used range of each named sheet from A1 (values as range.values gives them); missing sheets are absent. */
  readSheets(names: string[]): Promise<Record<string, Grid>>;
  /** Create or replace these output sheets whole; never touches any other sheet. */
  writeSheets(sheets: OutputSheet[], onProgress?: (done: number, total: number) => void): Promise<void>;
  /** Delete output sheets by name if present (e.g. stale 结果 when writing 问题). */
  deleteSheets(names: string[]): Promise<void>;
  /** Select a cell for the user (sheet + A1 address); a no-op where there is no selection. */
  selectCell(sheet: string, address: string): Promise<void>;
}
