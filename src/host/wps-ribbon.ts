/**
 * The WPS 加载项's ribbon callbacks (the functions ribbon.xml names as `ribbon.*`): each
 * button shows the one task pane at its step. The pane is created once; its id is kept in
 * PluginStorage (shared by the add-in's pages), and a later click asks the open pane to go
 * to another step through the same storage (see watchStepRequests).
 */
import type { WpsAddinApi } from "./wps-et";

/** Task-pane steps a ribbon button can open (ids of the App's steps). */
export type RibbonStep = "start" | "check" | "grade";

/** Button id (ribbon.xml) → the step it opens. */
export const RIBBON_BUTTONS: Record<string, RibbonStep> = {
  btnOpenPane: "start",
  btnGrade: "grade",
  btnCheck: "check",
};

const PANE_KEY = "branchGrader.taskPaneId";
const STEP_KEY = "branchGrader.stepRequest";

export interface RibbonControl {
  Id: string;
}

export interface RibbonCallbacks {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: RibbonControl): void;
  GetImage(control: RibbonControl): string;
  OnGetEnabled(control: RibbonControl): boolean;
}

/** The page's WPS add-in API (wps.* in a WPS 加载项 page), or null elsewhere. */
export function wpsAddinApi(scope: unknown = globalThis): WpsAddinApi | null {
  const g = scope as { wps?: unknown; Application?: unknown };
  for (const o of [g.wps, g.Application]) {
    if (typeof o === "object" && o !== null && "CreateTaskPane" in o && "PluginStorage" in o)
      return o as WpsAddinApi;
  }
  return null;
}

/** A step request as stored: the step and a time stamp, so that asking twice for one step is two requests. */
export function encodeStepRequest(step: RibbonStep, n: number): string {
  return `${step}:${n}`;
}

export function decodeStepRequest(v: unknown): { step: RibbonStep; n: number } | null {
  const m = typeof v === "string" ? /^(start|check|grade):(\d+)$/.exec(v) : null;
  return m ? { step: m[1] as RibbonStep, n: Number(m[2]) } : null;
}

/**
 * The callbacks, for a ribbon page at `base` (the add-in's URL; taskpane.html lies beside
 * the page). `images/<button id>.png` are the buttons' icons.
 */
export function ribbonCallbacks(api: WpsAddinApi, base: string): RibbonCallbacks {
  const show = (step: RibbonStep) => {
    const id = api.PluginStorage.getItem(PANE_KEY);
    const open = typeof id === "string" && id !== "" ? api.GetTaskPane(id) : null;
    if (open) {
      api.PluginStorage.setItem(STEP_KEY, encodeStepRequest(step, Date.now()));
      open.Visible = true;
      return;
    }
    const url = new URL(`taskpane.html?step=${step}`, base).href;
    const pane = api.CreateTaskPane(url, "支部考评");
    api.PluginStorage.setItem(PANE_KEY, pane.ID);
    pane.Visible = true;
  };
  return {
    OnAddinLoad: () => true,
    OnAction: (control) => {
      const step = RIBBON_BUTTONS[control.Id];
      if (step) show(step);
    },
    GetImage: (control) => `images/${control.Id}.png`,
    OnGetEnabled: () => true,
  };
}

/**
 * In the pane: call `onStep` for each step a ribbon button asks for while the pane is open
 * (polling PluginStorage, the one channel WPS gives the add-in's pages). Returns a stop function.
 */
export function watchStepRequests(
  api: WpsAddinApi,
  onStep: (step: RibbonStep) => void,
  everyMs = 500,
): () => void {
  // A request stored before the pane opened is the one that opened it: not a new one.
  let last = api.PluginStorage.getItem(STEP_KEY);
  const timer = setInterval(() => {
    const raw = api.PluginStorage.getItem(STEP_KEY);
    const req = decodeStepRequest(raw);
    if (!req || raw === last) return;
    last = raw;
    onStep(req.step);
  }, everyMs);
  return () => clearInterval(timer);
}
