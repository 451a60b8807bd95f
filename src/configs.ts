import type { Linter } from "eslint";

import type { RuleModule } from "./rules/index.js";

export type ConfigName = "recommended" | "strict";

const EXTENSIONS = "{js,mjs,cjs,jsx,ts,mts,cts,tsx}";

/** Files the configs lint: every JavaScript and TypeScript flavour. */
export const CONFIG_FILES = [`**/*.${EXTENSIONS}`];

/**
 * What is not server code, left out by both configs. Test code may print, swallow and hardcode freely.
 * Command-line tools, one-off and release scripts, seeds, migrations, install hooks and test setup run
 * by hand or once, where `console` is the interface and a thrown error is the report. A route that a
 * file-based router (Next.js `app/` and `pages/`, a `routes/` or `api/` folder) serves from a folder of
 * one of those names is still a route. Users widen or narrow this by adding their own config object
 * after ours (see the README).
 */
export const CONFIG_IGNORES = [
  `**/*.{test,spec}.${EXTENSIONS}`,
  "**/{test,tests,__tests__,__mocks__,e2e,cypress,playwright}/**",
  "**/{bin,cli,scripts,seeds,seeders,migrations}/**",
  `**/{seed,seeds,postinstall}.${EXTENSIONS}`,
  `**/{jest,vitest,test}.setup.${EXTENSIONS}`,
  `**/{setupTests,setup-tests,test-setup}.${EXTENSIONS}`,
  "!**/{app,pages,routes,api}/**/{bin,cli,scripts,seeds,seeders,migrations}/**",
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
