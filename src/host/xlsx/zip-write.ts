/**
 * Writing the zip container: fflate's streaming Zip, with entries nobody changed passed
 * through as their original compressed bytes (checked against their CRC-32 first, so a
 * damaged entry is never copied on), changed parts deflated by fflate's ZipDeflate, and
 * big new sheets (EntryWriter) deflated while their XML is being written.
 */
import { Deflate, Zip, ZipDeflate, type ZipInputFile } from "fflate";
import { crcUpdate } from "./crc32";
import { dosDate, dosTime, streamEntry, ZipError, type InflateBudget, type ZipEntry } from "./zip";

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

/**
 * Deflates an EntryWriter's bytes: the platform's CompressionStream ("deflate-raw": Node
 * 20, browsers) works off the main thread while we keep writing XML; fflate's streaming
 * Deflate where it is missing.
 */
function deflater(
  level: Level,
  chunks: Uint8Array[],
): { push(b: Uint8Array<ArrayBuffer>, final: boolean): void; end(): Promise<void> } {
  const Native = (globalThis as { CompressionStream?: typeof CompressionStream }).CompressionStream;
  if (Native === undefined || level !== 6) {
    const d = new Deflate({ level }, (data) => chunks.push(data));
    return { push: (b, final) => d.push(b, final), end: async () => undefined };
  }
  const cs = new Native("deflate-raw");
  const writer = cs.writable.getWriter();
  const reader = cs.readable.getReader();
  const reading = (async () => {
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  })();
  let failed: unknown;
  return {
    push: (b) => void writer.write(b).catch((e: unknown) => (failed ??= e)),
    end: async () => {
      await writer.close();
      await reading;
      if (failed !== undefined) throw failed;
    },
  };
}

const encoder = new TextEncoder();

/**
 * Builds a large entry from text pieces, compressing as it goes, so that a 100,000-row
 * sheet never exists as one string or one uncompressed buffer.
 */
export class EntryWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly sink: ReturnType<typeof deflater>;
  private pending: string[] = [];
  private pendingLength = 0;
  private size = 0;
  private crc = 0;

  constructor(
    private readonly name: string,
    level: Level = 6,
  ) {
    this.sink = deflater(level, this.chunks);
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 1 << 18) this.flush(false);
  }

  private flush(final: boolean): void {
    const bytes = encoder.encode(this.pending.join(""));
    this.pending = [];
    this.pendingLength = 0;
    this.size += bytes.length;
    this.crc = crcUpdate(this.crc, bytes);
    this.sink.push(bytes, final);
  }

  /** The finished entry (compressed, checked by construction; copied as is on save). */
  async finish(): Promise<ZipEntry> {
    this.flush(true);
    await this.sink.end();
    const raw = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    this.chunks.reduce((at, c) => (raw.set(c, at), at + c.length), 0);
    const { time, date } = dosTime(new Date());
    return {
      name: this.name,
      method: 8,
      crc: this.crc,
      compressedSize: raw.length,
      size: this.size,
      time,
      date,
      flags: 0x800,
      raw,
      dirty: false,
      verified: true,
    };
  }
}
