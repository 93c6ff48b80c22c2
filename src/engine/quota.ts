/**
 * Counting with exact decimals: required counts (至少/左右/不超过), largest-remainder
 * allocation, quota caps with tie sets (DOMAIN §2.4 step 5, §3), competition rank.
 */
import { filled, type Nums } from "./arrays";
import { EngineError } from "./errors";
import { atMost100, floorDiv, parseRate, pow10n, toExcel15, type Rate } from "./numbers";
import type { Comparator, QuotaRounding } from "./settings";

function toRate(rate: Rate | number | string): Rate {
  if (typeof rate === "object" && rate !== null && typeof rate.num === "bigint") return rate;
  const r = parseRate(rate);
  if (!r) throw new EngineError(`比例 ${String(rate)} 无效，应为不小于 0 的数或百分数，如 0.9 或 "90%"`);
  return r;
}

function checkCount(x: number, what: string): number {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new EngineError(`${what}应为数字`);
  const v = toExcel15(x);
  if (v < 0 || !Number.isInteger(v)) throw new EngineError(`${what} ${v} 应为不小于 0 的整数`);
  return v;
}

/**
 * The required count from a base n and a rate r, computed exactly (10 × 90% is 9):
 * 至少 → ceil(n × r); 左右 → n × r rounded half up; 不超过 → floor(n × r).
 * requiredCount(10, 0.9, "至少") === 9; requiredCount(7, "50%", "至少") === 4;
 * requiredCount(12, 0.2, "左右") === 2; requiredCount(10, 1/3, "不超过") === 3.
 * @throws EngineError for a negative or fractional base, an invalid rate or comparator.
 */
export function requiredCount(
  base: number,
  rate: Rate | number | string,
  comparator: Comparator = "至少",
): number {
  const n = BigInt(checkCount(base, "基数"));
  const r = toRate(rate);
  const p = n * r.num;
  const q = pow10n(r.scale);
  switch (comparator) {
    case "至少":
      return Number(-floorDiv(-p, q));
    case "左右":
      return Number(floorDiv(2n * p + q, 2n * q));
    case "不超过":
      return Number(floorDiv(p, q));
    default:
      throw new EngineError(`比较方式「${String(comparator)}」无效，应为 至少、左右 或 不超过`);
  }
}

/**
 * n × rate made whole, exactly: the most branches a quota cap lets hold a tier. 名额取整
 * 向下取整 (default) floors, 四舍五入 rounds half up, 向上取整 takes the ceiling.
 */
export function capCount(n: number, rate: Rate, rounding: QuotaRounding = "向下取整"): number {
  const p = BigInt(n) * rate.num;
  const q = pow10n(rate.scale);
  if (rounding === "四舍五入") return Number(floorDiv(2n * p + q, 2n * q));
  if (rounding === "向上取整") return Number(-floorDiv(-p, q));
  return Number(floorDiv(p, q));
}

/**
 * Split `total` among parts in proportion to `bases` by the largest-remainder method:
 * floor shares first, then one more to the largest remainders; ties by larger base, then
 * by order. The parts sum exactly to total and no part exceeds its base.
 * allocate(7, [10, 10, 10]) → [3, 2, 2]; allocate(10, [5, 3, 2]) → [5, 3, 2].
 * @throws EngineError when total exceeds the sum of the bases (it cannot be split without
 * giving a part more than its base), or when any number is negative or fractional.
 */
export function allocate(total: number, bases: readonly number[]): number[] {
  const t = BigInt(checkCount(total, "总数"));
  const bs = bases.map((b, i) => BigInt(checkCount(b, `第 ${i + 1} 个基数`)));
  const sum = bs.reduce((a, b) => a + b, 0n);
  if (t > sum) throw new EngineError(`总数 ${t} 超过各基数之和 ${sum}，无法在不超过基数的前提下分配`);
  if (t === 0n) return bs.map(() => 0);
  const parts = bs.map((b) => (t * b) / sum);
  const rems = bs.map((b) => (t * b) % sum);
  let left = t - parts.reduce((a, b) => a + b, 0n);
  const order = bs
    .map((_, i) => i)
    .sort((a, b) =>
      rems[a]! > rems[b]! ? -1 : rems[a]! < rems[b]! ? 1 : bs[a]! > bs[b]! ? -1 : bs[a]! < bs[b]! ? 1 : a - b,
    );
  for (const i of order) {
    if (left === 0n) break;
    parts[i] = parts[i]! + 1n;
    left--;
  }
  return parts.map(Number);
}

/**
 * Competition ranking (1, 2, 2, 4), descending, within each group. Scores are compared at
 * 15 significant digits; entries that are not finite numbers get NaN and do not count.
 * competitionRank([90, 80, 80, 70]) → [1, 2, 2, 4]. O(n log n).
 */
