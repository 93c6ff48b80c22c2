/**
 * gradeWorkbook: input grids → the four output sheets, or every problem at once.
 */
import { filled } from "./arrays";
import { readBranches } from "./branches";
import {
  BRANCHES_SHEET,
  RUBRIC_SHEET,
  SCORES_SHEET,
  SETTINGS_SHEET,
  readTable,
  resolveSheetName,
  type SheetSpec,
} from "./contract";
import { isoDate } from "./dates";
import { Problems } from "./problems";
import { benchmarksIndexed } from "./promotion";
import { quotaCapsIndexed, rankIndexed } from "./quota";
import { reasonBuilder } from "./reasons";
import { emptyBaseNotice, lookalikeNotices, noticesSheet, weightScaleNotice } from "./notices";
import { planFor } from "./plan";
import { hasRecords, readRecords } from "./records";
import { recordOutputs } from "./records-outputs";
import { readRubric } from "./rubric";
import { applySources, readSources, sheetPresence, sourcedKeys, type Source } from "./source";
import { buildReport, summaryOf } from "./report";
import { branchResultsOf, resultRowsOf, type BranchResult } from "./result-rows";
import { scoreRows } from "./score";
import { readSettings } from "./settings";
import { assignTiers } from "./tiers";
import { totalCheckNotices } from "./total-check";
import type { OutputSheet, Problem, Sheets } from "./types";

export type { GradeOptions, GradeSummary } from "./grade-types";
import type { GradeOptions, GradeSummary } from "./grade-types";
import { msg, type Message } from "./messages";
export type { TargetResult } from "./report";
export type { BranchResult } from "./result-rows";

export type GradeResult =
  | {
      ok: true;
      /** The output sheets, in order (outputRows reads one by name). */
      outputs: OutputSheet[];
      summary: GradeSummary;
      results: BranchResult[];
      /** Notices (提示, DOMAIN §2.5): what a rule cut, rescaled or ignored; also the 提示 sheet of `outputs`. */
      notices: Problem[];
    }
  | { ok: false; problems: Problem[] };

/** What a missing sheet must hold, and that an office's own sheets would do (DOMAIN §7.1). */
function needs(spec: SheetSpec): Message {
  const cols =
    spec.name === SCORES_SHEET.name
      ? msg("scoresColumns")
      : spec.headers.filter((x) => x.required).map((x) => x.name);
  const office = msg(spec.name === RUBRIC_SHEET.name ? "officeNoRubric" : "officeSheets");
  return msg("sheetNeeds", { cols, office });
}

function findSheet(sheets: Sheets, spec: SheetSpec, problems: Problems): unknown[][] | undefined {
  const name = resolveSheetName(Object.keys(sheets), spec.name);
  if (name === undefined) {
    if (spec.required)
      problems.cell(
        spec.name,
        "A1",
        msg("sheetMissing", { sheet: spec.name, alias: spec.alias, needs: needs(spec) }),
      );
    return undefined;
  }
  return (sheets[name] ?? []) as unknown[][];
}

/**
 * Grade a workbook (DOMAIN §2, §3, §7, §8). `sheets` maps sheet names (Chinese or their
 * English aliases) to grids as Excel's range.values gives them, from A1.
 */
