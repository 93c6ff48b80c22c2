/**
 * consolidate: merge graded workbooks from several units (their 结果 rows, as graded) into
 * one; the engine's report builder makes 汇总, 晋位升级 and 公示 at the combined level, and
 * 赶超对象 is chosen again among all units, so the output is what grade writes for the
 * merged workbook when no 名额分组 spans two units. The settings (等次,
 * 晋位目标, 小数位数) come from the first workbook; every workbook must use the same 等次.
 * A 组织编码 in two files is refused, naming both. No fs here.
 */
import {
  BRANCHES_SHEET,
  OUTPUT_SHEETS,
  RESULT_COL,
  RESULT_HEADERS,
  benchmarksIndexed,
  buildReport,
  isBlank,
  isoDate,
  readYesNo,
  resolveSheetName,
  summaryOf,
  type GradeSummary,
  type OutCell,
  type OutputSheet,
  type Problem,
  type Scalar,
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

const C = RESULT_COL;

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
      const id = text(cells[C.组织编码]);
      if (id === "" && cells.every(isBlank)) continue;
      const prior = seen.get(id);
      if (prior !== undefined) {
        errors.push(
          `组织编码 ${id} 同时出现在 ${inputs[prior].label} 和 ${label} 中，请核对后再合并 / 组织编码 ${id} appears in both ${inputs[prior].label} and ${label}`,
        );
        continue;
      }
      seen.set(id, f);
      const tier = tierIndex(cells[C.等次]);
      if (tier < 0) {
        errors.push(`${label}：结果!J${r + 1} 的等次“${text(cells[C.等次])}”不在等次列表中 / Unknown tier`);
        continue;
      }
      rows.push({
        cells,
        file: f,
        id,
        parent: text(cells[C.上级党组织]),
        sector: text(cells[C.领域]),
        tier,
        previous: tierIndex(cells[C.上期等次]),
        demo: demo.has(id),
      });
    }
  }
  if (errors.length > 0 || tiers === undefined)
    return { ok: false, errors: errors.length > 0 ? errors : ["没有可合并的工作簿 / Nothing to merge"] };
  return { ok: true, ...(await buildOutputs(rows, tiers, digits, targets, asOf)) };
}

/** The merged rows as the engine's row model; its report builder makes every sheet. */
async function buildOutputs(
  rows: Row[],
  tiers: string[],
  digits: number,
  targets: ReturnType<typeof readSettingsFrom>["targets"],
  asOf: string | null,
): Promise<{ bytes: Uint8Array; summary: GradeSummary; outputs: OutputSheet[]; warnings: Problem[] }> {
  const parentLabels = firstSeen(rows.map((r) => r.parent));
  const sectorLabels = firstSeen(rows.map((r) => r.sector));
  const pIndex = new Map(parentLabels.map((p, i) => [p, i]));
  const sIndex = new Map(sectorLabels.map((s, i) => [s, i]));
  const parentOf = rows.map((r) => pIndex.get(r.parent)!);
  const sectorOf = rows.map((r) => sIndex.get(r.sector)!);
  const tier = rows.map((r) => r.tier);
  const names = rows.map((r) => asOut(r.cells[C.组织名称]));
  // 赶超对象 is chosen again at the combined level: with no top-tier branch of its own
  // 上级党组织 in its 领域, a branch looks at every unit's (DOMAIN §3), as grade would.
  const bench = benchmarksIndexed(
    rows.map((r) => r.id),
    sectorOf,
    parentOf,
    tier,
    rows.map((r) => Number(r.cells[C.综合得分])),
  );
  const model = {
    tiers,
    digits,
    targets,
    parentLabels,
    sectorLabels,
    parentOf,
    sectorOf,
    tier,
    previous: rows.map((r) => r.previous),
    demo: rows.map((r) => (r.demo ? 1 : 0)),
    names,
    // The units' 结果 rows as graded, but for 赶超对象.
    resultRows: (): OutCell[][] => [
      [...RESULT_HEADERS],
      ...rows.map((r, i) => {
        const cells = r.cells.slice(0, RESULT_HEADERS.length).map(asOut);
        cells[C.赶超对象] = bench[i]! >= 0 ? names[bench[i]!]! : "";
        return cells;
      }),
    ],
  };
  const report = buildReport(model);
  const fw = XlsxWorkbook.create({ tiers, codec: nodeCodec() });
  await fw.writeSheets(report.outputs);
  // Today where the clerk is (local date), as grading says it.
  const summary = summaryOf(model, report, asOf ?? isoDate(new Date()));
  return { bytes: await fw.save(), summary, outputs: report.outputs, warnings: [] };
}

function asOut(v: unknown): Scalar {
  if (v === undefined || v === null) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}
