/**
 * The task pane's browser mode in a real Chromium, on the built dist/ served on localhost:
 * open the sample → 检查 → 定级 → 模拟 → 名额 → 定稿 → 下载, then the downloaded file's 结果
 * against the engine; and a broken workbook's problem list with the preview's highlight.
 * Every request stays on the page's origin; no console errors; screenshots per step.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { gradeWorkbook, outputRows } from "../../src/engine";
import type { Grid } from "../../src/engine/types";
import { XlsxWorkbook } from "../../src/host/file";
import { distInBrowser, foreignRequests, openPage, ROOT, shoot, type Recorded } from "./harness";

const SAMPLE = path.join(ROOT, "assets", "示例.xlsx");
// The sample's input sheets, its records (整改台账, 党员, 积分, 会议记录) included: the pane reads them all.
const INPUTS = ["设置", "标准", "组织", "评分", "整改台账", "党员", "积分", "会议记录"];

const suite = distInBrowser();

const origin = () => suite.base().replace(/\/$/, "");

/**
 * office.js, loaded outside Office, tries a few seconds after load to frame Microsoft's
 * telemetry service. The page's Content Security Policy (frame-src 'none') blocks it, so no
 * request is made (the request log proves it); Chromium reports the blocked attempt as a
 * console error. That exact message, and only it, is expected.
 */
const OFFICE_TELEMETRY_BLOCKED =
  "Framing 'https://telemetryservice.firstpartyapps.oaspapps.com/' violates the following Content Security Policy directive: \"frame-src 'none'\". The request has been blocked.\n";

/** After each page: nothing went anywhere but this origin, and nothing logged an error. */
function expectClean(rec: Recorded): void {
  expect(foreignRequests(rec.requests, origin())).toEqual([]);
  expect(rec.errors.filter((e) => e !== OFFICE_TELEMETRY_BLOCKED)).toEqual([]);
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
}

async function sampleGrids(): Promise<Record<string, Grid>> {
  const wb = await XlsxWorkbook.open(readFileSync(SAMPLE));
  return wb.readSheets(INPUTS);
}

async function tierCount(page: Page, tier: string, col: number): Promise<number> {
  const text = await page.getByTestId(`sim-${tier}`).locator("td").nth(col).innerText();
  return Number(/^\d+/.exec(text.trim())?.[0]);
}

