/** The zip-level .xlsx host (see workbook.ts). */
export { XlsxWorkbook, SETTINGS_SHEET, type XlsxWorkbookOptions } from "./workbook";
export { WorkbookFileError, fileProblemMessage, sniffWorkbook, type FileProblemKind } from "./errors";
export { parseSharedStrings } from "./read-sheet";
export { readSheetGrid } from "./sheet-reader";
export { joinBytes } from "./xml";
