import path from "node:path";

let singleRun: boolean | undefined;

/** How the `eslint` command is started: its bin link, or its bin script run by `node`. */
const ESLINT_BIN = [path.normalize("node_modules/.bin/eslint"), path.normalize("eslint/bin/eslint.js")];

/**
 * Whether this process lints once and exits (the `eslint` command, a CI job) rather than lints again and
 * again as files change (an editor's ESLint server). In a one-time run no file changes while it runs, so
 * the project is listed once and other files are checked once; in a long-running one they are checked
 * again so an edit to another file is seen. Inferred as typescript-eslint infers it, so one setting
 * serves both: `TSESTREE_SINGLE_RUN` (`true` / `false`) when set, else `CI=true`, else how the process
 * was started. Decided once per process.
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
  return script !== undefined && ESLINT_BIN.some((bin) => path.normalize(script).endsWith(bin));
}
