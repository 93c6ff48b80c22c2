/**
 * Writing one engine OutputSheet into a fresh exceljs worksheet, presented as its
 * SheetLayout says: frozen header, Excel table with filters, number formats, tier and status
 * colors as conditional formatting keyed on the text (so a reviewer's edit recolors),
 * widths, print setup. No Node APIs.
 */
import type ExcelJS from "exceljs";
import type { OutCell, OutputSheet } from "../engine/types";
import { columnLetter, toExcelValue } from "./file-cells";

/** Excel's built-in Good / Neutral / Bad cell styles. */
export const TIER_COLORS = {
  best: { fill: "FFC6EFCE", font: "FF006100" },
  middle: { fill: "FFFFEB9C", font: "FF9C5700" },
  worst: { fill: "FFFFC7CE", font: "FF9C0006" },
} as const;

type Tone = keyof typeof TIER_COLORS;

/** The color tone of each tier, best first: best green, lowest red, the rest amber. */
export function tierTones(tiers: readonly string[]): { tier: string; tone: Tone }[] {
  return tiers.map((tier, i) => ({
    tier,
    tone: i === 0 ? "best" : i === tiers.length - 1 ? "worst" : "middle",
  }));
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };

function quoteText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function colorRule(text: string, tone: Tone, priority: number): ExcelJS.ConditionalFormattingRule {
  const c = TIER_COLORS[tone];
  return {
    type: "cellIs",
    operator: "equal",
    formulae: [quoteText(text)],
    priority,
    style: {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: c.fill } },
      font: { color: { argb: c.font } },
    },
  };
}

function headerText(c: OutCell): string {
  if (c === null) return "";
  if (typeof c === "object") return String(c.value ?? "");
  return String(c);
}

/** Unique, non-empty table column names (Excel refuses duplicates). */
function tableColumnNames(header: OutCell[], width: number): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let i = 0; i < width; i++) {
    let name = headerText(header[i] ?? null).trim() || `列${i + 1}`;
    let n = 2;
    const base = name;
    while (seen.has(name)) name = `${base}${n++}`;
    seen.add(name);
    names.push(name);
  }
  return names;
}

/** An Excel table name: letters, digits, underscores; not a cell reference. */
export function safeTableName(name: string): string {
  let s = name.replace(/[^\p{L}\p{N}_]/gu, "_");
  if (!/^[\p{L}_]/u.test(s)) s = `_${s}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(s) || /^[RrCc]$/.test(s)) s = `_${s}`;
  return s;
}

/** Fills `ws` (fresh and empty) with the sheet's rows and presentation. */
export function writeOutputSheet(ws: ExcelJS.Worksheet, sheet: OutputSheet, tiers: readonly string[]): void {
  const { rows, layout } = sheet;
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const height = rows.length;
  if (height === 0 || width === 0) return;

  if (layout.table && height >= 1) {
    const names = tableColumnNames(rows[0], width);
    const body = rows.slice(1).map((r) => {
      const line: ExcelJS.CellValue[] = new Array(width);
      for (let c = 0; c < width; c++) line[c] = toExcelValue(r[c] ?? null);
      return line;
    });
    ws.addTable({
      name: safeTableName(layout.table.name),
      displayName: safeTableName(layout.table.name),
      ref: "A1",
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: names.map((name) => ({ name, filterButton: true })),
      // An empty table is invalid in Excel: keep one blank row.
      rows: body.length > 0 ? body : [new Array<ExcelJS.CellValue>(width).fill(null)],
    });
  } else {
    for (let r = 0; r < height; r++) {
      const src = rows[r];
      const row = ws.getRow(r + 1);
      for (let c = 0; c < src.length; c++) {
        const v = toExcelValue(src[c]);
        if (v !== null) row.getCell(c + 1).value = v;
      }
    }
  }

  const headerRows = Math.max(1, layout.freezeRows);
  for (let r = 1; r <= Math.min(headerRows, height); r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      if (!layout.table) cell.fill = HEADER_FILL;
      cell.border = { bottom: THIN };
      cell.alignment = { vertical: "middle", wrapText: true };
    }
  }

  for (const [key, fmt] of Object.entries(layout.numberFormats)) {
    const c = Number(key) + 1;
    for (let r = headerRows + 1; r <= height; r++) ws.getRow(r).getCell(c).numFmt = fmt;
  }

  layout.widths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });

  if (layout.freezeRows > 0) {
    ws.views = [
      { state: "frozen", xSplit: 0, ySplit: layout.freezeRows, topLeftCell: `A${layout.freezeRows + 1}` },
    ];
  }

  const last = Math.max(height, headerRows + 1);
  let priority = 1;
  const tones = tierTones(tiers);
  for (const col of layout.tierColumns) {
    if (tones.length === 0) break;
    const L = columnLetter(col);
    ws.addConditionalFormatting({
      ref: `${L}${headerRows + 1}:${L}${last}`,
      rules: tones.map(({ tier, tone }) => colorRule(tier, tone, priority++)),
    });
  }
  for (const col of layout.statusColumns) {
    const L = columnLetter(col);
    ws.addConditionalFormatting({
      ref: `${L}${headerRows + 1}:${L}${last}`,
      rules: [colorRule("达标", "best", priority++), colorRule("未达标", "worst", priority++)],
    });
  }

  if (layout.print) {
    const p = layout.print;
    ws.pageSetup = {
      paperSize: 9,
      orientation: p.landscape ? "landscape" : "portrait",
      fitToPage: p.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: p.repeatHeaderRows > 0 ? `1:${p.repeatHeaderRows}` : undefined,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    };
    ws.headerFooter = { oddFooter: "第 &P 页，共 &N 页" };
  }
}
