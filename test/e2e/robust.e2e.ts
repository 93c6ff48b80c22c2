/**
 * The browser mode reads files with the same code as the command line, so the same limits
 * hold in a tab (DOMAIN §8): a zip bomb is refused as damaged and a value at XFD1048576
 * costs nothing; the tab stays alive and goes on to grade the sample.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, strToU8 } from "fflate";
import { bomb, parts, zip, BRANCHES } from "../robust/corpus";
import { distInBrowser, openPage, shoot } from "./harness";

const suite = distInBrowser();

function saved(name: string, bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "bg-e2e-robust-")), name);
  writeFileSync(file, bytes);
  return file;
}

describe("browser mode and hostile files", () => {
  it("refuses a zip bomb as damaged, survives a far cell, and still grades the sample", async () => {
    const { page } = await openPage(suite.browser());
    await page.goto(`${suite.base()}taskpane.html`);

    await page.getByTestId("file-input").setInputFiles(saved("炸弹.xlsx", bomb(80)));
    await page.getByText("已损坏", { exact: false }).first().waitFor();
    await shoot(page, "10-bomb-refused");

    const files = parts();
    const far = `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>远</t></is></c></row></sheetData>`;
    files[BRANCHES] = strToU8(strFromU8(files[BRANCHES]).replace("</sheetData>", far));
    await page.getByTestId("file-input").setInputFiles(saved("远处.xlsx", zip(files)));
    await page.getByText("当前工作簿：远处.xlsx", { exact: false }).waitFor();
    await page.getByRole("tab", { name: "检查", exact: true }).click();
    await page.getByRole("button", { name: "开始检查" }).click();
    // The far row has no 组织编码: named as a problem, not a crashed tab.
    await page.getByText("A1048576", { exact: false }).first().waitFor();

    await page.getByRole("button", { name: "使用示例" }).click();
    await page.getByText("当前工作簿：示例.xlsx", { exact: false }).waitFor();
    await page.getByRole("tab", { name: "定级", exact: true }).click();
    await page.getByRole("button", { name: "开始定级" }).click();
    await page.getByText("定级完成：共 300 个党组织。").waitFor();
  });
});
