/**
 * The state behind the recording fake of the Excel API (excel-fake.ts): sheets as 2-D cell
 * arrays plus what was done to them (formats, tables, charts …), workbook settings, and the
 * log of every request: its operations, request bytes and response bytes.
 */

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/** Excel on the web refuses a request or a response over 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface SheetModel {
  name: string;
  visibility: string;
  cells: unknown[][];
  /** Cells written through range.formulas with a leading "=" (address → formula). */
  formulas: Map<string, string>;
  numberFormats: { address: string; format: unknown[][] }[];
  tables: { address: string; hasHeaders: boolean; name?: string; style?: string }[];
  conditionalFormats: { address: string; type: string; rule?: unknown; fill?: string; font?: string }[];
  validations: { address: string; rule?: unknown; prompt?: unknown; errorAlert?: unknown }[];
  notes: { address: string; text: string }[];
  columnWidths: { address: string; width: number }[];
  bold: string[];
  frozenRows: number;
  charts: {
    type: string;
    source: string;
    seriesBy: string;
    title?: string;
    legend?: string;
    position?: string[];
  }[];
  pageLayout: Record<string, unknown>;
  /** Set by protection.protect(). */
  protected?: { password: string | null };
  /** Dynamic-array anchors ("row,col") → the block they spill to (anchor included). */
  spills: Map<string, Block>;
}

export function newSheet(name: string): SheetModel {
  return {
    name,
    visibility: "Visible",
    cells: [],
    formulas: new Map(),
    numberFormats: [],
    tables: [],
    conditionalFormats: [],
    validations: [],
    notes: [],
    columnWidths: [],
    bold: [],
    frozenRows: 0,
    charts: [],
    pageLayout: {},
    spills: new Map(),
  };
}

export interface RequestLog {
  /** Operation kinds in order (e.g. "range.values", "worksheets.add"). */
  ops: string[];
  requestBytes: number;
  responseBytes: number;
  failed?: string;
}

export interface Block {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/** Parse "B2", "A1:C3" or "$A$1:$C$3" (no sheet prefix, no whole columns). */
export function parseBlock(address: string): Block {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(address);
  if (!m) throw new OfficeError("InvalidArgument", `bad address ${address}`);
  const r1 = Number(m[2]) - 1;
  const c1 = colIndex(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? colIndex(m[3]) : c1;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
}

/** UTF-8 length by code point (no Buffer/TextEncoder, so the fake also runs under jsdom). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

export function jsonSize(v: unknown): number {
  return utf8Bytes(JSON.stringify(v) ?? "");
}

function blank(v: unknown): boolean {
  return v === "" || v === null || v === undefined;
}

/** Values-only used range of a sheet, or null when it is empty. */
export function usedBlock(s: SheetModel): Block | null {
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = -1;
  let c2 = -1;
  s.cells.forEach((row, r) => {
    if (!row) return;
    row.forEach((v, c) => {
      if (blank(v)) return;
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    });
  });
  return r2 < 0 ? null : { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

export function readBlock(s: SheetModel, b: Block): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 0; r < b.rows; r++) {
    const src = s.cells[b.row + r];
    const row: unknown[] = [];
    for (let c = 0; c < b.cols; c++) {
      const v = src ? src[b.col + c] : undefined;
      row.push(blank(v) ? "" : v);
    }
    out.push(row);
  }
  return out;
}

/** Write a 2-D array whose size must match the block exactly (as Excel requires). */
export function writeBlock(s: SheetModel, b: Block, values: unknown[][], _asFormulas: boolean): void {
  if (values.length !== b.rows || values.some((r) => r.length !== b.cols)) {
    throw new OfficeError(
      "InvalidArgument",
      `array ${values.length}×${values[0]?.length ?? 0} does not fit ${b.rows}×${b.cols}`,
    );
  }
  for (let r = 0; r < b.rows; r++) {
    const row = (s.cells[b.row + r] ??= []);
    for (let c = 0; c < b.cols; c++) {
      let v = values[r][c];
      if (typeof v === "string" && v.startsWith("'"))
        v = v.slice(1); // text prefix, not content
      else if (typeof v === "string" && v.startsWith("=")) s.formulas.set(`${b.row + r},${b.col + c}`, v);
      // Whether sent as values or formulas, a constant replaces the cell's formula (as in Excel).
      if (typeof v !== "string" || !v.startsWith("=")) s.formulas.delete(`${b.row + r},${b.col + c}`);
      row[b.col + c] = v;
    }
  }
}
