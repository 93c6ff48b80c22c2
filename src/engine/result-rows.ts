/**
 * 结果 from the graded arrays: its rows (the output sheet) and, built on their own from the
 * same arrays, the BranchResult objects (no rebuild from cells by position).
 */
import type { Branches } from "./branches";
import { unitsToNumber } from "./numbers";
import { RESULT_HEADERS } from "./outputs";
import { movementIndexed, type Change } from "./promotion";
import type { QuotaOutcome } from "./quota";
import type { Scores } from "./score-types";
import type { Settings } from "./settings";
import type { TierState } from "./tiers";
import type { OutCell, Scalar } from "./types";

/** One branch's row of 结果, as data. Scores are numbers (null when blank). */
export interface BranchResult {
  id: Scalar;
  name: Scalar;
  parent: string;
  sector: string;
  total: number;
  self: number | null;
  survey: number | null;
  combined: number;
  rank: number;
  tier: string;
  previous: string;
  change: Change;
  levels: number;
  /** 组织名称 of the 赶超对象 ("" when none), as in 结果. */
  benchmark: string;
  /** 组织编码 (text) of the 赶超对象 ("" when none). */
  benchmarkId: string;
  reason: string;
  tieFlag: boolean;
}

/** What grading knows per branch once tiers are set. */
export interface GradedArrays {
  settings: Settings;
  br: Branches;
  scores: Scores;
  state: TierState;
  quota: QuotaOutcome;
  rank: number[];
  bench: number[];
  reason: (b: number) => string;
}

/** 结果's rows, the header first, straight from the typed arrays. */
export function resultRowsOf(g: GradedArrays): OutCell[][] {
  const { settings, br, scores, state, rank, bench, reason } = g;
  const n = br.n;
  const tiers = settings.tiers;
  const d = settings.digits;
  // One boxed number per distinct score: rows share them instead of allocating millions.
  let maxU = 0;
  for (const arr of [scores.total, scores.combined, scores.self, scores.survey])
    for (let b = 0; b < n; b++) if (arr[b]! > maxU) maxU = arr[b]!;
  const cacheSize = maxU < 2_000_000 ? maxU + 2 : 0;
  const boxed: unknown[] = new Array<unknown>(cacheSize).fill("");
  const numOf = (u: number): number => {
    if (u >= 0 && u + 1 < cacheSize) {
      const hit = boxed[u + 1];
      if (hit !== "") return hit as number;
      const v = unitsToNumber(u, d);
      boxed[u + 1] = v;
      return v;
    }
    return unitsToNumber(u, d);
  };
  const num = (u: number): number | "" => (Number.isNaN(u) ? "" : numOf(u));
  const changeOf = changeTable(tiers.length);
  const rows: OutCell[][] = new Array<OutCell[]>(n + 1);
  rows[0] = [...RESULT_HEADERS];
  for (let b = 0; b < n; b++) {
    const t = state.tier[b]!;
    const prev = br.previous[b]!;
    const bi = bench[b]!;
    rows[b + 1] = [
      br.codeOut[b]!,
      br.names[b]!,
      br.parentLabels[br.parentOf[b]!]!,
      br.sectorLabels[br.sectorOf[b]!]!,
      numOf(scores.total[b]!),
      num(scores.self[b]!),
      num(scores.survey[b]!),
      numOf(scores.combined[b]!),
      rank[b]!,
      tiers[t]!,
      prev >= 0 ? tiers[prev]! : "",
      changeOf[(prev + 1) * tiers.length + t]!,
      bi >= 0 ? labelText(br.names[bi]) : "",
      reason(b),
    ];
  }
  return rows;
}

/** The BranchResult objects, one per branch in 组织 order: the same values as 结果's rows. */
export function branchResultsOf(g: GradedArrays): BranchResult[] {
  const { settings, br, scores, state, quota, rank, bench, reason } = g;
  const tiers = settings.tiers;
  const d = settings.digits;
  const orNull = (u: number): number | null => (Number.isNaN(u) ? null : unitsToNumber(u, d));
  const out = new Array<BranchResult>(br.n);
  for (let b = 0; b < br.n; b++) {
    const bi = bench[b]!;
    const prev = br.previous[b]!;
    const mv = movementIndexed(prev, state.tier[b]!);
    out[b] = {
      id: br.codeOut[b]!,
      name: br.names[b]!,
      parent: br.parentLabels[br.parentOf[b]!]!,
      sector: br.sectorLabels[br.sectorOf[b]!]!,
      total: unitsToNumber(scores.total[b]!, d),
      self: orNull(scores.self[b]!),
      survey: orNull(scores.survey[b]!),
      combined: unitsToNumber(scores.combined[b]!, d),
      rank: rank[b]!,
      tier: tiers[state.tier[b]!]!,
      previous: prev >= 0 ? tiers[prev]! : "",
      change: mv.change,
      levels: mv.levels,
      benchmark: bi >= 0 ? labelText(br.names[bi]) : "",
      benchmarkId: bi >= 0 ? br.codes[bi]! : "",
      reason: reason(b),
      tieFlag: quota.tie[b] === 1,
    };
  }
  return out;
}

/** 变动 label per (previous + 1, current) tier index pair; previous -1 is 新定级. */
function changeTable(k: number): Change[] {
  const out: Change[] = [];
  for (let p = -1; p < k; p++) for (let c = 0; c < k; c++) out.push(movementIndexed(p, c).change);
  return out;
}

function labelText(v: Scalar | undefined): string {
  return v === undefined || v === null ? "" : String(v);
}
