/**
 * WorkbookPort over .xlsx bytes, at the zip level: the command line and the task pane's
 * browser mode. Reads sheets with a scanner, writes output sheets as XML of our own, and
 * keeps every other part of the user's file byte for byte (charts, pivot tables, images,
 * shapes, slicers, comments …). Pure TypeScript (fflate + the engine): Node and browser.
 */
import { DEFAULT_TIERS, planSettingsWrites } from "../../engine";
import type { Grid, OutputSheet, TemplateSheet } from "../../engine";
import type { FinalizeOptions, FinalizeReport, ReadOptions, WorkbookPort, WriteOptions } from "../port";
import type { MergeRange } from "../headers";
import { editSheets, isWorksheet, sheetPart, type SheetJob } from "./edit";
import type { Codec } from "./codec";
import { damaged, emptyPackage, openPackage, packageChunks, type Opened } from "./open";
import { joinBytes } from "./xml";
import { isRel, resolveTarget } from "./package";
import { SharedStrings, dateStyles } from "./read-sheet";
import { formatsOf, mergesOf } from "./formats";
import { SheetReader } from "./sheet-reader";
import { OWNED_SHEETS_KEY, parseOwned, planOwnedWrite, sheetsToProbe } from "../ownership";
import { templateJobs } from "./template";
import { addinSettings } from "./webextension";
import { protectSheets, stripDjWorkbook } from "./finalize";
import { keyValueRows, setCells, settingsSheet } from "./settings-write";

/** The very hidden sheet that carries the add-in's settings (key | value rows), as in the Excel host's fallback. */
export { SETTINGS_SHEET } from "../port";
import { SETTINGS_SHEET } from "../port";

export interface XlsxWorkbookOptions {
  /** The tier scale, best first, for coloring tier columns (default 先进, 一般, 后进). */
  tiers?: readonly string[];
  /** Inflate/deflate/CRC-32 (default: the platform's streams, or fflate); the CLI gives node:zlib. */
  codec?: Codec;
}

export class XlsxWorkbook implements WorkbookPort {
  readonly kind = "file" as const;
  /** The tier scale used to color tier columns when writeSheets gets no `tiers` option. */
  tiers: readonly string[];
  /** The last cell selectCell asked for (a file has no live selection). */
  selected: { sheet: string; address: string } | undefined;
  private readonly o: Opened;
  private sst: string[] | undefined;
  private dates: Set<number> | undefined;

  private constructor(o: Opened, options: XlsxWorkbookOptions = {}) {
    this.o = o;
    this.tiers = options.tiers ?? DEFAULT_TIERS;
  }

