/**
 * The subset of WPS 表格's ET object model (VBA-like, synchronous) that the WPS host uses,
 * typed so that the host and its recording fake agree. Names and arguments follow the ET
 * reference (WPS 开发文档 · 表格 API): Application, Workbook, Worksheets, Worksheet, Range.
 */

/** XlCalculation: Application.Calculation. */
export const XL_CALCULATION_MANUAL = -4135;
/** XlSheetVisibility: Worksheet.Visible. */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_VERY_HIDDEN = 2;
/** XlPageOrientation and XlPaperSize.xlPaperA4. */
export const XL_PORTRAIT = 1;
export const XL_LANDSCAPE = 2;
export const XL_PAPER_A4 = 9;
/** XlFormatConditionType.xlCellValue and XlFormatConditionOperator.xlEqual. */
export const XL_CELL_VALUE = 1;
export const XL_EQUAL = 3;

export interface EtFont {
  Bold: boolean;
  /** BGR, as VBA's RGB() gives it. */
  Color: number;
}

export interface EtInterior {
  Color: number;
}

export interface EtFormatCondition {
  Interior: EtInterior;
  Font: EtFont;
}

export interface EtFormatConditions {
  Add(type: number, operator?: number, formula1?: string): EtFormatCondition;
  Delete(): void;
}

export interface EtCount {
  readonly Count: number;
}

export interface EtRange {
  /** A single cell's value, or rows of values for a block (dates as serial numbers). */
  Value2: unknown;
  /** Like Value2; written instead when a block holds formulas. */
  Formula: unknown;
  NumberFormat: unknown;
  ColumnWidth: number;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtCount;
  readonly Columns: EtCount;
  readonly Font: EtFont;
  readonly Interior: EtInterior;
  readonly FormatConditions: EtFormatConditions;
  Select(): void;
  Clear(): void;
}

export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  /** "$1:$1": rows repeated at the top of every printed page. */
  PrintTitleRows: string;
  /** false, so that FitToPagesWide/Tall decide the scale. */
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
}

/** The window of the active sheet: where panes are frozen. */
export interface EtWindow {
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export interface EtWorksheet {
  Name: string;
  Visible: number;
  readonly PageSetup: EtPageSetup;
  /** Manual page breaks: Add(range) breaks before the range's first row. */
  readonly HPageBreaks: { Add(before: EtRange): unknown };
  readonly UsedRange: EtRange;
  readonly Cells: EtRange;
  Range(address: string): EtRange;
  Activate(): void;
  Delete(): void;
  /** Protect without a password (as the other hosts' 定稿 does). */
  Protect(): void;
}

export interface EtWorksheets {
  readonly Count: number;
  /** 1-based index or name. */
  Item(index: number | string): EtWorksheet;
  /** New sheet after `after` (before the active sheet when both are omitted). */
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null, count?: number): EtWorksheet;
}

export interface EtWorkbook {
  readonly Worksheets: EtWorksheets;
  readonly ActiveSheet: EtWorksheet | null;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  /** The active sheet's window (null without a window, e.g. a hidden workbook). */
  readonly ActiveWindow: EtWindow | null;
  ScreenUpdating: boolean;
  Calculation: number;
  DisplayAlerts: boolean;
  EnableEvents: boolean;
}

/** The task pane object `CreateTaskPane` returns (the ribbon page uses it). */
export interface EtTaskPane {
  readonly ID: string;
  Visible: boolean;
  Navigate?(url: string): void;
}

/** What the ribbon page needs of the WPS application besides the workbook. */
export interface WpsAddinApi {
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: string): EtTaskPane | null;
  readonly PluginStorage: {
    getItem(key: string): unknown;
    setItem(key: string, value: unknown): void;
  };
}
