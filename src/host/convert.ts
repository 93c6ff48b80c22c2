/**
 * 转换: the contract sheets (设置, 标准, 组织, 评分) derived from an office's own sheets, as the
 * reader read them (DOMAIN §7.1), for `createTemplate` to add beside them — the office's
 * sheets are left as they are. Only contract columns are written (no 序号, 总分 or notes);
 * headers follow the template, so its dropdowns and header notes fit.
 */
import { labelOf, resolveSheetName, templateSheets, type TemplateSheet, type Grid } from "../engine";

type Cell = string | number;

function cellOut(v: unknown): Cell {
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "是" : "否";
  if (v instanceof Date) return labelOf(v); // YYYY-MM-DD, as the engine reads a date cell
  return v === null || v === undefined ? "" : String(v);
}

/** `grid` projected onto `headers` (by header text; absent columns blank); blank rows dropped. */
function project(grid: Grid, headers: string[]): Cell[][] {
  const head = (grid[0] ?? []).map((c) => String(c ?? "").trim());
  const at = headers.map((h) => head.indexOf(h));
  const rows = grid
    .slice(1)
    .filter((r) => r?.some((v) => v !== "" && v !== null && v !== undefined))
    .map((r) => at.map((c) => (c < 0 ? "" : cellOut(r?.[c]))));
  return [headers, ...rows];
}

/**
 * The sheets to add: each of 设置, 标准, 组织, 评分 that the workbook (`existing` sheet names)
 * lacks, from the engine's grids `grids` (keys: canonical names). Empty when none is lacking.
 */
export function convertedSheets(grids: Record<string, Grid>, existing: string[]): TemplateSheet[] {
  const tpl = new Map(templateSheets().map((t) => [t.name, t]));
  const rubric = grids["标准"] ?? [];
  const ids = rubric
    .slice(1)
    .map((r) => String(r?.[0] ?? "").trim())
    .filter((x) => x !== "");
  const scoreHead = (grids["评分"]?.[0] ?? []).map((c) => String(c ?? "").trim());
  const extras = ["自评得分", "测评满意度"].filter((h) => scoreHead.includes(h));
  const out: TemplateSheet[] = [];
  const add = (name: string, rows: Cell[][], keepTemplate: boolean) => {
    if (resolveSheetName(existing, name) !== undefined) return;
    const t = tpl.get(name)!;
    out.push({
      name,
      rows,
      validations: keepTemplate ? t.validations : [],
      notes: keepTemplate ? t.notes : [],
      widths: keepTemplate ? t.widths : rows[0]!.map((_, i) => (i === 0 ? 16 : 12)),
      freezeRows: 1,
    });
  };
  // No 设置 sheet: the defaults graded it, so an empty one keeps the same rules.
  add("设置", [["项目", "值"]], false);
  add("标准", project(rubric, tpl.get("标准")!.rows[0]!.map(String)), true);
  add("组织", project(grids["组织"] ?? [], tpl.get("组织")!.rows[0]!.map(String)), true);
  add("评分", project(grids["评分"] ?? [], ["组织编码", ...ids, ...extras]), false);
  return out;
}
