/**
 * The Excel host (src/host/excel.ts) against the recording fake of the Excel API:
 * what it reads and writes, how many syncs, the requirement-set fallbacks, and that
 * Excel's errors reach the caller.
 */
import { OWNED_SHEETS_KEY, SheetOwnershipError, parseOwned } from "../../src/host/ownership";
import { problemsSheet } from "../../src/engine";
import type { OutputSheet, SheetLayout } from "../../src/engine/types";
import { templateSheets } from "../../src/engine/template";
import { createExcelPort } from "../../src/host/excel";
import { SETTINGS_SHEET } from "../../src/host/excel-settings";
import { FakeExcel } from "../fakes/excel-fake";

const layout = (over: Partial<SheetLayout> = {}): SheetLayout => ({
  freezeRows: 1,
  numberFormats: {},
  tierColumns: [],
  statusColumns: [],
  widths: [],
  ...over,
});

function results(rows: number): OutputSheet {
  const body = Array.from({ length: rows }, (_, i) => [
    `B${i + 1}`,
    80 + (i % 20),
    i % 3 === 0 ? "先进" : i % 3 === 1 ? "一般" : "后进",
  ]);
  return {
    name: "结果",
    rows: [["组织编码", "综合得分", "等次"], ...body],
    layout: layout({
      table: { name: "结果表" },
      numberFormats: { 1: "0.00" },
      tierColumns: [2],
      widths: [12, 10, 8],
    }),
  };
}

describe("readSheets", () => {
  it("reads used ranges from A1 in two syncs; empty sheets are [], missing ones absent", async () => {
    const fake = new FakeExcel();
    fake.addSheet("组织", [
      ["组织编码", "组织名称"],
      ["A1", "甲"],
    ]);
    fake.addSheet("评分", [[], ["", "", "x"], ["", "", "", 5]]); // used range B2:D3 starts right of A1
    fake.addSheet("空表");
    const port = createExcelPort(fake.env());
    const grids = await port.readSheets(["组织", "评分", "空表"]);
    expect(grids["组织"]).toEqual([
      ["组织编码", "组织名称"],
      ["A1", "甲"],
    ]);
    expect(grids["评分"]).toEqual([
      ["", "", "", ""],
      ["", "", "x", ""],
      ["", "", "", 5],
    ]);
    expect(grids["空表"]).toEqual([]);
    expect(fake.syncs).toBe(2);
  });

  it("leaves out sheets that do not exist, listing the names only then", async () => {
    const fake = new FakeExcel();
    fake.addSheet("组织", [["组织编码"], ["A1"]]);
    const port = createExcelPort(fake.env());
    const grids = await port.readSheets(["设置", "组织"]);
    expect(Object.keys(grids)).toEqual(["组织"]);
    expect(fake.requests.map((r) => r.failed ?? "ok")).toEqual(["ItemNotFound", "ok", "ok", "ok"]);
  });

  it("reads only the first rows when asked", async () => {
    const fake = new FakeExcel();
    fake.addSheet("组织", [
      ["组织编码", "组织名称"],
      ["A1", "甲"],
      ["A2", "乙"],
    ]);
    const grids = await createExcelPort(fake.env()).readSheets(["组织"], { rows: 1 });
    expect(grids["组织"]).toEqual([["组织编码", "组织名称"]]);
  });

  it("splits a large read into blocks under the budget and reassembles them in order", async () => {
    const fake = new FakeExcel();
    const grid = [
      ["编码", "名称"],
      ...Array.from({ length: 3000 }, (_, i) => [`X${i}`, `某某街道第${i}社区党支部`]),
    ];
    fake.addSheet("组织", grid);
    const port = createExcelPort(fake.env(), { requestBytes: 50_000 });
    const got = await port.readSheets(["组织"]);
    expect(got["组织"]).toEqual(grid);
    expect(port.stats.chunks).toBeGreaterThan(3);
    expect(fake.maxResponseBytes).toBeLessThan(50_000 * 1.5);
  });

  it("retries with smaller blocks when Excel refuses a response as too large", async () => {
    const fake = new FakeExcel();
    const grid = [["编码"], ...Array.from({ length: 100 }, (_, i) => [`X${i}`])];
    fake.addSheet("组织", grid);
    fake.failNextSync("ResponsePayloadSizeLimitExceeded", (ops) => ops.includes("range.load:values"));
    const port = createExcelPort(fake.env());
    expect((await port.readSheets(["组织"]))["组织"]).toEqual(grid);
    expect(fake.requests.map((r) => r.failed ?? "ok")).toEqual([
      "ok",
      "ResponsePayloadSizeLimitExceeded",
      "ok",
    ]);
  });

  it("lets other errors through to the caller, with their code", async () => {
    const fake = new FakeExcel();
    fake.addSheet("组织", [["编码"]]);
    fake.failNextSync("InvalidOperationInCellEditMode");
    await expect(createExcelPort(fake.env()).readSheets(["组织"])).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
  });
});

