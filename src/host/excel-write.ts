/**
 * Writing output sheets: one sync to learn which sheets exist, then the deletions, the new
 * sheets, their values as whole 2-D arrays in row chunks that keep every request under
 * the byte budget (several small sheets share a request), and last the formats, all with
 * calculation and screen updating suspended. Two syncs when everything fits in one request.
 *
 * An output sheet that exists already is cleared and reused, not deleted and re-added, so
 * the user's own formulas that point at it by name (='结果'!J2) keep working instead of
 * turning into #REF!. Its tables and charts must be named to be deleted: one more sync
 * loads them (re-grading: three syncs when everything fits in one request).
 */
import { isFormulaCell, type OutputSheet } from "../engine";
import { Batch, type BatchStats, type ExcelCaps, type Limits } from "./excel-batch";
import { blockAddress, excelCell, jsonBytes } from "./excel-cells";
import { queueExtras, queueFormats } from "./excel-format";
import { OWNED_SHEETS_KEY, expectedFirstRow, parseOwned, planOwnedWrite } from "./ownership";
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

/**
 * Empty a sheet for reuse, keeping the sheet itself (and so every reference to it): its
 * tables and charts (loaded by the caller), conditional formats, and all cells' contents
 * and formats go; column widths and the frozen header are set again by the layout.
 */
function clearSheet(ws: Excel.Worksheet, caps: ExcelCaps): void {
  for (const t of ws.tables.items) t.delete();
  for (const c of ws.charts.items) c.delete();
  const all = ws.getRange();
  if (caps.conditionalFormats) all.conditionalFormats.clearAll();
  all.clear("All");
  if (caps.freezePanes) ws.freezePanes.unfreeze();
}

/** A loaded first-row range (from A1) → the row as a grid. */
function firstRowGrid(r: Excel.Range): unknown[][] {
  return [(r.values[0] ?? []) as unknown[]];
}

export async function writeSheetsIn(
  context: Excel.RequestContext,
  caps: ExcelCaps,
  sheets: OutputSheet[],
  onProgress: ((done: number, total: number) => void) | undefined,
  options: WriteOptions | undefined,
  limits: Limits,
  stats: BatchStats,
  /** The ownership record where Workbook.settings is missing (read by the caller). */
  fallbackRecord: string | null = null,
): Promise<string> {
  const wss = context.workbook.worksheets;
  wss.load("items/name,items/position");
  // The ownership record rides on the first sync.
  const recordItem = caps.settings
    ? context.workbook.settings.getItemOrNullObject(OWNED_SHEETS_KEY)
    : undefined;
  recordItem?.load("value");
  await context.sync();
  stats.syncs++;
  const names = wss.items.map((w) => w.name);
  const existing = new Set(names);
  const stored = recordItem && !recordItem.isNullObject ? recordItem.value : fallbackRecord;
  const owned = parseOwned(typeof stored === "string" ? stored : null);
  const reused = new Map<string, Excel.Worksheet>();
  const firstRows = new Map<string, Excel.Range>();
  for (const name of [...sheets.map((s) => s.name), ...(options?.remove ?? [])]) {
    if (!existing.has(name) || reused.has(name)) continue;
    const ws = wss.getItem(name);
    ws.tables.load("items/name");
    ws.charts.load("items/name");
    reused.set(name, ws);
    if (owned === null) {
      // As wide as the row we would recognise; a wider row differs in its first cells anyway.
      const width = Math.max(1, expectedFirstRow(name, sheets).length);
      const row = ws.getRange(blockAddress(0, 0, 1, width));
      row.load("values");
      firstRows.set(name, row);
    }
  }
  if (reused.size > 0) {
    await context.sync();
    stats.syncs++;
  }
  // Decided before anything is written: a sheet the product did not write stops it all.
  const plan = planOwnedWrite(
    {
      existing: names,
      owned,
      firstRows: Object.fromEntries([...firstRows].map(([n, r]) => [n, firstRowGrid(r)])),
    },
    sheets,
    options?.remove ?? [],
  );
  for (const name of options?.remove ?? []) if (!sheets.some((s) => s.name === name)) reused.delete(name);
  const settings = { ...options?.settings, [OWNED_SHEETS_KEY]: plan.record };

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

  for (const name of new Set(plan.remove)) {
    if (existing.has(name) && !reused.has(name)) wss.getItem(name).delete();
  }
  const added: Excel.Worksheet[] = [];
  for (const [i, sheet] of sheets.entries()) {
    batch.open(OP_BYTES);
    const old = reused.get(sheet.name);
    const ws = old ?? wss.add(sheet.name);
    if (old) clearSheet(old, caps);
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
    for (const [key, value] of Object.entries(settings)) {
      batch.open(jsonBytes([key, value]) + OP_BYTES);
      context.workbook.settings.add(key, value);
    }
  }
  if (added.length > 0) added[0].activate();
  for (const [i, sheet] of sheets.entries()) batch.open(queueExtras(added[i], sheet, cols[i], caps));
  await batch.sync();
  onProgress?.(total, total);
  return plan.record;
}
