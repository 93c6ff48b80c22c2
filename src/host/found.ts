/**
 * What the reader found in a workbook, for the 开始 step to say in one line
 * ("找到 3 张评分表，共 86 个党支部；指标 9 项，满分合计 100；未找到上期等次"). Pure.
 */
import { isBlank, normHeader, readNumber, type Grid } from "../engine";
import type { Layout } from "./layout";

export interface Found {
  kind: "contract" | "office";
  /** The sheets holding the branches (office: every data sheet). */
  sheets: string[];
  branches: number;
  criteria: number;
  /** Sum of the countable items' 满分 when one rubric serves every branch, else null. */
  maxTotal: number | null;
  /** Optional fields the workbook has no column for. */
  absent: string[];
  /** Names stand in for codes. */
  noCodes: boolean;
  /** Sheet → 1-based header row used. */
  headerRows: Record<string, number>;
}

const OPTIONAL = ["领域", "上期等次", "示范点", "直接定级", "党员数"];
const SCORE_OPTIONAL = ["自评得分", "测评满意度"];
const UNCOUNTED = new Set(["加分", "减分", "否决"]);

function column(grid: Grid | undefined, word: string): number {
  return (grid?.[0] ?? []).findIndex((c) => normHeader(c) === word);
}

function dataRows(grid: Grid | undefined): number {
  let n = 0;
  for (let r = 1; r < (grid?.length ?? 0); r++) if (grid![r]?.some((v) => !isBlank(v))) n++;
  return n;
}

function rubricTotals(grid: Grid | undefined): { criteria: number; max: number | null } {
  const id = column(grid, "指标编码");
  if (!grid || id < 0) return { criteria: 0, max: null };
  const [kind, max, sector] = ["类型", "满分", "领域"].map((w) => column(grid, w)) as [
    number,
    number,
    number,
  ];
  const sectors = new Set<string>();
  let criteria = 0;
  let sum = 0;
  for (let r = 1; r < grid.length; r++) {
    if (isBlank(grid[r]?.[id])) continue;
    criteria++;
    const s = sector >= 0 ? normHeader(grid[r]?.[sector]) : "";
    if (s !== "" && s !== "全部") sectors.add(s);
    if (kind >= 0 && UNCOUNTED.has(String(grid[r]?.[kind] ?? "").trim())) continue;
    const m = max >= 0 ? readNumber(grid[r]?.[max]) : null;
    if (m !== null && !Number.isNaN(m)) sum += m;
  }
  return { criteria, max: sectors.size > 0 ? null : Math.round(sum * 1e6) / 1e6 };
}

/** Describe the grids readInputs built (keys: canonical names). */
export function describeLayout(layout: Layout | undefined, grids: Record<string, Grid>): Found {
  const branches = grids["组织"];
  const scores = grids["评分"];
  const rubric = rubricTotals(grids["标准"]);
  const has = (g: Grid | undefined, f: string) => column(g, normHeader(f)) >= 0;
  const sources = layout?.branches ?? [];
  const absent = [
    ...OPTIONAL.filter((f) =>
      layout?.kind === "office" ? !sources.some((s) => s.fields.has(f)) : !has(branches, f),
    ),
    ...SCORE_OPTIONAL.filter((f) => !has(scores, f)),
  ];
  const headerRows: Record<string, number> = {};
  for (const s of [...sources, ...(layout?.scores ?? []), ...(layout?.rubric ? [layout.rubric] : [])])
    headerRows[s.sheet] = s.header.row + 1;
  return {
    kind: layout?.kind ?? "contract",
    sheets: sources.map((s) => s.sheet),
    branches: dataRows(branches),
    criteria: rubric.criteria,
    maxTotal: rubric.max,
    absent,
    noCodes: sources.length > 0 && sources.every((s) => !s.fields.has("组织编码")),
    headerRows,
  };
}

/** The workbook name of a canonical sheet (for selecting a problem's cell). */
export function actualSheetName(
  states: readonly { spec: { name: string }; actual?: string }[],
  canonical: string,
): string {
  return states.find((s) => s.spec.name === canonical)?.actual ?? canonical;
}
