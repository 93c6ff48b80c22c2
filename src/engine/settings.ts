/**
 * The 设置 sheet (DOMAIN §7): key | value rows, every key with its default.
 */
import { addr, isBlank, isWhole, labelOf, readNumber, readYesNo, showValue } from "./cells";
import { SETTINGS_SHEET, cellOf, readTable, type Table } from "./contract";
import { parseExcelDate } from "./dates";
import { decOf, type Dec, type Rate } from "./numbers";
import { readTargets } from "./settings-targets";
import { readRecordSettings, type RecordSettings } from "./settings-records";
import { readTierRules } from "./settings-tiers";
import type { Problems } from "./problems";
import type { Grid } from "./types";
import { msg, type Message } from "./messages";

export type Success = "转化" | "晋级" | "示范";
export type Comparator = "至少" | "左右" | "不超过";

export interface TargetSpec {
  from: number;
  success: Success;
  comparator: Comparator;
  rate: Rate;
  /** `后进转化` */
  label: string;
}

export type QuotaGroupKey = "上级党组织" | "领域" | "全部";

export interface Settings {
  tiers: string[];
  cutoffs: Dec[];
  scale100: boolean;
  bonusCap: Dec;
  digits: number;
  /** Weights of 上级评定, 自评, 测评. */
  weights: [Dec, Dec, Dec];
  rescaleMissing: boolean;
  /** Per tier index: dimension floor share, or null. */
  floors: (Rate | null)[];
  satisfactionFloor: Dec | null;
  satisfactionCapTier: number;
  /** Per tier index: quota share, or null. */
  quotaCaps: (Rate | null)[];
  quotaGroup: QuotaGroupKey;
  /** YYYY-MM-DD from 统计日期, or null. */
  asOf: string | null;
  targets: TargetSpec[];
  /** The sector list from 设置 领域, or null when not given. */
  sectors: string[] | null;
  /** 基准分: added to every rubric total; null when not set (then M = 0 is an error). */
  baseScore: Dec | null;
  /** 减分总上限: cap on the sum of 减分 points; null = no cap. */
  penaltyCap: Dec | null;
  /** 名额取整: how n × share becomes the quota K. */
  quotaRounding: QuotaRounding;
  /** The keys of the records (§4–§6). */
  records: RecordSettings;
  /** A1 address of each key's value cell in 设置 (for notices). */
  cells: Record<string, string>;
}

export type QuotaRounding = "向下取整" | "四舍五入" | "向上取整";

export const DEFAULT_TIERS = ["先进", "一般", "后进"];
const REPEATABLE = new Set(["晋位目标", "会议要求"]);
export const KEY_ALIASES: Record<string, string> = {
  tiers: "等次",
  cutoffs: "分数线",
  scaleto100: "折算百分制",
  bonuscap: "加分总上限",
  digits: "小数位数",
  rubricweight: "上级评定权重",
  selfweight: "自评权重",
  surveyweight: "测评权重",
  missing: "缺项处理",
  dimensionfloors: "维度下限",
  satisfactionfloor: "满意度下限",
  satisfactioncap: "低于时最高",
  quotas: "名额上限",
  quotagroup: "名额分组",
  asof: "统计日期",
  target: "晋位目标",
  sectors: "领域",
  quotarounding: "名额取整",
  basescore: "基准分",
  penaltycap: "减分总上限",
};

