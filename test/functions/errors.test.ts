import { CFError } from "./cf-double";
import { FunctionError, guard, toFnError } from "../../src/functions/errors";
import { quota } from "../../src/functions/functions";
import { EngineError } from "../../src/engine";

describe("errors of the DJ.* functions", () => {
  it("an EngineError keeps its message; its code picks #VALUE! or #N/A", () => {
    const v = toFnError(new EngineError("比例无效")) as unknown as CFError;
    expect(v).toBeInstanceOf(CFError);
    expect([v.code, v.message]).toEqual(["#VALUE!", "比例无效"]);
    const na = toFnError(new EngineError("不在编码列中", "na")) as unknown as CFError;
    expect([na.code, na.message]).toEqual(["#N/A", "不在编码列中"]);
  });

  it("an unexpected exception becomes #VALUE! with a Chinese message, never a bare exception", () => {
    const e = (() => {
      try {
        guard(() => {
          throw new TypeError("x is undefined");
        });
      } catch (err) {
        return err as CFError;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(CFError);
    expect(e!.code).toBe("#VALUE!");
    expect(e!.message).toBe("计算出错：x is undefined");
  });

  it("without the CustomFunctions global (outside Excel) the same code and message are thrown", () => {
    const g = globalThis as unknown as { CustomFunctions?: unknown };
    const saved = g.CustomFunctions;
    delete g.CustomFunctions;
    try {
      expect(() => quota(10, "abc")).toThrow(FunctionError);
      try {
        quota(10, "abc");
      } catch (e) {
        expect((e as FunctionError).code).toBe("#VALUE!");
        expect((e as FunctionError).message).toContain("参数 rate（比例）");
      }
    } finally {
      g.CustomFunctions = saved;
    }
  });
});
