/**
 * Reading input sheets: the used ranges of all sheets in one request (their sizes), then
 * the values from A1 in row blocks sized to keep each response under the byte budget,
 * as many blocks per request as fit. Two syncs for an ordinary workbook.
 */
import type { Grid } from "../engine/types";
import { Batch, errorCode, isPayloadTooLarge, type BatchStats, type ExcelCaps, type Limits } from "./excel-batch";
import { blockAddress } from "./excel-cells";
import type { ReadOptions } from "./port";

interface Extent {
  name: string;
  /** Rows and columns to read from A1 (0 when the sheet is empty). */
  rows: number;
  cols: number;
}

/** Sizes of the named sheets' used ranges (values only). Throws ItemNotFound if one is missing. */
async function extents(context: Excel.RequestContext, names: string[], stats: BatchStats): Promise<Extent[]> {
  const used = names.map((name) => {
    const r = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    r.load("rowIndex,columnIndex,rowCount,columnCount");
    return { name, r };
  });
  await context.sync();
  stats.syncs++;
  return used.map(({ name, r }) =>
    r.isNullObject ? { name, rows: 0, cols: 0 } : { name, rows: r.rowIndex + r.rowCount, cols: r.columnIndex + r.columnCount },
  );
}

async function existing(context: Excel.RequestContext, names: string[], stats: BatchStats): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  stats.syncs++;
  const have = new Set(sheets.items.map((w) => w.name));
  return names.filter((n) => have.has(n));
}

interface Block {
  sheet: number;
  row: number;
  rows: number;
  range?: Excel.Range;
}

/** Cut each sheet into row blocks of at most `budget` estimated bytes. */
function blocks(ext: Extent[], budget: number, cellBytes: number): Block[] {
  const out: Block[] = [];
  ext.forEach((e, sheet) => {
    if (e.rows === 0 || e.cols === 0) return;
    const per = Math.max(1, Math.floor(budget / (e.cols * cellBytes)));
    for (let row = 0; row < e.rows; row += per) out.push({ sheet, row, rows: Math.min(per, e.rows - row) });
  });
  return out;
}

async function readBlocks(
  context: Excel.RequestContext,
  caps: ExcelCaps,
  ext: Extent[],
  limits: Limits,
  cellBytes: number,
  stats: BatchStats,
): Promise<unknown[][][]> {
  const grids: unknown[][][] = ext.map(() => []);
  const todo = blocks(ext, limits.requestBytes, cellBytes);
  const batch = new Batch(context, caps, limits.requestBytes, false, stats);
  let pending: Block[] = [];
  const collect = () => {
    for (const b of pending) {
      const values = (b.range as Excel.Range).values as unknown[][];
      const g = grids[b.sheet];
      for (let i = 0; i < values.length; i++) g[b.row + i] = values[i];
    }
    pending = [];
  };
  for (const b of todo) {
    const e = ext[b.sheet];
    const before = stats.syncs;
    await batch.room(b.rows * e.cols * cellBytes);
    if (stats.syncs !== before) collect();
    b.range = context.workbook.worksheets.getItem(e.name).getRange(blockAddress(b.row, 0, b.rows, e.cols));
    b.range.load("values");
    pending.push(b);
    stats.chunks++;
  }
  await batch.sync();
  collect();
  return grids;
}

/**
 * Used range of each named sheet from A1. Missing sheets are absent from the result: the
 * sizes are asked for all names at once, and only if one is missing are the names listed
 * first (one more sync). A response over the size limit halves the blocks and retries.
 */
export async function readSheetsIn(
  context: Excel.RequestContext,
  caps: ExcelCaps,
  names: string[],
  options: ReadOptions | undefined,
  limits: Limits,
  stats: BatchStats,
): Promise<Record<string, Grid>> {
  let present = [...new Set(names)];
  if (present.length === 0) return {};
  let ext: Extent[];
  try {
    ext = await extents(context, present, stats);
  } catch (e) {
    if (errorCode(e) !== "ItemNotFound") throw e;
    present = await existing(context, present, stats);
    ext = present.length ? await extents(context, present, stats) : [];
  }
  const limitRows = options?.rows;
  if (limitRows !== undefined) ext = ext.map((e) => ({ ...e, rows: Math.min(e.rows, Math.max(0, limitRows)) }));
  let cellBytes = limits.readCellBytes;
  for (let attempt = 0; ; attempt++) {
    try {
      const grids = await readBlocks(context, caps, ext, limits, cellBytes, stats);
      return Object.fromEntries(ext.map((e, i) => [e.name, grids[i]]));
    } catch (e) {
      if (!isPayloadTooLarge(e) || attempt >= 3) throw e;
      cellBytes *= 2;
    }
  }
}
