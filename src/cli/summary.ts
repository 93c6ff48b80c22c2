/** The short summary printed after grading: tier counts per 上级党组织, 晋位升级 status. */
import { formatProblem, type GradeSummary, type Problem } from "../engine";
import { table } from "./text";

export function formatSummary(s: GradeSummary, warnings: Problem[] = []): string {
  const lines: string[] = [];
  lines.push(`定级完成 / Graded: ${s.branches} 个党组织 (branches)，统计日期 / as of ${s.asOf}`);
  lines.push("");
  lines.push("等次分布 / Tiers by 上级党组织:");
  const head = ["上级党组织", ...s.tiers, "合计"];
  const rows = s.byGroup.map((g) => {
    const cs = s.tiers.map((t) => g.counts[t] ?? 0);
    return [g.group, ...cs.map(String), String(cs.reduce((a, b) => a + b, 0))];
  });
  const totals = s.tiers.map((t) => s.counts[t] ?? 0);
  rows.push(["合计", ...totals.map(String), String(s.branches)]);
  lines.push(table([head, ...rows]));
  lines.push("");
  lines.push("晋位升级 / Promotion targets:");
  if (s.targets.length === 0) {
    lines.push("  （无目标 / none）");
  } else {
    const tRows = s.targets.map((t) => [
      t.group,
      t.target,
      String(t.base),
      String(t.required),
      String(t.attained),
      String(t.gap),
      t.status,
    ]);
    lines.push(table([["上级党组织", "目标", "基数", "应达数", "实达数", "差额", "状态"], ...tRows]));
    const missed = s.targets.filter((t) => t.status !== "达标").length;
    lines.push(
      `  达标 ${s.targets.length - missed} 项，未达标 ${missed} 项 / ${s.targets.length - missed} met, ${missed} not met`,
    );
  }
  if (warnings.length > 0) {
    lines.push("");
    lines.push(`提示 / Notes (${warnings.length}):`);
    for (const w of warnings) lines.push(`  ${formatProblem(w)}`);
  }
  return lines.join("\n") + "\n";
}
