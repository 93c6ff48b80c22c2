/**
 * Formats of an output sheet, queued after its values (one small payload per sheet):
 * table, number formats, tier and status colors (conditional formats, so they follow
 * later edits), widths, frozen header, print setup, charts.
 */
import type { OutputSheet, SheetLayout } from "../engine";
import type { ExcelCaps } from "./excel-batch";
import { blockAddress, columnAddress, jsonBytes } from "./excel-cells";
import { STATUS_TONES, tierTone } from "./tones";

/** Fill and font colors ("#RRGGBB") of tier `i` of `n`, best first (the palette: tones.ts). */
export function tierColor(i: number, n: number): [string, string] {
  const t = tierTone(i, n);
  return [`#${t.fill}`, `#${t.font}`];
}

export const STATUS_COLORS: Record<string, [string, string]> = Object.fromEntries(
  STATUS_TONES.map(({ text, tone }) => [text, [`#${tone.fill}`, `#${tone.font}`]]),
);

/** Characters → points for column widths (CJK text runs about two characters wide). */
export function widthPoints(chars: number): number {
  return Math.round(chars * 6 + 6);
}

function textEquals(label: string): string {
  return `="${label.replace(/"/g, '""')}"`;
}

function colorEquals(range: Excel.Range, label: string, [fill, font]: [string, string]): void {
  const cf = range.conditionalFormats.add("CellValue");
  cf.cellValue.format.fill.color = fill;
  cf.cellValue.format.font.color = font;
  cf.cellValue.rule = { formula1: textEquals(label), operator: "EqualTo" };
}

/** Rows a chart spans (about 300 points at the default row height). */
const CHART_ROWS = 16;

/** 0-based first row of an A1 range ("A12:D20" → 11). */
export function firstRow(a1: string): number {
  const m = /^\$?[A-Za-z]+\$?(\d+)/.exec(a1.replace(/^.*!/, ""));
  return m ? Number(m[1]) - 1 : 0;
}

function chartType(
  t: NonNullable<SheetLayout["charts"]>[number]["type"],
): "ColumnStacked" | "ColumnClustered" {
  return t === "columnStacked" ? "ColumnStacked" : "ColumnClustered";
}

/**
 * Queue the formats of a sheet whose values are written (rows × cols from A1): table,
 * number formats, colors, widths, frozen header. Returns the approximate payload bytes queued.
 */
export function queueFormats(
  ws: Excel.Worksheet,
  sheet: OutputSheet,
  cols: number,
  caps: ExcelCaps,
  tiers: string[],
): number {
  const l = sheet.layout;
  const rows = sheet.rows.length;
  const data = rows - 1;
  let bytes = 0;
  if (rows > 0 && cols > 0) {
    if (l.table) {
      const table = ws.tables.add(blockAddress(0, 0, Math.max(rows, 1), cols), true);
      table.name = l.table.name;
      table.style = "TableStyleMedium2";
      bytes += jsonBytes(l.table.name) + 200;
    } else {
      ws.getRange(blockAddress(0, 0, 1, cols)).format.font.bold = true;
      bytes += 100;
    }
  }
  if (data > 0) {
    for (const [c, fmt] of Object.entries(l.numberFormats)) {
      ws.getRange(columnAddress(Number(c), 1, data)).numberFormat = [[fmt]];
      bytes += jsonBytes(fmt) + 100;
    }
    if (caps.conditionalFormats) {
      for (const c of l.tierColumns) {
        const range = ws.getRange(columnAddress(c, 1, data));
        tiers.forEach((t, i) => colorEquals(range, t, tierColor(i, tiers.length)));
        bytes += tiers.length * 300;
      }
      for (const c of l.statusColumns) {
        const range = ws.getRange(columnAddress(c, 1, data));
        for (const [label, colors] of Object.entries(STATUS_COLORS)) colorEquals(range, label, colors);
        bytes += 600;
      }
    }
  }
  l.widths.forEach((w, c) => {
    if (c < cols) ws.getRange(columnAddress(c, 0, 1)).format.columnWidth = widthPoints(w);
  });
  bytes += l.widths.length * 80;
  if (l.freezeRows > 0 && caps.freezePanes) ws.freezePanes.freezeRows(l.freezeRows);
  return bytes;
}

/**
 * Queue print setup and charts: queued last in the request, after every other format and
 * the settings, so that if Excel rejects one of them, everything else is already done
 * (the error still reaches the user).
 */
export function queueExtras(ws: Excel.Worksheet, sheet: OutputSheet, cols: number, caps: ExcelCaps): number {
  const l = sheet.layout;
  let bytes = 0;
  let nextRow = 0;
  for (const ch of l.charts ?? []) {
    const chart = ws.charts.add(chartType(ch.type), ws.getRange(ch.range), "Columns");
    chart.title.text = ch.title;
    chart.legend.position = "Bottom";
    // Beside its data, one column right of the written block; charts never overlap.
    const row = Math.max(firstRow(ch.range), nextRow);
    chart.setPosition(blockAddress(row, cols + 1, 1, 1), blockAddress(row + CHART_ROWS - 1, cols + 8, 1, 1));
    nextRow = row + CHART_ROWS + 1;
    bytes += jsonBytes(ch) + 400;
  }
  if (l.print && caps.pageLayout) {
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.orientation = l.print.landscape ? "Landscape" : "Portrait";
    if (l.print.repeatHeaderRows > 0) ws.pageLayout.setPrintTitleRows(`$1:$${l.print.repeatHeaderRows}`);
    if (l.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1 };
    // 督办通知: one block per printed page.
    for (const k of l.pageBreaks ?? []) ws.horizontalPageBreaks.add(`A${k + 1}`);
    bytes += 300 + (l.pageBreaks?.length ?? 0) * 80;
  }
  return bytes;
}
