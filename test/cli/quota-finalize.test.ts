/**
 * `branch-grader quota` and `branch-grader finalize`: the pane's 名额 and 定稿 from the
 * command line, checked against a hand calculation, with the file safety of grade.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, cli, loadWorkbook, tempDir, workbookFrom } from "./helpers";

jest.setTimeout(60_000);

const BIN = join(ROOT, "bin", "branch-grader.mjs");

/**
 * Ten branches, 分数线 90/70 (the defaults). By hand, 先进 now (≥ 90): 甲党委 95, 92, 91 → 3;
 * 乙党委 99, 90 → 2; 丙党委 94 → 1. 上期 后进: 甲党委 A4, A5 → 2; 乙党委 B3 → 1; 丙党委 C2 → 1.
 */
function fixture(): Promise<Uint8Array> {
  const branch = (id: string, parent: string, previous: string) => [
    id,
    `${id}支部`,
    parent,
    "农村",
    previous,
  ];
  const branches = [
    branch("A1", "甲党委", "先进"),
    branch("A2", "甲党委", "一般"),
    branch("A3", "甲党委", "一般"),
    branch("A4", "甲党委", "后进"),
    branch("A5", "甲党委", "后进"),
    branch("B1", "乙党委", "先进"),
    branch("B2", "乙党委", "一般"),
    branch("B3", "乙党委", "后进"),
    branch("C1", "丙党委", "一般"),
    branch("C2", "丙党委", "后进"),
  ];
  const scores = [95, 92, 91, 80, 60, 99, 90, 50, 94, 71];
  return workbookFrom({
    设置: [
      ["项目", "值"],
      ["统计日期", "2026-11-01"],
    ],
    标准: [
      ["指标编码", "指标名称", "类型", "满分", "否决后果"],
      ["J1", "班子建设", "评分", 100, ""],
      ["V1", "严重违纪", "否决", "", ""],
    ],
    组织: [["组织编码", "组织名称", "上级党组织", "领域", "上期等次"], ...branches],
    评分: [["组织编码", "J1", "V1"], ...branches.map((b, i) => [b[0], scores[i], "否"])],
  });
}

async function rowsOf(bytes: Uint8Array, sheet: string): Promise<unknown[][]> {
  const wb = await loadWorkbook(bytes);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no ${sheet}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("branch-grader quota", () => {
  it("splits 示范点 by the 先进 now per 上级党组织 (largest remainder) into IN-名额分配.xlsx", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "考评.xlsx"), await fixture());
    const r = await cli(["quota", "考评.xlsx", "--total", "4"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const out = join(dir, "考评-名额分配.xlsx");
    // Bases 3, 2, 1 (Σ 6); 4 × 3/6 = 2, 4 × 2/6 = 1.33, 4 × 1/6 = 0.67 → floors 2, 1, 0;
    // the one left goes to the largest remainder (丙党委, 0.67) → 2, 1, 1.
    expect(await rowsOf(readFileSync(out), "名额分配")).toEqual([
      ["上级党组织", "基数", "计算名额", "调整后名额"],
      ["甲党委", 3, 2, 2],
      ["乙党委", 2, 1, 1],
      ["丙党委", 1, 1, 1],
      ["合计", 6, 4, 4],
    ]);
    // The input sheets are kept in the copy.
    const wb = await loadWorkbook(readFileSync(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["设置", "标准", "组织", "评分"]),
    );
    expect(r.out).toMatch(/丙党委\s+1\s+1\s+1/);
  });

  it("--kind a 晋位升级 target splits over its base (上期 in the from tier); --adjust is written as typed", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "考评.xlsx"), await fixture());
    const r = await cli(
      ["quota", "考评.xlsx", "--kind", "后进转化", "--total", "3", "--adjust", "2,1,1", "-o", "转化.xlsx"],
      dir,
    );
    expect(r.code).toBe(0);
    // Bases 2, 1, 1 (Σ 4): 1.5, 0.75, 0.75 → floors 1, 0, 0; two left: remainders 0.75 (乙, 丙)
    // before 0.5 (甲) → 1, 1, 1. Adjusted 2, 1, 1 sums to 4 ≠ 3: written, with a note.
    expect(await rowsOf(readFileSync(join(dir, "转化.xlsx")), "名额分配")).toEqual([
      ["上级党组织", "基数", "计算名额", "调整后名额"],
      ["甲党委", 2, 1, 2],
      ["乙党委", 1, 1, 1],
      ["丙党委", 1, 1, 1],
      ["合计", 4, 3, 4],
    ]);
    expect(r.err).toMatch(/调整后合计 4 与总名额 3 不同/);
  });

  it("refuses what cannot be split, an unknown kind, a missing --total: one line, exit 2, nothing written", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "考评.xlsx"), await fixture());
    const over = await cli(["quota", "考评.xlsx", "--total", "7"], dir);
    expect(over.code).toBe(2);
    expect(over.err.trim().split("\n")).toEqual([expect.stringMatching(/总数 7 超过各基数之和 6/)]);
    const kind = await cli(["quota", "考评.xlsx", "--total", "1", "--kind", "没有"], dir);
    expect(kind.code).toBe(2);
    expect(kind.err).toMatch(/没有名为“没有”的名额类别，可选：示范点、后进转化、一般晋级、先进示范/);
    const none = await cli(["quota", "考评.xlsx"], dir);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/--total/);
    expect(existsSync(join(dir, "考评-名额分配.xlsx"))).toBe(false);
  });

  it("keeps the file safety of grade: never the input, no overwrite without --force", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "考评.xlsx"), await fixture());
    const same = await cli(["quota", "考评.xlsx", "--total", "1", "-o", "考评.xlsx"], dir);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/输出文件不能与输入文件相同/);
    writeFileSync(join(dir, "已有.xlsx"), "mine");
    const kept = await cli(["quota", "考评.xlsx", "--total", "1", "-o", "已有.xlsx"], dir);
    expect(kept.code).toBe(2);
    expect(readFileSync(join(dir, "已有.xlsx"), "utf8")).toBe("mine");
    const forced = await cli(["quota", "考评.xlsx", "--total", "1", "-o", "已有.xlsx", "--force"], dir);
    expect(forced.code).toBe(0);
  });
});

