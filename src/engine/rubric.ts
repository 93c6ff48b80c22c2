/**
 * The 标准 sheet: criteria (DOMAIN §2.1) and, per sector, the plan of criteria that apply.
 */
import { isWhole, labelOf, normHeader, readNumber, showValue } from "./cells";
import { RUBRIC_SHEET, cellOf, readTable, type Table } from "./contract";
import { decOf, formatDec, type Dec } from "./numbers";
import type { Problems } from "./problems";
import { readKindColumns, type Scope } from "./rubric-columns";
import type { Grid } from "./types";
import { msg, type Message } from "./messages";

export type Kind = "评分" | "扣分" | "加分" | "达标" | "频次" | "否决" | "减分" | "排名" | "比例";
// The order is the kind code (K_* below): append, never reorder.
export const KINDS: readonly Kind[] = [
  "评分",
  "扣分",
  "加分",
  "达标",
  "频次",
  "否决",
  "减分",
  "排名",
  "比例",
];
const KIND_ALIASES: Record<string, Kind> = {
  score: "评分",
  scored: "评分",
  deduction: "扣分",
  bonus: "加分",
  check: "达标",
  checklist: "达标",
  frequency: "频次",
  veto: "否决",
  penalty: "减分",
  rank: "排名",
  ratio: "比例",
  proportional: "比例",
};
/** Kind codes used on the hot path. */
export const K_SCORE = 0,
  K_DEDUCT = 1,
  K_BONUS = 2,
  K_CHECK = 3,
  K_FREQ = 4,
  K_VETO = 5,
  K_PENALTY = 6,
  K_RANK = 7,
  K_RATIO = 8;

/** Kinds whose points and 满分 make the base (S and M of the rubric total). */
export function isCountable(k: number): boolean {
  return k !== K_BONUS && k !== K_VETO && k !== K_PENALTY;
}

export interface Criterion {
  id: string;
  /** Normalized id for matching 评分 headers. */
  key: string;
  /** null = 全部 (every sector). */
  sector: string | null;
  dimension: string;
  name: string;
  kind: Kind;
  k: number;
  max: number;
  maxDec: Dec;
  /** 单项分值; 1 when blank (the input is then the points themselves, see `pointsInput`). */
  unit: number;
  unitDec: Dec;
  /** 扣分/加分/减分 with a blank 单项分值: the input is points (any number ≥ 0), not a count. */
  pointsInput: boolean;
  /** Per-item cap of a bonus or penalty (Infinity when none). */
  cap: number;
  capDec: Dec | null;
  required: number;
  /** For 否决: tier index it caps at, or -1 for 末等 (the lowest tier). */
  vetoTier: number;
  /** 下限 of 评分/扣分 (0 by default; negative for a 倒扣 item). */
  floor: number;
  floorDec: Dec;
  /** 排名分值 of a 排名 item, rank 1 first. */
  rankPoints: Dec[];
  /** 排名范围 of 排名/比例: 0 全部, 1 上级党组织, 2 领域. */
  scope: Scope;
  /** 排序 = 升序 (smaller is better) for 排名/比例. */
  asc: boolean;
  /** 0-based row in 标准. */
  row: number;
}

export interface Rubric {
  criteria: Criterion[];
  /** Sectors named by criteria rows (non-全部), in order of appearance. */
  sectors: string[];
  dimensions: string[];
}

const ALL = new Set(["", "全部", "all", "所有", "通用"]);

