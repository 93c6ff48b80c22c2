/** Worksheet, range and the objects hanging off them, for the recording Excel fake. */
import type { FakeContext } from "./excel-fake";
import {
  OfficeError,
  parseBlock,
  readBlock,
  usedBlock,
  writeBlock,
  type Block,
  type SheetModel,
} from "./excel-fake-model";

/** Does the A1 range `address` lie inside block `b`? */
function within(address: string, b: Block): boolean {
  if (address === WHOLE_SHEET_ADDRESS) return b.rows === WHOLE_SHEET.rows && b.cols === WHOLE_SHEET.cols;
  const a = parseBlock(address);
  return (
    a.row >= b.row && a.col >= b.col && a.row + a.rows <= b.row + b.rows && a.col + a.cols <= b.col + b.cols
  );
}

function notLoaded(what: string): never {
  throw new Error(`PropertyNotLoaded: ${what} was read before load() and sync()`);
}

type Resolve = () => SheetModel;

export const WHOLE_SHEET = { row: 0, col: 0, rows: 1_048_576, cols: 16_384 };
export const WHOLE_SHEET_ADDRESS = "A1:XFD1048576";

/** A loadable collection (`load("items/name")`, then `items` after the sync). */
export interface FakeItems<T> {
  load: (props: string) => void;
  readonly items: T[];
}

function fakeItems<T, X extends object>(
  ctx: FakeContext,
  what: string,
  snapshot: () => T[],
  extra: X,
): FakeItems<T> & X {
  let loaded: T[] | null = null;
  return {
    ...extra,
    load: (props: string) =>
      ctx.enqueue(`${what}.load`, props, () => {
        loaded = snapshot();
        ctx.respond(loaded.length);
      }),
    get items(): T[] {
      return loaded ?? notLoaded(`${what}.items`);
    },
  };
}

export class FakeWorksheet {
  isNullObject = false;
  private loaded: { name: string; position: number; visibility: string } | null = null;
  readonly tables: FakeItems<FakeTable> & { add: (address: string, hasHeaders: boolean) => FakeTable };
  readonly charts: FakeItems<FakeChart> & {
    add: (type: string, source: FakeRange, seriesBy: string) => FakeChart;
  };
  readonly freezePanes: { freezeRows: (n: number) => void; unfreeze: () => void };
  readonly protection: {
    protect: (options?: unknown, password?: string) => void;
    load: (props: string) => void;
    readonly protected: boolean;
  };
  readonly notes: { add: (cell: string, text: string) => void };
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: { add: (before: string) => void };

