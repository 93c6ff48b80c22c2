/** @jest-environment jsdom */
/**
 * The pane over the real Excel host over the recording fake: 建立模板 on an empty workbook,
 * then 检查 and 定级 on a filled one, as a clerk would click through them.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createExcelPort } from "../../src/host/excel";
import { App } from "../../src/taskpane/App";
import { installDomPolyfills } from "../fakes/dom";
import { FakeExcel } from "../fakes/excel-fake";
import { gridsWithProblems, validGrids } from "../fakes/sample-grids";

installDomPolyfills();

it("建立模板 creates the four input sheets in Excel and leaves the user's sheet alone", async () => {
  const fake = new FakeExcel(18);
  fake.addSheet("Sheet1", [["备注"]]);
  render(<App port={createExcelPort(fake.env())} />);
  fireEvent.click(await screen.findByRole("button", { name: "建立缺少的工作表" }));
  await screen.findByText(/已新建：设置、标准、组织、评分/);
  expect(fake.names()).toEqual(["Sheet1", "设置", "标准", "组织", "评分"]);
  expect(fake.grid("Sheet1")).toEqual([["备注"]]);
  expect(fake.sheet("评分").tables).toHaveLength(1);
});

it("检查 selects a problem's cell in Excel; 定级 writes 问题 for invalid inputs", async () => {
  const fake = new FakeExcel();
  for (const [name, grid] of Object.entries(gridsWithProblems())) fake.addSheet(name, grid);
  render(<App port={createExcelPort(fake.env())} initialStep="check" />);
  fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
  fireEvent.click(await screen.findByText(/超过满分 10/));
  await waitFor(() => expect(fake.selected).toBe("评分!B2"));
  fireEvent.click(screen.getByRole("tab", { name: "定级" }));
  fireEvent.click(screen.getByRole("button", { name: "开始定级" }));
  await screen.findByText(/已写入「问题」工作表/);
  expect(fake.grid("问题")[0]).toEqual(["工作表", "单元格", "问题"]);
  expect(fake.names()).not.toContain("结果");
});

it("定级 writes the output sheets with tier colors and a chart, and re-grading replaces them", async () => {
  const fake = new FakeExcel();
  for (const [name, grid] of Object.entries(validGrids())) fake.addSheet(name, grid);
  const port = createExcelPort(fake.env());
  render(<App port={port} initialStep="grade" />);
  fireEvent.click(screen.getByRole("button", { name: "开始定级" }));
  await screen.findByText("定级完成：共 8 个党组织。");
  expect(fake.names()).toEqual(["设置", "标准", "组织", "评分", "结果", "晋位升级", "汇总", "公示"]);
  expect(fake.grid("结果")).toHaveLength(9);
  expect(fake.sheet("结果").conditionalFormats.length).toBeGreaterThanOrEqual(3);
  expect(
    fake.sheet("晋位升级").conditionalFormats.map((c) => (c.rule as { formula1: string }).formula1),
  ).toEqual(['="达标"', '="未达标"']);
  expect(fake.sheet("汇总").charts.length).toBeGreaterThan(0);
  expect(fake.sheet("公示").pageLayout).toEqual({
    paperSize: "A4",
    orientation: "Portrait",
    printTitleRows: "$1:$1",
    zoom: { horizontalFitToPages: 1 },
  });
  expect(fake.settings.get("branchGrader.lastRun")).toContain('"branches":8');
  const inputs = JSON.stringify(["设置", "标准", "组织", "评分"].map((n) => fake.grid(n)));

  const before = fake.syncs;
  const sheetsBefore = ["结果", "晋位升级", "汇总", "公示"].map((n) => fake.sheet(n));
  const formats = fake.sheet("结果").conditionalFormats.length;
  fireEvent.click(screen.getByRole("button", { name: "开始定级" }));
  // Read (2), then write: names (1), the reused sheets' tables and charts (1), values and formats (1).
  await waitFor(() => expect(fake.syncs).toBe(before + 5));
  await screen.findByText("定级完成：共 8 个党组织。");
  expect(fake.names()).toEqual(["设置", "标准", "组织", "评分", "结果", "晋位升级", "汇总", "公示"]);
  // The same sheets, cleared and rewritten (references to them by name survive), nothing doubled.
  expect(["结果", "晋位升级", "汇总", "公示"].map((n) => fake.sheet(n))).toEqual(sheetsBefore);
  expect(fake.requests.slice(before).flatMap((r) => r.ops)).not.toContain("worksheet.delete");
  expect(fake.sheet("结果").tables).toHaveLength(1);
  expect(fake.sheet("结果").conditionalFormats).toHaveLength(formats);
  expect(fake.sheet("汇总").charts).toHaveLength(sheetsBefore[2].charts.length);
  expect(JSON.stringify(["设置", "标准", "组织", "评分"].map((n) => fake.grid(n)))).toBe(inputs);
});
