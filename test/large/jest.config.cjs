/** The slow suite (npm run test:large): a 1,048,575-branch workbook graded by the real CLI. */
const path = require("path");
const base = require("../../jest.config.cjs");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: path.resolve(__dirname, "../.."),
  roots: ["<rootDir>/test/large"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  // Generating (~30 s), grading (2–5 min on the shared 2-core machine) and reading back (~1 min).
  testTimeout: 1_800_000,
};
