/**
 * The column choices the 开始 step offers (DOMAIN §7.1): every field of 组织 and 评分 with the
 * column the reader picked for it (by mapping or synonym), the header labels to choose from,
 * and the check that a column serves one field at most before a mapping is saved. Pure.
 */
import { BRANCHES_SHEET, SCORES_SHEET } from "../engine";
import type { ColumnMapping, Source } from "./layout";
import type { SheetState } from "./inputs";

export interface FieldGroup {
  /** The sheets whose header rows these are (an office table: every data sheet). */
  sheets: string[];
  /** 1-based header row of each sheet. */
  headerRows: number[];
  /** Header labels to choose from (criterion columns left out). */
  labels: string[];
  fields: { field: string; key: string; chosen: string; required: boolean }[];
}

const SCORE_FIELDS = ["自评得分", "测评满意度"];

function group(sources: Source[], fields: { field: string; key: string; required: boolean }[]): FieldGroup {
  const labels: string[] = [];
  for (const s of sources)
    s.header.labels.forEach((l, c) => {
      if (l !== "" && !s.criteria.some((x) => x.col === c) && !labels.includes(l)) labels.push(l);
    });
  return {
    sheets: sources.map((s) => s.sheet),
    headerRows: sources.map((s) => s.header.row + 1),
    labels,
    fields: fields.map((f) => {
      const s = sources.find((x) => x.fields.has(f.field));
      const c = s?.fields.get(f.field);
      return { ...f, chosen: s && c !== undefined ? (s.header.labels[c] ?? "") : "" };
    }),
  };
}

/** One group for an office table, or one per contract sheet (组织, 评分). */
export function fieldGroups(states: SheetState[]): FieldGroup[] {
  const layout = states.find((s) => s.layout)?.layout;
  if (!layout) return [];
  const org = BRANCHES_SHEET.headers.map((h) => ({
    field: h.name,
    key: BRANCHES_SHEET.name,
    required: h.required && h.name !== "组织编码" && h.name !== "领域",
  }));
  const score = SCORE_FIELDS.map((f) => ({ field: f, key: SCORES_SHEET.name, required: false }));
  if (layout.kind === "office") {
    if (layout.branches.length === 0) return [];
    // Without a 上级党组织 column each sheet's name is the group: not a missing column.
    const office = org.map((f) => (f.field === "上级党组织" ? { ...f, required: false } : f));
    return [group(layout.branches, [...office, ...score])];
  }
  const out: FieldGroup[] = [];
  if (layout.branches[0]) out.push(group([layout.branches[0]], org));
  if (layout.scores[0])
    out.push(
      group([layout.scores[0]], [{ field: "组织编码", key: SCORES_SHEET.name, required: false }, ...score]),
    );
  return out;
}

/**
 * The mapping for these picks (group index → field → label, "" = no column); an error text
 * naming the column and its fields when a column was picked for two fields.
 */
export function mappingFrom(
  groups: FieldGroup[],
  picks: Record<string, string>[],
  base: ColumnMapping,
): { mapping: ColumnMapping; clash: { column: string; fields: string[] } | null } {
  const mapping: ColumnMapping = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, { ...v }]));
  for (let g = 0; g < groups.length; g++) {
    const byLabel = new Map<string, string[]>();
    for (const f of groups[g]!.fields) {
      const pick = picks[g]?.[f.field];
      const label = pick ?? f.chosen;
      if (label !== "") byLabel.set(label, [...(byLabel.get(label) ?? []), f.field]);
      // Only the user's changes are saved; the reader finds the rest by itself each time.
      if (pick !== undefined && pick !== f.chosen) (mapping[f.key] ??= {})[f.field] = pick;
    }
    for (const [column, fields] of byLabel)
      if (fields.length > 1) return { mapping: base, clash: { column, fields } };
  }
  return { mapping, clash: null };
}
