/**
 * The optional record sheets (DOMAIN §4–§6): 整改台账, 党员, 积分, 会议记录, and the 设置 keys
 * that govern them. Kept apart from contract.ts so each file stays small.
 */
import type { HeaderSpec, SheetSpec } from "./contract";

const h = (name: string, aliases: string[], required = false): HeaderSpec => ({ name, aliases, required });

export const LEDGER_SHEET: SheetSpec = {
  name: "整改台账",
  alias: "ledger",
  required: false,
  headers: [
    h("组织编码", ["id"], true),
    h("问题", ["problem"], true),
    h("严重程度", ["severity"]),
    h("基本目标", ["goal"]),
    h("具体事项", ["tasks"]),
    h("主要措施", ["measures"]),
    h("完成时限", ["deadline"]),
    h("责任人", ["owner"]),
    h("整改类型", ["type"]),
    h("状态", ["status"], true),
    h("销号日期", ["closed"]),
  ],
};
export const MEMBERS_SHEET: SheetSpec = {
  name: "党员",
  alias: "members",
  required: false,
  headers: [
    h("组织编码", ["id"], true),
    h("姓名", ["name"], true),
    h("党员编号", ["member"]),
    h("党员类别", ["category"]),
    h("免评", ["exempt"]),
  ],
};
export const POINTS_SHEET: SheetSpec = {
  name: "积分",
  alias: "points",
  required: false,
  headers: [
    h("党员编号", ["member"]),
    h("姓名", ["name"]),
    h("组织编码", ["id"]),
    h("日期", ["date"], true),
    h("事项", ["item"]),
    h("分值", ["points"], true),
    h("否决", ["veto"]),
  ],
};
export const MEETINGS_SHEET: SheetSpec = {
  name: "会议记录",
  alias: "meetings",
  required: false,
  headers: [
    h("组织编码", ["id"], true),
    h("会议类型", ["type"], true),
    h("日期", ["date"], true),
    h("参会人数", ["attended"]),
    h("应到人数", ["expected"]),
  ],
};

export const RECORD_SETTINGS_KEYS = [
  "约谈单",
  "通报批评单",
  "整改意见单",
  "积分基准分",
  "积分上限",
  "黄色预警线",
  "红色预警线",
  "优秀线",
  "会议要求",
] as const;
