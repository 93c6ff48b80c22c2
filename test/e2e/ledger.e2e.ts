/**
 * The 台账 step in a real Chromium on the built dist/: the sample (which carries 整改台账,
 * 党员, 积分 and 会议记录) is graded, the six record outputs appear among the sheets, and 台账
 * shows per 上级党组织 the 销号率 and 督办, the members in red and yellow, the branches behind
 * on 三会一课 — the engine's numbers; a row click shows its sheet. Screenshots ledger-0*.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { recordsOverview } from "../../src/engine";
import { XlsxWorkbook } from "../../src/host/file";
import { distInBrowser, foreignRequests, openPage, ROOT, shoot } from "./harness";

const SAMPLE = path.join(ROOT, "assets", "示例.xlsx");

const suite = distInBrowser();

it("grades the sample with its ledgers and shows them in 台账", async () => {
  const wb = await XlsxWorkbook.open(readFileSync(SAMPLE));
  const grids = await wb.readSheets(["设置", "组织", "整改台账", "党员", "积分", "会议记录"]);
  const expected = recordsOverview(grids);
  if (!expected.ok) throw new Error("the sample's records are invalid");
  const { ledger, points, meetings } = expected.overview;

  const rec = await openPage(suite.browser());
  const { page } = rec;
  await page.goto(`${suite.base()}taskpane.html`);
  await page.getByRole("button", { name: "使用示例" }).click();
  await page.getByText("当前工作簿：示例.xlsx", { exact: false }).waitFor();
  await page.getByRole("tab", { name: "定级", exact: true }).click();
  await page.getByRole("button", { name: "开始定级" }).click();
  await page.getByText("定级完成：共 300 个党组织。").waitFor();
  for (const name of ["整改明细", "整改汇总", "督办通知", "积分结果", "积分汇总", "三会一课"])
    await expect(page.getByRole("tab", { name, exact: true }).count()).resolves.toBe(1);

  await page.getByRole("tab", { name: "台账", exact: true }).click();
  const groups = page.getByRole("region", { name: "整改销号与督办（按上级党组织）" });
  await groups.waitFor();
  await page.getByText("统计日期：2024-12-31").waitFor();
  for (const g of ledger!) {
    const row = groups.locator("tr", { has: page.getByRole("button", { name: g.group, exact: true }) });
    const text = await row.innerText();
    expect(text).toContain(`${(g.rate * 100).toFixed(1)}%（${g.closed}/${g.total}）`);
    expect(text).toContain(g.letter || "无");
  }
  // Long lists show 10 rows and a 显示全部 link.
  const pointsRegion = page.getByRole("region", { name: "积分预警（按支部）" });
  await expect(pointsRegion.locator("tr").count()).resolves.toBe(Math.min(10, points!.length));
  const behind = page.getByRole("region", { name: "三会一课未达标的支部（达标期数/应开期数）" });
  await expect(behind.locator("tr").count()).resolves.toBe(Math.min(10, meetings!.length));
  const firstBehind = meetings![0]!;
  expect(await behind.locator("tr").first().innerText()).toContain(`${firstBehind.met}/${firstBehind.due}`);
  await shoot(page, "ledger-01");

  // A group with a 督办 selects its first overdue row in 整改台账 (the preview shows that sheet).
  const lagging = ledger!.find((g) => g.letter === "约谈单")!;
  await groups.getByRole("button", { name: lagging.group, exact: true }).click();
  await page.getByRole("tab", { name: "整改台账", selected: true }).waitFor();
  await shoot(page, "ledger-02-selected");
  await pointsRegion.getByRole("button", { name: `显示全部（${points!.length}）` }).click();
  await expect(pointsRegion.locator("tr").count()).resolves.toBe(points!.length);

  expect(foreignRequests(rec.requests, suite.base().replace(/\/$/, ""))).toEqual([]);
  await rec.context.close();
});
