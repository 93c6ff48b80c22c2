/**
 * The offline manifest check: passes on our manifest with a complete build, and fails,
 * naming the fault, on each broken manifest in test/fixtures/manifests/ and on metadata
 * twins that disagree.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { checkManifest, type BuildFiles } from "../../scripts/manifest-rules";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata, rewriteUrls } = require("../../scripts/webpack-plugins.cjs") as {
  localizeMetadata: (
    m: unknown,
    t: unknown,
  ) => { functions: { id: string; name: string; description: string }[] };
  rewriteUrls: (xml: string, base: string) => string;
};

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(ROOT, "test/fixtures/manifests");
const manifest = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

const en = {
  functions: [
    {
      id: "QUOTA",
      name: "QUOTA",
      description: "Required count",
      parameters: [
        { name: "base", description: "Base" },
        { name: "rate", description: "Rate" },
      ],
    },
  ],
};
const zh = {
  functions: [
    {
      id: "QUOTA",
      name: "QUOTA",
      description: "应达数",
      parameters: [
        { name: "base", description: "基数" },
        { name: "rate", description: "比例" },
      ],
    },
  ],
};

function build(overrides: Record<string, string | undefined> = {}): BuildFiles {
  const files: Record<string, string | undefined> = {
    "taskpane.html": "<html></html>",
    "help.html": "<html></html>",
    "functions.js": "",
    "functions.json": JSON.stringify(en),
    "functions-zh-cn.json": JSON.stringify(zh),
    "assets/icon-16.png": "",
    "assets/icon-32.png": "",
    "assets/icon-64.png": "",
    "assets/icon-80.png": "",
    ...overrides,
  };
  return { has: (p) => files[p] !== undefined, read: (p) => files[p] };
}

describe("manifest check", () => {
  it("passes on our manifest with a complete build", () => {
    expect(checkManifest(manifest, build())).toEqual([]);
  });

  const expected = JSON.parse(readFileSync(path.join(FIXTURES, "expected.json"), "utf8")) as Record<
    string,
    string
  >;
  const cases = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".xml"))
    .map((f) => f.replace(/\.xml$/, ""));

  it("has an expectation for every broken fixture", () => {
    expect(cases.sort()).toEqual(Object.keys(expected).sort());
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)("fails on %s", (name) => {
    const errors = checkManifest(readFileSync(path.join(FIXTURES, `${name}.xml`), "utf8"), build());
    expect(errors.join("\n")).toContain(expected[name]);
  });

  it("fails when a referenced file is missing from the build", () => {
    expect(checkManifest(manifest, build({ "taskpane.html": undefined }))).toContain(
      'Taskpane.Url: "taskpane.html" is missing from the build',
    );
  });

  it("fails when the zh-CN metadata twin has other ids or parameters", () => {
    const other = { functions: [{ ...zh.functions[0], id: "QUOTA2" }] };
    expect(
      checkManifest(manifest, build({ "functions-zh-cn.json": JSON.stringify(other) })).join("\n"),
    ).toContain("differ from functions-zh-cn.json ids");
    const params = {
      functions: [{ ...zh.functions[0], parameters: [{ name: "base", description: "基数" }] }],
    };
    expect(
      checkManifest(manifest, build({ "functions-zh-cn.json": JSON.stringify(params) })).join("\n"),
    ).toContain("parameters [base,rate] differ");
    const english = { functions: [{ ...zh.functions[0], description: "Required count" }] };
    expect(
      checkManifest(manifest, build({ "functions-zh-cn.json": JSON.stringify(english) })).join("\n"),
    ).toContain("zh-CN description is missing or not Chinese");
  });
});

describe("build helpers", () => {
  it("rewrites every localhost URL, not only the first", () => {
    const out = rewriteUrls(manifest, "https://grader.example.gov.cn/addin/");
    expect(out).not.toContain("localhost");
    expect(out).toContain('DefaultValue="https://grader.example.gov.cn/addin/taskpane.html"');
    const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
    expect(count(out, /https:\/\/grader\.example\.gov\.cn\/addin\//g)).toBe(
      count(manifest, /https:\/\/localhost:3000\//g),
    );
    expect(out).toContain("<AppDomain>https://grader.example.gov.cn</AppDomain>");
  });

  it("localizes metadata and refuses a missing translation", () => {
    const table = {
      functions: { QUOTA: { description: "应达数", parameters: { base: "基数", rate: "比例" } } },
    };
    const out = localizeMetadata(en, table);
    expect(out.functions[0].description).toBe("应达数");
    expect(out.functions[0].name).toBe("QUOTA");
    expect(() =>
      localizeMetadata(en, { functions: { QUOTA: { description: "应达数", parameters: { base: "基数" } } } }),
    ).toThrow(/parameter QUOTA.rate/);
    expect(() => localizeMetadata(en, { functions: {} })).toThrow(/function QUOTA/);
  });
});
