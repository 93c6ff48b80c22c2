/**
 * The state behind the recording fake of WPS 表格's ET object model (wps-fake.ts): sheets as
 * cell arrays plus the formats applied to them, and the log of value transfers.
 */
import type { EtPageSetup } from "../../src/host/wps-et";
import type { Block } from "./excel-fake-model";

export interface EtSheetModel {
  name: string;
  visible: number;
  cells: unknown[][];
  /** Cells that were formatted (WPS counts them in the used range). */
  formatted: Block[];
  numberFormats: { address: string; format: unknown }[];
  bold: string[];
  widths: { address: string; width: number }[];
  conditions: { address: string; formula: string; fill?: number; font?: number }[];
  protected: boolean;
  /** PageSetup as the host left it. */
  pageSetup: EtPageSetup;
  /** Rows frozen through the window (0: none). */
  frozenRows: number;
  /** Addresses of the manual page breaks added (HPageBreaks.Add). */
  pageBreaks?: string[];
}

export interface Transfer {
  sheet: string;
  address: string;
  kind: "read" | "Value2" | "Formula";
  cells: number;
  screenUpdating: boolean;
  calculation: number;
}

export const XL_CALCULATION_AUTOMATIC = -4105;

export function cellText(a: Block): string {
  const col = (c: number) => {
    let s = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const tl = `${col(a.col)}${a.row + 1}`;
  return a.rows === 1 && a.cols === 1 ? tl : `${tl}:${col(a.col + a.cols - 1)}${a.row + a.rows}`;
}

export function newModel(name: string): EtSheetModel {
  return {
    name,
    visible: -1,
    cells: [],
    formatted: [],
    numberFormats: [],
    bold: [],
    widths: [],
    conditions: [],
    protected: false,
    pageSetup: {
      Orientation: 1,
      PaperSize: 1,
      PrintTitleRows: "",
      Zoom: 100,
      FitToPagesWide: false,
      FitToPagesTall: false,
    },
    frozenRows: 0,
  };
}
