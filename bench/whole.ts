/**
 * Issue #16: the whole process of `branch-grader grade IN -o OUT` (`node bin/branch-grader.mjs`,
 * the prebuilt bundle when dist-cli/ exists) on workbooks of 10,000, 100,000 and 1,048,575
 * branches × 40 criteria (test/large/make-workbook.ts, compact layout; the LibreOffice layout
 * too at 100,000), each beside two references measured in the same run:
 *
 * - the floor (bench/floor.mjs): node:zlib inflating every entry of IN and deflating at level
 *   6 the entries OUT adds (those not byte-identical in IN), timed inside its child;
 * - LibreOffice opening and saving IN (`soffice --headless --convert-to xlsx`).
 *
 * and `node bin/branch-grader.mjs --help` beside `node -e 0`. Every measurement is a child
 * process (GNU time: wall, user + system CPU, max RSS); the 1-minute load average is taken
 * before and after each. Runs alternate grade → floor → LibreOffice; the median is reported.
 *
 *   npx tsx bench/whole.ts            prints JSON
 *   npx tsx bench/whole.ts --write    also stores it under "whole" in bench/results.json
 *   npx tsx bench/run.ts whole        through the bench runner (not in the default run)
 *   BENCH_WHOLE_SIZES=10000 npx tsx bench/whole.ts      a quick check
 *
 * Environment: BENCH_WHOLE_SIZES (10000,100000,1048575), BENCH_WHOLE_CRITERIA (40),
 * BENCH_WHOLE_RUNS (runs per size; default 3 up to 100,000 branches, 1 above),
 * BENCH_WHOLE_LO_LAYOUT_AT (sizes also measured in the LibreOffice layout; 100000),
 * BENCH_WHOLE_LO=0 (no LibreOffice), BENCH_WHOLE_LO_TIMEOUT (seconds, 600).
 */
import { benchMain } from "./main";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { basename, join, resolve } from "node:path";
import { writeLargeWorkbook, type Layout } from "../test/large/make-workbook";
import { convertArgs, findSoffice } from "../test/cli/soffice";

