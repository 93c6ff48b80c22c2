/**
 * The 设置 keys of the records (DOMAIN §4–§6): 督办 thresholds, the points lines, and the
 * 会议要求 rows (repeatable; when any is given they replace the whole default set).
 */
import { isWhole, labelOf, readNumber } from "./cells";
import { SETTINGS_SHEET } from "./contract";
import { decOf, ratCmp, ratOfDec, type Dec } from "./numbers";
import type { Problems } from "./problems";
import { nonNegativeSetting, type Entry } from "./settings";
import { msg, type Message } from "./messages";

export type Period = "每月" | "每季度" | "每年";

export interface MeetingRule {
  type: string;
  period: Period;
  count: number;
}

export interface RecordSettings {
  /** 督办 thresholds on the count of 逾期 rows: 约谈单, 通报批评单, 整改意见单. */
  interview: number;
  criticism: number;
  opinion: number;
  pointsBase: Dec;
  pointsCap: Dec;
  yellowBelow: Dec;
  redBelow: Dec;
  excellent: Dec;
  meetingRules: MeetingRule[];
}

/** The meeting types and their aliases (DOMAIN §6). */
export const MEETING_TYPES = [
  "支部党员大会",
  "支部委员会",
  "党小组会",
  "党课",
  "主题党日",
  "组织生活会",
] as const;
const MEETING_ALIASES: Record<string, string> = { 党员大会: "支部党员大会", 支委会: "支部委员会" };

/** The canonical meeting type of a label, or null when it is not one. */
export function meetingType(label: string): string | null {
  const t = label.replace(/\s+/g, "");
  if ((MEETING_TYPES as readonly string[]).includes(t)) return t;
  return MEETING_ALIASES[t] ?? null;
}

/** The 2018 branch work regulations' frequencies. */
export const DEFAULT_MEETING_RULES: readonly MeetingRule[] = [
  { type: "支部党员大会", period: "每季度", count: 1 },
  { type: "支部委员会", period: "每月", count: 1 },
  { type: "党小组会", period: "每月", count: 1 },
  { type: "党课", period: "每季度", count: 1 },
  { type: "主题党日", period: "每月", count: 1 },
  { type: "组织生活会", period: "每年", count: 1 },
];
const PERIODS: readonly Period[] = ["每月", "每季度", "每年"];

/** One 会议要求 value, `支部委员会:每月:1`; null when it does not parse. */
export function parseMeetingRule(v: unknown): MeetingRule | null {
  const parts = labelOf(v).split(/\s*[:：]\s*/);
  if (parts.length !== 3) return null;
  const type = meetingType(parts[0]!);
  const period = PERIODS.find((p) => p === parts[1]);
  const count = readNumber(parts[2]);
  if (type === null || !period || count === null || !(count >= 1) || !isWhole(count)) return null;
  return { type, period, count: Math.round(count) };
}

export function readRecordSettings(
  one: (k: string) => Entry | undefined,
  all: (k: string) => Entry[],
  bad: (e: Entry, key: string, expected: Message) => void,
  problems: Problems,
): RecordSettings {
  const count = (k: string, def: number): number => {
    const e = one(k);
    if (!e) return def;
    const x = readNumber(e.value);
    if (x === null || Number.isNaN(x) || x < 1 || !isWhole(x)) {
      bad(e, k, msg("wantPositiveCount"));
      return def;
    }
    return Math.round(x);
  };
  const num = (k: string, def: number): Dec => nonNegativeSetting(one, bad, k, def);
  const s: RecordSettings = {
    interview: count("约谈单", 5),
    criticism: count("通报批评单", 3),
    opinion: count("整改意见单", 1),
    pointsBase: num("积分基准分", 60),
    pointsCap: num("积分上限", 100),
    yellowBelow: num("黄色预警线", 70),
    redBelow: num("红色预警线", 60),
    excellent: num("优秀线", 90),
    meetingRules: [...DEFAULT_MEETING_RULES],
  };
  const lt = (a: Dec, b: Dec): boolean => ratCmp(ratOfDec(a), ratOfDec(b)) < 0;
  const red = one("红色预警线") ?? one("黄色预警线");
  if (red && lt(s.yellowBelow, s.redBelow)) {
    bad(red, red === one("红色预警线") ? "红色预警线" : "黄色预警线", msg("wantRedBelowYellow"));
    // Go on with the defaults, so the records are still read (and their problems reported).
    [s.yellowBelow, s.redBelow] = [decOf(70), decOf(60)];
  }
  const base = one("积分基准分") ?? one("积分上限");
  if (base && lt(s.pointsCap, s.pointsBase)) bad(base, "积分基准分", msg("wantNotAboveCap"));

  const rows = all("会议要求");
  if (rows.length > 0) {
    const rules: MeetingRule[] = [];
    const seen = new Map<string, Entry>();
    for (const e of rows) {
      const rule = parseMeetingRule(e.value);
      if (!rule) {
        bad(e, "会议要求", msg("wantMeetingRule", { types: MEETING_TYPES }));
        continue;
      }
      const first = seen.get(rule.type);
      if (first) {
        problems.at(
          SETTINGS_SHEET.name,
          e.r,
          e.c,
          msg("meetingRuleRepeated", { type: rule.type, row: first.r + 1 }),
        );
        continue;
      }
      seen.set(rule.type, e);
      rules.push(rule);
    }
    s.meetingRules = rules;
  }
  return s;
}
