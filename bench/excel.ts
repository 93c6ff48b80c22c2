/**
 * Excel host figures: 定级 of generated workbooks (1,000 / 10,000 / 50,000 branches) through
 * src/host/excel.ts over the recording fake of the Excel API (test/fakes/excel-fake.ts),
 * as the task pane runs it. Counts syncs, value chunks and the largest request (and
 * response) in bytes. No Excel is involved: the byte sizes are those of the queued
 * operations' JSON payloads, which is what a request carries besides a small envelope.
 * Standalone: `npx tsx bench/excel.ts` prints the JSON.
 */
import { gradeInFake, sampleWorkbook } from "../test/fakes/excel-grading";

export interface ExcelFigures {
  branches: number;
  syncs: number;
  chunks: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  ms: number;
}

export async function run(): Promise<{ excel: ExcelFigures[] }> {
  const excel: ExcelFigures[] = [];
  for (const n of [1_000, 10_000, 50_000]) {
    const fake = sampleWorkbook(n);
    const started = Date.now();
    const { outcome, figures } = await gradeInFake(fake, n);
    if (outcome.kind !== "ok") throw new Error(`grading ${n} branches did not succeed: ${outcome.kind}`);
    excel.push({ ...figures, ms: Date.now() - started });
  }
  return { excel };
}

if (require.main === module) {
  run()
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
