/**
 * Output sheets are owned (DOMAIN §7): the workbook records, under one setting that every
 * host reads and writes (Excel, WPS, the .xlsx file host and so the CLI and the browser),
 * the names of the sheets the product wrote. A sheet that bears an output's name but is
 * not on that record (the clerk's own 结果 or 问题) is never replaced or deleted: the write
 * stops with one message naming it, before anything is written.
 *
 * Workbooks graded before the record existed carry no record at all; there an existing
 * sheet counts as ours when its first row is exactly the first row we are about to write
 * (our own header row), which a clerk's sheet of the same name practically never has.
 */
import { PROBLEMS_SHEET, problemsSheet, type Grid, type OutputSheet } from "../engine";

/** The workbook setting that lists the sheets the product wrote (JSON array of names). */
export const OWNED_SHEETS_KEY = "outputSheets";

/** Thrown by writeSheets when an output would replace or delete a sheet the product did not write. */
export class SheetOwnershipError extends Error {
  readonly sheets: string[];
  constructor(sheets: string[]) {
    const list = sheets.map((s) => `「${s}」`).join("、");
    const en = sheets.map((s) => `"${s}"`).join(", ");
    super(
      `工作簿中已有名为${list}的工作表，但它不是本工具生成的；为避免覆盖您的内容，本次没有写入任何内容。请把该工作表改名后再试。` +
        ` / The workbook already has a sheet named ${en} that this tool did not write; nothing was written. Rename that sheet and try again.`,
    );
    this.name = "SheetOwnershipError";
    this.sheets = sheets;
  }
}

/** The record as stored → the set of names; null when the workbook has no record yet. */
export function parseOwned(value: string | null | undefined): Set<string> | null {
  if (value === null || value === undefined || value === "") return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return new Set(parsed.filter((x): x is string => typeof x === "string"));
  } catch {
    // An unreadable record protects nothing: treat it as absent (header rows decide).
  }
  return null;
}

export function formatOwned(names: Iterable<string>): string {
  return JSON.stringify([...new Set(names)].sort());
}

/** What a host needs to know to decide ownership, read before anything is written. */
export interface OwnershipView {
  /** Every worksheet name in the workbook (hidden ones included). */
  existing: readonly string[];
  /** The stored record (null: none). */
  owned: Set<string> | null;
  /** First rows of the existing sheets among the targets (for workbooks without a record). */
  firstRows: Record<string, Grid>;
}

export interface OwnedWrite {
  /** The record to store with the write: the old record plus every sheet written. */
  record: string;
  /** The sheets of `remove` that exist and are ours (the others are left alone). */
  remove: string[];
}

function sameRow(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? "";
    const y = b[i] ?? "";
    const yv = typeof y === "object" && y !== null && "value" in y ? (y as { value: unknown }).value : y;
    if (String(x) !== String(yv ?? "")) return false;
  }
  return true;
}

/** Names among `targets` that exist and are not ours, i.e. would be lost by writing. */
function foreign(view: OwnershipView, targets: { name: string; firstRow?: readonly unknown[] }[]): string[] {
  const have = new Set(view.existing);
  return targets
    .filter((t) => have.has(t.name))
    .filter((t) => {
      if (view.owned) return !view.owned.has(t.name);
      return !sameRow(view.firstRows[t.name]?.[0], t.firstRow);
    })
    .map((t) => t.name);
}

/**
 * Decides a write: throws SheetOwnershipError naming every sheet that would be replaced
 * although the product did not write it; otherwise says which removals are allowed and
 * what record to store.
 */
export function planOwnedWrite(
  view: OwnershipView,
  sheets: readonly OutputSheet[],
  remove: readonly string[] = [],
  legacyRemoveRows: Record<string, readonly unknown[]> = LEGACY_REMOVE_ROWS,
): OwnedWrite {
  const blocked = foreign(
    view,
    sheets.map((s) => ({ name: s.name, firstRow: s.rows[0] })),
  );
  if (blocked.length > 0) throw new SheetOwnershipError(blocked);
  const written = new Set(sheets.map((s) => s.name));
  const removable = remove.filter(
    (n) =>
      !written.has(n) &&
      view.existing.includes(n) &&
      foreign(view, [{ name: n, firstRow: legacyRemoveRows[n] }]).length === 0,
  );
  const record = new Set(view.owned ?? []);
  for (const n of written) record.add(n);
  for (const n of removable) record.delete(n);
  return { record: formatOwned(record), remove: removable };
}

/** The first row of a stale output the product may delete in a workbook without a record. */
export const LEGACY_REMOVE_ROWS: Record<string, readonly unknown[]> = {
  [PROBLEMS_SHEET]: problemsSheet([]).rows[0] ?? [],
};

/** The first row the product would recognise as its own in sheet `name` (width to read). */
export function expectedFirstRow(name: string, sheets: readonly OutputSheet[]): readonly unknown[] {
  return sheets.find((s) => s.name === name)?.rows[0] ?? LEGACY_REMOVE_ROWS[name] ?? [];
}

/** Targets whose first row must be read to decide (only needed without a record). */
export function sheetsToProbe(
  existing: readonly string[],
  owned: Set<string> | null,
  names: readonly string[],
): string[] {
  if (owned) return [];
  const have = new Set(existing);
  return names.filter((n) => have.has(n));
}