describe("writeSheets", () => {
  it("writes values, formulas and formats in two syncs, with calculation and screen updating suspended", async () => {
    const fake = new FakeExcel(9);
    fake.addSheet("组织", [["组织编码"], ["A1"]]);
    const port = createExcelPort(fake.env());
    const summary: OutputSheet = {
      name: "汇总",
      rows: [
        ["上级党组织", "先进", "合计"],
        ["甲", 1, { formula: "SUM(B2:B2)", value: 1 }],
      ],
      layout: layout({ charts: [{ title: "各上级党组织等次分布", type: "columnStacked", range: "A1:B2" }] }),
    };
    const progress: [number, number][] = [];
    await port.writeSheets([results(3), summary], (d, t) => progress.push([d, t]), {
      tiers: ["先进", "一般", "后进"],
    });
    expect(fake.syncs).toBe(2);
    const write = fake.requests[1];
    expect(write.ops.slice(0, 2)).toEqual([
      "application.suspendApiCalculationUntilNextSync",
      "application.suspendScreenUpdatingUntilNextSync",
    ]);
    // Values before formats.
    expect(write.ops.lastIndexOf("range.values")).toBeLessThan(write.ops.indexOf("tables.add"));
    expect(fake.grid("结果")).toEqual(results(3).rows);
    expect(fake.grid("汇总")[1][2]).toBe("=SUM(B2:B2)");
    expect(fake.sheet("汇总").formulas.get("1,2")).toBe("=SUM(B2:B2)");
    const r = fake.sheet("结果");
    expect(r.tables).toEqual([
      { address: "A1:C4", hasHeaders: true, name: "结果表", style: "TableStyleMedium2" },
    ]);
    expect(r.numberFormats).toEqual([{ address: "B2:B4", format: [["0.00"]] }]);
    expect(
      r.conditionalFormats.map((c) => [c.address, (c.rule as { formula1: string }).formula1, c.fill]),
    ).toEqual([
      ["C2:C4", '="先进"', "#C6EFCE"],
      ["C2:C4", '="一般"', "#FFEB9C"],
      ["C2:C4", '="后进"', "#FFC7CE"],
    ]);
    expect(r.frozenRows).toBe(1);
    expect(r.columnWidths).toHaveLength(3);
    expect(fake.sheet("汇总").charts).toEqual([
      expect.objectContaining({
        type: "ColumnStacked",
        source: "A1:B2",
        seriesBy: "Columns",
        title: "各上级党组织等次分布",
      }),
    ]);
    expect(fake.active).toBe("结果");
    expect(progress[progress.length - 1]).toEqual([
      progress[progress.length - 1][1],
      progress[progress.length - 1][1],
    ]);
  });

  it("replaces output sheets whole, keeps their place, and never touches other sheets", async () => {
    const fake = new FakeExcel();
    fake.addSheet("组织", [["组织编码"], ["A1"]]);
    fake.addSheet("结果", [["旧"], ["旧数据"], ["旧数据"], ["旧数据"], ["旧数据"], ["旧数据"]]);
    fake.addSheet("评分", [["组织编码"], ["A1"]]);
    fake.addSheet("问题", [["工作表"]]);
    const port = createExcelPort(fake.env());
    // The workbook's record says the product wrote 结果 and 问题.
    await port.setSetting!(OWNED_SHEETS_KEY, JSON.stringify(["结果", "问题"]));
    await port.writeSheets([results(2)], undefined, { remove: ["问题", "不存在"] });
    expect(fake.names()).toEqual(["组织", "结果", "评分"]);
    expect(fake.grid("结果")).toEqual(results(2).rows);
    expect(fake.grid("组织")).toEqual([["组织编码"], ["A1"]]);
    expect(fake.grid("评分")).toEqual([["组织编码"], ["A1"]]);
    expect(parseOwned(await port.getSetting!(OWNED_SHEETS_KEY))).toEqual(new Set(["结果"]));
  });

  it("never replaces or deletes a sheet it did not write: the clerk's own 结果 stops the write whole", async () => {
    const fake = new FakeExcel();
    fake.addSheet("结果", [["我的备注"], ["别动"]]);
    fake.addSheet("问题", [["我的问题清单"]]);
    const port = createExcelPort(fake.env());
    await expect(port.writeSheets([results(2), { ...results(1), name: "公示" }])).rejects.toThrow(
      SheetOwnershipError,
    );
    expect(fake.names()).toEqual(["结果", "问题"]);
    expect(fake.grid("结果")).toEqual([["我的备注"], ["别动"]]);
    // Not on the record, not our header row: a stale-output removal leaves it alone.
    await port.deleteSheets(["问题"]);
    expect(fake.names()).toEqual(["结果", "问题"]);
  });

  it("re-grading clears and reuses an existing output sheet, so references to it by name survive", async () => {
    const fake = new FakeExcel();
    fake.addSheet("组织", [["组织编码"], ["A1"]]);
    const port = createExcelPort(fake.env());
    const summary = (rows: number): OutputSheet => ({
      ...results(rows),
      name: "汇总",
      layout: layout({
        table: { name: "汇总表" },
        tierColumns: [2],
        charts: [{ title: "分布", type: "columnStacked", range: "A1:B2" }],
      }),
    });
    await port.writeSheets([results(5), summary(3)], undefined, { tiers: ["先进", "一般", "后进"] });
    fake.addSheet("我的表", [["='结果'!C2"]]);
    const kept = fake.sheet("结果");
    const syncs = fake.syncs;
    await port.writeSheets([results(2), summary(2)], undefined, { tiers: ["先进", "一般", "后进"] });
    // Names (1), the reused sheets' tables and charts (1), values and formats (1).
    expect(fake.syncs - syncs).toBe(3);
    expect(fake.sheet("结果")).toBe(kept);
    expect(fake.names()).toEqual(["组织", "结果", "汇总", "我的表"]);
    expect(fake.requests.slice(syncs).flatMap((r) => r.ops)).not.toContain("worksheet.delete");
    // Old rows beyond the new data are gone; formats, tables and charts are not doubled.
    expect(fake.grid("结果")).toEqual(results(2).rows);
    expect(kept.tables).toEqual([expect.objectContaining({ address: "A1:C3", name: "结果表" })]);
    expect(kept.conditionalFormats.map((c) => c.address)).toEqual(["C2:C3", "C2:C3", "C2:C3"]);
    expect(kept.numberFormats).toEqual([{ address: "B2:B3", format: [["0.00"]] }]);
    expect(fake.sheet("汇总").charts).toHaveLength(1);
    expect(fake.sheet("汇总").tables).toHaveLength(1);
    expect(fake.grid("我的表")).toEqual([["='结果'!C2"]]);
  });

  it("writes text that looks like a formula as data", async () => {
    const fake = new FakeExcel();
    fake.addSheet("组织");
    const port = createExcelPort(fake.env());
    const s: OutputSheet = {
      name: "公示",
      rows: [["组织名称"], ["=HYPERLINK(1)"], ["+86 支部"], ["-"], ["@x"]],
      layout: layout(),
    };
    await port.writeSheets([s]);
    expect(fake.grid("公示")).toEqual(s.rows);
    expect(fake.sheet("公示").formulas.size).toBe(0);
  });

  it("cuts large sheets into row chunks that keep every request under the budget", async () => {
    const fake = new FakeExcel();
    fake.addSheet("组织");
    const budget = 500_000;
    const port = createExcelPort(fake.env(), { requestBytes: budget });
    const big = results(40_000);
    await port.writeSheets([big, problemsSheet([])]);
    expect(fake.grid("结果")).toEqual(big.rows);
    expect(port.stats.chunks).toBeGreaterThanOrEqual(3);
    expect(fake.maxRequestBytes).toBeLessThanOrEqual(budget);
    // One sync for the names, then one per request of values; each request re-suspends.
    for (const r of fake.requests.slice(1))
      expect(r.ops[0]).toBe("application.suspendApiCalculationUntilNextSync");
    // Requests are filled: all but the last carry at least 80% of the values budget (budget − 100 KB for formats).
    const writes = fake.requests.slice(1);
    for (const r of writes.slice(0, -1)) expect(r.requestBytes).toBeGreaterThan(0.8 * (budget - 100_000));
  });

  it("stores settings with the write, in Workbook.settings", async () => {
    const fake = new FakeExcel();
    fake.addSheet("组织");
    const port = createExcelPort(fake.env());
    await port.writeSheets([results(1)], undefined, {
      settings: { "branchGrader.lastRun": '{"at":"x","branches":1}' },
    });
    expect(fake.settings.get("branchGrader.lastRun")).toBe('{"at":"x","branches":1}');
    expect(fake.syncs).toBe(2);
  });

  it("falls back on old Excel (ExcelApi 1.5): no suspension, no colors, no freeze; still writes", async () => {
    const fake = new FakeExcel(5);
    fake.addSheet("组织");
    const port = createExcelPort(fake.env());
    await port.writeSheets([results(3)], undefined, { tiers: ["先进", "一般", "后进"] });
    expect(fake.grid("结果")).toEqual(results(3).rows);
    expect(fake.requests.flatMap((r) => r.ops).filter((o) => o.startsWith("application."))).toEqual([]);
    expect(fake.sheet("结果").conditionalFormats).toEqual([]);
    expect(fake.sheet("结果").frozenRows).toBe(0);
  });

  it("surfaces Excel's error (cell edit mode) instead of swallowing it", async () => {
    const fake = new FakeExcel();
    fake.addSheet("组织");
    fake.failNextSync("InvalidOperationInCellEditMode", (ops) => ops.includes("range.values"));
    await expect(createExcelPort(fake.env()).writeSheets([results(2)])).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
  });
});

