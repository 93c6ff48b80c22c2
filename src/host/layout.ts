/**
 * Which sheets hold what (DOMAIN §7, §7.1), decided from the top rows of every sheet: the
 * contract sheets (header row found among the first 10 rows, office words accepted), or an
 * office workbook — one 评分表, or several sheets read as one table — with the criteria taken
 * from 标准 or, without it, from headers such as `班子建设（15分）`. Pure.
 */
import {
  BRANCHES_SHEET,
  CONTRACT,
  OUTPUT_SHEETS,
  RUBRIC_SHEET,
  SCORES_SHEET,
  SETTINGS_SHEET,
  NOTICES_SHEET,
  PROBLEMS_SHEET,
  RULE_SHEET,
  addr,
  msg,
  normHeader,
  problemOf,
  resolveSheetName,
  splitList,
  type SheetSpec,
  type Grid,
  type Problem,
} from "../engine";
import {
  HAND_WORDS,
  HEADER_SEARCH_ROWS,
  assignFields,
  findHeaderRow,
  headerWord,
  pointsHeader,
  rowLabels,
  type HeaderRow,
  type MergeRange,
} from "./headers";

/** Canonical sheet → canonical field → the header text that stands for it (saved in the workbook). */
export type ColumnMapping = Record<string, Record<string, string>>;
/** Sheet name → 1-based header row chosen by the user. */
export type HeaderRows = Record<string, number>;

export interface RawSheet {
  grid: Grid;
  merges?: MergeRange[];
}

/** One sheet read as (part of) a table. */
export interface Source {
  sheet: string;
  header: HeaderRow;
  /** Canonical field → column. */
  fields: Map<string, number>;
  /** Criterion columns: id and column (max from the header when no 标准). */
  criteria: { id: string; col: number; max: number | null }[];
  /** Column of a typed 总分 (合计, 得分), or -1. */
  total: number;
}

export interface Layout {
  kind: "contract" | "office";
  settings?: string;
  /** The 标准 sheet, or undefined when the criteria come from the headers. */
  rubric?: Source;
  branches: Source[];
  scores: Source[];
  /** No 标准: the criteria found in the headers, in order (id, 满分, where first seen). */
  derived: { id: string; max: number; sheet: string; row: number; col: number }[] | null;
  /** Required contract sheets neither present nor stood in for. */
  missing: string[];
}

/** Sheets never read as office data: the other contract sheets (optional ones too), outputs, 说明. */
const NOT_DATA = new Set<string>([
  ...CONTRACT.sheets
    .filter((x) => x !== BRANCHES_SHEET && x !== SCORES_SHEET)
    .flatMap((x) => [x.name, x.alias]),
  ...OUTPUT_SHEETS,
  NOTICES_SHEET,
  PROBLEMS_SHEET,
  RULE_SHEET,
  "说明",
]);

const ORG_FIELDS: readonly SheetSpec[] = [BRANCHES_SHEET, SCORES_SHEET];

/** The 数据表 list of 设置 (sheet names), or null when the key is absent. */
export function dataSheetsSetting(settings: Grid | undefined): string[] | null {
  if (!settings) return null;
  for (const row of settings) {
    if (normHeader(row?.[0]) === "数据表" || normHeader(row?.[0]) === "datasheets")
      return splitList(String(row?.[1] ?? ""));
  }
  return null;
}

/** Criterion ids of the 标准 sheet (normalized), read loosely: ids only. */
function rubricIds(src: Source | undefined, grid: Grid | undefined): Set<string> {
  const ids = new Set<string>();
  const c = src?.fields.get("指标编码");
  if (!src || !grid || c === undefined) return ids;
  for (let r = src.header.row + src.header.height; r < grid.length; r++) {
    const w = normHeader(grid[r]?.[c]);
    if (w !== "") ids.add(w);
  }
  return ids;
}

function source(
  sheet: string,
  raw: RawSheet,
  specs: readonly SheetSpec[],
  mapping: Record<string, string>,
  accept: (fields: Map<string, number>, labels: string[]) => boolean,
  ids: Set<string> | null,
  forced?: number,
): Source | null {
  const merges = raw.merges ?? [];
  const head = findHeaderRow(
    raw.grid,
    merges,
    (labels) => {
      const f = assignFields(labels, specs, mapping);
      return accept(f, labels)
        ? (f.get("组织编码") ?? f.get("组织名称") ?? f.values().next().value ?? 0)
        : -1;
    },
    forced,
  );
  if (!head) return null;
  const fields = assignFields(head.labels, specs, mapping);
  const used = new Set(fields.values());
  const criteria: Source["criteria"] = [];
  let total = -1;
  head.labels.forEach((label, col) => {
    if (used.has(col) || label === "") return;
    const word = headerWord(label);
    if (HAND_WORDS.has(word)) {
      if (total < 0 && (word === "总分" || word === "合计" || word === "得分")) total = col;
      return;
    }
    if (ids) {
      if (ids.has(normHeader(label))) criteria.push({ id: label, col, max: null });
      else if (ids.has(word)) criteria.push({ id: word, col, max: null });
      return;
    }
    const p = pointsHeader(label);
    if (p) criteria.push({ id: p.name, col, max: p.max });
  });
  return { sheet, header: head, fields, criteria, total };
}

const hasAll = (spec: SheetSpec) => (f: Map<string, number>) =>
  spec.headers.every((h) => !h.required || f.has(h.name) || (h.name === "组织编码" && f.has("组织名称")));

