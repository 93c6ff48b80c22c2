/**
 * 建立模板: create the absent input sheets of a new workbook as Excel tables with their
 * headers and example rows, dropdowns (ExcelApi 1.8), header notes (1.18; before that, a
 * prompt shown when the header cell is selected), widths and a frozen header. Existing
 * sheets are never touched. One sync to list the sheets, one to create.
 */
import { TEMPLATE_VALIDATION_ROWS, type TemplateSheet } from "../engine";
import { Batch, type BatchStats, type ExcelCaps, type Limits } from "./excel-batch";
import { blockAddress, columnAddress, excelCell, jsonBytes } from "./excel-cells";
import { widthPoints } from "./excel-format";

/** Table names are ASCII, unique per sheet name. */
function tableName(sheet: string, i: number): string {
  const known: Record<string, string> = {
    设置: "Settings",
    标准: "Rubric",
    组织: "Branches",
    评分: "Scores",
  };
  return `BG_${known[sheet] ?? `Sheet${i + 1}`}`;
}

function queueSheet(context: Excel.RequestContext, caps: ExcelCaps, t: TemplateSheet, i: number): number {
  const ws = context.workbook.worksheets.add(t.name);
  const cols = t.rows.reduce((m, r) => Math.max(m, r.length), 0);
  const rows = t.rows.map((r) => Array.from({ length: cols }, (_, c) => excelCell(r[c] ?? "")));
  let bytes = jsonBytes(rows);
  if (cols === 0) return bytes;
  ws.getRange(blockAddress(0, 0, rows.length, cols)).values = rows;
  const table = ws.tables.add(blockAddress(0, 0, rows.length, cols), true);
  table.name = tableName(t.name, i);
  table.style = "TableStyleLight9";
  if (caps.dataValidation) {
    for (const v of t.validations) {
      const dv = ws.getRange(columnAddress(v.column, 1, TEMPLATE_VALIDATION_ROWS)).dataValidation;
      if (v.date) {
        dv.rule = { date: { formula1: "1900-01-01", operator: "GreaterThanOrEqualTo" } };
        dv.errorAlert = { showAlert: true, style: "Stop", title: "请填写日期", message: "如 2026-03-31" };
        bytes += 300;
        continue;
      }
      dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
      dv.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: "请从下拉列表中选择",
        message: `可选：${v.list.join("、")}`,
      };
      bytes += jsonBytes(v.list) * 2 + 300;
    }
  }
  for (const n of t.notes) {
    const cell = blockAddress(0, n.column, 1, 1);
    if (caps.notes) ws.notes.add(cell, n.text);
    else if (caps.dataValidation) {
      ws.getRange(cell).dataValidation.prompt = {
        showPrompt: true,
        title: String(t.rows[0]?.[n.column] ?? ""),
        message: n.text.slice(0, 255),
      };
    }
    bytes += jsonBytes(n.text) + 150;
  }
  t.widths.forEach((w, c) => {
    ws.getRange(columnAddress(c, 0, 1)).format.columnWidth = widthPoints(w);
  });
  if (t.freezeRows > 0 && caps.freezePanes) ws.freezePanes.freezeRows(t.freezeRows);
  return bytes + t.widths.length * 80;
}

export async function createTemplateIn(
  context: Excel.RequestContext,
  caps: ExcelCaps,
  sheets: TemplateSheet[],
  limits: Limits,
  stats: BatchStats,
): Promise<string[]> {
  const wss = context.workbook.worksheets;
  wss.load("items/name");
  await context.sync();
  stats.syncs++;
  const have = new Set(wss.items.map((w) => w.name));
  const todo = sheets.filter((s) => !have.has(s.name));
  if (todo.length === 0) return [];
  // A template is a few kilobytes: one request.
  const batch = new Batch(context, caps, limits.requestBytes, true, stats);
  batch.open();
  for (const [i, t] of todo.entries()) batch.open(queueSheet(context, caps, t, i));
  context.workbook.worksheets.getItem(todo[0].name).activate();
  await batch.sync();
  return todo.map((t) => t.name);
}
