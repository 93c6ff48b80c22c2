/**
 * The 设置 keys of tier assignment (DOMAIN §2.4): 维度下限, 名额上限, 满意度下限 with 低于时最高,
 * 名额分组, 名额取整.
 */
import { labelOf, readNumber } from "./cells";
import { SETTINGS_SHEET } from "./contract";
import { decOf, parseRate, type Dec, type Rate } from "./numbers";
import type { Problems } from "./problems";
import { splitList, type Entry, type QuotaGroupKey, type QuotaRounding } from "./settings";

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
  bad: (e: Entry, key: string, expected: string) => void,
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
        problems.at(
          S,
          e.r,
          e.c,
          `设置项「${k}」中的「${part}」无效，应为 等次:比例，等次须是 ${tiers.join("、")} 之一，如 ${tiers[0]}:30%`,
        );
      } else if (!rate || rate.num > BigInt(10) ** BigInt(rate.scale)) {
        problems.at(S, e.r, e.c, `设置项「${k}」中的「${part}」比例无效，应为 0 到 100% 之间，如 30% 或 0.3`);
      } else if (!allowLowest && t === tiers.length - 1) {
        problems.at(S, e.r, e.c, `设置项「${k}」不能限制最低等次「${tiers[t]}」的名额`);
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
    if (x === null || Number.isNaN(x) || x < 0 || x > 100)
      bad(sf, "满意度下限", "0 到 100 之间的数（百分点，如 60）");
    else satisfactionFloor = decOf(x);
  }
  if (sc) {
    satisfactionCapTier = tierIndex(labelOf(sc.value));
    if (satisfactionCapTier < 0) bad(sc, "低于时最高", `等次 ${tiers.join("、")} 之一`);
  }
  if (sf && !sc)
    problems.at(
      S,
      sf.r,
      sf.c,
      "设置了「满意度下限」，还需要设置「低于时最高」（满意度低于下限时最高可定的等次）",
    );
  if (sc && !sf) problems.at(S, sc.r, sc.c, "设置了「低于时最高」，还需要设置「满意度下限」");

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
    else bad(ge, "名额分组", "上级党组织、领域 或 全部");
  }

  let quotaRounding: QuotaRounding = "向下取整";
  const qr = one("名额取整");
  if (qr) {
    const v = labelOf(qr.value);
    if (v === "向下取整" || v === "四舍五入" || v === "向上取整") quotaRounding = v;
    else bad(qr, "名额取整", "向下取整、四舍五入 或 向上取整");
  }
  return { floors, quotaCaps, satisfactionFloor, satisfactionCapTier, quotaGroup, quotaRounding };
}
