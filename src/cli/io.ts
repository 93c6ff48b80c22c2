/** File I/O of the command line: clear messages for the usual failures, atomic writes. */
import { promises as fs } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
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
    throw e;
  }
}

/** Writes through a temporary file beside the target, then renames (no half-written .xlsx). */
export async function writeBytes(path: string, bytes: Uint8Array | string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = codeOf(e);
    if (["ENOENT", "EACCES", "EPERM", "EBUSY", "EISDIR", "EROFS", "ENOSPC"].includes(code)) {
      throw new CliError(msg.cannotWrite(path, code));
    }
    throw e;
  }
}

/** IN.xlsx → IN-已定级.xlsx beside it. */
export function defaultGradedPath(input: string): string {
  const ext = extname(input);
  const stem = basename(input, ext);
  return join(dirname(input), `${stem}-已定级${ext.toLowerCase() === ".xlsx" ? ext : ".xlsx"}`);
}

export function checkXlsxName(path: string): void {
  if (extname(path).toLowerCase() !== ".xlsx") throw new CliError(msg.notXlsxName(path));
}

export function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}
