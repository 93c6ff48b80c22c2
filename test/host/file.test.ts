import ExcelJS from "exceljs";
import { gradeWorkbook, type OutputSheet } from "../../src/engine";
import { FileWorkbook, WorkbookFileError, dateToSerial, serialToDate } from "../../src/host/file";
import { buildSampleWorkbook } from "../../src/cli/sample";
import { gradeBytes } from "../../src/cli/grade";
import { loadWorkbook } from "../cli/helpers";
import * as bad from "../fixtures/xlsx/bad-files";

function cfOf(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
}

function outputSheet(rows: OutputSheet["rows"], extra: Partial<OutputSheet["layout"]> = {}): OutputSheet {
  return {
    name: "结果",
    rows,
    layout: { freezeRows: 1, numberFormats: {}, tierColumns: [], statusColumns: [], widths: [], ...extra },
  };
}

describe("FileWorkbook reading", () => {
  it("reads grids as range.values gives them: dates as serials, formula results, rich text, merged cells blank", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("评分");
    ws.getCell("A1").value = "组织编码";
    ws.getCell("B1").value = { richText: [{ text: "自评" }, { text: "得分", font: { bold: true } }] };
    ws.getCell("A2").value = "Z1";
    ws.getCell("B2").value = { formula: "40+45.5", result: 85.5 };
    ws.getCell("C2").value = new Date(Date.UTC(2024, 11, 31));
    ws.getCell("D2").value = { error: "#N/A" };
    ws.getCell("E2").value = true;
    ws.getCell("F2").value = { text: "链接", hyperlink: "https://example.org" };
    ws.getCell("A4").value = "合并";
    ws.mergeCells("A4:C4");
    const fw = await FileWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(await fw.listSheets()).toEqual(["评分"]);
    const grid = (await fw.readSheets(["评分", "缺少"]))["评分"];
    expect(grid).toEqual([
      ["组织编码", "自评得分", "", "", "", ""],
      ["Z1", 85.5, 45657, "#N/A", true, "链接"],
      ["", "", "", "", "", ""],
      ["合并", "", "", "", "", ""],
    ]);
  });

  it("converts dates to Excel serial numbers and back", () => {
    expect(dateToSerial(new Date(Date.UTC(1900, 0, 1)))).toBe(2);
    expect(dateToSerial(new Date(Date.UTC(2024, 11, 31, 12)))).toBe(45657.5);
    expect(serialToDate(45657).toISOString()).toBe("2024-12-31T00:00:00.000Z");
  });
});

