/**
 * Replacing, adding and deleting sheets in an opened package. Only these parts change:
 * the new sheets (and their tables and rels), workbook.xml, its rels, [Content_Types].xml,
 * styles.xml; a replaced or deleted sheet's part and the parts only it used are removed,
 * and calcChain.xml is dropped (Excel rebuilds it). Every other entry keeps its bytes.
 */
import type { OutputSheet } from "../../engine";
import { CT, REL, isRel, relativeTarget, relsPath, resolveTarget, type Rel } from "./package";
import type { Opened } from "./open";
import { StyleBook } from "./styles";
import { STATUS_TONES, tierTone } from "../tones";
import { quoteSheet, type IndexMap, type SheetEntry } from "./workbook-xml";
import { safeTableName, sheetWidth, tableXml, writeWorksheet, type SheetStyles } from "./write-sheet";
import { attr, tags } from "./xml";
import { newEntry, type ZipEntry } from "./zip";
import { EntryWriter } from "./entry-writer";

/** A sheet to write, with what only some sheets need. */
export interface SheetJob {
  sheet: OutputSheet;
  state?: "hidden" | "veryHidden";
  /** Writes the sheet part itself (template sheets); default: writeWorksheet. */
  write?: (out: EntryWriter, styles: StyleBook, selected: boolean, rels: Rel[], part: string) => void;
}

export interface EditOptions {
  remove?: readonly string[];
  tiers?: readonly string[];
  onProgress?: (done: number, total: number) => void;
}

function nextRelId(rels: Rel[]): string {
  const ids = new Set(rels.map((r) => r.id));
  for (let n = rels.length + 1; ; n++) if (!ids.has(`rId${n}`)) return `rId${n}`;
}

/** The part path of each sheet entry (by relationship id). */
export function sheetPart(o: Opened, s: SheetEntry): string | undefined {
  const r = o.rels.find((x) => x.id === s.rId);
  return r && !r.external ? resolveTarget(o.part, r.target) : undefined;
}

export function isWorksheet(o: Opened, s: SheetEntry): boolean {
  const r = o.rels.find((x) => x.id === s.rId);
  return r !== undefined && isRel(r.type, "worksheet");
}

function styleBook(o: Opened): { book: StyleBook; part: string } {
  const rel = o.rels.find((r) => isRel(r.type, "styles"));
  if (rel) {
    const part = resolveTarget(o.part, rel.target);
    return { book: new StyleBook(o.pkg.text(part)), part };
  }
  const part = resolveTarget(o.part, "styles.xml");
  o.rels.push({
    id: nextRelId(o.rels),
    type: REL.styles,
    target: relativeTarget(o.part, part),
    external: false,
  });
  o.types.addOverride(part, CT.styles);
  const book = new StyleBook(undefined);
  book.xf({}); // marks it dirty so the part is written
  return { book, part };
}

