/**
 * Decimal exactness. Excel sees every number at 15 significant digits and rounds decimals
 * half away from zero; binary floating point must never change a tier or a quota.
 *
 * Two layers:
 * - exact: `Dec` (n × 10^-s, bigint) and `Rat` (p / q, bigint), used at setup time and as
 *   the fallback near a rounding tie;
 * - fast: plain doubles with a tolerance check (`fastRound`, below), exact fallback when the
 *   value is within the tolerance of a .5 boundary.
 */
import { EngineError } from "./errors";

/** An exact decimal: value = n × 10^-s (s ≥ 0). */
export interface Dec {
  n: bigint;
  s: number;
}

/** An exact rational: value = p / q, q > 0. */
export interface Rat {
  p: bigint;
  q: bigint;
}

/** A rate (share) as an exact decimal: value = num × 10^-scale. 90% is { num: 90n, scale: 2 }. */
export interface Rate {
  num: bigint;
  scale: number;
}

const POW10_BIG: bigint[] = [];
for (let i = 0, p = 1n; i <= 60; i++, p *= 10n) POW10_BIG.push(p);
/** 10^k as bigint (cached for small k). */
export function pow10n(k: number): bigint {
  return k <= 60 ? POW10_BIG[k]! : 10n ** BigInt(k);
}
const POW10: number[] = [];
for (let i = 0; i <= 22; i++) POW10.push(Number(`1e${i}`));
/** 10^k as a double, exact for 0 ≤ k ≤ 22. */
export function pow10(k: number): number {
  return k <= 22 ? POW10[k]! : Math.pow(10, k);
}

/**
 * The double nearest x's 15-significant-digit decimal: how Excel sees a value.
 * toExcel15(0.1 + 0.2) === 0.3; toExcel15(0.3 - 0.1) === 0.2.
 */
export function toExcel15(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  return Number(x.toPrecision(15));
}

/** The exact decimal of x's 15-significant-digit representation (trailing zeros removed). */
export function decOf(x: number): Dec {
  if (!Number.isFinite(x)) throw new EngineError(`不是有限数：${String(x)}`);
  if (x === 0) return { n: 0n, s: 0 };
  const str = x.toPrecision(15);
  const ePos = str.indexOf("e");
  let mant = ePos < 0 ? str : str.slice(0, ePos);
  const exp = ePos < 0 ? 0 : parseInt(str.slice(ePos + 1), 10);
  const neg = mant.startsWith("-");
  if (neg) mant = mant.slice(1);
  const dot = mant.indexOf(".");
  let digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  let s = (dot < 0 ? 0 : mant.length - dot - 1) - exp;
  while (s > 0 && digits.length > 1 && digits.endsWith("0")) {
    digits = digits.slice(0, -1);
    s--;
  }
  let n = BigInt(digits);
  if (s < 0) {
    n *= pow10n(-s);
    s = 0;
  }
  return { n: neg ? -n : n, s };
}

/** Decimal → rational. */
export function ratOfDec(d: Dec): Rat {
  return { p: d.n, q: pow10n(d.s) };
}
export function ratInt(n: bigint | number): Rat {
  return { p: BigInt(n), q: 1n };
}
export function ratAdd(a: Rat, b: Rat): Rat {
  if (a.q === b.q) return { p: a.p + b.p, q: a.q };
  return { p: a.p * b.q + b.p * a.q, q: a.q * b.q };
}
export function ratSub(a: Rat, b: Rat): Rat {
  return ratAdd(a, { p: -b.p, q: b.q });
}
export function ratMul(a: Rat, b: Rat): Rat {
  return { p: a.p * b.p, q: a.q * b.q };
}
export function ratDiv(a: Rat, b: Rat): Rat {
  if (b.p === 0n) throw new EngineError("除数为 0");
  const p = a.p * b.q;
  const q = a.q * b.p;
  return q < 0n ? { p: -p, q: -q } : { p, q };
}
/** Sign of a − b: -1, 0 or 1. */
export function ratCmp(a: Rat, b: Rat): number {
  const l = a.p * b.q;
  const r = b.p * a.q;
  return l < r ? -1 : l > r ? 1 : 0;
}
export function ratMin(a: Rat, b: Rat): Rat {
  return ratCmp(a, b) <= 0 ? a : b;
}
export function ratMax(a: Rat, b: Rat): Rat {
  return ratCmp(a, b) >= 0 ? a : b;
}

