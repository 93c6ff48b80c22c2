/**
 * The 组织编码 index and the 组织-order shortcuts: results do not depend on whether the
 * codes (組织) or the 评分 rows come in increasing order, and duplicates are found either way.
 */
import { CodeIndex } from "../../src/engine/codeindex";
import { gradeWorkbook, type Sheets, outputRows } from "../../src/engine";

/** Adds as readBranches does: push the key when add returns -1. */
function index(keys: string[]): { ix: CodeIndex; codes: string[]; dup: [string, number][] } {
  const codes: string[] = [];
  const ix = new CodeIndex(codes, keys.length);
  const dup: [string, number][] = [];
  for (const k of keys) {
    const prior = ix.add(k, codes.length);
    if (prior >= 0) dup.push([k, prior]);
    else codes.push(k);
  }
  return { ix, codes, dup };
}

describe("CodeIndex", () => {
  test("increasing keys: all found, absent keys not", () => {
    const keys = Array.from({ length: 100 }, (_, i) => `B${String(i).padStart(4, "0")}`);
    const { ix, dup } = index(keys);
    expect(dup).toEqual([]);
    keys.forEach((k, i) => expect(ix.get(k)).toBe(i));
    expect(ix.get("B9999")).toBe(-1);
    expect(ix.get("")).toBe(-1);
  });

  test("a duplicate right after an increasing run, and later ones", () => {
    const { ix, codes, dup } = index(["A", "B", "C", "C", "A", "D", "B", "10", "9", "10"]);
    expect(codes).toEqual(["A", "B", "C", "D", "10", "9"]);
    expect(dup).toEqual([
      ["C", 2],
      ["A", 0],
      ["B", 1],
      ["10", 4],
    ]);
    codes.forEach((k, i) => expect(ix.get(k)).toBe(i));
  });

  test("decreasing and mixed keys, growing past the capacity given", () => {
    const codes: string[] = [];
    const ix = new CodeIndex(codes, 2);
    const keys = Array.from({ length: 200 }, (_, i) => String((i * 7919) % 1000));
    const seen = new Map<string, number>();
    for (const k of keys) {
      const prior = ix.add(k, codes.length);
      expect(prior).toBe(seen.has(k) ? seen.get(k) : -1);
      if (prior < 0) {
        seen.set(k, codes.length);
        codes.push(k);
      }
    }
    codes.forEach((k, i) => expect(ix.get(k)).toBe(i));
  });
});

describe("gradeWorkbook: row order of 组织 and 评分", () => {
  const org: unknown[][] = [["组织编码", "组织名称", "上级党组织", "领域"]];
  const sc: unknown[][] = [["组织编码", "J1"]];
  for (let i = 0; i < 30; i++) {
    org.push([`B${String(i).padStart(3, "0")}`, `第${i}支部`, `党委${i % 4}`, i % 2 ? "农村" : "机关"]);
    sc.push([`B${String(i).padStart(3, "0")}`, 50 + ((i * 37) % 51)]);
  }
  const base: Sheets = {
    标准: [
      ["指标编码", "类型", "满分"],
      ["J1", "评分", 100],
    ],
    组织: org,
    评分: sc,
  };
  const ref = gradeWorkbook(base, { asOf: new Date(2030, 0, 1) });
  if (!ref.ok) throw new Error(JSON.stringify(ref.problems));
  const byCode = (rows: unknown[][]): Map<unknown, unknown[]> => new Map(rows.slice(1).map((r) => [r[0], r]));

  test("评分 rows in another order give the same 结果 rows", () => {
    const shuffled = [sc[0]!, ...sc.slice(1).reverse()];
    const res = gradeWorkbook({ ...base, 评分: shuffled }, { asOf: new Date(2030, 0, 1) });
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(outputRows(res.outputs, "结果")).toEqual(outputRows(ref.outputs, "结果"));
    expect(outputRows(res.outputs, "公示")).toEqual(outputRows(ref.outputs, "公示"));
  });

  test("组织 rows out of order: same rows per branch; 公示 keeps groups and tiers", () => {
    const moved = [org[0]!, ...org.slice(16), ...org.slice(1, 16)];
    const res = gradeWorkbook({ ...base, 组织: moved }, { asOf: new Date(2030, 0, 1) });
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    const a = byCode(outputRows(res.outputs, "结果")! as unknown[][]);
    const b = byCode(outputRows(ref.outputs, "结果")! as unknown[][]);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [k, row] of a) expect(row).toEqual(b.get(k));
    // 公示: 上级党组织 groups in order of first appearance, tiers best first, then 组织 order.
    const post = outputRows(res.outputs, "公示")!.slice(1) as unknown[][];
    const names = moved.slice(1).map((r) => r[1]);
    const parents = [...new Set(moved.slice(1).map((r) => r[2]))];
    const tiers = ["先进", "一般", "后进"];
    const tierOf = new Map<unknown, unknown>(
      outputRows(res.outputs, "结果")!
        .slice(1)
        .map((r) => [r[1], r[9]]),
    );
    const parentOf = new Map(moved.slice(1).map((r) => [r[1], r[2]]));
    const key = (name: unknown): number[] => [
      parents.indexOf(parentOf.get(name)),
      tiers.indexOf(tierOf.get(name) as string),
      names.indexOf(name),
    ];
    const expected = [...names].sort((x, y) => {
      const [p, q] = [key(x), key(y)];
      return p[0]! - q[0]! || p[1]! - q[1]! || p[2]! - q[2]!;
    });
    expect(post.map((r) => r[1])).toEqual(expected);
    for (const r of post) {
      expect(r[0]).toBe(parentOf.get(r[1]));
      expect(r[2]).toBe(tierOf.get(r[1]));
    }
  });

  test("a duplicate 组织编码 after an increasing run is reported with its first row", () => {
    const dup = [...org, ["B005", "重复支部", "党委1", "农村"]];
    const res = gradeWorkbook({ ...base, 组织: dup }, { asOf: new Date(2030, 0, 1) });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const p = res.problems.find((x) => x.message.includes("重复"));
    expect(p?.message).toContain("第一次在第 7 行");
  });
});

