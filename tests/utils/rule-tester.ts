import path from "node:path";

import { RuleTester, type RunTests } from "@typescript-eslint/rule-tester";

/**
 * A RuleTester that parses TS, TSX, JS and JSX with typescript-eslint's parser, as users' configs do.
 * With `cwd`, ESLint runs in that directory (RuleTester takes it from `tsconfigRootDir`, which without
 * `project` changes nothing else): relative filenames are files of that project.
 */
export function createRuleTester(cwd?: string): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true }, ...(cwd === undefined ? {} : { tsconfigRootDir: cwd }) },
    },
  });
}

/**
 * Projects whose `tsconfig.json` sets `noPropertyAccessFromIndexSignature`: `strict/` directly (JSONC,
 * with comments and trailing commas), `extends/` through a relative base, and `loose/`, which extends that
 * base and turns the option off again. Use with `createRuleTester(INDEX_SIGNATURE_PROJECTS)`.
 */
export const INDEX_SIGNATURE_PROJECTS = path.resolve(import.meta.dirname, "../fixtures/index-signature-access");

/** RuleTester's default filename is `file.ts`; these name the framework file a case stands for. */
export const files = {
  ts: "src/server.ts",
  js: "src/server.js",
  cjs: "src/server.cjs",
  nextApp: "app/api/users/route.ts",
  nextPages: "pages/api/users.ts",
  nest: "src/users/users.controller.ts",
} as const;

/**
 * Every case of `tests` run with `options` unless it sets its own: for a suite that checks what a rule
 * recognises under one setting of an option, written once instead of on every case.
 */
export function withOptions<MessageIds extends string, Options extends readonly unknown[]>(
  options: Options,
  tests: RunTests<MessageIds, Options>,
): RunTests<MessageIds, Options> {
  return {
    valid: tests.valid.map((test) => (typeof test === "string" ? { code: test, options } : { options, ...test })),
    invalid: tests.invalid.map((test) => ({ options, ...test })),
  };
}
