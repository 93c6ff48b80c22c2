/**
 * Reading input sheets: the used ranges of all sheets in one request (their sizes), then
 * the values from A1 in row blocks sized to keep each response under the byte budget,
 * as many blocks per request as fit. Two syncs for an ordinary workbook.
 * (Responses are limited like requests: 5 MB on the web, 5,000,000 cells.)
 */
import type { Grid } from "../engine";
import {
  Batch,
  errorCode,
  isPayloadTooLarge,
  type BatchStats,
  type ExcelCaps,
  type Limits,
} from "./excel-batch";
import { blockAddress, jsonBytes } from "./excel-cells";
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
    r.isNullObject
      ? { name, rows: 0, cols: 0 }
      : { name, rows: r.rowIndex + r.rowCount, cols: r.columnIndex + r.columnCount },
  );
}

async function existing(
  context: Excel.RequestContext,
  names: string[],
  stats: BatchStats,
): Promise<string[]> {
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
  range: Excel.Range;
}

/** Response bytes per cell assumed before any block of a sheet was seen, and the safety factor on measured sizes. */
const SAFETY = 1.3;

/**
 * Read the sheets' values in as few requests as the budget allows. Each request takes row
 * blocks from the sheets in order, sized by each sheet's bytes per cell (first a cautious
 * guess, then what its blocks actually weighed, with a margin). A request refused as too
 * large is taken again with halved blocks (at most three times).
 */
async function readBlocks(
  context: Excel.RequestContext,
  caps: ExcelCaps,
  ext: Extent[],
  limits: Limits,
  stats: BatchStats,
): Promise<unknown[][][]> {
  const batch = new Batch(context, caps, limits.requestBytes, false, stats);
  const grids: unknown[][][] = ext.map(() => []);
  const next = ext.map(() => 0);
  const density = ext.map(() => limits.readCellBytes);
  let retries = 0;
  while (ext.some((e, i) => next[i] < e.rows && e.cols > 0)) {
    let left = limits.requestBytes;
    const blocks: Block[] = [];
    batch.open();
    for (let i = 0; i < ext.length && left > 0; i++) {
      const e = ext[i];
      if (e.cols === 0 || next[i] >= e.rows) continue;
      const fit = Math.floor(left / (e.cols * density[i]));
      if (fit < 1 && blocks.length > 0) break;
      const rows = Math.min(Math.max(1, fit), e.rows - next[i]);
      const range = context.workbook.worksheets
        .getItem(e.name)
        .getRange(blockAddress(next[i], 0, rows, e.cols));
      range.load("values");
      blocks.push({ sheet: i, row: next[i], rows, range });
      left -= rows * e.cols * density[i];
      next[i] += rows;
    }
    try {
      await batch.sync();
    } catch (err) {
      if (!isPayloadTooLarge(err) || retries >= 3) throw err;
      retries++;
      for (const b of blocks) {
        next[b.sheet] = Math.min(next[b.sheet], b.row);
        density[b.sheet] *= 2;
      }
      continue;
    }
    const seen = ext.map(() => ({ bytes: 0, cells: 0 }));
    for (const b of blocks) {
      const values = b.range.values as unknown[][];
      const g = grids[b.sheet];
      for (let r = 0; r < values.length; r++) g[b.row + r] = values[r];
      seen[b.sheet].bytes += jsonBytes(values);
      seen[b.sheet].cells += b.rows * ext[b.sheet].cols;
      stats.chunks++;
    }
    seen.forEach((x, i) => {
      if (x.cells > 0) density[i] = Math.max(2, (x.bytes / x.cells) * SAFETY);
    });
  }
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
  if (limitRows !== undefined)
    ext = ext.map((e) => ({ ...e, rows: Math.min(e.rows, Math.max(0, limitRows)) }));
  const grids = await readBlocks(context, caps, ext, limits, stats);
  return Object.fromEntries(ext.map((e, i) => [e.name, grids[i]]));
}
