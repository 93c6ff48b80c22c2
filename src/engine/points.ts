/**
 * Member points (积分争先、双色预警, DOMAIN §5): the warning color of a point total.
 * Pure: imports nothing outside src/engine.
 */
import { EngineError } from "./errors";
import { toExcel15 } from "./numbers";

export type Warning = "红色" | "黄色" | "正常";

export const DEFAULT_YELLOW_BELOW = 70;
export const DEFAULT_RED_BELOW = 60;

/**
 * 红色 when points < redBelow, 黄色 when points < yellowBelow, else 正常; compared at 15
 * significant digits, as Excel compares. warnLevel(59.5) === "红色"; warnLevel(65) === "黄色".
 * @throws EngineError when redBelow > yellowBelow or a value is not a finite number.
 */
export function warnLevel(
  points: number,
  yellowBelow = DEFAULT_YELLOW_BELOW,
  redBelow = DEFAULT_RED_BELOW,
): Warning {
  for (const [x, what] of [
    [points, "积分"],
    [yellowBelow, "黄色线"],
    [redBelow, "红色线"],
  ] as const) {
    if (typeof x !== "number" || !Number.isFinite(x)) throw new EngineError(`${what}应为数字`);
  }
  const y = toExcel15(yellowBelow);
  const r = toExcel15(redBelow);
  if (r > y) throw new EngineError(`红色线（${r}）不能高于黄色线（${y}）`);
  const p = toExcel15(points);
  if (p < r) return "红色";
  if (p < y) return "黄色";
  return "正常";
}
