/**
 * A test double of the CustomFunctions global that Excel provides at run time (jest has
 * none): Error with code and message, and the ErrorCode values of custom-functions-runtime.
 * Import this module first in every test of src/functions.
 */
export class CFError {
  readonly code: string;
  readonly message?: string;
  constructor(code: string, message?: string) {
    this.code = code;
    this.message = message;
  }
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CFError,
  ErrorCode,
  associate: () => undefined,
};

/** Call fn and return the CustomFunctions.Error it throws (fails when it returns or throws anything else). */
export function errorOf(fn: () => unknown): CFError {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    if (e instanceof CFError) return e;
    throw new Error(`expected a CustomFunctions.Error, got ${String(e)}`);
  }
  throw new Error(`expected a CustomFunctions.Error, got the result ${JSON.stringify(result)}`);
}

/** Assert fn throws #VALUE! whose message contains every fragment. */
export function expectValueError(fn: () => unknown, ...fragments: string[]): void {
  const e = errorOf(fn);
  expect(e.code).toBe("#VALUE!");
  for (const f of fragments) expect(e.message).toContain(f);
}

/** Assert fn throws #N/A whose message contains every fragment. */
export function expectNaError(fn: () => unknown, ...fragments: string[]): void {
  const e = errorOf(fn);
  expect(e.code).toBe("#N/A");
  for (const f of fragments) expect(e.message).toContain(f);
}

/** A column range as Excel passes it: [[a], [b], ...]. */
export function col(...xs: unknown[]): unknown[][] {
  return xs.map((x) => [x]);
}

/** A row range as Excel passes it: [[a, b, ...]]. */
export function row(...xs: unknown[]): unknown[][] {
  return [xs];
}

/**
 * What Excel passes for an omitted optional argument: null. Typed as undefined because the
 * functions declare optional ranges as `x?: unknown[][]` (a `| null` union would lose the
 * matrix dimensionality in functions.json); the value at run time is null, as in Excel.
 */
export const omitted = null as unknown as undefined;
