/** The one "at most 100 %" check of every share, quota and target rate, at its boundary, exactly. */
import { atMost100, parseRate } from "../../src/engine";

const rate = (v: number | string) => {
  const r = parseRate(v);
  if (r === null) throw new Error(`not a rate: ${v}`);
  return r;
};

describe("atMost100", () => {
  it("takes 100 % itself and refuses anything above it, however little", () => {
    expect(["100%", "100.000%", 1, "1", 0, "0%", "30%", 0.3].map((v) => atMost100(rate(v)))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(
      ["100.0001%", 1.000001, "101%", "１０１％".normalize("NFKC"), 2].map((v) => atMost100(rate(v))),
    ).toEqual([false, false, false, false, false]);
  });
});