describe("browser mode", () => {
  it("grades the sample, simulates, allocates, finalizes and downloads the graded workbook", async () => {
    const rec = await openPage(suite.browser());
    const { page } = rec;
    await page.goto(`${suite.base()}taskpane.html`);
    await page.getByRole("button", { name: "使用示例" }).waitFor();
    const firstRender = await page.evaluate(() => window.__paneFirstRender ?? -1);
    expect(firstRender).toBeGreaterThan(0);
    console.log(`first render: ${firstRender.toFixed(0)} ms after navigation start`);
    await shoot(page, "01-open");

    await page.getByRole("button", { name: "使用示例" }).click();
    await page.getByText("当前工作簿：示例.xlsx", { exact: false }).waitFor();
    await page.getByText("必需的工作表都已具备", { exact: false }).waitFor();
    await page.getByTestId("preview-grid").locator("td", { hasText: "先进,一般,后进" }).waitFor();
    await shoot(page, "02-start");

    await tab(page, "检查");
    await page.getByRole("button", { name: "开始检查" }).click();
    await page.getByText("检查通过，没有发现问题。", { exact: false }).waitFor();
    await shoot(page, "03-check");

    await tab(page, "定级");
    await page.getByRole("button", { name: "开始定级" }).click();
    await page.getByText("定级完成：共 300 个党组织。").waitFor();
    await expect(page.getByRole("tab", { name: "结果", exact: true }).count()).resolves.toBe(1);
    await shoot(page, "04-grade");

    await tab(page, "模拟");
    const cutoff = page.getByLabel("先进 分数线");
    await cutoff.waitFor();
    expect(await cutoff.inputValue()).toBe("90");
    await page.getByTestId("sim-先进").waitFor();
    const before = await tierCount(page, "先进", 0);
    expect(before).toBe(await tierCount(page, "先进", 1));
    // The sample caps 先进 at 30% per group, so raise the bar: fewer 先进, each moving to 一般.
    await cutoff.fill("95");
    await page.getByTestId("sim-changes").waitFor();
    const after = await tierCount(page, "先进", 1);
    expect(after).toBeLessThan(before);
    const rows = await page.getByTestId("sim-changes").locator("tbody tr").count();
    expect(rows).toBe(before - after);
    await expect(page.getByText(`等次会变化的组织（${before - after} 个）`).count()).resolves.toBe(1);
    await shoot(page, "05-simulate");
    await cutoff.fill("90"); // leave the settings as they are: nothing was applied

    await tab(page, "名额");
    await page.getByLabel("总名额").fill("24");
    await page.getByTestId("quota-sum").filter({ hasText: "24" }).waitFor();
    const first = page.getByLabel(/调整后名额$/).first();
    await first.fill(String(Number(await first.inputValue()) + 1));
    await page.getByText("调整后合计 25 与总名额 24 不一致。").waitFor();
    await shoot(page, "06-quota");
    await first.fill(String(Number(await first.inputValue()) - 1));
    await page.getByRole("button", { name: "写入名额分配表" }).click();
    await page.getByText("已写入“名额分配”工作表。").waitFor();

    await tab(page, "定稿");
    await page.getByRole("button", { name: "定稿", exact: true }).click();
    await page.getByText("定稿完成", { exact: false }).waitFor();
    await shoot(page, "07-share");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("示例-已定级.xlsx");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "bg-e2e-dl-")), download.suggestedFilename());
    await download.saveAs(file);

    const graded = await XlsxWorkbook.open(readFileSync(file));
    const sheets = await graded.listSheets();
    expect(sheets).toEqual(
      expect.arrayContaining([...INPUTS, "结果", "晋位升级", "汇总", "公示", "名额分配", "说明"]),
    );
    const got = await graded.readSheets(["结果", "名额分配", ...INPUTS]);
    const want = gradeWorkbook(await sampleGrids());
    if (!want.ok) throw new Error("the sample should grade");
    expect(got["结果"]).toEqual(outputRows(want.outputs, "结果"));
    // The inputs came back as they went in (模拟 was not applied).
    const original = await sampleGrids();
    for (const n of INPUTS) expect(got[n]).toEqual(original[n]);
    const quota = got["名额分配"];
    expect(quota[0]).toEqual(["上级党组织", "基数", "计算名额", "调整后名额"]);
    expect(quota[quota.length - 1]).toEqual(["合计", 90, 24, 24]);
    await rec.context.close();
    expectClean(rec);
  });

  it("lists the problems of a broken workbook and highlights a problem's cell in the preview", async () => {
    const wb = await XlsxWorkbook.open(readFileSync(SAMPLE));
    const g = await wb.readSheets(["组织", "评分"]);
    const branches = g["组织"].map((r) => [...r]);
    const scores = g["评分"].map((r) => [...r]);
    branches[3][0] = branches[2][0]; // a duplicate 组织编码 (组织!A4)
    scores[5][1] = ""; // a blank required score (评分!B6, A01 is 评分-kind)
    const plain = (name: string, rows: unknown[][]) => ({
      name,
      rows: rows as (string | number | boolean | null)[][],
      layout: { freezeRows: 1, numberFormats: {}, tierColumns: [], statusColumns: [], widths: [] },
    });
    await wb.writeSheets([plain("组织", branches), plain("评分", scores)]);
    const brokenFile = path.join(mkdtempSync(path.join(tmpdir(), "bg-e2e-in-")), "有问题.xlsx");
    writeFileSync(brokenFile, wb.save());
    const expected = gradeWorkbook({ ...(await sampleGrids()), 组织: branches, 评分: scores });
    if (expected.ok) throw new Error("the broken copy should have problems");
    const cells = expected.problems.map((p) => `${p.sheet}!${p.cell}`);
    expect(cells).toEqual(expect.arrayContaining(["组织!A4", "评分!B6"]));

    const rec = await openPage(suite.browser());
    const { page } = rec;
    await page.goto(`${suite.base()}taskpane.html`);
    await page.getByTestId("file-input").setInputFiles(brokenFile);
    await page.getByText("当前工作簿：有问题.xlsx", { exact: false }).waitFor();
    await tab(page, "检查");
    await page.getByRole("button", { name: "开始检查" }).click();
    await page.getByText(`发现 ${expected.problems.length} 个问题`, { exact: false }).waitFor();
    for (const p of expected.problems) {
      await expect(page.getByRole("button", { name: `${p.cell}：${p.message}` }).count()).resolves.toBe(1);
    }
    await shoot(page, "08-problems");

    const target = expected.problems.find((p) => p.sheet === "评分" && p.cell === "B6")!;
    await page.getByRole("button", { name: `${target.cell}：${target.message}` }).click();
    const hit = page.locator('[data-testid="preview-grid"] td[data-selected="true"]');
    await hit.waitFor();
    expect(await hit.getAttribute("data-cell")).toBe("B6");
    await expect(page.getByRole("tab", { name: "评分", selected: true }).count()).resolves.toBe(1);
    await shoot(page, "09-problem-cell");
    await rec.context.close();
    expectClean(rec);
  });
});
