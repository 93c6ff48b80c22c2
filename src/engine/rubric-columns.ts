/**
 * The 标准 columns of the relative and floored kinds (DOMAIN §2.1): 下限, 排名分值, 排名范围,
 * 排序. Each belongs to some kinds only; a value on another kind is a problem naming its cell.
 */
import { isBlank, labelOf, readNumber, showValue } from "./cells";
import { cellOf, RUBRIC_SHEET, type Table } from "./contract";
import { decOf, ratCmp, ratOfDec, type Dec } from "./numbers";
import type { Problems } from "./problems";
import { splitList } from "./settings";

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
  const bad = (hd: string, message: string): void => {
    problems.at(S, r, col(hd), message);
    ok = false;
  };
  const given = (hd: string): boolean => t.cols.has(hd) && !isBlank(cellOf(t, r, hd));
  const only = (hd: string, kinds: string[]): boolean => {
    if (!given(hd) || kinds.includes(kind)) return given(hd);
    bad(hd, `指标 ${id}（${kind}）不能填写${hd}：${hd}只用于${kinds.join("、")}类指标，此格应为空`);
    return false;
  };
  const relative = kind === "排名" || kind === "比例";

  let floor: Dec = { n: 0n, s: 0 };
  if (only("下限", ["评分", "扣分"])) {
    const v = cellOf(t, r, "下限");
    const x = readNumber(v);
    if (x === null || Number.isNaN(x))
      bad("下限", `指标 ${id} 的下限 ${showValue(v)} 不是数，应为小于满分的数（可为负数，表示倒扣）`);
    else if (max !== null && !(x < max))
      bad("下限", `指标 ${id} 的下限 ${showValue(v)} 无效，应小于满分 ${labelOf(max)}`);
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
    if (!valid)
      bad(
        "排名分值",
        `指标 ${id} 的排名分值 ${showValue(v)} 无效，应为从第 1 名起不增的一组不小于 0 的分数（第 1 名大于 0），如 60,57,54,51,48`,
      );
    else {
      for (const x of nums) rankPoints.push(decOf(x!));
      if (max !== null && ratCmp(ratOfDec(decOf(max)), ratOfDec(rankPoints[0]!)) !== 0)
        bad(
          "满分",
          `指标 ${id}（排名）的满分 ${labelOf(max)} 应为空或等于排名分值的第一个数 ${labelOf(nums[0]!)}`,
        );
    }
  } else if (kind === "排名") {
    // Without 排名分值 the item has no points: it is left out (the missing column is reported once).
    ok = false;
    if (!t.cols.has("排名分值")) needCol.add("排名分值");
    else bad("排名分值", `指标 ${id}（排名）缺少排名分值，应为从第 1 名起的一组分数，如 60,57,54,51,48`);
  }

  let scope: Scope = 0;
  if (only("排名范围", ["排名", "比例"]) && relative) {
    const v = labelOf(cellOf(t, r, "排名范围"));
    const s = SCOPES[v.toLowerCase()];
    if (s === undefined) bad("排名范围", `指标 ${id} 的排名范围「${v}」无效，应为 全部、上级党组织 或 领域`);
    else scope = s;
  }

  let asc = false;
  if (only("排序", ["排名", "比例"]) && relative) {
    const v = labelOf(cellOf(t, r, "排序"));
    const o = ORDERS[v.toLowerCase()];
    if (o === undefined)
      bad("排序", `指标 ${id} 的排序「${v}」无效，应为 降序（越大越好）或 升序（越小越好）`);
    else asc = o;
  }
  return ok ? { floor, rankPoints, scope, asc } : null;
}
