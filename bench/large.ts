/**
 * Issue #10 at full size: `branch-grader grade` (the whole process: `node bin/branch-grader.mjs`)
 * on a 1,048,575-branch workbook — Excel's last row — in both layouts of
 * test/large/make-workbook.ts (LibreOffice's verbose XML and Excel-like compact cells), wall
 * time, CPU time and peak memory (the child's max RSS, GNU time), beside LibreOffice merely
 * opening and saving the same file (`soffice --headless --convert-to xlsx`, wall time).
 * `ratio` = LibreOffice seconds / ours. Aims from the issue: under 60 s and 3 GB, faster
 * than LibreOffice.
 *
 *   npx tsx bench/large.ts           prints JSON
 *   npx tsx bench/large.ts --write   also stores it under "large" in bench/results.json
 *   npx tsx bench/run.ts large       the same through the bench runner
 *   BENCH_LARGE_LAYOUTS=compact BENCH_LARGE_BRANCHES=100000 BENCH_LARGE_LO=0 npx tsx bench/large.ts
 */
import { benchMain } from "./main";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { basename, join, resolve } from "node:path";
import { MAX_BRANCHES, writeLargeWorkbook, type Layout } from "../test/large/make-workbook";
import { measure, type Measured } from "../test/large/measure";
import { convertArgs, findSoffice } from "../test/cli/soffice";

const ROOT = resolve(__dirname, "..");
const BIN = join(ROOT, "bin", "branch-grader.mjs");
const MB = 2 ** 20;

export interface LargeFigure {
  branches: number;
  layout: Layout;
  /** The input .xlsx (deflate level 1) and its 评分 sheet's XML, MB. */
  inputMB: number;
  scoresXmlMB: number;
  generateSeconds: number;
  /** `grade`: wall seconds, CPU seconds (user + system), peak RSS MB, exit status. */
  seconds: number;
  cpuSeconds: number;
  peakMB: number;
  status: number | null;
  /** 1-minute load average before and after the grade run (2 shared cores). */
  loadBefore: number;
  loadAfter: number;
  libreoffice: { seconds: number; cpuSeconds: number; peakMB: number; status: number | null } | null;
  /** LibreOffice seconds / grade seconds. */
  ratio: number | null;
  error?: string;
}

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;
const tail = (m: Measured): string => (m.stderr || m.stdout).trim().split("\n").slice(-5).join("\n");

export interface LargeResult {
  figures: LargeFigure[];
  /** The machine and when (the load average is in each figure). */
  machine: Record<string, unknown>;
}

export async function run(): Promise<{ large: LargeResult }> {
  const branches = Number(process.env.BENCH_LARGE_BRANCHES ?? MAX_BRANCHES);
  const layouts = (process.env.BENCH_LARGE_LAYOUTS ?? "libreoffice,compact").split(",") as Layout[];
  const soffice = process.env.BENCH_LARGE_LO === "0" ? null : findSoffice();
  const large: LargeFigure[] = [];
  for (const layout of layouts) {
    const dir = mkdtempSync(join(os.tmpdir(), "bg-bench-large-"));
    try {
      const input = join(dir, `large-${layout}.xlsx`);
      const made = writeLargeWorkbook(input, { branches, layout });
      process.stderr.write(`bench large: ${layout} written (${round(made.fileBytes / MB, 1)} MB) …\n`);
      const g = measure(process.execPath, [BIN, "grade", input, "-o", join(dir, "graded.xlsx")], {
        cwd: dir,
      });
      const fig: LargeFigure = {
        branches,
        layout,
        inputMB: round(made.fileBytes / MB, 1),
        scoresXmlMB: round(made.parts[made.sheets["评分"]] / MB, 1),
        generateSeconds: round(made.seconds),
        seconds: round(g.seconds),
        cpuSeconds: round(g.userSeconds + g.systemSeconds),
        peakMB: g.peakMB,
        status: g.status,
        loadBefore: round(g.load[0]),
        loadAfter: round(g.load[1]),
        libreoffice: null,
        ratio: null,
      };
      if (g.status !== 0) fig.error = `grade: ${tail(g)}`;
      process.stderr.write(`bench large: ${layout} graded: ${JSON.stringify(fig)}\n`);
      if (soffice) {
        const outDir = join(dir, "lo");
        const lo = measure(soffice, convertArgs("file:///tmp/lo-profile-bench", "xlsx", outDir, [input]));
        const converted = join(outDir, basename(input));
        const ok = lo.status === 0 && existsSync(converted) && statSync(converted).size > 0;
        fig.libreoffice = {
          seconds: round(lo.seconds),
          cpuSeconds: round(lo.userSeconds + lo.systemSeconds),
          peakMB: lo.peakMB,
          status: ok ? lo.status : (lo.status ?? -1),
        };
        if (!ok) fig.error = `${fig.error ? fig.error + "; " : ""}libreoffice: ${tail(lo)}`;
        else if (g.status === 0) fig.ratio = round(lo.seconds / g.seconds);
        process.stderr.write(`bench large: ${layout} LibreOffice: ${JSON.stringify(fig.libreoffice)}\n`);
      }
      large.push(fig);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    soffice: soffice ? "LibreOffice " + (/[\d.]+/.exec(sofficeVersion(soffice))?.[0] ?? "?") : null,
    measuredAt: new Date().toISOString(),
  };
  return { large: { figures: large, machine } };
}

function sofficeVersion(soffice: string): string {
  return spawnSync(soffice, ["--version"], { encoding: "utf8" }).stdout ?? "";
}

if (require.main === module) benchMain("large", run, "bench large");
