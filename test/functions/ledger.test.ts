import { expectValueError } from "./cf-double";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { meetings, overdue, warn } from "../../src/functions/functions";
import { daySerial, overdueStatus, serialOfDate, serialOfIso } from "../../src/engine/ledger";
import { warnLevel } from "../../src/engine/points";

describe("DJ.WARN", () => {
  it("FUNCTIONS.md examples", () => {
    expect(warn(65)).toBe("黄色");
    expect(warn(59.5)).toBe("红色");
  });

  it("the thresholds are strict lower bounds, compared at 15 significant digits", () => {
    expect(warn(70)).toBe("正常");
    expect(warn(60)).toBe("黄色");
    expect(warn(69.99999999999999)).toBe("正常"); // 70 at 15 digits
    expect(warn(59.9999999999999)).toBe("红色");
  });

  it("custom thresholds; omitted (null) or blank ones default to 70 and 60", () => {
    expect(warn(75, 80, 50)).toBe("黄色");
    expect(warn(45, 80, 50)).toBe("红色");
    expect(warn(65, null, null)).toBe("黄色");
    expect(warn(65, "", "")).toBe("黄色");
    expect(warn("85", "90", 60)).toBe("黄色");
  });

  it("errors name the argument", () => {
    expectValueError(() => warn("很多"), "points", "应为数字");
    expectValueError(() => warn(""), "points", "为空");
    expectValueError(() => warn(65, 50, 60), "redBelow", "yellowBelow");
    expectValueError(() => warn(65, "高"), "yellowBelow");
  });
});

describe("DJ.OVERDUE", () => {
  const d = (iso: string): number => serialOfIso(iso);

  it("serial numbers match Excel's 1900 date system", () => {
    expect(d("2026-11-01")).toBe(46327);
    expect(d("1900-03-01")).toBe(61);
    expect(d("1900-01-01")).toBe(1);
    expect(serialOfDate(new Date(2026, 10, 1, 23, 59))).toBe(46327);
  });

  it("the four statuses", () => {
    expect(overdue(d("2026-11-01"), "已销号", d("2026-10-30"), d("2026-12-01"))).toBe("已销号");
    expect(overdue(d("2026-11-01"), "已销号", d("2026-11-02"), d("2026-12-01"))).toBe("逾期销号");
    expect(overdue(d("2026-11-01"), "整改中", null, d("2026-11-02"))).toBe("逾期");
    expect(overdue(d("2026-11-01"), "未整改", "", d("2026-11-01"))).toBe("未到期"); // due today is not overdue
    expect(overdue(d("2026-11-01"), "", null, d("2026-10-01"))).toBe("未到期");
  });

  it("closed on the deadline day, or with a time of day, is not late", () => {
    expect(overdue(d("2026-11-01"), "已销号", d("2026-11-01") + 0.75, d("2026-12-01"))).toBe("已销号");
    expect(overdue(d("2026-11-01") + 0.5, "整改中", null, d("2026-11-01") + 0.9)).toBe("未到期");
  });

  it("已销号 without a closing day is 已销号; dates as text are read", () => {
    expect(overdue(d("2026-11-01"), "已销号", null, d("2027-01-01"))).toBe("已销号");
    expect(overdue("2026-11-01", "整改中", null, "2026年11月2日")).toBe("逾期");
    expect(overdue("46327", "整改中", null, "46328")).toBe("逾期");
  });

  it("asOf defaults to today", () => {
    const today = serialOfDate(new Date());
    expect(overdue(today - 1, "整改中")).toBe("逾期");
    expect(overdue(today, "整改中", null, null)).toBe("未到期");
  });

  it("errors name the argument", () => {
    expectValueError(() => overdue("", "整改中"), "deadline", "为空");
    expectValueError(() => overdue("下月", "整改中"), "deadline", "不是有效日期");
    expectValueError(() => overdue(46327, "搁置"), "status", "未整改、整改中 或 已销号");
    expectValueError(() => overdue(46327, "整改中", 46328, 46330), "closedOn", "已销号");
    expectValueError(() => overdue(46327, "整改中", null, -5), "asOf");
  });
});

describe("engine helpers (src/engine/ledger.ts, points.ts)", () => {
  it("overdueStatus and warnLevel on plain values", () => {
    expect(overdueStatus(10, "整改中", null, 11)).toBe("逾期");
    expect(overdueStatus(10, "已销号", 12, 11)).toBe("逾期销号");
    expect(warnLevel(59.5)).toBe("红色");
    expect(() => warnLevel(65, 50, 60)).toThrow("红色线");
    expect(daySerial("", "x")).toBeNull();
    expect(() => daySerial(true, "完成时限")).toThrow("完成时限不是有效日期");
  });
});

describe("DJ.MEETINGS (over the engine's meetings.ts)", () => {
  // r03-meetings-midyear's 会议记录 and hand calculation: 统计日期 2026-05-15.
  const table = (
    JSON.parse(
      readFileSync(
        join(__dirname, "..", "fixtures", "records", "r03-meetings-midyear", "input.json"),
        "utf8",
      ),
    ) as { sheets: Record<string, unknown[][]> }
  ).sheets["会议记录"]!;
  const asOf = serialOfIso("2026-05-15");

  it("held up to the as-of date, and required by then (January–April monthly, 一季度)", () => {
    expect(meetings("A1", table, "支委会", asOf)).toEqual([[5, 4]]);
    expect(meetings("A1", table, "党课", asOf)).toEqual([[1, 1]]);
    expect(meetings("A1", table, "主题党日", asOf)).toEqual([[3, 4]]);
    expect(meetings("A1", table, "组织生活会", asOf)).toEqual([[1, 0]]);
    expect(meetings("B1", table, "支部委员会", asOf)).toEqual([[0, 4]]);
    expect(meetings("A1", table, "支部委员会", serialOfIso("2026-12-31"))).toEqual([[5, 12]]);
  });

  it("errors name the argument or the cell", () => {
    expectValueError(() => meetings("A1", table, "读书会", asOf), "meetings", "会议类型「读书会」未知");
    expectValueError(() => meetings("", table, "党课", asOf), "orgCode", "为空");
    const bad = [...table, ["A1", "党课", "昨天"]];
    expectValueError(() => meetings("A1", bad, "党课", asOf), "meetings", `C${bad.length}`);
  });
});

describe("DJ.OVERDUE and DJ.WARN agree with the sheets' outputs (one code)", () => {
  const fx = (name: string, file: string): Record<string, unknown[][]> =>
    JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "records", name, file), "utf8")) as Record<
      string,
      unknown[][]
    >;
  it("台账状态 of every r01 row is DJ.OVERDUE of its cells", () => {
    const rows = (
      fx("r01-ledger-letters", "input.json") as unknown as { sheets: Record<string, unknown[][]> }
    ).sheets["整改台账"]!.slice(1).filter((r) => r[6] !== "");
    const detail = fx("r01-ledger-letters", "expected.json")
      ["整改明细"]!.slice(1)
      .filter((r) => r[5] !== "");
    rows.forEach((r, i) => expect(overdue(r[6], r[9], r[10], serialOfIso("2026-06-30"))).toBe(detail[i]![7]));
  });
  it("预警 of every non-免评 r02 member is DJ.WARN of its 年度积分", () => {
    for (const r of fx("r02-points-warnings", "expected.json")["积分结果"]!.slice(1))
      if (r[9] !== "免评") expect(warn(r[8])).toBe(r[9]);
  });
});
