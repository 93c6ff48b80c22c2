/**
 * The exceljs workbook used only to build the bundled sample (scripts/make-sample.ts) and
 * test fixtures: a development dependency. Every door of the product (grading, `template`,
 * the browser mode, consolidation) uses the zip-level host (./xlsx).
 */
import ExcelJS from "exceljs";
import { colLetter, type TemplateSheet } from "../engine";

export class TemplateWorkbook {
  readonly workbook: ExcelJS.Workbook;

  private constructor(workbook: ExcelJS.Workbook) {
    this.workbook = workbook;
  }

  /** A new, empty workbook. */
  static create(): TemplateWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = "branch-grader";
    wb.created = new Date();
    return new TemplateWorkbook(wb);
  }

  /** The workbook as .xlsx bytes. */
  async save(): Promise<Uint8Array> {
    const buf = await this.workbook.xlsx.writeBuffer();
    return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
  }
  /** Adds the template's sheets (headers, rows, dropdowns, header notes, frozen header). */
  addTemplateSheets(sheets: TemplateSheet[], validationRows: number): void {
    for (const t of sheets) {
      const ws = this.replaceWorksheet(t.name);
      t.rows.forEach((r, i) => {
        const row = ws.getRow(i + 1);
        r.forEach((v, c) => {
          if (v !== "") row.getCell(c + 1).value = v;
        });
      });
      const header = ws.getRow(1);
      header.font = { bold: true };
      header.eachCell((cell) => {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
      });
      for (const n of t.notes) {
        header.getCell(n.column + 1).note = { texts: [{ text: n.text }] };
      }
      const lastRow = validationRows + 1;
      for (const v of t.validations) {
        const L = colLetter(v.column);
        const formula = `"${v.list.join(",")}"`;
        for (let r = 2; r <= lastRow; r++) {
          if (v.date) {
            ws.getCell(`${L}${r}`).dataValidation = {
              type: "date",
              operator: "greaterThan",
              allowBlank: true,
              formulae: [new Date(Date.UTC(1900, 0, 1))],
              showErrorMessage: true,
              errorTitle: "输入有误",
              error: "请填写日期，如 2026-03-31",
            };
            continue;
          }
          ws.getCell(`${L}${r}`).dataValidation = {
            type: "list",
            allowBlank: true,
            formulae: [formula],
            showErrorMessage: true,
            errorTitle: "输入有误",
            error: `请从下拉列表中选择：${v.list.join("、")}`,
          };
        }
      }
      t.widths.forEach((w, i) => {
        ws.getColumn(i + 1).width = w;
      });
      if (t.freezeRows > 0) ws.views = [{ state: "frozen", xSplit: 0, ySplit: t.freezeRows }];
    }
  }

  private replaceWorksheet(name: string): ExcelJS.Worksheet {
    const old = this.workbook.getWorksheet(name);
    if (old) this.workbook.removeWorksheet(old.id);
    return this.workbook.addWorksheet(name);
  }
}
