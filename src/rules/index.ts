import type { TSESLint } from "@typescript-eslint/utils";

import type { HardenRuleDocs } from "../utils/create-rule.js";
import noDebugDefaultOn from "./no-debug-default-on.js";
import noHardcodedConfig from "./no-hardcoded-config.js";
import noHardcodedSecret from "./no-hardcoded-secret.js";
import noPrintDebugging from "./no-print-debugging.js";
import noSecretEnvFallback from "./no-secret-env-fallback.js";

export type RuleModule = TSESLint.RuleModule<string, readonly unknown[], HardenRuleDocs> & { name: string };

/** Every rule, by id. The consistency test checks this against `src/rules/*.ts`, the docs and the tests. */
export const rules = {
  "no-debug-default-on": noDebugDefaultOn,
  "no-hardcoded-config": noHardcodedConfig,
  "no-hardcoded-secret": noHardcodedSecret,
  "no-print-debugging": noPrintDebugging,
  "no-secret-env-fallback": noSecretEnvFallback,
} satisfies Record<string, RuleModule>;

export type RuleName = keyof typeof rules;
