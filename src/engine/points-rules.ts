/**
 * Member points (DOMAIN §5): quarterly running totals, 预警 (warnLevel, the code DJ.WARN
 * runs), 支部内排名 and 评议建议 with the one-third cap on 优秀. Exact: totals are rationals.
 */
import type { Member } from "./members";
import { formatDec, ratCmp, ratOfDec, type Dec, type Rat } from "./numbers";
import { addDec } from "./plan";
import { warnLevel, type Warning } from "./points";
import { competitionRank } from "./quota";
import { serialOfIso } from "./dates";
import type { RecordSettings } from "./settings-records";

export type Verdict = "优秀" | "合格" | "基本合格" | "不合格" | "";

export interface MemberResult {
  m: Member;
  /** Totals at each quarter's end (null for a quarter ending after the as-of date). */
  quarters: (number | null)[];
  total: number;
  totalRat: Rat;
  totalDec: Dec;
  vetoed: boolean;
  warn: Warning | "免评";
  /** Competition rank among the branch's non-免评 members (NaN for 免评). */
  rank: number;
  verdict: Verdict;
}

/** A member's total as of a day: base + Σ entries up to it, bounded once; a 否决 entry makes it 0. */
function totalAt(m: Member, day: number, s: RecordSettings): { total: Dec; vetoed: boolean } {
  let sum: Dec = s.pointsBase;
  let vetoed = false;
  for (const e of m.entries) {
    if (e.day > day) continue;
    sum = addDec(sum, e.value);
    if (e.veto) vetoed = true;
  }
  if (vetoed || sum.n < 0n) return { total: { n: 0n, s: 0 }, vetoed };
  const cap = s.pointsCap;
  return { total: ratCmp(ratOfDec(sum), ratOfDec(cap)) > 0 ? cap : sum, vetoed };
}

/** An exact decimal as the nearest double. */
export function decNumber(x: Dec): number {
  return Number(formatDec(x));
}

export function memberResults(
  members: Member[],
  year: number,
  asOf: number,
  s: RecordSettings,
): MemberResult[] {
  const ends = ["03-31", "06-30", "09-30", "12-31"].map((md) => serialOfIso(`${year}-${md}`));
  const out: MemberResult[] = members.map((m) => {
    const { total, vetoed } = totalAt(m, asOf, s);
    const quarters = ends.map((e) => (e <= asOf ? decNumber(totalAt(m, e, s).total) : null));
    const n = decNumber(total);
    const warn = m.exempt ? "免评" : warnLevel(n, decNumber(s.yellowBelow), decNumber(s.redBelow));
    const verdict: Verdict = m.exempt
      ? ""
      : warn === "红色" || vetoed
        ? "不合格"
        : warn === "黄色"
          ? "基本合格"
          : "合格";
    return {
      m,
      quarters,
      total: n,
      totalRat: ratOfDec(total),
      totalDec: total,
      vetoed,
      warn,
      rank: NaN,
      verdict,
    };
  });
  const ranks = competitionRank(
    out.map((x) => (x.m.exempt ? NaN : x.total)),
    out.map((x) => x.m.b),
  );
  out.forEach((x, i) => (x.rank = ranks[i]!));
  // 优秀: at most floor(n ÷ 3) of a branch's non-免评 members; a straddling tie stays 合格 whole.
  const byBranch = new Map<number, MemberResult[]>();
  for (const x of out) if (!x.m.exempt) byBranch.set(x.m.b, [...(byBranch.get(x.m.b) ?? []), x]);
  const line = ratOfDec(s.excellent);
  for (const list of byBranch.values()) {
    const limit = Math.floor(list.length / 3);
    const cands = list
      .filter((x) => x.verdict === "合格" && ratCmp(x.totalRat, line) >= 0)
      .sort((a, b) => ratCmp(b.totalRat, a.totalRat));
    let taken = 0;
    for (let i = 0; i < cands.length;) {
      let j = i;
      while (j < cands.length && ratCmp(cands[j]!.totalRat, cands[i]!.totalRat) === 0) j++;
      if (taken + (j - i) > limit) break;
      for (let k = i; k < j; k++) cands[k]!.verdict = "优秀";
      taken += j - i;
      i = j;
    }
  }
  return out;
}
