/**
 * 模拟 → 应用 on an .xlsx: set the 值 of some 项目 rows of 设置 (or append rows), editing
 * only those cells of the sheet's XML; its styles, comments, validations and every other
 * cell keep their bytes. Text is written as an inline string, numbers as numbers.
 */
import { addr, parseAddr, type CellWrite, type OutputSheet } from "../../engine";
import { SETTINGS_SHEET } from "../port";
import { attr, escapeCellText, needsPreserve, removeAttr, rootPrefix, setAttr } from "./xml";

function esc(p: string): string {
  return p.replace(/[.]/g, "\\.");
}

function cellXml(p: string, ref: string, value: string | number, style: string | undefined): string {
  const s = style !== undefined ? ` s="${style}"` : "";
  if (typeof value === "number") return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
  const space = needsPreserve(value) ? ' xml:space="preserve"' : "";
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${space}>${escapeCellText(value)}</${p}t></${p}is></${p}c>`;
}

/** Put one cell into a row's XML (replacing the cell of that address, else in column order). */
function putInRow(p: string, row: string, w: CellWrite): string {
  const P = esc(p);
  const ref = addr(w.r, w.c);
  let open = /^<[^>]*?(?=\/?>)/.exec(row)![0];
  open = removeAttr(open, "spans"); // a hint only; it may no longer cover the row's cells
  let body = row.endsWith("/>") ? "" : row.slice(row.indexOf(">") + 1, row.lastIndexOf("<"));
  const cellRe = new RegExp(`<${P}c(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${P}c>)`, "g");
  let done = false;
  body = body.replace(cellRe, (cell) => {
    if (done) return cell;
    const r = attr(cell.slice(0, cell.indexOf(">") + 1), "r");
    const at = r ? parseAddr(r).c : -1;
    if (r === ref) {
      done = true;
      return cellXml(p, ref, w.value, attr(cell.slice(0, cell.indexOf(">") + 1), "s"));
    }
    if (at > w.c) {
      done = true;
      return cellXml(p, ref, w.value, undefined) + cell;
    }
    return cell;
  });
  if (!done) body += cellXml(p, ref, w.value, undefined);
  return `${open}>${body}</${p}row>`;
}

/** The worksheet XML with these cells set (rows created where absent, in row order). */
export function setCells(xml: string, writes: CellWrite[]): string {
  const p = rootPrefix(xml);
  const P = esc(p);
  let out = xml.replace(new RegExp(`<${P}sheetData\\s*/>`), `<${p}sheetData></${p}sheetData>`);
  const rowRe = new RegExp(`<${P}row(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${P}row>)`, "g");
  for (const w of writes) {
    const n = w.r + 1;
    let found = false;
    out = out.replace(rowRe, (row) => {
      if (found || Number(attr(row.slice(0, row.indexOf(">") + 1), "r")) !== n) return row;
      found = true;
      return putInRow(p, row, w);
    });
    if (found) continue;
    const fresh = putInRow(p, `<${p}row r="${n}"/>`, w);
    let inserted = false;
    out = out.replace(rowRe, (row) => {
      if (inserted || Number(attr(row.slice(0, row.indexOf(">") + 1), "r")) < n) return row;
      inserted = true;
      return fresh + row;
    });
    if (!inserted) out = out.replace(`</${p}sheetData>`, `${fresh}</${p}sheetData>`);
  }
  return widenDimension(out, p, writes);
}

function widenDimension(xml: string, p: string, writes: CellWrite[]): string {
  const m = new RegExp(`<${esc(p)}dimension(?=[\\s/>])[^>]*>`).exec(xml);
  const ref = m ? attr(m[0], "ref") : undefined;
  if (!m || !ref) return xml;
  const [a, b = a] = ref.split(":");
  const tl = parseAddr(a);
  const br = parseAddr(b);
  let r2 = br.r;
  let c2 = br.c;
  for (const w of writes) {
    r2 = Math.max(r2, w.r);
    c2 = Math.max(c2, w.c);
  }
  const next = `${addr(tl.r, tl.c)}:${addr(r2, c2)}`;
  return next === ref ? xml : xml.replace(m[0], setAttr(m[0], "ref", next));
}

/** A key | value sheet of the product's own (the very hidden settings sheet, a new 设置). */
export function settingsSheet(rows: string[][], name = SETTINGS_SHEET): OutputSheet {
  return {
    name,
    rows,
    layout: { freezeRows: 0, numberFormats: {}, tierColumns: [], statusColumns: [], widths: [] },
  };
}

/** The hidden settings sheet's key | value rows with `update` applied (other keys kept). */
export function keyValueRows(grid: unknown[][], update: Record<string, string>): string[][] {
  const rows = grid
    .filter((r) => typeof r[0] === "string" && r[0] !== "" && !(r[0] in update))
    .map((r) => [String(r[0]), String(r[1] ?? "")]);
  for (const [k, v] of Object.entries(update)) rows.push([k, v]);
  return rows;
}
