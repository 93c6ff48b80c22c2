/**
 * The zip-level host beyond grading: 建立模板 (dropdowns, header notes), settings that
 * travel with the file (a very hidden sheet, as the Excel host's fallback), an empty
 * workbook, and the calcChain that must go when sheets are replaced.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { templateSheets, TEMPLATE_VALIDATION_ROWS } from "../../src/engine/template";
import { SETTINGS_SHEET, XlsxWorkbook } from "../../src/host/file";
import { loadWorkbook } from "../cli/helpers";
import { minimalXlsx } from "../fixtures/xlsx/packages";

const SHEET = {
  name: "结果",
  rows: [["a"], [1]],
  layout: { freezeRows: 1, numberFormats: {}, tierColumns: [], statusColumns: [], widths: [] },
};

describe("createTemplate", () => {
  it("adds the input sheets with dropdowns, header notes, widths and a frozen header", async () => {
    const fw = XlsxWorkbook.create();
    const created = await fw.createTemplate(templateSheets());
    expect(created).toEqual(["设置", "标准", "组织", "评分"]);
    const bytes = fw.save();
    const wb = await loadWorkbook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["设置", "标准", "组织", "评分"]);
    const rubric = wb.getWorksheet("标准")!;
    expect(rubric.getCell("E2").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"评分,扣分,加分,达标,频次,否决,减分,排名,比例"'],
    });
    expect(rubric.getCell(`E${TEMPLATE_VALIDATION_ROWS + 1}`).dataValidation).toMatchObject({ type: "list" });
    expect(rubric.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(rubric.getColumn(4).width).toBe(templateSheets()[1].widths[3]);
    const org = wb.getWorksheet("组织")!;
    expect(org.getCell("G2").dataValidation).toMatchObject({ formulae: ['"是,否"'] });
    const note = org.getCell("A1").note as { texts: { text: string }[] } | string;
    const text = typeof note === "string" ? note : note.texts.map((t) => t.text).join("");
    expect(text).toBe(templateSheets()[2].notes[0].text);
    // Each sheet's notes have their own VML shape block.
    const vml = Object.entries(unzipSync(bytes)).filter(([n]) => n.endsWith(".vml"));
    const blocks = vml.map(([, b]) => /data="(\d+)"/.exec(strFromU8(b))![1]);
    expect(new Set(blocks).size).toBe(vml.length);
    // Our own reader reads the template back.
    const again = await XlsxWorkbook.open(bytes);
    expect((await again.readSheets(["组织"], { rows: 1 }))["组织"][0]).toEqual(templateSheets()[2].rows[0]);
  });

  it("never touches a sheet that exists; adds only the absent ones", async () => {
    const fw = await XlsxWorkbook.open(minimalXlsx({ 组织: `<row r="1"><c r="A1"><v>7</v></c></row>` }));
    expect(await fw.createTemplate(templateSheets())).toEqual(["设置", "标准", "评分"]);
    expect((await fw.readSheets(["组织"]))["组织"]).toEqual([[7]]);
    expect(await fw.createTemplate(templateSheets())).toEqual([]);
    expect(await fw.listSheets()).toEqual(["组织", "设置", "标准", "评分"]);
  });
});

describe("settings in the workbook", () => {
  it("stores key/value text in a very hidden sheet that listSheets leaves out", async () => {
    const fw = await XlsxWorkbook.open(minimalXlsx({ 组织: "" }));
    expect(await fw.getSetting("mapping")).toBeNull();
    await fw.setSetting("mapping", '{"组织编码":"编号"}');
    await fw.setSetting("formula", "=SUM(1)");
    await fw.setSetting("mapping", "[1,2]");
    const again = await XlsxWorkbook.open(fw.save());
    expect(await again.getSetting("mapping")).toBe("[1,2]");
    expect(await again.getSetting("formula")).toBe("=SUM(1)");
    expect(await again.listSheets()).toEqual(["组织"]);
    expect(strFromU8(unzipSync(again.save())["xl/workbook.xml"])).toMatch(
      new RegExp(`<sheet name="${SETTINGS_SHEET}"[^>]*state="veryHidden"`),
    );
    const wb = await loadWorkbook(again.save());
    expect(wb.getWorksheet(SETTINGS_SHEET)!.state).toBe("veryHidden");
  });

  it("writeSheets stores settings in the same pass", async () => {
    const fw = await XlsxWorkbook.open(minimalXlsx({ 组织: "" }));
    await fw.writeSheets([SHEET], undefined, { settings: { a: "1", b: "二" } });
    const again = await XlsxWorkbook.open(fw.save());
    expect(await again.getSetting("b")).toBe("二");
    expect(await again.listSheets()).toEqual(["组织", "结果"]);
  });
});

describe("an empty workbook and calcChain", () => {
  it("create() + writeSheets gives a workbook exceljs and our reader open", async () => {
    const fw = XlsxWorkbook.create();
    await fw.writeSheets([SHEET]);
    const wb = await loadWorkbook(fw.save());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["结果", "_branch_grader"]);
    expect(wb.getWorksheet("结果")!.getCell("A2").value).toBe(1);
  });

  it("drops calcChain.xml (part, relationship, content type) when a sheet is replaced", async () => {
    const files = unzipSync(
      minimalXlsx({
        组织: "",
        结果: `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>`,
        // The ownership record says the product wrote 结果.
        _branch_grader: `<row r="1"><c r="A1" t="inlineStr"><is><t>outputSheets</t></is></c><c r="B1" t="inlineStr"><is><t>["结果"]</t></is></c></row>`,
      }),
    );
    files["xl/calcChain.xml"] = strToU8(
      `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="2"/></calcChain>`,
    );
    const rel = `<Relationship Id="rId50" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>`;
    files["xl/_rels/workbook.xml.rels"] = strToU8(
      strFromU8(files["xl/_rels/workbook.xml.rels"]).replace("</Relationships>", `${rel}</Relationships>`),
    );
    const ct = `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>`;
    files["[Content_Types].xml"] = strToU8(
      strFromU8(files["[Content_Types].xml"]).replace("</Types>", `${ct}</Types>`),
    );
    const fw = await XlsxWorkbook.open(zipSync(files));
    await fw.writeSheets([SHEET]);
    const out = unzipSync(fw.save());
    expect(Object.keys(out)).not.toContain("xl/calcChain.xml");
    expect(strFromU8(out["xl/_rels/workbook.xml.rels"])).not.toContain("calcChain");
    expect(strFromU8(out["[Content_Types].xml"])).not.toContain("calcChain");
    expect((await loadWorkbook(fw.save())).worksheets.map((w) => w.name)).toEqual([
      "组织",
      "结果",
      "_branch_grader",
    ]);
  });
});
