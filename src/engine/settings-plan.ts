/**
 * Writing 设置 (the only write to an input sheet, on the clerk's 应用 click): one plan of
 * cell writes, made here over the engine's own key and header tables, that every host
 * applies as it can (cell XML, Excel ranges, WPS cells) and the pane applies in memory to
 * regrade before anything is written. Nothing else in the sheet changes.
 */
import { labelOf, normHeader } from "./cells";
import { SETTINGS_SHEET } from "./contract";
import { KEY_ALIASES } from "./settings";
import type { Grid } from "./types";

/** One cell to set (0-based row and column of the sheet's grid). */
export interface CellWrite {
  r: number;
  c: number;
  value: string | number;
}

/** The setting a 项目 cell names, as grading reads it: trimmed, English aliases → Chinese key. */
export function settingKey(raw: unknown): string {
  const text = labelOf(raw);
  return KEY_ALIASES[text.replace(/\s+/g, "").toLowerCase()] ?? text;
}

/** 0-based columns of 项目 and 值 on a header row (by name or English alias), or null. */
export function settingsColumns(header: readonly unknown[]): { key: number; value: number } | null {
  const find = (name: string) => {
    const h = SETTINGS_SHEET.headers.find((x) => x.name === name)!;
    return header.findIndex((c) => {
      const n = normHeader(c);
      return n === normHeader(h.name) || h.aliases.includes(n);
    });
  };
  const key = find("项目");
  const value = find("值");
  return key >= 0 && value >= 0 ? { key, value } : null;
}

/**
 * The writes that set these 项目 | 值 rows: a row whose 项目 names the same setting (its
 * text or an English alias, as grading reads it) gets the new 值; other keys are appended
 * below the last row. An empty sheet gets the header row; a sheet without 项目 | 值 headers
 * is written in its first two columns (grading then names the missing header).
 */
export function planSettingsWrites(grid: Grid, rows: readonly [string, string | number][]): CellWrite[] {
  const writes: CellWrite[] = [];
  let cols = grid.length > 0 ? settingsColumns(grid[0] ?? []) : null;
  let next = grid.length;
  if (!cols) {
    cols = { key: 0, value: 1 };
    if (next === 0) {
      writes.push({ r: 0, c: 0, value: "项目" }, { r: 0, c: 1, value: "值" });
      next = 1;
    }
  }
  const keyCol = cols.key;
  for (const [key, value] of rows) {
    const want = settingKey(key);
    const at = grid.findIndex((r, i) => i > 0 && settingKey(r?.[keyCol]) === want);
    if (at > 0) writes.push({ r: at, c: cols.value, value });
    else {
      writes.push({ r: next, c: cols.key, value: key }, { r: next, c: cols.value, value });
      next++;
    }
  }
  return writes;
}

/** The grid with the writes applied (a copy; rows padded with "" where a write reaches past them). */
export function applyWrites(grid: Grid, writes: readonly CellWrite[]): Grid {
  const out: Grid = grid.map((r) => [...r]);
  for (const w of writes) {
    while (out.length <= w.r) out.push([]);
    const row = out[w.r]!;
    while (row.length < w.c) row.push("");
    row[w.c] = w.value;
  }
  const width = Math.max(0, ...out.map((r) => r.length));
  return out.map((r) => (r.length < width ? [...r, ...new Array<unknown>(width - r.length).fill("")] : r));
}
