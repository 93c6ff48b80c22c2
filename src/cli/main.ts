/**
 * branch-grader: the command line. `runCli(argv, env)` returns the exit code (0 ok,
 * 2 bad input or file, 1 unexpected) and never throws; bin/branch-grader.mjs calls `main`.
 */
import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatProblem, parseExcelDate } from "../engine";
import { templateSheetsFor } from "./template";
import { WorkbookFileError, XlsxWorkbook } from "../host/file";
import { nodeCodec } from "./node-codec";
import { SheetOwnershipError } from "../host/ownership";
import { consolidateBytes, type ConsolidateInput } from "./consolidate";
import { gradeBytes } from "./grade";
import { finalizeCommand } from "./finalize";
import { importCommand } from "./import";
import { quotaCommand } from "./quota";
import { checkFolder, checkOutputName, copyPaths, openError, readBytes, samePath, writeBytes } from "./io";
import { CliError, HELP, msg } from "./messages";
import { formatSummary } from "./summary";
import { plainText } from "./text";

export interface CliEnv {
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** The package root (where assets/ lives). */
  root: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const VERSION = "0.1.0";
export const SAMPLE_ASSET = join("assets", "示例.xlsx");

interface Parsed {
  positionals: string[];
  output?: string;
  json?: string;
  asOf?: string;
  force: boolean;
  rubric?: string;
  records: boolean;
  total?: string;
  kind?: string;
  adjust?: string;
  noProtect: boolean;
}

function parse(args: string[]): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: "string", short: "o" },
        json: { type: "string" },
        "as-of": { type: "string" },
        force: { type: "boolean", default: false },
        rubric: { type: "string" },
        records: { type: "boolean", default: false },
        total: { type: "string" },
        kind: { type: "string" },
        adjust: { type: "string" },
        "no-protect": { type: "boolean", default: false },
      },
    });
    return {
      positionals,
      output: values.output,
      json: values.json,
      asOf: values["as-of"],
      force: values.force === true,
      rubric: values.rubric,
      records: values.records === true,
      total: values.total,
      kind: values.kind,
      adjust: values.adjust,
      noProtect: values["no-protect"] === true,
    };
  } catch (e) {
    throw new CliError(msg.badArgs(e instanceof Error ? e.message : String(e)));
  }
}

function asOfDate(s: string | undefined): Date | undefined {
  if (s === undefined) return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(s) ? parseExcelDate(s) : null;
  if (iso === null) throw new CliError(msg.badDate(s));
  return new Date(`${iso}T00:00:00Z`);
}

async function writeJson(env: CliEnv, path: string | undefined, data: unknown): Promise<void> {
  if (path === undefined) return;
  const p = resolve(env.cwd, path);
  await writeBytes(p, JSON.stringify(data, null, 2) + "\n", { force: true });
  env.stdout(msg.jsonWritten(p) + "\n");
}

function exists(path: string): boolean {
  return existsSync(path);
}

async function grade(env: CliEnv, inPath: string, a: Parsed): Promise<number> {
  // Fail fast, before reading and grading: the name, the folder, an existing file.
  const { input, out } = copyPaths(env.cwd, inPath, a, "已定级");
  const asOf = asOfDate(a.asOf);
  const bytes = await readBytes(input);
  const outcome = await gradeBytes(bytes, { asOf, problemsCopy: a.output !== undefined }).catch(
    (e: unknown) => openError(inPath, e),
  );
  checkOutputName(out, outcome.macro);
  const write = { force: a.force };
  if (!outcome.ok) {
    env.stderr(msg.invalidInput(outcome.problems.length) + "\n");
    for (const p of outcome.problems) env.stderr(formatProblem(p) + "\n");
    if (outcome.problems.some((p) => p.message.startsWith("缺少工作表")))
      env.stderr(msg.missingSheetsHint + "\n");
    if (outcome.chunks) {
      await writeBytes(out, outcome.chunks, write);
      env.stderr(msg.problemsWritten(out) + "\n");
    }
    await writeJson(env, a.json, { ok: false, input, problems: outcome.problems });
    return 2;
  }
  await writeBytes(out, outcome.chunks, write);
  env.stdout(formatSummary(outcome.summary, outcome.warnings));
  env.stdout(msg.written(out) + "\n");
  await writeJson(env, a.json, {
    ok: true,
    input,
    output: out,
    summary: outcome.summary,
    warnings: outcome.warnings,
  });
  return 0;
}

