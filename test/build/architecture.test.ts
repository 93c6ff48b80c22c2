/**
 * The layer rules of DESIGN.md, checked on the source text: each folder of src/ may import
 * only what its row allows. A violation fails the tests with the file and the import.
 * Finer rules below: outside src/engine only the engine's index; in host/ the pane imports
 * only the port, the input reader and the flows over the port (its entry points: the hosts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const SRC = path.resolve(__dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** Every module specifier a file imports (static, dynamic, re-export, require). */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const re =
    /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

type Rule = (spec: string, resolvedLayer: string | undefined) => boolean;

function layerOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0];
}

const local =
  (allowed: string[]): Rule =>
  (_spec, layer) =>
    layer !== undefined && allowed.includes(layer);
const pkgs =
  (allowed: RegExp): Rule =>
  (spec, layer) =>
    layer === undefined && allowed.test(spec);

/** Data files the offline page embeds (the sample workbook), not code. */
const assetData: Rule = (spec) => /^(\.\.\/)+assets\/[^/]+\.xlsx$/.test(spec);

const RULES: Record<string, Rule[]> = {
  engine: [local(["engine"])],
  i18n: [local(["i18n"])],
  functions: [local(["functions", "engine"])],
  host: [local(["host", "engine"]), pkgs(/^(exceljs|fflate)$/)],
  // Which host modules, and the engine's index only: the finer rules below.
  taskpane: [
    local(["taskpane", "engine", "host", "i18n"]),
    assetData,
    pkgs(
      /^(react|react-dom(\/client)?|react\/jsx-runtime|@fluentui\/react-components|@fluentui\/react-icons)$/,
    ),
  ],
  cli: [local(["cli", "engine", "host", "i18n"]), pkgs(/^(node:[a-z_/]+|exceljs)$/)],
};

function check(file: string): string[] {
  const layer = layerOf(file);
  const rules = RULES[layer];
  if (!rules) return [`${path.relative(SRC, file)}: ${layer} is not a layer of DESIGN.md`];
  const text = readFileSync(file, "utf8");
  const bad: string[] = [];
  for (const spec of importsOf(text)) {
    const target = spec.startsWith(".") ? layerOf(path.resolve(path.dirname(file), spec)) : undefined;
    if (!rules.some((r) => r(spec, target))) bad.push(`${path.relative(SRC, file)} imports "${spec}"`);
  }
  return bad;
}

function rel(file: string): string {
  return path.relative(SRC, file).split(path.sep).join("/");
}

/** A relative import's target under src/, without extension ("host/port"; "engine" is its index). */
function targetOf(file: string, spec: string): string | undefined {
  return spec.startsWith(".") ? rel(path.resolve(path.dirname(file), spec)) : undefined;
}

/** Outside the engine only "../engine" (its index); "engine/<file>", "engine/index" included, is deep. */
function deepEngineImport(file: string, spec: string): boolean {
  return layerOf(file) !== "engine" && (targetOf(file, spec)?.startsWith("engine/") ?? false);
}

/**
 * What the pane may import from host/: the port, the input reader, and the flows written
 * over the port alone (grade-and-write: 定级 and 定稿, shared with the command line). None
 * of them reaches a host implementation (checked below), so the pane still picks no host.
 */
const PANE_HOST = new Set(["host/port", "host/inputs", "host/grade-and-write"]);
/** The pane's entry points pick a host: Excel, WPS (its port and ribbon), the .xlsx file host. */
const ENTRY_POINTS = new Set([
  "taskpane/index.tsx",
  "taskpane/wps-ribbon.ts",
  "taskpane/browser/BrowserShell.tsx",
]);
const HOST_FACTORIES = new Set(["host/excel", "host/wps", "host/wps-ribbon", "host/file"]);
/** Modules that talk to a real workbook (office-js, WPS's ET, .xlsx bytes). */
const HOST_IMPLEMENTATION = /^host\/(excel|wps|file|xlsx)([-./]|$)/;

function paneHostImport(file: string, spec: string): boolean {
  const t = targetOf(file, spec);
  if (t === undefined || layerOf(path.join(SRC, t)) !== "host") return false;
  if (PANE_HOST.has(t)) return false;
  return !(ENTRY_POINTS.has(rel(file)) && HOST_FACTORIES.has(t));
}

function moduleFile(target: string): string {
  const base = path.join(SRC, target);
  const found = [".ts", ".tsx", "/index.ts"].map((ext) => base + ext).find((p) => existsSync(p));
  if (!found) throw new Error(`no module ${target}`);
  return found;
}

/** Every host module these reach through their imports (themselves included). */
function hostClosure(start: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  for (let m = todo.pop(); m !== undefined; m = todo.pop()) {
    if (seen.has(m)) continue;
    seen.add(m);
    const file = moduleFile(m);
    for (const spec of importsOf(readFileSync(file, "utf8"))) {
      const t = targetOf(file, spec);
      if (t !== undefined && layerOf(path.join(SRC, t)) === "host") todo.push(t);
    }
  }
  return seen;
}

