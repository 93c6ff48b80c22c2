/**
 * Opening an .xlsx package: find the workbook part, its relationships, content types,
 * shared strings and styles. Bytes that are not a readable workbook raise one
 * WorkbookFileError (empty, not-xlsx, legacy .xls, encrypted, damaged).
 */
import { WorkbookFileError, sniffWorkbook } from "./errors";
import { ContentTypes, Package, isRel, resolveTarget, type Rel } from "./package";
import { WorkbookXml } from "./workbook-xml";
import type { Codec } from "./codec";
import { ZipError } from "./zip";

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
