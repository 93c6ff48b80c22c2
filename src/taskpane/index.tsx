/**
 * Entry of the task pane, which picks the host by where it runs: inside WPS 表格 (a WPS
 * 加载项 page has the ET application) the App on the WPS port, opened at the step the ribbon
 * asked for; inside Excel (Office.onReady reports the Excel host) the App on the Excel port;
 * anywhere else (a plain browser; office.js missing, failing or never ready) the browser
 * shell, which loads the file host lazily, so the pane inside Office or WPS never downloads it.
 */
import { createRoot } from "react-dom/client";
import { createExcelPort } from "../host/excel";
import { createWpsPort, wpsApplication } from "../host/wps";
import { watchStepRequests, wpsAddinApi } from "../host/wps-ribbon";
import { pickLanguage, type Language } from "../i18n";
import { App, stepFrom } from "./App";
import { BrowserShell } from "./browser/BrowserShell";
import { markFirstRender } from "./browser/timing";

/** Outside Office, office.js resolves onReady with host null at once; never wait on it longer than this. */
const READY_TIMEOUT_MS = 3000;

type Ready = { excel: boolean; language: string | undefined };

function officeReady(): Promise<Ready> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return Promise.resolve({ excel: false, language: undefined });
  }
  const ready = Office.onReady().then(
    (info): Ready =>
      info.host === Office.HostType.Excel
        ? { excel: true, language: Office.context.displayLanguage }
        : { excel: false, language: undefined },
    (): Ready => ({ excel: false, language: undefined }),
  );
  const timeout = new Promise<Ready>((resolve) =>
    setTimeout(() => resolve({ excel: false, language: undefined }), READY_TIMEOUT_MS),
  );
  return Promise.race([ready, timeout]);
}

/** zh-CN unless the page is opened with ?lang=en (the staff who use it read Chinese). */
function browserLanguage(): Language {
  return pickLanguage(new URLSearchParams(window.location.search).get("lang"));
}

async function main(): Promise<void> {
  const el = document.getElementById("root");
  if (!el) throw new Error("taskpane.html lacks #root");
  const et = wpsApplication();
  if (et) {
    const api = wpsAddinApi();
    const step = stepFrom(new URLSearchParams(window.location.search).get("step"));
    createRoot(el).render(
      <App
        port={createWpsPort(et)}
        language={browserLanguage()}
        initialStep={step}
        onFirstRender={markFirstRender}
        subscribeStep={api ? (onStep) => watchStepRequests(api, onStep) : undefined}
      />,
    );
    return;
  }
  const { excel, language } = await officeReady();
  const root = createRoot(el);
  if (excel) {
    root.render(
      <App port={createExcelPort()} language={pickLanguage(language)} onFirstRender={markFirstRender} />,
    );
  } else {
    root.render(<BrowserShell language={browserLanguage()} onFirstRender={markFirstRender} />);
  }
}

void main();
