/**
 * What scoring takes (the 评分 table and the compiled plans) and gives (per-branch arrays).
 */
import type { Nums } from "./arrays";
import type { Table } from "./contract";
import type { Plan } from "./plan";
import type { Problems } from "./problems";
import type { Relative } from "./relative";
import type { Rubric } from "./rubric";
import type { Settings } from "./settings";

export interface ScoreContext {
  table: Table;
  rubric: Rubric;
  n: number;
  idIndex: { get(key: string): number };
  /** The 组织编码 keys idIndex points into (lets rows in 组织 order skip the hash lookup). */
  codes?: readonly string[];
  /** Plan index of each branch. */
  planOf: Nums;
  plans: Plan[];
  settings: Settings;
  problems: Problems;
  /** Group (上级党组织) of each branch, for 排名范围 上级党组织; planOf serves 领域. */
  parentOf?: Nums;
  /** Where notices (提示, DOMAIN §2.5) go. */
  notices?: Problems;
}

export interface Scores {
  /** Units of 10^-digits; NaN when not computed. */
  total: number[];
  self: number[];
  survey: number[];
  combined: number[];
  /** Bit 1: 自评 missing and rescaled; bit 2: 测评 missing and rescaled. */
  rescaled: Uint8Array;
  /** Strictest veto cap (tier index) or -1. */
  vetoTier: number[];
  /** Index into rubric.criteria of the veto that set vetoTier, or -1. */
  vetoCrit: number[];
  /** Bit t set when the dimension floor of tier t is NOT met. */
  floorFail: number[];
  /** 评分 row of each branch, -1 when it has none. */
  scoreRow: number[];
  /** 排名/比例 points (null when the rubric has none). */
  rel: Relative | null;
}
