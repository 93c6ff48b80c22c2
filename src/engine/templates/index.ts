/**
 * The catalog of published rubric patterns a clerk picks instead of typing a rubric
 * (开始 → 选择标准模板; `branch-grader template --rubric NAME`).
 */
import { FIVE_GOODS, POINTS, STAR_RATING, THREE_PARTY } from "./patterns-a";
import { FIVE_DIMENSIONS, FIVE_STAR, RANK_POINTS } from "./patterns-b";
import type { RubricTemplate } from "./sheets";

export { rubricTemplateSheets, RULE_SHEET, type RubricTemplate } from "./sheets";

export const RUBRIC_TEMPLATES: readonly RubricTemplate[] = [
  FIVE_GOODS,
  STAR_RATING,
  POINTS,
  THREE_PARTY,
  FIVE_STAR,
  FIVE_DIMENSIONS,
  RANK_POINTS,
];

/** The template named `name` (its Chinese name or its id, trimmed, case-insensitive), or undefined. */
export function findRubricTemplate(name: string): RubricTemplate | undefined {
  const n = name.trim().toLowerCase();
  return RUBRIC_TEMPLATES.find((t) => t.name === name.trim() || t.id === n);
}
