/**
 * The shape nearly every cell of a big sheet has, read character by character with no
 * search calls: `<c r="AB12" s="3" t="s"><v>12.5</v></c>` (attributes r, s, t in any order,
 * t absent, "n" or "s"; no namespace prefix). Anything else — another attribute, a formula,
 * an inline string, an exponent, more than 15 significant digits — returns -1 and the
 * general scanner (sheet-reader.ts) reads the cell from the start, so this path only ever
 * decides what that scanner would decide; the value is read by the same decimalAt.
 */
import { decimalAt } from "./read-sheet";

/** What fastCell read, in one reused object (no allocation per cell). */
export const fastRead = { col: 0, style: 0, shared: false, value: 0 };

/**
 * Reads the cell whose '<' is at `lt` (the caller has seen "<c "); returns the offset after
 * its "</c>", or -1 when the cell is not of the simple shape or does not end before `stop`.
 */
export function fastCell(xml: string, lt: number, stop: number): number {
  let i = lt + 3;
  let col = -1;
  let style = 0;
  let shared = false;
  for (;;) {
    let ch = xml.charCodeAt(i);
    while (ch === 32) ch = xml.charCodeAt(++i);
    if (ch === 62) break; // '>'
    if (xml.charCodeAt(i + 1) !== 61 || xml.charCodeAt(i + 2) !== 34) return -1; // one-letter name, ="
    i += 3;
    let c = xml.charCodeAt(i);
    const start = i;
    if (ch === 114) {
      // r: column letters, then the row digits (the row comes from <row>, as in the scanner)
      let n = 0;
      while (c >= 65 && c <= 90) {
        n = n * 26 + (c - 64);
        c = xml.charCodeAt(++i);
      }
      if (i === start || i - start > 3) return -1;
      while (c >= 48 && c <= 57) c = xml.charCodeAt(++i);
      col = n - 1;
    } else if (ch === 115) {
      let n = 0;
      while (c >= 48 && c <= 57 && i - start < 9) {
        n = n * 10 + (c - 48);
        c = xml.charCodeAt(++i);
      }
      if (i === start) return -1;
      style = n;
    } else if (ch === 116) {
      if (c === 115) shared = true;
      else if (c !== 110) return -1;
      c = xml.charCodeAt(++i);
    } else return -1;
    if (c !== 34) return -1; // the closing quote
    i++;
  }
  if (col < 0) return -1;
  // <v>
  if (xml.charCodeAt(i + 1) !== 60 || xml.charCodeAt(i + 2) !== 118 || xml.charCodeAt(i + 3) !== 62)
    return -1;
  i += 4;
  const vs = i;
  let c = xml.charCodeAt(i);
  while (c !== 60 && i < stop) c = xml.charCodeAt(++i);
  const value = decimalAt(xml, vs, i);
  if (Number.isNaN(value) || i === vs) return -1;
  // </v></c>
  if (
    c !== 60 ||
    xml.charCodeAt(i + 1) !== 47 ||
    xml.charCodeAt(i + 2) !== 118 ||
    xml.charCodeAt(i + 3) !== 62 ||
    xml.charCodeAt(i + 4) !== 60 ||
    xml.charCodeAt(i + 5) !== 47 ||
    xml.charCodeAt(i + 6) !== 99 ||
    xml.charCodeAt(i + 7) !== 62 ||
    i + 8 > stop
  )
    return -1;
  fastRead.col = col;
  fastRead.style = style;
  fastRead.shared = shared;
  fastRead.value = value;
  return i + 8;
}
