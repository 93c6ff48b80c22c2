import { col, expectNaError, expectValueError, omitted, row } from "./cf-double";
import { move, rank as rankFn, tier, tiers } from "../../src/functions/functions";
import { competitionRank } from "../../src/engine";

describe("DJ.TIER", () => {
  it("FUNCTIONS.md examples", () => {
    expect(tier(89.995, row(90, 70))).toBe("一般");
    expect(tier(90, row(90, 70))).toBe("先进");
    expect(tier(0.3 - 0.1, row(0.2, 0.1), row("甲", "乙", "丙"))).toBe("甲");
  });

  it("cutoffs and tiers may be rows or columns; omitted tiers (null) are 先进/一般/后进", () => {
    expect(tier(70, col(90, 70), omitted)).toBe("一般");
    expect(tier(69.99, col(90, 70), col("", "", ""))).toBe("后进");
    expect(tier(95, col(90, 80, 60), col("好", "较好", "一般", "较差"))).toBe("好");
    expect(tier(59, col(90, 80, 60), row("好", "较好", "一般", "较差"))).toBe("较差");
  });

  it("compares at 15 significant digits: 89.9999999999999 is below 90, 16 nines reach it", () => {
    expect(tier(89.9999999999999, row(90, 70))).toBe("一般");
    expect(tier(89.99999999999999, row(90, 70))).toBe("先进");
    expect(tier(0.1 + 0.2, row(0.3, 0.1), row("甲", "乙", "丙"))).toBe("甲");
  });

  it("reads a score as grading reads a cell: numeric text, percent text as points, no thousands commas", () => {
    expect(tier("90", row("90", "70"))).toBe("先进");
    // "85%" is 85 points, as a 测评满意度 typed that way grades.
    expect(tier("85%", row(90, 70))).toBe("一般");
    expect(tier(" 95 ", row(90, 70))).toBe("先进");
    // Grading refuses "89,5" (not 895, not 89.5): so does the formula.
    expectValueError(() => tier("89,5", row(90, 70)));
  });

  it("ignores blank cells after the cutoffs (a longer range)", () => {
    expect(tier(75, row(90, 70, "", ""))).toBe("一般");
  });

  it("errors name the argument and the problem", () => {
    expectValueError(() => tier("优", row(90, 70)), "score", "应为数字", '"优"');
    expectValueError(() => tier("", row(90, 70)), "score", "为空");
    expectValueError(() => tier(80, row(70, 90)), "cutoffs", "递减");
    expectValueError(() => tier(80, row(90, 90)), "cutoffs", "递减");
    expectValueError(() => tier(80, row(90, "七十")), "cutoffs", "第 2 个", "不是数字");
    expectValueError(() => tier(80, row(90)), "cutoffs", "2 个分数线");
    expectValueError(() => tier(80, row(90, 70), row("甲", "乙")), "tiers", "多一个");
    expectValueError(() => tier(80, [[]]), "cutoffs", "为空");
    expectValueError(
      () =>
        tier(80, [
          [90, 70],
          [60, 50],
        ]),
      "cutoffs",
      "一行或一列",
    );
    expectValueError(() => tier(80, row(90, 70), row("甲", "甲", "乙")), "等次");
  });
});

