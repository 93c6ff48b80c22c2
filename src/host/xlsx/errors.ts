/**
 * Recognizing what a file is before we unzip it, so that a wrong, damaged or
 * password-protected file gets one clear bilingual line instead of a stack trace.
 */

export type FileProblemKind = "empty" | "not-xlsx" | "legacy-xls" | "encrypted" | "damaged";

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
      return "不是 .xlsx 格式的 Excel 工作簿 / Not an .xlsx Excel workbook";
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
  if (startsWith(bytes, ZIP_MAGIC)) return "zip";
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) return "not-xlsx";
  if (startsWith(bytes, OLE_MAGIC)) {
    if (containsUtf16(bytes, "EncryptionInfo") || containsUtf16(bytes, "EncryptedPackage"))
      return "encrypted";
    return "legacy-xls";
  }
  return "not-xlsx";
}
