/**
 * The standalone building blocks (what the DJ.* custom functions wrap), with the examples
 * of FUNCTIONS.md and the brief.
 */
import {
  EngineError,
  allocate,
  applyQuotaCaps,
  benchmarkFor,
  combine,
  competitionRank,
  movement,
  parseRate,
  requiredCount,
  roundHalfAway,
  rubricScore,
  rubricTotal,
  targetRow,
  tierByCutoffs,
  toExcel15,
} from "../../src/engine";

describe("numbers", () => {
  test("toExcel15 is how Excel sees a double", () => {
    expect(toExcel15(0.1 + 0.2)).toBe(0.3);
    expect(toExcel15(0.3 - 0.1)).toBe(0.2);
    expect(toExcel15(89.995)).toBe(89.995);
    expect(toExcel15(0)).toBe(0);
    expect(toExcel15(-1.0000000000000002)).toBe(-1);
  });
  test("roundHalfAway is Excel's ROUND, exact on decimals", () => {
    expect(roundHalfAway(89.995, 2)).toBe(90);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    expect(roundHalfAway(2.675, 2)).toBe(2.68);
    expect(roundHalfAway(0.285, 2)).toBe(0.29);
    expect(roundHalfAway(1234.5, -1)).toBe(1230);
    expect(roundHalfAway(1235, -1)).toBe(1240);
    expect(roundHalfAway(69.994, 2)).toBe(69.99);
    expect(() => roundHalfAway(1, 2.5)).toThrow(EngineError);
  });
  test("parseRate reads numbers and percent text exactly", () => {
    expect(parseRate(0.9)).toEqual({ num: 9n, scale: 1 });
    expect(parseRate("90%")).toEqual({ num: 90n, scale: 2 });
    expect(parseRate("90％")).toEqual({ num: 90n, scale: 2 });
    expect(parseRate(" 90 %")).toEqual({ num: 90n, scale: 2 });
    expect(parseRate("0.3")).toEqual({ num: 3n, scale: 1 });
    expect(parseRate("abc")).toBeNull();
    expect(parseRate(-0.1)).toBeNull();
    expect(parseRate(null)).toBeNull();
  });
});

describe("tiers", () => {
  test("tierByCutoffs compares at 15 significant digits and does not round to 2 dp", () => {
    expect(tierByCutoffs(0.3 - 0.1, [0.2, 0.1], ["甲", "乙", "丙"])).toBe("甲");
    expect(tierByCutoffs(89.995, [90, 70])).toBe("一般");
    expect(tierByCutoffs(90, [90, 70])).toBe("先进");
    expect(tierByCutoffs(69.99, [90, 70])).toBe("后进");
    expect(tierByCutoffs(85, [[90], [80], [60]] as unknown as number[], ["好", "较好", "一般", "较差"])).toBe(
      "较好",
    );
  });
  test("tierByCutoffs rejects a bad scale", () => {
    expect(() => tierByCutoffs(80, [70, 90])).toThrow("递减");
    expect(() => tierByCutoffs(80, [90])).toThrow("多一个");
    expect(() => tierByCutoffs(80, [90, 70], ["a", "a", "b"])).toThrow("重复");
  });
});

