// Lint: TypeScript, the Office add-in rules (sync/load discipline), React and hooks rules,
// and the layer rules of DESIGN.md (test/architecture.test.ts checks the same, stricter).
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";

const officePlugin = { rules: officeAddins.rules };

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test/fixtures/**", "**/*.cjs", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officePlugin, react, "react-hooks": reactHooks },
    settings: { react: { version: "19.0" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-eval": "error",
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^(?!\\./|\\.\\./(?!\\.\\.))", message: "src/engine imports nothing outside src/engine (DESIGN.md)." }] }],
      "no-restricted-globals": ["error", "window", "document", "process", "Buffer", "require", "Office", "Excel", "navigator", "localStorage", "fetch"],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-globals": ["error", { name: "Excel", message: "The task pane talks to a WorkbookPort, never to Excel.* (DESIGN.md)." }],
    },
  },
);
