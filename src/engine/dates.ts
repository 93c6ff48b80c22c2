/**
 * Dates as cells hold them: Excel serial numbers, Date objects (the file host's date-formatted cells), or text such as
 * 2026-11-01, 2026/11/1, 2026.11.1, 2026年11月1日. Output is YYYY-MM-DD.
 */

function ymd(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1)) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A date from a cell value, as YYYY-MM-DD; null if it is not a date. */
export function parseExcelDate(v: unknown): string | null {
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return null;
    return ymd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 1 || v >= 2958466) return null;
    const serial = Math.floor(v);
    // Excel's 1900 leap-year bug: serial 60 is the non-existent 1900-02-29.
    if (serial === 60) return null;
    const base = Date.UTC(1899, 11, serial < 60 ? 31 : 30);
    const d = new Date(base + serial * 86400000);
    return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (typeof v === "string") {
    const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(v);
    if (!m) return null;
    return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

/** YYYY-MM-DD of a JS Date in local time (the host's "today"). */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Serial number of 1970-01-01 in Excel's 1900 date system. */
export const UNIX_EPOCH_SERIAL = 25569;

/** Excel serial day number of a YYYY-MM-DD date (1900 system, after 1900-03-01). */
export function serialOfIso(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const serial = Date.UTC(y, m - 1, d) / 86400000 + UNIX_EPOCH_SERIAL;
  // Before 1900-03-01 Excel counts the non-existent 1900-02-29.
  return serial < 61 ? serial - 1 : serial;
}

/** YYYY-MM-DD of a serial day (after 1900-03-01). */
export function isoOfSerial(serial: number): string {
  return new Date((serial - UNIX_EPOCH_SERIAL) * 86400000).toISOString().slice(0, 10);
}

/**
 * A date cell as a whole-day serial: an Excel serial (time of day dropped), a Date, or date
 * text. null when blank, NaN when it is not a date.
 */
export function readDay(v: unknown): number | null {
  if (v === "" || v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return null;
  const iso = parseExcelDate(v);
  return iso === null ? NaN : serialOfIso(iso);
}
