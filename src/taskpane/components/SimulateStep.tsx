/**
 * 模拟 (what-if): read the inputs once, then on every edit of the cutoffs or quota shares
 * regrade in memory (debounced) and show counts before → after and the branches that would
 * change tier. 应用 writes the changed 设置 rows (the only input-sheet write, on this
 * explicit click) and re-grades.
 */
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { gradeAndWrite } from "../grading";
import { useT } from "../i18n";
import { gradeInMemory, type InputsOutcome } from "../inputs";
import { withSettings } from "../settings-grid";
import { changedRows, editFrom, simulate, type SimEdit, type SimOutcome } from "../simulate";
import { useTask } from "../useTask";
import { actualSheetName, type LastRun } from "../../host/inputs";
import { ProblemList } from "./ProblemList";
import { SimChanges, SimCounts } from "./SimResult";
import { TaskStatus } from "./TaskStatus";
import { STEP_STYLE, type StepProps, MissingSheets } from "./common";

const useStyles = makeStyles({
  step: STEP_STYLE,
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  input: { width: "100%", minWidth: 0 },
});

const DEBOUNCE_MS = 250;

export interface SimulateStepProps extends StepProps {
  onApplied: (run: LastRun) => void;
}

export function SimulateStep({ port, mapping, refresh, onApplied }: SimulateStepProps) {
  const t = useT();
  const s = useStyles();
  const task = useTask();
  const [base, setBase] = useState<InputsOutcome | null>(null);
  const [original, setOriginal] = useState<SimEdit | null>(null);
  const [edit, setEdit] = useState<SimEdit | null>(null);
  const [sim, setSim] = useState<SimOutcome | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const started = useRef(false);
  const { run } = task;

  const load = () =>
    run(async () => {
      const o = await gradeInMemory(port, mapping, refresh);
      setBase(o);
      if (o.kind === "ok") {
        const e = editFrom(o.inputs);
        setOriginal(e);
        setEdit(e);
      }
    });

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void load();
    // Read once when the step opens; 重新读取 reads again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const ok = base?.kind === "ok" ? base : null;
  useEffect(() => {
    if (!ok || !edit || !original) return;
    const timer = setTimeout(
      () =>
        setSim(
          simulate(ok.inputs, ok.result, changedRows(original, edit, ok.result.summary.tiers), new Date()),
        ),
      DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [ok, edit, original]);

  const tiers = ok?.result.summary.tiers ?? [];
  const rows = ok && edit && original ? changedRows(original, edit, tiers) : [];

  const apply = () =>
    run(async (report) => {
      if (!port.writeSettings || !ok) return;
      setNote(null);
      // The keys as the sheet spells them (an English alias row is updated, not duplicated).
      const found = withSettings(ok.inputs.grids[ok.inputs.settingsName] ?? [], rows).rows;
      await port.writeSettings(found, ok.inputs.settingsName);
      const g = await gradeAndWrite(port, await refresh(), mapping, refresh, report);
      if (g.kind === "ok") onApplied(g.run);
      const o = await gradeInMemory(port, mapping, refresh);
      setBase(o);
      if (o.kind === "ok") {
        const e = editFrom(o.inputs);
        setOriginal(e);
        setEdit(e);
      }
      setNote(g.kind === "ok" ? t("simApplied", { branches: g.summary.branches }) : t("simApplyFailed"));
    });

  const setCutoff = (i: number, v: string) =>
    setEdit((e) => e && { ...e, cutoffs: e.cutoffs.map((c, j) => (j === i ? v : c)) });
  const setShare = (tier: string, v: string) =>
    setEdit((e) => e && { ...e, shares: { ...e.shares, [tier]: v } });

  return (
    <div className={s.step}>
      <Text>{t("simIntro")}</Text>
      <TaskStatus state={task.state} onDismiss={task.clearError} />
      {base?.kind === "missing" && <MissingSheets names={base.names} />}
      {base?.kind === "problems" && (
        <>
          <MessageBar intent="error">
            <MessageBarBody>{t("needValidInputs", { count: base.problems.length })}</MessageBarBody>
          </MessageBar>
          <ProblemList
            problems={base.problems}
            onSelect={(p) => void port.selectCell(actualSheetName(base.inputs.states, p.sheet), p.cell)}
          />
        </>
      )}
      {ok && edit && (
        <>
          <div className={s.fields}>
            {edit.cutoffs.map((c, i) => (
              <Field key={`c${i}`} label={t("simCutoff", { tier: tiers[i] })}>
                <Input
                  className={s.input}
                  type="number"
                  value={c}
                  onChange={(_, d) => setCutoff(i, d.value)}
                />
              </Field>
            ))}
            {tiers.slice(0, -1).map((tier) => (
              <Field key={`q${tier}`} label={t("simShare", { tier })}>
                <Input
                  className={s.input}
                  value={edit.shares[tier] ?? ""}
                  placeholder={t("simNoCap")}
                  onChange={(_, d) => setShare(tier, d.value)}
                />
              </Field>
            ))}
          </div>
          {sim?.kind === "problems" && <ProblemList problems={sim.problems} onSelect={() => undefined} />}
          {sim?.kind === "ok" && (
            <>
              <SimCounts tiers={tiers} before={ok.result.summary.counts} after={sim.counts} />
              <SimChanges changed={sim.changed} tiers={tiers} />
            </>
          )}
          <Button
            appearance="primary"
            disabled={task.state.busy || rows.length === 0 || sim?.kind !== "ok" || !port.writeSettings}
            onClick={apply}
          >
            {t("simApply")}
          </Button>
          <Text size={200}>{port.writeSettings ? t("simApplyHint") : t("simApplyUnsupported")}</Text>
        </>
      )}
      {note && (
        <MessageBar intent="success">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      <Button disabled={task.state.busy} onClick={() => void load()}>
        {t("reread")}
      </Button>
    </div>
  );
}
