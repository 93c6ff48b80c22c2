/**
 * The file host's 设置 write (模拟 → 应用) and 定稿 (DJ.* formulas → cached values, 说明,
 * sheet protection), at the XML level and through XlsxWorkbook.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { OutputSheet } from "../../src/engine/types";
import { XlsxWorkbook } from "../../src/host/file";
import { protectSheetXml, stripDjFormulas } from "../../src/host/xlsx/finalize";
import { entryData } from "../../src/host/xlsx/entry-read";
import { readZip } from "../../src/host/xlsx/zip";
import { decodeUtf8 } from "../../src/host/xlsx/xml";

const SAMPLE = path.join(__dirname, "../../assets/示例.xlsx");

const layout = { freezeRows: 1, numberFormats: {}, tierColumns: [], statusColumns: [], widths: [] };

function parts(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(readZip(bytes).map((e) => [e.name, entryData(e)]));
}

describe("writeSettings (file)", () => {
  it("edits only the 值 cells of 设置 and appends new keys; every other part keeps its bytes", async () => {
    const before = readFileSync(SAMPLE);
    const wb = await XlsxWorkbook.open(before);
    const grid = (await wb.readSheets(["设置"]))["设置"];
    await wb.writeSettings([
      ["分数线", "85,70"],
      ["备注项", 3],
    ]);
    const saved = wb.save();
    const again = await XlsxWorkbook.open(saved);
    const after = await again.readSheets(["设置", "标准", "组织", "评分"]);
    const want = grid.map((r) => (r[0] === "分数线" ? ["分数线", "85,70"] : r));
    want.push(["备注项", 3]);
    expect(after["设置"]).toEqual(want);
    const a = parts(before);
    const b = parts(saved);
    const changed = [...a.keys()].filter(
      (k) => !b.has(k) || Buffer.compare(Buffer.from(a.get(k)!), Buffer.from(b.get(k)!)) !== 0,
    );
    expect(changed).toEqual(["xl/worksheets/sheet1.xml"]);
  });

  it("creates 设置 when the workbook has none", async () => {
    const wb = XlsxWorkbook.create();
    await wb.writeSheets([{ name: "组织", rows: [["组织编码"]], layout }]);
    await wb.writeSettings([["分数线", "85,70"]]);
    expect((await wb.readSheets(["设置"]))["设置"]).toEqual([
      ["项目", "值"],
      ["分数线", "85,70"],
    ]);
  });
});

describe("finalizeForSharing (file)", () => {
  const explanation: OutputSheet = {
    name: "说明",
    rows: [
      ["项目", "内容"],
      ["等次（从好到差）", "先进、一般、后进"],
    ],
    layout,
  };

  it("keeps the cached values of DJ.* cells, drops their formulas, keeps native ones, adds 说明, protects", async () => {
    const wb = XlsxWorkbook.create();
    await wb.writeSheets([
      {
        name: "我的表",
        rows: [
          ["得分", "等次", "合计"],
          [91, { formula: "_xldudf_DJ_TIER(A2)", value: "先进" }, { formula: "SUM(A2:A3)", value: 171 }],
          [80, { formula: "DJ.TIER(A3)", value: "一般" }, 1],
        ],
        layout,
      },
      { name: "结果", rows: [["组织编码"], ["A1"]], layout },
    ]);
    const report = await wb.finalizeForSharing({ explanation, protect: ["结果", "说明", "公示"] });
    expect(report).toEqual({ replaced: 2, sheets: ["我的表"], protected: ["结果", "说明"] });
    const again = await XlsxWorkbook.open(wb.save());
    const g = await again.readSheets(["我的表", "说明"]);
    expect(g["我的表"]).toEqual([
      ["得分", "等次", "合计"],
      [91, "先进", 171],
      [80, "一般", 1],
    ]);
    expect(g["说明"]).toEqual(explanation.rows);
    const xml = [...parts(again.save()).entries()]
      .filter(([k]) => k.startsWith("xl/worksheets/sheet"))
      .map(([, v]) => decodeUtf8(v));
    expect(xml.join("")).not.toMatch(/DJ/i);
    expect(xml.join("")).toContain("SUM(A2:A3)");
    expect(xml.filter((x) => x.includes("<sheetProtection"))).toHaveLength(2);
  });

  it("drops a DJ.* shared formula with its group, turns a text result into an inline string, removes cm", () => {
    const sheet =
      '<worksheet><sheetData><row r="1">' +
      '<c r="A1" cm="1" t="str"><f t="array" ref="A1:A2">_xldudf_DJ_TIERS(B1:B2)</f><v>先进</v></c>' +
      '<c r="B1"><f t="shared" ref="B1:B2" si="0">_xldudf_DJ_SCORE(C1)</f><v>90</v></c>' +
      '<c r="C1"><f>C2+1</f><v>3</v></c></row>' +
      '<row r="2"><c r="A2" t="str"><v>一般</v></c><c r="B2"><f t="shared" si="0"/><v>80</v></c></row>' +
      "</sheetData></worksheet>";
    const r = stripDjFormulas(sheet);
    expect(r.replaced).toBe(3);
    expect(r.xml).toBe(
      '<worksheet><sheetData><row r="1">' +
        '<c r="A1" t="inlineStr"><is><t>先进</t></is></c>' +
        '<c r="B1"><v>90</v></c>' +
        '<c r="C1"><f>C2+1</f><v>3</v></c></row>' +
        '<row r="2"><c r="A2" t="str"><v>一般</v></c><c r="B2"><v>80</v></c></row>' +
        "</sheetData></worksheet>",
    );
  });

  it("puts sheetProtection right after sheetData, once", () => {
    const xml = "<worksheet><sheetData/><pageMargins/></worksheet>";
    const once = protectSheetXml(xml);
    expect(once).toBe(
      '<worksheet><sheetData/><sheetProtection sheet="1" objects="1" scenarios="1"/><pageMargins/></worksheet>',
    );
    expect(protectSheetXml(once)).toBe(once);
  });
});
