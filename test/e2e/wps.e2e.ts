/**
 * The WPS build's task pane (dist-wps/branch-grader/taskpane.html, `npm run build:wps`) in
 * Chromium, with the recording ET fake standing in for WPS 表格 in the page (this is not
 * WPS: it shows that the pane finds the ET application, picks the WPS port and grades
 * through it). Opened at the step a ribbon button asks for (?step=check): 检查 → 定级, and
 * 结果 as written into the fake equals the engine's. Screenshots per step.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { buildSync } from "esbuild";
import type { Browser } from "playwright-core";
import { gradeWorkbook, outputRows } from "../../src/engine";
import { XlsxWorkbook } from "../../src/host/file";
import { foreignRequests, launch, openPage, ROOT, serve, shoot } from "./harness";

const ADDIN = path.join(ROOT, "dist-wps", "branch-grader");
const INPUTS = ["设置", "标准", "组织", "评分"];

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(path.join(ADDIN, "taskpane.html")))
    throw new Error(`${ADDIN}/taskpane.html is missing: run \`npm run build:wps\` first (npm test does).`);
  ({ server, url: base } = await serve(ADDIN));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

function inPageFake(): string {
  const out = buildSync({
    entryPoints: [path.join(__dirname, "page", "wps-in-page.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
  });
  return out.outputFiles[0].text;
}

describe("WPS task pane (simulated ET in the page)", () => {
  it("opens at the ribbon's step, checks and grades through the WPS port", async () => {
    const sample = await XlsxWorkbook.open(readFileSync(path.join(ROOT, "assets", "示例.xlsx")));
    const grids = await sample.readSheets(INPUTS);
    const rec = await openPage(browser);
    const { page } = rec;
    await page.addInitScript(`window.__grids = ${JSON.stringify(grids)};\n${inPageFake()}`);
    await page.goto(`${base}taskpane.html?step=check`);

    await page.getByRole("tab", { name: "检查", selected: true }).waitFor();
    await page.getByRole("button", { name: "开始检查" }).click();
    await page.getByText("检查通过，没有发现问题。", { exact: false }).waitFor();
    await shoot(page, "wps-01-check");

    await page.getByRole("tab", { name: "定级", exact: true }).click();
    await page.getByRole("button", { name: "开始定级" }).click();
    await page.getByText("定级完成：共 300 个党组织。").waitFor();
    await shoot(page, "wps-02-grade");

    const written = await page.evaluate(() => {
      const w = window as unknown as {
        __read: (n: string) => unknown[][];
        __et: { names(): string[]; ScreenUpdating: boolean; Calculation: number };
      };
      return {
        result: w.__read("结果"),
        names: w.__et.names(),
        state: [w.__et.ScreenUpdating, w.__et.Calculation],
      };
    });
    const want = gradeWorkbook(grids);
    if (!want.ok) throw new Error("the sample should grade");
    expect(written.result).toEqual(outputRows(want.outputs, "结果"));
    expect(written.names).toEqual([...INPUTS, "结果", "晋位升级", "汇总", "公示", "_branch_grader"]);
    expect(written.state).toEqual([true, -4105]);
    await rec.context.close();
    expect(foreignRequests(rec.requests, base.replace(/\/$/, ""))).toEqual([]);
    expect(rec.errors).toEqual([]);
  });
});
