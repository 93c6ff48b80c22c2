#!/usr/bin/env node
// branch-grader: runs the prebuilt bundle (dist-cli/, made by `npm run build` and by npm's
// prepare step); in a checkout without it, src/cli/main.ts through tsx (a dependency).
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);

/**
 * A big workbook is read into millions of small values that all survive, and with V8's
 * default young generation (16 MB semi-spaces) each is copied by several scavenges. With
 * 64 MB semi-spaces a 1,048,575-branch, 40-criterion grade spent 3.0 s in scavenges instead
 * of 7.5 s and 1.4 s in full collections instead of 4.3 s (--trace-gc, same machine, one
 * after the other), for about 110 MB more memory; at 100,000 branches the difference was
 * within run-to-run noise. V8 takes heap sizes only at start, so for a big input the command
 * runs again in a child that has them. BRANCH_GRADER_TUNE_MB sets the input size from which
 * this happens (default 32 MB, about 150,000 branches × 40 criteria).
 */
const TUNING = ["--max-semi-space-size=64"];
const tuneFrom = Number(process.env.BRANCH_GRADER_TUNE_MB ?? 32) * 2 ** 20;

function bigInput() {
  if (process.env.BRANCH_GRADER_TUNED === "1") return false;
  if (process.execArgv.some((a) => a.startsWith("--max-semi-space-size"))) return false;
  return args.some((a) => {
    try {
      const s = statSync(a);
      return s.isFile() && s.size >= tuneFrom;
    } catch {
      return false;
    }
  });
}

if (bigInput()) {
  if (process.env.BRANCH_GRADER_DEBUG) process.stderr.write(`tuned: ${TUNING.join(" ")}\n`);
  const child = spawn(
    process.execPath,
    [...TUNING, ...process.execArgv, fileURLToPath(import.meta.url), ...args],
    {
      stdio: "inherit",
      env: { ...process.env, BRANCH_GRADER_TUNED: "1" },
    },
  );
  // The child removes its temporary file and exits 130/143/129 on these; this process only
  // passes them on (a terminal's Ctrl+C reaches both) and waits for it.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("error", () => {
    process.stderr.write("无法启动 / cannot start: " + process.execPath + "\n");
    process.exit(1);
  });
  const byShell = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  child.on("exit", (code, signal) => process.exit(code ?? byShell[signal] ?? 1));
} else {
  const bundle = join(root, "dist-cli", "branch-grader.cjs");
  let main;
  if (existsSync(bundle)) main = createRequire(import.meta.url)(bundle).main;
  else {
    const { register: registerEsm } = await import("tsx/esm/api");
    const { register: registerCjs } = await import("tsx/cjs/api");
    registerEsm();
    registerCjs();
    // The package is CommonJS, so tsx loads main.ts as CJS: its exports arrive on `default`.
    const mod = await import(join(root, "src", "cli", "main.ts"));
    main = mod.main ?? mod.default?.main;
  }
  process.exitCode = await main(args, root);
}
