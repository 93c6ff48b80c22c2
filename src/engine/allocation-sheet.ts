/**
 * 名额分配 (DOMAIN §3 Allocation): what a total quota can be split over (one kind per
 * 晋位升级 target, plus 示范点), the split by largest remainder, and the output sheet.
 */
import { EngineError } from "./errors";
import type { GradeSummary } from "./grade-types";
import { allocate } from "./quota";
import type { OutCell, OutputSheet } from "./types";

export const QUOTA_SHEET = "名额分配";
export const QUOTA_HEADERS = ["上级党组织", "基数", "计算名额", "调整后名额"] as const;
/** The id of the 示范点 kind (base: the branches now in the top tier). */
export const DEMO_KIND = "demo";

export interface QuotaKind {
  /** DEMO_KIND, or `target:` and the target's label. */
  id: string;
  /** What the base counts, e.g. 先进示范 or 示范点（本期先进）. */
  label: string;
  groups: string[];
  bases: number[];
}

/**
 * 示范点 first (base: each 上级党组织's branches now in the top tier, labelled `demoLabel`),
 * then one kind per 晋位升级 target (base: 上期 in its from tier), in 设置 order.
 */
export function quotaKinds(summary: GradeSummary, demoLabel: string): QuotaKind[] {
  const kinds = new Map<string, QuotaKind>();
  for (const x of summary.targets) {
    if (x.group === "合计") continue;
    const k = kinds.get(x.target) ?? { id: `target:${x.target}`, label: x.target, groups: [], bases: [] };
    k.groups.push(x.group);
    k.bases.push(x.base);
    kinds.set(x.target, k);
  }
  const top = summary.tiers[0]!;
  const demo: QuotaKind = {
    id: DEMO_KIND,
    label: demoLabel,
    groups: summary.byGroup.map((g) => g.group),
    bases: summary.byGroup.map((g) => g.counts[top] ?? 0),
  };
  return [demo, ...kinds.values()];
}

export type Split = { ok: true; parts: number[] } | { ok: false; message: string };

/** Largest-remainder split; the engine's message when it cannot be done (e.g. total > Σ bases). */
export function splitQuota(total: number, bases: number[]): Split {
  try {
    return { ok: true, parts: allocate(total, bases) };
  } catch (e) {
    if (e instanceof EngineError) return { ok: false, message: e.message };
    throw e;
  }
}

/** 名额分配: one row per group (基数, 计算名额, 调整后名额), then 合计. */
export function allocationSheet(kind: QuotaKind, computed: number[], adjusted: number[]): OutputSheet {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rows: OutCell[][] = [
    [...QUOTA_HEADERS],
    ...kind.groups.map((g, i): OutCell[] => [g, kind.bases[i]!, computed[i]!, adjusted[i]!]),
    ["合计", sum(kind.bases), sum(computed), sum(adjusted)],
  ];
  return {
    name: QUOTA_SHEET,
    rows,
    layout: {
      freezeRows: 1,
      numberFormats: { 1: "0", 2: "0", 3: "0" },
      tierColumns: [],
      statusColumns: [],
      widths: [18, 8, 10, 12],
    },
  };
}
