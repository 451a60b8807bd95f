import { RuleTester } from "@typescript-eslint/rule-tester";

/** A RuleTester that parses TS, TSX, JS and JSX with typescript-eslint's parser, as users' configs do. */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}

/** RuleTester's default filename is `file.ts`; these name the framework file a case stands for. */
export const files = {
  ts: "src/server.ts",
  js: "src/server.js",
  cjs: "src/server.cjs",
  nextApp: "app/api/users/route.ts",
  nextPages: "pages/api/users.ts",
  nest: "src/users/users.controller.ts",
} as const;
