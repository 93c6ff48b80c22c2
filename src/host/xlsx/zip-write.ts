/**
 * Writing the zip container: fflate's streaming Zip, with entries nobody changed passed
 * through as their original compressed bytes (checked against their CRC-32 first, so a
 * damaged entry is never copied on), changed parts deflated by fflate's ZipDeflate, and
 * big new sheets deflated while their XML is being written (entry-writer.ts).
 */
import { Zip, ZipDeflate, type ZipInputFile } from "fflate";
import { streamEntry, type InflateBudget } from "./entry-read";
import { dosDate, ZipError, type ZipEntry } from "./zip";

type Level = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * Writes the entries, in order, as a zip archive, chunk by chunk (so a file can be written
 * without the whole archive in memory).
 */
export function writeZip(
  entries: readonly ZipEntry[],
  onChunk: (chunk: Uint8Array) => void,
  budget: InflateBudget,
  level: Level = 6,
): void {
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else onChunk(chunk);
  });
  for (const e of entries) {
    const mtime = dosDate(e.time, e.date);
    if (!e.dirty && e.raw) {
      if (!e.verified) streamEntry(e, budget, () => undefined);
      const file: ZipInputFile = { filename: e.name, size: e.size, crc: e.crc, compression: e.method, mtime };
      zip.add(file);
      file.ondata?.(null, e.raw as Uint8Array<ArrayBuffer>, true);
    } else {
      const file = new ZipDeflate(e.name, { level });
      file.mtime = mtime;
      zip.add(file);
      file.push(e.data ?? new Uint8Array(0), true);
    }
  }
  zip.end();
  if (failure !== null) throw new ZipError(String((failure as Error).message));
}
