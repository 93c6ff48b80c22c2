/**
 * Settings that travel with the workbook: Workbook.settings (ExcelApi 1.4), or, where that
 * is missing, a very hidden sheet of key | value rows. The file host (command line, browser
 * mode) writes that sheet, so a key absent from Workbook.settings is looked up there too.
 */
import type { BatchStats, ExcelCaps } from "./excel-batch";
import { blockAddress } from "./excel-cells";

export { SETTINGS_SHEET } from "./port";
import { SETTINGS_SHEET } from "./port";

export async function getSettingIn(
  context: Excel.RequestContext,
  caps: ExcelCaps,
  key: string,
  stats: BatchStats,
): Promise<string | null> {
  if (caps.settings) {
    const item = context.workbook.settings.getItemOrNullObject(key);
    item.load("value");
    await context.sync();
    stats.syncs++;
    if (!item.isNullObject) {
      const v: unknown = item.value;
      return typeof v === "string" ? v : JSON.stringify(v);
    }
  }
  const ws = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  await context.sync();
  stats.syncs++;
  if (ws.isNullObject) return null;
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  stats.syncs++;
  if (used.isNullObject) return null;
  const row = (used.values as unknown[][]).find((r) => r[0] === key);
  return row && typeof row[1] === "string" ? row[1] : null;
}

export async function setSettingIn(
  context: Excel.RequestContext,
  caps: ExcelCaps,
  key: string,
  value: string,
  stats: BatchStats,
): Promise<void> {
  if (caps.settings) {
    context.workbook.settings.add(key, value);
    await context.sync();
    stats.syncs++;
    return;
  }
  let ws = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  await context.sync();
  stats.syncs++;
  let rows: unknown[][] = [];
  if (ws.isNullObject) {
    ws = context.workbook.worksheets.add(SETTINGS_SHEET);
    ws.visibility = "VeryHidden";
  } else {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("values");
    await context.sync();
    stats.syncs++;
    if (!used.isNullObject) rows = used.values as unknown[][];
  }
  const kept = rows.filter((r) => r[0] !== key && r[0] !== "");
  const next = [...kept.map((r) => [String(r[0]), String(r[1] ?? "")]), [key, value]];
  // Text format first, so a JSON value starting with "[" or "=" stays text.
  const range = ws.getRange(blockAddress(0, 0, next.length, 2));
  range.numberFormat = [["@"]];
  range.values = next;
  await context.sync();
  stats.syncs++;
}
