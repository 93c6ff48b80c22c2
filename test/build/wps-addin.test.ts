/**
 * The WPS 加载项 around the host: ribbon.xml is well-formed CustomUI whose every callback is a
 * function the add-in's page defines, its buttons open the task pane at their step (once,
 * then by request), and the deployment lists are the XML WPS reads.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import type { EtTaskPane, WpsAddinApi } from "../../src/host/wps-et";
import { RIBBON_BUTTONS, ribbonCallbacks, watchStepRequests } from "../../src/host/wps-ribbon";
import {
  addinUrl,
  jsPluginManifest,
  offlineJsplugins,
  onlineJsplugins,
  onlinePublish,
} from "../../scripts/wps-manifests";

const ROOT = path.resolve(__dirname, "../..");
const CUSTOM_UI = "http://schemas.microsoft.com/office/2006/01/customui";
const CALLBACK_ATTRS = ["onLoad", "onAction", "getImage", "getEnabled", "getLabel", "getVisible"];

function parse(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: (m) => errors.push(m),
      fatalError: (m) => errors.push(m),
    },
  }).parseFromString(xml, "text/xml");
  expect(errors).toEqual([]);
  return doc as unknown as Document;
}

function all(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagName("*"));
}

/** A WPS add-in API that records the panes it creates. */
function fakeAddin(): { api: WpsAddinApi; panes: { url: string; pane: EtTaskPane }[] } {
  const storage = new Map<string, unknown>();
  const panes: { url: string; pane: EtTaskPane }[] = [];
  const api: WpsAddinApi = {
    CreateTaskPane: (url) => {
      const pane = { ID: `pane${panes.length + 1}`, Visible: false };
      panes.push({ url, pane });
      return pane;
    },
    GetTaskPane: (id) => panes.find((p) => p.pane.ID === id)?.pane ?? null,
    PluginStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
  };
  return { api, panes };
}

describe("ribbon.xml", () => {
  const xml = readFileSync(path.join(ROOT, "assets/wps/ribbon.xml"), "utf8");
  const doc = parse(xml);

  it("is CustomUI with a 支部考评 tab and the buttons 打开任务窗格, 定级, 检查 (in that order)", () => {
    expect(doc.documentElement.localName).toBe("customUI");
    expect(doc.documentElement.namespaceURI).toBe(CUSTOM_UI);
    const tabs = doc.getElementsByTagName("tab");
    expect(tabs.length).toBe(1);
    expect(tabs[0].getAttribute("label")).toBe("支部考评");
    const buttons = Array.from(doc.getElementsByTagName("button"));
    expect(buttons.map((b) => b.getAttribute("label"))).toEqual(["打开任务窗格", "定级", "检查"]);
    const ids = all(doc)
      .map((e) => e.getAttribute("id"))
      .filter((id): id is string => !!id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("names only callbacks that the add-in's page defines, on its global `ribbon`", async () => {
    const { api } = fakeAddin();
    const scope = globalThis as { wps?: unknown; location?: unknown; ribbon?: Record<string, unknown> };
    scope.wps = api;
    scope.location = { href: "http://intranet.example/branch-grader/index.html" };
    try {
      await import("../../src/taskpane/wps-ribbon");
      const named = all(doc).flatMap((e) =>
        CALLBACK_ATTRS.map((a) => e.getAttribute(a)).filter((v): v is string => !!v),
      );
      expect(named.length).toBeGreaterThan(3);
      for (const name of named) {
        const m = /^ribbon\.(\w+)$/.exec(name);
        expect({ name, defined: !!m && typeof scope.ribbon?.[m[1]] === "function" }).toEqual({
          name,
          defined: true,
        });
      }
    } finally {
      delete scope.wps;
      delete scope.location;
      delete scope.ribbon;
    }
  });

  it("every button has an action and an icon", () => {
    for (const b of Array.from(doc.getElementsByTagName("button"))) {
      const id = b.getAttribute("id") ?? "";
      expect(RIBBON_BUTTONS[id]).toBeDefined();
      expect(existsSync(path.join(ROOT, "assets/wps", `${id}.png`))).toBe(true);
    }
  });
});

describe("ribbon buttons", () => {
  it("open one task pane at the button's step, then ask the open pane for another step", () => {
    jest.useFakeTimers();
    try {
      const { api, panes } = fakeAddin();
      const cb = ribbonCallbacks(api, "http://intranet.example/branch-grader/index.html");
      expect(cb.OnAddinLoad({})).toBe(true);
      expect(cb.GetImage({ Id: "btnGrade" })).toBe("images/btnGrade.png");
      cb.OnAction({ Id: "btnGrade" });
      expect(panes.map((p) => [p.url, p.pane.Visible])).toEqual([
        ["http://intranet.example/branch-grader/taskpane.html?step=grade", true],
      ]);
      const steps: string[] = [];
      const stop = watchStepRequests(api, (s) => steps.push(s), 100);
      jest.advanceTimersByTime(300);
      expect(steps).toEqual([]); // the request that opened the pane is not a new one
      panes[0].pane.Visible = false;
      cb.OnAction({ Id: "btnCheck" });
      jest.advanceTimersByTime(150);
      cb.OnAction({ Id: "btnOpenPane" });
      jest.advanceTimersByTime(150);
      cb.OnAction({ Id: "unknown" });
      jest.advanceTimersByTime(150);
      stop();
      expect(panes).toHaveLength(1);
      expect(panes[0].pane.Visible).toBe(true);
      expect(steps).toEqual(["check", "start"]);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("deployment lists", () => {
  it("online: jsplugins.xml and publish.xml name the add-in for WPS 表格 at its URL", () => {
    for (const xml of [
      onlineJsplugins("https://oa.example/addins/branch-grader"),
      onlinePublish("https://oa.example/addins/branch-grader/"),
    ]) {
      const e = parse(xml).getElementsByTagName("jspluginonline")[0];
      expect([e.getAttribute("name"), e.getAttribute("type"), e.getAttribute("url")]).toEqual([
        "branch-grader",
        "et",
        "https://oa.example/addins/branch-grader/",
      ]);
    }
    expect(() => addinUrl("ftp://oa.example/x/")).toThrow("http(s)");
  });

  it("offline: the entry points at name_version.7z; the add-in's manifest is JsPlugin", () => {
    const e = parse(offlineJsplugins("0.1.0", "file:///D:/addins")).getElementsByTagName("jsplugin")[0];
    expect(e.getAttribute("url")).toBe("file:///D:/addins/branch-grader_0.1.0.7z");
    expect(e.getAttribute("version")).toBe("0.1.0");
    const m = parse(jsPluginManifest("0.1.0", "支部考评 & 定级")).documentElement;
    expect(m.localName).toBe("JsPlugin");
    expect(m.getElementsByTagName("Description")[0].textContent).toBe("支部考评 & 定级");
  });
});
