/**
 * The grading engine's public API (pure TypeScript: no Office, DOM or Node): other layers import
 * only this module. Engine files import each other directly, never through here (no cycles).
 */
// Shapes (grids, problems, output sheets) and the one error type.
export * from "./types";
export { EngineError } from "./errors";
// Reading cells: numbers, A1 addresses, labels, dates.
export {
  toExcel15,
  roundHalfAway,
  parseRate,
  atMost100,
  formatRate,
  formatDec,
  formatUnits,
  decOf,
  type Rate,
  type Dec,
  type Rat,
} from "./numbers";
export {
  colLetter,
  addr,
  parseAddr,
  isBlank,
  readYesNo,
  readNumber,
  readScore,
  labelOf,
  showValue,
  normHeader,
} from "./cells";
export {
  parseExcelDate,
  isoDate,
  dateToSerial,
  serialToDate,
  serialOfIso,
  serialOfDate,
  isoOfSerial,
  SERIAL_END,
} from "./dates";
// The contract (sheet and header names), problems and their messages.
export {
  CONTRACT,
  resolveSheetName,
  BRANCHES_SHEET,
  RUBRIC_SHEET,
  SCORES_SHEET,
  SETTINGS_SHEET,
  type SheetSpec,
  type HeaderSpec,
} from "./contract";
export { Problems, problemsSheet, formatProblem, problemOf, problemText, MAX_PROBLEMS } from "./problems";
export {
  msg,
  messageText,
  MESSAGE_TABLES,
  type Locale,
  type Message,
  type MessageId,
  type MessageParam,
  type MessageParams,
} from "./messages";
// 设置: reading it, and the one plan of writes every host applies.
export {
  readSettings,
  splitList,
  DEFAULT_TIERS,
  type Settings,
  type Comparator,
  type Success,
  type TargetSpec,
  type QuotaRounding,
} from "./settings";
export {
  planSettingsWrites,
  applyWrites,
  settingKey,
  settingsColumns,
  type CellWrite,
} from "./settings-plan";
export { parseTarget } from "./settings-targets";
// Grading's building blocks (what the DJ.* functions wrap).
export { tierByCutoffs, checkScale, DEFAULT_SCALE } from "./tiers";
export { requiredCount, allocate, competitionRank, applyQuotaCaps, capCount } from "./quota";
export {
  movement,
  targetRow,
  targetOutcome,
  benchmarkFor,
  benchmarksIndexed,
  compareCodes,
  type Change,
  type TargetOutcome,
} from "./promotion";
export { rubricTotal, rubricScore, combine } from "./standalone";
// Output sheets, the report builder, 说明, 名额分配 and the pipeline.
export { NOTICES_SHEET, noticesSheet } from "./notices";
export { staleSheets } from "./stale";
export {
  OUTPUT_SHEETS,
  PROBLEMS_SHEET,
  RESULT_HEADERS,
  RESULT_COL,
  PROMOTION_HEADERS,
  POSTING_HEADERS,
  resultLayout,
  promotionLayout,
  postingLayout,
  summaryBlock,
  summaryRowsOf,
  summaryLayout,
  sheet,
  outputRows,
} from "./outputs";
export {
  EXPLANATION_SHEET,
  PROTECTABLE_SHEETS,
  explanationSheet,
  explanationOf,
  vetoItems,
  type ExplanationInput,
} from "./explain";
export {
  QUOTA_SHEET,
  QUOTA_HEADERS,
  DEMO_KIND,
  quotaKinds,
  splitQuota,
  allocationSheet,
  type QuotaKind,
  type Split,
} from "./allocation-sheet";
export { buildReport, summaryOf, type ReportRows, type Report } from "./report";
export {
  gradeWorkbook,
  type GradeOptions,
  type GradeResult,
  type GradeSummary,
  type BranchResult,
  type TargetResult,
} from "./grade";
// The records (整改台账, 党员, 积分, 会议记录): the DJ.* functions, the CLI and the pane use them.
export {
  LEDGER_STATUSES,
  daySerial,
  ledgerStatus,
  overdueStatus,
  type LedgerStatus,
  type OverdueStatus,
} from "./ledger";
export {
  RECORD_OUTPUT_SHEETS,
  LEDGER_DETAIL_HEADERS,
  LEDGER_SUMMARY_HEADERS,
  LETTER_HEADERS,
  POINTS_RESULT_HEADERS,
  POINTS_SUMMARY_HEADERS,
} from "./records-outputs";
export {
  recordsOverview,
  type RecordsOverview,
  type OverviewResult,
  type CellRef,
  type PointsAtGlance,
  type MeetingsAtGlance,
} from "./records-view";
export type { LedgerGroup, Letter } from "./records-stats";
export {
  MEETING_TYPES,
  DEFAULT_MEETING_RULES,
  parseMeetingRule,
  type MeetingRule,
  type Period,
} from "./settings-records";
export { meetingsHeld } from "./meetings";
export { warnLevel, DEFAULT_YELLOW_BELOW, DEFAULT_RED_BELOW, type Warning } from "./points";
// Templates: the blank workbook, the record sheets, the published rubric patterns.
export {
  RUBRIC_TEMPLATES,
  RULE_SHEET,
  findRubricTemplate,
  rubricTemplateSheets,
  type RubricTemplate,
} from "./templates";
export { recordTemplateSheets } from "./template-records";
export {
  TEMPLATE_VALIDATION_ROWS,
  FIVE_GOODS_RUBRIC,
  templateSheets,
  scoreHeaders,
  scoreSheet,
  type RubricRow,
  type TemplateSheet,
  type TemplateValidation,
  type TemplateNote,
} from "./template";
