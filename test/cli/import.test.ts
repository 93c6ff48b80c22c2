/**
 * `branch-grader import` (转换): the contract sheets derived from an office's sheets are added to
 * a copy, the office's sheets keep their values, and the copy grades as the contract twin.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gradeBytes } from "../../src/cli/grade";
import { importBytes } from "../../src/cli/import";
import { XlsxWorkbook } from "../../src/host/file";
import { branches, perGroupSheets, twin, GROUPS, CRITERIA } from "../fakes/office-grids";
import { cli, tempDir, workbookFrom } from "./helpers";

const AS_OF = new Date(Date.UTC(2024, 11, 31));

describe("branch-grader import", () => {
  const bs = branches();

  it("adds 标准, 组织 and 评分, keeps the office sheets, and the copy grades as the twin", async () => {
    const input = await workbookFrom(perGroupSheets(bs).sheets);
    const r = await importBytes(input);
    if (!r.ok) throw new Error(r.missing.join());
    expect(r.added).toEqual(["标准", "组织", "评分"]);
    const before = await XlsxWorkbook.open(input);
    const after = await XlsxWorkbook.open(r.bytes);
    expect(await after.readSheets(GROUPS)).toEqual(await before.readSheets(GROUPS));
    const got = await after.readSheets(["标准", "组织", "评分"]);
    expect(got["标准"]![1]!.slice(0, 6)).toEqual(["班子建设", "全部", "", "班子建设", "评分", 15]);
    expect(got["组织"]![1]!.slice(0, 4)).toEqual([bs[0]!.name, bs[0]!.name, GROUPS[0], ""]);
    expect(got["评分"]![0]).toEqual(["组织编码", ...CRITERIA.map(([n]) => n), "自评得分", "测评满意度"]);
    const graded = await gradeBytes(r.bytes, { asOf: AS_OF });
    const wanted = await gradeBytes(await workbookFrom(twin(bs)), { asOf: AS_OF });
    if (!graded.ok || !wanted.ok) throw new Error("not graded");
    const rows = (o: typeof graded) =>
      o.ok ? o.outputs.filter((x) => x.name !== "提示").map((x) => x.rows) : [];
    expect(rows(graded)).toEqual(rows(wanted));
  });

  it("runs as a command: writes the copy, refuses a workbook with nothing to convert", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "in.xlsx"), await workbookFrom(perGroupSheets(bs).sheets));
    const ok = await cli(["import", "in.xlsx", "-o", "out.xlsx"], dir);
    expect(ok).toMatchObject({ code: 0, out: expect.stringContaining("已新建 标准、组织、评分") });
    expect(readFileSync(join(dir, "out.xlsx")).length).toBeGreaterThan(0);
    writeFileSync(join(dir, "blank.xlsx"), await workbookFrom({ Sheet1: [["随便什么"]] }));
    const bad = await cli(["import", "blank.xlsx", "-o", "b.xlsx"], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("没有找到可以转换的表：缺少 标准、组织、评分");
  });

  it("grading a workbook without the sheets says what each needs and points to template and import", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "blank.xlsx"), await workbookFrom({ Sheet1: [["随便什么"]] }));
    const r = await cli(["grade", "blank.xlsx", "-o", "g.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "组织!A1: 缺少工作表「组织」（或英文名 branches），需要的列：组织编码、组织名称、上级党组织、领域。",
    );
    expect(r.err).toContain(
      "评分!A1: 缺少工作表「评分」（或英文名 scores），需要的列：组织编码（或组织名称）及每个指标一列。",
    );
    expect(r.err).toContain("branch-grader template");
    expect(r.err).toContain("branch-grader import");
  });
});
