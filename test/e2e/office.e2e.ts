/**
 * A workbook as offices keep it (DOMAIN §7.1) in the browser mode, in a real Chromium:
 * merged title rows, two-row headers with merged cells, one sheet per 上级党组织, no codes, no
 * 标准, a typed 总分 with three wrong rows, numbers formatted 0.00 and 0.0%. 开始 recognises
 * it → 检查 names the three 总分 cells → 定级 writes 结果 equal to the contract twin's.
 * 下载 stays disabled until something was written. Screenshots per step.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gradeWorkbook, outputRows } from "../../src/engine";
import { XlsxWorkbook } from "../../src/host/file";
import { branches, perGroupSheets, twin, GROUPS } from "../fakes/office-grids";
import { distInBrowser, openPage, shoot } from "./harness";

const suite = distInBrowser();

const AS_OF = "2024-12-31";
const bs = branches();

/** The office workbook as Excel would save it: merges and number formats included. */
async function officeFile(): Promise<string> {
  const { sheets, merges } = perGroupSheets(bs);
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    const settings = name === "设置" ? [...rows, ["统计日期", AS_OF]] : rows;
    settings.forEach((r, i) =>
      r.forEach((v, c) => {
        if (v === "" || v === null || v === undefined) return;
        const cell = ws.getCell(i + 1, c + 1);
        cell.value = v as ExcelJS.CellValue;
        if (name !== "设置" && i >= 4 && c >= 5 && c <= 10) cell.numFmt = "0.00";
        if (name !== "设置" && i >= 4 && c === 12) cell.numFmt = "0.0%";
      }),
    );
    for (const m of merges[name] ?? []) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), "bg-e2e-office-")), "2024年度考评.xlsx");
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

describe("an office workbook in the browser mode", () => {
  it("is recognised in 开始, checked and graded like its contract twin", async () => {
    const file = await officeFile();
    const rec = await openPage(suite.browser());
    const { page } = rec;
    await page.goto(`${suite.base()}taskpane.html`);
    await page.getByTestId("file-input").setInputFiles(file);
    const summary = page.getByTestId("found-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toBe(
      `找到 3 张评分表（${GROUPS.join("、")}），共 12 个党支部；指标 6 项，满分合计 100；未找到领域、直接定级`,
    );
    await page.getByText("必需的工作表都已具备，可以进入“检查”。").waitFor();
    expect(await page.getByRole("combobox", { name: "组织.组织名称" }).innerText()).toContain("党支部名称");
    expect(await page.getByRole("button", { name: "下载" }).isDisabled()).toBe(true);
    // The preview shows numbers as formatted: 组织生活 of the first branch, 群众满意度 as a percent.
    const first = bs[0]!;
    await page.getByRole("tab", { name: GROUPS[0], exact: true }).click();
    const cell = (a: string) => page.locator(`[data-testid="preview-grid"] td[data-cell="${a}"]`);
    await cell("H5").waitFor();
    expect(await cell("H5").innerText()).toBe(first.scores[2]!.toFixed(2));
    expect(await cell("M5").innerText()).toBe(`${(first.survey * 100).toFixed(1)}%`);
    await shoot(page, "office-01-start");

    await page.getByRole("tab", { name: "检查", exact: true }).click();
    await page.getByRole("button", { name: "开始检查" }).click();
    await page.getByText("检查通过，没有发现问题。可以进入“定级”。").waitFor();
    expect(await page.getByText(/「总分（100分）」填的是/).count()).toBe(3);
    await shoot(page, "office-02-check");

    await page.getByRole("tab", { name: "定级", exact: true }).click();
    await page.getByRole("button", { name: "开始定级" }).click();
    await page.getByText("定级完成：共 12 个党组织。").waitFor();
    expect(await page.getByRole("button", { name: "下载" }).isDisabled()).toBe(false);
    await shoot(page, "office-03-grade");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载" }).click(),
    ]);
    const out = path.join(mkdtempSync(path.join(tmpdir(), "bg-e2e-office-dl-")), "out.xlsx");
    await download.saveAs(out);
    const graded = await XlsxWorkbook.open(new Uint8Array(readFileSync(out)));
    const got = await graded.readSheets(["结果", "提示"]);
    const want = gradeWorkbook({ ...twin(bs), 设置: [...twin(bs)["设置"]!, ["统计日期", AS_OF]] }, {});
    if (!want.ok) throw new Error("the twin should grade");
    expect(got["结果"]).toEqual(outputRows(want.outputs, "结果"));
    expect(
      got["提示"]!.filter((r) => String(r[2]).includes("总分（100分）")).map((r) => `${r[0]}!${r[1]}`),
    ).toEqual(expect.arrayContaining([`${GROUPS[0]}!N6`, `${GROUPS[1]}!N8`, `${GROUPS[2]}!N5`]));
    await rec.context.close();
  });
});
