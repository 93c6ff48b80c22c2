/**
 * `branch-grader import IN.xlsx -o OUT.xlsx` (转换): a copy of IN with the contract sheets
 * (设置, 标准, 组织, 评分) derived from the office's own sheets added; the office's sheets are
 * kept as they are. Grading does not need it: it is for a clerk who wants the contract form.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { WorkbookFileError, XlsxWorkbook } from "../host/file";
import {
  convertedSheets,
  inspectWorkbook,
  loadHeaderRows,
  loadMapping,
  missingRequiredSheets,
  readInputs,
  type Found,
} from "../host/inputs";
import { nodeCodec } from "./node-codec";
import { checkFolder, checkOutputName, readBytes, samePath, writeBytes } from "./io";
import { CliError, msg } from "./messages";

export type ImportOutcome =
  | { ok: true; bytes: Uint8Array; added: string[]; found: Found; macro: boolean }
  | { ok: false; missing: string[] };

/** No fs here, so tests call it directly. */
export async function importBytes(input: Uint8Array): Promise<ImportOutcome> {
  const fw = await XlsxWorkbook.open(input, { codec: nodeCodec() });
  const mapping = await loadMapping(fw);
  const states = await inspectWorkbook(fw, mapping, await loadHeaderRows(fw));
  const missing = missingRequiredSheets(states);
  if (missing.length > 0) return { ok: false, missing };
  const read = await readInputs(fw, states, mapping);
  const sheets = convertedSheets(read.grids, await fw.listSheets());
  const added = sheets.length > 0 ? await fw.createTemplate(sheets) : [];
  return { ok: true, bytes: await fw.save(), added, found: read.found, macro: fw.macroEnabled };
}

const text = {
  needOutput: "import 需要用 -o 指定输出文件 / import needs -o OUT.xlsx",
  nothing: (out: string) =>
    `已是约定格式，没有需要新建的工作表；仍写出了副本 ${out} / Already in the contract form: nothing to add`,
  added: (names: string[], out: string) =>
    `已新建 ${names.join("、")}，写入 ${out} / Added: ${names.join(", ")}`,
  cannot: (missing: string[]) =>
    `没有找到可以转换的表：缺少 ${missing.join("、")}，也没有带“组织名称/单位名称”和指标列（如“班子建设（15分）”）的工作表；可用 branch-grader template 生成模板 / Nothing to convert`,
};

/** The command: `positionals` are the arguments after `import`. */
export async function importCommand(
  env: { cwd: string; stdout: (s: string) => void; stderr: (s: string) => void },
  a: { positionals: string[]; output?: string; force: boolean },
): Promise<number> {
  if (a.positionals.length !== 1) throw new CliError(msg.needInput);
  if (a.output === undefined) throw new CliError(text.needOutput);
  const input = resolve(env.cwd, a.positionals[0]!);
  const out = resolve(env.cwd, a.output);
  if (samePath(input, out)) throw new CliError(msg.sameFile(out));
  checkFolder(out);
  if (!a.force && existsSync(out)) throw new CliError(msg.exists(out));
  const outcome = await importBytes(await readBytes(input)).catch((e: unknown) => {
    if (e instanceof WorkbookFileError) throw new CliError(msg.inFile(a.positionals[0]!, e.message));
    throw e;
  });
  if (!outcome.ok) {
    env.stderr(msg.error(text.cannot(outcome.missing)) + "\n");
    return 2;
  }
  checkOutputName(out, outcome.macro);
  await writeBytes(out, outcome.bytes, { force: a.force });
  env.stdout((outcome.added.length > 0 ? text.added(outcome.added, out) : text.nothing(out)) + "\n");
  return 0;
}
