/**
 * The zip container of an .xlsx, read and written at the entry level. fflate does the
 * (de)compression; the container code is ours so that an entry nobody changed is copied
 * as its original compressed bytes (no inflate, no deflate, byte-identical content) and
 * entries are inflated only when somebody reads them. Pure TypeScript: Node and browser.
 */
import { Gzip, deflateSync, inflateSync } from "fflate";

/** Thrown for bytes that are not a readable zip archive. */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

/** One entry: either the original compressed bytes (lazy) or new content. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate (the original's; new entries are written with 8). */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS time and date of the original entry. */
  time: number;
  date: number;
  /** General purpose flags of the original entry (bit 11: UTF-8 name). */
  flags: number;
  /** The original compressed bytes, when the entry comes from the input archive. */
  raw?: Uint8Array;
  /** The uncompressed content, once read or when set. */
  data?: Uint8Array;
  /** Whether `data` replaces the original (must be compressed on save). */
  dirty: boolean;
}

/** CRC-32 tables for slicing-by-8 (eight bytes per step). */
const CRC_TABLES = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n];
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff] ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  return crcUpdate(0, data);
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

function findEnd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 65_557);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === SIG_END) return i;
  return -1;
}

/** Reads the zip64 extended sizes/offset of a central entry when its 32-bit fields overflow. */
function zip64(
  view: DataView,
  start: number,
  end: number,
  fields: { size: number; compressedSize: number; offset: number },
): void {
  let p = start;
  while (p + 4 <= end) {
    const id = view.getUint16(p, true);
    const len = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const next = (): number => {
        const v = Number(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (fields.size === 0xffffffff) fields.size = next();
      if (fields.compressedSize === 0xffffffff) fields.compressedSize = next();
      if (fields.offset === 0xffffffff) fields.offset = next();
      return;
    }
    p += 4 + len;
  }
}

const decoder = new TextDecoder("utf-8", { fatal: false });

/** Parses the central directory; entries keep their archive order and stay compressed. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) throw new ZipError("no end of central directory");
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL)
      throw new ZipError("bad central directory");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const time = view.getUint16(p + 12, true);
    const date = view.getUint16(p + 14, true);
    const crc = view.getUint32(p + 16, true);
    const fields = {
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
    };
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    zip64(view, p + 46 + nameLen, p + 46 + nameLen + extraLen, fields);
    const lo = fields.offset;
    if (lo + 30 > bytes.length || view.getUint32(lo, true) !== SIG_LOCAL)
      throw new ZipError(`bad local header: ${name}`);
    const dataStart = lo + 30 + view.getUint16(lo + 26, true) + view.getUint16(lo + 28, true);
    const dataEnd = dataStart + fields.compressedSize;
    if (dataEnd > bytes.length) throw new ZipError(`truncated entry: ${name}`);
    entries.push({
      name,
      method,
      crc,
      compressedSize: fields.compressedSize,
      size: fields.size,
      time,
      date,
      flags,
      raw: bytes.subarray(dataStart, dataEnd),
      dirty: false,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The uncompressed content of an entry (inflated once, then kept). */
export function entryData(e: ZipEntry): Uint8Array {
  if (e.data) return e.data;
  if (!e.raw) throw new ZipError(`no content: ${e.name}`);
  if (e.flags & 1) throw new ZipError(`encrypted entry: ${e.name}`);
  let data: Uint8Array;
  if (e.method === 0) data = e.raw;
  else if (e.method === 8) {
    try {
      data = inflateSync(e.raw, { out: new Uint8Array(e.size) });
    } catch {
      throw new ZipError(`cannot inflate: ${e.name}`);
    }
    // fflate returns a shorter view when the declared size was too large.
    if (data.length !== e.size) throw new ZipError(`size mismatch: ${e.name}`);
  } else throw new ZipError(`unsupported compression ${e.method}: ${e.name}`);
  e.data = data;
  return data;
}

/** A new entry (or new content for an existing name), compressed on save. */
export function newEntry(name: string, data: Uint8Array): ZipEntry {
  const { time, date } = dosNow();
  return {
    name,
    method: 8,
    crc: 0,
    compressedSize: 0,
    size: data.length,
    time,
    date,
    flags: 0x800,
    data,
    dirty: true,
  };
}

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const encoder = new TextEncoder();

/** CRC-32 continued over more data (start with 0). */
function crcUpdate(crc: number, data: Uint8Array): number {
  const t = CRC_TABLES;
  let c = crc ^ -1;
  let i = 0;
  const n = data.length;
  for (; i + 8 <= n; i += 8) {
    const lo = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      t[1792 + (lo & 0xff)] ^
      t[1536 + ((lo >>> 8) & 0xff)] ^
      t[1280 + ((lo >>> 16) & 0xff)] ^
      t[1024 + (lo >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < n; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Where an EntryWriter's bytes go to be deflated. */
interface Sink {
  push(bytes: Uint8Array<ArrayBuffer>, final: boolean): void;
  /** The gzip stream's chunks (header + raw deflate + CRC-32 and size trailer). */
  end(): Promise<Uint8Array[]>;
}

/**
 * The platform's CompressionStream ("gzip": Node 20, browsers), which deflates and sums
 * the CRC off the main thread (zlib, level 6) while we keep writing XML; undefined where
 * it is missing. Gzip rather than raw deflate because its trailer carries the CRC-32.
 */
function nativeSink(): Sink | undefined {
  const Native = (globalThis as { CompressionStream?: typeof CompressionStream }).CompressionStream;
  if (Native === undefined) return undefined;
  let cs: CompressionStream;
  try {
    cs = new Native("gzip");
  } catch {
    return undefined;
  }
  const writer = cs.writable.getWriter();
  const chunks: Uint8Array[] = [];
  const reader = cs.readable.getReader();
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      chunks.push(value);
    }
  })();
  let failed: unknown;
  return {
    push: (bytes) => {
      writer.write(bytes).catch((e: unknown) => (failed ??= e));
    },
    end: async () => {
      await writer.close();
      await reading;
      if (failed !== undefined) throw failed;
      return chunks;
    },
  };
}

/** fflate's streaming gzip (same thread), where the platform has no CompressionStream. */
function fflateSink(level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9): Sink {
  const chunks: Uint8Array[] = [];
  const gzip = new Gzip({ level, mtime: 0 }, (data) => chunks.push(data));
  return {
    push: (bytes, final) => gzip.push(bytes, final),
    end: async () => chunks,
  };
}

/** A gzip member's raw deflate data and CRC-32 (header and trailer stripped). */
function unwrapGzip(chunks: Uint8Array[]): { raw: Uint8Array; crc: number; size: number } {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const gz = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    gz.set(c, at);
    at += c.length;
  }
  if (total < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8) throw new ZipError("bad gzip stream");
  const flags = gz[3];
  let start = 10;
  if (flags & 4) start += 2 + (gz[10] | (gz[11] << 8));
  if (flags & 8) while (gz[start++] !== 0);
  if (flags & 16) while (gz[start++] !== 0);
  if (flags & 2) start += 2;
  const v = new DataView(gz.buffer, gz.byteOffset, gz.byteLength);
  return {
    raw: gz.subarray(start, total - 8),
    crc: v.getUint32(total - 8, true),
    size: v.getUint32(total - 4, true),
  };
}

/**
 * Builds a large entry from text pieces, compressing as it goes, so that a 100,000-row
 * sheet never exists as one string or one uncompressed buffer.
 */
export class EntryWriter {
  private readonly sink: Sink;
  private pending: string[] = [];
  private pendingLength = 0;
  private size = 0;

  constructor(
    private readonly name: string,
    level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6,
  ) {
    this.sink = (level === 6 ? nativeSink() : undefined) ?? fflateSink(level);
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
    this.sink.push(bytes, final);
  }

  /** The finished entry (compressed; copied as is on save). */
  async finish(): Promise<ZipEntry> {
    this.flush(true);
    const { raw, crc, size } = unwrapGzip(await this.sink.end());
    // The gzip trailer keeps the size modulo 2^32; ours is exact.
    if (size !== this.size % 0x100000000) throw new ZipError(`size mismatch: ${this.name}`);
    const { time, date } = dosNow();
    return {
      name: this.name,
      method: 8,
      crc,
      compressedSize: raw.length,
      size: this.size,
      time,
      date,
      flags: 0x800,
      raw,
      dirty: false,
    };
  }
}

/**
 * Writes the entries, in order, as a zip archive. Unchanged entries are copied compressed
 * as they were; changed ones are deflated at `level`.
 */
export function writeZip(entries: ZipEntry[], level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): Uint8Array {
  interface Out {
    e: ZipEntry;
    name: Uint8Array;
    body: Uint8Array;
    method: number;
    crc: number;
    offset: number;
  }
  const outs: Out[] = [];
  let offset = 0;
  for (const e of entries) {
    let body: Uint8Array;
    let method: number;
    let crc: number;
    if (!e.dirty && e.raw) {
      body = e.raw;
      method = e.method;
      crc = e.crc;
    } else {
      const data = e.data ?? new Uint8Array(0);
      crc = crc32(data);
      body = deflateSync(data, { level });
      method = 8;
      if (body.length >= data.length) {
        body = data;
        method = 0;
      }
      e.size = data.length;
    }
    const name = encoder.encode(e.name);
    outs.push({ e, name, body, method, crc, offset });
    offset += 30 + name.length + body.length;
  }
  const centralSize = outs.reduce((n, o) => n + 46 + o.name.length, 0);
  const total = offset + centralSize + 22;
  if (total > 0xffffffff || outs.length > 0xffff) throw new ZipError("archive too large for zip32");
  const buf = new Uint8Array(total);
  const v = new DataView(buf.buffer);
  // Bit 3 (data descriptor) is cleared: sizes are in the headers. Bit 11 (UTF-8) is set.
  const flagsOf = (o: Out): number => ((o.e.flags & ~0x0009) | 0x0800) & 0xffff;
  for (const o of outs) {
    const p = o.offset;
    v.setUint32(p, SIG_LOCAL, true);
    v.setUint16(p + 4, 20, true);
    v.setUint16(p + 6, flagsOf(o), true);
    v.setUint16(p + 8, o.method, true);
    v.setUint16(p + 10, o.e.time, true);
    v.setUint16(p + 12, o.e.date, true);
    v.setUint32(p + 14, o.crc, true);
    v.setUint32(p + 18, o.body.length, true);
    v.setUint32(p + 22, o.e.size, true);
    v.setUint16(p + 26, o.name.length, true);
    v.setUint16(p + 28, 0, true);
    buf.set(o.name, p + 30);
    buf.set(o.body, p + 30 + o.name.length);
  }
  let p = offset;
  for (const o of outs) {
    v.setUint32(p, SIG_CENTRAL, true);
    v.setUint16(p + 4, 20, true);
    v.setUint16(p + 6, 20, true);
    v.setUint16(p + 8, flagsOf(o), true);
    v.setUint16(p + 10, o.method, true);
    v.setUint16(p + 12, o.e.time, true);
    v.setUint16(p + 14, o.e.date, true);
    v.setUint32(p + 16, o.crc, true);
    v.setUint32(p + 20, o.body.length, true);
    v.setUint32(p + 24, o.e.size, true);
    v.setUint16(p + 28, o.name.length, true);
    v.setUint32(p + 42, o.offset, true);
    buf.set(o.name, p + 46);
    p += 46 + o.name.length;
  }
  v.setUint32(p, SIG_END, true);
  v.setUint16(p + 8, outs.length, true);
  v.setUint16(p + 10, outs.length, true);
  v.setUint32(p + 12, centralSize, true);
  v.setUint32(p + 16, offset, true);
  return buf;
}
