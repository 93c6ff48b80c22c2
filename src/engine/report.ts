/**
 * The output sheets' rows from the graded arrays: 结果 (and the lazy BranchResult objects),
 * 晋位升级, 汇总, 公示.
 */
import type { Branches } from "./branches";
import { unitsToNumber } from "./numbers";
import {
  OUTPUT_SHEETS,
  POSTING_HEADERS,
  PROMOTION_HEADERS,
  RESULT_HEADERS,
  postingLayout,
  promotionLayout,
  resultLayout,
  sheet,
  summaryBlock,
  summaryRowsOf,
  summaryLayout,
} from "./outputs";
import { movementIndexed, targetOutcome, type Change } from "./promotion";
import { requiredCount, type QuotaOutcome } from "./quota";
import type { Scores } from "./score-types";
import type { Settings } from "./settings";
import type { TierState } from "./tiers";
import type { OutCell, OutputSheet, Scalar } from "./types";

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

export interface TargetResult {
  group: string;
  target: string;
  base: number;
  required: number;
  attained: number;
  gap: number;
  status: "达标" | "未达标";
}

export interface ReportContext {
  settings: Settings;
  br: Branches;
  scores: Scores;
  state: TierState;
  quota: QuotaOutcome;
  rank: number[];
  bench: number[];
  reason: (b: number) => string;
}

/** The four output sheets, the tier counts per parent, the targets, and a builder of BranchResult objects. */
export function buildOutputs(ctx: ReportContext): {
  outputs: OutputSheet[];
  byParent: number[][];
  targetResults: TargetResult[];
  buildResults: () => BranchResult[];
} {
  const { settings, br, scores, state, quota, rank, bench, reason } = ctx;
  const n = br.n;
  const tiers = settings.tiers;
  // 结果 rows (plain values), built straight from the typed arrays.
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
  const resultRows: OutCell[][] = new Array<OutCell[]>(n + 1);
  resultRows[0] = [...RESULT_HEADERS];
  for (let b = 0; b < n; b++) {
    const t = state.tier[b]!;
    const prev = br.previous[b]!;
    const bi = bench[b]!;
    const why = reason(b);
    resultRows[b + 1] = [
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
      why,
    ];
  }
  // BranchResult objects are built on first access (hosts write the grids; most callers never need them).
  const buildResults = (): BranchResult[] => {
    const out = new Array<BranchResult>(n);
    for (let b = 0; b < n; b++) {
      const row = resultRows[b + 1]!;
      const bi = bench[b]!;
      const mv = movementIndexed(br.previous[b]!, state.tier[b]!);
      out[b] = {
        id: row[0] as Scalar,
        name: row[1] as Scalar,
        parent: row[2] as string,
        sector: row[3] as string,
        total: row[4] as number,
        self: row[5] === "" ? null : (row[5] as number),
        survey: row[6] === "" ? null : (row[6] as number),
        combined: row[7] as number,
        rank: row[8] as number,
        tier: row[9] as string,
        previous: row[10] as string,
        change: mv.change,
        levels: mv.levels,
        benchmark: row[12] as string,
        benchmarkId: bi >= 0 ? br.codes[bi]! : "",
        reason: row[13] as string,
        tieFlag: quota.tie[b] === 1,
      };
    }
    return out;
  };

  // 晋位升级: per parent group and target, then 合计.
  const nParents = br.parentLabels.length;
  const targetResults: TargetResult[] = [];
  const promoRows: OutCell[][] = [[...PROMOTION_HEADERS]];
  const perTarget = settings.targets.map((tg) => {
    const base = new Int32Array(nParents + 1);
    const got = new Int32Array(nParents + 1);
    for (let b = 0; b < n; b++) {
      if (br.previous[b] !== tg.from) continue;
      const p = br.parentOf[b]!;
      base[p]++;
      base[nParents]++;
      const ok = tg.success === "示范" ? br.demo[b] === 1 : state.tier[b]! < tg.from;
      if (ok) {
        got[p]++;
        got[nParents]++;
      }
    }
    return { base, got };
  });
  for (let g = 0; g <= nParents; g++) {
    const group = g < nParents ? br.parentLabels[g]! : "合计";
    settings.targets.forEach((tg, i) => {
      const { base, got } = perTarget[i]!;
      const o = targetOutcome(
        base[g]!,
        requiredCount(base[g]!, tg.rate, tg.comparator),
        got[g]!,
        tg.comparator,
      );
      targetResults.push({ group, target: tg.label, ...o });
      promoRows.push([group, tg.label, o.base, o.required, o.attained, o.gap, o.status]);
    });
  }

  // 汇总: counts by tier × parent and tier × sector.
  const k = tiers.length;
  const byParent = br.parentLabels.map(() => new Array<number>(k).fill(0));
  const bySector = br.sectorLabels.map(() => new Array<number>(k).fill(0));
  for (let b = 0; b < n; b++) {
    byParent[br.parentOf[b]!]![state.tier[b]!]++;
    bySector[br.sectorOf[b]!]![state.tier[b]!]++;
  }
  const block1 = summaryBlock(1, "上级党组织", "C", br.parentLabels, byParent, tiers, n);
  const block2 = summaryBlock(block1.length + 2, "领域", "D", br.sectorLabels, bySector, tiers, n);
  const summaryRows = summaryRowsOf(block1, block2);

  // 公示: by parent group (order of 组织), then tier, then 组织 order (counting sort).
  const bucket = new Int32Array(nParents * k + 1);
  for (let b = 0; b < n; b++) bucket[br.parentOf[b]! * k + state.tier[b]! + 1]++;
  for (let i = 1; i < bucket.length; i++) bucket[i] += bucket[i - 1]!;
  const order = new Int32Array(n);
  for (let b = 0; b < n; b++) order[bucket[br.parentOf[b]! * k + state.tier[b]!]!++] = b;
  // After the fill, bucket[j] is the end of bucket j (its start is bucket[j - 1], or 0). Each
  // bucket has one parent and one tier, so only 组织名称 is read per row: the same cells as
  // 结果's 上级党组织, 组织名称 and 等次, without touching the 结果 rows in 公示 order.
  const postRows: OutCell[][] = new Array<OutCell[]>(n + 1);
  postRows[0] = [...POSTING_HEADERS];
  const names = br.names;
  let i = 0;
  for (let j = 0; j < nParents * k; j++) {
    const end = bucket[j]!;
    if (i === end) continue;
    const parent = br.parentLabels[(j / k) | 0]!;
    const tier = tiers[j % k]!;
    for (; i < end; i++) postRows[i + 1] = [parent, names[order[i]!]!, tier];
  }

  const outputs: OutputSheet[] = [
    sheet(OUTPUT_SHEETS[0], resultRows, resultLayout(d)),
    sheet(OUTPUT_SHEETS[1], promoRows, promotionLayout()),
    sheet(
      OUTPUT_SHEETS[2],
      summaryRows,
      summaryLayout(tiers, br.parentLabels.length, br.sectorLabels.length),
    ),
    sheet(OUTPUT_SHEETS[3], postRows, postingLayout()),
  ];
  return { outputs, byParent, targetResults, buildResults };
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
