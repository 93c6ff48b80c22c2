/**
 * A small typed recording fake of the Excel JavaScript API: only the objects the Excel host
 * uses. Like office-js, every property set and method call is queued and runs at
 * `context.sync()`; loaded properties can be read only after the sync; a request or a
 * response over 5 MB is refused (RequestPayloadSizeLimitExceeded), as Excel on the web does.
 * It counts syncs and measures each request's bytes: the JSON size of the queued
 * operations' payloads (plus a small per-operation overhead for ids and addresses).
 * (office-addin-mock cannot do collections with `.items`, which the host needs.)
 */
import type { ExcelEnv } from "../../src/host/excel";
import {
  jsonSize,
  newSheet,
  OfficeError,
  PAYLOAD_LIMIT,
  readBlock,
  usedBlock,
  type RequestLog,
  type SheetModel,
} from "./excel-fake-model";

// The sheet, range, table and chart objects live in excel-fake-objects.ts (kept small).
import { FakeWorksheet } from "./excel-fake-objects";

export { OfficeError, parseBlock, type SheetModel } from "./excel-fake-model";

/** Bytes of an operation besides its payload (object path, ids, the address string). */
const OP_OVERHEAD = 40;

interface Pending {
  kind: string;
  bytes: number;
  run: () => void;
}

function notLoaded(what: string): never {
  throw new Error(`PropertyNotLoaded: ${what} was read before load() and sync()`);
}

export class FakeExcel {
  sheets: SheetModel[] = [];
  settings = new Map<string, unknown>();
  readonly requests: RequestLog[] = [];
  /** The active sheet and the selected cell ("Sheet!A1"), as the host left them. */
  active = "";
  selected = "";
  /** The highest requirement set supported is ExcelApi 1.<apiMinor>. */
  constructor(public apiMinor = 9) {}
  private failures: { error: OfficeError; when?: (ops: string[]) => boolean }[] = [];

  get syncs(): number {
    return this.requests.length;
  }
  get maxRequestBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.requestBytes));
  }
  get maxResponseBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.responseBytes));
  }
  /**
   * A coming sync fails with this error (nothing of that request runs): the next one, or
   * the next whose operations match `when` (e.g. ops => ops.includes("range.load:values")).
   */
  failNextSync(code: string, when?: (ops: string[]) => boolean, message = code): void {
    this.failures.push({ error: new OfficeError(code, message), when });
  }
  addSheet(name: string, grid: unknown[][] = []): SheetModel {
    const s = newSheet(name);
    s.cells = grid.map((r) => [...r]);
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): SheetModel {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  find(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  names(): string[] {
    return this.sheets.map((s) => s.name);
  }
  /** Cell values of a sheet, from A1 to its used range's bottom-right. */
  grid(name: string): unknown[][] {
    const s = this.sheet(name);
    const u = usedBlock(s);
    return u ? readBlock(s, { row: 0, col: 0, rows: u.row + u.rows, cols: u.col + u.cols }) : [];
  }
  env(): ExcelEnv {
    return {
      run: async (batch) => {
        const context = new FakeContext(this);
        const result = await batch(context as unknown as Excel.RequestContext);
        return result;
      },
      isSetSupported: (name, version) =>
        name === "ExcelApi" && Number(version.split(".")[1]) <= this.apiMinor,
    };
  }
  /** Run one request; used by FakeContext.sync. */
  execute(queue: Pending[], response: { bytes: number }): void {
    const log: RequestLog = {
      ops: queue.map((p) => p.kind),
      requestBytes: queue.reduce((n, p) => n + p.bytes, 0),
      responseBytes: 0,
    };
    this.requests.push(log);
    const at = this.failures.findIndex((f) => !f.when || f.when(log.ops));
    if (at >= 0) {
      const [{ error }] = this.failures.splice(at, 1);
      log.failed = error.code;
      throw error;
    }
    if (log.requestBytes > PAYLOAD_LIMIT) {
      log.failed = "RequestPayloadSizeLimitExceeded";
      throw new OfficeError(log.failed, "The request payload size has exceeded the limit.");
    }
    try {
      for (const p of queue) p.run();
    } catch (e) {
      log.failed = e instanceof OfficeError ? e.code : "Error";
      throw e;
    }
    log.responseBytes = response.bytes;
    if (response.bytes > PAYLOAD_LIMIT) {
      log.failed = "ResponsePayloadSizeLimitExceeded";
      throw new OfficeError(log.failed, "The response payload size has exceeded the limit.");
    }
  }
}

export class FakeContext {
  private queue: Pending[] = [];
  private response = { bytes: 0 };
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }
  enqueue(kind: string, payload: unknown, run: () => void): void {
    this.queue.push({ kind, bytes: OP_OVERHEAD + (payload === undefined ? 0 : jsonSize(payload)), run });
  }
  respond(v: unknown): void {
    this.response.bytes += jsonSize(v);
  }
  async sync(): Promise<void> {
    const queue = this.queue;
    const response = { bytes: 0 };
    this.queue = [];
    this.response = response;
    await Promise.resolve();
    this.excel.execute(queue, response);
  }
}

