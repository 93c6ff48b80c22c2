import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { dateToSerial, gradeWorkbook, serialToDate, type OutputSheet } from "../../src/engine";
import { XlsxWorkbook, WorkbookFileError } from "../../src/host/file";
import { buildSampleWorkbook } from "../../src/cli/sample";
import { gradeBytes } from "../../src/cli/grade";
import { loadWorkbook } from "../cli/helpers";
import * as bad from "../fixtures/xlsx/bad-files";
import { minimalXlsx } from "../fixtures/xlsx/packages";

function cfOf(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
}

function outputSheet(
  rows: OutputSheet["rows"],
  extra: Partial<OutputSheet["layout"]> = {},
  name = "结果",
): OutputSheet {
  return {
    name,
    rows,
    layout: { freezeRows: 1, numberFormats: {}, tierColumns: [], statusColumns: [], widths: [], ...extra },
  };
}

function part(bytes: Uint8Array, name: string): string {
  return strFromU8(unzipSync(bytes)[name]);
}

describe("XlsxWorkbook reading", () => {
  it("reads every cell type as range.values gives it", async () => {
    const xml =
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>内</t></r><r><rPr><b/></rPr><t xml:space="preserve">联 </t></r></is></c></row>` +
      `<row r="2"><c r="A2"><v>85.5</v></c><c r="B2"><f>40+45.5</f><v>85.5</v></c><c r="C2" s="3"><v>45657</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>` +
      `<row r="4"><c r="A4" t="inlineStr"><is><t>A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos; &#20013;&#x6587; x_x000D_y</t></is></c><c r="C4" s="1"/><c r="D4"><f>NA()</f></c></row>` +
      `<row r="6"><c r="B6" t="d"><v>2024-12-31T12:00:00</v></c></row><row r="7"><c r="H7" s="2"/></row>`;
    const sst = [
      "<si><t>组织编码</t></si>",
      '<si><r><t>自评</t></r><r><rPr><b/></rPr><t>得分</t></r><rPh sb="0" eb="1"><t>ジ</t></rPh></si>',
    ];
    const fw = await XlsxWorkbook.open(minimalXlsx({ 评分: xml, 空: "" }, sst));
    expect(await fw.listSheets()).toEqual(["评分", "空"]);
    const grids = await fw.readSheets(["评分", "缺少", "空"]);
    expect(Object.keys(grids)).toEqual(["评分", "空"]);
    expect(grids["空"]).toEqual([]);
    expect(grids["评分"]).toEqual([
      ["组织编码", "自评得分", "内联 ", "", "", ""],
      [85.5, 85.5, 45657, "#N/A", true, "ab"],
      ["", "", "", "", "", ""],
      // A formula saved without a computed value is not a blank: the engine says so.
      ["A&B <c> \"d\" 'e' 中文 x\ry", "", "", { formula: "NA()", value: null }, "", ""],
      ["", "", "", "", "", ""],
      ["", 45657.5, "", "", "", ""],
    ]);
  });

  it("reads cells without r attributes in order, a namespace prefix, and only the first rows when asked", async () => {
    const xml = `<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row><x:row><x:c><x:v>2</x:v></x:c><x:c r="D2"><x:v>4</x:v></x:c><x:c><x:v>5</x:v></x:c></x:row>`;
    const fw = await XlsxWorkbook.open(minimalXlsx({ 组织: xml }, undefined, "x"));
    expect((await fw.readSheets(["组织"]))["组织"]).toEqual([
      ["a", 1, "", "", ""],
      [2, "", "", 4, 5],
    ]);
    expect((await fw.readSheets(["组织"], { rows: 1 }))["组织"]).toEqual([["a", 1]]);
  });

  it("reads what exceljs wrote: dates (date-formatted cells) as Dates, formula results, rich text, merged cells blank", async () => {
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
    const fw = await XlsxWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect((await fw.readSheets(["评分"]))["评分"]).toEqual([
      ["组织编码", "自评得分", "", "", "", ""],
      ["Z1", 85.5, new Date(Date.UTC(2024, 11, 31)), "#N/A", true, "链接"],
      ["", "", "", "", "", ""],
      ["合并", "", "", "", "", ""],
    ]);
  });

  it("converts dates to Excel serial numbers and back", () => {
    // Excel: 1900-01-01 is serial 1 (its day count includes a non-existent 1900-02-29 from serial 60 on).
    expect(dateToSerial(new Date(Date.UTC(1900, 0, 1)))).toBe(1);
    expect(dateToSerial(new Date(Date.UTC(2024, 11, 31, 12)))).toBe(45657.5);
    expect(serialToDate(45657).toISOString()).toBe("2024-12-31T00:00:00.000Z");
  });
});

