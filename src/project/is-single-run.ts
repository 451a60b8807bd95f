import path from "node:path";

let singleRun: boolean | undefined;

/** How the `eslint` and `harden` commands are started: their bin links, or their scripts run by `node`. */
const ONE_TIME_BINS = [
  path.normalize("node_modules/.bin/eslint"),
  path.normalize("eslint/bin/eslint.js"),
  path.normalize("node_modules/.bin/harden"),
  path.normalize("dist/cli/harden.js"),
];

/**
 * Whether this process lints once and exits (the `eslint` command, a CI job) rather than lints again and
 * again as files change (an editor's ESLint server). In a one-time run no file changes while it runs, so
 * the project is listed once and other files are checked once; in a long-running one they are checked
 * again so an edit to another file is seen. Inferred as typescript-eslint infers it, so one setting
 * serves both: `TSESTREE_SINGLE_RUN` (`true` / `false`) when set, else `CI=true`, else how the process
 * was started (`eslint`, `harden`). Decided once per process.
 */
export function isSingleRun(): boolean {
  singleRun ??= inferSingleRun();
  return singleRun;
}

/** {@link isSingleRun}'s inference, made afresh. */
export function inferSingleRun(): boolean {
  const setting = process.env.TSESTREE_SINGLE_RUN;
  if (setting === "true") return true;
  if (setting === "false") return false;
  if (process.env.CI === "true") return true;
  const script = process.argv[1];
  return script !== undefined && ONE_TIME_BINS.some((bin) => path.normalize(script).endsWith(bin));
}
