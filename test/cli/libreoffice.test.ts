/**
 * Cross-check with a real spreadsheet program: LibreOffice opens the CLI's output, recalculates
 * every formula (forced), and what it reads in 结果, 晋位升级, 汇总 and 公示 must equal what
 * the engine produced, with no error cells. Fails (never skips) when soffice is missing.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { consolidateBytes } from "../../src/cli/consolidate";
import { gradeBytes } from "../../src/cli/grade";
import { buildSampleWorkbook, sampleSheets } from "../../src/cli/sample";
import { colLetter, isFormulaCell, type OutCell, type OutputSheet } from "../../src/engine";
import { loadWorkbook, tempDir, workbookFrom } from "./helpers";
import { INSTALL_HINT, convert, findSoffice, formulaValues } from "./soffice";

jest.setTimeout(120_000);

const ERROR_TEXT = /^(#(NAME\?|VALUE!|REF!|DIV\/0!|N\/A|NUM!|NULL!)|Err:\d+)/;

function expected(c: OutCell): string | number | boolean | null {
  const v = isFormulaCell(c) ? c.value : c;
  return v === "" ? null : v;
}

function actual(
  cell: ExcelJS.Cell,
  rawValue: string | undefined,
): { value: string | number | boolean | null; error: boolean; formula: boolean } {
  const v = cell.value;
  if (v === null || v === undefined) return { value: null, error: false, formula: false };
  if (typeof v === "object" && "error" in v) return { value: String(v.error), error: true, formula: false };
  if (typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    let res = (v as ExcelJS.CellFormulaValue).result;
    // exceljs reads a cached 0 as no result: take LibreOffice's <v> from the XML.
    if (res === undefined && rawValue === "0") res = 0;
    if (typeof res === "object" && res !== null && "error" in res)
      return { value: String(res.error), error: true, formula: true };
    const value = res === undefined || res === "" ? null : (res as string | number | boolean);
    return { value, error: typeof value === "string" && ERROR_TEXT.test(value), formula: true };
  }
  if (typeof v === "object" && "richText" in v)
    return { value: v.richText.map((t) => t.text).join(""), error: false, formula: false };
  const value = v as string | number | boolean;
  return { value, error: typeof value === "string" && ERROR_TEXT.test(value), formula: false };
}

/** Every mismatch between LibreOffice's reading of a sheet and the engine's grid. */
function compareSheet(
  ws: ExcelJS.Worksheet | undefined,
  sheet: OutputSheet,
  raw: Map<string, string>,
): string[] {
  if (!ws) return [`${sheet.name}: missing`];
  const diffs: string[] = [];
  const rows = Math.max(sheet.rows.length, ws.actualRowCount === 0 ? 0 : ws.rowCount);
  for (let r = 0; r < rows; r++) {
    const src = sheet.rows[r] ?? [];
    const width = Math.max(src.length, ws.getRow(r + 1).cellCount);
    for (let c = 0; c < width; c++) {
      const cell = ws.getRow(r + 1).getCell(c + 1);
      const at = `${colLetter(c)}${r + 1}`;
      const a = actual(cell, raw.get(at));
      const want = expected(src[c] ?? null);
      if (a.error) diffs.push(`${sheet.name}!${at}: error ${String(a.value)}`);
      const same =
        typeof want === "number" && typeof a.value === "number"
          ? Math.abs(want - a.value) < 1e-9
          : want === a.value;
      if (!same)
        diffs.push(
          `${sheet.name}!${at}: LibreOffice ${JSON.stringify(a.value)} ≠ engine ${JSON.stringify(want)}`,
        );
      if (isFormulaCell(src[c]) && !a.formula) diffs.push(`${sheet.name}!${at}: formula lost`);
    }
  }
  return diffs;
}

/** A workbook whose names and groups look like formulas or COUNTIFS patterns. */
async function trickyWorkbook(): Promise<Uint8Array> {
  const s = sampleSheets({ branches: 36, seed: 7 });
  s.branches[1][1] = "=SUM(1)";
  s.branches[2][1] = "+1";
  s.branches[3][1] = "@x";
  s.branches[4][1] = "-2";
  for (const row of s.branches.slice(1)) {
    if (row[2] === "城关街道党工委") row[2] = "城关*党工委";
    if (row[2] === "青山镇党委") row[2] = "=青山镇党委";
  }
  return workbookFrom({ 设置: s.settings, 标准: s.rubric, 组织: s.branches, 评分: s.scores });
}

