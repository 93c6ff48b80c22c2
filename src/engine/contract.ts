/**
 * The workbook contract (DOMAIN §7): input sheet names with English aliases, their headers
 * with aliases, and reading a sheet's grid into a table (header → column, data rows).
 */
import { MAX_CELL_TEXT, describeOdd, isBlank, normHeader } from "./cells";
import type { Problems } from "./problems";
import type { Grid } from "./types";
import {
  LEDGER_SHEET,
  MEETINGS_SHEET,
  MEMBERS_SHEET,
  POINTS_SHEET,
  RECORD_SETTINGS_KEYS,
} from "./contract-records";
import { msg } from "./messages";

export { LEDGER_SHEET, MEETINGS_SHEET, MEMBERS_SHEET, POINTS_SHEET };

export interface HeaderSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
}

export interface SheetSpec {
  readonly name: string;
  readonly alias: string;
  readonly required: boolean;
  readonly headers: readonly HeaderSpec[];
}

const h = (name: string, aliases: string[], required = false): HeaderSpec => ({ name, aliases, required });

export const SETTINGS_SHEET: SheetSpec = {
  name: "设置",
  alias: "settings",
  required: false,
  headers: [h("项目", ["item", "key", "setting"], true), h("值", ["value"], true)],
};
export const RUBRIC_SHEET: SheetSpec = {
  name: "标准",
  alias: "rubric",
  required: true,
  headers: [
    h("指标编码", ["id"], true),
    h("领域", ["sector"]),
    h("维度", ["dimension"]),
    h("指标名称", ["name"]),
    h("类型", ["kind", "type"], true),
    h("满分", ["max"]),
    h("单项分值", ["unit"]),
    h("上限", ["cap"]),
    h("要求次数", ["required"]),
    h("否决后果", ["veto"]),
    h("下限", ["floor"]),
    h("排名分值", ["rankPoints"]),
    h("排名范围", ["rankScope"]),
    h("排序", ["order"]),
    h("来源", ["source"]),
  ],
};
export const BRANCHES_SHEET: SheetSpec = {
  name: "组织",
  alias: "branches",
  required: true,
  headers: [
    h("组织编码", ["id"], true),
    h("组织名称", ["name"], true),
    h("上级党组织", ["parent"], true),
    h("领域", ["sector"], true),
    h("党员数", ["members"]),
    h("上期等次", ["previous"]),
    h("示范点", ["demo"]),
    h("直接定级", ["direct"]),
  ],
};
export const SCORES_SHEET: SheetSpec = {
  name: "评分",
  alias: "scores",
  required: true,
  headers: [h("组织编码", ["id"], true), h("自评得分", ["self"]), h("测评满意度", ["survey"])],
};

/** The input sheets, required ones first, then the optional records (§4–§6). */
export const CONTRACT = {
  sheets: [
    SETTINGS_SHEET,
    RUBRIC_SHEET,
    BRANCHES_SHEET,
    SCORES_SHEET,
    LEDGER_SHEET,
    MEMBERS_SHEET,
    POINTS_SHEET,
    MEETINGS_SHEET,
  ] as readonly SheetSpec[],
  /** Keys of the 设置 sheet this engine reads (others are kept for other modules and ignored). */
  settingsKeys: [
    "等次",
    "分数线",
    "折算百分制",
    "加分总上限",
    "小数位数",
    "上级评定权重",
    "自评权重",
    "测评权重",
    "缺项处理",
    "维度下限",
    "满意度下限",
    "低于时最高",
    "名额上限",
    "名额分组",
    "名额取整",
    "基准分",
    "减分总上限",
    "统计日期",
    "晋位目标",
    "领域",
    ...RECORD_SETTINGS_KEYS,
  ] as readonly string[],
} as const;

/**
 * The name of the sheet in `available` that stands for the contract sheet `canonical`
 * (its Chinese name or its English alias; English case-insensitive; both trimmed).
 * `canonical` may be given in Chinese or English. Undefined when the workbook lacks it.
 */
