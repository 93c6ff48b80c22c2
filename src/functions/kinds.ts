/**
 * The declared types of DJ.* arguments (table.ts says which each parameter has) and how each
 * is read: always through args.ts / parse.ts, which read cells with the engine's reader, so
 * a formula reads a cell exactly as grading does. runner.ts applies them; a reader returns
 * `undefined` for a range left blank (the runner then uses the parameter's default).
 */
import {
  labelOf,
  ledgerStatus,
  readYesNo,
  showValue,
  type Comparator,
  type LedgerStatus,
  type Rate,
  type Success,
  isBlank,
} from "../engine";
import { badArg, cutoffsArg, listOf, numberArg, numberListOf, scalarOf, toScore, wholeArg } from "./args";
import { SUCCESSES, comparatorArg, dateArg, rateArg } from "./parse";

export interface Kind<T> {
  /** "scalar": one cell (a 1×1 range is unwrapped); "matrix": a range, as Excel passes it. */
  readonly shape: "scalar" | "matrix";
  /** What a blank required scalar is told (unset: the reader decides, some accept blank). */
  readonly blank?: string;
  /** How a default of this kind is written in the function's description. */
  text?(v: T, locale: "en" | "zh"): string;
  read(v: unknown, arg: string): T | undefined;
}

const scalar = <T>(read: Kind<T>["read"], more: Partial<Kind<T>> = {}): Kind<T> => ({
  shape: "scalar",
  read,
  ...more,
});
const matrix = <T>(read: Kind<T>["read"], more: Partial<Kind<T>> = {}): Kind<T> => ({
  shape: "matrix",
  read,
  ...more,
});

const plain = (v: number): string => String(v);

/** A number ≥ 0 (caps and bases of the rubric total). */
function nonNegative(v: unknown, arg: string): number {
  const x = numberArg(v, arg);
  if (x < 0) throw badArg(arg, `应不小于 0，收到 ${showValue(x)}`);
  return x;
}

export const KINDS = {
  /** A number as grading reads a cell: numeric text accepted, "85%" refused. */
  number: scalar((v, a) => numberArg(v, a), { text: plain }),
  /** A score: as number, and "85%" is 85 points. */
  score: scalar((v, a) => numberArg(v, a, toScore)),
  /** A number ≥ 0. */
  nonNegative: scalar(nonNegative, { text: plain }),
  /** A whole number ≥ 0. */
  count: scalar((v, a) => wholeArg(v, a, 0)),
  /** Decimal places, 0 to 15. */
  digits: scalar(
    (v, a) => {
      const d = wholeArg(v, a, 0);
      if (d > 15) throw badArg(a, "应在 0 到 15 之间");
      return d;
    },
    { text: plain },
  ),
  /** A rate (0.9 or "90%"), exact, at most 100%. */
  rate: scalar((v, a): Rate => rateArg(v, a)),
  /** A rate, exact, any size (a target may ask for more than the base). */
  anyRate: scalar((v, a): Rate => rateArg(v, a, false)),
  /** Text (a label), "" when blank. */
  text: scalar((v): string => labelOf(v), { text: (v) => v }),
  /** Text that must not be blank (a code, a tier). */
  key: scalar((v): string => labelOf(v), { blank: "为空" }),
  /** Yes/no: the words grading accepts (是/否, TRUE/FALSE, 1/0, √/×, 有/无 …). */
  yesNo: scalar(
    (v, a): boolean => {
      const y = readYesNo(v);
      if (y === 1 || y === 0) return y === 1;
      throw badArg(a, `应为 TRUE/FALSE（或 是/否），收到 ${showValue(v)}`);
    },
    { blank: "为空，应为 TRUE/FALSE（或 是/否）", text: (v) => (v ? "TRUE" : "FALSE") },
  ),
  /** A date: an Excel serial number or a date as text. */
  date: scalar(
    (v, a): number => {
      const d = dateArg(v, a);
      if (d === null) throw badArg(a, "为空，应为日期");
      return d;
    },
    { blank: "为空，应为日期" },
  ),
  /** 至少, 左右 or 不超过 (blank: 至少). */
  comparator: scalar((v, a): Comparator => comparatorArg(v, a), { text: (v) => v }),
  /** 转化, 晋级 or 示范. */
  success: scalar((v, a): Success => {
    const s = labelOf(v);
    if (!(SUCCESSES as readonly string[]).includes(s))
      throw badArg(a, `应为 转化、晋级 或 示范，收到 ${showValue(s)}`);
    return s as Success;
  }),
  /** A rectification status: 未整改 (blank), 整改中 or 已销号. */
  status: scalar((v): LedgerStatus => ledgerStatus(v)),
  /** A list of numbers (blank cells: null). */
  numbers: matrix((v, a) => numberListOf(v, a)),
  /** A list of scores (blank cells: null; "85%" is 85 points). */
  scores: matrix((v, a) => numberListOf(v, a, toScore)),
  /** A list of cells as they are (for checks that show the cell as typed). */
  cells: matrix((v, a): unknown[] => listOf(v, a)),
  /** A list of labels (blank cells: ""). */
  labels: matrix((v, a): string[] => listOf(v, a).map(labelOf)),
  /** Tier names, best first; blanks dropped; all blank: the default. */
  tiers: matrix(
    (v, a): readonly string[] | undefined => {
      const ts = listOf(v, a)
        .filter((x) => !isBlank(x))
        .map(labelOf);
      return ts.length === 0 ? undefined : ts;
    },
    { text: (v, locale) => v.join(locale === "zh" ? "、" : ", ") },
  ),
  /** Cutoffs: numbers, blanks dropped, at least one. */
  cutoffs: matrix((v, a): number[] => cutoffsArg(v, a)),
  /** A table or a range read by the body itself (a rubric, a score or a range of scores). */
  grid: matrix((v, a): unknown[][] => {
    if (!Array.isArray(v)) return [[scalarOf(v, a)]];
    return v as unknown[][];
  }),
};

export type KindName = keyof typeof KINDS;

/** The value a parameter of kind K is given to the body. */
export type ValueOf<K extends KindName> =
  (typeof KINDS)[K] extends Kind<infer T> ? Exclude<T, undefined> : never;
