/**
 * Writes a valid .xlsx of N branches with bounded memory: the zip is streamed (fflate's Zip +
 * ZipDeflate, chunks written to the file as they come) and every sheet's XML is generated in
 * batches of rows, never as one string. Two layouts of the same data:
 *
 * - "libreoffice": what LibreOffice Calc writes — every cell with r and s (text as shared
 *   strings, t="s"; numbers t="n"), rows with all of LibreOffice's attributes, its sheet
 *   properties, docProps and a styles.xml like its own.
 * - "compact": Excel-like minimal cells (`<c r="B2"><v>7.5</v></c>`, `<row r="2">`).
 *
 * The data is a pure function of the branch index (see `branchAt` and test/large/why.md), so
 * a test can compute the expected grade of any branch by hand.
 *
 * `--criteria N` (default 10, the rubric below) writes a rubric of N criteria instead: see
 * `criteriaOf` (40 → 36 评分, 2 扣分, 2 达标); the first 10 columns of 评分 are not the same
 * then, so test/large's hand-computed grades hold for the default only.
 *
 *   npx tsx test/large/make-workbook.ts OUT.xlsx [--branches 1048575] [--layout libreoffice|compact]
 *     [--level 1] [--no-settings] [--criteria 10]
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { Zip, ZipDeflate } from "fflate";

export type Layout = "libreoffice" | "compact";

/** Excel's last row is 1,048,576: a header and this many branches. */
export const MAX_BRANCHES = 1_048_575;

export interface LargeOptions {
  branches: number;
  layout: Layout;
  /** Deflate level of the sheets (default 1: fast; LibreOffice itself uses zlib's 6). */
  level?: 1 | 6;
  /** Write the tiny 设置 sheet (default true); without it every setting is its default. */
  settings?: boolean;
  /** Rows per generated XML batch (default 2,000). */
  batch?: number;
  /** Number of criteria (default 10: `CRITERIA`; otherwise `criteriaOf(n)`). */
  criteria?: number;
}

export interface LargeReport {
  path: string;
  branches: number;
  layout: Layout;
  level: number;
  criteria: number;
  /** Uncompressed bytes of each part. */
  parts: Record<string, number>;
  /** Each sheet's part (评分 → xl/worksheets/sheet4.xml). */
  sheets: Record<string, string>;
  fileBytes: number;
  seconds: number;
}

export type Criterion = readonly [string, string, string, string, number, number | ""];

/** The rubric: K01–K08 评分 (满分 10), K09 扣分 (满分 10, 5 per count), K10 达标 (满分 10). */
export const CRITERIA: readonly Criterion[] = [
  ["K01", "领导班子好", "支部书记履职尽责", "评分", 10, ""],
  ["K02", "领导班子好", "班子团结有力", "评分", 10, ""],
  ["K03", "党员队伍好", "党员教育管理", "评分", 10, ""],
  ["K04", "党员队伍好", "发展党员", "评分", 10, ""],
  ["K05", "工作机制好", "三会一课", "评分", 10, ""],
  ["K06", "工作机制好", "主题党日", "评分", 10, ""],
  ["K07", "工作业绩好", "服务中心大局", "评分", 10, ""],
  ["K08", "群众反映好", "群众评价", "评分", 10, ""],
  ["K09", "党员队伍好", "党员受到处分（每人次扣分）", "扣分", 10, 5],
  ["K10", "工作机制好", "组织生活会按期召开", "达标", 10, ""],
];

const DIMENSIONS = ["领导班子好", "党员队伍好", "工作机制好", "工作业绩好", "群众反映好"] as const;
/** 扣分 and 达标 criteria in a rubric of n: one each per 20 criteria (at least one). */
const extrasOf = (n: number): number => Math.max(1, Math.round(n / 20));

/**
 * A rubric of n criteria (3–99): K01… 评分 (满分 10), then `extrasOf(n)` 扣分 (满分 10, 5 per
 * count) and as many 达标 (满分 10). n = 10 is `CRITERIA`; 40 → 36 评分, 2 扣分, 2 达标.
 */
