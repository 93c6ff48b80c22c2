/**
 * A published rubric pattern as a ready-to-grade workbook: 设置, 标准, 组织 and 评分 with a few
 * sample branches, and a 说明 sheet that states the rule. The hosts write these sheets the
 * way they write the blank template (template.ts).
 */
import {
  BRANCH_HEADERS,
  BRANCH_NOTES,
  notesFor,
  RUBRIC_NOTES,
  SETTINGS_NOTES,
  scoreSheet,
  TEMPLATE_KINDS,
  TEMPLATE_SECTORS,
  YES_NO,
  type RubricRow,
  type TemplateSheet,
  type TemplateValidation,
} from "../template";

export type Cell = string | number;

/** One published pattern (docs/rubrics.zh-CN.md shows how each is written). */
export interface RubricTemplate {
  /** ASCII id for the command line (`--rubric star-rating`); the Chinese name works too. */
  id: string;
  /** The name a clerk picks (选择标准模板). */
  name: string;
  /** The rule as published, one line each (the 说明 sheet). */
  rule: string[];
  settings: [string, Cell][];
  /** 标准 headers: the contract's first ten, plus 下限/排名分值/排名范围/排序 when used. */
  rubricHeaders: string[];
  rubric: Cell[][];
  /** Sample 组织 rows (BRANCH_HEADERS order). */
  branches: Cell[][];
  /** Sample 评分 rows: 组织编码, one value per 标准 row in order, 自评得分, 测评满意度. */
  scores: Cell[][];
}

/** The 说明 sheet's name (not a contract sheet: grading ignores it). */
export const RULE_SHEET = "说明";

/** A sample branch row of 组织: 组织编码, 组织名称, 上级党组织, 领域, 党员数, 上期等次 (示范点 否). */
export const branch = (
  id: string,
  name: string,
  parent: string,
  sector: string,
  members: number,
  prev: string,
) => [id, name, parent, sector, members, prev, "否", ""];

function tiersOf(t: RubricTemplate): string[] {
  const row = t.settings.find(([k]) => k === "等次");
  return row ? String(row[1]).split(/[,，、]/) : ["先进", "一般", "后进"];
}

/** The five sheets of a template, sample rows included. */
export function rubricTemplateSheets(t: RubricTemplate): TemplateSheet[] {
  const tiers = tiersOf(t);
  const h = t.rubricHeaders;
  const at = (name: string): number => h.indexOf(name);
  const rubricValidations: TemplateValidation[] = [
    { column: at("领域"), list: ["全部", ...TEMPLATE_SECTORS] },
    { column: at("类型"), list: TEMPLATE_KINDS },
    { column: at("否决后果"), list: ["末等", ...tiers] },
  ];
  if (at("排名范围") >= 0)
    rubricValidations.push({ column: at("排名范围"), list: ["全部", "上级党组织", "领域"] });
  if (at("排序") >= 0) rubricValidations.push({ column: at("排序"), list: ["降序", "升序"] });
  // scoreSheet reads the contract's first ten columns (for its notes and dropdowns).
  const firstTen = t.rubric.map((r) => r.slice(0, 10) as RubricRow);
  const scores = scoreSheet(firstTen);
  return [
    {
      name: "设置",
      rows: [["项目", "值"], ...t.settings.map(([k, v]) => [k, v])],
      validations: [],
      notes: notesFor(["项目", "值"], SETTINGS_NOTES),
      widths: [16, 60],
      freezeRows: 1,
    },
    {
      name: "标准",
      rows: [h, ...t.rubric],
      validations: rubricValidations.filter((v) => v.column >= 0),
      notes: notesFor(h, RUBRIC_NOTES),
      widths: h.map((x) => (x === "指标名称" ? 36 : x === "排名分值" ? 18 : 10)),
      freezeRows: 1,
    },
    {
      name: "组织",
      rows: [BRANCH_HEADERS, ...t.branches],
      validations: [
        { column: 3, list: TEMPLATE_SECTORS },
        { column: 5, list: tiers },
        { column: 6, list: YES_NO },
        { column: 7, list: tiers },
      ],
      notes: notesFor(BRANCH_HEADERS, BRANCH_NOTES),
      widths: [12, 28, 20, 10, 8, 10, 8, 10],
      freezeRows: 1,
    },
    { ...scores, rows: [scores.rows[0]!, ...t.scores] },
    {
      name: RULE_SHEET,
      rows: [[`标准模板：${t.name}`], ...t.rule.map((line) => [line])],
      validations: [],
      notes: [],
      widths: [100],
      freezeRows: 0,
    },
  ];
}
