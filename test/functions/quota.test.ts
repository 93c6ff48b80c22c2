import { col, expectValueError, row } from "./cf-double";
import { allocate, quota } from "../../src/functions/functions";

describe("DJ.QUOTA", () => {
  it.each([
    [10, 0.9, null, 9],
    [7, "50%", null, 4],
    [12, 0.2, "左右", 2],
    [10, 1 / 3, "不超过", 3],
  ])("FUNCTIONS.md example QUOTA(%p, %p, %p) = %p", (base, rate, cmp, want) => {
    expect(quota(base, rate, cmp)).toBe(want);
  });

  it("is exact where binary floating point is not", () => {
    expect(Math.ceil(100 * 0.07)).toBe(8); // the trap: 7.000000000000001 in binary
    expect(quota(100, 0.07)).toBe(7);
    expect(quota(10, "90%", "至少")).toBe(9);
    expect(Math.ceil(10 * (0.1 + 0.2))).toBe(4); // 3.0000000000000004
    expect(quota(10, 0.1 + 0.2)).toBe(3); // 0.30000000000000004 is 0.3 at 15 digits
    expect(Math.floor(100 * 0.29)).toBe(28); // 28.999999999999996
    expect(quota(100, 0.29, "不超过")).toBe(29);
  });

  it("defaults to 至少 when the comparator is omitted (null) or blank", () => {
    expect(quota(7, 0.5, null)).toBe(4);
    expect(quota(7, 0.5, "")).toBe(4);
    expect(quota(7, 0.5)).toBe(4);
  });

  it("左右 rounds half up; 不超过 rounds down; 至少 rounds up", () => {
    expect(quota(5, 0.5, "左右")).toBe(3);
    expect(quota(5, 0.5, "不超过")).toBe(2);
    expect(quota(5, 0.5, "至少")).toBe(3);
    expect(quota(11, 0.2, "左右")).toBe(2); // 2.2
    expect(quota(13, 0.2, "左右")).toBe(3); // 2.6
  });

  it("accepts percentages as text, full-width, and numeric text for the base", () => {
    expect(quota("10", " 90 % ")).toBe(9);
    expect(quota(10, "90％")).toBe(9);
    expect(quota(10, "0.9")).toBe(9);
    expect(quota([[10]], [[0.9]])).toBe(9); // 1×1 ranges
  });

  it("handles 15-significant-digit inputs", () => {
    expect(quota(100000000000000, 0.9)).toBe(90000000000000);
    expect(quota(10, 0.899999999999999)).toBe(9); // ceil(8.99999999999999)
    expect(quota(10, 0.8999999999999999)).toBe(9); // 16 digits: Excel sees 0.9 → exactly 9
  });

  it("zero base needs zero", () => {
    expect(quota(0, 0.9)).toBe(0);
  });

  it("rejects bad arguments with #VALUE! naming the argument", () => {
    expectValueError(() => quota(-1, 0.9), "base", "基数", "不小于 0");
    expectValueError(() => quota(10.5, 0.9), "base", "整数");
    expectValueError(() => quota("十", 0.9), "base", "应为数字");
    expectValueError(() => quota(null, 0.9), "base", "为空");
    expectValueError(() => quota(10, "abc"), "rate", "比例");
    expectValueError(() => quota(10, -0.1), "rate");
    expectValueError(() => quota(10, 1.2), "rate", "100%");
    expectValueError(() => quota(10, true), "rate");
    expectValueError(() => quota(10, 0.9, "大约"), "comparator", "至少、左右 或 不超过");
    expectValueError(() => quota(col(10, 20), 0.9), "base", "单个值");
  });
});

describe("DJ.ALLOCATE", () => {
  it("FUNCTIONS.md examples, spilling in the shape of the bases", () => {
    expect(allocate(10, col(5, 3, 2))).toEqual(col(5, 3, 2));
    expect(allocate(7, col(10, 10, 10))).toEqual(col(3, 2, 2));
    expect(allocate(7, row(10, 10, 10))).toEqual(row(3, 2, 2));
  });

  it("the parts always sum to the total and never exceed their base", () => {
    for (let total = 0; total <= 30; total++) {
      const bases = [7, 1, 13, 0, 9];
      const parts = allocate(total, col(...bases)).map((r) => r[0]!);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((p, i) => expect(p).toBeLessThanOrEqual(bases[i]!));
    }
  });

  it("ties by larger base, then by order", () => {
    expect(allocate(1, col(2, 4))).toEqual(col(0, 1)); // remainders 2/6 and 4/6: larger remainder wins
    expect(allocate(1, col(3, 3))).toEqual(col(1, 0));
  });

  it("blank bases count as 0; numeric text is read", () => {
    expect(allocate(4, col("", "2", 2))).toEqual(col(0, 2, 2));
  });

  it("errors name the argument", () => {
    expectValueError(() => allocate(10, col(1, 2)), "total", "超过");
    expectValueError(() => allocate(3, col(1, "x")), "bases", "第 2 个", "不是数字");
    expectValueError(() => allocate(3, col(1.5, 2)), "bases", "整数");
    expectValueError(
      () =>
        allocate(3, [
          [1, 2],
          [3, 4],
        ]),
      "bases",
      "一行或一列",
    );
    expectValueError(() => allocate(3, []), "bases", "为空");
    expectValueError(() => allocate(-1, col(1)), "total");
  });
});
