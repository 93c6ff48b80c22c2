/**
 * The robustness corpus (DOMAIN §8): every file a clerk can bring is graded, or refused in
 * one line with exit code 2; the input is never changed; nothing is written on refusal.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { cli, tempDir } from "../cli/helpers";
import {
  BRANCHES,
  SCORES,
  bomb,
  duplicateEntry,
  editPart,
  flipDataByte,
  parts,
  patchCentral,
  sampleBytes,
  setScoreCell,
  zip,
} from "./corpus";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

interface Run {
  code: number;
  out: string;
  err: string;
  dir: string;
  input: string;
}

/** Grades `bytes` saved as `name` in a fresh folder, checking that the input is untouched. */
async function grade(bytes: Uint8Array, name = "考评.xlsx", args: string[] = []): Promise<Run> {
  const dir = tempDir("bg-robust-");
  const input = join(dir, name);
  writeFileSync(input, bytes);
  const r = await cli(["grade", name, ...args], dir);
  expect(sha(readFileSync(input))).toBe(sha(bytes));
  return { ...r, dir, input };
}

/** A refusal: exit 2, exactly one line on stderr (Chinese first), nothing else written. */
function refused(r: Run, pattern: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.err.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^错误 \/ Error: .*[\u4e00-\u9fff]/);
  expect(lines[0]).toMatch(pattern);
  expect(readdirSync(r.dir)).toEqual([r.input.slice(r.dir.length + 1)]);
}

describe("damaged files are refused as damaged, never graded or passed on", () => {
  const damaged: [string, () => Uint8Array][] = [
    ["a flipped byte in 评分's compressed data", () => flipDataByte(SCORES)],
    ["a wrong CRC-32 on 评分", () => patchCentral(SCORES, "crc", (c) => c ^ 1)],
    [
      "a wrong CRC-32 on a part only copied (docProps/app.xml)",
      () => patchCentral("docProps/app.xml", "crc", (c) => c ^ 1),
    ],
    ["a declared size smaller than the data", () => patchCentral(SCORES, "size", (s) => s - 10)],
    ["a duplicate [Content_Types].xml", () => duplicateEntry("[Content_Types].xml")],
    ["a duplicate sheet entry", () => duplicateEntry(SCORES)],
    [
      "a cell without </c>",
      () => editPart(SCORES, (x) => x.replace(/(<c r="B3"[^>]*>[^<]*<v>[^<]*<\/v>)<\/c>/, "$1")),
    ],
    ["truncated sheet XML", () => editPart(SCORES, (x) => x.slice(0, Math.floor(x.length / 2)))],
    [
      "binary junk in the sheet",
      () => editPart(SCORES, (x) => x.replace('<row r="5"', '\u0000\u0001\uFFFD\u0002<row r="5"')),
    ],
    ["text between cells", () => editPart(SCORES, (x) => x.replace('<row r="6"', 'garbage<row r="6"'))],
    [
      "truncated shared strings",
      () => editPart("xl/sharedStrings.xml", (x) => x.slice(0, Math.floor(x.length * 0.6))),
    ],
    ["a shared string that does not exist", () => setScoreCell("B3", `<c r="B3" t="s"><v>999999</v></c>`)],
    ["a number that is not a number", () => setScoreCell("B4", `<c r="B4"><v>8x5</v></c>`)],
    [
      "a row numbered 99999999",
      () =>
        editPart(SCORES, (x) =>
          x.replace("</sheetData>", `<row r="99999999"><c r="A99999999"><v>1</v></c></row></sheetData>`),
        ),
    ],
    [
      "UTF-16 sheet XML",
      () => {
        const files = parts();
        const text = strFromU8(files[SCORES]);
        const u16 = new Uint8Array(2 + text.length * 2);
        u16.set([0xff, 0xfe]);
        for (let i = 0; i < text.length; i++) {
          u16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
          u16[3 + 2 * i] = text.charCodeAt(i) >> 8;
        }
        files[SCORES] = u16;
        return zip(files);
      },
    ],
  ];
  it.each(damaged)("%s", async (_label, make) => {
    const r = await grade(make());
    refused(r, /已损坏/);
  });

  it("a zip bomb (a sheet inflating 1000:1 past 64 MB) is refused before it is inflated", async () => {
    const bytes = bomb(80);
    expect(bytes.length).toBeLessThan(2 * 2 ** 20);
    const before = process.memoryUsage().rss;
    refused(await grade(bytes), /已损坏.*limits/);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 2 ** 20);
  });
});

describe("far references cost nothing", () => {
  it("one value at XFD1048576 in a sheet of the clerk's: graded, the sheet kept", async () => {
    const files = parts();
    const xml = strFromU8(files[BRANCHES]).replace(
      "</sheetData>",
      `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>远</t></is></c></row></sheetData>`,
    );
    files[BRANCHES] = new TextEncoder().encode(xml);
    const before = process.memoryUsage().rss;
    const r = await grade(zip(files));
    // 组织 holds a row with no code far away: named as a problem, not a crash or a 4 GB grid.
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/组织!A1048576/);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 2 ** 20);
  });
});

