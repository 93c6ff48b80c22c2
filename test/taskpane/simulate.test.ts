/**
 * 模拟 without React: tiers regraded with edited 设置 rows, compared branch by branch with
 * the grading as it stands (by field, not by 结果 column), against a hand calculation.
 */
import { gradeWorkbook, type Sheets } from "../../src/engine";
import { changedRows, editFrom, simulate } from "../../src/taskpane/simulate";
import type { Graded, Inputs } from "../../src/taskpane/inputs";

const sheets: Sheets = {
  设置: [
    ["项目", "值"],
    ["统计日期", "2026-11-01"],
  ],
  标准: [
    ["指标编码", "类型", "满分"],
    ["J1", "评分", 100],
  ],
  组织: [
    ["组织编码", "组织名称", "上级党组织", "领域"],
    ["A", "一支部", "甲党委", "农村"],
    ["B", "二支部", "乙党委", "社区"],
    ["C", "三支部", "甲党委", "社区"],
  ],
  评分: [
    ["组织编码", "J1"],
    ["A", 95],
    ["B", 85],
    ["C", 65],
  ],
};

const inputs: Inputs = { grids: sheets, states: [], origin: {}, settingsName: "设置" };
const now = new Date(2026, 10, 30);

function baseline(): Graded {
  const r = gradeWorkbook(sheets, { asOf: now });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

describe("simulate", () => {
  it("lists the branches whose tier an edited 分数线 changes, and the new counts", () => {
    const original = editFrom(inputs);
    expect(original.cutoffs).toEqual(["90", "70"]);
    const rows = changedRows(original, { ...original, cutoffs: ["85", "60"] }, ["先进", "一般", "后进"]);
    expect(rows).toEqual([["分数线", "85,60"]]);
    // By hand: 90/70 gives A 先进, B 一般, C 后进; 85/60 gives A 先进, B 先进, C 一般.
    expect(simulate(inputs, baseline(), rows, now)).toEqual({
      kind: "ok",
      counts: { 先进: 2, 一般: 1, 后进: 0 },
      changed: [
        { name: "二支部", parent: "乙党委", from: "一般", to: "先进" },
        { name: "三支部", parent: "甲党委", from: "后进", to: "一般" },
      ],
      tiers: ["先进", "一般", "后进"],
    });
  });

  it("with nothing edited, gives the grading as it stands", () => {
    expect(simulate(inputs, baseline(), [], now)).toEqual({
      kind: "ok",
      counts: { 先进: 1, 一般: 1, 后进: 1 },
      changed: [],
      tiers: ["先进", "一般", "后进"],
    });
  });

  it("reports the problems of an invalid edit", () => {
    const r = simulate(inputs, baseline(), [["分数线", "60,85"]], now);
    expect(r.kind).toBe("problems");
  });
});
