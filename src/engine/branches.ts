/**
 * The 组织 sheet: one branch per row, validated, as dense arrays for the hot path.
 */
import { filled } from "./arrays";
import { isBlank, isWhole, labelOf, readNumber, readYesNo, showValue } from "./cells";
import { CodeIndex } from "./codeindex";
import { BRANCHES_SHEET, readTable, type Table } from "./contract";
import type { Problems } from "./problems";
import type { Settings } from "./settings";
import type { Grid, Scalar } from "./types";
import { msg } from "./messages";

export interface Branches {
  n: number;
  table: Table;
  /** Trimmed code text (the key). */
  codes: string[];
  /** Code as written (numbers stay numbers). */
  codeOut: Scalar[];
  names: Scalar[];
  parentLabels: string[];
  parentOf: number[];
  sectorLabels: string[];
  sectorOf: number[];
  previous: number[];
  demo: Uint8Array;
  direct: number[];
  row: number[];
  idIndex: CodeIndex;
}

function outValue(v: unknown): Scalar {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return v;
  return labelOf(v);
}

/** Read 组织. `sectorList` null means any 领域 is accepted. */
export function readBranches(
  grid: Grid,
  settings: Settings,
  sectorList: string[] | null,
  problems: Problems,
): Branches {
  const S = BRANCHES_SHEET.name;
  const t = readTable(BRANCHES_SHEET, grid, problems);
  const c = (h: string): number => t.cols.get(h) ?? -1;
  // The contract's 组织 headers, in their order: 组织编码, 组织名称, 上级党组织, 领域, 党员数,
  // 上期等次, 示范点, 直接定级.
  const [cId, cName, cParent, cSector, cMembers, cPrev, cDemo, cDirect] = BRANCHES_SHEET.headers.map((x) =>
    c(x.name),
  ) as [number, number, number, number, number, number, number, number];
  const cap = t.rows.length;
  const b: Branches = {
    n: 0,
    table: t,
    codes: [],
    codeOut: [],
    names: [],
    parentLabels: [],
    parentOf: filled(cap, 0),
    sectorLabels: [],
    sectorOf: filled(cap, 0),
    previous: filled(cap, -1),
    demo: new Uint8Array(cap),
    direct: filled(cap, -1),
    row: filled(cap, 0),
    idIndex: undefined as unknown as CodeIndex,
  };
  b.idIndex = new CodeIndex(b.codes, cap);
  if (cId < 0) return b;
  if (t.rows.length === 0) {
    problems.at(S, 1, cId, msg("branchesEmpty"));
    return b;
  }
  const parentIds = new Map<string, number>();
  const sectorIds = new Map<string, number>();
  const tiers = settings.tiers;
  const tierOf = (r: number, col: number, what: string): number => {
    const v = (t.grid[r] as unknown[])[col];
    // Text: trimmed once (isBlank(v) is exactly "trims to empty").
    const lab = typeof v === "string" ? v.trim() : null;
    if (lab === null ? isBlank(v) : lab === "") return -1;
    const i = tiers.indexOf(lab ?? labelOf(v));
    if (i < 0) problems.at(S, r, col, msg("tierUnknown", { header: what, value: showValue(v), tiers }));
    return i;
  };
  for (const r of t.rows) {
    const row = t.grid[r] as unknown[];
    const idv = row[cId];
    const code = typeof idv === "string" ? idv.trim() : labelOf(idv);
    if (code === "") {
      problems.at(S, r, cId, msg("branchIdBlank"));
      continue;
    }
    const prior = b.idIndex.add(code, b.n);
    if (prior >= 0) {
      problems.at(S, r, cId, msg("branchIdRepeated", { value: showValue(idv), row: b.row[prior]! + 1 }));
      continue;
    }
    const i = b.n++;
    b.row[i] = r;
    b.codes.push(code);
    // outValue of text is its trimmed form, which is `code` already.
    b.codeOut.push(typeof idv === "string" ? code : outValue(idv));
    const name = cName >= 0 ? row[cName] : "";
    const nameOut = outValue(name);
    // For text, isBlank(name) is exactly "trims to empty".
    if (cName >= 0 && (typeof name === "string" ? nameOut === "" : isBlank(name)))
      problems.at(S, r, cName, msg("branchNameBlank", { code }));
    b.names.push(nameOut);
    const parent = cParent >= 0 ? labelOf(row[cParent]) : "";
    if (cParent >= 0 && parent === "") problems.at(S, r, cParent, msg("branchParentBlank", { code }));
    let pid = parentIds.get(parent);
    if (pid === undefined) {
      parentIds.set(parent, (pid = parentIds.size));
      b.parentLabels.push(parent);
    }
    b.parentOf[i] = pid;
    const sector = cSector >= 0 ? labelOf(row[cSector]) : "";
    if (cSector >= 0 && sectorList) {
      if (sector === "") problems.at(S, r, cSector, msg("branchSectorBlank", { code, sectors: sectorList }));
      else if (!sectorList.includes(sector))
        problems.at(S, r, cSector, msg("branchSectorUnknown", { sector, sectors: sectorList }));
    }
    let sid = sectorIds.get(sector);
    if (sid === undefined) {
      sectorIds.set(sector, (sid = sectorIds.size));
      b.sectorLabels.push(sector);
    }
    b.sectorOf[i] = sid;
    if (cMembers >= 0) {
      const x = readNumber(row[cMembers]);
      if (x !== null && (Number.isNaN(x) || x < 0 || !isWhole(x))) {
        problems.at(S, r, cMembers, msg("memberCountInvalid", { value: showValue(row[cMembers]) }));
      }
    }
    if (cPrev >= 0) b.previous[i] = tierOf(r, cPrev, "上期等次");
    if (cDirect >= 0) b.direct[i] = tierOf(r, cDirect, "直接定级");
    if (cDemo >= 0) {
      const y = readYesNo(row[cDemo]);
      if (y === -2)
        problems.at(S, r, cDemo, msg("yesNoOrBlank", { header: "示范点", value: showValue(row[cDemo]) }));
      b.demo[i] = y === 1 ? 1 : 0;
    }
  }
  return b;
}
