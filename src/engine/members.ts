/**
 * Reading 党员 and 积分 (DOMAIN §5): each entry matched to exactly one member, dated entries
 * of the as-of year, exact values. Totals and verdicts are in points-rules.ts.
 */
import { isBlank, readNumber, readYesNo, showValue } from "./cells";
import { MEMBERS_SHEET, POINTS_SHEET, cellOf, readTable, type Table } from "./contract";
import { decOf, type Dec } from "./numbers";
import { branchAt, dayAt, textAt, yearStart, type RecordContext } from "./records-read";
import type { Grid } from "./types";
import { msg } from "./messages";

export interface Entry {
  day: number;
  value: Dec;
  veto: boolean;
}

export interface Member {
  b: number;
  /** 0-based row in 党员. */
  row: number;
  name: string;
  id: string;
  exempt: boolean;
  /** Entries of the as-of year, in sheet order. */
  entries: Entry[];
}

export function readMembers(grid: Grid, ctx: RecordContext): Member[] {
  const P = ctx.problems;
  const t = readTable(MEMBERS_SHEET, grid, P);
  const out: Member[] = [];
  if (!t.cols.has("组织编码") || !t.cols.has("姓名")) return out;
  const ids = new Map<string, number>();
  for (const r of t.rows) {
    const b = branchAt(t, r, ctx);
    const name = textAt(t, r, "姓名");
    if (name === "") P.at(t.sheet, r, t.cols.get("姓名")!, msg("memberNameBlank"));
    const id = textAt(t, r, "党员编号");
    const first = id === "" ? undefined : ids.get(id);
    if (first !== undefined)
      P.at(t.sheet, r, t.cols.get("党员编号")!, msg("memberIdRepeated", { id, row: first + 1 }));
    else if (id !== "") ids.set(id, r);
    const ev = cellOf(t, r, "免评");
    const y = readYesNo(ev);
    if (y === -2)
      P.at(t.sheet, r, t.cols.get("免评")!, msg("yesNoOrBlank", { header: "免评", value: showValue(ev) }));
    if (b >= 0 && name !== "" && first === undefined)
      out.push({ b, row: r, name, id, exempt: y === 1, entries: [] });
  }
  return out;
}

/** Attach the 积分 entries to their members; every unmatched or ambiguous entry is reported. */
export function readEntries(grid: Grid, members: Member[], ctx: RecordContext): void {
  const P = ctx.problems;
  const t: Table = readTable(POINTS_SHEET, grid, P);
  const S = t.sheet;
  if (!t.cols.has("日期") || !t.cols.has("分值")) return;
  if (!t.cols.has("党员编号") && !t.cols.has("姓名")) {
    P.at(S, 0, t.freeCol, msg("pointsMemberColumns"));
    return;
  }
  const byId = new Map<string, Member>();
  const byName = new Map<string, Member[]>();
  for (const m of members) {
    if (m.id !== "") byId.set(m.id, m);
    byName.set(m.name, [...(byName.get(m.name) ?? []), m]);
  }
  const y0 = yearStart(ctx);
  const y1 = y0 + (isLeap(ctx.year) ? 366 : 365);
  const col = (h: string): number => t.cols.get(h) ?? t.freeCol;
  for (const r of t.rows) {
    const id = textAt(t, r, "党员编号");
    const name = textAt(t, r, "姓名");
    const code = textAt(t, r, "组织编码");
    const b = code === "" ? -1 : branchAt(t, r, ctx);
    if (code !== "" && b < 0) continue;
    let m: Member | undefined;
    if (id !== "") {
      m = byId.get(id);
      const why = !m
        ? ([col("党员编号"), msg("memberIdUnknown", { id })] as const)
        : name !== "" && name !== m.name
          ? ([col("姓名"), msg("memberNameMismatch", { name, id, actual: m.name })] as const)
          : b >= 0 && b !== m.b
            ? ([col("组织编码"), msg("memberBranchMismatch", { code, id })] as const)
            : null;
      if (why || !m) {
        if (why) P.at(S, r, why[0], why[1]);
        continue;
      }
    } else if (name !== "") {
      const found = (byName.get(name) ?? []).filter((x) => b < 0 || x.b === b);
      if (found.length !== 1) {
        P.at(
          S,
          r,
          col("姓名"),
          msg(
            found.length === 0
              ? code
                ? "memberNotFoundIn"
                : "memberNotFound"
              : code
                ? "memberAmbiguousIn"
                : "memberAmbiguous",
            { name, code, count: found.length },
          ),
        );
        continue;
      }
      m = found[0]!;
    } else {
      P.at(S, r, col(t.cols.has("党员编号") ? "党员编号" : "姓名"), msg("memberUnnamed"));
      continue;
    }
    const day = dayAt(t, r, "日期", ctx, true);
    const pv = cellOf(t, r, "分值");
    const x = readNumber(pv);
    if (x === null || Number.isNaN(x))
      P.at(
        S,
        r,
        col("分值"),
        isBlank(pv) ? msg("pointsBlank") : msg("pointsNotNumber", { value: showValue(pv) }),
      );
    const vv = cellOf(t, r, "否决");
    const veto = readYesNo(vv);
    if (veto === -2) P.at(S, r, col("否决"), msg("yesNoOrBlank", { header: "否决", value: showValue(vv) }));
    if (day === null || Number.isNaN(day) || x === null || Number.isNaN(x) || veto === -2) continue;
    // Only the as-of year counts; later entries of that year count from their date on.
    if (day < y0 || day >= y1) continue;
    m.entries.push({ day, value: decOf(x), veto: veto === 1 });
  }
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
