/**
 * Cell values between exceljs and the engine's grids, as Excel's range.values gives them:
 * empty → "", dates → 1900-system serial numbers, formulas → their cached result, errors →
 * their text ("#N/A"), rich text and hyperlinks → their text, merged non-anchor cells → "".
 * No Node APIs: this runs in the browser too.
 */
import type ExcelJS from "exceljs";
import { isFormulaCell, type OutCell } from "../engine/types";

const MS_PER_DAY = 86_400_000;
/** Days between 1899-12-30 (Excel's day 0, counting its 1900 leap-year bug) and 1970-01-01. */
const EPOCH_OFFSET = 25_569;

/** A JavaScript Date (as exceljs reads it, UTC) → an Excel 1900-system serial number. */
export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + EPOCH_OFFSET;
}

/** An Excel 1900-system serial number → a UTC Date. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - EPOCH_OFFSET) * MS_PER_DAY));
}

type Primitive = string | number | boolean;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** One exceljs cell value → what range.values would hold. */
export function toGridValue(v: ExcelJS.CellValue | undefined): Primitive {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (isObject(v)) {
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result;
      return toGridValue(result);
    }
    if ("error" in v && typeof v.error === "string") return v.error;
    if ("richText" in v && Array.isArray(v.richText)) {
      return (v.richText as { text?: unknown }[])
        .map((r) => (typeof r.text === "string" ? r.text : ""))
        .join("");
    }
    if ("text" in v) {
      const text = v.text;
      if (typeof text === "string") return text;
      // A hyperlink whose text is rich text.
      if (isObject(text) && Array.isArray(text.richText))
        return toGridValue(text as unknown as ExcelJS.CellValue);
    }
  }
  return "";
}

/** exceljs's enum value for a merged (non-anchor) cell: ValueType.Merge. */
const MERGE_TYPE = 1;

/** A worksheet's used range from A1 as a grid (rows/columns beyond the last value are trimmed). */
export function worksheetToGrid(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: Primitive[][] = [];
  let width = 0;
  let height = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: Primitive[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.type === MERGE_TYPE) return;
      const value = toGridValue(cell.value);
      if (value === "") return;
      while (out.length < col - 1) out.push("");
      out[col - 1] = value;
    });
    if (out.length === 0) return;
    rows[rowNumber - 1] = out;
    if (out.length > width) width = out.length;
    height = rowNumber;
  });
  const grid: unknown[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const src = rows[r] ?? [];
    const line: Primitive[] = new Array(width);
    for (let c = 0; c < width; c++) line[c] = c < src.length && src[c] !== undefined ? src[c] : "";
    grid[r] = line;
  }
  return grid;
}

/** An engine output cell → an exceljs value (null leaves the cell empty). Text stays text. */
export function toExcelValue(c: OutCell): ExcelJS.CellValue {
  if (isFormulaCell(c)) {
    const v = c.value;
    if (v === null || v === "") return { formula: c.formula } as ExcelJS.CellFormulaValue;
    return { formula: c.formula, result: v } as ExcelJS.CellFormulaValue;
  }
  if (c === null || c === "") return null;
  if (typeof c === "number" && !Number.isFinite(c)) return { error: "#NUM!" };
  return c;
}

/** A 0-based column index → its letters (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
