/**
 * Notices (提示, DOMAIN §2.5) about the workbook as a whole — weights on mixed scales,
 * ignored look-alike columns, a 晋位升级 with no base — and the 提示 output sheet.
 * Scoring's own notices (cuts per branch) are in score-notices.ts.
 */
import { normHeader } from "./cells";
import type { SheetSpec, Table } from "./contract";
import { formatDec } from "./numbers";
import type { Problems } from "./problems";
import type { Settings } from "./settings";
import type { OutputSheet, Problem } from "./types";
import { msg } from "./messages";

export const NOTICES_SHEET = "提示";

const WEIGHT_KEYS = ["上级评定权重", "自评权重", "测评权重"] as const;

/** Weights written on different scales: some (non-zero) at most 1, some above 1. */
export function weightScaleNotice(settings: Settings, notices: Problems): void {
  // Non-zero weights, written or by default (上级评定 100): a written 0.4 beside the default 100 is mixed too.
  const given = WEIGHT_KEYS.map((k, i) => ({ k, w: settings.weights[i]!, cell: settings.cells[k] })).filter(
    (x) => x.w.n > 0n,
  );
  const small = given.filter((x) => x.w.n <= 10n ** BigInt(x.w.s));
  if (small.length === 0 || small.length === given.length) return;
  const at = small.find((x) => x.cell) ?? given.find((x) => x.cell);
  if (!at) return;
  const list = given.map((x) =>
    msg(x.cell ? "weightItem" : "weightItemDefault", { key: x.k, value: formatDec(x.w) }),
  );
  notices.cell("设置", at.cell!, msg("weightScalesMixed", { list }));
}

// Columns a clerk computed by hand (DOMAIN §7.1): never inputs, never worth a notice.
const HAND_COLUMNS = new Set(["总分", "合计", "得分", "等次", "排名", "序号", "备注"]);

/** True when header `h` reads like the contract field `f` (one holds the other, a shared ending, or most characters shared). */
function looksLike(h: string, f: string): boolean {
  if (h.length < 2) return false;
  if (h.includes(f) || f.includes(h)) return true;
  if (h.length >= 3 && f.length >= 3 && h.slice(-2) === f.slice(-2)) return true;
  const [a, b] = h.length <= f.length ? [h, f] : [f, h];
  let shared = 0;
  for (const ch of new Set(a)) if (b.includes(ch)) shared++;
  return shared * 3 >= a.length * 2 && shared >= 3;
}

/**
 * Headers of `table` outside the contract that read like one of its absent optional fields:
 * they were ignored. `known` are other headers that are inputs (criterion ids of 评分).
 */
export function lookalikeNotices(
  spec: SheetSpec,
  table: Table,
  notices: Problems,
  known: Set<string> = new Set(),
): void {
  const absent = spec.headers.filter((h) => !table.cols.has(h.name));
  if (absent.length === 0) return;
  const used = new Set(table.cols.values());
  for (const [text, c] of table.raw) {
    if (used.has(c) || known.has(text)) continue;
    const h = text.replace(/[（(].*[)）]$/, "");
    if (HAND_COLUMNS.has(h)) continue;
    const f = absent.find((x) => looksLike(h, normHeader(x.name)));
    if (!f) continue;
    const label = String(table.grid[0]![c]).trim();
    notices.at(spec.name, 0, c, msg("lookalikeColumn", { label, header: f.name }));
  }
}

/** Every 晋位升级 target has base 0 because no branch has a 上期等次. */
export function emptyBaseNotice(
  settings: Settings,
  previous: readonly number[],
  table: Table,
  notices: Problems,
): void {
  if (settings.targets.length === 0 || previous.some((t) => t >= 0)) return;
  const c = table.cols.get("上期等次");
  notices.at("组织", 0, c ?? table.freeCol, msg("emptyTargetBase"));
}

/** The 提示 sheet (headers 工作表, 单元格, 说明); hosts write it only when there are notices. */
export function noticesSheet(notices: Problem[]): OutputSheet {
  return {
    name: NOTICES_SHEET,
    rows: [["工作表", "单元格", "说明"], ...notices.map((p) => [p.sheet, p.cell, p.message])],
    layout: {
      freezeRows: 1,
      table: { name: "提示表" },
      numberFormats: {},
      tierColumns: [],
      statusColumns: [],
      widths: [10, 10, 80],
    },
  };
}
