/** Shared helpers of the CLI and file-host tests. */
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCli, type CliEnv } from "../../src/cli/main";

export const ROOT = resolve(__dirname, "..", "..");

export function tempDir(prefix = "bg-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A workbook with these sheets (rows of plain values), as .xlsx bytes. */
export async function workbookFrom(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 1);
      r.forEach((v, c) => {
        if (v !== "" && v !== null && v !== undefined) row.getCell(c + 1).value = v as ExcelJS.CellValue;
      });
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return wb;
}

export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(argv: string[], cwd: string): Promise<Captured> {
  let out = "";
  let err = "";
  const env: CliEnv = { cwd, root: ROOT, stdout: (s) => (out += s), stderr: (s) => (err += s) };
  const code = await runCli(argv, env);
  return { code, out, err };
}
