/**
 * 名额 (the 晋位升级 quota calculator), without React: the bases per 上级党组织 for a target
 * kind, the split of a total by largest remainder (DOMAIN §3, the engine's `allocate`), and
 * the 名额分配 output sheet.
 */
import { allocate, EngineError } from "../engine";
import type { OutCell, OutputSheet } from "../engine/types";
import type { Graded } from "./inputs";

export const QUOTA_SHEET = "名额分配";
export const QUOTA_HEADERS = ["上级党组织", "基数", "计算名额", "调整后名额"] as const;

export interface QuotaKind {
  id: string;
  /** What the base counts, e.g. 先进示范 or 示范点（本期先进）. */
  label: string;
  groups: string[];
  bases: number[];
}

/** One kind per 晋位升级 target (base: 上期 in its from tier), plus 示范点 (base: 本期 top tier). */
export function quotaKinds(result: Graded, demoLabel: string): QuotaKind[] {
  const kinds = new Map<string, QuotaKind>();
  for (const x of result.summary.targets) {
    if (x.group === "合计") continue;
    const k = kinds.get(x.target) ?? { id: `target:${x.target}`, label: x.target, groups: [], bases: [] };
    k.groups.push(x.group);
    k.bases.push(x.base);
    kinds.set(x.target, k);
  }
  const top = result.summary.tiers[0];
  const demo: QuotaKind = {
    id: "demo",
    label: demoLabel,
    groups: result.summary.byGroup.map((g) => g.group),
    bases: result.summary.byGroup.map((g) => g.counts[top] ?? 0),
  };
  return [demo, ...kinds.values()];
}

export type Split = { ok: true; parts: number[] } | { ok: false; message: string };

/** Largest-remainder split; the engine's message when it cannot be done (e.g. total > Σ bases). */
export function split(total: number, bases: number[]): Split {
  try {
    return { ok: true, parts: allocate(total, bases) };
  } catch (e) {
    if (e instanceof EngineError) return { ok: false, message: e.message };
    throw e;
  }
}

export function quotaSheet(kind: QuotaKind, computed: number[], adjusted: number[]): OutputSheet {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rows: OutCell[][] = [
    [...QUOTA_HEADERS],
    ...kind.groups.map((g, i) => [g, kind.bases[i], computed[i], adjusted[i]]),
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