export class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    if (this.ctx.excel.apiMinor < 6) throw new Error("ApiNotFound: suspendApiCalculationUntilNextSync");
    this.ctx.enqueue("application.suspendApiCalculationUntilNextSync", undefined, () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    if (this.ctx.excel.apiMinor < 9) throw new Error("ApiNotFound: suspendScreenUpdatingUntilNextSync");
    this.ctx.enqueue("application.suspendScreenUpdatingUntilNextSync", undefined, () => undefined);
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
  }
}

export class FakeSettingCollection {
  constructor(private readonly ctx: FakeContext) {}
  add(key: string, value: unknown): void {
    this.ctx.enqueue("settings.add", [key, value], () => this.ctx.excel.settings.set(key, value));
  }
  getItemOrNullObject(key: string): FakeSetting {
    const s = new FakeSetting();
    this.ctx.enqueue("settings.getItemOrNullObject", key, () => {
      s.isNullObject = !this.ctx.excel.settings.has(key);
      s.loadedValue = this.ctx.excel.settings.get(key);
    });
    return s;
  }
}

export class FakeSetting {
  isNullObject = false;
  loadedValue: unknown;
  private loaded = false;
  load(_props: string): void {
    this.loaded = true;
  }
  get value(): unknown {
    return this.loaded ? this.loadedValue : notLoaded("setting.value");
  }
}

export class FakeWorksheetCollection {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(private readonly ctx: FakeContext) {}
  get items(): FakeWorksheet[] {
    return this.loadedItems ?? notLoaded("worksheets.items");
  }
  load(props: string): void {
    this.ctx.enqueue("worksheets.load", props, () => {
      this.loadedItems = this.ctx.excel.sheets.map((m, i) => {
        const w = new FakeWorksheet(this.ctx, () => m);
        w.snapshot(m, i);
        return w;
      });
      this.ctx.respond(this.ctx.excel.sheets.map((m) => [m.name, m.visibility]));
    });
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const m = this.ctx.excel.find(name);
      if (!m) throw new OfficeError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
      return m;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const w = this.getItem(name);
    this.ctx.enqueue("worksheets.getItemOrNullObject", name, () => {
      w.isNullObject = !this.ctx.excel.find(name);
    });
    return w;
  }
  add(name: string): FakeWorksheet {
    let model: SheetModel | undefined;
    this.ctx.enqueue("worksheets.add", name, () => {
      if (this.ctx.excel.find(name))
        throw new OfficeError("ItemAlreadyExists", `A sheet named ${name} already exists`);
      model = newSheet(name);
      this.ctx.excel.sheets.push(model);
    });
    return new FakeWorksheet(this.ctx, () => model ?? notLoaded("worksheet (add did not run)"));
  }
}
