/**
 * The DJ.* functions as data (#11): one entry per function, in the order of
 * shared/FUNCTIONS.md. scripts/gen-functions.ts writes functions.ts (the entry points Excel
 * calls, with the JSDoc custom-functions-metadata reads) and translations.zh-CN.json from it.
 */
import { BENCHMARK, RANK, TARGET, TIERS } from "./table-lists";
import { MEETINGS, OVERDUE, WARN } from "./table-records";
import { ALLOCATE, COMBINE, MOVE, QUOTA, TIER, TOTAL } from "./table-scores";
import type { FnInfo } from "./runner";

export { BENCHMARK, RANK, TARGET, TIERS } from "./table-lists";
export { MEETINGS, OVERDUE, WARN } from "./table-records";
export { ALLOCATE, COMBINE, MOVE, QUOTA, TIER, TOTAL } from "./table-scores";

/** Every function, in the order of FUNCTIONS.md (and of functions.json). */
export const FUNCTIONS: readonly FnInfo[] = [
  TIER,
  TOTAL,
  COMBINE,
  QUOTA,
  ALLOCATE,
  MOVE,
  RANK,
  TIERS,
  TARGET,
  BENCHMARK,
  WARN,
  OVERDUE,
  MEETINGS,
];
