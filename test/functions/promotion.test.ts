import { col, expectNaError, expectValueError, omitted, row } from "./cf-double";
import { benchmark, target } from "../../src/functions/functions";

describe("DJ.TARGET", () => {
  const prev = col("后进", "后进", "后进", "一般", "一般", "先进", "");
  const cur = col("一般", "先进", "后进", "先进", "一般", "先进", "一般");
  const demo = col("否", "否", "否", "否", "否", "是", "否");

  it("spills one row: base, required, attained, gap, status", () => {
    // 后进 base 3, 至少 90% → ceil(2.7) = 3; 2 now better → gap 1
    expect(target(prev, cur, "后进", "转化", "至少", 0.9)).toEqual([[3, 3, 2, 1, "未达标"]]);
    // 一般 base 2, 至少 50% → 1; 1 now 先进
    expect(target(prev, cur, "一般", "晋级", "至少", "50%")).toEqual([[2, 1, 1, 0, "达标"]]);
    // 先进 base 1, 左右 20% → round(0.2) = 0; 1 named 示范点
    expect(target(prev, cur, "先进", "示范", "左右", "20%", omitted, demo)).toEqual([[1, 0, 1, 0, "达标"]]);
  });

  it("不超过 counts the excess", () => {
    expect(target(prev, cur, "后进", "转化", "不超过", 0.3)).toEqual([[3, 0, 2, 2, "未达标"]]);
  });

  it("rows blank in every column (a longer range) are not branches; rows or columns", () => {
    expect(
      target(col("后进", "后进", "", ""), col("一般", "后进", "", ""), "后进", "转化", "至少", 0.5),
    ).toEqual([[2, 1, 1, 0, "达标"]]);
    expect(target(row("后进", "后进"), row("一般", "后进"), "后进", "转化", "至少", 0.5)).toEqual([
      [2, 1, 1, 0, "达标"],
    ]);
  });

  it("is exact: 10 branches at 90% need 9", () => {
    const p = col(...Array<string>(10).fill("后进"));
    const c = col(...Array<string>(9).fill("一般"), "后进");
    expect(target(p, c, "后进", "转化", "至少", "90%")).toEqual([[10, 9, 9, 0, "达标"]]);
  });

  it("errors name the argument", () => {
    expectValueError(
      () => target(col("后进"), col("一般", "先进"), "后进", "转化", "至少", 0.9),
      "previous",
      "current",
      "长度不一致",
    );
    expectValueError(() => target(prev, cur, "差", "转化", "至少", 0.9), "fromTier");
    expectValueError(() => target(prev, cur, "后进", "变好", "至少", 0.9), "success");
    expectValueError(() => target(prev, cur, "先进", "示范", "至少", 0.9), "demo");
    expectValueError(() => target(prev, cur, "后进", "转化", "超过", 0.9), "comparator");
    expectValueError(() => target(prev, cur, "后进", "转化", "至少", "九成"), "rate");
    expectValueError(() => target(col("后进"), col("优秀"), "后进", "转化", "至少", 0.9), "current", "优秀");
    expectValueError(() => target(col("很差"), col("一般"), "后进", "转化", "至少", 0.9), "previous", "很差");
  });
});

describe("DJ.BENCHMARK", () => {
  const ids = col("001", "002", "003", "004", "005", "006");
  const sectors = col("农村", "农村", "农村", "农村", "社区", "农村");
  const parents = col("甲", "甲", "甲", "乙", "甲", "乙");
  const tiers = col("先进", "先进", "一般", "一般", "先进", "后进");
  const scores = col(95, 92, 85, 80, 99, 60);

  it("the top-tier branch of the same sector and parent just above, else the highest", () => {
    expect(benchmark("003", ids, sectors, parents, tiers, scores)).toBe("002");
    // 004 (乙) has no 先进 in 乙 → among all 农村: smallest above 80 is 002 (92)
    expect(benchmark("004", ids, sectors, parents, tiers, scores)).toBe("002");
  });

  it('"" for a top-tier branch', () => {
    expect(benchmark("001", ids, sectors, parents, tiers, scores)).toBe("");
  });

  it("numeric codes and numeric-text scores; trailing blank rows ignored", () => {
    expect(
      benchmark(
        3,
        col(1, 2, 3, ""),
        col("农村", "农村", "农村", ""),
        col("甲", "甲", "甲", ""),
        col("先进", "先进", "一般", ""),
        col("95", 92, 85, ""),
      ),
    ).toBe("2");
  });

  it("topTier names another scale's top tier", () => {
    expect(
      benchmark("b", col("a", "b"), col("x", "x"), col("p", "p"), col("五星", "三星"), col(90, 70), "五星"),
    ).toBe("a");
  });

  it("an unknown id is #N/A; mismatched lengths and text scores are #VALUE!", () => {
    expectNaError(() => benchmark("999", ids, sectors, parents, tiers, scores), "999");
    expectValueError(
      () => benchmark("001", ids, col("农村"), parents, tiers, scores),
      "ids",
      "sectors",
      "长度不一致",
    );
    expectValueError(
      () => benchmark("001", ids, sectors, parents, tiers, col(95, 92, 85, 80, "高", 60)),
      "scores",
      "第 5 个",
    );
    expectValueError(() => benchmark("", ids, sectors, parents, tiers, scores), "id", "为空");
  });
});
