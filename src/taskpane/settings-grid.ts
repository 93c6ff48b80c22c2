/**
 * The 设置 sheet as the pane edits it: the settings the engine reads from a grid (for the
 * 模拟 and 定稿 steps), and a pure update of 项目 | 值 rows (what 应用 writes, and how 模拟
 * regrades in memory before anything is written).
 */
import {
  applyWrites,
  planSettingsWrites,
  formatDec,
  formatRate,
  Problems,
  readSettings,
  type Settings,
  type Grid,
} from "../engine";

/**
 * The grid with these 项目 | 值 rows set, as every host will write them (the engine's one
 * plan), so that 模拟 regrades exactly what 应用 would write.
 */
export function withSettings(
  grid: Grid,
  rows: [string, string | number][],
): { grid: Grid; rows: [string, string | number][] } {
  return { grid: applyWrites(grid, planSettingsWrites(grid, rows)), rows };
}

/** The settings the engine reads from this grid (defaults where absent or invalid). */
export function readSettingsGrid(grid: Grid | undefined): Settings {
  return readSettings(grid, new Problems());
}

export function cutoffsText(s: Settings): string[] {
  return s.cutoffs.map(formatDec);
}

/** Tier → share text ("30%"), for tiers that have one. */
export function sharesText(shares: Settings["quotaCaps"], tiers: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  shares.forEach((r, i) => {
    if (r) out[tiers[i]] = formatRate(r);
  });
  return out;
}

/** `先进:30%,一般:50%` from tier → share text (blank shares left out). */
export function sharesValue(shares: Record<string, string>, tiers: string[]): string {
  return tiers
    .filter((t) => (shares[t] ?? "").trim() !== "")
    .map((t) => `${t}:${normalizeShare(shares[t])}`)
    .join(",");
}

/** "30" → "30%"; "30%" and "0.3" stay as they are. */
export function normalizeShare(text: string): string {
  const v = text.trim();
  return /^\d+(\.\d+)?$/.test(v) && Number(v) > 1 ? `${v}%` : v;
}
