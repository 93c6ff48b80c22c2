/**
 * The DJ.* custom functions (shared/FUNCTIONS.md): thin wrappers over the engine's building
 * blocks, so that a formula and a graded workbook can never disagree. Arguments arrive as
 * Excel passes them (ranges as row-major 2-D arrays, omitted arguments as null, empty cells
 * as "" or null); args.ts coerces them and names the argument in every error. functions.json
 * is generated from this JSDoc; the webpack loader adds the CustomFunctions.associate calls.
 */
import { DEFAULT_SCALE, allocate as allocateParts, movement, requiredCount, tierByCutoffs } from "../engine";
import { ledgerStatus, overdueStatus, serialOfDate } from "../engine/ledger";
import { meetingsHeld } from "../engine/meetings";
import { warnLevel } from "../engine/points";
import {
  badArg,
  labelOf,
  numberArg,
  numberListOf,
  optNumberArg,
  scalarOf,
  shapeOf,
  show,
  spill,
  tiersArg,
  toScore,
  wholeArg,
} from "./args";
import { guard } from "./errors";
import { comparatorArg, dateArg, guardArg, scaleArgs, rateArg } from "./parse";
import { benchmarkOf, combineOf, rankCells, targetCells, tiersCells, totalOf } from "./spills";

/**
 * The tier of a score: the best tier whose cutoff is at most the score (compared at 15 significant digits, as Excel compares).
 * @customfunction TIER TIER
 * @param score The score.
 * @param cutoffs Lower bounds of the tiers, strictly descending (a row or a column).
 * @param tiers Tier names, best first, one more than the cutoffs (default 先进, 一般, 后进).
 * @returns The tier name.
 */
export function tier(score: unknown, cutoffs: unknown[][], tiers?: unknown[][]): string {
  return guard(() => {
    const s = numberArg(score, "score", toScore);
    const { cs, ts } = scaleArgs(cutoffs, tiers ?? null);
    return tierByCutoffs(s, cs, ts);
  });
}

/**
 * One branch's rubric total: points per criterion, scaled to 100, plus capped bonus points, minus penalty points, at least 0; rounded to 2 decimals.
 * @customfunction TOTAL TOTAL
 * @param inputs The branch's inputs, one row (one value per criterion).
 * @param inputHeaders The criterion codes (指标编码) of the inputs, one row.
 * @param rubric The rubric table (标准) with its header row.
 * @param sector The branch's sector (blank: only the rows for all sectors apply).
 * @param scaleTo100 Scale the non-bonus points to 100 (default TRUE).
 * @param bonusCap Cap on the sum of bonus points (default 5).
 * @param baseScore Base score added to the total (基准分; default none).
 * @param penaltyCap Cap on the sum of penalty points (减分总上限; default no cap).
 * @returns The rubric total.
 */
export function total(
  inputs: unknown[][],
  inputHeaders: unknown[][],
  rubric: unknown[][],
  sector?: unknown,
  scaleTo100?: unknown,
  bonusCap?: unknown,
  baseScore?: unknown,
  penaltyCap?: unknown,
): number {
  return guard(() =>
    totalOf(inputs, inputHeaders, rubric, sector, scaleTo100, bonusCap, baseScore, penaltyCap),
  );
}

/**
 * The weighted combination Σ w × s / Σ w, rounded half away from zero.
 * @customfunction COMBINE COMBINE
 * @param scores The scores (a row or a column).
 * @param weights The weights, one per score.
 * @param digits Decimal places (default 2).
 * @returns The combined score.
 */
export function combine(scores: unknown[][], weights: unknown[][], digits?: unknown): number {
  return guard(() => combineOf(scores, weights, digits));
}

/**
 * The required count from a base and a rate, computed exactly: 至少 → round up, 左右 → round half up, 不超过 → round down.
 * @customfunction QUOTA QUOTA
 * @param base The base count (a whole number ≥ 0).
 * @param rate The rate: 0.9 or "90%".
 * @param comparator 至少 (default), 左右 or 不超过.
 * @returns The required count.
 */
export function quota(base: unknown, rate: unknown, comparator?: unknown): number {
  return guard(() => {
    const n = wholeArg(base, "base", 0);
    return requiredCount(n, rateArg(rate, "rate"), comparatorArg(comparator ?? null, "comparator"));
  });
}

