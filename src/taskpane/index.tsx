/**
 * Entry of the task pane. Waits for Office.onReady; inside Excel it renders the App with
 * the Excel port; elsewhere (a plain browser) it renders the same App without a port:
 * the 开始 step then says that browser mode arrives with the file host.
 */
import { createRoot } from "react-dom/client";
import { createExcelPort } from "../host/excel";
import { pickLanguage } from "../i18n";
import { App } from "./App";

function mount(inExcel: boolean): void {
  const el = document.getElementById("root");
  if (!el) throw new Error("taskpane.html lacks #root");
  const language = pickLanguage(inExcel ? Office.context.displayLanguage : undefined);
  createRoot(el).render(<App port={inExcel ? createExcelPort() : null} language={language} />);
}

if (typeof Office === "undefined") {
  // office.js did not load (opened as a plain page without it): same App, no host.
  mount(false);
} else {
  void Office.onReady((info) => mount(info.host === Office.HostType.Excel));
}
