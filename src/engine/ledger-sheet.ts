/**
 * Reading 整改台账 (DOMAIN §4): per row 五清楚缺项, 台账状态 and 逾期天数, every bad cell
 * reported. The status rules are ledger.ts's (the same code DJ.OVERDUE runs).
 */
import { labelOf, showValue } from "./cells";
import { LEDGER_SHEET, cellOf, readTable } from "./contract";
import { EngineError } from "./errors";
import { LEDGER_STATUSES, overdueStatus, type LedgerStatus, type OverdueStatus } from "./ledger";
import type { Problems } from "./problems";
import { branchAt, dayAt, textAt, type RecordContext } from "./records-read";
import type { Grid } from "./types";
import { msg } from "./messages";

export type Severity = "一般" | "较重" | "严重";
const SEVERITIES: readonly Severity[] = ["一般", "较重", "严重"];
const KINDS = ["立行立改", "限期整改"];
/** The five fields a plan must state (五清楚). */
export const FIVE_CLEAR = ["基本目标", "具体事项", "主要措施", "完成时限", "责任人"] as const;

export interface LedgerRow {
  b: number;
  /** 0-based row in 整改台账. */
  row: number;
  problem: string;
  severity: Severity;
  deadline: number | null;
  owner: string;
  status: LedgerStatus;
  closed: number | null;
  state: OverdueStatus;
  days: number;
  /** 五清楚缺项: the blank fields joined by 、 ("" when complete). */
  missing: string;
}

export function readLedger(grid: Grid, ctx: RecordContext): LedgerRow[] {
  const P: Problems = ctx.problems;
  const t = readTable(LEDGER_SHEET, grid, P);
  const S = t.sheet;
  const out: LedgerRow[] = [];
  if (!t.cols.has("组织编码") || !t.cols.has("问题") || !t.cols.has("状态")) return out;
  for (const r of t.rows) {
    let ok = true;
    const b = branchAt(t, r, ctx);
    if (b < 0) ok = false;
    const problem = textAt(t, r, "问题");
    if (problem === "") {
      P.at(S, r, t.cols.get("问题")!, msg("issueBlank"));
      ok = false;
    }
    const sevText = textAt(t, r, "严重程度");
    const severity = sevText === "" ? "一般" : SEVERITIES.find((x) => x === sevText);
    if (!severity) {
      P.at(S, r, t.cols.get("严重程度")!, msg("severityInvalid", { value: sevText }));
      ok = false;
    }
    const kind = textAt(t, r, "整改类型");
    if (kind !== "" && !KINDS.includes(kind)) {
      P.at(S, r, t.cols.get("整改类型")!, msg("fixKindInvalid", { value: kind }));
      ok = false;
    }
    const statusText = textAt(t, r, "状态");
    const status = LEDGER_STATUSES.find((x) => x === statusText);
    if (!status) {
      const v = cellOf(t, r, "状态");
      P.at(
        S,
        r,
        t.cols.get("状态")!,
        statusText === "" ? msg("statusBlank") : msg("statusInvalid", { value: showValue(v) }),
      );
      ok = false;
    }
    const deadline = dayAt(t, r, "完成时限", ctx, false);
    const closed = dayAt(t, r, "销号日期", ctx, false);
    if (Number.isNaN(deadline) || Number.isNaN(closed)) ok = false;
    const cc = t.cols.get("销号日期");
    if (status === "已销号" && closed === null) {
      P.at(S, r, cc ?? t.freeCol, msg("closedDateMissing"));
      ok = false;
    }
    if (!ok || !status || !severity) continue;
    let state: OverdueStatus = "未到期";
    if (deadline !== null) {
      try {
        state = overdueStatus(deadline, status, closed, ctx.asOf);
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        P.at(S, r, cc!, msg("closedDateNotClosed", { status }));
        continue;
      }
    } else if (status !== "已销号" && closed !== null) {
      P.at(S, r, cc!, msg("closedDateNotClosed", { status }));
      continue;
    }
    const days = state === "逾期" ? ctx.asOf - deadline! : state === "逾期销号" ? closed! - deadline! : 0;
    const missing = FIVE_CLEAR.filter((f) => labelOf(cellOf(t, r, f)) === "").join("、");
    out.push({
      b,
      row: r,
      problem,
      severity,
      deadline,
      owner: textAt(t, r, "责任人"),
      status,
      closed,
      state,
      days,
      missing,
    });
  }
  return out;
}
