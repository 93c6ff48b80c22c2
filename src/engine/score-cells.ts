/**
 * The cold side of the hot path: 评分 cells that are not plain valid values (blanks, text,
 * out-of-range or fractional numbers), read exactly as the rules say and reported as
 * problems. score.ts calls these only when its fast checks fail.
 */
import { describeOdd, isBlank, readNumber, showValue } from "./cells";
import type { Table } from "./contract";
import { surveyUnits } from "./exact";
import { roundUnits, toExcel15 } from "./numbers";
import type { Problems } from "./problems";
import type { Criterion } from "./rubric";
import type { Settings } from "./settings";
import { K_SCORE, K_DEDUCT, K_BONUS, K_PENALTY } from "./rubric";
import { msg, type Message } from "./messages";

const nf = (x: number): string => String(toExcel15(x));

const COUNT_RANGE = msg("wantCount");
const POINTS_RANGE = msg("wantPoints");
const between = (lo: number, max: number): Message => msg("wantBetween", { lo: nf(lo), max: nf(max) });

/**
 * The value of a numeric criterion cell (评分, 扣分, 加分, 减分, 频次) that failed the fast
 * check: numeric text parsed, blank 扣分/加分/减分 = 0, 15-digit readings of near-valid
 * numbers accepted. NaN after reporting the problem when the cell is invalid.
 */
export function slowNumber(
  problems: Problems,
  S: string,
  r: number,
  c: number,
  c0: Criterion,
  max: number,
  v: unknown,
): number {
  const k = c0.k;
  let x: number | null = typeof v === "number" ? v : readNumber(v);
  if (x === null) {
    if (k === K_DEDUCT || k === K_BONUS || k === K_PENALTY) return 0;
    const want = k === K_SCORE ? between(c0.floor, c0.max) : COUNT_RANGE;
    problems.at(S, r, c, msg("inputBlank", { id: c0.id, kind: c0.kind, want }));
    return NaN;
  }
  if (k === K_SCORE) {
    const lo = c0.floor;
    if (x >= lo && x <= max) return x;
    const range = between(lo, c0.max);
    if (Number.isNaN(x)) numberProblem(problems, S, r, c, c0, v, range);
    else {
      const x15 = toExcel15(x);
      if (x15 < lo)
        problems.at(
          S,
          r,
          c,
          lo === 0
            ? msg("inputNegative", { id: c0.id, value: showValue(v), range })
            : msg("inputBelowFloor", { id: c0.id, value: showValue(v), lo: nf(lo), range }),
        );
      else if (x15 > c0.max)
        problems.at(
          S,
          r,
          c,
          msg("inputAboveMax", { id: c0.id, value: showValue(v), max: nf(c0.max), range }),
        );
      else x = x15;
    }
    return x >= lo && x <= max ? x : NaN;
  }
  // A blank 单项分值 makes the input the points themselves: any number ≥ 0.
  const whole = (y: number): boolean => c0.pointsInput || Number.isInteger(y);
  if (x >= 0 && whole(x)) return x;
  const x15 = Number.isNaN(x) ? NaN : toExcel15(x);
  if (x15 >= 0 && whole(x15)) return x15;
  if (Number.isNaN(x)) numberProblem(problems, S, r, c, c0, v, c0.pointsInput ? POINTS_RANGE : COUNT_RANGE);
  else {
    const id = x15 < 0 ? (c0.pointsInput ? "pointsNegative" : "countNegative") : "countFraction";
    problems.at(S, r, c, msg(id, { id: c0.id, kind: c0.kind, value: showValue(v) }));
  }
  return NaN;
}

function numberProblem(
  problems: Problems,
  S: string,
  r: number,
  c: number,
  c0: Criterion,
  v: unknown,
  range: Message,
): void {
  const odd = describeOdd(v);
  problems.at(
    S,
    r,
    c,
    odd !== null
      ? msg("inputOdd", { id: c0.id, kind: c0.kind, odd, range })
      : msg("inputNotNumber", { id: c0.id, kind: c0.kind, value: showValue(v), range }),
  );
}

