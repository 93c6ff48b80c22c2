/**
 * The report builder: from a row model (结果's rows and the per-branch indices the other
 * sheets count), the output sheets 结果, 晋位升级, 汇总, 公示 and the summary. Grading feeds
 * it the graded arrays; consolidate feeds it the merged units' 结果 rows.
 */
import type { GradeSummary } from "./grade-types";
import {
  OUTPUT_SHEETS,
  POSTING_HEADERS,
  PROMOTION_HEADERS,
  postingLayout,
  promotionLayout,
  resultLayout,
  sheet,
  summaryBlock,
  summaryLayout,
  summaryRowsOf,
} from "./outputs";
import { targetOutcome } from "./promotion";
import { requiredCount } from "./quota";
import type { TargetSpec } from "./settings";
import type { OutCell, OutputSheet, Scalar } from "./types";

export interface TargetResult {
  group: string;
  target: string;
  base: number;
  required: number;
  attained: number;
  gap: number;
  status: "达标" | "未达标";
}

/** The row model: one entry per branch, in 结果 order. */
export interface ReportRows {
  /** Tier labels, best first. */
  tiers: string[];
  digits: number;
  targets: TargetSpec[];
  /** 上级党组织 and 领域 labels in order of first appearance. */
  parentLabels: string[];
  sectorLabels: string[];
  parentOf: ArrayLike<number>;
  sectorOf: ArrayLike<number>;
  /** Tier index, best first. */
  tier: ArrayLike<number>;
  /** 上期等次 index, -1 when none. */
  previous: ArrayLike<number>;
  /** 1 for a 示范点. */
  demo: ArrayLike<number>;
  /** 组织名称. */
  names: ArrayLike<Scalar>;
  /** 结果's rows, the header first; built only when the sheets are (a thunk). */
  resultRows: () => OutCell[][];
}

export interface Report {
  /** 结果, 晋位升级, 汇总, 公示 (none when built without sheets). */
  outputs: OutputSheet[];
  /** Counts per 上级党组织 × tier. */
  byParent: number[][];
  targetResults: TargetResult[];
}

/** Branches per label × tier. */
function countBy(m: ReportRows, of: ArrayLike<number>, labels: string[]): number[][] {
  const k = m.tiers.length;
  const out = labels.map(() => new Array<number>(k).fill(0));
  for (let b = 0; b < m.tier.length; b++) out[of[b]!]![m.tier[b]!]++;
  return out;
}

/** 晋位升级: per parent group and target, then 合计 (its own base, DOMAIN §3). */
function promotion(m: ReportRows): TargetResult[] {
  const nParents = m.parentLabels.length;
  const n = m.tier.length;
  const perTarget = m.targets.map((tg) => {
    const base = new Int32Array(nParents + 1);
    const got = new Int32Array(nParents + 1);
    for (let b = 0; b < n; b++) {
      if (m.previous[b] !== tg.from) continue;
      const p = m.parentOf[b]!;
      base[p]++;
      base[nParents]++;
      const ok = tg.success === "示范" ? m.demo[b] === 1 : m.tier[b]! < tg.from;
      if (ok) {
        got[p]++;
        got[nParents]++;
      }
    }
    return { base, got };
  });
  const out: TargetResult[] = [];
  for (let g = 0; g <= nParents; g++) {
    const group = g < nParents ? m.parentLabels[g]! : "合计";
    m.targets.forEach((tg, i) => {
      const { base, got } = perTarget[i]!;
      const required = requiredCount(base[g]!, tg.rate, tg.comparator);
      out.push({ group, target: tg.label, ...targetOutcome(base[g]!, required, got[g]!, tg.comparator) });
    });
  }
  return out;
}

/** 公示: by parent group (order of first appearance), then tier, then 结果 order (counting sort). */
function postingRows(m: ReportRows): OutCell[][] {
  const n = m.tier.length;
  const k = m.tiers.length;
  const nParents = m.parentLabels.length;
  const bucket = new Int32Array(nParents * k + 1);
  for (let b = 0; b < n; b++) bucket[m.parentOf[b]! * k + m.tier[b]! + 1]++;
  for (let i = 1; i < bucket.length; i++) bucket[i] += bucket[i - 1]!;
  const order = new Int32Array(n);
  for (let b = 0; b < n; b++) order[bucket[m.parentOf[b]! * k + m.tier[b]!]!++] = b;
  // After the fill, bucket[j] is the end of bucket j. Each bucket has one parent and one
  // tier, so only 组织名称 is read per row.
  const rows: OutCell[][] = new Array<OutCell[]>(n + 1);
  rows[0] = [...POSTING_HEADERS];
  let i = 0;
  for (let j = 0; j < nParents * k; j++) {
    const end = bucket[j]!;
    if (i === end) continue;
    const parent = m.parentLabels[(j / k) | 0]!;
    const tier = m.tiers[j % k]!;
    for (; i < end; i++) rows[i + 1] = [parent, cellOf(m.names[order[i]!]), tier];
  }
  return rows;
}

/** The report from the row model; `sheets: false` counts only (检查: no output sheet built). */
export function buildReport(m: ReportRows, sheets = true): Report {
  const byParent = countBy(m, m.parentOf, m.parentLabels);
  const targetResults = promotion(m);
  if (!sheets) return { outputs: [], byParent, targetResults };
  const n = m.tier.length;
  const promoRows: OutCell[][] = [
    [...PROMOTION_HEADERS],
    ...targetResults.map((t): OutCell[] => [
      t.group,
      t.target,
      t.base,
      t.required,
      t.attained,
      t.gap,
      t.status,
    ]),
  ];
  const bySector = countBy(m, m.sectorOf, m.sectorLabels);
  const block1 = summaryBlock(1, "上级党组织", "C", m.parentLabels, byParent, m.tiers, n);
  const block2 = summaryBlock(block1.length + 2, "领域", "D", m.sectorLabels, bySector, m.tiers, n);
  const outputs = [
    sheet(OUTPUT_SHEETS[0], m.resultRows(), resultLayout(m.digits)),
    sheet(OUTPUT_SHEETS[1], promoRows, promotionLayout()),
    sheet(
      OUTPUT_SHEETS[2],
      summaryRowsOf(block1, block2),
      summaryLayout(m.tiers, m.parentLabels.length, m.sectorLabels.length),
    ),
    sheet(OUTPUT_SHEETS[3], postingRows(m), postingLayout()),
  ];
  return { outputs, byParent, targetResults };
}

/** The summary printed and returned after grading (or consolidating). */
export function summaryOf(m: ReportRows, report: Report, asOf: string): GradeSummary {
  const { tiers } = m;
  const counts: Record<string, number> = {};
  tiers.forEach((t, j) => (counts[t] = report.byParent.reduce((a, c) => a + c[j]!, 0)));
  return {
    tiers: [...tiers],
    branches: m.tier.length,
    counts,
    byGroup: m.parentLabels.map((group, g) => ({
      group,
      counts: Object.fromEntries(tiers.map((t, j) => [t, report.byParent[g]![j]!])),
    })),
    targets: report.targetResults,
    asOf,
  };
}

function cellOf(v: Scalar | undefined): OutCell {
  return v === undefined || v === null ? "" : v;
}
