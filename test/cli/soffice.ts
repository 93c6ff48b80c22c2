/**
 * LibreOffice (soffice --headless) as a second spreadsheet program: converts .xlsx files
 * with forced recalculation (a private profile with OOXMLRecalcMode = 0, "always"), so that
 * what it reads back are its own results, not our cached values.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export const INSTALL_HINT =
  "LibreOffice (soffice) is not installed: install it (Debian: apt-get install libreoffice-calc-nogui); CI installs it";

export function findSoffice(): string | null {
  for (const cmd of ["soffice", "libreoffice"]) {
    const r = spawnSync(cmd, ["--version"], { encoding: "utf8", timeout: 60_000 });
    if (r.status === 0) return cmd;
  }
  return null;
}

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh profile folder that makes LibreOffice recalculate every formula on load. */
export function recalcProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), "lo-profile-"));
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(join(dir, "user", "registrymodifications.xcu"), XCU);
  return dir;
}

/** soffice's arguments for converting `files` to `format` in outDir with the profile at `profileUrl`. */
export function convertArgs(profileUrl: string, format: string, outDir: string, files: string[]): string[] {
  return [
    `-env:UserInstallation=${profileUrl}`,
    "--headless",
    "--norestore",
    "--convert-to",
    format,
    "--outdir",
    outDir,
    ...files,
  ];
}

export interface ConvertResult {
  outputs: string[];
  seconds: number;
}

/**
 * Converts the files (in one soffice call) to `format` ("xlsx", "csv", ...) in outDir;
 * returns the output paths in input order. Throws with soffice's output on failure.
 */
export function convert(
  soffice: string,
  files: string[],
  format: string,
  outDir: string,
  profile = recalcProfile(),
): ConvertResult {
  const t0 = performance.now();
  const r = spawnSync(soffice, convertArgs(`file://${profile}`, format, outDir, files), {
    encoding: "utf8",
    timeout: 600_000,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}\n${r.stdout}`);
  const ext = format.split(":")[0];
  const outputs = files.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, `.${ext}`)));
  return { outputs, seconds };
}

/**
 * The raw cached <v> text of every formula cell of a sheet, by address. exceljs drops a
 * formula result of 0 when reading (it reads `<v>0</v>` as no result), so the cross-check
 * reads those values from the XML itself.
 */
export async function formulaValues(bytes: Uint8Array, sheetName: string): Promise<Map<string, string>> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(bytes);
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const esc = (s: string) =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const sheet = new RegExp(`<sheet [^>]*name="${esc(sheetName)}"[^>]*r:id="([^"]+)"`).exec(workbook);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rel =
    new RegExp(`<Relationship [^>]*Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${sheet[1]}"`).exec(rels);
  if (!rel) throw new Error(`no relationship ${sheet[1]}`);
  const path = rel[1].startsWith("/") ? rel[1].slice(1) : `xl/${rel[1]}`;
  const xml = (await zip.file(path)?.async("string")) ?? "";
  const out = new Map<string, string>();
  for (const m of xml.matchAll(
    /<c r="([A-Z]+\d+)"[^>]*>(?:(?!<\/c>).)*?<f[^>]*>(?:(?!<\/c>).)*?<v>([^<]*)<\/v><\/c>/gs,
  ))
    out.set(m[1], m[2]);
  return out;
}
