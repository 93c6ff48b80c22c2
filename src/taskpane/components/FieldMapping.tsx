/**
 * 列的对应: every field of 组织 and 评分 with the column the reader picked (by synonym or saved
 * mapping), changeable; the header row of each sheet, changeable; a column may serve one field
 * only, checked before saving. Saved in the workbook, so every door reads the same.
 */
import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import {
  fieldGroups,
  mappingFrom,
  type ColumnMapping,
  type FieldGroup,
  type HeaderRows,
  type SheetState,
} from "../../host/inputs";
import { useT } from "../i18n";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  drop: { minWidth: 0, width: "100%" },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
});

export interface FieldMappingProps {
  states: SheetState[];
  mapping: ColumnMapping;
  headerRows: HeaderRows;
  onSave: (mapping: ColumnMapping, headerRows: HeaderRows) => void;
  disabled: boolean;
}

export function FieldMapping({ states, mapping, headerRows, onSave, disabled }: FieldMappingProps) {
  const t = useT();
  const s = useStyles();
  const groups: FieldGroup[] = fieldGroups(states);
  const [picks, setPicks] = useState<Record<string, string>[]>([]);
  const [rows, setRows] = useState<HeaderRows>({});
  const [clash, setClash] = useState<string | null>(null);
  if (groups.length === 0) return null;
  const pick = (g: number, field: string, label: string) =>
    setPicks((p) => {
      const next = [...p];
      next[g] = { ...next[g], [field]: label };
      return next;
    });
  const save = () => {
    const r = mappingFrom(groups, picks, mapping);
    if (r.clash) {
      setClash(t("fieldsClash", { column: r.clash.column, fields: r.clash.fields.join("、") }));
      return;
    }
    setClash(null);
    onSave(r.mapping, { ...headerRows, ...rows });
  };
  return (
    <section className={s.box} aria-label={t("fieldsHeading")}>
      <Text weight="semibold">{t("fieldsHeading")}</Text>
      <Text size={200}>{t("fieldsIntro")}</Text>
      {groups.map((g, gi) => (
        <div key={g.sheets.join("|")} className={s.box}>
          <Text size={200}>{t("fieldsSheets", { sheets: g.sheets.join("、") })}</Text>
          <div className={s.grid}>
            {g.sheets.map((sheet, i) => (
              <Field key={sheet} label={t("fieldsHeaderRow", { sheet })}>
                <Input
                  type="number"
                  min={1}
                  max={10}
                  aria-label={`${sheet}.表头行`}
                  value={String(rows[sheet] ?? g.headerRows[i] ?? 1)}
                  onChange={(_, d) => {
                    const n = Number(d.value);
                    if (Number.isInteger(n) && n >= 1 && n <= 10) setRows((x) => ({ ...x, [sheet]: n }));
                  }}
                  disabled={disabled}
                />
              </Field>
            ))}
            {g.fields.map((f) => {
              const value = picks[gi]?.[f.field] ?? f.chosen;
              return (
                <Field
                  key={`${f.key}.${f.field}`}
                  label={
                    !f.required
                      ? f.field === "上级党组织" && f.chosen === ""
                        ? t("fieldParentFromSheet")
                        : f.field
                      : f.chosen === ""
                        ? t("mappingMissingHeader", { header: f.field })
                        : t("fieldRequired", { field: f.field })
                  }
                >
                  <Dropdown
                    className={s.drop}
                    aria-label={`${f.key}.${f.field}`}
                    placeholder={t("mappingChoose")}
                    selectedOptions={[value]}
                    value={value === "" ? t("mappingNone") : value}
                    onOptionSelect={(_, d) => pick(gi, f.field, d.optionValue ?? "")}
                    disabled={disabled}
                  >
                    <Option value="">{t("mappingNone")}</Option>
                    {g.labels.map((c) => (
                      <Option key={c} value={c}>
                        {c}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              );
            })}
          </div>
        </div>
      ))}
      {clash && (
        <MessageBar intent="error">
          <MessageBarBody>{clash}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" disabled={disabled} onClick={save}>
        {t("fieldsSave")}
      </Button>
    </section>
  );
}
