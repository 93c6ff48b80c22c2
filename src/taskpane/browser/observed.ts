/**
 * The file port as the browser shell hands it to the App: every call goes to the workbook;
 * selectCell also tells the preview which cell to show, and every write tells it to re-read.
 */
import type { WorkbookPort } from "../../host/port";

export interface PortObserver {
  onSelect: (sheet: string, address: string) => void;
  onChange: () => void;
}

export function observedPort(inner: WorkbookPort, observer: PortObserver): WorkbookPort {
  const changed =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const r = await f(...args);
      observer.onChange();
      return r;
    };
  const optional = <A extends unknown[], R>(f: ((...args: A) => Promise<R>) | undefined) =>
    f ? changed(f) : undefined;
  return {
    kind: inner.kind,
    listSheets: () => inner.listSheets(),
    readSheets: (names, options) => inner.readSheets(names, options),
    readNumberFormats: inner.readNumberFormats?.bind(inner),
    writeSheets: changed((sheets, onProgress, options) => inner.writeSheets(sheets, onProgress, options)),
    deleteSheets: changed((names: string[]) => inner.deleteSheets(names)),
    selectCell: async (sheet, address) => {
      await inner.selectCell(sheet, address);
      observer.onSelect(sheet, address);
    },
    createTemplate: optional(inner.createTemplate?.bind(inner)),
    getSetting: inner.getSetting?.bind(inner),
    setSetting: optional(inner.setSetting?.bind(inner)),
    writeSettings: optional(inner.writeSettings?.bind(inner)),
    finalizeForSharing: optional(inner.finalizeForSharing?.bind(inner)),
  };
}

/** `<name>-已定级.xlsx` from the opened file's name; a macro workbook stays .xlsm. */
export function downloadName(original: string, suffix: string, macro = false): string {
  const base = original.replace(/\.(xlsx|xlsm)$/i, "") || "workbook";
  return `${base}-${suffix}.${macro ? "xlsm" : "xlsx"}`;
}

/** Save bytes as a download (Blob + <a download>): nothing leaves the machine. */
export function saveBytes(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: name.endsWith(".xlsm")
      ? "application/vnd.ms-excel.sheet.macroEnabled.12"
      : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
