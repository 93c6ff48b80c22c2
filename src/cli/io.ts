/**
 * File I/O of the command line (DOMAIN §8): nothing the user has is lost. The output may
 * not be the input; an existing file is replaced only with --force; bytes go to a hidden
 * temporary file beside the target, removed on every exit path (errors, SIGINT, SIGTERM,
 * SIGHUP), and renamed into place when complete. Failures become one line chosen by the
 * real cause (errno), never a stack trace.
 */
import { promises as fs, realpathSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { WorkbookFileError } from "../host/file";
import { CliError, msg } from "./messages";

function codeOf(e: unknown): string {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
}

export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    const buf = await fs.readFile(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    const code = codeOf(e);
    if (code === "ENOENT") throw new CliError(msg.notFound(path));
    if (code === "EISDIR") throw new CliError(msg.isDir(path));
    if (code === "EACCES" || code === "EPERM") throw new CliError(msg.noAccess(path));
    if (code === "EBUSY") throw new CliError(msg.busy(path));
    if (code === "ERR_FS_FILE_TOO_LARGE" || code === "ERR_STRING_TOO_LONG")
      throw new CliError(msg.tooLarge(path));
    throw new CliError(msg.cannotRead(path, code || String(e)));
  }
}

/** One line for a failed write, by its cause. */
export function writeError(path: string, e: unknown): CliError {
  const code = codeOf(e);
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return new CliError(msg.noFolder(dirname(path)));
    case "ENOSPC":
    case "EDQUOT":
      return new CliError(msg.diskFull(path));
    case "EBUSY":
    case "ETXTBSY":
      return new CliError(msg.busy(path));
    case "EACCES":
    case "EPERM":
      return new CliError(msg.noWriteAccess(path));
    case "EROFS":
      return new CliError(msg.readOnly(path));
    case "EISDIR":
      return new CliError(msg.isDir(path));
    case "ENAMETOOLONG":
      return new CliError(msg.nameTooLong(path));
    default:
      return new CliError(msg.cannotWrite(path, code || (e instanceof Error ? e.message : String(e))));
  }
}

/** Temporary files being written, removed if the process is told to stop. */
const pending = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const EXIT_CODE = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
function onSignal(signal: (typeof SIGNALS)[number]): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone.
    }
  }
  process.exit(EXIT_CODE[signal]);
}
const handlers = SIGNALS.map((s) => [s, () => onSignal(s)] as const);

function guard(tmp: string): void {
  if (pending.size === 0) for (const [s, h] of handlers) process.on(s, h);
  pending.add(tmp);
}

function release(tmp: string): void {
  pending.delete(tmp);
  if (pending.size === 0) for (const [s, h] of handlers) process.off(s, h);
}

export interface WriteOptions {
  /** Replace an existing file (--force). */
  force?: boolean;
}

/**
 * Writes through a temporary file beside the target, then renames: a half-written output
 * never appears, and an interrupted run leaves nothing behind.
 */
export async function writeBytes(
  path: string,
  bytes: Uint8Array | string | readonly Uint8Array[],
  options: WriteOptions = {},
): Promise<void> {
  if (!options.force && exists(path)) throw new CliError(msg.exists(path));
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  guard(tmp);
  try {
    const handle = await fs.open(tmp, "wx");
    try {
      const parts =
        typeof bytes === "string"
          ? [new TextEncoder().encode(bytes)]
          : bytes instanceof Uint8Array
            ? [bytes]
            : bytes;
      // Written in pieces, so that a Ctrl-C is handled between them.
      for (const data of parts)
        for (let at = 0; at < data.length; at += 1 << 23)
          await handle.write(data.subarray(at, at + (1 << 23)));
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw writeError(path, e);
  } finally {
    release(tmp);
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** IN.xlsx → IN-<suffix>.xlsx beside it (an .xlsm stays .xlsm). */
export function defaultOutputPath(input: string, suffix: string): string {
  const ext = extname(input);
  const stem = basename(input, ext);
  const keep = /^\.xls[xm]$/i.test(ext) ? ext.toLowerCase() : ".xlsx";
  return join(dirname(input), `${stem}-${suffix}${keep}`);
}

/** IN.xlsx → IN-已定级.xlsx beside it (an .xlsm stays .xlsm). */
export function defaultGradedPath(input: string): string {
  return defaultOutputPath(input, "已定级");
}

/**
 * Where a command writes its copy of the input: -o, else IN-<suffix>.xlsx beside it. Checked
 * before any reading or grading: not the input, a suitable name, an existing folder, and an
 * existing file only with --force. Check the name again (`checkOutputName`) once the
 * workbook is open and known to be a macro workbook or not.
 */
export function copyPaths(
  cwd: string,
  inPath: string,
  a: { output?: string; force: boolean },
  suffix: string,
): { input: string; out: string } {
  const input = resolve(cwd, inPath);
  const out = a.output !== undefined ? resolve(cwd, a.output) : defaultOutputPath(input, suffix);
  if (samePath(input, out)) throw new CliError(msg.sameFile(out));
  checkOutputName(out, /\.xlsm$/i.test(out));
  checkFolder(out);
  if (!a.force && exists(out)) throw new CliError(msg.exists(out));
  return { input, out };
}

/** The output's extension must suit the workbook: .xlsm for a macro workbook, else .xlsx. */
export function checkOutputName(path: string, macro = false): void {
  const ext = extname(path).toLowerCase();
  if (macro && ext !== ".xlsm") throw new CliError(msg.needXlsm(path));
  if (!macro && ext !== ".xlsx")
    throw new CliError(ext === ".xlsm" ? msg.notMacro(path) : msg.notXlsxName(path));
}

/** Whether two paths name the same file (symlinks and hard links included). */
export function samePath(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    if (realpathSync(a) === realpathSync(b)) return true;
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Whether a folder can take a new file (checked before long work, so it fails fast). */
export function checkFolder(path: string): void {
  const dir = dirname(path);
  try {
    if (!statSync(dir).isDirectory()) throw new CliError(msg.noFolder(dir));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw writeError(path, e);
  }
}

/** A file that cannot be opened as a workbook: one line naming it. */
export function openError(path: string, e: unknown): never {
  if (e instanceof WorkbookFileError) throw new CliError(msg.inFile(path, e.message));
  throw e;
}
