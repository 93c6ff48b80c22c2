/**
 * `branch-grader finalize IN.xlsx [-o OUT.xlsx] [--no-protect]` (定稿): a copy of IN for
 * reviewers without the add-in, made by the pane's 定稿 flow (host/grade-and-write.ts): every
 * DJ.* formula becomes its value, the engine's 说明 states the rules used, and the output
 * sheets are protected (no password) unless --no-protect.
 */
import type { FinalizeReport } from "../host/port";
import { XlsxWorkbook } from "../host/file";
import { finalizeWorkbook } from "../host/grade-and-write";
import { inspectWorkbook, loadHeaderRows, loadMapping } from "../host/inputs";
import { copyPaths, checkOutputName, openError, readBytes, writeBytes } from "./io";
import { CliError, msg } from "./messages";
import { nodeCodec } from "./node-codec";

const text = {
  done: (r: FinalizeReport) =>
    `定稿完成：替换了 ${r.replaced} 个 DJ.* 公式（${r.sheets.length > 0 ? r.sheets.join("、") : "无"}），` +
    `已加“说明”表，保护了 ${r.protected.length > 0 ? r.protected.join("、") : "无"} / ` +
    `Finalized: ${r.replaced} DJ.* formula(s) replaced by values, 说明 added, ${r.protected.length} sheet(s) protected`,
};

/** No fs here, so tests call it directly. */
export async function finalizeBytes(
  input: Uint8Array,
  options: { protect: boolean; now?: Date },
): Promise<{ chunks: Uint8Array[]; macro: boolean; report: FinalizeReport }> {
  const fw = await XlsxWorkbook.open(input, { codec: nodeCodec() });
  const mapping = await loadMapping(fw);
  const states = await inspectWorkbook(fw, mapping, await loadHeaderRows(fw));
  const report = await finalizeWorkbook(fw, states, mapping, options);
  // The file host always can; a null would be a programming error, not bad input.
  if (report === null) throw new Error("the file host cannot finalize");
  return { chunks: fw.saveChunks(), macro: fw.macroEnabled, report };
}

/** The command: `positionals` are the arguments after `finalize`. */
export async function finalizeCommand(
  env: { cwd: string; stdout: (s: string) => void },
  a: { positionals: string[]; output?: string; force: boolean; noProtect: boolean },
): Promise<number> {
  if (a.positionals.length === 0) throw new CliError(msg.needInput);
  if (a.positionals.length > 1) throw new CliError(msg.oneInputFor("finalize"));
  const { input, out } = copyPaths(env.cwd, a.positionals[0]!, a, "定稿");
  const o = await finalizeBytes(await readBytes(input), { protect: !a.noProtect }).catch((e: unknown) =>
    openError(a.positionals[0]!, e),
  );
  checkOutputName(out, o.macro);
  await writeBytes(out, o.chunks, { force: a.force });
  env.stdout(text.done(o.report) + "\n");
  env.stdout(msg.written(out) + "\n");
  return 0;
}
