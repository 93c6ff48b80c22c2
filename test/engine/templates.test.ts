/**
 * The published rubric patterns (shared/RUBRICS.md) shipped as templates: each is graded
 * from its own sample and must give the 结果 of the hand calculation in
 * test/fixtures/templates/<id>/why.md.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  RUBRIC_TEMPLATES,
  RULE_SHEET,
  findRubricTemplate,
  gradeWorkbook,
  rubricTemplateSheets,
  type Problem,
  type Sheets,
  outputRows,
} from "../../src/engine";

const dir = path.join(__dirname, "..", "fixtures", "templates");

interface Expected {
  结果: unknown[][];
  notices: Problem[];
}

test("the catalog holds the published patterns, found by Chinese name or id", () => {
  expect(RUBRIC_TEMPLATES.map((t) => t.name)).toEqual([
    "五个好",
    "星级评定",
    "积分制",
    "三方加权分领域",
    "五星创评",
    "五维五百分",
    "排名赋分",
  ]);
  expect(findRubricTemplate(" 星级评定 ")?.id).toBe("star-rating");
  expect(findRubricTemplate("Star-Rating")?.name).toBe("星级评定");
  expect(findRubricTemplate("星级")).toBeUndefined();
});

describe.each(RUBRIC_TEMPLATES.map((t) => [t.name, t] as const))("template %s", (_, t) => {
  const sheets = rubricTemplateSheets(t);

  test("has the four input sheets, sample rows and a 说明 of its rule", () => {
    expect(sheets.map((s) => s.name)).toEqual(["设置", "标准", "组织", "评分", RULE_SHEET]);
    expect(sheets[2]!.rows.length).toBeGreaterThanOrEqual(4); // header + at least three branches
    expect(sheets[3]!.rows.length).toBe(sheets[2]!.rows.length);
    const rule = sheets[4]!.rows.map((r) => String(r[0]));
    expect(rule[0]).toBe(`标准模板：${t.name}`);
    expect(rule.length).toBeGreaterThan(1);
    // Every 评分 row holds one value per header.
    for (const row of sheets[3]!.rows) expect(row.length).toBe(sheets[3]!.rows[0]!.length);
  });

  test("grades its own sample as the hand calculation says (why.md)", () => {
    expect(fs.existsSync(path.join(dir, t.id, "why.md"))).toBe(true);
    const expected = JSON.parse(fs.readFileSync(path.join(dir, t.id, "expected.json"), "utf8")) as Expected;
    const input: Sheets = Object.fromEntries(sheets.map((s) => [s.name, s.rows]));
    const res = gradeWorkbook(input, { asOf: new Date(2026, 10, 1) });
    if (!res.ok) throw new Error(res.problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`).join("\n"));
    expect(outputRows(res.outputs, "结果")).toEqual(expected.结果);
    expect(res.notices.map((p) => `${p.sheet}!${p.cell} ${p.message}`)).toEqual(
      expected.notices.map((p) => `${p.sheet}!${p.cell} ${p.message}`),
    );
  });
});
