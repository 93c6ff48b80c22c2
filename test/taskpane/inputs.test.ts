/**
 * gradeInMemory (what 模拟 and 名额 start from) grades without output sheets: the same
 * summary, results and notices as the full grading of the same inputs, nothing written.
 */
import { gradeInputs, inspectWorkbook, readInputs } from "../../src/host/inputs";
import { gradeInMemory } from "../../src/taskpane/inputs";
import { MemoryPort } from "../fakes/memory-port";
import { scaleGrids, validGrids } from "../fakes/sample-grids";

const now = new Date(2026, 10, 30);

describe("gradeInMemory", () => {
  it.each([
    ["8 branches", validGrids()],
    ["300 branches in 6 groups", scaleGrids(300)],
  ])("builds no output sheet, and gives what the full grading gives (%s)", async (_, grids) => {
    const port = new MemoryPort(grids);
    const refresh = () => inspectWorkbook(port, {});
    const o = await gradeInMemory(port, {}, refresh, now);
    const full = gradeInputs(await readInputs(port, await refresh(), {}), { asOf: now });
    if (o.kind !== "ok" || !full.ok) throw new Error(`not graded: ${o.kind}`);
    expect(full.outputs.length).toBeGreaterThan(0);
    expect(o.result.outputs).toEqual([]);
    expect(o.result.summary).toEqual(full.summary);
    expect(o.result.results).toEqual(full.results);
    expect(o.result.notices).toEqual(full.notices);
    expect(port.written).toEqual([]);
  });
});
