/**
 * Building blocks for one branch, usable with plain values (the DJ.* custom functions):
 * rubric total and combined score. They run the same code as gradeWorkbook.
 */
import { isBlank, normHeader } from "./cells";
import { readTable, SCORES_SHEET } from "./contract";
import { EngineError } from "./errors";
import {
  decOf,
  ratAdd,
  ratDiv,
  ratInt,
  ratMul,
  ratOfDec,
  ratRoundUnits,
  unitsToNumber,
  type Rat,
} from "./numbers";
import { Problems } from "./problems";
import { planFor } from "./plan";
import { readRubric } from "./rubric";
import { scoreRows } from "./score";
import { readSettings, DEFAULT_TIERS } from "./settings";
import type { Grid } from "./types";

export interface RubricOptions {
  /** The branch's sector; blank: only the 全部 rows apply. */
  sector?: string;
  /** 折算百分制 (default true). */
  scaleTo100?: boolean;
  /** 加分总上限 (default 5). */
  bonusCap?: number;
  /** Decimals of the result (default 2). */
  digits?: number;
  /** Tier labels that 否决后果 may name (default 先进, 一般, 后进). */
  tiers?: string[];
  /** 基准分 (default: none). */
  baseScore?: number;
  /** 减分总上限 (default: no cap). */
  penaltyCap?: number;
}

function flat(v: readonly unknown[]): unknown[] {
  return (v as unknown[]).flat(2);
}

/**
 * One branch's rubric total (DOMAIN §2.1) and its triggered veto, if any.
 * @param rubric the 标准 table with its header row.
 * @param inputHeaders the 指标编码 of each input (one row or column).
 * @param inputs the inputs, in the same order as inputHeaders.
 * @throws EngineError naming the first invalid input or rubric row.
 */
export function rubricScore(
  rubric: Grid,
  inputHeaders: readonly unknown[],
  inputs: readonly unknown[],
  options: RubricOptions = {},
): { total: number; veto: string } {
  const problems = new Problems();
  const settings = readSettings(undefined, problems);
  settings.tiers = options.tiers ?? DEFAULT_TIERS;
  settings.scale100 = options.scaleTo100 ?? true;
  if (options.bonusCap !== undefined) {
    if (!(options.bonusCap >= 0)) throw new EngineError("加分总上限应为不小于 0 的数");
    settings.bonusCap = decOf(options.bonusCap);
  }
  if (options.baseScore !== undefined) {
    if (!(options.baseScore >= 0)) throw new EngineError("基准分应为不小于 0 的数");
    settings.baseScore = decOf(options.baseScore);
  }
  if (options.penaltyCap !== undefined) {
    if (!(options.penaltyCap >= 0)) throw new EngineError("减分总上限应为不小于 0 的数");
    settings.penaltyCap = decOf(options.penaltyCap);
  }
  if (options.digits !== undefined) {
    if (!Number.isInteger(options.digits) || options.digits < 0 || options.digits > 6)
      throw new EngineError("小数位数应为 0 到 6 之间的整数");
    settings.digits = options.digits;
  }
  const hs = flat(inputHeaders);
  const vs = flat(inputs);
  if (hs.length !== vs.length)
    throw new EngineError(`输入有 ${vs.length} 个，指标编码有 ${hs.length} 个，应一一对应`);
  const { rubric: rb } = readRubric(rubric, settings.tiers, problems, null);
  const first = (): EngineError => new EngineError(problems.sorted()[0]!.message);
  if (problems.count > 0) throw first();
  // A criterion without an input counts as blank (0 for 扣分/加分, 否 for 否决, an error otherwise).
  const given = new Set(hs.map((h) => normHeader(h)));
  const absent = rb.criteria.filter((c) => !given.has(c.key)).map((c) => c.id);
  const grid: Grid = [
    ["组织编码", ...hs, ...absent],
    ["x", ...vs.map((v) => (v === null || v === undefined ? "" : v)), ...absent.map(() => "")],
  ];
  const table = readTable(SCORES_SHEET, grid, problems);
  const sector = (options.sector ?? "").trim();
  const plan = planFor(sector, rb, (key) => table.raw.get(key) ?? -1);
  if (settings.scale100 && plan.sumMax === 0 && settings.baseScore === null)
    throw new EngineError("没有适用的计分指标，无法折算百分制");
  // 排名 and 比例 compare a branch with the others: one branch alone has no rank.
  const relative = plan.crit.find((c) => c.kind === "排名" || c.kind === "比例");
  if (relative)
    throw new EngineError(
      `指标 ${relative.id} 是${relative.kind}类，需要与其他组织比较，无法单独计算；请用定级`,
    );
  if (problems.count > 0) throw first();
  const s = scoreRows({
    table,
    rubric: rb,
    n: 1,
    idIndex: { get: (k: string) => (k === "x" ? 0 : -1) },
    planOf: Int32Array.of(0),
    plans: [plan],
    settings,
    problems,
  });
  if (problems.count > 0) throw first();
  const vc = s.vetoCrit[0]!;
  return { total: unitsToNumber(s.total[0]!, settings.digits), veto: vc >= 0 ? rb.criteria[vc]!.id : "" };
}

/**
 * One branch's rubric total, rounded to 2 decimals half away from zero (DJ.TOTAL).
 * A triggered veto does not change the total. See rubricScore.
 */
export function rubricTotal(
  rubric: Grid,
  inputHeaders: readonly unknown[],
  inputs: readonly unknown[],
  options: RubricOptions = {},
): number {
  return rubricScore(rubric, inputHeaders, inputs, options).total;
}

/**
 * Σ w × s / Σ w, exactly (values at 15 significant digits), rounded half away from zero to
 * `digits`. A blank score with weight 0 is skipped.
 * @throws EngineError code "na" for a blank score with weight > 0; "value" for bad numbers,
 * negative weights, mismatched lengths or weights summing to 0.
 */
export function combine(
  scores: readonly (number | null | string)[],
  weights: readonly (number | null | string)[],
  digits = 2,
): number {
  const ss = flat(scores);
  const ws = flat(weights);
  if (ss.length !== ws.length)
    throw new EngineError(`得分有 ${ss.length} 个，权重有 ${ws.length} 个，应一一对应`);
  if (!Number.isInteger(digits) || digits < 0 || digits > 15)
    throw new EngineError("小数位数应为 0 到 15 之间的整数");
  let num: Rat = ratInt(0);
  let den: Rat = ratInt(0);
  for (let i = 0; i < ss.length; i++) {
    const w = ws[i];
    if (isBlank(w)) continue;
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0)
      throw new EngineError(`第 ${i + 1} 个权重应为不小于 0 的数`);
    if (w === 0) continue;
    const s = ss[i];
    if (isBlank(s)) throw new EngineError(`第 ${i + 1} 个得分为空，而它的权重大于 0`, "na");
    if (typeof s !== "number" || !Number.isFinite(s)) throw new EngineError(`第 ${i + 1} 个得分不是数`);
    const wr = ratOfDec(decOf(w));
    num = ratAdd(num, ratMul(wr, ratOfDec(decOf(s))));
    den = ratAdd(den, wr);
  }
  if (den.p === 0n) throw new EngineError("权重之和为 0，至少一个权重应大于 0");
  return unitsToNumber(Number(ratRoundUnits(ratDiv(num, den), digits)), digits);
}