export function resolveSheetName(available: string[], canonical: string): string | undefined {
  const c = canonical.trim().toLowerCase();
  const spec = CONTRACT.sheets.find((s) => s.name === canonical.trim() || s.alias === c);
  const names = spec ? [spec.name, spec.alias] : [canonical.trim()];
  for (const want of names) {
    const hit = available.find((a) => a.trim() === want || a.trim().toLowerCase() === want.toLowerCase());
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** A sheet read as a table. */
export interface Table {
  /** Canonical (Chinese) sheet name, used in problems. */
  sheet: string;
  grid: Grid;
  /** Canonical header → 0-based column. */
  cols: Map<string, number>;
  /** Every header cell's normalized text → column (for rubric-id columns of 评分). */
  raw: Map<string, number>;
  /** First free column on the header row (where a missing header would go). */
  freeCol: number;
  /** 0-based indices of non-blank data rows. */
  rows: Int32Array;
}

function rowIsBlank(row: unknown[] | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/**
 * Read a sheet's grid as a table: headers matched with aliases in any order, missing
 * required headers and duplicate headers reported, fully blank rows skipped.
 */
export function readTable(
  spec: SheetSpec,
  grid: Grid,
  problems: Problems,
  extraRequired: string[] = [],
): Table {
  const header = (grid[0] ?? []) as unknown[];
  const cols = new Map<string, number>();
  const raw = new Map<string, number>();
  let last = -1;
  for (let c = 0; c < header.length; c++) {
    const v = header[c];
    if (isBlank(v)) continue;
    last = c;
    const n = normHeader(v);
    if (!raw.has(n)) raw.set(n, c);
    const hs = spec.headers.find(
      (x) => normHeader(x.name) === n || x.aliases.some((a) => a.toLowerCase() === n),
    );
    if (!hs) continue;
    if (cols.has(hs.name)) {
      problems.at(
        spec.name,
        0,
        c,
        msg("headerRepeated", { header: hs.name, col: colName(cols.get(hs.name)!) }),
      );
      continue;
    }
    cols.set(hs.name, c);
  }
  const freeCol = last + 1;
  for (const hs of spec.headers) {
    if ((hs.required || extraRequired.includes(hs.name)) && !cols.has(hs.name)) {
      const alias = hs.aliases.length ? msg("headerAlias", { alias: hs.aliases[0]! }) : "";
      problems.at(spec.name, 0, freeCol, msg("headerMissing", { header: hs.name, alias, row: 1 }));
    }
  }
  const all = new Int32Array(Math.max(0, grid.length - 1));
  let k = 0;
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    const v = row ? row[0] : undefined;
    // Fast path: a first cell that is a number or non-space text makes the row non-blank.
    if (
      typeof v === "number" ||
      (typeof v === "string" && v.length > 0 && v.charCodeAt(0) > 32) ||
      !rowIsBlank(row)
    )
      all[k++] = r;
  }
  const rows = all.subarray(0, k);
  checkOddCells(spec.name, grid, cols, rows, problems);
  return { sheet: spec.name, grid, cols, raw, freeCol, rows };
}

/**
 * Cells of the contract's columns that cannot be read as typed: a formula saved without
 * its value, text past Excel's 32,767 characters (a cell that long would be cut, or refused,
 * when written back). Dates are read by each column's own reader, which names them.
 */
function checkOddCells(
  sheet: string,
  grid: Grid,
  cols: Map<string, number>,
  rows: Int32Array,
  problems: Problems,
): void {
  for (const c of cols.values()) {
    for (let i = 0; i < rows.length; i++) {
      const v = grid[rows[i]!]?.[c];
      if (
        typeof v === "object"
          ? v !== null && !(v instanceof Date)
          : typeof v === "string" && v.length > MAX_CELL_TEXT
      ) {
        const odd = describeOdd(v);
        if (odd !== null) problems.at(sheet, rows[i]!, c, msg("cellIsOdd", { odd }));
      }
    }
  }
}

function colName(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The cell of a row at a canonical header ("" when the column is missing or the row short). */
export function cellOf(t: Table, r: number, header: string): unknown {
  const c = t.cols.get(header);
  if (c === undefined) return "";
  const row = t.grid[r];
  return row ? (row[c] ?? "") : "";
}
