/**
 * WorkbookPort over an .xlsx file (exceljs): the command line and the task pane's browser
 * mode. Takes and returns bytes; no fs, no Node APIs, so it runs in the browser too.
 *
 * Input sheets are never written: output sheets are created or replaced whole, in place
 * (a replaced sheet keeps its tab position), and everything else round-trips through
 * exceljs (see the CLI README for what exceljs does not keep).
 */
import ExcelJS from "exceljs";
import type { Grid, OutputSheet } from "../engine/types";
import type { TemplateSheet } from "../engine/template";
import type { WorkbookPort } from "./port";
import { columnLetter, worksheetToGrid } from "./file-cells";
import { WorkbookFileError, sniffWorkbook } from "./file-errors";
import { writeOutputSheet } from "./file-format";

export { WorkbookFileError, fileProblemMessage, sniffWorkbook, type FileProblemKind } from "./file-errors";
export { dateToSerial, serialToDate, toGridValue, worksheetToGrid, columnLetter } from "./file-cells";
export { TIER_COLORS, tierTones } from "./file-format";

export interface FileWorkbookOptions {
  /** The tier scale, best first, for coloring tier columns (default 先进, 一般, 后进). */
  tiers?: readonly string[];
}

type Ordered = ExcelJS.Worksheet & { orderNo: number };

const DEFAULT_TIERS = ["先进", "一般", "后进"];

function toUint8(bytes: ArrayBuffer | Uint8Array): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

export class FileWorkbook implements WorkbookPort {
  readonly kind = "file" as const;
  readonly workbook: ExcelJS.Workbook;
  /** The tier scale used to color tier columns; set it from the grading summary. */
  tiers: readonly string[];
  /** The last cell selectCell asked for (a file has no live selection). */
  selected: { sheet: string; address: string } | undefined;

  private constructor(workbook: ExcelJS.Workbook, options: FileWorkbookOptions = {}) {
    this.workbook = workbook;
    this.tiers = options.tiers ?? DEFAULT_TIERS;
  }

  /** A new, empty workbook. */
  static create(options?: FileWorkbookOptions): FileWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = "branch-grader";
    wb.created = new Date();
    return new FileWorkbook(wb, options);
  }

  /**
   * Opens .xlsx bytes. Throws WorkbookFileError (one clear bilingual message) for an empty,
   * non-xlsx, legacy .xls, password-protected or damaged file.
   */
  static async open(bytes: ArrayBuffer | Uint8Array, options?: FileWorkbookOptions): Promise<FileWorkbook> {
    const data = toUint8(bytes);
    const kind = sniffWorkbook(data);
    if (kind !== "zip") throw new WorkbookFileError(kind);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      // A zip without a workbook part (a .docx, a plain .zip) is not an .xlsx at all.
      if (/workbook|Cannot read propert|undefined/i.test(msg) && !/corrupt|end of data|invalid/i.test(msg)) {
        throw new WorkbookFileError("not-xlsx");
      }
      throw new WorkbookFileError("damaged");
    }
    if (wb.worksheets.length === 0) throw new WorkbookFileError("not-xlsx");
    return new FileWorkbook(wb, options);
  }

  async listSheets(): Promise<string[]> {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  async readSheets(names: string[]): Promise<Record<string, Grid>> {
    const out: Record<string, Grid> = {};
    for (const name of names) {
      const ws = this.workbook.getWorksheet(name);
      if (ws) out[name] = worksheetToGrid(ws);
    }
    return out;
  }

  async writeSheets(
    sheets: OutputSheet[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<void> {
    const total = sheets.length;
    sheets.forEach((sheet, i) => {
      const ws = this.replaceWorksheet(sheet.name);
      writeOutputSheet(ws, sheet, this.tiers);
      onProgress?.(i + 1, total);
    });
  }

  async deleteSheets(names: string[]): Promise<void> {
    for (const name of names) {
      const ws = this.workbook.getWorksheet(name);
      if (ws) this.workbook.removeWorksheet(ws.id);
    }
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.selected = { sheet, address };
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
        const L = columnLetter(v.column);
        const formula = `"${v.list.join(",")}"`;
        for (let r = 2; r <= lastRow; r++) {
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

  /** Removes the sheet of that name if present and adds a fresh one at the same tab position. */
  private replaceWorksheet(name: string): ExcelJS.Worksheet {
    // exceljs orders tabs by the (untyped) orderNo of each worksheet.
    const old = this.workbook.getWorksheet(name) as Ordered | undefined;
    const orderNo = old?.orderNo;
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(name) as Ordered;
    if (orderNo !== undefined) ws.orderNo = orderNo;
    return ws;
  }
}
