import path from "node:path";

/** Directories of test code and test data, as in the configs' `CONFIG_IGNORES`, plus fixtures and factories. */
const TEST_DIRECTORIES = [
  "test",
  "tests",
  "__tests__",
  "__mocks__",
  "__fixtures__",
  "fixtures",
  "factories",
  "e2e",
  "cypress",
  "playwright",
  "bench",
  "benchmark",
  "benchmarks",
];

/** A `*.test.*` / `*.spec.*` file name (the part after the last separator). */
const TEST_BASENAME = /\.(?:test|spec)\.[^/\\]*$/u;
/** One of the directories above as a whole path segment, with something below it. */
const TEST_DIRECTORY = new RegExp(`(?:^|[/\\\\])(?:${TEST_DIRECTORIES.join("|")})[/\\\\]`, "u");

/**
 * Test code: `*.test.*` / `*.spec.*` files and files under a test or test-data directory (`test/`,
 * `__tests__/`, `fixtures/`, `factories/`, `e2e/`, `benchmarks/`, ...). The configs already leave test code out
 * (`CONFIG_IGNORES`); the secret rules also skip it themselves, because fixtures are full of fake
 * credentials and users who enable a rule by hand rarely copy the ignores. Two linear regular expressions.
 * The path is taken relative to ESLint's working directory.
 */
let lastFilename: string | undefined;
let lastCwd: string | undefined;
let lastResult = false;

export function isTestFile(context: { readonly filename: string; readonly cwd: string }): boolean {
  // Several rules ask about the same file in a row, with the very same strings: comparing them is cheap.
  const { filename, cwd } = context;
  if (filename !== lastFilename || cwd !== lastCwd) {
    lastFilename = filename;
    lastCwd = cwd;
    lastResult = computeIsTestFile(context);
  }
  return lastResult;
}

function computeIsTestFile(context: { readonly filename: string; readonly cwd: string }): boolean {
  // Only the project's own folders count: a checkout under `/home/ci/tests/app` is not test code.
  // ESLint passes absolute paths, almost always under cwd: slicing is the cheap way to the same answer.
  const { cwd, filename } = context;
  const relative =
    filename.length > cwd.length + 1 &&
    filename.startsWith(cwd) &&
    (filename[cwd.length] === path.sep || filename[cwd.length] === "/")
      ? filename.slice(cwd.length + 1)
      : path.relative(cwd, path.resolve(cwd, filename));
  const inProject = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  const inside = inProject ? relative : filename;
  return TEST_BASENAME.test(inside) || TEST_DIRECTORY.test(inside);
}