describe("branch-grader finalize", () => {
  it("adds the engine's 说明 and protects the output sheets of a graded copy", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "考评.xlsx"), await fixture());
    expect((await cli(["grade", "考评.xlsx"], dir)).code).toBe(0);
    const r = await cli(["finalize", "考评-已定级.xlsx"], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/定稿完成：替换了 0 个 DJ\.\* 公式/);
    const bytes = readFileSync(join(dir, "考评-已定级-定稿.xlsx"));
    const items = new Map((await rowsOf(bytes, "说明")).map((row) => [row[0], row[1]]));
    expect(items.get("分数线")).toBe("先进 ≥ 90；一般 ≥ 70；后进 < 70");
    expect(items.get("否决项")).toBe("V1 严重违纪 → 末等（后进）");
    expect(items.get("统计日期")).toBe("2026-11-01");
    expect(String(items.get("定稿时间"))).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const wb = await loadWorkbook(bytes);
    const isProtected = (name: string) =>
      Boolean(
        (wb.getWorksheet(name) as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection
          ?.sheet,
      );
    for (const name of ["结果", "晋位升级", "汇总", "公示", "说明"])
      expect([name, isProtected(name)]).toEqual([name, true]);
    for (const name of ["设置", "组织", "评分"]) expect([name, isProtected(name)]).toEqual([name, false]);
  });

  it("--no-protect protects nothing; -o may not be the input", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "考评.xlsx"), await fixture());
    const r = await cli(["finalize", "考评.xlsx", "--no-protect", "-o", "审阅.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/保护了 无/);
    const same = await cli(["finalize", "考评.xlsx", "-o", "考评.xlsx"], dir);
    expect(same.code).toBe(2);
  });
});

describe("the commands as a process", () => {
  it("--help names quota and finalize; quota runs from the bin", async () => {
    const run = (args: string[], cwd: string) =>
      spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
    const help = run(["--help"], ROOT);
    expect(help.stdout).toMatch(/branch-grader quota 输入\.xlsx --total/);
    expect(help.stdout).toMatch(/branch-grader finalize 输入\.xlsx/);
    const dir = tempDir();
    writeFileSync(join(dir, "考评.xlsx"), await fixture());
    const r = run(["quota", "考评.xlsx", "--total", "4"], dir);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, "考评-名额分配.xlsx"))).toBe(true);
  });
});
