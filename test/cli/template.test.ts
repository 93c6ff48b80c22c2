/**
 * `branch-grader template --rubric NAME` (src/cli/template.ts): the pattern's sheets, written
 * by the .xlsx template writer, grade as the hand calculation of its fixture says.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TEMPLATE_VALIDATION_ROWS } from "../../src/engine";
import { TemplateWorkbook } from "../../src/host/file-exceljs";
import { gradeBytes } from "../../src/cli/grade";
import { CliError } from "../../src/cli/messages";
import { templateSheetsFor } from "../../src/cli/template";

jest.setTimeout(60_000);

test("no --rubric: the blank template, as before", () => {
  expect(templateSheetsFor().map((s) => s.name)).toEqual(["设置", "标准", "组织", "评分"]);
});

test("--rubric 星级评定 writes a workbook that grades from its sample", async () => {
  const fw = TemplateWorkbook.create();
  fw.addTemplateSheets(templateSheetsFor("星级评定"), TEMPLATE_VALIDATION_ROWS);
  const r = await gradeBytes(await fw.save(), { asOf: new Date(2026, 10, 1) });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  const expected = JSON.parse(
    readFileSync(join(__dirname, "..", "fixtures", "templates", "star-rating", "expected.json"), "utf8"),
  ) as { 结果: unknown[][] };
  const rows = r.outputs.find((o) => o.name === "结果")!.rows;
  expect(rows).toEqual(expected.结果);
  expect(r.notices.map((p) => `${p.sheet}!${p.cell}`)).toEqual(["评分!F5"]);
});

test("an unknown name is one clear error listing the choices", () => {
  expect(() => templateSheetsFor("十佳")).toThrow(CliError);
  expect(() => templateSheetsFor("十佳")).toThrow(/星级评定（star-rating）/);
  expect(templateSheetsFor("rank-points")[1]!.rows[0]).toContain("排名分值");
});
