/**
 * Table entries (runner.ts) of the DJ.* functions on one branch or one count: TIER, TOTAL,
 * COMBINE, QUOTA, ALLOCATE, MOVE. Texts: shared/FUNCTIONS.md; defaults are stated by the
 * generator (scripts/gen-functions.ts) from `default` / `otherwise`, not written here.
 */
import { DEFAULT_SCALE, movement, requiredCount, tierByCutoffs, showValue } from "../engine";
import { badArg } from "./args";
import { checkScale } from "./parse";
import { defineFn } from "./runner";
import { allocateOf, combineOf, totalOf } from "./spills";

const TIER_NAMES = {
  en: "Tier names, best first",
  zh: "等次名称，从好到差",
} as const;

export const TIER = defineFn({
  id: "TIER",
  zh: {
    name: "评定等次",
    description: "按分数线评定等次：取下限不高于得分的最好等次（按 Excel 的 15 位有效数字比较）。",
  },
  en: {
    description:
      "The tier of a score: the best tier whose cutoff is at most the score (compared at 15 significant digits, as Excel compares).",
    returns: "The tier name.",
  },
  params: [
    { name: "score", kind: "score", en: "The score", zh: "得分" },
    {
      name: "cutoffs",
      kind: "cutoffs",
      en: "Lower bounds of the tiers, strictly descending (a row or a column)",
      zh: "各等次的分数线，从高到低严格递减（一行或一列）",
    },
    {
      name: "tiers",
      kind: "tiers",
      optional: true,
      default: DEFAULT_SCALE,
      en: `${TIER_NAMES.en}, one more than the cutoffs`,
      zh: `${TIER_NAMES.zh}，比分数线多一个`,
    },
  ],
  result: { shape: "scalar", type: "string" },
  body: (score, cutoffs, tiers) => {
    checkScale(cutoffs, tiers);
    return tierByCutoffs(score, cutoffs, tiers);
  },
});

export const TOTAL = defineFn({
  id: "TOTAL",
  zh: {
    name: "考评总分",
    description:
      "一个支部的标准总分：各指标得分折算为百分制，加上封顶后的加分、减去减分，不低于 0；保留 2 位小数（四舍五入）。",
  },
  en: {
    description:
      "One branch's rubric total: points per criterion, scaled to 100, plus capped bonus points, minus penalty points, at least 0; rounded to 2 decimals.",
    returns: "The rubric total.",
  },
  params: [
    {
      name: "inputs",
      kind: "cells",
      en: "The branch's inputs, one row (one value per criterion)",
      zh: "该支部各指标的录入值，一行",
    },
    {
      name: "inputHeaders",
      kind: "cells",
      en: "The criterion codes (指标编码) of the inputs, one row",
      zh: "与录入值对应的指标编码，一行",
    },
    {
      name: "rubric",
      kind: "grid",
      en: "The rubric table (标准) with its header row",
      zh: "标准表（含表头行）",
    },
    {
      name: "sector",
      kind: "text",
      optional: true,
      en: "The branch's sector (blank: only the rows for all sectors apply)",
      zh: "支部所属领域（留空：只用适用于全部领域的指标）",
    },
    {
      name: "scaleTo100",
      kind: "yesNo",
      optional: true,
      default: true,
      en: "Scale the non-bonus points to 100",
      zh: "是否折算为百分制",
    },
    {
      name: "bonusCap",
      kind: "nonNegative",
      optional: true,
      default: 5,
      en: "Cap on the sum of bonus points",
      zh: "加分总上限",
    },
    {
      name: "baseScore",
      kind: "nonNegative",
      optional: true,
      otherwise: { en: "none", zh: "无" },
      en: "Base score (基准分) added to the total",
      zh: "基准分，加在总分上",
    },
    {
      name: "penaltyCap",
      kind: "nonNegative",
      optional: true,
      otherwise: { en: "no cap", zh: "不封顶" },
      en: "Cap (减分总上限) on the sum of penalty points",
      zh: "减分总上限",
    },
  ],
  result: { shape: "scalar", type: "number" },
  body: totalOf,
});