/** 1-based row (of the first 10) holding most of the spec's required headers; 1 when none does. */
function bestRow(raw: RawSheet, spec: SheetSpec, mapping: Record<string, string>): number {
  let best = 1;
  let most = 0;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, raw.grid.length); r++) {
    const f = assignFields(rowLabels(raw.grid, r, raw.merges ?? []), [spec], mapping);
    const n = spec.headers.filter((h) => h.required && f.has(h.name)).length;
    if (n > most) [best, most] = [r + 1, n];
  }
  return best;
}

/** Decide the layout from the top rows (`heads`) of the sheets `names` (workbook order). */
export function planLayout(
  names: string[],
  heads: Record<string, RawSheet>,
  mapping: ColumnMapping,
  headerRows: HeaderRows = {},
): Layout {
  const settings = resolveSheetName(names, SETTINGS_SHEET.name);
  const rubricName = resolveSheetName(names, RUBRIC_SHEET.name);
  const bName = resolveSheetName(names, BRANCHES_SHEET.name);
  const sName = resolveSheetName(names, SCORES_SHEET.name);
  const at = (
    n: string | undefined,
    spec: SheetSpec,
    specs: readonly SheetSpec[],
    ids: Set<string> | null,
  ) => {
    if (n === undefined || !heads[n]) return undefined;
    const m =
      spec === RUBRIC_SHEET
        ? { ...mapping[spec.name] }
        : { ...mapping[BRANCHES_SHEET.name], ...mapping[spec.name] };
    const got = source(n, heads[n], specs, m, hasAll(spec), ids, headerRows[n]);
    // No row holds them all: the row holding most, so the engine names what is missing there.
    return (
      got ??
      source(n, heads[n], specs, m, () => true, ids, headerRows[n] ?? bestRow(heads[n], spec, m)) ??
      undefined
    );
  };
  const rubric = at(rubricName, RUBRIC_SHEET, [RUBRIC_SHEET], null);
  const ids = rubric ? rubricIds(rubric, heads[rubricName!]?.grid) : null;
  if (bName !== undefined && sName !== undefined) {
    const b = at(bName, BRANCHES_SHEET, [BRANCHES_SHEET], ids);
    const s = at(sName, SCORES_SHEET, ORG_FIELDS, ids ?? null);
    return {
      kind: "contract",
      settings,
      rubric,
      branches: b ? [b] : [],
      scores: s ? [s] : [],
      derived: rubric ? null : derive(s ? [s] : []),
      missing: rubricName === undefined && s?.criteria.length === 0 ? [RUBRIC_SHEET.name] : [],
    };
  }
  const listed = dataSheetsSetting(settings !== undefined ? heads[settings]?.grid : undefined);
  const pool = listed
    ? listed.map((n) => resolveSheetName(names, n) ?? n).filter((n) => heads[n] !== undefined)
    : names.filter((n) => !NOT_DATA.has(n.trim()) && n !== settings && n !== rubricName);
  const data: Source[] = [];
  for (const n of pool) {
    const m = { ...mapping[BRANCHES_SHEET.name], ...mapping[SCORES_SHEET.name] };
    const accept = (f: Map<string, number>, labels: string[]) =>
      (f.has("组织名称") || f.has("组织编码")) &&
      labels.some((l) => {
        const w = headerWord(l);
        return ids ? ids.has(w) : pointsHeader(l) !== null && !HAND_WORDS.has(w);
      });
    const s = source(n, heads[n]!, ORG_FIELDS, m, accept, ids, headerRows[n]);
    if (s && (s.fields.has("组织名称") || s.fields.has("组织编码")) && s.criteria.length > 0) data.push(s);
  }
  const missing: string[] = [];
  if (data.length === 0) {
    if (bName === undefined) missing.push(BRANCHES_SHEET.name);
    if (sName === undefined) missing.push(SCORES_SHEET.name);
    if (rubricName === undefined) missing.push(RUBRIC_SHEET.name);
  }
  return {
    kind: data.length > 0 ? "office" : "contract",
    settings,
    rubric,
    branches: data,
    scores: data,
    derived: rubric ? null : derive(data),
    missing,
  };
}

/** The criteria named by `（N分）` headers, in order of first appearance across the sources. */
function derive(sources: Source[]): Layout["derived"] {
  const out: NonNullable<Layout["derived"]> = [];
  for (const s of sources)
    for (const c of s.criteria)
      if (c.max !== null && !out.some((x) => x.id === c.id))
        out.push({
          id: c.id,
          max: c.max,
          sheet: s.sheet,
          row: s.header.row + s.header.height - 1,
          col: c.col,
        });
  return out;
}

/** The same criterion written with different points on different sheets: which 满分 is meant? */
export function pointsConflicts(layout: Layout): Problem[] {
  const out: Problem[] = [];
  for (const d of layout.derived ?? [])
    for (const s of layout.scores)
      for (const c of s.criteria)
        if (c.id === d.id && c.max !== null && c.max !== d.max)
          out.push(
            problemOf(
              s.sheet,
              addr(s.header.row + s.header.height - 1, c.col),
              msg("pointsConflict", {
                id: d.id,
                max: c.max,
                sheet: d.sheet,
                cell: addr(d.row, d.col),
                other: d.max,
              }),
            ),
          );
  return out;
}

/** Labels of the header row again (for the pane's column lists). */
export function labelsAt(raw: RawSheet, row: number): string[] {
  return rowLabels(raw.grid, row, raw.merges ?? []);
}
