/**
 * 选择标准模板: the published rubric patterns a clerk may start from instead of typing a
 * rubric (engine/templates); blank = the 五个好 example of the plain template. Shows the
 * chosen pattern's rule.
 */
import { Dropdown, Field, Option, Text } from "@fluentui/react-components";
import {
  RUBRIC_TEMPLATES,
  rubricTemplateSheets,
  RULE_SHEET,
  templateSheets,
  type TemplateSheet,
} from "../../engine";
import { useT } from "../i18n";

export function TemplatePicker({
  value,
  onChange,
  disabled,
}: {
  /** The chosen pattern's id ("" for the plain template). */
  value: string;
  onChange: (id: string) => void;
  disabled: boolean;
}) {
  const t = useT();
  const chosen = RUBRIC_TEMPLATES.find((x) => x.id === value);
  const blank = t("pickTemplateBlank");
  return (
    <>
      <Field label={t("pickTemplate")}>
        <Dropdown
          value={chosen ? chosen.name : blank}
          selectedOptions={[value]}
          onOptionSelect={(_, d) => onChange(d.optionValue ?? "")}
          disabled={disabled}
        >
          <Option value="">{blank}</Option>
          {RUBRIC_TEMPLATES.map((x) => (
            <Option key={x.id} value={x.id}>
              {x.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {chosen && (
        <Text size={200} data-testid="template-rule">
          {chosen.rule.join(" ")}
        </Text>
      )}
    </>
  );
}

/**
 * The sheets to create for the missing contract sheets `wanted` from the chosen pattern (or
 * the plain template): a pattern adds its 说明 sheet, and its sample branches only when both
 * 组织 and 评分 are created (sample scores beside the clerk's own branches would not match).
 */
export function sheetsToCreate(id: string, wanted: Set<string>): TemplateSheet[] {
  const pattern = RUBRIC_TEMPLATES.find((x) => x.id === id);
  if (!pattern) return templateSheets().filter((x) => wanted.has(x.name));
  const samples = wanted.has("组织") && wanted.has("评分");
  return rubricTemplateSheets(pattern)
    .filter((x) => wanted.has(x.name) || x.name === RULE_SHEET)
    .map((x) =>
      !samples && (x.name === "组织" || x.name === "评分") ? { ...x, rows: x.rows.slice(0, 1) } : x,
    );
}
