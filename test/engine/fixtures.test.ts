/**
 * Fixture-driven grading cases: test/fixtures/grading/<case>/input.json and expected.json.
 * Success: expected 结果 (and 晋位升级, notices when given) must match exactly; notices also
 * make the 提示 sheet, which is absent when there are none.
 * Every fixture carries a why.md: the hand calculation the expectations come from.
 * Failure: expected problems must match in order; sheet and cell exactly, message as a substring.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { gradeWorkbook, type Problem, type Sheets } from "../../src/engine";

const dir = path.join(__dirname, "..", "fixtures", "grading");
const cases = fs
  .readdirSync(dir)
  .filter((d) => fs.existsSync(path.join(dir, d, "input.json")))
  .sort();

interface Input {
  sheets: Sheets;
  asOf?: string;
}
interface Expected {
  结果?: unknown[][];
  晋位升级?: unknown[][];
  warnings?: Problem[];
  notices?: Problem[];
  problems?: Problem[];
}

const read = <T>(c: string, f: string): T => JSON.parse(fs.readFileSync(path.join(dir, c, f), "utf8")) as T;

test("there are at least 25 grading fixtures, at least 8 of them bad input", () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
  expect(cases.filter((c) => read<Expected>(c, "expected.json").problems).length).toBeGreaterThanOrEqual(8);
});

test("every fixture explains its numbers in why.md", () => {
  const explained = (c: string): boolean => {
    const f = path.join(dir, c, "why.md");
    return fs.existsSync(f) && /^# \S/.test(fs.readFileSync(f, "utf8"));
  };
  // A new fixture needs one too: a titled note, "# <case> …", then the hand calculation.
  expect(cases.filter((c) => !explained(c))).toEqual([]);
});

describe.each(cases)("fixture %s", (name) => {
  const input = read<Input>(name, "input.json");
  const expected = read<Expected>(name, "expected.json");
  const grade = () =>
    gradeWorkbook(input.sheets, { asOf: input.asOf ? new Date(input.asOf) : new Date(2026, 10, 1) });

  if (expected.problems) {
    test("reports exactly the expected problems, in order", () => {
      const res = grade();
      expect(res.ok).toBe(false);
      if (res.ok) return;
      const got = res.problems.map((p) => `${p.sheet}!${p.cell}`);
      expect(got).toEqual(expected.problems!.map((p) => `${p.sheet}!${p.cell}`));
      res.problems.forEach((p, i) => expect(p.message).toContain(expected.problems![i]!.message));
    });
  } else {
    test("grades", () => {
      const res = grade();
      if (!res.ok) throw new Error(res.problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`).join("\n"));
      // A fixture about 晋位升级 alone may leave 结果 out; every other one lists it.
      if (expected.结果 || !expected.晋位升级) expect(res.sheets["结果"]).toEqual(expected.结果);
      if (expected.晋位升级) expect(res.sheets["晋位升级"]).toEqual(expected.晋位升级);
      if (expected.warnings) {
        expect(res.warnings.map((p) => `${p.sheet}!${p.cell}`)).toEqual(
          expected.warnings.map((p) => `${p.sheet}!${p.cell}`),
        );
        res.warnings.forEach((p, i) => expect(p.message).toContain(expected.warnings![i]!.message));
      }
      if (expected.notices) {
        expect(res.notices.map((p) => `${p.sheet}!${p.cell} ${p.message}`)).toEqual(
          expected.notices.map((p) => `${p.sheet}!${p.cell} ${p.message}`),
        );
        const sheet = res.sheets["提示"];
        if (expected.notices.length === 0) expect(sheet).toBeUndefined();
        else
          expect(sheet).toEqual([
            ["工作表", "单元格", "说明"],
            ...expected.notices.map((p) => [p.sheet, p.cell, p.message]),
          ]);
      }
    });
  }
});
