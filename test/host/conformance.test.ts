/**
 * One port-conformance suite, three implementations: the Excel host (office-js, on the
 * recording Excel fake), the WPS host (ET object model, on the recording ET fake) and the
 * file host (.xlsx bytes). The same input grids go in; the same grids must come out, the
 * same outputs must be written, settings and the output-ownership record must behave alike.
 */
import { gradeWorkbook, problemsSheet, type OutputSheet } from "../../src/engine";
import { templateSheets } from "../../src/engine/template";
import { isFormulaCell, type Grid } from "../../src/engine/types";
import { createExcelPort } from "../../src/host/excel";
import { XlsxWorkbook } from "../../src/host/file";
import { formatOwned, OWNED_SHEETS_KEY, SheetOwnershipError } from "../../src/host/ownership";
import type { WorkbookPort } from "../../src/host/port";
import { createWpsPort } from "../../src/host/wps";
import { withSettings } from "../../src/taskpane/settings-grid";
import { workbookFrom } from "../cli/helpers";
import { FakeExcel } from "../fakes/excel-fake";
import { validGrids } from "../fakes/sample-grids";
import { FakeEt } from "../fakes/wps-fake";

const INPUTS = ["设置", "标准", "组织", "评分"];

interface Opened {
  port: WorkbookPort;
  /** "Sheet!A1" of the cell the host last selected ("" for none). */
  selected(): string;
}

interface Door {
  name: "excel" | "wps" | "file";
  open(sheets: Record<string, Grid>): Promise<Opened>;
}

const DOORS: Door[] = [
  {
    name: "excel",
    open: async (sheets) => {
      const fake = new FakeExcel();
      for (const [n, g] of Object.entries(sheets)) fake.addSheet(n, g);
      return { port: createExcelPort(fake.env()), selected: () => fake.selected };
    },
  },
  {
    name: "wps",
    open: async (sheets) => {
      const et = new FakeEt();
      for (const [n, g] of Object.entries(sheets)) et.addSheet(n, g);
      return { port: createWpsPort(et), selected: () => et.selected };
    },
  },
  {
    name: "file",
    open: async (sheets) => {
      const wb = await XlsxWorkbook.open(await workbookFrom(sheets));
      return {
        port: wb,
        selected: () => (wb.selected ? `${wb.selected.sheet}!${wb.selected.address}` : ""),
      };
    },
  },
];

function graded(grids: Record<string, Grid>): OutputSheet[] {
  const r = gradeWorkbook(grids);
  if (!r.ok) throw new Error("the grids should grade");
  return r.outputs;
}

/**
 * An output as read back: a formula cell reads as its formula text on the Excel and WPS
 * fakes (they do not calculate) and as its cached value from a file; either is the same cell.
 */
function sameCells(got: Grid, sheet: OutputSheet): boolean {
  if (got.length !== sheet.rows.length) return false;
  return sheet.rows.every((row, r) =>
    row.every((cell, c) => {
      const v = got[r]?.[c];
      if (isFormulaCell(cell)) return v === `=${cell.formula}` || v === cell.value;
      return v === (cell ?? "");
    }),
  );
}

