/**
 * 定级依据: one short line per branch saying which step decided its tier, as a message
 * (messages/) so a door can render it in en-US; 结果 shows the zh-CN text.
 */
import type { Nums } from "./arrays";
import { formatDec, formatRate, formatUnits } from "./numbers";
import type { QuotaOutcome } from "./quota";
import type { Plan } from "./plan";
import type { Rubric } from "./rubric";
import { exactPoints } from "./exact";
import { failingDimension } from "./floors";
import type { Scores } from "./score-types";
import type { Settings } from "./settings";
import { R_DIRECT, R_FLOOR, R_SATISFACTION, R_VETO, type TierState } from "./tiers";
import { messageText, msg, type Locale, type Message } from "./messages";

export interface ReasonContext {
  settings: Settings;
  scores: Scores;
  state: TierState;
  quota: QuotaOutcome;
  quotaGroup: Nums;
  rubric: Rubric;
  plans: Plan[];
  planOf: Nums;
  scoreGrid: unknown[][];
}

/** The reason of each branch as a message (what decided its tier, with the numbers shown). */
export function reasonMessages(ctx: ReasonContext): (b: number) => Message {
  const { settings, scores, state, quota } = ctx;
  const tiers = settings.tiers;
  const d = settings.digits;
  const last = tiers.length - 1;
  const cut = settings.cutoffs.map(formatDec);
  const cutoffLine = (units: number, t: number): Message =>
    t < last
      ? msg("reasonAbove", { score: formatUnits(units, d), cutoff: cut[t]!, tier: tiers[t]! })
      : msg("reasonBelow", { score: formatUnits(units, d), cutoff: cut[last - 1]!, tier: tiers[t]! });
  // `维度「X」15.99/20`: the first dimension below tier t's floor, its rounded points and 满分.
  const failingDim = (b: number, t: number): Message => {
    const plan = ctx.plans[ctx.planOf[b]!]!;
    const pts = exactPoints(plan, ctx.scoreGrid[scores.scoreRow[b]!]!, scores.rel, b);
    const f = failingDimension(pts, settings, t);
    return f
      ? msg("reasonDimension", {
          name: ctx.rubric.dimensions[f.dm]!,
          points: formatUnits(f.units, d),
          max: formatDec(f.max),
        })
      : msg("reasonDimensionUnknown");
  };
  return (b: number): Message => {
    const t = state.tier[b]!;
    const tier = tiers[t]!;
    let line: Message;
    const capT = quota.capTier[b]!;
    if (capT >= 0) {
      const lim = quota.limits.get(ctx.quotaGroup[b]! * tiers.length + capT);
      line = msg("reasonQuota", {
        capTier: tiers[capT]!,
        count: lim ? msg("reasonQuotaCount", { k: lim.k, n: lim.n }) : "",
        tie: quota.tie[b] ? msg("reasonQuotaTie") : "",
        tier,
      });
    } else {
      switch (state.reason[b]) {
        case R_FLOOR: {
          const ft = state.reasonArg[b]!;
          const share = formatRate(settings.floors[ft]!);
          line = msg("reasonFloor", { dim: failingDim(b, ft), floorTier: tiers[ft]!, share, tier });
          break;
        }
        case R_DIRECT:
          line = msg("reasonDirect", { tier });
          break;
        case R_VETO:
          line = msg("reasonVeto", { id: ctx.rubric.criteria[scores.vetoCrit[b]!]!.id, tier });
          break;
        case R_SATISFACTION:
          line = msg("reasonSatisfaction", {
            survey: formatUnits(scores.survey[b]!, d),
            floor: formatDec(settings.satisfactionFloor!),
            tier,
          });
          break;
        default: // R_CUTOFF
          line = cutoffLine(scores.combined[b]!, t);
      }
    }
    const resc = scores.rescaled[b]!;
    if (!resc) return line;
    const missing = msg(resc === 1 ? "reasonNoSelf" : resc === 2 ? "reasonNoSurvey" : "reasonNoBoth");
    return msg("reasonRescaled", { line, missing });
  };
}

/**
 * The reasons as text in a locale (zh-CN for 结果). Plain cutoff lines, the common case, are
 * cached by (score units, tier): many branches share a rounded score, so the cache hits.
 */
export function reasonBuilder(ctx: ReasonContext, locale: Locale = "zh-CN"): (b: number) => string {
  const { scores, state, quota } = ctx;
  const message = reasonMessages(ctx);
  const cache = new Map<number, string>();
  return (b: number): string => {
    const r = state.reason[b];
    const plain =
      quota.capTier[b]! < 0 &&
      !scores.rescaled[b] &&
      r !== R_FLOOR &&
      r !== R_DIRECT &&
      r !== R_VETO &&
      r !== R_SATISFACTION;
    const key = plain ? scores.combined[b]! * 64 + state.tier[b]! : -1;
    let s = plain ? cache.get(key) : undefined;
    if (s === undefined) {
      const m = message(b);
      s = messageText(m.id, m.params, locale);
      if (plain && cache.size < 100000) cache.set(key, s);
    }
    return s;
  };
}
