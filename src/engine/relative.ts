/**
 * 排名 and 比例 items (DOMAIN §2.1): their points depend on the other branches of the
 * 排名范围, so they are read and scored in a pass before the hot loop (only when the rubric
 * has such items). 比例 points are ratios: exact values come from `exact` on demand.
 */
import { filled, type Nums } from "./arrays";
import { isNotApplicable, labelOf, readNumber, showValue } from "./cells";
import type { Table } from "./contract";
import { decOf, formatDec, ratDiv, ratInt, ratMul, ratOfDec, type Rat } from "./numbers";
import type { Plan } from "./plan";
import type { Problems } from "./problems";
import { K_RANK, K_RATIO, type Criterion, type Rubric } from "./rubric";
import { msg, type Message } from "./messages";

export const REL_OK = 1,
  REL_NA = 2,
  REL_BAD = 3;

/** Per relative criterion (index into rubric.criteria): points and state of every branch. */
export interface Relative {
  pts: (number[] | undefined)[];
  /** 0 not read, REL_OK, REL_NA (不适用), REL_BAD (reported). */
  state: (number[] | undefined)[];
  /** The exact points of branch b on criterion ci (state REL_OK). */
  exact(ci: number, b: number): Rat;
}

export interface RelativeInput {
  table: Table;
  rubric: Rubric;
  n: number;
  idIndex: { get(key: string): number };
  planOf: Nums;
  plans: Plan[];
  /** Group of each branch for 排名范围 上级党组织 and 领域 (absent: every branch in one group). */
  parentOf?: Nums;
  sectorOf?: Nums;
  problems: Problems;
}

/** Read every 排名/比例 input and score it against its 排名范围. */
export function scoreRelative(inp: RelativeInput): Relative {
  const { table, rubric, n, idIndex, planOf, plans, problems } = inp;
  const crits = rubric.criteria;
  // Plain arrays, as every per-branch array (arrays.ts).
  const vals = crits.map((c) => (c.k === K_RANK || c.k === K_RATIO ? filled(n, 0) : undefined));
  const state = crits.map((_, i) => (vals[i] ? filled(n, 0) : undefined));
  const pts = crits.map((_, i) => (vals[i] ? filled(n, 0) : undefined));
  const rel: Relative = { pts, state, exact: () => ratInt(0) };
  const idCol = table.cols.get("组织编码");
  if (idCol === undefined) return rel;
  const critIndex = new Map(crits.map((c, i) => [c, i]));
  const seen = new Uint8Array(n);
  for (const r of table.rows) {
    const row = table.grid[r] as unknown[];
    const b = idIndex.get(labelOf(row[idCol]));
    if (b < 0 || seen[b]) continue;
    seen[b] = 1;
    const p = planOf[b]!;
    if (p < 0 || !plans[p]!.relative) continue;
    const plan = plans[p]!;
    plan.crit.forEach((c, i) => {
      const ci = critIndex.get(c)!;
      const st = state[ci];
      if (!st || plan.col[i]! < 0) return;
      const v = row[plan.col[i]!];
      const x = isNotApplicable(v) ? null : readNumber(v);
      if (isNotApplicable(v)) st[b] = REL_NA;
      else if (x === null || Number.isNaN(x) || (c.k === K_RATIO && x < 0)) {
        st[b] = REL_BAD;
        problems.at(table.sheet, r, plan.col[i]!, inputProblem(c, v, x));
      } else {
        st[b] = REL_OK;
        vals[ci]![b] = Number(x.toPrecision(15));
      }
    });
  }
  const groupOf = (c: Criterion): Nums | undefined =>
    c.scope === 1 ? inp.parentOf : c.scope === 2 ? inp.sectorOf : undefined;
  // Per criterion and group: the reference value (best for 比例) or the sorted values (排名).
  const refs = crits.map(() => new Map<number, number>());
  crits.forEach((c, ci) => {
    const st = state[ci];
    if (!st) return;
    const v = vals[ci]!;
    const g = groupOf(c);
    const members = new Map<number, number[]>();
    for (let b = 0; b < n; b++) {
      if (st[b] !== REL_OK) continue;
      const k = g ? g[b]! : 0;
      const list = members.get(k) ?? [];
      list.push(b);
      members.set(k, list);
    }
    for (const [k, list] of members) {
      // Better first: descending unless 升序.
      list.sort((a, bb) => (c.asc ? v[a]! - v[bb]! : v[bb]! - v[a]!));
      refs[ci]!.set(k, v[list[0]!]!);
      let rank = 1;
      list.forEach((b, j) => {
        if (j > 0 && v[b] !== v[list[j - 1]!]) rank = j + 1;
        pts[ci]![b] = c.k === K_RANK ? rankPoints(c, rank) : ratNumber(ratioRat(c, v[b]!, v[list[0]!]!));
      });
    }
  });
  rel.exact = (ci, b) => {
    const c = crits[ci]!;
    const g = groupOf(c);
    const best = refs[ci]!.get(g ? g[b]! : 0)!;
    const x = vals[ci]![b]!;
    if (c.k === K_RATIO) return ratioRat(c, x, best);
    return ratOfDec(decOf(pts[ci]![b]!));
  };
  return rel;
}

function rankPoints(c: Criterion, rank: number): number {
  const d = c.rankPoints[rank - 1];
  return d ? Number(formatDec(d)) : 0;
}

/** 比例 points, exactly: 满分 × value ÷ best (降序) or 满分 × best ÷ value (升序). */
function ratioRat(c: Criterion, x: number, best: number): Rat {
  const max = ratOfDec(c.maxDec);
  if (c.asc) return x === best ? max : ratDiv(ratMul(max, ratOfDec(decOf(best))), ratOfDec(decOf(x)));
  return best === 0 ? ratInt(0) : ratDiv(ratMul(max, ratOfDec(decOf(x))), ratOfDec(decOf(best)));
}

/** The double nearest a rational (the hot path sums doubles; exact near a rounding tie). */
function ratNumber(r: Rat): number {
  return Number(r.p) / Number(r.q);
}

function inputProblem(c: Criterion, v: unknown, x: number | null): Message {
  const want = msg(c.k === K_RATIO ? "wantNonNegative" : "wantValue");
  if (x === null) return msg("inputBlank", { id: c.id, kind: c.kind, want });
  const p = { id: c.id, kind: c.kind, value: showValue(v), range: want };
  return msg(Number.isNaN(x) ? "inputNotNumber" : "inputNegativeOf", p);
}
