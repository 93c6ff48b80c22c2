/** Each 晋位升级 target with its required and attained counts and 达标/未达标. */
import { Badge, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { TargetResult } from "../../engine";
import { useT } from "../i18n";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: "left",
    verticalAlign: "top",
  },
  total: { fontWeight: tokens.fontWeightSemibold },
});

export function TargetList({ targets }: { targets: TargetResult[] }) {
  const t = useT();
  const s = useStyles();
  return (
    <div>
      <Text weight="semibold">{t("targetsHeading")}</Text>
      {targets.length === 0 ? (
        <Text as="p" size={200}>
          {t("targetNone")}
        </Text>
      ) : (
        <table className={s.table}>
          <thead>
            <tr>
              <th className={s.cell}>{t("targetGroup")}</th>
              <th className={s.cell}>{t("targetName")}</th>
              <th className={s.cell}>{t("targetRequired")}</th>
              <th className={s.cell}>{t("targetStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((x, i) => (
              <tr key={`${x.group}-${x.target}-${i}`} className={x.group === "合计" ? s.total : undefined}>
                <td className={s.cell}>{x.group}</td>
                <td className={s.cell}>{x.target}</td>
                <td className={s.cell}>
                  {x.required}/{x.attained}
                </td>
                <td className={s.cell}>
                  <Badge appearance="filled" color={x.status === "达标" ? "success" : "danger"}>
                    {x.status}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
