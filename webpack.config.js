/* eslint-disable @typescript-eslint/no-require-imports */
// One page (taskpane.html) loads the task pane and the custom functions: a shared runtime.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { BranchGraderBuildPlugin } = require("./scripts/webpack-plugins.cjs");
const { OfflineHtmlPlugin } = require("./scripts/offline-html.cjs");

/** The offline page: the whole browser mode in one HTML file (see scripts/offline-html.cjs). */
const OFFLINE_PAGE = "支部考评.html";

// Files office.js loads beside itself, for Excel only, and the two UI languages we ship.
const OFFICE_JS = path.join(__dirname, "node_modules/@microsoft/office-js/dist");
const OFFICE_FILES = [
  "office.js",
  "excel-*.js",
  "custom-functions-runtime.js",
  "o15apptofilemappingtable.js",
  "es6-promise.js",
  "zh-cn/office_strings.js",
  "en-us/office_strings.js",
  "telemetry/*.js",
  "ariatelemetry/*.js",
];

/** Node built-ins a dependency may name: the browser bundles must not pull them in. */
const RESOLVE = {
  extensions: [".ts", ".tsx", ".js"],
  fallback: { fs: false, path: false, stream: false, crypto: false },
};

/** Output of a served build (the add-in in dist/, the WPS 加载项 in dist-wps/): hashed names. */
function servedOutput(dir, dev) {
  return {
    path: path.resolve(__dirname, dir),
    filename: dev ? "[name].js" : "[name].[contenthash:8].js",
    chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
    // The offline page is written into dist/ by the other compiler of the same build.
    clean: { keep: (f) => f === OFFLINE_PAGE },
  };
}

const TS_RULE = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } },
};

/**
 * The WPS 加载项 (`npm run build:wps`): dist-wps/branch-grader/ holds index.html (the page WPS
 * loads at start-up; it defines the ribbon callbacks), ribbon.xml, the ribbon icons and the
 * same task pane without office.js. scripts/wps-publish.ts then writes the publish manifests.
 */
function wpsConfig(dev) {
  return {
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/taskpane/index.tsx", ribbon: "./src/taskpane/wps-ribbon.ts" },
    output: servedOutput("dist-wps/branch-grader", dev),
    resolve: RESOLVE,
    module: { rules: [TS_RULE] },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        templateContent: `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>支部考评</title></head><body></body></html>`,
        chunks: ["ribbon"],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJs: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "assets/wps/*.png", to: "images/[name][ext]" },
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
        ],
      }),
    ],
  };
}

/**
 * dist/支部考评.html: the browser mode (file host, engine, pane, styles, icons, the sample) in
 * one file that works from file:// with no server and no network. One script, no chunks.
 */
function offlineConfig() {
  return {
    name: "offline",
    devtool: false,
    entry: { offline: "./src/taskpane/offline.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "offline.js",
      // The file host is imported lazily in the served build; here everything is in the page.
      asyncChunks: false,
      clean: false,
    },
    resolve: RESOLVE,
    module: { rules: [TS_RULE, { test: /\.xlsx$/, type: "asset/inline" }] },
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    plugins: [
      new OfflineHtmlPlugin({
        filename: OFFLINE_PAGE,
        title: "支部考评",
        favicon: path.resolve(__dirname, "assets/icon-32.png"),
      }),
    ],
  };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  if (env.target === "wps") return wpsConfig(dev);
  const addin = await addinConfig(env, dev);
  // The dev server serves the add-in only; builds also write the offline page.
  return env.WEBPACK_SERVE ? addin : [addin, offlineConfig()];
};

async function addinConfig(env, dev) {
  const addinUrl = process.env.ADDIN_URL;
  if (addinUrl && !/^https:\/\//.test(addinUrl)) {
    throw new Error(`ADDIN_URL must be an https:// URL (got ${addinUrl})`);
  }
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: servedOutput("dist", dev),
    resolve: RESOLVE,
    module: {
      rules: [TS_RULE],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: "./src/functions/functions.ts",
        output: "functions.json",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
        officeJs: true,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "help.html" },
          // The bundled sample workbook, for 使用示例 in the browser mode (ASCII name in the URL).
          { from: "assets/示例.xlsx", to: "sample.xlsx" },
          ...OFFICE_FILES.map((from) => ({
            from,
            context: OFFICE_JS,
            to: "office-js/",
            globOptions: { ignore: ["**/*.debug.js"] },
          })),
        ],
      }),
      new BranchGraderBuildPlugin({
        addinUrl,
        translations: path.resolve(__dirname, "src/functions/translations.zh-CN.json"),
        manifest: path.resolve(__dirname, "manifest.xml"),
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      // Office requires https: the dev certificates come from office-addin-dev-certs.
      server: env.WEBPACK_SERVE
        ? { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() }
        : undefined,
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
}
