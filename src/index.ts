import { createRequire } from "node:module";

import type { ESLint, Linter, Rule } from "eslint";

import { CONFIG_FILES, CONFIG_IGNORES, getConfigRules } from "./configs.js";
import { rules, type RuleName } from "./rules/index.js";

const require = createRequire(import.meta.url);
const { name, version } = require("../package.json") as { name: string; version: string };

/**
 * The plugin's public type. typescript-eslint's `RuleModule` is stricter than ESLint's own `Rule.RuleModule`,
 * so the plugin is exposed through ESLint's types: it drops into `defineConfig()` in an `eslint.config.ts`
 * without casts (proven by `tests/types/eslint-config.ts`).
 */
export interface HardenPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: "harden" };
  rules: Record<RuleName, Rule.RuleModule>;
  configs: {
    recommended: Linter.Config;
    strict: Linter.Config;
  };
}

const plugin: HardenPlugin = {
  meta: { name, version, namespace: "harden" },
  rules: rules as unknown as Record<RuleName, Rule.RuleModule>,
  configs: {} as HardenPlugin["configs"],
};

// The configs reference the plugin object itself, so they are attached after it exists.
plugin.configs.recommended = {
  name: "harden/recommended",
  files: CONFIG_FILES,
  ignores: CONFIG_IGNORES,
  plugins: { harden: plugin },
  rules: getConfigRules(rules, "recommended"),
};
plugin.configs.strict = {
  name: "harden/strict",
  files: CONFIG_FILES,
  ignores: CONFIG_IGNORES,
  plugins: { harden: plugin },
  rules: getConfigRules(rules, "strict"),
};

export type { HardenSettings } from "./utils/settings.js";
export { rules };
export default plugin;
// What `require("eslint-plugin-harden")` returns on Node versions with require(esm): the plugin itself,
// as CommonJS configs and tools such as eslint-doc-generator expect.
export { plugin as "module.exports" };
