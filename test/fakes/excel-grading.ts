/**
 * Grade a generated workbook of n branches (test/fakes/sample-grids.ts, no exceljs) through the Excel host over the recording fake,
 * exactly as the task pane does (inspect on open, then 定级), and measure the grading:
 * syncs, value chunks and the largest request. Used by test/host/excel-scale.test.ts and
 * bench/excel.ts.
 */
import { createExcelPort, type ExcelPort } from "../../src/host/excel";
import { gradeAndWrite, type GradeOutcome } from "../../src/taskpane/grading";
import { inspectWorkbook } from "../../src/host/inputs";
import { FakeExcel } from "./excel-fake";
import { scaleGrids } from "./sample-grids";

export interface GradingFigures {
  branches: number;
  syncs: number;
  chunks: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

export function sampleWorkbook(branches: number, apiMinor = 9): FakeExcel {
  const fake = new FakeExcel(apiMinor);
  for (const [name, grid] of Object.entries(scaleGrids(branches))) fake.addSheet(name, grid);
  return fake;
}

export async function gradeInFake(
  fake: FakeExcel,
  branches: number,
): Promise<{ port: ExcelPort; outcome: GradeOutcome; figures: GradingFigures }> {
  const port = createExcelPort(fake.env());
  const states = await inspectWorkbook(port, {});
  const firstRequest = fake.requests.length;
  const chunksBefore = port.stats.chunks;
  const outcome = await gradeAndWrite(
    port,
    states,
    {},
    () => inspectWorkbook(port, {}),
    undefined,
    new Date(2024, 11, 31),
  );
  const reqs = fake.requests.slice(firstRequest);
  return {
    port,
    outcome,
    figures: {
      branches,
      syncs: reqs.length,
      chunks: port.stats.chunks - chunksBefore,
      maxRequestBytes: Math.max(...reqs.map((r) => r.requestBytes)),
      maxResponseBytes: Math.max(...reqs.map((r) => r.responseBytes)),
    },
  };
}
