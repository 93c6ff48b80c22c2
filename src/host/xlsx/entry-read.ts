/**
 * Inflating an entry of the archive, checked as it goes (DOMAIN §8): the declared size,
 * the CRC-32, and the bounds (LIMITS) that stop a zip bomb long before memory runs out.
 * Small parts are inflated on this thread (fflate); big ones through the codec.
 */
import { inflateHere, type Codec } from "./codec";
import { crcUpdate } from "./crc32";
import { joinBytes } from "./xml";
import { LIMITS, ZipError, type ZipEntry } from "./zip";

/** Counts what a package has inflated so far, across its entries (for LIMITS.totalBytes). */
export interface InflateBudget {
  used: number;
}

const SLICE = 1 << 16;

/**
 * The checks both ways of reading share. `take` is given each inflated chunk and passes it
 * on (false: stop); `done` reports, after inflating, the first error or whether the whole
 * entry was read and matched its size and CRC-32.
 */
function checked(
  e: ZipEntry,
  budget: InflateBudget,
  crc32: (data: Uint8Array, crc: number) => number,
  onChunk: (chunk: Uint8Array) => boolean,
) {
  if (!e.raw) throw new ZipError(`no content: ${e.name}`);
  if (e.flags & 1) throw new ZipError(`encrypted entry: ${e.name}`);
  if (e.method !== 0 && e.method !== 8) throw new ZipError(`unsupported compression ${e.method}: ${e.name}`);
  const max = Math.min(
    LIMITS.partBytes,
    Math.max(LIMITS.ratioFloorBytes, e.compressedSize * LIMITS.ratio),
    LIMITS.totalBytes - budget.used,
  );
  if (e.size > max) throw new ZipError(`entry inflates past the limits: ${e.name}`);
  let out = 0;
  let crc = 0;
  let complete = true;
  let passing: unknown; // an error of ours or of onChunk, passed through the inflater
  const take = (chunk: Uint8Array): boolean => {
    try {
      out += chunk.length;
      if (out > e.size) throw new ZipError(`entry larger than declared: ${e.name}`);
      crc = crc32(chunk, crc);
      if (onChunk(chunk)) return true;
      complete = false;
    } catch (err) {
      passing = err;
    }
    return false;
  };
  const raw = e.raw;
  const stored = () => {
    for (let i = 0; i < raw.length && take(raw.subarray(i, i + SLICE)); i += SLICE);
  };
  const done = (failed: boolean): boolean => {
    if (passing !== undefined) throw passing;
    if (failed) throw new ZipError(`cannot inflate: ${e.name}`);
    if (!complete) return false;
    if (out !== e.size) throw new ZipError(`size mismatch: ${e.name}`);
    if (crc !== e.crc) throw new ZipError(`checksum (CRC-32) mismatch: ${e.name}`);
    budget.used += out;
    e.verified = true;
    return true;
  };
  return { raw, take, stored, done };
}

/** Inflates an original entry on this thread, chunk by chunk (each valid only during the call). */
export function streamEntry(e: ZipEntry, budget: InflateBudget, onChunk: (chunk: Uint8Array) => void): void {
  const r = checked(
    e,
    budget,
    (d, c) => crcUpdate(c, d),
    (chunk) => (onChunk(chunk), true),
  );
  let failed = false;
  if (e.method === 0) r.stored();
  else
    try {
      inflateHere(r.raw, r.take);
    } catch {
      failed = true;
    }
  r.done(failed);
}

/**
 * The same through the codec (off the main thread where it can be); `onChunk` returns false
 * to stop early, and the entry is then left unchecked. Resolves to whether it was read whole.
 */
export async function streamEntryAsync(
  e: ZipEntry,
  budget: InflateBudget,
  codec: Codec,
  onChunk: (chunk: Uint8Array) => boolean,
): Promise<boolean> {
  const r = checked(e, budget, codec.crc32, onChunk);
  let failed = false;
  if (e.method === 0) r.stored();
  else await codec.inflate(r.raw, r.take).catch(() => (failed = true));
  return r.done(failed);
}

/** The whole content of an entry (small parts: XML of the package, not big sheets). */
export function entryData(e: ZipEntry, budget: InflateBudget = { used: 0 }): Uint8Array {
  if (e.data) return e.data;
  const chunks: Uint8Array[] = [];
  streamEntry(e, budget, (c) => chunks.push(c.slice()));
  return chunks.length === 1 ? chunks[0]! : joinBytes(chunks);
}
