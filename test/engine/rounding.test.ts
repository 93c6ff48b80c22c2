/**
 * The one fast rounding (numbers.ts: fastRound, roundUnits) against the exact rounding of the
 * 15-digit decimal, on values at and next to .5 ties, where doubles mislead.
 */
import {
  FAST_MAX,
  TIE_ABS,
  decOf,
  fastRound,
  ratOfDec,
  ratRoundUnits,
  roundUnits,
} from "../../src/engine/numbers";

const exact = (x: number, d: number): number => Number(ratRoundUnits(ratOfDec(decOf(x)), d));

describe("fastRound", () => {
  it("rounds half away from zero outside the tolerance, and declines within it", () => {
    expect(fastRound(2.4)).toBe(2);
    expect(fastRound(-2.6)).toBe(-3);
    expect(fastRound(2.5)).toBeNaN(); // a tie: the exact path decides
    expect(fastRound(2.5 + TIE_ABS / 2)).toBeNaN();
    expect(fastRound(FAST_MAX + 0.25)).toBeNaN(); // too large for the fast path
  });
});

describe("roundUnits equals the exact rounding of the 15-digit decimal", () => {
  it("on decimals that doubles hold just below or above a tie", () => {
    // 1.005 is held as 1.00499999999999989…, 2.675 as 2.67499999999999982…, 89.995 as 89.99499999…
    expect(roundUnits(1.005, 2)).toBe(101);
    expect(roundUnits(2.675, 2)).toBe(268);
    expect(roundUnits(89.995, 2)).toBe(9000);
    expect(roundUnits(-0.125, 2)).toBe(-13);
  });

  it("on every tie k + 0.5 (and its neighbours 1e-14 away, relatively) for 3 000 decimals", () => {
    const wrong: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const d = i % 5;
      const k = (i * 7919) % 100000;
      const tie = (k + 0.5) / 10 ** d;
      for (const x of [
        tie,
        Number(tie.toPrecision(15)) * (1 + 1e-14),
        Number(tie.toPrecision(15)) * (1 - 1e-14),
      ]) {
        if (roundUnits(x, d) !== exact(x, d)) wrong.push(`${x} @${d}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
