/**
 * Step 3 (定级): grade, write the output sheets (or 问题 when the inputs are invalid), then
 * show counts per tier, the distribution, each 晋位升级 target and the notices (提示).
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import { gradeAndWrite, type GradeOutcome } from "../grading";
import { useT } from "../i18n";
import { useTask } from "../useTask";
import { actualSheetName, type LastRun, type SheetState } from "../../host/inputs";
import { ProblemList } from "./ProblemList";
import { TargetList } from "./TargetList";
import { TaskStatus } from "./TaskStatus";
import { STEP_STYLE, type StepProps, MissingSheets } from "./common";
import { TierChart } from "./TierChart";

const useStyles = makeStyles({
  step: STEP_STYLE,
});

export interface GradeStepProps extends StepProps {
  /** The sheets as last inspected (inspects when never done). */
  ensureStates: () => Promise<SheetState[]>;
  onGraded: (run: LastRun) => void;
}

export function GradeStep({ port, mapping, ensureStates, refresh, onGraded }: GradeStepProps) {
  const t = useT();
  const s = useStyles();
  const task = useTask();
  const select = useTask();
  const [outcome, setOutcome] = useState<GradeOutcome | null>(null);

  const grade = () =>
    task.run(async (report) => {
      setOutcome(null);
      const o = await gradeAndWrite(port, await ensureStates(), mapping, refresh, report);
      if (o.kind === "ok") onGraded(o.run);
      setOutcome(o);
    });

  return (
    <div className={s.step}>
      <Text>{t("gradeIntro")}</Text>
      <Button appearance="primary" onClick={grade} disabled={task.state.busy}>
        {t("runGrade")}
      </Button>
      <TaskStatus state={task.state} onDismiss={task.clearError} />
      <TaskStatus state={{ ...select.state, busy: false }} onDismiss={select.clearError} />
      {outcome?.kind === "missing" && <MissingSheets names={outcome.names} />}
      {outcome?.kind === "problems" && (
        <>
          <MessageBar intent="error">
            <MessageBarBody>{t("gradeFailed", { count: outcome.problems.length })}</MessageBarBody>
          </MessageBar>
          <ProblemList
            problems={outcome.problems}
            onSelect={(p) =>
              void select.run(() => port.selectCell(actualSheetName(outcome.states, p.sheet), p.cell))
            }
          />
        </>
      )}
      {outcome?.kind === "ok" && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{t("gradeDone", { branches: outcome.summary.branches })}</MessageBarBody>
          </MessageBar>
          <TierChart
            tiers={outcome.summary.tiers}
            counts={outcome.summary.counts}
            total={outcome.summary.branches}
          />
          <TargetList targets={outcome.summary.targets} />
          {outcome.notices.length > 0 && (
            <>
              <Text>{t("gradeNotices", { count: outcome.notices.length })}</Text>
              <ProblemList
                problems={outcome.notices}
                onSelect={(p) =>
                  void select.run(() => port.selectCell(actualSheetName(outcome.states, p.sheet), p.cell))
                }
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
