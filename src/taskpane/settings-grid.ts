/**
 * The 设置 sheet as the pane edits it: the settings the engine reads from a grid (for the
 * 模拟 and 定稿 steps), and a pure update of 项目 | 值 rows (what 应用 writes, and how 模拟
 * regrades in memory before anything is written).
 */
import { normHeader } from "../engine/cells";
import { CONTRACT } from "../engine/contract";
import { formatDec, formatRate } from "../engine/numbers";
import { Problems } from "../engine/problems";
import { readSettings, type Settings } from "../engine/settings";
import type { Grid } from "../engine/types";

const SPEC = CONTRACT.sheets.find((s) => s.name === "设置")!;

/** English keys the engine accepts for the settings this pane writes. */
const ALIASES: Record<string, string> = { cutoffs: "分数线", quotas: "名额上限" };

export function canonicalKey(raw: unknown): string {
  const text = raw === null || raw === undefined ? "" : String(raw).trim();
  return ALIASES[text.replace(/\s+/g, "").toLowerCase()] ?? text;
}

/** 0-based columns of 项目 and 值 on the header row (by name or English alias), or null. */
export function settingsColumns(grid: Grid): { key: number; value: number } | null {
  const header = (grid[0] ?? []).map((c) => normHeader(c));
  const find = (name: string) => {
    const h = SPEC.headers.find((x) => x.name === name)!;
    return header.findIndex((n) => n === normHeader(h.name) || h.aliases.includes(n));
  };
  const key = find("项目");
  const value = find("值");
  return key >= 0 && value >= 0 ? { key, value } : null;
}

/**
 * The grid with these 项目 | 值 rows set: a row whose key stands for the same setting
 * (exact text or English alias) gets the new value, others are appended; every other cell is
 * kept. A grid without the header row gets one. Returns the grid and the key texts as found
 * (so that a host writing them matches the user's own key cells exactly).
 */
export function withSettings(
  grid: Grid,
  rows: [string, string | number][],
): { grid: Grid; rows: [string, string | number][] } {
  const out: Grid = grid.map((r) => [...r]);
  let cols = settingsColumns(out);
  if (!cols) {
    if (out.length === 0) out.push([]);
    out[0] = ["项目", "值", ...out[0].slice(2)];
    cols = { key: 0, value: 1 };
  }
  const asFound: [string, string | number][] = [];
  for (const [key, value] of rows) {
    const want = canonicalKey(key);
    const at = out.findIndex((r, i) => i > 0 && canonicalKey(r[cols.key]) === want);
    if (at > 0) {
      out[at][cols.value] = value;
      asFound.push([String(out[at][cols.key]).trim(), value]);
    } else {
      const row: unknown[] = [];
      row[cols.key] = key;
      row[cols.value] = value;
      out.push(Array.from(row, (v) => v ?? ""));
      asFound.push([key, value]);
    }
  }
  return { grid: out, rows: asFound };
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
