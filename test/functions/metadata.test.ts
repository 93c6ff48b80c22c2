/**
 * The generated metadata: functions.json from the JSDoc (compared with a committed copy, so
 * an accidental signature change is seen), and its zh-CN twin from the translation table
 * (every function and parameter translated; zh-CN names within Excel's naming rules).
 * To accept an intended change: UPDATE_METADATA=1 npx jest test/functions/metadata.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as fns from "../../src/functions/functions";

interface Param {
  name: string;
  description?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
}
interface Metadata {
  functions: Fn[];
}
interface Table {
  functions: Record<string, { name?: string; description: string; parameters: Record<string, string> }>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata } = require("../../scripts/webpack-plugins.cjs") as {
  localizeMetadata: (m: Metadata, t: Table) => Metadata;
};

const ROOT = path.resolve(__dirname, "../..");
const SNAPSHOT = path.join(__dirname, "functions.metadata.json");
const TABLE_FILE = path.join(ROOT, "src/functions/translations.zh-CN.json");
const IDS = [
  "TIER",
  "TOTAL",
  "COMBINE",
  "QUOTA",
  "ALLOCATE",
  "MOVE",
  "RANK",
  "TIERS",
  "TARGET",
  "BENCHMARK",
  "WARN",
  "OVERDUE",
  "MEETINGS",
];

let meta: Metadata;
const table = JSON.parse(readFileSync(TABLE_FILE, "utf8")) as Table;

beforeAll(() => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cf-meta-"));
  try {
    const out = path.join(dir, "functions.json");
    const cli = path.join(ROOT, "node_modules/custom-functions-metadata/lib/cli.js");
    execFileSync(process.execPath, [cli, "generate", path.join(ROOT, "src/functions/functions.ts"), out], {
      cwd: ROOT,
      stdio: "pipe",
    });
    meta = JSON.parse(readFileSync(out, "utf8")) as Metadata;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

describe("functions.json (from the JSDoc)", () => {
  it("matches the committed copy", () => {
    if (process.env.UPDATE_METADATA === "1" || !existsSync(SNAPSHOT)) {
      if (process.env.CI) throw new Error("functions.metadata.json missing in CI");
      writeFileSync(SNAPSHOT, JSON.stringify(meta, null, 2) + "\n");
    }
    expect(meta).toEqual(JSON.parse(readFileSync(SNAPSHOT, "utf8")));
  });

  it("has exactly the functions of FUNCTIONS.md, each exported by its lower-case name", () => {
    expect(meta.functions.map((f) => f.id).sort()).toEqual([...IDS].sort());
    const exported = fns as unknown as Record<string, unknown>;
    for (const id of IDS) expect(typeof exported[id.toLowerCase()]).toBe("function");
  });

  it("every function has a description and described parameters", () => {
    for (const f of meta.functions) {
      expect(f.description.length).toBeGreaterThan(10);
      for (const p of f.parameters) expect(p.description ?? "").not.toBe("");
    }
  });
});

describe("functions-zh-cn.json (from translations.zh-CN.json)", () => {
  it("every function and parameter has a zh-CN translation", () => {
    const missing: string[] = [];
    for (const f of meta.functions) {
      const t = table.functions[f.id];
      if (!t || !/\p{Script=Han}/u.test(t.description)) {
        missing.push(f.id);
        continue;
      }
      for (const p of f.parameters)
        if (!/\p{Script=Han}/u.test(t.parameters[p.name] ?? "")) missing.push(`${f.id}.${p.name}`);
    }
    expect(missing).toEqual([]);
    expect(Object.keys(table.functions).sort()).toEqual([...IDS].sort());
  });

  it("the build's localizeMetadata accepts the table and keeps ids, types and parameter names", () => {
    const zh = localizeMetadata(meta, table);
    expect(zh.functions.map((f) => f.id)).toEqual(meta.functions.map((f) => f.id));
    zh.functions.forEach((f, i) => {
      expect(f.parameters.map((p) => p.name)).toEqual(meta.functions[i]!.parameters.map((p) => p.name));
      expect(f.description).toBe(table.functions[f.id]!.description);
    });
  });

  it("fails the build when a function or a parameter lacks a translation", () => {
    const noQuota: Table = { functions: { ...table.functions } };
    delete noQuota.functions.QUOTA;
    expect(() => localizeMetadata(meta, noQuota)).toThrow("function QUOTA");
    const noRate: Table = JSON.parse(JSON.stringify(table)) as Table;
    delete noRate.functions.QUOTA!.parameters.rate;
    expect(() => localizeMetadata(meta, noRate)).toThrow("parameter QUOTA.rate");
  });

  it("zh-CN names follow Excel's naming rules and are unique", () => {
    const names = meta.functions.map((f) => table.functions[f.id]!.name ?? f.name);
    for (const n of names) {
      // Unicode letters, digits, period, underscore; starts with a letter; 3–128 characters.
      expect(n).toMatch(/^\p{L}[\p{L}0-9._]{2,127}$/u);
      expect(n).not.toMatch(/^[A-Za-z]{1,3}[0-9]+$/); // not a cell reference
    }
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length);
  });
});
