/**
 * The grading engine's public API (pure TypeScript: no Office, DOM or Node).
 */
export * from "./types";
export { EngineError } from "./errors";
export {
  toExcel15,
  roundHalfAway,
  parseRate,
  formatRate,
  formatUnits,
  decOf,
  type Rate,
  type Dec,
  type Rat,
} from "./numbers";
export { colLetter, addr, parseAddr, isBlank, readYesNo, readNumber } from "./cells";
export { CONTRACT, resolveSheetName, type SheetSpec, type HeaderSpec } from "./contract";
export { problemsSheet, formatProblem, MAX_PROBLEMS } from "./problems";
export { parseExcelDate } from "./dates";
export {
  splitList,
  parseTarget,
  DEFAULT_TIERS,
  type Settings,
  type Comparator,
  type Success,
  type TargetSpec,
} from "./settings";
export { tierByCutoffs, checkScale, DEFAULT_SCALE } from "./tiers";
export { requiredCount, allocate, competitionRank, applyQuotaCaps, capCount } from "./quota";
export {
  movement,
  targetRow,
  targetOutcome,
  benchmarkFor,
  compareCodes,
  type Change,
  type TargetOutcome,
} from "./promotion";
export { rubricTotal, rubricScore, combine } from "./standalone";
export { OUTPUT_SHEETS, PROBLEMS_SHEET, RESULT_HEADERS, PROMOTION_HEADERS, POSTING_HEADERS } from "./outputs";
export {
  gradeWorkbook,
  type GradeOptions,
  type GradeResult,
  type GradeSummary,
  type BranchResult,
  type TargetResult,
} from "./grade";
