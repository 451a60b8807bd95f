/**
 * How the benchmark lints one app: the built plugin's `recommended` or `strict` config as a user adds it
 * (the configs' own `files` and test-code ignores), with the TypeScript parser for every JavaScript and
 * TypeScript flavour, over the app's server paths only. The app's own ESLint config is not used: its
 * plugins are not installed here, and the benchmark measures this plugin's configs.
 */
import { existsSync } from "node:fs";
import path from "node:path";

import tsParser from "@typescript-eslint/parser";
import { ESLint, type Linter } from "eslint";
import harden from "eslint-plugin-harden";

import type { App, ConfigName } from "./manifest.js";

// Apps that still ship an `.eslintignore` make ESLint warn once per linter; their ignores do not apply here.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const name =
    typeof warning === "string"
      ? typeof rest[0] === "string"
        ? rest[0]
        : (rest[0] as { type?: string } | undefined)?.type
      : warning.name;
  if (name === "ESLintIgnoreWarning") return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;

export function getLintConfig(config: ConfigName, settings?: Record<string, unknown>): Linter.Config[] {
  return [
    // Generated and vendored code is nobody's server code.
    { ignores: ["**/dist/**", "**/build/**", "**/.next/**", "**/generated/**", "**/*.min.js", "**/*.d.ts"] },
    {
      files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"],
      languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" },
      // Real apps carry disable comments for rules of their own configs, not loaded here.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" },
    },
    { files: ["**/*.{js,jsx}"], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs" } },
    harden.configs[config],
    ...(settings ? [{ settings: { harden: settings } }] : []),
  ];
}

/** The app's server paths that exist in the checkout (a manifest path that is gone is reported, not fatal). */
export function getServerPaths(app: App, root: string): { present: string[]; missing: string[] } {
  const present: string[] = [];
  const missing: string[] = [];
  for (const serverPath of app.serverPaths)
    (existsSync(path.join(root, serverPath)) ? present : missing).push(serverPath);
  return { present, missing };
}

export function createAppLinter(
  root: string,
  config: ConfigName,
  options: { fix?: boolean; settings?: Record<string, unknown> } = {},
): ESLint {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: getLintConfig(config, options.settings),
    fix: options.fix ?? false,
    cache: false,
    errorOnUnmatchedPattern: false,
  });
}
