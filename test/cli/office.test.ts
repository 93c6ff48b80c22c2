/**
 * The command line (and the browser, which reads bytes through the same file host) grades
 * workbooks as offices keep them to the same outputs as their contract-form twins.
 */
import ExcelJS from "exceljs";
import { gradeBytes } from "../../src/cli/grade";
import { branches, oneScoreSheet, perGroupSheets, twin, GROUPS } from "../fakes/office-grids";
import { workbookFrom } from "./helpers";

const AS_OF = new Date(Date.UTC(2024, 11, 31));

async function outputs(sheets: Record<string, unknown[][]>) {
  const r = await gradeBytes(await workbookFrom(sheets), { asOf: AS_OF });
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 5)));
  return {
    rows: Object.fromEntries(r.outputs.filter((o) => o.name !== "提示").map((o) => [o.name, o.rows])),
    r,
  };
}

describe("office workbooks through the file host", () => {
  const bs = branches();

  it("sheets per 上级党组织 with title and two-row headers grade as the twin; the wrong 总分 rows are named", async () => {
    const office = await outputs(perGroupSheets(bs).sheets);
    const contract = await outputs(twin(bs));
    expect(office.rows).toEqual(contract.rows);
    expect(office.rows["结果"]!.length).toBe(13);
    const totals = office.r.ok ? office.r.notices.filter((n) => n.message.includes("总分")) : [];
    expect(totals.map((n) => `${n.sheet}!${n.cell}`).sort()).toEqual(
      [`${GROUPS[0]}!N6`, `${GROUPS[1]}!N8`, `${GROUPS[2]}!N5`].sort(),
    );
    expect(contract.r.ok && contract.r.notices).toEqual([]);
  });

  it("one 评分表 grades as the twin", async () => {
    expect((await outputs(oneScoreSheet(bs))).rows).toEqual((await outputs(twin(bs, true))).rows);
  });

  it("the same sheets saved with their merged cells (read from <mergeCells>) grade as the twin", async () => {
    const { sheets, merges } = perGroupSheets(bs);
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) {
      const ws = wb.addWorksheet(name);
      rows.forEach((r, i) =>
        r.forEach((v, c) => {
          if (v !== "" && v !== null && v !== undefined)
            ws.getCell(i + 1, c + 1).value = v as ExcelJS.CellValue;
        }),
      );
      for (const m of merges[name] ?? []) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    }
    const r = await gradeBytes(new Uint8Array(await wb.xlsx.writeBuffer()), { asOf: AS_OF });
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    const rows = Object.fromEntries(r.outputs.filter((o) => o.name !== "提示").map((o) => [o.name, o.rows]));
    expect(rows).toEqual((await outputs(twin(bs))).rows);
  });
});