/** Split a list on , ， 、 ; ； (and trim; drops empty parts). */
export function splitList(v: unknown): string[] {
  if (typeof v === "number") return [labelOf(v)];
  return labelOf(v)
    .split(/[,，、;；]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** One 设置 row: its value and where it is. */
export interface Entry {
  value: unknown;
  r: number;
  c: number;
}

/** A setting that is a number ≥ 0 (`def` when absent; reported and `def` when invalid). */
export function nonNegativeSetting(
  one: (k: string) => Entry | undefined,
  bad: (e: Entry, key: string, expected: Message) => void,
  k: string,
  def: number,
): Dec {
  const e = one(k);
  if (!e) return decOf(def);
  const x = readNumber(e.value);
  if (x === null || Number.isNaN(x) || x < 0) {
    bad(e, k, msg("wantNonNegative"));
    return decOf(def);
  }
  return decOf(x);
}

/** Read 设置 into Settings, reporting every invalid value (falls back to defaults to go on). */
export function readSettings(grid: Grid | undefined, problems: Problems): Settings {
  const S = SETTINGS_SHEET.name;
  const entries = new Map<string, Entry[]>();
  if (grid) {
    const t: Table = readTable(SETTINGS_SHEET, grid, problems);
    const vc = t.cols.get("值");
    if (t.cols.has("项目") && vc !== undefined) {
      for (const r of t.rows) {
        const rawKey = labelOf(cellOf(t, r, "项目"));
        if (rawKey === "") continue;
        const key = KEY_ALIASES[rawKey.replace(/\s+/g, "").toLowerCase()] ?? rawKey;
        const list = entries.get(key) ?? [];
        if (list.length > 0 && !REPEATABLE.has(key)) {
          problems.at(S, r, t.cols.get("项目")!, msg("settingRepeated", { key, row: list[0]!.r + 1 }));
          continue;
        }
        list.push({ value: cellOf(t, r, "值"), r, c: vc });
        entries.set(key, list);
      }
    }
  }
  const one = (k: string): Entry | undefined => {
    const e = entries.get(k)?.[0];
    return e && !isBlank(e.value) ? e : undefined;
  };
  const bad = (e: Entry, key: string, expected: Message): void =>
    problems.at(S, e.r, e.c, msg("settingInvalid", { key, value: showValue(e.value), expected }));

  // 等次
  let tiers = DEFAULT_TIERS;
  const te = one("等次");
  if (te) {
    const list = splitList(te.value);
    if (list.length < 2) bad(te, "等次", msg("wantTierList"));
    else if (new Set(list).size !== list.length) bad(te, "等次", msg("wantDistinctTiers"));
    else tiers = list;
  }

  // 分数线
  let cutoffs: Dec[] = [90, 70].map(decOf);
  const ce = one("分数线");
  if (ce) {
    const parts = splitList(ce.value);
    const nums = parts.map((p) => readNumber(p));
    if (nums.some((x) => x === null || Number.isNaN(x))) {
      bad(ce, "分数线", msg("wantCutoffs", { count: tiers.length - 1 }));
    } else if (nums.length !== tiers.length - 1) {
      problems.at(
        S,
        ce.r,
        ce.c,
        msg("cutoffCount", { cutoffs: nums.length, tiers: tiers.length, need: tiers.length - 1 }),
      );
    } else if (nums.some((x, i) => i > 0 && !(x! < nums[i - 1]!))) {
      bad(ce, "分数线", msg("wantDescending"));
    } else {
      cutoffs = nums.map((x) => decOf(x!));
    }
  } else if (te && tiers.length !== 3) {
    problems.at(S, te.r, te.c, msg("cutoffsNeeded", { tiers: tiers.length, need: tiers.length - 1 }));
  }

  const yesNo = (k: string, def: boolean): boolean => {
    const e = one(k);
    if (!e) return def;
    const y = readYesNo(e.value);
    if (y < 0) {
      bad(e, k, msg("wantYesNo"));
      return def;
    }
    return y === 1;
  };
  const nonNeg = (k: string, def: number): Dec => nonNegativeSetting(one, bad, k, def);

  const scale100 = yesNo("折算百分制", true);
  const bonusCap = nonNeg("加分总上限", 5);
  let digits = 2;
  const de = one("小数位数");
  if (de) {
    const x = readNumber(de.value);
    if (x === null || Number.isNaN(x) || !isWhole(x) || x < 0 || x > 6)
      bad(de, "小数位数", msg("wantDigits"));
    else digits = Math.round(x);
  }
  const weights: [Dec, Dec, Dec] = [
    nonNeg("上级评定权重", 100),
    nonNeg("自评权重", 0),
    nonNeg("测评权重", 0),
  ];
  if (weights.every((w) => w.n === 0n)) {
    const we = one("上级评定权重") ?? one("自评权重") ?? one("测评权重");
    if (we) problems.at(S, we.r, we.c, msg("weightsZero"));
  }
  let rescaleMissing = false;
  const me = one("缺项处理");
  if (me) {
    const v = labelOf(me.value);
    if (v === "按权重折算") rescaleMissing = true;
    else if (v !== "报错") bad(me, "缺项处理", msg("wantMissingRule"));
  }

  const { floors, quotaCaps, satisfactionFloor, satisfactionCapTier, quotaGroup, quotaRounding } =
    readTierRules(one, bad, problems, tiers);

  let asOf: string | null = null;
  const ae = one("统计日期");
  if (ae) {
    asOf = parseExcelDate(ae.value);
    if (asOf === null) bad(ae, "统计日期", msg("wantDate"));
  }

  const targets = readTargets(entries.get("晋位目标") ?? [], tiers, problems);

  // 基准分 and 减分总上限 (DOMAIN §2.1): unset is null (no base; no cap).
  const optNonNeg = (k: string): Dec | null => {
    const e = one(k);
    const x = e ? readNumber(e.value) : null;
    if (!e || (x !== null && !Number.isNaN(x) && x >= 0)) return x === null ? null : decOf(x);
    bad(e, k, msg("wantNonNegative"));
    return null;
  };
  const baseScore = optNonNeg("基准分");
  const penaltyCap = optNonNeg("减分总上限");
  const records = readRecordSettings(one, (k) => entries.get(k) ?? [], bad, problems);
  const cells: Record<string, string> = {};
  for (const [k, list] of entries) cells[k] = addr(list[0]!.r, list[0]!.c);

  let sectors: string[] | null = null;
  const se = one("领域");
  if (se) {
    sectors = splitList(se.value);
    if (new Set(sectors).size !== sectors.length) bad(se, "领域", msg("wantDistinctSectors"));
  }

  return {
    tiers,
    cutoffs,
    scale100,
    bonusCap,
    digits,
    weights,
    rescaleMissing,
    floors,
    satisfactionFloor,
    satisfactionCapTier,
    quotaCaps,
    quotaGroup,
    asOf,
    targets,
    sectors,
    baseScore,
    penaltyCap,
    quotaRounding,
    records,
    cells,
  };
}
