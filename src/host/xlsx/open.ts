/**
 * Opening an .xlsx package: find the workbook part, its relationships, content types,
 * shared strings and styles. Bytes that are not a readable workbook raise one
 * WorkbookFileError (empty, not-xlsx, legacy .xls, encrypted, damaged).
 */
import { WorkbookFileError, sniffWorkbook } from "./errors";
import { ContentTypes } from "./content-types";
import { encodeUtf8 } from "./xml";
import { Package, isRel, resolveTarget, type Rel } from "./package";
import { WorkbookXml } from "./workbook-xml";
import type { Codec } from "./codec";
import { ZipError, newEntry } from "./zip";

export interface Opened {
  pkg: Package;
  /** Path of the workbook part (usually xl/workbook.xml). */
  part: string;
  workbook: WorkbookXml;
  rels: Rel[];
  types: ContentTypes;
}

/** Rethrows a zip failure as the user-facing "damaged" error. */
export function damaged(e: unknown): never {
  if (e instanceof ZipError) throw new WorkbookFileError("damaged", e.message);
  throw e;
}

export function openPackage(bytes: Uint8Array, codec?: Codec): Opened {
  const kind = sniffWorkbook(bytes);
  if (kind !== "zip") throw new WorkbookFileError(kind);
  let pkg: Package;
  try {
    pkg = Package.read(bytes, codec);
  } catch (e) {
    damaged(e);
  }
  try {
    const root = pkg.rels("");
    const office = root.find((r) => isRel(r.type, "officeDocument") && !r.external);
    const part = office ? resolveTarget("x", office.target) : "xl/workbook.xml";
    const xml = pkg.text(part);
    const typesXml = pkg.text("[Content_Types].xml");
    if (xml === undefined || typesXml === undefined || !/<(?:[\w.-]+:)?workbook[\s>]/.test(xml)) {
      throw new WorkbookFileError("not-xlsx");
    }
    const workbook = new WorkbookXml(xml);
    const rels = pkg.rels(part);
    const sheetCount = workbook.sheets.filter((s) => {
      const r = rels.find((x) => x.id === s.rId);
      return r !== undefined && isRel(r.type, "worksheet");
    }).length;
    if (sheetCount === 0) throw new WorkbookFileError("not-xlsx");
    return { pkg, part, workbook, rels, types: new ContentTypes(typesXml) };
  } catch (e) {
    damaged(e);
  }
}

/** A new package with a workbook of no sheets yet (write some before saving: Excel needs one). */
export function emptyPackage(codec?: Codec): Opened {
  const pkg = new Package([], codec);
  const put = (name: string, text: string) => pkg.add(newEntry(name, encodeUtf8(text)));
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  put(
    "[Content_Types].xml",
    `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  );
  put(
    "_rels/.rels",
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  put(
    "xl/workbook.xml",
    `${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets/></workbook>`,
  );
  put(
    "xl/_rels/workbook.xml.rels",
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`,
  );
  const part = "xl/workbook.xml";
  const opened: Opened = {
    pkg,
    part,
    workbook: new WorkbookXml(pkg.text(part) ?? ""),
    rels: pkg.rels(part),
    types: new ContentTypes(pkg.text("[Content_Types].xml") ?? ""),
  };
  return opened;
}

/** The package as .xlsx chunks; an entry copied on that fails its check is reported as damage. */
export function packageChunks(o: Opened): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  try {
    o.pkg.saveTo((c) => chunks.push(c));
  } catch (e) {
    // The input was damaged, and is not passed on.
    damaged(e);
  }
  return chunks;
}
