/**
 * Small input workbooks as grids (no exceljs), built on the template's 五个好 rubric:
 * a valid one, and variations with problems.
 */
import { FIVE_GOODS_RUBRIC, scoreHeaders, templateSheets } from "../../src/engine/template";
import type { Grid } from "../../src/engine/types";

const PARENTS = ["城关镇党委", "机关工委"];
const PREVIOUS = ["后进", "一般", "先进", "一般", "后进", "一般", "先进", "一般"];

/** Inputs value for a rubric row, for a branch of quality q in [0, 1]. */
function input(kind: string, max: number, required: number, q: number, i: number): string | number {
  switch (kind) {
    case "评分":
      return Math.round(max * q * 10) / 10;
    case "扣分":
      return q < 0.7 ? 1 : 0;
    case "频次":
      return Math.round(required * q);
    case "达标":
      return q > 0.6 ? "是" : "否";
    case "加分":
      return i % 4 === 0 ? 1 : "";
    default:
      return "否";
  }
}

/** 8 branches in 2 groups, every input present and valid. */
export function validGrids(): Record<string, Grid> {
  const [settings, rubric, branchesTpl] = templateSheets();
  const branches: Grid = [branchesTpl.rows[0]];
  const scores: Grid = [scoreHeaders(FIVE_GOODS_RUBRIC)];
  PREVIOUS.forEach((prev, i) => {
    const id = `ZB${String(i + 1).padStart(3, "0")}`;
    branches.push([id, `第${i + 1}党支部`, PARENTS[i % 2], "机关", 10 + i, prev, "否", ""]);
    const q = [0.95, 0.8, 0.98, 0.75, 0.5, 0.85, 0.97, 0.6][i];
    scores.push([
      id,
      ...FIVE_GOODS_RUBRIC.map((r) => input(r[4], Number(r[5] || 0), Number(r[8] || 0), q, i)),
      "",
      "",
    ]);
  });
  return { 设置: settings.rows, 标准: rubric.rows, 组织: branches, 评分: scores };
}

/** The valid workbook with three mistakes: a score above 满分, a duplicate code, a bad flag. */
export function gridsWithProblems(): Record<string, Grid> {
  const g = validGrids();
  const scores = g["评分"].map((r) => [...r]);
  scores[1][1] = 99; // A01 has 满分 10 → 评分!B2
  scores[2][2] = "也许"; // A02 is 达标 → 评分!C3
  const branches = g["组织"].map((r) => [...r]);
  branches[3][0] = branches[2][0]; // duplicate 组织编码 → 组织!A4
  return { ...g, 评分: scores, 组织: branches };
}
