/**
 * The hot path: every 评分 row → item points → 上级评定, 自评, 测评, 综合得分 (DOMAIN §2.1–2.3).
 *
 * Points are summed in doubles; the rounded result is exact because any value within the
 * error bound of a .5 boundary is recomputed with exact rationals (`exactPoints`).
 */
import { filled, type Nums } from "./arrays";
import { isBlank, labelOf, readNumber, readYesNo, showValue } from "./cells";
import type { Table } from "./contract";
import {
  decOf,
  formatDec,
  parseNumberText,
  pow10,
  pow10n,
  ratAdd,
  ratCmp,
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
} from "./numbers";
import type { Problems } from "./problems";
import type { Plan, Rubric } from "./rubric";

// Kind codes (same values as rubric.ts K_*), local literals so the hot loop reads no imports.
const K_SCORE = 0,
  K_DEDUCT = 1,
  K_BONUS = 2,
  K_CHECK = 3,
  K_FREQ = 4,
  K_VETO = 5;
import type { Settings } from "./settings";

export interface ScoreContext {
  table: Table;
  rubric: Rubric;
  n: number;
  idIndex: { get(key: string): number };
  /** Plan index of each branch. */
  planOf: Nums;
  plans: Plan[];
  settings: Settings;
  problems: Problems;
}

export interface Scores {
  /** Units of 10^-digits; NaN when not computed. */
  total: number[];
  self: number[];
  survey: number[];
  combined: number[];
  /** Bit 1: 自评 missing and rescaled; bit 2: 测评 missing and rescaled. */
  rescaled: Uint8Array;
  /** Strictest veto cap (tier index) or -1. */
  vetoTier: number[];
  /** Index into rubric.criteria of the veto that set vetoTier, or -1. */
  vetoCrit: number[];
  /** Bit t set when the dimension floor of tier t is NOT met. */
  floorFail: number[];
  /** 评分 row of each branch, -1 when it has none. */
  scoreRow: number[];
}

const nf = (x: number): string => String(toExcel15(x));

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

