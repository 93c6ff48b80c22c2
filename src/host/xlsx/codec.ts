/**
 * Inflate, deflate and CRC-32 behind one small interface, so that the .xlsx host (pure
 * TypeScript, Node and browser) uses the fastest the platform has: the command line gives
 * it node:zlib (see src/cli/node-codec.ts); a browser gets its native Compression and
 * DecompressionStream ("deflate-raw", off the main thread), and fflate where they are missing.
 */
import { Deflate, Inflate } from "fflate";
import { crcUpdate } from "./crc32";

/** A raw-deflate compressor fed in order. */
export interface Deflater {
  /**
   * Queues bytes (the deflater owns them until it calls `release`, after which the caller
   * may reuse them); a promise means: wait before pushing more.
   */
  push(bytes: Uint8Array, release?: () => void): Promise<void> | undefined;
  /** Ends the stream; the compressed bytes, in order. */
  end(): Promise<Uint8Array[]>;
}

export interface Codec {
  /**
   * Inflates raw deflate data; `onChunk` gets each piece (valid only during the call) and
   * returns false to stop early. Rejects when the data is not valid deflate.
   */
  inflate(raw: Uint8Array, onChunk: (chunk: Uint8Array) => boolean): Promise<void>;
  /** A compressor at the codec's chosen level. */
  deflater(): Deflater;
  /** CRC-32 of `data`, continued from `crc` (0 to start). */
  crc32(data: Uint8Array, crc: number): number;
  /** The text of bytes that are all ASCII, faster than a TextDecoder; undefined otherwise. */
  ascii?(bytes: Uint8Array): string | undefined;
}

/**
 * Decodes a part's UTF-8 chunk by chunk, fatally (bytes that are not UTF-8 throw). A chunk
 * that is all ASCII, starting where no sequence is left open, takes the codec's fast path
 * (most sheet XML: shared strings keep the text elsewhere); the rest go to a TextDecoder.
 */
export class Utf8Chunks {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  /** The TextDecoder may hold the start of a sequence cut by the chunk boundary. */
  private open = false;

  constructor(private readonly codec: Codec) {}

  decode(chunk: Uint8Array): string {
    if (!this.open) {
      const text = this.codec.ascii?.(chunk);
      if (text !== undefined) return text;
    }
    const text = this.decoder.decode(chunk, { stream: true });
    this.open = endsInsideSequence(chunk) || (this.open && chunk.length < 4);
    return text;
  }

  /** The end of the part: throws when it stops inside a sequence. */
  end(): string {
    this.open = false;
    return this.decoder.decode();
  }
}

/** Whether the bytes end with the lead of a multi-byte sequence lacking its last bytes. */
function endsInsideSequence(b: Uint8Array): boolean {
  for (let k = 1; k <= 3 && k <= b.length; k++) {
    const c = b[b.length - k]!;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k;
  }
  // Only continuation bytes within reach: a short chunk may still continue an earlier lead.
  return b.length < 3;
}

/** Compressed input is fed in slices this small, so one callback never holds much output. */
const SLICE = 1 << 16;

/**
 * Inflates on this thread (fflate), fed in small slices so that one callback never holds
 * much output; stops quietly when `onChunk` returns false, throws on data that is not deflate.
 */
export function inflateHere(raw: Uint8Array, onChunk: (chunk: Uint8Array) => boolean): void {
  const stop = new Error("stop");
  const inflate = new Inflate((chunk) => {
    if (!onChunk(chunk)) throw stop;
  });
  try {
    if (raw.length === 0) inflate.push(raw, true);
    for (let i = 0; i < raw.length; i += SLICE)
      inflate.push(raw.subarray(i, i + SLICE), i + SLICE >= raw.length);
  } catch (e) {
    if (e !== stop) throw e;
  }
}

const fflateInflate = (raw: Uint8Array, onChunk: (chunk: Uint8Array) => boolean): Promise<void> => {
  try {
    inflateHere(raw, onChunk);
    return Promise.resolve();
  } catch (e) {
    return Promise.reject(e);
  }
};

async function streamInflate(raw: Uint8Array, onChunk: (chunk: Uint8Array) => boolean): Promise<void> {
  const ds = new DecompressionStream("deflate-raw");
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    for (let i = 0; i < raw.length && !stopped; i += 1 << 20) {
      await writer.ready;
      void writer.write(raw.subarray(i, i + (1 << 20)) as Uint8Array<ArrayBuffer>).catch(() => undefined);
    }
    if (!stopped) await writer.close();
  })().catch(() => undefined);
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      if (!onChunk(r.value)) {
        stopped = true;
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } finally {
    await feeding;
  }
}

function streamDeflater(): Deflater {
  const cs = new CompressionStream("deflate-raw");
  const writer = cs.writable.getWriter();
  const reader = cs.readable.getReader();
  const chunks: Uint8Array[] = [];
  const reading = (async () => {
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  })();
  let failed: unknown;
  return {
    push: (bytes, release) => {
      // The write settles once the transform has consumed the chunk.
      void writer.write(bytes as Uint8Array<ArrayBuffer>).then(release, (e: unknown) => (failed ??= e));
      return writer.desiredSize !== null && writer.desiredSize <= 0 ? writer.ready : undefined;
    },
    end: async () => {
      await writer.close();
      await reading;
      if (failed !== undefined) throw failed;
      return chunks;
    },
  };
}

function fflateDeflater(level: 1 | 6): Deflater {
  const chunks: Uint8Array[] = [];
  const d = new Deflate({ level }, (data) => chunks.push(data));
  return {
    push: (bytes, release) => {
      d.push(bytes); // fflate copies into its own window
      release?.();
      return undefined;
    },
    end: async () => {
      d.push(new Uint8Array(0), true);
      return chunks;
    },
  };
}

/** What a browser (or a Node without a codec of its own) uses. */
export function webCodec(): Codec {
  const native = typeof DecompressionStream === "function" && typeof CompressionStream === "function";
  return {
    inflate: native ? streamInflate : fflateInflate,
    deflater: native ? streamDeflater : () => fflateDeflater(6),
    crc32: (data, crc) => crcUpdate(crc, data),
  };
}
