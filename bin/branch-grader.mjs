#!/usr/bin/env node
// branch-grader: runs src/cli/main.ts through tsx (a dependency), so no build step is needed.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { register as registerCjs } from "tsx/cjs/api";
import { register as registerEsm } from "tsx/esm/api";

registerEsm();
registerCjs();
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// The package is CommonJS, so tsx loads main.ts as CJS: its exports arrive on `default`.
const mod = await import(join(root, "src", "cli", "main.ts"));
const main = mod.main ?? mod.default?.main;
process.exitCode = await main(process.argv.slice(2), root);
