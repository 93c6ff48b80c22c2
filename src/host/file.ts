/**
 * The file host: WorkbookPort over .xlsx bytes for the command line and the task pane's
 * browser mode. The implementation is the zip-level host in ./xlsx (no exceljs, no Node
 * APIs); this module is what the rest of the code imports.
 */
export {
  XlsxWorkbook,
  SETTINGS_SHEET,
  WorkbookFileError,
  fileProblemMessage,
  sniffWorkbook,
  joinBytes,
  type XlsxWorkbookOptions,
  type FileProblemKind,
} from "./xlsx";
