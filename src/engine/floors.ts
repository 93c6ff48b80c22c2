/**
 * 维度下限 (DOMAIN §2.4 step 2): a dimension's points, rounded to 小数位数 as every score is,
 * against share × the dimension's 满分 (不适用 items left out), compared exactly in units.
 */
import { dimUnits, exactPoints, floorLineUnits, type ExactPoints } from "./exact";
import { fastRound } from "./numbers";
import { pow10, type Dec } from "./numbers";
import type { Plan } from "./plan";
import type { Relative } from "./relative";
import type { Settings } from "./settings";

/** Checks the floors of one branch; built once per grading. */
export interface FloorChecker {
  /**
   * Bit t set when tier t's floor is not met. `dimPts` are the double sums per dimension;
   * `na` says some item is 不适用 (the dimensions' 满分 then come from exact points).
   */
  (
    plan: Plan,
    pi: number,
    row: readonly unknown[],
    b: number,
    dimPts: Float64Array,
    na: boolean,
    exact: ExactPoints | null,
  ): number;
}

export function floorChecker(settings: Settings, plans: Plan[], rel: Relative | null): FloorChecker {
  const d = settings.digits;
  const scale = pow10(d);
  const tiersWithFloor: number[] = [];
  settings.floors.forEach((f, t) => f && tiersWithFloor.push(t));
  // Lines per plan, tier, dimension (units), for branches without 不适用 items.
  const lines: (number[][] | undefined)[] = plans.map(() => undefined);
  const linesOf = (dimM: readonly Dec[]): number[][] =>
    settings.floors.map((f) => (f ? dimM.map((m) => floorLineUnits(f, m, d)) : []));
  return (plan, pi, row, b, dimPts, na, exact) => {
    let ex = exact;
    const need = (): ExactPoints => (ex ??= exactPoints(plan, row, rel, b));
    const dimM = na ? need().dimM : plan.dimMaxDec;
    const ls = na ? linesOf(dimM) : (lines[pi] ??= linesOf(dimM));
    let fail = 0;
    for (let dm = 0; dm < dimM.length; dm++) {
      if (dimM[dm]!.n === 0n) continue;
      // A dimension's double sum, rounded fast unless near a tie (bound: numbers.ts).
      let u = fastRound(dimPts[dm]! * scale);
      if (Number.isNaN(u)) u = dimUnits(need().dims[dm]!, d);
      for (const t of tiersWithFloor) if (u < ls[t]![dm]!) fail |= 1 << t;
    }
    return fail;
  };
}

/** The first dimension below tier t's floor, with its rounded points (units) and 满分, for 定级依据. */
export function failingDimension(
  pts: ExactPoints,
  settings: Settings,
  t: number,
): { dm: number; units: number; max: Dec } | null {
  const share = settings.floors[t];
  if (!share) return null;
  for (let dm = 0; dm < pts.dimM.length; dm++) {
    const max = pts.dimM[dm]!;
    if (max.n === 0n) continue;
    const units = dimUnits(pts.dims[dm]!, settings.digits);
    if (units < floorLineUnits(share, max, settings.digits)) return { dm, units, max };
  }
  return null;
}
