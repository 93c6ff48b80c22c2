/**
 * Appending the few styles the output sheets need to the workbook's own styles.xml:
 * number formats, a bold header cell format, and dxfs for the tier/status colors. Nothing
 * already there is changed or moved (existing indices stay valid); an element identical to
 * one we would add is reused, so grading again does not grow the file.
 */
import { escapeXml, rootPrefix } from "./xml";
import type { Tone } from "../tones";

/** Excel's built-in number formats that need no <numFmt>. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

/** What a new cell format (xf) holds. */
export interface XfSpec {
  numFmt?: string;
  bold?: boolean;
  fill?: string;
  wrap?: boolean;
}

/** The element order of CT_Stylesheet, for inserting an absent section. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

interface Section {
  /** The children's texts, in order. */
  children: string[];
  added: string[];
}

export class StyleBook {
  private xml: string;
  private readonly p: string;
  private readonly sections = new Map<string, Section>();
  private readonly formats = new Map<string, number>();
  private nextFormat = 164;
  private readonly xfs = new Map<string, number>();
  private changed = false;

  constructor(xml: string | undefined) {
    this.xml = xml ?? EMPTY_STYLES;
    this.p = rootPrefix(this.xml);
    for (const m of this.xml.matchAll(new RegExp(`<${this.p}numFmt\\s[^>]*>`, "g"))) {
      const id = /numFmtId\s*=\s*"(\d+)"/.exec(m[0]);
      const code = /formatCode\s*=\s*"([^"]*)"/.exec(m[0]);
      if (!id) continue;
      if (code) this.formats.set(code[1], Number(id[1]));
      this.nextFormat = Math.max(this.nextFormat, Number(id[1]) + 1);
    }
  }

  /** Whether anything was added (styles.xml must be rewritten). */
  get dirty(): boolean {
    return this.changed;
  }

  private section(name: string, child: string): Section {
    let s = this.sections.get(name);
    if (s) return s;
    const p = this.p;
    const m = new RegExp(`<${p}${name}(?:\\s[^>]*?)?(/?)>`).exec(this.xml);
    let children: string[] = [];
    if (m && m[1] !== "/") {
      const start = m.index + m[0].length;
      const end = this.xml.indexOf(`</${p}${name}>`, start);
      const body = this.xml.slice(start, end);
      const re = new RegExp(
        `<${p}${child}(?:\\s[^>]*?)?/>|<${p}${child}(?:\\s[^>]*)?>[\\s\\S]*?</${p}${child}>`,
        "g",
      );
      children = body.match(re) ?? [];
    }
    s = { children, added: [] };
    this.sections.set(name, s);
    return s;
  }

  /** Index of `element` in the section, added when absent. */
  private index(name: string, child: string, element: string): number {
    const s = this.section(name, child);
    const all = [...s.children, ...s.added];
    const at = all.indexOf(element);
    if (at >= 0) return at;
    s.added.push(element);
    this.changed = true;
    return all.length;
  }

  /** The numFmtId of a format code (built-in, existing, or added). */
  numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const escaped = escapeXml(code);
    const known = this.formats.get(escaped);
    if (known !== undefined) return known;
    const id = this.nextFormat++;
    this.formats.set(escaped, id);
    this.index("numFmts", "numFmt", `<${this.p}numFmt numFmtId="${id}" formatCode="${escaped}"/>`);
    return id;
  }

  private boldFont(): number {
    const fonts = this.section("fonts", "font");
    const base =
      fonts.children[0] ??
      `<${this.p}font><${this.p}sz val="11"/><${this.p}name val="Calibri"/></${this.p}font>`;
    const bold = base.includes(`<${this.p}b/>`)
      ? base
      : base.replace(/^<[^>]*?(\/?)>/, (open, slash: string) =>
          slash ? `${open.slice(0, -2)}><${this.p}b/></${this.p}font>` : `${open}<${this.p}b/>`,
        );
    return this.index("fonts", "font", bold);
  }

  private solidFill(argb: string): number {
    const p = this.p;
    return this.index(
      "fills",
      "fill",
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
  }

  /** The cellXfs index of a cell format. */
  xf(spec: XfSpec): number {
    const key = JSON.stringify(spec);
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const p = this.p;
    const numFmtId = spec.numFmt ? this.numFmtId(spec.numFmt) : 0;
    const fontId = spec.bold ? this.boldFont() : 0;
    const fillId = spec.fill ? this.solidFill(spec.fill) : 0;
    let attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"`;
    if (numFmtId) attrs += ` applyNumberFormat="1"`;
    if (fontId) attrs += ` applyFont="1"`;
    if (fillId) attrs += ` applyFill="1"`;
    const xf = spec.wrap
      ? `<${p}xf ${attrs} applyAlignment="1"><${p}alignment vertical="center" wrapText="1"/></${p}xf>`
      : `<${p}xf ${attrs}/>`;
    const at = this.index("cellXfs", "xf", xf);
    this.xfs.set(key, at);
    return at;
  }

  /** The dxfs index of a fill + font color (conditional formats; RGB, written as opaque ARGB). */
  dxf(tone: Tone): number {
    const p = this.p;
    return this.index(
      "dxfs",
      "dxf",
      `<${p}dxf><${p}font><${p}color rgb="FF${tone.font}"/></${p}font><${p}fill><${p}patternFill><${p}bgColor rgb="FF${tone.fill}"/></${p}patternFill></${p}fill></${p}dxf>`,
    );
  }

  /** styles.xml with the additions appended to their sections (counts updated). */
  serialize(): string {
    let xml = this.xml;
    const p = this.p;
    for (const [name, s] of this.sections) {
      if (s.added.length === 0) continue;
      const count = s.children.length + s.added.length;
      const m = new RegExp(`<${p}${name}(?:\\s[^>]*?)?(/?)>`).exec(xml);
      if (m) {
        const open = m[0].replace(/\s*\/>$/, ">").replace(/\scount\s*=\s*"\d*"/, "");
        const newOpen = `${open.slice(0, -1)} count="${count}">`;
        if (m[1] === "/") {
          xml = `${xml.slice(0, m.index)}${newOpen}${s.added.join("")}</${p}${name}>${xml.slice(m.index + m[0].length)}`;
        } else {
          const end = xml.indexOf(`</${p}${name}>`, m.index);
          xml = `${xml.slice(0, m.index)}${newOpen}${xml.slice(m.index + m[0].length, end)}${s.added.join("")}${xml.slice(end)}`;
        }
      } else {
        const block = `<${p}${name} count="${count}">${s.added.join("")}</${p}${name}>`;
        const later = ORDER.slice(ORDER.indexOf(name) + 1);
        let at = -1;
        for (const next of later) {
          const i = xml.search(new RegExp(`<${p}${next}[\\s/>]`));
          if (i >= 0) {
            at = i;
            break;
          }
        }
        if (at < 0) at = xml.lastIndexOf(`</${p}styleSheet>`);
        xml = xml.slice(0, at) + block + xml.slice(at);
      }
    }
    return xml;
  }
}

/** A minimal styles part for a workbook that has none. */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";
