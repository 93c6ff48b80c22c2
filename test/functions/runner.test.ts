/**
 * The one runner (runner.ts) on small table entries: arguments read by their declared kinds
 * through the engine's cell reader, defaults filled, results shaped, failures mapped to
 * #VALUE! / #N/A naming the argument.
 */
import { CFError, col, errorOf, expectNaError, expectValueError, omitted, row } from "./cf-double";
import { EngineError } from "../../src/engine";
import { defineFn, run } from "../../src/functions/runner";

const SCALE = defineFn({
  id: "SCALE",
  zh: { name: "缩放", description: "测试用。" },
  en: { description: "Test entry.", returns: "x." },
  params: [
    { name: "score", kind: "score", en: "s", zh: "s" },
    { name: "digits", kind: "digits", optional: true, default: 1, en: "d", zh: "d" },
    { name: "bonusCap", kind: "nonNegative", optional: true, en: "c", zh: "c" },
  ],
  result: { shape: "scalar", type: "number" },
  // digits and bonusCap arrive as plain values: a number, and a number or null when omitted.
  body: (score, digits, cap) => Number((score + (cap ?? 0)).toFixed(digits)),
});

const DOUBLE = defineFn({
  id: "DOUBLE",
  zh: { name: "加倍", description: "测试用。" },
  en: { description: "Test entry.", returns: "x." },
  params: [{ name: "scores", kind: "scores", en: "s", zh: "s" }],
  result: { shape: "spill", type: "number", like: "scores" },
  body: (scores) => scores.map((x) => (x ?? 0) * 2),
});

const FAIL = defineFn({
  id: "FAIL",
  zh: { name: "失败", description: "测试用。" },
  en: { description: "Test entry.", returns: "x." },
  params: [{ name: "status", kind: "status", en: "s", zh: "s" }],
  result: { shape: "row", type: "any", headers: { en: ["a"], zh: ["甲"] } },
  body: (status) => {
    if (status === "整改中") throw new EngineError("不在列表中", "na");
    return [status];
  },
});

describe("run", () => {
  it("reads cells as grading does and fills declared defaults", () => {
    // " 85.26 " is numeric text; "85%" is 85 points for a score; digits defaults to 1.
    expect(run(SCALE, [" 85.26 "])).toBe(85.3);
    expect(run(SCALE, ["85%"])).toBe(85);
    // Omitted (null) and blank ("") optional arguments take the default; a 1×1 range is one cell.
    expect(run(SCALE, [[[80.04]], null, ""])).toBe(80);
    expect(run(SCALE, [80.04, 2, [[1.5]]])).toBe(81.54);
  });

  it("refuses a bad argument with #VALUE!, naming it", () => {
    expectValueError(() => run(SCALE, ["高"]), "score", "应为数字");
    expectValueError(() => run(SCALE, [""]), "score", "为空");
    expectValueError(() => run(SCALE, [80, 16]), "digits", "0 到 15");
    expectValueError(() => run(SCALE, [80, 1, -1]), "bonusCap", "不小于 0");
    expectValueError(() => run(SCALE, [col(1, 2)]), "score", "单个值");
  });

  it("spills in the shape of the argument it is declared like", () => {
    expect(run(DOUBLE, [col(1, "", 3)])).toEqual(col(2, 0, 6));
    expect(run(DOUBLE, [row(1, 2)])).toEqual(row(2, 4));
  });

  it("maps an EngineError of a reader to #VALUE! naming the argument, of a body by its code", () => {
    expectValueError(() => run(FAIL, ["完成"]), "参数 status（状态）：");
    expectNaError(() => run(FAIL, ["整改中"]), "不在列表中");
    // Blank status is 未整改 (grading's reading), spilled as one row.
    expect(run(FAIL, [omitted])).toEqual([["未整改"]]);
    expect(errorOf(() => run(FAIL, ["整改中"]))).toBeInstanceOf(CFError);
  });
});
