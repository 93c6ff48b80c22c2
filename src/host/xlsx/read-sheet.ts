/**
 * The pieces of reading a workbook's cells: string items and the shared-string table (fed
 * in chunks), tag attributes and references scanned by hand (no DOM, no regular
 * expressions on the hot path), and which styles are dates. sheet-reader.ts walks a sheet.
 */
import { dateToSerial, type FormulaCell } from "../../engine";
import { decodeText, rootPrefix } from "./xml";
import { ZipError } from "./zip";

export type Value = string | number | boolean | Date | FormulaCell;

/** Excel's limits: a reference past them is not something Excel could have written. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** Shared by every absent row; never written to. */
export const EMPTY_ROW: Value[] = Object.freeze([]) as unknown as Value[];

/** The text of a string item (<si> or <is>): its <t> runs, phonetic runs (<rPh>) left out. */
export function itemText(inner: string, p: string): string {
  let s = inner;
  if (s.indexOf(`<${p}rPh`) >= 0) s = s.replace(new RegExp(`<${p}rPh[\\s>][\\s\\S]*?</${p}rPh>`, "g"), "");
  const open = `<${p}t`;
  let out = "";
  let i = s.indexOf(open);
  while (i >= 0) {
    const after = s.charCodeAt(i + open.length);
    // <t>, <t xml:space="preserve">, <t/>; not <tab> or another name starting with t.
    if (after === 62 || after === 32 || after === 47 || after === 9 || after === 10 || after === 13) {
      const gt = s.indexOf(">", i);
      if (gt < 0) break;
      if (s.charCodeAt(gt - 1) === 47) {
        i = s.indexOf(open, gt);
        continue;
      }
      const end = s.indexOf("<", gt + 1);
      if (end < 0) break;
      out += s.slice(gt + 1, end);
      i = s.indexOf(open, end);
    } else i = s.indexOf(open, i + 1);
  }
  return decodeText(out);
}

/**
 * The shared-string table, fed in chunks: each call takes the complete <si> items of the
 * text so far and returns the rest to be continued.
 */
export class SharedStrings {
  readonly items: string[] = [];
  private buf = "";
  private p: string | undefined;

  feed(text: string): void {
    const buf = this.buf + text;
    const p = (this.p ??= rootPrefix(buf));
    const close = `</${p}si>`;
    const cut = buf.lastIndexOf(close);
    if (cut < 0) {
      this.buf = buf;
      return;
    }
    this.scan(buf.slice(0, cut + close.length), p);
    this.buf = buf.slice(cut + close.length);
  }

  private scan(xml: string, p: string): void {
    const open = `<${p}si`;
    const close = `</${p}si>`;
    let i = xml.indexOf(open);
    while (i >= 0) {
      const gt = xml.indexOf(">", i);
      if (gt < 0) break;
      if (xml.charCodeAt(gt - 1) === 47) {
        this.items.push("");
        i = xml.indexOf(open, gt);
        continue;
      }
      const end = xml.indexOf(close, gt);
      if (end < 0) break;
      this.items.push(itemText(xml.slice(gt + 1, end), p));
      i = xml.indexOf(open, end);
    }
  }

  /** The table; throws ZipError when the part ends inside an item or before </sst>. */
  end(part = "xl/sharedStrings.xml"): string[] {
    const p = this.p ?? "";
    if (this.buf.indexOf(`<${p}si`) >= 0 || (this.p !== undefined && this.buf.indexOf(`</${p}sst>`) < 0))
      throw new ZipError(`${part}: the XML ends too early (truncated)`);
    this.buf = "";
    return this.items;
  }
}

/** The shared-string table (xl/sharedStrings.xml) of a whole text, as an array. */
export function parseSharedStrings(xml: string): string[] {
  const s = new SharedStrings();
  s.feed(xml);
  return s.end();
}

/** Column letters at `start` → 0-based index; -1 when there are none. */
export function columnIndex(s: string, start: number, end: number): number {
  let n = 0;
  let i = start;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === start ? -1 : n - 1;
}

/** What scanTag found in a <row> or <c> start tag. */
export interface TagAttrs {
  /** The r attribute's start and end offsets in the text (start < 0: absent). */
  rStart: number;
  rEnd: number;
  /** The t attribute's value (null: absent). */
  t: string | null;
  /** The s attribute (style index; 0 when absent). */
  s: number;
}

const found: TagAttrs = { rStart: -1, rEnd: -1, t: null, s: 0 };

/**
 * Reads the r and t attributes of a start tag between `i` (after the element name) and
 * `end` (its '>') by walking the characters: no slicing, no regular expressions.
 */
