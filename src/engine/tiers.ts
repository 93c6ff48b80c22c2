/**
 * Tier assignment (DOMAIN §2.4 steps 1–4): cutoffs, dimension floors, 直接定级, caps.
 * Step 5 (quota caps) is in quota.ts.
 */
import { filled, type Nums } from "./arrays";
import { EngineError } from "./errors";
import { ceilDiv, pow10n, toExcel15, type Dec } from "./numbers";
import type { Scores } from "./score-types";
import type { Settings } from "./settings";

export const DEFAULT_SCALE = ["先进", "一般", "后进"] as const;

/** Why a branch holds its tier: the step that decided it. */
export const R_CUTOFF = 0,
  R_FLOOR = 1,
  R_DIRECT = 2,
  R_VETO = 3,
  R_SATISFACTION = 4,
  R_QUOTA = 5;

function asList(v: readonly unknown[] | unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new EngineError(`${what}应为一组值`);
  return (v as unknown[]).flat(2).filter((x) => !(x === "" || x === null || x === undefined));
}

/** Validate a cutoff list (numbers, strictly descending) and a tier list (one more, distinct). */
export function checkScale(
  cutoffs: readonly unknown[],
  tiers: readonly unknown[],
): { cutoffs: number[]; tiers: string[] } {
  const cs = asList(cutoffs, "分数线").map((x) => {
    if (typeof x !== "number" || !Number.isFinite(x)) throw new EngineError(`分数线中的 ${String(x)} 不是数`);
    return toExcel15(x);
  });
  const ts = asList(tiers, "等次").map((x) => String(x).trim());
  if (cs.length === 0) throw new EngineError("分数线至少需要一个数");
  for (let i = 1; i < cs.length; i++)
    if (!(cs[i]! < cs[i - 1]!)) throw new EngineError("分数线应从高到低严格递减");
  if (ts.length !== cs.length + 1)
    throw new EngineError(`等次应比分数线多一个：分数线 ${cs.length} 个，等次 ${ts.length} 个`);
  if (new Set(ts).size !== ts.length) throw new EngineError("等次名称不能重复");
  return { cutoffs: cs, tiers: ts };
}

/**
 * The best tier whose lower bound ≤ score, comparing decimals at 15 significant digits as
 * Excel does (no rounding to 2 dp here: the pipeline rounds before calling).
 * tierByCutoffs(0.3 - 0.1, [0.2, 0.1], ["甲","乙","丙"]) === "甲";
 * tierByCutoffs(89.995, [90, 70], ["先进","一般","后进"]) === "一般".
 * @throws EngineError when cutoffs are not strictly descending or tiers is not one longer.
 */
export function tierByCutoffs(
  score: number,
  cutoffs: readonly number[],
  tiers: readonly string[] = DEFAULT_SCALE,
): string {
  if (typeof score !== "number" || !Number.isFinite(score)) throw new EngineError("得分应为数字");
  const { cutoffs: cs, tiers: ts } = checkScale(cutoffs, tiers);
  const s = toExcel15(score);
  for (let i = 0; i < cs.length; i++) if (s >= cs[i]!) return ts[i]!;
  return ts[ts.length - 1]!;
}

/** Cutoffs in units of 10^-digits: the least integer u with u × 10^-digits ≥ cutoff. */
export function cutoffUnits(cutoffs: Dec[], digits: number): number[] {
  return cutoffs.map((c) => {
    const p = c.n * pow10n(digits);
    const q = pow10n(c.s);
    return Number(ceilDiv(p, q));
  });
}

export interface TierState {
  tier: number[];
  /** Tier from cutoffs (step 1). */
  cutTier: number[];
  reason: Uint8Array;
  /** For R_FLOOR: the tier whose floor failed first; for R_QUOTA: the capped tier. */
  reasonArg: number[];
  tieFlag: Uint8Array;
}

/** Steps 1–4 for every branch. `direct[b]` is a tier index or -1. */
export function assignTiers(n: number, scores: Scores, direct: Nums, settings: Settings): TierState {
  const cut = cutoffUnits(settings.cutoffs, settings.digits);
  const last = settings.tiers.length - 1;
  const satFloor =
    settings.satisfactionFloor && settings.satisfactionCapTier >= 0
      ? cutoffUnits([settings.satisfactionFloor], settings.digits)[0]!
      : NaN;
  const st: TierState = {
    tier: filled(n, 0),
    cutTier: filled(n, 0),
    reason: new Uint8Array(n),
    reasonArg: filled(n, -1),
    tieFlag: new Uint8Array(n),
  };
  const hasFloors = settings.floors.some((f) => f !== null);
  for (let b = 0; b < n; b++) {
    const c = scores.combined[b]!;
    let t = last;
    for (let i = 0; i < cut.length; i++) {
      if (c >= cut[i]!) {
        t = i;
        break;
      }
    }
    st.cutTier[b] = t;
    let reason = R_CUTOFF;
    let arg = -1;
    if (hasFloors) {
      const fail = scores.floorFail[b]!;
      if (fail & (1 << t)) {
        arg = t;
        while (t < last && fail & (1 << t)) t++;
        reason = R_FLOOR;
      }
    }
    const dt = direct[b]!;
    if (dt >= 0) {
      t = dt;
      reason = R_DIRECT;
      arg = -1;
    }
    const vt = scores.vetoTier[b]!;
    const sv = scores.survey[b]!;
    const satCap = sv < satFloor ? settings.satisfactionCapTier : -1;
    if (vt > t && vt >= satCap) {
      t = vt;
      reason = R_VETO;
    } else if (satCap > t) {
      t = satCap;
      reason = R_SATISFACTION;
    }
    st.tier[b] = t;
    st.reason[b] = reason;
    st.reasonArg[b] = arg;
  }
  return st;
}
