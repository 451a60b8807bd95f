import type { Linter } from "eslint";

import type { RuleModule } from "./rules/index.js";

export type ConfigName = "recommended" | "strict";

/** Files the configs lint: every JavaScript and TypeScript flavour. */
export const CONFIG_FILES = ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"];

/**
 * Test code may print, swallow and hardcode freely; the configs leave it out. Users widen or narrow
 * this by adding their own config object after ours (see the README).
 */
export const CONFIG_IGNORES = [
  "**/*.{test,spec}.{js,mjs,cjs,jsx,ts,mts,cts,tsx}",
  "**/{test,tests,__tests__,__mocks__,e2e,cypress,playwright}/**",
];

/**
 * The rule entries of a config, derived from each rule's `meta.docs.recommended`:
 * `"recommended"` → both configs; `"strict"` → strict only; `{ recommended: true, strict: [opts] }` →
 * both, with the stricter options in `strict`.
 */
export function getConfigRules(
  rules: Readonly<Record<string, RuleModule>>,
  config: ConfigName,
): Record<string, Linter.RuleEntry> {
  const entries: Record<string, Linter.RuleEntry> = {};
  for (const [id, rule] of Object.entries(rules)) {
    const recommended = rule.meta.docs?.recommended;
    if (recommended === undefined || recommended === "stylistic") continue;
    const key = `harden/${id}`;
    if (typeof recommended === "string") {
      if (config === "strict" || recommended === "recommended") entries[key] = "error";
      continue;
    }
    if (config === "recommended") {
      if (recommended.recommended) entries[key] = "error";
      continue;
    }
    const strictOptions = recommended.strict as unknown[];
    entries[key] = strictOptions.length > 0 ? ["error", ...strictOptions] : "error";
  }
  return entries;
}
