/**
 * consolidate: merge graded workbooks from several units (their 结果 rows, as graded) into
 * one, and recompute 汇总, 晋位升级 and 公示 at the combined level. The settings (等次,
 * 晋位目标, 小数位数) come from the first workbook; every workbook must use the same 等次.
 * A 组织编码 in two files is refused, naming both. No fs here.
 */
import {
  BRANCHES_SHEET,
  OUTPUT_SHEETS,
  POSTING_HEADERS,
  PROMOTION_HEADERS,
  RESULT_HEADERS,
  isBlank,
  isoDate,
  postingLayout,
  promotionLayout,
  readYesNo,
  requiredCount,
  resolveSheetName,
  resultLayout,
  sheet,
  summaryBlock,
  summaryLayout,
  summaryRowsOf,
  targetOutcome,
  type GradeSummary,
  type OutCell,
  type OutputSheet,
  type Problem,
  type TargetResult,
} from "../engine";
import { readSettingsFrom } from "./settings";
import { XlsxWorkbook, WorkbookFileError } from "../host/file";
import { nodeCodec } from "./node-codec";

export interface ConsolidateInput {
  /** How messages name the file (its file name). */
  label: string;
  bytes: Uint8Array;
}

export type ConsolidateOutcome =
  | { ok: true; bytes: Uint8Array; summary: GradeSummary; outputs: OutputSheet[]; warnings: Problem[] }
  | { ok: false; errors: string[] };

interface Row {
  cells: unknown[];
  file: number;
  id: string;
  parent: string;
  sector: string;
  tier: number;
  previous: number;
  demo: boolean;
}

/** Columns of 结果, by their headers. */
const C = {
  id: RESULT_HEADERS.indexOf("组织编码"),
  parent: RESULT_HEADERS.indexOf("上级党组织"),
  sector: RESULT_HEADERS.indexOf("领域"),
  tier: RESULT_HEADERS.indexOf("等次"),
  previous: RESULT_HEADERS.indexOf("上期等次"),
  name: RESULT_HEADERS.indexOf("组织名称"),
} as const;

function text(v: unknown): string {
  return isBlank(v) ? "" : String(v).trim();
}

function firstSeen(values: string[]): string[] {
  return [...new Set(values)];
}

export async function consolidateBytes(inputs: ConsolidateInput[]): Promise<ConsolidateOutcome> {
  const errors: string[] = [];
  const rows: Row[] = [];
  let tiers: string[] | undefined;
  let digits = 2;
  let targets: ReturnType<typeof readSettingsFrom>["targets"] = [];
  let asOf: string | null = null;
  const seen = new Map<string, number>();

  for (let f = 0; f < inputs.length; f++) {
    const { label, bytes } = inputs[f];
    let fw: XlsxWorkbook;
    try {
      fw = await XlsxWorkbook.open(bytes, { codec: nodeCodec() });
    } catch (e) {
      if (e instanceof WorkbookFileError) {
        errors.push(`${label}：${e.message}`);
        continue;
      }
      throw e;
    }
    const names = await fw.listSheets();
    const resultName = names.find((n) => n.trim() === OUTPUT_SHEETS[0]);
    if (resultName === undefined) {
      errors.push(
        `${label}：不是已定级的工作簿（缺少“结果”表），请先用 grade 定级 / Not a graded workbook: no 结果 sheet`,
      );
      continue;
    }
    const settingsName = resolveSheetName(names, "设置");
    const branchName = resolveSheetName(names, BRANCHES_SHEET.name);
    const grids = await fw.readSheets([
      resultName,
      ...(settingsName ? [settingsName] : []),
      ...(branchName ? [branchName] : []),
    ]);
    const settings = readSettingsFrom(settingsName ? grids[settingsName] : undefined);
    if (settings.problems.length > 0) {
      errors.push(`${label}：设置表有误 / invalid 设置: ${settings.problems[0]}`);
      continue;
    }
    if (tiers === undefined) {
      tiers = settings.tiers;
      digits = settings.digits;
      targets = settings.targets;
      asOf = settings.asOf;
    } else if (settings.tiers.join(",") !== tiers.join(",")) {
      errors.push(
        `${label}：等次“${settings.tiers.join(",")}”与 ${inputs[0].label} 的“${tiers.join(",")}”不同，无法合并 / Different tier scales`,
      );
      continue;
    }
    const grid = grids[resultName];
    const header = (grid[0] ?? []).map(text);
    if (RESULT_HEADERS.some((h, i) => header[i] !== h)) {
      errors.push(`${label}：结果表的标题行不是 ${RESULT_HEADERS.join("、")} / Unexpected 结果 headers`);
      continue;
    }
    // 示范点 by 组织编码 from the unit's 组织 sheet.
    const demo = new Set<string>();
    const bGrid = branchName ? grids[branchName] : undefined;
    if (bGrid && bGrid.length > 0) {
      const bh = bGrid[0].map(text);
      const idc = bh.findIndex((h) => h === "组织编码" || h.toLowerCase() === "id");
      const dc = bh.findIndex((h) => h === "示范点" || h.toLowerCase() === "demo");
      if (idc >= 0 && dc >= 0)
        for (const r of bGrid.slice(1)) if (readYesNo(r[dc]) === 1) demo.add(text(r[idc]));
    }
    const tierIndex = (v: unknown): number => tiers!.indexOf(text(v));
    for (let r = 1; r < grid.length; r++) {
      const cells = grid[r];
      const id = text(cells[C.id]);
      if (id === "" && cells.every(isBlank)) continue;
      const prior = seen.get(id);
      if (prior !== undefined) {
        errors.push(
          `组织编码 ${id} 同时出现在 ${inputs[prior].label} 和 ${label} 中，请核对后再合并 / 组织编码 ${id} appears in both ${inputs[prior].label} and ${label}`,
        );
        continue;
      }
      seen.set(id, f);
      const tier = tierIndex(cells[C.tier]);
      if (tier < 0) {
        errors.push(`${label}：结果!J${r + 1} 的等次“${text(cells[C.tier])}”不在等次列表中 / Unknown tier`);
        continue;
      }
      rows.push({
        cells,
        file: f,
        id,
        parent: text(cells[C.parent]),
        sector: text(cells[C.sector]),
        tier,
        previous: tierIndex(cells[C.previous]),
        demo: demo.has(id),
      });
    }
  }
  if (errors.length > 0 || tiers === undefined)
    return { ok: false, errors: errors.length > 0 ? errors : ["没有可合并的工作簿 / Nothing to merge"] };
  return { ok: true, ...(await buildOutputs(rows, tiers, digits, targets, asOf)) };
}