/** A 达标/否决 cell that is not yes/no (y = -2), or a blank 达标 (y = -1). */
export function yesNoProblem(
  problems: Problems,
  S: string,
  r: number,
  c: number,
  c0: Criterion,
  v: unknown,
  y: number,
): void {
  const odd = y === -1 ? null : describeOdd(v);
  problems.at(
    S,
    r,
    c,
    y === -1
      ? msg("passBlank", { id: c0.id })
      : odd !== null
        ? msg("yesNoOdd", { id: c0.id, kind: c0.kind, odd })
        : msg("yesNoInvalid", { id: c0.id, kind: c0.kind, value: showValue(v) }),
  );
}

/** Reads 自评得分 and 测评满意度 of one row into units; reused for every row (no allocation). */
export interface SourceReader {
  /** 自评得分 in units of 10^-digits, NaN when blank or invalid. */
  self: number;
  /** 测评满意度 in units of 10^-digits of percent points, NaN when blank or invalid. */
  survey: number;
  /** Bit 1: 自评 missing and rescaled; bit 2: 测评 missing and rescaled. */
  rescaled: number;
}

/**
 * A reader of the two other sources of a 评分 row: validated whenever present; blank while
 * weighted is rescaled (缺项处理 = 按权重折算) or a problem. The returned function gives
 * true when the row is invalid.
 */
export function sourceReader(
  table: Table,
  settings: Settings,
  W1: number,
  W2: number,
  problems: Problems,
): SourceReader & ((row: readonly unknown[], r: number) => boolean) {
  const S = table.sheet;
  const d = settings.digits;
  const selfCol = table.cols.get("自评得分") ?? -1;
  const surveyCol = table.cols.get("测评满意度") ?? -1;
  const { rescaleMissing } = settings;
  const read = (row: readonly unknown[], r: number): boolean => {
    let bad = false;
    let selfU = NaN;
    let surveyU = NaN;
    let selfBlank = true;
    let surveyBlank = true;
    if (selfCol >= 0) {
      const v = row[selfCol];
      const x = typeof v === "number" ? v : readNumber(v);
      if (x !== null) {
        selfBlank = false;
        if (Number.isNaN(x)) problems.at(S, r, selfCol, msg("selfNotNumber", { value: showValue(v) }));
        else if (!((x >= 0 && x <= 100) || (toExcel15(x) >= 0 && toExcel15(x) <= 100)))
          problems.at(S, r, selfCol, msg("selfOutOfRange", { value: showValue(v) }));
        else selfU = roundUnits(x, d);
        if (Number.isNaN(selfU)) bad = true;
      }
    }
    if (surveyCol >= 0) {
      const v = row[surveyCol];
      if (!isBlank(v)) {
        surveyBlank = false;
        surveyU = surveyUnits(v, d);
        if (Number.isNaN(surveyU)) {
          problems.at(S, r, surveyCol, msg("surveyInvalid", { value: showValue(v) }));
          bad = true;
        }
      }
    }
    let resc = 0;
    if (W1 > 0 && selfBlank) {
      if (rescaleMissing) resc |= 1;
      else {
        if (selfCol >= 0) problems.at(S, r, selfCol, msg("selfMissing"));
        bad = true;
      }
    }
    if (W2 > 0 && surveyBlank) {
      if (rescaleMissing) resc |= 2;
      else {
        if (surveyCol >= 0) problems.at(S, r, surveyCol, msg("surveyMissing"));
        bad = true;
      }
    }
    reader.self = selfU;
    reader.survey = surveyU;
    reader.rescaled = resc;
    return bad;
  };
  const reader = Object.assign(read, { self: NaN, survey: NaN, rescaled: 0 });
  return reader;
}