/**
 * Split a total in proportion to the bases by the largest-remainder method; spills in the shape of the bases.
 * @customfunction ALLOCATE ALLOCATE
 * @param total The total to split (a whole number ≥ 0).
 * @param bases The bases (a row or a column; blank counts as 0).
 * @returns The parts, summing to the total.
 */
export function allocate(total: unknown, bases: unknown[][]): number[][] {
  return guard(() => {
    const t = wholeArg(total, "total", 0);
    const bs = numberListOf(bases, "bases").map((x, i) => {
      const v = x ?? 0;
      if (v < 0 || !Number.isInteger(Number(v.toPrecision(15))))
        throw badArg("bases", `第 ${i + 1} 个值 ${show(v)} 应为不小于 0 的整数`);
      return Number(v.toPrecision(15));
    });
    if (bs.length === 0) throw badArg("bases", "为空");
    const sum = bs.reduce((a, b) => a + b, 0);
    if (t > sum) throw badArg("total", `${t} 超过 bases 之和 ${sum}，无法在不超过基数的前提下分配`);
    return spill(allocateParts(t, bs), shapeOf(bases));
  });
}

/**
 * The movement between two tiers: 晋位, 保持, 降位, or 新定级 when there is no previous tier.
 * @customfunction MOVE MOVE
 * @param previous The previous tier (blank: none).
 * @param current The current tier.
 * @param tiers Tier names, best first (default 先进, 一般, 后进).
 * @returns 晋位, 保持, 降位 or 新定级.
 */
export function move(previous: unknown, current: unknown, tiers?: unknown[][]): string {
  return guard(() => {
    const ts = tiersArg(tiers ?? null, "tiers", DEFAULT_SCALE);
    const cur = labelOf(scalarOf(current, "current"));
    if (cur === "") throw badArg("current", "为空");
    if (!ts.includes(cur)) throw badArg("current", `${show(cur)} 不在等次列表 ${ts.join("、")} 中`);
    const prev = labelOf(scalarOf(previous, "previous"));
    if (prev !== "" && !ts.includes(prev))
      throw badArg("previous", `${show(prev)} 不在等次列表 ${ts.join("、")} 中`);
    return movement(prev, cur, ts).change;
  });
}

/**
 * The competition rank (1, 2, 2, 4), descending, of a score among scores; within a group when group and groups are given. Given a range of scores, spills one rank per score in one pass.
 * @customfunction RANK RANK
 * @param score The score to rank, or a range of scores (a row or a column) to rank all at once; a blank cell in the range gives a blank rank.
 * @param scores The scores (a row or a column; blank cells are ignored).
 * @param group The group of the score, or a range of groups in the shape of score (blank: rank among all scores).
 * @param groups The group of each score.
 * @returns The rank; for a range of scores, one rank per score in its shape.
 */
export function rank(
  score: unknown[][],
  scores: unknown[][],
  group?: unknown[][],
  groups?: unknown[][],
): unknown[][] {
  return guard(() => rankCells(score, scores, group, groups));
}

/**
 * One tier per score (spills): by cutoffs, then quota caps per group; ties straddling a cap move down whole.
 * @customfunction TIERS TIERS
 * @param scores The scores (a row or a column; a blank score gives a blank tier).
 * @param cutoffs Lower bounds of the tiers, strictly descending.
 * @param tiers Tier names, best first, one more than the cutoffs (default 先进, 一般, 后进).
 * @param quotas Quota caps, two columns: tier | share (such as 先进 | 30%).
 * @param groups The group of each score (quota caps apply within each group).
 * @returns One tier per score, in the shape of the scores.
 */
export function tiers(
  scores: unknown[][],
  cutoffs: unknown[][],
  tiers?: unknown[][],
  quotas?: unknown[][],
  groups?: unknown[][],
): string[][] {
  return guard(() => tiersCells(scores, cutoffs, tiers, quotas, groups));
}

/**
 * A promotion target over a set of branches; spills one row: base, required, attained, gap, status.
 * @customfunction TARGET TARGET
 * @param previous The previous tier of each branch (blank: none).
 * @param current The current tier of each branch.
 * @param fromTier The previous tier the target is about (such as 后进).
 * @param success 转化, 晋级 or 示范.
 * @param comparator 至少, 左右 or 不超过.
 * @param rate The rate: 0.9 or "90%".
 * @param tiers Tier names, best first (default 先进, 一般, 后进).
 * @param demo 示范点 of each branch (是/否), needed for 示范.
 * @returns One row: base, required, attained, gap, status (达标/未达标).
 */