async function buildOutputs(
  rows: Row[],
  tiers: string[],
  digits: number,
  targets: ReturnType<typeof readSettingsFrom>["targets"],
  asOf: string | null,
): Promise<{ bytes: Uint8Array; summary: GradeSummary; outputs: OutputSheet[]; warnings: Problem[] }> {
  const n = rows.length;
  const k = tiers.length;
  const parents = firstSeen(rows.map((r) => r.parent));
  const sectors = firstSeen(rows.map((r) => r.sector));
  const pIndex = new Map(parents.map((p, i) => [p, i]));
  const sIndex = new Map(sectors.map((s, i) => [s, i]));
  const byParent = parents.map(() => new Array<number>(k).fill(0));
  const bySector = sectors.map(() => new Array<number>(k).fill(0));
  for (const r of rows) {
    byParent[pIndex.get(r.parent)!][r.tier]++;
    bySector[sIndex.get(r.sector)!][r.tier]++;
  }

  const resultRows: OutCell[][] = [
    [...RESULT_HEADERS],
    ...rows.map((r) => r.cells.slice(0, RESULT_HEADERS.length).map(asOut)),
  ];

  const targetResults: TargetResult[] = [];
  const promoRows: OutCell[][] = [[...PROMOTION_HEADERS]];
  for (let g = 0; g <= parents.length; g++) {
    const group = g < parents.length ? parents[g] : "合计";
    const members = g < parents.length ? rows.filter((r) => r.parent === group) : rows;
    for (const tg of targets) {
      const base = members.filter((r) => r.previous === tg.from);
      const attained = base.filter((r) => (tg.success === "示范" ? r.demo : r.tier < tg.from)).length;
      const o = targetOutcome(
        base.length,
        requiredCount(base.length, tg.rate, tg.comparator),
        attained,
        tg.comparator,
      );
      targetResults.push({ group, target: tg.label, ...o });
      promoRows.push([group, tg.label, o.base, o.required, o.attained, o.gap, o.status]);
    }
  }

  const block1 = summaryBlock(1, "上级党组织", "C", parents, byParent, tiers, n);
  const block2 = summaryBlock(block1.length + 2, "领域", "D", sectors, bySector, tiers, n);

  const order = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => pIndex.get(a.r.parent)! - pIndex.get(b.r.parent)! || a.r.tier - b.r.tier || a.i - b.i);
  const postRows: OutCell[][] = [
    [...POSTING_HEADERS],
    ...order.map(({ r }) => [r.parent, asOut(r.cells[C.name]), tiers[r.tier]]),
  ];

  const outputs: OutputSheet[] = [
    sheet(OUTPUT_SHEETS[0], resultRows, resultLayout(digits)),
    sheet(OUTPUT_SHEETS[1], promoRows, promotionLayout()),
    sheet(
      OUTPUT_SHEETS[2],
      summaryRowsOf(block1, block2),
      summaryLayout(tiers, parents.length, sectors.length),
    ),
    sheet(OUTPUT_SHEETS[3], postRows, postingLayout()),
  ];
  const fw = XlsxWorkbook.create({ tiers, codec: nodeCodec() });
  await fw.writeSheets(outputs);
  const counts: Record<string, number> = {};
  tiers.forEach((t, j) => (counts[t] = byParent.reduce((a, c) => a + c[j], 0)));
  const summary: GradeSummary = {
    tiers: [...tiers],
    branches: n,
    counts,
    byGroup: parents.map((group, g) => ({
      group,
      counts: Object.fromEntries(tiers.map((t, j) => [t, byParent[g][j]])),
    })),
    targets: targetResults,
    // Today where the clerk is (local date), as grading says it.
    asOf: asOf ?? isoDate(new Date()),
  };
  return { bytes: await fw.save(), summary, outputs, warnings: [] };
}

function asOut(v: unknown): OutCell {
  if (v === undefined || v === null) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}
