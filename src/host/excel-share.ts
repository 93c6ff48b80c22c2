/**
 * Two rarer writes of the Excel host. `writeSettingsIn`: update or append 项目 | 值 rows of
 * the 设置 input sheet (the one input-sheet write, on the user's click). `finalizeIn`
 * (定稿): every DJ.* formula becomes its value (a dynamic-array anchor's whole spill range,
 * ExcelApi 1.12), then the 说明 sheet is written and the output sheets protected.
 */
import { planSettingsWrites } from "../engine";
import { Batch, type BatchStats, type ExcelCaps, type Limits } from "./excel-batch";
import { blockAddress, excelCell, jsonBytes } from "./excel-cells";
import { readSheetsIn } from "./excel-read";
import { SETTINGS_SHEET } from "./port";
import { writeSheetsIn } from "./excel-write";
import { DJ_CALL, type FinalizeOptions, type FinalizeReport } from "./port";

export async function writeSettingsIn(
  context: Excel.RequestContext,
  caps: ExcelCaps,
  rows: [string, string | number][],
  sheet: string,
  limits: Limits,
  stats: BatchStats,
): Promise<void> {
  const grid = (await readSheetsIn(context, caps, [sheet], undefined, limits, stats))[sheet];
  const wss = context.workbook.worksheets;
  const ws = grid === undefined ? wss.add(sheet) : wss.getItem(sheet);
  /** Text is written as text ("85,70" must not become the number 8570 in some locales). */
  const put = (r: number, c: number, v: string | number) => {
    const cell = ws.getRange(blockAddress(r, c, 1, 1));
    if (typeof v === "string") cell.numberFormat = [["@"]];
    cell.values = [[excelCell(v)]];
  };
  for (const w of planSettingsWrites(grid ?? [], rows)) put(w.r, w.c, w.value);
  await context.sync();
  stats.syncs++;
}

/** A DJ.* custom function call in a formula (also as stored in files: _xldudf_DJ_NAME). */
export function isDjFormula(f: unknown): boolean {
  return typeof f === "string" && f.startsWith("=") && DJ_CALL.test(f);
}

interface Used {
  name: string;
  ws: Excel.Worksheet;
  range: Excel.Range;
}

interface Hit {
  ws: Excel.Worksheet;
  row: number;
  col: number;
  value: unknown;
  spill?: Excel.Range;
}

export async function finalizeIn(
  context: Excel.RequestContext,
  caps: ExcelCaps,
  options: FinalizeOptions,
  limits: Limits,
  stats: BatchStats,
): Promise<FinalizeReport> {
  const wss = context.workbook.worksheets;
  wss.load("items/name");
  await context.sync();
  stats.syncs++;
  const names = wss.items.map((w) => w.name).filter((n) => n !== SETTINGS_SHEET);

  // Formulas and values of every sheet's used range, in one request (each sheet is one load).
  const used: Used[] = names.map((name) => {
    const ws = wss.getItem(name);
    const range = ws.getUsedRangeOrNullObject();
    range.load("formulas,values,rowIndex,columnIndex");
    return { name, ws, range };
  });
  await context.sync();
  stats.syncs++;
  const hits: Hit[] = [];
  const sheets = new Set<string>();
  for (const u of used) {
    if (u.range.isNullObject) continue;
    const f = u.range.formulas as unknown[][];
    const v = u.range.values as unknown[][];
    f.forEach((row, r) =>
      row.forEach((x, c) => {
        if (!isDjFormula(x)) return;
        hits.push({ ws: u.ws, row: u.range.rowIndex + r, col: u.range.columnIndex + c, value: v[r][c] });
        sheets.add(u.name);
      }),
    );
  }

  // Dynamic arrays (ExcelApi 1.12): an anchor's values cover its whole spill range. Older
  // Excel has no spills: each DJ.* cell holds its own value.
  if (hits.length > 0 && caps.spill) {
    for (const h of hits) {
      const s = h.ws.getRange(blockAddress(h.row, h.col, 1, 1)).getSpillingToRangeOrNullObject();
      s.load("values,rowIndex,columnIndex");
      h.spill = s;
    }
    await context.sync();
    stats.syncs++;
  }
  const batch = new Batch(context, caps, limits.requestBytes, true, stats);
  for (const h of hits) {
    const block: unknown[][] =
      h.spill && !h.spill.isNullObject ? (h.spill.values as unknown[][]) : [[h.value]];
    const cells = block.map((row) =>
      row.map((x) =>
        excelCell(typeof x === "string" || typeof x === "number" || typeof x === "boolean" ? x : ""),
      ),
    );
    const bytes = jsonBytes(cells) + 200;
    if (!batch.fits(bytes)) await batch.sync();
    batch.open(bytes);
    h.ws.getRange(blockAddress(h.row, h.col, cells.length, cells[0]?.length ?? 1)).values = cells;
  }
  await batch.sync();

  await writeSheetsIn(context, caps, [options.explanation], undefined, undefined, limits, stats);

  const present = new Set([...names, options.explanation.name]);
  const toProtect = options.protect.filter((n) => present.has(n));
  const guards = toProtect.map((n) => {
    const p = wss.getItem(n).protection;
    p.load("protected");
    return { n, p };
  });
  let done: string[] = [];
  if (guards.length > 0) {
    await context.sync();
    stats.syncs++;
    for (const g of guards) if (!g.p.protected) g.p.protect();
    await context.sync();
    stats.syncs++;
    done = guards.map((g) => g.n);
  }
  return { replaced: hits.length, sheets: [...sheets], protected: done };
}
