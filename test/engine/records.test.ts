/**
 * Record fixtures (DOMAIN §4–§6): test/fixtures/records/<case>/input.json, expected.json and
 * why.md (the hand calculation). expected.json lists output sheets by name (rows compared
 * exactly), optional `pageBreaks` per sheet, `absent` sheets, or the `problems` (sheet and
 * cell exactly, message as a substring, in order).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { gradeWorkbook, recordsOverview, type Problem, type Sheets, outputRows } from "../../src/engine";

const dir = path.join(__dirname, "..", "fixtures", "records");
const cases = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "input.json")));
const read = <T>(c: string, f: string): T => JSON.parse(fs.readFileSync(path.join(dir, c, f), "utf8")) as T;

type Expected = Record<string, unknown> & {
  problems?: Problem[];
  pageBreaks?: Record<string, number[]>;
  absent?: string[];
};

test("every record fixture explains its numbers in why.md", () => {
  expect(cases.length).toBeGreaterThanOrEqual(4);
  for (const c of cases) expect(fs.existsSync(path.join(dir, c, "why.md"))).toBe(true);
});

describe.each(cases)("record fixture %s", (name) => {
  const input = read<{ sheets: Sheets }>(name, "input.json");
  const expected = read<Expected>(name, "expected.json");
  const res = gradeWorkbook(input.sheets, { asOf: new Date(2026, 10, 1) });
  if (expected.problems) {
    test("reports exactly the expected problems, in order", () => {
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual(
        expected.problems!.map((p) => `${p.sheet}!${p.cell}`),
      );
      res.problems.forEach((p, i) => expect(p.message).toContain(expected.problems![i]!.message));
    });
    return;
  }
  test("writes the output sheets of the hand calculation", () => {
    if (!res.ok) throw new Error(res.problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`).join("\n"));
    for (const [sheet, rows] of Object.entries(expected)) {
      if (sheet === "pageBreaks" || sheet === "absent") continue;
      expect([sheet, outputRows(res.outputs, sheet)]).toEqual([sheet, rows]);
    }
    for (const [sheet, breaks] of Object.entries(expected.pageBreaks ?? {}))
      expect(res.outputs.find((o) => o.name === sheet)?.layout.pageBreaks).toEqual(breaks);
    for (const sheet of expected.absent ?? []) expect(outputRows(res.outputs, sheet)).toBeUndefined();
  });
});

describe("recordsOverview (the pane's 台账 step)", () => {
  test("per group 销号率 and 督办, red/yellow members per branch, branches behind, each with its cell", () => {
    const ledger = read<{ sheets: Sheets }>("r01-ledger-letters", "input.json").sheets;
    const points = read<{ sheets: Sheets }>("r02-points-warnings", "input.json").sheets;
    const meetings = read<{ sheets: Sheets }>("r03-meetings-midyear", "input.json").sheets;
    const r1 = recordsOverview(ledger);
    if (!r1.ok) throw new Error("r01");
    expect(r1.overview.ledger!.map((g) => [g.group, g.rate, g.letter, `${g.at.sheet}!${g.at.cell}`])).toEqual(
      [
        ["甲党委", 0, "约谈单", "整改台账!A2"],
        ["乙党委", 0.25, "通报批评单", "整改台账!A7"],
        ["丙党委", 0, "约谈单", "整改台账!A11"],
        ["丁党委", 0, "整改意见单", "整改台账!A13"],
        ["戊党委", 0.5, "", "组织!A7"],
        ["己党委", 0, "", "组织!A8"],
      ],
    );
    const r2 = recordsOverview(points);
    if (!r2.ok) throw new Error("r02");
    expect(r2.overview.points).toEqual([
      {
        code: "A1",
        name: "甲一支部",
        red: ["钱七"],
        yellow: ["赵六", "孙八"],
        at: { sheet: "党员", cell: "A6" },
      },
    ]);
    const r3 = recordsOverview(meetings);
    if (!r3.ok) throw new Error("r03");
    expect(r3.overview.meetings!.map((m) => [m.code, m.met, m.due, m.at.cell])).toEqual([
      ["A1", 11, 14, "A2"],
      ["B1", 0, 14, "A3"],
    ]);
    expect(r3.overview.asOf).toBe("2026-05-15");
  });
});

describe("标准 来源 in grading (fixture 41-source-tiers)", () => {
  const base = JSON.parse(
    fs.readFileSync(
      path.join(__dirname, "..", "fixtures", "grading", "41-source-tiers", "input.json"),
      "utf8",
    ),
  ) as { sheets: Sheets };
  const tierOf = (sheets: Sheets, code: string): unknown => {
    const res = gradeWorkbook(sheets);
    if (!res.ok) throw new Error(res.problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`).join("\n"));
    return outputRows(res.outputs, "结果")!.find((r) => r[0] === code)?.[9];
  };
  test("C is 一般 for its two overdue ledger rows; closing them makes it 先进", () => {
    expect(tierOf(base.sheets, "C")).toBe("一般");
    const ledger = base.sheets["整改台账"]!.map((r) => [...r]);
    for (const r of ledger) if (r[0] === "C") [r[8], r[9]] = ["已销号", "2026-04-20"];
    expect(tierOf({ ...base.sheets, 整改台账: ledger }, "C")).toBe("先进");
  });
  test("B is capped at 一般 by 三会一课未达标; its March 支委会 lifts the cap", () => {
    expect(tierOf(base.sheets, "B")).toBe("一般");
    const meetings = [...base.sheets["会议记录"]!, ["B", "支部委员会", "2026-03-10"]];
    expect(tierOf({ ...base.sheets, 会议记录: meetings }, "B")).toBe("先进");
  });
});
