/**
 * Shared types of the engine: what goes in (grids as Excel's range.values gives them)
 * and what comes out (output grids, problems). Pure data: no Office, DOM or Node.
 */
import type { MessageId, MessageParams } from "./messages";

/** A value as a cell holds it after reading (range.values, or the file host's reader). */
export type Scalar = string | number | boolean | null;

/** One sheet's used range, from A1, row-major. Empty cells are "" (or null). */
export type Grid = unknown[][];

/** The input workbook: sheet name → grid. */
export type Sheets = Record<string, Grid>;

/**
 * A native spreadsheet formula with its cached value. `formula` is written in English
 * function names and A1 references, WITHOUT the leading "=" (as .xlsx stores it); the Excel
 * host prefixes "=". Only functions of Excel 2007 (no _xlfn prefix) are used, so that
 * LibreOffice, WPS and Excel recalculate it alike.
 */
export interface FormulaCell {
  formula: string;
  value: Scalar;
}

export type OutCell = Scalar | FormulaCell;

export function isFormulaCell(c: unknown): c is FormulaCell {
  return typeof c === "object" && c !== null && typeof (c as FormulaCell).formula === "string";
}

/**
 * A problem with the user's input (or a notice): names the sheet and the cell (A1 address, or
 * "" for a whole sheet). `message` is the zh-CN text the output sheets show; `id` and `params`
 * (set by the engine) let a door render it in another locale (messages/index.ts).
 */
export interface Problem {
  sheet: string;
  cell: string;
  message: string;
  id?: MessageId;
  params?: MessageParams;
}

/** How a host should present an output sheet (both hosts read this, so they agree). */
export interface SheetLayout {
  /** Rows of header at the top of the sheet that should be frozen (0 = none). */
  freezeRows: number;
  /** When set, rows [0, tableRows) form one Excel table (header row + data) with filters. */
  table?: { name: string };
  /** Number format per 0-based column index, applied to the data rows (e.g. "0.00", "0.0%"). */
  numberFormats: Record<number, string>;
  /** 0-based columns holding a tier label: the hosts color them by tier position. */
  tierColumns: number[];
  /** 0-based columns holding a 达标/未达标 status: colored green/red. */
  statusColumns: number[];
  /** Column widths in characters, by 0-based column index (hosts may approximate). */
  widths: number[];
  /** Print setup for posting lists (公示): A4, header row repeated, fit to width. */
  print?: { repeatHeaderRows: number; fitToWidth: boolean; landscape: boolean };
  /** Rows (0-based) that start a new printed page (督办通知: one block per page). */
  pageBreaks?: number[];
  /** Charts the host may add (e.g. 汇总's counts by 等次): data range in A1 notation with its header row. */
  charts?: { title: string; type: "columnClustered" | "columnStacked"; range: string }[];
}

export interface OutputSheet {
  name: string;
  rows: OutCell[][];
  layout: SheetLayout;
}