export function gradeWorkbook(sheets: Sheets, options: GradeOptions = {}): GradeResult {
  const problems = new Problems();
  const warnings = new Problems();
  const settingsGrid = findSheet(sheets, SETTINGS_SHEET, problems);
  const rubricGrid = findSheet(sheets, RUBRIC_SHEET, problems);
  const branchGrid = findSheet(sheets, BRANCHES_SHEET, problems);
  const typedScores = findSheet(sheets, SCORES_SHEET, problems);
  const settings = readSettings(settingsGrid, problems);
  const rubricRead = rubricGrid ? readRubric(rubricGrid, settings.tiers, problems, settings.sectors) : null;
  const rubric = rubricRead ? rubricRead.rubric : null;
  const sectorList = settings.sectors ?? (rubric && rubric.sectors.length > 0 ? rubric.sectors : null);
  const br = branchGrid ? readBranches(branchGrid, settings, sectorList, problems) : null;
  // The records (§4–§6) and the criteria fed by them (来源).
  const asOfIso = settings.asOf ?? isoDate(options.asOf ?? new Date());
  const sources =
    rubricRead && rubric
      ? readSources(rubricRead.table, rubric.criteria, sheetPresence(sheets, resolveSheetName), problems)
      : new Map<number, Source>();
  const sourced = rubricRead && rubric ? sourcedKeys(rubricRead.table, rubric.criteria) : new Set<string>();
  const records = br && hasRecords(sheets) ? readRecords(sheets, br, settings, asOfIso, problems) : null;
  if (!rubric || !br || !typedScores) return { ok: false, problems: problems.sorted() };
  const scoreGrid = records
    ? applySources(typedScores, rubric.criteria, sources, records, br, settings.digits, problems)
    : typedScores;

  const W = settings.weights;
  const extra: string[] = [];
  if (W[1].n > 0n && !settings.rescaleMissing) extra.push("自评得分");
  if (W[2].n > 0n && !settings.rescaleMissing) extra.push("测评满意度");
  const scoreTable = readTable(SCORES_SHEET, scoreGrid, problems, extra);
  const n = br.n;
  // Plans per sector in use; criteria columns needed by them.
  const missingCols = new Set<string>();
  const plans = br.sectorLabels.map((sec) =>
    planFor(sec, rubric, (key) => {
      const c = scoreTable.raw.get(key);
      return c === undefined ? -1 : c;
    }),
  );
  for (const p of plans) {
    p.crit.forEach((c, i) => {
      if (p.col[i]! < 0 && !missingCols.has(c.key) && !sourced.has(c.key)) {
        missingCols.add(c.key);
        problems.at(
          SCORES_SHEET.name,
          0,
          scoreTable.freeCol,
          msg("criterionColumnMissing", { id: c.id, row: 1 }),
        );
      }
    });
    if (
      settings.scale100 &&
      p.sumMax === 0 &&
      settings.baseScore === null &&
      W[0].n > 0n &&
      rubric.criteria.length > 0
    ) {
      problems.cell(
        RUBRIC_SHEET.name,
        "A1",
        msg(p.sector ? "sectorNoPoints" : "blankSectorNoPoints", { sector: p.sector }),
      );
    }
  }
  options.onPhase?.("read");
  const scores = scoreRows({
    table: scoreTable,
    rubric,
    n,
    idIndex: br.idIndex,
    codes: br.codes,
    planOf: br.sectorOf,
    plans,
    settings,
    problems,
    parentOf: br.parentOf,
    notices: warnings,
  });
  if (scoreTable.cols.has("组织编码")) {
    const idCol = br.table.cols.get("组织编码")!;
    for (let b = 0; b < n; b++) {
      if (scores.scoreRow[b]! < 0)
        problems.at(BRANCHES_SHEET.name, br.row[b]!, idCol, msg("scoreRowMissing", { code: br.codes[b]! }));
    }
  }
  if (problems.count > 0) return { ok: false, problems: problems.sorted() };

  options.onPhase?.("score");
  // Rescaling notes.
  for (let b = 0; b < n; b++) {
    const r = scores.rescaled[b]!;
    if (r) {
      const id = r === 1 ? "rescaledSelf" : r === 2 ? "rescaledSurvey" : "rescaledBoth";
      const col = r & 1 ? scoreTable.cols.get("自评得分") : scoreTable.cols.get("测评满意度");
      warnings.at(
        SCORES_SHEET.name,
        scores.scoreRow[b]!,
        col ?? scoreTable.freeCol,
        msg(id, { code: br.codes[b]! }),
      );
    }
  }

  // Tiers: steps 1–4, then quota caps within the 名额分组 groups.
  const tiers = settings.tiers;
  const state = assignTiers(n, scores, br.direct, settings);
  const qGroup =
    settings.quotaGroup === "上级党组织"
      ? br.parentOf
      : settings.quotaGroup === "领域"
        ? br.sectorOf
        : filled(n, 0);
  const nGroups =
    settings.quotaGroup === "上级党组织"
      ? br.parentLabels.length
      : settings.quotaGroup === "领域"
        ? br.sectorLabels.length
        : 1;
  // Blank survey counts lowest: -1 (units are never negative; avoids -Infinity − -Infinity = NaN).
  const sv = (b: number): number => (Number.isNaN(scores.survey[b]!) ? -1 : scores.survey[b]!);
  const cmp = (a: number, b: number): number =>
    (br.direct[b]! >= 0 ? 1 : 0) - (br.direct[a]! >= 0 ? 1 : 0) ||
    scores.combined[b]! - scores.combined[a]! ||
    scores.total[b]! - scores.total[a]! ||
    sv(b) - sv(a);
  const quota = quotaCapsIndexed(
    state.tier,
    qGroup,
    nGroups,
    settings.quotaCaps,
    cmp,
    settings.quotaRounding,
  );
  const rank = rankIndexed(scores.combined, qGroup);
  const bench = benchmarksIndexed(br.codes, br.sectorOf, br.parentOf, state.tier, scores.combined);
  const reason = reasonBuilder({
    settings,
    scores,
    state,
    quota,
    quotaGroup: qGroup,
    rubric,
    plans,
    planOf: br.sectorOf,
    scoreGrid,
  });

  options.onPhase?.("tiers");
  const graded = { settings, br, scores, state, quota, rank, bench, reason };
  const rows = {
    tiers,
    digits: settings.digits,
    targets: settings.targets,
    parentLabels: br.parentLabels,
    sectorLabels: br.sectorLabels,
    parentOf: br.parentOf,
    sectorOf: br.sectorOf,
    tier: state.tier,
    previous: br.previous,
    demo: br.demo,
    names: br.names,
    resultRows: () => resultRowsOf(graded),
  };
  const withSheets = options.outputs !== false;
  const report = buildReport(rows, withSheets);
  const outputs = report.outputs;
  // Notices about the workbook as a whole (DOMAIN §2.5).
  weightScaleNotice(settings, warnings);
  lookalikeNotices(BRANCHES_SHEET, br.table, warnings);
  const critKeys = new Set(rubric.criteria.map((c) => c.key));
  lookalikeNotices(SCORES_SHEET, scoreTable, warnings, critKeys);
  totalCheckNotices({
    table: scoreTable,
    inputs: critKeys,
    scoreRow: scores.scoreRow,
    codes: br.codes,
    total: scores.total,
    digits: settings.digits,
    notices: warnings,
  });
  emptyBaseNotice(settings, br.previous, br.table, warnings);
  if (records && withSheets) outputs.push(...recordOutputs(records, br, settings));
  const notices = warnings.sorted();
  if (notices.length > 0 && withSheets) outputs.push(noticesSheet(notices));
  let resultsCache: BranchResult[] | undefined;
  const summary: GradeSummary = summaryOf(rows, report, asOfIso);
  options.onPhase?.("outputs");
  return {
    ok: true,
    outputs,
    summary,
    get results(): BranchResult[] {
      return (resultsCache ??= branchResultsOf(graded));
    },
    notices,
  };
}
