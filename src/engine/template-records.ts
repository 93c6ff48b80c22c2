/**
 * The record sheets of a new workbook (DOMAIN §4–§6): 整改台账, 党员, 积分, 会议记录 with
 * their headers, dropdowns (状态, 严重程度, 整改类型, 会议类型, 是/否), date columns and notes.
 */
import { LEDGER_SHEET, MEETINGS_SHEET, MEMBERS_SHEET, POINTS_SHEET } from "./contract-records";
import { LEDGER_STATUSES } from "./ledger";
import { MEETING_TYPES } from "./settings-records";
import { YES_NO, notesFor, type TemplateSheet, type TemplateValidation } from "./template";

const NOTES: Record<string, string> = {
  组织编码: "与组织表的组织编码一致。",
  问题: "一行一个问题，逐条销号。",
  严重程度: "一般、较重 或 严重（留空按一般）；严重问题逾期即发约谈单。",
  完成时限: "日期，如 2026-06-30。五清楚：基本目标、具体事项、主要措施、完成时限、责任人。",
  状态: "未整改、整改中 或 已销号（必填）。",
  销号日期: "已销号时必填的日期；其他状态留空。",
  姓名: "党员姓名；同一组织内重名时请填党员编号。",
  党员编号: "可选，填写时不能重复；积分表按它找到党员。",
  免评: "是：不参加预警和评议（如年老体弱经支部党员大会同意）。",
  日期: "日期，如 2026-03-15；只统计统计日期所在年份、且不晚于统计日期的记录。",
  分值: "加分为正数，扣分为负数。",
  否决: "是：该党员年度积分自此日起为 0（评议为不合格）。",
  会议类型: `${MEETING_TYPES.join("、")}（也可写 党员大会、支委会）。`,
};

function sheet(
  name: string,
  headers: string[],
  validations: TemplateValidation[],
  widths: number[],
): TemplateSheet {
  return { name, rows: [headers], validations, notes: notesFor(headers, NOTES), widths, freezeRows: 1 };
}

const names = (spec: { headers: readonly { name: string }[] }): string[] => spec.headers.map((h) => h.name);
const at = (headers: string[], h: string): number => headers.indexOf(h);

/** The four record sheets, headers only (the clerk fills them in). */
export function recordTemplateSheets(): TemplateSheet[] {
  const lh = names(LEDGER_SHEET);
  const mh = names(MEMBERS_SHEET);
  const ph = names(POINTS_SHEET);
  const ch = names(MEETINGS_SHEET);
  const date = (hs: string[], h: string): TemplateValidation => ({ column: at(hs, h), list: [], date: true });
  return [
    sheet(
      LEDGER_SHEET.name,
      lh,
      [
        { column: at(lh, "严重程度"), list: ["一般", "较重", "严重"] },
        date(lh, "完成时限"),
        { column: at(lh, "整改类型"), list: ["立行立改", "限期整改"] },
        { column: at(lh, "状态"), list: [...LEDGER_STATUSES] },
        date(lh, "销号日期"),
      ],
      [12, 30, 9, 20, 20, 20, 11, 10, 10, 9, 11],
    ),
    sheet(MEMBERS_SHEET.name, mh, [{ column: at(mh, "免评"), list: YES_NO }], [12, 10, 12, 10, 6]),
    sheet(
      POINTS_SHEET.name,
      ph,
      [date(ph, "日期"), { column: at(ph, "否决"), list: YES_NO }],
      [12, 10, 12, 11, 24, 6, 6],
    ),
    sheet(
      MEETINGS_SHEET.name,
      ch,
      [{ column: at(ch, "会议类型"), list: [...MEETING_TYPES] }, date(ch, "日期")],
      [12, 14, 11, 9, 9],
    ),
  ];
}
