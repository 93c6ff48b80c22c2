/**
 * Issue #10: a workbook with Excel's maximum of rows (1,048,575 branches under a header),
 * laid out as LibreOffice Calc saves it (its 评分 sheet XML is ~616 MB), graded by the real
 * command in a child process. Checks the exit status, the peak memory, that 结果 has every
 * branch, and every branch's 上级评定 and 等次 against the rubric applied by hand (why.md).
 *
 *   npm run test:large
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { XlsxWorkbook } from "../../src/host/file";
import { MAX_BRANCHES, branchAt, writeLargeWorkbook, type LargeReport } from "./make-workbook";
import { measure, type Measured } from "./measure";

const ROOT = resolve(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "branch-grader.mjs");
/** The memory aim for the whole process. */
const MAX_PEAK_MB = 3 * 1024;

/** Branches checked against the hand calculation written out in why.md. */
const BY_HAND: [index: number, code: string, total: number, tier: string][] = [
  [0, "Z0000001", 73.4, "一般"],
  [7, "Z0000008", 91.4, "先进"],
  [20, "Z0000021", 62.6, "后进"],
  [27, "Z0000028", 70.8, "一般"],
  [1_048_574, "Z1048575", 77.4, "一般"],
];

/** The rubric by hand, in tenths: Σ K01–K08 + K09 (10 − 5 per deduction, ≥ 0) + K10 (是 → 10). */
function expectedTenths(i: number): number {
  const b = branchAt(i);
  const scored = b.tenths.reduce((a, t) => a + t, 0);
  return scored + Math.max(0, 100 - 50 * b.deductions) + (b.check === "是" ? 100 : 0);
}
const tierOf = (tenths: number): string => (tenths >= 900 ? "先进" : tenths >= 700 ? "一般" : "后进");

describe("a 1,048,575-branch workbook saved by LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "bg-large-"));
  const input = join(dir, "large.xlsx");
  const output = join(dir, "large-graded.xlsx");
  let made: LargeReport;
  let run: Measured;

  beforeAll(() => {
    made = writeLargeWorkbook(input, { branches: MAX_BRANCHES, layout: "libreoffice" });
    run = measure(process.execPath, [BIN, "grade", input, "-o", output], { cwd: dir });
    process.stderr.write(
      `large: input ${(made.fileBytes / 2 ** 20).toFixed(0)} MB (评分 XML ${(made.parts[made.sheets["评分"]] / 2 ** 20).toFixed(0)} MB), ` +
        `generated in ${made.seconds.toFixed(1)} s; grade ${run.seconds.toFixed(1)} s wall, ` +
        `${(run.userSeconds + run.systemSeconds).toFixed(1)} s CPU, peak ${run.peakMB} MB, ` +
        `load ${run.load.map((x) => x.toFixed(1)).join(" → ")}\n`,
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the hand calculation matches the generator's data", () => {
    for (const [i, code, total, tier] of BY_HAND) {
      expect(branchAt(i).code).toBe(code);
      expect(expectedTenths(i) / 10).toBe(total);
      expect(tierOf(expectedTenths(i))).toBe(tier);
    }
  });

  test("grade exits 0 within the memory aim", () => {
    if (run.status !== 0)
      throw new Error(`grade exited ${run.status} (${run.signal}):\n${run.stderr.slice(-4000)}`);
    expect(run.stdout).toContain("1048575");
    if (!Number.isNaN(run.peakMB)) expect(run.peakMB).toBeLessThan(MAX_PEAK_MB);
  });

  test("结果 has every branch, with the 上级评定 and 等次 of the rubric by hand", async () => {
    expect(run.status).toBe(0);
    const fw = await XlsxWorkbook.open(readFileSync(output));
    const grid = (await fw.readSheets(["结果"]))["结果"];
    expect(grid).toBeDefined();
    const header = grid[0] as unknown[];
    const col = (name: string): number => {
      const c = header.indexOf(name);
      expect(c).toBeGreaterThanOrEqual(0);
      return c;
    };
    const [cCode, cTotal, cTier] = [col("组织编码"), col("上级评定"), col("等次")];
    expect(grid.length - 1).toBe(MAX_BRANCHES);

    for (const [i, code, total, tier] of BY_HAND) {
      const row = grid[i + 1];
      expect([row[cCode], row[cTotal], row[cTier]]).toEqual([code, total, tier]);
    }
    // Every row: 结果 keeps 组织 order here (codes ascending), so row i + 1 is branch i.
    const wrong: string[] = [];
    const tiers = new Map<string, number>();
    for (let i = 0; i < MAX_BRANCHES; i++) {
      const row = grid[i + 1];
      const t = expectedTenths(i);
      const tier = tierOf(t);
      tiers.set(String(row[cTier]), (tiers.get(String(row[cTier])) ?? 0) + 1);
      if (row[cCode] !== branchAt(i).code || row[cTotal] !== t / 10 || row[cTier] !== tier)
        if (wrong.length < 10)
          wrong.push(`row ${i + 2}: ${JSON.stringify(row.slice(0, 10))}, expected ${t / 10} ${tier}`);
    }
    expect(wrong).toEqual([]);
    process.stderr.write(`large: 结果 tiers ${JSON.stringify(Object.fromEntries(tiers))}\n`);
  });
});
