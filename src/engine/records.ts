/**
 * The records (DOMAIN §4–§6) of a workbook: read when their sheets are present, computed
 * as of 统计日期, and what grading's 来源 criteria take from them.
 */
import type { Branches } from "./branches";
import { resolveSheetName, LEDGER_SHEET, MEETINGS_SHEET, MEMBERS_SHEET, POINTS_SHEET } from "./contract";
import { serialOfIso } from "./dates";
import { readLedger, type LedgerRow } from "./ledger-sheet";
import { compliance, readMeetings, type Compliance } from "./meetings";
import { readEntries, readMembers } from "./members";
import { memberResults, type MemberResult } from "./points-rules";
import type { Problems } from "./problems";
import type { RecordContext } from "./records-read";
import type { Settings } from "./settings";
import type { Sheets } from "./types";
import { msg } from "./messages";

export interface Records {
  /** As-of date: YYYY-MM-DD and its serial. */
  asOfIso: string;
  asOf: number;
  year: number;
  /** null when the sheet is absent. */
  ledger: LedgerRow[] | null;
  members: MemberResult[] | null;
  /** Per branch (组织 order). */
  meetings: Compliance[] | null;
}

function grid(sheets: Sheets, name: string): unknown[][] | undefined {
  const actual = resolveSheetName(Object.keys(sheets), name);
  return actual === undefined ? undefined : (sheets[actual] ?? []);
}

/** True when the workbook has any of the four record sheets. */
export function hasRecords(sheets: Sheets): boolean {
  return [LEDGER_SHEET, MEMBERS_SHEET, POINTS_SHEET, MEETINGS_SHEET].some(
    (s) => grid(sheets, s.name) !== undefined,
  );
}

export function readRecords(
  sheets: Sheets,
  br: Branches,
  settings: Settings,
  asOfIso: string,
  problems: Problems,
): Records {
  const asOf = serialOfIso(asOfIso);
  const year = Number(asOfIso.slice(0, 4));
  const ctx: RecordContext = { br, settings, asOf, year, problems };
  const lg = grid(sheets, LEDGER_SHEET.name);
  const mg = grid(sheets, MEMBERS_SHEET.name);
  const pg = grid(sheets, POINTS_SHEET.name);
  const cg = grid(sheets, MEETINGS_SHEET.name);
  const ledger = lg ? readLedger(lg, ctx) : null;
  let members: MemberResult[] | null = null;
  if (mg) {
    const list = readMembers(mg, ctx);
    if (pg) readEntries(pg, list, ctx);
    members = memberResults(list, year, asOf, settings.records);
  } else if (pg) {
    problems.cell(POINTS_SHEET.name, "A1", msg("pointsWithoutMembers"));
  }
  let meetings: Compliance[] | null = null;
  if (cg) {
    const months = readMeetings(cg, ctx);
    meetings = months.map((m) => compliance(m, settings.records.meetingRules, year, asOf));
  }
  return { asOfIso, asOf, year, ledger, members, meetings };
}
