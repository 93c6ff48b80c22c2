/**
 * Reading single cells the way a clerk means them: blanks, numbers (also numeric text),
 * yes/no flags, labels; and A1 addresses.
 */
import { parseNumberText, toExcel15 } from "./numbers";
import { msg, type Message } from "./messages";

/** True for "", null, undefined and whitespace-only text. */
export function isBlank(v: unknown): boolean {
  return v === "" || v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

const NOT_APPLICABLE = new Set(["不适用", "/", "／"]);

/** True for a 不适用 cell (`不适用` or `/`): the item does not apply to this branch (DOMAIN §2.1). */
export function isNotApplicable(v: unknown): boolean {
  return typeof v === "string" && NOT_APPLICABLE.has(v.trim());
}

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function colLetter(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 0-based (row, column). */
export function addr(r: number, c: number): string {
  return colLetter(c) + String(r + 1);
}

/** Parse an A1 address into 0-based row and column (for sorting problems). */
export function parseAddr(a: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a);
  if (!m) return { r: 0, c: 0 };
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: parseInt(m[2]!, 10) - 1, c: c - 1 };
}

/**
 * A number from a cell: numbers as they are, numeric text parsed ("12", " 8.5 ").
 * Returns null for a blank cell and NaN for anything else (text, booleans, dates).
 */
export function readNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (isBlank(v)) return null;
  if (typeof v === "string") {
    const x = parseNumberText(v);
    return x === null ? NaN : x;
  }
  return NaN;
}

/**
 * A score from a cell: as readNumber, and percent text as its points ("85%" is 85, as a
 * 测评满意度 typed that way reads); the decimal point is shifted in the text, exactly.
 */
export function readScore(v: unknown): number | null {
  if (typeof v === "string") {
    const t = v.trim();
    if (t.endsWith("%") || t.endsWith("％")) {
      const x = readNumber(t.slice(0, -1));
      return x === null ? NaN : x;
    }
  }
  return readNumber(v);
}

/** True when x, seen at 15 significant digits, is a whole number. */
export function isWhole(x: number): boolean {
  return Number.isInteger(x) || Number.isInteger(toExcel15(x));
}

const YES = new Set(["是", "1", "√", "✓", "✔", "y", "yes", "true", "真", "有"]);
const NO = new Set(["否", "0", "×", "✗", "✘", "x", "n", "no", "false", "假", "无"]);

/** A yes/no flag: 1 yes, 0 no, -1 blank, -2 not a yes/no value. */
export function readYesNo(v: unknown): number {
  if (v === "是") return 1;
  if (v === "否") return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v === 1 ? 1 : v === 0 ? 0 : -2;
  if (isBlank(v)) return -1;
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (YES.has(t)) return 1;
    if (NO.has(t)) return 0;
  }
  return -2;
}

/** A label (code, name, tier...) as text: trimmed strings, numbers at 15 digits. "" for blank. */
export function labelOf(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(toExcel15(v)) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return "";
}

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32_767;

/** A value for a message: text in quotes (long text cut), numbers bare. */
export function showValue(v: unknown): string {
  if (typeof v === "string")
    return v.length > 40 ? `"${v.slice(0, 40)}…"（共 ${v.length} 个字符）` : `"${v}"`;
  if (isUncomputed(v)) return `=${v.formula.slice(0, 60)}`;
  if (typeof v === "number") return String(toExcel15(v));
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return labelOf(v);
  return `"${String(v)}"`;
}

/** Normalize a header or key for matching: trimmed, inner whitespace removed, lower case. */
export function normHeader(v: unknown): string {
  return labelOf(v).replace(/\s+/g, "").toLowerCase();
}

/** A formula saved without its computed value (a reader gives {formula, value: null}). */
export function isUncomputed(v: unknown): v is { formula: string; value: null } {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as { formula?: unknown }).formula === "string" &&
    (v as { value?: unknown }).value === null
  );
}

/**
 * What a cell holds when it is not what it looks like (a date, a formula never computed,
 * text past Excel's limit), said plainly for a message; null for ordinary values.
 */
export function describeOdd(v: unknown): Message | null {
  if (v instanceof Date) return msg("oddDate", { value: labelOf(v) });
  if (isUncomputed(v)) return msg("oddFormula", { formula: v.formula.slice(0, 60) });
  if (typeof v === "string" && v.length > MAX_CELL_TEXT) return msg("oddLongText", { length: v.length });
  return null;
}