  constructor(
    private readonly ctx: FakeContext,
    readonly resolve: Resolve,
  ) {
    this.tables = fakeItems(
      ctx,
      "tables",
      () => resolve().tables.map((m) => Object.assign(new FakeTable(ctx), { model: m })),
      {
        add: (address: string, hasHeaders: boolean) => {
          const t = new FakeTable(ctx);
          ctx.enqueue("tables.add", address, () => {
            const m = resolve();
            parseBlock(address);
            t.model = { address, hasHeaders };
            m.tables.push(t.model);
          });
          return t;
        },
      },
    );
    this.charts = fakeItems(
      ctx,
      "charts",
      () => resolve().charts.map((m) => Object.assign(new FakeChart(ctx), { model: m })),
      {
        add: (type: string, source: FakeRange, seriesBy: string) => {
          const c = new FakeChart(ctx);
          ctx.enqueue("charts.add", [type, source.address, seriesBy], () => {
            c.model = { type, source: source.address, seriesBy };
            resolve().charts.push(c.model);
          });
          return c;
        },
      },
    );
    this.freezePanes = {
      freezeRows: (n) => {
        if (ctx.excel.apiMinor < 7) throw new Error("ApiNotFound: freezePanes");
        ctx.enqueue("freezePanes.freezeRows", n, () => void (resolve().frozenRows = n));
      },
      unfreeze: () => {
        if (ctx.excel.apiMinor < 7) throw new Error("ApiNotFound: freezePanes");
        ctx.enqueue("freezePanes.unfreeze", undefined, () => void (resolve().frozenRows = 0));
      },
    };
    let isProtected: boolean | null = null;
    this.protection = {
      load: (props) =>
        ctx.enqueue("protection.load", props, () => void (isProtected = resolve().protected !== undefined)),
      get protected(): boolean {
        return isProtected ?? notLoaded("protection.protected");
      },
      protect: (options, password) => {
        if (ctx.excel.apiMinor < 2) throw new Error("ApiNotFound: protection");
        ctx.enqueue("protection.protect", [options ?? null, password ?? null], () => {
          const m = resolve();
          if (m.protected) throw new OfficeError("InvalidOperation", "the sheet is protected already");
          m.protected = { password: password ?? null };
        });
      },
    };
    this.notes = {
      add: (cell, text) => {
        if (ctx.excel.apiMinor < 18) throw new Error("ApiNotFound: notes");
        ctx.enqueue("notes.add", [cell, text], () => void resolve().notes.push({ address: cell, text }));
      },
    };
    this.pageLayout = new FakePageLayout(ctx, resolve);
    this.horizontalPageBreaks = {
      add: (before) => {
        if (ctx.excel.apiMinor < 9) throw new Error("ApiNotFound: horizontalPageBreaks");
        ctx.enqueue("horizontalPageBreaks.add", before, () => {
          const pl = resolve().pageLayout;
          pl.rowBreaks = [...((pl.rowBreaks as string[] | undefined) ?? []), before];
        });
      },
    };
  }

  /** Fill loaded properties (from a collection load). */
  snapshot(m: SheetModel, position: number): void {
    this.loaded = { name: m.name, position, visibility: m.visibility };
  }
  get name(): string {
    return this.loaded ? this.loaded.name : notLoaded("worksheet.name");
  }
  get position(): number {
    return this.loaded ? this.loaded.position : notLoaded("worksheet.position");
  }
  set position(p: number) {
    this.ctx.enqueue("worksheet.position", p, () => {
      const m = this.resolve();
      const sheets = this.ctx.excel.sheets;
      if (p < 0 || p >= sheets.length) throw new OfficeError("InvalidArgument", `position ${p}`);
      sheets.splice(sheets.indexOf(m), 1);
      sheets.splice(p, 0, m);
    });
  }
  get visibility(): string {
    return this.loaded ? this.loaded.visibility : notLoaded("worksheet.visibility");
  }
  set visibility(v: string) {
    this.ctx.enqueue("worksheet.visibility", v, () => void (this.resolve().visibility = v));
  }
  load(_props: string): void {
    this.ctx.enqueue("worksheet.load", undefined, () => {
      const m = this.resolve();
      this.snapshot(m, this.ctx.excel.sheets.indexOf(m));
    });
  }
  delete(): void {
    this.ctx.enqueue("worksheet.delete", undefined, () => {
      const m = this.resolve();
      const sheets = this.ctx.excel.sheets;
      if (sheets.length === 1) throw new OfficeError("InvalidOperation", "cannot delete the last sheet");
      sheets.splice(sheets.indexOf(m), 1);
    });
  }
  activate(): void {
    this.ctx.enqueue(
      "worksheet.activate",
      undefined,
      () => void (this.ctx.excel.active = this.resolve().name),
    );
  }
  /** A range by A1 address; without one, the whole sheet (as office-js). */
  getRange(address?: string): FakeRange {
    if (address === undefined)
      return new FakeRange(this.ctx, this.resolve, () => ({ ...WHOLE_SHEET }), WHOLE_SHEET_ADDRESS);
    return new FakeRange(this.ctx, this.resolve, () => parseBlock(address), address);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(
      this.ctx,
      this.resolve,
      () => ({ row, col, rows, cols }),
      `R${row}C${col}:${rows}x${cols}`,
    );
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const r = new FakeRange(
      this.ctx,
      this.resolve,
      () => usedBlock(this.resolve()) ?? { row: 0, col: 0, rows: 1, cols: 1 },
      "used",
    );
    this.ctx.enqueue("worksheet.getUsedRangeOrNullObject", undefined, () => {
      r.isNullObject = usedBlock(this.resolve()) === null;
    });
    return r;
  }
}

