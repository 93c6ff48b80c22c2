/**
 * DJ.WARN, DJ.OVERDUE and DJ.MEETINGS against grading (#11): every fixture with records
 * (grading and records fixtures) is graded by the engine, and the functions, given the
 * records' cells as typed, must give the engine's own result for the same row: DJ.OVERDUE =
 * 整改明细 台账状态, DJ.WARN = 积分结果 预警, DJ.MEETINGS = the meetings held in 三会一课 (and
 * 应开期数 where one type is required, at the default rate of once a month).
 */
import "./cf-double";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  DEFAULT_MEETING_RULES,
  Problems,
  gradeWorkbook,
  isBlank,
  readSettings,
  readYesNo,
  resolveSheetName,
  serialOfDate,
  serialOfIso,
  type Grid,
  type OutputSheet,
} from "../../src/engine";
import { meetings, overdue, warn } from "../../src/functions/functions";

interface Fixture {
  sheets: Record<string, Grid>;
  asOf?: string;
}

const FIXTURES = join(__dirname, "..", "fixtures");
const cases = ["grading", "records"].flatMap((set) =>
  readdirSync(join(FIXTURES, set))
    .filter((d) => /^\d|^r\d/.test(d))
    .map((d) => {
      const fx = JSON.parse(readFileSync(join(FIXTURES, set, d, "input.json"), "utf8")) as Fixture;
      return [`${set}/${d}`, fx] as const;
    })
    .filter(([, fx]) => Object.keys(fx.sheets).some((n) => ["整改台账", "积分", "会议记录"].includes(n))),
);

/** A sheet's rows as records keyed by its header row. */
function records(rows: readonly (readonly unknown[])[] | undefined): Record<string, unknown>[] {
  if (!rows) return [];
  const [head, ...rest] = rows;
  return rest.map((r) => Object.fromEntries((head as unknown[]).map((h, i) => [String(h), r[i]])));
}

const plain = (v: unknown): unknown => (typeof v === "object" && v !== null && "value" in v ? v.value : v);
const dec = (d: { n: bigint; s: number }): number => Number(d.n) / 10 ** d.s;

it("there are fixtures with each kind of record", () => {
  const names = cases.flatMap(([, fx]) => Object.keys(fx.sheets));
  for (const n of ["整改台账", "积分", "会议记录"]) expect(names).toContain(n);
});

describe.each(cases)("fixture %s", (_name, fx) => {
  const asOfDate = fx.asOf ? new Date(fx.asOf) : new Date(2026, 10, 1);
  const graded = gradeWorkbook(fx.sheets, { asOf: asOfDate });
  if (!graded.ok) {
    it("is a bad-input case", () => expect(graded.ok).toBe(false));
    return;
  }
  const settings = readSettings(
    fx.sheets[resolveSheetName(Object.keys(fx.sheets), "设置") ?? ""],
    new Problems(),
  );
  // The day grading judged on: 统计日期 in 设置, else the day it was given.
  const asOf = settings.asOf ? serialOfIso(settings.asOf) : serialOfDate(asOfDate);
  const out = (name: string): OutputSheet["rows"] | undefined =>
    graded.outputs.find((s) => s.name === name)?.rows;
  const input = (name: string) => fx.sheets[resolveSheetName(Object.keys(fx.sheets), name) ?? ""];

  it("DJ.OVERDUE gives each 整改台账 row's 台账状态", () => {
    const ledger = records(input("整改台账"));
    const detail = records(out("整改明细"));
    expect(detail.length).toBe(ledger.length);
    ledger.forEach((r, i) => {
      const d = detail[i]!;
      expect([d["组织编码"], d["问题"]]).toEqual([r["组织编码"], r["问题"]]);
      // Without 完成时限 grading reports a 五清楚 gap and calls the row 未到期; DJ.OVERDUE, with
      // no problem list to report to, refuses the blank deadline (#VALUE!, ledger.test.ts).
      if (isBlank(r["完成时限"])) return;
      const got = overdue(r["完成时限"], r["状态"], r["销号日期"], asOf);
      expect([r["问题"], got]).toEqual([r["问题"], d["台账状态"]]);
    });
  });

  it("DJ.WARN gives each member's 预警 from the 年度积分", () => {
    const y = dec(settings.records.yellowBelow);
    const red = dec(settings.records.redBelow);
    // A member marked 免评 in 党员 is not warned, whatever the points (DOMAIN.md, 积分).
    const exempt = new Set(
      records(input("党员"))
        .filter((p) => readYesNo(p["免评"]) === 1)
        .map((p) => String(p["党员编号"])),
    );
    for (const m of records(out("积分结果"))) {
      const points = plain(m["年度积分"]);
      if (typeof points !== "number" || exempt.has(String(m["党员编号"]))) continue;
      expect([m["党员编号"], warn(points, y, red)]).toEqual([m["党员编号"], m["预警"]]);
    }
  });

  it("DJ.MEETINGS gives the meetings held (and required, for one monthly type)", () => {
    const rows = out("三会一课");
    if (!rows) return;
    const head = rows[0] as string[];
    const types = head.slice(head.indexOf("上级党组织") + 1, head.indexOf("应开期数"));
    const table = input("会议记录") ?? [["组织编码", "会议类型", "日期"]];
    const rules = settings.records.meetingRules;
    const defaultRule = (t: string) => DEFAULT_MEETING_RULES.find((r) => r.type === t);
    const single =
      rules.length === 1 && JSON.stringify(rules[0]) === JSON.stringify(defaultRule(rules[0]!.type));
    for (const b of records(rows)) {
      for (const t of types) {
        const [held, required] = meetings(b["组织编码"], table, t, asOf)[0]!;
        expect([b["组织编码"], t, held]).toEqual([b["组织编码"], t, plain(b[t])]);
        if (single && rules[0]!.count === 1)
          expect([b["组织编码"], required]).toEqual([b["组织编码"], b["应开期数"]]);
      }
    }
  });
});
