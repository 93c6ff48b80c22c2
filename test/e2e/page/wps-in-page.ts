/**
 * Bundled into the browser page by wps.e2e.ts (esbuild, an IIFE): the same recording fake
 * of the ET object model that the unit tests use, put where a WPS 加载项 page finds WPS
 * (window.Application), loaded with the grids the test passed in window.__grids.
 */
import { FakeEt } from "../../fakes/wps-fake";

interface PageGlobals {
  __grids?: Record<string, unknown[][]>;
  __et?: FakeEt;
  __read?: (name: string) => unknown[][];
  Application?: unknown;
}

const w = window as unknown as PageGlobals;
const et = new FakeEt();
for (const [name, grid] of Object.entries(w.__grids ?? {})) et.addSheet(name, grid);
w.Application = et;
w.__et = et;
/** A sheet's cells as rows, blanks as "" (what the host wrote, as the test compares it). */
w.__read = (name) => {
  const cells = et.sheet(name).cells;
  const width = cells.reduce((m, r) => Math.max(m, r?.length ?? 0), 0);
  return cells.map((r) => Array.from({ length: width }, (_, c) => r?.[c] ?? ""));
};