/** floor(p / q) for bigints, q > 0. */
export function floorDiv(p: bigint, q: bigint): bigint {
  const d = p / q;
  return p % q !== 0n && p < 0n ? d - 1n : d;
}
/** ceil(p / q) for bigints, q > 0. */
export function ceilDiv(p: bigint, q: bigint): bigint {
  return -floorDiv(-p, q);
}
/** p / q rounded half away from zero, q > 0. */
export function roundHalfAwayDiv(p: bigint, q: bigint): bigint {
  const a = p < 0n ? -p : p;
  const r = (2n * a + q) / (2n * q);
  return p < 0n ? -r : r;
}
/** A rational rounded half away from zero to `digits` decimals, in units of 10^-digits. */
export function ratRoundUnits(x: Rat, digits: number): bigint {
  return roundHalfAwayDiv(x.p * pow10n(digits), x.q);
}

/*
 * The fast rounding's tolerance, in units of 10^-digits. A double v stands for an exact value
 * V: the same arithmetic on the cells' 15-digit decimals. A cell's double is within
 * ε15 = 5e-15 of its 15-digit reading, relatively (half a unit of the 15th digit); a term
 * combines at most c = 4 of them (满分 × 次数 ÷ 要求次数, scaled by 100 ÷ Σ满分); and each
 * of the k floating operations on the way adds at most u = 2^-53 ≈ 1.11e-16 of its operands:
 *   |v − V| ≤ M·(c·ε15 + k·u)   (first order; M = the largest magnitude met, in units;
 *                                 M = |V| when nothing cancels).
 * floor(v + 0.5) is round(V) unless V lies within |v − V| of a .5 boundary, so the fast path
 * runs only when |frac(v) − 0.5| > TIE_ABS + |v|·TIE_REL:
 * - TIE_REL = 1e-10 ≥ c·ε15 + k·u for k ≤ 9·10^5 operations (a row takes a few per item);
 * - TIE_ABS = 1e-7 covers cancellation (deductions and penalties subtract, so M may exceed
 *   |V|): M·(c·ε15 + k·u) ≤ 1e-7 while M ≤ 7.6·10^5 units at k = 1000, i.e. 7,600 points
 *   at 2 decimals, well beyond a rubric's 满分 and caps;
 * - FAST_MAX = 1e15 < 2^52 ≈ 4.5e15, below which every integer and every .5 is a double, so
 *   floor(v + 0.5) is exact.
 * The same bound fixes the sign of V when |v| > TIE_ABS (a total below 0 is raised to 0).
 * Within the tolerance the exact rationals round, so the tolerance decides which path runs,
 * never the result.
 */
export const TIE_ABS = 1e-7;
export const TIE_REL = 1e-10;
export const FAST_MAX = 1e15;

/** v (a double, in units) rounded half away from zero; NaN within the tolerance of a tie. */
export function fastRound(v: number): number {
  const a = Math.abs(v);
  const f = a - Math.floor(a);
  if (!(Math.abs(f - 0.5) > TIE_ABS + a * TIE_REL && a < FAST_MAX)) return NaN;
  const r = Math.floor(a + 0.5);
  return v < 0 ? -r : r;
}

/**
 * Round a double to units of 10^-digits (half away from zero), reading x at 15 significant
 * digits: one product (k = 1 above, M = |v|), so the fast path is exact outside the
 * tolerance; the decimal rounds exactly within it. Returns an integer (as a double) of units.
 */
