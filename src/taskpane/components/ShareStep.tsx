/**
 * 定稿 / 分享: prepare the workbook for reviewers without the add-in: every DJ.* formula
 * becomes its value, a 说明 sheet states the rules used, and the output sheets can be
 * protected (no password).
 */
import { Button, Checkbox, makeStyles, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { FinalizeReport } from "../../host/port";
import { stamp } from "../grading";
import { useT } from "../i18n";
import { gradeInMemory } from "../inputs";
import { readSettingsGrid } from "../settings-grid";
import { explanationSheet, PROTECTABLE } from "../share";
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
      const now = new Date();
      const o = await gradeInMemory(port, mapping, refresh, now);
      const grids = o.kind === "missing" ? {} : o.inputs.grids;
      const settings = readSettingsGrid(o.kind === "missing" ? undefined : grids[o.inputs.settingsName]);
      const explanation = explanationSheet({
        settings,
        // The reader hands the engine 标准 under its canonical name (derived from headers, too).
        rubric: grids["标准"],
        asOf: o.kind === "ok" ? o.result.summary.asOf : (settings.asOf ?? stamp(now).slice(0, 10)),
        finalizedAt: stamp(now),
      });
      setReport(await port.finalizeForSharing({ explanation, protect: protect ? PROTECTABLE : [] }));
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
