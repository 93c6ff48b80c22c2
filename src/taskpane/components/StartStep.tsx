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
import {
  convertWorkbook,
  missingRequiredSheets,
  readInputs,
  saveHeaderRows,
  saveMapping,
  type ColumnMapping,
  type Found,
  type HeaderRows,
  type LastRun,
  type SheetState,
} from "../../host/inputs";
import { FieldMapping } from "./FieldMapping";
import { FoundSummary, MissingSheets } from "./StartSummary";
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
  headerRows?: HeaderRows;
  lastRun: LastRun | null;
  /** Re-read the workbook's sheets and headers; throws on failure (shown by this step). */
  refresh: () => Promise<void>;
  onMappingChange: (mapping: ColumnMapping, headerRows?: HeaderRows) => void;
}

export function StartStep({
  port,
  states,
  mapping,
  headerRows = {},
  lastRun,
  refresh,
  onMappingChange,
}: StartStepProps) {
  const t = useT();
  const s = useStyles();
  const task = useTask();
  const [note, setNote] = useState<string | null>(null);
  const [pattern, setPattern] = useState("");
  const { run } = task;
  const tried = useRef(false);
  const [found, setFound] = useState<Found | null>(null);
  const reading = useTask();
  useEffect(() => {
    // What the reader finds (branches counted): read once per look at the workbook.
    setFound(null);
    if (!port || !states || missingRequiredSheets(states).length > 0) return;
    let live = true;
    // Its own task: it must not wait for (or block) the step's buttons.
    void reading.run(async () => {
      const r = await readInputs(port, states, mapping);
      if (live) setFound(r.found);
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reading.run is stable
  }, [port, states, mapping, reading.run]);
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
  // Sheets an office layout stands in for are not missing (DOMAIN §7.1).
  const missing = (states ?? []).filter(
    (st) => st.actual === undefined && !st.sources?.length && templateNames.includes(st.spec.name),
  );
  const requiredMissing = states !== null && missingRequiredSheets(states).length > 0;

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

  const convert = () =>
    task.run(async () => {
      setNote(null);
      const added = await convertWorkbook(port, states ?? [], mapping);
      setNote(
        added === null
          ? t("convertUnsupported")
          : added.length > 0
            ? t("convertDone", { names: added.join("、") })
            : t("convertNothing"),
      );
      await refresh();
    });
  // 转换 is offered when office sheets stand in for a contract sheet (DOMAIN §7.1).
  const convertible = (states ?? []).some((st) => (st.sources?.length ?? 0) > 0);

  const save = (next: ColumnMapping, rows: HeaderRows) =>
    task.run(async () => {
      setNote(null);
      const stored = (await saveMapping(port, next)) && (await saveHeaderRows(port, rows));
      onMappingChange(next, rows);
      await refresh();
      setNote(stored ? t("mappingSaved") : t("mappingUnsupported"));
    });

  return (
    <div className={s.step}>
      <Text>{t("startIntro")}</Text>
      {states ? <SheetList states={states} /> : task.state.busy && <Text>{t("loadingSheets")}</Text>}
      {found && <FoundSummary found={found} browser={port.kind === "file"} />}
      {states && <MissingSheets states={states} browser={port.kind === "file"} />}
      {states &&
        found &&
        found.branches > 0 &&
        found.criteria > 0 &&
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
      {states && (
        <FieldMapping
          key={JSON.stringify([mapping, headerRows])}
          states={states}
          mapping={mapping}
          headerRows={headerRows}
          onSave={save}
          disabled={task.state.busy}
        />
      )}
      {convertible && (
        <>
          <Text size={200}>{t("convertHint")}</Text>
          <div className={s.row}>
            <Button onClick={convert} disabled={task.state.busy}>
              {t("convert")}
            </Button>
          </div>
        </>
      )}
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
      {reading.state.error && <TaskStatus state={reading.state} onDismiss={reading.clearError} />}
    </div>
  );
}
