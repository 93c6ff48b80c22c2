/**
 * Crafted files for the robustness corpus, made from the bundled sample workbook
 * (assets/示例.xlsx: 设置, 标准, 组织 = sheet3.xml, 评分 = sheet4.xml) by editing its parts
 * or its zip bytes. Each builder returns .xlsx (or other) bytes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { ROOT } from "../cli/helpers";

export const BRANCHES = "xl/worksheets/sheet3.xml";
export const SCORES = "xl/worksheets/sheet4.xml";

export function sampleBytes(): Uint8Array {
  return new Uint8Array(readFileSync(join(ROOT, "assets", "示例.xlsx")));
}

export function parts(): Record<string, Uint8Array> {
  return unzipSync(sampleBytes());
}

export function zip(files: Record<string, Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(files)) z[name] = [data, { level }];
  return zipSync(z);
}

/** The sample with one part's text edited. */
export function editPart(part: string, edit: (xml: string) => string): Uint8Array {
  const files = parts();
  const before = strFromU8(files[part]);
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${part} changed nothing`);
  files[part] = strToU8(after);
  return zip(files);
}

/** The sample's 评分 sheet with cell `ref`'s element replaced by `cell` (a whole <c …>…</c>). */
export function setScoreCell(ref: string, cell: string): Uint8Array {
  return editPart(SCORES, (xml) => xml.replace(new RegExp(`<c r="${ref}"[^>]*?(/>|>[\\s\\S]*?</c>)`), cell));
}

/** Offsets of the central directory entries, by name. */
function centralEntries(bytes: Uint8Array): Map<string, number> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (v.getUint32(end, true) !== 0x06054b50) end--;
  const out = new Map<string, number>();
  let p = v.getUint32(end + 16, true);
  for (let i = 0; i < v.getUint16(end + 10, true); i++) {
    const n = v.getUint16(p + 28, true);
    out.set(strFromU8(bytes.subarray(p + 46, p + 46 + n)), p);
    p += 46 + n + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}

/** The sample zip with a field of one entry's central header changed (crc: +16, size: +24). */
export function patchCentral(
  name: string,
  field: "crc" | "size",
  value: (old: number) => number,
): Uint8Array {
  const bytes = zip(parts());
  const at = centralEntries(bytes).get(name);
  if (at === undefined) throw new Error(`no entry ${name}`);
  const v = new DataView(bytes.buffer);
  const off = at + (field === "crc" ? 16 : 24);
  v.setUint32(off, value(v.getUint32(off, true)) >>> 0, true);
  return bytes;
}

/** One byte flipped inside the compressed data of an entry (its CRC then fails). */
export function flipDataByte(name: string): Uint8Array {
  const bytes = zip(parts());
  const v = new DataView(bytes.buffer);
  const at = centralEntries(bytes).get(name)!;
  const local = v.getUint32(at + 42, true);
  const data = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
  const size = v.getUint32(at + 20, true);
  bytes[data + Math.floor(size / 2)] ^= 0x01;
  return bytes;
}

/** The sample with a second entry of the same name (zipSync refuses: renamed in the bytes). */
export function duplicateEntry(name: string): Uint8Array {
  const files = parts();
  const temp = name.slice(0, -1) + (name.endsWith("X") ? "Y" : "X");
  const bytes = zip({ ...files, [temp]: files[name] }, 0);
  return renameSameLength(bytes, strToU8(temp), strToU8(name));
}

function renameSameLength(bytes: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  if (from.length !== to.length) throw new Error("names must be of one length");
  for (let i = 0; i + from.length <= bytes.length; i++) {
    let hit = true;
    for (let j = 0; j < from.length && hit; j++) hit = bytes[i + j] === from[j];
    if (hit) bytes.set(to, i);
  }
  return bytes;
}

/** A sheet that inflates to `mb` MB of spaces: deflate squeezes it ~1000:1. */
export function bomb(mb: number): Uint8Array {
  const files = parts();
  const xml = strFromU8(files[SCORES]);
  const pad = new Uint8Array(mb * 2 ** 20).fill(32);
  const head = strToU8(xml.slice(0, xml.indexOf("<sheetData>")));
  const tail = strToU8(xml.slice(xml.indexOf("<sheetData>")));
  const all = new Uint8Array(head.length + pad.length + tail.length);
  all.set(head);
  all.set(pad, head.length);
  all.set(tail, head.length + pad.length);
  files[SCORES] = all;
  return zip(files, 9);
}
