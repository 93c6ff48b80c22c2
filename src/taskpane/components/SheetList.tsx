/** The contract sheets and whether the workbook has them. */
import { Badge, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";
import type { SheetState } from "../../host/inputs";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    padding: 0,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  name: { minWidth: "5em", fontWeight: tokens.fontWeightSemibold },
});

export function SheetList({ states }: { states: SheetState[] }) {
  const t = useT();
  const s = useStyles();
  return (
    <ul className={s.list} aria-label={t("sheetsHeading")}>
      {states.map((st) => (
        <li key={st.spec.name} className={s.row} data-testid={`sheet-${st.spec.name}`}>
          <Text className={s.name}>{st.spec.name}</Text>
          {st.actual !== undefined ? (
            <Badge appearance="tint" color="success">
              {st.actual === st.spec.name ? t("sheetPresent") : t("sheetPresentAs", { actual: st.actual })}
            </Badge>
          ) : st.sources?.length ? (
            <Badge appearance="tint" color="success">
              {st.sources.length === 1
                ? t("sheetFromOffice", { names: st.sources[0]! })
                : t("sheetFromOfficeMany", { count: st.sources.length })}
            </Badge>
          ) : (
            <Badge appearance="tint" color={st.spec.required ? "danger" : "informative"}>
              {t("sheetMissing")}
            </Badge>
          )}
          <Text size={200}>{st.spec.required ? t("sheetRequired") : t("sheetOptional")}</Text>
        </li>
      ))}
    </ul>
  );
}
