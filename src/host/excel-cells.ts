/**
 * Pure helpers of the Excel host: A1 ranges, the cell values office-js is sent, and the
 * byte size of a request payload (Excel on the web refuses requests over 5 MB).
 */
import { colLetter, isFormulaCell, type OutCell } from "../engine";

/** A1 address of the block of `rows` × `cols` cells whose top-left is (row, col), 0-based. */
export function blockAddress(row: number, col: number, rows: number, cols: number): string {
  const tl = `${colLetter(col)}${row + 1}`;
  if (rows === 1 && cols === 1) return tl;
  return `${tl}:${colLetter(col + cols - 1)}${row + rows}`;
}

/** Whole-column address of 0-based column `col` over rows [row, row + rows). */
export function columnAddress(col: number, row: number, rows: number): string {
  return blockAddress(row, col, rows, 1);
}

/**
 * The value to send for an output cell. A formula becomes "=" + formula. Text that Excel
 * would take for a formula (leading =, +, - or @) is data, never a formula: it is sent
 * with a leading apostrophe, which Excel stores as a text prefix, not as content.
 */
export function excelCell(c: OutCell): string | number | boolean {
  if (isFormulaCell(c)) return `=${c.formula}`;
  if (c === null) return "";
  if (typeof c === "string" && /^[=+\-@]/.test(c)) return `'${c}`;
  return c;
}

/** UTF-8 byte length of a string (what the request body carries). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0x80) n += 1;
    else if (u < 0x800) n += 2;
    else if (u >= 0xd800 && u <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value serialized as JSON, as office-js serializes a request's arguments. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "");
}
