/**
 * The user's workbook comes through grading unchanged: every input sheet, value, formula,
 * style, width, merge, validation, note and any other sheet.
 */
import ExcelJS from "exceljs";
import { gradeBytes } from "../../src/cli/grade";
import { buildSampleWorkbook } from "../../src/cli/sample";
import { loadWorkbook } from "../cli/helpers";

function cfOf(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
}

/** The sample workbook plus a decorated extra sheet and decorations on an input sheet. */
async function decoratedWorkbook(): Promise<Uint8Array> {
  const wb = await loadWorkbook(await buildSampleWorkbook({ branches: 40 }));
  const extra = wb.addWorksheet("台账备注", { properties: { tabColor: { argb: "FFFF0000" } } });
  extra.getCell("A1").value = "项目";
  extra.getCell("B1").value = "数值";
  extra.getCell("A2").value = "合计";
  extra.getCell("B2").value = { formula: "SUM(B3:B5)", result: 6 };
  [1, 2, 3].forEach((v, i) => (extra.getCell(`B${i + 3}`).value = v));
  extra.getCell("C2").value = { formula: "COUNTA(组织!A:A)-1", result: 40 };
  extra.getCell("A1").font = { bold: true, color: { argb: "FF1F4E79" }, size: 14, name: "宋体" };
  extra.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  extra.getCell("B2").border = { top: { style: "thin" }, bottom: { style: "double" } };
  extra.getCell("B2").numFmt = "#,##0.00";
  extra.getCell("A2").alignment = { horizontal: "center", wrapText: true };
  extra.getColumn(1).width = 33;
  extra.getRow(2).height = 30;
  extra.mergeCells("D1:F2");
  extra.getCell("D1").value = "合并单元格";
  extra.getCell("A3").note = "这是批注";
  extra.getCell("A6").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
  extra.addConditionalFormatting({
    ref: "B3:B5",
    rules: [
      {
        type: "cellIs",
        operator: "greaterThan",
        formulae: ["1"],
        priority: 1,
        style: { font: { color: { argb: "FFFF0000" } } },
      },
    ],
  });
  extra.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  wb.addWorksheet("隐藏表", { state: "hidden" }).getCell("A1").value = "hidden";
  wb.definedNames.add("台账备注!$B$3:$B$5", "数据区");
  const org = wb.getWorksheet("组织")!;
  org.getCell("B2").font = { italic: true };
  org.getColumn(2).width = 41;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

interface CellSnapshot {
  address: string;
  value: unknown;
  style: unknown;
}

function snapshot(ws: ExcelJS.Worksheet): {
  cells: CellSnapshot[];
  widths: (number | undefined)[];
  heights: (number | undefined)[];
  merges: string[];
  views: unknown;
  state: unknown;
} {
  const cells: CellSnapshot[] = [];
  const heights: (number | undefined)[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    heights[r] = row.height;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells.push({
        address: cell.address,
        value: cell.value,
        style: JSON.parse(JSON.stringify(cell.style ?? {})),
      });
    });
  });
  const widths: (number | undefined)[] = [];
  for (let c = 1; c <= ws.columnCount; c++) widths.push(ws.getColumn(c).width);
  const model = ws.model as unknown as { merges?: string[] };
  return {
    cells,
    widths,
    heights,
    merges: [...(model.merges ?? [])].sort(),
    views: ws.views,
    state: ws.state,
  };
}

describe("grading preserves the user's workbook", () => {
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;

  beforeAll(async () => {
    const input = await decoratedWorkbook();
    before = await loadWorkbook(input);
    const r = await gradeBytes(input);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    after = await loadWorkbook(r.bytes);
  });

  it("keeps every sheet, in order, with the output sheets appended", () => {
    expect(after.worksheets.map((w) => w.name)).toEqual([
      ...before.worksheets.map((w) => w.name),
      "结果",
      "晋位升级",
      "汇总",
      "公示",
    ]);
  });

  it.each(["设置", "标准", "组织", "评分", "台账备注", "隐藏表"])(
    "keeps sheet %s: values, formulas, styles, widths, heights, merges, views, visibility",
    (name) => {
      expect(snapshot(after.getWorksheet(name)!)).toEqual(snapshot(before.getWorksheet(name)!));
    },
  );

  it("keeps data validations, notes, conditional formats and defined names", () => {
    const a = after.getWorksheet("台账备注")!;
    expect(a.getCell("A6").dataValidation).toEqual(
      before.getWorksheet("台账备注")!.getCell("A6").dataValidation,
    );
    expect(a.getCell("A3").note).toEqual(before.getWorksheet("台账备注")!.getCell("A3").note);
    expect(cfOf(a)).toEqual(cfOf(before.getWorksheet("台账备注")!));
    expect(a.getCell("B2").value).toEqual({ formula: "SUM(B3:B5)", result: 6 });
    expect(after.definedNames.getRanges("数据区")).toEqual(before.definedNames.getRanges("数据区"));
    const dv = after.getWorksheet("评分")!.getCell("C2").dataValidation;
    expect(dv).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(after.getWorksheet("标准")!.getCell("E1").note).toBeTruthy();
  });
});
