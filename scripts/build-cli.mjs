// npm's prepare step (and `npm run build`): bundle the command line into dist-cli/ so that
// `npx branch-grader` starts without compiling TypeScript. Skipped where webpack is not
// installed (an install without dev dependencies), where bin/ falls back to tsx.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve("webpack-cli/bin/cli.js");
} catch {
  console.log("webpack is not installed: the command line will run through tsx");
  process.exit(0);
}
const r = spawnSync(process.execPath, [cli, "-c", "webpack.cli.js", "--mode", "production"], {
  stdio: ["ignore", "ignore", "inherit"],
});
process.exit(r.status ?? 1);
