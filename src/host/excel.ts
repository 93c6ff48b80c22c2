/**
 * The WorkbookPort inside Excel (office-js). Every call is one Excel.run with a bounded
 * number of syncs: grading = readSheets (2) + writeSheets (2), plus one per extra chunk
 * when a sheet's values exceed the request budget. Errors are never caught here except
 * to take a documented fallback; they reach the task pane, which tells the user what to do.
 * Imports only the engine (types, pure helpers) and ./port.
 */
import type { TemplateSheet, Grid, OutputSheet } from "../engine";
import {
  DEFAULT_LIMITS,
  detectCaps,
  type BatchStats,
  type ExcelCaps,
  type IsSetSupported,
  type Limits,
} from "./excel-batch";
import { readSheetsIn } from "./excel-read";
import { getSettingIn, setSettingIn, SETTINGS_SHEET } from "./excel-settings";
import { finalizeIn, writeSettingsIn } from "./excel-share";
import { createTemplateIn } from "./excel-template";
import { writeSheetsIn } from "./excel-write";
import { OWNED_SHEETS_KEY } from "./ownership";
import type { FinalizeOptions, ReadOptions, WorkbookPort, WriteOptions } from "./port";

/** How the port reaches Excel: Excel.run and the requirement-set check (a fake in tests). */
export interface ExcelEnv {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported: IsSetSupported;
}

/** The real environment (inside Office, after Office.onReady). */
export function officeEnv(): ExcelEnv {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

export interface ExcelPort extends WorkbookPort {
  readonly kind: "excel";
  /** Counters since the port was made (tests, bench). */
  readonly stats: BatchStats;
  readonly caps: ExcelCaps;
}

export function createExcelPort(env: ExcelEnv = officeEnv(), limits: Partial<Limits> = {}): ExcelPort {
  const caps = detectCaps(env.isSetSupported);
  const lim: Limits = { ...DEFAULT_LIMITS, ...limits };
  const stats: BatchStats = { syncs: 0, chunks: 0 };

  const port: ExcelPort = {
    kind: "excel",
    stats,
    caps,

    listSheets: () =>
      env.run(async (context) => {
        const wss = context.workbook.worksheets;
        wss.load("items/name");
        await context.sync();
        stats.syncs++;
        return wss.items.map((w) => w.name).filter((n) => n !== SETTINGS_SHEET);
      }),

    readSheets: (names: string[], options?: ReadOptions): Promise<Record<string, Grid>> =>
      env.run((context) => readSheetsIn(context, caps, names, options, lim, stats)),

    writeSheets: async (
      sheets: OutputSheet[],
      onProgress?: (done: number, total: number) => void,
      options?: WriteOptions,
    ) => {
      // Without Workbook.settings the record lives in the very hidden sheet: read it first.
      const fallback = caps.settings ? null : await port.getSetting!(OWNED_SHEETS_KEY);
      const record = await env.run((context) =>
        writeSheetsIn(context, caps, sheets, onProgress, options, lim, stats, fallback),
      );
      if (!caps.settings) {
        for (const [key, value] of Object.entries({ ...options?.settings, [OWNED_SHEETS_KEY]: record }))
          await port.setSetting?.(key, value);
      }
    },

    // Only sheets the product wrote are deleted (the ownership record decides).
    deleteSheets: (names: string[]) => port.writeSheets([], undefined, { remove: names }),

    selectCell: (sheet: string, address: string) =>
      env.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        if (address !== "") ws.getRange(address).select();
        await context.sync();
        stats.syncs++;
      }),

    createTemplate: (sheets: TemplateSheet[]) =>
      env.run((context) => createTemplateIn(context, caps, sheets, lim, stats)),

    getSetting: (key: string) => env.run((context) => getSettingIn(context, caps, key, stats)),

    setSetting: (key: string, value: string) =>
      env.run((context) => setSettingIn(context, caps, key, value, stats)),

    writeSettings: (rows: [string, string | number][], sheet = "设置") =>
      env.run((context) => writeSettingsIn(context, caps, rows, sheet, lim, stats)),

    finalizeForSharing: (options: FinalizeOptions) =>
      env.run((context) => finalizeIn(context, caps, options, lim, stats)),
  };
  return port;
}
