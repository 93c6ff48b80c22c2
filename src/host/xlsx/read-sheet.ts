/**
 * Reading worksheets as the grids Excel's range.values gives (from A1 over the used range):
 * a hand-written scanner over <sheetData> (no DOM: sheets of 100,000 rows are common),
 * and the shared-string table. Dates stay serial numbers, formulas give their cached
 * values, errors their text, empty cells "". Trailing empty rows and columns are trimmed.
 */
import { decodeText, rootPrefix } from "./xml";

type Value = string | number | boolean;

/** The text of a string item (<si> or <is>): its <t> runs, phonetic runs (<rPh>) left out. */
function itemText(inner: string, p: string): string {
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

/** The shared-string table (xl/sharedStrings.xml) as an array. */
export function parseSharedStrings(xml: string): string[] {
  const p = rootPrefix(xml);
  const out: string[] = [];
  const open = `<${p}si`;
  const close = `</${p}si>`;
  let i = xml.indexOf(open);
  while (i >= 0) {
    const gt = xml.indexOf(">", i);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push("");
      i = xml.indexOf(open, gt);
      continue;
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) break;
    out.push(itemText(xml.slice(gt + 1, end), p));
    i = xml.indexOf(open, end);
  }
  return out;
}

/** Column letters at `start` → 0-based index; -1 when there are none. */
function columnIndex(s: string, start: number, end: number): number {
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
interface TagAttrs {
  /** The r attribute's start and end offsets in the text (start < 0: absent). */
  rStart: number;
  rEnd: number;
  /** The t attribute's value (null: absent). */
  t: string | null;
}

const found: TagAttrs = { rStart: -1, rEnd: -1, t: null };

/**
 * Reads the r and t attributes of a start tag between `i` (after the element name) and
 * `end` (its '>') by walking the characters: no slicing, no regular expressions.
 */
function scanTag(xml: string, i: number, end: number): TagAttrs {
  found.rStart = -1;
  found.t = null;
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
    }
    i = vEnd + 1;
  }
  return found;
}

/** Digits in [start, end) → a number (the row number of an r attribute). */
function intAt(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** The offset of the first digit of a cell reference ("AB12" → 2). */
function digitsFrom(s: string, start: number, end: number): number {
  let i = start;
  while (i < end && s.charCodeAt(i) > 57) i++;
  return i;
}

/** 1900-system serial of an ISO 8601 date-time (cells of type t="d"). */
function isoToSerial(s: string): Value {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(s);
  if (!m) return s;
  const ms =
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) +
    Number(m[6] ?? 0) * 1000;
  return ms / 86_400_000 + 25_569;
}

export interface ScanOptions {
  /** Read at most this many rows from the top. */
  rows?: number;
}

/** A worksheet part's text → its grid (used range from A1, trailing empties trimmed). */
export function readSheetGrid(xml: string, sst: readonly string[], options: ScanOptions = {}): Value[][] {
  const p = rootPrefix(xml);
  const ROW = `<${p}row`;
  const C = `<${p}c`;
  const C_END = `</${p}c>`;
  const V = `<${p}v`;
  const V_END = `</${p}v>`;
  const IS = `<${p}is`;
  const SHEET_DATA_END = `</${p}sheetData>`;
  const limit = options.rows ?? Infinity;

  const rows: Value[][] = [];
  let width = 0;
  let height = 0;
  const start = xml.indexOf(`<${p}sheetData`);
  if (start < 0) return [];
  let stop = xml.indexOf(SHEET_DATA_END, start);
  if (stop < 0) stop = xml.length;
  let row = -1;
  let col = -1;
  let pos = xml.indexOf(">", start) + 1;
  if (xml.charCodeAt(pos - 2) === 47) return [];

  while (pos < stop) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0 || lt >= stop) break;
    const gt = xml.indexOf(">", lt);
    if (gt < 0) break;
    if (xml.startsWith(ROW, lt) && isNameEnd(xml.charCodeAt(lt + ROW.length))) {
      const a = scanTag(xml, lt + ROW.length, gt);
      const r = a.rStart >= 0 ? intAt(xml, a.rStart, a.rEnd) : NaN;
      row = r > 0 ? r - 1 : row + 1;
      col = -1;
      if (row >= limit) break;
      pos = gt + 1;
      continue;
    }
    if (xml.startsWith(C, lt) && isNameEnd(xml.charCodeAt(lt + C.length))) {
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const a = scanTag(xml, lt + C.length, gt);
      const ci = a.rStart >= 0 ? columnIndex(xml, a.rStart, digitsFrom(xml, a.rStart, a.rEnd)) : -1;
      col = ci >= 0 ? ci : col + 1;
      const t = a.t;
      if (row < 0) row = 0;
      if (selfClosing) {
        pos = gt + 1;
        continue;
      }
      const end = xml.indexOf(C_END, gt);
      if (end < 0) break;
      pos = end + C_END.length;
      let value: Value = "";
      if (t === "inlineStr") {
        const is = xml.indexOf(IS, gt);
        if (is >= 0 && is < end) value = itemText(xml.slice(is, end), p);
      } else {
        const v = xml.indexOf(V, gt);
        if (v < 0 || v >= end) continue;
        const vgt = xml.indexOf(">", v);
        if (xml.charCodeAt(vgt - 1) === 47) continue;
        const vend = xml.indexOf(V_END, vgt);
        const text = xml.slice(vgt + 1, vend);
        if (t === null || t === "n") value = text === "" ? "" : Number(text);
        else if (t === "s") value = sst[Number(text)] ?? "";
        else if (t === "b") value = text.trim() === "1" || text.trim() === "true";
        else if (t === "d") value = isoToSerial(text.trim());
        else value = decodeText(text); // str, e
      }
      if (value === "") continue;
      let line = rows[row];
      if (line === undefined) line = rows[row] = [];
      line[col] = value;
      if (col + 1 > width) width = col + 1;
      if (row + 1 > height) height = row + 1;
      continue;
    }
    pos = gt + 1;
  }

  const grid: Value[][] = new Array<Value[]>(height);
  for (let r = 0; r < height; r++) {
    const src = rows[r];
    const line = new Array<Value>(width);
    if (src === undefined) line.fill("");
    else for (let c = 0; c < width; c++) line[c] = src[c] ?? "";
    grid[r] = line;
  }
  return grid;
}

/** Whether a tag name ends at this character (space, '>', '/', tab, newline). */
function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}