const ROOT = resolve(__dirname, "..");
const BIN = join(ROOT, "bin", "branch-grader.mjs");
const FLOOR = join(__dirname, "floor.mjs");
const GNU_TIME = "/usr/bin/time";
const LO_PROFILE = "file:///tmp/lo-bench-profile";
const MB = 2 ** 20;

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Child {
  status: number | null;
  timedOut: boolean;
  seconds: number;
  cpuSeconds: number;
  peakMB: number;
  loadBefore: number;
  loadAfter: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `cmd args` under GNU time in its own process group (so that a timeout ends all of it,
 * LibreOffice's soffice.bin included); wall time is taken here, CPU and max RSS from GNU time.
 */
async function child(
  cmd: string,
  args: string[],
  opts: { cwd?: string; timeoutS?: number } = {},
): Promise<Child> {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time) is needed: apt-get install time`);
  const dir = mkdtempSync(join(os.tmpdir(), "bg-whole-time-"));
  const report = join(dir, "time.txt");
  try {
    const loadBefore = os.loadavg()[0];
    const t0 = performance.now();
    const p = spawn(GNU_TIME, ["-v", "-o", report, cmd, ...args], {
      cwd: opts.cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    p.stdout.setEncoding("utf8").on("data", (s: string) => (stdout = (stdout + s).slice(-200_000)));
    p.stderr.setEncoding("utf8").on("data", (s: string) => (stderr = (stderr + s).slice(-20_000)));
    let timedOut = false;
    const timer = opts.timeoutS
      ? setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-p.pid!, "SIGKILL");
          } catch {
            // already gone
          }
        }, opts.timeoutS * 1000)
      : null;
    const status = await new Promise<number | null>((res, rej) => {
      p.on("error", rej);
      p.on("close", (code) => res(code));
    });
    if (timer) clearTimeout(timer);
    const seconds = (performance.now() - t0) / 1000;
    const text = existsSync(report) ? readFileSync(report, "utf8") : "";
    const field = (name: string): number => {
      const m = new RegExp(`${name.replace(/[()]/g, "\\$&")}: *([\\d.]+)`).exec(text);
      return m ? Number(m[1]) : NaN;
    };
    return {
      status: timedOut ? null : status,
      timedOut,
      seconds,
      cpuSeconds: field("User time (seconds)") + field("System time (seconds)"),
      peakMB: Math.round(field("Maximum resident set size (kbytes)") / 1024),
      loadBefore,
      loadAfter: os.loadavg()[0],
      stdout,
      stderr,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const tail = (c: Child): string => (c.stderr || c.stdout).trim().split("\n").slice(-6).join("\n");

interface Run {
  seconds: number;
  cpuSeconds: number;
  peakMB: number;
  loadBefore: number;
  loadAfter: number;
}
interface Summary {
  /** Median wall seconds, median CPU seconds, largest peak RSS (MB) over the runs. */
  seconds: number;
  cpuSeconds: number;
  peakMB: number;
  runs: Run[];
}
const runOf = (c: Child, seconds = c.seconds, cpuSeconds = c.cpuSeconds): Run => ({
  seconds: round(seconds, 3),
  cpuSeconds: round(cpuSeconds, 3),
  peakMB: c.peakMB,
  loadBefore: round(c.loadBefore),
  loadAfter: round(c.loadAfter),
});
const summary = (runs: Run[]): Summary => ({
  seconds: round(median(runs.map((r) => r.seconds)), 3),
  cpuSeconds: round(median(runs.map((r) => r.cpuSeconds)), 3),
  peakMB: Math.max(...runs.map((r) => r.peakMB)),
  runs,
});

export interface WholeFigure {
  branches: number;
  criteria: number;
  layout: Layout;
  inputMB: number;
  outputMB: number | null;
  generateSeconds: number;
  grade: Summary | null;
  /** Seconds: inside the floor's child (the zlib work only, not its start or preparation). */
  floor:
    (Summary & { inflateSeconds: number; deflateSeconds: number; inputMB: number; addedMB: number }) | null;
  libreoffice: (Summary & { timedOut: boolean }) | null;
  /** grade seconds / floor seconds; grade seconds / LibreOffice seconds (median walls). */
  gradeOverFloor: number | null;
  gradeOverLibreOffice: number | null;
  errors: string[];
}

export interface WholeResult {
  figures: WholeFigure[];
  help: { seconds: number; nodeSeconds: number; runs: Run[]; nodeRuns: Run[] };
  aims: { aim: string; value: string; met: boolean | null }[];
  machine: Record<string, unknown>;
}

async function measureSize(
  n: number,
  criteria: number,
  layout: Layout,
  runs: number,
  soffice: string | null,
  loTimeoutS: number,
): Promise<WholeFigure> {
  const dir = mkdtempSync(join(os.tmpdir(), "bg-bench-whole-"));
  const log = (s: string) => process.stderr.write(`bench whole: ${n} ${layout}: ${s}\n`);
  try {
    const input = join(dir, `whole-${n}-${layout}.xlsx`);
    const made = writeLargeWorkbook(input, { branches: n, layout, criteria });
    log(`written (${round(made.fileBytes / MB, 1)} MB in ${round(made.seconds, 1)} s)`);
    const fig: WholeFigure = {
      branches: n,
      criteria,
      layout,
      inputMB: round(made.fileBytes / MB, 1),
      outputMB: null,
      generateSeconds: round(made.seconds, 1),
      grade: null,
      floor: null,
      libreoffice: null,
      gradeOverFloor: null,
      gradeOverLibreOffice: null,
      errors: [],
    };
    const grades: Run[] = [];
    const floors: (Run & { inflate: number; deflate: number; inflated: number; added: number })[] = [];
    const los: Run[] = [];
    let loTimedOut = false;
    for (let k = 0; k < runs; k++) {
      const output = join(dir, "graded.xlsx");
      rmSync(output, { force: true });
      const g = await child(process.execPath, [BIN, "grade", input, "-o", output], { cwd: dir });
      if (g.status !== 0 || !existsSync(output)) {
        fig.errors.push(`grade (run ${k + 1}) exited ${g.status}: ${tail(g)}`);
        break;
      }
      grades.push(runOf(g));
      fig.outputMB = round(statSync(output).size / MB, 1);
      log(
        `grade ${round(g.seconds)} s, ${g.peakMB} MB (load ${round(g.loadBefore)} → ${round(g.loadAfter)})`,
      );

      const f = await child(process.execPath, [FLOOR, input, output], { cwd: dir });
      if (f.status !== 0) fig.errors.push(`floor (run ${k + 1}) exited ${f.status}: ${tail(f)}`);
      else {
        const r = JSON.parse(f.stdout.trim().split("\n").pop()!) as Record<string, number>;
        floors.push({
          ...runOf(f, r.seconds, r.cpuSeconds),
          inflate: r.inflateSeconds,
          deflate: r.deflateSeconds,
          inflated: r.inflatedBytes,
          added: r.addedBytes,
        });
        log(
          `floor ${round(r.seconds)} s (inflate ${round(r.inflateSeconds)}, deflate ${round(r.deflateSeconds)})`,
        );
      }
      rmSync(output, { force: true });

      if (soffice && !loTimedOut) {
        const outDir = join(dir, "lo");
        rmSync(outDir, { recursive: true, force: true });
        mkdirSync(outDir);
        const lo = await child(soffice, convertArgs(LO_PROFILE, "xlsx", outDir, [input]), {
          cwd: dir,
          timeoutS: loTimeoutS,
        });
        const converted = join(outDir, basename(input));
        if (lo.timedOut) {
          loTimedOut = true;
          // The killed LibreOffice leaves its profile's lock behind.
          rmSync(new URL(`${LO_PROFILE}/.lock`), { force: true });
          fig.errors.push(`libreoffice: stopped after the ${loTimeoutS} s timeout`);
          log(`LibreOffice timed out after ${loTimeoutS} s`);
        } else if (lo.status !== 0 || !existsSync(converted) || statSync(converted).size === 0)
          fig.errors.push(`libreoffice (run ${k + 1}) exited ${lo.status} without ${converted}: ${tail(lo)}`);
        else {
          los.push(runOf(lo));
          log(`LibreOffice ${round(lo.seconds)} s, ${lo.peakMB} MB`);
        }
        rmSync(outDir, { recursive: true, force: true });
      }
    }
    if (grades.length) fig.grade = summary(grades);
    if (floors.length) {
      const last = floors[floors.length - 1];
      fig.floor = {
        ...summary(floors.map(({ inflate: _i, deflate: _d, inflated: _n, added: _a, ...r }) => r)),
        inflateSeconds: round(median(floors.map((r) => r.inflate)), 3),
        deflateSeconds: round(median(floors.map((r) => r.deflate)), 3),
        inputMB: round(last.inflated / MB, 1),
        addedMB: round(last.added / MB, 1),
      };
    }
    if (los.length || loTimedOut)
      fig.libreoffice = {
        ...(los.length ? summary(los) : { seconds: NaN, cpuSeconds: NaN, peakMB: NaN, runs: [] }),
        timedOut: loTimedOut,
      };
    if (fig.grade && fig.floor) fig.gradeOverFloor = round(fig.grade.seconds / fig.floor.seconds);
    if (fig.grade && los.length)
      fig.gradeOverLibreOffice = round(fig.grade.seconds / fig.libreoffice!.seconds, 3);
    return fig;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureHelp(): Promise<WholeResult["help"]> {
  const runs: Run[] = [];
  const nodeRuns: Run[] = [];
  for (let k = 0; k < 5; k++) {
    const h = await child(process.execPath, [BIN, "--help"], { cwd: ROOT });
    if (h.status !== 0) throw new Error(`branch-grader --help exited ${h.status}: ${tail(h)}`);
    runs.push(runOf(h));
    const z = await child(process.execPath, ["-e", "0"], { cwd: ROOT });
    nodeRuns.push(runOf(z));
  }
  return {
    seconds: round(median(runs.map((r) => r.seconds)), 3),
    nodeSeconds: round(median(nodeRuns.map((r) => r.seconds)), 3),
    runs,
    nodeRuns,
  };
}

function aims(figures: WholeFigure[], help: WholeResult["help"]): WholeResult["aims"] {
  const out: WholeResult["aims"] = [];
  const at = (n: number) => figures.find((f) => f.branches === n && f.layout === "compact");
  const f100 = at(100_000);
  if (f100) {
    out.push({
      aim: "100,000: grade within 2× the floor",
      value: `${f100.gradeOverFloor ?? "?"}×`,
      met: f100.gradeOverFloor === null ? null : f100.gradeOverFloor <= 2,
    });
    out.push({
      aim: "100,000: grade at most 1/4 of LibreOffice's time",
      value: `${f100.gradeOverLibreOffice ?? "?"}×`,
      met: f100.gradeOverLibreOffice === null ? null : f100.gradeOverLibreOffice <= 0.25,
    });
  }
  const f1m = at(1_048_575);
  if (f1m) {
    out.push({
      aim: "1,048,575: under 60 s",
      value: `${f1m.grade?.seconds ?? "?"} s`,
      met: f1m.grade ? f1m.grade.seconds < 60 : null,
    });
    out.push({
      aim: "1,048,575: under 3 GB peak",
      value: `${f1m.grade?.peakMB ?? "?"} MB`,
      met: f1m.grade ? f1m.grade.peakMB < 3072 : null,
    });
  }
  out.push({ aim: "--help under 0.15 s", value: `${help.seconds} s`, met: help.seconds < 0.15 });
  return out;
}

const numbers = (s: string): number[] =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const n = Number(x.replace(/_/g, ""));
      if (!Number.isInteger(n) || n < 1) throw new Error(`not a branch count: ${x}`);
      return n;
    });

export async function run(): Promise<{ whole: WholeResult }> {
  const sizes = numbers(process.env.BENCH_WHOLE_SIZES ?? "10000,100000,1048575");
  const criteria = Number(process.env.BENCH_WHOLE_CRITERIA ?? 40);
  const loLayoutAt = numbers(process.env.BENCH_WHOLE_LO_LAYOUT_AT ?? "100000");
  const loTimeoutS = Number(process.env.BENCH_WHOLE_LO_TIMEOUT ?? 600);
  const runsOf = (n: number) => Number(process.env.BENCH_WHOLE_RUNS ?? (n <= 100_000 ? 3 : 1));
  const soffice = process.env.BENCH_WHOLE_LO === "0" ? null : findSoffice();
  if (!existsSync(join(ROOT, "dist-cli", "branch-grader.cjs")))
    process.stderr.write(
      "bench whole: no dist-cli/ bundle, so the CLI runs through tsx (node scripts/build-cli.mjs)\n",
    );

  if (soffice) {
    // LibreOffice's first start in a fresh profile creates it: do that outside the figures.
    const dir = mkdtempSync(join(os.tmpdir(), "bg-bench-whole-warm-"));
    try {
      const tiny = join(dir, "tiny.xlsx");
      writeLargeWorkbook(tiny, { branches: 10, layout: "compact", criteria });
      const w = await child(soffice, convertArgs(LO_PROFILE, "xlsx", join(dir, "o"), [tiny]), {
        cwd: dir,
        timeoutS: 300,
      });
      if (w.status !== 0) throw new Error(`LibreOffice could not convert a 10-branch workbook: ${tail(w)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const help = await measureHelp();
  process.stderr.write(`bench whole: --help ${help.seconds} s (node -e 0: ${help.nodeSeconds} s)\n`);
  const figures: WholeFigure[] = [];
  for (const n of sizes) {
    const layouts: Layout[] = loLayoutAt.includes(n) ? ["compact", "libreoffice"] : ["compact"];
    for (const layout of layouts)
      figures.push(await measureSize(n, criteria, layout, runsOf(n), soffice, loTimeoutS));
  }
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    soffice: soffice
      ? "LibreOffice " +
        (/[\d.]+/.exec(spawnSync(soffice, ["--version"], { encoding: "utf8" }).stdout ?? "")?.[0] ?? "?")
      : null,
    bundle: existsSync(join(ROOT, "dist-cli", "branch-grader.cjs")),
    measuredAt: new Date().toISOString(),
  };
  return { whole: { figures, help, aims: aims(figures, help), machine } };
}

if (require.main === module) benchMain("whole", run, "bench whole");