  /**
   * Opens .xlsx bytes. Throws WorkbookFileError (one clear bilingual message) for an empty,
   * non-xlsx, legacy .xls, password-protected or damaged file.
   */
  static async open(bytes: ArrayBuffer | Uint8Array, options?: XlsxWorkbookOptions): Promise<XlsxWorkbook> {
    return XlsxWorkbook.openSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), options);
  }

  static openSync(bytes: Uint8Array, options?: XlsxWorkbookOptions): XlsxWorkbook {
    return new XlsxWorkbook(openPackage(bytes, options?.codec), options);
  }

  /** A new workbook with no sheets yet (write some before saving: Excel needs one). */
  static create(options?: XlsxWorkbookOptions): XlsxWorkbook {
    return new XlsxWorkbook(emptyPackage(options?.codec), options);
  }

  /** A macro workbook (.xlsm): its main part says so, and it must keep its .xlsm name. */
  get macroEnabled(): boolean {
    return /macroEnabled/i.test(this.o.types.override(this.o.part) ?? "");
  }

  private worksheets() {
    return this.o.workbook.sheets.filter((s) => isWorksheet(this.o, s));
  }

  async listSheets(): Promise<string[]> {
    return this.worksheets()
      .map((s) => s.name)
      .filter((n) => n !== SETTINGS_SHEET);
  }

  private sharedStrings(): string[] {
    const part = this.sstPart();
    const table = new SharedStrings();
    this.sst ??= part && this.o.pkg.streamText(part, (t) => (table.feed(t), true)) ? table.end(part) : [];
    return this.sst;
  }

  /** The same, inflated through the codec (the thread pool in Node) before the first read. */
  private async loadSharedStrings(): Promise<void> {
    const part = this.sstPart();
    const table = new SharedStrings();
    if (this.sst || !part || !(await this.o.pkg.streamTextAsync(part, (t) => (table.feed(t), true)))) return;
    this.sst ??= table.end(part);
  }

  private sstPart(): string | undefined {
    const rel = this.o.rels.find((r) => isRel(r.type, "sharedStrings"));
    return rel ? resolveTarget(this.o.part, rel.target) : undefined;
  }

  private partOf(name: string): string | undefined {
    const s = this.worksheets().find((x) => x.name === name);
    const part = s ? sheetPart(this.o, s) : undefined;
    return part !== undefined && this.o.pkg.has(part) ? part : undefined;
  }

  /** Merged ranges starting in the first `rows` rows of each sheet (merged header cells). */
  async readMerges(names: string[], rows: number): Promise<Record<string, MergeRange[]>> {
    const out: Record<string, MergeRange[]> = {};
    for (const name of names) {
      const part = this.partOf(name);
      const m = part ? mergesOf(this.o.pkg, part, rows) : [];
      if (m.length > 0) out[name] = m;
    }
    return out;
  }

  /** Number format codes of the styled cells in the first `rows` rows (A1 → code), for the preview. */
  async readNumberFormats(name: string, rows: number): Promise<Record<string, string>> {
    const part = this.partOf(name);
    const styles = this.stylesXml();
    return part && styles ? formatsOf(this.o.pkg, part, styles, rows) : {};
  }

  private stylesXml(): string | undefined {
    const rel = this.o.rels.find((r) => isRel(r.type, "styles"));
    return rel ? this.o.pkg.text(resolveTarget(this.o.part, rel.target)) : undefined;
  }

  private dateStyles(): Set<number> {
    const xml = this.stylesXml();
    return (this.dates ??= xml ? dateStyles(xml) : new Set());
  }

  /** Sheets inflated through the codec as they are scanned (the big ones: the inputs). */
  async readSheets(names: string[], options?: ReadOptions): Promise<Record<string, Grid>> {
    const out: Record<string, Grid> = {};
    try {
      await this.loadSharedStrings();
      for (const [name, part] of this.sheetParts(names)) {
        const reader = this.reader(part, options);
        await this.named(name, () => this.o.pkg.streamTextAsync(part, (t) => reader.feed(t)));
        out[name] = reader.end();
      }
    } catch (e) {
      damaged(e);
    }
    return out;
  }

  readSheetsSync(names: string[], options?: ReadOptions): Record<string, Grid> {
    try {
      return this.readGrids(names, options);
    } catch (e) {
      damaged(e);
    }
  }

  private readGrids(names: string[], options?: ReadOptions): Record<string, Grid> {
    const out: Record<string, Grid> = {};
    for (const [name, part] of this.sheetParts(names)) {
      const reader = this.reader(part, options);
      this.named(name, () => this.o.pkg.streamText(part, (t) => reader.feed(t)));
      out[name] = reader.end();
    }
    return out;
  }

  /** The parts of the named worksheets that exist, in the order asked. */
  private sheetParts(names: string[]): [string, string][] {
    return names.flatMap((name) => {
      const part = this.partOf(name);
      return part === undefined ? [] : [[name, part] as [string, string]];
    });
  }

  private reader(part: string, options?: ReadOptions): SheetReader {
    return new SheetReader({
      part,
      sst: this.sharedStrings(),
      dates: this.dateStyles(),
      rows: options?.rows,
    });
  }

  /** Runs a read, naming the sheet as the clerk knows it in a damage message. */
  private named<T>(name: string, read: () => T): T {
    const tag = (e: unknown) => {
      if (e instanceof Error && e.name === "ZipError")
        e.message = `工作表「${name}」/ sheet "${name}": ${e.message}`;
      return e;
    };
    try {
      const r = read();
      return r instanceof Promise ? (r.catch((e: unknown) => Promise.reject(tag(e))) as T) : r;
    } catch (e) {
      throw tag(e);
    }
  }

  async writeSheets(
    sheets: OutputSheet[],
    onProgress?: (done: number, total: number) => void,
    options?: WriteOptions,
  ): Promise<void> {
    const plan = await this.planWrite(sheets, options?.remove ?? []);
    const jobs: SheetJob[] = sheets.map((sheet) => ({ sheet }));
    const settings = { ...options?.settings, [OWNED_SHEETS_KEY]: plan.record };
    jobs.push({ sheet: settingsSheet(this.settingsRows(settings)), state: "veryHidden" });
    await editSheets(this.o, jobs, { remove: plan.remove, tiers: options?.tiers ?? this.tiers, onProgress });
  }

  /** Ownership (DOMAIN §7): refuses to replace a sheet the product did not write. */
  private async planWrite(sheets: OutputSheet[], remove: string[]) {
    const existing = this.o.workbook.sheets.map((s) => s.name);
    const owned = parseOwned(await this.getSetting(OWNED_SHEETS_KEY));
    const probe = sheetsToProbe(existing, owned, [...sheets.map((s) => s.name), ...remove]);
    const firstRows = probe.length > 0 ? this.readSheetsSync(probe, { rows: 1 }) : {};
    return planOwnedWrite({ existing, owned, firstRows }, sheets, remove);
  }

  async deleteSheets(names: string[]): Promise<void> {
    const plan = await this.planWrite([], names);
    if (plan.remove.length === 0) return;
    await editSheets(
      this.o,
      [{ sheet: settingsSheet(this.settingsRows({ [OWNED_SHEETS_KEY]: plan.record })), state: "veryHidden" }],
      {
        remove: plan.remove,
      },
    );
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.selected = { sheet, address };
  }

  /** Adds the template's sheets that are absent (headers, examples, dropdowns, header notes, widths, frozen header). */
  async createTemplate(sheets: TemplateSheet[]): Promise<string[]> {
    const have = new Set(this.o.workbook.sheets.map((s) => s.name));
    const todo = sheets.filter((t) => !have.has(t.name));
    if (todo.length > 0)
      await editSheets(this.o, templateJobs({ pkg: this.o.pkg, types: this.o.types }, todo));
    return todo.map((t) => t.name);
  }

  private settingsRows(update: Record<string, string>): string[][] {
    return keyValueRows(this.readSheetsSync([SETTINGS_SHEET])[SETTINGS_SHEET] ?? [], update);
  }

  /** From the settings sheet; else what the add-in saved in Excel (Workbook.settings). */
  async getSetting(key: string): Promise<string | null> {
    await this.loadSharedStrings().catch(damaged);
    const grid = this.readSheetsSync([SETTINGS_SHEET])[SETTINGS_SHEET] ?? [];
    const row = grid.find((r) => r[0] === key);
    if (row) return String(row[1] ?? "");
    return addinSettings(this.o.pkg).get(key) ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await editSheets(this.o, [
      { sheet: settingsSheet(this.settingsRows({ [key]: value })), state: "veryHidden" },
    ]);
  }

  /** 模拟 → 应用: set 项目 | 值 rows of 设置, editing only those cells (see settings-write.ts). */
  async writeSettings(rows: [string, string | number][], sheet = "设置"): Promise<void> {
    const entry = this.worksheets().find((x) => x.name === sheet);
    const part = entry ? sheetPart(this.o, entry) : undefined;
    const xml = part ? this.o.pkg.text(part, false) : undefined;
    if (!part || xml === undefined) {
      await this.writeSheets([
        settingsSheet([["项目", "值"], ...rows.map(([k, v]) => [k, String(v)])], sheet),
      ]);
      return;
    }
    const grid = this.readSheetsSync([sheet])[sheet] ?? [];
    this.o.pkg.setText(part, setCells(xml, planSettingsWrites(grid, rows)));
  }

  /** 定稿: DJ.* formulas → their cached values, the 说明 sheet, protection (see finalize.ts). */
  async finalizeForSharing(options: FinalizeOptions): Promise<FinalizeReport> {
    const { replaced, sheets } = stripDjWorkbook(this.o);
    await this.writeSheets([options.explanation]);
    return { replaced, sheets, protected: protectSheets(this.o, options.protect) };
  }

  /** The workbook as .xlsx bytes (unchanged entries copied as they were, in their order). */
  save(): Uint8Array {
    return joinBytes(this.saveChunks());
  }

  /** The same as chunks, without joining them (an untouched entry's chunk is its original bytes). */
  saveChunks(): Uint8Array[] {
    return packageChunks(this.o);
  }
}
