/**
 * Generates the bundled sample workbook assets/示例.xlsx, deterministically (seeded PRNG):
 * six 上级党组织, the sectors of DOMAIN §1, 300 branches, the 五个好 rubric with sector
 * rows, 自评/测评 weights 60/20/20, previous tiers, 示范点, a few vetoes, 先进:30% quota;
 * and the record sheets (整改台账, 党员, 积分, 会议记录) for 2024.
 *
 * Also writes assets/示例-精简.xlsx (the same without the record sheets) for the offline page.
 *
 *   npx tsx scripts/make-sample.ts [out.xlsx]
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSampleWorkbook } from "../src/cli/sample";

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? "assets/示例.xlsx");
  const bytes = await buildSampleWorkbook({ records: true });
  writeFileSync(out, bytes);
  process.stdout.write(`${out}: ${bytes.length} bytes\n`);
  // The offline page embeds the sample without its records, to stay within its size budget.
  const lite = resolve(out.replace(/\.xlsx$/, "-精简.xlsx"));
  const liteBytes = await buildSampleWorkbook();
  writeFileSync(lite, liteBytes);
  process.stdout.write(`${lite}: ${liteBytes.length} bytes\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
