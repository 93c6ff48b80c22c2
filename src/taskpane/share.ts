/**
 * 定稿 / 分享: the 说明 sheet that states the rules a graded workbook was made with, from
 * the 设置 the engine reads (and the 否决 items of 标准), so that a reviewer without the
 * add-in can see how the tiers came about.
 */
import { normHeader } from "../engine/cells";
import { OUTPUT_SHEETS, PROBLEMS_SHEET } from "../engine";
import { formatDec, formatRate } from "../engine/numbers";
import type { Settings } from "../engine/settings";
import type { Grid, OutCell, OutputSheet } from "../engine/types";
import { QUOTA_SHEET } from "./quota";

export const EXPLANATION_SHEET = "说明";

/** The sheets 定稿 may protect: the add-in's outputs, never an input sheet. */
export const PROTECTABLE = [...OUTPUT_SHEETS, QUOTA_SHEET, EXPLANATION_SHEET, PROBLEMS_SHEET];

function rateList(rates: Settings["floors"], tiers: string[]): string {
  const parts = rates.flatMap((r, i) => (r ? [`${tiers[i]} ${formatRate(r)}`] : []));
  return parts.length > 0 ? parts.join("；") : "无";
}

function cutoffLine(s: Settings): string {
  const lines = s.tiers.map((tier, i) =>
    i < s.cutoffs.length
      ? `${tier} ≥ ${formatDec(s.cutoffs[i])}`
      : `${tier} < ${formatDec(s.cutoffs[s.cutoffs.length - 1])}`,
  );
  return lines.join("；");
}

/** 否决 criteria of 标准 as `编码 名称 → 后果` (blank 否决后果 = 末等). */
export function vetoItems(rubric: Grid | undefined, lowest: string): string[] {
  if (!rubric || rubric.length === 0) return [];
  const header = rubric[0].map((c) => normHeader(c));
  const col = (name: string, alias: string) => header.findIndex((h) => h === normHeader(name) || h === alias);
  const id = col("指标编码", "id");
  const name = col("指标名称", "name");
  const kind = col("类型", "kind");
  const veto = col("否决后果", "veto");
  if (kind < 0) return [];
  const text = (r: unknown[], c: number) =>
    c >= 0 && r[c] !== null && r[c] !== undefined ? String(r[c]).trim() : "";
  return rubric
    .slice(1)
    .filter((r) => text(r, kind) === "否决")
    .map((r) => {
      const consequence = text(r, veto) || "末等";
      const to = consequence === "末等" ? `末等（${lowest}）` : `最高 ${consequence}`;
      return `${[text(r, id), text(r, name)].filter(Boolean).join(" ")} → ${to}`;
    });
}

export interface ExplanationInput {
  settings: Settings;
  rubric: Grid | undefined;
  /** 统计日期 the grading used (YYYY-MM-DD). */
  asOf: string;
  /** Local time of 定稿, YYYY-MM-DD HH:mm. */
  finalizedAt: string;
}

export function explanationSheet({ settings: s, rubric, asOf, finalizedAt }: ExplanationInput): OutputSheet {
  const lowest = s.tiers[s.tiers.length - 1];
  const [w0, w1, w2] = s.weights.map(formatDec);
  const vetoes = vetoItems(rubric, lowest);
  const rows: OutCell[][] = [
    ["项目", "内容"],
    ["等次（从好到差）", s.tiers.join("、")],
    ["分数线", cutoffLine(s)],
    ["综合得分权重", `上级评定 ${w0}、自评 ${w1}、测评 ${w2}`],
    ["折算百分制", s.scale100 ? "是" : "否"],
    ["基准分", s.baseScore ? formatDec(s.baseScore) : "无"],
    ["加分总上限", formatDec(s.bonusCap)],
    ["减分总上限", s.penaltyCap ? formatDec(s.penaltyCap) : "不封顶"],
    ["小数位数", s.digits],
    ["缺项处理", s.rescaleMissing ? "按权重折算" : "报错"],
    ["维度下限", rateList(s.floors, s.tiers)],
    ["否决项", vetoes.length > 0 ? vetoes.join("；") : "无"],
    [
      "满意度上限",
      s.satisfactionFloor && s.satisfactionCapTier >= 0
        ? `测评满意度低于 ${formatDec(s.satisfactionFloor)} 时最高 ${s.tiers[s.satisfactionCapTier]}`
        : "无",
    ],
    ["名额上限", rateList(s.quotaCaps, s.tiers)],
    ["名额分组", s.quotaGroup],
    ["名额取整", s.quotaRounding],
    [
      "晋位目标",
      s.targets.length > 0
        ? s.targets.map((x) => `${x.label} ${x.comparator} ${formatRate(x.rate)}`).join("；")
        : "无",
    ],
    ["统计日期", asOf],
    ["定稿时间", finalizedAt],
    ["说明", "本工作簿中的 DJ.* 公式已替换为计算结果（数值），未安装加载项也能看到相同的数字。"],
  ];
  return {
    name: EXPLANATION_SHEET,
    rows,
    layout: { freezeRows: 1, numberFormats: {}, tierColumns: [], statusColumns: [], widths: [18, 60] },
  };
}
