/**
 * Collecting problems (every one, each naming its cell), sorting them, and the 问题 sheet.
 */
import { addr, parseAddr } from "./cells";
import { messageText, type Locale, type Message } from "./messages";
import type { OutputSheet, Problem } from "./types";

/** Sheet order used to sort problems: 设置, 标准, 组织, 评分, the records, then anything else. */
const SHEET_ORDER = ["设置", "标准", "组织", "评分", "整改台账", "党员", "积分", "会议记录"];

/** At most this many problems are listed; one more line says how many were left out. */
export const MAX_PROBLEMS = 5000;

export class Problems {
  private readonly list: { p: Problem; s: number; r: number; c: number; i: number }[] = [];
  private dropped = 0;

  /** Add a problem at a 0-based (row, col) of a sheet. */
  at(sheet: string, r: number, c: number, m: Message): void {
    this.push(sheet, addr(r, c), r, c, m);
  }

  /** Add a problem at an A1 address. */
  cell(sheet: string, cell: string, m: Message): void {
    const { r, c } = parseAddr(cell);
    this.push(sheet, cell, r, c, m);
  }

  private push(sheet: string, cell: string, r: number, c: number, m: Message): void {
    if (this.list.length >= MAX_PROBLEMS) {
      this.dropped++;
      return;
    }
    const idx = SHEET_ORDER.indexOf(sheet);
    this.list.push({
      p: problemOf(sheet, cell, m),
      s: idx < 0 ? SHEET_ORDER.length : idx,
      r,
      c,
      i: this.list.length,
    });
  }

  get count(): number {
    return this.list.length + this.dropped;
  }

  /** Sorted by sheet order, then row, then column, then order of discovery. */
  sorted(): Problem[] {
    const out = [...this.list]
      .sort((a, b) => a.s - b.s || a.r - b.r || a.c - b.c || a.i - b.i)
      .map((x) => x.p);
    if (this.dropped > 0)
      out.push(problemOf("", "", { id: "moreProblems", params: { count: this.dropped } }));
    return out;
  }
}

/** A problem with its zh-CN text and the message it came from. */
export function problemOf(sheet: string, cell: string, m: Message): Problem {
  const p: Problem = { sheet, cell, message: messageText(m.id, m.params, "zh-CN"), id: m.id };
  if (m.params !== undefined) p.params = m.params;
  return p;
}

/** A problem's text in a locale (its zh-CN `message` when it carries no id). */
export function problemText(p: Problem, locale: Locale = "zh-CN"): string {
  return p.id === undefined || locale === "zh-CN" ? p.message : messageText(p.id, p.params, locale);
}

/** `评分!D7: message` — a problem as one line, in a locale (zh-CN by default). */
export function formatProblem(p: Problem, locale: Locale = "zh-CN"): string {
  const text = problemText(p, locale);
  return p.cell ? `${p.sheet}!${p.cell}: ${text}` : `${p.sheet}: ${text}`;
}

/** The 问题 sheet (headers 工作表, 单元格, 问题), written instead of the results. */
export function problemsSheet(problems: Problem[]): OutputSheet {
  const rows = [["工作表", "单元格", "问题"], ...problems.map((p) => [p.sheet, p.cell, p.message])];
  return {
    name: "问题",
    rows,
    layout: {
      freezeRows: 1,
      table: { name: "问题表" },
      numberFormats: {},
      tierColumns: [],
      statusColumns: [],
      widths: [10, 10, 80],
    },
  };
}
