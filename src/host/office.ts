/**
 * The contract grids the engine reads (标准, 组织, 评分), built from the sheets as a layout
 * found them (layout.ts): rows above the header dropped, header words renamed to the
 * contract's, several sheets stacked as one table, names standing in for codes, the sheet
 * name for 上级党组织, and 标准 derived from `（N分）` headers. The origin of every cell is
 * kept, so problems and notices name the cell the clerk typed (origin.ts). Pure.
 */
import { BRANCHES_SHEET, RUBRIC_SHEET, SCORES_SHEET, type Grid } from "../engine";
import type { Layout, Source } from "./layout";

/** Rows [start, start + count) of a built table come from rows srcStart… of `sheet`. */
export interface Part {
  sheet: string;
  headerRow: number;
  start: number;
  srcStart: number;
  count: number;
  /** Built column → source column (-1: made up, e.g. the code from the name). */
  cols: number[];
  /** Where a made-up column points (the name column), and the first free header cell. */
  anchor: number;
  free: number;
}

/** Canonical sheet → its parts; a sheet absent here was read as it is. */
export type Origin = Record<string, Part[]>;

type Pick = number | "name" | "sheet" | "blank";
interface Column {
  label: string;
  pick: (s: Source) => Pick;
}

const field = (name: string) => (s: Source) => s.fields.get(name) ?? -1;

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

function width(s: Source): number {
  return s.header.labels.length;
}

function cell(grid: Grid, r: number, p: Pick, s: Source): unknown {
  if (p === "sheet") return s.sheet;
  if (p === "blank" || p === -1) return "";
  if (p === "name") return grid[r]?.[s.fields.get("组织名称") ?? -1] ?? "";
  return grid[r]?.[p] ?? "";
}

/** Stack the sources' data rows under one header of `columns`. */
function build(
  canonical: string,
  sources: Source[],
  grids: Record<string, Grid>,
  columns: Column[],
  origin: Origin,
): Grid {
  const s0 = sources[0]!;
  const g0 = grids[s0.sheet] ?? [];
  const picks = sources.map((s) => columns.map((c) => c.pick(s)));
  // As it is: one sheet, header on row 1, every column its own and no label changed.
  if (
    sources.length === 1 &&
    s0.header.row === 0 &&
    s0.header.height === 1 &&
    picks[0]!.every((p, i) => p === i) &&
    columns.every((c, i) => c.label === text(g0[0]?.[i])) &&
    columns.length >= width(s0)
  )
    return g0;
  const out: Grid = [columns.map((c) => c.label)];
  const parts: Part[] = [];
  sources.forEach((s, k) => {
    const grid = grids[s.sheet] ?? [];
    const first = s.header.row + s.header.height;
    const p = picks[k]!;
    const direct = p.every((x, i) => x === i) && columns.length >= width(s);
    parts.push({
      sheet: s.sheet,
      headerRow: s.header.row,
      start: out.length,
      srcStart: first,
      count: Math.max(0, grid.length - first),
      cols: p.map((x) => (typeof x === "number" ? x : -1)),
      anchor: s.fields.get("组织名称") ?? s.fields.get("组织编码") ?? 0,
      free: width(s),
    });
    for (let r = first; r < grid.length; r++) {
      // Same columns: share the row (the engine does not mutate grids).
      out.push(direct ? (grid[r] ?? []) : p.map((x) => cell(grid, r, x, s)));
    }
  });
  origin[canonical] = parts;
  return out;
}

/** The source's own columns, header words renamed to the contract's (and criterion ids). */
function ownColumns(s: Source): Column[] {
  const byCol = new Map<number, string>();
  for (const [f, c] of s.fields) byCol.set(c, f);
  for (const c of s.criteria) byCol.set(c.col, c.id);
  return s.header.labels.map((label, i) => ({ label: byCol.get(i) ?? label, pick: () => i }));
}

/** 组织编码 from 组织名称 when there is no code column (DOMAIN §7.1 "No codes"). */
function withCode(s: Source, cols: Column[]): Column[] {
  if (s.fields.has("组织编码") || !s.fields.has("组织名称")) return cols;
  return [...cols, { label: "组织编码", pick: () => "name" }];
}

/** Union of the sources' labels (first spelling wins), each read where that sheet has it. */
function union(sources: Source[], want: (s: Source, col: number) => string | null): Column[] {
  const seen: string[] = [];
  for (const s of sources)
    s.header.labels.forEach((_, c) => {
      const k = want(s, c);
      if (k !== null && !seen.includes(k)) seen.push(k);
    });
  return seen.map((k) => ({
    label: k,
    pick: (s: Source) => s.header.labels.findIndex((_, c) => want(s, c) === k),
  }));
}

