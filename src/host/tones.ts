/**
 * Tier and status colors (fill, font; RGB hex), the one palette of every host: best tier
 * green, lowest red, amber between (4–5 tiers add the steps between); 达标 green, 未达标 red.
 * Excel and WPS take them as "#RRGGBB", the .xlsx styles as ARGB "FFRRGGBB".
 */
export interface Tone {
  fill: string;
  font: string;
}

const GREEN: Tone = { fill: "C6EFCE", font: "006100" };
const AMBER: Tone = { fill: "FFEB9C", font: "9C5700" };
const RED: Tone = { fill: "FFC7CE", font: "9C0006" };

const PALETTE: Record<number, Tone[]> = {
  1: [GREEN],
  2: [GREEN, RED],
  3: [GREEN, AMBER, RED],
  4: [GREEN, { fill: "DDEBF7", font: "1F4E78" }, AMBER, RED],
  5: [GREEN, { fill: "E2EFDA", font: "375623" }, AMBER, { fill: "FCE4D6", font: "833C0C" }, RED],
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