describe("DJ.TIERS", () => {
  it("one tier per score, in the shape of the scores", () => {
    expect(tiers(col(95, 89.995, 70, 10), row(90, 70))).toEqual(col("先进", "一般", "一般", "后进"));
    expect(tiers(row(95, 60), row(90, 70))).toEqual(row("先进", "后进"));
  });

  it("a blank score gives a blank tier and does not count in a quota group", () => {
    expect(tiers(col(95, "", 91, null), row(90, 70), omitted, [["先进", 0.5]])).toEqual(
      col("先进", "", "一般", ""),
    );
  });

  it("quota caps: at most floor(n × share) hold a tier; the rest move down one", () => {
    const scores = col(99, 98, 97, 96, 95, 80, 70, 60, 50, 40);
    // 先进 30% of 10 → 3; five reach 90.
    expect(tiers(scores, row(90, 70), omitted, [["先进", "30%"]])).toEqual(
      col("先进", "先进", "先进", "一般", "一般", "一般", "一般", "后进", "后进", "后进"),
    );
  });

  it("a tie that straddles the cap moves down whole (keys = score only)", () => {
    const scores = col(99, 95, 95, 92, 60);
    // 先进 40% of 5 → 2; 95, 95 tie across the limit → both move down.
    expect(tiers(scores, row(90, 70), omitted, [["先进", 0.4]])).toEqual(
      col("先进", "一般", "一般", "一般", "后进"),
    );
  });

  it("caps apply within each group; moved branches count against the next cap", () => {
    const scores = col(99, 98, 97, 96, 99, 50);
    const groups = col("甲", "甲", "甲", "甲", "乙", "乙");
    const quotas = [
      ["先进", 0.25],
      ["一般", 0.25],
    ];
    // 甲 (n 4): 先进 K 1, 一般 K 1. 乙 (n 2): K = floor(0.5) = 0 for both, so 99 falls to 后进.
    expect(tiers(scores, row(90, 70), omitted, quotas, groups)).toEqual(
      col("先进", "一般", "后进", "后进", "后进", "后进"),
    );
  });

  it("quotas: blank rows skipped; shares as text or numbers", () => {
    const quotas = [
      ["先进", "50%"],
      ["", ""],
    ];
    expect(tiers(col(95, 94, 93, 92), row(90, 70), omitted, quotas)).toEqual(
      col("先进", "先进", "一般", "一般"),
    );
  });

  it("errors name the argument", () => {
    expectValueError(() => tiers(col(95, "abc"), row(90, 70)), "scores", "第 2 个", "不是数字");
    expectValueError(
      () => tiers(col(95, 80), row(90, 70), omitted, omitted, col("甲")),
      "scores",
      "groups",
      "长度不一致",
    );
    expectValueError(() => tiers(col(95), row(90, 70), omitted, [["优秀", 0.3]]), "quotas", "优秀");
    expectValueError(() => tiers(col(95), row(90, 70), omitted, [["先进", "很多"]]), "quotas", "比例");
    expectValueError(() => tiers(col(95), row(90, 70), omitted, [["先进", 1.5]]), "quotas", "100%");
    expectValueError(() => tiers(col(95), row(90, 70), omitted, [["先进"]]), "quotas", "两列");
    expectValueError(() => tiers(col(95), row(70, 90)), "cutoffs", "递减");
  });
});

describe("DJ.MOVE", () => {
  it("FUNCTIONS.md examples", () => {
    expect(move("后进", "先进")).toBe("晋位");
    expect(move("", "一般")).toBe("新定级");
  });

  it("保持 and 降位; null previous is 新定级; custom scales", () => {
    expect(move("一般", "一般")).toBe("保持");
    expect(move("先进", "后进")).toBe("降位");
    expect(move(null, "后进")).toBe("新定级");
    expect(move("三星", "五星", row("五星", "四星", "三星", "二星", "一星"))).toBe("晋位");
  });

  it("errors name the argument", () => {
    expectValueError(() => move("后进", ""), "current", "为空");
    expectValueError(() => move("后进", "优秀"), "current", "优秀", "不在等次列表");
    expectValueError(() => move("差", "先进"), "previous", "差");
  });
});

/**
 * DJ.RANK declares score and group as ranges (matrix), so Excel passes a single score as
 * [[x]]; at run time a bare value is accepted too. `rank` here takes either, `one` is the
 * rank of a single score (the 1×1 result unwrapped).
 */
const rank = rankFn as unknown as (
  score: unknown,
  scores: unknown[][],
  group?: unknown,
  groups?: unknown[][],
) => unknown[][];
const one = (score: unknown, scores: unknown[][], group?: unknown, groups?: unknown[][]): unknown => {
  const r = rank(score, scores, group, groups);
  expect(r.length === 1 && r[0]!.length === 1).toBe(true);
  return r[0]![0];
};

