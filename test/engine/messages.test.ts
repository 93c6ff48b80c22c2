/**
 * Engine messages as data: both tables complete and alike, and real problems from bad
 * fixtures rendered in English (expected text written by hand from the inputs).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  MESSAGE_TABLES,
  formatProblem,
  gradeWorkbook,
  messageText,
  msg,
  problemText,
  type Problem,
  type Sheets,
} from "../../src/engine";
import { placeholders } from "../../src/engine/messages";

const zh = MESSAGE_TABLES["zh-CN"];
const en = MESSAGE_TABLES["en-US"];

describe("the message tables", () => {
  it("have the same ids, each with text in both locales", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const id of Object.keys(zh) as (keyof typeof zh)[]) {
      expect([id, zh[id].length > 0, en[id].length > 0]).toEqual([id, true, true]);
    }
    expect(Object.keys(zh).length).toBeGreaterThan(150);
  });

  it("use the same placeholders in both locales", () => {
    const differing = (Object.keys(zh) as (keyof typeof zh)[]).filter(
      (id) =>
        [...new Set(placeholders(zh[id]))].sort().join() !== [...new Set(placeholders(en[id]))].sort().join(),
    );
    expect(differing).toEqual([]);
  });

  it("English text has no Chinese sentence punctuation (only quoted workbook words are Chinese)", () => {
    const odd = Object.entries(en).filter(([, t]) =>
      /[，。；：「」]/.test(t.replace(/“[^”]*”|"[^"]*"/g, "")),
    );
    expect(odd.map(([id]) => id)).toEqual([]);
  });
});

describe("rendering", () => {
  it("fills parameters, joins lists with the locale's separator and renders nested messages", () => {
    const m = msg("settingInvalid", {
      key: "低于时最高",
      value: '"优"',
      expected: msg("wantOneTier", { tiers: ["先进", "一般"] }),
    });
    expect(messageText(m.id, m.params, "zh-CN")).toBe(
      '设置项「低于时最高」的值 "优" 无效，应为等次 先进、一般 之一',
    );
    expect(messageText(m.id, m.params, "en-US")).toBe(
      'Setting "低于时最高": the value "优" is invalid; expected one of the tiers 先进, 一般',
    );
  });

  it("a problem without an id (built by hand) keeps its text in every locale", () => {
    const p: Problem = { sheet: "评分", cell: "B2", message: "超过满分" };
    expect(problemText(p, "en-US")).toBe("超过满分");
    expect(formatProblem(p, "en-US")).toBe("评分!B2: 超过满分");
  });
});

const fixture = (name: string): Problem[] => {
  const f = path.join(__dirname, "..", "fixtures", "grading", name, "input.json");
  const input = JSON.parse(fs.readFileSync(f, "utf8")) as { sheets: Sheets };
  const r = gradeWorkbook(input.sheets, { asOf: new Date(Date.UTC(2026, 10, 30)) });
  if (r.ok) throw new Error(`${name} graded`);
  return r.problems;
};
const at = (ps: Problem[], cell: string): Problem[] => ps.filter((p) => `${p.sheet}!${p.cell}` === cell);

describe("real problems in English", () => {
  it("b06 评分 cells: each problem's zh-CN text unchanged, its English text from the same facts", () => {
    const ps = fixture("b06-score-cells");
    const b2 = at(ps, "评分!B2")[0]!;
    // J1 is 评分 with 满分 10 and no 下限; the clerk typed 12.
    expect(b2.message).toBe("指标 J1 的输入 12 超过满分 10，应为 0 到 10 之间的数");
    expect(problemText(b2, "en-US")).toBe(
      "Criterion J1: the input 12 is above the full mark 10; expected a number from 0 to 10",
    );
    // J2 is 扣分: a count, 1.5 is not whole.
    expect(problemText(at(ps, "评分!C3")[0]!, "en-US")).toBe(
      "Criterion J2 (扣分): the count 1.5 is not a whole number; expected a whole number of at least 0",
    );
    // J6 belongs to another sector than 农村, and the cell holds 5.
    expect(formatProblem(at(ps, "评分!G3")[0]!, "en-US")).toBe(
      '评分!G3: Criterion J6 does not apply to sector "农村"; this cell should be blank or 不适用 (it holds 5)',
    );
    // J7 is 加分 with 单项分值: a count; "x" is text.
    expect(problemText(at(ps, "评分!H3")[0]!, "en-US")).toBe(
      'Criterion J7 (加分): the input "x" is not a number; expected a whole number of at least 0 (a count)',
    );
  });

  it("b03 设置 values: nested expectations and lists rendered in English", () => {
    const ps = fixture("b03-settings-values");
    expect(problemText(at(ps, "设置!B12")[0]!, "en-US")).toBe(
      'Setting "名额分组": the value "街道" is invalid; expected 上级党组织, 领域 or 全部',
    );
    expect(problemText(at(ps, "设置!B14")[0]!, "en-US")).toBe(
      '晋位目标 "后进:转化:大约:90%" is invalid: "大约" should be 至少, 左右 or 不超过',
    );
    // 等次 is the default 先进, 一般, 后进 (the written one is invalid); 优秀 is not among them.
    expect(problemText(at(ps, "设置!B15")[0]!, "en-US")).toBe(
      'Setting "名额上限": "优秀:30%" is invalid; expected tier:share with a tier among 先进, 一般, 后进, e.g. 先进:30%',
    );
    expect(problemText(at(ps, "设置!A7")[0]!, "en-US")).toBe(
      'Setting "小数位数" appears again (first in row 6); it may appear only once',
    );
  });

  it("b01 missing sheets: the needed columns listed in English", () => {
    const p = at(fixture("b01-missing-sheets"), "组织!A1")[0]!;
    expect(problemText(p, "en-US")).toBe(
      'Sheet "组织" (or branches) is missing. Columns needed: 组织编码, 组织名称, 上级党组织, 领域. ' +
        'Add this sheet (the template has it); an office\'s own scoring sheet (branch names and criterion columns with points, e.g. "班子建设（15分）") can be read as well',
    );
  });
});
