/**
 * 名额: pick what the quota is for, enter the total, see each 上级党组织's share by largest
 * remainder, adjust by hand (Σ kept in view; warnings when it differs from the total or a
 * part exceeds its base), and write the 名额分配 sheet.
 */
import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { allocationSheet, quotaKinds, splitQuota, QUOTA_SHEET } from "../../engine";
import { useT } from "../i18n";
import { gradeInMemory, type InputsOutcome } from "../inputs";
import { useTask } from "../useTask";
import { TaskStatus } from "./TaskStatus";
import { STEP_STYLE, type StepProps } from "./common";

const useStyles = makeStyles({
  step: STEP_STYLE,
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: "left" },
  num: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: "right" },
  input: { width: "5em" },
  over: { color: tokens.colorPaletteRedForeground1 },
  total: { fontWeight: tokens.fontWeightSemibold },
});

export function QuotaStep({ port, mapping, refresh }: StepProps) {
  const t = useT();
  const s = useStyles();
  const task = useTask();
  const [base, setBase] = useState<InputsOutcome | null>(null);
  const [kindId, setKindId] = useState("demo");
  const [total, setTotal] = useState("");
  const [adjusted, setAdjusted] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const started = useRef(false);
  const { run } = task;

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void run(async () => setBase(await gradeInMemory(port, mapping, refresh)));
  }, [run, port, mapping, refresh]);

  const kinds = useMemo(
    () =>
      base?.kind === "ok"
        ? quotaKinds(base.result.summary, t("quotaDemo", { tier: base.result.summary.tiers[0] }))
        : [],
    [base, t],
  );
  const kind = kinds.find((k) => k.id === kindId) ?? kinds[0];
  const n = Number(total);
  const valid = total.trim() !== "" && Number.isInteger(n) && n >= 0;
  const result = kind && valid ? splitQuota(n, kind.bases) : null;
  const computed = result?.ok ? result.parts : null;

  // A new split resets the hand adjustments to it.
  useEffect(() => setAdjusted(computed ? computed.map(String) : []), [computed?.join(",")]); // eslint-disable-line react-hooks/exhaustive-deps

  const parts = adjusted.map((x) => (x.trim() === "" ? 0 : Number(x)));
  const sum = parts.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const over = kind ? parts.map((p, i) => p > kind.bases[i]) : [];
  const badInput = parts.some((p) => !Number.isInteger(p) || p < 0);

  const write = () =>
    run(async (report) => {
      if (!kind || !computed) return;
      setNote(null);
      await port.writeSheets([allocationSheet(kind, computed, parts)], report);
      setNote(t("quotaWritten", { sheet: QUOTA_SHEET }));
    });

  return (
    <div className={s.step}>
      <Text>{t("quotaIntro")}</Text>
      <TaskStatus state={task.state} onDismiss={task.clearError} />
      {base && base.kind !== "ok" && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("quotaNeedsGrading")}</MessageBarBody>
        </MessageBar>
      )}
      {kind && (
        <>
          <div className={s.row}>
            <Field label={t("quotaKind")}>
              <Dropdown
                aria-label={t("quotaKind")}
                value={kind.label}
                selectedOptions={[kind.id]}
                onOptionSelect={(_, d) => setKindId(d.optionValue ?? "demo")}
              >
                {kinds.map((k) => (
                  <Option key={k.id} value={k.id}>
                    {k.label}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label={t("quotaTotal")}>
              <Input
                aria-label={t("quotaTotal")}
                type="number"
                className={s.input}
                value={total}
                onChange={(_, d) => setTotal(d.value)}
              />
            </Field>
          </div>
          {total.trim() !== "" && !valid && <Text className={s.over}>{t("quotaTotalInvalid")}</Text>}
          {result && !result.ok && (
            <MessageBar intent="error">
              <MessageBarBody>{result.message}</MessageBarBody>
            </MessageBar>
          )}
          <table className={s.table} data-testid="quota-table">
            <thead>
              <tr>
                <th className={s.cell}>{t("colParent")}</th>
                <th className={s.num}>{t("quotaBase")}</th>
                <th className={s.num}>{t("quotaComputed")}</th>
                <th className={s.num}>{t("quotaAdjusted")}</th>
              </tr>
            </thead>
            <tbody>
              {kind.groups.map((g, i) => (
                <tr key={g}>
                  <td className={s.cell}>{g}</td>
                  <td className={s.num}>{kind.bases[i]}</td>
                  <td className={s.num}>{computed ? computed[i] : "–"}</td>
                  <td className={s.num}>
                    <Input
                      aria-label={t("quotaAdjustFor", { group: g })}
                      type="number"
                      size="small"
                      className={over[i] ? mergeClasses(s.input, s.over) : s.input}
                      disabled={!computed}
                      value={adjusted[i] ?? ""}
                      onChange={(_, d) => setAdjusted((a) => a.map((x, j) => (j === i ? d.value : x)))}
                    />
                  </td>
                </tr>
              ))}
              <tr className={s.total}>
                <td className={s.cell}>{t("quotaSum")}</td>
                <td className={s.num}>{kind.bases.reduce((a, b) => a + b, 0)}</td>
                <td className={s.num}>{computed ? computed.reduce((a, b) => a + b, 0) : "–"}</td>
                <td className={s.num} data-testid="quota-sum">
                  {computed ? sum : "–"}
                </td>
              </tr>
            </tbody>
          </table>
          {computed && sum !== n && (
            <MessageBar intent="warning">
              <MessageBarBody>{t("quotaSumDiffers", { sum, total: n })}</MessageBarBody>
            </MessageBar>
          )}
          {over.some(Boolean) && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {t("quotaOverBase", { groups: kind.groups.filter((_, i) => over[i]).join("、") })}
              </MessageBarBody>
            </MessageBar>
          )}
          <Button appearance="primary" disabled={task.state.busy || !computed || badInput} onClick={write}>
            {t("quotaWrite")}
          </Button>
        </>
      )}
      {note && (
        <MessageBar intent="success">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
