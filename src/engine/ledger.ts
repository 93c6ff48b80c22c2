/**
 * Rectification ledger (整改台账, DOMAIN §4): the overdue status of one item as of a date.
 * Dates are Excel serial numbers (whole days; a time of day is ignored) or date text.
 * Pure: imports nothing outside src/engine.
 */
import { SERIAL_END, parseExcelDate, serialOfIso } from "./dates";

// The day serials DJ.OVERDUE works with (defined once, in dates.ts).
export { serialOfIso, serialOfDate } from "./dates";
import { EngineError } from "./errors";

export type LedgerStatus = "未整改" | "整改中" | "已销号";
export type OverdueStatus = "已销号" | "逾期销号" | "逾期" | "未到期";

export const LEDGER_STATUSES: readonly LedgerStatus[] = ["未整改", "整改中", "已销号"];

/**
 * A date argument as a whole-day serial: a serial number (≥ 1), or date text such as
 * 2026-11-01, 2026/11/1, 2026年11月1日. null when blank; throws when not a date.
 */
export function daySerial(v: unknown, what: string): number | null {
  if (v === "" || v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 1 || v >= SERIAL_END)
      throw new EngineError(`${what}不是有效日期：${String(v)}`);
    return Math.floor(v);
  }
  const iso = parseExcelDate(v);
  if (iso === null)
    throw new EngineError(`${what}不是有效日期：${typeof v === "string" ? `"${v}"` : String(v)}`);
  return serialOfIso(iso);
}

/** A 状态 cell: 未整改, 整改中 or 已销号 (blank counts as 未整改). */
export function ledgerStatus(v: unknown): LedgerStatus {
  const t = typeof v === "string" ? v.trim() : v === null || v === undefined ? "" : String(v);
  if (t === "") return "未整改";
  if ((LEDGER_STATUSES as readonly string[]).includes(t)) return t as LedgerStatus;
  throw new EngineError(`状态应为 未整改、整改中 或 已销号，收到 "${t}"`);
}

/**
 * Overdue status as of a day (all whole-day serials):
 * - 已销号 and closed on or before the deadline (or closing day unknown) → 已销号;
 * - 已销号 and closed after the deadline → 逾期销号;
 * - not closed and deadline < asOf → 逾期; else → 未到期.
 * A closing day on an item that is not 已销号 is a contradiction: EngineError.
 */
export function overdueStatus(
  deadline: number,
  status: LedgerStatus,
  closedOn: number | null,
  asOf: number,
): OverdueStatus {
  if (status === "已销号") {
    return closedOn !== null && closedOn > deadline ? "逾期销号" : "已销号";
  }
  if (closedOn !== null) throw new EngineError(`填了销号日期，但状态是"${status}"而不是"已销号"`);
  return deadline < asOf ? "逾期" : "未到期";
}