describe("counting", () => {
  test("requiredCount: 至少 ceil, 左右 half up, 不超过 floor, exact", () => {
    expect(requiredCount(10, 0.9, "至少")).toBe(9);
    expect(requiredCount(7, "50%", "至少")).toBe(4);
    expect(requiredCount(12, 0.2, "左右")).toBe(2);
    expect(requiredCount(10, 1 / 3, "不超过")).toBe(3);
    expect(requiredCount(5, "50%", "左右")).toBe(3);
    expect(requiredCount(0, 0.9)).toBe(0);
    expect(requiredCount(100, 0.07, "至少")).toBe(7);
    expect(() => requiredCount(-1, 0.5)).toThrow(EngineError);
    expect(() => requiredCount(2.5, 0.5)).toThrow(EngineError);
    expect(() => requiredCount(10, "九成")).toThrow(EngineError);
  });
  test("allocate: largest remainder, ties by larger base then order", () => {
    expect(allocate(7, [10, 10, 10])).toEqual([3, 2, 2]);
    expect(allocate(10, [5, 3, 2])).toEqual([5, 3, 2]);
    expect(allocate(3, [1, 2, 3])).toEqual([0, 1, 2]);
    expect(allocate(2, [3, 3, 2])).toEqual([1, 1, 0]);
    expect(allocate(1, [2, 3])).toEqual([0, 1]);
    expect(allocate(0, [4, 5])).toEqual([0, 0]);
    expect(() => allocate(11, [5, 5])).toThrow("超过");
  });
  test("competitionRank: 1, 2, 2, 4 within groups", () => {
    expect(competitionRank([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
    expect(competitionRank([90, 80, 80, 70], ["a", "b", "a", "b"])).toEqual([1, 1, 2, 2]);
    expect(competitionRank([0.3, 0.1 + 0.2, 0.2])).toEqual([1, 1, 3]);
    const r = competitionRank([5, "", 3]);
    expect(r[0]).toBe(1);
    expect(r[1]).toBeNaN();
    expect(r[2]).toBe(2);
  });
  test("applyQuotaCaps: ties straddling the cap move down whole, cascading", () => {
    const scale = ["先进", "一般", "后进"];
    const res = applyQuotaCaps(scale, ["先进", "先进", "先进", "一般"], { 先进: "50%" }, [
      [95],
      [92],
      [92],
      [80],
    ]);
    expect(res.tiers).toEqual(["先进", "一般", "一般", "一般"]);
    expect(res.tieFlags).toEqual([false, true, true, false]);
    expect(res.moved).toEqual([false, true, true, false]);
    const five = ["五星", "四星", "三星"];
    const c = applyQuotaCaps(
      five,
      ["五星", "五星", "五星", "四星"],
      [
        ["五星", 0.25],
        ["四星", 0.25],
      ],
      [[4], [3], [2], [1]],
    );
    expect(c.tiers).toEqual(["五星", "四星", "三星", "三星"]);
    const g = applyQuotaCaps(
      scale,
      ["先进", "先进", "先进", "先进"],
      { 先进: 0.5 },
      [[1], [2], [3], [4]],
      ["x", "y", "x", "y"],
    );
    expect(g.tiers).toEqual(["一般", "一般", "先进", "先进"]);
    expect(() => applyQuotaCaps(scale, ["优秀"], {}, [[1]])).toThrow(EngineError);
  });
});

describe("promotion", () => {
  test("movement", () => {
    expect(movement("后进", "先进")).toEqual({ change: "晋位", levels: 2 });
    expect(movement("", "一般")).toEqual({ change: "新定级", levels: 0 });
    expect(movement("一般", "一般")).toEqual({ change: "保持", levels: 0 });
    expect(movement("先进", "后进")).toEqual({ change: "降位", levels: 2 });
    expect(() => movement("优秀", "一般")).toThrow(EngineError);
  });
  test("targetRow", () => {
    const prev = ["后进", "后进", "一般", "先进", ""];
    const cur = ["一般", "后进", "先进", "先进", "一般"];
    expect(targetRow(prev, cur, "后进", "转化", "至少", "90%")).toEqual({
      base: 2,
      required: 2,
      attained: 1,
      gap: 1,
      status: "未达标",
    });
    expect(targetRow(prev, cur, "一般", "晋级", "不超过", 0.5)).toEqual({
      base: 1,
      required: 0,
      attained: 1,
      gap: 1,
      status: "未达标",
    });
    expect(targetRow(prev, cur, "先进", "示范", "左右", "20%", undefined, ["", "", "", "是", ""])).toEqual({
      base: 1,
      required: 0,
      attained: 1,
      gap: 0,
      status: "达标",
    });
  });
  test("benchmarkFor", () => {
    const ids = ["A1", "A2", "A3", "B1", "C1"];
    const sectors = ["农村", "农村", "农村", "农村", "社区"];
    const parents = ["甲", "甲", "甲", "乙", "甲"];
    const tiers = ["先进", "先进", "一般", "一般", "一般"];
    const scores = [95, 92, 80, 70, 60];
    expect(benchmarkFor("A3", ids, sectors, parents, tiers, scores)).toBe("A2");
    expect(benchmarkFor("B1", ids, sectors, parents, tiers, scores)).toBe("A2");
    expect(benchmarkFor("A1", ids, sectors, parents, tiers, scores)).toBe("");
    expect(benchmarkFor("C1", ids, sectors, parents, tiers, scores)).toBe("");
    expect(() => benchmarkFor("Z", ids, sectors, parents, tiers, scores)).toThrow(EngineError);
  });
});

describe("one branch", () => {
  const rubric = [
    ["指标编码", "领域", "类型", "满分", "单项分值", "上限", "要求次数", "否决后果"],
    ["J1", "全部", "评分", 60, "", "", "", ""],
    ["J2", "全部", "扣分", 20, 5, "", "", ""],
    ["J3", "全部", "频次", 20, "", "", 12, ""],
    ["J4", "全部", "加分", "", 2, 4, "", ""],
    ["J5", "全部", "否决", "", "", "", "", "末等"],
    ["J6", "社区", "评分", 100, "", "", "", ""],
  ];
  test("rubricTotal scales to 100 and adds capped bonus", () => {
    // 55 + (20 − 5) + 20 × 6/12 = 80 of 100, + min(3 × 2, 4) = 84.
    expect(rubricTotal(rubric, ["J1", "J2", "J3", "J4", "J5"], [55, 1, 6, 3, "否"])).toBe(84);
    // Sector 社区 adds J6 (max 100): (80 + 50) × 100 / 200 + 4 = 69.
    expect(
      rubricTotal(rubric, ["J1", "J2", "J3", "J4", "J5", "J6"], [55, 1, 6, 3, "", 50], { sector: "社区" }),
    ).toBe(69);
    expect(rubricTotal(rubric, ["J1", "J2", "J3"], [55, 1, 6], { scaleTo100: false, bonusCap: 0 })).toBe(80);
    expect(rubricScore(rubric, ["J1", "J2", "J3", "J5"], [55, 1, 6, "是"])).toEqual({
      total: 80,
      veto: "J5",
    });
  });
  test("rubricTotal names a bad input", () => {
    expect(() => rubricTotal(rubric, ["J1", "J2", "J3"], [61, 1, 6])).toThrow("超过满分 60");
    expect(() => rubricTotal(rubric, ["J1", "J2"], [50, 1])).toThrow("J3");
  });
  test("combine: exact weighted blend, rounded", () => {
    expect(combine([90, 80], [60, 40], 2)).toBe(86);
    expect(combine([88.88, 91.11], [60, 40], 2)).toBe(89.77);
    expect(combine([89.99, 90], [1, 1], 2)).toBe(90);
    expect(combine([90, null], [100, 0], 2)).toBe(90);
    expect(() => combine([90, null], [60, 40])).toThrow(expect.objectContaining({ code: "na" }));
    expect(() => combine([90], [0])).toThrow(EngineError);
  });
});