export const COMBINE = defineFn({
  id: "COMBINE",
  zh: {
    name: "综合得分",
    description:
      "加权综合得分 Σ 权重×得分 ÷ Σ 权重，按指定小数位四舍五入；权重大于 0 的得分为空时返回 #N/A。",
  },
  en: {
    description: "The weighted combination Σ w × s / Σ w, rounded half away from zero.",
    returns: "The combined score.",
  },
  params: [
    {
      name: "scores",
      kind: "scores",
      en: "The scores (a row or a column)",
      zh: "各来源的得分（一行或一列）",
    },
    { name: "weights", kind: "numbers", en: "The weights, one per score", zh: "与得分一一对应的权重" },
    {
      name: "digits",
      kind: "digits",
      optional: true,
      default: 2,
      en: "Decimal places",
      zh: "保留的小数位数",
    },
  ],
  result: { shape: "scalar", type: "number" },
  body: combineOf,
});

export const QUOTA = defineFn({
  id: "QUOTA",
  zh: {
    name: "应达数",
    description: "由基数和比例精确计算应达数：至少→向上取整，左右→四舍五入，不超过→向下取整。",
  },
  en: {
    description:
      "The required count from a base and a rate, computed exactly: 至少 → round up, 左右 → round half up, 不超过 → round down.",
    returns: "The required count.",
  },
  params: [
    { name: "base", kind: "count", en: "The base count (a whole number ≥ 0)", zh: "基数（不小于 0 的整数）" },
    { name: "rate", kind: "rate", en: 'The rate: 0.9 or "90%"', zh: '比例，如 0.9 或 "90%"' },
    {
      name: "comparator",
      kind: "comparator",
      optional: true,
      default: "至少",
      en: "至少, 左右 or 不超过",
      zh: "比较方式：至少、左右 或 不超过",
    },
  ],
  result: { shape: "scalar", type: "number" },
  body: requiredCount,
});

export const ALLOCATE = defineFn({
  id: "ALLOCATE",
  zh: {
    name: "分配名额",
    description: "按基数比例用最大余额法分配总数，结果按基数的形状溢出，各部分之和等于总数。",
  },
  en: {
    description:
      "Split a total in proportion to the bases by the largest-remainder method; spills in the shape of the bases.",
    returns: "The parts, summing to the total.",
  },
  params: [
    {
      name: "total",
      kind: "count",
      en: "The total to split (a whole number ≥ 0)",
      zh: "要分配的总数（不小于 0 的整数）",
    },
    {
      name: "bases",
      kind: "numbers",
      en: "The bases (a row or a column; blank counts as 0)",
      zh: "各单位的基数（一行或一列，空白按 0 计）",
    },
  ],
  result: { shape: "spill", type: "number", like: "bases" },
  body: allocateOf,
});

export const MOVE = defineFn({
  id: "MOVE",
  zh: { name: "等次变动", description: "比较上期与本期等次：晋位、保持、降位，上期为空时为新定级。" },
  en: {
    description:
      "The movement between two tiers: 晋位, 保持, 降位, or 新定级 when there is no previous tier.",
    returns: "晋位, 保持, 降位 or 新定级.",
  },
  params: [
    { name: "previous", kind: "text", en: "The previous tier (blank: none)", zh: "上期等次（可为空）" },
    { name: "current", kind: "key", en: "The current tier", zh: "本期等次" },
    { name: "tiers", kind: "tiers", optional: true, default: DEFAULT_SCALE, ...TIER_NAMES },
  ],
  result: { shape: "scalar", type: "string" },
  body: (previous, current, tiers) => {
    const list = tiers.join("、");
    if (!tiers.includes(current)) throw badArg("current", `${showValue(current)} 不在等次列表 ${list} 中`);
    if (previous !== "" && !tiers.includes(previous))
      throw badArg("previous", `${showValue(previous)} 不在等次列表 ${list} 中`);
    return movement(previous, current, tiers).change;
  },
});
