/**
 * Notices (提示, DOMAIN §2.5) about the workbook as a whole: weights on mixed scales, an
 * ignored look-alike column, a 晋位升级 with no base. Scoring's cuts are in the fixtures.
 */
import { gradeWorkbook, type Sheets, outputRows } from "../../src/engine";

const RUBRIC = [
  ["指标编码", "类型", "满分"],
  ["J1", "评分", 100],
];

function book(extra: Partial<Sheets>): Sheets {
  return {
    标准: RUBRIC,
    组织: [
      ["组织编码", "组织名称", "上级党组织", "领域", "上期等次"],
      ["A", "一支部", "甲党委", "农村", "一般"],
      ["B", "二支部", "甲党委", "农村", ""],
    ],
    评分: [
      ["组织编码", "J1", "自评得分", "测评满意度"],
      ["A", 90, 80, 70],
      ["B", 80, 70, 60],
    ],
    ...extra,
  };
}

function notices(s: Sheets): string[] {
  const r = gradeWorkbook(s, { asOf: new Date(2026, 10, 1) });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return r.notices.map((p) => `${p.sheet}!${p.cell} ${p.message}`);
}

test("no notice, no 提示 sheet for an ordinary workbook", () => {
  const r = gradeWorkbook(book({}));
  expect(r.ok && r.notices).toEqual([]);
  expect(r.ok && outputRows(r.outputs, "提示")).toBeUndefined();
});

test("weights written as 0.65 with 15 and 20: one notice at the weight written as a fraction", () => {
  const settings = [
    ["项目", "值"],
    ["上级评定权重", 0.65],
    ["自评权重", 15],
    ["测评权重", 20],
  ];
  expect(notices(book({ 设置: settings }))).toEqual([
    "设置!B2 权重的写法不一致（上级评定权重 0.65、自评权重 15、测评权重 20：有的不大于 1，有的大于 1）；权重按数值相对计算，请确认是否应统一写成百分数或小数",
  ]);
  // The same weights on one scale say nothing.
  const same = settings.map((r, i) => (i === 1 ? ["上级评定权重", 65] : r));
  expect(notices(book({ 设置: same }))).toEqual([]);
  // A written 0.4 beside the default 上级评定权重 100 is mixed too.
  expect(
    notices(
      book({
        设置: [
          ["项目", "值"],
          ["自评权重", 0.4],
        ],
      }),
    )[0],
  ).toContain("上级评定权重 100（默认）、自评权重 0.4");
});

test("a look-alike column outside the contract is ignored and told; with no 上期等次 the 晋位升级 base is empty", () => {
  const org = [
    ["组织编码", "组织名称", "上级党组织", "领域", "上年度等次", "备注"],
    ["A", "一支部", "甲党委", "农村", "一般", ""],
    ["B", "二支部", "甲党委", "农村", "后进", "新建"],
  ];
  expect(notices(book({ 组织: org }))).toEqual([
    "组织!E1 列「上年度等次」不是约定的列名，已忽略；若它就是「上期等次」，请把列标题改为「上期等次」（或在任务窗格中映射该列）",
    "组织!G1 没有任何组织填写上期等次，晋位升级各项目标的基数都为 0：请在组织表填写上期等次，才能衡量晋位升级",
  ]);
});

test("a criterion column of 评分 is never a look-alike", () => {
  const rubric = [
    ["指标编码", "类型", "满分"],
    ["自评工作", "评分", 100],
  ];
  const scores = [
    ["组织编码", "自评工作"],
    ["A", 90],
    ["B", 80],
  ];
  expect(notices(book({ 标准: rubric, 评分: scores }))).toEqual([]);
});
