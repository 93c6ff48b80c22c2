/**
 * Single rules of DOMAIN §2.1 not worth a whole fixture, each against a hand calculation in
 * its comment: 不适用 for another sector's item, 排名范围 领域, 比例 when the best is 0, a blank
 * 单项分值, and bad 排名 inputs named by cell.
 */
import { gradeWorkbook, type Sheets } from "../../src/engine";

const BRANCHES = [
  ["组织编码", "组织名称", "上级党组织", "领域", "上期等次"],
  ["A", "一支部", "甲党委", "农村", "一般"],
  ["B", "二支部", "甲党委", "农村", "一般"],
  ["C", "三支部", "甲党委", "社区", "一般"],
];

function totals(s: Partial<Sheets>): number[] {
  const r = gradeWorkbook({ 组织: BRANCHES, ...s } as Sheets);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`).join("\n"));
  return r.results.map((x) => x.total);
}

function problems(s: Partial<Sheets>): string[] {
  const r = gradeWorkbook({ 组织: BRANCHES, ...s } as Sheets);
  return r.ok ? [] : r.problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`);
}

const NOT_SCALED = [
  ["项目", "值"],
  ["折算百分制", "否"],
];

test("an item of another sector may hold 不适用 (or /) instead of a blank", () => {
  const rubric = [
    ["指标编码", "领域", "类型", "满分"],
    ["J1", "全部", "评分", 100],
    ["S1", "社区", "评分", 10],
  ];
  // A, B (农村): J1 only. C (社区): (80 + 5) × 100 / 110 = 77.2727… → 77.27
  const scores = [
    ["组织编码", "J1", "S1"],
    ["A", 90, "不适用"],
    ["B", 80, "/"],
    ["C", 80, 5],
  ];
  const sectors = [
    ["项目", "值"],
    ["领域", "农村,社区"],
  ];
  expect(totals({ 设置: sectors, 标准: rubric, 评分: scores })).toEqual([90, 80, 77.27]);
});

test("排名范围 领域: each sector ranks its own branches; 比例 with a best of 0 gives 0", () => {
  const rubric = [
    ["指标编码", "类型", "满分", "排名分值", "排名范围"],
    ["R", "排名", "", "10,5", "领域"],
    ["P", "比例", 10, "", ""],
  ];
  // R: 农村 A 9 → 10, B 8 → 5; 社区 C alone → 10. P: every value 0 → 0 points.
  const scores = [
    ["组织编码", "R", "P"],
    ["A", 9, 0],
    ["B", 8, 0],
    ["C", 1, 0],
  ];
  expect(totals({ 设置: NOT_SCALED, 标准: rubric, 评分: scores })).toEqual([10, 5, 10]);
});

test("a blank 单项分值 makes the input the points: 扣分 10 − 2.5, 减分 1.5, 加分 0.5", () => {
  const rubric = [
    ["指标编码", "类型", "满分", "单项分值"],
    ["J1", "评分", 90, ""],
    ["K1", "扣分", 10, ""],
    ["P1", "减分", "", ""],
    ["B1", "加分", "", ""],
  ];
  // A: 90 + 7.5 − 1.5 + 0.5 = 96.5; B: 80 + 10 − 0 + 0 = 90; C: 70 + 0 (10 − 12 → 0) − 0 + 0 = 70
  const scores = [
    ["组织编码", "J1", "K1", "P1", "B1"],
    ["A", 90, 2.5, 1.5, 0.5],
    ["B", 80, "", "", ""],
    ["C", 70, 12, "", "不适用"],
  ];
  expect(totals({ 设置: NOT_SCALED, 标准: rubric, 评分: scores })).toEqual([96.5, 90, 70]);
});

test("bad 排名 inputs and a missing 排名分值 column are named by cell", () => {
  const scores = [
    ["组织编码", "R"],
    ["A", "第一"],
    ["B", ""],
    ["C", 3],
  ];
  const rubric = [
    ["指标编码", "类型", "满分", "排名分值"],
    ["R", "排名", "", "3,2,1"],
  ];
  expect(problems({ 标准: rubric, 评分: scores })).toEqual([
    '评分!B2 指标 R（排名）的输入 "第一" 不是数，应为一个数（该指标的数值）',
    "评分!B3 指标 R（排名）未填写，应为一个数（该指标的数值）（不适用时填「不适用」或「/」）",
  ]);
  const noPoints = [
    ["指标编码", "类型", "满分"],
    ["R", "排名", ""],
  ];
  expect(problems({ 标准: noPoints, 评分: scores })[0]).toBe(
    "标准!D1 缺少列「排名分值」：有指标的类型需要它（频次需要要求次数，排名需要排名分值，评分、扣分、达标、频次、比例需要满分）",
  );
});
