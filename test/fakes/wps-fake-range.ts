/**
 * The Range of the recording ET fake (wps-fake.ts): Value2/Formula move whole blocks (and are
 * recorded with the application state), formats are recorded on the sheet model.
 */
import type { EtFormatCondition, EtRange } from "../../src/host/wps-et";
import type { Block } from "./excel-fake-model";
import type { FakeEt } from "./wps-fake";
import { cellText, type EtSheetModel } from "./wps-fake-model";

export class FakeRange implements EtRange {
  ColumnWidthValue = 8.38;
  constructor(
    private readonly app: FakeEt,
    private readonly sheet: EtSheetModel,
    private readonly b: Block,
  ) {}
  private touch(): void {
    this.sheet.formatted.push(this.b);
  }
  get Row() {
    return this.b.row + 1;
  }
  get Column() {
    return this.b.col + 1;
  }
  get Rows() {
    return { Count: this.b.rows };
  }
  get Columns() {
    return { Count: this.b.cols };
  }
  get Value2(): unknown {
    this.app.record(this.sheet, this.b, "read");
    const rows: unknown[][] = [];
    for (let r = 0; r < this.b.rows; r++) {
      const src = this.sheet.cells[this.b.row + r] ?? [];
      rows.push(Array.from({ length: this.b.cols }, (_, c) => src[this.b.col + c] ?? undefined));
    }
    return this.b.rows === 1 && this.b.cols === 1 ? rows[0][0] : rows;
  }
  set Value2(v: unknown) {
    this.write(v, "Value2");
  }
  get Formula(): unknown {
    return this.Value2;
  }
  set Formula(v: unknown) {
    this.write(v, "Formula");
  }
  private write(v: unknown, kind: "Value2" | "Formula"): void {
    this.app.record(this.sheet, this.b, kind);
    const single = this.b.rows === 1 && this.b.cols === 1;
    const rows = single && !Array.isArray(v) ? [[v]] : (v as unknown[][]);
    if (rows.length !== this.b.rows || rows.some((r) => !Array.isArray(r) || r.length !== this.b.cols))
      throw new Error(`array does not fit ${cellText(this.b)}`);
    rows.forEach((row, r) => {
      const dst = (this.sheet.cells[this.b.row + r] ??= []);
      row.forEach((x, c) => {
        // A leading apostrophe marks text, as typed in ET; it is not content.
        dst[this.b.col + c] =
          typeof x === "string" && x.startsWith("'") ? x.slice(1) : x === "" ? undefined : x;
      });
    });
  }
  get NumberFormat(): unknown {
    return undefined;
  }
  set NumberFormat(f: unknown) {
    this.touch();
    this.sheet.numberFormats.push({ address: cellText(this.b), format: f });
  }
  get ColumnWidth(): number {
    return this.ColumnWidthValue;
  }
  set ColumnWidth(w: number) {
    this.sheet.widths.push({ address: cellText(this.b), width: w });
  }
  get Font() {
    const { sheet, b } = this;
    return {
      get Bold() {
        return sheet.bold.includes(cellText(b));
      },
      set Bold(on: boolean) {
        if (on) sheet.bold.push(cellText(b));
      },
      Color: 0,
    };
  }
  get Interior() {
    return { Color: 0xffffff };
  }
  get FormatConditions() {
    const { sheet, b } = this;
    return {
      Add(_type: number, _op?: number, formula1 = ""): EtFormatCondition {
        const rec: EtSheetModel["conditions"][number] = { address: cellText(b), formula: formula1 };
        sheet.conditions.push(rec);
        return {
          Interior: {
            set Color(c: number) {
              rec.fill = c;
            },
            get Color() {
              return rec.fill ?? 0;
            },
          },
          Font: {
            Bold: false,
            set Color(c: number) {
              rec.font = c;
            },
            get Color() {
              return rec.font ?? 0;
            },
          },
        };
      },
      Delete() {
        sheet.conditions = [];
      },
    };
  }
  Select(): void {
    this.app.selected = `${this.sheet.name}!${cellText(this.b)}`;
  }
  Clear(): void {
    this.sheet.cells = [];
    this.sheet.formatted = [];
    this.sheet.numberFormats = [];
    this.sheet.bold = [];
  }
}
