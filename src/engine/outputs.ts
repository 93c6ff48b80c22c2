/**
 * The output sheets (DOMAIN §7): 结果, 晋位升级, 汇总, 公示, with their layouts.
 */
import { colLetter } from "./cells";
import type { FormulaCell, OutCell, OutputSheet, SheetLayout } from "./types";

export const OUTPUT_SHEETS = ["结果", "晋位升级", "汇总", "公示"] as const;
export const PROBLEMS_SHEET = "问题";

export const RESULT_HEADERS = [
  "组织编码",
  "组织名称",
  "上级党组织",
  "领域",
  "上级评定",
  "自评得分",
  "测评满意度",
  "综合得分",
  "组内排名",
  "等次",
  "上期等次",
  "变动",
  "赶超对象",
  "定级依据",
] as const;
/** 0-based column of each 结果 header: named indices, never positions typed by hand. */
export const RESULT_COL = Object.fromEntries(RESULT_HEADERS.map((h, i) => [h, i])) as {
  readonly [H in (typeof RESULT_HEADERS)[number]]: number;
};
export const PROMOTION_HEADERS = ["上级党组织", "目标", "基数", "应达数", "实达数", "差额", "状态"] as const;
export const POSTING_HEADERS = ["上级党组织", "组织名称", "等次"] as const;

function layout(partial: Partial<SheetLayout> & { widths: number[] }): SheetLayout {
  return { freezeRows: 1, numberFormats: {}, tierColumns: [], statusColumns: [], ...partial };
}

export function resultLayout(digits: number): SheetLayout {
  const f = digits > 0 ? "0." + "0".repeat(digits) : "0";
  return layout({
    table: { name: "结果表" },
    numberFormats: {
      [RESULT_COL.上级评定]: f,
      [RESULT_COL.自评得分]: f,
      [RESULT_COL.测评满意度]: f,
      [RESULT_COL.综合得分]: f,
      [RESULT_COL.组内排名]: "0",
    },
    tierColumns: [RESULT_COL.等次, RESULT_COL.上期等次],
    widths: [12, 24, 18, 10, 10, 10, 11, 10, 9, 8, 9, 8, 20, 40],
  });
}

export function promotionLayout(): SheetLayout {
  return layout({
    table: { name: "晋位升级表" },
    numberFormats: { 2: "0", 3: "0", 4: "0", 5: "0" },
    statusColumns: [6],
    widths: [18, 12, 8, 8, 8, 8, 8],
  });
}

export function postingLayout(): SheetLayout {
  return layout({
    table: { name: "公示表" },
    tierColumns: [2],
    widths: [20, 30, 10],
    print: { repeatHeaderRows: 1, fitToWidth: true, landscape: false },
  });
}

/** A label that COUNTIFS would read as a pattern or comparison, or that differs only by case. */
function unsafeCriterion(label: string): boolean {
  return label === "" || /[*?~]/.test(label) || /^[=<>]/.test(label);
}

/**
 * 汇总: counts and shares by 等次 × a key, one block (header row, one row per key value,
 * 合计). Counts are COUNTIFS over 结果 (or SUMPRODUCT/EXACT for labels COUNTIFS would
 * misread), shares count / row total; every formula carries its computed value.
 */
export function summaryBlock(
  startRow: number,
  keyHeader: string,
  keyCol: string,
  labels: string[],
  counts: number[][],
  tiers: string[],
  n: number,
): OutCell[][] {
  const k = tiers.length;
  const last = n + 1;
  const ref = (c: string): string => `'结果'!$${c}$2:$${c}$${last}`;
  const totCol = colLetter(k + 1);
  const folded = new Map<string, number>();
  for (const l of [...labels, ...tiers]) folded.set(l.toLowerCase(), (folded.get(l.toLowerCase()) ?? 0) + 1);
  const needsExact = (l: string): boolean => unsafeCriterion(l) || (folded.get(l.toLowerCase()) ?? 0) > 1;
  const head: OutCell[] = [keyHeader, ...tiers, "合计", ...tiers.map((t) => `${t}占比`)];
  const rows: OutCell[][] = [head];
  const h = startRow; // 1-based row of the header
  const fc = (formula: string, value: number): FormulaCell => ({ formula, value });
  const shareCells = (R: number, cs: number[], total: number): OutCell[] =>
    tiers.map((_, j) =>
      fc(`IF($${totCol}${R}=0,0,${colLetter(j + 1)}${R}/$${totCol}${R})`, total === 0 ? 0 : cs[j]! / total),
    );
  labels.forEach((label, i) => {
    const R = h + 1 + i;
    const cs = counts[i]!;
    const total = cs.reduce((a, b) => a + b, 0);
    const countCells = tiers.map((t, j) => {
      const col = colLetter(j + 1);
      const formula =
        needsExact(label) || needsExact(t)
          ? `SUMPRODUCT(--EXACT(${ref(keyCol)},$A${R}),--EXACT(${ref("J")},${col}$${h}))`
          : `COUNTIFS(${ref(keyCol)},$A${R},${ref("J")},${col}$${h})`;
      return fc(formula, cs[j]!);
    });
    rows.push([
      label,
      ...countCells,
      fc(`SUM(B${R}:${colLetter(k)}${R})`, total),
      ...shareCells(R, cs, total),
    ]);
  });
  const R = h + 1 + labels.length;
  const colTotals = tiers.map((_, j) => counts.reduce((a, c) => a + c[j]!, 0));
  const grand = colTotals.reduce((a, b) => a + b, 0);
  const sumCol = (j: number, v: number): FormulaCell =>
    labels.length === 0 ? fc("0", 0) : fc(`SUM(${colLetter(j)}${h + 1}:${colLetter(j)}${R - 1})`, v);
  rows.push([
    "合计",
    ...colTotals.map((v, j) => sumCol(j + 1, v)),
    sumCol(k + 1, grand),
    ...shareCells(R, colTotals, grand),
  ]);
  return rows;
}

export function summaryLayout(tiers: string[], groupRows: number, sectorRows: number): SheetLayout {
  const k = tiers.length;
  const numberFormats: Record<number, string> = {};
  for (let j = 1; j <= k + 1; j++) numberFormats[j] = "0";
  for (let j = k + 2; j <= 2 * k + 1; j++) numberFormats[j] = "0.0%";
  const lastTier = colLetter(k);
  const secondStart = groupRows + 4;
  return layout({
    numberFormats,
    widths: [18, ...tiers.map(() => 8), 8, ...tiers.map(() => 10)],
    charts: [
      { title: "各上级党组织等次分布", type: "columnStacked", range: `A1:${lastTier}${groupRows + 1}` },
      {
        title: "各领域等次分布",
        type: "columnStacked",
        range: `A${secondStart}:${lastTier}${secondStart + sectorRows}`,
      },
    ],
  });
}

export function sheet(name: string, rows: OutCell[][], l: SheetLayout): OutputSheet {
  return { name, rows, layout: l };
}

/** 汇总's rows: the 上级党组织 block, one blank row as wide as it, the 领域 block. */
export function summaryRowsOf(block1: OutCell[][], block2: OutCell[][]): OutCell[][] {
  return [...block1, new Array<OutCell>(block1[0]?.length ?? 0).fill(""), ...block2];
}

/** The rows of the output sheet `name` (undefined when there is none): one list of outputs, no second map. */
export function outputRows(outputs: readonly OutputSheet[], name: string): OutCell[][] | undefined {
  return outputs.find((o) => o.name === name)?.rows;
}
