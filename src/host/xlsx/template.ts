/**
 * 建立模板 in an .xlsx: the template's input sheets (header row, example rows) with
 * dropdowns (<dataValidations>), header notes (a comments part and its VML drawing, as
 * Excel writes notes), column widths and a frozen header.
 */
import { colLetter, TEMPLATE_VALIDATION_ROWS, type TemplateSheet } from "../../engine";
import type { SheetJob } from "./edit";
import { CT, REL, relativeTarget, type Package, type Rel } from "./package";
import type { StyleBook } from "./styles";
import { NS_MAIN, NS_REL, cellXml } from "./write-sheet";
import { escapeCellText, escapeXml } from "./xml";
import { newEntry } from "./zip";
import type { EntryWriter } from "./entry-writer";
import type { ContentTypes } from "./content-types";

export interface TemplateContext {
  pkg: Package;
  types: ContentTypes;
}

function validationsXml(t: TemplateSheet): string {
  if (t.validations.length === 0) return "";
  const last = TEMPLATE_VALIDATION_ROWS + 1;
  const items = t.validations.map((v) => {
    const L = colLetter(v.column);
    if (v.date)
      return `<dataValidation type="date" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" errorTitle="输入有误" error="${escapeXml("请填写日期，如 2026-03-31")}" sqref="${L}2:${L}${last}"><formula1>1</formula1></dataValidation>`;
    const list = `"${v.list.join(",").replace(/"/g, '""')}"`;
    const error = `请从下拉列表中选择：${v.list.join("、")}`;
    return `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="输入有误" error="${escapeXml(error)}" sqref="${L}2:${L}${last}"><formula1>${escapeXml(list)}</formula1></dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

function commentsXml(t: TemplateSheet): string {
  const list = t.notes
    .map(
      (n) =>
        `<comment ref="${colLetter(n.column)}1" authorId="0"><text><r><t xml:space="preserve">${escapeCellText(n.text)}</t></r></text></comment>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors><author>branch-grader</author></authors><commentList>${list}</commentList></comments>`;
}

/** The next free VML shape block (o:idmap data) across the package's drawings. */
function freeIdMap(pkg: Package): number {
  let max = 0;
  for (const name of pkg.names()) {
    if (!name.toLowerCase().endsWith(".vml")) continue;
    const xml = pkg.text(name) ?? "";
    for (const m of xml.matchAll(/data="([\d,\s]+)"/g))
      for (const d of m[1].split(",")) max = Math.max(max, Number(d) || 0);
    for (const m of xml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Math.floor(Number(m[1]) / 1024));
  }
  return max + 1;
}

function vmlXml(t: TemplateSheet, block: number): string {
  const shapes = t.notes
    .map(
      (n, i) =>
        `<v:shape id="_x0000_s${block * 1024 + 1 + i}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:180pt;height:80pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
        `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${n.column + 1}, 15, 0, 2, ${n.column + 4}, 15, 5, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>${n.column}</x:Column></x:ClientData></v:shape>`,
    )
    .join("");
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    `${shapes}</xml>`
  );
}

function writeTemplateSheet(
  ctx: TemplateContext,
  t: TemplateSheet,
  out: EntryWriter,
  book: StyleBook,
  selected: boolean,
  rels: Rel[],
  part: string,
): void {
  const header = book.xf({ bold: true, fill: "FFD9E1F2" });
  const width = t.rows.reduce((m, r) => Math.max(m, r.length), 0);
  const sel = selected ? ' tabSelected="1"' : "";
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
  xml +=
    width > 0 ? `<dimension ref="A1:${colLetter(width - 1)}${t.rows.length}"/>` : `<dimension ref="A1"/>`;
  if (t.freezeRows > 0) {
    const top = `A${t.freezeRows + 1}`;
    xml += `<sheetViews><sheetView${sel} workbookViewId="0"><pane ySplit="${t.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`;
  } else xml += `<sheetViews><sheetView${sel} workbookViewId="0"/></sheetViews>`;
  xml += `<sheetFormatPr defaultRowHeight="15"/>`;
  const cols = t.widths
    .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ""))
    .join("");
  if (cols) xml += `<cols>${cols}</cols>`;
  xml += "<sheetData>";
  t.rows.forEach((r, i) => {
    xml += `<row r="${i + 1}">`;
    for (let c = 0; c < width; c++)
      xml += cellXml(`${colLetter(c)}${i + 1}`, r[c] ?? "", i === 0 ? header : 0);
    xml += "</row>";
  });
  xml += "</sheetData>" + validationsXml(t);
  xml += `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  if (t.notes.length > 0) {
    const { pkg, types } = ctx;
    const comments = pkg.freeName("xl/comments", ".xml");
    pkg.add(newEntry(comments, new TextEncoder().encode(commentsXml(t))));
    types.addOverride(comments, CT.comments);
    const vml = pkg.freeName("xl/drawings/vmlDrawing", ".vml");
    pkg.add(newEntry(vml, new TextEncoder().encode(vmlXml(t, freeIdMap(pkg)))));
    types.ensureDefault("vml", CT.vml);
    const vmlId = `rId${rels.length + 1}`;
    rels.push({ id: vmlId, type: REL.vmlDrawing, target: relativeTarget(part, vml), external: false });
    rels.push({
      id: `rId${rels.length + 1}`,
      type: REL.comments,
      target: relativeTarget(part, comments),
      external: false,
    });
    xml += `<legacyDrawing r:id="${vmlId}"/>`;
  }
  out.write(xml + "</worksheet>");
}

/** Sheet jobs that write the template sheets. */
export function templateJobs(ctx: TemplateContext, sheets: TemplateSheet[]): SheetJob[] {
  return sheets.map((t) => ({
    sheet: {
      name: t.name,
      rows: [],
      layout: {
        freezeRows: t.freezeRows,
        numberFormats: {},
        tierColumns: [],
        statusColumns: [],
        widths: t.widths,
      },
    },
    write: (out, book, selected, rels, part) => writeTemplateSheet(ctx, t, out, book, selected, rels, part),
  }));
}
