/**
 * The bodies of the larger DJ.* functions (TOTAL, COMBINE, ALLOCATE, RANK, TIERS, TARGET,
 * BENCHMARK) on arguments the runner has already read by their declared kinds (table.ts):
 * the checks that concern several arguments, then the engine's call.
 */
import {
  allocate,
  applyQuotaCaps,
  benchmarkFor,
  combine,
  parseRate,
  rubricTotal,
  targetRow,
  tierByCutoffs,
  type Comparator,
  type Rate,
  type Success,
  showValue,
  atMost100,
  isBlank,
  labelOf,
} from "../engine";
import { badArg, listOf, numberArg, numberListOf, sameLength, scalarOf, shapeOf, toScore } from "./args";
import { notAvailable } from "./errors";
import { checkScale } from "./parse";
import { rankMany, rankOne } from "./rank";

export function totalOf(
  inputs: unknown[],
  headers: unknown[],
  rubric: unknown[][],
  sector: string | null,
  scaleTo100: boolean,
  bonusCap: number,
  baseScore: number | null,
  penaltyCap: number | null,
): number {
  sameLength(inputs, "inputs", headers, "inputHeaders");
  if (rubric.length < 2) throw badArg("rubric", "应为含表头行的标准表（至少两行）");
  return rubricTotal(rubric, headers, inputs, {
    sector: sector ?? "",
    scaleTo100,
    bonusCap,
    baseScore: baseScore ?? undefined,
    penaltyCap: penaltyCap ?? undefined,
  });
}

export function combineOf(s: (number | null)[], w: (number | null)[], digits: number): number {
  sameLength(s, "scores", w, "weights");
  // A blank weight counts as 0, as in the engine.
  const ws = w.map((x, i) => {
    if (x !== null && x < 0) throw badArg("weights", `第 ${i + 1} 个权重 ${showValue(x)} 为负数`);
    return x ?? 0;
  });
  if (ws.every((x) => x === 0)) throw badArg("weights", "之和为 0，至少一个权重应大于 0");
  const missing = s.findIndex((x, i) => x === null && ws[i]! > 0);
  if (missing >= 0) throw notAvailable(`参数 scores（得分列表）第 ${missing + 1} 个得分为空，而其权重大于 0`);
  return combine(s, ws, digits);
}

export function allocateOf(total: number, bases: (number | null)[]): number[] {
  const bs = bases.map((x, i) => {
    const v = Number((x ?? 0).toPrecision(15));
    if (v < 0 || !Number.isInteger(v))
      throw badArg("bases", `第 ${i + 1} 个值 ${showValue(x)} 应为不小于 0 的整数`);
    return v;
  });
  if (bs.length === 0) throw badArg("bases", "为空");
  const sum = bs.reduce((a, b) => a + b, 0);
  if (total > sum) throw badArg("total", `${total} 超过 bases 之和 ${sum}，无法在不超过基数的前提下分配`);
  return allocate(total, bs);
}

const notIn = (g: string | null): string => (g === null ? "" : `（分组 ${showValue(g)}）`);

/** One rank, or one per score of a range (blank scores: blank ranks). */
export function rankCells(
  score: unknown[][],
  scores: (number | null)[],
  group: unknown[][] | null,
  groups: string[] | null,
): (number | string)[] {
  if (groups) sameLength(scores, "scores", groups, "groups");
  if (score.length === 1 && Array.isArray(score[0]) && score[0].length === 1) {
    const s = numberArg(score, "score", toScore);
    const cell = group === null ? "" : scalarOf(group, "group");
    const g = isBlank(cell) ? null : labelOf(cell);
    if (g !== null && groups === null) throw badArg("groups", "给了 group 时应同时给出 groups");
    const r = rankOne(s, g, scores, groups);
    if (r === 0) throw notAvailable(`参数 score（得分）${showValue(s)} 不在 scores${notIn(g)} 中`);
    return [r];
  }
  const list = numberListOf(score, "score", toScore);
  if (list.length === 0) throw badArg("score", "为空");
  let gl: (string | null)[] | null = null;
  if (group !== null) {
    const cells = listOf(group, "group");
    if (!(cells.length === 1 && isBlank(cells[0]))) {
      if (cells.length !== list.length || shapeOf(group) !== shapeOf(score)) {
        const shape = shapeOf(score) === "row" ? "，一行" : "，一列";
        throw badArg("group", `应与 score 形状相同（${list.length} 个${shape}），收到 ${cells.length} 个`);
      }
      gl = cells.map((c) => (isBlank(c) ? null : labelOf(c)));
      if (groups === null && gl.some((g) => g !== null))
        throw badArg("groups", "给了 group 时应同时给出 groups");
    }
  }
  const present: number[] = [];
  for (let i = 0; i < list.length; i++) if (list[i] !== null) present.push(i);
  const ranks = rankMany(
    present.map((i) => list[i]!),
    gl === null ? null : present.map((i) => gl[i]!),
    scores,
    groups,
  );
  const out = new Array<number | string>(list.length).fill("");
  present.forEach((i, k) => {
    if (ranks[k] === 0) {
      const g = gl === null ? null : gl[i]!;
      throw notAvailable(
        `参数 score（得分）第 ${i + 1} 个得分 ${showValue(list[i])} 不在 scores${notIn(g)} 中`,
      );
    }
    out[i] = ranks[k]!;
  });
  return out;
}

