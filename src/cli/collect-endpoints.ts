import path from "node:path";

import { ESLint, type Linter, type Rule } from "eslint";

import { createEndpointCollector, type Endpoint } from "./endpoints.js";

export interface Collected {
  endpoints: Endpoint[];
  /** Files ESLint could not parse (their routes are missing), relative to `cwd`. */
  unparsed: { file: string; message: string }[];
  /** The project's ESLint config, or why it could not be used (the command then parses with typescript-eslint). */
  config: { file: string } | { file: undefined; problem?: string };
}

const FILES = ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"];
const RULE = "harden-cli/endpoints";

/** The parser a project without an ESLint config gets: typescript-eslint's, for JavaScript and TypeScript alike. */
async function getDefaultConfig(): Promise<Linter.Config> {
  const parser = await import("@typescript-eslint/parser");
  return {
    files: FILES,
    languageOptions: { parser: parser.default ?? parser, ecmaVersion: "latest", sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "off" },
  };
}

function compare(a: Endpoint, b: Endpoint): number {
  return a.app.localeCompare(b.app) || a.file.localeCompare(b.file) || a.line - b.line;
}

/**
 * The endpoints of every app under `patterns`, found by linting them with the project's own ESLint config
 * (its parser and `settings.harden`, as the editor sees them) and one rule that only collects. Nothing is
 * reported and no other rule runs.
 */
export async function collectEndpoints(patterns: string[], cwd: string): Promise<Collected> {
  const endpoints: Endpoint[] = [];
  // typescript-eslint's rule type and ESLint's describe the same object: the plugin's own rules cross over alike.
  const rule = createEndpointCollector(cwd, endpoints) as unknown as Rule.RuleModule;
  const plugin: ESLint.Plugin = { meta: { name: "harden-cli" }, rules: { endpoints: rule } };
  const collector: Linter.Config = { files: FILES, plugins: { "harden-cli": plugin }, rules: { [RULE]: "error" } };
  const shared = {
    cwd,
    ruleFilter: ({ ruleId }: { ruleId: string }) => ruleId === RULE,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
  };

  async function lint(eslint: ESLint): Promise<ESLint.LintResult[]> {
    endpoints.length = 0;
    return eslint.lintFiles(patterns);
  }

  const configFile = await new ESLint({ cwd }).findConfigFile();
  let config: Collected["config"] = { file: undefined };
  let results: ESLint.LintResult[] | undefined;
  if (configFile !== undefined) {
    try {
      results = await lint(new ESLint({ ...shared, overrideConfig: collector }));
      config = { file: configFile };
    } catch (error) {
      config = { file: undefined, problem: `${configFile}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  results ??= await lint(
    new ESLint({ ...shared, overrideConfigFile: true, overrideConfig: [await getDefaultConfig(), collector] }),
  );
  const unparsed = results.flatMap((result) => {
    const fatal = result.messages.find((message) => message.fatal === true);
    return fatal
      ? [{ file: path.relative(cwd, result.filePath).split(path.sep).join("/"), message: fatal.message }]
      : [];
  });
  return { endpoints: endpoints.sort(compare), unparsed, config };
}
