/**
 * Benchmark of the DJ.* functions that take whole columns: DJ.TIERS and DJ.RANK over
 * 100,000-row arguments, called as Excel calls them (2-D column arrays).
 *
 * DJ.RANK ranks a whole column in one call when score is a range: one sorted index, one
 * binary search per score (O(n log n)), spilled in the shape of score. That is measured
 * first, with and without groups. The per-row use (one call per row, a single score each)
 * is measured too: the function keeps a sorted index per scores array (WeakMap keyed by the
 * array object), so n calls over one array cost O(n log n) in all. Excel, however, hands
 * each call its own copy of the range; then every call is a linear scan (O(n) each, O(n²)
 * for the column) and Excel's own marshalling of n × n cells comes on top. That last case is
 * measured on a sample of calls, reported as measured (not extrapolated).
 *
 * Run: npx tsx bench/functions.ts (prints JSON), or through bench/run.ts.
 */
import { rank, tiers } from "../src/functions/functions";

interface Row {
  name: string;
  rows: number;
  seconds: number;
  calls?: number;
  note?: string;
}

const N = 100_000;

/** Deterministic scores with 2 decimals in [40, 100). */
function scoresColumn(n: number): number[][] {
  let x = 123456789;
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push([(4000 + (x % 6000)) / 100]);
  }
  return out;
}

function time<T>(f: () => T): { value: T; seconds: number } {
  const t0 = process.hrtime.bigint();
  const value = f();
  return { value, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

const round = (s: number): number => Math.round(s * 1000) / 1000;

export async function run(): Promise<{ functions: Row[] }> {
  const scores = scoresColumn(N);
  const groups = scores.map((_, i) => [`党委${i % 100}`]);
  const cutoffs = [[90, 70]];
  const quotas = [
    ["先进", "30%"],
    ["一般", "60%"],
  ];
  const rows: Row[] = [];
  const log = (r: Row): void => void console.error(`  ${r.name}: ${r.seconds} s`);

  const t1 = time(() => tiers(scores, cutoffs));
  if (t1.value.length !== N) throw new Error("DJ.TIERS returned the wrong shape");
  rows.push({ name: "DJ.TIERS (cutoffs only)", rows: N, calls: 1, seconds: round(t1.seconds) });

  const t2 = time(() => tiers(scores, cutoffs, undefined, quotas, groups));
  rows.push({
    name: "DJ.TIERS (cutoffs, quota caps, 100 groups)",
    rows: N,
    calls: 1,
    seconds: round(t2.seconds),
  });

  // One spilled call over the whole column, as =DJ.RANK(H2:H100001, H2:H100001[, C2:C100001, C2:C100001]).
  // Every argument is its own fresh copy of the range, as Excel passes them (no cached index);
  // the copies are made outside the timed call.
  const copy = (xs: unknown[][]): unknown[][] => xs.map((r) => [r[0]]);
  const [sA, sB] = [copy(scores), copy(scores)];
  const s1 = time(() => rank(sA, sB));
  if (s1.value.length !== N) throw new Error("DJ.RANK (spill) returned the wrong shape");
  rows.push({
    name: "DJ.RANK (one call, score = the 100,000-row range: spills every rank)",
    rows: N,
    calls: 1,
    seconds: round(s1.seconds),
  });

  const [gA, gB, sC, sD] = [copy(groups), copy(groups), copy(scores), copy(scores)];
  const s2 = time(() => rank(sC, sD, gA, gB));
  if (s2.value.length !== N) throw new Error("DJ.RANK (spill, groups) returned the wrong shape");
  rows.push({
    name: "DJ.RANK (one call, score and group = 100,000-row ranges, 100 groups: spills every rank)",
    rows: N,
    calls: 1,
    seconds: round(s2.seconds),
  });

  // As Excel calls it when the formula is filled down: one call per row, each with its own copy
  // of the range (so nothing could be cached across calls).
  // Each copy is made outside the timed call.
  const SAMPLE = 200;
  let seconds = 0;
  for (let i = 0; i < SAMPLE; i++) {
    const fresh = copy(scores);
    seconds += time(() => rank([[scores[i]![0]]], fresh)).seconds;
  }
  const r3 = { seconds };
  rows.push({
    name: `DJ.RANK (fresh copy of the 100,000-row range per call, ${SAMPLE} calls)`,
    rows: N,
    calls: SAMPLE,
    seconds: round(r3.seconds),
    note: "linear scan per call (O(n) each): the per-row use in Excel is quadratic; rank a whole column with one spilled call (score = the range) instead",
  });

  rows.forEach(log);
  return { functions: rows };
}

if (require.main === module) {
  run()
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
