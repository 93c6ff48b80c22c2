#!/usr/bin/env node
// branch-grader: runs the prebuilt bundle (dist-cli/, made by `npm run build` and by npm's
// prepare step); in a checkout without it, src/cli/main.ts through tsx (a dependency).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "dist-cli", "branch-grader.cjs");
let main;
if (existsSync(bundle)) main = createRequire(import.meta.url)(bundle).main;
else {
  const { register: registerEsm } = await import("tsx/esm/api");
  const { register: registerCjs } = await import("tsx/cjs/api");
  registerEsm();
  registerCjs();
  // The package is CommonJS, so tsx loads main.ts as CJS: its exports arrive on `default`.
  const mod = await import(join(root, "src", "cli", "main.ts"));
  main = mod.main ?? mod.default?.main;
}
process.exitCode = await main(process.argv.slice(2), root);
