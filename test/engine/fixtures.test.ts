/**
 * Fixture-driven grading cases: test/fixtures/grading/<case>/input.json and expected.json.
 * Success: expected 结果 (and 晋位升级, notices when given) must match exactly; notices also
 * make the 提示 sheet, which is absent when there are none. When given, `summary` (the 汇总 grid,
 * header rows and the blank row between its two blocks included) is compared with the cached
 * values of 汇总's formulas; a share may be written as the fraction it is, "2/4" (read as 2 ÷ 4,
 * the same double the engine computes). `posting` (the 公示 grid, header included) must match exactly.
 * Every fixture carries a why.md: the hand calculation the expectations come from.
 * Failure: expected problems must match in order; sheet and cell exactly, message as a substring.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { gradeWorkbook, isFormulaCell, type Problem, type Sheets, outputRows } from "../../src/engine";

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
  /** 汇总 as cached values; shares may be "p/q". */
  summary?: (string | number)[][];
  /** 公示, header row first. */
  posting?: string[][];
}

/** A hand-written share "p/q" as the number p ÷ q; every other cell as it is. */
const share = (c: unknown): unknown => {
  const m = typeof c === "string" ? /^(\d+)\/(\d+)$/.exec(c) : null;
  return m ? Number(m[1]) / Number(m[2]) : c;
};

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

test("at least 6 grading fixtures compare 汇总 and 公示", () => {
  const both = cases.filter((c) => {
    const e = read<Expected>(c, "expected.json");
    return e.summary !== undefined && e.posting !== undefined;
  });
  expect(both.length).toBeGreaterThanOrEqual(6);
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
      if (expected.结果 || !expected.晋位升级) expect(outputRows(res.outputs, "结果")).toEqual(expected.结果);
      if (expected.晋位升级) expect(outputRows(res.outputs, "晋位升级")).toEqual(expected.晋位升级);
      if (expected.summary) {
        const cached = outputRows(res.outputs, "汇总")!.map((row) =>
          row.map((c) => (isFormulaCell(c) ? c.value : c)),
        );
        expect(cached).toEqual(expected.summary.map((row) => row.map(share)));
      }
      if (expected.posting) expect(outputRows(res.outputs, "公示")).toEqual(expected.posting);
      if (expected.warnings) {
        expect(res.notices.map((p) => `${p.sheet}!${p.cell}`)).toEqual(
          expected.warnings.map((p) => `${p.sheet}!${p.cell}`),
        );
        res.notices.forEach((p, i) => expect(p.message).toContain(expected.warnings![i]!.message));
      }
      if (expected.notices) {
        expect(res.notices.map((p) => `${p.sheet}!${p.cell} ${p.message}`)).toEqual(
          expected.notices.map((p) => `${p.sheet}!${p.cell} ${p.message}`),
        );
        const sheet = outputRows(res.outputs, "提示");
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
