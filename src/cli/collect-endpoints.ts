import path from "node:path";

import { ESLint, type Linter, type Rule } from "eslint";

import { createEndpointCollector, EndpointCollection, type Endpoint } from "./endpoints.js";

export interface Collected {
  endpoints: Endpoint[];
  /** ESLint's results: the findings of the rules `withRules` turned on, nothing else. */
  results: ESLint.LintResult[];
  /** Files ESLint could not parse (their routes are missing), relative to `cwd`. */
  unparsed: { file: string; message: string }[];
  /** The project's ESLint config, or why it could not be used (the command then parses with typescript-eslint). */
  config: { file: string } | { file: undefined; problem?: string };
}

export interface CollectOptions {
  cwd: string;
  /** A config object whose rules run too (`harden report`: the plugin's `strict`); its plugin is the project's when it registers one. */
  withRules?: Linter.Config;
  /** Called once per file linted, for progress. */
  onFile?: () => void;
}

const FILES = ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"];
const COLLECTOR = "harden-cli/endpoints";

/** The parser a project without an ESLint config gets: typescript-eslint's, for JavaScript and TypeScript alike. */
async function getDefaultConfig(): Promise<Linter.Config> {
  const parser = await import("@typescript-eslint/parser");
  return {
    files: FILES,
    languageOptions: { parser: parser.default ?? parser, ecmaVersion: "latest", sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "off" },
  };
}

const isPluginClash = (error: unknown): boolean =>
  error instanceof Error && /Cannot redefine plugin "harden"/u.test(error.message);

/**
 * Lints the files under `patterns` with the project's own ESLint config (its parser, ignores and
 * `settings.harden`, as the editor sees them) and one rule that collects the endpoints of every file.
 * No rule of the project's config runs; only those of `withRules` do.
 */
export async function collectEndpoints(patterns: string[], options: CollectOptions): Promise<Collected> {
  const { cwd, withRules, onFile } = options;
  const collection = new EndpointCollection();
  // typescript-eslint's rule type and ESLint's describe the same object: the plugin's own rules cross over alike.
  const rule = createEndpointCollector(cwd, collection, onFile) as unknown as Rule.RuleModule;
  const plugin: ESLint.Plugin = { meta: { name: "harden-cli" }, rules: { endpoints: rule } };
  const collector: Linter.Config = { files: FILES, plugins: { "harden-cli": plugin }, rules: { [COLLECTOR]: "error" } };
  const wanted = new Set([COLLECTOR, ...Object.keys(withRules?.rules ?? {})]);

  async function lint(own: Linter.Config[], registerPlugin = true): Promise<ESLint.LintResult[]> {
    collection.clear();
    const extra = withRules ? [registerPlugin ? withRules : { ...withRules, plugins: {} }] : [];
    const eslint = new ESLint({
      cwd,
      ...(own.length > 0 ? { overrideConfigFile: true } : {}),
      overrideConfig: [...own, ...extra, collector],
      ruleFilter: ({ ruleId }) => wanted.has(ruleId),
      errorOnUnmatchedPattern: false,
      warnIgnored: false,
    });
    try {
      return await eslint.lintFiles(patterns);
    } catch (error) {
      // The project's config registers its own copy of the plugin: its rules are the same, run them.
      if (registerPlugin && withRules && isPluginClash(error)) return lint(own, false);
      throw error;
    }
  }

  const configFile = await new ESLint({ cwd }).findConfigFile();
  let config: Collected["config"] = { file: undefined };
  let results: ESLint.LintResult[] | undefined;
  if (configFile !== undefined) {
    try {
      results = await lint([]);
      config = { file: configFile };
    } catch (error) {
      config = { file: undefined, problem: `${configFile}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  results ??= await lint([await getDefaultConfig()]);
  const unparsed = results.flatMap((result) => {
    const fatal = result.messages.find((message) => message.fatal === true);
    return fatal
      ? [{ file: path.relative(cwd, result.filePath).split(path.sep).join("/"), message: fatal.message }]
      : [];
  });
  return { endpoints: collection.join(), results, unparsed, config };
}
