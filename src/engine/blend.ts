/**
 * 综合得分 (DOMAIN §2.2): the weighted blend of the rounded sources, as an exact rounded
 * integer division of units (bigint when a product could pass 2^53).
 */
import { divRoundPos } from "./exact";
import { pow10n } from "./numbers";
import type { Settings } from "./settings";

export interface Blender {
  /** Weights of 自评 and 测评 on the common integer scale. */
  W1: number;
  W2: number;
  anyWeight: boolean;
  /** 综合得分 in units from the three sources in units (NaN = blank); NaN when no weighted source is present. */
  combine(totalU: number, selfU: number, surveyU: number): number;
}

export function blender(settings: Settings): Blender {
  // Weights as integers on one decimal scale.
  const wScale = Math.max(...settings.weights.map((w) => w.s));
  const Wb = settings.weights.map((w) => w.n * pow10n(wScale - w.s));
  const W = Wb.map(Number);
  const [W0, W1, W2] = W as [number, number, number];
  const wSafe = Wb.every((w) => w < 2n ** 31n);
  return {
    W1,
    W2,
    anyWeight: W.some((w) => w > 0),
    combine(totalU, selfU, surveyU) {
      const hasS = !Number.isNaN(selfU);
      const hasV = !Number.isNaN(surveyU);
      const sumW = W0 + (hasS ? W1 : 0) + (hasV ? W2 : 0);
      if (sumW === 0) return NaN;
      const num = W0 * totalU + (hasS ? W1 * selfU : 0) + (hasV ? W2 * surveyU : 0);
      // Exact in doubles below 9e15 < 2^53: the terms are non-negative integer products, so
      // each is below num, hence an exact integer, and so is their sum.
      if (wSafe && num < 9e15) return divRoundPos(num, sumW);
      const bn =
        Wb[0]! * BigInt(totalU) +
        (hasS ? Wb[1]! * BigInt(selfU) : 0n) +
        (hasV ? Wb[2]! * BigInt(surveyU) : 0n);
      const bd = Wb[0]! + (hasS ? Wb[1]! : 0n) + (hasV ? Wb[2]! : 0n);
      return Number((2n * bn + bd) / (2n * bd));
    },
  };
}
