/**
 * xl/workbook.xml: the sheet list (names, ids, relationship ids, visibility), defined
 * names, the active tab and calcPr. Edits are splices into the original text: elements we
 * do not touch keep their exact bytes.
 */
import { attr, escapeXml, removeAttr, rootPrefix, setAttr, tags } from "./xml";

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  state?: "hidden" | "veryHidden";
  /** The original <sheet> element text (undefined for a new sheet). */
  tag?: string;
}

/** What happens to each original sheet index: its new index, or null when it is gone. */
export type IndexMap = (number | null)[];

const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

export class WorkbookXml {
  private xml: string;
  private readonly p: string;
  sheets: SheetEntry[];

  constructor(xml: string) {
    this.xml = xml;
    this.p = rootPrefix(xml);
    const block = this.block("sheets");
    this.sheets = block
      ? tags(block.inner, "sheet").map((t) => {
          const state = attr(t, "state");
          return {
            name: attr(t, "name") ?? "",
            sheetId: Number(attr(t, "sheetId") ?? 0),
            rId: attr(t, "r:id") ?? relId(t) ?? "",
            state: state === "hidden" || state === "veryHidden" ? state : undefined,
            tag: t,
          };
        })
      : [];
  }

  get text(): string {
    return this.xml;
  }

  /** The index of the active tab (bookViews/workbookView/@activeTab, default 0). */
  get activeTab(): number {
    const view = tags(this.xml, "workbookView")[0];
    return view ? Number(attr(view, "activeTab") ?? 0) : 0;
  }

  private block(name: string): { start: number; end: number; inner: string } | undefined {
    const p = this.p;
    const m = new RegExp(`<${p}${name}(?:\\s[^>]*?)?(/?)>`).exec(this.xml);
    if (!m) return undefined;
    if (m[1] === "/") return { start: m.index, end: m.index + m[0].length, inner: "" };
    const close = `</${p}${name}>`;
    const endTag = this.xml.indexOf(close, m.index);
    if (endTag < 0) return undefined;
    return {
      start: m.index,
      end: endTag + close.length,
      inner: this.xml.slice(m.index + m[0].length, endTag),
    };
  }

  /** Inserts `text` before the first of `names` that follows the sheet list (else before </workbook>). */
  private insertBefore(names: string[], text: string): void {
    const sheets = this.block("sheets");
    const from = sheets ? sheets.end : 0;
    const rest = this.xml.slice(from);
    let at = -1;
    for (const n of names) {
      const i = rest.search(new RegExp(`<${this.p}${n}[\\s/>]`));
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    const pos = at >= 0 ? from + at : this.xml.lastIndexOf(`</${this.p}workbook>`);
    this.xml = this.xml.slice(0, pos) + text + this.xml.slice(pos);
  }

  /**
   * Rewrites the workbook for a new sheet list. `names` maps old indices for sheet-scoped
   * defined names (null drops the name), `tabs` maps old indices for the active tab.
   */
  update(sheets: SheetEntry[], names: IndexMap, tabs: IndexMap, newNames: string[]): void {
    const p = this.p;
    this.sheets = sheets;
    const sheetTags = sheets.map((s) => {
      if (s.tag) return s.tag;
      const state = s.state ? ` state="${s.state}"` : "";
      return `<${p}sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${state} r:id="${escapeXml(s.rId)}"/>`;
    });
    const sb = this.block("sheets");
    if (sb)
      this.xml = `${this.xml.slice(0, sb.start)}<${p}sheets>${sheetTags.join("")}</${p}sheets>${this.xml.slice(sb.end)}`;
    // r:id needs the relationships namespace on the root.
    if (
      !/xmlns:r\s*=/.test(this.xml.slice(0, this.xml.indexOf(">", this.xml.indexOf(`<${p}workbook`)) + 1))
    ) {
      this.xml = this.xml.replace(
        new RegExp(`<${p}workbook(?=[\\s>])`),
        `<${p}workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`,
      );
    }

    // Defined names: drop those scoped to a removed sheet, renumber the rest, add ours.
    const db = this.block("definedNames");
    const kept: string[] = [];
    if (db) {
      const re = new RegExp(
        `<${p}definedName(?:\\s[^>]*?)?/>|<${p}definedName(?:\\s[^>]*)?>[\\s\\S]*?</${p}definedName>`,
        "g",
      );
      for (const el of db.inner.match(re) ?? []) {
        const open = el.slice(0, el.indexOf(">") + 1);
        const local = attr(open, "localSheetId");
        if (local === undefined) {
          kept.push(el);
          continue;
        }
        const to = names[Number(local)];
        if (to === null || to === undefined) continue;
        kept.push(
          to === Number(local) ? el : setAttr(open, "localSheetId", String(to)) + el.slice(open.length),
        );
      }
    }
    const all = [...kept, ...newNames];
    const block = all.length > 0 ? `<${p}definedNames>${all.join("")}</${p}definedNames>` : "";
    if (db) this.xml = this.xml.slice(0, db.start) + block + this.xml.slice(db.end);
    else if (block) this.insertBefore(AFTER_DEFINED_NAMES, block);

    // The active tab follows its sheet; firstSheet stays in range.
    const view = tags(this.xml, "workbookView")[0];
    if (view) {
      let v = view;
      const active = Number(attr(view, "activeTab") ?? 0);
      const mapped = tabs[active];
      const next = mapped ?? Math.max(0, Math.min(active, sheets.length - 1));
      v = next === 0 ? removeAttr(v, "activeTab") : setAttr(v, "activeTab", String(next));
      const first = Number(attr(view, "firstSheet") ?? 0);
      if (first >= sheets.length) v = removeAttr(v, "firstSheet");
      if (v !== view) this.xml = this.xml.replace(view, v);
    }

    // Excel, LibreOffice and WPS recalculate the new formulas on load.
    const calc = tags(this.xml, "calcPr")[0];
    if (calc) {
      const next = setAttr(calc, "fullCalcOnLoad", "1");
      if (next !== calc) this.xml = this.xml.replace(calc, next);
    } else this.insertBefore(AFTER_DEFINED_NAMES.slice(1), `<${p}calcPr fullCalcOnLoad="1"/>`);
  }

  /** A defined name element in this document's prefix. */
  definedName(name: string, localSheetId: number, formula: string): string {
    const p = this.p;
    return `<${p}definedName name="${escapeXml(name)}" localSheetId="${localSheetId}">${escapeXml(formula)}</${p}definedName>`;
  }

  /** Names of the workbook's defined names (lower case), for unique table names. */
  definedNameSet(): Set<string> {
    return new Set(tags(this.xml, "definedName").map((t) => (attr(t, "name") ?? "").toLowerCase()));
  }
}

/** The relationship id of a <sheet> whose relationships prefix is not "r:". */
function relId(tag: string): string | undefined {
  const m = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag);
  return m?.[1];
}

/** A sheet name in a formula: quoted ('公示'!$1:$1), inner quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
