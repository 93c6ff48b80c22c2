/**
 * The exact side of scoring: item points as bigint rationals from the 15-digit decimals
 * (the fallback near a .5 rounding boundary, and 维度下限 near-ties), exact rounded
 * division, and reading 测评满意度 into units.
 */
import { isBlank, readYesNo } from "./cells";
import type { Rate } from "./numbers";
import {
  decOf,
  ratCmp,
  ratOfRate,
  parseNumberText,
  ratAdd,
  ratDiv,
  ratInt,
  ratMax,
  ratMin,
  ratMul,
  ratOfDec,
  ratSub,
  roundUnits,
  toExcel15,
  type Dec,
  type Rat,
} from "./numbers";
import type { Plan } from "./rubric";

// Kind codes (same values as rubric.ts K_*).
const K_SCORE = 0,
  K_DEDUCT = 1,
  K_BONUS = 2,
  K_CHECK = 3,
  K_FREQ = 4;

/** The exact decimal of a numeric cell (number or numeric text). */
function decOfCell(v: unknown): Dec {
  if (typeof v === "number") return decOf(v);
  return decOf(parseNumberText(String(v)) ?? 0);
}

/** Exact item points of one row under a plan: non-bonus sum, bonus sum (uncapped), per dimension. */
export function exactPoints(plan: Plan, row: readonly unknown[]): { nb: Rat; bonus: Rat; dims: Rat[] } {
  let nb = ratInt(0);
  let bonus = ratInt(0);
  const dims = plan.dimMaxDec.map(() => ratInt(0));
  for (let i = 0; i < plan.crit.length; i++) {
    const c = plan.crit[i]!;
    const col = plan.col[i]!;
    const v = col >= 0 ? row[col] : "";
    const max = ratOfDec(c.maxDec);
    let p: Rat;
    switch (c.k) {
      case K_SCORE:
        p = ratOfDec(decOfCell(v));
        break;
      case K_DEDUCT:
        p = isBlank(v)
          ? max
          : ratMax(ratInt(0), ratSub(max, ratMul(ratOfDec(decOfCell(v)), ratOfDec(c.unitDec))));
        break;
      case K_BONUS: {
        const raw = isBlank(v) ? ratInt(0) : ratMul(ratOfDec(decOfCell(v)), ratOfDec(c.unitDec));
        bonus = ratAdd(bonus, c.capDec ? ratMin(raw, ratOfDec(c.capDec)) : raw);
        continue;
      }
      case K_CHECK:
        p = readYesNo(v) === 1 ? max : ratInt(0);
        break;
      case K_FREQ: {
        const x = ratOfDec(decOfCell(v));
        const req = ratOfDec(decOf(c.required));
        p = ratMul(max, ratMin(ratInt(1), ratDiv(x, req)));
        break;
      }
      default:
        continue;
    }
    nb = ratAdd(nb, p);
    const d = plan.dim[i]!;
    if (d >= 0) dims[d] = ratAdd(dims[d]!, p);
  }
  return { nb, bonus, dims };
}

/** Exact rubric total (before rounding) from exact points. */
export function exactTotal(pts: { nb: Rat; bonus: Rat }, plan: Plan, scale100: boolean, bonusCap: Dec): Rat {
  const base = scale100 ? ratDiv(ratMul(pts.nb, ratInt(100)), ratOfDec(plan.sumMaxDec)) : pts.nb;
  return ratAdd(base, ratMin(pts.bonus, ratOfDec(bonusCap)));
}

/** round(num / den) for non-negative safe integers, half away from zero, exactly. */
export function divRoundPos(num: number, den: number): number {
  let q = Math.floor(num / den);
  let r = num - q * den;
  if (r < 0) {
    q--;
    r += den;
  } else if (r >= den) {
    q++;
    r -= den;
  }
  return 2 * r >= den ? q + 1 : q;
}

/**
 * 测评满意度 in units of 10^-digits of percent points: ≤ 1 is a fraction (0.85 → 85),
 * above 1 already percent, "85%" text is 85. NaN when invalid or outside 0–100.
 */
export function surveyUnits(v: unknown, digits: number): number {
  let x: number | null;
  let percentText = false;
  if (typeof v === "string") {
    let t = v.trim();
    if (t.endsWith("%") || t.endsWith("％")) {
      percentText = true;
      t = t.slice(0, -1);
    }
    x = parseNumberText(t);
  } else x = typeof v === "number" && Number.isFinite(v) ? v : null;
  if (x === null) return NaN;
  const x15 = (x >= 0 && x < 0.9999) || (x > 1.0001 && x <= 99.99) ? x : toExcel15(x);
  if (x15 < 0) return NaN;
  const asFraction = !percentText && x15 <= 1;
  if (!asFraction && x15 > 100) return NaN;
  return roundUnits(x, asFraction ? digits + 2 : digits);
}

/**
 * 维度下限: bit t set when, for a tier t with a floor, some dimension's points fall short of
 * share × Σ满分 of that dimension. Doubles decide unless within 1e-9 of the line; then exact
 * points decide (`exact`, computed on demand when null).
 */
export function floorFailures(
  plan: Plan,
  row: readonly unknown[],
  dimPts: Float64Array,
  floorTiers: readonly number[],
  floorShare: readonly number[],
  floors: readonly (Rate | null)[],
  exact: { dims: Rat[] } | null,
): number {
  let fail = 0;
  for (const t of floorTiers) {
    const share = floorShare[t]!;
    for (let dm = 0; dm < plan.dimMax.length; dm++) {
      const mx = plan.dimMax[dm]!;
      if (mx === 0) continue;
      const diff = dimPts[dm]! - share * mx;
      let ok: boolean;
      if (Math.abs(diff) > 1e-9 * (mx + 1)) ok = diff > 0;
      else {
        exact ??= exactPoints(plan, row);
        ok = ratCmp(exact.dims[dm]!, ratMul(ratOfRate(floors[t]!), ratOfDec(plan.dimMaxDec[dm]!))) >= 0;
      }
      if (!ok) {
        fail |= 1 << t;
        break;
      }
    }
  }
  return fail;
}
