/**
 * Step 1 (开始): which contract sheets exist; create the missing ones, from the plain template
 * or a published rubric pattern (选择标准模板); map differing headers.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { templateSheets } from "../../engine";
import type { WorkbookPort } from "../../host/port";
import { useT } from "../i18n";
import { useTask } from "../useTask";
import { saveMapping, type ColumnMapping, type LastRun, type SheetState } from "../../host/inputs";
import { MappingEditor } from "./MappingEditor";
import { SheetList } from "./SheetList";
import { sheetsToCreate, TemplatePicker } from "./TemplatePicker";
import { TaskStatus } from "./TaskStatus";
import { STEP_STYLE } from "./common";

const useStyles = makeStyles({
  step: STEP_STYLE,
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface StartStepProps {
  port: WorkbookPort | null;
  states: SheetState[] | null;
  mapping: ColumnMapping;
  lastRun: LastRun | null;
  /** Re-read the workbook's sheets and headers; throws on failure (shown by this step). */
  refresh: () => Promise<void>;
  onMappingChange: (mapping: ColumnMapping) => void;
}

export function StartStep({ port, states, mapping, lastRun, refresh, onMappingChange }: StartStepProps) {
  const t = useT();
  const s = useStyles();
  const task = useTask();
  const [note, setNote] = useState<string | null>(null);
  const [pattern, setPattern] = useState("");
  const { run } = task;
  const tried = useRef(false);
  useEffect(() => {
    // First visit: read the workbook once; a failure shows in this step's error bar.
    if (port !== null && states === null && !tried.current) {
      tried.current = true;
      void run(refresh);
    }
  }, [port, states, run, refresh]);

  if (!port) {
    return (
      <div className={s.step}>
        <Text>{t("startIntro")}</Text>
        <MessageBar intent="info">
          <MessageBarBody>{t("browserModeNotice")}</MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  const templateNames = templateSheets().map((x) => x.name);
  const missing = (states ?? []).filter(
    (st) => st.actual === undefined && templateNames.includes(st.spec.name),
  );
  const requiredMissing = (states ?? []).some((st) => st.spec.required && st.actual === undefined);

  const create = () =>
    task.run(async () => {
      setNote(null);
      if (!port.createTemplate) {
        setNote(t("templateUnsupported"));
        return;
      }
      const wanted = new Set(missing.map((st) => st.spec.name));
      const created = await port.createTemplate(sheetsToCreate(pattern, wanted));
      setNote(
        created.length > 0 ? t("templateCreated", { names: created.join("、") }) : t("templateNothing"),
      );
      await refresh();
    });

  const save = (next: ColumnMapping) =>
    task.run(async () => {
      setNote(null);
      const stored = await saveMapping(port, next);
      onMappingChange(next);
      await refresh();
      setNote(stored ? t("mappingSaved") : t("mappingUnsupported"));
    });

  return (
    <div className={s.step}>
      <Text>{t("startIntro")}</Text>
      {states ? <SheetList states={states} /> : task.state.busy && <Text>{t("loadingSheets")}</Text>}
      {states &&
        !requiredMissing &&
        missing.length === 0 &&
        states.every((st) => st.missing.length === 0) && (
          <MessageBar intent="success">
            <MessageBarBody>{t("allSheetsPresent")}</MessageBarBody>
          </MessageBar>
        )}
      {missing.length > 0 && (
        <>
          <Text size={200}>{t("createTemplateHint")}</Text>
          <TemplatePicker value={pattern} onChange={setPattern} disabled={task.state.busy} />
          <Button appearance="primary" onClick={create} disabled={task.state.busy}>
            {t("createTemplate")}
          </Button>
        </>
      )}
      {states && <MappingEditor states={states} mapping={mapping} onSave={save} disabled={task.state.busy} />}
      <div className={s.row}>
        <Button
          onClick={() =>
            task.run(async () => {
              setNote(null);
              await refresh();
            })
          }
          disabled={task.state.busy}
        >
          {t("refresh")}
        </Button>
      </div>
      {note && (
        <MessageBar intent="info">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {lastRun && <Text size={200}>{t("lastRun", { at: lastRun.at, branches: lastRun.branches })}</Text>}
      <TaskStatus state={task.state} onDismiss={task.clearError} />
    </div>
  );
}
