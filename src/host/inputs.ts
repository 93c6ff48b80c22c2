/**
 * The one input reader every door (task pane, browser, WPS, command line) uses, through a
 * WorkbookPort only: which contract sheets exist (aliases resolved), or how an office's own
 * sheets stand in for them (DOMAIN §7.1: header row in the first 10 rows, merged and two-row
 * headers, synonyms, no codes, one 评分表, sheets as one table, no 标准); the user's column
 * mapping and header rows (stored in the workbook); and the grids handed to the engine, with
 * problems and notices mapped back to the cells the clerk typed.
 */
import {
  CONTRACT,
  gradeWorkbook,
  noticesSheet,
  normHeader,
  resolveSheetName,
  type GradeOptions,
  type GradeResult,
  type SheetSpec,
  type Grid,
  type Problem,
} from "../engine";
import { assignFields, HEADER_SEARCH_ROWS, wordsOf, type MergeRange } from "./headers";
import {
  planLayout,
  pointsConflicts,
  type ColumnMapping,
  type HeaderRows,
  type Layout,
  type RawSheet,
} from "./layout";
import { contractGrids, type Origin } from "./office";
import { remapProblems } from "./origin";
import type { WorkbookPort } from "./port";
import { describeLayout, type Found } from "./found";
import { convertedSheets } from "./convert";

export type { ColumnMapping, HeaderRows, Layout } from "./layout";
export type { Found } from "./found";
export type { Origin } from "./office";
export { fieldGroups, mappingFrom, type FieldGroup } from "./choices";
export { convertedSheets } from "./convert";

export {
  HEADER_ROWS_KEY,
  LAST_RUN_KEY,
  MAPPING_KEY,
  loadHeaderRows,
  loadLastRun,
  loadMapping,
  saveHeaderRows,
  saveMapping,
  type LastRun,
} from "./stored";

export interface SheetState {
  spec: SheetSpec;
  /** The sheet's name in the workbook (may be the English alias); undefined when absent. */
  actual?: string;
  /** Header row texts, as they are (present sheets only; merged and two-row headers filled in). */
  headers: string[];
  /** Required headers not found, neither by name/alias/synonym nor through the mapping. */
  missing: string[];
  /** The office sheets that stand in for this contract sheet (DOMAIN §7.1), when it is absent. */
  sources?: string[];
  /** 1-based header row used. */
  headerRow?: number;
  /** The layout found at inspection (the same object on every state). */
  layout?: Layout;
}

/**
 * The contract sheets, required ones first, then the optional ones (§4–§6); these pass
 * through to the engine by their names, as read.
 */
export { actualSheetName } from "./found";

export const CONTRACT_SHEETS: readonly SheetSpec[] = CONTRACT.sheets;
/** The sheets gradeWorkbook reads (DOMAIN §7 inputs; the optional ledgers are not graded here). */
export const GRADED_SHEETS = CONTRACT_SHEETS.filter((s) => s.required || s.name === "设置");

function headerText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/** Does a header cell stand for the spec header, by name, alias, synonym or the user's mapping? */
export function headerMatches(
  cell: string,
  sheet: string,
  spec: SheetSpec["headers"][number],
  mapping: ColumnMapping,
): boolean {
  const n = normHeader(cell);
  if (n === "") return false;
  if (wordsOf(spec).includes(n) || spec.aliases.some((a) => a.toLowerCase() === n)) return true;
  const mapped = mapping[sheet]?.[spec.name];
  return mapped !== undefined && normHeader(mapped) === n;
}

export function missingHeaders(spec: SheetSpec, headers: string[], mapping: ColumnMapping): string[] {
  const got = assignFields(headers, [spec], mapping[spec.name] ?? {});
  return spec.headers
    .filter((h) => h.required && !got.has(h.name))
    .filter((h) => !(h.name === "组织编码" && got.has("组织名称") && spec.name !== "整改台账"))
    .map((h) => h.name);
}

