/**
 * Runs a command as a child process and measures it: wall time, and peak memory (max RSS)
 * with user and system CPU seconds from GNU time (`/usr/bin/time -v -o FILE`). Without GNU
 * time, a Node command is measured by a preloaded hook that writes process.resourceUsage()
 * at exit (rss-hook.cjs); other commands then get wall time only.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

export const GNU_TIME = "/usr/bin/time";

export interface Measured {
  status: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
  /** Peak resident memory in MB (MiB), NaN when it could not be measured. */
  peakMB: number;
  userSeconds: number;
  systemSeconds: number;
  /** 1-minute load average before and after the run. */
  load: [number, number];
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  cwd?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

function field(report: string, name: string): number {
  const m = new RegExp(`${name.replace(/[()]/g, "\\$&")}: *([\\d.:]+)`).exec(report);
  return m ? Number(m[1]) : NaN;
}

export function measure(cmd: string, args: string[], options: MeasureOptions = {}): Measured {
  const dir = mkdtempSync(join(tmpdir(), "bg-measure-"));
  const report = join(dir, "report.txt");
  const gnu = existsSync(GNU_TIME);
  const isNode = cmd === process.execPath;
  const [file, argv] = gnu
    ? [GNU_TIME, ["-v", "-o", report, cmd, ...args]]
    : isNode
      ? [cmd, ["--require", join(__dirname, "rss-hook.cjs"), ...args]]
      : [cmd, args];
  const load0 = loadavg()[0];
  const t0 = performance.now();
  const r = spawnSync(file, argv, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, BG_RSS_REPORT: report },
    encoding: "utf8",
    maxBuffer: 256 << 20,
    timeout: options.timeoutMs ?? 3_600_000,
  });
  const seconds = (performance.now() - t0) / 1000;
  const text = existsSync(report) ? readFileSync(report, "utf8") : "";
  rmSync(dir, { recursive: true, force: true });
  // GNU time runs the command (status and signal are the command's, reported by time).
  let status = r.status;
  if (gnu && text) {
    const sig = /Command terminated by signal (\d+)/.exec(text);
    if (sig) status = 128 + Number(sig[1]);
  }
  return {
    status,
    signal: r.signal,
    seconds,
    peakMB: Math.round(field(text, "Maximum resident set size (kbytes)") / 1024),
    userSeconds: field(text, "User time (seconds)"),
    systemSeconds: field(text, "System time (seconds)"),
    load: [load0, loadavg()[0]],
    stdout: r.stdout ?? "",
    stderr: r.stderr ?? "",
  };
}