async function template(env: CliEnv, a: Parsed): Promise<number> {
  const out = resolve(env.cwd, a.output ?? "考评模板.xlsx");
  checkOutputName(out);
  if (!a.force && exists(out)) throw new CliError(msg.exists(out));
  // The same template writer as the task pane's 开始 step (the zip-level file host).
  const fw = XlsxWorkbook.create({ codec: nodeCodec() });
  await fw.createTemplate(templateSheetsFor(a.rubric, a.records));
  await writeBytes(out, fw.save(), { force: a.force });
  env.stdout(msg.templateWritten(out) + "\n");
  return 0;
}

async function consolidate(env: CliEnv, a: Parsed): Promise<number> {
  if (a.positionals.length < 1) throw new CliError(msg.needTwo);
  if (a.output === undefined) throw new CliError(msg.needOutput);
  const out = resolve(env.cwd, a.output);
  checkOutputName(out);
  checkFolder(out);
  if (!a.force && exists(out)) throw new CliError(msg.exists(out));
  const inputs: ConsolidateInput[] = [];
  for (const p of a.positionals) {
    const path = resolve(env.cwd, p);
    if (samePath(path, out)) throw new CliError(msg.sameFile(p));
    inputs.push({ label: basename(p), bytes: await readBytes(path) });
  }
  const outcome = await consolidateBytes(inputs);
  if (!outcome.ok) {
    for (const line of outcome.errors) env.stderr(msg.error(line) + "\n");
    return 2;
  }
  await writeBytes(out, outcome.bytes, { force: a.force });
  env.stdout(formatSummary(outcome.summary, outcome.warnings));
  env.stdout(msg.written(out) + "\n");
  await writeJson(env, a.json, { ok: true, inputs: a.positionals, output: out, summary: outcome.summary });
  return 0;
}

async function dispatch(argv: string[], env: CliEnv): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    env.stderr(msg.noCommand + "\n\n" + HELP);
    return 2;
  }
  if (command === "help" || command === "--help" || command === "-h") {
    env.stdout(HELP);
    return 0;
  }
  if (command === "--version" || command === "-v" || command === "version") {
    env.stdout(`branch-grader ${VERSION}\n`);
    return 0;
  }
  const a = parse(rest);
  if (rest.includes("--help") || rest.includes("-h")) {
    env.stdout(HELP);
    return 0;
  }
  switch (command) {
    case "grade":
      if (a.positionals.length === 0) throw new CliError(msg.needInput);
      if (a.positionals.length > 1) throw new CliError(msg.oneInput);
      return grade(env, a.positionals[0], a);
    case "demo": {
      if (a.positionals.length > 0) throw new CliError(msg.badArgs(a.positionals.join(" ")));
      const sample = join(env.root, SAMPLE_ASSET);
      return grade(env, sample, { ...a, output: a.output ?? join(env.cwd, "示例-已定级.xlsx") });
    }
    case "template":
      if (a.positionals.length > 0) throw new CliError(msg.badArgs(a.positionals.join(" ")));
      return template(env, a);
    case "consolidate":
      return consolidate(env, a);
    case "import":
      return importCommand(env, a);
    case "quota":
      return quotaCommand(env, { ...a, asOf: asOfDate(a.asOf) });
    case "finalize":
      return finalizeCommand(env, a);
    default:
      throw new CliError(msg.unknownCommand(command));
  }
}

/** Runs one command; returns the exit code. */
export async function runCli(argv: string[], rawEnv: CliEnv): Promise<number> {
  // Cell text reaches the terminal in messages: never its control characters.
  const env: CliEnv = {
    ...rawEnv,
    stdout: (s) => rawEnv.stdout(plainText(s)),
    stderr: (s) => rawEnv.stderr(plainText(s)),
  };
  try {
    return await dispatch(argv, env);
  } catch (e) {
    if (e instanceof CliError) {
      env.stderr(msg.error(e.message) + "\n");
      return e.exitCode;
    }
    if (e instanceof WorkbookFileError || e instanceof SheetOwnershipError) {
      env.stderr(msg.error(e.message) + "\n");
      return 2;
    }
    // One line; the stack only when asked for (BRANCH_GRADER_DEBUG=1).
    const detail = e instanceof Error ? e.message : String(e);
    env.stderr(msg.unexpected(detail.split("\n")[0] ?? "") + "\n");
    if (process.env.BRANCH_GRADER_DEBUG && e instanceof Error && e.stack) env.stderr(e.stack + "\n");
    return 1;
  }
}

/** The process entry: real stdout/stderr, the current directory. */
export async function main(argv: string[], root: string): Promise<number> {
  // `branch-grader demo | head`: a closed pipe is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  return runCli(argv, {
    cwd: process.cwd(),
    root,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  });
}
