import { col, expectNaError, expectValueError, row } from "./cf-double";
import { combine, total } from "../../src/functions/functions";

const HEAD = [
  "指标编码",
  "领域",
  "维度",
  "指标名称",
  "类型",
  "满分",
  "单项分值",
  "上限",
  "要求次数",
  "否决后果",
];
const RUBRIC: unknown[][] = [
  HEAD,
  ["A01", "全部", "班子", "履职", "评分", 60, "", "", "", ""],
  ["A02", "全部", "班子", "换届", "达标", 20, "", "", "", ""],
  ["B01", "全部", "队伍", "处分", "扣分", 20, 5, "", "", ""],
  ["F01", "全部", "加分", "表彰", "加分", "", 2, 4, "", ""],
  ["V01", "全部", "否决", "违纪", "否决", "", "", "", "", "末等"],
  ["S01", "农村", "业绩", "集体经济", "评分", 20, "", "", "", ""],
];
const IDS = row("A01", "A02", "B01", "F01", "V01", "S01");

describe("DJ.TOTAL", () => {
  it("scores, scales to 100 and adds capped bonus points", () => {
    // 50 + 20 + (20 − 5) = 85 of 100, + min(3 × 2, 4) = 4 → 89
    expect(total(row(50, "是", 1, 3, "否", ""), IDS, RUBRIC)).toBe(89);
  });

  it("a sector adds its own rows; the result is rounded to 2 decimals half away from zero", () => {
    // 95 of 120 → 79.1666… + 4 → 83.17
    expect(total(row(50, "是", 1, 3, "否", 10), IDS, RUBRIC, "农村")).toBe(83.17);
    expect(total(row(50, "是", 1, 3, "否", 10), IDS, RUBRIC, "农村", false)).toBe(99);
    expect(total(row(50, "是", 1, 3, "否", 10), IDS, RUBRIC, "农村", true, 3)).toBe(82.17);
  });

  it("defaults for omitted arguments (null): 全部 rows only, scaled, bonus cap 5", () => {
    expect(total(row(50, "是", 1, 3, "否", ""), IDS, RUBRIC, null, null, null)).toBe(89);
  });

  it("a triggered veto does not change the total", () => {
    expect(total(row(50, "是", 1, 3, "是", ""), IDS, RUBRIC)).toBe(89);
  });

  it("inputs may be a column too, and numeric text is read", () => {
    expect(
      total(col("50", "是", 1, 3, "否", ""), col("A01", "A02", "B01", "F01", "V01", "S01"), RUBRIC),
    ).toBe(89);
  });

  it("errors", () => {
    expectValueError(() => total(row(50, "是", 1), IDS, RUBRIC), "inputs", "inputHeaders", "长度不一致");
    expectValueError(() => total(row("abc", "是", 1, 3, "否", ""), IDS, RUBRIC));
    expectValueError(() => total(row(50, "是", 1, 3, "否", ""), IDS, [HEAD]), "rubric");
    expectValueError(() => total(row(50, "是", 1, 3, "否", ""), IDS, RUBRIC, null, "也许"), "scaleTo100");
    expectValueError(() => total(row(50, "是", 1, 3, "否", ""), IDS, RUBRIC, null, null, -1), "bonusCap");
    expectValueError(() => total(row(50, "是", 1, 3, "否", 10), IDS, RUBRIC), "S01");
  });
});