export function scanTag(xml: string, i: number, end: number): TagAttrs {
  found.rStart = -1;
  found.t = null;
  found.s = 0;
  while (i < end) {
    const c = xml.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (c === 47) break; // "/>"
    const nameStart = i;
    while (i < end && xml.charCodeAt(i) !== 61) i++;
    let nameEnd = i;
    while (nameEnd > nameStart && xml.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
    i++;
    while (i < end && xml.charCodeAt(i) <= 32) i++;
    const quote = xml.charCodeAt(i);
    const vStart = i + 1;
    const vEnd = xml.indexOf(quote === 39 ? "'" : '"', vStart);
    if (vEnd < 0) break;
    if (nameEnd - nameStart === 1) {
      const n = xml.charCodeAt(nameStart);
      if (n === 114) {
        found.rStart = vStart;
        found.rEnd = vEnd;
      } else if (n === 116) found.t = vEnd - vStart === 1 ? (xml[vStart] as string) : xml.slice(vStart, vEnd);
      else if (n === 115) found.s = intAt(xml, vStart, vEnd);
    }
    i = vEnd + 1;
  }
  return found;
}

/** Digits in [start, end) → a number (the row number of an r attribute). */
export function intAt(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** The offset of the first digit of a cell reference ("AB12" → 2). */
export function digitsFrom(s: string, start: number, end: number): number {
  let i = start;
  while (i < end && s.charCodeAt(i) > 57) i++;
  return i;
}

/** 1900-system serial of an ISO 8601 date-time (cells of type t="d"). */
export function isoToSerial(s: string): Value {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(s);
  if (!m) return s;
  const ms =
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) +
    Number(m[6] ?? 0) * 1000;
  return dateToSerial(new Date(ms));
}

/** Whether a tag name ends at this character (space, '>', '/', tab, newline). */
export function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** Built-in number formats that show a date (zh-CN included: 27–31, 36, 50–58 but times). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);

/** Whether a custom format code shows a date: y or d outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "");
  return /[yd]/i.test(bare.split(";")[0] ?? "");
}

/** The cellXfs indexes (a cell's s attribute) whose number format is a date. */
export function dateStyles(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = /numFmtId\s*=\s*"(\d+)"/.exec(m[0]);
    const code = /formatCode\s*=\s*"([^"]*)"/.exec(m[0]);
    if (id && code) custom.set(Number(id[1]), decodeText(code[1]));
  }
  const out = new Set<number>();
  const xfs = /<(?:\w+:)?cellXfs\b[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(stylesXml);
  if (!xfs) return out;
  let i = 0;
  for (const m of xfs[0].matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(/numFmtId\s*=\s*"(\d+)"/.exec(m[0])?.[1] ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) out.add(i);
    i++;
  }
  return out;
}

/** Exact powers of ten as doubles (10^0 … 10^22 are all representable). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number written in xml[start, end) when it is a plain decimal ("-12.375": optional
 * minus, digits, optional fraction), else NaN (the caller then uses Number()). With at most
 * 15 significant digits the mantissa and 10^k are exact doubles, so one division gives the
 * correctly rounded value: the same double as Number(text).
 */
export function decimalAt(xml: string, start: number, end: number): number {
  let i = start;
  const neg = xml.charCodeAt(i) === 45;
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < end; i++) {
    const c = xml.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) {
      m = m * 10 + c;
      if (m > 0) digits++;
      if (frac >= 0) frac++;
    } else if (c === -2 && frac < 0)
      frac = 0; // "."
    else return NaN;
  }
  if (digits > 15 || frac === 0 || i === (neg ? start + 1 : start)) return NaN;
  const x = frac > 0 ? m / POW10[frac]! : m;
  return neg ? -x : x;
}

/** A formula saved without its computed value (files written by programs, not by Excel). */
export function uncomputed(xml: string, f: number, end: number, p: string): FormulaCell {
  const gt = xml.indexOf(">", f);
  if (xml.charCodeAt(gt - 1) === 47) return { formula: "", value: null };
  const close = xml.indexOf(`</${p}f>`, gt);
  return { formula: decodeText(xml.slice(gt + 1, close < 0 || close > end ? gt + 1 : close)), value: null };
}

/**
 * Pads the rows to one width with "" (range.values' shape) when that costs little next to
 * the cells present; a sheet whose used range is mostly empty (one value at XFD1048576)
 * stays ragged: short rows, absent cells undefined, absent rows one shared empty array.
 */
export function rectangle(grid: Value[][]): Value[][] {
  let width = 0;
  let present = 0;
  for (const line of grid) {
    if (line.length > width) width = line.length;
    present += line.length;
  }
  if (width * grid.length > Math.max(1_000_000, 4 * present)) return grid;
  for (let r = 0; r < grid.length; r++) {
    let line = grid[r];
    if (line === EMPTY_ROW) line = grid[r] = [];
    for (let c = 0; c < width; c++) if (line[c] === undefined) line[c] = "";
  }
  return grid;
}
