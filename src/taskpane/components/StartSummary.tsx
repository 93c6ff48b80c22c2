/**
 * What 开始 says about the workbook: what the reader found (office sheets recognised, the
 * branches and criteria counted), a warning instead of "ready" when the tables are empty
 * (in the browser, how to fill them in), and for missing sheets the columns each one needs.
 */
import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { CONTRACT } from "../../engine";
import type { Found, SheetState } from "../../host/inputs";
import { useT } from "../i18n";

export function FoundSummary({ found, browser }: { found: Found; browser: boolean }) {
  const t = useT();
  const rest = {
    branches: found.branches,
    criteria: found.criteria,
    max: found.maxTotal !== null ? t("foundMax", { max: found.maxTotal }) : "",
    absent: found.absent.length > 0 ? t("foundAbsent", { fields: found.absent.join("、") }) : "",
  };
  const line =
    found.kind === "office"
      ? t("foundOffice", { sheets: found.sheets.length, names: found.sheets.join("、"), ...rest })
      : t("foundContract", rest);
  const empty = [
    ...(found.branches === 0 ? [t("foundEmptyBranches")] : []),
    ...(found.criteria === 0 ? [t("foundEmptyCriteria")] : []),
  ];
  return (
    <>
      <Text data-testid="found-summary">{line}</Text>
      {found.noCodes && <Text size={200}>{t("foundNoCodes")}</Text>}
      {empty.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t("foundEmpty", { what: empty.join("、") })}
            {browser && ` ${t("browserFillIn")}`}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** The columns a missing required sheet needs. */
function columnsOf(name: string, t: ReturnType<typeof useT>): string {
  const spec = CONTRACT.sheets.find((s) => s.name === name);
  const required = (spec?.headers ?? [])
    .filter((h) => h.required)
    .map((h) => h.name)
    .join("、");
  if (name === "评分") return t("missingScoresColumns");
  if (name === "标准") return t("missingRubricColumns", { columns: required });
  return required;
}

export function MissingSheets({ states, browser }: { states: SheetState[]; browser: boolean }) {
  const t = useT();
  const missing = states.filter(
    (s) => s.spec.required && s.actual === undefined && (s.sources?.length ?? 0) === 0,
  );
  if (missing.length === 0) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <ul style={{ margin: 0, paddingInlineStart: "1.2em" }} data-testid="missing-columns">
          {missing.map((s) => (
            <li key={s.spec.name}>
              {t("missingSheetColumns", { sheet: s.spec.name, columns: columnsOf(s.spec.name, t) })}
            </li>
          ))}
        </ul>
        {t("missingOrConvert")}
        {browser && ` ${t("browserFillIn")}`}
      </MessageBarBody>
    </MessageBar>
  );
}
