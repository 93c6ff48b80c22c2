/**
 * Writing the zip container: fflate's streaming Zip, with entries nobody changed passed
 * through as their original compressed bytes (checked against their CRC-32 first, so a
 * damaged entry is never copied on), changed parts deflated by fflate's ZipDeflate, and
 * big new sheets (EntryWriter) deflated while their XML is being written.
 */
import { Zip, ZipDeflate, type ZipInputFile } from "fflate";
import type { Codec, Deflater } from "./codec";
import { streamEntry, type InflateBudget } from "./entry-read";
import { joinBytes } from "./xml";
import { dosDate, madeEntry, ZipError, type ZipEntry } from "./zip";

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

const encoder = new TextEncoder();

/**
 * Builds a large entry from text pieces, compressing as it goes, so that a 100,000-row
 * sheet never exists as one string or one uncompressed buffer. The writer awaits `ready()`
 * now and then: the codec deflates (in the thread pool, or a browser's stream) while the
 * next rows are built, and no more than a few chunks wait in memory.
 */
export class EntryWriter {
  private readonly sink: Deflater;
  private pending: string[] = [];
  private pendingLength = 0;
  private size = 0;
  private crc = 0;
  private waiting: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly codec: Codec,
  ) {
    this.sink = codec.deflater();
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 1 << 19) this.flush();
  }

  /** Resolves when the deflater can take more (call between rows, every so often). */
  ready(): Promise<void> | undefined {
    const w = this.waiting;
    this.waiting = undefined;
    return w;
  }

  private flush(): void {
    if (this.pendingLength === 0) return;
    const bytes = encoder.encode(this.pending.length === 1 ? this.pending[0] : this.pending.join(""));
    this.pending = [];
    this.pendingLength = 0;
    this.size += bytes.length;
    this.crc = this.codec.crc32(bytes, this.crc);
    this.waiting = this.sink.push(bytes) ?? this.waiting;
  }

  /** The finished entry (compressed, checked by construction; copied as is on save). */
  async finish(): Promise<ZipEntry> {
    this.flush();
    const raw = joinBytes(await this.sink.end());
    const fields = { crc: this.crc, compressedSize: raw.length, size: this.size, raw };
    return madeEntry(this.name, { ...fields, dirty: false, verified: true });
  }
}
