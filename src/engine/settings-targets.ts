/**
 * 晋位目标 rows of 设置 (DOMAIN §3): parsing, and the defaults from the seeds.
 */
import { isBlank, labelOf, showValue } from "./cells";
import { SETTINGS_SHEET } from "./contract";
import { atMost100, parseRate } from "./numbers";
import type { Problems } from "./problems";
import type { Entry, Success, Comparator, TargetSpec } from "./settings";
import { msg, type Message } from "./messages";

const DEFAULT_TARGETS: [string, Success, Comparator, string][] = [
  ["后进", "转化", "至少", "90%"],
  ["一般", "晋级", "至少", "50%"],
  ["先进", "示范", "左右", "20%"],
];

/** The targets of the 晋位目标 rows, or the defaults for the tiers present when there are none. */
export function readTargets(rows: Entry[], tiers: string[], problems: Problems): TargetSpec[] {
  const S = SETTINGS_SHEET.name;
  const targets: TargetSpec[] = [];
  const tes = rows.filter((e) => !isBlank(e.value));
  for (const e of tes) {
    const t = parseTarget(labelOf(e.value), tiers);
    if ("id" in t) problems.at(S, e.r, e.c, msg("targetInvalid", { value: showValue(e.value), why: t }));
    else targets.push(t);
  }
  if (tes.length === 0) {
    for (const [from, success, cmp, rate] of DEFAULT_TARGETS) {
      const f = tiers.indexOf(from);
      if (f >= 0 && !(success !== "示范" && f === 0)) {
        targets.push({ from: f, success, comparator: cmp, rate: parseRate(rate)!, label: from + success });
      }
    }
  }

  return targets;
}

/** Parse `后进:转化:至少:90%`; a message is the reason it is invalid. */
export function parseTarget(text: string, tiers: string[]): TargetSpec | Message {
  const parts = text.split(/[:：]/).map((s) => s.trim());
  if (parts.length !== 4) return msg("targetShape");
  const [fromL, succ, cmp, rateText] = parts as [string, string, string, string];
  const from = tiers.indexOf(fromL);
  if (from < 0) return msg("targetTierUnknown", { tier: fromL, tiers });
  if (succ !== "转化" && succ !== "晋级" && succ !== "示范") return msg("targetSuccess", { value: succ });
  if (succ !== "示范" && from === 0) return msg("targetTop", { tier: fromL, success: succ });
  if (cmp !== "至少" && cmp !== "左右" && cmp !== "不超过") return msg("targetComparator", { value: cmp });
  const rate = parseRate(rateText);
  if (!rate || !atMost100(rate)) return msg("targetRate", { value: rateText });
  return { from, success: succ, comparator: cmp, rate, label: fromL + succ };
}
