/**
 * 定级 at scale through the Excel host over the recording fake, as the task pane runs it:
 * a bounded number of syncs (4 for an ordinary workbook, plus one per extra chunk) and
 * every request and response under 4 MB, for 1,000, 10,000 and 50,000 branches.
 */
import { DEFAULT_LIMITS } from "../../src/host/excel-batch";
import { gradeInFake, sampleWorkbook } from "../fakes/excel-grading";

const FOUR_MB = 4 * 1024 * 1024;

describe.each([1_000, 10_000, 50_000])("grading %i branches in Excel", (n) => {
  it("stays within the sync and size budget and writes every output sheet", async () => {
    const fake = sampleWorkbook(n);
    const { outcome, figures } = await gradeInFake(fake, n);
    expect(outcome.kind).toBe("ok");
    expect(fake.grid("结果")).toHaveLength(n + 1);
    expect(fake.grid("公示")).toHaveLength(n + 1);
    expect(fake.names()).toEqual(["设置", "标准", "组织", "评分", "结果", "晋位升级", "汇总", "公示"]);

    // The inspection on open is not part of grading; grading's own requests:
    const grading = fake.requests.slice(-figures.syncs);
    expect(figures.maxRequestBytes).toBeLessThan(FOUR_MB);
    expect(figures.maxResponseBytes).toBeLessThan(FOUR_MB);
    expect(grading.every((r) => r.failed === undefined)).toBe(true);

    // 2 syncs to read (sizes, values) and 2 to write (names, values+formats) …
    const reads = grading.filter((r) => r.ops.some((o) => o === "range.load:values"));
    const writes = grading.filter((r) => r.ops.some((o) => o === "range.values" || o === "range.formulas"));
    expect(figures.syncs).toBe(4 + (reads.length - 1) + (writes.length - 1));
    // … plus one per extra chunk, and only when the data do not fit: extra requests are full.
    for (const r of writes.slice(0, -1))
      expect(r.requestBytes).toBeGreaterThan(0.8 * (DEFAULT_LIMITS.requestBytes - 100_000));
    // (Reads size their blocks by a cautious guess of bytes per cell until a sheet's first block is seen.)
    for (const r of reads.slice(1, -1))
      expect(r.responseBytes).toBeGreaterThan(0.25 * DEFAULT_LIMITS.requestBytes);
    if (n === 1_000) expect(figures.syncs).toBe(4);
  }, 60_000);
});
