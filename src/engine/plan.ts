/**
 * The criteria that apply to one sector, compiled for the hot path (score.ts).
 */
import type { Dec } from "./numbers";
import { isCountable, type Criterion, type Rubric } from "./rubric";

export interface Plan {
  sector: string;
  crit: Criterion[];
  /** Index in rubric.criteria of each criterion. */
  ci: Int32Array;
  /** Column in 评分 of each criterion (-1 when missing). */
  col: Int32Array;
  kind: Int32Array;
  max: Float64Array;
  unit: Float64Array;
  cap: Float64Array;
  required: Float64Array;
  /** 下限 of each criterion (0 unless set on 评分/扣分). */
  floor: Float64Array;
  /** Dimension index of each criterion (-1 for none / not countable). */
  dim: Int32Array;
  /** Columns of criteria of other sectors (their inputs must be blank or 不适用). */
  blankCols: Int32Array;
  blankCrit: Criterion[];
  /** Σ 满分 of the countable criteria. */
  sumMax: number;
  sumMaxDec: Dec;
  /** Σ 满分 per dimension (countable criteria). */
  dimMax: Float64Array;
  dimMaxDec: Dec[];
  /** True when some criterion is 排名 or 比例 (its points come from relative.ts). */
  relative: boolean;
}

export function addDec(a: Dec, b: Dec): Dec {
  const s = Math.max(a.s, b.s);
  return { n: a.n * 10n ** BigInt(s - a.s) + b.n * 10n ** BigInt(s - b.s), s };
}

/** Build the plan of `sector` given the 评分 column of each criterion key. */
export function planFor(sector: string, rubric: Rubric, colOf: (key: string) => number): Plan {
  const crit = rubric.criteria.filter((c) => c.sector === null || c.sector === sector);
  const other = rubric.criteria.filter(
    (c) => c.sector !== null && c.sector !== sector && !crit.some((x) => x.key === c.key),
  );
  const blankSeen = new Set<string>();
  const blankCrit = other.filter((c) => (blankSeen.has(c.key) ? false : (blankSeen.add(c.key), true)));
  const dims = rubric.dimensions;
  const dimMax = new Float64Array(dims.length);
  const dimMaxBig = dims.map(() => ({ n: 0n, s: 0 }) as Dec);
  let sumBig: Dec = { n: 0n, s: 0 };
  const dim = new Int32Array(crit.length);
  crit.forEach((c, i) => {
    const counts = isCountable(c.k);
    dim[i] = counts && c.dimension !== "" ? dims.indexOf(c.dimension) : -1;
    if (counts) {
      sumBig = addDec(sumBig, c.maxDec);
      if (dim[i]! >= 0) {
        dimMaxBig[dim[i]!] = addDec(dimMaxBig[dim[i]!]!, c.maxDec);
        dimMax[dim[i]!] += c.max;
      }
    }
  });
  return {
    sector,
    crit,
    ci: Int32Array.from(crit, (c) => rubric.criteria.indexOf(c)),
    col: Int32Array.from(crit, (c) => colOf(c.key)),
    kind: Int32Array.from(crit, (c) => c.k),
    max: Float64Array.from(crit, (c) => c.max),
    unit: Float64Array.from(crit, (c) => c.unit),
    cap: Float64Array.from(crit, (c) => c.cap),
    required: Float64Array.from(crit, (c) => c.required),
    floor: Float64Array.from(crit, (c) => c.floor),
    dim,
    blankCols: Int32Array.from(blankCrit, (c) => colOf(c.key)),
    blankCrit,
    sumMax: Number(sumBig.n) / 10 ** sumBig.s,
    sumMaxDec: sumBig,
    dimMax,
    dimMaxDec: dimMaxBig,
    relative: crit.some((c) => c.kind === "排名" || c.kind === "比例"),
  };
}

/** Σ 满分 of the plan's countable criteria (of dimension `dm` when ≥ 0) without those `skip` marks (不适用), exactly. */
export function maxWithout(plan: Plan, skip: (i: number) => boolean, dm = -1): Dec {
  let m: Dec = { n: 0n, s: 0 };
  for (let i = 0; i < plan.crit.length; i++) {
    if (!isCountable(plan.kind[i]!) || skip(i) || (dm >= 0 && plan.dim[i] !== dm)) continue;
    m = addDec(m, plan.crit[i]!.maxDec);
  }
  return m;
}
