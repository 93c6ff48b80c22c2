/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/", "/test/large/"],
  // UI tests render Fluent UI in jsdom; on a busy 2-core machine some take over jest's 5 s default.
  testTimeout: 30_000,
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          isolatedModules: true,
          module: "commonjs",
          moduleResolution: "node10",
          jsx: "react-jsx",
          esModuleInterop: true,
          target: "ES2022",
        },
      },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "cjs", "mjs", "json"],
};
