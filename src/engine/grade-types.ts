/** What gradeWorkbook takes besides the grids, and the summary it gives back. */
import type { TargetResult } from "./report";

export interface GradeOptions {
  /** "Today" for the summary's as-of date when 设置 has no 统计日期. */
  asOf?: Date;
  /** Called as each phase ends ("read", "score", "tiers", "outputs"): for benchmarks. */
  onPhase?: (phase: "read" | "score" | "tiers" | "outputs") => void;
  /**
   * false: check only (检查). Problems, notices and the summary as usual, but no output
   * sheet is built (`outputs` and `sheets` are empty).
   */
  outputs?: boolean;
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
