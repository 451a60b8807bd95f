import { readFileSync } from "node:fs";
import path from "node:path";

import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";

import plugin from "../../src/index.js";

export interface LintOptions {
  filename?: string;
  /** The project the file belongs to (rules that read other files of the project look there); the process's by default. */
  cwd?: string;
  settings?: Record<string, unknown>;
  options?: unknown[];
}

function makeConfig(
  ruleId: string,
  { filename = "src/server.ts", settings = {}, options = [] }: LintOptions,
): Linter.Config[] {
  return [
    {
      files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"],
      plugins: { harden: plugin },
      languageOptions: {
        parser: tsParser,
        parserOptions: { ecmaFeatures: { jsx: true } },
        sourceType: filename.endsWith(".cjs") ? "commonjs" : "module",
      },
      settings,
      rules: { [`harden/${ruleId}`]: ["error", ...options] },
    },
  ];
}

/** One lint of `code`, without fixing: what the editor shows. */
export function lint(ruleId: string, code: string, lintOptions: LintOptions = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat", ...(lintOptions.cwd === undefined ? {} : { cwd: lintOptions.cwd }) });
  return linter.verify(code, makeConfig(ruleId, lintOptions), { filename: lintOptions.filename ?? "src/server.ts" });
}

/**
 * Runs a rule with `--fix` semantics (up to ESLint's 10 passes) and reports what a second pass
 * would still do: autofix output must parse, and a re-lint must find nothing left to autofix.
 */
export function lintWithFix(ruleId: string, code: string, lintOptions: LintOptions = {}) {
  const linter = new Linter({ configType: "flat", ...(lintOptions.cwd === undefined ? {} : { cwd: lintOptions.cwd }) });
  const filename = lintOptions.filename ?? "src/server.ts";
  const config = makeConfig(ruleId, lintOptions);
  const fixed = linter.verifyAndFix(code, config, { filename });
  const again = linter.verify(fixed.output, config, { filename });
  return {
    output: fixed.output,
    fatal: again.filter((m) => m.fatal === true),
    remainingFixable: again.filter((m) => m.fix !== undefined),
    remaining: again,
  };
}

/**
 * Accepts suggestions the way a reviewer does in the editor: the first suggestion of the first report,
 * one per pass, until no report offers one (at most `maxPasses`). Reports what the last pass still finds
 * and every autofix any pass offered, which for a suggestion-only rule must be none.
 */
export function lintWithSuggestions(ruleId: string, code: string, lintOptions: LintOptions = {}, maxPasses = 10) {
  const linter = new Linter({ configType: "flat", ...(lintOptions.cwd === undefined ? {} : { cwd: lintOptions.cwd }) });
  const filename = lintOptions.filename ?? "src/server.ts";
  const config = makeConfig(ruleId, lintOptions);
  const autofixes: Linter.LintMessage[] = [];
  let output = code;
  for (let pass = 0; pass < maxPasses; pass++) {
    const messages = linter.verify(output, config, { filename });
    autofixes.push(...messages.filter((m) => m.fix !== undefined));
    const fix = messages.find((m) => m.suggestions?.length)?.suggestions?.[0]?.fix;
    if (!fix) break;
    output = output.slice(0, fix.range[0]) + fix.text + output.slice(fix.range[1]);
  }
  const again = linter.verify(output, config, { filename });
  return { output, autofixes, fatal: again.filter((m) => m.fatal === true), remaining: again };
}

/** One lint of a file of a fixture project, as it is on disk, with the project as ESLint's working directory. */
export function lintProjectFile(
  ruleId: string,
  project: string,
  filename: string,
  lintOptions: Omit<LintOptions, "cwd" | "filename"> = {},
): Linter.LintMessage[] {
  return lint(ruleId, readFileSync(path.join(project, filename), "utf8"), { ...lintOptions, cwd: project, filename });
}