export function tiersCells(
  scores: (number | null)[],
  cs: number[],
  ts: readonly string[],
  quotas: unknown[][] | null,
  groups: string[] | null,
): string[] {
  if (scores.length === 0) throw badArg("scores", "为空");
  checkScale(cs, ts);
  if (groups) sameLength(scores, "scores", groups, "groups");
  const present: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i] !== null) present.push(i);
  // Scores repeat (2-decimal scores have few distinct values): one engine call per value.
  const memo = new Map<number, string>();
  let out = present.map((i) => {
    const x = scores[i]!;
    let t = memo.get(x);
    if (t === undefined) memo.set(x, (t = tierByCutoffs(x, cs, ts)));
    return t;
  });
  const caps = quotaPairs(quotas, ts);
  if (caps.length > 0) {
    out = applyQuotaCaps(
      ts,
      out,
      caps,
      present.map((i) => [scores[i]]),
      groups ? present.map((i) => groups[i]) : undefined,
    ).tiers;
  }
  const all: string[] = scores.map(() => "");
  present.forEach((i, k) => (all[i] = out[k]!));
  return all;
}

/** The quota argument: rows of tier | share; blank rows skipped. */
function quotaPairs(quotas: unknown[][] | null, ts: readonly string[]): [string, number | string][] {
  if (quotas === null) return [];
  if (!quotas.every(Array.isArray)) throw badArg("quotas", "应为两列的区域：等次 | 比例");
  const pairs: [string, number | string][] = [];
  quotas.forEach((row, i) => {
    if (row.every(isBlank)) return;
    if (row.length !== 2) throw badArg("quotas", `应为两列（等次 | 比例），收到 ${row.length} 列`);
    const label = labelOf(row[0]);
    if (!ts.includes(label))
      throw badArg("quotas", `第 ${i + 1} 行的等次 ${showValue(row[0])} 不在等次列表 ${ts.join("、")} 中`);
    const share = row[1];
    const r = typeof share === "number" || typeof share === "string" ? parseRate(share) : null;
    if (r === null)
      throw badArg("quotas", `第 ${i + 1} 行的比例 ${showValue(share)} 应为 0 到 100% 之间的数或百分数`);
    if (!atMost100(r)) throw badArg("quotas", `第 ${i + 1} 行的比例 ${showValue(share)} 超过 100%`);
    pairs.push([label, share as number | string]);
  });
  return pairs;
}

export function targetCells(
  prev: unknown[],
  cur: unknown[],
  from: string,
  succ: Success,
  comparator: Comparator,
  rate: Rate,
  ts: readonly string[],
  dm: unknown[] | null,
): unknown[] {
  sameLength(prev, "previous", cur, "current");
  if (dm) sameLength(dm, "demo", cur, "current");
  const tierList = ts.join("、");
  if (!ts.includes(from)) throw badArg("fromTier", `${showValue(from)} 不在等次列表 ${tierList} 中`);
  if (succ === "示范" && !dm) throw badArg("demo", "成功标准为 示范 时需要示范点列（是/否）");
  // Rows blank in every column (a range longer than the list) are not branches.
  const keep = cur.map((_, i) => !(isBlank(prev[i]) && isBlank(cur[i]) && (!dm || isBlank(dm[i]))));
  const pick = <T>(xs: readonly T[]): T[] => xs.filter((_, i) => keep[i]);
  cur.forEach((c, i) => {
    if (!keep[i]) return;
    const p = labelOf(prev[i]);
    if (p !== "" && !ts.includes(p))
      throw badArg("previous", `第 ${i + 1} 个值 ${showValue(prev[i])} 不在等次列表 ${tierList} 中`);
    if (p === from && succ !== "示范" && !ts.includes(labelOf(c)))
      throw badArg("current", `第 ${i + 1} 个值 ${showValue(c)} 不在等次列表 ${tierList} 中`);
  });
  const o = targetRow(pick(prev), pick(cur), from, succ, comparator, rate, ts, dm ? pick(dm) : undefined);
  return [o.base, o.required, o.attained, o.gap, o.status];
}

export function benchmarkOf(
  code: string,
  ids: unknown[],
  sectors: unknown[],
  parents: unknown[],
  tiers: unknown[],
  scores: (number | null)[],
  topTier: string,
): string {
  const cols: [string, readonly unknown[]][] = [
    ["sectors", sectors],
    ["parents", parents],
    ["tiers", tiers],
    ["scores", scores],
  ];
  for (const [name, xs] of cols) sameLength(ids, "ids", xs, name);
  const keep = ids.map((x) => !isBlank(x));
  const kept = <T>(xs: readonly T[]): T[] => xs.filter((_, k) => keep[k]);
  return benchmarkFor(
    code,
    kept(ids),
    kept(sectors),
    kept(parents),
    kept(tiers),
    kept(scores).map((x) => x ?? ""),
    topTier,
  );
}
