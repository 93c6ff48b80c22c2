import {
  applyMapping,
  inspectWorkbook,
  loadMapping,
  missingHeaders,
  type SheetState,
} from "../../src/host/inputs";
import { CONTRACT } from "../../src/engine";
import { MemoryPort } from "../fakes/memory-port";
import { validGrids } from "../fakes/sample-grids";

const branchesSpec = CONTRACT.sheets.find((s) => s.name === "组织")!;

describe("workbook view", () => {
  it("finds required headers by name, alias (any case) or the user's mapping", () => {
    expect(missingHeaders(branchesSpec, ["组织编码", "NAME", "上级党组织", "领域"], {})).toEqual([]);
    expect(missingHeaders(branchesSpec, ["组织编码", "支部全称", "上级党组织"], {})).toEqual([
      "组织名称",
      "领域",
    ]);
    expect(
      missingHeaders(branchesSpec, ["组织编码", "支部 全称", "上级党组织", "领域"], {
        组织: { 组织名称: "支部全称" },
      }),
    ).toEqual([]);
    // Office words (DOMAIN §7.1) need no mapping; names stand in for missing codes.
    expect(missingHeaders(branchesSpec, ["单位名称", "所属党委", "所属领域"], {})).toEqual([]);
  });

  it("renames only mapped header cells, only when the canonical header is absent", () => {
    const grid = [
      ["组织编码", "单位名称", "x"],
      ["A", "甲", 1],
    ];
    const states = [{ spec: branchesSpec, actual: "Branches", headers: [], missing: [] }] as SheetState[];
    const out = applyMapping({ Branches: grid }, states, {
      组织: { 组织名称: "单位名称", 领域: "没有这列" },
    });
    expect(out.Branches).toEqual([
      ["组织编码", "组织名称", "x"],
      ["A", "甲", 1],
    ]);
    expect(grid[0][1]).toBe("单位名称");
    const both = [["组织名称", "单位名称"]];
    expect(applyMapping({ Branches: both }, states, { 组织: { 组织名称: "单位名称" } }).Branches).toEqual(
      both,
    );
  });

  it("inspects with one list, one read of the top rows and one of 设置 and 标准", async () => {
    const port = new MemoryPort({ ...validGrids(), 整改台账: [] });
    const states = await inspectWorkbook(port, {});
    expect(port.calls.map((c) => c.method)).toEqual(["listSheets", "readSheets", "readSheets"]);
    expect(port.called("readSheets")[0].args).toEqual([["组织", "评分", "整改台账"], { rows: 10 }]);
    expect(port.called("readSheets")[1].args).toEqual([["设置", "标准"], undefined]);
    expect(states.map((s) => [s.spec.name, s.actual ?? null])).toEqual([
      ["设置", "设置"],
      ["标准", "标准"],
      ["组织", "组织"],
      ["评分", "评分"],
      ["整改台账", "整改台账"],
      ["党员", null],
      ["积分", null],
      ["会议记录", null],
    ]);
  });

  it("treats a foreign or broken mapping setting as none", async () => {
    const port = new MemoryPort();
    port.settings.set("branchGrader.columnMapping", "{not json");
    expect(await loadMapping(port)).toEqual({});
    port.settings.set("branchGrader.columnMapping", JSON.stringify({ 组织: { 组织名称: 3 } }));
    expect(await loadMapping(port)).toEqual({});
  });
});