describe("cells that are not what they look like are named", () => {
  it("a date in a score cell is called a date", async () => {
    // s="4" does not exist in the sample's styles: add a date style by reusing numFmt 14.
    const files = parts();
    const styles = strFromU8(files["xl/styles.xml"]);
    const count = Number(/<cellXfs count="(\d+)"/.exec(styles)![1]);
    files["xl/styles.xml"] = new TextEncoder().encode(
      styles
        .replace(/<cellXfs count="\d+">/, `<cellXfs count="${count + 1}">`)
        .replace(
          "</cellXfs>",
          `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>`,
        ),
    );
    files[SCORES] = new TextEncoder().encode(
      strFromU8(files[SCORES]).replace(
        /<c r="B2"[^>]*>[\s\S]*?<\/c>/,
        `<c r="B2" s="${count}"><v>45296</v></c>`,
      ),
    );
    const r = await grade(zip(files));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/评分!B2.*日期 2024-01-05/);
    expect(r.err).not.toMatch(/45296/);
  });

  it("a formula saved without its value is said to be one, not 未填写", async () => {
    const r = await grade(setScoreCell("B2", `<c r="B2"><f>SUM(C2:D2)</f></c>`));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/评分!B2.*公式 =SUM\(C2:D2\).*没有它的计算结果/);
    expect(r.err).not.toMatch(/评分!B2.*未填写/);
  });

  it("a name longer than Excel's 32,767 characters is a problem naming its cell", async () => {
    const long = "长".repeat(40_000);
    const r = await grade(
      editPart(BRANCHES, (x) =>
        x.replace(/<c r="B2"[^>]*>[\s\S]*?<\/c>/, `<c r="B2" t="inlineStr"><is><t>${long}</t></is></c>`),
      ),
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/组织!B2.*40000 个字符.*32,767/);
    expect(r.err.length).toBeLessThan(5000);
  });

  it("escape sequences in cell text never reach the terminal", async () => {
    const r = await grade(
      setScoreCell(
        "B2",
        `<c r="B2" t="inlineStr"><is><t>\u001b]0;pwned\u0007\u001b[31m红\u001b[0m</t></is></c>`,
      ),
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/评分!B2/);
    expect(r.err + r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe("files that are not .xlsx get advice", () => {
  it.each([
    [
      "an .ods",
      () =>
        zip(
          {
            mimetype: new TextEncoder().encode("application/vnd.oasis.opendocument.spreadsheet"),
            "content.xml": new Uint8Array(10),
          },
          0,
        ),
      "表.ods",
      /\.ods.*另存为.*\.xlsx/,
    ],
    [
      "a .csv",
      () => new TextEncoder().encode("组织编码,组织名称\nZ1,第一支部\n"),
      "表.csv",
      /CSV.*另存为 \.xlsx/,
    ],
  ])("%s", async (_l, make, name, pattern) => {
    refused(await grade(make(), name), pattern);
  });
});

describe("the clerk's own sheets named like outputs", () => {
  it.each(["结果", "公示"])(
    "a sheet %s the product did not write stops grading, naming it; nothing written",
    async (name) => {
      const files = parts();
      const wb = strFromU8(files["xl/workbook.xml"]).replace(
        "</sheets>",
        `<sheet name="${name}" sheetId="9" r:id="rId99"/></sheets>`,
      );
      files["xl/workbook.xml"] = new TextEncoder().encode(wb);
      files["xl/_rels/workbook.xml.rels"] = new TextEncoder().encode(
        strFromU8(files["xl/_rels/workbook.xml.rels"]).replace(
          "</Relationships>",
          `<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/mine.xml"/></Relationships>`,
        ),
      );
      files["[Content_Types].xml"] = new TextEncoder().encode(
        strFromU8(files["[Content_Types].xml"]).replace(
          "</Types>",
          `<Override PartName="/xl/worksheets/mine.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
        ),
      );
      files["xl/worksheets/mine.xml"] = new TextEncoder().encode(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>我的笔记</t></is></c></row></sheetData></worksheet>`,
      );
      refused(await grade(zip(files)), new RegExp(`「${name}」.*不是本工具生成的.*改名`));
    },
  );
});

describe("a macro workbook stays a macro workbook", () => {
  function xlsm(): Uint8Array {
    const files = parts();
    files["[Content_Types].xml"] = new TextEncoder().encode(
      strFromU8(files["[Content_Types].xml"])
        .replace(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )
        .replace(
          "</Types>",
          `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>`,
        ),
    );
    files["xl/vbaProject.bin"] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]);
    return zip(files);
  }

  it("grades 考评.xlsm into 考评-已定级.xlsm, macros and content type kept", async () => {
    const r = await grade(xlsm(), "考评.xlsm");
    expect(r.code).toBe(0);
    const out = unzipSync(readFileSync(join(r.dir, "考评-已定级.xlsm")));
    expect(out["xl/vbaProject.bin"]).toEqual(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]));
    expect(strFromU8(out["[Content_Types].xml"])).toMatch(/macroEnabled\.main\+xml/);
  });

  it("accepts -o out.xlsm and refuses -o out.xlsx for it", async () => {
    expect((await grade(xlsm(), "m.xlsm", ["-o", "out.xlsm"])).code).toBe(0);
    refused(await grade(xlsm(), "m.xlsm", ["-o", "out.xlsx"]), /\.xlsm/);
  });
});

it("the sample itself still grades (the corpus starts from a valid file)", async () => {
  const r = await grade(sampleBytes());
  expect(r.code).toBe(0);
  expect(existsSync(join(r.dir, "考评-已定级.xlsx"))).toBe(true);
});
