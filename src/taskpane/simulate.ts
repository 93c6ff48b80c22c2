/**
 * 模拟 (what-if), without React: regrade the inputs read once with an edited copy of 设置
 * (cutoffs and quota shares), and compare tiers with the grading as it stands.
 */
import { gradeInputs } from "../host/inputs";
import type { Problem } from "../engine";
import type { Graded, Inputs } from "./inputs";
import { cutoffsText, readSettingsGrid, sharesText, sharesValue, withSettings } from "./settings-grid";

export interface SimEdit {
  /** Lower bounds as typed, one per tier but the last. */
  cutoffs: string[];
  /** Tier → quota share as typed ("30%", "0.3", blank = no cap). */
  shares: Record<string, string>;
}

export interface ChangedBranch {
  name: string;
  parent: string;
  from: string;
  to: string;
}

export type SimOutcome =
  | { kind: "problems"; problems: Problem[] }
  | { kind: "ok"; counts: Record<string, number>; changed: ChangedBranch[]; tiers: string[] };

export function editFrom(inputs: Inputs): SimEdit {
  const s = readSettingsGrid(inputs.grids[inputs.settingsName]);
  return { cutoffs: cutoffsText(s), shares: sharesText(s.quotaCaps, s.tiers) };
}

/** The 设置 rows that differ between the edit and the original (what 应用 writes). */
export function changedRows(original: SimEdit, edit: SimEdit, tiers: string[]): [string, string][] {
  const rows: [string, string][] = [];
  const cut = edit.cutoffs.map((c) => c.trim()).join(",");
  if (cut !== original.cutoffs.join(",")) rows.push(["分数线", cut]);
  const shares = sharesValue(edit.shares, tiers);
  if (shares !== sharesValue(original.shares, tiers)) rows.push(["名额上限", shares]);
  return rows;
}

export function simulate(inputs: Inputs, baseline: Graded, rows: [string, string][], now: Date): SimOutcome {
  // Nothing edited: the grading as it stands (no regrade, e.g. right after 应用).
  if (rows.length === 0)
    return { kind: "ok", counts: baseline.summary.counts, changed: [], tiers: baseline.summary.tiers };
  const name = inputs.settingsName;
  const grids = { ...inputs.grids, [name]: withSettings(inputs.grids[name] ?? [], rows).grid };
  // Tiers and counts only: no output sheet is built for a what-if.
  const r = gradeInputs({ grids, origin: inputs.origin }, { asOf: now, outputs: false });
  if (!r.ok) return { kind: "problems", problems: r.problems };
  const before = baseline.results;
  const after = r.results;
  const changed: ChangedBranch[] = [];
  after.forEach((b, i) => {
    const from = before[i]?.tier ?? "";
    if (from !== b.tier) changed.push({ name: String(b.name ?? ""), parent: b.parent, from, to: b.tier });
  });
  return { kind: "ok", counts: r.summary.counts, changed, tiers: r.summary.tiers };
}
