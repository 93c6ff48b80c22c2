/**
 * Turn any failure (an OfficeExtension.Error from Excel.run, or anything else) into one
 * message that says what to do. Office errors are recognized by their `code` string, so
 * this module needs no Office global and tests without Office.
 */
import type { MessageKey, Translate } from "../i18n";

const BY_CODE: Record<string, MessageKey> = {
  InvalidOperationInCellEditMode: "errCellEdit",
  RequestPayloadSizeLimitExceeded: "errPayload",
  ResponsePayloadSizeLimitExceeded: "errPayload",
  PayloadTooLarge: "errPayload",
  ItemAlreadyExists: "errExists",
  AccessDenied: "errProtected",
  InvalidOperation: "errProtected",
  ItemNotFound: "errNotFound",
  ApiNotFound: "errApiNotFound",
  ActivityLimitReached: "errBusy",
  Conflict: "errBusy",
  ServiceNotAvailable: "errBusy",
};

interface CodedError {
  code: string;
  message: string;
}

function isCoded(e: unknown): e is CodedError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as CodedError).code === "string" &&
    (e as CodedError).code !== ""
  );
}

export interface ShownError {
  text: string;
  /** The error code for support, when the error had one. */
  code?: string;
}

export function describeError(e: unknown, t: Translate): ShownError {
  if (isCoded(e)) {
    const key = BY_CODE[e.code];
    const message = e.message || e.code;
    if (key === "errProtected" && e.code === "InvalidOperation" && !/protect|保护/i.test(message)) {
      return { text: t("errGeneric", { code: e.code, message }), code: e.code };
    }
    if (key) return { text: t(key), code: e.code };
    return { text: t("errGeneric", { code: e.code, message }), code: e.code };
  }
  if (
    e instanceof Error &&
    e.name === "SheetOwnershipError" &&
    Array.isArray((e as { sheets?: unknown }).sheets)
  ) {
    const sheets = (e as unknown as { sheets: string[] }).sheets.map((s) => `「${s}」`).join("、");
    return { text: t("errOwnership", { sheets }) };
  }
  // The file host's own errors already say what the file is and what to do.
  if (e instanceof Error && e.name === "WorkbookFileError") return { text: e.message };
  const message = e instanceof Error ? e.message : String(e);
  return { text: t("errUnknown", { message }) };
}
