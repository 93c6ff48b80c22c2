/**
 * The engine internals consolidate needs beyond the public index (the output sheet builders
 * and the settings reader), gathered in one place so that a future engine export replaces
 * just this file.
 */
import { Problems } from "../engine/problems";
import { readSettings, type Settings } from "../engine/settings";
import type { Grid } from "../engine/types";

export { BRANCHES_SHEET } from "../engine/contract";
export {
  OUTPUT_SHEETS,
  POSTING_HEADERS,
  PROMOTION_HEADERS,
  RESULT_HEADERS,
  postingLayout,
  promotionLayout,
  resultLayout,
  sheet,
  summaryBlock,
  summaryLayout,
} from "../engine/outputs";
export { requiredCount } from "../engine/quota";
export { targetOutcome } from "../engine/promotion";

/** The 设置 sheet read by the engine; problems as one-line texts. */
export function readSettingsFrom(grid: Grid | undefined): Settings & { problems: string[] } {
  const problems = new Problems();
  const settings = readSettings(grid, problems);
  return { ...settings, problems: problems.sorted().map((p) => `${p.sheet}!${p.cell} ${p.message}`) };
}
