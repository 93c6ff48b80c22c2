/**
 * Inflating an entry of the archive, checked as it goes (DOMAIN §8): the declared size,
 * the CRC-32, and the bounds (LIMITS) that stop a zip bomb long before memory runs out.
 * Small parts are inflated on this thread by fflate; big ones through the codec.
 */
import { Inflate } from "fflate";
import type { Codec } from "./codec";
import { crcUpdate } from "./crc32";
import { LIMITS, ZipError, type ZipEntry } from "./zip";

/** Counts what a package has inflated so far, across its entries (for LIMITS.totalBytes). */
export interface InflateBudget {
  used: number;
}

/** The most an entry may inflate to, or a ZipError when its declared size is already past it. */
function allowance(e: ZipEntry, budget: InflateBudget): number {
  const byRatio = Math.max(LIMITS.ratioFloorBytes, e.compressedSize * LIMITS.ratio);
  const max = Math.min(LIMITS.partBytes, byRatio, LIMITS.totalBytes - budget.used);
  if (e.size > max) throw new ZipError(`entry inflates past the limits: ${e.name}`);
  return e.size;
}

/** Compressed input is fed in slices this small, so one callback never holds much output. */
const SLICE = 1 << 16;

/** Checks an entry's inflated bytes as they pass: bounds, declared size, CRC-32. */
class EntryCheck {
  private out = 0;
  private crc = 0;
  private readonly size: number;

  constructor(
    private readonly e: ZipEntry,
    private readonly budget: InflateBudget,
    private readonly crc32: (data: Uint8Array, crc: number) => number,
  ) {
    if (!e.raw) throw new ZipError(`no content: ${e.name}`);
    if (e.flags & 1) throw new ZipError(`encrypted entry: ${e.name}`);
    if (e.method !== 0 && e.method !== 8)
      throw new ZipError(`unsupported compression ${e.method}: ${e.name}`);
    this.size = allowance(e, budget);
  }

  take(chunk: Uint8Array): void {
    this.out += chunk.length;
    if (this.out > this.size) throw new ZipError(`entry larger than declared: ${this.e.name}`);
    this.crc = this.crc32(chunk, this.crc);
  }

  finish(): void {
    if (this.out !== this.e.size) throw new ZipError(`size mismatch: ${this.e.name}`);
    if (this.crc !== this.e.crc) throw new ZipError(`checksum (CRC-32) mismatch: ${this.e.name}`);
    this.budget.used += this.out;
    this.e.verified = true;
  }
}

/**
 * Inflates an original entry on this thread (fflate) as a stream of chunks (each valid only
 * during the call), checking it as it goes: for the small parts of a package.
 */
export function streamEntry(e: ZipEntry, budget: InflateBudget, onChunk: (chunk: Uint8Array) => void): void {
  const check = new EntryCheck(e, budget, (data, crc) => crcUpdate(crc, data));
  const raw = e.raw!;
  // An error thrown by onChunk (or by our checks) passes through fflate unchanged.
  let passing: unknown;
  const take = (chunk: Uint8Array): void => {
    try {
      check.take(chunk);
      onChunk(chunk);
    } catch (err) {
      passing = err;
      throw err;
    }
  };
  if (e.method === 0) {
    for (let i = 0; i < raw.length; i += SLICE) take(raw.subarray(i, Math.min(raw.length, i + SLICE)));
  } else {
    const inflate = new Inflate((chunk) => take(chunk));
    try {
      for (let i = 0; i < raw.length; i += SLICE)
        inflate.push(raw.subarray(i, i + SLICE), i + SLICE >= raw.length);
      if (raw.length === 0) inflate.push(raw, true);
    } catch {
      if (passing !== undefined) throw passing;
      throw new ZipError(`cannot inflate: ${e.name}`);
    }
  }
  check.finish();
}

/**
 * The same through a codec (off the main thread where the platform allows): `onChunk`
 * returns false to stop early, and then the entry is left unchecked. Resolves to whether
 * the whole entry was read (and checked).
 */
export async function streamEntryAsync(
  e: ZipEntry,
  budget: InflateBudget,
  codec: Codec,
  onChunk: (chunk: Uint8Array) => boolean,
): Promise<boolean> {
  const check = new EntryCheck(e, budget, codec.crc32);
  const raw = e.raw!;
  let passing: unknown;
  let complete = true;
  const take = (chunk: Uint8Array): boolean => {
    try {
      check.take(chunk);
      if (onChunk(chunk)) return true;
      complete = false;
    } catch (err) {
      passing = err;
    }
    return false;
  };
  if (e.method === 0) {
    for (let i = 0; i < raw.length && take(raw.subarray(i, i + SLICE)); i += SLICE);
  } else {
    try {
      await codec.inflate(raw, take);
    } catch {
      if (passing === undefined) throw new ZipError(`cannot inflate: ${e.name}`);
    }
  }
  if (passing !== undefined) throw passing;
  if (!complete) return false;
  check.finish();
  return true;
}

/** The whole content of an entry (small parts: XML of the package, not big sheets). */
export function entryData(e: ZipEntry, budget: InflateBudget = { used: 0 }): Uint8Array {
  if (e.data) return e.data;
  const chunks: Uint8Array[] = [];
  streamEntry(e, budget, (c) => chunks.push(c.slice()));
  if (chunks.length === 1) return chunks[0];
  const data = new Uint8Array(e.size);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.length;
  }
  return data;
}