describe.each(DOORS)("WorkbookPort conformance: $name host", (door) => {
  it("lists the sheets in workbook order and reads them as the grids that went in", async () => {
    const input = validGrids();
    const { port } = await door.open(input);
    expect(await port.listSheets()).toEqual(INPUTS);
    const grids = await port.readSheets([...INPUTS, "缺少"]);
    expect(Object.keys(grids).sort()).toEqual([...INPUTS].sort());
    for (const n of INPUTS) expect(grids[n]).toEqual(input[n]);
    expect((await port.readSheets(["组织"], { rows: 1 }))["组织"]).toEqual([input["组织"][0]]);
  });

  it("writes every output whole and reads back what the engine produced", async () => {
    const { port } = await door.open(validGrids());
    const outputs = graded(await port.readSheets(INPUTS));
    await port.writeSheets(outputs, undefined, { tiers: ["先进", "一般", "后进"] });
    const back = await port.readSheets(outputs.map((s) => s.name));
    for (const s of outputs)
      expect({ sheet: s.name, same: sameCells(back[s.name], s) }).toEqual({ sheet: s.name, same: true });
    // The inputs are untouched.
    expect(await port.readSheets(INPUTS)).toEqual(validGrids());
  });

  it("re-grading replaces an output whole (no stale rows) and removes a stale 问题 it wrote", async () => {
    const input = validGrids();
    const { port } = await door.open(input);
    await port.writeSheets([problemsSheet([{ sheet: "评分", cell: "B2", message: "超过满分" }])]);
    expect(await port.listSheets()).toContain("问题");
    await port.writeSheets(graded(input), undefined, { remove: ["问题"] });
    const fewer = { ...input, 组织: input["组织"].slice(0, 5), 评分: input["评分"].slice(0, 5) };
    await port.writeSheets(graded(fewer));
    expect(await port.listSheets()).not.toContain("问题");
    const result = (await port.readSheets(["结果"]))["结果"];
    expect(result).toHaveLength(5);
    expect(result.map((r) => r[0])).toEqual(["组织编码", "ZB001", "ZB002", "ZB003", "ZB004"]);
  });

  it("keeps settings in the workbook, also those stored with a write", async () => {
    const { port } = await door.open(validGrids());
    expect(await port.getSetting!("branchGrader.test")).toBeNull();
    await port.setSetting!("branchGrader.test", '{"a":"=1"}');
    await port.writeSheets(graded(validGrids()), undefined, { settings: { "branchGrader.other": "[2]" } });
    expect(await port.getSetting!("branchGrader.test")).toBe('{"a":"=1"}');
    expect(await port.getSetting!("branchGrader.other")).toBe("[2]");
    expect(await port.listSheets()).toEqual(expect.not.arrayContaining(["_branch_grader"]));
  });

  it("deletes the named output sheets that exist and ignores the others", async () => {
    const { port } = await door.open(validGrids());
    await port.writeSheets(graded(validGrids()));
    await port.deleteSheets(["公示", "不存在"]);
    const names = await port.listSheets();
    expect(names).not.toContain("公示");
    expect(names).toEqual(expect.arrayContaining([...INPUTS, "结果", "晋位升级", "汇总"]));
  });

  it("模拟 → 应用 sets 设置 rows in place and appends new keys, other cells kept", async () => {
    const input = validGrids();
    const { port } = await door.open(input);
    const rows: [string, string | number][] = [
      ["分数线", "92,75"],
      ["名额上限", "先进:25%"],
      ["加分总上限", 4],
    ];
    await port.writeSettings!(rows);
    expect((await port.readSheets(["设置"]))["设置"]).toEqual(withSettings(input["设置"], rows).grid);
  });

  it("creates the template's absent input sheets with their rows, and leaves present ones alone", async () => {
    const { port } = await door.open({ 组织: [["我的组织表"]] });
    const template = templateSheets();
    const created = await port.createTemplate!(template);
    expect(created).toEqual(template.map((t) => t.name).filter((n) => n !== "组织"));
    const grids = await port.readSheets(template.map((t) => t.name));
    expect(grids["组织"]).toEqual([["我的组织表"]]);
    for (const t of template.filter((x) => x.name !== "组织")) expect(grids[t.name]).toEqual(t.rows);
  });

  it("selects a problem's cell", async () => {
    const opened = await door.open(validGrids());
    await opened.port.selectCell("评分", "C3");
    expect(opened.selected()).toBe("评分!C3");
  });

  const clerk: Grid = [
    ["我的结果", "备注"],
    ["手工汇总", "勿删"],
  ];
  const refusesForeign =
    "refuses to replace the clerk's own 结果 (not on the record) and leaves it untouched";
  const refusesLegacy = "without a record, refuses a 结果 whose first row is not ours; replaces one that is";
  const keepsForeign = "never deletes a sheet it did not write";
  it(refusesForeign, async () => {
    const { port } = await door.open({ ...validGrids(), 结果: clerk });
    await port.setSetting!(OWNED_SHEETS_KEY, formatOwned(["问题"]));
    const outputs = graded(validGrids());
    const err = await port.writeSheets(outputs).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetOwnershipError);
    expect((err as SheetOwnershipError).sheets).toEqual(["结果"]);
    expect((await port.readSheets(["结果"]))["结果"]).toEqual(clerk);
    expect(await port.listSheets()).toEqual([...INPUTS, "结果"]);
  });
  it(refusesLegacy, async () => {
    const theirs = await door.open({ ...validGrids(), 结果: clerk });
    await expect(theirs.port.writeSheets(graded(validGrids()))).rejects.toBeInstanceOf(SheetOwnershipError);
    const outputs = graded(validGrids());
    const ours = await door.open({ ...validGrids(), 结果: [outputs[0].rows[0] as unknown[]] });
    await ours.port.writeSheets(outputs);
    expect(sameCells((await ours.port.readSheets(["结果"]))["结果"], outputs[0])).toBe(true);
    expect(JSON.parse((await ours.port.getSetting!(OWNED_SHEETS_KEY)) ?? "[]")).toEqual(
      expect.arrayContaining(outputs.map((s) => s.name)),
    );
  });
  it(keepsForeign, async () => {
    const { port } = await door.open({ ...validGrids(), 问题: clerk });
    await port.writeSheets(graded(validGrids()), undefined, { remove: ["问题"] });
    await port.deleteSheets(["问题"]);
    expect((await port.readSheets(["问题"]))["问题"]).toEqual(clerk);
  });
});

describe("the three hosts agree", () => {
  it("read identical grids and write identical outputs", async () => {
    const reads: Record<string, Grid>[] = [];
    const outs: Record<string, Grid>[] = [];
    for (const door of DOORS) {
      const { port } = await door.open(validGrids());
      const grids = await port.readSheets(INPUTS);
      reads.push(grids);
      const outputs = graded(grids);
      await port.writeSheets(outputs);
      // Formula cells compared by their place only (the fakes do not calculate).
      const back = await port.readSheets(outputs.map((s) => s.name));
      outs.push(
        Object.fromEntries(
          outputs.map((s) => [
            s.name,
            back[s.name].map((row, r) => row.map((v, c) => (isFormulaCell(s.rows[r]?.[c]) ? "ƒ" : v))),
          ]),
        ),
      );
    }
    expect(reads[1]).toEqual(reads[0]);
    expect(reads[2]).toEqual(reads[0]);
    expect(outs[1]).toEqual(outs[0]);
    expect(outs[2]).toEqual(outs[0]);
  });
});