describe("XlsxWorkbook writing", () => {
  it("writes numbers as numbers, formulas with cached values, formula-looking text as text", async () => {
    const fw = XlsxWorkbook.create();
    await fw.writeSheets([
      outputSheet(
        [
          ["名称", "分数", "公式"],
          ["=SUM(1)", 91.25, { formula: "B2*2", value: 182.5 }],
          ["+1", 70, { formula: "B3*2", value: 140 }],
          ["@x", "", { formula: '"a"&"b"', value: "ab" }],
          ["-2", null, null],
          [" 前后空格 ", "a_x0041_b", "\u0001"],
        ],
        { numberFormats: { 1: "0.00" }, widths: [20, 9, 9] },
      ),
    ]);
    const bytes = fw.save();
    const ws = (await loadWorkbook(bytes)).getWorksheet("结果")!;
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
    // Our own reader gives the same grid back, escapes included.
    const again = await XlsxWorkbook.open(bytes);
    expect((await again.readSheets(["结果"]))["结果"].slice(4)).toEqual([
      ["-2", "", ""],
      [" 前后空格 ", "a_x0041_b", "\u0001"],
    ]);
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
    expect(rules[1].style?.fill).toMatchObject({ bgColor: { argb: "FFFFEB9C" } });
    expect(rules[2].style?.fill).toMatchObject({ bgColor: { argb: "FFFFC7CE" } });
    expect(rules[2].style?.font).toMatchObject({ color: { argb: "FF9C0006" } });
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
    expect(wb.getWorksheet("汇总")!.getCell("F2").numFmt).toBe("0.0%");
    // The workbook part: print titles scoped to 公示 (index 7), recalculation on load.
    const xml = part(r.bytes, "xl/workbook.xml");
    expect(xml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="7">'公示'!$1:$1</definedName>`,
    );
    expect(xml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("gives every table a unique id and name across the workbook", async () => {
    const r = await gradeBytes(await buildSampleWorkbook({ branches: 12 }));
    if (!r.ok) throw new Error("sample must grade");
    const files = unzipSync(r.bytes);
    const tables = Object.keys(files)
      .filter((n) => n.startsWith("xl/tables/"))
      .map((n) => strFromU8(files[n]));
    const ids = tables.map((t) => /<table [^>]*\bid="(\d+)"/.exec(t)![1]);
    const names = tables.map((t) => /<table [^>]*\bname="([^"]+)"/.exec(t)![1]);
    expect(names.sort()).toEqual(["公示表", "晋位升级表", "结果表"]);
    expect(new Set(ids).size).toBe(3);
  });

  it("replaces an output sheet whole, keeping its tab position, and never touches other sheets", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("组织").getCell("A1").value = "组织编码";
    // A 结果 written before the ownership record existed: its header row is ours.
    const old = wb.addWorksheet("结果");
    old.getCell("A1").value = "组织编码";
    old.getCell("Z99").value = "stale";
    wb.addWorksheet("备注").getCell("A1").value = "keep";
    const fw = await XlsxWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    await fw.writeSheets([outputSheet([["组织编码"], ["Z1"]])]);
    const after = await loadWorkbook(fw.save());
    expect(after.worksheets.map((w) => w.name)).toEqual(["组织", "结果", "备注", "_branch_grader"]);
    expect(after.getWorksheet("结果")!.getCell("Z99").value).toBeNull();
    expect(after.getWorksheet("结果")!.getCell("A2").value).toBe("Z1");
    expect(after.getWorksheet("备注")!.getCell("A1").value).toBe("keep");
    await fw.deleteSheets(["结果", "不存在"]);
    expect(await fw.listSheets()).toEqual(["组织", "备注"]);
    expect((await loadWorkbook(fw.save())).worksheets.map((w) => w.name)).toEqual([
      "组织",
      "备注",
      "_branch_grader",
    ]);
  });

  it("grades a graded workbook again (tables and rules replaced, styles not grown, the file stays valid)", async () => {
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
      "_branch_grader",
    ]);
    expect(second.outputs).toEqual(first.outputs);
    expect(part(second.bytes, "xl/styles.xml")).toBe(part(first.bytes, "xl/styles.xml"));
    expect(Object.keys(unzipSync(second.bytes)).filter((n) => n.startsWith("xl/tables/"))).toHaveLength(3);
  });

  it("writes 问题 instead of the outputs in one pass (their print titles go too)", async () => {
    const first = await gradeBytes(await buildSampleWorkbook({ branches: 12 }));
    if (!first.ok) throw new Error("sample must grade");
    const fw = await XlsxWorkbook.open(first.bytes);
    await fw.writeSheets(
      [
        outputSheet(
          [
            ["工作表", "单元格", "问题"],
            ["评分", "B2", "不对"],
          ],
          { table: { name: "问题表" } },
          "问题",
        ),
      ],
      undefined,
      {
        remove: ["结果", "晋位升级", "汇总", "公示"],
      },
    );
    expect(await fw.listSheets()).toEqual(["设置", "标准", "组织", "评分", "问题"]);
    const bytes = fw.save();
    expect(part(bytes, "xl/workbook.xml")).not.toContain("Print_Titles");
    expect((await loadWorkbook(bytes)).getWorksheet("问题")!.getCell("C2").value).toBe("不对");
  });
});

describe("XlsxWorkbook opening bad files", () => {
  const cases: [string, () => Uint8Array | Promise<Uint8Array>, string][] = [
    ["a password-protected .xlsx", bad.encryptedXlsx, "encrypted"],
    ["a legacy .xls", bad.legacyXls, "legacy-xls"],
    ["a truncated .xlsx", bad.truncatedXlsx, "damaged"],
    ["a zip without a workbook", bad.plainZip, "not-xlsx"],
    ["a text (CSV) file", bad.textFile, "csv"],
    ["an empty file", () => new Uint8Array(0), "empty"],
  ];
  it.each(cases)("refuses %s with one clear bilingual message", async (_label, make, kind) => {
    const err = await XlsxWorkbook.open(await make()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkbookFileError);
    const e = err as WorkbookFileError;
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(/^[^\n]*[\u4e00-\u9fff][^\n]* \/ [A-Z][^\n]*$/);
  });

  it("refuses a workbook whose sheet data is corrupt when reading it (damaged)", async () => {
    const good = await bad.smallXlsx();
    // Flip bytes in the middle of the compressed data: the central directory still parses.
    const broken = good.slice();
    for (let i = 200; i < 400; i++) broken[i] ^= 0x5a;
    const err = await (async () => {
      const fw = await XlsxWorkbook.open(broken);
      await fw.readSheets(await fw.listSheets());
    })().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkbookFileError);
    expect((err as WorkbookFileError).kind).toBe("damaged");
  });

  it("opens a valid workbook that was built in memory", async () => {
    const fw = await XlsxWorkbook.open(await bad.smallXlsx());
    expect((await fw.readSheets(["组织"]))["组织"]).toHaveLength(201);
  });
});

describe("the engine on a file host grid", () => {
  it("grades the sample read back through the file host without problems", async () => {
    const fw = await XlsxWorkbook.open(await buildSampleWorkbook());
    const r = gradeWorkbook(await fw.readSheets(await fw.listSheets()));
    expect(r.ok ? [] : r.problems).toEqual([]);
  });
});
