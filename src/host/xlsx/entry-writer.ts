/**
 * Builds a large zip entry (an output sheet) from text pieces, encoding them straight into
 * byte buffers and compressing as it goes, so that a 100,000-row sheet never exists as one
 * string or one uncompressed buffer, and no string is built per row only to be copied again.
 * The writer awaits `ready()` now and then: the codec deflates (in the thread pool, or a
 * browser's stream) while the next rows are built, and no more than a few buffers wait.
 */
import type { Codec, Deflater } from "./codec";
import { joinBytes } from "./xml";
import { madeEntry, type ZipEntry } from "./zip";

/**
 * Buffer size: large enough that deflate calls are few, small enough that a handful in
 * flight stay a few MB. Buffers come back to a pool when the deflater has read them, so a
 * sheet of any size uses the same few (new ones would count as external memory, whose
 * growth forces full garbage collections).
 */
const BUFFER = 1 << 19;
/** Pieces longer than this are encoded on their own rather than copied into the buffer. */
const LONG_PIECE = 1 << 16;

const encoder = new TextEncoder();

export class EntryWriter {
  private readonly sink: Deflater;
  private readonly pool: Uint8Array[] = [];
  private buf: Uint8Array;
  private at = 0;
  private size = 0;
  private crc = 0;
  private waiting: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly codec: Codec,
  ) {
    this.sink = codec.deflater();
    this.buf = new Uint8Array(BUFFER);
  }

  /** Appends text as UTF-8, encoded straight into the current buffer (encodeInto). */
  write(text: string): void {
    const n = text.length;
    if (n > LONG_PIECE) {
      this.flush();
      this.send(encoder.encode(text), false);
      return;
    }
    // 3 bytes per UTF-16 unit is UTF-8's worst case (a surrogate pair: 4 bytes for 2 units).
    if (this.at + 3 * n > BUFFER) this.flush();
    this.at += encoder.encodeInto(text, this.buf.subarray(this.at)).written;
  }

  /** Resolves when the deflater can take more (call between rows, every so often). */
  ready(): Promise<void> | undefined {
    const w = this.waiting;
    this.waiting = undefined;
    return w;
  }

  private flush(): void {
    if (this.at === 0) return;
    const full = this.buf.subarray(0, this.at);
    this.buf = this.pool.pop() ?? new Uint8Array(BUFFER);
    this.at = 0;
    this.send(full, true);
  }

  private send(bytes: Uint8Array, pooled: boolean): void {
    this.size += bytes.length;
    this.crc = this.codec.crc32(bytes, this.crc);
    const release = pooled ? () => this.pool.push(new Uint8Array(bytes.buffer, 0, BUFFER)) : undefined;
    this.waiting = this.sink.push(bytes, release) ?? this.waiting;
  }

  /** The finished entry (compressed, checked by construction; copied as is on save). */
  async finish(): Promise<ZipEntry> {
    this.flush();
    const raw = joinBytes(await this.sink.end());
    const fields = { crc: this.crc, compressedSize: raw.length, size: this.size, raw };
    return madeEntry(this.name, { ...fields, dirty: false, verified: true });
  }
}
