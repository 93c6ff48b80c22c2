/**
 * The hot path: every 评分 row → item points → 上级评定, 自评, 测评, 综合得分 (DOMAIN §2.1–2.3).
 *
 * Points are summed in doubles; the rounded result is exact because any value within the
 * error bound of a .5 boundary is recomputed with exact rationals (`exactPoints`).
 */
import { filled } from "./arrays";
import { isBlank, isNotApplicable, labelOf, readYesNo, showValue } from "./cells";
import { blender } from "./blend";
import { exactPoints, exactTotal, type ExactPoints } from "./exact";
import { floorChecker } from "./floors";
import { TIE_ABS, fastRound, formatDec, pow10, ratRoundUnits } from "./numbers";
import { Problems } from "./problems";
import { REL_NA, REL_OK, scoreRelative } from "./relative";
import { slowNumber, sourceReader, yesNoProblem } from "./score-cells";
import { itemNotices, totalNotices } from "./score-notices";
import type { ScoreContext, Scores } from "./score-types";
import { K_SCORE, K_DEDUCT, K_BONUS, K_CHECK, K_FREQ, K_VETO, K_RANK } from "./rubric";
import { msg } from "./messages";

/** Grade every 评分 row. Problems are reported for every invalid cell. */
export function scoreRows(ctx: ScoreContext): Scores {
  const { table, n, idIndex, planOf, plans, settings, problems, rubric } = ctx;
  const codes = ctx.codes ?? [];
  const S = table.sheet;
  const grid = table.grid;
  const d = settings.digits;
  const scaleD = pow10(d);
  const bonusCapNum = Number(formatDec(settings.bonusCap));
  const last = settings.tiers.length - 1;
  const scale100 = settings.scale100;
  const out: Scores = {
    total: filled(n, NaN),
    self: filled(n, NaN),
    survey: filled(n, NaN),
    combined: filled(n, NaN),
    rescaled: new Uint8Array(n),
    vetoTier: filled(n, -1),
    vetoCrit: filled(n, -1),
    floorFail: filled(n, 0),
    scoreRow: filled(n, -1),
    rel: null,
  };
  const idCol = table.cols.get("组织编码");
  if (idCol === undefined) return out;
  const rel = plans.some((p) => p.relative)
    ? scoreRelative({ ...ctx, sectorOf: planOf, parentOf: ctx.parentOf })
    : null;
  out.rel = rel;
  const notices = ctx.notices ?? new Problems();
  const items = itemNotices(notices, S);
  const base0 = settings.baseScore ? Number(formatDec(settings.baseScore)) : 0;
  const penCapNum = settings.penaltyCap ? Number(formatDec(settings.penaltyCap)) : Infinity;

  const blend = blender(settings);
  const { W1, W2, anyWeight } = blend;
  const src = sourceReader(table, settings, W1, W2, problems);

  // Dimension floors (floors.ts), when some tier has one and the rubric has dimensions.
  const hasFloors = settings.floors.some((f) => f !== null) && rubric.dimensions.length > 0;
  const floorCheck = floorChecker(settings, plans, rel);
  const dimPts = new Float64Array(rubric.dimensions.length);

  const rows = table.rows;
  let expect = 0;
  for (let ri = 0; ri < rows.length; ri++) {
    const r = rows[ri]!;
    const row = grid[r] as unknown[];
    const idv = row[idCol];
    const key = typeof idv === "string" ? idv.trim() : labelOf(idv);
    if (key === "") {
      problems.at(S, r, idCol, msg("scoreIdBlank"));
      continue;
    }
    // Rows in 组织 order hit codes[expect]; codes are unique, so this is idIndex.get(key).
    const b = expect < codes.length && codes[expect] === key ? expect : idIndex.get(key);
    if (b < 0) {
      problems.at(S, r, idCol, msg("scoreIdUnknown", { value: showValue(idv) }));
      continue;
    }
    expect = b + 1;
    if (out.scoreRow[b]! >= 0) {
      problems.at(S, r, idCol, msg("scoreIdRepeated", { value: showValue(idv), row: out.scoreRow[b]! + 1 }));
      continue;
    }
    out.scoreRow[b] = r;
    const pi = planOf[b]!;
    if (pi < 0) continue;
    const plan = plans[pi]!;
    // A sector without points cannot be scaled to 100 without 基准分 (reported once, in 标准).
    let bad = scale100 && plan.sumMax === 0 && settings.baseScore === null;
    for (let i = 0; i < plan.blankCols.length; i++) {
      const c = plan.blankCols[i]!;
      if (c >= 0 && !isBlank(row[c]) && !isNotApplicable(row[c])) {
        problems.at(
          S,
          r,
          c,
          msg("otherSectorCell", {
            id: plan.blankCrit[i]!.id,
            sector: plan.sector,
            value: showValue(row[c]),
          }),
        );
        bad = true;
      }
    }
    let nb = 0;
    let bonus = 0;
    let pen = 0;
    // 不适用 items: their 满分 leave M (skipMax); `counted` = countable items that count.
    let skipMax = 0;
    let counted = 0;
    let na = false;
    let vetoT = -1;
    let vetoC = -1;
    if (hasFloors) dimPts.fill(0);
    const { col: cols, kind: kinds, max, unit, cap, required, dim, floor: fl, ci: pci } = plan;
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!;
      if (c < 0) {
        bad = true;
        continue;
      }
      const v = row[c];
      const k = kinds[i]!;
      let p: number;
      if (k === K_SCORE) {
        // Fast check: a number within 下限..满分; anything else is read (and reported) slowly.
        if (typeof v === "number" && v >= fl[i]! && v <= max[i]!) p = v;
        else if (isNotApplicable(v)) {
          na = true;
          skipMax += max[i]!;
          continue;
        } else {
          p = slowNumber(problems, S, r, c, plan.crit[i]!, max[i]!, v);
          if (Number.isNaN(p)) {
            bad = true;
            continue;
          }
        }
      } else if (k === K_CHECK || k === K_VETO) {
        const y = v === "是" ? 1 : v === "否" ? 0 : readYesNo(v);
        if (y === -2 && isNotApplicable(v)) {
          // 不适用: a 达标 item leaves M; a 否决 item is as blank.
          if (k === K_CHECK) {
            na = true;
            skipMax += max[i]!;
          }
          continue;
        }
        if (y === -2 || (y === -1 && k === K_CHECK)) {
          yesNoProblem(problems, S, r, c, plan.crit[i]!, v, y);
          bad = true;
          continue;
        }
        if (k === K_VETO) {
          if (y === 1) {
            const vt = plan.crit[i]!.vetoTier;
            const t = vt < 0 ? last : vt;
            if (t > vetoT) {
              vetoT = t;
              vetoC = pci[i]!;
            }
          }
          continue;
        }
        p = y === 1 ? max[i]! : 0;
      } else if (k >= K_RANK) {
        // 排名, 比例: read and scored against the others beforehand (relative.ts).
        const st = rel!.state[pci[i]!]![b]!;
        if (st === REL_NA) {
          na = true;
          skipMax += max[i]!;
          continue;
        }
        if (st !== REL_OK) {
          bad = true;
          continue;
        }
        p = rel!.pts[pci[i]!]![b]!;
      } else {
        // 扣分, 加分, 减分, 频次: a count (whole number ≥ 0, or points when 单项分值 is blank);
        // an empty 扣分/加分/减分 cell is 0 (as slowNumber reads it).
        let x: number;
        if (typeof v === "number" && v >= 0 && Number.isInteger(v)) x = v;
        else if (v === "" && k !== K_FREQ) x = 0;
        else if (isNotApplicable(v)) {
          if (k === K_DEDUCT || k === K_FREQ) {
            na = true;
            skipMax += max[i]!;
          }
          continue;
        } else {
          x = slowNumber(problems, S, r, c, plan.crit[i]!, max[i]!, v);
          if (Number.isNaN(x)) {
            bad = true;
            continue;
          }
        }
        if (k === K_DEDUCT) {
          p = max[i]! - x * unit[i]!;
          if (p < fl[i]!) {
            items.floor(r, c, key, plan.crit[i]!, x * unit[i]!, p);
            p = fl[i]!;
          }
        } else if (k === K_FREQ) {
          const req = required[i]!;
          p = x >= req ? max[i]! : (max[i]! * x) / req;
        } else {
          // 加分 (2) and 减分 (6): capped per item by 上限.
          let bp = x * unit[i]!;
          if (bp > cap[i]!) {
            items.cap(r, c, key, plan.crit[i]!, bp);
            bp = cap[i]!;
          }
          if (k === K_BONUS) bonus += bp;
          else pen += bp;
          continue;
        }
      }
      nb += p;
      counted++;
      if (hasFloors) {
        const dm = dim[i]!;
        if (dm >= 0) dimPts[dm] += p;
      }
    }
    // Every countable item 不适用: nothing to scale to 100 unless 基准分 is set (DOMAIN §2.1).
    if (scale100 && counted === 0 && !bad && plan.sumMax > 0 && settings.baseScore === null) {
      problems.at(S, r, idCol, msg("allNotApplicable", { code: key }));
      bad = true;
    }

    // 自评得分 and 测评满意度, and weighted sources left blank.
    if (src(row, r)) bad = true;
    if (bad) continue;

    // 上级评定 = 基准分 + base + min(B, 加分总上限) − min(P, 减分总上限), at least 0, rounded
    // (exact near a .5 boundary or near 0).
    const m = na ? plan.sumMax - skipMax : plan.sumMax;
    const capped = bonus < bonusCapNum ? bonus : bonusCapNum;
    const cappedP = pen < penCapNum ? pen : penCapNum;
    const base = scale100 ? (counted > 0 ? (nb * 100) / m : 0) : nb;
    const total = base0 + base + capped - cappedP;
    // Rounded fast unless within the tolerance of a tie or of 0 (its bound: numbers.ts).
    const v = total * scaleD;
    let totalU = v > TIE_ABS ? fastRound(v) : NaN;
    let exact: ExactPoints | null = null;
    let raised = false;
    if (Number.isNaN(totalU)) {
      if (v < -TIE_ABS) {
        totalU = 0;
        raised = true;
      } else {
        exact = exactPoints(plan, row, rel, b);
        const t = exactTotal(exact, settings);
        raised = t.p < 0n;
        totalU = raised ? 0 : Number(ratRoundUnits(t, d));
      }
    }
    if (bonus > bonusCapNum || pen > penCapNum || raised)
      totalNotices(notices, S, r, idCol, key, settings, bonus, pen, raised ? total : null);
    out.total[b] = totalU;
    const selfU = src.self;
    const surveyU = src.survey;
    out.self[b] = selfU;
    out.survey[b] = surveyU;
    out.rescaled[b] = src.rescaled;
    out.vetoTier[b] = vetoT;
    out.vetoCrit[b] = vetoC;

    // 综合得分: weighted blend of the rounded sources.
    const comb = blend.combine(totalU, selfU, surveyU);
    if (Number.isNaN(comb)) {
      // All weights 0 is reported once in 设置; otherwise every weighted source is blank here.
      if (anyWeight) problems.at(S, r, idCol, msg("noSource"));
      continue;
    }
    out.combined[b] = comb;

    // Dimension floors: which tiers' floors this branch misses.
    if (hasFloors) out.floorFail[b] = floorCheck(plan, pi, row, b, dimPts, na, exact);
  }
  return out;
}
