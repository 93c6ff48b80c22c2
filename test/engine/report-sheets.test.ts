/**
 * The engine's 说明 (定稿) and 名额分配 sheets, against values worked out by hand.
 */
import {
  DEMO_KIND,
  QUOTA_HEADERS,
  allocationSheet,
  explanationOf,
  gradeWorkbook,
  quotaKinds,
  splitQuota,
  type Sheets,
} from "../../src/engine";

const sheets: Sheets = {
  设置: [
    ["项目", "值"],
    ["分数线", "85,60"],
    ["名额上限", "先进:30%"],
    ["晋位目标", "后进:转化:至少:90%"],
  ],
  标准: [
    ["指标编码", "指标名称", "类型", "满分", "否决后果"],
    ["J1", "班子建设", "评分", 100, ""],
    ["V1", "严重违纪", "否决", "", ""],
    ["V2", "安全事故", "否决", "", "一般"],
  ],
  组织: [
    ["组织编码", "组织名称", "上级党组织", "领域", "上期等次"],
    ["A", "一支部", "甲党委", "农村", "后进"],
    ["B", "二支部", "乙党委", "社区", "后进"],
    ["C", "三支部", "甲党委", "社区", "一般"],
    ["D", "四支部", "甲党委", "农村", "后进"],
  ],
  评分: [
    ["组织编码", "J1", "V1", "V2"],
    ["A", 95, "否", "否"],
    ["B", 75, "否", "否"],
    ["C", 50, "否", "否"],
    ["D", 88, "否", "否"],
  ],
};

describe("说明 (explanationOf)", () => {
  const rows = explanationOf(sheets, new Date(2026, 10, 30, 9, 5), "2026-11-30 09:05").rows;
  const value = (item: string) => rows.find((r) => r[0] === item)?.[1];

  test("states the rules of 设置, with defaults where 设置 is silent", () => {
    expect(rows[0]).toEqual(["项目", "内容"]);
    expect(value("等次（从好到差）")).toBe("先进、一般、后进");
    expect(value("分数线")).toBe("先进 ≥ 85；一般 ≥ 60；后进 < 60");
    expect(value("名额上限")).toBe("先进 30%");
    expect(value("晋位目标")).toBe("后进转化 至少 90%");
    expect(value("小数位数")).toBe(2);
  });

  test("lists the 否决 items read by the engine's 标准 reader (blank 否决后果 = 末等)", () => {
    expect(value("否决项")).toBe("V1 严重违纪 → 末等（后进）；V2 安全事故 → 最高 一般");
  });

  test("统计日期 is 设置's when given, else the date of `now`; 定稿时间 as passed", () => {
    expect(value("统计日期")).toBe("2026-11-30");
    expect(value("定稿时间")).toBe("2026-11-30 09:05");
    const dated: Sheets = { ...sheets, 设置: [...sheets["设置"]!, ["统计日期", "2026-06-30"]] };
    const r = explanationOf(dated, new Date(2026, 10, 30), "x").rows;
    expect(r.find((x) => x[0] === "统计日期")?.[1]).toBe("2026-06-30");
  });

  test("a workbook without 设置 or 标准 gets the defaults and no 否决项", () => {
    const r = explanationOf({}, new Date(2026, 0, 2), "t").rows;
    expect(r.find((x) => x[0] === "分数线")?.[1]).toBe("先进 ≥ 90；一般 ≥ 70；后进 < 70");
    expect(r.find((x) => x[0] === "否决项")?.[1]).toBe("无");
  });
});

describe("名额分配", () => {
  test("kinds: 示范点 (base: top tier now) first, then each 晋位升级 target (base: 上期 in its tier)", () => {
    const capped = gradeWorkbook(sheets, { asOf: new Date(2026, 10, 30) });
    const free = gradeWorkbook(
      { ...sheets, 设置: sheets["设置"]!.filter((row) => row[0] !== "名额上限") },
      { asOf: new Date(2026, 10, 30) },
    );
    if (!capped.ok || !free.ok) throw new Error("both must grade");
    // Tiers by hand (85/60): A 95 先进, B 75 一般, C 50 后进, D 88 先进 → 先进: 甲党委 2, 乙党委 0.
    const kinds = quotaKinds(free.summary, "示范点");
    expect(kinds.map((k) => k.label)).toEqual(["示范点", "后进转化"]);
    expect(kinds[0]).toEqual({ id: DEMO_KIND, label: "示范点", groups: ["甲党委", "乙党委"], bases: [2, 0] });
    // With 先进 capped at 30% per 上级党组织, 甲党委 (3 branches) keeps floor(0.9) = 0 先进.
    expect(quotaKinds(capped.summary, "示范点")[0]!.bases).toEqual([0, 0]);
    // 上期 后进: A and D in 甲党委, B in 乙党委.
    expect(kinds[1]).toEqual({
      id: "target:后进转化",
      label: "后进转化",
      groups: ["甲党委", "乙党委"],
      bases: [2, 1],
    });
  });

  test("the split by largest remainder and the sheet with hand adjustments", () => {
    // 7 over bases 10, 7, 3 (Σ 20): 3.5, 2.45, 1.05 → floors 3, 2, 1; the one left goes to
    // the largest remainder (0.5) → 4, 2, 1.
    const split = splitQuota(7, [10, 7, 3]);
    expect(split).toEqual({ ok: true, parts: [4, 2, 1] });
    const kind = { id: "x", label: "x", groups: ["甲", "乙", "丙"], bases: [10, 7, 3] };
    const sheet = allocationSheet(kind, [4, 2, 1], [4, 3, 0]);
    expect(sheet.name).toBe("名额分配");
    expect(sheet.rows).toEqual([
      [...QUOTA_HEADERS],
      ["甲", 10, 4, 4],
      ["乙", 7, 2, 3],
      ["丙", 3, 1, 0],
      ["合计", 20, 7, 7],
    ]);
  });

  test("a total above Σ bases cannot be split: the engine's message", () => {
    const s = splitQuota(21, [10, 7, 3]);
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.message).toMatch(/总数 21 超过各基数之和 20/);
  });
});
