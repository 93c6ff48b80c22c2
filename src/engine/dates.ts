/**
 * Dates as cells hold them: Excel serial numbers, Date objects (the file host's date-formatted cells), or text such as
 * 2026-11-01, 2026/11/1, 2026.11.1, 2026年11月1日. Output is YYYY-MM-DD.
 *
 * The one date ↔ serial conversion (1900 date system) of the code base: the engine, the hosts,
 * the DJ.* functions, the pane and the CLI use these. Excel counts a non-existent 1900-02-29
 * (serial 60), so serials before 61 are one day off a plain day count; both directions say so.
 */

/** Serial number of 1970-01-01 in Excel's 1900 date system. */
export const UNIX_EPOCH_SERIAL = 25569;

export const MS_PER_DAY = 86_400_000;

/** One past the last serial Excel has (9999-12-31 is 2958465). */
export const SERIAL_END = 2958466;

/** A UTC instant → its 1900-system serial (time of day as the fraction). */
export function dateToSerial(d: Date): number {
  const s = d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return s < 61 ? s - 1 : s;
}

/** A 1900-system serial → the UTC instant (serial 60, the non-existent 1900-02-29, gives 1900-02-28). */
export function serialToDate(serial: number): Date {
  const s = serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((s - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

function ymd(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1)) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A date from a cell value, as YYYY-MM-DD; null if it is not a date. */
export function parseExcelDate(v: unknown): string | null {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    return ymd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 1 || v >= SERIAL_END) return null;
    const serial = Math.floor(v);
    // Excel's 1900 leap-year bug: serial 60 is the non-existent 1900-02-29.
    return serial === 60 ? null : isoOfSerial(serial);
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

/** Excel serial day number of a YYYY-MM-DD date (1900 system). */
export function serialOfIso(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return dateToSerial(new Date(Date.UTC(y, m - 1, d)));
}

/** YYYY-MM-DD of a whole serial day (1 to SERIAL_END − 1). */
export function isoOfSerial(serial: number): string {
  return serialToDate(serial).toISOString().slice(0, 10);
}

/** Excel serial day number of a local date (the host's "today"). */
export function serialOfDate(d: Date): number {
  return serialOfIso(isoDate(d));
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
