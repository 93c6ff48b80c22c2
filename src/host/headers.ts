/**
 * Header words as offices write them (DOMAIN §7.1): synonyms of the contract fields, the
 * trailing points note (`班子建设（15分）`), the header row among the first 10 rows, and labels
 * of merged or two-row headers. Pure: grids in, labels out.
 */
import { isBlank, normHeader, type HeaderSpec, type SheetSpec, type Grid } from "../engine";

/** A merged range, 0-based and inclusive. */
export interface MergeRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** How far down a sheet the header row is looked for. */
export const HEADER_SEARCH_ROWS = 10;

/** Field → the office words also accepted for it (DOMAIN §7.1). */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  组织编码: ["编码", "代码", "组织代码", "党组织编码", "单位编码"],
  组织名称: ["党组织名称", "支部名称", "党支部名称", "党支部", "单位名称", "单位", "名称"],
  上级党组织: ["上级党委", "所属党委", "所属党组织", "上级组织", "所属党（工）委", "党（工）委"],
  领域: ["所属领域", "行业领域", "类别"],
  上期等次: ["上年等次", "上年度等次", "去年等次", "上次等次", "原等次"],
  示范点: ["是否示范点"],
  党员数: ["党员人数"],
  自评得分: ["自评分", "自评"],
  测评满意度: ["满意度", "群众满意度"],
};

/** Columns a clerk computed by hand (DOMAIN §7.1): never inputs, never criteria. */
export const HAND_WORDS = new Set(["总分", "合计", "得分", "等次", "排名", "序号", "备注"]);

const NOTE = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]$/;
const BARE = /^(.*\D)(\d+(?:\.\d+)?)分$/;

/** A header's word: spaces gone, English lower-cased, a trailing points note dropped. */
export function headerWord(v: unknown): string {
  const n = normHeader(v);
  const m = NOTE.exec(n);
  return m ? n.slice(0, m.index) : n;
}

/** `名称（N分）`, `名称(N分)` or `名称N分` → name and N; null for any other header. */
export function pointsHeader(v: unknown): { name: string; max: number } | null {
  const n = normHeader(v);
  const m = NOTE.exec(n);
  if (m && m.index > 0) return { name: n.slice(0, m.index), max: Number(m[1]) };
  const b = BARE.exec(n);
  if (b && b[1]!.length > 0) return { name: b[1]!, max: Number(b[2]) };
  return null;
}

/** Every word that names `field` (name, English aliases, synonyms), as header words. */
export function wordsOf(field: HeaderSpec): string[] {
  return [field.name, ...field.aliases, ...(SYNONYMS[field.name] ?? [])].map((w) => headerWord(w));
}

/**
 * Assign header columns to the spec's fields: the user's mapping first (header text, per
 * field), then names, aliases and synonyms; a column serves one field at most.
 * Returns field → column.
 */
export function assignFields(
  labels: string[],
  specs: readonly SheetSpec[],
  mapping: Record<string, string>,
): Map<string, number> {
  const words = labels.map((l) => headerWord(l));
  const out = new Map<string, number>();
  const used = new Set<number>();
  const fields = specs
    .flatMap((s) => s.headers)
    .filter((f, i, a) => a.findIndex((x) => x.name === f.name) === i);
  for (const f of fields) {
    const m = mapping[f.name];
    // "" is the user's "no column for this field": no synonym may claim one either.
    if (m === "") out.set(f.name, -1);
    if (m === undefined || m === "") continue;
    const c = words.findIndex((w, i) => !used.has(i) && w !== "" && w === headerWord(m));
    if (c >= 0) {
      out.set(f.name, c);
      used.add(c);
    }
  }
  for (const f of fields) {
    if (out.has(f.name)) continue;
    const ws = wordsOf(f);
    const c = words.findIndex((w, i) => !used.has(i) && w !== "" && ws.includes(w));
    if (c >= 0) {
      out.set(f.name, c);
      used.add(c);
    }
  }
  for (const [f, c] of out) if (c < 0) out.delete(f);
  return out;
}

function text(v: unknown): string {
  return isBlank(v) ? "" : String(v).trim();
}

/** Labels of row r: a blank cell inside a merged range takes the range's top-left label. */
export function rowLabels(grid: Grid, r: number, merges: readonly MergeRange[]): string[] {
  const row = grid[r] ?? [];
  const out = row.map(text);
  for (const m of merges) {
    if (r < m.r0 || r > m.r1) continue;
    const label = text(grid[m.r0]?.[m.c0]);
    for (let c = m.c0; c <= m.c1; c++) {
      while (out.length <= c) out.push("");
      if (out[c] === "") out[c] = label;
    }
  }
  return out;
}

export interface HeaderRow {
  /** 0-based row of the (upper) header row. */
  row: number;
  /** 1, or 2 for a two-row header (the lower row's labels win where present). */
  height: number;
  labels: string[];
}

/**
 * Is row r+1 the lower half of a two-row header? Yes when a merge spans both rows, or when
 * its cell under the key column is blank while it holds text (a data row always names its
 * branch, a sub-label row does not).
 */
function isLowerHeader(grid: Grid, r: number, key: number, merges: readonly MergeRange[]): boolean {
  const next = grid[r + 1];
  if (!next) return false;
  if (merges.some((m) => m.r0 <= r && m.r1 >= r + 1)) return true;
  if (key < 0 || !isBlank(next[key])) return false;
  return next.some((v) => typeof v === "string" && v.trim() !== "");
}

/**
 * The header row: the first of the sheet's first 10 rows whose labels satisfy `accept`
 * (which returns the key column, or -1 to refuse); `forced` (1-based, the user's choice) wins.
 */
export function findHeaderRow(
  grid: Grid,
  merges: readonly MergeRange[],
  accept: (labels: string[]) => number,
  forced?: number,
): HeaderRow | null {
  const rows =
    forced !== undefined ? [forced - 1] : [...Array(Math.min(HEADER_SEARCH_ROWS, grid.length)).keys()];
  for (const r of rows) {
    if (r < 0 || r >= grid.length) continue;
    const top = rowLabels(grid, r, merges);
    // A two-row header first: the lower row's labels where present, else the label above.
    const low = r + 1 < grid.length ? rowLabels(grid, r + 1, merges) : [];
    const width = Math.max(top.length, low.length);
    const both = Array.from({ length: width }, (_, c) => low[c] || top[c] || "");
    const kTop = accept(top);
    const key = kTop >= 0 ? kTop : accept(both);
    if (key >= 0 && isLowerHeader(grid, r, key, merges)) return { row: r, height: 2, labels: both };
    if (kTop >= 0 || forced !== undefined) return { row: r, height: 1, labels: top };
  }
  return null;
}
