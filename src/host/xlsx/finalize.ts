/**
 * 定稿 on an .xlsx: every DJ.* formula (stored as `_xldudf_DJ_<NAME>(` or `DJ.<NAME>(`)
 * is dropped and its cached value kept (a dynamic array's spilled cells already carry
 * theirs), shared formulas whose master calls DJ.* go with it, calcChain.xml is dropped
 * (Excel rebuilds it); sheets can be protected without a password. Other parts keep their
 * bytes.
 */
import { DJ_CALL } from "../port";
import type { Opened } from "./open";
import { isRel, resolveTarget } from "./package";
import { isWorksheet, sheetPart } from "./edit";
import { attr, decodeText, escapeCellText, needsPreserve, removeAttr, rootPrefix, setAttr } from "./xml";

/** Is this formula text (as stored, without "=") a call of a DJ.* custom function? */
export function callsDj(formula: string): boolean {
  return DJ_CALL.test(formula);
}

/** One worksheet's XML without its DJ.* formulas; the count of cells changed. */
export function stripDjFormulas(xml: string): { xml: string; replaced: number } {
  const raw = rootPrefix(xml);
  const p = raw.replace(/[.]/g, "\\.");
  const cellRe = new RegExp(`<${p}c(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${p}c>)`, "g");
  const fRe = new RegExp(`<${p}f(?=[\\s>/])([^>]*?)(?:/>|>([\\s\\S]*?)</${p}f>)`);
  const vRe = new RegExp(`<${p}v(?:\\s[^>]*)?>([\\s\\S]*?)</${p}v>`);
  // Shared formulas whose master calls DJ.*: their other cells go too.
  const shared = new Set<string>();
  for (const cell of xml.match(cellRe) ?? []) {
    const f = fRe.exec(cell);
    if (f && attr(f[0], "t") === "shared" && f[2] && callsDj(decodeText(f[2])))
      shared.add(attr(f[0], "si") ?? "");
  }
  let replaced = 0;
  const out = xml.replace(cellRe, (cell) => {
    const f = fRe.exec(cell);
    if (!f) return cell;
    const text = f[2] ? decodeText(f[2]) : "";
    const isDj =
      text !== "" ? callsDj(text) : attr(f[0], "t") === "shared" && shared.has(attr(f[0], "si") ?? "");
    if (!isDj) return cell;
    replaced++;
    const open = /^<[^>]*?(?=\/?>)/.exec(cell)![0];
    let tag = removeAttr(open, "cm");
    const v = vRe.exec(cell);
    const type = attr(tag, "t");
    if (!v) return `${removeAttr(tag, "t")}/>`; // no cached value: an empty cell
    if (type === "str") {
      // A formula's text result becomes an inline string (t="str" belongs to formulas).
      const s = decodeText(v[1]);
      tag = setAttr(tag, "t", "inlineStr");
      const space = needsPreserve(s) ? ' xml:space="preserve"' : "";
      return `${tag}><${raw}is><${raw}t${space}>${escapeCellText(s)}</${raw}t></${raw}is></${raw}c>`;
    }
    return `${tag}>${v[0]}</${raw}c>`;
  });
  return { xml: out, replaced };
}

/** Drop every DJ.* formula in the workbook; the sheets that had some, and how many cells. */
export function stripDjWorkbook(o: Opened): { replaced: number; sheets: string[] } {
  let replaced = 0;
  const sheets: string[] = [];
  for (const s of o.workbook.sheets) {
    if (!isWorksheet(o, s)) continue;
    const part = sheetPart(o, s);
    const xml = part ? o.pkg.text(part, false) : undefined;
    if (!part || xml === undefined || !/DJ/i.test(xml)) continue;
    const r = stripDjFormulas(xml);
    if (r.replaced === 0) continue;
    o.pkg.setText(part, r.xml);
    replaced += r.replaced;
    sheets.push(s.name);
  }
  if (replaced > 0) dropCalcChain(o);
  return { replaced, sheets };
}

function dropCalcChain(o: Opened): void {
  const rel = o.rels.find((r) => isRel(r.type, "calcChain"));
  if (!rel) return;
  const part = resolveTarget(o.part, rel.target);
  o.rels = o.rels.filter((r) => r !== rel);
  o.pkg.setRels(o.part, o.rels);
  o.pkg.remove(part);
  o.types.removeOverride(part);
  o.pkg.setText("[Content_Types].xml", o.types.text);
}

/** `<sheetProtection sheet="1" …/>` (no password) right after sheetData, unless present. */
export function protectSheetXml(xml: string): string {
  const p = rootPrefix(xml);
  if (new RegExp(`<${p.replace(/[.]/g, "\\.")}sheetProtection[\\s/>]`).test(xml)) return xml;
  const el = `<${p}sheetProtection sheet="1" objects="1" scenarios="1"/>`;
  const close = `</${p}sheetData>`;
  let at = xml.indexOf(close);
  if (at >= 0) at += close.length;
  else {
    const m = new RegExp(`<${p.replace(/[.]/g, "\\.")}sheetData\\s*/>`).exec(xml);
    if (!m) return xml;
    at = m.index + m[0].length;
  }
  // sheetCalcPr, when present, comes between sheetData and sheetProtection.
  const calc = new RegExp(`^\\s*<${p.replace(/[.]/g, "\\.")}sheetCalcPr[^>]*/>`).exec(xml.slice(at));
  if (calc) at += calc[0].length;
  return xml.slice(0, at) + el + xml.slice(at);
}

/** Protect the named sheets (those present); returns the names protected. */
export function protectSheets(o: Opened, names: readonly string[]): string[] {
  const done: string[] = [];
  for (const s of o.workbook.sheets) {
    if (!names.includes(s.name) || !isWorksheet(o, s)) continue;
    const part = sheetPart(o, s);
    const xml = part ? o.pkg.text(part, false) : undefined;
    if (!part || xml === undefined) continue;
    o.pkg.setText(part, protectSheetXml(xml));
    done.push(s.name);
  }
  return done;
}
