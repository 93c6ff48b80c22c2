/**
 * Tier and status colors (fill, font; ARGB), the same palette the Excel host uses: best
 * tier green, lowest red, amber between (4–5 tiers add the steps between); 达标 green,
 * 未达标 red.
 */
import type { Tone } from "./styles";

const GREEN: Tone = { fill: "FFC6EFCE", font: "FF006100" };
const AMBER: Tone = { fill: "FFFFEB9C", font: "FF9C5700" };
const RED: Tone = { fill: "FFFFC7CE", font: "FF9C0006" };

const PALETTE: Record<number, Tone[]> = {
  1: [GREEN],
  2: [GREEN, RED],
  3: [GREEN, AMBER, RED],
  4: [GREEN, { fill: "FFDDEBF7", font: "FF1F4E78" }, AMBER, RED],
  5: [GREEN, { fill: "FFE2EFDA", font: "FF375623" }, AMBER, { fill: "FFFCE4D6", font: "FF833C0C" }, RED],
};

/** The color of tier `i` of `n` (best first); longer scales reuse the 5-step palette by position. */
export function tierTone(i: number, n: number): Tone {
  if (n <= 5) return PALETTE[Math.max(1, n)][i];
  return PALETTE[5][Math.min(4, Math.round((i * 4) / (n - 1)))];
}

export const STATUS_TONES: { text: string; tone: Tone }[] = [
  { text: "达标", tone: GREEN },
  { text: "未达标", tone: RED },
];
