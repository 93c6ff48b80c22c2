/**
 * The WorkbookPort inside WPS 表格 (a WPS 加载项), over the ET object model: the same
 * contract as the Excel and file hosts. ET calls are synchronous; each method does its work
 * in one go. Settings live in the very hidden key | value sheet the other hosts also read,
 * and so does the record of the output sheets we own (DOMAIN §7): a sheet bearing an
 * output's name that we did not write is never replaced or deleted.
 */
import { DEFAULT_TIERS, problemsSheet, type TemplateSheet, type Grid, type OutputSheet } from "../engine";
import { SETTINGS_SHEET } from "./port";
import { OWNED_SHEETS_KEY, parseOwned, planOwnedWrite, sheetsToProbe, type OwnedWrite } from "./ownership";
import type { FinalizeOptions, FinalizeReport, ReadOptions, WorkbookPort, WriteOptions } from "./port";
import type { EtApplication, EtWorkbook } from "./wps-et";
import {
  findSheet,
  readGrid,
  readSettings,
  whileWriting,
  worksheets,
  writeSettingsSheet,
} from "./wps-sheets";
import { createTemplateEt, protectSheets, writeSettingsRowsEt } from "./wps-share";
import { blocksOf, writeOutputSheets } from "./wps-write";

/** Without a record (graded before it existed), a 问题 sheet is ours when its header row is ours. */
const LEGACY_REMOVE_ROWS: Record<string, readonly unknown[]> = (() => {
  const p = problemsSheet([]);
  return { [p.name]: p.rows[0] };
})();

/** The ET application of the page, when it runs inside WPS 表格 (null elsewhere). */
export function wpsApplication(scope: unknown = globalThis): EtApplication | null {
  const g = scope as { wps?: { EtApplication?: () => unknown }; Application?: unknown };
  const app = g.wps?.EtApplication?.() ?? g.Application;
  if (typeof app !== "object" || app === null) return null;
  // Office pages have no such global; a WPS text or presentation add-in has no Worksheets.
  return "ActiveWorkbook" in app && "Worksheets" in app ? (app as unknown as EtApplication) : null;
}

export interface WpsPort extends WorkbookPort {
  readonly kind: "wps";
}

export function createWpsPort(app: EtApplication): WpsPort {
  const book = (): EtWorkbook => {
    const wb = app.ActiveWorkbook;
    if (!wb) throw new Error("WPS 表格中没有打开的工作簿。 / No workbook is open in WPS Spreadsheets.");
    return wb;
  };

  const read = (wb: EtWorkbook, names: string[], options?: ReadOptions): Record<string, Grid> => {
    const out: Record<string, Grid> = {};
    for (const name of new Set(names)) {
      const ws = findSheet(wb, name);
      if (ws) out[name] = readGrid(ws, options?.rows);
    }
    return out;
  };

  /** Ownership decided before anything is written (throws SheetOwnershipError). */
  const plan = (wb: EtWorkbook, sheets: readonly OutputSheet[], remove: readonly string[]): OwnedWrite => {
    const existing = worksheets(wb).map((w) => w.Name);
    const owned = parseOwned(readSettings(wb).get(OWNED_SHEETS_KEY));
    const probe = sheetsToProbe(existing, owned, [...sheets.map((s) => s.name), ...remove]);
    const firstRows = read(wb, probe, { rows: 1 });
    return planOwnedWrite({ existing, owned, firstRows }, sheets, remove, LEGACY_REMOVE_ROWS);
  };

  const removeSheets = (wb: EtWorkbook, names: readonly string[]) => {
    for (const n of names) findSheet(wb, n)?.Delete();
  };

  const port: WpsPort = {
    kind: "wps",

    listSheets: async () =>
      worksheets(book())
        .map((w) => w.Name)
        .filter((n) => n !== SETTINGS_SHEET),

    readSheets: async (names: string[], options?: ReadOptions) => read(book(), names, options),

    writeSheets: async (
      sheets: OutputSheet[],
      onProgress?: (done: number, total: number) => void,
      options?: WriteOptions,
    ) => {
      const wb = book();
      const decided = plan(wb, sheets, options?.remove ?? []);
      const total = sheets.reduce((n, s) => n + blocksOf(s), 0) + 1;
      let done = 0;
      whileWriting(app, () => {
        removeSheets(wb, decided.remove);
        writeOutputSheets(app, wb, sheets, options?.tiers ?? DEFAULT_TIERS, () =>
          onProgress?.(Math.min(++done, total - 1), total),
        );
        writeSettingsSheet(wb, { ...options?.settings, [OWNED_SHEETS_KEY]: decided.record });
      });
      onProgress?.(total, total);
    },

    deleteSheets: async (names: string[]) => {
      const wb = book();
      const decided = plan(wb, [], names);
      if (decided.remove.length === 0) return;
      whileWriting(app, () => {
        removeSheets(wb, decided.remove);
        writeSettingsSheet(wb, { [OWNED_SHEETS_KEY]: decided.record });
      });
    },

    selectCell: async (sheet: string, address: string) => {
      const ws = findSheet(book(), sheet);
      if (!ws) return;
      ws.Activate();
      if (address !== "") ws.Range(address).Select();
    },

    createTemplate: async (sheets: TemplateSheet[]) => {
      const wb = book();
      return whileWriting(app, () => createTemplateEt(wb, sheets));
    },

    getSetting: async (key: string) => readSettings(book()).get(key) ?? null,

    setSetting: async (key: string, value: string) => {
      const wb = book();
      whileWriting(app, () => writeSettingsSheet(wb, { [key]: value }));
    },

    writeSettings: async (rows: [string, string | number][], sheet = "设置") => {
      const wb = book();
      const grid = read(wb, [sheet])[sheet];
      whileWriting(app, () => writeSettingsRowsEt(wb, sheet, grid, rows));
    },

    // DJ.* custom functions exist in Excel only, so in WPS there is no formula to replace.
    finalizeForSharing: async (options: FinalizeOptions): Promise<FinalizeReport> => {
      await port.writeSheets([options.explanation]);
      const wb = book();
      return { replaced: 0, sheets: [], protected: protectSheets(wb, options.protect) };
    },
  };
  return port;
}
