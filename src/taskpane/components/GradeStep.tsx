/**
 * Step 3 (定级): grade, write the output sheets (or 问题 when the inputs are invalid), then
 * show counts per tier, the distribution and each 晋位升级 target.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { gradeWorkbook, OUTPUT_SHEETS, PROBLEMS_SHEET, problemsSheet, type GradeSummary } from "../../engine";
import type { Problem } from "../../engine/types";
import type { WorkbookPort } from "../../host/port";
import { useT } from "../i18n";
import { useTask } from "../useTask";
import {
  actualSheetName,
  LAST_RUN_KEY,
  missingRequiredSheets,
  readInputs,
  type ColumnMapping,
  type LastRun,
  type SheetState,
} from "../workbook";
import { ProblemList } from "./ProblemList";
import { TargetList } from "./TargetList";
import { TaskStatus } from "./TaskStatus";
import { TierChart } from "./TierChart";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

type Outcome =
  | { kind: "missing"; names: string[] }
  | { kind: "problems"; problems: Problem[]; states: SheetState[] }
  | { kind: "ok"; summary: GradeSummary };

/** Local time as YYYY-MM-DD HH:mm. */
export function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export interface GradeStepProps {
  port: WorkbookPort;
  mapping: ColumnMapping;
  /** The sheets as last inspected (inspects when never done). */
  ensureStates: () => Promise<SheetState[]>;
  /** Re-inspect (when a sheet seen before has gone). */
  refresh: () => Promise<SheetState[]>;
  onGraded: (run: LastRun) => void;
}

export function GradeStep({ port, mapping, ensureStates, refresh, onGraded }: GradeStepProps) {
  const t = useT();
  const s = useStyles();
  const task = useTask();
  const select = useTask();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const grade = () =>
    task.run(async (report) => {
      setOutcome(null);
      let states = await ensureStates();
      let grids = await readInputs(port, states, mapping);
      if (states.some((st) => st.actual !== undefined && !(st.actual in grids))) {
        // The workbook changed since it was inspected: look again before judging it.
        states = await refresh();
        grids = await readInputs(port, states, mapping);
      }
      const missing = missingRequiredSheets(states);
      if (missing.length > 0) {
        setOutcome({ kind: "missing", names: missing });
        return;
      }
      const r = gradeWorkbook(grids, { asOf: new Date() });
      if (!r.ok) {
        await port.writeSheets([problemsSheet(r.problems)], report, { remove: [...OUTPUT_SHEETS] });
        setOutcome({ kind: "problems", problems: r.problems, states });
        return;
      }
      const run: LastRun = { at: stamp(new Date()), branches: r.summary.branches };
      await port.writeSheets(r.outputs, report, {
        tiers: r.summary.tiers,
        remove: [PROBLEMS_SHEET],
        settings: { [LAST_RUN_KEY]: JSON.stringify(run) },
      });
      onGraded(run);
      setOutcome({ kind: "ok", summary: r.summary });
    });

  return (
    <div className={s.step}>
      <Text>{t("gradeIntro")}</Text>
      <Button appearance="primary" onClick={grade} disabled={task.state.busy}>
        {t("runGrade")}
      </Button>
      <TaskStatus state={task.state} onDismiss={task.clearError} />
      <TaskStatus state={{ ...select.state, busy: false }} onDismiss={select.clearError} />
      {outcome?.kind === "missing" && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("missingSheetsFirst", { names: outcome.names.join("、") })}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "problems" && (
        <>
          <MessageBar intent="error">
            <MessageBarBody>{t("gradeFailed", { count: outcome.problems.length })}</MessageBarBody>
          </MessageBar>
          <ProblemList
            problems={outcome.problems}
            onSelect={(p) => void select.run(() => port.selectCell(actualSheetName(outcome.states, p.sheet), p.cell))}
          />
        </>
      )}
      {outcome?.kind === "ok" && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{t("gradeDone", { branches: outcome.summary.branches })}</MessageBarBody>
          </MessageBar>
          <TierChart tiers={outcome.summary.tiers} counts={outcome.summary.counts} total={outcome.summary.branches} />
          <TargetList targets={outcome.summary.targets} />
        </>
      )}
    </div>
  );
}
