import type { TSESLint } from "@typescript-eslint/utils";

import type { HardenRuleDocs } from "../utils/create-rule.js";
import noPrintDebugging from "./no-print-debugging.js";

export type RuleModule = TSESLint.RuleModule<string, readonly unknown[], HardenRuleDocs> & { name: string };

/** Every rule, by id. The consistency test checks this against `src/rules/*.ts`, the docs and the tests. */
export const rules = {
  "no-print-debugging": noPrintDebugging,
} satisfies Record<string, RuleModule>;

export type RuleName = keyof typeof rules;