export function target(
  previous: unknown[][],
  current: unknown[][],
  fromTier: unknown,
  success: unknown,
  comparator: unknown,
  rate: unknown,
  tiers?: unknown[][],
  demo?: unknown[][],
): unknown[][] {
  return guard(() => targetCells(previous, current, fromTier, success, comparator, rate, tiers, demo));
}

/**
 * The branch to catch up with (赶超对象): a top-tier branch of the same sector, same parent when possible, just above this one.
 * @customfunction BENCHMARK BENCHMARK
 * @param id The branch's code (组织编码).
 * @param ids The codes of all branches.
 * @param sectors The sector of each branch.
 * @param parents The parent organization of each branch.
 * @param tiers The tier of each branch.
 * @param scores The combined score of each branch.
 * @param topTier The top tier (default 先进).
 * @returns The code of the benchmark branch, or "" when there is none.
 */
export function benchmark(
  id: unknown,
  ids: unknown[][],
  sectors: unknown[][],
  parents: unknown[][],
  tiers: unknown[][],
  scores: unknown[][],
  topTier?: unknown,
): string {
  return guard(() => benchmarkOf(id, ids, sectors, parents, tiers, scores, topTier));
}

/**
 * The warning color of a member's points: 红色 below the red line, 黄色 below the yellow line, else 正常.
 * @customfunction WARN WARN
 * @param points The points.
 * @param yellowBelow Yellow below this total (default 70).
 * @param redBelow Red below this total (default 60).
 * @returns 红色, 黄色 or 正常.
 */
export function warn(points: unknown, yellowBelow?: unknown, redBelow?: unknown): string {
  return guard(() => {
    const p = numberArg(points, "points");
    const y = optNumberArg(yellowBelow ?? null, "yellowBelow", 70);
    const r = optNumberArg(redBelow ?? null, "redBelow", 60);
    if (r > y) throw badArg("redBelow", `（${show(r)}）不能高于 yellowBelow（${show(y)}）`);
    return warnLevel(p, y, r);
  });
}

/**
 * The overdue status of a rectification item as of a date: 已销号, 逾期销号, 逾期 or 未到期. Dates are Excel serial numbers.
 * @customfunction OVERDUE OVERDUE
 * @volatile
 * @param deadline The deadline (完成时限).
 * @param status 未整改, 整改中 or 已销号 (blank: 未整改).
 * @param closedOn The day it was closed (销号日期).
 * @param asOf The day to judge on (default today).
 * @returns 已销号, 逾期销号, 逾期 or 未到期.
 */
export function overdue(deadline: unknown, status: unknown, closedOn?: unknown, asOf?: unknown): string {
  return guard(() => {
    const d = dateArg(deadline, "deadline");
    if (d === null) throw badArg("deadline", "为空，应为日期");
    const st = guardArg("status", () => ledgerStatus(scalarOf(status, "status")));
    const c = dateArg(closedOn ?? null, "closedOn");
    const a = dateArg(asOf ?? null, "asOf") ?? serialOfDate(new Date());
    return guardArg("closedOn", () => overdueStatus(d, st, c, a));
  });
}

/**
 * One branch's meetings of one type: held this year up to the as-of date, and required by then (三会一课 defaults).
 * @customfunction MEETINGS MEETINGS
 * @volatile
 * @param orgCode The branch's code (组织编码).
 * @param meetings The 会议记录 table with its header row (组织编码, 会议类型, 日期).
 * @param type The meeting type, e.g. 支部委员会 (支委会).
 * @param asOf The day to count up to (default today).
 * @returns Held and required, side by side.
 */
export function meetings(orgCode: unknown, meetings: unknown[][], type: unknown, asOf?: unknown): number[][] {
  return guard(() => {
    const code = labelOf(scalarOf(orgCode, "orgCode"));
    if (code === "") throw badArg("orgCode", "为空");
    const a = dateArg(asOf ?? null, "asOf") ?? serialOfDate(new Date());
    const t = labelOf(scalarOf(type, "type"));
    return [guardArg("meetings", () => meetingsHeld(code, meetings, t, a))];
  });
}
