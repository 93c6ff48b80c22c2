/**
 * The offline page dist/支部考评.html opened the way a clerk opens it from a USB stick: over
 * file://, no server. 使用示例 → 检查 → 定级 → 下载, the downloaded 结果 against the engine;
 * the page requests nothing but itself (no network, not even data: fetches), logs no error,
 * and its policy allows only its own inline script. Screenshots per step; size printed.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { gradeWorkbook, outputRows } from "../../src/engine";
import { XlsxWorkbook } from "../../src/host/file";
import { DIST, launch, openPage, ROOT, shoot } from "./harness";

const PAGE = path.join(DIST, "支部考评.html");
const INPUTS = ["设置", "标准", "组织", "评分"];

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(PAGE)) throw new Error(`${PAGE} is missing: run \`npm run build\` first (npm test does).`);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
}

describe("offline page (file://)", () => {
  it("is one self-contained file with a strict policy", () => {
    const html = readFileSync(PAGE, "utf8");
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).not.toContain("unsafe");
    // Nothing is loaded from anywhere: no src= or href= but data: URLs.
    const refs = [...html.matchAll(/\s(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(refs.filter((r) => !r.startsWith("data:"))).toEqual([]);
    const size = Buffer.byteLength(html);
    const gz = gzipSync(html, { level: 9 }).length;
    console.log(`支部考评.html: ${(size / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzipped`);
    expect(gz).toBeLessThan(400 * 1024);
  });

  it("grades the sample over file:// (检查 → 定级 → 下载) and requests nothing but itself", async () => {
    const url = pathToFileURL(PAGE).href;
    const rec = await openPage(browser);
    const { page } = rec;
    await page.goto(url);
    await page.getByRole("button", { name: "使用示例" }).waitFor();
    await shoot(page, "offline-01-open");

    await page.getByRole("button", { name: "使用示例" }).click();
    await page.getByText("当前工作簿：示例.xlsx", { exact: false }).waitFor();
    await page.getByText("必需的工作表都已具备", { exact: false }).waitFor();

    await tab(page, "检查");
    await page.getByRole("button", { name: "开始检查" }).click();
    await page.getByText("检查通过，没有发现问题。", { exact: false }).waitFor();
    await shoot(page, "offline-02-check");

    await tab(page, "定级");
    await page.getByRole("button", { name: "开始定级" }).click();
    await page.getByText("定级完成：共 300 个党组织。").waitFor();
    await shoot(page, "offline-03-grade");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("示例-已定级.xlsx");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "bg-offline-dl-")), download.suggestedFilename());
    await download.saveAs(file);
    await rec.context.close();

    const graded = await XlsxWorkbook.open(readFileSync(file));
    const sample = await XlsxWorkbook.open(readFileSync(path.join(ROOT, "assets", "示例.xlsx")));
    const want = gradeWorkbook(await sample.readSheets(INPUTS));
    if (!want.ok) throw new Error("the sample should grade");
    expect((await graded.readSheets(["结果"]))["结果"]).toEqual(outputRows(want.outputs, "结果"));

    // The page itself, and otherwise only data:/blob: URLs (the download is a blob:).
    expect(rec.requests.filter((u) => u !== url && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual(
      [],
    );
    expect(rec.requests.filter((u) => u.startsWith("data:"))).toEqual([]);
    expect(rec.errors).toEqual([]);
  });
});
