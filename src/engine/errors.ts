/**
 * The one error type the engine's standalone building blocks throw on invalid arguments.
 * `code` tells a wrapper which spreadsheet error fits: "value" → #VALUE!, "na" → #N/A.
 */
export class EngineError extends Error {
  readonly code: "value" | "na";
  constructor(message: string, code: "value" | "na" = "value") {
    super(message);
    this.name = "EngineError";
    this.code = code;
  }
}
