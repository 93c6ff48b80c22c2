/**
 * The scanner's short way for common cells (sheet-fast.ts) must read exactly what the
 * general way reads. The same cells written without a namespace prefix take the short way
 * where they can; written with an `x:` prefix they all take the general way. Both must give
 * the grid the cells say, and damage must be reported the same way.
 */
import fc from "fast-check";
import { readSheetGrid } from "../../src/host/xlsx/sheet-reader";

const SST = ["甲", "乙", "丙"];

interface Cell {
  col: number;
  attrs: string[]; // r, s, t pieces in some order
  v: string | null; // <v> content; null: a self-closed cell
  extra: string; // something between </v> and </c>, or ""
}

function sheet(rows: Cell[][], p: string): string {
  const body = rows
    .map((cells, r) => {
      const cs = cells
        .map((c) => {
          const attrs = c.attrs.map((a) => ` ${a.replace("#", String(r + 1))}`).join("");
          if (c.v === null) return `<${p}c${attrs}/>`;
          return `<${p}c${attrs}><${p}v>${c.v}</${p}v>${c.extra}</${p}c>`;
        })
        .join("");
      return `<${p}row r="${r + 1}">${cs}</${p}row>`;
    })
    .join("");
  const ns = p ? ` xmlns:${p.slice(0, -1)}="urn:x"` : "";
  return `<${p}worksheet${ns}><${p}sheetData>${body}</${p}sheetData></${p}worksheet>`;
}

function letters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const value = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }).map(String), // exponents, long fractions
  fc.constantFrom(
    "0",
    "-0",
    "007",
    "1.",
    ".5",
    "",
    "12.50",
    "123456789012345",
    "1234567890123456",
    "1e3",
    "x",
  ),
);

const cell = (col: number): fc.Arbitrary<Cell> =>
  fc
    .record({
      style: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
      type: fc.constantFrom(undefined, "n", "s", "str", "b"),
      order: fc.boolean(),
      v: fc.option(value, { nil: null, freq: 8 }),
      shared: fc.integer({ min: 0, max: 4 }),
      spaces: fc.constantFrom(" ", "  "),
    })
    .map(({ style, type, order, v, shared, spaces }) => {
      const attrs = [`r="${letters(col)}#"`];
      if (style !== undefined) attrs.push(`s="${style}"`);
      if (type !== undefined) attrs.push(`t="${type}"`);
      if (order) attrs.reverse();
      attrs[0] = spaces.slice(1) + attrs[0];
      const text = type === "s" ? String(shared) : type === "b" ? "1" : v;
      return { col, attrs, v: text, extra: "" };
    });

const rows = fc.array(
  fc
    .integer({ min: 1, max: 6 })
    .chain((n) =>
      fc.tuple(...Array.from({ length: n }, (_, i) => cell(i * 3 + (n % 2)))).map((cs) => cs as Cell[]),
    ),
  { minLength: 1, maxLength: 6 },
);

function read(xml: string): unknown {
  try {
    return { grid: readSheetGrid(xml, SST) };
  } catch (e) {
    return { error: String((e as Error).message) };
  }
}

describe("the scanner's short way for common cells", () => {
  it("reads what the general way reads, cell for cell, errors included", () => {
    fc.assert(
      fc.property(rows, (rs) => {
        expect(read(sheet(rs, ""))).toEqual(read(sheet(rs, "x:")));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads these by hand", () => {
    const xml = sheet(
      [
        [
          { col: 0, attrs: ['r="A#"', 's="2"'], v: "85.5", extra: "" },
          { col: 1, attrs: ['t="s"', 'r="B#"'], v: "2", extra: "" },
          { col: 2, attrs: ['r="C#"'], v: "-0.125", extra: "" },
          { col: 3, attrs: ['r="D#"'], v: "1e2", extra: "" },
        ],
      ],
      "",
    );
    expect(readSheetGrid(xml, SST)).toEqual([[85.5, "丙", -0.125, 100]]);
    const missing = sheet([[{ col: 0, attrs: ['r="A#"', 't="s"'], v: "7", extra: "" }]], "");
    expect(() => readSheetGrid(missing, SST)).toThrow(/shared string 7 does not exist/);
    const wide = sheet([[{ col: 0, attrs: ['r="XFE#"'], v: "1", extra: "" }]], "");
    expect(() => readSheetGrid(wide, SST)).toThrow(/outside Excel's limits/);
  });

  it("gives every number the exact value of its text, whether or not equal values share one heap number", () => {
    const texts = fc.sample(
      fc.oneof(
        fc.integer({ min: 0, max: 199_999 }).map((k) => String(k / 100)),
        fc.integer({ min: -99_999, max: 999_999 }).map((k) => String(k / 1000)),
        fc.constantFrom("-0", "0", "0.07", "1999.99", "2000", "2000.01", "0.1", "0.3", "1e-7"),
      ),
      2000,
    );
    const rows = [];
    for (let i = 0; i < texts.length; i += 10) rows.push(texts.slice(i, i + 10));
    const xml = sheet(
      rows.map((r) => r.map((v, c) => ({ col: c, attrs: [`r="${letters(c)}#"`], v, extra: "" }))),
      "",
    );
    const grid = readSheetGrid(xml, SST);
    rows.forEach((r, i) =>
      r.forEach((v, c) => expect([v, Object.is(grid[i]![c], Number(v))]).toEqual([v, true])),
    );
  });
});
