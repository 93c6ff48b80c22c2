/**
 * Writing output sheets: one sync to learn which sheets exist, then the deletions, the new
 * sheets, their values as whole 2-D arrays in row chunks that keep every request under
 * the byte budget (several small sheets share a request), and last the formats, all with
 * calculation and screen updating suspended. Two syncs when everything fits in one request.
 */
import { isFormulaCell, type OutputSheet } from "../engine/types";
import { Batch, type BatchStats, type ExcelCaps, type Limits } from "./excel-batch";
import { blockAddress, excelCell, jsonBytes } from "./excel-cells";
import { queueExtras, queueFormats } from "./excel-format";
import type { WriteOptions } from "./port";

/** Per-operation overhead of a request (action, ids, address), added to each chunk's estimate. */
const OP_BYTES = 200;

/** One output row as office-js is sent it, padded to `cols`; and whether it holds a formula. */
export function excelRow(
  row: OutputSheet["rows"][number],
  cols: number,
): { cells: (string | number | boolean)[]; formula: boolean } {
  const cells = new Array<string | number | boolean>(cols);
  let formula = false;
  for (let c = 0; c < cols; c++) {
    const v = c < row.length ? row[c] : "";
    if (isFormulaCell(v)) formula = true;
    cells[c] = excelCell(v ?? "");
  }
  return { cells, formula };
}

function width(sheet: OutputSheet): number {
  return sheet.rows.reduce((m, r) => Math.max(m, r.length), 0);
}

export async function writeSheetsIn(
  context: Excel.RequestContext,
  caps: ExcelCaps,
  sheets: OutputSheet[],
  onProgress: ((done: number, total: number) => void) | undefined,
  options: WriteOptions | undefined,
  limits: Limits,
  stats: BatchStats,
): Promise<void> {
  const wss = context.workbook.worksheets;
  wss.load("items/name,items/position");
  await context.sync();
  stats.syncs++;
  const existing = new Map(wss.items.map((w) => [w.name, w.position]));
  let count = existing.size;

  // Values fill each request up to the budget, less a margin for the formats that follow.
  const valueBudget = limits.requestBytes - 100_000;
  const cols = sheets.map(width);
  const totalBytes = sheets.reduce((n, sh, i) => n + sh.rows.length * (cols[i] * 8 + 4), 0);
  const total = Math.max(1, Math.ceil(totalBytes / valueBudget)) + 1;
  let done = 0;
  const batch = new Batch(context, caps, limits.requestBytes, true, stats);
  const sync = async () => {
    await batch.sync();
    onProgress?.(Math.min(++done, total - 1), total);
  };
  batch.open();

  const doomed = new Set([...(options?.remove ?? []), ...sheets.map((s) => s.name)]);
  for (const name of doomed) {
    if (!existing.has(name)) continue;
    wss.getItem(name).delete();
    count--;
  }
  const added: Excel.Worksheet[] = [];
  for (const [i, sheet] of sheets.entries()) {
    batch.open(OP_BYTES);
    const ws = wss.add(sheet.name);
    count++;
    const at = existing.get(sheet.name);
    if (at !== undefined && at < count - 1) ws.position = at;
    added.push(ws);
    let start = 0;
    let chunk: (string | number | boolean)[][] = [];
    let bytes = OP_BYTES;
    let formulas = false;
    const flush = () => {
      if (chunk.length === 0) return;
      const range = ws.getRange(blockAddress(start, 0, chunk.length, cols[i]));
      if (formulas) range.formulas = chunk;
      else range.values = chunk;
      batch.open(bytes);
      stats.chunks++;
      start += chunk.length;
      chunk = [];
      bytes = OP_BYTES;
      formulas = false;
    };
    for (const row of sheet.rows) {
      const { cells, formula } = excelRow(row, cols[i]);
      const b = jsonBytes(cells) + 1;
      if (batch.used + bytes + b > valueBudget && (chunk.length > 0 || batch.used > 0)) {
        flush();
        await sync();
        batch.open();
      }
      chunk.push(cells);
      bytes += b;
      formulas ||= formula;
    }
    flush();
  }
  // Formats after all values (Excel formats a filled range faster than it fills a formatted one).
  for (const [i, sheet] of sheets.entries()) {
    if (!batch.fits(4_000)) {
      await sync();
      batch.open();
    }
    batch.open(queueFormats(added[i], sheet, cols[i], caps, options?.tiers ?? []));
  }
  if (caps.settings) {
    for (const [key, value] of Object.entries(options?.settings ?? {})) {
      batch.open(jsonBytes([key, value]) + OP_BYTES);
      context.workbook.settings.add(key, value);
    }
  }
  if (added.length > 0) added[0].activate();
  for (const [i, sheet] of sheets.entries()) batch.open(queueExtras(added[i], sheet, cols[i], caps));
  await batch.sync();
  onProgress?.(total, total);
}
