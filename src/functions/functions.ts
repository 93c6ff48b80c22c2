/**
 * The DJ.* custom functions (shared/FUNCTIONS.md): thin wrappers over the engine's building
 * blocks, so that a formula and a graded workbook can never disagree. Arguments arrive as
 * Excel passes them (ranges as row-major 2-D arrays, omitted arguments as null, empty cells
 * as "" or null); args.ts coerces them and names the argument in every error. functions.json
 * is generated from this JSDoc; the webpack loader adds the CustomFunctions.associate calls.
 */
import {
  DEFAULT_SCALE,
  allocate as allocateParts,
  applyQuotaCaps,
  benchmarkFor,
  combine as combineScores,
  movement,
  parseRate,
  requiredCount,
  rubricTotal,
  targetRow,
  tierByCutoffs,
  type Comparator,
  type Success,
} from "../engine";
import { daySerial, ledgerStatus, overdueStatus, serialOfDate } from "../engine/ledger";
import { meetingsHeld } from "../engine/meetings";
import { warnLevel } from "../engine/points";
import {
  badArg,
  cutoffsArg,
  isBlank,
  labelOf,
  listOf,
  numberArg,
  numberListOf,
  optBoolArg,
  optNumberArg,
  optTextArg,
  sameLength,
  scalarOf,
  shapeOf,
  show,
  spill,
  tiersArg,
  toNumber,
  toScore,
  wholeArg,
} from "./args";
import { guard, notAvailable } from "./errors";
import { rankOf, ranksOf } from "./rank-index";

const COMPARATORS: readonly Comparator[] = ["至少", "左右", "不超过"];
const SUCCESSES: readonly Success[] = ["转化", "晋级", "示范"];

function comparatorArg(v: unknown, arg: string): Comparator {
  const c = optTextArg(v, arg, "至少");
  if (!(COMPARATORS as readonly string[]).includes(c))
    throw badArg(arg, `应为 至少、左右 或 不超过，收到 ${show(c)}`);
  return c as Comparator;
}

/** A tier scale and its cutoffs, checked together so that the message names the argument. */
function scaleArgs(cutoffs: unknown, tiers: unknown): { cs: number[]; ts: string[] } {
  const cs = cutoffsArg(cutoffs, "cutoffs");
  const ts = tiersArg(tiers, "tiers", DEFAULT_SCALE);
  if (ts.length !== cs.length + 1) {
    if (isBlank(scalarOrBlank(tiers)))
      throw badArg("cutoffs", `省略 tiers 时应有 2 个分数线（对应 先进、一般、后进），收到 ${cs.length} 个`);
    throw badArg("tiers", `应比 cutoffs 多一个：cutoffs ${cs.length} 个，tiers ${ts.length} 个`);
  }
  for (let i = 1; i < cs.length; i++) {
    if (!(cs[i]! < cs[i - 1]!)) throw badArg("cutoffs", "应从高到低严格递减");
  }
  return { cs, ts };
}

