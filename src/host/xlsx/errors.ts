/**
 * Recognizing what a file is before we unzip it, so that a wrong, damaged or
 * password-protected file gets one clear bilingual line instead of a stack trace.
 */

export type FileProblemKind = "empty" | "not-xlsx" | "legacy-xls" | "encrypted" | "damaged" | "ods" | "csv";

/** The one error the file host throws for bytes it cannot open as a workbook. */
export class WorkbookFileError extends Error {
  readonly kind: FileProblemKind;
  constructor(kind: FileProblemKind, detail?: string) {
    super(fileProblemMessage(kind) + (detail ? `（${detail}）` : ""));
    this.name = "WorkbookFileError";
    this.kind = kind;
  }
}

export function fileProblemMessage(kind: FileProblemKind): string {
  switch (kind) {
    case "empty":
      return "文件是空的，不是 Excel 工作簿 / The file is empty, not an Excel workbook";
    case "not-xlsx":
      return "不是 .xlsx 格式的 Excel 工作簿，请在 WPS/Excel/LibreOffice 中打开并另存为 .xlsx 后再试 / Not an .xlsx workbook: save it as .xlsx first";
    case "ods":
      return "这是 OpenDocument 表格（.ods），请在 WPS/LibreOffice 中另存为 Excel 工作簿（.xlsx）后再试 / This is an .ods spreadsheet: save it as .xlsx first";
    case "csv":
      return "这是文本（CSV）文件，不是 Excel 工作簿：请在 WPS/Excel/LibreOffice 中打开并另存为 .xlsx 后再试 / This is a text (CSV) file: open it and save it as .xlsx first";
    case "legacy-xls":
      return "这是旧版 .xls 文件，请在 Excel/WPS 中另存为 .xlsx 后再试 / This is a legacy .xls file: save it as .xlsx first";
    case "encrypted":
      return "工作簿设有打开密码，请先取消密码（文件→信息→保护工作簿）再试 / The workbook is password-protected: remove the password first";
    case "damaged":
      return "工作簿已损坏，无法读取，请在 Excel/WPS 中打开修复后另存 / The workbook is damaged and cannot be read";
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/** Whether the bytes contain `text` encoded as UTF-16LE (OLE stream names are). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern: number[] = [];
  for (const ch of text) pattern.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
  const limit = bytes.length - pattern.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Classifies the bytes: "zip" when it is worth unzipping, else the problem.
 * An encrypted .xlsx is an OLE compound file holding an EncryptionInfo stream; a legacy
 * .xls is an OLE file holding a Workbook stream.
 */
export function sniffWorkbook(bytes: Uint8Array): "zip" | FileProblemKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP_MAGIC)) return isOds(bytes) ? "ods" : "zip";
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) return "not-xlsx";
  if (startsWith(bytes, OLE_MAGIC)) {
    if (containsUtf16(bytes, "EncryptionInfo") || containsUtf16(bytes, "EncryptedPackage"))
      return "encrypted";
    return "legacy-xls";
  }
  return looksLikeText(bytes) ? "csv" : "not-xlsx";
}

/** An OpenDocument package begins with its stored "mimetype" entry. */
function isOds(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(30, 100));
  return head.startsWith("mimetype") && head.includes("opendocument");
}

/** Text (CSV, TSV, a saved web page…): no NUL and few control bytes in the first 4 KB. */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control * 50 < n;
}
