/**
 * The records at a glance (the pane's 台账 step): per 上级党组织 the 销号率 and 督办, the
 * members in red and yellow per branch, the branches behind on 三会一课 — each with the input
 * cell it points to. Needs only 设置, 组织 and the record sheets (no grading).
 */
import { readBranches } from "./branches";
import { addr } from "./cells";
import { BRANCHES_SHEET, LEDGER_SHEET, MEMBERS_SHEET, resolveSheetName } from "./contract";
import { isoDate } from "./dates";
import { Problems } from "./problems";
import { hasRecords, readRecords } from "./records";
import { ledgerGroups, type LedgerGroup } from "./records-stats";
import { readSettings } from "./settings";
import type { Problem, Sheets } from "./types";
import { msg } from "./messages";

/** A sheet and cell to select when a row is clicked. */
export interface CellRef {
  sheet: string;
  cell: string;
}

export interface PointsAtGlance {
  code: string;
  name: string;
  red: string[];
  yellow: string[];
  at: CellRef;
}

export interface MeetingsAtGlance {
  code: string;
  name: string;
  parent: string;
  due: number;
  met: number;
  missing: string;
  at: CellRef;
}

export interface RecordsOverview {
  asOf: string;
  ledger: (LedgerGroup & { at: CellRef })[] | null;
  points: PointsAtGlance[] | null;
  meetings: MeetingsAtGlance[] | null;
}

export type OverviewResult = { ok: true; overview: RecordsOverview } | { ok: false; problems: Problem[] };

export function recordsOverview(sheets: Sheets, options: { asOf?: Date } = {}): OverviewResult {
  const problems = new Problems();
  const names = Object.keys(sheets);
  const grid = (n: string): unknown[][] | undefined => {
    const a = resolveSheetName(names, n);
    return a === undefined ? undefined : sheets[a];
  };
  const settings = readSettings(grid("设置"), problems);
  const bg = grid(BRANCHES_SHEET.name);
  if (!bg) {
    problems.cell(BRANCHES_SHEET.name, "A1", msg("recordsNeedBranches", { sheet: BRANCHES_SHEET.name }));
    return { ok: false, problems: problems.sorted() };
  }
  const br = readBranches(bg, settings, settings.sectors, problems);
  const asOf = settings.asOf ?? isoDate(options.asOf ?? new Date());
  const rec = hasRecords(sheets) ? readRecords(sheets, br, settings, asOf, problems) : null;
  if (problems.count > 0) return { ok: false, problems: problems.sorted() };
  const branchAt = (b: number): CellRef => ({ sheet: BRANCHES_SHEET.name, cell: addr(br.row[b]!, 0) });
  const ledger = rec?.ledger
    ? ledgerGroups(rec, br, settings.records)
        .filter((_, gi) => gi < br.parentLabels.length)
        .map((g, gi) => {
          const first = rec.ledger!.find((x) => br.parentOf[x.b] === gi && x.state === "逾期");
          const b0 = br.parentOf.indexOf(gi);
          return { ...g, at: first ? { sheet: LEDGER_SHEET.name, cell: addr(first.row, 0) } : branchAt(b0) };
        })
    : null;
  let points: PointsAtGlance[] | null = null;
  if (rec?.members) {
    points = [];
    for (let b = 0; b < br.n; b++) {
      const mine = rec.members.filter((x) => x.m.b === b);
      const red = mine.filter((x) => x.warn === "红色");
      const yellow = mine.filter((x) => x.warn === "黄色");
      if (red.length + yellow.length === 0) continue;
      const first = red[0] ?? yellow[0]!;
      points.push({
        code: br.codes[b]!,
        name: String(br.names[b] ?? ""),
        red: red.map((x) => x.m.name),
        yellow: yellow.map((x) => x.m.name),
        at: { sheet: MEMBERS_SHEET.name, cell: addr(first.m.row, 0) },
      });
    }
  }
  const meetings = rec?.meetings
    ? rec.meetings
        .map((c, b) => ({
          code: br.codes[b]!,
          name: String(br.names[b] ?? ""),
          parent: br.parentLabels[br.parentOf[b]!]!,
          due: c.due,
          met: c.met,
          missing: c.missing,
          at: branchAt(b),
        }))
        .filter((x) => x.met < x.due)
    : null;
  return { ok: true, overview: { asOf, ledger, points, meetings } };
}