export function criteriaOf(n: number): readonly Criterion[] {
  if (n === CRITERIA.length) return CRITERIA;
  if (!(Number.isInteger(n) && n >= 3 && n <= 99)) throw new Error("criteria: 3..99");
  const extras = extrasOf(n);
  const scored = n - 2 * extras;
  const id = (k: number) => `K${String(k).padStart(2, "0")}`;
  const dim = (k: number) => DIMENSIONS[(k - 1) % DIMENSIONS.length];
  const out: Criterion[] = [];
  for (let k = 1; k <= scored; k++) out.push([id(k), dim(k), `评分指标${k}`, "评分", 10, ""]);
  for (let k = scored + 1; k <= scored + extras; k++)
    out.push([id(k), dim(k), `扣分指标${k}`, "扣分", 10, 5]);
  for (let k = scored + extras + 1; k <= n; k++) out.push([id(k), dim(k), `达标指标${k}`, "达标", 10, ""]);
  return out;
}

export const SECTORS = ["农村", "城市社区", "机关"] as const;
export const PREVIOUS = ["先进", "一般", "后进", ""] as const;
export const GROUPS = 100;

export interface Branch {
  code: string;
  name: string;
  parent: string;
  sector: string;
  previous: string;
  /** K01–K08 in tenths of a point (64–99, i.e. 6.4–9.9). */
  tenths: number[];
  /** K09: number of deductions (0, 1 or 2). */
  deductions: number;
  /** K10: 是 or 否. */
  check: "是" | "否";
}

export const codeOf = (i: number): string => `Z${String(i + 1).padStart(7, "0")}`;
export const nameOf = (i: number): string => `第${i + 1}党支部`;
export const parentOf = (i: number): string => `党委${String((i % GROUPS) + 1).padStart(3, "0")}`;

/** 评分 criterion j (1-based; K01–K08 by default) of branch i in tenths of a point: 69 + (13i mod 31) − ((i + j) mod 6), i.e. 6.4–9.9. */
export const tenthsOf = (i: number, j: number): number => 69 + ((i * 13) % 31) - ((i + j) % 6);
/** 扣分 (K09): deductions (0, 1, 2); 达标 (K10): 否 when i mod 7 = 6. Every 扣分 and 达标 column alike. */
export const deductionsOf = (i: number): number => i % 3;
export const checkOf = (i: number): "是" | "否" => (i % 7 === 6 ? "否" : "是");

/** Branch i (0-based; on row i + 2 of 组织 and 评分). */
export function branchAt(i: number): Branch {
  const tenths: number[] = [];
  for (let j = 1; j <= 8; j++) tenths.push(tenthsOf(i, j));
  return {
    code: codeOf(i),
    name: nameOf(i),
    parent: parentOf(i),
    sector: SECTORS[i % SECTORS.length],
    previous: PREVIOUS[i % PREVIOUS.length],
    tenths,
    deductions: deductionsOf(i),
    check: checkOf(i),
  };
}

const SETTINGS_ROWS: (string | number)[][] = [
  ["项目", "值"],
  ["分数线", "90,70"],
  ["小数位数", 2],
];
const rubricRows = (criteria: readonly Criterion[]): (string | number)[][] => [
  ["指标编码", "领域", "维度", "指标名称", "类型", "满分", "单项分值", "上限", "要求次数", "否决后果"],
  ...criteria.map(([id, dim, name, kind, max, unit]) => [id, "全部", dim, name, kind, max, unit, "", "", ""]),
];
const BRANCH_HEADERS = ["组织编码", "组织名称", "上级党组织", "领域", "上期等次"];

/**
 * Shared strings: the fixed ones (small sheets, headers, groups, sectors, tiers, 是/否) first,
 * then each branch's code and name at F + 2i and F + 2i + 1, so no table of all strings is held.
 */
class Strings {
  readonly fixed: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(n: number, rubric: (string | number)[][], scoreHeaders: string[]) {
    const add = (s: string | number) => {
      if (typeof s === "string" && s !== "" && !this.index.has(s)) {
        this.index.set(s, this.fixed.length);
        this.fixed.push(s);
      }
    };
    [...SETTINGS_ROWS, ...rubric, BRANCH_HEADERS, scoreHeaders].flat().forEach(add);
    for (let g = 0; g < Math.min(GROUPS, n); g++) add(parentOf(g));
    [...SECTORS, ...PREVIOUS, "是", "否"].forEach(add);
  }
  of(s: string): number {
    const k = this.index.get(s);
    if (k === undefined) throw new Error(`not a fixed string: ${s}`);
    return k;
  }
  code(i: number): number {
    return this.fixed.length + 2 * i;
  }
  name(i: number): number {
    return this.fixed.length + 2 * i + 1;
  }
}

function colLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/** A cell: shared-string index (text) or number, at 0-based column c of 1-based row r. */
type Cell = { s: number } | { n: number | string } | null;

/** Writes cells and rows in one of the two layouts; counts the shared-string references. */
class CellWriter {
  refs = 0;
  private readonly letters: string[] = [];
  constructor(
    private readonly layout: Layout,
    columns = 16,
  ) {
    for (let c = 0; c < Math.max(16, columns); c++) this.letters.push(colLetters(c));
  }
  row(r: number, cells: Cell[], header = false): string {
    const lo = this.layout === "libreoffice";
    let out = lo
      ? `<row r="${r}" spans="1:${cells.length}" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false">`
      : `<row r="${r}">`;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (v === null) continue;
      const ref = this.letters[c] + r;
      const style = lo ? (header ? ' s="1"' : ' s="0"') : "";
      if ("s" in v) {
        this.refs++;
        out += `<c r="${ref}"${style} t="s"><v>${v.s}</v></c>`;
      } else {
        out += `<c r="${ref}"${style}${lo ? ' t="n"' : ""}><v>${v.n}</v></c>`;
      }
    }
    return out + "</row>";
  }
}

function sheetHead(layout: Layout, dimension: string, widths: number): string {
  if (layout === "compact")
    return `${HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><dimension ref="${dimension}"/><sheetData>`;
  const cols = `<cols><col collapsed="false" customWidth="true" hidden="false" outlineLevel="0" max="${widths}" min="1" style="0" width="11.52"/></cols>`;
  return (
    `${HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
    `<sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView showFormulas="false" showGridLines="true" showRowColHeaders="true" showZeros="true" rightToLeft="false" tabSelected="false" showOutlineSymbols="true" defaultGridColor="true" view="normal" topLeftCell="A1" colorId="64" zoomScale="100" zoomScaleNormal="100" zoomScalePageLayoutView="60" workbookViewId="0"><selection pane="topLeft" activeCell="A1" activeCellId="0" sqref="A1"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultColWidth="11.53515625" defaultRowHeight="12.8" zeroHeight="false" outlineLevelRow="0" outlineLevelCol="0"></sheetFormatPr>${cols}<sheetData>`
  );
}

function sheetTail(layout: Layout): string {
  if (layout === "compact") return "</sheetData></worksheet>";
  return (
    `</sheetData><printOptions headings="false" gridLines="false" gridLinesSet="true" horizontalCentered="false" verticalCentered="false"/>` +
    `<pageMargins left="0.7875" right="0.7875" top="1.05277777777778" bottom="1.05277777777778" header="0.7875" footer="0.7875"/>` +
    `<pageSetup paperSize="9" scale="100" fitToWidth="1" fitToHeight="1" pageOrder="downThenOver" orientation="portrait" blackAndWhite="false" draft="false" cellComments="none" horizontalDpi="300" verticalDpi="300" copies="1"/>` +
    `<headerFooter differentFirst="false" differentOddEven="false"><oddHeader>&amp;C&amp;"Times New Roman,Regular"&amp;12&amp;A</oddHeader><oddFooter>&amp;C&amp;"Times New Roman,Regular"&amp;12Page &amp;P</oddFooter></headerFooter></worksheet>`
  );
}

const LO_XF = (font: number): string =>
  `<xf numFmtId="0" fontId="${font}" fillId="0" borderId="0" applyFont="true" applyBorder="false" applyAlignment="false" applyProtection="false"></xf>`;
const LO_STYLES =
  `${HEAD}<styleSheet xmlns="${NS_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="General"/></numFmts>` +
  `<fonts count="4"><font><sz val="10"/><name val="Arial"/><family val="2"/></font><font><sz val="10"/><name val="Arial"/><family val="0"/></font><font><sz val="10"/><name val="Arial"/><family val="0"/></font><font><sz val="10"/><name val="Arial"/><family val="0"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border diagonalUp="false" diagonalDown="false"><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="20"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyFont="true" applyBorder="true" applyAlignment="true" applyProtection="true"><alignment horizontal="general" vertical="bottom" textRotation="0" wrapText="false" indent="0" shrinkToFit="false"/><protection locked="true" hidden="false"/></xf>` +
  LO_XF(1).repeat(2) +
  LO_XF(2).repeat(2) +
  LO_XF(0).repeat(10) +
  `<xf numFmtId="43" fontId="1" fillId="0" borderId="0" applyFont="true" applyBorder="false" applyAlignment="false" applyProtection="false"></xf>` +
  `<xf numFmtId="41" fontId="1" fillId="0" borderId="0" applyFont="true" applyBorder="false" applyAlignment="false" applyProtection="false"></xf>` +
  `<xf numFmtId="44" fontId="1" fillId="0" borderId="0" applyFont="true" applyBorder="false" applyAlignment="false" applyProtection="false"></xf>` +
  `<xf numFmtId="42" fontId="1" fillId="0" borderId="0" applyFont="true" applyBorder="false" applyAlignment="false" applyProtection="false"></xf>` +
  `<xf numFmtId="9" fontId="1" fillId="0" borderId="0" applyFont="true" applyBorder="false" applyAlignment="false" applyProtection="false"></xf></cellStyleXfs>` +
  `<cellXfs count="2"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="false" applyBorder="false" applyAlignment="false" applyProtection="false"><alignment horizontal="general" vertical="bottom" textRotation="0" wrapText="false" indent="0" shrinkToFit="false"/><protection locked="true" hidden="false"/></xf>` +
  `<xf numFmtId="164" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="true" applyBorder="false" applyAlignment="false" applyProtection="false"><alignment horizontal="general" vertical="bottom" textRotation="0" wrapText="false" indent="0" shrinkToFit="false"/><protection locked="true" hidden="false"/></xf></cellXfs>` +
  `<cellStyles count="6"><cellStyle name="Normal" xfId="0" builtinId="0"/><cellStyle name="Comma" xfId="15" builtinId="3"/><cellStyle name="Comma [0]" xfId="16" builtinId="6"/><cellStyle name="Currency" xfId="17" builtinId="4"/><cellStyle name="Currency [0]" xfId="18" builtinId="7"/><cellStyle name="Percent" xfId="19" builtinId="5"/></cellStyles></styleSheet>`;

const COMPACT_STYLES =
  `${HEAD}<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Streams a zip to a file descriptor, one entry after the other. */
class ZipFile {
  private readonly zip: Zip;
  private error: Error | null = null;
  private entry: ZipDeflate | null = null;
  private name = "";
  bytes = 0;
  readonly parts: Record<string, number> = {};
  private readonly mtime = new Date(Date.UTC(2026, 10, 1));
  constructor(
    private readonly fd: number,
    private readonly level: 1 | 6,
  ) {
    this.zip = new Zip((err, chunk) => {
      if (err) this.error = err;
      else {
        writeSync(fd, chunk);
        this.bytes += chunk.length;
      }
    });
  }
  private check(): void {
    if (this.error) throw this.error;
  }
  begin(name: string): void {
    const f = new ZipDeflate(name, { level: this.level });
    f.mtime = this.mtime;
    this.zip.add(f);
    this.entry = f;
    this.name = name;
    this.parts[name] = 0;
  }
  write(text: string): void {
    const bytes = Buffer.from(text, "utf8");
    this.parts[this.name] += bytes.length;
    this.entry!.push(bytes);
    this.check();
  }
  end(): void {
    this.entry!.push(new Uint8Array(0), true);
    this.entry = null;
    this.check();
  }
  whole(name: string, text: string): void {
    this.begin(name);
    this.write(text);
    this.end();
  }
  finish(): void {
    this.zip.end();
    this.check();
    closeSync(this.fd);
  }
}

/** Writes the workbook to `path`; returns what was written and how long it took. */
export function writeLargeWorkbook(path: string, options: LargeOptions): LargeReport {
  const t0 = performance.now();
  const { branches: n, layout } = options;
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_BRANCHES)) throw new Error(`branches: 1..${MAX_BRANCHES}`);
  const level = options.level ?? 1;
  const withSettings = options.settings ?? true;
  const batch = options.batch ?? 2000;
  const lo = layout === "libreoffice";
  const criteria = criteriaOf(options.criteria ?? CRITERIA.length);
  const rubric = rubricRows(criteria);
  const scoreHeaders = ["组织编码", ...criteria.map((c) => c[0])];
  const strings = new Strings(n, rubric, scoreHeaders);
  const w = new CellWriter(layout, scoreHeaders.length);
  const z = new ZipFile(openSync(path, "w"), level);
  const cellOf = (v: string | number): Cell =>
    v === "" ? null : typeof v === "number" ? { n: v } : { s: strings.of(v) };

  const sheets: { name: string; file: string }[] = [];
  const smallSheet = (name: string, rows: (string | number)[][]) => {
    const file = `xl/worksheets/sheet${sheets.length + 1}.xml`;
    sheets.push({ name, file });
    const width = rows[0].length;
    z.begin(file);
    z.write(sheetHead(layout, `A1:${colLetters(width - 1)}${rows.length}`, width));
    z.write(rows.map((r, k) => w.row(k + 1, r.map(cellOf), k === 0)).join(""));
    z.write(sheetTail(layout));
    z.end();
  };
  /** A big sheet: the header, then `rowOf(i)` for every branch, in batches. */
  const bigSheet = (name: string, header: string[], rowOf: (i: number, r: number) => string) => {
    const file = `xl/worksheets/sheet${sheets.length + 1}.xml`;
    sheets.push({ name, file });
    z.begin(file);
    z.write(sheetHead(layout, `A1:${colLetters(header.length - 1)}${n + 1}`, header.length));
    z.write(w.row(1, header.map(cellOf), true));
    for (let start = 0; start < n; start += batch) {
      const end = Math.min(n, start + batch);
      let text = "";
      for (let i = start; i < end; i++) text += rowOf(i, i + 2);
      z.write(text);
    }
    z.write(sheetTail(layout));
    z.end();
  };

  if (withSettings) smallSheet("设置", SETTINGS_ROWS);
  smallSheet("标准", rubric);
  const sectorS = SECTORS.map((s) => strings.of(s));
  const prevS = PREVIOUS.map((p) => (p === "" ? -1 : strings.of(p)));
  const parentS: number[] = [];
  for (let g = 0; g < Math.min(GROUPS, n); g++) parentS.push(strings.of(parentOf(g)));
  bigSheet("组织", BRANCH_HEADERS, (i, r) => {
    const p = prevS[i % PREVIOUS.length];
    return w.row(r, [
      { s: strings.code(i) },
      { s: strings.name(i) },
      { s: parentS[i % GROUPS] },
      { s: sectorS[i % SECTORS.length] },
      p < 0 ? null : { s: p },
    ]);
  });
  const yes = strings.of("是");
  const no = strings.of("否");
  const scored = criteria.filter((c) => c[3] === "评分").length;
  const deducted = scored + criteria.filter((c) => c[3] === "扣分").length;
  const cells: Cell[] = new Array(scoreHeaders.length).fill(null);
  bigSheet("评分", scoreHeaders, (i, r) => {
    cells[0] = { s: strings.code(i) };
    for (let j = 1; j <= scored; j++) cells[j] = { n: tenthsOf(i, j) / 10 };
    const d = deductionsOf(i);
    for (let j = scored + 1; j <= deducted; j++) cells[j] = { n: d };
    const check = { s: checkOf(i) === "否" ? no : yes };
    for (let j = deducted + 1; j <= criteria.length; j++) cells[j] = check;
    return w.row(r, cells);
  });

  // Shared strings: fixed ones, then code and name of every branch (in batches).
  const unique = strings.fixed.length + 2 * n;
  const si = lo
    ? (s: string) => `<si><t xml:space="preserve">${esc(s)}</t></si>`
    : (s: string) => `<si><t>${esc(s)}</t></si>`;
  z.begin("xl/sharedStrings.xml");
  z.write(`${HEAD}<sst xmlns="${NS_MAIN}" count="${w.refs}" uniqueCount="${unique}">`);
  z.write(strings.fixed.map(si).join(""));
  for (let start = 0; start < n; start += batch) {
    let text = "";
    for (let i = start; i < Math.min(n, start + batch); i++) text += si(codeOf(i)) + si(nameOf(i));
    z.write(text);
  }
  z.write("</sst>");
  z.end();

  z.whole("xl/styles.xml", lo ? LO_STYLES : COMPACT_STYLES);
  const sheetsXml = sheets
    .map((s, k) =>
      lo
        ? `<sheet name="${s.name}" sheetId="${k + 1}" state="visible" r:id="rId${k + 2}"/>`
        : `<sheet name="${s.name}" sheetId="${k + 1}" r:id="rId${k + 2}"/>`,
    )
    .join("");
  z.whole(
    "xl/workbook.xml",
    lo
      ? `${HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><fileVersion appName="Calc"/><workbookPr backupFile="false" showObjects="all" date1904="false"/><workbookProtection/><bookViews><workbookView showHorizontalScroll="true" showVerticalScroll="true" showSheetTabs="true" xWindow="0" yWindow="0" windowWidth="16384" windowHeight="8192" tabRatio="600" firstSheet="0" activeTab="0"/></bookViews><sheets>${sheetsXml}</sheets><calcPr iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.0001"/><extLst><ext xmlns:loext="http://schemas.libreoffice.org/" uri="{7626C862-2A13-11E5-B345-FEFF819CDC9F}"><loext:extCalcPr stringRefSyntax="CalcA1"/></ext></extLst></workbook>`
      : `${HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets>${sheetsXml}</sheets></workbook>`,
  );
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${NS_R}/${type}" Target="${target}"/>`;
  z.whole(
    "xl/_rels/workbook.xml.rels",
    `${HEAD}<Relationships xmlns="${NS_PKG_R}">${rel("rId1", "styles", "styles.xml")}` +
      sheets.map((s, k) => rel(`rId${k + 2}`, "worksheet", s.file.slice(3))).join("") +
      `${rel(`rId${sheets.length + 2}`, "sharedStrings", "sharedStrings.xml")}</Relationships>`,
  );
  const props = lo
    ? `<Relationship Id="rId2" Type="${NS_PKG_R}/metadata/core-properties" Target="docProps/core.xml"/>` +
      rel("rId3", "extended-properties", "docProps/app.xml")
    : "";
  z.whole(
    "_rels/.rels",
    `${HEAD}<Relationships xmlns="${NS_PKG_R}">${rel("rId1", "officeDocument", "xl/workbook.xml")}${props}</Relationships>`,
  );
  if (lo) {
    z.whole(
      "docProps/core.xml",
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-01T00:00:00Z</dcterms:created><dc:creator></dc:creator><dc:description></dc:description><dc:language>zh-CN</dc:language><cp:lastModifiedBy></cp:lastModifiedBy><dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-01T00:00:00Z</dcterms:modified><cp:revision>1</cp:revision><dc:subject></dc:subject><dc:title></dc:title></cp:coreProperties>`,
    );
    z.whole(
      "docProps/app.xml",
      `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template></Template><TotalTime>0</TotalTime><Application>LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2</Application><AppVersion>15.0000</AppVersion></Properties>`,
    );
  }
  const over = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  z.whole(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      over("xl/workbook.xml", `${CT}.sheet.main+xml`) +
      over("xl/styles.xml", `${CT}.styles+xml`) +
      sheets.map((s) => over(s.file, `${CT}.worksheet+xml`)).join("") +
      over("xl/sharedStrings.xml", `${CT}.sharedStrings+xml`) +
      (lo
        ? over("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
          over("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
        : "") +
      "</Types>",
  );
  z.finish();
  return {
    path,
    branches: n,
    layout,
    level,
    criteria: criteria.length,
    parts: z.parts,
    sheets: Object.fromEntries(sheets.map((s) => [s.name, s.file])),
    fileBytes: z.bytes,
    seconds: (performance.now() - t0) / 1000,
  };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const valued = ["--branches", "--layout", "--level", "--criteria"];
  const opt = (name: string): string | undefined => {
    const k = args.indexOf(name);
    return k >= 0 ? args[k + 1] : undefined;
  };
  const out = args.find((a, k) => !a.startsWith("--") && !valued.includes(args[k - 1] ?? ""));
  if (!out) {
    process.stderr.write(
      "usage: tsx test/large/make-workbook.ts OUT.xlsx [--branches N] [--layout libreoffice|compact] [--level 1|6] [--no-settings] [--criteria N]\n",
    );
    process.exit(2);
  }
  const report = writeLargeWorkbook(out, {
    branches: Number(opt("--branches") ?? MAX_BRANCHES),
    layout: (opt("--layout") ?? "libreoffice") as Layout,
    level: Number(opt("--level") ?? 1) as 1 | 6,
    settings: !args.includes("--no-settings"),
    criteria: Number(opt("--criteria") ?? CRITERIA.length),
  });
  process.stdout.write(JSON.stringify(report, null, 2) + "\n");
}
