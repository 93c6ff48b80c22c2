/**
 * 晋位升级 (DOMAIN §3): movement between periods, targets per group and overall,
 * and the 赶超对象 (benchmark branch).
 */
import { filled, type Nums } from "./arrays";
import { isBlank, labelOf, readYesNo } from "./cells";
import { EngineError } from "./errors";
import { parseRate, toExcel15, type Rate } from "./numbers";
import { requiredCount } from "./quota";
import type { Comparator, Success } from "./settings";
import { DEFAULT_SCALE } from "./tiers";

export type Change = "晋位" | "保持" | "降位" | "新定级";

function tierIndexOf(label: unknown, tiers: readonly string[], what: string): number {
  const t = labelOf(label);
  const i = tiers.indexOf(t);
  if (i < 0) throw new EngineError(`${what}「${t}」不在等次列表 ${tiers.join("、")} 中`);
  return i;
}

/** Movement from an index pair (previous may be -1 = none). levels is the number of tiers moved (≥ 0). */
export function movementIndexed(prev: number, cur: number): { change: Change; levels: number } {
  if (prev < 0) return { change: "新定级", levels: 0 };
  if (cur < prev) return { change: "晋位", levels: prev - cur };
  if (cur > prev) return { change: "降位", levels: cur - prev };
  return { change: "保持", levels: 0 };
}

/**
 * 晋位, 保持, 降位 or 新定级 (previous blank), with the number of levels moved (≥ 0).
 * movement("后进", "先进").change === "晋位" (levels 2); movement("", "一般").change === "新定级".
 * @throws EngineError when a label is not on the tier list.
 */
export function movement(
  previous: unknown,
  current: unknown,
  tiers: readonly string[] = DEFAULT_SCALE,
): { change: Change; levels: number } {
  const cur = tierIndexOf(current, tiers, "本期等次");
  const prev = isBlank(previous) ? -1 : tierIndexOf(previous, tiers, "上期等次");
  return movementIndexed(prev, cur);
}

export interface TargetOutcome {
  base: number;
  required: number;
  attained: number;
  gap: number;
  status: "达标" | "未达标";
}

/** Gap and status from base, required and attained (不超过 counts the excess). */
export function targetOutcome(
  base: number,
  required: number,
  attained: number,
  comparator: Comparator,
): TargetOutcome {
  const gap = comparator === "不超过" ? Math.max(0, attained - required) : Math.max(0, required - attained);
  return { base, required, attained, gap, status: gap === 0 ? "达标" : "未达标" };
}

/**
 * One target over a set of branches (DOMAIN §3): base = those whose previous tier is
 * fromTier; attained = those of the base now better (转化/晋级) or named 示范点 (示范).
 * @param previous 上期等次 per branch (blank = none).
 * @param current 本期等次 per branch.
 * @param demo 示范点 per branch (是/否), needed for 示范.
 */
export function targetRow(
  previous: readonly unknown[],
  current: readonly unknown[],
  fromTier: string,
  success: Success,
  comparator: Comparator,
  rate: Rate | number | string,
  tiers: readonly string[] = DEFAULT_SCALE,
  demo?: readonly unknown[],
): TargetOutcome {
  if (previous.length !== current.length) throw new EngineError("上期等次与本期等次的个数应相同");
  if (success !== "转化" && success !== "晋级" && success !== "示范")
    throw new EngineError(`成功标准「${String(success)}」应为 转化、晋级 或 示范`);
  if (success === "示范" && (!demo || demo.length !== current.length))
    throw new EngineError("示范目标需要与等次个数相同的示范点列（是/否）");
  const from = tierIndexOf(fromTier, tiers, "原等次");
  const r = typeof rate === "object" ? rate : parseRate(rate);
  if (!r) throw new EngineError(`比例 ${String(rate)} 无效`);
  let base = 0;
  let attained = 0;
  for (let i = 0; i < current.length; i++) {
    if (isBlank(previous[i]) || tierIndexOf(previous[i], tiers, "上期等次") !== from) continue;
    base++;
    if (success === "示范") {
      if (readYesNo(demo![i]) === 1) attained++;
    } else if (tierIndexOf(current[i], tiers, "本期等次") < from) attained++;
  }
  return targetOutcome(base, requiredCount(base, r, comparator), attained, comparator);
}

