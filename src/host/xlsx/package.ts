/**
 * The .xlsx as an OPC package: its zip entries by name, part texts, relationships,
 * [Content_Types].xml edits, and which parts belong to a part (for deleting a sheet and
 * everything only it used). Parts nobody edits keep their original bytes.
 */
import { Utf8Chunks, webCodec, type Codec } from "./codec";
import { attr, decodeUtf8, encodeUtf8, escapeXml, tags } from "./xml";
import { entryData, streamEntry, streamEntryAsync, type InflateBudget } from "./entry-read";
import { ZipError, newEntry, readZip, type ZipEntry } from "./zip";
import { writeZip } from "./zip-write";

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
};

export const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
};

/** Whether a relationship type is `kind` (transitional or strict namespaces). */
export function isRel(type: string, kind: string): boolean {
  return type.endsWith(`/${kind}`);
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target relative to its source part → a package path (no leading "/"). */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return normalize(target.slice(1));
  const base = source.slice(0, source.lastIndexOf("/") + 1);
  return normalize(base + target);
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of decodeURIComponentSafe(path).split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A target for a part, relative to the source's folder ("xl/tables/table1.xml" from a sheet → "../tables/table1.xml"). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export function parseRels(xml: string): Rel[] {
  return tags(xml, "Relationship").map((t) => ({
    id: attr(t, "Id") ?? "",
    type: attr(t, "Type") ?? "",
    target: attr(t, "Target") ?? "",
    external: attr(t, "TargetMode") === "External",
  }));
}

export function relsXml(rels: Rel[]): string {
  const body = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}

export class Package {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  /** What this package has inflated so far (bounded: see LIMITS). */
  readonly budget: InflateBudget = { used: 0 };

  constructor(
    entries: ZipEntry[],
    /** Inflate, deflate and CRC-32 for big parts (node:zlib from the CLI, native streams in a browser). */
    readonly codec: Codec = webCodec(),
  ) {
    this.entries = entries;
    for (const e of entries) this.byName.set(e.name, e);
  }

  static read(bytes: Uint8Array, codec?: Codec): Package {
    return new Package(readZip(bytes), codec);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** A part's bytes, inflated (throws ZipError when it cannot be). */
  bytes(name: string): Uint8Array | undefined {
    const e = this.byName.get(name);
    return e ? entryData(e, this.budget) : undefined;
  }

  /**
   * A part's bytes as a stream of chunks (each valid only during the call), for parts too
   * big to hold whole: big sheets, shared strings. Edited parts come as one chunk.
   */
  stream(name: string, onChunk: (chunk: Uint8Array) => void): boolean {
    const e = this.byName.get(name);
    if (!e) return false;
    if (e.data) onChunk(e.data);
    else streamEntry(e, this.budget, onChunk);
    return true;
  }

  /**
   * A part's text as a stream of decoded chunks; `onText` returns false to stop early (the
   * rest is neither inflated nor checked then). Text that is not UTF-8 is damage.
   */
  streamText(name: string, onText: (text: string) => boolean): boolean {
    const decoder = new Utf8Chunks(this.codec);
    const stop = new Error("stop");
    try {
      const found = this.stream(name, (chunk) => {
        if (!onText(decoder.decode(chunk))) throw stop;
      });
      if (found) onText(decoder.end());
      return found;
    } catch (e) {
      if (e === stop) return true;
      if (isDecodeError(e)) throw new ZipError(`${name}: the text is not UTF-8`);
      throw e;
    }
  }

  /**
   * The same, for big parts, inflated through the codec (off the main thread where it can
   * be, overlapping the caller's scanning of the previous chunk).
   */
  async streamTextAsync(name: string, onText: (text: string) => boolean): Promise<boolean> {
    const e = this.byName.get(name);
    if (!e) return false;
    if (e.data || e.dirty) return this.streamText(name, onText);
    const decoder = new Utf8Chunks(this.codec);
    try {
      const whole = await streamEntryAsync(e, this.budget, this.codec, (chunk) =>
        onText(decoder.decode(chunk)),
      );
      if (whole) onText(decoder.end());
      return true;
    } catch (err) {
      if (isDecodeError(err)) throw new ZipError(`${name}: the text is not UTF-8`);
      throw err;
    }
  }

  /** A part's text. `keep` caches it (small parts edited repeatedly); big sheets are not kept. */
  text(name: string, keep = true): string | undefined {
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const e = this.byName.get(name);
    if (!e) return undefined;
    const hadData = e.data !== undefined;
    let text: string;
    try {
      text = decodeUtf8(entryData(e, this.budget));
    } catch (err) {
      if (isDecodeError(err)) throw new ZipError(`${name}: the text is not UTF-8`);
      throw err;
    }
    if (keep) this.texts.set(name, text);
    else if (!hadData && !e.dirty) e.data = undefined;
    return text;
  }

  /** Sets a part's text (new parts are appended at the end of the archive). */
  setText(name: string, text: string): void {
    const old = this.texts.get(name);
    if (old === text) return;
    this.texts.set(name, text);
    this.setBytes(name, encodeUtf8(text));
  }

  setBytes(name: string, data: Uint8Array): void {
    const e = this.byName.get(name);
    if (e) {
      e.data = data;
      e.dirty = true;
      e.raw = undefined;
    } else this.add(newEntry(name, data));
  }

  /** Adds (or replaces, in place) a finished entry. */
  add(entry: ZipEntry): void {
    const old = this.byName.get(entry.name);
    if (old) this.entries[this.entries.indexOf(old)] = entry;
    else this.entries.push(entry);
    this.byName.set(entry.name, entry);
    this.texts.delete(entry.name);
  }

  remove(name: string): void {
    const e = this.byName.get(name);
    if (!e) return;
    this.entries.splice(this.entries.indexOf(e), 1);
    this.byName.delete(name);
    this.texts.delete(name);
  }

  rels(part: string): Rel[] {
    const xml = this.text(relsPath(part));
    return xml === undefined ? [] : parseRels(xml);
  }

  setRels(part: string, rels: Rel[]): void {
    this.setText(relsPath(part), relsXml(rels));
  }

  /** Every internal part reachable from the package root through relationships. */
  reachable(): Set<string> {
    const seen = new Set<string>();
    const todo = [""];
    while (todo.length > 0) {
      const part = todo.pop()!;
      const rp = part === "" ? "_rels/.rels" : relsPath(part);
      const xml = this.has(rp) ? this.text(rp) : undefined;
      if (xml === undefined) continue;
      for (const r of parseRels(xml)) {
        if (r.external) continue;
        const target = resolveTarget(part === "" ? "x" : part, r.target);
        if (seen.has(target) || !this.has(target)) continue;
        seen.add(target);
        todo.push(target);
      }
    }
    return seen;
  }

  /** A free part name like xl/worksheets/sheet7.xml. */
  freeName(prefix: string, ext: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${ext}`;
      if (!this.has(name)) return name;
    }
  }

  /** The archive, chunk by chunk (unchanged entries copied as they were, in their order). */
  saveTo(onChunk: (chunk: Uint8Array) => void): void {
    writeZip(this.entries, onChunk, this.budget, 6);
  }
}

/** A fatal TextDecoder's failure (by name: it may come from another realm, as in test runners). */
function isDecodeError(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "TypeError";
}
