import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defaultGradedPath } from "../../src/cli/io";
import { sampleSheets } from "../../src/cli/sample";
import * as bad from "../fixtures/xlsx/bad-files";
import { ROOT, cli, loadWorkbook, tempDir, workbookFrom } from "./helpers";

jest.setTimeout(60_000);

const BIN = join(ROOT, "bin", "branch-grader.mjs");

function sheetsOf(s = sampleSheets({ branches: 24 })): Record<string, unknown[][]> {
  return { 设置: s.settings, 标准: s.rubric, 组织: s.branches, 评分: s.scores };
}

describe("branch-grader grade", () => {
  it("writes IN-已定级.xlsx beside IN with the output sheets, prints the summary, exits 0", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "考评.xlsx"), await workbookFrom(sheetsOf()));
    const r = await cli(["grade", "考评.xlsx", "--json", "摘要.json"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("等次分布 / Tiers by 上级党组织");
    expect(r.out).toContain("晋位升级 / Promotion targets");
    const out = join(dir, "考评-已定级.xlsx");
    const wb = await loadWorkbook(readFileSync(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "设置",
      "标准",
      "组织",
      "评分",
      "结果",
      "晋位升级",
      "汇总",
      "公示",
      "_branch_grader",
    ]);
    const json = JSON.parse(readFileSync(join(dir, "摘要.json"), "utf8")) as {
      ok: boolean;
      summary: { branches: number };
    };
    expect(json).toMatchObject({ ok: true, summary: { branches: 24 } });
  });

  it("prints the notices after the summary and writes them to 提示; a later run without notices removes it", async () => {
    const sheets = sheetsOf();
    const prev = sheets["组织"]![0]!.indexOf("上期等次");
    const noPrevious = sheets["组织"]!.map((r, i) => (i === 0 ? r : r.map((v, c) => (c === prev ? "" : v))));
    const dir = tempDir();
    writeFileSync(join(dir, "考评.xlsx"), await workbookFrom({ ...sheets, 组织: noPrevious }));
    const r = await cli(["grade", "考评.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/提示 \/ Notes \(1\):\n {2}组织![A-Z]+1: 没有任何组织填写上期等次/);
    const graded = await loadWorkbook(readFileSync(join(dir, "考评-已定级.xlsx")));
    const notices = graded.getWorksheet("提示")!;
    expect(notices.getRow(1).values).toEqual([undefined, "工作表", "单元格", "说明"]);
    // The clerk fills in 上期等次 and grades the graded file again: no notice, no 提示 sheet.
    const org = graded.getWorksheet("组织")!;
    for (let i = 2; i <= org.rowCount; i++) org.getRow(i).getCell(prev + 1).value = "一般";
    writeFileSync(join(dir, "再评.xlsx"), new Uint8Array(await graded.xlsx.writeBuffer()));
    const again = await cli(["grade", "再评.xlsx"], dir);
    expect(again.code).toBe(0);
    expect(again.out).not.toContain("提示 / Notes");
    const regraded = await loadWorkbook(readFileSync(join(dir, "再评-已定级.xlsx")));
    expect(regraded.getWorksheet("提示")).toBeUndefined();
  });

  it("honours --as-of and refuses a malformed one", async () => {
    const dir = tempDir();
    const s = sampleSheets({ branches: 12 });
    const settings = s.settings.filter((r) => r[0] !== "统计日期");
    writeFileSync(join(dir, "a.xlsx"), await workbookFrom(sheetsOf({ ...s, settings })));
    const ok = await cli(["grade", "a.xlsx", "-o", "b.xlsx", "--as-of", "2025-06-30"], dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("as of 2025-06-30");
    const badDate = await cli(["grade", "a.xlsx", "--as-of", "2025-13-01"], dir);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toMatch(/^错误 \/ Error: --as-of 的日期“2025-13-01”无效/);
  });

  it("prints every problem with its address, writes no results, exits 2; with -o writes a 问题 sheet", async () => {
    const dir = tempDir();
    const s = sampleSheets({ branches: 12 });
    s.scores[3][1] = 99; // A01 满分 10
    s.scores[5][5] = "两次"; // C01 count as text
    s.branches[2][3] = "火星"; // unknown 领域
    writeFileSync(join(dir, "bad.xlsx"), await workbookFrom(sheetsOf(s)));
    const r = await cli(["grade", "bad.xlsx"], dir);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n");
    expect(lines[0]).toMatch(/^输入有误，共 3 个问题/);
    expect(lines.slice(1)).toHaveLength(3);
    for (const line of lines.slice(1)) expect(line).toMatch(/^(组织|评分)![A-Z]+\d+: /);
    expect(lines.some((l) => l.startsWith("评分!B4: "))).toBe(true);
    expect(lines.some((l) => l.startsWith("评分!F6: "))).toBe(true);
    expect(lines.some((l) => l.startsWith("组织!D3: "))).toBe(true);
    expect(existsSync(defaultGradedPath(join(dir, "bad.xlsx")))).toBe(false);

    const withOut = await cli(["grade", "bad.xlsx", "-o", "检查.xlsx"], dir);
    expect(withOut.code).toBe(2);
    const wb = await loadWorkbook(readFileSync(join(dir, "检查.xlsx")));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "设置",
      "标准",
      "组织",
      "评分",
      "问题",
      "_branch_grader",
    ]);
    expect(wb.getWorksheet("问题")!.getRow(1).values).toEqual([undefined, "工作表", "单元格", "问题"]);
    expect(wb.getWorksheet("问题")!.rowCount).toBe(4);
  });

  const badFiles: [string, () => Uint8Array | Promise<Uint8Array>, RegExp][] = [
    ["password-protected", bad.encryptedXlsx, /设有打开密码/],
    ["damaged", bad.truncatedXlsx, /已损坏/],
    ["a text (CSV) file", bad.textFile, /文本（CSV）文件.*另存为 \.xlsx/],
    ["a legacy xls", bad.legacyXls, /旧版 \.xls/],
    ["empty", () => new Uint8Array(0), /文件是空的/],
  ];
  it.each(badFiles)("a %s file gets one clear line and exit 2", async (_l, make, pattern) => {
    const dir = tempDir();
    writeFileSync(join(dir, "x.xlsx"), await make());
    const r = await cli(["grade", "x.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(pattern);
    expect(r.err).not.toMatch(/\bat .*\(|Error: .*\n\s+at /);
  });

  it("a missing file, a folder, a wrong output name: one line, exit 2", async () => {
    const dir = tempDir();
    for (const argv of [
      ["grade", "无此文件.xlsx"],
      ["grade", "."],
      ["grade", "a.xlsx", "-o", "out.csv"],
      ["grade"],
      ["frobnicate"],
      ["grade", "--bogus"],
    ]) {
      const r = await cli(argv, dir);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.err.trim().split("\n")[0]).toMatch(/^(错误 \/ Error|缺少命令)/);
    }
  });
});

describe("branch-grader template", () => {
  it("writes a ready-to-fill workbook that grades once branches are filled in", async () => {
    const dir = tempDir();
    const r = await cli(["template", "-o", "模板.xlsx"], dir);
    expect(r.code).toBe(0);
    const wb = await loadWorkbook(readFileSync(join(dir, "模板.xlsx")));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["设置", "标准", "组织", "评分"]);
    const rubric = wb.getWorksheet("标准")!;
    expect(rubric.getCell("E2").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"评分,扣分,加分,达标,频次,否决,减分,排名,比例"'],
    });
    expect(rubric.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(wb.getWorksheet("组织")!.getCell("G2").dataValidation).toMatchObject({ formulae: ['"是,否"'] });
    expect(wb.getWorksheet("组织")!.getCell("A1").note).toBeTruthy();
    // Fill one branch and grade it.
    const org = wb.getWorksheet("组织")!;
    org.addRow(["Z001", "第一党支部", "某党委", "机关", 12, "一般", "否", ""]);
    wb.getWorksheet("评分")!.addRow(["Z001", 9, "是", 14, 0, 24, 12, "是", 14, 14, 1, "否", "否", 92, 0.95]);
    writeFileSync(join(dir, "填好.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
    const g = await cli(["grade", "填好.xlsx"], dir);
    expect(g.err).toBe("");
    expect(g.code).toBe(0);
  });

  it("--rubric 积分制 writes that published pattern with its sample branches, which grade as they are", async () => {
    const dir = tempDir();
    const r = await cli(["template", "--rubric", "积分制", "-o", "积分制.xlsx"], dir);
    expect(r.code).toBe(0);
    const wb = await loadWorkbook(readFileSync(join(dir, "积分制.xlsx")));
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["设置", "标准", "组织", "评分", "说明"]),
    );
    const settings = wb
      .getWorksheet("设置")!
      .getSheetValues()
      .map((row) => (Array.isArray(row) ? row.slice(1, 3) : []));
    expect(settings).toContainEqual(["基准分", 100]);
    const g = await cli(["grade", "积分制.xlsx"], dir);
    expect(g.code).toBe(0);
  });

  it("--rubric with an unknown name lists the choices in one line, exit 2", async () => {
    const r = await cli(["template", "--rubric", "没有这个"], tempDir());
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/没有名为“没有这个”的标准模板.*积分制/);
  });
});

describe("the command as a process", () => {
  const run = (args: string[], cwd: string) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60_000 });

  it("--help lists the commands in Chinese and English", () => {
    const r = run(["--help"], ROOT);
    expect(r.status).toBe(0);
    for (const c of ["grade", "template", "demo", "consolidate", "用法 / Usage"])
      expect(r.stdout).toContain(c);
  });

  it("demo grades the bundled sample into ./示例-已定级.xlsx", () => {
    const dir = tempDir();
    const r = run(["demo"], dir);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/定级完成 \/ Graded: 300 个党组织/);
    expect(existsSync(join(dir, "示例-已定级.xlsx"))).toBe(true);
  });

  it("a damaged file: exit 2, one line on stderr, no stack trace", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "坏.xlsx"), bad.encryptedXlsx());
    const r = run(["grade", "坏.xlsx"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^错误 \/ Error: 坏\.xlsx：工作簿设有打开密码/);
  });
});