/** Grade every 评分 row. Problems are reported for every invalid cell. */
export function scoreRows(ctx: ScoreContext): Scores {
  const { table, n, idIndex, planOf, plans, settings, problems, rubric } = ctx;
  // Local aliases: module imports may be live-binding getters under some loaders.
  const yesNo = readYesNo;
  const readNum = readNumber;
  const blank = isBlank;
  const S = table.sheet;
  const grid = table.grid;
  const d = settings.digits;
  const scaleD = pow10(d);
  const bonusCapNum = Number(formatDec(settings.bonusCap));
  const last = settings.tiers.length - 1;
  const out: Scores = {
    total: filled(n, NaN),
    self: filled(n, NaN),
    survey: filled(n, NaN),
    combined: filled(n, NaN),
    rescaled: new Uint8Array(n),
    vetoTier: filled(n, -1),
    vetoCrit: filled(n, -1),
    floorFail: filled(n, 0),
    scoreRow: filled(n, -1),
  };
  const idCol = table.cols.get("组织编码");
  if (idCol === undefined) return out;
  const selfCol = table.cols.get("自评得分") ?? -1;
  const surveyCol = table.cols.get("测评满意度") ?? -1;
  const critIndex = new Map(rubric.criteria.map((c, i) => [c, i]));
  const planCritIdx = plans.map((p) => Int32Array.from(p.crit, (c) => critIndex.get(c)!));

  // Weights as integers on one decimal scale.
  const wScale = Math.max(...settings.weights.map((w) => w.s));
  const Wb = settings.weights.map((w) => w.n * pow10n(wScale - w.s));
  const W = Wb.map(Number);
  const wSafe = Wb.every((w) => w < 2n ** 31n);
  const { rescaleMissing } = settings;

  // Dimension floors: per tier with a floor, the share as a double and a rational.
  const floorTiers: number[] = [];
  settings.floors.forEach((f, t) => f && floorTiers.push(t));
  const floorShare = settings.floors.map((f) => (f ? Number(f.num) / 10 ** f.scale : 0));
  const hasFloors = floorTiers.length > 0 && rubric.dimensions.length > 0;
  const dimPts = new Float64Array(rubric.dimensions.length);

  const numberProblem = (
    r: number,
    c: number,
    id: string,
    kindName: string,
    v: unknown,
    range: string,
  ): void => {
    problems.at(S, r, c, `指标 ${id}（${kindName}）的输入 ${showValue(v)} 不是数，应为${range}`);
  };

  for (const r of table.rows) {
    const row = grid[r] as unknown[];
    const idv = row[idCol];
    const key = typeof idv === "string" ? idv.trim() : labelOf(idv);
    if (key === "") {
      problems.at(S, r, idCol, "组织编码为空，每行评分都要填写组织编码");
      continue;
    }
    const b = idIndex.get(key);
    if (b < 0) {
      problems.at(S, r, idCol, `组织编码 ${showValue(idv)} 不在组织表中，请先在组织表中登记该组织`);
      continue;
    }
    if (out.scoreRow[b]! >= 0) {
      problems.at(
        S,
        r,
        idCol,
        `组织编码 ${showValue(idv)} 在评分表中重复（第一次在第 ${out.scoreRow[b]! + 1} 行），每个组织只能有一行评分`,
      );
      continue;
    }
    out.scoreRow[b] = r;
    const pi = planOf[b]!;
    if (pi < 0) continue;
    const plan = plans[pi]!;
    // A sector without points cannot be scaled to 100 (reported once, in 标准).
    let bad = settings.scale100 && plan.sumMax === 0;
    for (let i = 0; i < plan.blankCols.length; i++) {
      const c = plan.blankCols[i]!;
      if (c >= 0 && !blank(row[c])) {
        problems.at(
          S,
          r,
          c,
          `指标 ${plan.blankCrit[i]!.id} 不适用于领域「${plan.sector}」，此格应为空（现为 ${showValue(row[c])}）`,
        );
        bad = true;
      }
    }
    let nb = 0;
    let bonus = 0;
    let vetoT = -1;
    let vetoC = -1;
    if (hasFloors) dimPts.fill(0);
    const cols = plan.col;
    const kinds = plan.kind;
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!;
      if (c < 0) {
        bad = true;
        continue;
      }
      const v = row[c];
      const k = kinds[i]!;
      let p = 0;
      if (k === K_CHECK || k === K_VETO) {
        const y = yesNo(v);
        if (y === -2 || (y === -1 && k === K_CHECK)) {
          const c0 = plan.crit[i]!;
          problems.at(
            S,
            r,
            c,
            y === -1
              ? `指标 ${c0.id}（达标）未填写，应为 是 或 否`
              : `指标 ${c0.id}（${c0.kind}）的输入 ${showValue(v)} 无效，应为 是 或 否（也可用 1/0、√/×、Y/N）`,
          );
          bad = true;
          continue;
        }
        if (k === K_CHECK) p = y === 1 ? plan.max[i]! : 0;
        else {
          if (y === 1) {
            const vt = plan.crit[i]!.vetoTier;
            const t = vt < 0 ? last : vt;
            if (t > vetoT) {
              vetoT = t;
              vetoC = planCritIdx[pi]![i]!;
            }
          }
          continue;
        }
      } else {
        let x: number | null = typeof v === "number" ? v : readNum(v);
        if (x === null) {
          if (k === K_DEDUCT || k === K_BONUS) x = 0;
          else {
            const c0 = plan.crit[i]!;
            problems.at(
              S,
              r,
              c,
              `指标 ${c0.id}（${c0.kind}）未填写，应为${k === K_SCORE ? ` 0 到 ${nf(c0.max)} 之间的数` : "不小于 0 的整数（次数）"}`,
            );
            bad = true;
            continue;
          }
        }
        if (k === K_SCORE) {
          if (!(x >= 0 && x <= plan.max[i]!)) {
            const c0 = plan.crit[i]!;
            const range = ` 0 到 ${nf(c0.max)} 之间的数`;
            if (Number.isNaN(x)) numberProblem(r, c, c0.id, c0.kind, v, range);
            else {
              const x15 = toExcel15(x);
              if (x15 < 0) problems.at(S, r, c, `指标 ${c0.id} 的输入 ${showValue(v)} 是负数，应为${range}`);
              else if (x15 > c0.max)
                problems.at(
                  S,
                  r,
                  c,
                  `指标 ${c0.id} 的输入 ${showValue(v)} 超过满分 ${nf(c0.max)}，应为${range}`,
                );
              else x = x15;
            }
            if (!(x >= 0 && x <= plan.max[i]!)) {
              bad = true;
              continue;
            }
          }
          p = x;
        } else {
          if (!(x >= 0 && Number.isInteger(x))) {
            const c0 = plan.crit[i]!;
            const x15 = Number.isNaN(x) ? NaN : toExcel15(x);
            if (x15 >= 0 && Number.isInteger(x15)) x = x15;
            else {
              if (Number.isNaN(x)) numberProblem(r, c, c0.id, c0.kind, v, "不小于 0 的整数（次数）");
              else if (x15 < 0)
                problems.at(
                  S,
                  r,
                  c,
                  `指标 ${c0.id}（${c0.kind}）的次数 ${showValue(v)} 是负数，应为不小于 0 的整数`,
                );
              else
                problems.at(
                  S,
                  r,
                  c,
                  `指标 ${c0.id}（${c0.kind}）的次数 ${showValue(v)} 不是整数，应为不小于 0 的整数`,
                );
              bad = true;
              continue;
            }
          }
          if (k === K_DEDUCT) {
            p = plan.max[i]! - x * plan.unit[i]!;
            if (p < 0) p = 0;
          } else if (k === K_BONUS) {
            const bp = x * plan.unit[i]!;
            bonus += bp < plan.cap[i]! ? bp : plan.cap[i]!;
            continue;
          } else {
            const req = plan.required[i]!;
            p = x >= req ? plan.max[i]! : (plan.max[i]! * x) / req;
          }
        }
      }
      nb += p;
      if (hasFloors) {
        const dm = plan.dim[i]!;
        if (dm >= 0) dimPts[dm] += p;
      }
    }

    // 自评得分 and 测评满意度 (validated whenever present).
    let selfU = NaN;
    let surveyU = NaN;
    let selfBlank = true;
    let surveyBlank = true;
    if (selfCol >= 0) {
      const v = row[selfCol];
      const x = typeof v === "number" ? v : readNum(v);
      if (x !== null) {
        selfBlank = false;
        if (Number.isNaN(x))
          problems.at(S, r, selfCol, `自评得分 ${showValue(v)} 不是数，应为 0 到 100 之间的数`);
        else if (!((x >= 0 && x <= 100) || (toExcel15(x) >= 0 && toExcel15(x) <= 100)))
          problems.at(S, r, selfCol, `自评得分 ${showValue(v)} 超出范围，应为 0 到 100 之间的数`);
        else selfU = roundUnits(x, d);
        if (Number.isNaN(selfU)) bad = true;
      }
    }
    if (surveyCol >= 0) {
      const v = row[surveyCol];
      if (!blank(v)) {
        surveyBlank = false;
        surveyU = surveyUnits(v, d);
        if (Number.isNaN(surveyU)) {
          problems.at(
            S,
            r,
            surveyCol,
            `测评满意度 ${showValue(v)} 无效，应为 0 到 100 之间的百分数（如 85 或 85%），或 0 到 1 之间的小数（如 0.85）`,
          );
          bad = true;
        }
      }
    }
    // Missing weighted sources.
    let resc = 0;
    if (W[1]! > 0 && selfBlank) {
      if (rescaleMissing) resc |= 1;
      else {
        if (selfCol >= 0)
          problems.at(
            S,
            r,
            selfCol,
            "自评得分未填写：自评权重大于 0 时每个组织都需要自评得分（或在设置中把缺项处理设为「按权重折算」）",
          );
        bad = true;
      }
    }
    if (W[2]! > 0 && surveyBlank) {
      if (rescaleMissing) resc |= 2;
      else {
        if (surveyCol >= 0)
          problems.at(
            S,
            r,
            surveyCol,
            "测评满意度未填写：测评权重大于 0 时每个组织都需要测评满意度（或在设置中把缺项处理设为「按权重折算」）",
          );
        bad = true;
      }
    }
    if (bad) continue;

    // 上级评定, rounded (exact near a .5 boundary).
    const capped = bonus < bonusCapNum ? bonus : bonusCapNum;
    const total = settings.scale100 ? (nb * 100) / plan.sumMax + capped : nb + capped;
    const v = total * scaleD;
    const f = v - Math.floor(v);
    let totalU: number;
    let exact: { nb: Rat; bonus: Rat; dims: Rat[] } | null = null;
    if (Math.abs(f - 0.5) > 1e-7 + v * 1e-10 && v < 1e15) totalU = Math.floor(v + 0.5);
    else {
      exact = exactPoints(plan, row);
      totalU = Number(ratRoundUnits(exactTotal(exact, plan, settings.scale100, settings.bonusCap), d));
    }
    out.total[b] = totalU;
    out.self[b] = selfU;
    out.survey[b] = surveyU;
    out.rescaled[b] = resc;
    out.vetoTier[b] = vetoT;
    out.vetoCrit[b] = vetoC;

    // 综合得分: weighted blend of the rounded sources.
    const hasS = !Number.isNaN(selfU);
    const hasV = !Number.isNaN(surveyU);
    const sumW = W[0]! + (hasS ? W[1]! : 0) + (hasV ? W[2]! : 0);
    const num = W[0]! * totalU + (hasS ? W[1]! * selfU : 0) + (hasV ? W[2]! * surveyU : 0);
    if (sumW === 0) {
      // All weights 0 is reported once in 设置; otherwise every weighted source is blank here.
      if (W.some((w) => w > 0))
        problems.at(S, r, idCol, "这一行没有可用的得分来源（权重大于 0 的来源都为空），无法计算综合得分");
      continue;
    }
    if (wSafe && num < 9e15) out.combined[b] = divRoundPos(num, sumW);
    else {
      const bn =
        Wb[0]! * BigInt(totalU) +
        (hasS ? Wb[1]! * BigInt(selfU) : 0n) +
        (hasV ? Wb[2]! * BigInt(surveyU) : 0n);
      const bd = Wb[0]! + (hasS ? Wb[1]! : 0n) + (hasV ? Wb[2]! : 0n);
      out.combined[b] = Number((2n * bn + bd) / (2n * bd));
    }

    // Dimension floors: which tiers' floors this branch misses.
    if (hasFloors) {
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
            ok =
              ratCmp(
                exact.dims[dm]!,
                ratMul(ratOfRate(settings.floors[t]!), ratOfDec(plan.dimMaxDec[dm]!)),
              ) >= 0;
          }
          if (!ok) {
            fail |= 1 << t;
            break;
          }
        }
      }
      out.floorFail[b] = fail;
    }
  }
  return out;
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
