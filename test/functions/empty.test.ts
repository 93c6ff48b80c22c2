import { col, expectNaError, expectValueError } from "./cf-double";
import { allocate, benchmark, combine, rank, target, tier, tiers } from "../../src/functions/functions";

describe("empty ranges", () => {
  it("give a clear error, never an empty spill", () => {
    expectValueError(() => tiers([[]], [[90, 70]]), "scores", "为空");
    expectValueError(() => tiers([], [[90, 70]]), "scores", "为空");
    expectValueError(() => tier(80, col("", "")), "cutoffs", "为空");
    expectValueError(() => allocate(0, [[]]), "bases", "为空");
    expectValueError(() => combine([[]], [[]]), "weights", "之和为 0");
    expectNaError(() => rank([[80]], [[]]), "score");
    expectValueError(() => rank([[]], col(90, 80)), "score", "为空");
    expectNaError(() => benchmark("001", [[]], [[]], [[]], [[]], [[]]), "001");
  });

  it("a column of blanks: every tier blank; a target over no branches has base 0", () => {
    expect(tiers(col("", null), [[90, 70]])).toEqual(col("", ""));
    expect(target(col("", ""), col("", ""), "后进", "转化", "至少", 0.9)).toEqual([[0, 0, 0, 0, "达标"]]);
  });
});
