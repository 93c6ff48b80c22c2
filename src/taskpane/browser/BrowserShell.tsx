/**
 * Browser mode (outside Office): open an .xlsx (or the bundled sample), run the same App on
 * the file host, preview the sheets, and download the graded workbook. The file host is
 * loaded on first use (a separate chunk). Nothing leaves the machine: the sample comes from
 * this page's origin, the download is a Blob.
 */
import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useMemo, useRef, useState } from "react";
import type { XlsxWorkbook } from "../../host/file";
import type { WorkbookPort } from "../../host/port";
import { translator, type Language } from "../../i18n";
import { App } from "../App";
import { describeError } from "../errors";
import { I18nContext } from "../i18n";
import { GridPreview, type Selection } from "./GridPreview";
import { downloadName, observedPort, saveBytes } from "./observed";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalS,
    boxSizing: "border-box",
  },
  pane: { flex: "0 1 480px", minWidth: 0, maxWidth: "100%" },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `0 ${tokens.spacingHorizontalM}`,
  },
  file: { flexBasis: "100%", wordBreak: "break-all" },
  preview: { flex: "1 1 480px", minWidth: 0, maxWidth: "100%" },
  hidden: { display: "none" },
});

interface Opened {
  book: XlsxWorkbook;
  port: WorkbookPort;
  name: string;
  /** A new number for every file opened: the App starts afresh. */
  gen: number;
}

/** The bundled sample from the page's own origin (the served build). */
async function fetchSample(): Promise<ArrayBuffer> {
  const res = await fetch("sample.xlsx");
  if (!res.ok) throw new SampleError(res.status);
  return res.arrayBuffer();
}

class SampleError extends Error {
  constructor(readonly status: number) {
    super(`sample.xlsx: HTTP ${status}`);
  }
}

export function BrowserShell({
  language,
  onFirstRender,
  loadSample = fetchSample,
}: {
  language: Language;
  onFirstRender?: () => void;
  /** The sample workbook's bytes (the offline page carries them inside itself). */
  loadSample?: () => Promise<ArrayBuffer>;
}) {
  const t = useMemo(() => translator(language), [language]);
  const s = useStyles();
  const input = useRef<HTMLInputElement | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [selected, setSelected] = useState<Selection | null>(null);
  const [version, setVersion] = useState(0);
  // 下载 only once the product wrote something (graded, template, 转换): else it is the file as opened.
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const gen = useRef(0);

  const open = useCallback(
    async (load: () => Promise<{ bytes: ArrayBuffer; name: string }>) => {
      setBusy(true);
      setError(null);
      try {
        const { bytes, name } = await load();
        const { XlsxWorkbook } = await import(/* webpackChunkName: "file-host" */ "../../host/file");
        const book = await XlsxWorkbook.open(bytes);
        const port = observedPort(book, {
          onSelect: (sheet, address) => setSelected({ sheet, address }),
          onChange: () => {
            setVersion((v) => v + 1);
            setChanged(true);
          },
        });
        setSelected(null);
        setChanged(false);
        setOpened({ book, port, name, gen: ++gen.current });
      } catch (e) {
        // The file host's WorkbookFileError already says what is wrong and what to do.
        setError(e instanceof Error && e.name === "WorkbookFileError" ? e.message : describeError(e, t).text);
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  const openFile = (file: File) =>
    void open(async () => ({ bytes: await file.arrayBuffer(), name: file.name }));

  const openSample = () =>
    void open(async () => {
      try {
        return { bytes: await loadSample(), name: t("sampleName") };
      } catch (e) {
        throw e instanceof SampleError ? new Error(t("sampleMissing", { status: e.status })) : e;
      }
    });

  const download = () => {
    if (!opened) return;
    try {
      saveBytes(opened.book.save(), downloadName(opened.name, t("downloadSuffix"), opened.book.macroEnabled));
    } catch (e) {
      setError(describeError(e, t).text);
    }
  };

  const toolbar = (
    <div className={s.bar}>
      <input
        ref={input}
        className={s.hidden}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) openFile(f);
          e.target.value = "";
        }}
      />
      <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
        {t("openWorkbook")}
      </Button>
      <Button disabled={busy} onClick={openSample}>
        {t("useSample")}
      </Button>
      <Button disabled={busy || !opened || !changed} onClick={download}>
        {t("download")}
      </Button>
      {opened && (
        <Text size={200} className={s.file} data-testid="file-name">
          {t("fileOpen", { name: opened.name })}
        </Text>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );

  return (
    <FluentProvider theme={webLightTheme} lang={language}>
      <I18nContext.Provider value={t}>
        <div className={s.page}>
          <div className={s.pane}>
            <App
              key={opened?.gen ?? 0}
              port={opened?.port ?? null}
              language={language}
              header={toolbar}
              onFirstRender={onFirstRender}
            />
          </div>
          {opened && (
            <div className={s.preview}>
              <GridPreview port={opened.port} version={version} selected={selected} />
            </div>
          )}
        </div>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
