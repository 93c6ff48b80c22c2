/**
 * The one seam between the UI and a workbook. Excel (office-js), WPS 表格 (the ET object
 * model) and .xlsx files implement it, and all hand the engine the same grids.
 */
import type { TemplateSheet, Grid, OutputSheet } from "../engine";
import type { MergeRange } from "./headers";

/** Extra instructions for one `writeSheets` pass (all optional). */
/** The very hidden sheet of key | value rows where hosts keep the workbook's own settings. */
export const SETTINGS_SHEET = "_branch_grader";

/** A call of a DJ.* custom function in a formula (files store it as _xldudf_DJ_NAME). */
export const DJ_CALL = /(^|[^A-Za-z0-9_.])(DJ\.|_xldudf_DJ_)/i;

export interface WriteOptions {
  /** Tier labels, best first: hosts color the layout's tier columns by position. */
  tiers?: string[];
  /** Sheets to delete in the same pass when present (e.g. a stale 问题 after a clean grading). */
  remove?: string[];
  /** Workbook settings to store in the same pass (see `setSetting`). */
  settings?: Record<string, string>;
}

export interface ReadOptions {
  /** Read at most this many rows from the top of each sheet (e.g. 1 for the header row). */
  rows?: number;
}

/** What `finalizeForSharing` does (定稿 / 分享). */
export interface FinalizeOptions {
  /** The 说明 sheet (rules used), created or replaced like an output sheet. */
  explanation: OutputSheet;
  /** Output sheets to protect without a password, when present ([] protects none). */
  protect: string[];
}

export interface FinalizeReport {
  /** Cells whose DJ.* formula was replaced by its value (a spill counts its anchor once). */
  replaced: number;
  /** Sheets that held such formulas. */
  sheets: string[];
  /** Sheets protected. */
  protected: string[];
}

export interface WorkbookPort {
  /**
   * Where the workbook lives: "excel" inside Office, "wps" inside WPS 表格, "file" for an
   * .xlsx opened in the browser or CLI.
   */
  readonly kind: "excel" | "wps" | "file";
  /** Names of all worksheets, in workbook order. */
  listSheets(): Promise<string[]>;
  /** Used range of each named sheet from A1 (values as range.values gives them); missing sheets are absent. */
  readSheets(names: string[], options?: ReadOptions): Promise<Record<string, Grid>>;
  /**
   * Merged ranges (0-based, inclusive) that reach into the first `rows` rows of each named
   * sheet, for merged header cells (DOMAIN §7.1). Optional: without it, a blank header cell
   * under a label still takes that label (two-row headers).
   */
  readMerges?(names: string[], rows: number): Promise<Record<string, MergeRange[]>>;
  /** Number format codes of the formatted cells in a sheet's first rows (A1 → code): for previews. */
  readNumberFormats?(sheet: string, rows: number): Promise<Record<string, string>>;
  /** Create or replace these output sheets whole; never touches any other sheet (but `options.remove`). */
  writeSheets(
    sheets: OutputSheet[],
    onProgress?: (done: number, total: number) => void,
    options?: WriteOptions,
  ): Promise<void>;
  /** Delete output sheets by name if present (e.g. stale 结果 when writing 问题). */
  deleteSheets(names: string[]): Promise<void>;
  /** Select a cell for the user (sheet + A1 address); a no-op where there is no selection. */
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * Create the input sheets of a new workbook (header row, dropdowns, header notes, examples)
   * for those that are absent; never touches an existing sheet. Returns the names created.
   */
  createTemplate?(sheets: TemplateSheet[]): Promise<string[]>;
  /** A setting stored in the workbook, so it travels with the file (null when unset). */
  getSetting?(key: string): Promise<string | null>;
  setSetting?(key: string, value: string): Promise<void>;
  /**
   * Update or append 项目 | 值 rows of the settings input sheet (`sheet`, default 设置; created
   * with its header row when absent), matching keys by their exact (trimmed) text and keeping
   * every other row and cell. The only write to an input sheet, on the user's explicit click.
   */
  writeSettings?(rows: [string, string | number][], sheet?: string): Promise<void>;
  /**
   * 定稿: replace every DJ.* formula in the workbook by its value, write the 说明 sheet, and
   * protect the listed output sheets, so that a reviewer without the add-in sees values.
   */
  finalizeForSharing?(options: FinalizeOptions): Promise<FinalizeReport>;
}
