/**
 * Workbooks as offices keep them (DOMAIN §7.1), each with its contract-form twin: the same
 * branches and scores written as 设置/标准/组织/评分. Names stand in for codes, so the twin's
 * 组织编码 is the name; without 标准 the criteria are the `（N分）` headers.
 */
import type { MergeRange } from "../../src/host/headers";
import type { Grid } from "../../src/engine/types";

export const CRITERIA: [string, number][] = [
  ["班子建设", 15],
  ["队伍建设", 15],
  ["组织生活", 20],
  ["制度落实", 10],
  ["工作业绩", 25],
  ["群众评价", 15],
];
export const GROUPS = ["城关镇党委", "机关工委", "教育党委"];
const TIERS = ["先进", "一般", "后进", ""];

export interface Branch {
  name: string;
  group: string;
  sector: string;
  members: number;
  previous: string;
  demo: string;
  scores: number[];
  self: number;
  survey: number;
  /** The computed 上级评定 (the scores add up to 100 points, so it is their sum). */
  total: number;
}

/** 4 branches per group, scores on half points, some 一般 and some 后进. */
export function branches(): Branch[] {
  const out: Branch[] = [];
  GROUPS.forEach((group, g) =>
    [0, 1, 2, 3].forEach((k) => {
      const i = g * 4 + k;
      const q = [0.98, 0.9, 0.75, 0.55, 0.95, 0.82, 0.66, 0.93, 0.7, 0.97, 0.88, 0.5][i]!;
      const scores = CRITERIA.map(([, max], j) => Math.round(max * q * 2 - (j === i % 6 ? 1 : 0)) / 2);
      out.push({
        name: `${group.slice(0, 2)}第${k + 1}党支部`,
        group,
        sector: i % 3 === 0 ? "农村" : "机关",
        members: 8 + i,
        previous: TIERS[i % 4]!,
        demo: i % 5 === 0 ? "是" : "否",
        scores,
        self: 80 + (i % 7) * 2.5,
        survey: 0.7 + (i % 6) * 0.05,
        total: scores.reduce((a, b) => a + b * 100, 0) / 100,
      });
    }),
  );
  return out;
}

export const SETTINGS: Grid = [
  ["项目", "值"],
  ["等次", "先进,一般,后进"],
  ["分数线", "90,75"],
  ["上级评定权重", 60],
  ["自评权重", 20],
  ["测评权重", 20],
  ["名额上限", "先进:50%"],
];

/** The contract twin of `bs`: 标准 from CRITERIA, 组织编码 = 组织名称. */
export function twin(bs: Branch[], withSector = false): Record<string, Grid> {
  return {
    设置: SETTINGS,
    标准: [
      ["指标编码", "指标名称", "类型", "满分", "领域"],
      ...CRITERIA.map(([n, m]) => [n, n, "评分", m, "全部"]),
    ],
    组织: [
      ["组织编码", "组织名称", "上级党组织", "领域", "党员数", "上期等次", "示范点"],
      ...bs.map((b) => [b.name, b.name, b.group, withSector ? b.sector : "", b.members, b.previous, b.demo]),
    ],
    评分: [
      ["组织编码", ...CRITERIA.map(([n]) => n), "自评得分", "测评满意度"],
      ...bs.map((b) => [b.name, ...b.scores, b.self, b.survey]),
    ],
  };
}

/** Rows whose typed 总分 is wrong (index into the group's branches), and by how much. */
export const WRONG_TOTALS: [group: number, k: number, delta: number][] = [
  [0, 1, 2],
  [1, 3, -0.5],
  [2, 0, 10],
];

/**
 * One sheet per 上级党组织 (no such column): a merged title row, a note row, a two-row header
 * (labels merged down two rows; group labels 党建工作/业务工作 merged across their
 * sub-labels), a 序号 column, no codes, no 标准, and a typed 总分 with three wrong rows.
 */
export function perGroupSheets(bs: Branch[]): {
  sheets: Record<string, Grid>;
  merges: Record<string, MergeRange[]>;
} {
  const sheets: Record<string, Grid> = { 设置: SETTINGS };
  const merges: Record<string, MergeRange[]> = {};
  GROUPS.forEach((group, g) => {
    const rows: Grid = [
      [`2024年度${group}党支部考评汇总表`],
      ["填报单位：" + group, "", "", "", "", "", "", "", "", "", "", "填报日期：2024-12-31"],
      [
        "序号",
        "党支部名称",
        "党员人数",
        "上年度等次",
        "是否示范点",
        "党建工作",
        "",
        "",
        "业务工作",
        "",
        "",
        "自评分",
        "群众满意度",
        "总分（100分）",
      ],
      ["", "", "", "", "", ...CRITERIA.map(([n, m]) => `${n}（${m}分）`), "", "", ""],
    ];
    bs.filter((b) => b.group === group).forEach((b, k) => {
      const wrong = WRONG_TOTALS.find(([gg, kk]) => gg === g && kk === k);
      rows.push([
        k + 1,
        b.name,
        b.members,
        b.previous,
        b.demo,
        ...b.scores,
        b.self,
        b.survey,
        b.total + (wrong?.[2] ?? 0),
      ]);
    });
    sheets[group] = rows;
    const down = [0, 1, 2, 3, 4, 11, 12, 13].map((c) => ({ r0: 2, c0: c, r1: 3, c1: c }));
    merges[group] = [
      { r0: 0, c0: 0, r1: 0, c1: 13 },
      ...down,
      { r0: 2, c0: 5, r1: 2, c1: 7 },
      { r0: 2, c0: 8, r1: 2, c1: 10 },
    ];
  });
  return { sheets, merges };
}

/**
 * One 评分表 holding branches and scores, every 组织/评分 synonym, the three forms of points
 * note (全角, 半角, bare), a 序号 and a 备注 column, a title row; no codes, no 标准.
 */
export function oneScoreSheet(bs: Branch[]): Record<string, Grid> {
  const forms = (n: string, m: number, j: number) =>
    j % 3 === 0 ? `${n}（${m}分）` : j % 3 === 1 ? `${n}(${m}分)` : `${n}${m}分`;
  return {
    设置: SETTINGS,
    评分表: [
      ["2024年度党支部分类定级评分表"],
      [
        "序号",
        "单位名称",
        "所属党委",
        "所属领域",
        "党员人数",
        "上年等次",
        "是否示范点",
        ...CRITERIA.map(([n, m], j) => forms(n, m, j)),
        "自评",
        "满意度",
        "合计",
        "备注",
      ],
      ...bs.map((b, i) => [
        i + 1,
        b.name,
        b.group,
        b.sector,
        b.members,
        b.previous,
        b.demo,
        ...b.scores,
        b.self,
        b.survey,
        b.total,
        "",
      ]),
    ],
  };
}
