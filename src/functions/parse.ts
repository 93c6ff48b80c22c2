/**
 * Arguments the DJ.* functions share beyond args.ts: comparators, a cutoff scale, dates,
 * and engine errors named by the argument they concern.
 */
import {
  DEFAULT_SCALE,
  daySerial,
  parseRate,
  type Comparator,
  type Rate,
  type Success,
  showValue,
  atMost100,
} from "../engine";
import { badArg, optTextArg, scalarOf, toNumber } from "./args";

export const COMPARATORS: readonly Comparator[] = ["至少", "左右", "不超过"];
export const SUCCESSES: readonly Success[] = ["转化", "晋级", "示范"];

export function comparatorArg(v: unknown, arg: string): Comparator {
  const c = optTextArg(v, arg, "至少");
  if (!(COMPARATORS as readonly string[]).includes(c))
    throw badArg(arg, `应为 至少、左右 或 不超过，收到 ${showValue(c)}`);
  return c as Comparator;
}

/**
 * A tier scale and its cutoffs, checked together so that the message names the argument.
 * `ts` is DEFAULT_SCALE itself when tiers was omitted (the table's declared default).
 */
export function checkScale(cs: readonly number[], ts: readonly string[]): void {
  if (ts.length !== cs.length + 1) {
    if (ts === DEFAULT_SCALE)
      throw badArg(
        "cutoffs",
        `省略 tiers 时应有 ${ts.length - 1} 个分数线（对应 ${ts.join("、")}），收到 ${cs.length} 个`,
      );
    throw badArg("tiers", `应比 cutoffs 多一个：cutoffs ${cs.length} 个，tiers ${ts.length} 个`);
  }
  for (let i = 1; i < cs.length; i++) {
    if (!(cs[i]! < cs[i - 1]!)) throw badArg("cutoffs", "应从高到低严格递减");
  }
}

export function dateArg(v: unknown, arg: string): number | null {
  const s = scalarOf(v, arg);
  const x = typeof s === "string" ? (toNumber(s) ?? s) : s;
  return guardArg(arg, () => daySerial(x, ""));
}

/** Run an engine call whose EngineError concerns one argument, prefixing the argument's name. */
export function guardArg<T>(arg: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof Error && e.name === "EngineError") throw badArg(arg, `：${e.message}`);
    throw e;
  }
}

/** A rate argument (0.9 or "90%"), exact; at most 100% unless `capped` is false. */
export function rateArg(v: unknown, arg: string, capped = true): Rate {
  const r = parseRate(scalarOf(v, arg));
  if (r === null)
    throw badArg(arg, `应为不小于 0 的数或百分数（如 0.9 或 "90%"），收到 ${showValue(scalarOf(v, arg))}`);
  if (capped && !atMost100(r)) throw badArg(arg, `不应超过 100%，收到 ${showValue(scalarOf(v, arg))}`);
  return r;
}
