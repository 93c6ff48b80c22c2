import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { consolidateBytes } from "../../src/cli/consolidate";
import { gradeBytes } from "../../src/cli/grade";
import { sampleSheets } from "../../src/cli/sample";
import { cli, loadWorkbook, tempDir, workbookFrom } from "./helpers";

jest.setTimeout(60_000);

/** One sample split by 上级党组织 into two units' workbooks, each graded on its own. */
async function twoUnits(): Promise<{
  a: Uint8Array;
  b: Uint8Array;
  whole: Awaited<ReturnType<typeof gradeBytes>>;
  merged: Awaited<ReturnType<typeof gradeBytes>>;
}> {
  const s = sampleSheets({ branches: 48, seed: 5 });
  const groupsA = new Set(["城关街道党工委", "青山镇党委", "经济开发区党工委"]);
  const idsOf = (inA: boolean) =>
    new Set<unknown>(
      s.branches
        .slice(1)
        .filter((r) => groupsA.has(String(r[2])) === inA)
        .map((r) => r[0]),
    );
  const rowsOf = (grid: unknown[][], inA: boolean) => {
    const ids = idsOf(inA);
    return grid.slice(1).filter((r) => ids.has(r[0]));
  };
  const pick = (inA: boolean) =>
    workbookFrom({
      设置: s.settings,
      标准: s.rubric,
      组织: [s.branches[0], ...rowsOf(s.branches, inA)],
      评分: [s.scores[0], ...rowsOf(s.scores, inA)],
    });
  const ga = await gradeBytes(await pick(true));
  const gb = await gradeBytes(await pick(false));
  if (!ga.ok || !gb.ok) throw new Error("units must grade");
  // Quotas group by 上级党组织, so grading the whole gives the same tiers as the two units.
  const whole = await gradeBytes(
    await workbookFrom({ 设置: s.settings, 标准: s.rubric, 组织: s.branches, 评分: s.scores }),
  );
  // The merged workbook: 甲's branches, then 乙's, in the order consolidate reads them.
  const merged = await gradeBytes(
    await workbookFrom({
      设置: s.settings,
      标准: s.rubric,
      组织: [s.branches[0], ...rowsOf(s.branches, true), ...rowsOf(s.branches, false)],
      评分: [s.scores[0], ...rowsOf(s.scores, true), ...rowsOf(s.scores, false)],
    }),
  );
  return { a: ga.bytes, b: gb.bytes, whole, merged };
}

describe("branch-grader consolidate", () => {
  it("merges the units' 结果 rows and recomputes 汇总 and 晋位升级 at the combined level", async () => {
    const { a, b, whole } = await twoUnits();
    if (!whole.ok) throw new Error("whole must grade");
    const r = await consolidateBytes([
      { label: "甲.xlsx", bytes: a },
      { label: "乙.xlsx", bytes: b },
    ]);
    if (!r.ok) throw new Error(r.errors.join("\n"));
    expect(r.summary.branches).toBe(48);
    expect(r.summary.counts).toEqual(whole.summary.counts);
    const byGroup = (x: typeof r.summary) => Object.fromEntries(x.byGroup.map((g) => [g.group, g.counts]));
    expect(byGroup(r.summary)).toEqual(byGroup(whole.summary));
    const key = (t: { group: string; target: string }) => `${t.group}/${t.target}`;
    const sortT = (ts: typeof r.summary.targets) => [...ts].sort((x, y) => key(x).localeCompare(key(y)));
    expect(sortT(r.summary.targets)).toEqual(sortT(whole.summary.targets));
    const wb = await loadWorkbook(r.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["结果", "晋位升级", "汇总", "公示", "_branch_grader"]);
    expect(wb.getWorksheet("结果")!.rowCount).toBe(49);
  });

  it("writes what grade writes for the merged workbook: 结果, 晋位升级, 汇总, 公示 and the summary", async () => {
    const { a, b, merged } = await twoUnits();
    if (!merged.ok) throw new Error("the merged workbook must grade");
    const r = await consolidateBytes([
      { label: "甲.xlsx", bytes: a },
      { label: "乙.xlsx", bytes: b },
    ]);
    if (!r.ok) throw new Error(r.errors.join("\n"));
    const sheet = (outputs: typeof r.outputs, name: string) => outputs.find((o) => o.name === name);
    for (const name of ["结果", "晋位升级", "汇总", "公示"]) {
      const mine = sheet(r.outputs, name);
      const graded = sheet(merged.outputs, name);
      // Rows, formulas and layouts alike.
      expect([name, mine]).toEqual([name, graded]);
    }
    expect(r.summary).toEqual(merged.summary);
    // Not vacuous: 48 branches, both units' groups, targets per group and 合计.
    expect(sheet(r.outputs, "结果")!.rows).toHaveLength(49);
    expect(r.summary.byGroup.length).toBeGreaterThan(3);
    expect(sheet(r.outputs, "晋位升级")!.rows.length).toBeGreaterThan(r.summary.byGroup.length);
  });

  it("refuses a 组织编码 that appears in two files, naming both", async () => {
    const { a } = await twoUnits();
    const dir = tempDir();
    writeFileSync(join(dir, "甲.xlsx"), a);
    writeFileSync(join(dir, "甲副本.xlsx"), a);
    const r = await cli(["consolidate", "甲.xlsx", "甲副本.xlsx", "-o", "汇总.xlsx"], dir);
    expect(r.code).toBe(2);
    const first = r.err.split("\n")[0];
    expect(first).toMatch(/组织编码 \S+ 同时出现在 甲\.xlsx 和 甲副本\.xlsx 中/);
  });

  it("runs from the command line and refuses an ungraded workbook", async () => {
    const { a, b } = await twoUnits();
    const dir = tempDir();
    writeFileSync(join(dir, "甲.xlsx"), a);
    writeFileSync(join(dir, "乙.xlsx"), b);
    const ok = await cli(["consolidate", "甲.xlsx", "乙.xlsx", "-o", "汇总.xlsx"], dir);
    expect(ok.err).toBe("");
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, "汇总.xlsx")).length).toBeGreaterThan(0);
    const s = sampleSheets({ branches: 6 });
    writeFileSync(
      join(dir, "未定级.xlsx"),
      await workbookFrom({ 设置: s.settings, 标准: s.rubric, 组织: s.branches, 评分: s.scores }),
    );
    const no = await cli(["consolidate", "甲.xlsx", "未定级.xlsx", "-o", "x.xlsx"], dir);
    expect(no.code).toBe(2);
    expect(no.err).toMatch(/未定级\.xlsx：不是已定级的工作簿/);
    const noOut = await cli(["consolidate", "甲.xlsx"], dir);
    expect(noOut.code).toBe(2);
  });
});
