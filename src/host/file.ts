/**
 * The file host: WorkbookPort over .xlsx bytes for the command line and the task pane's
 * browser mode. The implementation is the zip-level host in ./xlsx (no exceljs, no Node
 * APIs); this module is what the rest of the code imports.
 */
import { colLetter } from "../engine/cells";

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

const MS_PER_DAY = 86_400_000;
/** Days between 1899-12-30 (Excel's day 0, counting its 1900 leap-year bug) and 1970-01-01. */
const EPOCH_OFFSET = 25_569;

/** A JavaScript Date (UTC) → an Excel 1900-system serial number. */
export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + EPOCH_OFFSET;
}

/** An Excel 1900-system serial number → a UTC Date. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - EPOCH_OFFSET) * MS_PER_DAY));
}
