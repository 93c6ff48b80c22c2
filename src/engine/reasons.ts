/**
 * 定级依据: one short Chinese line per branch saying which step decided its tier.
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
import { R_CUTOFF, R_DIRECT, R_FLOOR, R_SATISFACTION, R_VETO, type TierState } from "./tiers";

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

/** Builds reasons, caching the common cutoff lines by (score, tier). */
export function reasonBuilder(ctx: ReasonContext): (b: number) => string {
  const { settings, scores, state, quota } = ctx;
  const tiers = settings.tiers;
  const d = settings.digits;
  const last = tiers.length - 1;
  const cut = settings.cutoffs.map(formatDec);
  const cache = new Map<number, string>();
  const cutoffLine = (units: number, t: number): string => {
    const key = units * 64 + t;
    let s = cache.get(key);
    if (s === undefined) {
      const sc = formatUnits(units, d);
      s =
        t < last
          ? `综合得分 ${sc} ≥ ${cut[t]} → ${tiers[t]}`
          : `综合得分 ${sc} < ${cut[last - 1]} → ${tiers[t]}`;
      if (cache.size < 100000) cache.set(key, s);
    }
    return s;
  };
  // `维度「X」15.99/20`: the first dimension below tier t's floor, its rounded points and 满分.
  const failingDim = (b: number, t: number): string => {
    const plan = ctx.plans[ctx.planOf[b]!]!;
    const pts = exactPoints(plan, ctx.scoreGrid[scores.scoreRow[b]!]!, scores.rel, b);
    const f = failingDimension(pts, settings, t);
    return f
      ? `维度「${ctx.rubric.dimensions[f.dm]!}」${formatUnits(f.units, d)}/${formatDec(f.max)}`
      : "维度";
  };
  return (b: number): string => {
    const t = state.tier[b]!;
    let line: string;
    const capT = quota.capTier[b]!;
    if (capT >= 0) {
      const lim = quota.limits.get(ctx.quotaGroup[b]! * tiers.length + capT);
      const kn = lim ? ` ${lim.k}/${lim.n}` : "";
      line = `${tiers[capT]}名额${kn} 已满${quota.tie[b] ? "，并列超出名额" : ""} → ${tiers[t]}`;
    } else {
      switch (state.reason[b]) {
        case R_CUTOFF:
          line = cutoffLine(scores.combined[b]!, t);
          break;
        case R_FLOOR: {
          const ft = state.reasonArg[b]!;
          line = `${failingDim(b, ft)} 未达${tiers[ft]}下限 ${formatRate(settings.floors[ft]!)} → ${tiers[t]}`;
          break;
        }
        case R_DIRECT:
          line = `直接定级 → ${tiers[t]}`;
          break;
        case R_VETO:
          line = `否决项 ${ctx.rubric.criteria[scores.vetoCrit[b]!]!.id} 触发 → ${tiers[t]}`;
          break;
        case R_SATISFACTION:
          line = `测评满意度 ${formatUnits(scores.survey[b]!, d)} 低于 ${formatDec(settings.satisfactionFloor!)} → ${tiers[t]}`;
          break;
        default:
          line = cutoffLine(scores.combined[b]!, t);
      }
    }
    const resc = scores.rescaled[b]!;
    if (resc) line += `（缺${resc === 1 ? "自评" : resc === 2 ? "测评" : "自评、测评"}，按权重折算）`;
    return line;
  };
}