/** Sheet names, top rows (merges too, where the host gives them), and 设置/标准 whole. */
async function readHeads(port: WorkbookPort): Promise<{ names: string[]; heads: Record<string, RawSheet> }> {
  const names = await port.listSheets();
  const whole = ["设置", "标准"].map((n) => resolveSheetName(names, n)).filter((n) => n !== undefined);
  const top = names.filter((n) => !whole.includes(n));
  const grids = top.length > 0 ? await port.readSheets(top, { rows: HEADER_SEARCH_ROWS }) : {};
  const full = whole.length > 0 ? await port.readSheets(whole) : {};
  const heads: Record<string, RawSheet> = {};
  for (const [n, grid] of Object.entries({ ...grids, ...full })) heads[n] = { grid, merges: [] };
  return { names, heads };
}

/**
 * The layout, with merged header cells where the host gives them. Merges are asked for only
 * for sheets read as an office keeps them (a header below row 1, or office data sheets): a
 * contract workbook, however large, costs no extra read.
 */
async function layoutOf(
  port: WorkbookPort,
  names: string[],
  heads: Record<string, RawSheet>,
  mapping: ColumnMapping,
  headerRows: HeaderRows,
): Promise<Layout> {
  const first = planLayout(names, heads, mapping, headerRows);
  if (!port.readMerges) return first;
  const sources = [...first.branches, ...first.scores];
  const office = sources.filter((s) => first.kind === "office" || s.header.row > 0).map((s) => s.sheet);
  const want = [...new Set(office)];
  if (want.length === 0) return first;
  const merges: Record<string, MergeRange[]> = await port.readMerges(want, HEADER_SEARCH_ROWS);
  if (Object.keys(merges).length === 0) return first;
  const withMerges = { ...heads };
  for (const [n, m] of Object.entries(merges))
    if (withMerges[n]) withMerges[n] = { ...withMerges[n]!, merges: m };
  return planLayout(names, withMerges, mapping, headerRows);
}

/** List the sheets, find the layout and read the header rows (two or three port calls). */
export async function inspectWorkbook(
  port: WorkbookPort,
  mapping: ColumnMapping,
  headerRows: HeaderRows = {},
): Promise<SheetState[]> {
  const { names, heads } = await readHeads(port);
  const layout = await layoutOf(port, names, heads, mapping, headerRows);
  const at = (canonical: string) => {
    if (canonical === "标准") return layout.rubric;
    if (layout.kind === "contract" && canonical === "组织") return layout.branches[0];
    if (layout.kind === "contract" && canonical === "评分") return layout.scores[0];
    return undefined;
  };
  return CONTRACT_SHEETS.map((spec): SheetState => {
    const a = resolveSheetName(names, spec.name);
    const office = layout.kind === "office" && (spec.name === "组织" || spec.name === "评分");
    const derived = spec.name === "标准" && !layout.rubric && (layout.derived?.length ?? 0) > 0;
    if (office || derived) {
      const sources = office
        ? layout.branches.map((s) => s.sheet)
        : [...new Set((layout.derived ?? []).map((d) => d.sheet))];
      return { spec, headers: [], missing: [], sources, layout };
    }
    if (a === undefined || !heads[a]) return { spec, headers: [], missing: [], layout };
    const src = at(spec.name);
    const headers = src ? src.header.labels : (heads[a].grid[0] ?? []).map(headerText);
    const headerRow = src ? src.header.row + 1 : 1;
    return { spec, actual: a, headers, missing: missingHeaders(spec, headers, mapping), headerRow, layout };
  });
}

/** Required contract sheets neither present nor stood in for by office sheets. */
export function missingRequiredSheets(states: SheetState[]): string[] {
  return states
    .filter((s) => s.spec.required && s.actual === undefined && (s.sources?.length ?? 0) === 0)
    .map((s) => s.spec.name);
}

/**
 * Rename the mapped header cells to their canonical names so the engine finds them.
 * Only row 0 is copied; the data rows are shared (the engine does not mutate grids).
 */
