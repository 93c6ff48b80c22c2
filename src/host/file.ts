/**
 * The file host: WorkbookPort over .xlsx bytes for the command line and the task pane's
 * browser mode. The implementation is the zip-level host in ./xlsx (no exceljs, no Node
 * APIs); this module is what the rest of the code imports.
 */
import { colLetter } from "../engine";

export {
  XlsxWorkbook,
  XlsxWorkbook as FileWorkbook,
  SETTINGS_SHEET,
  WorkbookFileError,
  fileProblemMessage,
  sniffWorkbook,
  tierTone,
  STATUS_TONES,
  joinBytes,
  type XlsxWorkbookOptions,
  type XlsxWorkbookOptions as FileWorkbookOptions,
  type FileProblemKind,
} from "./xlsx";

/** A 0-based column index → its letters (0 → A, 26 → AA). */
export const columnLetter = colLetter;

/** Dates ↔ serials for callers of the file host: the engine's one conversion. */
export { dateToSerial, serialToDate } from "../engine";
