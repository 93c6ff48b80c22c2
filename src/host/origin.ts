/**
 * Problems and notices name the cell the clerk typed: a cell of a built table (office.ts) is
 * mapped back to its sheet, row and column; a header problem to the header row actually used.
 */
import { addr, parseAddr, problemOf, type Problem } from "../engine";
import type { Origin, Part } from "./office";

function partAt(parts: Part[], r: number): Part | undefined {
  if (r === 0) return parts[0];
  return parts.find((p) => r >= p.start && r < p.start + p.count) ?? parts[parts.length - 1];
}

/** One problem, mapped back (as it is when its sheet was read as it is). */
export function remapProblem(p: Problem, origin: Origin): Problem {
  const parts = origin[p.sheet];
  if (!parts || parts.length === 0 || !/^[A-Z]+\d+$/.test(p.cell)) return p;
  const { r, c } = parseAddr(p.cell);
  const part = partAt(parts, r);
  if (!part) return p;
  const row = r === 0 || r < part.start ? part.headerRow : part.srcStart + (r - part.start);
  const mapped = part.cols[c];
  const col = mapped === undefined ? part.free : mapped >= 0 ? mapped : part.anchor;
  const cell = addr(row, col);
  // The engine speaks of row 1 for the header row: say the row it really is.
  if (r === 0 && p.id !== undefined && p.params?.row === 1)
    return problemOf(part.sheet, cell, { id: p.id, params: { ...p.params, row: part.headerRow + 1 } });
  const message = r === 0 ? p.message.replace("第 1 行", `第 ${part.headerRow + 1} 行`) : p.message;
  return { ...p, sheet: part.sheet, cell, message };
}

/** Map a list back, dropping exact repeats (one table read as both 组织 and 评分). */
export function remapProblems(list: Problem[], origin: Origin): Problem[] {
  if (Object.keys(origin).length === 0) return list;
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const p of list) {
    const q = remapProblem(p, origin);
    const key = `${q.sheet}\u0000${q.cell}\u0000${q.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(q);
  }
  return out;
}
