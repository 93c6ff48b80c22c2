/** Step 2 (检查): validate the inputs with the engine; list the problems; select their cells. */
import { Button, makeStyles, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Problem } from "../../engine";
import { useT } from "../i18n";
import { useTask } from "../useTask";
import { checkInputs, type CheckOutcome } from "../grading";
import { actualSheetName, type SheetState } from "../../host/inputs";
import { ProblemList } from "./ProblemList";
import { TaskStatus } from "./TaskStatus";
import { STEP_STYLE, type StepProps, MissingSheets } from "./common";

const useStyles = makeStyles({
  step: STEP_STYLE,
});

export function CheckStep({ port, mapping, refresh }: StepProps) {
  const t = useT();
  const s = useStyles();
  const task = useTask();
  const select = useTask();
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);

  const check = () =>
    task.run(async () => {
      setOutcome(null);
      // Always look afresh: the user has been editing the sheets since the last look.
      setOutcome(await checkInputs(port, await refresh(), mapping, refresh));
    });

  const goTo = (states: SheetState[]) => (p: Problem) =>
    void select.run(() => port.selectCell(actualSheetName(states, p.sheet), p.cell));

  return (
    <div className={s.step}>
      <Text>{t("checkIntro")}</Text>
      <Button appearance="primary" onClick={check} disabled={task.state.busy}>
        {t("runCheck")}
      </Button>
      <TaskStatus state={task.state} onDismiss={task.clearError} />
      <TaskStatus state={{ ...select.state, busy: false }} onDismiss={select.clearError} />
      {outcome?.kind === "missing" && <MissingSheets names={outcome.names} />}
      {outcome?.kind === "ok" && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{t("checkOk")}</MessageBarBody>
          </MessageBar>
          {outcome.warnings.length > 0 && (
            <>
              <Text>{t("checkWarnings")}</Text>
              <ProblemList problems={outcome.warnings} onSelect={goTo(outcome.states)} />
            </>
          )}
        </>
      )}
      {outcome?.kind === "problems" && (
        <>
          <MessageBar intent="error">
            <MessageBarBody>{t("checkProblems", { count: outcome.problems.length })}</MessageBarBody>
          </MessageBar>
          <ProblemList problems={outcome.problems} onSelect={goTo(outcome.states)} />
        </>
      )}
    </div>
  );
}
