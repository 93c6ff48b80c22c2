/**
 * Number formats for the browser preview (65.70, 58.7%): each cellXfs index's format code,
 * and the style index of the cells in the first rows of a sheet's XML. Read-only, small.
 */
import type { Package } from "./package";
import { decodeText } from "./xml";

/** Built-in format ids worth showing (the rest read as General). */
const BUILT_IN: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
};

/** cellXfs index → format code ("" for General). */
export function formatCodes(stylesXml: string): string[] {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = /numFmtId\s*=\s*"(\d+)"/.exec(m[0]);
    const code = /formatCode\s*=\s*"([^"]*)"/.exec(m[0]);
    if (id && code) custom.set(Number(id[1]), decodeText(code[1]!));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(stylesXml);
  if (!xfs) return [];
  return [...xfs[0].matchAll(/<(?:\w+:)?xf\b[^>]*>/g)].map((m) => {
    const id = Number(/numFmtId\s*=\s*"(\d+)"/.exec(m[0])?.[1] ?? 0);
    return custom.get(id) ?? BUILT_IN[id] ?? "";
  });
}

/** A1 address → style index, for the styled cells of the rows up to `rows` in this XML text. */
export function cellStyles(xml: string, rows: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of xml.matchAll(/<(?:\w+:)?c\b[^>]*>/g)) {
    const r = /\br\s*=\s*"([A-Z]+)(\d+)"/.exec(m[0]);
    const s = /\bs\s*=\s*"(\d+)"/.exec(m[0]);
    if (!r) continue;
    if (Number(r[2]) > rows) break;
    if (s && s[1] !== "0") out.set(r[1]! + r[2]!, Number(s[1]));
  }
  return out;
}

/** Column letters and row of an A1 reference → 0-based (row, col). */
function cellAt(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/**
 * The merged ranges (<mergeCell ref="A1:N1"/>, after </sheetData>) that start in the first
 * `rows` rows. `feed` takes the sheet's XML in chunks; only a short tail is kept before
 * </sheetData>, so memory stays small whatever the sheet's size.
 */
export class MergeScanner {
  private text = "";
  private after = false;
  readonly merges: { r0: number; c0: number; r1: number; c1: number }[] = [];
  constructor(private readonly rows: number) {}

  feed(chunk: string): boolean {
    this.text += chunk;
    if (!this.after) {
      const at = this.text.search(/<\/(?:\w+:)?sheetData>/);
      if (at < 0) {
        this.text = this.text.slice(-64);
        return true;
      }
      this.after = true;
      this.text = this.text.slice(at);
    }
    const cut = this.text.lastIndexOf(">");
    for (const m of this.text
      .slice(0, cut + 1)
      .matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*"([^"]+)"/g)) {
      const [a, b] = m[1]!.split(":");
      const p = cellAt(a ?? "");
      const q = cellAt(b ?? a ?? "");
      if (p && q && p.r < this.rows) this.merges.push({ r0: p.r, c0: p.c, r1: q.r, c1: q.c });
    }
    this.text = this.text.slice(cut + 1);
    return !/<\/(?:\w+:)?mergeCells>/.test(chunk);
  }
}

/** The merged ranges of a sheet part that start in its first `rows` rows. */
export function mergesOf(pkg: Package, part: string, rows: number): MergeScanner["merges"] {
  const scan = new MergeScanner(rows);
  pkg.streamText(part, (t) => scan.feed(t));
  return scan.merges;
}

/** A1 → format code of the styled cells in the first `rows` rows of a sheet part. */
export function formatsOf(
  pkg: Package,
  part: string,
  stylesXml: string,
  rows: number,
): Record<string, string> {
  const codes = formatCodes(stylesXml);
  let xml = "";
  const past = new RegExp(`<(?:\\w+:)?row\\b[^>]*\\br="${rows + 1}"`);
  // Only the top of the sheet: stop once the row after the last wanted one begins.
  pkg.streamText(part, (t) => {
    xml += t;
    return !past.test(xml.slice(-(t.length + 64))) && xml.length < 8_000_000;
  });
  const out: Record<string, string> = {};
  for (const [a, i] of cellStyles(xml, rows)) if (codes[i]) out[a] = codes[i]!;
  return out;
}
