/**
 * Table entries (runner.ts) of the DJ.* functions over the records (积分, 整改台账, 会议记录):
 * WARN, OVERDUE, MEETINGS. Texts: shared/FUNCTIONS.md; defaults are stated by the generator.
 */
import {
  DEFAULT_RED_BELOW,
  DEFAULT_YELLOW_BELOW,
  meetingsHeld,
  overdueStatus,
  serialOfDate,
  warnLevel,
  showValue,
} from "../engine";
import { badArg } from "./args";
import { guardArg } from "./parse";
import { defineFn } from "./runner";

/** An as-of date left out: today (these functions are volatile for that reason). */
const TODAY = { en: "today", zh: "今天", value: () => serialOfDate(new Date()) } as const;

export const WARN = defineFn({
  id: "WARN",
  zh: {
    name: "积分预警",
    description: "党员积分的双色预警：低于红色线为红色，低于黄色线为黄色，否则为正常。",
  },
  en: {
    description:
      "The warning color of a member's points: 红色 below the red line, 黄色 below the yellow line, else 正常.",
    returns: "红色, 黄色 or 正常.",
  },
  params: [
    { name: "points", kind: "number", en: "The points", zh: "积分" },
    {
      name: "yellowBelow",
      kind: "number",
      optional: true,
      default: DEFAULT_YELLOW_BELOW,
      en: "Yellow below this total",
      zh: "低于此分为黄色",
    },
    {
      name: "redBelow",
      kind: "number",
      optional: true,
      default: DEFAULT_RED_BELOW,
      en: "Red below this total",
      zh: "低于此分为红色",
    },
  ],
  result: { shape: "scalar", type: "string" },
  body: (points, yellowBelow, redBelow) => {
    if (redBelow > yellowBelow)
      throw badArg("redBelow", `（${showValue(redBelow)}）不能高于 yellowBelow（${showValue(yellowBelow)}）`);
    return warnLevel(points, yellowBelow, redBelow);
  },
});

export const OVERDUE = defineFn({
  id: "OVERDUE",
  zh: {
    name: "逾期状态",
    description: "整改事项在统计日期的状态：已销号、逾期销号、逾期 或 未到期。日期为 Excel 日期序号。",
  },
  en: {
    description:
      "The overdue status of a rectification item as of a date: 已销号, 逾期销号, 逾期 or 未到期. Dates are Excel serial numbers.",
    returns: "已销号, 逾期销号, 逾期 or 未到期.",
  },
  volatile: true,
  params: [
    { name: "deadline", kind: "date", en: "The deadline (完成时限)", zh: "完成时限" },
    {
      name: "status",
      kind: "status",
      en: "未整改, 整改中 or 已销号 (blank: 未整改)",
      zh: "状态：未整改、整改中 或 已销号（空白视为未整改）",
    },
    {
      name: "closedOn",
      kind: "date",
      optional: true,
      en: "The day it was closed (销号日期)",
      zh: "销号日期",
    },
    {
      name: "asOf",
      kind: "date",
      optional: true,
      otherwise: TODAY,
      en: "The day to judge on",
      zh: "统计日期",
    },
  ],
  result: { shape: "scalar", type: "string" },
  body: (deadline, status, closedOn, asOf) =>
    guardArg("closedOn", () => overdueStatus(deadline, status, closedOn, asOf)),
});

export const MEETINGS = defineFn({
  id: "MEETINGS",
  zh: {
    name: "会议次数",
    description: "一个支部某类会议：本年度截至统计日期已开次数和应开次数（按三会一课默认要求），左右两格。",
  },
  en: {
    description:
      "One branch's meetings of one type: held this year up to the as-of date, and required by then (三会一课 defaults).",
    returns: "Held and required, side by side.",
  },
  volatile: true,
  params: [
    { name: "orgCode", kind: "key", en: "The branch's code (组织编码)", zh: "支部的组织编码" },
    {
      name: "meetings",
      kind: "grid",
      en: "The 会议记录 table with its header row (组织编码, 会议类型, 日期)",
      zh: "会议记录表（含表头：组织编码、会议类型、日期）",
    },
    {
      name: "type",
      kind: "text",
      en: "The meeting type, e.g. 支部委员会 (支委会)",
      zh: "会议类型，如 支部委员会（支委会）",
    },
    {
      name: "asOf",
      kind: "date",
      optional: true,
      otherwise: TODAY,
      en: "The day to count up to",
      zh: "统计日期",
    },
  ],
  result: {
    shape: "row",
    type: "number",
    headers: { en: ["held", "required"], zh: ["已开", "应开"] },
  },
  body: (orgCode, meetings, type, asOf) =>
    guardArg("meetings", () => meetingsHeld(orgCode, meetings, type, asOf)),
});
