/**
 * The 设置 keys of tier assignment (DOMAIN §2.4): 维度下限, 名额上限, 满意度下限 with 低于时最高,
 * 名额分组, 名额取整.
 */
import { labelOf, readNumber } from "./cells";
import { SETTINGS_SHEET } from "./contract";
import { atMost100, decOf, parseRate, type Dec, type Rate } from "./numbers";
import type { Problems } from "./problems";
import { splitList, type Entry, type QuotaGroupKey, type QuotaRounding } from "./settings";
import { msg, type Message } from "./messages";

export interface TierRules {
  floors: (Rate | null)[];
  quotaCaps: (Rate | null)[];
  satisfactionFloor: Dec | null;
  satisfactionCapTier: number;
  quotaGroup: QuotaGroupKey;
  quotaRounding: QuotaRounding;
}

export function readTierRules(
  one: (k: string) => Entry | undefined,
  bad: (e: Entry, key: string, expected: Message) => void,
  problems: Problems,
  tiers: string[],
): TierRules {
  const S = SETTINGS_SHEET.name;
  const tierIndex = (label: string): number => tiers.indexOf(label.trim());
  const tierShares = (k: string, allowLowest: boolean): (Rate | null)[] => {
    const out: (Rate | null)[] = tiers.map(() => null);
    const e = one(k);
    if (!e) return out;
    for (const part of splitList(e.value)) {
      const m = /^(.+?)\s*[:：]\s*(.+)$/.exec(part);
      const t = m ? tierIndex(m[1]!) : -1;
      const rate = m ? parseRate(m[2]!) : null;
      if (!m || t < 0) {
        problems.at(S, e.r, e.c, msg("tierShareInvalid", { key: k, part, tiers, first: tiers[0]! }));
      } else if (!rate || !atMost100(rate)) {
        problems.at(S, e.r, e.c, msg("tierShareRate", { key: k, part }));
      } else if (!allowLowest && t === tiers.length - 1) {
        problems.at(S, e.r, e.c, msg("tierShareLowest", { key: k, tier: tiers[t]! }));
      } else {
        out[t] = rate;
      }
    }
    return out;
  };
  const floors = tierShares("维度下限", true);
  const quotaCaps = tierShares("名额上限", false);

  let satisfactionFloor: Dec | null = null;
  let satisfactionCapTier = -1;
  const sf = one("满意度下限");
  const sc = one("低于时最高");
  if (sf) {
    const x = readNumber(sf.value);
    if (x === null || Number.isNaN(x) || x < 0 || x > 100) bad(sf, "满意度下限", msg("wantPercentPoints"));
    else satisfactionFloor = decOf(x);
  }
  if (sc) {
    satisfactionCapTier = tierIndex(labelOf(sc.value));
    if (satisfactionCapTier < 0) bad(sc, "低于时最高", msg("wantOneTier", { tiers }));
  }
  if (sf && !sc) problems.at(S, sf.r, sf.c, msg("satisfactionCapMissing"));
  if (sc && !sf) problems.at(S, sc.r, sc.c, msg("satisfactionFloorMissing"));

  let quotaGroup: QuotaGroupKey = "上级党组织";
  const ge = one("名额分组");
  if (ge) {
    const v = labelOf(ge.value);
    const map: Record<string, QuotaGroupKey> = {
      上级党组织: "上级党组织",
      parent: "上级党组织",
      领域: "领域",
      sector: "领域",
      全部: "全部",
      all: "全部",
    };
    const g = map[v.toLowerCase()];
    if (g) quotaGroup = g;
    else bad(ge, "名额分组", msg("wantQuotaGroup"));
  }

  let quotaRounding: QuotaRounding = "向下取整";
  const qr = one("名额取整");
  if (qr) {
    const v = labelOf(qr.value);
    if (v === "向下取整" || v === "四舍五入" || v === "向上取整") quotaRounding = v;
    else bad(qr, "名额取整", msg("wantQuotaRounding"));
  }
  return { floors, quotaCaps, satisfactionFloor, satisfactionCapTier, quotaGroup, quotaRounding };
}
