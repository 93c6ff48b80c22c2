/**
 * npm run bench [-- engine cli functions excel large whole]: runs the benchmark modules (all
 * but "large" and "whole" by default: each takes a quarter of an hour or more) one after
 * another in this process's machine, and merges their figures into bench/results.json (a part
 * not run keeps its previous figures). Not a test: it asserts nothing.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

type Row = Record<string, unknown>;
type Results = Record<string, unknown> & { peers?: Row[] };

const PARTS = ["engine", "functions", "excel", "cli", "large", "whole"] as const;
type Part = (typeof PARTS)[number];
const DEFAULT_PARTS: Part[] = ["engine", "functions", "excel", "cli"];

async function runPart(part: Part): Promise<Results> {
  const mod = (await import(`./${part}`)) as { run: () => Promise<Results> };
  return mod.run();
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => (PARTS as readonly string[]).includes(a)) as Part[];
  const parts = asked.length ? asked : DEFAULT_PARTS;
  const file = path.join(__dirname, "results.json");
  const results: Results = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Results) : {};
  for (const part of parts) {
    console.error(`bench: ${part} …`);
    const started = Date.now();
    const r = await runPart(part);
    for (const [key, value] of Object.entries(r)) {
      if (key === "peers" && Array.isArray(value)) {
        const fresh = value as Row[];
        const keep = (results.peers ?? []).filter(
          (p) => !fresh.some((q) => q.name === p.name && q.branches === p.branches),
        );
        results.peers = [...keep, ...fresh];
      } else {
        results[key] = value;
      }
    }
    console.error(`bench: ${part} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  results.machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    measuredAt: new Date().toISOString(),
  };
  writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  console.log(JSON.stringify(results, null, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
