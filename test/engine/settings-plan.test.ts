/** The one plan of 设置 writes every host applies (#11): hand-made grids, expected cells. */
import { applyWrites, planSettingsWrites } from "../../src/engine";

describe("planSettingsWrites", () => {
  it("updates the row that names the same setting, by its text or English alias, and appends the rest", () => {
    const grid = [
      ["项目", "值", "备注"],
      ["cutoffs", "90,70", "我的备注"],
      [" 名额上限 ", "先进:30%", ""],
    ];
    const writes = planSettingsWrites(grid, [
      ["分数线", "85,70"],
      ["名额上限", "先进:25%"],
      ["满意度下限", 60],
    ]);
    expect(writes).toEqual([
      { r: 1, c: 1, value: "85,70" },
      { r: 2, c: 1, value: "先进:25%" },
      { r: 3, c: 0, value: "满意度下限" },
      { r: 3, c: 1, value: 60 },
    ]);
    // Every other cell stays: the clerk's 备注 and the key texts as typed.
    expect(applyWrites(grid, writes)).toEqual([
      ["项目", "值", "备注"],
      ["cutoffs", "85,70", "我的备注"],
      [" 名额上限 ", "先进:25%", ""],
      ["满意度下限", 60, ""],
    ]);
  });

  it("finds 项目 | 值 by their English names in any columns; an empty sheet gets the header row", () => {
    expect(
      planSettingsWrites(
        [
          ["说明", "value", "item"],
          ["", 90, "分数线"],
        ],
        [["分数线", "88,70"]],
      ),
    ).toEqual([{ r: 1, c: 1, value: "88,70" }]);
    expect(planSettingsWrites([], [["等次", "好,中,差"]])).toEqual([
      { r: 0, c: 0, value: "项目" },
      { r: 0, c: 1, value: "值" },
      { r: 1, c: 0, value: "等次" },
      { r: 1, c: 1, value: "好,中,差" },
    ]);
  });
});
