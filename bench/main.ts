/** The entry of the slow benches (large, whole), which write their own key of results.json. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Bench main: prints the figures; with --write, merges only `key` into bench/results.json. */
export function benchMain<K extends string>(
  key: K,
  run: () => Promise<Record<K, unknown>>,
  label: string,
): void {
  run()
    .then((r) => {
      if (process.argv.includes("--write")) {
        // Only this key changes; every other figure stays as it was.
        const file = join(__dirname, "results.json");
        const results = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
        results[key] = r[key];
        writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
      }
      process.stdout.write(JSON.stringify(r, null, 2) + "\n");
    })
    .catch((e: unknown) => {
      process.stderr.write(`${label}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
}
