/** English UI strings; same keys as zh-CN.ts. */
import type { MessageKey } from "./zh-CN";

export const enUS: Record<MessageKey, string> = {
  appTitle: "Branch Grader",
  tabStart: "Start",
  tabCheck: "Check",
  tabGrade: "Grade",
  busy: "Working, please wait…",
  writing: "Writing to Excel ({done}/{total})",
  dismiss: "Dismiss",

  browserModeNotice:
    "Not running inside Excel. Browser mode (grading an .xlsx file) arrives with the file host; for now, open this pane from the Branch Grader add-in in Excel.",
  startIntro:
    "Step 1: make sure the workbook has the sheets grading needs. Missing ones can be created from a template.",
  refresh: "Check again",
  sheetsHeading: "Grading sheets",
  sheetPresent: "Present",
  sheetPresentAs: "Present (named “{actual}”)",
  sheetMissing: "Missing",
  sheetOptional: "optional",
  sheetRequired: "required",
  allSheetsPresent: "All required sheets are present. Go on to Check.",
  createTemplate: "Create the missing sheets",
  createTemplateHint:
    "Creates only the missing sheets (headers, dropdowns, header notes and an example rubric); existing sheets are never changed.",
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
  errUnknown: "Something went wrong: {message}. Try again; if it persists, report this message.",
};
