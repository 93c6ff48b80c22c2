/**
 * Errors of the DJ.* functions. In Excel (and the shared runtime) `CustomFunctions` is a
 * global and we throw its Error, which Excel shows as #VALUE! or #N/A with our message.
 * Outside Excel (the command line, a plain browser) the global is missing: we throw an
 * ordinary Error that carries the same code and message, so behaviour stays testable.
 */
import { EngineError } from "../engine";

/** The two codes we use: custom messages show for #VALUE! and #N/A only. */
export type FnErrorCode = "invalidValue" | "notAvailable";

/** Fallback used when the CustomFunctions global is absent. */
export class FunctionError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "FunctionError";
    this.code = code;
  }
}

const FALLBACK_CODES: Record<FnErrorCode, string> = { invalidValue: "#VALUE!", notAvailable: "#N/A" };

/** The error object to throw for `code` with a zh-CN message. */
export function fnError(code: FnErrorCode, message: string): Error {
  const g = globalThis as { CustomFunctions?: typeof CustomFunctions };
  if (g.CustomFunctions && typeof g.CustomFunctions.Error === "function") {
    // CustomFunctions.Error is not declared as an Error subclass, but it is what Excel expects thrown.
    return new g.CustomFunctions.Error(g.CustomFunctions.ErrorCode[code], message) as unknown as Error;
  }
  return new FunctionError(FALLBACK_CODES[code], message);
}

/** #VALUE! with a message. */
export function invalid(message: string): Error {
  return fnError("invalidValue", message);
}

/** #N/A with a message. */
export function notAvailable(message: string): Error {
  return fnError("notAvailable", message);
}

/**
 * Run `body`, turning anything it throws into a CustomFunctions error: an EngineError
 * keeps its message and its code (value → #VALUE!, na → #N/A); an error we already made
 * passes through; anything else becomes #VALUE! with a generic message (never a bare
 * exception, never #BUSY!).
 */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toFnError(e);
  }
}

/** Map a thrown value to the error a custom function should throw. */
export function toFnError(e: unknown): Error {
  if (e instanceof EngineError) return fnError(e.code === "na" ? "notAvailable" : "invalidValue", e.message);
  if (e instanceof FunctionError) return e;
  const g = globalThis as { CustomFunctions?: typeof CustomFunctions };
  if (
    g.CustomFunctions &&
    typeof g.CustomFunctions.Error === "function" &&
    e instanceof g.CustomFunctions.Error
  ) {
    return e as unknown as Error;
  }
  const detail = e instanceof Error ? e.message : String(e);
  return invalid(`计算出错：${detail}`);
}
