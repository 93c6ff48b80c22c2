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
import { unitsToNumber } from "./numbers";
import {
  OUTPUT_SHEETS,
  POSTING_HEADERS,
  PROMOTION_HEADERS,
  RESULT_HEADERS,
  postingLayout,
  promotionLayout,
  resultLayout,
  sheet,
  summaryBlock,
  summaryLayout,
} from "./outputs";
import { Problems } from "./problems";
import { benchmarksIndexed, movementIndexed, targetOutcome, type Change } from "./promotion";
import { quotaCapsIndexed, rankIndexed, requiredCount } from "./quota";
import { reasonBuilder } from "./reasons";
import { planFor, readRubric } from "./rubric";
import { scoreRows } from "./score";
import { readSettings } from "./settings";
import { assignTiers } from "./tiers";
import type { OutCell, OutputSheet, Problem, Scalar, Sheets } from "./types";

export interface GradeOptions {
  /** "Today" for the summary's as-of date when 设置 has no 统计日期. */
  asOf?: Date;
  /** Called as each phase ends ("read", "score", "tiers", "outputs"): for benchmarks. */
  onPhase?: (phase: "read" | "score" | "tiers" | "outputs") => void;
}

/** One branch's row of 结果, as data. Scores are numbers (null when blank). */
export interface BranchResult {
  id: Scalar;
  name: Scalar;
  parent: string;
  sector: string;
  total: number;
  self: number | null;
  survey: number | null;
  combined: number;
  rank: number;
  tier: string;
  previous: string;
  change: Change;
  levels: number;
  /** 组织名称 of the 赶超对象 ("" when none), as in 结果. */
  benchmark: string;
  /** 组织编码 (text) of the 赶超对象 ("" when none). */
  benchmarkId: string;
  reason: string;
  tieFlag: boolean;
}

export interface TargetResult {
  group: string;
  target: string;
  base: number;
  required: number;
  attained: number;
  gap: number;
  status: "达标" | "未达标";
}

export interface GradeSummary {
  tiers: string[];
  branches: number;
  counts: Record<string, number>;
  byGroup: { group: string; counts: Record<string, number> }[];
  targets: TargetResult[];
  /** YYYY-MM-DD */
  asOf: string;
}

export type GradeResult =
  | {
      ok: true;
      sheets: Record<string, OutCell[][]>;
      outputs: OutputSheet[];
      summary: GradeSummary;
      results: BranchResult[];
      warnings: Problem[];
    }
  | { ok: false; problems: Problem[] };