export class FakeRange {
  isNullObject = false;
  private got: { values?: unknown[][]; formulas?: unknown[][]; block?: Block } = {};
  readonly format: { font: { bold: boolean; color: string }; fill: { color: string }; columnWidth: number };
  readonly conditionalFormats: { add: (type: string) => FakeConditionalFormat; clearAll: () => void };
  readonly dataValidation: { rule: unknown; prompt: unknown; errorAlert: unknown };

  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: Resolve,
    private readonly block: () => Block,
    readonly address: string,
  ) {
    const set = (kind: string, payload: unknown, apply: (m: SheetModel, b: Block) => void) =>
      ctx.enqueue(kind, payload, () => apply(this.sheet(), this.block()));
    const addr = this.address;
    this.format = {
      font: {
        set bold(v: boolean) {
          set("range.format.font.bold", v, (m) => void (v && m.bold.push(addr)));
        },
        get bold(): boolean {
          return notLoaded("format.font.bold");
        },
        set color(v: string) {
          set("range.format.font.color", v, () => undefined);
        },
        get color(): string {
          return notLoaded("format.font.color");
        },
      },
      fill: {
        set color(v: string) {
          set("range.format.fill.color", v, () => undefined);
        },
        get color(): string {
          return notLoaded("format.fill.color");
        },
      },
      set columnWidth(w: number) {
        set("range.format.columnWidth", w, (m) => void m.columnWidths.push({ address: addr, width: w }));
      },
      get columnWidth(): number {
        return notLoaded("format.columnWidth");
      },
    };
    this.conditionalFormats = {
      clearAll: () => {
        if (ctx.excel.apiMinor < 6) throw new Error("ApiNotFound: conditionalFormats");
        set("conditionalFormats.clearAll", undefined, (m, b) => {
          m.conditionalFormats = m.conditionalFormats.filter((cf) => !within(cf.address, b));
        });
      },
      add: (type) => {
        if (ctx.excel.apiMinor < 6) throw new Error("ApiNotFound: conditionalFormats");
        const cf = new FakeConditionalFormat(ctx, type);
        set(
          "conditionalFormats.add",
          type,
          (m) => void m.conditionalFormats.push((cf.model = { address: addr, type })),
        );
        return cf;
      },
    };
    const dv = (key: "rule" | "prompt" | "errorAlert") => (v: unknown) => {
      if (ctx.excel.apiMinor < 8) throw new Error("ApiNotFound: dataValidation");
      set(`dataValidation.${key}`, v, (m) => {
        let e = m.validations.find((x) => x.address === addr);
        if (!e) m.validations.push((e = { address: addr }));
        e[key] = v;
      });
    };
    this.dataValidation = {
      set rule(v: unknown) {
        dv("rule")(v);
      },
      get rule(): unknown {
        return notLoaded("dataValidation.rule");
      },
      set prompt(v: unknown) {
        dv("prompt")(v);
      },
      get prompt(): unknown {
        return notLoaded("dataValidation.prompt");
      },
      set errorAlert(v: unknown) {
        dv("errorAlert")(v);
      },
      get errorAlert(): unknown {
        return notLoaded("dataValidation.errorAlert");
      },
    };
  }

  set values(v: unknown[][]) {
    this.ctx.enqueue("range.values", v, () => writeBlock(this.sheet(), this.block(), v, false));
  }
  get values(): unknown[][] {
    return this.got.values ?? notLoaded("range.values");
  }
  set formulas(v: unknown[][]) {
    this.ctx.enqueue("range.formulas", v, () => writeBlock(this.sheet(), this.block(), v, true));
  }
  get formulas(): unknown[][] {
    return this.got.formulas ?? notLoaded("range.formulas");
  }
  /** Clear contents ("Contents"), formats ("Formats") or both ("All") of the range's cells. */
  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.ctx.enqueue("range.clear", applyTo, () => {
      const m = this.sheet();
      const b = this.block();
      if (applyTo !== "Formats") {
        m.cells.forEach((row, r) => {
          if (!row || r < b.row || r >= b.row + b.rows) return;
          for (let c = b.col; c < Math.min(row.length, b.col + b.cols); c++) row[c] = "";
        });
        for (const key of [...m.formulas.keys()]) {
          const [r, c] = key.split(",").map(Number);
          if (r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols) m.formulas.delete(key);
        }
      }
      if (applyTo !== "Contents") {
        m.numberFormats = m.numberFormats.filter((f) => !within(f.address, b));
        m.bold = m.bold.filter((a) => !within(a, b));
      }
    });
  }
  /** The range a dynamic array formula in this (one-cell) range spills to, or a null object. */
  getSpillingToRangeOrNullObject(): FakeRange {
    if (this.ctx.excel.apiMinor < 12) throw new Error("ApiNotFound: getSpillingToRangeOrNullObject");
    let spill: Block | null = null;
    const r = new FakeRange(
      this.ctx,
      this.sheet,
      () => spill ?? notLoaded("spill range"),
      `spill:${this.address}`,
    );
    this.ctx.enqueue("range.getSpillingToRangeOrNullObject", undefined, () => {
      const b = this.block();
      spill = this.sheet().spills.get(`${b.row},${b.col}`) ?? null;
      r.isNullObject = spill === null;
    });
    return r;
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.enqueue("range.numberFormat", v, () => {
      const b = this.block();
      const fits = v.length === b.rows && v.every((r) => r.length === b.cols);
      const broadcast = v.length === 1 && v[0].length === 1;
      if (!fits && !broadcast)
        throw new OfficeError("InvalidArgument", "numberFormat does not fit the range");
      this.sheet().numberFormats.push({ address: this.address, format: v });
    });
  }
  get numberFormat(): unknown[][] {
    return notLoaded("range.numberFormat");
  }
  get rowIndex(): number {
    return (this.got.block ?? notLoaded("range.rowIndex")).row;
  }
  get columnIndex(): number {
    return (this.got.block ?? notLoaded("range.columnIndex")).col;
  }
  get rowCount(): number {
    return (this.got.block ?? notLoaded("range.rowCount")).rows;
  }
  get columnCount(): number {
    return (this.got.block ?? notLoaded("range.columnCount")).cols;
  }
  load(props: string): void {
    this.ctx.enqueue(`range.load:${props}`, props, () => {
      if (this.isNullObject) return;
      const m = this.sheet();
      const b = this.block();
      if (b.rows * b.cols > 5_000_000)
        throw new OfficeError("ResponsePayloadSizeLimitExceeded", "more than 5,000,000 cells");
      this.got.block = b;
      if (/values/.test(props)) {
        this.got.values = readBlock(m, b);
        this.ctx.respond(this.got.values);
      }
      if (/formulas/.test(props)) {
        this.got.formulas = readBlock(m, b).map((row, r) =>
          row.map((v, c) => m.formulas.get(`${b.row + r},${b.col + c}`) ?? v),
        );
        this.ctx.respond(this.got.formulas);
      }
      if (!/values|formulas/.test(props)) this.ctx.respond(b);
    });
  }
  select(): void {
    this.ctx.enqueue("range.select", undefined, () => {
      const m = this.sheet();
      this.block();
      this.ctx.excel.selected = `${m.name}!${this.address}`;
    });
  }
}

