/**
 * Workbooks as offices keep them (DOMAIN §7.1) are graded through the one input reader to the
 * same outputs as their contract-form twins; what the reader cannot use is said in notices.
 */
import { gradeWorkbook, problemText, type Problem } from "../../src/engine";
import type { Grid } from "../../src/engine/types";
import type { MergeRange } from "../../src/host/headers";
import { gradeInputs, inspectWorkbook, missingRequiredSheets, readInputs } from "../../src/host/inputs";
import { MemoryPort } from "../fakes/memory-port";
import { branches, oneScoreSheet, perGroupSheets, twin, WRONG_TOTALS, GROUPS } from "../fakes/office-grids";

const AS_OF = new Date(Date.UTC(2024, 11, 31));

class MergePort extends MemoryPort {
  constructor(
    sheets: Record<string, Grid>,
    private readonly merges: Record<string, MergeRange[]>,
  ) {
    super(sheets);
  }
  async readMerges(names: string[]): Promise<Record<string, MergeRange[]>> {
    return Object.fromEntries(names.filter((n) => this.merges[n]).map((n) => [n, this.merges[n]!]));
  }
}

async function gradeThrough(port: MemoryPort, mapping = {}) {
  const states = await inspectWorkbook(port, mapping);
  const read = await readInputs(port, states, mapping);
  return { states, read, result: gradeInputs(read, { asOf: AS_OF }) };
}

function outputsOf(r: ReturnType<typeof gradeWorkbook>) {
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 5)));
  return Object.fromEntries(r.outputs.filter((o) => o.name !== "提示").map((o) => [o.name, o.rows]));
}

const byCell = (ns: Problem[]) => ns.map((n) => `${n.sheet}!${n.cell}`);

