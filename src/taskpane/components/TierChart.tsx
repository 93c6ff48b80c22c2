/** Counts per tier with their shares, and a small bar chart of the distribution (inline SVG). */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";

/** Same order of colors as the sheets' tier colors: best green … worst red. */
const BAR = ["#2E7D32", "#7CB342", "#F9A825", "#EF6C00", "#C62828"];

export function barColor(i: number, n: number): string {
  if (n <= 1) return BAR[0];
  if (n === 2) return i === 0 ? BAR[0] : BAR[4];
  if (n === 3) return [BAR[0], BAR[2], BAR[4]][i];
  return BAR[Math.min(4, Math.round((i * 4) / (n - 1)))];
}

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%" },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, textAlign: "left" },
  num: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, textAlign: "right" },
});

export function share(count: number, total: number): string {
  return total === 0 ? "0%" : `${((count * 100) / total).toFixed(1)}%`;
}

export function TierChart({
  tiers,
  counts,
  total,
}: {
  tiers: string[];
  counts: Record<string, number>;
  total: number;
}) {
  const t = useT();
  const s = useStyles();
  const max = Math.max(1, ...tiers.map((x) => counts[x] ?? 0));
  const barH = 22;
  const labelW = 56;
  const chartW = 300;
  return (
    <div>
      <Text weight="semibold">{t("tierCounts")}</Text>
      <table className={s.table}>
        <tbody>
          {tiers.map((tier) => (
            <tr key={tier} data-testid={`tier-${tier}`}>
              <th className={s.cell} scope="row">
                {tier}
              </th>
              <td className={s.num}>
                {t("tierShare", { count: counts[tier] ?? 0, share: share(counts[tier] ?? 0, total) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <svg
        role="img"
        aria-label={t("distribution")}
        width="100%"
        viewBox={`0 0 ${chartW} ${tiers.length * (barH + 6)}`}
        preserveAspectRatio="xMinYMin meet"
      >
        {tiers.map((tier, i) => {
          const n = counts[tier] ?? 0;
          const w = ((chartW - labelW - 40) * n) / max;
          const y = i * (barH + 6);
          return (
            <g key={tier}>
              <text x={0} y={y + barH * 0.7} fontSize={12}>
                {tier}
              </text>
              <rect x={labelW} y={y} width={w} height={barH} fill={barColor(i, tiers.length)} rx={2} />
              <text x={labelW + w + 4} y={y + barH * 0.7} fontSize={12}>
                {n}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
