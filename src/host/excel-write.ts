/**
 * Writing output sheets: one sync to learn which sheets exist, then the deletions, the new
 * sheets, their values as whole 2-D arrays in row chunks that keep every request under
 * the byte budget (several small sheets share a request), and last the formats, all with
 * calculation and screen updating suspended. Two syncs when everything fits in one request.
 */
import { isFormulaCell, type OutputSheet } from "../engine/types";
import { Batch, type BatchStats, type ExcelCaps, type Limits } from "./excel-batch";
import { blockAddress, excelCell, jsonBytes } from "./excel-cells";
import { queueFormats } from "./excel-format";
import type { WriteOptions } from "./port";

/** Per-operation overhead of a request (action, ids, address), added to each chunk's estimate. */
const OP_BYTES = 200;

export interface Chunk {
  row: number;
  values: (string | number | boolean)[][];
  formulas: boolean;
  bytes: number;
}

/** Cut a sheet's rows (padded to `cols`) into chunks of at most `budget` payload bytes. */
export function chunkRows(sheet: OutputSheet, cols: number, budget: number): Chunk[] {
  const out: Chunk[] = [];
  let cur: Chunk | null = null;
  sheet.rows.forEach((row, r) => {
    const cells: (string | number | boolean)[] = new Array<string | number | boolean>(cols);
    let formulas = false;
    for (let c = 0; c < cols; c++) {
      const v = c < row.length ? row[c] : "";
      if (isFormulaCell(v)) formulas = true;
      cells[c] = excelCell(v ?? "");
    }
    const bytes = jsonBytes(cells) + 1;
    if (cur === null || (cur.values.length > 0 && cur.bytes + bytes > budget)) {
      cur = { row: r, values: [], formulas: false, bytes: OP_BYTES };
      out.push(cur);
    }
    cur.values.push(cells);
    cur.formulas ||= formulas;
    cur.bytes += bytes;
  });
  return out;
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

  // Values budget leaves room for the formats queued with the last chunk.
  const plan = sheets.map((s) => {
    const cols = width(s);
    return { sheet: s, cols, chunks: chunkRows(s, cols, limits.requestBytes - 100_000) };
  });
  const total = plan.reduce((n, p) => n + p.chunks.length, 0) + 1;
  let done = 0;
  const batch = new Batch(context, caps, limits.requestBytes, true, stats);
  await batch.room(0);

  const doomed = new Set([...(options?.remove ?? []), ...sheets.map((s) => s.name)]);
  for (const name of doomed) {
    if (!existing.has(name)) continue;
    wss.getItem(name).delete();
    count--;
  }
  const added: Excel.Worksheet[] = [];
  for (const p of plan) {
    const ws = wss.add(p.sheet.name);
    count++;
    const at = existing.get(p.sheet.name);
    if (at !== undefined && at < count - 1) ws.position = at;
    added.push(ws);
    for (const ch of p.chunks) {
      const before = stats.syncs;
      await batch.room(ch.bytes);
      if (stats.syncs !== before) onProgress?.(done, total);
      const range = ws.getRange(blockAddress(ch.row, 0, ch.values.length, p.cols));
      if (ch.formulas) range.formulas = ch.values;
      else range.values = ch.values;
      stats.chunks++;
      done++;
    }
  }
  // Formats after all values (Excel formats a filled range faster than it fills a formatted one).
  for (let i = 0; i < plan.length; i++) {
    const p = plan[i];
    await batch.room(queueFormats(added[i], p.sheet, p.cols, caps, options?.tiers ?? []));
  }
  if (caps.settings) {
    for (const [key, value] of Object.entries(options?.settings ?? {})) {
      await batch.room(jsonBytes([key, value]) + OP_BYTES);
      context.workbook.settings.add(key, value);
    }
  }
  if (added.length > 0) added[0].activate();
  await batch.sync();
  onProgress?.(total, total);
}