export class FakeConditionalFormat {
  model?: SheetModel["conditionalFormats"][number];
  readonly cellValue: { format: { fill: { color: string }; font: { color: string } }; rule: unknown };
  constructor(
    ctx: FakeContext,
    readonly type: string,
  ) {
    const put = (kind: string, v: unknown, apply: (m: NonNullable<FakeConditionalFormat["model"]>) => void) =>
      ctx.enqueue(kind, v, () => apply(this.model ?? notLoaded("conditional format (add did not run)")));
    this.cellValue = {
      format: {
        fill: {
          set color(v: string) {
            put("cf.fill.color", v, (m) => void (m.fill = v));
          },
          get color(): string {
            return notLoaded("cf.fill.color");
          },
        },
        font: {
          set color(v: string) {
            put("cf.font.color", v, (m) => void (m.font = v));
          },
          get color(): string {
            return notLoaded("cf.font.color");
          },
        },
      },
      set rule(v: unknown) {
        put("cf.rule", v, (m) => void (m.rule = v));
      },
      get rule(): unknown {
        return notLoaded("cf.rule");
      },
    };
  }
}

export class FakeTable {
  model?: SheetModel["tables"][number];
  constructor(private readonly ctx: FakeContext) {}
  set name(v: string) {
    this.ctx.enqueue("table.name", v, () => {
      const clash = this.ctx.excel.sheets.some((s) => s.tables.some((t) => t !== this.model && t.name === v));
      if (clash) throw new OfficeError("ItemAlreadyExists", `table ${v} exists`);
      (this.model ?? notLoaded("table")).name = v;
    });
  }
  get name(): string {
    return this.model?.name ?? notLoaded("table.name");
  }
  set style(v: string) {
    this.ctx.enqueue("table.style", v, () => void ((this.model ?? notLoaded("table")).style = v));
  }
  delete(): void {
    this.ctx.enqueue("table.delete", undefined, () => {
      for (const s of this.ctx.excel.sheets) s.tables = s.tables.filter((t) => t !== this.model);
    });
  }
  get style(): string {
    return this.model?.style ?? notLoaded("table.style");
  }
}

