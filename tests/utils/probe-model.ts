import tsParser from "@typescript-eslint/parser";
import type { TSESLint } from "@typescript-eslint/utils";
import { Linter } from "eslint";

import type { RuleContext } from "../../src/frameworks/types.js";

/**
 * Runs `probe` as a rule over `code`, so the framework model is exercised with a real ESLint context
 * (scope manager, parent pointers, filename). Throws if the code does not parse.
 */
export function probeModel(
  code: string,
  probe: (context: RuleContext) => TSESLint.RuleListener,
  filename = "src/server.ts",
): void {
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"],
        plugins: { probe: { rules: { probe: { meta: { schema: [] }, create: probe as never } } } },
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        rules: { "probe/probe": "error" },
      },
    ],
    { filename },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`probe: ${fatal.message}`);
}