describe("FileWorkbook writing", () => {
  it("writes numbers as numbers, formulas with cached values, formula-looking text as text", async () => {
    const fw = FileWorkbook.create();
    await fw.writeSheets([
      outputSheet(
        [
          ["名称", "分数", "公式"],
          ["=SUM(1)", 91.25, { formula: "B2*2", value: 182.5 }],
          ["+1", 70, { formula: "B3*2", value: 140 }],
          ["@x", "", { formula: '"a"&"b"', value: "ab" }],
          ["-2", null, null],
        ],
        { numberFormats: { 1: "0.00" }, widths: [20, 9, 9] },
      ),
    ]);
    const ws = (await loadWorkbook(await fw.save())).getWorksheet("结果")!;
    expect(ws.getCell("A2").value).toBe("=SUM(1)");
    expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A3").value).toBe("+1");
    expect(ws.getCell("A4").value).toBe("@x");
    expect(ws.getCell("A5").value).toBe("-2");
    expect(ws.getCell("B2").value).toBe(91.25);
    expect(ws.getCell("B2").numFmt).toBe("0.00");
    expect(ws.getCell("C2").value).toEqual({ formula: "B2*2", result: 182.5 });
    expect(ws.getCell("C4").value).toEqual({ formula: '"a"&"b"', result: "ab" });
    expect(ws.getCell("B4").value).toBeNull();
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("presents 结果 as a table with tier colors keyed on the tier text, 公示 ready to print", async () => {
    const r = await gradeBytes(await buildSampleWorkbook({ branches: 60 }));
    if (!r.ok) throw new Error("sample must grade");
    const wb = await loadWorkbook(r.bytes);
    const res = wb.getWorksheet("结果")!;
    const tables = Object.values(
      (
        res as unknown as {
          tables: Record<string, { table: { ref: string; tableRef?: string; name: string } }>;
        }
      ).tables,
    );
    expect(tables).toHaveLength(1);
    expect(tables[0].table.tableRef ?? tables[0].table.ref).toBe("A1:N61");
    const cf = cfOf(res);
    const tierRule = cf.find((c) => c.ref.startsWith("J2"))!;
    const rules = tierRule.rules as ExcelJS.CellIsRuleType[];
    expect(rules.map((x) => x.formulae?.[0])).toEqual(['"先进"', '"一般"', '"后进"']);
    expect(rules[0].style?.fill).toMatchObject({ bgColor: { argb: "FFC6EFCE" } });
    expect(rules[2].style?.fill).toMatchObject({ bgColor: { argb: "FFFFC7CE" } });
    expect(res.getCell("H2").numFmt).toBe("0.00");
    expect(typeof res.getCell("H2").value).toBe("number");
    const promo = wb.getWorksheet("晋位升级")!;
    const statusRule = cfOf(promo).find((c) => c.ref.startsWith("G2"))!;
    expect((statusRule.rules as ExcelJS.CellIsRuleType[]).map((x) => x.formulae?.[0])).toEqual([
      '"达标"',
      '"未达标"',
    ]);
    const post = wb.getWorksheet("公示")!;
    expect(post.pageSetup).toMatchObject({
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    });
  });

  it("replaces an output sheet whole, keeping its tab position, and never touches other sheets", async () => {
    const fw = FileWorkbook.create();
    fw.workbook.addWorksheet("组织").getCell("A1").value = "组织编码";
    fw.workbook.addWorksheet("结果").getCell("Z99").value = "stale";
    fw.workbook.addWorksheet("备注").getCell("A1").value = "keep";
    await fw.writeSheets([outputSheet([["组织编码"], ["Z1"]])]);
    const wb = await loadWorkbook(await fw.save());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["组织", "结果", "备注"]);
    expect(wb.getWorksheet("结果")!.getCell("Z99").value).toBeNull();
    expect(wb.getWorksheet("结果")!.getCell("A2").value).toBe("Z1");
    expect(wb.getWorksheet("备注")!.getCell("A1").value).toBe("keep");
    await fw.deleteSheets(["结果", "不存在"]);
    expect(await fw.listSheets()).toEqual(["组织", "备注"]);
  });

  it("grades a graded workbook again (tables and rules replaced, the file stays valid)", async () => {
    const first = await gradeBytes(await buildSampleWorkbook({ branches: 30 }));
    if (!first.ok) throw new Error("sample must grade");
    const second = await gradeBytes(first.bytes);
    if (!second.ok) throw new Error("regrade must work");
    const wb = await loadWorkbook(second.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "设置",
      "标准",
      "组织",
      "评分",
      "结果",
      "晋位升级",
      "汇总",
      "公示",
    ]);
    expect(second.outputs).toEqual(first.outputs);
  });
});

describe("FileWorkbook opening bad files", () => {
  const cases: [string, () => Uint8Array | Promise<Uint8Array>, string][] = [
    ["a password-protected .xlsx", bad.encryptedXlsx, "encrypted"],
    ["a legacy .xls", bad.legacyXls, "legacy-xls"],
    ["a truncated .xlsx", bad.truncatedXlsx, "damaged"],
    ["a zip without a workbook", bad.plainZip, "not-xlsx"],
    ["a text file", bad.textFile, "not-xlsx"],
    ["an empty file", () => new Uint8Array(0), "empty"],
  ];
  it.each(cases)("refuses %s with one clear bilingual message", async (_label, make, kind) => {
    const bytes = await make();
    const err = await FileWorkbook.open(bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkbookFileError);
    const e = err as WorkbookFileError;
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(/^[^\n]*[\u4e00-\u9fff][^\n]* \/ [A-Z][^\n]*$/);
  });

  it("opens a valid workbook that was built in memory", async () => {
    const fw = await FileWorkbook.open(await bad.smallXlsx());
    expect((await fw.readSheets(["组织"]))["组织"]).toHaveLength(201);
  });
});

describe("the engine on a file host grid", () => {
  it("grades the sample read back through the file host without problems", async () => {
    const fw = await FileWorkbook.open(await buildSampleWorkbook());
    const sheets = await fw.readSheets(await fw.listSheets());
    const r = gradeWorkbook(sheets);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });
});