export class FakeChart {
  model?: SheetModel["charts"][number];
  readonly title: { text: string };
  readonly legend: { position: string };
  constructor(private readonly ctx: FakeContext) {
    const put = (kind: string, v: unknown, apply: (m: NonNullable<FakeChart["model"]>) => void) =>
      ctx.enqueue(kind, v, () => apply(this.model ?? notLoaded("chart")));
    this.title = {
      set text(v: string) {
        put("chart.title", v, (m) => void (m.title = v));
      },
      get text(): string {
        return notLoaded("chart.title");
      },
    };
    this.legend = {
      set position(v: string) {
        put("chart.legend", v, (m) => void (m.legend = v));
      },
      get position(): string {
        return notLoaded("chart.legend");
      },
    };
  }
  delete(): void {
    this.ctx.enqueue("chart.delete", undefined, () => {
      for (const s of this.ctx.excel.sheets) s.charts = s.charts.filter((c) => c !== this.model);
    });
  }
  setPosition(start: string, end?: string): void {
    this.ctx.enqueue(
      "chart.setPosition",
      [start, end],
      () => void ((this.model ?? notLoaded("chart")).position = end ? [start, end] : [start]),
    );
  }
}

export class FakePageLayout {
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: Resolve,
  ) {}
  private put(key: string, v: unknown): void {
    if (this.ctx.excel.apiMinor < 9) throw new Error("ApiNotFound: pageLayout");
    this.ctx.enqueue(`pageLayout.${key}`, v, () => void (this.resolve().pageLayout[key] = v));
  }
  set paperSize(v: string) {
    this.put("paperSize", v);
  }
  get paperSize(): string {
    return notLoaded("pageLayout.paperSize");
  }
  set orientation(v: string) {
    this.put("orientation", v);
  }
  get orientation(): string {
    return notLoaded("pageLayout.orientation");
  }
  set zoom(v: unknown) {
    this.put("zoom", v);
  }
  get zoom(): unknown {
    return notLoaded("pageLayout.zoom");
  }
  setPrintTitleRows(rows: string): void {
    this.put("printTitleRows", rows);
  }
}
