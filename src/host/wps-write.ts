/**
 * Writing output sheets through the ET object model: each sheet's values as whole 2-D
 * blocks (Range.Value2, or Range.Formula when a block holds formulas), then its formats:
 * bold header, number formats per column, tier and status colors as conditional formats
 * keyed on the cell text (so they follow later edits), column widths, print setup, frozen
 * header rows.
 *
 * An output sheet that exists (and is ours: the caller decided) is cleared and reused, not
 * deleted and re-added, so formulas elsewhere that point at it by name keep working.
 */
import type { OutputSheet } from "../engine";
import { blockAddress, columnAddress } from "./excel-cells";
import { STATUS_COLORS, tierColor } from "./excel-format";
import { excelRow } from "./excel-write";
import {
  XL_CELL_VALUE,
  XL_EQUAL,
  XL_LANDSCAPE,
  XL_PAPER_A4,
  XL_PORTRAIT,
  type EtApplication,
  type EtRange,
  type EtWorkbook,
  type EtWorksheet,
} from "./wps-et";
import { addSheet, BLOCK_ROWS, findSheet } from "./wps-sheets";

/** "#RRGGBB" → the BGR number ET's Color properties take (VBA's RGB(r, g, b)). */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace(/^#/, ""), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

function colorEquals(range: EtRange, label: string, [fill, font]: [string, string]): void {
  const fc = range.FormatConditions.Add(XL_CELL_VALUE, XL_EQUAL, `="${label.replace(/"/g, '""')}"`);
  fc.Interior.Color = bgr(fill);
  fc.Font.Color = bgr(font);
}

function width(sheet: OutputSheet): number {
  return sheet.rows.reduce((m, r) => Math.max(m, r.length), 0);
}

/** Blocks of rows written per sheet (for progress). */
export function blocksOf(sheet: OutputSheet): number {
  return Math.max(1, Math.ceil(sheet.rows.length / BLOCK_ROWS));
}

function writeValues(ws: EtWorksheet, sheet: OutputSheet, cols: number, onBlock: () => void): void {
  for (let start = 0; start < sheet.rows.length; start += BLOCK_ROWS) {
    const slice = sheet.rows.slice(start, start + BLOCK_ROWS);
    let formulas = false;
    const block = slice.map((row) => {
      const { cells, formula } = excelRow(row, cols);
      formulas ||= formula;
      return cells;
    });
    const range = ws.Range(blockAddress(start, 0, block.length, cols));
    if (formulas) range.Formula = block;
    else range.Value2 = block;
    onBlock();
  }
}

function writeFormats(ws: EtWorksheet, sheet: OutputSheet, cols: number, tiers: readonly string[]): void {
  const l = sheet.layout;
  const data = sheet.rows.length - 1;
  if (sheet.rows.length > 0 && cols > 0) ws.Range(blockAddress(0, 0, 1, cols)).Font.Bold = true;
  if (data > 0) {
    for (const [c, fmt] of Object.entries(l.numberFormats)) {
      ws.Range(columnAddress(Number(c), 1, data)).NumberFormat = fmt;
    }
    for (const c of l.tierColumns) {
      const range = ws.Range(columnAddress(c, 1, data));
      tiers.forEach((t, i) => colorEquals(range, t, tierColor(i, tiers.length)));
    }
    for (const c of l.statusColumns) {
      const range = ws.Range(columnAddress(c, 1, data));
      for (const [label, colors] of Object.entries(STATUS_COLORS)) colorEquals(range, label, colors);
    }
  }
  // ET's ColumnWidth counts characters, which is what the layout gives.
  l.widths.forEach((w, c) => {
    if (c < cols) ws.Range(columnAddress(c, 0, 1)).ColumnWidth = w;
  });
}

/** A4, orientation, header rows on every page, one page wide: the layout's print setup (公示). */
function writePrintSetup(ws: EtWorksheet, sheet: OutputSheet): void {
  const p = sheet.layout.print;
  if (!p) return;
  const page = ws.PageSetup;
  page.PaperSize = XL_PAPER_A4;
  page.Orientation = p.landscape ? XL_LANDSCAPE : XL_PORTRAIT;
  if (p.repeatHeaderRows > 0) page.PrintTitleRows = `$1:$${p.repeatHeaderRows}`;
  if (p.fitToWidth) {
    page.Zoom = false;
    page.FitToPagesWide = 1;
    page.FitToPagesTall = false;
  }
  // 督办通知: one block per printed page.
  for (const k of sheet.layout.pageBreaks ?? []) ws.HPageBreaks.Add(ws.Range(`A${k + 1}`));
}

/**
 * Freeze the header rows. Panes belong to a sheet's window, so the sheet is activated for it
 * (screen updating is off); a reused sheet's old panes are undone first.
 */
function freezeHeader(app: EtApplication, ws: EtWorksheet, rows: number): void {
  ws.Activate();
  const win = app.ActiveWindow;
  if (!win) return;
  win.FreezePanes = false;
  if (rows <= 0) return;
  win.SplitColumn = 0;
  win.SplitRow = rows;
  win.FreezePanes = true;
}

/**
 * Create or replace the sheets whole (the caller has decided ownership and removals), the
 * first of them left active. `onBlock` is called after every block of values.
 */
export function writeOutputSheets(
  app: EtApplication,
  wb: EtWorkbook,
  sheets: readonly OutputSheet[],
  tiers: readonly string[],
  onBlock: () => void,
): void {
  const written: EtWorksheet[] = [];
  for (const sheet of sheets) {
    const old = findSheet(wb, sheet.name);
    const ws = old ?? addSheet(wb, sheet.name);
    if (old) {
      ws.Cells.FormatConditions.Delete();
      ws.Cells.Clear();
    }
    const cols = width(sheet);
    if (cols > 0) writeValues(ws, sheet, cols, onBlock);
    writeFormats(ws, sheet, cols, tiers);
    writePrintSetup(ws, sheet);
    freezeHeader(app, ws, sheet.layout.freezeRows);
    written.push(ws);
  }
  written[0]?.Activate();
}
