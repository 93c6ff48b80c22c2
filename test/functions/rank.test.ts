/**
 * DJ.RANK with a range for score: one call spills one rank per score (in the shape of
 * score), computed from one sorted index — the way to rank a whole column, since per-row
 * calls each receive their own copy of the scores range in Excel (quadratic).
 */
import { col, expectNaError, expectValueError, omitted, row } from "./cf-double";
import { rank } from "../../src/functions/functions";
import { competitionRank } from "../../src/engine";

/** Deterministic 2-decimal scores in [40, 100), with many ties, as in the bench. */
function scoresOf(n: number): number[] {
  let x = 987654321;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (4000 + (x % 6000)) / 100;
  });
}

describe("DJ.RANK over a range of scores (spill)", () => {
  it("ranks 100,000 rows in one call, equal to the engine's competitionRank", () => {
    const scores = scoresOf(100_000);
    const sc = col(...scores);
    const got = rank(sc, sc);
    expect(got.length).toBe(100_000);
    expect(got.map((r) => r[0])).toEqual(competitionRank(scores));
    // A separate copy of the same range (as Excel passes each argument) gives the same ranks.
    expect(rank(col(...scores), sc)).toEqual(got);
  });

  it("ranks 100,000 rows within 100 groups in one call, equal to competitionRank with groups", () => {
    const scores = scoresOf(100_000);
    const groups = scores.map((_, i) => `党委${i % 100}`);
    const sc = col(...scores);
    const gc = col(...groups);
    expect(rank(sc, sc, gc, gc).map((r) => r[0])).toEqual(competitionRank(scores, groups));
  });

  it("FUNCTIONS.md example as a spill; rows spill as a row", () => {
    expect(rank(col(90, 80, 80, 70), col(90, 80, 80, 70))).toEqual(col(1, 2, 2, 4));
    expect(rank(row(70, 90), row(90, 80, 80, 70))).toEqual(row(4, 1));
  });

  it("within groups: each score ranked in its own group; a blank group cell ranks among all", () => {
    const scores = col(90, 85, 80, 80, 70);
    const groups = col("甲", "乙", "甲", "乙", "甲");
    expect(rank(scores, scores, groups, groups)).toEqual(col(1, 1, 2, 2, 3));
    expect(rank(scores, scores, col("甲", "", "甲", "乙", ""), groups)).toEqual(col(1, 2, 2, 2, 5));
    // An omitted or all-blank group: among all scores, groups ignored.
    expect(rank(scores, scores, omitted, groups)).toEqual(col(1, 2, 3, 3, 5));
    expect(rank(scores, scores, [[""]], groups)).toEqual(col(1, 2, 3, 3, 5));
  });

  it("blank cells in score give blank ranks in place; blank scores do not count", () => {
    const scores = col(90, "", 80, null, 80, "  ", 70);
    expect(rank(scores, scores)).toEqual(col(1, "", 2, "", 2, "", 4));
    expect(rank(col("", ""), col(90, 80))).toEqual(col("", ""));
  });

  it("the spill equals one single-score call per row (the same rule, the same index)", () => {
    const scores = scoresOf(500).map((s, i) => (i % 7 === 0 ? s + 1e-15 : s));
    const groups = scores.map((_, i) => ["甲", "乙", "丙"][i % 3]!);
    const sc = col(...scores);
    const gc = col(...groups);
    const spilled = rank(sc, sc, gc, gc).map((r) => r[0]);
    expect(scores.map((s, i) => rank([[s]], sc, [[groups[i]]], gc)[0]![0])).toEqual(spilled);
    expect(spilled).toEqual(competitionRank(scores, groups));
  });

  it("a score not in scores (within its group) makes the whole call #N/A, naming its position", () => {
    expectNaError(() => rank(col(90, 85, 80), col(90, 80)), "score", "第 2 个", "85", "不在");
    expectNaError(() => rank(col(90, 80), col(90, 80), col("甲", "乙"), col("甲", "甲")), "第 2 个", "乙");
  });

  it("errors name the argument", () => {
    expectValueError(() => rank(col(90, "高"), col(90)), "score", "第 2 个", "不是数字");
    expectValueError(
      () =>
        rank(
          [
            [90, 80],
            [70, 60],
          ],
          col(90, 80, 70, 60),
        ),
      "score",
      "一行或一列",
    );
    expectValueError(() => rank(col(90, 80), col(90, 80), col("甲"), col("甲", "甲")), "group", "形状相同");
    expectValueError(
      () => rank(col(90, 80), col(90, 80), row("甲", "甲"), col("甲", "甲")),
      "group",
      "形状相同",
    );
    expectValueError(() => rank(col(90, 80), col(90, 80), col("甲", "甲")), "groups", "group");
    expectValueError(() => rank(col(90, 80), col(90, 80), col("甲", "甲"), col("甲")), "长度不一致");
  });
});