/** Existing table ids and names (lower case), after the removals. */
function tableRegistry(o: Opened): { ids: Set<number>; names: Set<string> } {
  const ids = new Set<number>();
  const names = o.workbook.definedNameSet();
  for (const t of tags(o.types.text, "Override")) {
    if (attr(t, "ContentType") !== CT.table) continue;
    const part = (attr(t, "PartName") ?? "").replace(/^\//, "");
    const xml = o.pkg.has(part) ? o.pkg.text(part) : undefined;
    const root = xml ? tags(xml, "table")[0] : undefined;
    if (!root) continue;
    ids.add(Number(attr(root, "id") ?? 0));
    for (const a of ["name", "displayName"]) names.add((attr(root, a) ?? "").toLowerCase());
  }
  return { ids, names };
}

export function sheetStyles(book: StyleBook, sheet: OutputSheet, tiers: readonly string[]): SheetStyles {
  const l = sheet.layout;
  const columns = new Map<number, number>();
  for (const [c, fmt] of Object.entries(l.numberFormats)) columns.set(Number(c), book.xf({ numFmt: fmt }));
  return {
    header: book.xf({ bold: true, wrap: true, fill: l.table ? undefined : "FFD9E1F2" }),
    columns,
    tiers: tiers.map((text, i) => ({ text, dxf: book.dxf(tierTone(i, tiers.length)) })),
    status: STATUS_TONES.map(({ text, tone }) => ({ text, dxf: book.dxf(tone) })),
  };
}

/** Writes `jobs` (replacing same-named sheets in place, appending new ones) and removes `remove`. */
export async function editSheets(o: Opened, jobs: SheetJob[], options: EditOptions = {}): Promise<void> {
  const { pkg, workbook } = o;
  const remove = new Set(options.remove ?? []);
  const writing = new Map(jobs.map((j) => [j.sheet.name, j]));
  const old = workbook.sheets;
  const next: SheetEntry[] = [];
  const names: IndexMap = [];
  const tabs: IndexMap = [];
  const doomed: SheetEntry[] = [];
  const slot = new Map<string, number>();
  old.forEach((s, i) => {
    if (writing.has(s.name)) {
      names[i] = null;
      tabs[i] = next.length;
      slot.set(s.name, next.length);
      next.push(s);
      doomed.push(s);
    } else if (remove.has(s.name)) {
      names[i] = null;
      tabs[i] = null;
      doomed.push(s);
    } else {
      names[i] = tabs[i] = next.length;
      next.push(s);
    }
  });
  for (const j of jobs) {
    if (slot.has(j.sheet.name)) continue;
    slot.set(j.sheet.name, next.length);
    next.push({ name: j.sheet.name, sheetId: 0, rId: "" });
  }
  const active = tabs[workbook.activeTab];
  if (doomed.length === 0 && jobs.length === 0) return;

  // Remove the doomed sheets and every part only they reached; drop calcChain.
  if (doomed.length > 0) {
    const before = pkg.reachable();
    const gone = new Set(doomed.map((s) => s.rId));
    o.rels = o.rels.filter((r) => !gone.has(r.id) && !isRel(r.type, "calcChain"));
    pkg.setRels(o.part, o.rels);
    const after = pkg.reachable();
    for (const part of before) {
      if (after.has(part)) continue;
      pkg.remove(part);
      pkg.remove(relsPath(part));
      o.types.removeOverride(part);
    }
  }

  const { book, part: stylesPart } = styleBook(o);
  const tables = tableRegistry(o);
  const tiers = options.tiers ?? [];
  let sheetId = Math.max(0, ...old.map((s) => s.sheetId));
  const newNames: string[] = [];
  const total = jobs.length;
  const finishing: Promise<ZipEntry>[] = [];
  for (const [k, job] of jobs.entries()) {
    const at = slot.get(job.sheet.name)!;
    const part = pkg.freeName("xl/worksheets/sheet", ".xml");
    pkg.add(newEntry(part, new Uint8Array(0))); // reserves the name (and the entry's place)
    const rId = nextRelId(o.rels);
    o.rels.push({ id: rId, type: REL.worksheet, target: relativeTarget(o.part, part), external: false });
    next[at] = { name: job.sheet.name, sheetId: ++sheetId, rId, state: job.state };
    o.types.addOverride(part, CT.worksheet);
    const sheetRels: Rel[] = [];
    const out = new EntryWriter(part, pkg.codec);
    const selected = active === at;
    if (job.write) job.write(out, book, selected, sheetRels, part);
    else {
      const sheet = job.sheet;
      let tableRelId: string | undefined;
      if (sheet.layout.table && sheet.rows.length > 0 && sheetWidth(sheet) > 0) {
        const tablePart = pkg.freeName("xl/tables/table", ".xml");
        let id = 1;
        while (tables.ids.has(id)) id++;
        tables.ids.add(id);
        const base = safeTableName(sheet.layout.table.name);
        let name = base;
        for (let n = 2; tables.names.has(name.toLowerCase()); n++) name = `${base}${n}`;
        tables.names.add(name.toLowerCase());
        pkg.setText(tablePart, tableXml(sheet, id, name));
        o.types.addOverride(tablePart, CT.table);
        tableRelId = nextRelId(sheetRels);
        sheetRels.push({
          id: tableRelId,
          type: REL.table,
          target: relativeTarget(part, tablePart),
          external: false,
        });
      }
      await writeWorksheet(out, sheet, sheetStyles(book, sheet, tiers), { tableRelId, selected });
      const print = sheet.layout.print;
      if (print && print.repeatHeaderRows > 0) {
        newNames.push(
          workbook.definedName(
            "_xlnm.Print_Titles",
            at,
            `${quoteSheet(sheet.name)}!$1:$${print.repeatHeaderRows}`,
          ),
        );
      }
    }
    // Compression finishes off the main thread while the next sheet is written.
    finishing.push(out.finish());
    if (sheetRels.length > 0) pkg.setRels(part, sheetRels);
    else pkg.remove(relsPath(part));
    options.onProgress?.(k + 1, total);
  }
  for (const entry of await Promise.all(finishing)) pkg.add(entry);

  o.types.ensureDefault("rels", CT.rels);
  o.types.ensureDefault("xml", "application/xml");
  workbook.update(next, names, tabs, newNames);
  pkg.setText(o.part, workbook.text);
  pkg.setRels(o.part, o.rels);
  if (book.dirty) pkg.setText(stylesPart, book.serialize());
  pkg.setText("[Content_Types].xml", o.types.text);
}
