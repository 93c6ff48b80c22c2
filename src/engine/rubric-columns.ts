/**
 * The 标准 columns of the relative and floored kinds (DOMAIN §2.1): 下限, 排名分值, 排名范围,
 * 排序. Each belongs to some kinds only; a value on another kind is a problem naming its cell.
 */
import { isBlank, labelOf, readNumber, showValue } from "./cells";
import { cellOf, RUBRIC_SHEET, type Table } from "./contract";
import { decOf, ratCmp, ratOfDec, type Dec } from "./numbers";
import type { Problems } from "./problems";
import { splitList } from "./settings";
import { msg, type Message } from "./messages";

/** Which branches a 排名/比例 item compares: 0 全部, 1 上级党组织, 2 领域. */
export type Scope = 0 | 1 | 2;
export const SCOPE_LABELS = ["全部", "上级党组织", "领域"] as const;
const SCOPES: Record<string, Scope> = {
  全部: 0,
  all: 0,
  上级党组织: 1,
  parent: 1,
  领域: 2,
  sector: 2,
};
const ORDERS: Record<string, boolean> = { 降序: false, desc: false, 升序: true, asc: true };

export interface KindColumns {
  /** 下限 of 评分/扣分 (0 when blank). */
  floor: Dec;
  /** 排名分值 of 排名, best rank first (empty for other kinds). */
  rankPoints: Dec[];
  scope: Scope;
  /** 排序 = 升序: smaller values are better. */
  asc: boolean;
}

/**
 * Read the kind-specific columns of one 标准 row. `max` is the row's 满分 when read (null
 * otherwise). Returns null after reporting when a value is invalid.
 */
export function readKindColumns(
  t: Table,
  r: number,
  id: string,
  kind: string,
  max: number | null,
  problems: Problems,
  needCol: Set<string>,
): KindColumns | null {
  const S = RUBRIC_SHEET.name;
  const col = (hd: string): number => t.cols.get(hd) ?? t.freeCol;
  let ok = true;
  const bad = (hd: string, m: Message): void => {
    problems.at(S, r, col(hd), m);
    ok = false;
  };
  const given = (hd: string): boolean => t.cols.has(hd) && !isBlank(cellOf(t, r, hd));
  const only = (hd: string, kinds: string[]): boolean => {
    if (!given(hd) || kinds.includes(kind)) return given(hd);
    bad(hd, msg("columnNotForKind", { id, kind, header: hd, kinds }));
    return false;
  };
  const relative = kind === "排名" || kind === "比例";

  let floor: Dec = { n: 0n, s: 0 };
  if (only("下限", ["评分", "扣分"])) {
    const v = cellOf(t, r, "下限");
    const x = readNumber(v);
    if (x === null || Number.isNaN(x)) bad("下限", msg("floorNotNumber", { id, value: showValue(v) }));
    else if (max !== null && !(x < max))
      bad("下限", msg("floorNotBelowMax", { id, value: showValue(v), max: labelOf(max) }));
    else floor = decOf(x);
  }

  const rankPoints: Dec[] = [];
  if (only("排名分值", ["排名"])) {
    const v = cellOf(t, r, "排名分值");
    const nums = splitList(v).map((p) => readNumber(p));
    const valid =
      nums.length > 0 &&
      nums.every((x, i) => x !== null && x >= 0 && (i === 0 || x <= nums[i - 1]!)) &&
      nums[0]! > 0;
    if (!valid) bad("排名分值", msg("rankPointsInvalid", { id, value: showValue(v) }));
    else {
      for (const x of nums) rankPoints.push(decOf(x!));
      if (max !== null && ratCmp(ratOfDec(decOf(max)), ratOfDec(rankPoints[0]!)) !== 0)
        bad("满分", msg("rankMaxMismatch", { id, max: labelOf(max), first: labelOf(nums[0]!) }));
    }
  } else if (kind === "排名") {
    // Without 排名分值 the item has no points: it is left out (the missing column is reported once).
    ok = false;
    if (!t.cols.has("排名分值")) needCol.add("排名分值");
    else bad("排名分值", msg("rankPointsMissing", { id }));
  }

  let scope: Scope = 0;
  if (only("排名范围", ["排名", "比例"]) && relative) {
    const v = labelOf(cellOf(t, r, "排名范围"));
    const s = SCOPES[v.toLowerCase()];
    if (s === undefined) bad("排名范围", msg("rankScopeInvalid", { id, value: v }));
    else scope = s;
  }

  let asc = false;
  if (only("排序", ["排名", "比例"]) && relative) {
    const v = labelOf(cellOf(t, r, "排序"));
    const o = ORDERS[v.toLowerCase()];
    if (o === undefined) bad("排序", msg("rankOrderInvalid", { id, value: v }));
    else asc = o;
  }
  return ok ? { floor, rankPoints, scope, asc } : null;
}