/** null/undefined/"" for an omitted or all-blank list argument, else the argument. */
function scalarOrBlank(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  return listOf(v, "tiers").every(isBlank) ? null : v;
}

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
  return guard(() => {
    const values = listOf(inputs, "inputs");
    const headers = listOf(inputHeaders, "inputHeaders");
    sameLength(values, "inputs", headers, "inputHeaders");
    if (!Array.isArray(rubric) || rubric.length < 2)
      throw badArg("rubric", "应为含表头行的标准表（至少两行）");
    const cap = optNumberArg(bonusCap ?? null, "bonusCap", 5);
    if (cap < 0) throw badArg("bonusCap", `应不小于 0，收到 ${show(cap)}`);
    // Optional and uncapped by default: NaN stands for "not given".
    const opt = (v: unknown, arg: string): number | undefined => {
      const x = optNumberArg(v ?? null, arg, NaN);
      if (x < 0) throw badArg(arg, `应不小于 0，收到 ${show(x)}`);
      return Number.isNaN(x) ? undefined : x;
    };
    return rubricTotal(rubric, headers, values, {
      sector: optTextArg(sector ?? null, "sector", ""),
      scaleTo100: optBoolArg(scaleTo100 ?? null, "scaleTo100", true),
      bonusCap: cap,
      baseScore: opt(baseScore, "baseScore"),
      penaltyCap: opt(penaltyCap, "penaltyCap"),
    });
  });
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
  return guard(() => {
    const s = numberListOf(scores, "scores", toScore);
    const w = numberListOf(weights, "weights");
    sameLength(s, "scores", w, "weights");
    // A blank weight counts as 0, as in the engine.
    const ws = w.map((x, i) => {
      if (x !== null && x < 0) throw badArg("weights", `第 ${i + 1} 个权重 ${show(x)} 为负数`);
      return x ?? 0;
    });
    if (ws.every((x) => x === 0)) throw badArg("weights", "之和为 0，至少一个权重应大于 0");
    const missing = s.findIndex((x, i) => x === null && ws[i]! > 0);
    if (missing >= 0)
      throw notAvailable(`参数 scores（得分列表）第 ${missing + 1} 个得分为空，而其权重大于 0`);
    const d =
      digits === null || digits === undefined || isBlank(scalarOf(digits, "digits"))
        ? 2
        : wholeArg(digits, "digits", 0);
    if (d > 15) throw badArg("digits", "应在 0 到 15 之间");
    return combineScores(s, ws, d);
  });
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
    const r = parseRate(scalarOf(rate, "rate"));
    if (r === null)
      throw badArg(
        "rate",
        `应为不小于 0 的数或百分数（如 0.9 或 "90%"），收到 ${show(scalarOf(rate, "rate"))}`,
      );
    if (r.num > 10n ** BigInt(r.scale))
      throw badArg("rate", `不应超过 100%，收到 ${show(scalarOf(rate, "rate"))}`);
    return requiredCount(n, r, comparatorArg(comparator ?? null, "comparator"));
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
  return guard(() => {
    const many =
      Array.isArray(score) && !(score.length === 1 && Array.isArray(score[0]) && score[0].length === 1);
    const gs = groups === null || groups === undefined ? null : groups;
    const values = (): { scores: (number | null)[]; groups: string[] | null } => {
      const list = numberListOf(scores, "scores", toScore);
      const gl = gs === null ? null : listOf(gs, "groups").map(labelOf);
      if (gl) sameLength(list, "scores", gl, "groups");
      return { scores: list, groups: gl };
    };
    if (!many) {
      // One score: a linear scan, or the cached index when the same range comes again.
      const s = numberArg(score, "score", toScore);
      const g =
        group === null || group === undefined || isBlank(scalarOf(group, "group"))
          ? null
          : labelOf(scalarOf(group, "group"));
      if (g !== null && gs === null) throw badArg("groups", "给了 group 时应同时给出 groups");
      const r = rankOf(s, g, scores as object, g === null ? null : gs, values);
      if (r === 0)
        throw notAvailable(
          `参数 score（得分）${show(s)} 不在 scores${g === null ? "" : `（分组 ${show(g)}）`} 中`,
        );
      return [[r]];
    }
    // A range of scores: one sorted index, one binary search per score (O(n log n) in all).
    const list = numberListOf(score, "score", toScore);
    if (list.length === 0) throw badArg("score", "为空");
    let gl: (string | null)[] | null = null;
    if (group !== null && group !== undefined) {
      const cells = listOf(group, "group");
      if (cells.length === 1 && isBlank(cells[0])) gl = null;
      else {
        if (cells.length !== list.length || shapeOf(group) !== shapeOf(score)) {
          throw badArg(
            "group",
            `应与 score 形状相同（${list.length} 个${shapeOf(score) === "row" ? "，一行" : "，一列"}），收到 ${cells.length} 个`,
          );
        }
        gl = cells.map((c) => (isBlank(c) ? null : labelOf(c)));
        if (gs === null && gl.some((g) => g !== null))
          throw badArg("groups", "给了 group 时应同时给出 groups");
      }
    }
    const present: number[] = [];
    for (let i = 0; i < list.length; i++) if (list[i] !== null) present.push(i);
    const ranks = ranksOf(
      present.map((i) => list[i]!),
      gl === null ? null : present.map((i) => gl![i]!),
      scores as object,
      gl === null ? null : gs,
      values,
    );
    const out: (number | string)[] = new Array<number | string>(list.length).fill("");
    for (let k = 0; k < present.length; k++) {
      const i = present[k]!;
      if (ranks[k] === 0) {
        const g = gl === null ? null : gl[i]!;
        throw notAvailable(
          `参数 score（得分）第 ${i + 1} 个得分 ${show(list[i])} 不在 scores${g === null ? "" : `（分组 ${show(g)}）`} 中`,
        );
      }
      out[i] = ranks[k]!;
    }
    return spill(out, shapeOf(score));
  });
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
  return guard(() => {
    const list = numberListOf(scores, "scores", toScore);
    if (list.length === 0) throw badArg("scores", "为空");
    const { cs, ts } = scaleArgs(cutoffs, tiers ?? null);
    const gl = groups === null || groups === undefined ? null : listOf(groups, "groups").map(labelOf);
    if (gl) sameLength(list, "scores", gl, "groups");
    const present: number[] = [];
    for (let i = 0; i < list.length; i++) if (list[i] !== null) present.push(i);
    // Scores repeat (2-decimal scores have few distinct values): one engine call per value.
    const memo = new Map<number, string>();
    let out = present.map((i) => {
      const x = list[i]!;
      let t = memo.get(x);
      if (t === undefined) memo.set(x, (t = tierByCutoffs(x, cs, ts)));
      return t;
    });
    const caps = quotaPairs(quotas ?? null, ts);
    if (caps.length > 0) {
      out = applyQuotaCaps(
        ts,
        out,
        caps,
        present.map((i) => [list[i]]),
        gl ? present.map((i) => gl[i]) : undefined,
      ).tiers;
    }
    const all: string[] = list.map(() => "");
    present.forEach((i, k) => (all[i] = out[k]!));
    return spill(all, shapeOf(scores));
  });
}