export function roundUnits(x: number, digits: number): number {
  const u = fastRound(x * pow10(digits));
  return Number.isNaN(u) ? Number(ratRoundUnits(ratOfDec(decOf(x)), digits)) : u;
}

/**
 * Excel's ROUND, exact on decimals: x is read at 15 significant digits, then rounded half
 * away from zero. roundHalfAway(89.995, 2) === 90; roundHalfAway(1.005, 2) === 1.01;
 * roundHalfAway(-2.5, 0) === -3. digits may be negative (tens, hundreds...).
 */
export function roundHalfAway(x: number, digits: number): number {
  if (!Number.isFinite(x)) throw new EngineError("要舍入的值不是数字");
  if (!Number.isInteger(digits) || digits > 15 || digits < -15)
    throw new EngineError("小数位数应为 -15 到 15 之间的整数");
  if (digits >= 0) return unitsToNumber(roundUnits(x, digits), digits);
  const r = ratOfDec(decOf(x));
  const k = pow10n(-digits);
  return Number(roundHalfAwayDiv(r.p, r.q * k) * k);
}

/** units × 10^-digits as the double nearest that decimal. */
export function unitsToNumber(units: number, digits: number): number {
  return digits === 0 ? units : units / pow10(digits);
}

/** Text of a value in units of 10^-digits with exactly `digits` decimals ("91.25", "90.00"). */
export function formatUnits(units: number, digits: number): string {
  const neg = units < 0;
  const s = String(Math.abs(units));
  if (digits === 0) return (neg ? "-" : "") + s;
  const padded = s.padStart(digits + 1, "0");
  return (neg ? "-" : "") + padded.slice(0, -digits) + "." + padded.slice(-digits);
}

/** Shortest decimal text of a Dec ("90", "89.5", "0.3"). */
export function formatDec(d: Dec): string {
  const neg = d.n < 0n;
  const s = (neg ? -d.n : d.n).toString();
  if (d.s === 0) return (neg ? "-" : "") + s;
  const padded = s.padStart(d.s + 1, "0");
  const frac = padded.slice(-d.s).replace(/0+$/, "");
  const int = padded.slice(0, -d.s);
  return (neg ? "-" : "") + int + (frac ? "." + frac : "");
}

const NUM_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parse numeric text as Excel would ("12", " 8.5 ", "1e3"); null if not a number. */
export function parseNumberText(s: string): number | null {
  const t = s
    .trim()
    .replace(/[０-９．]/g, (c) => (c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!NUM_RE.test(t)) return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : null;
}

/**
 * Parse a rate: 0.9, "90%", "90％", " 90 %", "0.9". Returns an exact decimal or null
 * when the value is not a non-negative number.
 */
export function parseRate(v: unknown): Rate | null {
  let d: Dec;
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 0) return null;
    d = decOf(v);
  } else if (typeof v === "string") {
    let t = v.trim();
    let percent = false;
    if (t.endsWith("%") || t.endsWith("％")) {
      percent = true;
      t = t.slice(0, -1).trim();
    }
    const x = parseNumberText(t);
    if (x === null || x < 0) return null;
    d = decOf(x);
    if (percent) d = { n: d.n, s: d.s + 2 };
  } else {
    return null;
  }
  return { num: d.n, scale: d.s };
}

/** Whether a rate is at most 100 % (the bound of every share, quota and target rate). */
export function atMost100(r: Rate): boolean {
  return r.num <= pow10n(r.scale);
}

/** A rate as a rational. */
export function ratOfRate(r: Rate): Rat {
  return { p: r.num, q: pow10n(r.scale) };
}

/** A rate as percent text: { 3, 1 } → "30%". */
export function formatRate(r: Rate): string {
  if (r.scale >= 2) return formatDec({ n: r.num, s: r.scale - 2 }) + "%";
  return formatDec({ n: r.num * pow10n(2 - r.scale), s: 0 }) + "%";
}
