/** [Content_Types].xml of the package: the content type of each part, edited additively. */
import { attr, escapeXml, tags } from "./xml";

/** [Content_Types].xml edits: overrides added or removed; defaults ensured. */
export class ContentTypes {
  constructor(private xml: string) {}

  get text(): string {
    return this.xml;
  }

  override(part: string): string | undefined {
    for (const t of tags(this.xml, "Override"))
      if (attr(t, "PartName") === `/${part}`) return attr(t, "ContentType");
    return undefined;
  }

  addOverride(part: string, type: string): void {
    this.removeOverride(part);
    const el = `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`;
    const end = this.xml.lastIndexOf("</");
    this.xml = this.xml.slice(0, end) + el + this.xml.slice(end);
  }

  removeOverride(part: string): void {
    for (const t of tags(this.xml, "Override")) {
      if (attr(t, "PartName") === `/${part}`) this.xml = this.xml.replace(t, "");
    }
  }

  ensureDefault(ext: string, type: string): void {
    if (tags(this.xml, "Default").some((t) => (attr(t, "Extension") ?? "").toLowerCase() === ext)) return;
    const el = `<Default Extension="${ext}" ContentType="${type}"/>`;
    const m = /<(?:[\w.-]+:)?Types[^>]*>/.exec(this.xml);
    if (!m) return;
    const at = m.index + m[0].length;
    this.xml = this.xml.slice(0, at) + el + this.xml.slice(at);
  }
}
