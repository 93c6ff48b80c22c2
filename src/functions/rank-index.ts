/**
 * DJ.RANK is called once per row, each time over the same scores range. A linear scan per
 * call makes n calls quadratic, so the second call over the same array object builds a
 * sorted index (O(n log n), kept in a WeakMap keyed by the array) and later calls answer by
 * binary search (O(log n)). The first call scans linearly, so a range seen once (or an
 * array that is not reused) costs no more than a scan. The ranks themselves come from the
 * engine's rule: competition rank, descending, scores compared at 15 significant digits.
 * The arrays are treated as immutable, as Excel passes them.
 *
 * A whole column is better ranked in one call (DJ.RANK with a range for score): ranksOf
 * builds the same index once (O(n log n)) and answers every score by binary search, so the
 * spill and n single-score calls agree by construction.
 */
import { toExcel15 } from "../engine";

/** Scores of one group, sorted descending, at 15 significant digits. */
type Index = Map<string, Float64Array>;

interface Entry {
  groups: unknown;
  index: Index | null;
}

const cache = new WeakMap<object, Entry>();

/** Rank of `score` among `values` (same group as `group` when groups are given); 0 when absent. */
export function rankOf(
  score: number,
  group: string | null,
  source: object,
  groupsSource: unknown,
  values: () => { scores: (number | null)[]; groups: string[] | null },
): number {
  const s = toExcel15(score);
  const entry = cache.get(source);
  if (entry && entry.groups === groupsSource) {
    if (!entry.index) entry.index = buildIndex(values());
    return lookup(entry.index, s, group);
  }
  cache.set(source, { groups: groupsSource, index: null });
  return scan(values(), s, group);
}

/**
 * Ranks of many scores at once (score i within groups[i]; among all when groups is null or
 * groups[i] is null); 0 where a score is absent. Builds (or reuses) the sorted index of
 * `source`: O(n log n) for the index, O(log n) per score.
 */
export function ranksOf(
  scores: readonly number[],
  groups: readonly (string | null)[] | null,
  source: object,
  groupsSource: unknown,
  values: () => { scores: (number | null)[]; groups: string[] | null },
): number[] {
  let entry = cache.get(source);
  if (!entry || entry.groups !== groupsSource)
    cache.set(source, (entry = { groups: groupsSource, index: null }));
  const index = (entry.index ??= buildIndex(values()));
  return scores.map((x, i) => lookup(index, toExcel15(x), groups === null ? null : groups[i]!));
}

function scan(
  v: { scores: (number | null)[]; groups: string[] | null },
  s: number,
  group: string | null,
): number {
  let above = 0;
  let found = false;
  for (let i = 0; i < v.scores.length; i++) {
    const x = v.scores[i];
    if (x === null || x === undefined) continue;
    if (group !== null && v.groups![i] !== group) continue;
    // Far apart, the raw comparison decides (15-digit rounding moves a value by at most
    // 5e-15 of itself); only near-equal values are compared at 15 significant digits.
    const d = x - s;
    if (Math.abs(d) > 1e-13 * Math.max(Math.abs(x), Math.abs(s))) {
      if (d > 0) above++;
      continue;
    }
    const y = toExcel15(x);
    if (y > s) above++;
    else if (y === s) found = true;
  }
  return found ? above + 1 : 0;
}

function buildIndex(v: { scores: (number | null)[]; groups: string[] | null }): Index {
  const lists = new Map<string, number[]>();
  const all: number[] = [];
  for (let i = 0; i < v.scores.length; i++) {
    const x = v.scores[i];
    if (x === null || x === undefined) continue;
    const y = toExcel15(x);
    all.push(y);
    if (v.groups) {
      const g = v.groups[i]!;
      const l = lists.get(g);
      if (l) l.push(y);
      else lists.set(g, [y]);
    }
  }
  const index: Index = new Map();
  const sorted = (xs: number[]): Float64Array => Float64Array.from(xs).sort().reverse();
  index.set("\u0000all", sorted(all));
  for (const [g, l] of lists) index.set(g, sorted(l));
  return index;
}

function lookup(index: Index, s: number, group: string | null): number {
  const list = index.get(group === null ? "\u0000all" : group);
  if (!list) return 0;
  // First position whose value is ≤ s (the list is descending).
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! > s) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === s ? lo + 1 : 0;
}
