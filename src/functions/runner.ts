/**
 * The one runner of the DJ.* functions (in the manner of HyperFormula's function metadata):
 * a function is an entry of table.ts (parameters with declared kinds, optionality and
 * defaults, a result shape, a pure body), and run() coerces each argument by its kind
 * (kinds.ts, through the engine's cell reader), fills defaults, calls the body on plain
 * values, shapes the result for Excel and maps every failure to #VALUE! or #N/A (errors.ts).
 */
import { isBlank } from "../engine";
import { scalarOf, shapeOf, spill, badArg } from "./args";
import { guard } from "./errors";
import { KINDS, type Kind, type KindName, type ValueOf } from "./kinds";
import { guardArg } from "./parse";

export interface Text {
  readonly en: string;
  readonly zh: string;
}

interface ParamOf<K extends KindName> {
  /** The JSDoc name, also the name every message gives the argument. */
  readonly name: string;
  readonly kind: K;
  /** What the argument is, without its default (the generator states the default). */
  readonly en: string;
  readonly zh: string;
  readonly optional?: boolean;
  /** The value taken when the argument is omitted or blank; stated as "(default …)". */
  readonly default?: ValueOf<K>;
  /** A default that is not one value: stated in words, computed when given (today), else null. */
  readonly otherwise?: Text & { readonly value?: () => ValueOf<K> };
}

/** One parameter: its default is checked against its own kind. */
export type Param = { [K in KindName]: ParamOf<K> }[KindName];

export type CellType = "number" | "string" | "any";

/**
 * The result: one value; a list spilled in the shape of the argument `like`; or one row
 * whose columns are `headers`.
 */
export type Result =
  | { readonly shape: "scalar"; readonly type: "number" | "string" }
  | { readonly shape: "spill"; readonly type: CellType; readonly like: string }
  | {
      readonly shape: "row";
      readonly type: CellType;
      readonly headers: { readonly en: readonly string[]; readonly zh: readonly string[] };
    };

type Cell<T extends CellType> = T extends "number" ? number : T extends "string" ? string : unknown;

/** What a body returns: the value, or the flat list the runner shapes. */
export type BodyOut<R extends Result> = R extends { shape: "scalar"; type: infer T extends CellType }
  ? Cell<T>
  : R extends { type: infer T extends CellType }
    ? readonly Cell<T>[]
    : never;

/** What Excel receives. */
export type Out<R extends Result> = R extends { shape: "scalar"; type: infer T extends CellType }
  ? Cell<T>
  : R extends { type: infer T extends CellType }
    ? Cell<T>[][]
    : never;

type ArgOf<P> = P extends { kind: infer K extends KindName }
  ? P extends { optional: true }
    ? P extends { default: unknown } | { otherwise: { value: () => unknown } }
      ? ValueOf<K>
      : ValueOf<K> | null
    : ValueOf<K>
  : never;

/** The body's arguments: each parameter's value; null for an omitted one without default. */
export type ArgsOf<Ps extends readonly Param[]> = { -readonly [I in keyof Ps]: ArgOf<Ps[I]> };

export interface FnSpec<Ps extends readonly Param[] = readonly Param[], R extends Result = Result> {
  /** The function id and its en-US name (DJ.<id>). */
  readonly id: string;
  readonly zh: { readonly name: string; readonly description: string };
  readonly en: { readonly description: string; readonly returns: string };
  /** Recomputed on every calculation (it reads today's date). */
  readonly volatile?: boolean;
  readonly params: Ps;
  readonly result: R;
  readonly body: (...args: ArgsOf<Ps>) => BodyOut<R>;
}

/** What the generator and the tests read of an entry: everything but the body. */
export type FnInfo = Omit<FnSpec, "body">;

/** An entry of the table, typed: the body receives the coerced arguments. */
export function defineFn<const Ps extends readonly Param[], const R extends Result>(
  spec: FnSpec<Ps, R>,
): FnSpec<Ps, R> {
  return spec;
}

/** Call a function of the table with the arguments as Excel passes them. */
export function run<Ps extends readonly Param[], R extends Result>(
  spec: FnSpec<Ps, R>,
  raw: readonly unknown[],
): Out<R> {
  return guard(() => {
    const args = spec.params.map((p, i) => coerce(p, raw[i]));
    // The table's typing ties each body to its parameters; here they are only passed on.
    const out = (spec.body as unknown as (...a: unknown[]) => unknown)(...args);
    return shape(spec.params, spec.result, out, raw) as Out<R>;
  });
}

/** One argument by its kind: blank optional → default; EngineErrors name the argument. */
function coerce(p: Param, v: unknown): unknown {
  const kind: Kind<unknown> = KINDS[p.kind];
  if (kind.shape === "scalar") {
    const s = scalarOf(v, p.name);
    if (isBlank(s)) {
      if (p.optional) return fallback(p);
      if (kind.blank !== undefined) throw badArg(p.name, kind.blank);
    }
    return guardArg(p.name, () => kind.read(s, p.name));
  }
  if ((v === null || v === undefined) && p.optional) return fallback(p);
  const x = guardArg(p.name, () => kind.read(v, p.name));
  return x === undefined ? fallback(p) : x;
}

function fallback(p: Param): unknown {
  if (p.default !== undefined) return p.default;
  return p.otherwise?.value?.() ?? null;
}

function shape(params: readonly Param[], r: Result, out: unknown, raw: readonly unknown[]): unknown {
  if (r.shape === "scalar") return out;
  const list = out as readonly unknown[];
  if (r.shape === "row") return [list.slice()];
  const like = r.like;
  return spill(list, shapeOf(raw[params.findIndex((p) => p.name === like)]));
}
