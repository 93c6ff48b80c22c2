/** English UI strings; same keys as zh-CN.ts. */
import type { MessageKey } from "./zh-CN";

export const enUS: Record<MessageKey, string> = {
  appTitle: "Branch Grader",
  tabStart: "Start",
  tabCheck: "Check",
  tabGrade: "Grade",
  busy: "Working, please wait…",
  writing: "Writing the workbook ({done}/{total})",
  dismiss: "Dismiss",

  browserModeNotice:
    "Browser mode: not inside Excel. Click Open workbook to choose an .xlsx file, or Use sample. The file is processed on this machine only, never uploaded.",
  startIntro:
    "Step 1: make sure the workbook has the sheets grading needs. Missing ones can be created from a template.",
  refresh: "Check again",
  sheetsHeading: "Grading sheets",
  sheetPresent: "Present",
  sheetPresentAs: "Present (named “{actual}”)",
  sheetFromOffice: "read from “{names}”",
  sheetMissing: "Missing",
  sheetOptional: "optional",
  sheetRequired: "required",
  allSheetsPresent: "All required sheets are present. Go on to Check.",
  createTemplate: "Create the missing sheets",
  createTemplateHint:
    "Creates only the missing sheets (headers, dropdowns, header notes and an example rubric); existing sheets are never changed.",
  pickTemplate: "Rubric template",
  pickTemplateBlank: "Blank template (the 五个好 example rubric)",
  templateCreated: "Created: {names}. Fill in the branches and scores, then go to Check.",
  templateNothing: "No sheet needed creating.",
  templateUnsupported: "This environment cannot create the template; please create the sheets by hand.",
  loadingSheets: "Reading the sheets…",

  mappingHeading: "Column mapping",
  mappingIntro:
    "These columns are missing from “{sheet}”. If the sheet uses another name for one, choose it:",
  mappingChoose: "Choose the column",
  mappingNone: "(not mapped)",
  mappingSave: "Save mapping",
  mappingSaved: "The mapping is saved in the workbook and travels with it.",
  mappingUnsupported:
    "This environment cannot save settings in the workbook; the mapping holds for this session only.",
  mappingMissingHeader: "Missing column “{header}”",
  foundOffice:
    "Found {sheets} score sheet(s) ({names}), {branches} branches; {criteria} criteria{max}{absent}",
  foundContract: "{branches} branches; {criteria} criteria{max}{absent}",
  foundMax: ", {max} points in all",
  foundAbsent: "; not found: {fields}",
  foundNoCodes: "No 组织编码 column: branches are told apart by 组织名称 (names must be unique).",
  foundEmpty: "There is nothing to grade yet ({what} empty); checking must wait.",
  foundEmptyBranches: "branches",
  foundEmptyCriteria: "criteria",
  browserFillIn:
    "Cells cannot be edited in the browser: click “Download” to save this workbook, fill it in with WPS or Excel, save it, then come back and reopen it with “Open workbook”.",
  missingSheetColumns: "“{sheet}” needs the columns: {columns}",
  missingScoresColumns:
    "组织编码 (or 组织名称), and one column per criterion (headed by its 指标编码, or written like “班子建设（15分）”)",
  missingRubricColumns:
    "{columns}; not needed when the score headers carry their points (e.g. “班子建设（15分）”)",
  missingOrConvert:
    "An office's own score sheets (title rows, two-row headers, one sheet per 上级党组织) are read as they are; “Convert” then writes the contract sheets above from them.",
  convert: "Convert to the contract form",
  convertHint:
    "Adds the contract sheets 设置/标准/组织/评分 (those missing) from what was read; the office's own sheets are left as they are. Grading does not need it.",
  convertDone: "Added: {names}. The office's own sheets are unchanged.",
  convertNothing: "Already in the contract form: nothing to add.",
  convertUnsupported: "Sheets cannot be added here: convert with branch-grader import on the command line.",
  fieldsHeading: "Columns",
  fieldsIntro:
    "The column for each field (picked by the usual names); change any that is wrong. A column may serve one field only.",
  fieldsSheets: "Sheets: {sheets}",
  fieldsHeaderRow: "Header row ({sheet})",
  fieldsSave: "Save the columns",
  fieldsClash:
    "Column “{column}” is chosen for {fields}: a column may serve one field only. Change one and save again.",
  fieldRequired: "{field} (required)",

  checkIntro: "Step 2: check the inputs. Problems are listed by sheet; click one to go to its cell.",
  runCheck: "Check",
  checkOk: "No problems found. Go on to Grade.",
  checkProblems: "{count} problem(s) found. Fix them and check again:",
  checkWarnings: "Notes (grading can proceed):",
  problemGoTo: "Go to {sheet}!{cell}",
  wholeSheet: "whole sheet",
  missingSheetsFirst: "Required sheets are missing: {names}. Create them on the Start step first.",

  gradeIntro:
    "Step 3: grade. Results go to the output sheets (re-created on every run); the sheets you filled in are never changed.",
  runGrade: "Grade",
  gradeDone: "Graded {branches} branches.",
  gradeNotices: "{count} notes (written to the 提示 sheet; grading is done):",
  gradeFailed:
    "{count} problem(s) found and written to the Problems sheet; no results were produced. Fix them and grade again:",
  tierCounts: "Branches per tier",
  tierShare: "{count} ({share})",
  distribution: "Tier distribution",
  targetsHeading: "Promotion targets",
  targetGroup: "Parent organization",
  targetName: "Target",
  targetRequired: "Required/attained",
  targetStatus: "Status",
  targetNone: "No promotion targets (no previous tiers in the data).",
  lastRun: "Last graded: {at}, {branches} branches.",

  errCellEdit: "Excel is in cell-edit mode. Press Enter or Esc to finish editing, then try again.",
  errPayload: "Excel refused a request as too large. Try again; if it persists, grade the workbook in parts.",
  errExists:
    "A sheet or table of the same name already exists and cannot be replaced. Rename or delete it, then try again.",
  errProtected: "The workbook or a sheet is protected. Unprotect it, then try again.",
  errNotFound:
    "A sheet or cell the add-in needs was not found (deleted or renamed?). Click “Check again”, then retry.",
  errApiNotFound:
    "This version of Excel lacks a feature the add-in needs. Update Office or use Excel on the web.",
  errBusy: "Excel is busy (calculating or finishing another operation). Wait a few seconds and try again.",
  errGeneric:
    "Excel failed (error code {code}): {message}. Save the workbook and try again; if it persists, report the code.",
  errOwnership:
    "The workbook already has a sheet named {sheets} that this tool did not write; to keep your content, nothing was written. Rename that sheet and try again.",
  errUnknown: "Something went wrong: {message}. Try again; if it persists, report this message.",

  tabSimulate: "What-if",
  tabQuota: "Quotas",
  tabShare: "Finalize",
  openWorkbook: "Open workbook",
  useSample: "Use sample",
  download: "Download",
  downloadSuffix: "graded",
  sampleName: "sample.xlsx",
  sampleMissing: "Could not get the sample workbook (HTTP {status})",
  fileOpen: "Workbook: {name} (processed on this machine only, never uploaded)",
  previewHeading: "Sheet preview",
  previewEmpty: "(empty sheet)",
  previewTruncated: "Showing the first {rows} rows only.",
  reread: "Read the sheets again",
  needValidInputs: "The inputs have {count} problems; fix them in Check first:",
  colName: "Branch",
  colParent: "Parent organization",
  simIntro:
    "What-if: change the cutoffs and quota caps and see the counts per tier and the branches whose tier would change. Nothing is written until you click Apply.",
  simCutoff: "{tier} cutoff",
  simShare: "{tier} quota cap",
  simNoCap: "none",
  simCounts: "Counts per tier (now → what-if)",
  simTier: "Tier",
  simBefore: "Now",
  simAfter: "What-if",
  simNoChange: "No branch changes tier.",
  simChanged: "Branches whose tier would change ({count})",
  simMove: "Tier now → new",
  simMore: "{count} more not listed.",
  simApply: "Apply",
  simApplyHint:
    "Apply writes the new cutoffs and quota caps to the 设置 sheet and grades again (only these two settings change).",
  simApplyUnsupported: "This host cannot write 设置: what-if only.",
  simApplied: "设置 updated and graded again: {branches} branches.",
  simApplyFailed: "设置 updated, but grading found problems (written to the 问题 sheet).",
  quotaIntro:
    "Quotas: enter a total (e.g. 24 demonstration sites) and split it among the parent organizations in proportion to their bases by largest remainder; adjust by hand with the sum in view.",
  quotaNeedsGrading:
    "The inputs have problems or sheets are missing, so the bases cannot be counted. Finish Check first.",
  quotaDemo: "Demonstration sites (base: {tier} now)",
  quotaKind: "Quota for",
  quotaTotal: "Total",
  quotaTotalInvalid: "The total must be a whole number, at least 0.",
  quotaBase: "Base",
  quotaComputed: "Computed",
  quotaAdjusted: "Adjusted",
  quotaAdjustFor: "{group} adjusted",
  quotaSum: "Sum",
  quotaSumDiffers: "The adjusted sum {sum} differs from the total {total}.",
  quotaOverBase: "These exceed their base: {groups}.",
  quotaWrite: "Write the quota sheet",
  quotaWritten: "Written to the “{sheet}” sheet.",
  shareIntro:
    "Finalize: prepare the workbook for reviewers without the add-in: every DJ.* formula becomes its value (no #NAME?), and a 说明 sheet states the rules used (tiers, cutoffs, weights, veto and satisfaction caps, quotas, dates).",
  shareProtect: "Protect the output sheets (no password)",
  shareRun: "Finalize",
  shareUnsupported: "This host cannot finalize.",
  shareDone: "Finalized: {replaced} DJ.* formulas replaced ({sheets}); protected: {protected}.",
  shareDownloadHint: "Click Download above to save the finalized workbook.",
  none: "none",
};
