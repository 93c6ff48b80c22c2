/** Number formats for the browser preview: read from the file, shown as Excel shows them. */
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/host/file";
import { showNumber } from "../../src/taskpane/browser/number-format";

describe("number formats in the preview", () => {
  it("shows a number as its format says", () => {
    expect(showNumber(65.7, "0.00")).toBe("65.70");
    expect(showNumber(0.587, "0.0%")).toBe("58.7%");
    expect(showNumber(0.5, "0%")).toBe("50%");
    expect(showNumber(1234.5, "#,##0.00")).toBe("1,234.50");
    expect(showNumber(65.7, undefined)).toBe("65.7");
    expect(showNumber(65.7, "yyyy-mm-dd")).toBe("65.7");
  });

  it("reads the format codes of the first rows' cells from the file", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("评分表");
    ws.getCell("A1").value = "得分";
    ws.getCell("A2").value = 65.7;
    ws.getCell("A2").numFmt = "0.00";
    ws.getCell("B2").value = 0.587;
    ws.getCell("B2").numFmt = "0.0%";
    ws.getCell("A5").value = 1;
    ws.getCell("A5").numFmt = "0.000";
    const book = await XlsxWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(await book.readNumberFormats("评分表", 3)).toEqual({ A2: "0.00", B2: "0.0%" });
    expect(await book.readNumberFormats("没有", 3)).toEqual({});
  });

  it("reads the merged ranges that start in the first rows (after the cells in the XML)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("城关镇党委");
    ws.getCell("A1").value = "2024年度考评汇总表";
    ws.mergeCells("A1:N1");
    ws.getCell("B3").value = "党支部名称";
    ws.mergeCells("B3:B4");
    ws.getCell("F3").value = "党建工作";
    ws.mergeCells("F3:H3");
    ws.getCell("A20").value = "合计";
    ws.mergeCells("A20:C20");
    const book = await XlsxWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()));
    const got = await book.readMerges(["城关镇党委", "没有"], 10);
    expect(Object.keys(got)).toEqual(["城关镇党委"]);
    const sorted = [...got["城关镇党委"]!].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
    expect(sorted).toEqual([
      { r0: 0, c0: 0, r1: 0, c1: 13 },
      { r0: 2, c0: 1, r1: 3, c1: 1 },
      { r0: 2, c0: 5, r1: 2, c1: 7 },
    ]);
  });
});
