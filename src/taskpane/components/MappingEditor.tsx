/**
 * Header mapping: for each required header a sheet lacks, let the user pick the column
 * that stands for it (e.g. 单位名称 for 组织名称). Saved once, in the workbook.
 */
import { Button, Dropdown, Field, makeStyles, Option, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useT } from "../i18n";
import { headerMatches, type ColumnMapping, type SheetState } from "../../host/inputs";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** Header cells that match no contract header: the candidates a missing header may map to. */
function candidates(st: SheetState): string[] {
  return st.headers.filter(
    (c) => c !== "" && !st.spec.headers.some((h) => headerMatches(c, st.spec.name, h, {})),
  );
}

export function MappingEditor({
  states,
  mapping,
  onSave,
  disabled,
}: {
  states: SheetState[];
  mapping: ColumnMapping;
  onSave: (mapping: ColumnMapping) => void;
  disabled: boolean;
}) {
  const t = useT();
  const s = useStyles();
  const [draft, setDraft] = useState<ColumnMapping>({});
  const needing = states.filter((st) => st.actual !== undefined && st.missing.length > 0);
  if (needing.length === 0) return null;
  const choose = (sheet: string, header: string, column: string) =>
    setDraft((d) => ({ ...d, [sheet]: { ...d[sheet], [header]: column } }));
  const merged = (): ColumnMapping => {
    const out: ColumnMapping = { ...mapping };
    for (const [sheet, m] of Object.entries(draft)) {
      const kept = Object.fromEntries(Object.entries(m).filter(([, v]) => v !== ""));
      out[sheet] = { ...out[sheet], ...kept };
    }
    return out;
  };
  const chosen = Object.values(draft).some((m) => Object.values(m).some((v) => v !== ""));
  return (
    <section className={s.box} aria-label={t("mappingHeading")}>
      <Text weight="semibold">{t("mappingHeading")}</Text>
      {needing.map((st) => {
        const options = candidates(st);
        return (
          <div key={st.spec.name} className={s.box}>
            <Text size={200}>{t("mappingIntro", { sheet: st.actual ?? st.spec.name })}</Text>
            {st.missing.map((header) => (
              <Field key={header} label={t("mappingMissingHeader", { header })}>
                <Dropdown
                  aria-label={`${st.spec.name}.${header}`}
                  placeholder={t("mappingChoose")}
                  selectedOptions={draft[st.spec.name]?.[header] ? [draft[st.spec.name][header]] : []}
                  value={draft[st.spec.name]?.[header] ?? ""}
                  onOptionSelect={(_, d) => choose(st.spec.name, header, d.optionValue ?? "")}
                  disabled={disabled}
                >
                  <Option value="">{t("mappingNone")}</Option>
                  {options.map((c) => (
                    <Option key={c} value={c}>
                      {c}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            ))}
          </div>
        );
      })}
      <Button appearance="primary" disabled={disabled || !chosen} onClick={() => onSave(merged())}>
        {t("mappingSave")}
      </Button>
    </section>
  );
}