/** The quota argument: rows of tier | share; blank rows skipped. */
function quotaPairs(quotas: unknown[][] | null, ts: readonly string[]): [string, number | string][] {
  if (quotas === null) return [];
  if (!Array.isArray(quotas) || !quotas.every(Array.isArray))
    throw badArg("quotas", "应为两列的区域：等次 | 比例");
  const pairs: [string, number | string][] = [];
  quotas.forEach((row, i) => {
    if (row.every(isBlank)) return;
    if (row.length !== 2) throw badArg("quotas", `应为两列（等次 | 比例），收到 ${row.length} 列`);
    const label = labelOf(row[0]);
    if (!ts.includes(label))
      throw badArg("quotas", `第 ${i + 1} 行的等次 ${show(row[0])} 不在等次列表 ${ts.join("、")} 中`);
    const share = row[1];
    const r = typeof share === "number" || typeof share === "string" ? parseRate(share) : null;
    if (r === null)
      throw badArg("quotas", `第 ${i + 1} 行的比例 ${show(share)} 应为 0 到 100% 之间的数或百分数`);
    if (r.num > 10n ** BigInt(r.scale))
      throw badArg("quotas", `第 ${i + 1} 行的比例 ${show(share)} 超过 100%`);
    pairs.push([label, share as number | string]);
  });
  return pairs;
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
  return guard(() => {
    const prev = listOf(previous, "previous");
    const cur = listOf(current, "current");
    sameLength(prev, "previous", cur, "current");
    const dm = demo === null || demo === undefined ? null : listOf(demo, "demo");
    if (dm) sameLength(dm, "demo", cur, "current");
    const ts = tiersArg(tiers ?? null, "tiers", DEFAULT_SCALE);
    const from = labelOf(scalarOf(fromTier, "fromTier"));
    if (!ts.includes(from)) throw badArg("fromTier", `${show(from)} 不在等次列表 ${ts.join("、")} 中`);
    const succ = labelOf(scalarOf(success, "success"));
    if (!(SUCCESSES as readonly string[]).includes(succ))
      throw badArg("success", `应为 转化、晋级 或 示范，收到 ${show(succ)}`);
    if (succ === "示范" && !dm) throw badArg("demo", "成功标准为 示范 时需要示范点列（是/否）");
    const r = parseRate(scalarOf(rate, "rate"));
    if (r === null)
      throw badArg(
        "rate",
        `应为不小于 0 的数或百分数（如 0.9 或 "90%"），收到 ${show(scalarOf(rate, "rate"))}`,
      );
    // Rows blank in every column (a range longer than the list) are not branches.
    const keep = cur.map((_, i) => !(isBlank(prev[i]) && isBlank(cur[i]) && (!dm || isBlank(dm[i]))));
    const pick = <T>(xs: readonly T[]): T[] => xs.filter((_, i) => keep[i]);
    cur.forEach((c, i) => {
      if (!keep[i]) return;
      const p = labelOf(prev[i]);
      if (p !== "" && !ts.includes(p))
        throw badArg("previous", `第 ${i + 1} 个值 ${show(prev[i])} 不在等次列表 ${ts.join("、")} 中`);
      if (p === from && succ !== "示范" && !ts.includes(labelOf(c)))
        throw badArg("current", `第 ${i + 1} 个值 ${show(c)} 不在等次列表 ${ts.join("、")} 中`);
    });
    const o = targetRow(
      pick(prev),
      pick(cur),
      from,
      succ as Success,
      comparatorArg(comparator, "comparator"),
      r,
      ts,
      dm ? pick(dm) : undefined,
    );
    return [[o.base, o.required, o.attained, o.gap, o.status]];
  });
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
  return guard(() => {
    const cols: [string, unknown[]][] = [
      ["ids", listOf(ids, "ids")],
      ["sectors", listOf(sectors, "sectors")],
      ["parents", listOf(parents, "parents")],
      ["tiers", listOf(tiers, "tiers")],
      ["scores", numberListOf(scores, "scores", toScore)],
    ];
    for (const [name, xs] of cols.slice(1)) sameLength(cols[0]![1], "ids", xs, name);
    const code = labelOf(scalarOf(id, "id"));
    if (code === "") throw badArg("id", "为空");
    const keep = cols[0]![1].map((x) => !isBlank(x));
    const [i, s, p, t, sc] = cols.map(([, xs]) => xs.filter((_, k) => keep[k]));
    return benchmarkFor(
      code,
      i!,
      s!,
      p!,
      t!,
      sc!.map((x) => x ?? ""),
      optTextArg(topTier ?? null, "topTier", "先进"),
    );
  });
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

function dateArg(v: unknown, arg: string): number | null {
  const s = scalarOf(v, arg);
  const x = typeof s === "string" ? (toNumber(s) ?? s) : s;
  return guardArg(arg, () => daySerial(x, ""));
}

/** Run an engine call whose EngineError concerns one argument, prefixing the argument's name. */
function guardArg<T>(arg: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof Error && e.name === "EngineError") throw badArg(arg, `：${e.message}`);
    throw e;
  }
}