describe("office workbooks graded as their contract twins", () => {
  const bs = branches();
  const want = outputsOf(gradeWorkbook(twin(bs), { asOf: AS_OF }));

  it("one sheet per 上级党组织, title rows, two-row merged headers, no codes, no 标准", async () => {
    const { sheets, merges } = perGroupSheets(bs);
    const { states, result } = await gradeThrough(new MergePort(sheets, merges));
    expect(missingRequiredSheets(states)).toEqual([]);
    expect(outputsOf(result)).toEqual(want);
    // The hand-typed 总分 of three rows differs from the computed 上级评定: each is named.
    if (!result.ok) return;
    const totals = result.notices.filter((n) => n.message.includes("总分（100分）"));
    const rows = WRONG_TOTALS.map(([g, k]) => `${GROUPS[g]}!N${5 + k}`);
    expect(byCell(totals).sort()).toEqual([...rows].sort());
    const first = bs.filter((b) => b.group === GROUPS[0])[1]!;
    expect(totals.find((n) => n.sheet === GROUPS[0])!.message).toContain(
      `填的是 ${(first.total + 2).toFixed(2)}，按标准算得上级评定 ${first.total.toFixed(2)}`,
    );
  });

  it("the same sheets without merge ranges (a blank header cell takes the label above it)", async () => {
    const { sheets } = perGroupSheets(bs);
    const { result } = await gradeThrough(new MemoryPort(sheets));
    expect(outputsOf(result)).toEqual(want);
  });

  it("one 评分表 with every synonym and the three forms of points note", async () => {
    const { read, result } = await gradeThrough(new MemoryPort(oneScoreSheet(bs)));
    expect(outputsOf(result)).toEqual(outputsOf(gradeWorkbook(twin(bs, true), { asOf: AS_OF })));
    // 合计 is right on every row: no notice at all.
    expect(result.ok && result.notices).toEqual([]);
    expect(read.found).toMatchObject({
      kind: "office",
      sheets: ["评分表"],
      branches: 12,
      criteria: 6,
      maxTotal: 100,
      absent: ["直接定级"],
      noCodes: true,
      headerRows: { 评分表: 2 },
    });
  });

  it("says what it found: 3 sheets, 12 branches, 6 items of 100 points, no 领域 or 直接定级", async () => {
    const { sheets, merges } = perGroupSheets(bs);
    const { read } = await gradeThrough(new MergePort(sheets, merges));
    expect(read.found).toMatchObject({
      sheets: GROUPS,
      branches: 12,
      criteria: 6,
      maxTotal: 100,
      absent: ["领域", "直接定级"],
      headerRows: { 城关镇党委: 3, 机关工委: 3, 教育党委: 3 },
    });
  });

  it("a look-alike column is named in a notice at its own cell, never ignored silently", async () => {
    const { sheets } = perGroupSheets(bs);
    for (const g of GROUPS) sheets[g]![2]![3] = "上年考核等次";
    const { result } = await gradeThrough(new MemoryPort(sheets));
    if (!result.ok) throw new Error("not graded");
    const look = result.notices.filter((n) => n.message.includes("上年考核等次"));
    expect(byCell(look)).toEqual([`${GROUPS[0]}!D3`]);
    expect(look[0]!.message).toContain("「上期等次」");
    // No 上期等次 at all: every 晋位升级 base is 0, and that is said too.
    expect(result.notices.some((n) => n.message.includes("基数都为 0"))).toBe(true);
  });

  it("a missing column is asked for on the header row actually used, not row 1", async () => {
    const g = twin(bs);
    const title = ["2024年度党支部名册"];
    const org = [title, ...g["组织"]!.map((r) => r.slice(0, 3))];
    const { result } = await gradeThrough(new MemoryPort({ ...g, 组织: org }));
    if (result.ok) throw new Error("graded without 领域");
    const p = result.problems.find((x) => x.message.includes("缺少列「领域」"))!;
    expect(p).toMatchObject({
      sheet: "组织",
      cell: "D2",
      message: expect.stringContaining("请在第 2 行加上这一列标题"),
      id: "headerMissing",
    });
    // The English text names the same row.
    expect(problemText(p, "en-US")).toBe(
      'Column "领域" (or in English sector) is missing; add this header in row 2',
    );
  });

  it("names a problem in an office sheet by that sheet and cell", async () => {
    const { sheets } = perGroupSheets(bs);
    sheets[GROUPS[1]]![6]![7] = 99; // 队伍建设 (15 分) of the third branch of 机关工委
    const { result } = await gradeThrough(new MemoryPort(sheets));
    if (result.ok) throw new Error("graded a score above 满分");
    expect(byCell(result.problems)).toEqual([`${GROUPS[1]}!H7`]);
  });

  it("the same criterion with other points on another sheet is a problem naming both cells", async () => {
    const { sheets } = perGroupSheets(bs);
    sheets[GROUPS[2]]![3]![5] = "班子建设（20分）";
    const { result } = await gradeThrough(new MemoryPort(sheets));
    if (result.ok) throw new Error("graded with two 满分 for one criterion");
    expect(result.problems).toMatchObject([
      {
        sheet: GROUPS[2],
        cell: "F4",
        message: `指标「班子建设」在这里是 20 分，在「${GROUPS[0]}」F4 是 15 分：同一指标的分值应一致`,
        id: "pointsConflict",
      },
    ]);
    expect(result.problems.length).toBe(1);
  });

  it("a header row chosen by the user wins over the search", async () => {
    const g = twin(bs);
    const org = [["名册"], ["说明：下一行是表头"], ...g["组织"]!];
    const port = new MemoryPort({ ...g, 组织: org });
    const found = await inspectWorkbook(port, {});
    expect(found.find((s) => s.spec.name === "组织")!.headerRow).toBe(3);
    const chosen = await inspectWorkbook(port, {}, { 组织: 2 });
    const st = chosen.find((s) => s.spec.name === "组织")!;
    expect([st.headerRow, st.missing]).toEqual([2, ["组织编码", "组织名称", "上级党组织", "领域"]]);
  });

  it("设置 数据表 names the sheets read as one table, in its order", async () => {
    const { sheets } = perGroupSheets(bs);
    const listed = [GROUPS[2], GROUPS[0]];
    sheets["设置"] = [...sheets["设置"]!, ["数据表", listed.join("、")]];
    const { read, result } = await gradeThrough(new MemoryPort(sheets));
    expect(read.found.sheets).toEqual(listed);
    const kept = [...bs.filter((b) => b.group === listed[0]), ...bs.filter((b) => b.group === listed[1])];
    const want = gradeWorkbook(twin(kept), { asOf: AS_OF });
    expect(outputsOf(result)).toEqual(outputsOf(want));
  });
});
