/**
 * A small typed recording fake of WPS 表格's ET object model: only what the WPS host uses
 * (src/host/wps-et.ts). Like ET it is synchronous; sheet names are case-insensitive; a
 * block's Value2 is rows of values (one cell: a scalar; empty: undefined); UsedRange also
 * covers cells that were only formatted. It records every value transfer with the
 * application state at that moment, every format, and whether WPS would have asked the
 * user something (deleting a sheet with alerts on).
 */
import type {
  EtApplication,
  EtPageSetup,
  EtWindow,
  EtRange,
  EtWorkbook,
  EtWorksheet,
  EtWorksheets,
} from "../../src/host/wps-et";
import { parseBlock, type Block } from "./excel-fake-model";
import { FakeRange } from "./wps-fake-range";
import {
  cellText,
  newModel,
  XL_CALCULATION_AUTOMATIC,
  type EtSheetModel,
  type Transfer,
} from "./wps-fake-model";

export { XL_CALCULATION_AUTOMATIC, type EtSheetModel, type Transfer } from "./wps-fake-model";

class FakeSheet implements EtWorksheet {
  constructor(
    private readonly app: FakeEt,
    readonly model: EtSheetModel,
  ) {}
  get Name() {
    return this.model.name;
  }
  set Name(n: string) {
    if (this.app.find(n) && this.app.find(n) !== this.model) throw new Error(`名称已存在: ${n}`);
    this.model.name = n;
  }
  get Visible() {
    return this.model.visible;
  }
  get PageSetup(): EtPageSetup {
    return this.model.pageSetup;
  }
  get HPageBreaks(): { Add(before: EtRange): unknown } {
    return { Add: (before: EtRange) => (this.model.pageBreaks ??= []).push(`A${before.Row}`) };
  }
  set Visible(v: number) {
    this.model.visible = v;
  }
  get UsedRange(): EtRange {
    let r2 = -1;
    let c2 = -1;
    let r1 = Infinity;
    let c1 = Infinity;
    const take = (r: number, c: number) => {
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    };
    this.model.cells.forEach((row, r) => row?.forEach((v, c) => v !== undefined && take(r, c)));
    for (const b of this.model.formatted) {
      take(b.row, b.col);
      take(b.row + b.rows - 1, b.col + b.cols - 1);
    }
    const b =
      r2 < 0
        ? { row: 0, col: 0, rows: 1, cols: 1 }
        : { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
    return new FakeRange(this.app, this.model, b);
  }
  get Cells(): EtRange {
    return new FakeRange(this.app, this.model, { row: 0, col: 0, rows: 1_048_576, cols: 16_384 });
  }
  Range(address: string): EtRange {
    return new FakeRange(this.app, this.model, parseBlock(address));
  }
  Activate(): void {
    this.app.activeModel = this.model;
  }
  Delete(): void {
    if (this.app.DisplayAlerts) this.app.prompts++;
    this.app.sheets = this.app.sheets.filter((s) => s !== this.model);
  }
  Protect(): void {
    this.model.protected = true;
  }
}

export class FakeEt implements EtApplication {
  sheets: EtSheetModel[] = [];
  readonly transfers: Transfer[] = [];
  ScreenUpdating = true;
  Calculation = XL_CALCULATION_AUTOMATIC;
  DisplayAlerts = true;
  EnableEvents = true;
  activeModel: EtSheetModel | undefined;
  selected = "";
  /** Times WPS would have stopped to ask the user (a sheet deleted with alerts on). */
  prompts = 0;
  /** The next value write throws this (to test that the state is restored). */
  failNextWrite: Error | null = null;
  private added = 0;

  get ActiveWindow(): EtWindow | null {
    return this.activeModel ? new FakeWindow(this.activeModel) : null;
  }
  /** The active sheet's name. */
  get active(): string {
    return this.activeModel?.name ?? "";
  }
  get ActiveWorkbook(): EtWorkbook {
    return new FakeWorkbook(this);
  }
  get Worksheets(): EtWorksheets {
    return new FakeWorksheets(this);
  }
  /** Numbers the default names of added sheets (Sheet1, Sheet2 …). */
  nextSheetNumber(): number {
    return ++this.added + this.sheets.length;
  }
  addSheet(name: string, grid: unknown[][] = []): EtSheetModel {
    const m = newModel(name);
    m.cells = grid.map((r) => r.map((v) => (v === "" ? undefined : v)));
    this.sheets.push(m);
    return m;
  }
  find(name: string): EtSheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  sheet(name: string): EtSheetModel {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  names(): string[] {
    return this.sheets.map((s) => s.name);
  }
  record(sheet: EtSheetModel, b: Block, kind: Transfer["kind"]): void {
    if (kind !== "read" && this.failNextWrite) {
      const e = this.failNextWrite;
      this.failNextWrite = null;
      throw e;
    }
    this.transfers.push({
      sheet: sheet.name,
      address: cellText(b),
      kind,
      cells: b.rows * b.cols,
      screenUpdating: this.ScreenUpdating,
      calculation: this.Calculation,
    });
  }
}

/** The active sheet's window: FreezePanes freezes (or undoes) SplitRow rows of that sheet. */
class FakeWindow implements EtWindow {
  SplitRow = 0;
  SplitColumn = 0;
  constructor(private readonly model: EtSheetModel) {}
  get FreezePanes(): boolean {
    return this.model.frozenRows > 0;
  }
  set FreezePanes(on: boolean) {
    this.model.frozenRows = on ? this.SplitRow : 0;
  }
}

class FakeWorkbook implements EtWorkbook {
  constructor(private readonly app: FakeEt) {}
  get Worksheets(): EtWorksheets {
    return new FakeWorksheets(this.app);
  }
  get ActiveSheet(): EtWorksheet | null {
    const m = this.app.activeModel;
    return m && this.app.sheets.includes(m) ? new FakeSheet(this.app, m) : null;
  }
}

class FakeWorksheets implements EtWorksheets {
  constructor(private readonly app: FakeEt) {}
  get Count(): number {
    return this.app.sheets.length;
  }
  Item(index: number | string): EtWorksheet {
    const m = typeof index === "number" ? this.app.sheets[index - 1] : this.app.find(index);
    if (!m) throw new Error(`下标越界 (subscript out of range): ${index}`);
    return new FakeSheet(this.app, m);
  }
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet {
    const app = this.app;
    const m = newModel(`Sheet${app.nextSheetNumber()}`);
    const anchor = (after ?? before) as FakeSheet | null | undefined;
    const at = anchor
      ? app.sheets.indexOf(anchor.model) + (after ? 1 : 0)
      : app.sheets.indexOf(app.activeModel as EtSheetModel);
    app.sheets.splice(at < 0 ? 0 : at, 0, m);
    app.activeModel = m;
    return new FakeSheet(app, m);
  }
}