/** Compare two 组织编码: digit strings numerically, otherwise by code units. */
export function compareCodes(a: string, b: string): number {
  const da = /^\d+$/.test(a);
  const db = /^\d+$/.test(b);
  if (da && db) {
    const x = a.replace(/^0+(?=\d)/, "");
    const y = b.replace(/^0+(?=\d)/, "");
    if (x.length !== y.length) return x.length - y.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * 赶超对象 for every branch (indices): a top-tier (index 0) branch in the same sector, of
 * the same parent when there is one, else of any parent; the one with the smallest score
 * above the branch's own, else the highest; ties by code. -1 for top-tier branches and
 * when there is no candidate. O(n log n).
 */
export function benchmarksIndexed(
  codes: readonly string[],
  sector: Nums,
  parent: Nums,
  tier: Nums,
  score: Nums,
): number[] {
  const n = codes.length;
  const out = filled(n, -1);
  const bySP = new Map<number, number[]>();
  const byS = new Map<number, number[]>();
  let nParents = 1;
  for (let i = 0; i < n; i++) if (parent[i]! + 1 > nParents) nParents = parent[i]! + 1;
  for (let i = 0; i < n; i++) {
    if (tier[i] !== 0) continue;
    const k = sector[i]! * nParents + parent[i]!;
    (bySP.get(k) ?? bySP.set(k, []).get(k)!).push(i);
    (byS.get(sector[i]!) ?? byS.set(sector[i]!, []).get(sector[i]!)!).push(i);
  }
  const order = (a: number, b: number): number => score[a]! - score[b]! || compareCodes(codes[a]!, codes[b]!);
  for (const l of bySP.values()) l.sort(order);
  for (const l of byS.values()) l.sort(order);
  for (let i = 0; i < n; i++) {
    if (tier[i] === 0) continue;
    const list = bySP.get(sector[i]! * nParents + parent[i]!) ?? byS.get(sector[i]!);
    if (!list || list.length === 0) continue;
    const s = score[i]!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (score[list[mid]!]! > s) hi = mid;
      else lo = mid + 1;
    }
    if (lo < list.length) out[i] = list[lo]!;
    else {
      const top = score[list[list.length - 1]!]!;
      let j = list.length - 1;
      while (j > 0 && score[list[j - 1]!] === top) j--;
      out[i] = list[j]!;
    }
  }
  return out;
}

/**
 * The 赶超对象 of branch `id` (DOMAIN §3), as its code; "" when it is in the top tier or has
 * no candidate. Scores are compared at 15 significant digits; blank scores count lowest.
 */
export function benchmarkFor(
  id: unknown,
  ids: readonly unknown[],
  sectors: readonly unknown[],
  parents: readonly unknown[],
  tiers: readonly unknown[],
  scores: readonly unknown[],
  topTier = "先进",
): string {
  const n = ids.length;
  if ([sectors, parents, tiers, scores].some((a) => a.length !== n))
    throw new EngineError("编码、领域、上级党组织、等次、得分的个数应相同");
  const codes = ids.map(labelOf);
  const me = codes.indexOf(labelOf(id));
  if (me < 0) throw new EngineError(`组织编码「${labelOf(id)}」不在编码列中`, "na");
  const dense = (xs: readonly unknown[]): Int32Array => {
    const m = new Map<string, number>();
    return Int32Array.from(xs, (x) => {
      const k = labelOf(x);
      let v = m.get(k);
      if (v === undefined) m.set(k, (v = m.size));
      return v;
    });
  };
  const top = labelOf(topTier);
  const tier = Int32Array.from(tiers, (t) => (labelOf(t) === top ? 0 : 1));
  const score = Float64Array.from(scores, (s) =>
    typeof s === "number" && Number.isFinite(s) ? toExcel15(s) : -Infinity,
  );
  const res = benchmarksIndexed(codes, dense(sectors), dense(parents), tier, score);
  return res[me]! >= 0 ? codes[res[me]!]! : "";
}
