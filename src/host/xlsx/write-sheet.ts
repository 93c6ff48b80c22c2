/**
 * One engine OutputSheet as worksheet XML (and its table part), presented as its
 * SheetLayout says: frozen header, an Excel table with filters, number formats, tier and
 * status colors as conditional formats keyed on the text (a reviewer's edit recolors),
 * widths, print setup. Text is written as inline strings, so sharedStrings.xml is never
 * touched; text that looks like a formula stays text. Formulas carry their cached values.
 */
import { colLetter, isFormulaCell, type OutCell, type OutputSheet } from "../../engine";
import { escapeCellText, escapeXml, isPlainText, needsPreserve } from "./xml";
import type { EntryWriter } from "./entry-writer";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Style indices a sheet's cells and rules use (from the StyleBook). */
export interface SheetStyles {
  /** cellXfs index of the header row cells. */
  header: number;
  /** cellXfs index of data cells by 0-based column (number formats). */
  columns: Map<number, number>;
  /** dxf index per tier label (best first) and per status label. */
  tiers: { text: string; dxf: number }[];
  status: { text: string; dxf: number }[];
}

export interface SheetExtras {
  /** Relationship id of the table part, when the layout has a table. */
  tableRelId?: string;
  /** This sheet is the workbook's active tab. */
  selected: boolean;
}

export function sheetWidth(sheet: OutputSheet): number {
  let w = 0;
  for (const r of sheet.rows) if (r.length > w) w = r.length;
  return w;
}

function headerText(c: OutCell | undefined): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "object") return String(c.value ?? "");
  return String(c);
}

/** Unique, non-empty table column names (Excel refuses duplicates); header cells are written as these. */
export function tableColumnNames(header: readonly OutCell[], width: number): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let i = 0; i < width; i++) {
    const base = headerText(header[i]).trim() || `列${i + 1}`;
    let name = base;
    let n = 2;
    while (seen.has(name.toLowerCase())) name = `${base}${n++}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

function num(n: number): string {
  return String(n);
}

function inline(ref: string, s: number, text: string): string {
  const style = s ? ` s="${s}"` : "";
  const space = needsPreserve(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeCellText(text)}</t></is></c>`;
}

