/** The browser end-to-end suite: Playwright (playwright-core + Debian Chromium) on the built dist/. */
const path = require("path");
const base = require("../../jest.config.cjs");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: path.resolve(__dirname, "../.."),
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 180_000,
};
