/**
 * The hot path: every 评分 row → item points → 上级评定, 自评, 测评, 综合得分 (DOMAIN §2.1–2.3).
 *
 * Points are summed in doubles; the rounded result is exact because any value within the
 * error bound of a .5 boundary is recomputed with exact rationals (`exactPoints`).
 */
import { filled, type Nums } from "./arrays";
import { isBlank, labelOf, readYesNo, showValue } from "./cells";
import type { Table } from "./contract";
import { divRoundPos, exactPoints, exactTotal, floorFailures } from "./exact";
import { formatDec, pow10, pow10n, ratRoundUnits, type Rat } from "./numbers";
import type { Problems } from "./problems";
import type { Plan, Rubric } from "./rubric";
import { slowNumber, sourceReader, yesNoProblem } from "./score-cells";
import type { Settings } from "./settings";

// Kind codes (same values as rubric.ts K_*), local literals so the hot loop reads no imports.
const K_SCORE = 0,
  K_DEDUCT = 1,
  K_BONUS = 2,
  K_CHECK = 3,
  K_FREQ = 4,
  K_VETO = 5;

export interface ScoreContext {
  table: Table;
  rubric: Rubric;
  n: number;
  idIndex: { get(key: string): number };
  /** The 组织编码 keys idIndex points into (lets rows in 组织 order skip the hash lookup). */
  codes?: readonly string[];
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

/** Grade every 评分 row. Problems are reported for every invalid cell. */
export function scoreRows(ctx: ScoreContext): Scores {
  const { table, n, idIndex, planOf, plans, settings, problems, rubric } = ctx;
  const codes = ctx.codes ?? [];
  // Local aliases: module imports may be live-binding getters under some loaders.
  const yesNo = readYesNo;
  const blank = isBlank;
  const slowNum = slowNumber;
  const S = table.sheet;
  const grid = table.grid;
  const d = settings.digits;
  const scaleD = pow10(d);
  const bonusCapNum = Number(formatDec(settings.bonusCap));
  const last = settings.tiers.length - 1;
  const scale100 = settings.scale100;
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
  const critIndex = new Map(rubric.criteria.map((c, i) => [c, i]));
  const planCritIdx = plans.map((p) => Int32Array.from(p.crit, (c) => critIndex.get(c)!));

  // Weights as integers on one decimal scale.
  const wScale = Math.max(...settings.weights.map((w) => w.s));
  const Wb = settings.weights.map((w) => w.n * pow10n(wScale - w.s));
  const W = Wb.map(Number);
  const [W0, W1, W2] = W as [number, number, number];
  const wSafe = Wb.every((w) => w < 2n ** 31n);
  const anyWeight = W.some((w) => w > 0);
  const src = sourceReader(table, settings, W1, W2, problems);

  // Dimension floors: per tier with a floor, the share as a double and a rational.
  const floorTiers: number[] = [];
  settings.floors.forEach((f, t) => f && floorTiers.push(t));
  const floorShare = settings.floors.map((f) => (f ? Number(f.num) / 10 ** f.scale : 0));
  const hasFloors = floorTiers.length > 0 && rubric.dimensions.length > 0;
  const dimPts = new Float64Array(rubric.dimensions.length);

  const rows = table.rows;
  let expect = 0;
  for (let ri = 0; ri < rows.length; ri++) {
    const r = rows[ri]!;
    const row = grid[r] as unknown[];
    const idv = row[idCol];
    const key = typeof idv === "string" ? idv.trim() : labelOf(idv);
    if (key === "") {
      problems.at(S, r, idCol, "组织编码为空，每行评分都要填写组织编码");
      continue;
    }
    // Rows in 组织 order hit codes[expect]; codes are unique, so this is idIndex.get(key).
    const b = expect < codes.length && codes[expect] === key ? expect : idIndex.get(key);
    if (b < 0) {
      problems.at(S, r, idCol, `组织编码 ${showValue(idv)} 不在组织表中，请先在组织表中登记该组织`);
      continue;
    }
    expect = b + 1;
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
    let bad = scale100 && plan.sumMax === 0;
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
    const { col: cols, kind: kinds, max, unit, cap, required, dim } = plan;
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!;
      if (c < 0) {
        bad = true;
        continue;
      }
      const v = row[c];
      const k = kinds[i]!;
      let p: number;
      if (k === K_SCORE) {
        // Fast check: a number within 0..满分; anything else is read (and reported) slowly.
        p =
          typeof v === "number" && v >= 0 && v <= max[i]!
            ? v
            : slowNum(problems, S, r, c, plan.crit[i]!, max[i]!, v);
        if (p !== p) {
          bad = true;
          continue;
        }
      } else if (k === K_CHECK || k === K_VETO) {
        const y = v === "是" ? 1 : v === "否" ? 0 : yesNo(v);
        if (y === -2 || (y === -1 && k === K_CHECK)) {
          yesNoProblem(problems, S, r, c, plan.crit[i]!, v, y);
          bad = true;
          continue;
        }
        if (k === K_VETO) {
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
        p = y === 1 ? max[i]! : 0;
      } else {
        // 扣分, 加分, 频次: a count (whole number ≥ 0); an empty 扣分/加分 cell is 0 (as slowNumber reads it).
        const x =
          typeof v === "number" && v >= 0 && Number.isInteger(v)
            ? v
            : v === "" && k !== K_FREQ
              ? 0
              : slowNum(problems, S, r, c, plan.crit[i]!, max[i]!, v);
        if (x !== x) {
          bad = true;
          continue;
        }
        if (k === K_DEDUCT) {
          p = max[i]! - x * unit[i]!;
          if (p < 0) p = 0;
        } else if (k === K_BONUS) {
          const bp = x * unit[i]!;
          bonus += bp < cap[i]! ? bp : cap[i]!;
          continue;
        } else {
          const req = required[i]!;
          p = x >= req ? max[i]! : (max[i]! * x) / req;
        }
      }
      nb += p;
      if (hasFloors) {
        const dm = dim[i]!;
        if (dm >= 0) dimPts[dm] += p;
      }
    }

    // 自评得分 and 测评满意度, and weighted sources left blank.
    if (src(row, r)) bad = true;
    if (bad) continue;

    // 上级评定, rounded (exact near a .5 boundary).
    const capped = bonus < bonusCapNum ? bonus : bonusCapNum;
    const total = scale100 ? (nb * 100) / plan.sumMax + capped : nb + capped;
    const v = total * scaleD;
    const f = v - Math.floor(v);
    let totalU: number;
    let exact: { nb: Rat; bonus: Rat; dims: Rat[] } | null = null;
    if (Math.abs(f - 0.5) > 1e-7 + v * 1e-10 && v < 1e15) totalU = Math.floor(v + 0.5);
    else {
      exact = exactPoints(plan, row);
      totalU = Number(ratRoundUnits(exactTotal(exact, plan, scale100, settings.bonusCap), d));
    }
    out.total[b] = totalU;
    const selfU = src.self;
    const surveyU = src.survey;
    out.self[b] = selfU;
    out.survey[b] = surveyU;
    out.rescaled[b] = src.rescaled;
    out.vetoTier[b] = vetoT;
    out.vetoCrit[b] = vetoC;

    // 综合得分: weighted blend of the rounded sources.
    const hasS = selfU === selfU;
    const hasV = surveyU === surveyU;
    const sumW = W0 + (hasS ? W1 : 0) + (hasV ? W2 : 0);
    const num = W0 * totalU + (hasS ? W1 * selfU : 0) + (hasV ? W2 * surveyU : 0);
    if (sumW === 0) {
      // All weights 0 is reported once in 设置; otherwise every weighted source is blank here.
      if (anyWeight)
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
    if (hasFloors)
      out.floorFail[b] = floorFailures(plan, row, dimPts, floorTiers, floorShare, settings.floors, exact);
  }
  return out;
}