function findSheet(sheets: Sheets, spec: SheetSpec, problems: Problems): unknown[][] | undefined {
  const name = resolveSheetName(Object.keys(sheets), spec.name);
  if (name === undefined) {
    if (spec.required)
      problems.cell(spec.name, "A1", `缺少工作表「${spec.name}」（或英文名 ${spec.alias}），请添加这张表`);
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
  const scoreGrid = findSheet(sheets, SCORES_SHEET, problems);
  const settings = readSettings(settingsGrid, problems);
  const rubric = rubricGrid
    ? readRubric(rubricGrid, settings.tiers, problems, settings.sectors).rubric
    : null;
  const sectorList = settings.sectors ?? (rubric && rubric.sectors.length > 0 ? rubric.sectors : null);
  const br = branchGrid ? readBranches(branchGrid, settings, sectorList, problems) : null;
  if (!rubric || !br || !scoreGrid) return { ok: false, problems: problems.sorted() };

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
      if (p.col[i]! < 0 && !missingCols.has(c.key)) {
        missingCols.add(c.key);
        problems.at(
          SCORES_SHEET.name,
          0,
          scoreTable.freeCol,
          `缺少指标 ${c.id} 的列：评分表第 1 行应有标题为「${c.id}」的一列`,
        );
      }
    });
    if (settings.scale100 && p.sumMax === 0 && W[0].n > 0n && rubric.criteria.length > 0) {
      problems.cell(
        RUBRIC_SHEET.name,
        "A1",
        `领域「${p.sector || "（空）"}」没有适用的计分指标（评分、扣分、达标、频次），无法折算百分制`,
      );
    }
  }
  options.onPhase?.("read");
  const scores = scoreRows({
    table: scoreTable,
    rubric,
    n,
    idIndex: br.idIndex,
    planOf: br.sectorOf,
    plans,
    settings,
    problems,
  });
  if (scoreTable.cols.has("组织编码")) {
    const idCol = br.table.cols.get("组织编码")!;
    for (let b = 0; b < n; b++) {
      if (scores.scoreRow[b]! < 0)
        problems.at(
          BRANCHES_SHEET.name,
          br.row[b]!,
          idCol,
          `组织编码 ${br.codes[b]} 在评分表中没有对应的行，请补上它的评分`,
        );
    }
  }
  if (problems.count > 0) return { ok: false, problems: problems.sorted() };

  options.onPhase?.("score");
  // Rescaling notes.
  for (let b = 0; b < n; b++) {
    const r = scores.rescaled[b]!;
    if (r) {
      const what = r === 1 ? "自评得分" : r === 2 ? "测评满意度" : "自评得分和测评满意度";
      const col = r & 1 ? scoreTable.cols.get("自评得分") : scoreTable.cols.get("测评满意度");
      warnings.at(
        SCORES_SHEET.name,
        scores.scoreRow[b]!,
        col ?? scoreTable.freeCol,
        `组织 ${br.codes[b]} 缺${what}，已按权重折算`,
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
  const quota = quotaCapsIndexed(state.tier, qGroup, nGroups, settings.quotaCaps, cmp);
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
  // 结果 rows (plain values), built straight from the typed arrays.
  const d = settings.digits;
  // One boxed number per distinct score: rows share them instead of allocating millions.
  let maxU = 0;
  for (const arr of [scores.total, scores.combined, scores.self, scores.survey])
    for (let b = 0; b < n; b++) if (arr[b]! > maxU) maxU = arr[b]!;
  const cacheSize = maxU < 2_000_000 ? maxU + 2 : 0;
  const boxed: unknown[] = new Array<unknown>(cacheSize).fill("");
  const numOf = (u: number): number => {
    if (u >= 0 && u + 1 < cacheSize) {
      const hit = boxed[u + 1];
      if (hit !== "") return hit as number;
      const v = unitsToNumber(u, d);
      boxed[u + 1] = v;
      return v;
    }
    return unitsToNumber(u, d);
  };
  const num = (u: number): number | "" => (Number.isNaN(u) ? "" : numOf(u));
  const changeOf = changeTable(tiers.length);
  const resultRows: OutCell[][] = new Array<OutCell[]>(n + 1);
  resultRows[0] = [...RESULT_HEADERS];
  const reasons: string[] = new Array<string>(n);
  for (let b = 0; b < n; b++) {
    const t = state.tier[b]!;
    const prev = br.previous[b]!;
    const bi = bench[b]!;
    const why = reason(b);
    reasons[b] = why;
    resultRows[b + 1] = [
      br.codeOut[b]!,
      br.names[b]!,
      br.parentLabels[br.parentOf[b]!]!,
      br.sectorLabels[br.sectorOf[b]!]!,
      numOf(scores.total[b]!),
      num(scores.self[b]!),
      num(scores.survey[b]!),
      numOf(scores.combined[b]!),
      rank[b]!,
      tiers[t]!,
      prev >= 0 ? tiers[prev]! : "",
      changeOf[(prev + 1) * tiers.length + t]!,
      bi >= 0 ? labelText(br.names[bi]) : "",
      why,
    ];
  }
  // BranchResult objects are built on first access (hosts write the grids; most callers never need them).
  let resultsCache: BranchResult[] | undefined;
  const buildResults = (): BranchResult[] => {
    const out = new Array<BranchResult>(n);
    for (let b = 0; b < n; b++) {
      const row = resultRows[b + 1]!;
      const bi = bench[b]!;
      const mv = movementIndexed(br.previous[b]!, state.tier[b]!);
      out[b] = {
        id: row[0] as Scalar,
        name: row[1] as Scalar,
        parent: row[2] as string,
        sector: row[3] as string,
        total: row[4] as number,
        self: row[5] === "" ? null : (row[5] as number),
        survey: row[6] === "" ? null : (row[6] as number),
        combined: row[7] as number,
        rank: row[8] as number,
        tier: row[9] as string,
        previous: row[10] as string,
        change: mv.change,
        levels: mv.levels,
        benchmark: row[12] as string,
        benchmarkId: bi >= 0 ? br.codes[bi]! : "",
        reason: reasons[b]!,
        tieFlag: quota.tie[b] === 1,
      };
    }
    return out;
  };

  // 晋位升级: per parent group and target, then 合计.
  const nParents = br.parentLabels.length;
  const targetResults: TargetResult[] = [];
  const promoRows: OutCell[][] = [[...PROMOTION_HEADERS]];
  const perTarget = settings.targets.map((tg) => {
    const base = new Int32Array(nParents + 1);
    const got = new Int32Array(nParents + 1);
    for (let b = 0; b < n; b++) {
      if (br.previous[b] !== tg.from) continue;
      const p = br.parentOf[b]!;
      base[p]++;
      base[nParents]++;
      const ok = tg.success === "示范" ? br.demo[b] === 1 : state.tier[b]! < tg.from;
      if (ok) {
        got[p]++;
        got[nParents]++;
      }
    }
    return { base, got };
  });
  for (let g = 0; g <= nParents; g++) {
    const group = g < nParents ? br.parentLabels[g]! : "合计";
    settings.targets.forEach((tg, i) => {
      const { base, got } = perTarget[i]!;
      const o = targetOutcome(
        base[g]!,
        requiredCount(base[g]!, tg.rate, tg.comparator),
        got[g]!,
        tg.comparator,
      );
      targetResults.push({ group, target: tg.label, ...o });
      promoRows.push([group, tg.label, o.base, o.required, o.attained, o.gap, o.status]);
    });
  }

  // 汇总: counts by tier × parent and tier × sector.
  const k = tiers.length;
  const byParent = br.parentLabels.map(() => new Array<number>(k).fill(0));
  const bySector = br.sectorLabels.map(() => new Array<number>(k).fill(0));
  for (let b = 0; b < n; b++) {
    byParent[br.parentOf[b]!]![state.tier[b]!]++;
    bySector[br.sectorOf[b]!]![state.tier[b]!]++;
  }
  const block1 = summaryBlock(1, "上级党组织", "C", br.parentLabels, byParent, tiers, n);
  const block2 = summaryBlock(block1.length + 2, "领域", "D", br.sectorLabels, bySector, tiers, n);
  const summaryRows: OutCell[][] = [...block1, new Array<OutCell>(block1[0]!.length).fill(""), ...block2];

  // 公示: by parent group (order of 组织), then tier, then 组织 order (counting sort).
  const bucket = new Int32Array(nParents * k + 1);
  for (let b = 0; b < n; b++) bucket[br.parentOf[b]! * k + state.tier[b]! + 1]++;
  for (let i = 1; i < bucket.length; i++) bucket[i] += bucket[i - 1]!;
  const order = new Int32Array(n);
  for (let b = 0; b < n; b++) order[bucket[br.parentOf[b]! * k + state.tier[b]!]!++] = b;
  const postRows: OutCell[][] = new Array<OutCell[]>(n + 1);
  postRows[0] = [...POSTING_HEADERS];
  for (let i = 0; i < n; i++) {
    const b = order[i]!;
    const row = resultRows[b + 1]!;
    postRows[i + 1] = [row[2]!, row[1]!, row[9]!];
  }

  const outputs: OutputSheet[] = [
    sheet(OUTPUT_SHEETS[0], resultRows, resultLayout(d)),
    sheet(OUTPUT_SHEETS[1], promoRows, promotionLayout()),
    sheet(
      OUTPUT_SHEETS[2],
      summaryRows,
      summaryLayout(tiers, br.parentLabels.length, br.sectorLabels.length),
    ),
    sheet(OUTPUT_SHEETS[3], postRows, postingLayout()),
  ];
  const counts: Record<string, number> = {};
  tiers.forEach((t, j) => (counts[t] = byParent.reduce((a, c) => a + c[j]!, 0)));
  const summary: GradeSummary = {
    tiers: [...tiers],
    branches: n,
    counts,
    byGroup: br.parentLabels.map((group, g) => ({
      group,
      counts: Object.fromEntries(tiers.map((t, j) => [t, byParent[g]![j]!])),
    })),
    targets: targetResults,
    asOf: settings.asOf ?? isoDate(options.asOf ?? new Date()),
  };
  options.onPhase?.("outputs");
  return {
    ok: true,
    sheets: Object.fromEntries(outputs.map((o) => [o.name, o.rows])),
    outputs,
    summary,
    get results(): BranchResult[] {
      return (resultsCache ??= buildResults());
    },
    warnings: warnings.sorted(),
  };
}

/** 变动 label per (previous + 1, current) tier index pair; previous -1 is 新定级. */
function changeTable(k: number): Change[] {
  const out: Change[] = [];
  for (let p = -1; p < k; p++) for (let c = 0; c < k; c++) out.push(movementIndexed(p, c).change);
  return out;
}

function labelText(v: Scalar | undefined): string {
  return v === undefined || v === null ? "" : String(v);
}
