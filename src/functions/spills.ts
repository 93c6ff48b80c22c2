/**
 * The bodies of the larger DJ.* functions (TOTAL, COMBINE, RANK, TIERS, TARGET, BENCHMARK):
 * argument checks and the engine's calls. functions.ts keeps the documented entry points
 * (custom-functions-metadata reads their JSDoc there).
 */
import {
  DEFAULT_SCALE,
  applyQuotaCaps,
  parseRate,
  targetRow,
  tierByCutoffs,
  type Success,
  benchmarkFor,
  combine as combineScores,
  rubricTotal,
} from "../engine";
import {
  badArg,
  isBlank,
  labelOf,
  listOf,
  numberArg,
  numberListOf,
  sameLength,
  scalarOf,
  shapeOf,
  show,
  spill,
  tiersArg,
  toScore,
  optBoolArg,
  optNumberArg,
  optTextArg,
  wholeArg,
} from "./args";
import { notAvailable } from "./errors";
import { rankOf, ranksOf } from "./rank-index";
import { SUCCESSES, comparatorArg, scaleArgs, rateArg } from "./parse";

export function rankCells(
  score: unknown[][],
  scores: unknown[][],
  group?: unknown[][],
  groups?: unknown[][],
): unknown[][] {
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
      if (gs === null && gl.some((g) => g !== null)) throw badArg("groups", "给了 group 时应同时给出 groups");
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
}

export function tiersCells(
  scores: unknown[][],
  cutoffs: unknown[][],
  tiers?: unknown[][],
  quotas?: unknown[][],
  groups?: unknown[][],
): string[][] {
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
}

export function targetCells(
  previous: unknown[][],
  current: unknown[][],
  fromTier: unknown,
  success: unknown,
  comparator: unknown,
  rate: unknown,
  tiers?: unknown[][],
  demo?: unknown[][],
): unknown[][] {
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
  const r = rateArg(rate, "rate", false);
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

export function totalOf(
  inputs: unknown[][],
  inputHeaders: unknown[][],
  rubric: unknown[][],
  sector?: unknown,
  scaleTo100?: unknown,
  bonusCap?: unknown,
  baseScore?: unknown,
  penaltyCap?: unknown,
): number {
  const values = listOf(inputs, "inputs");
  const headers = listOf(inputHeaders, "inputHeaders");
  sameLength(values, "inputs", headers, "inputHeaders");
  if (!Array.isArray(rubric) || rubric.length < 2) throw badArg("rubric", "应为含表头行的标准表（至少两行）");
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
}

export function combineOf(scores: unknown[][], weights: unknown[][], digits?: unknown): number {
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
  if (missing >= 0) throw notAvailable(`参数 scores（得分列表）第 ${missing + 1} 个得分为空，而其权重大于 0`);
  const d =
    digits === null || digits === undefined || isBlank(scalarOf(digits, "digits"))
      ? 2
      : wholeArg(digits, "digits", 0);
  if (d > 15) throw badArg("digits", "应在 0 到 15 之间");
  return combineScores(s, ws, d);
}

export function benchmarkOf(
  id: unknown,
  ids: unknown[][],
  sectors: unknown[][],
  parents: unknown[][],
  tiers: unknown[][],
  scores: unknown[][],
  topTier?: unknown,
): string {
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
}
