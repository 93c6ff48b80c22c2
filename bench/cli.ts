/**
 * End-to-end benchmark of `branch-grader grade` (whole process: start, read .xlsx, grade,
 * write .xlsx), seconds and peak RSS, beside LibreOffice recalculating the same workbook
 * with the scoring written as ordinary formulas (rubric total, combined score, tier).
 *
 *   npx tsx bench/cli.ts            prints JSON
 *   BENCH_SIZES=1000,10000 npx tsx bench/cli.ts
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { buildSampleWorkbook } from "../src/cli/sample";
import { FIVE_GOODS_RUBRIC, scoreHeaders } from "../src/engine/template";
import { convert, findSoffice } from "../test/cli/soffice";

const ROOT = resolve(__dirname, "..");

export interface CliFigure {
  branches: number;
  seconds: number;
  peakMB: number;
  mode: string;
}
export interface PeerFigure {
  name: string;
  branches: number;
  ratio: number;
  seconds: number;
}

/** Runs the real command in a child process; returns wall seconds and the child's peak RSS. */
function timeGrade(input: string, output: string): { seconds: number; peakMB: number } {
  const script = `
    import { register as e } from "tsx/esm/api"; import { register as c } from "tsx/cjs/api"; e(); c();
    const mod = await import(${JSON.stringify(join(ROOT, "src", "cli", "main.ts"))});
    const main = mod.main ?? mod.default?.main;
    const code = await main(["grade", ${JSON.stringify(input)}, "-o", ${JSON.stringify(output)}], ${JSON.stringify(ROOT)});
    process.stderr.write("\\nRSS " + process.resourceUsage().maxRSS + "\\n");
    process.exitCode = code;`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`grade failed: ${r.stderr.slice(0, 2000)}`);
  const m = /RSS (\d+)/.exec(r.stderr);
  return { seconds, peakMB: m ? Math.round(Number(m[1]) / 1024) : NaN };
}

/**
 * The same workbook plus a 计算 sheet that scores every branch with ordinary formulas
 * (the 全部 rubric items, the sector item when present, 60/20/20 blend, cutoffs 90/70).
 */
async function formulaWorkbook(sampleBytes: Uint8Array, n: number, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sampleBytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  const headers = scoreHeaders([...FIVE_GOODS_RUBRIC]);
  const col = (h: string) => {
    const i = headers.indexOf(h);
    let s = "";
    for (let k = i + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
    return s;
  };
  const ws = wb.addWorksheet("计算");
  ws.addRow(["组织编码", "上级评定", "综合得分", "等次"]);
  // Sector items sit after the 五个好 items in the sample's 评分 sheet: columns N..S.
  const self = "T";
  const survey = "U";
  for (let r = 2; r <= n + 1; r++) {
    const s = (h: string) => `评分!${col(h)}${r}`;
    const points =
      `${s("A01")}+IF(${s("A02")}="是",5,0)+${s("B01")}+MAX(0,10-${s("B02")}*5)` +
      `+15*MIN(1,${s("C01")}/24)+10*MIN(1,${s("C02")}/12)+IF(${s("C03")}="是",5,0)+${s("D01")}+${s("E01")}` +
      `+SUM(评分!N${r}:S${r})`;
    const max = `(100+10*COUNT(评分!N${r}:S${r}))`;
    const total = `ROUND((${points})*100/${max}+MIN(5,MIN(4,2*N(${s("F01")}))),2)`;
    ws.addRow([
      { formula: `评分!A${r}` },
      { formula: total },
      { formula: `ROUND(0.6*B${r}+0.2*评分!${self}${r}+0.2*100*评分!${survey}${r},2)` },
      { formula: `IF(OR(${s("V01")}="是"),"后进",IF(C${r}>=90,"先进",IF(C${r}>=70,"一般","后进")))` },
    ]);
  }
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

export async function run(): Promise<{ cli: CliFigure[]; peers: PeerFigure[] }> {
  const sizes = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
  const dir = mkdtempSync(join(tmpdir(), "bg-bench-"));
  const cli: CliFigure[] = [];
  const peers: PeerFigure[] = [];
  const soffice = findSoffice();
  for (const n of sizes) {
    const bytes = await buildSampleWorkbook({ branches: n });
    const input = join(dir, `in-${n}.xlsx`);
    writeFileSync(input, bytes);
    const { seconds, peakMB } = timeGrade(input, join(dir, `out-${n}.xlsx`));
    cli.push({
      branches: n,
      seconds: round(seconds),
      peakMB,
      mode:
        "zip-level host (src/host/xlsx: scanner read, streamed sheet XML, untouched entries copied compressed), tsx, node " +
        process.version,
    });
    if (soffice) {
      const f = join(dir, `formulas-${n}.xlsx`);
      await formulaWorkbook(bytes, n, f);
      const { seconds: lo } = convert(soffice, [f], "xlsx", join(dir, "lo"));
      peers.push({ name: "libreoffice", branches: n, seconds: round(lo), ratio: round(lo / seconds) });
    }
  }
  return { cli, peers };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (require.main === module) {
  run()
    .then((r) => process.stdout.write(JSON.stringify(r, null, 2) + "\n"))
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
}
