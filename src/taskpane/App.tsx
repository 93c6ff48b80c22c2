/**
 * The task pane: steps 开始 · 检查 · 定级 · 台账 · 模拟 · 名额 · 定稿 over one WorkbookPort. The port is a prop,
 * so the whole pane runs in tests without Office; `port` is null where no host exists yet.
 */
import {
  FluentProvider,
  makeStyles,
  Tab,
  TabList,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { WorkbookPort } from "../host/port";
import { translator, type Language } from "../i18n";
import { CheckStep } from "./components/CheckStep";
import { GradeStep } from "./components/GradeStep";
import { LedgerStep } from "./components/LedgerStep";
import { QuotaStep } from "./components/QuotaStep";
import { ShareStep } from "./components/ShareStep";
import { SimulateStep } from "./components/SimulateStep";
import { StartStep } from "./components/StartStep";
import { I18nContext } from "./i18n";
import {
  inspectWorkbook,
  loadHeaderRows,
  loadLastRun,
  loadMapping,
  type ColumnMapping,
  type HeaderRows,
  type LastRun,
  type SheetState,
} from "../host/inputs";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    maxWidth: "480px",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  title: { margin: 0 },
  tabs: { flexWrap: "wrap" },
});

export type StepId = "start" | "check" | "grade" | "ledger" | "simulate" | "quota" | "share";

const STEPS = ["check", "grade", "ledger", "simulate", "quota", "share"] as const;
const STEP_LABELS = {
  check: "tabCheck",
  grade: "tabGrade",
  ledger: "tabLedger",
  simulate: "tabSimulate",
  quota: "tabQuota",
  share: "tabShare",
} as const;

export interface AppProps {
  port: WorkbookPort | null;
  language?: Language;
  initialStep?: StepId;
  /** Shown under the title (the browser mode's open/sample/download bar). */
  header?: ReactNode;
  /** Called once, after the first render (the e2e suite measures it). */
  onFirstRender?: () => void;
  /** Steps asked for from outside while the pane is open (WPS ribbon buttons); returns an unsubscribe. */
  subscribeStep?: (onStep: (step: StepId) => void) => () => void;
}

const STEP_IDS: readonly StepId[] = ["start", ...STEPS];

/** A step id from text (e.g. the page's ?step=), or undefined. */
export function stepFrom(v: string | null | undefined): StepId | undefined {
  return STEP_IDS.find((s) => s === v);
}

export function App({
  port,
  language = "zh-CN",
  initialStep = "start",
  header,
  onFirstRender,
  subscribeStep,
}: AppProps) {
  const t = useMemo(() => translator(language), [language]);
  const s = useStyles();
  const [step, setStep] = useState<StepId>(initialStep);
  const [states, setStates] = useState<SheetState[] | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [lastRun, setLastRun] = useState<LastRun | null>(null);
  const mappingRef = useRef<ColumnMapping>({});
  const [headerRows, setHeaderRows] = useState<HeaderRows>({});
  const headerRowsRef = useRef<HeaderRows>({});
  const loadedSettings = useRef(false);
  useEffect(() => onFirstRender?.(), [onFirstRender]);
  useEffect(() => subscribeStep?.(setStep), [subscribeStep]);

  /** Re-read sheets and headers (and, the first time, the settings stored in the workbook). */
  const refresh = useCallback(async (): Promise<SheetState[]> => {
    if (!port) return [];
    if (!loadedSettings.current) {
      mappingRef.current = await loadMapping(port);
      setMapping(mappingRef.current);
      headerRowsRef.current = await loadHeaderRows(port);
      setHeaderRows(headerRowsRef.current);
      setLastRun(await loadLastRun(port));
      loadedSettings.current = true;
    }
    const next = await inspectWorkbook(port, mappingRef.current, headerRowsRef.current);
    setStates(next);
    return next;
  }, [port]);

  const ensureStates = useCallback(async () => states ?? (await refresh()), [states, refresh]);

  const refreshStart = useCallback(async () => void (await refresh()), [refresh]);

  /** The caller re-reads the sheets afterwards (refresh), so its errors reach its own step. */
  const changeMapping = useCallback((next: ColumnMapping, rows?: HeaderRows) => {
    mappingRef.current = next;
    setMapping(next);
    if (rows) {
      headerRowsRef.current = rows;
      setHeaderRows(rows);
    }
  }, []);

  return (
    <FluentProvider theme={webLightTheme} lang={language}>
      <I18nContext.Provider value={t}>
        <main className={s.root}>
          <Text as="h1" size={500} weight="semibold" className={s.title}>
            {t("appTitle")}
          </Text>
          {header}
          <TabList
            className={s.tabs}
            size="small"
            selectedValue={step}
            onTabSelect={(_, d) => setStep(d.value as StepId)}
          >
            <Tab value="start">{t("tabStart")}</Tab>
            {STEPS.map((id) => (
              <Tab key={id} value={id} disabled={!port}>
                {t(STEP_LABELS[id])}
              </Tab>
            ))}
          </TabList>
          {step === "start" && (
            <StartStep
              port={port}
              states={states}
              mapping={mapping}
              headerRows={headerRows}
              lastRun={lastRun}
              refresh={refreshStart}
              onMappingChange={changeMapping}
            />
          )}
          {step === "check" && port && <CheckStep port={port} mapping={mapping} refresh={refresh} />}
          {step === "grade" && port && (
            <GradeStep
              port={port}
              mapping={mapping}
              ensureStates={ensureStates}
              refresh={refresh}
              onGraded={setLastRun}
            />
          )}
          {step === "ledger" && port && <LedgerStep port={port} mapping={mapping} refresh={refresh} />}
          {step === "simulate" && port && (
            <SimulateStep port={port} mapping={mapping} refresh={refresh} onApplied={setLastRun} />
          )}
          {step === "quota" && port && <QuotaStep port={port} mapping={mapping} refresh={refresh} />}
          {step === "share" && port && <ShareStep port={port} mapping={mapping} refresh={refresh} />}
        </main>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
