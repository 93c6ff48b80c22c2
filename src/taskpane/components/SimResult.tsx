/** 模拟's outcome: counts per tier now → simulated, and the branches whose tier would change. */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ChangedBranch } from "../simulate";
import { useT } from "../i18n";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: "left",
    verticalAlign: "top",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  num: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: "right",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  list: { maxHeight: "320px", overflowY: "auto" },
});

const SHOWN = 200;

export function SimCounts({
  tiers,
  before,
  after,
}: {
  tiers: string[];
  before: Record<string, number>;
  after: Record<string, number>;
}) {
  const t = useT();
  const s = useStyles();
  return (
    <table className={s.table} aria-label={t("simCounts")}>
      <thead>
        <tr>
          <th className={s.cell}>{t("simTier")}</th>
          <th className={s.num}>{t("simBefore")}</th>
          <th className={s.num}>{t("simAfter")}</th>
        </tr>
      </thead>
      <tbody>
        {tiers.map((tier) => {
          const a = before[tier] ?? 0;
          const b = after[tier] ?? 0;
          return (
            <tr key={tier} data-testid={`sim-${tier}`}>
              <th className={s.cell} scope="row">
                {tier}
              </th>
              <td className={s.num}>{a}</td>
              <td className={s.num}>
                {b}
                {b !== a && <span className={b > a ? s.up : s.down}>{` (${b > a ? "+" : ""}${b - a})`}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function SimChanges({ changed, tiers }: { changed: ChangedBranch[]; tiers: string[] }) {
  const t = useT();
  const s = useStyles();
  if (changed.length === 0) return <Text size={200}>{t("simNoChange")}</Text>;
  return (
    <div>
      <Text weight="semibold">{t("simChanged", { count: changed.length })}</Text>
      <div className={s.list}>
        <table className={s.table} data-testid="sim-changes">
          <thead>
            <tr>
              <th className={s.cell}>{t("colName")}</th>
              <th className={s.cell}>{t("colParent")}</th>
              <th className={s.cell}>{t("simMove")}</th>
            </tr>
          </thead>
          <tbody>
            {changed.slice(0, SHOWN).map((c, i) => (
              <tr key={i}>
                <td className={s.cell}>{c.name}</td>
                <td className={s.cell}>{c.parent}</td>
                <td className={s.cell}>
                  <span className={tiers.indexOf(c.to) < tiers.indexOf(c.from) ? s.up : s.down}>
                    {c.from} → {c.to}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {changed.length > SHOWN && <Text size={200}>{t("simMore", { count: changed.length - SHOWN })}</Text>}
    </div>
  );
}
