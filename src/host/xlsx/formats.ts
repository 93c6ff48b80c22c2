/**
 * Number formats for the browser preview (65.70, 58.7%): each cellXfs index's format code,
 * and the style index of the cells in the first rows of a sheet's XML. Read-only, small.
 */
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
