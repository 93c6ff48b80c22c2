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

/** The raw value of attribute `name` (e.g. ' r="') in a start tag's text, or null. */
function rawAttr(tag: string, name: string): string | null {
  let i = tag.indexOf(name);
  let quote = '"';
  if (i < 0) {
    // Single quotes are legal XML too.
    i = tag.indexOf(name.replace('"', "'"));
    if (i < 0) return null;
    quote = "'";
  }
  const q = i + name.length;
  return tag.slice(q, tag.indexOf(quote, q));
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
      const r = rawAttr(xml.slice(lt, gt), ' r="');
      row = r !== null ? Number(r) - 1 : row + 1;
      col = -1;
      if (row >= limit) break;
      pos = gt + 1;
      continue;
    }
    if (xml.startsWith(C, lt) && isNameEnd(xml.charCodeAt(lt + C.length))) {
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const tag = xml.slice(lt, gt);
      const ref = rawAttr(tag, ' r="');
      const ci = ref !== null ? columnIndex(ref, 0, ref.length) : -1;
      col = ci >= 0 ? ci : col + 1;
      if (row < 0) row = 0;
      if (selfClosing) {
        pos = gt + 1;
        continue;
      }
      const end = xml.indexOf(C_END, gt);
      if (end < 0) break;
      pos = end + C_END.length;
      const t = rawAttr(tag, ' t="');
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