describe("DJ.RANK", () => {
  it("FUNCTIONS.md examples", () => {
    expect(one(80, col(90, 80, 80, 70))).toBe(2);
    expect(one(70, col(90, 80, 80, 70))).toBe(4);
  });

  it("a single score as Excel passes it ([[x]]) or bare: a 1×1 result, which Excel shows as the rank", () => {
    expect(rank([[80]], col(90, 80, 80, 70))).toEqual([[2]]);
    expect(rank(80, col(90, 80, 80, 70))).toEqual([[2]]);
    expect(rank([[80]], col(90, 85, 80), [["甲"]], col("乙", "甲", "甲"))).toEqual([[2]]);
    expect(rank(80, col(90, 85, 80), "甲", col("乙", "甲", "甲"))).toEqual([[2]]);
  });

  it("competition rank, descending; ties share the rank; rows or columns", () => {
    const scores = row(90, 80, 80, 70);
    expect([90, 80, 70].map((s) => one(s, scores))).toEqual([1, 2, 4]);
  });

  it("within a group", () => {
    const scores = col(90, 85, 80, 80, 70);
    const groups = col("甲", "乙", "甲", "乙", "甲");
    expect(one(80, scores, "甲", groups)).toBe(2);
    expect(one(80, scores, "乙", groups)).toBe(2);
    expect(one(70, scores, "甲", groups)).toBe(3);
    expect(one(85, scores, "乙", groups)).toBe(1);
  });

  it("blank scores are ignored; numeric text is read; 15 significant digits decide ties", () => {
    expect(one(80, col(90, "", "80", null, 80.00000000000001))).toBe(2);
    expect(one(0.3, col(0.1 + 0.2, 0.3, 0.4))).toBe(2);
  });

  it("same answers on repeated calls (the cached index) as on the first (the scan)", () => {
    const scores = col(...Array.from({ length: 200 }, (_, i) => (i * 37) % 101));
    const groups = col(...Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? "甲" : "乙")));
    const first = [0, 50, 100].map((s) => one(s, scores));
    const again = [0, 50, 100].map((s) => one(s, scores));
    expect(again).toEqual(first);
    expect(first).toEqual([199, 100, 1]);
    const g1 = one(50, scores, "乙", groups);
    expect(one(50, scores, "乙", groups)).toBe(g1);
    expect(one(50, scores)).toBe(100); // the ungrouped index is not confused with the grouped one
  });

  it("a score not among the scores is #N/A, as Excel's RANK", () => {
    expectNaError(() => one(85, col(90, 80)), "score", "85", "不在");
    expectNaError(() => one(90, col(90, 80), "乙", col("甲", "甲")), "乙");
  });

  it("errors name the argument", () => {
    expectValueError(() => one("高", col(90)), "score", "应为数字");
    expectValueError(() => one(90, col(90, "良")), "scores", "第 2 个", "不是数字");
    expectValueError(() => one(90, col(90, 80), "甲"), "groups");
    expectValueError(() => one(90, col(90, 80), "甲", col("甲")), "长度不一致");
  });
});

describe("DJ.RANK agrees with the engine's competitionRank", () => {
  it("on random scores with ties, near-ties and groups", () => {
    let x = 42;
    const next = (): number => (x = (x * 1103515245 + 12345) % 2147483648);
    const n = 300;
    const scores = Array.from({ length: n }, () => {
      const v = (next() % 40) / 4 + 80;
      return next() % 5 === 0 ? v + 1e-15 : v; // a near-tie that is equal at 15 digits
    });
    const groups = Array.from({ length: n }, () => ["甲", "乙", "丙"][next() % 3]!);
    const want = competitionRank(scores, groups);
    const wantAll = competitionRank(scores);
    const sc = col(...scores);
    const gc = col(...groups);
    // The first call over an array scans; later calls over the same array use the index.
    expect(scores.map((s, i) => one(s, sc, groups[i], gc))).toEqual(want);
    expect(scores.map((s) => one(s, sc))).toEqual(wantAll);
    expect(scores.map((s) => one(s, col(...scores)))).toEqual(wantAll); // a fresh copy every call: always the scan
  });
});
