/**
 * Notices (提示, DOMAIN §2.5) raised while scoring: whatever a rule cut is told, naming the
 * 评分 cell. Called only when a cut happened, so the hot path pays nothing otherwise.
 * Values are compared and shown at 15 significant digits, so a double's last bit never
 * raises a notice for a sum that is exactly at its cap.
 */
import { toExcel15, formatDec, formatUnits, roundUnits } from "./numbers";
import type { Problems } from "./problems";
import type { Criterion } from "./rubric";
import type { Settings } from "./settings";
import { msg } from "./messages";

const show = (x: number): string => String(toExcel15(x));

/** Notices of single items: a 扣分 stopped at its 下限, a 加分/减分 item stopped at its 上限. */
export function itemNotices(
  notices: Problems,
  S: string,
): {
  floor(r: number, c: number, code: string, c0: Criterion, deducted: number, points: number): void;
  cap(r: number, c: number, code: string, c0: Criterion, points: number): void;
} {
  return {
    floor(r, c, code, c0, deducted, points) {
      if (!(toExcel15(points) < c0.floor)) return;
      notices.at(
        S,
        r,
        c,
        msg("deductFloorCut", {
          code,
          id: c0.id,
          deducted: show(deducted),
          points: show(points),
          floor: show(c0.floor),
        }),
      );
    },
    cap(r, c, code, c0, points) {
      if (!(toExcel15(points) > c0.cap)) return;
      notices.at(
        S,
        r,
        c,
        msg("itemCapCut", { code, id: c0.id, kind: c0.kind, points: show(points), cap: show(c0.cap) }),
      );
    },
  };
}

/**
 * Notices of a branch's total: 加分 beyond 加分总上限, 减分 beyond 减分总上限, a total below 0
 * raised to 0 (`below` is the total before that, null when it was not below).
 */
export function totalNotices(
  notices: Problems,
  S: string,
  r: number,
  c: number,
  code: string,
  settings: Settings,
  bonus: number,
  pen: number,
  below: number | null,
): void {
  const bCap = Number(formatDec(settings.bonusCap));
  if (toExcel15(bonus) > bCap) {
    const cap = formatDec(settings.bonusCap);
    notices.at(S, r, c, msg("bonusCapCut", { code, sum: show(bonus), cap }));
  }
  if (settings.penaltyCap && toExcel15(pen) > Number(formatDec(settings.penaltyCap))) {
    const cap = formatDec(settings.penaltyCap);
    notices.at(S, r, c, msg("penaltyCapCut", { code, sum: show(pen), cap }));
  }
  if (below !== null) {
    const d = settings.digits;
    const shown =
      Number.isFinite(below) && below < 0 ? formatUnits(roundUnits(below, d), d) : msg("negative");
    notices.at(S, r, c, msg("totalRaisedToZero", { code, shown }));
  }
}
