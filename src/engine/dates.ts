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