describe("layer rules (DESIGN.md)", () => {
  const all = files(SRC);

  it("finds the source files", () => {
    expect(all.length).toBeGreaterThan(0);
  });

  it("no layer imports what it may not", () => {
    expect(all.flatMap(check)).toEqual([]);
  });

  it("the engine uses no host globals (DOM, Node, Office)", () => {
    const globals = /\b(window|document|process|Buffer|Office|Excel|localStorage|navigator)\s*[.[(]/;
    const offenders = all
      .filter((f) => layerOf(f) === "engine")
      .filter((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .some((line) => !/^\s*(\/\/|\*)/.test(line) && globals.test(line)),
      )
      .map((f) => path.relative(SRC, f));
    expect(offenders).toEqual([]);
  });

  it("outside the engine, engine things come from its index only", () => {
    const offenders = all.flatMap((f) =>
      importsOf(readFileSync(f, "utf8"))
        .filter((spec) => deepEngineImport(f, spec))
        .map((spec) => `${rel(f)} imports "${spec}"`),
    );
    expect(offenders).toEqual([]);
  });

  it("the task pane imports from host/ only the port, the input reader and the flows over the port; its entry points also the hosts", () => {
    const offenders = all
      .filter((f) => layerOf(f) === "taskpane")
      .flatMap((f) =>
        importsOf(readFileSync(f, "utf8"))
          .filter((spec) => paneHostImport(f, spec))
          .map((spec) => `${rel(f)} imports "${spec}"`),
      );
    expect(offenders).toEqual([]);
  });

  it("the host modules the pane may import reach no host implementation", () => {
    const reached = hostClosure([...PANE_HOST]);
    expect(reached).toContain("host/headers"); // the walk follows imports
    expect([...reached].filter((m) => HOST_IMPLEMENTATION.test(m))).toEqual([]);
  });

  it("only the WPS host modules touch WPS's globals (wps.*, the ET Application)", () => {
    const wpsGlobals =
      /\b(wps|Application)\s*\.\s*(EtApplication|CreateTaskPane|ActiveWorkbook|PluginStorage)\b/;
    const offenders = all
      .filter((f) => !/^host\/wps[-.]/.test(path.relative(SRC, f).split(path.sep).join("/")))
      .filter((f) => wpsGlobals.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(SRC, f));
    expect(offenders).toEqual([]);
    expect(wpsGlobals.test("const wb = Application.ActiveWorkbook;")).toBe(true);
  });

  it("catches a violation (the checker itself works)", () => {
    expect(
      importsOf(
        `import x from "react";\nimport type { A } from "../host/port";\nconst y = await import("exceljs");`,
      ),
    ).toEqual(["react", "../host/port", "exceljs"]);
    const fakeEngineFile = path.join(SRC, "engine", "x.ts");
    const rules = RULES.engine;
    expect(rules.some((r) => r("node:fs", undefined))).toBe(false);
    expect(
      rules.some((r) =>
        r("../host/port", layerOf(path.resolve(path.dirname(fakeEngineFile), "../host/port"))),
      ),
    ).toBe(false);
    expect(
      rules.some((r) => r("./numbers", layerOf(path.resolve(path.dirname(fakeEngineFile), "./numbers")))),
    ).toBe(true);
  });

  it("catches a deep engine import and a host the pane may not pick (the checkers themselves work)", () => {
    const hostFile = path.join(SRC, "host", "xlsx", "x.ts");
    expect(deepEngineImport(hostFile, "../../engine/cells")).toBe(true);
    expect(deepEngineImport(hostFile, "../../engine/index")).toBe(true);
    expect(deepEngineImport(hostFile, "../../engine")).toBe(false);
    expect(deepEngineImport(hostFile, "./cells")).toBe(false);
    expect(deepEngineImport(path.join(SRC, "engine", "x.ts"), "./cells")).toBe(false);
    expect(deepEngineImport(path.join(SRC, "engine", "messages", "x.ts"), "../cells")).toBe(false);

    const component = path.join(SRC, "taskpane", "components", "X.tsx");
    expect(paneHostImport(component, "../../host/port")).toBe(false);
    expect(paneHostImport(component, "../../host/grade-and-write")).toBe(false);
    expect(paneHostImport(component, "../../host/excel")).toBe(true);
    expect(paneHostImport(component, "../../host/xlsx")).toBe(true);
    expect(paneHostImport(component, "../../host/layout")).toBe(true);
    expect(paneHostImport(component, "../../engine")).toBe(false);
    const entry = path.join(SRC, "taskpane", "index.tsx");
    expect(paneHostImport(entry, "../host/excel")).toBe(false);
    expect(paneHostImport(entry, "../host/excel-write")).toBe(true);

    expect([...hostClosure(["host/file"])].some((m) => HOST_IMPLEMENTATION.test(m))).toBe(true);
  });
});