describe("template, settings, selection", () => {
  it("creates only the missing template sheets as tables with dropdowns and header notes", async () => {
    const fake = new FakeExcel(18);
    fake.addSheet("设置", [
      ["项目", "值"],
      ["等次", "好,较好,一般,差"],
    ]);
    const port = createExcelPort(fake.env());
    const created = await port.createTemplate!(templateSheets());
    expect(created).toEqual(["标准", "组织", "评分"]);
    expect(fake.grid("设置")).toEqual([
      ["项目", "值"],
      ["等次", "好,较好,一般,差"],
    ]);
    expect(fake.syncs).toBe(2);
    const rubric = fake.sheet("标准");
    expect(rubric.tables[0]).toMatchObject({ hasHeaders: true, name: "BG_Rubric" });
    expect(fake.grid("标准")[0]).toEqual(templateSheets()[1].rows[0]);
    expect(fake.grid("标准").length).toBe(templateSheets()[1].rows.length);
    const kind = rubric.validations.find((v) => v.address === "E2:E2001");
    expect(kind?.rule).toEqual({
      list: { inCellDropDown: true, source: "评分,扣分,加分,达标,频次,否决,减分,排名,比例" },
    });
    expect(rubric.notes.length).toBe(templateSheets()[1].notes.length);
    const yesNo = fake
      .sheet("评分")
      .validations.filter((v) => (v.rule as { list?: { source: string } })?.list?.source === "是,否");
    expect(yesNo.length).toBeGreaterThan(0);
    expect(fake.sheet("组织").frozenRows).toBe(1);
  });

  it("without notes (ExcelApi 1.9) puts the header notes in input prompts", async () => {
    const fake = new FakeExcel(9);
    fake.addSheet("Sheet1");
    await createExcelPort(fake.env()).createTemplate!(templateSheets());
    const prompts = fake.sheet("组织").validations.filter((v) => v.prompt !== undefined);
    expect(prompts.length).toBe(templateSheets()[2].notes.length);
    expect(fake.sheet("组织").notes).toEqual([]);
  });

  it("keeps settings in Workbook.settings, or in a very hidden sheet before ExcelApi 1.4", async () => {
    const modern = new FakeExcel();
    modern.addSheet("组织");
    const p1 = createExcelPort(modern.env());
    expect(await p1.getSetting!("k")).toBeNull();
    await p1.setSetting!("k", '{"a":1}');
    expect(await p1.getSetting!("k")).toBe('{"a":1}');

    const old = new FakeExcel(3);
    old.addSheet("组织");
    const p2 = createExcelPort(old.env());
    expect(await p2.getSetting!("k")).toBeNull();
    await p2.setSetting!("k", "=x");
    await p2.setSetting!("j", "2");
    await p2.setSetting!("k", '{"a":1}');
    expect(await p2.getSetting!("k")).toBe('{"a":1}');
    expect(await p2.getSetting!("j")).toBe("2");
    expect(old.sheet(SETTINGS_SHEET).visibility).toBe("VeryHidden");
    expect(await p2.listSheets()).toEqual(["组织"]);
  });

  it("selects a problem's cell, and activates the sheet for a whole-sheet problem", async () => {
    const fake = new FakeExcel();
    fake.addSheet("评分", [["组织编码"]]);
    const port = createExcelPort(fake.env());
    await port.selectCell("评分", "D7");
    expect(fake.selected).toBe("评分!D7");
    await port.selectCell("评分", "");
    expect(fake.active).toBe("评分");
    await expect(port.selectCell("没有", "A1")).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("deletes sheets only when present", async () => {
    const fake = new FakeExcel();
    fake.addSheet("组织");
    fake.addSheet("问题");
    const port = createExcelPort(fake.env());
    await port.setSetting!(OWNED_SHEETS_KEY, JSON.stringify(["问题", "结果"]));
    await port.deleteSheets(["问题", "结果"]);
    expect(fake.names()).toEqual(["组织"]);
  });
});
