// The floor of `branch-grader grade IN -o OUT` (bench/whole.ts): what any program producing
// OUT from IN must at least do with node:zlib — inflate every entry of IN and deflate, at
// level 6, every entry of OUT that IN does not hold byte for byte (same name, CRC-32 and size).
//
//   node bench/floor.mjs IN.xlsx OUT.xlsx    prints one line of JSON
//
// Untimed preparation: both central directories are read, and the entries OUT adds are
// inflated from OUT (to memory, or to a temporary file when large). Timed, one after the
// other on this thread and zlib's: reading IN and inflating each entry (inflateRawSync for
// small entries, a stream for large ones), then deflating each added entry. `seconds` is that
// wall time; `cpuSeconds` the process's user + system CPU over the same span.
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";

const SMALL = 32 << 20;
const CHUNK = 1 << 20;

function readAt(fd, position, length) {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new Error(`unexpected end of file at ${position + done}`);
    done += n;
  }
  return buf;
}

/** The central directory: name, method, crc, sizes and where each entry's data starts. */
function entries(path) {
  const fd = openSync(path, "r");
  try {
    const size = statSync(path).size;
    const tailLength = Math.min(size, 65557);
    const tail = readAt(fd, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--)
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    if (eocd < 0) throw new Error(`${path}: not a zip (no end of central directory)`);
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = size - tailLength + eocd - 20;
      const locator = readAt(fd, loc, 20);
      if (locator.readUInt32LE(0) !== 0x07064b50) throw new Error(`${path}: zip64 locator missing`);
      const rec = readAt(fd, Number(locator.readBigUInt64LE(8)), 56);
      if (rec.readUInt32LE(0) !== 0x06064b50) throw new Error(`${path}: zip64 record missing`);
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    const cd = readAt(fd, cdOffset, cdSize);
    const out = [];
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error(`${path}: bad central directory entry ${k}`);
      const method = cd.readUInt16LE(p + 10);
      const crc = cd.readUInt32LE(p + 16);
      let csize = cd.readUInt32LE(p + 20);
      let usize = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let local = cd.readUInt32LE(p + 42);
      const name = cd.toString("utf8", p + 46, p + 46 + nameLength);
      // Zip64 extended information: the 32-bit fields that are 0xffffffff, in this order.
      for (let e = p + 46 + nameLength; e < p + 46 + nameLength + extraLength;) {
        const id = cd.readUInt16LE(e);
        const len = cd.readUInt16LE(e + 2);
        if (id === 1) {
          let q = e + 4;
          if (usize === 0xffffffff) ((usize = Number(cd.readBigUInt64LE(q))), (q += 8));
          if (csize === 0xffffffff) ((csize = Number(cd.readBigUInt64LE(q))), (q += 8));
          if (local === 0xffffffff) local = Number(cd.readBigUInt64LE(q));
        }
        e += 4 + len;
      }
      const header = readAt(fd, local, 30);
      if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`${path}: bad local header for ${name}`);
      const start = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      if (method !== 0 && method !== 8) throw new Error(`${path}: ${name}: compression method ${method}`);
      out.push({ name, method, crc, csize, usize, start });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

/** Bytes through a stream, counted and dropped. */
async function drain(source, transform) {
  let bytes = 0;
  await pipeline(source, transform, async (chunks) => {
    for await (const c of chunks) bytes += c.length;
  });
  return bytes;
}

const rangeStream = (path, e) =>
  createReadStream(path, { start: e.start, end: e.start + e.csize - 1, highWaterMark: CHUNK });

async function main() {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    process.stderr.write("usage: node bench/floor.mjs IN.xlsx OUT.xlsx\n");
    process.exit(2);
  }
  const tmp = mkdtempSync(join(tmpdir(), "bg-floor-"));
  try {
    const inEntries = entries(input);
    const same = new Set(inEntries.map((e) => `${e.name}\0${e.crc}\0${e.usize}`));
    const added = entries(output).filter((e) => !same.has(`${e.name}\0${e.crc}\0${e.usize}`));

    // Untimed: the bytes OUT adds, uncompressed (in memory, or a temporary file if large).
    const fo = openSync(output, "r");
    const toDeflate = [];
    try {
      for (const [k, e] of added.entries()) {
        if (e.usize <= SMALL) {
          const raw = readAt(fo, e.start, e.csize);
          toDeflate.push({
            name: e.name,
            bytes: e.method === 8 ? zlib.inflateRawSync(raw) : raw,
            size: e.usize,
          });
        } else {
          const file = join(tmp, `added-${k}`);
          const pass = e.method === 8 ? zlib.createInflateRaw({ chunkSize: CHUNK }) : new PassThrough();
          await pipeline(rangeStream(output, e), pass, createWriteStream(file));
          toDeflate.push({ name: e.name, file, size: e.usize });
        }
      }
    } finally {
      closeSync(fo);
    }

    // Timed: inflate all of IN, then deflate what OUT adds.
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let inflated = 0;
    const fi = openSync(input, "r");
    try {
      for (const e of inEntries) {
        if (e.method === 0) {
          inflated += e.csize;
          continue;
        }
        let n;
        if (e.csize <= SMALL / 4 && e.usize <= SMALL * 8)
          n = zlib.inflateRawSync(readAt(fi, e.start, e.csize)).length;
        else n = await drain(rangeStream(input, e), zlib.createInflateRaw({ chunkSize: CHUNK }));
        if (n !== e.usize) throw new Error(`${input}: ${e.name}: inflated ${n} bytes, expected ${e.usize}`);
        inflated += n;
      }
    } finally {
      closeSync(fi);
    }
    const t1 = performance.now();
    let deflatedIn = 0;
    let deflatedOut = 0;
    for (const d of toDeflate) {
      if (d.bytes) deflatedOut += zlib.deflateRawSync(d.bytes, { level: 6 }).length;
      else
        deflatedOut += await drain(
          createReadStream(d.file, { highWaterMark: CHUNK }),
          zlib.createDeflateRaw({ level: 6, chunkSize: CHUNK }),
        );
      deflatedIn += d.size;
    }
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write(
      JSON.stringify({
        seconds: (t2 - t0) / 1000,
        inflateSeconds: (t1 - t0) / 1000,
        deflateSeconds: (t2 - t1) / 1000,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        inputEntries: inEntries.length,
        inflatedBytes: inflated,
        addedEntries: toDeflate.map((d) => d.name),
        addedBytes: deflatedIn,
        addedDeflatedBytes: deflatedOut,
      }) + "\n",
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`floor: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
