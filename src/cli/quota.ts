/**
 * `branch-grader quota IN.xlsx --total N [--kind 目标] [--adjust a,b,…] [-o OUT.xlsx]` (名额):
 * split a total quota over the 上级党组织 by largest remainder, exactly as the pane's 名额 step
 * does (the engine's kinds, split and 名额分配 sheet), and write a copy of IN with 名额分配.
 */
import {
  DEMO_KIND,
  allocationSheet,
  formatProblem,
  quotaKinds,
  splitList,
  splitQuota,
  type Problem,
  type QuotaKind,
} from "../engine";
import { XlsxWorkbook } from "../host/file";
import { gradeInputs, inspectWorkbook, loadHeaderRows, loadMapping, readInputs } from "../host/inputs";
import { copyPaths, checkOutputName, openError, readBytes, writeBytes } from "./io";
import { CliError, msg } from "./messages";
import { nodeCodec } from "./node-codec";
import { table } from "./text";

/** The 示范点 kind as the command line names it (the pane says 示范点（基数：本期先进）). */
const DEMO_NAMES = ["示范点", DEMO_KIND];

export interface QuotaOptions {
  total: number;
  /** A 晋位升级 target (e.g. 先进示范) or 示范点 (default). */
  kind?: string;
  /** Hand-adjusted parts, one per group (default: the computed ones). */
  adjust?: number[];
  asOf?: Date;
}

export type QuotaOutcome =
  | {
      ok: true;
      chunks: Uint8Array[];
      macro: boolean;
      kind: QuotaKind;
      computed: number[];
      adjusted: number[];
    }
  | { ok: false; macro: boolean; problems: Problem[] };

const text = {
  needTotal: "quota 需要用 --total 指定总名额，如 --total 24 / quota needs --total N",
  badTotal: (s: string) => `--total“${s}”应为不小于 0 的整数 / --total must be a whole number ≥ 0`,
  badKind: (k: string, names: string[]) =>
    `没有名为“${k}”的名额类别，可选：${names.join("、")} / No quota kind "${k}"`,
  badAdjust: (n: number) =>
    `--adjust 应为 ${n} 个不小于 0 的整数（每个上级党组织一个，按“名额分配”表的顺序）/ --adjust needs ${n} whole numbers ≥ 0`,
  sumDiffers: (sum: number, total: number) =>
    `提示：调整后合计 ${sum} 与总名额 ${total} 不同 / Note: the adjusted parts sum to ${sum}, not ${total}`,
  overBase: (groups: string[]) =>
    `提示：${groups.join("、")} 的名额超过基数 / Note: more than the base for ${groups.join(", ")}`,
  heading: (label: string) => `名额分配 / Quota allocation: ${label}`,
};

function pickKind(kinds: QuotaKind[], wanted: string | undefined): QuotaKind {
  const w = (wanted ?? DEMO_NAMES[0]!).trim();
  const k = DEMO_NAMES.includes(w) ? kinds[0] : kinds.find((x) => x.label === w || x.id === w);
  if (!k) throw new CliError(text.badKind(w, [DEMO_NAMES[0]!, ...kinds.slice(1).map((x) => x.label)]));
  return k;
}

/** No fs here, so tests call it directly. */
export async function quotaBytes(input: Uint8Array, o: QuotaOptions): Promise<QuotaOutcome> {
  const fw = await XlsxWorkbook.open(input, { codec: nodeCodec() });
  const macro = fw.macroEnabled;
  const mapping = await loadMapping(fw);
  const states = await inspectWorkbook(fw, mapping, await loadHeaderRows(fw));
  // As the pane: the inputs graded in memory (no output sheet built), then the kinds.
  const r = gradeInputs(await readInputs(fw, states, mapping), { asOf: o.asOf, outputs: false });
  if (!r.ok) return { ok: false, macro, problems: r.problems };
  const top = r.summary.tiers[0]!;
  const kind = pickKind(quotaKinds(r.summary, `${DEMO_NAMES[0]}（基数：本期${top}）`), o.kind);
  const split = splitQuota(o.total, kind.bases);
  if (!split.ok) throw new CliError(split.message);
  const adjusted = o.adjust ?? split.parts;
  if (adjusted.length !== kind.groups.length) throw new CliError(text.badAdjust(kind.groups.length));
  await fw.writeSheets([allocationSheet(kind, split.parts, adjusted)]);
  return { ok: true, chunks: fw.saveChunks(), macro, kind, computed: split.parts, adjusted };
}

function wholeNumber(s: string): number | null {
  return /^\d+$/.test(s.trim()) ? Number(s.trim()) : null;
}

/** The command: `positionals` are the arguments after `quota`. */
export async function quotaCommand(
  env: { cwd: string; stdout: (s: string) => void; stderr: (s: string) => void },
  a: {
    positionals: string[];
    output?: string;
    force: boolean;
    total?: string;
    kind?: string;
    adjust?: string;
    asOf?: Date;
  },
): Promise<number> {
  if (a.positionals.length === 0) throw new CliError(msg.needInput);
  if (a.positionals.length > 1) throw new CliError(msg.oneInputFor("quota"));
  if (a.total === undefined) throw new CliError(text.needTotal);
  const total = wholeNumber(a.total);
  if (total === null) throw new CliError(text.badTotal(a.total));
  let adjust: number[] | undefined;
  if (a.adjust !== undefined) {
    const parts = splitList(a.adjust).map(wholeNumber);
    if (parts.some((p) => p === null)) throw new CliError(text.badAdjust(parts.length));
    adjust = parts as number[];
  }
  const { input, out } = copyPaths(env.cwd, a.positionals[0]!, a, "名额分配");
  const o = await quotaBytes(await readBytes(input), { total, kind: a.kind, adjust, asOf: a.asOf }).catch(
    (e: unknown) => openError(a.positionals[0]!, e),
  );
  checkOutputName(out, o.macro);
  if (!o.ok) {
    env.stderr(msg.invalidInput(o.problems.length) + "\n");
    for (const p of o.problems) env.stderr(formatProblem(p) + "\n");
    return 2;
  }
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  const rows = o.kind.groups.map((g, i) => [
    g,
    String(o.kind.bases[i]),
    String(o.computed[i]),
    String(o.adjusted[i]),
  ]);
  rows.push(["合计", String(sum(o.kind.bases)), String(sum(o.computed)), String(sum(o.adjusted))]);
  env.stdout(text.heading(o.kind.label) + "\n");
  env.stdout(table([["上级党组织", "基数", "计算名额", "调整后名额"], ...rows]) + "\n");
  if (sum(o.adjusted) !== total) env.stderr(text.sumDiffers(sum(o.adjusted), total) + "\n");
  const over = o.kind.groups.filter((_, i) => o.adjusted[i]! > o.kind.bases[i]!);
  if (over.length > 0) env.stderr(text.overBase(over) + "\n");
  await writeBytes(out, o.chunks, { force: a.force });
  env.stdout(msg.written(out) + "\n");
  return 0;
}
