/**
 * Entry of the offline page (dist/支部考评.html): the browser mode in one self-contained
 * file, opened by double-click from a USB stick or a shared folder (file://, no server, no
 * network). The file host, engine, pane, styles and the sample workbook are all inside it.
 */
import { createRoot } from "react-dom/client";
// The sample without its record sheets (assets/示例-精简.xlsx): the records would double the page.
import sampleDataUrl from "../../assets/示例-精简.xlsx";
import { pickLanguage } from "../i18n";
import { BrowserShell } from "./browser/BrowserShell";
import { markFirstRender } from "./browser/timing";

/** The embedded sample (a data: URL) as bytes, decoded here: the page may fetch nothing, not even data:. */
async function embeddedSample(): Promise<ArrayBuffer> {
  const b64 = sampleDataUrl.slice(sampleDataUrl.indexOf(",") + 1);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes.buffer;
}

const el = document.getElementById("root");
if (!el) throw new Error("the offline page lacks #root");
createRoot(el).render(
  <BrowserShell
    language={pickLanguage(new URLSearchParams(window.location.search).get("lang"))}
    onFirstRender={markFirstRender}
    loadSample={embeddedSample}
  />,
);
