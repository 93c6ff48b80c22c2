/**
 * The Excel host's 设置 write (模拟 → 应用) and 定稿 (DJ.* formulas → values, 说明, protection),
 * on the recording fake, counting syncs.
 */
import type { OutputSheet } from "../../src/engine/types";
import { createExcelPort } from "../../src/host/excel";
import { isDjFormula } from "../../src/host/excel-share";
import { FakeExcel } from "../fakes/excel-fake";

const explanation: OutputSheet = {
  name: "说明",
  rows: [
    ["项目", "内容"],
    ["分数线", "先进 ≥ 90"],
  ],
  layout: { freezeRows: 1, numberFormats: {}, tierColumns: [], statusColumns: [], widths: [18, 60] },
};

describe("writeSettings", () => {
  it("updates the matching 项目 rows and appends the others, keeping every other cell", async () => {
    const fake = new FakeExcel();
    fake.addSheet("设置", [
      ["备注", "项目", "值"],
      ["x", "等次", "先进,一般,后进"],
      ["y", "分数线", "90,70"],
      ["z", "统计日期", "2024-12-31"],
    ]);
    const port = createExcelPort(fake.env());
    await port.writeSettings!([
      ["分数线", "85,70"],
      ["名额上限", "先进:30%"],
    ]);
    expect(fake.grid("设置")).toEqual([
      ["备注", "项目", "值"],
      ["x", "等次", "先进,一般,后进"],
      ["y", "分数线", "85,70"],
      ["z", "统计日期", "2024-12-31"],
      ["", "名额上限", "先进:30%"],
    ]);
    // Text stays text: written cells are formatted "@" first.
    expect(fake.sheet("设置").numberFormats.map((f) => f.address)).toEqual(["C3", "B5", "C5"]);
    expect(fake.syncs).toBe(3); // sizes, values, write
  });

  it("creates 设置 with its header row when the workbook has none", async () => {
    const fake = new FakeExcel();
    fake.addSheet("组织", [["组织编码"]]);
    await createExcelPort(fake.env()).writeSettings!([["分数线", "85,70"]]);
    expect(fake.grid("设置")).toEqual([
      ["项目", "值"],
      ["分数线", "85,70"],
    ]);
    expect(fake.grid("组织")).toEqual([["组织编码"]]);
  });
});

describe("finalizeForSharing", () => {
  function workbook(apiMinor = 12): FakeExcel {
    const fake = new FakeExcel(apiMinor);
    fake.addSheet("组织", [["组织编码"], ["A1"]]);
    const mine = fake.addSheet("我的表", [
      ["编码", "等次", "合计", "档"],
      ["A1", "先进", 3, "一般"],
      ["A2", "一般", "", "后进"],
    ]);
    mine.formulas.set("1,1", "=DJ.TIER(90)"); // B2
    mine.formulas.set("1,2", "=SUM(1,2)"); // C2: a native formula stays
    mine.formulas.set("1,3", "=dj.tiers(C2:C3)"); // D2 spills to D2:D3
    mine.spills.set("1,3", { row: 1, col: 3, rows: 2, cols: 1 });
    fake.addSheet("结果", [
      ["组织编码", "等次"],
      ["A1", "先进"],
    ]);
    return fake;
  }

  it("replaces DJ.* formulas (whole spill ranges) by values, writes 说明 and protects the output sheets", async () => {
    const fake = workbook();
    const port = createExcelPort(fake.env());
    const report = await port.finalizeForSharing!({ explanation, protect: ["结果", "说明", "公示"] });
    expect(report).toEqual({ replaced: 2, sheets: ["我的表"], protected: ["结果", "说明"] });
    const mine = fake.sheet("我的表");
    expect([...mine.formulas.entries()]).toEqual([["1,2", "=SUM(1,2)"]]);
    expect(fake.grid("我的表")).toEqual([
      ["编码", "等次", "合计", "档"],
      ["A1", "先进", 3, "一般"],
      ["A2", "一般", "", "后进"],
    ]);
    expect(fake.grid("说明")).toEqual(explanation.rows);
    expect(fake.sheet("结果").protected).toEqual({ password: null });
    expect(fake.sheet("说明").protected).toEqual({ password: null });
    expect(fake.sheet("组织").protected).toBeUndefined();
    // names, used ranges, spills, values, 说明 (2), protection state, protect.
    expect(fake.syncs).toBe(8);
  });

  it("on Excel without dynamic arrays (ExcelApi < 1.12) writes each DJ.* cell's own value", async () => {
    const fake = workbook(9);
    fake.sheet("我的表").spills.clear();
    const report = await createExcelPort(fake.env()).finalizeForSharing!({ explanation, protect: [] });
    expect(report.replaced).toBe(2);
    expect([...fake.sheet("我的表").formulas.keys()]).toEqual(["1,2"]);
    expect(fake.sheet("结果").protected).toBeUndefined();
  });

  it("recognizes DJ.* calls as typed and as stored in files, and nothing else", () => {
    expect(isDjFormula("=DJ.TIER(A1)")).toBe(true);
    expect(isDjFormula("=IF(A1>0,dj.rank(A1:A9),0)")).toBe(true);
    expect(isDjFormula("=_xldudf_DJ_TIER(A1)")).toBe(true);
    expect(isDjFormula("=ADJ.X(1)")).toBe(false);
    expect(isDjFormula("=SUM(A1)")).toBe(false);
    expect(isDjFormula("DJ.TIER is text")).toBe(false);
  });
});