describe("DJ.TOTAL: 下限, 减分, 不适用, 基准分 (the engine's rules, DOMAIN §2.1)", () => {
  const H = ["指标编码", "类型", "满分", "单项分值", "下限"];
  const R: unknown[][] = [
    H,
    ["J1", "评分", 2, "", -2],
    ["K1", "扣分", 10, 4, -4],
    ["J3", "评分", 88, "", ""],
    ["P1", "减分", "", 5, ""],
  ];
  const ids = row("J1", "K1", "J3", "P1");

  it("a negative 下限 (倒扣) and a 扣分 stopped at it; M = 100", () => {
    // −2 + max(−4, 10 − 16) + 70 = 64
    expect(total(row(-2, 4, 70, ""), ids, R)).toBe(64);
  });

  it("减分 is taken off after scaling, capped by penaltyCap when given", () => {
    // 64 − 3 × 5 = 49; with 减分总上限 10: 64 − 10 = 54
    expect(total(row(-2, 4, 70, 3), ids, R)).toBe(49);
    expect(total(row(-2, 4, 70, 3), ids, R, null, null, null, null, 10)).toBe(54);
  });

  it("a total below 0 is 0", () => {
    // −2 − 4 + 0 = −6, − 15 = −21 → 0
    expect(total(row(-2, 4, 0, 3), ids, R)).toBe(0);
  });

  it("不适用 (or /) leaves the item's points and 满分 out", () => {
    // J1 不适用: (10 + 88) × 100 / 98 = 100; K1 '/': (2 + 80) × 100 / 90 = 91.111… → 91.11
    expect(total(row("不适用", 0, 88, ""), ids, R)).toBe(100);
    expect(total(row(2, "/", 80, ""), ids, R)).toBe(91.11);
  });

  it("every countable item 不适用: an error unless baseScore is given (then base 0)", () => {
    expectValueError(() => total(row("/", "/", "/", 1), ids, R), "不适用");
    // 100 + 0 − 5 = 95, scaled or not
    expect(total(row("/", "/", "/", 1), ids, R, null, null, null, 100)).toBe(95);
    expect(total(row("/", "/", "/", 1), ids, R, null, false, null, 100)).toBe(95);
    expectValueError(() => total(row(2, 0, 88, ""), ids, R, null, null, null, -1), "baseScore");
  });

  it("排名 and 比例 need the other branches: #VALUE! naming the item", () => {
    const ranked = [
      H.concat("排名分值"),
      ["J1", "评分", 10, "", "", ""],
      ["R1", "排名", "", "", "", "6,5,4"],
    ];
    expectValueError(() => total(row(5, 90), row("J1", "R1"), ranked), "R1");
  });
});

describe("DJ.COMBINE", () => {
  it("Σ w × s / Σ w, rounded to 2 decimals by default", () => {
    expect(combine(row(90, 80), row(60, 40))).toBe(86);
    expect(combine(row(91.25, 80, 85), row(65, 15, 20))).toBe(88.31); // 88.3125
    expect(combine(col(1, 2), col(1, 2), 3)).toBe(1.667);
    expect(combine(col(1, 2), col(1, 2), 0)).toBe(2);
  });

  it("is decimal-exact: 89.995 rounds to 90", () => {
    expect(combine(row(89.995), row(1))).toBe(90);
    expect(combine(row(0.1 + 0.2), row(1), 15)).toBe(0.3);
  });

  it("a blank score with weight 0 is skipped; a blank weight counts as 0", () => {
    expect(combine(row(90, ""), row(1, 0))).toBe(90);
    expect(combine(row(90, 50), row(1, ""))).toBe(90);
  });

  it("a blank score with weight > 0 is #N/A naming it", () => {
    expectNaError(() => combine(row(90, ""), row(1, 1)), "scores", "第 2 个");
  });

  it("a percentage typed as text is points, as grading reads 测评满意度 (85% = 85)", () => {
    // 60 × 90 + 40 × 85 = 8800; ÷ 100 = 88 (grading the same sources gives 88).
    expect(combine(row(90, "85%"), row(60, 40))).toBe(88);
  });

  it("errors name the argument", () => {
    expectValueError(() => combine(row(90, 80), row(1)), "scores", "weights", "长度不一致");
    expectValueError(() => combine(row(90, "好"), row(1, 1)), "scores", "第 2 个");
    expectValueError(() => combine(row(90), row(-1)), "weights", "负数");
    expectValueError(() => combine(row(90), row(0)), "weights", "之和为 0");
    expectValueError(() => combine(row(90), row(1), 1.5), "digits", "整数");
    expectValueError(() => combine(row(90), row(1), 16), "digits");
  });
});
