/**
 * The zip container at the entry level: its central directory read here for random access
 * to the original compressed bytes (README.md says why), and the bounds on inflating.
 */

/** Thrown for bytes that are not a readable, intact zip archive ("damaged"). */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

/** One entry: either the original compressed bytes (lazy) or new content. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** DOS time and date of the original entry. */
  time: number;
  date: number;
  /** General purpose flags of the original entry (bit 0: encrypted). */
  flags: number;
  /** The original compressed bytes, when the entry comes from the input archive. */
  raw?: Uint8Array;
  /** The uncompressed content, once set (new or edited parts). */
  data?: Uint8Array;
  /** Whether `data` replaces the original (must be compressed on save). */
  dirty: boolean;
  /** The raw bytes were inflated once and matched their CRC-32 and size. */
  verified?: boolean;
}

/**
 * Bounds on inflating, chosen so that every real workbook up to Excel's 1,048,576 rows
 * passes (a LibreOffice sheet of that many rows is ~0.7 GB of XML, 40 criteria ~1.7 GB;
 * sheet XML deflates 10–50×): a part may inflate to at most 8 GiB, a whole package to
 * 16 GiB, and a part past 64 MiB to at most 200× its compressed size. Deflate reaches
 * ~1000× only on degenerate input, which is what a bomb is made of.
 */
export const LIMITS = {
  partBytes: 8 * 2 ** 30,
  totalBytes: 16 * 2 ** 30,
  ratioFloorBytes: 64 * 2 ** 20,
  ratio: 200,
};

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64_LOCATOR = 0x07064b50;

function findEnd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 65_557);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === SIG_END) return i;
  return -1;
}

/** The zip64 extended sizes/offset of a central entry whose 32-bit fields overflow. */
function zip64(
  view: DataView,
  p: number,
  end: number,
  f: { size: number; csize: number; offset: number },
): void {
  for (; p + 4 <= end; p += 4 + view.getUint16(p + 2, true)) {
    if (view.getUint16(p, true) !== 0x0001) continue;
    let q = p + 4;
    const next = (): number => Number(view.getBigUint64((q += 8) - 8, true));
    if (f.size === 0xffffffff) f.size = next();
    if (f.csize === 0xffffffff) f.csize = next();
    if (f.offset === 0xffffffff) f.offset = next();
    return;
  }
}

/** The entry count and central directory offset, zip64 records included. */
function directory(view: DataView, end: number): { count: number; offset: number } {
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const loc = end - 20;
  if (loc >= 0 && view.getUint32(loc, true) === SIG_END64_LOCATOR) {
    const rec = Number(view.getBigUint64(loc + 8, true));
    if (rec + 56 <= view.byteLength) {
      count = Number(view.getBigUint64(rec + 32, true));
      offset = Number(view.getBigUint64(rec + 48, true));
    }
  }
  return { count, offset };
}

const names = new TextDecoder("utf-8", { fatal: false });

/** Parses the central directory; entries keep their archive order and stay compressed. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) throw new ZipError("no end of central directory");
  const { count, offset } = directory(view, end);
  const seen = new Set<string>();
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL)
      throw new ZipError("bad central directory");
    const f = {
      csize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
    };
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    zip64(view, p + 46 + nameLen, p + 46 + nameLen + extraLen, f);
    // Two entries of one name: which one a reader takes differs between programs.
    const key = name.toLowerCase();
    if (seen.has(key)) throw new ZipError(`duplicate entry: ${name}`);
    seen.add(key);
    const lo = f.offset;
    if (lo + 30 > bytes.length || view.getUint32(lo, true) !== SIG_LOCAL)
      throw new ZipError(`bad local header: ${name}`);
    const dataStart = lo + 30 + view.getUint16(lo + 26, true) + view.getUint16(lo + 28, true);
    if (dataStart + f.csize > bytes.length) throw new ZipError(`truncated entry: ${name}`);
    entries.push({
      name,
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: f.csize,
      size: f.size,
      time: view.getUint16(p + 12, true),
      date: view.getUint16(p + 14, true),
      flags: view.getUint16(p + 8, true),
      raw: bytes.subarray(dataStart, dataStart + f.csize),
      dirty: false,
    });
    p += 46 + nameLen + extraLen + view.getUint16(p + 32, true);
  }
  return entries;
}

/** A new entry (or new content for an existing name), compressed on save. */
export function newEntry(name: string, data: Uint8Array): ZipEntry {
  return madeEntry(name, { crc: 0, compressedSize: 0, size: data.length, data, dirty: true });
}

/** An entry made now (deflated, UTF-8 name) with these contents. */
export function madeEntry(
  name: string,
  content: Pick<ZipEntry, "crc" | "compressedSize" | "size" | "dirty" | "raw" | "data" | "verified">,
): ZipEntry {
  return { name, method: 8, flags: 0x800, ...dosTime(new Date()), ...content };
}

export function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** The local Date of a DOS time and date (what a zip writer is given as mtime). */
export function dosDate(time: number, date: number): Date {
  return new Date(
    1980 + (date >> 9),
    ((date >> 5) & 15) - 1,
    date & 31,
    time >> 11,
    (time >> 5) & 63,
    (time & 31) * 2,
  );
}
