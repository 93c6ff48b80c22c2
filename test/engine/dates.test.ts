/**
 * The one date ↔ serial conversion (src/engine/dates.ts), against Excel's own numbering:
 * serial 1 is 1900-01-01, 60 the non-existent 1900-02-29, 61 is 1900-03-01.
 */
import {
  SERIAL_END,
  dateToSerial,
  isoOfSerial,
  parseExcelDate,
  serialOfDate,
  serialOfIso,
  serialToDate,
} from "../../src/engine";

// Serials read off Excel (=DATE(y,m,d) formatted as a number).
const KNOWN: [string, number][] = [
  ["1900-01-01", 1],
  ["1900-02-28", 59],
  ["1900-03-01", 61],
  ["1970-01-01", 25569],
  ["2024-12-31", 45657],
  ["2026-11-01", 46327],
  ["9999-12-31", 2958465],
];

describe("dates ↔ serials", () => {
  it.each(KNOWN)("%s is serial %d, both ways", (iso, serial) => {
    expect(serialOfIso(iso)).toBe(serial);
    expect(isoOfSerial(serial)).toBe(iso);
    expect(parseExcelDate(serial)).toBe(iso);
    expect(parseExcelDate(serial + 0.75)).toBe(iso); // a time of day is dropped
    expect(dateToSerial(new Date(`${iso}T00:00:00Z`))).toBe(serial);
    expect(serialToDate(serial).toISOString()).toBe(`${iso}T00:00:00.000Z`);
  });

  it("serial 60 (1900-02-29, which Excel counts but never was) and out-of-range serials are not dates", () => {
    expect(parseExcelDate(60)).toBeNull();
    expect(parseExcelDate(0)).toBeNull();
    expect(parseExcelDate(SERIAL_END)).toBeNull();
    expect(SERIAL_END).toBe(2958465 + 1);
  });

  it("round-trips every 37th serial from 61 on, and each serial before 60", () => {
    const bad: number[] = [];
    for (let s = 1; s < SERIAL_END; s += s < 61 ? 1 : 37) {
      if (s === 60) continue;
      const iso = isoOfSerial(s);
      if (serialOfIso(iso) !== s || dateToSerial(serialToDate(s)) !== s || parseExcelDate(iso) !== iso)
        bad.push(s);
    }
    expect(bad).toEqual([]);
  });

  it("keeps a time of day as the fraction", () => {
    expect(dateToSerial(new Date(Date.UTC(2024, 11, 31, 18)))).toBe(45657.75);
    expect(serialToDate(45657.25).toISOString()).toBe("2024-12-31T06:00:00.000Z");
  });

  it("a local date's serial is its calendar day, whatever the hour", () => {
    expect(serialOfDate(new Date(2026, 10, 1, 0, 1))).toBe(46327);
    expect(serialOfDate(new Date(2026, 10, 1, 23, 59))).toBe(46327);
  });
});
