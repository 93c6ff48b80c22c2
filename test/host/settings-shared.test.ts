/**
 * Settings travel with the workbook and every door sees them: the column mapping saved by
 * the pane (in Excel's Workbook.settings, or the file host's settings sheet) is applied by
 * the command line too, so the add-in and the CLI grade the same workbook the same way.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { gradeBytes } from "../../src/cli/grade";
import { sampleSheets } from "../../src/cli/sample";
import { createExcelPort } from "../../src/host/excel";
import { XlsxWorkbook } from "../../src/host/file";
import { MAPPING_KEY } from "../../src/host/inputs";
import { ADDIN_ID, addinSettings } from "../../src/host/xlsx/webextension";
import { Package } from "../../src/host/xlsx/package";
import { FakeExcel } from "../fakes/excel-fake";
import { workbookFrom } from "../cli/helpers";

/** Adds a web-extension part as Excel writes Workbook.settings for an add-in. */
function withWebExtension(bytes: Uint8Array, id: string, props: Record<string, string>): Uint8Array {
  const files = unzipSync(bytes) as Zippable;
  const properties = Object.entries(props)
    .map(
      ([k, v]) =>
        `<we:property name="${k}" value="${JSON.stringify(v).replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"/>`,
    )
    .join("");
  files["xl/webextensions/webextension1.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{A1B2C3D4-0000-0000-0000-000000000001}"><we:reference id="${id}" version="0.1.0.0" store="\\\\server\\share" storeType="Filesystem"/><we:alternateReferences/><we:properties>${properties}</we:properties><we:bindings/><we:snapshot/></we:webextension>`,
  );
  return zipSync(files);
}

describe("settings shared by the hosts", () => {
  it("the add-in id in the file host is the manifest's <Id>", () => {
    const manifest = readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
    expect(/<Id>([^<]+)<\/Id>/.exec(manifest)?.[1]?.toLowerCase()).toBe(ADDIN_ID);
  });

  it("the file host reads what the add-in saved in Excel (Workbook.settings), for our add-in only", async () => {
    const base = await workbookFrom({ 组织: [["组织编码"]] });
    const ours = withWebExtension(base, `{${ADDIN_ID.toUpperCase()}}`, {
      [MAPPING_KEY]: '{"组织":{"组织名称":"单位名称"}}',
    });
    const fw = await XlsxWorkbook.open(ours);
    expect(await fw.getSetting(MAPPING_KEY)).toBe('{"组织":{"组织名称":"单位名称"}}');
    const foreign = withWebExtension(base, "{00000000-1111-2222-3333-444444444444}", { [MAPPING_KEY]: "{}" });
    expect(addinSettings(Package.read(foreign)).size).toBe(0);
    expect(await (await XlsxWorkbook.open(foreign)).getSetting(MAPPING_KEY)).toBeNull();
  });

  it("the settings sheet wins over Workbook.settings in the file host", async () => {
    const base = await workbookFrom({ 组织: [["组织编码"]] });
    const fw = await XlsxWorkbook.open(withWebExtension(base, ADDIN_ID, { k: "from-excel" }));
    await fw.setSetting("k", "from-file");
    expect(await (await XlsxWorkbook.open(fw.save())).getSetting("k")).toBe("from-file");
  });

  it("the Excel host falls back to the settings sheet the file host writes", async () => {
    const fake = new FakeExcel();
    fake.addSheet("组织");
    fake.addSheet("_branch_grader", [["k", "v"]]);
    const port = createExcelPort(fake.env());
    expect(await port.getSetting!("k")).toBe("v");
    await port.setSetting!("k", "w");
    expect(await port.getSetting!("k")).toBe("w");
    expect(await port.getSetting!("none")).toBeNull();
  });

  it("the command line applies the column mapping saved in the workbook", async () => {
    const s = sampleSheets({ branches: 12 });
    const branches = s.branches.map((row, i) =>
      i === 0 ? row.map((h) => (h === "组织名称" ? "支部全称" : h)) : row,
    );
    const sheets = { 设置: s.settings, 标准: s.rubric, 组织: branches, 评分: s.scores };
    const unmapped = await gradeBytes(await workbookFrom(sheets));
    expect(unmapped.ok).toBe(false);
    if (!unmapped.ok) expect(unmapped.problems.map((p) => p.message).join("\n")).toContain("组织名称");

    const fw = await XlsxWorkbook.open(await workbookFrom(sheets));
    await fw.setSetting(MAPPING_KEY, JSON.stringify({ 组织: { 组织名称: "支部全称" } }));
    const mapped = await gradeBytes(fw.save());
    expect(mapped.ok).toBe(true);
    const plain = await gradeBytes(await workbookFrom({ ...sheets, 组织: s.branches }));
    expect(plain.ok && mapped.ok && mapped.outputs[0].rows).toEqual(plain.ok && plain.outputs[0].rows);
  });
});
