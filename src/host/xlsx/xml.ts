/**
 * Small XML helpers for the parts we read and write by hand: text encoding, entity and
 * `_xHHHH_` decoding, escaping, attribute access, element search. No DOM.
 */

/** Fatal: bytes that are not UTF-8 are a damaged part, never text with replacement characters. */
const utf8 = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** Chunks of bytes as one array. */
export function joinBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}

export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML entities (&amp; &#NN; &#xNN; …) → characters. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, body: string) => {
    if (body[0] === "#") {
      const cp =
        body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[body] ?? m;
  });
}

/** OOXML's `_xHHHH_` escapes (control characters, and `_x005F_` for a literal underscore). */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text content of a <t> element as the cell shows it. */
export function decodeText(s: string): string {
  return decodeOoxmlEscapes(decodeEntities(s));
}

/** Escapes text for an attribute value or element content. */
export function escapeXml(s: string): string {
  if (!/[&<>"]/.test(s)) return s;
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Cell text for a <t> element: XML-escaped, characters XML cannot hold as `_xHHHH_`, and a
 * literal `_xHHHH_` protected as `_x005F_xHHHH_` so that it reads back unchanged.
 */
export function escapeCellText(s: string): string {
  let out = s;
  if (out.indexOf("_x") >= 0) out = out.replace(/_(x[0-9a-fA-F]{4}_)/g, "_x005F_$1");
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(out)) {
    out = out.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => {
      return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
    });
  }
  return escapeXml(out);
}

const PLAIN_TEXT = /^(?!\s)(?:(?!_x)[^\u0000-\u001f&<>"\ufffe\uffff])*(?<!\s)$/;

/**
 * Text that needs neither escapeCellText nor xml:space (needsPreserve): no markup or control
 * characters, no `_x`, no space at either end. One test instead of four, for the hot path.
 */
export function isPlainText(s: string): boolean {
  return PLAIN_TEXT.test(s);
}

/** Whether a <t> needs xml:space="preserve" (leading/trailing whitespace, line breaks). */
export function needsPreserve(s: string): boolean {
  return /^\s|\s$|[\n\r\t]/.test(s);
}

/** The value of attribute `name` in a start tag's text (decoded), or undefined. */
export function attr(tag: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  if (!m) return undefined;
  return decodeEntities(m[2] ?? m[3] ?? "");
}

/** Every start tag (or empty element) `<name ...>` / `<prefix:name ...>` in the text. */
export function tags(xml: string, name: string): string[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])[^>]*>`, "g");
  return xml.match(re) ?? [];
}

/** The namespace prefix of the document element ("" or "x:"), so scanners can search `<x:c`. */
export function rootPrefix(xml: string): string {
  const m = /<(?![?!])([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*/.exec(xml);
  return m?.[1] ?? "";
}

/** Sets (or adds) an attribute on a start tag's text, returning the new tag. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const v = `"${escapeXml(value)}"`;
  if (re.test(tag)) return tag.replace(re, `$1${v}`);
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}=${v}${tag.slice(close)}`;
}

/** Removes an attribute from a start tag's text. */
export function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`), "");
}
