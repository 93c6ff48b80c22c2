/**
 * bin/branch-grader.mjs runs a big input again in a child Node with a larger young
 * generation (see its comment). The child route must be invisible to the user: the same
 * sheets, the same exit codes and messages, and an interrupt still cleans up.
 * BRANCH_GRADER_TUNE_MB=0 sends every input down that route here.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { ROOT, tempDir } from "./helpers";
import { writeLargeWorkbook } from "../large/make-workbook";
import { sampleBytes } from "../robust/corpus";

const BIN = join(ROOT, "bin", "branch-grader.mjs");

function run(args: string[], cwd: string, tune: boolean) {
  const env = { ...process.env, BRANCH_GRADER_TUNE_MB: tune ? "0" : "100000", BRANCH_GRADER_DEBUG: "1" };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const sheetParts = (bytes: Uint8Array) =>
  Object.fromEntries(
    Object.entries(unzipSync(bytes))
      .filter(([n]) => n.startsWith("xl/worksheets/") || n === "xl/workbook.xml")
      .map(([n, b]) => [n, Buffer.from(b).toString("utf8")]),
  );

describe("the tuned child route for big inputs", () => {
  it("writes the same sheets and says the same as the direct route", () => {
    const dir = tempDir("bg-tuned-");
    writeFileSync(join(dir, "考评.xlsx"), sampleBytes());
    const direct = run(["grade", "考评.xlsx", "-o", "直接.xlsx", "--as-of", "2026-11-30"], dir, false);
    const tuned = run(["grade", "考评.xlsx", "-o", "子进程.xlsx", "--as-of", "2026-11-30"], dir, true);
    expect(direct.code).toBe(0);
    expect(tuned.code).toBe(0);
    expect(direct.err).not.toMatch(/tuned:/);
    expect(tuned.err).toMatch(/^tuned: --max-semi-space-size=64$/m);
    expect(tuned.out.replace("子进程", "直接")).toBe(direct.out);
    expect(sheetParts(readFileSync(join(dir, "子进程.xlsx")))).toEqual(
      sheetParts(readFileSync(join(dir, "直接.xlsx"))),
    );
  });

  it("passes on the exit code and the message of a failure", () => {
    const dir = tempDir("bg-tuned-");
    writeFileSync(join(dir, "坏.xlsx"), Buffer.from("not a zip at all, but big enough to count"));
    const direct = run(["grade", "坏.xlsx"], dir, false);
    const tuned = run(["grade", "坏.xlsx"], dir, true);
    expect(direct.code).not.toBe(0);
    expect(tuned.code).toBe(direct.code);
    expect(tuned.err.replace(/^tuned:.*\n/m, "")).toBe(direct.err);
  });

  it("on SIGTERM to the launcher, the child stops and leaves no temporary file or output", async () => {
    const dir = tempDir("bg-tuned-sig-");
    const input = join(dir, "大.xlsx");
    writeLargeWorkbook(input, { branches: 30_000, layout: "compact", criteria: 40 });
    const env = { ...process.env, BRANCH_GRADER_TUNE_MB: "0" };
    const child = spawn(process.execPath, [BIN, "grade", input, "-o", join(dir, "出.xlsx")], {
      env,
      stdio: "ignore",
    });
    await new Promise((r) => setTimeout(r, 400));
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((done) => child.on("exit", (c) => done(c)));
    expect(code).toBe(143);
    expect(readdirSync(dir)).toEqual(["大.xlsx"]);
  }, 60_000);
});