export function competitionRank(scores: readonly unknown[], groups?: readonly unknown[]): number[] {
  if (groups && groups.length !== scores.length) throw new EngineError("分组与得分的个数应相同");
  const vals = scores.map((s) => (typeof s === "number" && Number.isFinite(s) ? toExcel15(s) : NaN));
  const gid = groupIds(groups, scores.length);
  const idx = vals.map((_, i) => i).filter((i) => !Number.isNaN(vals[i]!));
  idx.sort((a, b) => gid[a]! - gid[b]! || vals[b]! - vals[a]!);
  const rank = vals.map(() => NaN);
  let start = 0;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    const prev = k > 0 ? idx[k - 1]! : -1;
    if (prev < 0 || gid[prev] !== gid[i]) start = k;
    rank[i] = prev >= 0 && k > start && vals[prev] === vals[i] ? rank[prev]! : k - start + 1;
  }
  return rank;
}

/** Group labels → dense ids (blank and missing groups form one group). */
export function groupIds(groups: readonly unknown[] | undefined, n: number): number[] {
  if (!groups) return new Array<number>(n).fill(0);
  const m = new Map<string, number>();
  return groups.map((g) => {
    const k = typeof g === "number" ? String(toExcel15(g)) : String(g ?? "").trim();
    let id = m.get(k);
    if (id === undefined) m.set(k, (id = m.size));
    return id;
  });
}

/**
 * Competition rank of numeric keys within dense groups (engine-internal, typed arrays).
 * Fast path: non-negative integer keys below 2^31 and n ≤ 2^21 are packed with the index
 * into one double per branch and sorted natively, group by group.
 */
export function rankIndexed(score: Nums, group: Nums): number[] {
  const n = score.length;
  const rank = filled(n, 0);
  let nGroups = 0;
  let packable = n <= 1 << 21;
  for (let i = 0; i < n; i++) {
    if (group[i]! + 1 > nGroups) nGroups = group[i]! + 1;
    const s = score[i]!;
    if (!(s >= 0 && s < 2147483648 && Number.isInteger(s))) packable = false;
  }
  if (!packable) {
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    idx.sort((a, b) => group[a]! - group[b]! || score[b]! - score[a]! || a - b);
    let start = 0;
    for (let k = 0; k < n; k++) {
      const i = idx[k]!;
      if (k === 0 || group[idx[k - 1]!] !== group[i]) start = k;
      rank[i] = k > start && score[idx[k - 1]!] === score[i] ? rank[idx[k - 1]!]! : k - start + 1;
    }
    return rank;
  }
  const SHIFT = 2097152; // 2^21
  const TOP = 2147483647;
  const start = new Int32Array(nGroups + 1);
  for (let i = 0; i < n; i++) start[group[i]! + 1]++;
  for (let g = 0; g < nGroups; g++) start[g + 1] += start[g]!;
  const fill = start.slice(0, nGroups);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[fill[group[i]!]!++] = (TOP - score[i]!) * SHIFT + i;
  for (let g = 0; g < nGroups; g++) {
    const seg = keys.subarray(start[g]!, start[g + 1]!);
    seg.sort();
    let prevScore = -1;
    let prevRank = 0;
    for (let k = 0; k < seg.length; k++) {
      const key = seg[k]!;
      const i = key % SHIFT;
      const s = score[i]!;
      const r = s === prevScore ? prevRank : k + 1;
      rank[i] = r;
      prevScore = s;
      prevRank = r;
    }
  }
  return rank;
}

export interface QuotaOutcome {
  /** Capped tier index whose cap last moved the branch, or -1. */
  capTier: number[];
  tie: Uint8Array;
  /** Per group, per tier: [K, n] of the caps that moved someone. */
  limits: Map<number, { k: number; n: number }>;
}

/**
 * Quota caps on tier indices (mutates `tier`): within each group, for each capped tier
 * best first, at most K = n × share (made whole by `rounding`) members may hold it; the rest (ranked by `cmp`,
 * negative = a before b) move down one tier and count against the next cap. A tie set
 * (cmp = 0) straddling the limit moves down whole and is flagged. O(n log n).
 */
