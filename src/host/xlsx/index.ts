/** The zip-level .xlsx host (see workbook.ts). */
export { XlsxWorkbook, SETTINGS_SHEET, type XlsxWorkbookOptions } from "./workbook";
export { WorkbookFileError, fileProblemMessage, sniffWorkbook, type FileProblemKind } from "./errors";
export { readSheetGrid, parseSharedStrings } from "./read-sheet";
export { tierTone, STATUS_TONES } from "./tones";
