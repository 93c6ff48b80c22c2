/**
 * The layer rules of DESIGN.md, checked on the source text: each folder of src/ may import
 * only what its row allows. A violation fails the tests with the file and the import.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
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

  it("in the task pane only the entry points pick a host; the rest gets a WorkbookPort", () => {
    // The browser shell opens .xlsx files itself, so it loads the file host (lazily).
    const pickers = new Set([
      "taskpane/index.tsx",
      "taskpane/wps-ribbon.ts",
      "taskpane/browser/BrowserShell.tsx",
    ]);
    const offenders = all
      .filter(
        (f) => layerOf(f) === "taskpane" && !pickers.has(path.relative(SRC, f).split(path.sep).join("/")),
      )
      .flatMap((f) =>
        importsOf(readFileSync(f, "utf8"))
          .filter((spec) => /\/host\/(?!port$|inputs$)/.test(spec))
          .map((spec) => `${path.relative(SRC, f)} imports "${spec}"`),
      );
    expect(offenders).toEqual([]);
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
});
