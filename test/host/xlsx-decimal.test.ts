/** The scanner's in-place number reading gives exactly the double Number(text) gives. */
import fc from "fast-check";
import { decimalAt } from "../../src/host/xlsx/read-sheet";

const read = (s: string) => decimalAt(`<v>${s}</v>`, 3, 3 + s.length);

describe("decimalAt", () => {
  it("equals Number() on plain decimals of up to 15 significant digits", () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,10}$/), fc.option(fc.stringMatching(/^\d{1,10}$/)))
      .map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac === null ? "" : `.${frac}`}`);
    fc.assert(
      fc.property(decimal, (s) => {
        const x = read(s);
        // Past 15 significant digits it declines (NaN) and the caller uses Number().
        return Number.isNaN(x) || Object.is(x, Number(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads the boundary cases of spreadsheets exactly, and declines what is not a plain decimal", () => {
    for (const s of [
      "0",
      "-0",
      "89.995",
      "0.1",
      "0.30000000000000004".slice(0, 17),
      "45296",
      "1E-3",
      "1.",
      ".5",
    ]) {
      const x = read(s);
      if (!Number.isNaN(x)) expect(Object.is(x, Number(s))).toBe(true);
    }
    expect(read("89.995")).toBe(89.995);
    expect(read("1E-3")).toBeNaN();
    expect(read("1.")).toBeNaN();
    expect(read("-")).toBeNaN();
    expect(read("12a")).toBeNaN();
    expect(read("1234567890123456")).toBeNaN();
  });
});