/** Read and validate 标准. Invalid rows are reported and left out. */
export function readRubric(
  grid: Grid,
  tiers: string[],
  problems: Problems,
  sectorList: string[] | null,
): { rubric: Rubric; table: Table } {
  const S = RUBRIC_SHEET.name;
  const t = readTable(RUBRIC_SHEET, grid, problems);
  const criteria: Criterion[] = [];
  const sectors: string[] = [];
  const dimensions: string[] = [];
  const col = (hd: string): number => t.cols.get(hd) ?? t.freeCol;
  const needCol = new Set<string>();
  if (!t.cols.has("指标编码") || !t.cols.has("类型"))
    return { rubric: { criteria, sectors, dimensions }, table: t };
  const seen = new Map<string, Criterion[]>();
  for (const r of t.rows) {
    const id = labelOf(cellOf(t, r, "指标编码"));
    if (id === "") {
      problems.at(S, r, col("指标编码"), msg("criterionIdBlank"));
      continue;
    }
    const kindText = labelOf(cellOf(t, r, "类型"));
    const kind = (KINDS as readonly string[]).includes(kindText)
      ? (kindText as Kind)
      : KIND_ALIASES[kindText.toLowerCase()];
    if (!kind) {
      problems.at(
        S,
        r,
        col("类型"),
        msg("kindInvalid", { id, value: showValue(cellOf(t, r, "类型")), kinds: KINDS }),
      );
      continue;
    }
    const sectorText = labelOf(cellOf(t, r, "领域"));
    const sector = ALL.has(sectorText.toLowerCase()) ? null : sectorText;
    if (sector !== null && sectorList && !sectorList.includes(sector)) {
      problems.at(S, r, col("领域"), msg("criterionSectorUnknown", { id, sector, sectors: sectorList }));
    }
    let ok = true;
    const num = (hd: string, req: boolean, what: Message, test: (x: number) => boolean): number | null => {
      if (!t.cols.has(hd)) {
        if (req) {
          needCol.add(hd);
          ok = false;
        }
        return null;
      }
      const v = cellOf(t, r, hd);
      const x = readNumber(v);
      if (x === null) {
        if (req) {
          problems.at(S, r, col(hd), msg("criterionValueMissing", { id, kind, header: hd, what }));
          ok = false;
        }
        return null;
      }
      if (Number.isNaN(x) || !test(x)) {
        problems.at(
          S,
          r,
          col(hd),
          msg("criterionValueInvalid", { id, header: hd, value: showValue(v), what }),
        );
        ok = false;
        return null;
      }
      return x;
    };
    const positive = (x: number): boolean => x > 0;
    const nonNeg = (x: number): boolean => x >= 0;
    const k = KINDS.indexOf(kind);
    const counted = kind === "扣分" || kind === "加分" || kind === "减分";
    const max =
      kind === "否决" || kind === "减分"
        ? null
        : num(
            "满分",
            isCountable(k) && kind !== "排名",
            msg("wantPositive"),
            kind === "加分" ? nonNeg : positive,
          );
    const unit = counted ? num("单项分值", false, msg("wantPositive"), positive) : null;
    const cap =
      kind === "加分" || kind === "减分" ? num("上限", false, msg("wantNonNegative"), nonNeg) : null;
    const required =
      kind === "频次" ? num("要求次数", true, msg("wantPositiveInteger"), (x) => x > 0 && isWhole(x)) : null;
    let vetoTier = -1;
    if (kind === "否决") {
      const vt = labelOf(cellOf(t, r, "否决后果"));
      if (vt !== "" && vt !== "末等") {
        vetoTier = tiers.indexOf(vt);
        if (vetoTier < 0) {
          problems.at(S, r, col("否决后果"), msg("vetoTierInvalid", { id, value: vt, tiers }));
          ok = false;
        }
      }
    }
    const more = readKindColumns(t, r, id, kind, max, problems, needCol);
    if (!ok || !more) continue;
    const dimension = labelOf(cellOf(t, r, "维度"));
    const capX = cap ?? (kind === "加分" && max !== null && max > 0 ? max : null);
    const maxX = kind === "排名" ? Number(formatDec(more.rankPoints[0]!)) : (max ?? 0);
    const c: Criterion = {
      id,
      key: normHeader(id),
      sector,
      dimension,
      name: labelOf(cellOf(t, r, "指标名称")),
      kind,
      k,
      max: maxX,
      maxDec: kind === "排名" ? more.rankPoints[0]! : decOf(maxX),
      unit: unit ?? 1,
      unitDec: decOf(unit ?? 1),
      pointsInput: counted && unit === null,
      cap: capX ?? Infinity,
      capDec: capX === null ? null : decOf(capX),
      required: required ?? 0,
      vetoTier,
      floor: Number(formatDec(more.floor)),
      floorDec: more.floor,
      rankPoints: more.rankPoints,
      scope: more.scope,
      asc: more.asc,
      row: r,
    };
    const same = seen.get(c.key) ?? [];
    const clash = same.find((o) => o.sector === null || c.sector === null || o.sector === c.sector);
    if (clash) {
      problems.at(S, r, col("指标编码"), msg("criterionIdRepeated", { id, row: clash.row + 1 }));
      continue;
    }
    same.push(c);
    seen.set(c.key, same);
    criteria.push(c);
    if (sector !== null && !sectors.includes(sector)) sectors.push(sector);
    if (dimension !== "" && isCountable(c.k) && !dimensions.includes(dimension)) dimensions.push(dimension);
  }
  for (const hd of needCol) {
    problems.at(S, 0, t.freeCol, msg("kindColumnMissing", { header: hd }));
  }
  if (t.rows.length === 0) {
    problems.at(S, 1, 0, msg("rubricEmpty"));
  }
  return { rubric: { criteria, sectors, dimensions }, table: t };
}
