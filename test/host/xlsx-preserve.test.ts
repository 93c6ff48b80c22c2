/**
 * Grading keeps the user's workbook: every zip entry but workbook.xml, its rels,
 * [Content_Types].xml and styles.xml (and a dropped calcChain.xml) is byte-identical, and
 * those four still hold every element they had. The input has a chart, an image, a note,
 * a dropdown, a conditional format, merges, formulas, styles, a frozen pane, a defined
 * name, a hidden sheet and a custom XML part; a second input is the same workbook saved
 * by LibreOffice (another producer's dialect).
 */
import { DOMParser } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gradeBytes } from "../../src/cli/grade";
import { loadWorkbook, tempDir } from "../cli/helpers";
import { convert, findSoffice } from "../cli/soffice";
import { richWorkbook } from "../fixtures/xlsx/packages";

jest.setTimeout(120_000);

const EDITED = new Set([
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
]);
/** Attributes our edits may change: counts in styles.xml, the active tab. */
const VOLATILE = new Set(["count", "activeTab"]);

interface El {
  path: string;
  attrs: Record<string, string>;
  text: string;
}

/** Every element of an XML part: its path of names, attributes and own text. */
function elements(xml: string): El[] {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const out: El[] = [];
  const walk = (node: Element, path: string) => {
    const attrs: Record<string, string> = {};
    for (let i = 0; i < node.attributes.length; i++) {
      const a = node.attributes.item(i)!;
      if (!VOLATILE.has(a.name)) attrs[a.name] = a.value;
    }
    let text = "";
    for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) text += c.nodeValue ?? "";
    const p = `${path}/${node.nodeName}`;
    // Indentation between elements is not content.
    out.push({ path: p, attrs, text: text.trim() === "" ? "" : text });
    for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) walk(c as Element, p);
  };
  walk(doc.documentElement as unknown as Element, "");
  return out;
}

/** Elements of `before` with no element in `after` of the same path, text and (a superset of) attributes. */
function missing(before: string, after: string): El[] {
  const pool = elements(after);
  return elements(before).filter((b) => {
    const i = pool.findIndex(
      (a) =>
        a.path === b.path && a.text === b.text && Object.entries(b.attrs).every(([k, v]) => a.attrs[k] === v),
    );
    if (i < 0) return true;
    pool.splice(i, 1);
    return false;
  });
}

function checkPreserved(input: Uint8Array, output: Uint8Array): void {
  const before = unzipSync(input);
  const after = unzipSync(output);
  const changed: string[] = [];
  for (const [name, bytes] of Object.entries(before)) {
    if (name === "xl/calcChain.xml") continue;
    const now = after[name];
    if (now === undefined) {
      changed.push(`${name}: missing`);
      continue;
    }
    if (EDITED.has(name)) {
      const lost = missing(strFromU8(bytes), strFromU8(now)).map(
        (e) => `${name}: lost ${e.path} ${JSON.stringify(e.attrs)}`,
      );
      changed.push(...lost);
    } else if (Buffer.compare(Buffer.from(bytes), Buffer.from(now)) !== 0)
      changed.push(`${name}: bytes differ`);
  }
  expect(changed).toEqual([]);
}

describe("grading keeps every part of the user's workbook", () => {
  let input: Uint8Array;
  let output: Uint8Array;

  beforeAll(async () => {
    input = await richWorkbook();
    const r = await gradeBytes(input);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    output = r.bytes;
  });

  it("has the chart, image, note, custom part in the input (the fixture is what it claims)", () => {
    const names = Object.keys(unzipSync(input));
    for (const p of ["xl/charts/chart1.xml", "xl/drawings/drawing99.xml", "customXml/item1.xml"])
      expect(names).toContain(p);
    expect(names.some((n) => /^xl\/media\/image\d+\.png$/.test(n))).toBe(true);
    expect(names.some((n) => /^xl\/comments\d+\.xml$/.test(n))).toBe(true);
  });

  it("keeps every other entry byte for byte and every element of the four edited parts", () => {
    checkPreserved(input, output);
  });

  it("keeps the entries' order, the new parts after them", () => {
    const before = Object.keys(unzipSync(input)).filter((n) => n !== "xl/calcChain.xml");
    const after = Object.keys(unzipSync(output));
    expect(after.slice(0, before.length)).toEqual(before);
  });

  it("a second reader (exceljs) sees the input sheets as before and the new output sheets", async () => {
    const b = await loadWorkbook(input);
    const a = await loadWorkbook(output);
    expect(a.worksheets.map((w) => w.name)).toEqual([
      ...b.worksheets.map((w) => w.name),
      "结果",
      "晋位升级",
      "汇总",
      "公示",
      "_branch_grader",
    ]);
    const extra = a.getWorksheet("台账备注")!;
    expect(extra.getCell("B2").value).toEqual({ formula: "SUM(B3:B5)", result: 6 });
    expect(extra.getCell("A3").note).toEqual(b.getWorksheet("台账备注")!.getCell("A3").note);
    expect(a.getWorksheet("隐藏表")!.state).toBe("hidden");
    expect(a.definedNames.getRanges("数据区")).toEqual(b.definedNames.getRanges("数据区"));
  });

  it("grading the graded file again keeps everything too", async () => {
    const again = await gradeBytes(output);
    if (!again.ok) throw new Error("regrade must work");
    checkPreserved(input, again.bytes);
  });

  it("keeps a LibreOffice-saved workbook the same way", async () => {
    const soffice = findSoffice();
    if (!soffice) throw new Error("LibreOffice (soffice) is not installed");
    const dir = tempDir("bg-keep-");
    writeFileSync(join(dir, "rich.xlsx"), input);
    const { outputs } = convert(soffice, [join(dir, "rich.xlsx")], "xlsx", join(dir, "lo"));
    const lo = new Uint8Array(readFileSync(outputs[0]));
    expect(Object.keys(unzipSync(lo)).some((n) => n.startsWith("xl/charts/"))).toBe(true);
    const r = await gradeBytes(lo);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    checkPreserved(lo, r.bytes);
    expect((await loadWorkbook(r.bytes)).getWorksheet("结果")!.getCell("A1").value).toBe("组织编码");
  });
});
