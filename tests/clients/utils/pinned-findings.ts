/**
 * What the reference rule finds in the demo app under `harden.configs.recommended`, pinned by position so
 * every client test can fail on a wrong line, column or range (1-based, ESLint's convention). Other rules are
 * compared between clients rather than pinned, so their authors can change them without editing these tests.
 */
export const PINNED_RULE = "harden/no-print-debugging";

export const PINNED_FINDINGS = [
  {
    file: "src/routes/orders.ts",
    line: 14,
    column: 3,
    endLine: 14,
    endColumn: 60,
    messageId: "console",
    fix: false,
    suggestions: ["removeCall"],
  },
  {
    file: "src/routes/orders.ts",
    line: 15,
    column: 3,
    endLine: 15,
    endColumn: 12,
    messageId: "debugger",
    fix: true,
    suggestions: [],
  },
  {
    file: "src/routes/orders.ts",
    line: 25,
    column: 3,
    endLine: 25,
    endColumn: 48,
    messageId: "console",
    fix: false,
    suggestions: ["removeCall"],
  },
  {
    file: "src/server.ts",
    line: 20,
    column: 3,
    endLine: 20,
    endColumn: 57,
    messageId: "console",
    fix: false,
    suggestions: ["removeCall"],
  },
] as const;

export const PINNED_DOCS_URL =
  "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/no-print-debugging.md";
