/**
 * The byte writer behind every output sheet: what comes out must be exactly the UTF-8 of the
 * pieces written, in order, whatever their size and script, with buffers reused only after
 * the deflater has released them; and the hot path's one-regex text test must never let
 * through text that escaping or xml:space would change.
 */
import fc from "fast-check";
import { crc32, inflateRawSync } from "node:zlib";
import { nodeCodec } from "../../src/cli/node-codec";
import { Utf8Chunks, type Codec, type Deflater } from "../../src/host/xlsx/codec";
import { EntryWriter } from "../../src/host/xlsx/entry-writer";
import { escapeCellText, isPlainText, needsPreserve } from "../../src/host/xlsx/xml";

/** A deflater that records each pushed chunk (copied at push time) and releases later. */
function recording(): { codec: Codec; pushed: Uint8Array[]; releaseAll: () => void; owned: Uint8Array[] } {
  const pushed: Uint8Array[] = [];
  const owned: Uint8Array[] = [];
  const pending: (() => void)[] = [];
  const deflater: Deflater = {
    push: (bytes, release) => {
      pushed.push(bytes.slice());
      owned.push(bytes);
      if (release) pending.push(release);
      return undefined;
    },
    end: async () => [],
  };
  const codec: Codec = {
    inflate: () => Promise.resolve(),
    deflater: () => deflater,
    crc32: (d, c) => crc32(d, c),
  };
  return { codec, pushed, owned, releaseAll: () => pending.splice(0).forEach((f) => f()) };
}

const concat = (parts: Uint8Array[]) => Buffer.concat(parts.map((p) => Buffer.from(p)));

describe("EntryWriter", () => {
  it("writes the UTF-8 of the pieces, in order, across buffer boundaries and long pieces", async () => {
    const rec = recording();
    const w = new EntryWriter("x.xml", rec.codec);
    const pieces: string[] = [];
    for (let i = 0; i < 40_000; i++)
      pieces.push(i % 3 === 0 ? `<c r="A${i}">党支部${i}</c>` : `<v>${i / 7}</v>`);
    pieces.push("𠀀".repeat(40_000)); // surrogate pairs, one piece longer than the long-piece limit
    pieces.push("末");
    for (const p of pieces) w.write(p);
    const e = await w.finish();
    const expected = Buffer.from(pieces.join(""), "utf8");
    expect(concat(rec.pushed).equals(expected)).toBe(true);
    expect(e.size).toBe(expected.length);
    expect(e.crc).toBe(crc32(expected));
  });

  it("reuses a buffer only after the deflater released it", () => {
    const rec = recording();
    const w = new EntryWriter("x.xml", rec.codec);
    const piece = "a".repeat(60_000);
    for (let i = 0; i < 30; i++) w.write(piece); // 1.8 MB: several full buffers
    const held = rec.owned.map((b) => b.buffer);
    expect(held.length).toBeGreaterThanOrEqual(3);
    expect(new Set(held).size).toBe(held.length); // nothing released yet: all distinct
    rec.releaseAll();
    for (let i = 0; i < 30; i++) w.write(piece);
    const later = rec.owned.slice(held.length).map((b) => b.buffer);
    expect(later.some((b) => held.includes(b))).toBe(true);
    // And what was pushed is still exactly the text (no buffer overwritten while owned).
    expect(concat(rec.pushed).toString("latin1")).toBe(piece.repeat(60).slice(0, concat(rec.pushed).length));
  });

  it("through node:zlib, inflates back to the text", async () => {
    const w = new EntryWriter("x.xml", nodeCodec());
    const text = Array.from({ length: 50_000 }, (_, i) => `<row r="${i}">第${i}行</row>`).join("");
    for (let i = 0; i < text.length; i += 997) w.write(text.slice(i, i + 997));
    const e = await w.finish();
    expect(inflateRawSync(e.raw as Uint8Array).toString("utf8")).toBe(text);
  });
});

describe("isPlainText", () => {
  it("is true only for text that escaping and xml:space leave alone", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 12 }), (s) => {
        if (s !== "" && isPlainText(s)) return escapeCellText(s) === s && !needsPreserve(s);
        return true;
      }),
      { numRuns: 20_000 },
    );
    const samples = [
      "先进",
      "A&B",
      "<x>",
      'say "hi"',
      " lead",
      "trail ",
      "a\nb",
      "_x0041_",
      "_x",
      "x\u0001",
      "\ufffe",
    ];
    expect(samples.map(isPlainText)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("Utf8Chunks", () => {
  const text = "<row>党支部 𠀀 é</row>".repeat(50);
  const bytes = Buffer.from(text, "utf8");

  it("gives the same text as one TextDecoder for every way of cutting the bytes, with and without the ASCII path", () => {
    for (const codec of [nodeCodec(), { ...nodeCodec(), ascii: undefined }]) {
      for (let size = 1; size <= 9; size++) {
        const d = new Utf8Chunks(codec);
        let out = "";
        for (let i = 0; i < bytes.length; i += size) out += d.decode(bytes.subarray(i, i + size));
        out += d.end();
        expect(out).toBe(text);
      }
    }
  });

  it("throws on bytes that are not UTF-8, also when the next chunk is ASCII", () => {
    const d = new Utf8Chunks(nodeCodec());
    expect(() => {
      d.decode(Uint8Array.of(0x3c, 0xe5, 0x85)); // '<' and the first two bytes of 党
      d.decode(Uint8Array.of(0x41, 0x42, 0x43, 0x44)); // ASCII where the third byte was due
      d.end();
    }).toThrow();
    const cut = new Utf8Chunks(nodeCodec());
    cut.decode(Uint8Array.of(0x41, 0xe5));
    expect(() => cut.end()).toThrow();
  });
});