describe("组织 text cells with spaces", () => {
  const base = (org: unknown[][]): Sheets => ({
    标准: [
      ["指标编码", "类型", "满分"],
      ["J1", "评分", 100],
    ],
    组织: [["组织编码", "组织名称", "上级党组织", "领域", "上期等次", "直接定级"], ...org],
    评分: [
      ["组织编码", "J1"],
      ["A", 95],
      ["B", 75],
    ],
  });

  test("names, codes and tiers are trimmed (also U+3000); blank-looking tiers are blank", () => {
    const res = gradeWorkbook(
      base([
        [" A ", " 一支部\u3000", "甲党委", "农村", " 先进 ", "\u3000"],
        ["B", "二支部", "甲党委", "农村", "\u3000", "  "],
      ]),
      { asOf: new Date(2030, 0, 1) },
    );
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    const rows = outputRows(res.outputs, "结果")!;
    expect(rows[1]!.slice(0, 2)).toEqual(["A", "一支部"]);
    expect(rows[1]![10]).toBe("先进");
    expect(rows[1]![11]).toBe("保持");
    expect(rows[2]![10]).toBe("");
    expect(rows[2]![11]).toBe("新定级");
  });

  test("a name of spaces is blank; a tier of other text is reported", () => {
    const res = gradeWorkbook(
      base([
        ["A", " \u3000 ", "甲党委", "农村", "先进 x", ""],
        ["B", "二支部", "甲党委", "农村", "", " 特等 "],
      ]),
      { asOf: new Date(2030, 0, 1) },
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const msgs = res.problems.map((p) => `${p.cell} ${p.message}`);
    expect(msgs.some((m) => m.startsWith("B2 ") && m.includes("组织名称为空"))).toBe(true);
    expect(msgs.some((m) => m.startsWith("E2 ") && m.includes("不是已设置的等次"))).toBe(true);
    expect(msgs.some((m) => m.startsWith("F3 ") && m.includes("不是已设置的等次"))).toBe(true);
  });
});

describe("empty count cells on the fast path", () => {
  const rubric = [
    ["指标编码", "类型", "满分", "单项分值", "上限", "要求次数"],
    ["J1", "评分", 90, "", "", ""],
    ["J2", "扣分", 5, 1, "", ""],
    ["J3", "频次", 5, "", "", 4],
    ["J4", "加分", "", 1, 2, ""],
  ];
  const org = [
    ["组织编码", "组织名称", "上级党组织", "领域"],
    ["A", "一支部", "甲党委", "农村"],
  ];
  const run = (j2: unknown, j3: unknown, j4: unknown) =>
    gradeWorkbook(
      {
        设置: [
          ["项目", "值"],
          ["折算百分制", "否"],
        ],
        标准: rubric,
        组织: org,
        评分: [
          ["组织编码", "J1", "J2", "J3", "J4"],
          ["A", 80, j2, j3, j4],
        ],
      },
      { asOf: new Date(2030, 0, 1) },
    );

  test("empty 扣分 and 加分 count 0, like blank-looking text", () => {
    for (const [j2, j4] of [
      ["", ""],
      [null, undefined],
      [" ", "\u3000"],
      [0, 0],
    ]) {
      const res = run(j2, 4, j4);
      if (!res.ok) throw new Error(JSON.stringify(res.problems));
      expect(outputRows(res.outputs, "结果")![1]![4]).toBe(90);
    }
  });

  test("an empty 频次 is a problem", () => {
    const res = run("", "", "");
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.problems.map((p) => p.cell)).toEqual(["D2"]);
    expect(res.problems[0]!.message).toContain("未填写");
  });
});
