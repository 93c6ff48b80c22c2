/**
 * The record outputs through the command line's code (gradeBytes): written with the other
 * outputs, 督办通知 print-ready (A4, one page per block), and removed when their input goes;
 * `template --records` with the four record sheets.
 */
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gradeBytes } from "../../src/cli/grade";
import { templateSheetsFor } from "../../src/cli/template";
import { TemplateWorkbook } from "../../src/host/file-exceljs";
import {
  gradeWorkbook,
  RECORD_OUTPUT_SHEETS,
  TEMPLATE_VALIDATION_ROWS,
  type Sheets,
  outputRows,
} from "../../src/engine";
import { loadWorkbook, workbookFrom } from "./helpers";

jest.setTimeout(60_000);

const fixture = (name: string): Sheets =>
  (
    JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "records", name, "input.json"), "utf8")) as {
      sheets: Sheets;
    }
  ).sheets;

/** r01's ledger with r02's members and points and r03's meetings (their 组织编码 are r01's too). */
function allRecords(): Sheets {
  const s = fixture("r01-ledger-letters");
  const p = fixture("r02-points-warnings");
  return { ...s, 党员: p["党员"]!, 积分: p["积分"]!, 会议记录: fixture("r03-meetings-midyear")["会议记录"]! };
}

test("grade writes the six record outputs with the others, equal to the engine's", async () => {
  const sheets = allRecords();
  const r = await gradeBytes(await workbookFrom(sheets as Record<string, unknown[][]>));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`).join("\n"));
  const names = r.outputs.map((o) => o.name).filter((n) => n !== "提示");
  expect(names).toEqual(["结果", "晋位升级", "汇总", "公示", ...RECORD_OUTPUT_SHEETS]);
  const engine = gradeWorkbook(sheets);
  if (!engine.ok) throw new Error("engine");
  for (const n of RECORD_OUTPUT_SHEETS)
    expect(r.outputs.find((o) => o.name === n)!.rows).toEqual(outputRows(engine.outputs, n));
  const wb = await loadWorkbook(r.bytes);
  const letters = wb.getWorksheet("督办通知")!;
  expect(letters.getCell("A1").value).toBe("约谈单（甲党委）");
  expect(letters.pageSetup.paperSize).toBe(9);
  // The sheet's XML carries the breaks after rows 8, 14 and 18 (exceljs does not read them back).
  const parts = unzipSync(r.bytes);
  const xml = Object.entries(parts)
    .filter(([k]) => k.startsWith("xl/worksheets/sheet"))
    .map(([, v]) => strFromU8(v))
    .find((x) => x.includes("约谈单（甲党委）"))!;
  expect([...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([8, 14, 18]);
  // 完成时限 is a date cell: the serial with a date format.
  expect(wb.getWorksheet("整改明细")!.getCell("F2").numFmt).toBe("yyyy-mm-dd");
});

test("regrading without the record sheets removes their outputs (ours only)", async () => {
  const first = await gradeBytes(await workbookFrom(allRecords() as Record<string, unknown[][]>));
  if (!first.ok) throw new Error("first");
  const wb = await loadWorkbook(first.bytes);
  for (const n of ["整改台账", "党员", "积分", "会议记录"]) wb.removeWorksheet(wb.getWorksheet(n)!.id);
  const again = await gradeBytes(new Uint8Array(await wb.xlsx.writeBuffer()));
  if (!again.ok) throw new Error("again");
  const names = (await loadWorkbook(again.bytes)).worksheets.map((w) => w.name);
  for (const n of RECORD_OUTPUT_SHEETS) expect(names).not.toContain(n);
  expect(names).toContain("结果");
});

test("template --records adds the four record sheets with dropdowns and date columns", async () => {
  const fw = TemplateWorkbook.create();
  fw.addTemplateSheets(templateSheetsFor(undefined, true), TEMPLATE_VALIDATION_ROWS);
  const wb = await loadWorkbook(await fw.save());
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "设置",
    "标准",
    "组织",
    "评分",
    "整改台账",
    "党员",
    "积分",
    "会议记录",
  ]);
  const ledger = wb.getWorksheet("整改台账")!;
  expect(ledger.getRow(1).values).toEqual([
    undefined,
    ...[
      "组织编码",
      "问题",
      "严重程度",
      "基本目标",
      "具体事项",
      "主要措施",
      "完成时限",
      "责任人",
      "整改类型",
      "状态",
      "销号日期",
    ],
  ]);
  expect(ledger.getCell("J2").dataValidation).toMatchObject({
    type: "list",
    formulae: ['"未整改,整改中,已销号"'],
  });
  expect(ledger.getCell("C2").dataValidation).toMatchObject({ type: "list", formulae: ['"一般,较重,严重"'] });
  expect(ledger.getCell("G2").dataValidation).toMatchObject({ type: "date" });
  expect(wb.getWorksheet("会议记录")!.getCell("B2").dataValidation.formulae).toEqual([
    '"支部党员大会,支部委员会,党小组会,党课,主题党日,组织生活会"',
  ]);
  expect(wb.getWorksheet("积分")!.getCell("D2").dataValidation).toMatchObject({ type: "date" });
});
