/**
 * DJ.RANK's rule on plain values: competition rank (1, 2, 2, 4), descending, scores compared
 * at 15 significant digits, within a group when one is given. One score: a linear scan. A
 * range of scores: one sorted index per group, one binary search per score (O(n log n) in
 * all), so the spill and n single-score calls agree by construction.
 *
 * No cache across calls: Excel passes every call its own copy of each range, so an index
 * kept per array object was never found again in Excel (bench/functions.ts, "fresh copy"
 * row); ranking a whole column is the spilled call.
 */
import { toExcel15 } from "../engine";

/** Scores of one group, sorted descending, at 15 significant digits. */
type Index = Map<string | null, Float64Array>;

/** Rank of `s` among `scores` (only those of `group` when it is not null); 0 when absent. */
export function rankOne(
  s: number,
  group: string | null,
  scores: readonly (number | null)[],
  groups: readonly string[] | null,
): number {
  const t = toExcel15(s);
  let above = 0;
  let found = false;
  for (let i = 0; i < scores.length; i++) {
    const x = scores[i];
    if (x === null || x === undefined) continue;
    if (group !== null && groups![i] !== group) continue;
    // Far apart, the raw comparison decides (15-digit rounding moves a value by at most
    // 5e-15 of itself); only near-equal values are compared at 15 significant digits.
    const d = x - t;
    if (Math.abs(d) > 1e-13 * Math.max(Math.abs(x), Math.abs(t))) {
      if (d > 0) above++;
      continue;
    }
    const y = toExcel15(x);
    if (y > t) above++;
    else if (y === t) found = true;
  }
  return found ? above + 1 : 0;
}

/**
 * Ranks of many scores (score i within groups[i]; among all where that is null); 0 where a
 * score is absent from `scores`.
 */
export function rankMany(
  ss: readonly number[],
  gs: readonly (string | null)[] | null,
  scores: readonly (number | null)[],
  groups: readonly string[] | null,
): number[] {
  const index = buildIndex(scores, groups);
  return ss.map((x, i) => lookup(index, toExcel15(x), gs === null ? null : gs[i]!));
}

function buildIndex(scores: readonly (number | null)[], groups: readonly string[] | null): Index {
  const lists = new Map<string, number[]>();
  const all: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const x = scores[i];
    if (x === null || x === undefined) continue;
    const y = toExcel15(x);
    all.push(y);
    if (groups) {
      const g = groups[i]!;
      const l = lists.get(g);
      if (l) l.push(y);
      else lists.set(g, [y]);
    }
  }
  const sorted = (xs: number[]): Float64Array => Float64Array.from(xs).sort().reverse();
  const index: Index = new Map([[null, sorted(all)]]);
  for (const [g, l] of lists) index.set(g, sorted(l));
  return index;
}

function lookup(index: Index, s: number, group: string | null): number {
  const list = index.get(group);
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