export function applyMapping(
  grids: Record<string, Grid>,
  states: SheetState[],
  mapping: ColumnMapping,
): Record<string, Grid> {
  const out: Record<string, Grid> = { ...grids };
  for (const st of states) {
    const m = mapping[st.spec.name];
    if (!st.actual || !m || !out[st.actual]) continue;
    const grid = out[st.actual];
    const header = [...(grid[0] ?? [])];
    let changed = false;
    for (const [canonical, mapped] of Object.entries(m)) {
      const already = header.some((c) => normHeader(c) === normHeader(canonical));
      const at = header.findIndex((c) => normHeader(c) === normHeader(mapped));
      if (!already && at >= 0) {
        header[at] = canonical;
        changed = true;
      }
    }
    if (changed) out[st.actual] = [header, ...grid.slice(1)];
  }
  return out;
}

/** What readInputs hands the engine. */
export interface InputRead {
  /** Contract grids by canonical name (设置 and the optional sheets by their own names). */
  grids: Record<string, Grid>;
  /** Where each cell of a built table came from (problems are mapped back through it). */
  origin: Origin;
  /** A sheet seen at inspection has gone since. */
  stale: boolean;
  /** What was found, for the 开始 step. */
  found: Found;
  /** Problems of the reading itself (the same criterion with two 满分 on two sheets). */
  problems?: Problem[];
}

/** Read the input sheets whole and build the engine's grids (mapping, layout). */
export async function readInputs(
  port: WorkbookPort,
  states: SheetState[],
  mapping: ColumnMapping,
): Promise<InputRead> {
  const layout = states.find((s) => s.layout)?.layout;
  const own = states.filter((s) => s.actual !== undefined).map((s) => s.actual as string);
  const sources = states.flatMap((s) => s.sources ?? []);
  const names = [...new Set([...own, ...sources])];
  const grids = await port.readSheets(names);
  const stale = names.some((n) => !(n in grids));
  if (!layout) {
    const g = applyMapping(grids, states, mapping);
    return { grids: g, origin: {}, stale, found: describeLayout(undefined, g) };
  }
  const built = contractGrids(layout, grids);
  // The optional sheets (§4–§6) pass through by their own names.
  const rest: Record<string, Grid> = {};
  for (const st of states)
    if (
      st.actual !== undefined &&
      !["设置", "标准", "组织", "评分"].includes(st.spec.name) &&
      grids[st.actual]
    )
      rest[st.actual] = grids[st.actual]!;
  const out = { ...rest, ...built.grids };
  const problems = pointsConflicts(layout);
  return { grids: out, origin: built.origin, stale, found: describeLayout(layout, out), problems };
}

/** Grade what readInputs read; problems and notices name the cells the clerk typed. */
export function gradeInputs(
  read: Pick<InputRead, "grids" | "origin" | "problems">,
  options: GradeOptions = {},
): GradeResult {
  const r = gradeWorkbook(read.grids, options);
  const own = read.problems ?? [];
  if (own.length > 0)
    return { ok: false, problems: [...own, ...(r.ok ? [] : remapProblems(r.problems, read.origin))] };
  if (Object.keys(read.origin).length === 0) return r;
  if (!r.ok) return { ok: false, problems: remapProblems(r.problems, read.origin) };
  const notices = remapProblems(r.notices, read.origin);
  const outputs = r.outputs.map((o) => (o.name === "提示" ? noticesSheet(notices) : o));
  const base = r;
  return {
    ok: true,
    outputs,
    summary: r.summary,
    get results() {
      return base.results;
    },
    notices,
  };
}

/**
 * 转换: add the contract sheets derived from the office's sheets (those the workbook lacks);
 * the office's sheets are not touched. Returns the names added (null: the host cannot).
 */
export async function convertWorkbook(
  port: WorkbookPort,
  states: SheetState[],
  mapping: ColumnMapping,
): Promise<string[] | null> {
  if (!port.createTemplate) return null;
  const read = await readInputs(port, states, mapping);
  const sheets = convertedSheets(read.grids, await port.listSheets());
  return sheets.length > 0 ? port.createTemplate(sheets) : [];
}