function unknownOf(s: Source, c: number): string | null {
  const label = s.header.labels[c] ?? "";
  if (label === "" || c === s.total) return null;
  if ([...s.fields.values()].includes(c) || s.criteria.some((x) => x.col === c)) return null;
  return label;
}

const ORG = ["组织编码", "组织名称", "上级党组织", "领域"];

/** The 组织 and 评分 grids of an office workbook's one table. */
function officeTables(layout: Layout, grids: Record<string, Grid>, origin: Origin): Record<string, Grid> {
  const src = layout.branches;
  const optional = BRANCHES_SHEET.headers
    .map((h) => h.name)
    .filter((f) => !ORG.includes(f) && src.some((s) => s.fields.has(f)));
  const unknown = union(src, unknownOf);
  const org: Column[] = [
    { label: "组织编码", pick: (s) => s.fields.get("组织编码") ?? "name" },
    { label: "组织名称", pick: (s) => s.fields.get("组织名称") ?? s.fields.get("组织编码")! },
    { label: "上级党组织", pick: (s) => s.fields.get("上级党组织") ?? "sheet" },
    { label: "领域", pick: (s) => s.fields.get("领域") ?? "blank" },
    ...optional.map((f) => ({ label: f, pick: field(f) })),
    ...unknown,
  ];
  const extras = ["自评得分", "测评满意度"].filter((f) => src.some((s) => s.fields.has(f)));
  const totalLabel = src.map((s) => s.header.labels[s.total]).find((l) => l !== undefined);
  const scores: Column[] = [
    { label: "组织编码", pick: (s) => s.fields.get("组织编码") ?? "name" },
    ...union(src, (s, c) => s.criteria.find((x) => x.col === c)?.id ?? null),
    ...extras.map((f) => ({ label: f, pick: field(f) })),
    ...(totalLabel !== undefined ? [{ label: totalLabel, pick: (s: Source) => s.total }] : []),
    ...unknown,
  ];
  return {
    [BRANCHES_SHEET.name]: build(BRANCHES_SHEET.name, src, grids, org, origin),
    [SCORES_SHEET.name]: build(SCORES_SHEET.name, src, grids, scores, origin),
  };
}

/** 标准 from the `（N分）` headers: 评分 items, 领域 全部; each row's origin is its header cell. */
function derivedRubric(layout: Layout, origin: Origin): Grid {
  const d = layout.derived ?? [];
  origin[RUBRIC_SHEET.name] = d.map((x, i) => ({
    sheet: x.sheet,
    headerRow: x.row,
    start: i + 1,
    srcStart: x.row,
    count: 1,
    cols: [x.col, x.col, x.col, x.col, x.col],
    anchor: x.col,
    free: x.col,
  }));
  if (d.length > 0)
    origin[RUBRIC_SHEET.name]!.unshift({ ...origin[RUBRIC_SHEET.name]![0]!, start: 0, count: 1 });
  return [
    ["指标编码", "指标名称", "类型", "满分", "领域"],
    ...d.map((x) => [x.id, x.id, "评分", x.max, "全部"]),
  ];
}

/** The engine's input grids (keys: canonical names; 设置 under its own name) and their origin. */
export function contractGrids(
  layout: Layout,
  grids: Record<string, Grid>,
): { grids: Record<string, Grid>; origin: Origin } {
  const origin: Origin = {};
  const out: Record<string, Grid> = {};
  if (layout.settings !== undefined && grids[layout.settings]) out[layout.settings] = grids[layout.settings]!;
  if (layout.rubric) {
    const r = layout.rubric;
    out[RUBRIC_SHEET.name] = build(RUBRIC_SHEET.name, [r], grids, ownColumns(r), origin);
  } else if (layout.derived && layout.derived.length > 0) {
    out[RUBRIC_SHEET.name] = derivedRubric(layout, origin);
  }
  if (layout.kind === "office") return { grids: { ...out, ...officeTables(layout, grids, origin) }, origin };
  const [b] = layout.branches;
  const [s] = layout.scores;
  if (b)
    out[BRANCHES_SHEET.name] = build(BRANCHES_SHEET.name, [b], grids, withCode(b, ownColumns(b)), origin);
  if (s) out[SCORES_SHEET.name] = build(SCORES_SHEET.name, [s], grids, withCode(s, ownColumns(s)), origin);
  return { grids: out, origin };
}