describe("LibreOffice reads and recalculates the CLI's output as the engine computed it", () => {
  const soffice = findSoffice();
  const dir = tempDir("bg-lo-");
  const cases: { name: string; outputs: OutputSheet[]; file: string }[] = [];
  let lo: Map<string, ExcelJS.Workbook>;
  const raw = new Map<string, Map<string, string>>();

  beforeAll(async () => {
    if (!soffice) return;
    const demo = await gradeBytes(await buildSampleWorkbook());
    const tricky = await gradeBytes(await trickyWorkbook());
    if (!demo.ok || !tricky.ok) throw new Error("the fixtures must grade");
    const half = sampleSheets({ branches: 40, seed: 11 });
    const partA = await gradeBytes(
      await workbookFrom({
        设置: half.settings,
        标准: half.rubric,
        组织: half.branches.slice(0, 21),
        评分: half.scores.slice(0, 21),
      }),
    );
    const partB = await gradeBytes(
      await workbookFrom({
        设置: half.settings,
        标准: half.rubric,
        组织: [half.branches[0], ...half.branches.slice(21)],
        评分: [half.scores[0], ...half.scores.slice(21)],
      }),
    );
    if (!partA.ok || !partB.ok) throw new Error("the parts must grade");
    const merged = await consolidateBytes([
      { label: "甲.xlsx", bytes: partA.bytes },
      { label: "乙.xlsx", bytes: partB.bytes },
    ]);
    if (!merged.ok) throw new Error(merged.errors.join("\n"));
    // Sabotage: wrong cached values in 汇总; LibreOffice must recompute them.
    const sabotaged = await loadWorkbook(demo.bytes);
    sabotaged.getWorksheet("汇总")!.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === "object" && v !== null && "formula" in v)
          cell.value = { formula: (v as ExcelJS.CellFormulaValue).formula, result: 999 };
      }),
    );
    const files: [string, Uint8Array, OutputSheet[]][] = [
      ["demo.xlsx", demo.bytes, demo.outputs],
      ["tricky.xlsx", tricky.bytes, tricky.outputs],
      ["merged.xlsx", merged.bytes, merged.outputs],
      ["sabotaged.xlsx", new Uint8Array(await sabotaged.xlsx.writeBuffer()), demo.outputs],
    ];
    for (const [name, bytes, outputs] of files) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      cases.push({ name, outputs, file });
    }
    const { outputs } = convert(
      soffice,
      cases.map((c) => c.file),
      "xlsx",
      join(dir, "lo"),
    );
    lo = new Map();
    for (let i = 0; i < cases.length; i++) {
      const bytes = readFileSync(outputs[i]);
      lo.set(cases[i].name, await loadWorkbook(bytes));
      for (const sheet of cases[i].outputs)
        raw.set(`${cases[i].name}/${sheet.name}`, await formulaValues(bytes, sheet.name));
    }
  });

  it("has LibreOffice installed", () => {
    if (!soffice) throw new Error(INSTALL_HINT);
    expect(soffice).toBeTruthy();
  });

  it.each(["demo.xlsx", "tricky.xlsx", "merged.xlsx", "sabotaged.xlsx"])(
    "%s: 结果, 晋位升级, 汇总, 公示 match, no error cells",
    (name) => {
      if (!soffice) throw new Error(INSTALL_HINT);
      const c = cases.find((x) => x.name === name)!;
      const wb = lo.get(name)!;
      const diffs = c.outputs.flatMap((sheet) =>
        compareSheet(wb.getWorksheet(sheet.name), sheet, raw.get(`${name}/${sheet.name}`)!),
      );
      expect(diffs.slice(0, 20)).toEqual([]);
    },
  );

  it("the sabotaged cached values really were replaced by LibreOffice's own results", () => {
    if (!soffice) throw new Error(INSTALL_HINT);
    const wb = lo.get("sabotaged.xlsx")!;
    const b2 = wb.getWorksheet("汇总")!.getCell("B2").value as ExcelJS.CellFormulaValue;
    expect(b2.formula).toMatch(/COUNTIFS/);
    expect(b2.result).not.toBe(999);
  });

  it("formula-looking names stay text in 结果 and 公示", () => {
    if (!soffice) throw new Error(INSTALL_HINT);
    const wb = lo.get("tricky.xlsx")!;
    const names = new Set<unknown>();
    wb.getWorksheet("结果")!
      .getColumn(2)
      .eachCell((cell) => names.add(cell.value));
    for (const n of ["=SUM(1)", "+1", "@x", "-2"]) expect(names.has(n)).toBe(true);
  });
});
