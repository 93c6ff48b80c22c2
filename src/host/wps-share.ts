/**
 * The WPS host's less frequent writes: a new workbook's input sheets (开始), 模拟 → 应用 on
 * the 设置 sheet (only the 项目 | 值 cells it changes), and protecting sheets for 定稿.
 */
import { addr, planSettingsWrites, type TemplateSheet, type Grid } from "../engine";
import { blockAddress, columnAddress } from "./excel-cells";
import type { EtWorkbook } from "./wps-et";
import { addSheet, findSheet, worksheets } from "./wps-sheets";

/** Adds the template's sheets that are absent (rows as one block, bold header, widths); returns their names. */
export function createTemplateEt(wb: EtWorkbook, sheets: readonly TemplateSheet[]): string[] {
  const have = new Set(worksheets(wb).map((w) => w.Name.toLowerCase()));
  const todo = sheets.filter((t) => !have.has(t.name.toLowerCase()));
  for (const t of todo) {
    const ws = addSheet(wb, t.name);
    const cols = t.rows.reduce((m, r) => Math.max(m, r.length), 0);
    if (t.rows.length > 0 && cols > 0) {
      const block = t.rows.map((r) => Array.from({ length: cols }, (_, c) => r[c] ?? ""));
      ws.Range(blockAddress(0, 0, block.length, cols)).Value2 = block;
      ws.Range(blockAddress(0, 0, 1, cols)).Font.Bold = true;
    }
    t.widths.forEach((w, c) => {
      ws.Range(columnAddress(c, 0, 1)).ColumnWidth = w;
    });
  }
  return todo.map((t) => t.name);
}

/** Set 项目 | 值 rows of the settings input sheet (created with its header when absent), other cells kept. */
export function writeSettingsRowsEt(
  wb: EtWorkbook,
  sheet: string,
  grid: Grid | undefined,
  rows: [string, string | number][],
): void {
  const ws = findSheet(wb, sheet) ?? addSheet(wb, sheet);
  // A handful of cells, each where its key's row is: the only cell-sized writes of the host.
  for (const w of planSettingsWrites(grid ?? [], rows)) {
    const cell = ws.Range(addr(w.r, w.c));
    if (typeof w.value === "string") cell.NumberFormat = "@";
    cell.Value2 = w.value;
  }
}

/** Protect the listed sheets that exist; returns their names. */
export function protectSheets(wb: EtWorkbook, names: readonly string[]): string[] {
  const done: string[] = [];
  for (const n of names) {
    const ws = findSheet(wb, n);
    if (!ws) continue;
    ws.Protect();
    done.push(n);
  }
  return done;
}
