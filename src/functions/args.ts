/**
 * Argument readers for the DJ.* functions (kinds.ts declares which applies to a parameter):
 * Excel hands us a range as a row-major 2-D array, an omitted optional argument as null, an
 * empty cell as "" or null; cells are read by the engine's reader (cells.ts). Every message
 * names the argument (its JSDoc name and its Chinese meaning) and says what is wrong.
 */
import { labelOf, readNumber, readScore, showValue } from "../engine";
import { invalid } from "./errors";

/** Chinese meaning of each argument name, used in messages. */
const LABELS: Record<string, string> = {
  score: "得分",
  scores: "得分列表",
  cutoffs: "分数线",
  tiers: "等次",
  inputs: "指标得分",
  inputHeaders: "指标编码",
  rubric: "标准表",
  sector: "领域",
  scaleTo100: "折算百分制",
  bonusCap: "加分总上限",
  weights: "权重",
  digits: "小数位数",
  base: "基数",
  rate: "比例",
  comparator: "比较方式",
  total: "总数",
  bases: "基数列表",
  previous: "上期等次",
  current: "本期等次",
  group: "分组",
  groups: "分组列表",
  quotas: "名额上限",
  fromTier: "起始等次",
  success: "成功标准",
  demo: "示范点",
  id: "组织编码",
  ids: "组织编码列表",
  sectors: "领域列表",
  parents: "上级党组织列表",
  topTier: "最高等次",
  points: "积分",
  yellowBelow: "黄色线",
  redBelow: "红色线",
  deadline: "完成时限",
  status: "状态",
  closedOn: "销号日期",
  asOf: "统计日期",
};

/** `score（得分）` — how messages name an argument. */
export function argName(arg: string): string {
  const zh = LABELS[arg];
  return zh ? `${arg}（${zh}）` : arg;
}

/** Throw #VALUE! for argument `arg` with `problem` (Chinese). */
export function badArg(arg: string, problem: string): Error {
  return invalid(`参数 ${argName(arg)}${problem}`);
}

/** The single value of a scalar argument; a 1×1 array is unwrapped, a larger range refused. */
export function scalarOf(v: unknown, arg: string): unknown {
  if (!Array.isArray(v)) return v;
  const rows = v as unknown[];
  if (rows.length === 1 && Array.isArray(rows[0]) && (rows[0] as unknown[]).length === 1)
    return (rows[0] as unknown[])[0];
  throw badArg(arg, "应为单个值，不是一个区域");
}

/**
 * The cells of a list argument: a single value, a row or a column (row-major order).
 * A range of several rows and several columns is refused. Nothing is dropped here.
 */
export function listOf(v: unknown, arg: string): unknown[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) return [v];
  const rows = v as unknown[];
  if (rows.length === 0) return [];
  if (!Array.isArray(rows[0])) return rows.slice(); // already a flat list (internal use)
  const grid = rows as unknown[][];
  const width = grid[0]!.length;
  if (grid.length > 1 && width > 1)
    throw badArg(arg, `应为一行或一列，收到 ${grid.length} 行 × ${width} 列的区域`);
  if (grid.length === 1) return grid[0]!.slice();
  const out = new Array<unknown>(grid.length);
  for (let i = 0; i < grid.length; i++) {
    const r = grid[i];
    if (!Array.isArray(r) || r.length !== 1) throw badArg(arg, "应为一行或一列");
    out[i] = r[0];
  }
  return out;
}

/**
 * A number from a cell, read exactly as grading reads it (the engine's cell reader):
 * numbers, numeric text (" 8.5 ", full-width digits); "1,5" and "85%" are not numbers here.
 * null for a blank cell, undefined for anything else.
 */
export function toNumber(v: unknown): number | null | undefined {
  const x = readNumber(v);
  return x === null ? null : Number.isNaN(x) ? undefined : x;
}

/** A score: as toNumber, and "85%" is 85 points (as a 测评满意度 typed that way grades). */
export function toScore(v: unknown): number | null | undefined {
  const x = readScore(v);
  return x === null ? null : Number.isNaN(x) ? undefined : x;
}

/** A required number argument (`read`: toNumber, or toScore for scores). */
export function numberArg(v: unknown, arg: string, read = toNumber): number {
  const x = read(scalarOf(v, arg));
  if (x === null) throw badArg(arg, "为空，应为数字");
  if (x === undefined) throw badArg(arg, `应为数字，收到 ${showValue(scalarOf(v, arg))}`);
  return x;
}

/** A whole number ≥ min. */
export function wholeArg(v: unknown, arg: string, min: number): number {
  const x = numberArg(v, arg);
  const r = Number(x.toPrecision(15));
  if (!Number.isInteger(r)) throw badArg(arg, `应为整数，收到 ${showValue(x)}`);
  if (r < min) throw badArg(arg, `应不小于 ${min}，收到 ${showValue(x)}`);
  return r;
}

/** An optional text argument: `fallback` when omitted or blank. */
export function optTextArg(v: unknown, arg: string, fallback: string): string {
  const s = labelOf(scalarOf(v, arg));
  return s === "" ? fallback : s;
}

/**
 * A list of numbers (one per cell); blank cells give null. Text that is not a number is an
 * error naming its position (1-based).
 */
export function numberListOf(v: unknown, arg: string, read = toNumber): (number | null)[] {
  const cells = listOf(v, arg);
  const out = new Array<number | null>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c === "number" && Number.isFinite(c)) {
      out[i] = c;
      continue;
    }
    const x = read(c);
    if (x === undefined) throw badArg(arg, `第 ${i + 1} 个值 ${showValue(c)} 不是数字`);
    out[i] = x;
  }
  return out;
}

/** A cutoff list argument: numbers (numeric text accepted), blanks dropped. */
export function cutoffsArg(v: unknown, arg: string): number[] {
  const cs = numberListOf(v, arg).filter((x): x is number => x !== null);
  if (cs.length === 0) throw badArg(arg, "为空，至少需要一个分数线");
  return cs;
}

/** Check two lists have the same length. */
export function sameLength(a: readonly unknown[], argA: string, b: readonly unknown[], argB: string): void {
  if (a.length !== b.length) {
    throw invalid(`参数 ${argName(argA)} 与 ${argName(argB)} 长度不一致：${a.length} 个 对 ${b.length} 个`);
  }
}

/** Shape of a list argument, to spill results back in the same shape. */
export function shapeOf(v: unknown): "row" | "column" {
  return Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && (v[0] as unknown[]).length > 1
    ? "row"
    : "column";
}

/** A flat list as a 2-D array in the given shape. */
export function spill<T>(values: readonly T[], shape: "row" | "column"): T[][] {
  if (values.length === 0) return [[]];
  return shape === "row" ? [values.slice()] : values.map((x) => [x]);
}
