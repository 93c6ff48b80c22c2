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

const GROUPS = ["城关镇党委", "经济开发区党工委", "机关工委", "教育系统党委", "卫生健康党委", "非公企业党委"];
const SECTORS = ["农村", "城市社区", "机关", "学校", "医院", "非公企业"];

/**
 * A valid workbook of n branches for scale tests (deterministic): 6 groups, the 五个好
 * rubric, previous tiers, 自评/测评 weighted in, Chinese names of realistic length.
 */
export function scaleGrids(n: number): Record<string, Grid> {
  const [settingsTpl, rubric, branchesTpl] = templateSheets();
  const settings: Grid = settingsTpl.rows.map((r) =>
    r[0] === "上级评定权重"
      ? [r[0], 60]
      : r[0] === "自评权重"
        ? [r[0], 20]
        : r[0] === "测评权重"
          ? [r[0], 20]
          : r,
  );
  settings.push(["名额上限", "先进:30%"]);
  let seed = 20241231;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const branches: Grid = [branchesTpl.rows[0]];
  const scores: Grid = [scoreHeaders(FIVE_GOODS_RUBRIC)];
  for (let i = 0; i < n; i++) {
    const id = `ZB${String(i + 1).padStart(6, "0")}`;
    const g = i % GROUPS.length;
    const q = 0.55 + rnd() * 0.45;
    const prev = q > 0.9 ? "先进" : q > 0.7 ? "一般" : "后进";
    branches.push([
      id,
      `${GROUPS[g].slice(0, 3)}第${i + 1}${SECTORS[g]}党支部`,
      GROUPS[g],
      SECTORS[g],
      5 + (i % 60),
      prev,
      "否",
      "",
    ]);
    scores.push([
      id,
      ...FIVE_GOODS_RUBRIC.map((r) => input(r[4], Number(r[5] || 0), Number(r[8] || 0), q, i)),
      Math.round(Math.min(100, q * 100 + 3) * 10) / 10,
      Math.round(Math.min(0.99, q + 0.05) * 1000) / 1000,
    ]);
  }
  return { 设置: settings, 标准: rubric.rows, 组织: branches, 评分: scores };
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
