/**
 * An in-memory WorkbookPort for component tests: sheets are grids, every call is recorded,
 * and a call can be made to fail with an office-js-like error (code + message).
 */
import type { TemplateSheet } from "../../src/engine/template";
import type { Grid, OutputSheet } from "../../src/engine/types";
import type {
  FinalizeOptions,
  FinalizeReport,
  ReadOptions,
  WorkbookPort,
  WriteOptions,
} from "../../src/host/port";
import { withSettings } from "../../src/taskpane/settings-grid";

export interface Call {
  method: string;
  args: unknown[];
}

export class MemoryPort implements WorkbookPort {
  readonly kind = "excel" as const;
  readonly calls: Call[] = [];
  readonly settings = new Map<string, string>();
  readonly written: OutputSheet[][] = [];
  private failures = new Map<string, { code: string; message: string }>();

  constructor(public sheets: Record<string, Grid> = {}) {}

  /** The next call of `method` rejects with an error carrying this code. */
  failNext(method: string, code: string, message = code): void {
    this.failures.set(method, { code, message });
  }

  private enter(method: string, ...args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
    const f = this.failures.get(method);
    if (f) {
      this.failures.delete(method);
      return Promise.reject(Object.assign(new Error(f.message), { code: f.code, name: "RichApi.Error" }));
    }
    return Promise.resolve();
  }

  called(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  async listSheets(): Promise<string[]> {
    await this.enter("listSheets");
    return Object.keys(this.sheets);
  }
  async readSheets(names: string[], options?: ReadOptions): Promise<Record<string, Grid>> {
    await this.enter("readSheets", names, options);
    const out: Record<string, Grid> = {};
    for (const n of names) {
      const g = this.sheets[n];
      if (g) out[n] = options?.rows !== undefined ? g.slice(0, options.rows) : g;
    }
    return out;
  }
  async writeSheets(
    sheets: OutputSheet[],
    onProgress?: (done: number, total: number) => void,
    options?: WriteOptions,
  ): Promise<void> {
    await this.enter("writeSheets", sheets, options);
    for (const n of options?.remove ?? []) delete this.sheets[n];
    sheets.forEach((s, i) => {
      this.sheets[s.name] = s.rows.map((r) =>
        r.map((c) => (typeof c === "object" && c !== null ? c.value : c)),
      );
      onProgress?.(i + 1, sheets.length);
    });
    for (const [k, v] of Object.entries(options?.settings ?? {})) this.settings.set(k, v);
    this.written.push(sheets);
  }
  async deleteSheets(names: string[]): Promise<void> {
    await this.enter("deleteSheets", names);
    for (const n of names) delete this.sheets[n];
  }
  async selectCell(sheet: string, address: string): Promise<void> {
    await this.enter("selectCell", sheet, address);
  }
  async createTemplate(sheets: TemplateSheet[]): Promise<string[]> {
    await this.enter("createTemplate", sheets);
    const created: string[] = [];
    for (const s of sheets) {
      if (this.sheets[s.name]) continue;
      this.sheets[s.name] = s.rows.map((r) => [...r]);
      created.push(s.name);
    }
    return created;
  }
  async getSetting(key: string): Promise<string | null> {
    await this.enter("getSetting", key);
    return this.settings.get(key) ?? null;
  }
  async setSetting(key: string, value: string): Promise<void> {
    await this.enter("setSetting", key, value);
    this.settings.set(key, value);
  }
  async writeSettings(rows: [string, string | number][], sheet = "设置"): Promise<void> {
    await this.enter("writeSettings", rows, sheet);
    this.sheets[sheet] = withSettings(this.sheets[sheet] ?? [], rows).grid;
  }
  async finalizeForSharing(options: FinalizeOptions): Promise<FinalizeReport> {
    await this.enter("finalizeForSharing", options);
    this.sheets[options.explanation.name] = options.explanation.rows.map((r) =>
      r.map((c) => (typeof c === "object" && c !== null ? c.value : c)),
    );
    return { replaced: 0, sheets: [], protected: options.protect.filter((n) => n in this.sheets) };
  }
}
