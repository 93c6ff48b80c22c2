/**
 * 说明 (定稿 / 分享): the rules a graded workbook was made with, read from its 设置 and 标准
 * by the engine's own readers, so that a reviewer without the add-in can see how the tiers
 * came about.
 */
import { RUBRIC_SHEET, SETTINGS_SHEET, resolveSheetName } from "./contract";
import { isoDate } from "./dates";
import { formatDec, formatRate } from "./numbers";
import { OUTPUT_SHEETS, PROBLEMS_SHEET } from "./outputs";
import { QUOTA_SHEET } from "./allocation-sheet";
import { Problems } from "./problems";
import { readRubric, type Rubric } from "./rubric";
import { readSettings, type Settings } from "./settings";
import type { OutCell, OutputSheet, Sheets } from "./types";

export const EXPLANATION_SHEET = "说明";

/** The sheets 定稿 may protect: the product's outputs, never an input sheet. */
export const PROTECTABLE_SHEETS: readonly string[] = [
  ...OUTPUT_SHEETS,
  QUOTA_SHEET,
  EXPLANATION_SHEET,
  PROBLEMS_SHEET,
];

function rateList(rates: Settings["floors"], tiers: string[]): string {
  const parts = rates.flatMap((r, i) => (r ? [`${tiers[i]} ${formatRate(r)}`] : []));
  return parts.length > 0 ? parts.join("；") : "无";
}

function cutoffLine(s: Settings): string {
  const last = s.cutoffs[s.cutoffs.length - 1];
  return s.tiers
    .map((tier, i) =>
      i < s.cutoffs.length ? `${tier} ≥ ${formatDec(s.cutoffs[i]!)}` : `${tier} < ${formatDec(last!)}`,
    )
    .join("；");
}

/** 否决 criteria as `编码 名称 → 后果` (末等 names the lowest tier). */
export function vetoItems(rubric: Rubric | null, tiers: string[]): string[] {
  if (!rubric) return [];
  const lowest = tiers[tiers.length - 1];
  return rubric.criteria
    .filter((c) => c.kind === "否决")
    .map((c) => {
      const to = c.vetoTier < 0 ? `末等（${lowest}）` : `最高 ${tiers[c.vetoTier]}`;
      return `${[c.id, c.name].filter(Boolean).join(" ")} → ${to}`;
    });
}

export interface ExplanationInput {
  settings: Settings;
  rubric: Rubric | null;
  /** 统计日期 the grading used (YYYY-MM-DD). */
  asOf: string;
  /** Local time of 定稿, YYYY-MM-DD HH:mm. */
  finalizedAt: string;
}

/** The 说明 sheet from settings and rubric already read. */
export function explanationSheet({ settings: s, rubric, asOf, finalizedAt }: ExplanationInput): OutputSheet {
  const [w0, w1, w2] = s.weights.map(formatDec);
  const vetoes = vetoItems(rubric, s.tiers);
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

/**
 * 说明 from the input grids (as the engine is handed them): 设置 and 标准 read by the engine's
 * readers, defaults where 设置 is absent or invalid; 统计日期 is 设置's, else `now`'s date.
 */
export function explanationOf(sheets: Sheets, now: Date, finalizedAt: string): OutputSheet {
  const names = Object.keys(sheets);
  const grid = (name: string) => {
    const actual = resolveSheetName(names, name);
    return actual === undefined ? undefined : sheets[actual];
  };
  const settings = readSettings(grid(SETTINGS_SHEET.name), new Problems());
  const rubricGrid = grid(RUBRIC_SHEET.name);
  // An invalid row is left out of the rubric (its problem is 检查's to report, not 说明's).
  const rubric = rubricGrid
    ? readRubric(rubricGrid, settings.tiers, new Problems(), settings.sectors).rubric
    : null;
  return explanationSheet({ settings, rubric, asOf: settings.asOf ?? isoDate(now), finalizedAt });
}
