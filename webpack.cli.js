/* eslint-disable @typescript-eslint/no-require-imports */
// The command line, prebuilt: one CommonJS bundle for Node, so `branch-grader` starts
// without compiling TypeScript (tsx stays for development). exceljs, needed only by
// `template`, stays a lazily required dependency.
const path = require("path");

module.exports = (_env, argv) => ({
  target: "node20",
  mode: argv.mode ?? "production",
  devtool: false,
  entry: { "branch-grader": "./src/cli/main.ts" },
  output: {
    path: path.resolve(__dirname, "dist-cli"),
    filename: "[name].cjs",
    chunkFilename: "[name].cjs",
    library: { type: "commonjs2" },
    clean: true,
  },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  externals: { exceljs: "commonjs exceljs" },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } },
      },
    ],
  },
  // Readable stack traces for BRANCH_GRADER_DEBUG; the bundle is small anyway.
  optimization: { minimize: false },
  performance: { hints: false },
});
