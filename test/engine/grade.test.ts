/**
 * gradeWorkbook as the hosts use it: output sheets, layouts, 汇总 formulas, summary,
 * the contract helpers and the 问题 sheet.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  CONTRACT,
  OUTPUT_SHEETS,
  PROBLEMS_SHEET,
  RESULT_COL,
  gradeWorkbook,
  isFormulaCell,
  problemsSheet,
  resolveSheetName,
  type FormulaCell,
  type Sheets,
  outputRows,
} from "../../src/engine";

const sheets: Sheets = {
  设置: [
    ["项目", "值"],
    ["统计日期", "2026/11/1"],
  ],
  标准: [
    ["指标编码", "类型", "满分"],
    ["J1", "评分", 100],
  ],
  组织: [
    ["组织编码", "组织名称", "上级党组织", "领域", "上期等次", "示范点"],
    ["A", "一支部", "甲党委", "农村", "后进", ""],
    ["B", "二支部", "乙党委", "社区", "先进", "是"],
    ["C", "三支部", "甲党委", "社区", "一般", ""],
    ["D", "四支部", "*党委?", "农村", "", ""],
  ],
  评分: [
    ["组织编码", "J1"],
    ["A", 95],
    ["B", 75],
    ["C", 60],
    ["D", 91],
  ],
};

describe("gradeWorkbook outputs", () => {
  const res = gradeWorkbook(sheets, { asOf: new Date(2030, 0, 1) });
  if (!res.ok) throw new Error(JSON.stringify(res.problems));

  test("four output sheets in order, each with its layout", () => {
    expect(res.outputs.map((o) => o.name)).toEqual([...OUTPUT_SHEETS]);
    expect(res.outputs.map((o) => o.name)).toEqual([...OUTPUT_SHEETS]);
    const [result, promo, summary, posting] = res.outputs;
    expect(result!.layout.table).toEqual({ name: "结果表" });
    expect(result!.layout.freezeRows).toBe(1);
    expect(result!.layout.numberFormats[4]).toBe("0.00");
    expect(result!.layout.numberFormats[7]).toBe("0.00");
    expect(result!.layout.tierColumns).toEqual([9, 10]);
    expect(promo!.layout.statusColumns).toEqual([6]);
    expect(posting!.layout.table).toEqual({ name: "公示表" });
    expect(posting!.layout.print).toEqual({ repeatHeaderRows: 1, fitToWidth: true, landscape: false });
    expect(posting!.layout.tierColumns).toEqual([2]);
    expect(summary!.layout.numberFormats[5]).toBe("0.0%");
    for (const o of res.outputs) {
      const w = o.rows[0]!.length;
      for (const row of o.rows) expect(row).toHaveLength(w);
    }
  });

  test("公示 is sorted by group (order of 组织) then tier", () => {
    expect(outputRows(res.outputs, "公示")).toEqual([
      ["上级党组织", "组织名称", "等次"],
      ["甲党委", "一支部", "先进"],
      ["甲党委", "三支部", "后进"],
      ["乙党委", "二支部", "一般"],
      ["*党委?", "四支部", "先进"],
    ]);
  });

  test("汇总: COUNTIFS counts with cached values, EXACT for wildcard labels, shares as formulas", () => {
    const rows = outputRows(res.outputs, "汇总")!;
    expect(rows[0]).toEqual([
      "上级党组织",
      "先进",
      "一般",
      "后进",
      "合计",
      "先进占比",
      "一般占比",
      "后进占比",
    ]);
    const a = rows[1]!;
    expect(a[0]).toBe("甲党委");
    expect(a[1]).toEqual({ formula: "COUNTIFS('结果'!$C$2:$C$5,$A2,'结果'!$J$2:$J$5,B$1)", value: 1 });
    expect(a[3]).toEqual({ formula: "COUNTIFS('结果'!$C$2:$C$5,$A2,'结果'!$J$2:$J$5,D$1)", value: 1 });
    expect(a[4]).toEqual({ formula: "SUM(B2:D2)", value: 2 });
    expect(a[5]).toEqual({ formula: "IF($E2=0,0,B2/$E2)", value: 0.5 });
    const wild = rows[3]!;
    expect(wild[0]).toBe("*党委?");
    expect((wild[1] as FormulaCell).formula).toBe(
      "SUMPRODUCT(--EXACT('结果'!$C$2:$C$5,$A4),--EXACT('结果'!$J$2:$J$5,B$1))",
    );
    expect(rows[4]![0]).toBe("合计");
    expect(rows[4]![4]).toEqual({ formula: "SUM(E2:E4)", value: 4 });
    expect(rows[5]!.every((c) => c === "")).toBe(true);
    expect(rows[6]![0]).toBe("领域");
    expect(rows[7]![1]).toEqual({ formula: "COUNTIFS('结果'!$D$2:$D$5,$A8,'结果'!$J$2:$J$5,B$7)", value: 2 });
    for (const row of rows)
      for (const c of row) if (isFormulaCell(c)) expect(c.formula.startsWith("=")).toBe(false);
    expect(res.outputs[2]!.layout.charts?.[0]).toEqual({
      title: "各上级党组织等次分布",
      type: "columnStacked",
      range: "A1:D4",
    });
  });

  test("summary and results", () => {
    expect(res.summary.asOf).toBe("2026-11-01");
    expect(res.summary.branches).toBe(4);
    expect(res.summary.counts).toEqual({ 先进: 2, 一般: 1, 后进: 1 });
    expect(res.summary.byGroup[0]).toEqual({ group: "甲党委", counts: { 先进: 1, 一般: 0, 后进: 1 } });
    expect(res.summary.targets.filter((t) => t.group === "合计").map((t) => t.target)).toEqual([
      "后进转化",
      "一般晋级",
      "先进示范",
    ]);
    expect(res.results[0]).toMatchObject({
      id: "A",
      tier: "先进",
      change: "晋位",
      levels: 2,
      combined: 95,
      self: null,
      tieFlag: false,
    });
    expect(res.results[1]).toMatchObject({
      id: "B",
      change: "降位",
      levels: 1,
      benchmark: "",
      reason: "综合得分 75.00 ≥ 70 → 一般",
    });
    expect(res.results[2]).toMatchObject({ id: "C", tier: "后进", benchmark: "", benchmarkId: "" });
    expect(res.notices).toEqual([]);
  });

  test("asOf falls back to options, then today", () => {
    const s = { ...sheets, 设置: [["项目", "值"]] };
    const r = gradeWorkbook(s, { asOf: new Date(2030, 0, 2) });
    expect(r.ok && r.summary.asOf).toBe("2030-01-02");
  });

  test("grading twice gives the same grids (no hidden state)", () => {
    const again = gradeWorkbook(sheets, { asOf: new Date(2030, 0, 1) });
    expect(again.ok && again.outputs).toEqual(res.outputs);
  });
});

describe("contract", () => {
  test("resolveSheetName matches Chinese names and English aliases", () => {
    expect(resolveSheetName(["Settings", "组织", " scores "], "设置")).toBe("Settings");
    expect(resolveSheetName(["Settings", "组织", " scores "], "评分")).toBe(" scores ");
    expect(resolveSheetName(["Settings", "组织"], "branches")).toBe("组织");
    expect(resolveSheetName(["Settings"], "标准")).toBeUndefined();
    expect(resolveSheetName(["LEDGER"], "整改台账")).toBe("LEDGER");
  });
  test("CONTRACT lists every input sheet with aliases and headers", () => {
    expect(CONTRACT.sheets.map((s) => [s.name, s.alias])).toEqual([
      ["设置", "settings"],
      ["标准", "rubric"],
      ["组织", "branches"],
      ["评分", "scores"],
      ["整改台账", "ledger"],
      ["党员", "members"],
      ["积分", "points"],
      ["会议记录", "meetings"],
    ]);
    const rubric = CONTRACT.sheets[1]!;
    expect(rubric.headers.map((h) => `${h.name}[${h.aliases[0]}]`)).toEqual([
      "指标编码[id]",
      "领域[sector]",
      "维度[dimension]",
      "指标名称[name]",
      "类型[kind]",
      "满分[max]",
      "单项分值[unit]",
      "上限[cap]",
      "要求次数[required]",
      "否决后果[veto]",
      "下限[floor]",
      "排名分值[rankPoints]",
      "排名范围[rankScope]",
      "排序[order]",
      "来源[source]",
    ]);
    expect(CONTRACT.sheets[2]!.headers.map((h) => h.aliases[0])).toEqual([
      "id",
      "name",
      "parent",
      "sector",
      "members",
      "previous",
      "demo",
      "direct",
    ]);
  });
  test("problemsSheet", () => {
    const s = problemsSheet([{ sheet: "评分", cell: "D7", message: "不是数" }]);
    expect(s.name).toBe(PROBLEMS_SHEET);
    expect(s.rows).toEqual([
      ["工作表", "单元格", "问题"],
      ["评分", "D7", "不是数"],
    ]);
  });
  test("problems are all reported, sorted by sheet order, row, column", () => {
    const r = gradeWorkbook({
      评分: [
        ["组织编码", "J1"],
        ["X", 1],
      ],
      组织: [
        ["组织编码", "组织名称", "上级党组织", "领域"],
        ["A", "", "甲", "农村"],
      ],
      标准: [
        ["指标编码", "类型", "满分"],
        ["J1", "评分", 0],
      ],
      设置: [
        ["项目", "值"],
        ["小数位数", "x"],
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual([
      "设置!B2",
      "标准!C2",
      "组织!A2",
      "组织!B2",
      "评分!A2",
    ]);
  });
});

test("the engine imports nothing outside src/engine", () => {
  const dir = path.join(__dirname, "..", "..", "src", "engine");
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".ts"))) {
    const src = fs.readFileSync(path.join(dir, f), "utf8");
    for (const m of src.matchAll(
      /\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']/g,
    )) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      expect(`${f}: ${spec}`).toMatch(/: \.\/[\w-]+$/);
    }
  }
});

describe("gradeWorkbook(…, { outputs: false }) (检查)", () => {
  test("builds no output sheet, yet gives the same summary, notices and results", () => {
    const full = gradeWorkbook(sheets, { asOf: new Date(2030, 0, 1) });
    const check = gradeWorkbook(sheets, { asOf: new Date(2030, 0, 1), outputs: false });
    if (!full.ok || !check.ok) throw new Error("both must grade");
    expect(check.outputs).toEqual([]);
    expect(check.summary).toEqual(full.summary);
    expect(check.notices).toEqual(full.notices);
    // By hand (90/70): A 95 先进, B 75 一般, C 60 后进, D 91 先进.
    expect(check.results.map((r) => [r.id, r.tier])).toEqual([
      ["A", "先进"],
      ["B", "一般"],
      ["C", "后进"],
      ["D", "先进"],
    ]);
  });

  test("results hold the same values as the 结果 rows, column by column", () => {
    const full = gradeWorkbook(sheets, { asOf: new Date(2030, 0, 1) });
    if (!full.ok) throw new Error("must grade");
    const rows = outputRows(full.outputs, "结果")!.slice(1);
    const C = RESULT_COL;
    const blankAsNull = (v: unknown) => (v === "" ? null : v);
    full.results.forEach((r, i) => {
      const row = rows[i]!;
      expect(r).toMatchObject({
        id: row[C.组织编码],
        name: row[C.组织名称],
        parent: row[C.上级党组织],
        sector: row[C.领域],
        total: row[C.上级评定],
        self: blankAsNull(row[C.自评得分]),
        survey: blankAsNull(row[C.测评满意度]),
        combined: row[C.综合得分],
        rank: row[C.组内排名],
        tier: row[C.等次],
        previous: row[C.上期等次],
        change: row[C.变动],
        benchmark: row[C.赶超对象],
        reason: row[C.定级依据],
      });
    });
  });
});