export function quotaCapsIndexed(
  tier: Nums,
  group: Nums,
  nGroups: number,
  caps: readonly (Rate | null)[],
  cmp: (a: number, b: number) => number,
  rounding: QuotaRounding = "向下取整",
): QuotaOutcome {
  const n = tier.length;
  const out: QuotaOutcome = { capTier: filled(n, -1), tie: new Uint8Array(n), limits: new Map() };
  if (!caps.some((c) => c !== null)) return out;
  const start = new Int32Array(nGroups + 1);
  for (let i = 0; i < n; i++) start[group[i]! + 1]++;
  for (let g = 0; g < nGroups; g++) start[g + 1] += start[g]!;
  const members = new Int32Array(n);
  const fill = start.slice(0, nGroups);
  for (let i = 0; i < n; i++) members[fill[group[i]!]!++] = i;
  for (let g = 0; g < nGroups; g++) {
    const size = start[g + 1]! - start[g]!;
    for (let t = 0; t < caps.length - 1; t++) {
      const cap = caps[t];
      if (!cap) continue;
      const k = capCount(size, cap, rounding);
      const holders: number[] = [];
      for (let j = start[g]!; j < start[g + 1]!; j++) if (tier[members[j]!] === t) holders.push(members[j]!);
      if (holders.length <= k) continue;
      holders.sort((a, b) => cmp(a, b) || a - b);
      let cut = k;
      if (k > 0 && cmp(holders[k - 1]!, holders[k]!) === 0) {
        while (cut > 0 && cmp(holders[cut - 1]!, holders[k]!) === 0) cut--;
        let end = k;
        while (end < holders.length && cmp(holders[end]!, holders[k - 1]!) === 0) end++;
        for (let j = cut; j < end; j++) out.tie[holders[j]!] = 1;
      }
      for (let j = cut; j < holders.length; j++) {
        const i = holders[j]!;
        tier[i] = t + 1;
        out.capTier[i] = t;
      }
      out.limits.set(g * caps.length + t, { k, n: size });
    }
  }
  return out;
}

/**
 * Quota caps on tier labels (DOMAIN §2.4 step 5) for standalone use.
 * @param scale tier labels, best first.
 * @param tiers the current tier of each item.
 * @param caps tier → share (0.3, "30%"), as an object or as [tier, share] pairs.
 * @param keys per item, ranking keys, higher is better, compared in order; blank lowest.
 * @param groups per item, the group label (omitted: one group).
 * @returns new tiers, tie flags (并列超出名额) and which items moved.
 */
export function applyQuotaCaps(
  scale: readonly string[],
  tiers: readonly string[],
  caps:
    Readonly<Record<string, Rate | number | string>> | readonly (readonly [string, Rate | number | string])[],
  keys: readonly (readonly unknown[])[],
  groups?: readonly unknown[],
): { tiers: string[]; tieFlags: boolean[]; moved: boolean[] } {
  const n = tiers.length;
  if (keys.length !== n) throw new EngineError("排序依据与等次的个数应相同");
  if (groups && groups.length !== n) throw new EngineError("分组与等次的个数应相同");
  const tierIdx = Int32Array.from(tiers, (t) => {
    const i = scale.indexOf(String(t).trim());
    if (i < 0) throw new EngineError(`等次「${String(t)}」不在等次列表 ${scale.join("、")} 中`);
    return i;
  });
  const capList: (Rate | null)[] = scale.map(() => null);
  const pairs = Array.isArray(caps)
    ? (caps as readonly (readonly [string, Rate | number | string])[])
    : Object.entries(caps);
  for (const [label, share] of pairs) {
    if (String(label ?? "").trim() === "") continue;
    const i = scale.indexOf(String(label).trim());
    if (i < 0) throw new EngineError(`名额上限中的等次「${String(label)}」不在等次列表中`);
    const r = toRate(share);
    if (!atMost100(r)) throw new EngineError(`名额比例 ${String(share)} 超过 100%`);
    if (i < scale.length - 1) capList[i] = r;
  }
  const kv = keys.map((row) =>
    row.map((x) => (typeof x === "number" && Number.isFinite(x) ? toExcel15(x) : -Infinity)),
  );
  const gid = Int32Array.from(groupIds(groups, n));
  const nGroups = gid.reduce((a, b) => Math.max(a, b + 1), 0);
  const cmp = (a: number, b: number): number => {
    const ka = kv[a]!;
    const kb = kv[b]!;
    for (let j = 0; j < Math.max(ka.length, kb.length); j++) {
      const x = ka[j] ?? -Infinity;
      const y = kb[j] ?? -Infinity;
      if (x !== y) return x > y ? -1 : 1;
    }
    return 0;
  };
  const before = tierIdx.slice();
  const res = quotaCapsIndexed(tierIdx, gid, nGroups, capList, cmp);
  return {
    tiers: Array.from(tierIdx, (t) => scale[t]!),
    tieFlags: Array.from(res.tie, (x) => x === 1),
    moved: Array.from(tierIdx, (t, i) => t !== before[i]),
  };
}
