/**
 * The exact side of scoring: item points as bigint rationals from the 15-digit decimals
 * (the fallback near a .5 rounding boundary, and 维度下限 near-ties), exact rounded
 * division, and reading 测评满意度 into units.
 */
import { isBlank, isNotApplicable, readYesNo } from "./cells";
import {
  ceilDiv,
  decOf,
  parseNumberText,
  pow10n,
  ratAdd,
  ratDiv,
  ratInt,
  ratMax,
  ratMin,
  ratMul,
  ratOfDec,
  ratOfRate,
  ratRoundUnits,
  ratSub,
  roundUnits,
  toExcel15,
  type Dec,
  type Rat,
  type Rate,
} from "./numbers";
import { maxWithout, type Plan } from "./plan";
import type { Criterion } from "./rubric";
import { REL_NA, type Relative } from "./relative";
import type { Settings } from "./settings";
import { K_SCORE, K_DEDUCT, K_BONUS, K_CHECK, K_FREQ, K_PENALTY, K_RANK, K_RATIO } from "./rubric";

/** The exact decimal of a numeric cell (number or numeric text). */
function decOfCell(v: unknown): Dec {
  if (typeof v === "number") return decOf(v);
  return decOf(parseNumberText(String(v)) ?? 0);
}

/** One branch's exact points: base items S, bonus B and penalty P (item caps applied), per dimension; M without 不适用. */
export interface ExactPoints {
  nb: Rat;
  bonus: Rat;
  pen: Rat;
  dims: Rat[];
  m: Dec;
  dimM: Dec[];
}

/** count × 单项分值 of a 扣分/加分/减分 cell, exactly (blank and 不适用 are 0). */
function scaledInput(v: unknown, unit: Dec): Rat {
  return isBlank(v) || isNotApplicable(v) ? ratInt(0) : ratMul(ratOfDec(decOfCell(v)), ratOfDec(unit));
}

/** Exact item points of one 评分 row of branch `b` under a plan (`rel`: its 排名/比例 points). */
export function exactPoints(
  plan: Plan,
  row: readonly unknown[],
  rel: Relative | null,
  b: number,
): ExactPoints {
  const zero = ratInt(0);
  let nb = zero;
  let bonus = zero;
  let pen = zero;
  const dims = plan.dimMaxDec.map(() => zero);
  // 不适用 items, when any: M and the dimensions' 满分 are then summed without them.
  let skipped: Set<number> | null = null;
  for (let i = 0; i < plan.crit.length; i++) {
    const c = plan.crit[i]!;
    const col = plan.col[i]!;
    const v = col >= 0 ? row[col] : "";
    const na = isNotApplicable(v);
    let p: Rat;
    switch (c.k) {
      case K_BONUS:
      case K_PENALTY: {
        const x = scaledInput(v, c.unitDec);
        const capped = c.capDec ? ratMin(x, ratOfDec(c.capDec)) : x;
        if (c.k === K_BONUS) bonus = ratAdd(bonus, capped);
        else pen = ratAdd(pen, capped);
        continue;
      }
      case K_SCORE:
      case K_DEDUCT:
      case K_CHECK:
      case K_FREQ:
      case K_RANK:
      case K_RATIO:
        if (na || ((c.k === K_RANK || c.k === K_RATIO) && rel?.state[plan.ci[i]!]![b] === REL_NA)) {
          (skipped ??= new Set()).add(i);
          continue;
        }
        p = countablePoints(c.k, v, c, rel, plan.ci[i]!, b);
        break;
      default:
        continue;
    }
    nb = ratAdd(nb, p);
    const d = plan.dim[i]!;
    if (d >= 0) dims[d] = ratAdd(dims[d]!, p);
  }
  const s = skipped;
  const m = s ? maxWithout(plan, (i) => s.has(i)) : plan.sumMaxDec;
  const dimM = s ? plan.dimMaxDec.map((_, dm) => maxWithout(plan, (i) => s.has(i), dm)) : plan.dimMaxDec;
  return { nb, bonus, pen, dims, m, dimM };
}

/** Exact points of a countable item that applies. */
function countablePoints(
  k: number,
  v: unknown,
  c: Criterion,
  rel: Relative | null,
  ci: number,
  b: number,
): Rat {
  const max = ratOfDec(c.maxDec);
  switch (k) {
    case K_SCORE:
      return ratOfDec(decOfCell(v));
    case K_DEDUCT:
      return ratMax(ratOfDec(c.floorDec), ratSub(max, scaledInput(v, c.unitDec)));
    case K_CHECK:
      return readYesNo(v) === 1 ? max : ratInt(0);
    case K_FREQ:
      return ratMul(max, ratMin(ratInt(1), ratDiv(ratOfDec(decOfCell(v)), ratOfDec(decOf(c.required)))));
    default:
      return rel ? rel.exact(ci, b) : ratInt(0);
  }
}

/**
 * Exact rubric total before the floor at 0 and rounding (DOMAIN §2.1): 基准分 + base +
 * min(B, 加分总上限) − min(P, 减分总上限); base = S × 100 / M (折算百分制, 0 when M = 0) or S.
 */
export function exactTotal(pts: ExactPoints, settings: Settings): Rat {
  const m = ratOfDec(pts.m);
  const base = !settings.scale100 ? pts.nb : m.p === 0n ? ratInt(0) : ratDiv(ratMul(pts.nb, ratInt(100)), m);
  const pen = settings.penaltyCap ? ratMin(pts.pen, ratOfDec(settings.penaltyCap)) : pts.pen;
  const t = ratAdd(base, ratMin(pts.bonus, ratOfDec(settings.bonusCap)));
  return ratSub(ratAdd(t, ratOfDec(settings.baseScore ?? { n: 0n, s: 0 })), pen);
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
  // The 15-digit reading moves x by at most 5e-15·|x|, so it can change the tests against 0,
  // 1 and 100 below only within that of them; the 1e-4 margins merely skip it for common values.
  const x15 = (x >= 0 && x < 0.9999) || (x > 1.0001 && x <= 99.99) ? x : toExcel15(x);
  if (x15 < 0) return NaN;
  const asFraction = !percentText && x15 <= 1;
  if (!asFraction && x15 > 100) return NaN;
  return roundUnits(x, asFraction ? digits + 2 : digits);
}

/** The least whole number of units reaching share × max: a dimension's rounded points pass when ≥ it. */
export function floorLineUnits(share: Rate, max: Dec, digits: number): number {
  const r = ratMul(ratOfRate(share), ratOfDec(max));
  return Number(ceilDiv(r.p * pow10n(digits), r.q));
}

/** A dimension's exact points rounded to units of 10^-digits. */
export function dimUnits(pts: Rat, digits: number): number {
  return Number(ratRoundUnits(pts, digits));
}