/** One cell's XML ("" for an empty unstyled cell). */
export function cellXml(ref: string, c: OutCell | undefined, s: number): string {
  const style = s ? ` s="${s}"` : "";
  if (c === null || c === undefined || c === "") return s ? `<c r="${ref}"${style}/>` : "";
  if (typeof c === "number") {
    if (!Number.isFinite(c)) return `<c r="${ref}"${style} t="e"><v>#NUM!</v></c>`;
    return `<c r="${ref}"${style}><v>${num(c)}</v></c>`;
  }
  if (typeof c === "string") return inline(ref, s, c);
  if (typeof c === "boolean") return `<c r="${ref}"${style} t="b"><v>${c ? 1 : 0}</v></c>`;
  if (isFormulaCell(c)) {
    const f = `<f>${escapeXml(c.formula.replace(/^=/, ""))}</f>`;
    const v = c.value;
    if (typeof v === "number" && Number.isFinite(v)) return `<c r="${ref}"${style}>${f}<v>${num(v)}</v></c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${style} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    if (typeof v === "string") return `<c r="${ref}"${style} t="str">${f}<v>${escapeCellText(v)}</v></c>`;
    return `<c r="${ref}"${style}>${f}</c>`;
  }
  return "";
}

function quoteText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Writes the worksheet XML of an output sheet into `out`, letting it deflate as it goes. */
export async function writeWorksheet(
  out: EntryWriter,
  sheet: OutputSheet,
  styles: SheetStyles,
  extras: SheetExtras,
): Promise<void> {
  const { rows, layout } = sheet;
  const width = sheetWidth(sheet);
  const height = rows.length;
  const letters = Array.from({ length: Math.max(width, 1) }, (_, i) => colLetter(i));
  const headerRows = height > 0 ? Math.min(Math.max(1, layout.freezeRows), height) : 0;
  const names = layout.table && height > 0 && width > 0 ? tableColumnNames(rows[0], width) : undefined;
  const lastRow = layout.table ? Math.max(height, 2) : height;
  const dim = width > 0 && height > 0 ? `A1:${letters[width - 1]}${lastRow}` : "A1";

  let head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
  if (layout.print?.fitToWidth) head += `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`;
  head += `<dimension ref="${dim}"/>`;
  const sel = extras.selected ? ' tabSelected="1"' : "";
  if (layout.freezeRows > 0) {
    const top = `A${layout.freezeRows + 1}`;
    head += `<sheetViews><sheetView${sel} workbookViewId="0"><pane ySplit="${layout.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`;
  } else head += `<sheetViews><sheetView${sel} workbookViewId="0"/></sheetViews>`;
  head += `<sheetFormatPr defaultRowHeight="15"/>`;
  const cols = layout.widths
    .map((w, i) =>
      w > 0 && i < Math.max(width, 1)
        ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`
        : "",
    )
    .join("");
  if (cols) head += `<cols>${cols}</cols>`;
  out.write(head + "<sheetData>");

  // Data cells are written as pieces straight into the entry's bytes (no string per cell or
  // row); numbers and text, nearly every cell, take the short way, the rest go through cellXml.
  const numOpen: string[] = [];
  const textOpen: string[] = [];
  const dataStyle: number[] = [];
  for (let c = 0; c < width; c++) {
    const st = styles.columns.get(c) ?? 0;
    const attr = st ? `" s="${st}"` : '"';
    dataStyle.push(st);
    numOpen.push(`${attr}><v>`);
    textOpen.push(`${attr} t="inlineStr"><is><t`);
  }
  for (let r = 0; r < height; r++) {
    const src = rows[r];
    const n = r + 1;
    let line = `<row r="${n}">`;
    if (r < headerRows) {
      for (let c = 0; c < width; c++) {
        const v = names && r === 0 ? names[c] : src[c];
        line += cellXml(letters[c] + n, v, styles.header);
      }
    } else {
      for (let c = 0; c < width; c++) {
        const v = src[c];
        if (typeof v === "number" && Number.isFinite(v))
          line += `<c r="${letters[c]}${n}${numOpen[c]}${num(v)}</v></c>`;
        else if (typeof v === "string" && v !== "") {
          const t = isPlainText(v)
            ? `>${v}`
            : `${needsPreserve(v) ? ' xml:space="preserve">' : ">"}${escapeCellText(v)}`;
          line += `<c r="${letters[c]}${n}${textOpen[c]}${t}</t></is></c>`;
        } else line += cellXml(letters[c] + n, v, dataStyle[c]);
      }
    }
    out.write(line + "</row>");
    if ((r & 1023) === 0) await out.ready();
  }
  // An Excel table needs one data row: keep a blank one under a lone header.
  if (layout.table && height === 1) out.write(`<row r="2"/>`);

  let tail = "</sheetData>";
  const first = headerRows + 1;
  const last = Math.max(lastRow, first);
  let priority = 1;
  for (const c of layout.tierColumns) {
    if (styles.tiers.length === 0 || c >= width) continue;
    const L = letters[c];
    tail += `<conditionalFormatting sqref="${L}${first}:${L}${last}">`;
    for (const t of styles.tiers) {
      tail += `<cfRule type="cellIs" dxfId="${t.dxf}" priority="${priority++}" operator="equal"><formula>${escapeXml(quoteText(t.text))}</formula></cfRule>`;
    }
    tail += "</conditionalFormatting>";
  }
  for (const c of layout.statusColumns) {
    if (c >= width) continue;
    const L = letters[c];
    tail += `<conditionalFormatting sqref="${L}${first}:${L}${last}">`;
    for (const t of styles.status) {
      tail += `<cfRule type="cellIs" dxfId="${t.dxf}" priority="${priority++}" operator="equal"><formula>${escapeXml(quoteText(t.text))}</formula></cfRule>`;
    }
    tail += "</conditionalFormatting>";
  }
  if (layout.print) {
    const p = layout.print;
    tail += `<printOptions horizontalCentered="1"/>`;
    tail += `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`;
    tail += `<pageSetup paperSize="9" orientation="${p.landscape ? "landscape" : "portrait"}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`;
    tail += `<headerFooter><oddFooter>${escapeXml("第 &P 页，共 &N 页")}</oddFooter></headerFooter>`;
    // 督办通知: one block per printed page (a break after 1-based row k starts row k + 1).
    const breaks = (layout.pageBreaks ?? []).filter((k) => k > 0 && k < height);
    if (breaks.length > 0)
      tail += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((k) => `<brk id="${k}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
  } else {
    tail += `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  }
  if (extras.tableRelId)
    tail += `<tableParts count="1"><tablePart r:id="${extras.tableRelId}"/></tableParts>`;
  out.write(tail + "</worksheet>");
}

/** The table part of a sheet whose layout has a table (header row + data, autofilter). */
export function tableXml(sheet: OutputSheet, id: number, name: string): string {
  const width = Math.max(sheetWidth(sheet), 1);
  const names = tableColumnNames(sheet.rows[0] ?? [], width);
  const ref = `A1:${colLetter(width - 1)}${Math.max(sheet.rows.length, 2)}`;
  const cols = names.map((n, i) => `<tableColumn id="${i + 1}" name="${escapeXml(n)}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS_MAIN}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${names.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** An Excel table name: letters, digits, underscores, periods; not a cell reference; ≤ 255. */
export function safeTableName(name: string): string {
  let s = name.replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(s)) s = `_${s}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(s) || /^[RrCc]$/.test(s) || /^[Rr]\d*[Cc]\d*$/.test(s)) s = `_${s}`;
  return s.slice(0, 250);
}
