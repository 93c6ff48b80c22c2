/**
 * Table entries (runner.ts) of the DJ.* functions over a set of branches: RANK, TIERS,
 * TARGET, BENCHMARK. Texts: shared/FUNCTIONS.md; defaults are stated by the generator.
 */
import { DEFAULT_SCALE } from "../engine";
import { defineFn } from "./runner";
import { benchmarkOf, rankCells, targetCells, tiersCells } from "./spills";

export const RANK = defineFn({
  id: "RANK",
  zh: {
    name: "组内排名",
    description:
      "得分在一组得分中的并列排名（1、2、2、4），从高到低；给出分组时只在同组内排名。得分为一个区域时一次算出每个得分的排名并溢出。",
  },
  en: {
    description:
      "The competition rank (1, 2, 2, 4), descending, of a score among scores; within a group when group and groups are given. Given a range of scores, spills one rank per score in one pass.",
    returns: "The rank; for a range of scores, one rank per score in its shape.",
  },
  params: [
    {
      name: "score",
      kind: "grid",
      en: "The score to rank, or a range of scores (a row or a column) to rank all at once; a blank cell in the range gives a blank rank",
      zh: "要排名的得分，或一个得分区域（一行或一列，一次为每个得分排名；区域中的空白单元格对应空白排名）",
    },
    {
      name: "scores",
      kind: "scores",
      en: "The scores (a row or a column; blank cells are ignored)",
      zh: "全部得分（一行或一列，空白忽略）",
    },
    {
      name: "group",
      kind: "grid",
      optional: true,
      en: "The group of the score, or a range of groups in the shape of score (blank: rank among all scores)",
      zh: "该得分所属的分组，或与 score 形状相同的分组区域（空白：在全部得分中排名）",
    },
    {
      name: "groups",
      kind: "labels",
      optional: true,
      en: "The group of each score",
      zh: "每个得分所属的分组",
    },
  ],
  result: { shape: "spill", type: "any", like: "score" },
  body: rankCells,
});

export const TIERS = defineFn({
  id: "TIERS",
  zh: {
    name: "批量定级",
    description:
      "为每个得分评定等次（溢出）：先按分数线，再在各分组内按名额上限封顶，跨越名额线的并列者整体下移。",
  },
  en: {
    description:
      "One tier per score (spills): by cutoffs, then quota caps per group; ties straddling a cap move down whole.",
    returns: "One tier per score, in the shape of the scores.",
  },
  params: [
    {
      name: "scores",
      kind: "scores",
      en: "The scores (a row or a column; a blank score gives a blank tier)",
      zh: "各支部的得分（一行或一列，空白得分对应空白等次）",
    },
    {
      name: "cutoffs",
      kind: "cutoffs",
      en: "Lower bounds of the tiers, strictly descending",
      zh: "各等次的分数线，从高到低严格递减",
    },
    {
      name: "tiers",
      kind: "tiers",
      optional: true,
      default: DEFAULT_SCALE,
      en: "Tier names, best first, one more than the cutoffs",
      zh: "等次名称，从好到差，比分数线多一个",
    },
    {
      name: "quotas",
      kind: "grid",
      optional: true,
      en: "Quota caps, two columns: tier | share (such as 先进 | 30%)",
      zh: "名额上限，两列：等次 | 比例（如 先进 | 30%）",
    },
    {
      name: "groups",
      kind: "labels",
      optional: true,
      en: "The group of each score (quota caps apply within each group)",
      zh: "每个得分所属的分组（名额在各组内计算）",
    },
  ],
  result: { shape: "spill", type: "string", like: "scores" },
  body: tiersCells,
});

export const TARGET = defineFn({
  id: "TARGET",
  zh: {
    name: "晋位目标",
    description: "一项晋位升级目标的完成情况，溢出一行：基数、应达数、实达数、差额、状态。",
  },
  en: {
    description:
      "A promotion target over a set of branches; spills one row: base, required, attained, gap, status.",
    returns: "One row: base, required, attained, gap, status (达标/未达标).",
  },
  params: [
    {
      name: "previous",
      kind: "cells",
      en: "The previous tier of each branch (blank: none)",
      zh: "各支部的上期等次（可为空）",
    },
    { name: "current", kind: "cells", en: "The current tier of each branch", zh: "各支部的本期等次" },
    {
      name: "fromTier",
      kind: "text",
      en: "The previous tier the target is about (such as 后进)",
      zh: "目标针对的上期等次（如 后进）",
    },
    { name: "success", kind: "success", en: "转化, 晋级 or 示范", zh: "成功标准：转化、晋级 或 示范" },
    {
      name: "comparator",
      kind: "comparator",
      en: "至少, 左右 or 不超过",
      zh: "比较方式：至少、左右 或 不超过",
    },
    { name: "rate", kind: "anyRate", en: 'The rate: 0.9 or "90%"', zh: '比例，如 0.9 或 "90%"' },
    {
      name: "tiers",
      kind: "tiers",
      optional: true,
      default: DEFAULT_SCALE,
      en: "Tier names, best first",
      zh: "等次名称，从好到差",
    },
    {
      name: "demo",
      kind: "cells",
      optional: true,
      en: "示范点 of each branch (是/否), needed for 示范",
      zh: "各支部是否为示范点（是/否），成功标准为 示范 时必填",
    },
  ],
  result: {
    shape: "row",
    type: "any",
    headers: {
      en: ["base", "required", "attained", "gap", "status"],
      zh: ["基数", "应达数", "实达数", "差额", "状态"],
    },
  },
  body: targetCells,
});

export const BENCHMARK = defineFn({
  id: "BENCHMARK",
  zh: {
    name: "赶超对象",
    description:
      "支部的赶超对象：同领域（优先同一上级党组织）中得分刚好高于本支部的最高等次支部；没有时返回空。",
  },
  en: {
    description:
      "The branch to catch up with (赶超对象): a top-tier branch of the same sector, same parent when possible, just above this one.",
    returns: 'The code of the benchmark branch, or "" when there is none.',
  },
  params: [
    { name: "id", kind: "key", en: "The branch's code (组织编码)", zh: "本支部的组织编码" },
    { name: "ids", kind: "cells", en: "The codes of all branches", zh: "全部支部的组织编码" },
    { name: "sectors", kind: "cells", en: "The sector of each branch", zh: "各支部的领域" },
    {
      name: "parents",
      kind: "cells",
      en: "The parent organization of each branch",
      zh: "各支部的上级党组织",
    },
    { name: "tiers", kind: "cells", en: "The tier of each branch", zh: "各支部的等次" },
    { name: "scores", kind: "scores", en: "The combined score of each branch", zh: "各支部的综合得分" },
    {
      name: "topTier",
      kind: "text",
      optional: true,
      default: DEFAULT_SCALE[0],
      en: "The top tier",
      zh: "最高等次",
    },
  ],
  result: { shape: "scalar", type: "string" },
  body: benchmarkOf,
});
