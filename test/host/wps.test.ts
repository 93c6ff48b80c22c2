/**
 * What only the WPS host does, on the recording fake of the ET object model: values move
 * in whole blocks, screen updating and calculation are off while writing and come back on
 * every exit path, sheets are deleted without a prompt, formats, and how the page finds WPS.
 * (What every host must do alike is in conformance.test.ts.)
 */
import { gradeWorkbook, problemsSheet } from "../../src/engine";
import { SETTINGS_SHEET } from "../../src/host/excel-settings";
import { createWpsPort, wpsApplication } from "../../src/host/wps";
import { XL_CALCULATION_MANUAL, XL_PAPER_A4, XL_PORTRAIT, XL_SHEET_VERY_HIDDEN } from "../../src/host/wps-et";
import { blockValues } from "../../src/host/wps-sheets";
import { bgr } from "../../src/host/wps-write";
import { FakeEt, XL_CALCULATION_AUTOMATIC } from "../fakes/wps-fake";
import { scaleGrids, validGrids } from "../fakes/sample-grids";

function loaded(grids: Record<string, unknown[][]>): FakeEt {
  const et = new FakeEt();
  for (const [name, grid] of Object.entries(grids)) et.addSheet(name, grid);
  return et;
}

describe("WPS host", () => {
  it("reads and writes values in whole blocks, never cell by cell", async () => {
    const et = loaded(scaleGrids(2500));
    const port = createWpsPort(et);
    const grids = await port.readSheets(["设置", "标准", "组织", "评分"]);
    const reads = et.transfers.filter((t) => t.kind === "read");
    expect(reads.map((t) => t.sheet)).toEqual(["设置", "标准", "组织", "评分"]);
    const r = gradeWorkbook(grids);
    if (!r.ok) throw new Error("scale grids must grade");
    await port.writeSheets(r.outputs);
    const writes = et.transfers.filter((t) => t.kind !== "read" && t.sheet !== SETTINGS_SHEET);
    // One block per output sheet (each under 10,000 rows).
    expect(writes.map((t) => t.sheet)).toEqual(r.outputs.map((s) => s.name));
    expect(writes.find((t) => t.sheet === "结果")?.cells).toBe(2501 * 14);
  });

  it("writes with screen updating and calculation off, and restores them, also when a write fails", async () => {
    const et = loaded(validGrids());
    const port = createWpsPort(et);
    const r = gradeWorkbook(await port.readSheets(["设置", "标准", "组织", "评分"]));
    if (!r.ok) throw new Error("valid grids must grade");
    await port.writeSheets(r.outputs);
    const writes = et.transfers.filter((t) => t.kind !== "read");
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((t) => !t.screenUpdating && t.calculation === XL_CALCULATION_MANUAL)).toBe(true);
    expect([et.ScreenUpdating, et.Calculation, et.DisplayAlerts, et.EnableEvents]).toEqual([
      true,
      XL_CALCULATION_AUTOMATIC,
      true,
      true,
    ]);

    et.failNextWrite = new Error("磁盘已满");
    await expect(port.writeSheets(r.outputs)).rejects.toThrow("磁盘已满");
    expect([et.ScreenUpdating, et.Calculation, et.DisplayAlerts, et.EnableEvents]).toEqual([
      true,
      XL_CALCULATION_AUTOMATIC,
      true,
      true,
    ]);
  });

  it("deletes sheets without making WPS ask, and reuses an output sheet instead of re-adding it", async () => {
    const et = loaded(validGrids());
    const port = createWpsPort(et);
    const r = gradeWorkbook(await port.readSheets(["设置", "标准", "组织", "评分"]));
    if (!r.ok) throw new Error("valid grids must grade");
    await port.writeSheets(r.outputs);
    const result = et.sheet("结果");
    await port.writeSheets(r.outputs);
    expect(et.sheet("结果")).toBe(result);
    await port.deleteSheets(["公示"]);
    expect(et.find("公示")).toBeUndefined();
    expect(et.prompts).toBe(0);
  });

  it("formats: bold header, number formats, tier colors keyed on the text (BGR), widths, frozen header, print setup; 结果 left active", async () => {
    const et = loaded(validGrids());
    const port = createWpsPort(et);
    const r = gradeWorkbook(await port.readSheets(["设置", "标准", "组织", "评分"]));
    if (!r.ok) throw new Error("valid grids must grade");
    await port.writeSheets(r.outputs, undefined, { tiers: ["先进", "一般", "后进"] });
    const s = et.sheet("结果");
    expect(s.bold).toEqual(["A1:N1"]);
    expect(s.numberFormats).toContainEqual({ address: "H2:H9", format: "0.00" });
    expect(s.conditions.filter((c) => c.address === "J2:J9")).toEqual([
      { address: "J2:J9", formula: '="先进"', fill: bgr("#C6EFCE"), font: bgr("#006100") },
      { address: "J2:J9", formula: '="一般"', fill: bgr("#FFEB9C"), font: bgr("#9C5700") },
      { address: "J2:J9", formula: '="后进"', fill: bgr("#FFC7CE"), font: bgr("#9C0006") },
    ]);
    expect(s.widths[0]).toEqual({ address: "A1", width: 12 });
    expect(bgr("#FF0000")).toBe(0x0000ff);
    expect(et.active).toBe("结果");
    expect(r.outputs.map((o) => [o.name, et.sheet(o.name).frozenRows])).toEqual(
      r.outputs.map((o) => [o.name, o.layout.freezeRows]),
    );
    // 公示 prints on A4, one page wide, its header row on every page.
    expect(et.sheet("公示").pageSetup).toMatchObject({
      PaperSize: XL_PAPER_A4,
      Orientation: XL_PORTRAIT,
      PrintTitleRows: "$1:$1",
      Zoom: false,
      FitToPagesWide: 1,
    });
    expect(et.sheet("结果").pageSetup.PrintTitleRows).toBe("");
  });

  it("in a workbook graded before the ownership record, removes a stale 问题 only when its header row is ours", async () => {
    const stale = problemsSheet([{ sheet: "评分", cell: "B2", message: "超过满分" }]);
    const ours = loaded({ ...validGrids(), 问题: stale.rows as unknown[][] });
    const theirs = loaded({ ...validGrids(), 问题: [["问题清单"], ["我自己记的"]] });
    for (const et of [ours, theirs]) {
      const port = createWpsPort(et);
      const r = gradeWorkbook(await port.readSheets(["设置", "标准", "组织", "评分"]));
      if (!r.ok) throw new Error("valid grids must grade");
      await port.writeSheets(r.outputs, undefined, { remove: ["问题"] });
    }
    expect(ours.find("问题")).toBeUndefined();
    expect(theirs.find("问题")).toBeDefined();
  });

  it("keeps settings in the very hidden settings sheet, which listSheets leaves out", async () => {
    const et = loaded({ 组织: [["组织编码"]] });
    const port = createWpsPort(et);
    await port.setSetting!("k", "[1,2]");
    expect(et.sheet(SETTINGS_SHEET).visible).toBe(XL_SHEET_VERY_HIDDEN);
    expect(await port.listSheets()).toEqual(["组织"]);
    expect(await port.getSetting!("k")).toBe("[1,2]");
  });

  it("reads a one-cell sheet, an empty one, and drops rows and columns that are only formatted", async () => {
    const et = loaded({ 一: [["x"]], 空: [] });
    const wide = et.addSheet("宽", [
      ["a", "b"],
      [1, 2],
    ]);
    wide.formatted.push({ row: 0, col: 0, rows: 40, cols: 6 });
    const grids = await createWpsPort(et).readSheets(["一", "空", "宽"]);
    expect(grids).toEqual({
      一: [["x"]],
      空: [],
      宽: [
        ["a", "b"],
        [1, 2],
      ],
    });
  });

  it("takes Value2 as rows whatever shape ET gives: a scalar, a flat row, a flat column, blanks as null", () => {
    expect(blockValues("x", 1, 1)).toEqual([["x"]]);
    expect(blockValues(["a", null, 3], 1, 3)).toEqual([["a", "", 3]]);
    expect(blockValues(["a", "b"], 2, 1)).toEqual([["a"], ["b"]]);
    expect(blockValues([[1, undefined]], 1, 2)).toEqual([[1, ""]]);
  });

  it("finds WPS 表格 through wps.EtApplication() or Application, and nothing in a plain page or Office", () => {
    const et = new FakeEt();
    expect(wpsApplication({ wps: { EtApplication: () => et } })).toBe(et);
    expect(wpsApplication({ Application: et })).toBe(et);
    expect(wpsApplication({})).toBeNull();
    // WPS 文字 has an Application without Worksheets.
    expect(wpsApplication({ Application: { ActiveDocument: {} } })).toBeNull();
  });

  it("says so when no workbook is open", async () => {
    const app = Object.assign(new FakeEt(), {});
    Object.defineProperty(app, "ActiveWorkbook", { get: () => null });
    await expect(createWpsPort(app).listSheets()).rejects.toThrow("没有打开的工作簿");
  });
});
