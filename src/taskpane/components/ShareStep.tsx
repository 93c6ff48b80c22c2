/**
 * 定稿 / 分享: prepare the workbook for reviewers without the add-in: every DJ.* formula
 * becomes its value, a 说明 sheet states the rules used, and the output sheets can be
 * protected (no password).
 */
import { Button, Checkbox, makeStyles, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { FinalizeReport } from "../../host/port";
import { finalizeWorkbook } from "../../host/grade-and-write";
import { useT } from "../i18n";
import { useTask } from "../useTask";
import { TaskStatus } from "./TaskStatus";
import { STEP_STYLE, type StepProps } from "./common";

const useStyles = makeStyles({
  step: STEP_STYLE,
});

export function ShareStep({ port, mapping, refresh }: StepProps) {
  const t = useT();
  const s = useStyles();
  const task = useTask();
  const [protect, setProtect] = useState(true);
  const [report, setReport] = useState<FinalizeReport | null>(null);

  const finalize = () =>
    task.run(async () => {
      if (!port.finalizeForSharing) return;
      setReport(null);
      setReport(await finalizeWorkbook(port, await refresh(), mapping, { protect }));
    });

  return (
    <div className={s.step}>
      <Text>{t("shareIntro")}</Text>
      <Checkbox
        checked={protect}
        onChange={(_, d) => setProtect(d.checked === true)}
        label={t("shareProtect")}
      />
      <Button appearance="primary" disabled={task.state.busy || !port.finalizeForSharing} onClick={finalize}>
        {t("shareRun")}
      </Button>
      {!port.finalizeForSharing && <Text size={200}>{t("shareUnsupported")}</Text>}
      <TaskStatus state={task.state} onDismiss={task.clearError} />
      {report && (
        <MessageBar intent="success">
          <MessageBarBody>
            {t("shareDone", {
              replaced: report.replaced,
              sheets: report.sheets.length > 0 ? report.sheets.join("、") : t("none"),
              protected: report.protected.length > 0 ? report.protected.join("、") : t("none"),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {report && port.kind === "file" && <Text size={200}>{t("shareDownloadHint")}</Text>}
    </div>
  );
}
