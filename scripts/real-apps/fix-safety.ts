/**
 * `npm run bench:fix-safety -- <folder with the checkouts> [--app <id>]... [--no-install]`
 *
 * For each app of bench/real-apps/fix-safety.tsv: installs its dependencies (its `install` command, once:
 * a `.harden-installed` marker records it; `--no-install` skips the step), runs its `check` command (type-check, and
 * a build where named), then for `recommended` and `strict`, each without settings and with the
 * `settings.harden` that names what the app really has:
 *   1. `eslint --fix` over its server paths (through ESLint's API, as the CLI does);
 *   2. no file may fail to parse afterwards, and the check that passed before must pass after (an app whose
 *      TypeScript check already fails, as prototypes' often do, must fail with no error it did not have:
 *      errors are compared by file, code and message, since a fix moves lines);
 *   3. a second `--fix` must change nothing;
 * then puts the files back as they were. Prints a table and exits non-zero when any run fails.
 * See docs/benchmarks.md.
 */
import { execSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { ESLint } from "eslint";

import { createAppLinter, getServerPaths } from "./lint-app.js";
import { CONFIG_NAMES, readApps, readFixSafetyApps, type App, type ConfigName } from "./manifest.js";

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  allowPositionals: true,
  options: { app: { type: "string", multiple: true }, "no-install": { type: "boolean" } },
});
const onlyApps = values.app ?? [];
const noInstall = values["no-install"] ?? false;
const [checkouts] = positionals;
if (!checkouts) {
  console.error("usage: npm run bench:fix-safety -- <folder with the checkouts> [--app <id>]... [--no-install]");
  process.exit(2);
}

interface CheckResult {
  ok: boolean;
  output: string;
}

/**
 * `next build` fetches `next/font/google` stylesheets; the benchmark builds offline, so Next's own hook for
 * mocked font responses answers every stylesheet with one stub `@font-face`.
 */
const fontStub = path.join(os.tmpdir(), "harden-next-font-stub.cjs");
writeFileSync(
  fontStub,
  `module.exports = new Proxy({}, { get: (_, url) => typeof url === "string" ? ${JSON.stringify(
    "/* latin */\n@font-face {\n  font-family: 'Stub';\n  font-style: normal;\n  font-weight: 400;\n  src: url(https://fonts.gstatic.com/s/stub/v1/stub.woff2) format('woff2');\n  unicode-range: U+0000-00FF;\n}\n",
  )} : undefined });\n`,
);

function runCheck(command: string, cwd: string): CheckResult {
  const env = { ...process.env, CI: "1", NEXT_TELEMETRY_DISABLED: "1", NEXT_FONT_GOOGLE_MOCKED_RESPONSES: fontStub };
  const result = spawnSync("sh", ["-c", command], { cwd, encoding: "utf8", maxBuffer: 1 << 28, env });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** `src/a.ts(12,5): error TS2339: …` without its position: what stays the same when a fix moves lines. */
const TS_ERROR = /^(?<file>[^\s(][^(]*)\(\d+,\d+\): error (?<rest>TS\d+: .*)$/u;

/** The TypeScript errors a check printed, each with how often it occurs; none when it printed no such line. */
function getTypeErrors(output: string): Map<string, number> {
  const errors = new Map<string, number>();
  for (const line of output.split("\n")) {
    const match = TS_ERROR.exec(line.trim());
    if (!match?.groups) continue;
    const key = `${match.groups.file}: ${match.groups.rest}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
  }
  return errors;
}

/** Whether the check after `--fix` is as good as before: it passes, or fails only with errors it had before. */
function isNoWorse(before: CheckResult, after: CheckResult): CheckResult {
  if (after.ok || before.ok) return after;
  const known = getTypeErrors(before.output);
  const added = [...getTypeErrors(after.output)].filter(([key, count]) => count > (known.get(key) ?? 0));
  return added.length === 0
    ? { ok: true, output: "" }
    : { ok: false, output: added.map(([key]) => `error ${key}`).join("\n") };
}

/** The first lines of a failed check that name an error, for the report. */
function firstErrors(output: string): string {
  const lines = output.split("\n").filter((line) => /error|Error/u.test(line));
  return (lines.length > 0 ? lines : output.split("\n")).slice(0, 8).join("\n      ");
}

interface Run {
  app: string;
  config: ConfigName;
  settings: boolean;
  filesFixed: number;
  /** Autofixes ESLint offered before the first pass (a pass applies those that do not overlap). */
  fixes: number;
  parseErrors: string[];
  checkAfter: CheckResult | undefined;
  secondPass: string[];
}

async function fixOnce(app: App, root: string, config: ConfigName, settings: Record<string, unknown> | undefined) {
  const eslint = createAppLinter(root, config, { fix: true, settings });
  const results = await eslint.lintFiles(getServerPaths(app, root).present);
  await ESLint.outputFixes(results);
  return results;
}

async function runVariant(
  app: App,
  root: string,
  check: string,
  before: CheckResult,
  config: ConfigName,
  settings: Record<string, unknown> | undefined,
): Promise<Run> {
  const run: Run = {
    app: app.id,
    config,
    settings: settings !== undefined,
    filesFixed: 0,
    fixes: 0,
    parseErrors: [],
    checkAfter: undefined,
    secondPass: [],
  };
  // Every file ESLint may write, as it was, so the checkout is left untouched whatever happens.
  const eslint = createAppLinter(root, config, { settings });
  const linted = await eslint.lintFiles(getServerPaths(app, root).present);
  run.fixes = linted.reduce((sum, result) => sum + result.messages.filter((message) => message.fix).length, 0);
  const files = linted.map((r) => r.filePath);
  const originals = new Map(files.map((file) => [file, readFileSync(file, "utf8")]));
  try {
    const first = await fixOnce(app, root, config, settings);
    run.filesFixed = first.filter((r) => r.output !== undefined).length;
    for (const result of first) {
      for (const message of result.messages) {
        if (message.fatal)
          run.parseErrors.push(`${path.relative(root, result.filePath)}:${message.line} ${message.message}`);
      }
    }
    if (run.filesFixed > 0) run.checkAfter = isNoWorse(before, runCheck(check, root));
    const second = await fixOnce(app, root, config, settings);
    run.secondPass = second.filter((r) => r.output !== undefined).map((r) => path.relative(root, r.filePath));
  } finally {
    for (const [file, text] of originals) writeFileSync(file, text);
  }
  return run;
}

const apps = readApps();
const runs: Run[] = [];
let failed = false;
for (const entry of readFixSafetyApps()) {
  if (onlyApps.length > 0 && !onlyApps.includes(entry.id)) continue;
  const app = apps.find((a) => a.id === entry.id);
  if (!app) throw new Error(`fix-safety.tsv names ${entry.id}, which apps.tsv does not list`);
  const root = path.join(checkouts, app.id);
  const installed = path.join(root, ".harden-installed");
  if (!noInstall && !existsSync(installed)) {
    console.log(`${app.id}: ${entry.install}`);
    execSync(entry.install, { cwd: root, stdio: "inherit" });
    writeFileSync(installed, `${entry.install}\n`);
  }
  const before = runCheck(entry.check, root);
  if (!before.ok && getTypeErrors(before.output).size === 0) {
    console.log(
      `${app.id}: the check fails before --fix, so this app proves nothing:\n      ${firstErrors(before.output)}`,
    );
    failed = true;
    continue;
  }
  const settings = JSON.parse(entry.settings) as Record<string, unknown>;
  for (const config of CONFIG_NAMES) {
    for (const withSettings of [false, true]) {
      const run = await runVariant(app, root, entry.check, before, config, withSettings ? settings : undefined);
      runs.push(run);
      const ok = run.parseErrors.length === 0 && (run.checkAfter?.ok ?? true) && run.secondPass.length === 0;
      if (!ok) failed = true;
      console.log(
        `${app.id} ${config}${withSettings ? " +settings" : ""}: ${run.fixes} autofixes, ${run.filesFixed} files fixed, ` +
          `check ${run.checkAfter ? (run.checkAfter.ok ? "passes" : "FAILS") : "not needed (nothing fixed)"}, ` +
          `second pass ${run.secondPass.length === 0 ? "changes nothing" : `CHANGES ${run.secondPass.join(", ")}`}` +
          (run.parseErrors.length > 0 ? `, PARSE ERRORS ${run.parseErrors.join("; ")}` : ""),
      );
      if (run.checkAfter && !run.checkAfter.ok) console.log(`      ${firstErrors(run.checkAfter.output)}`);
    }
  }
}

console.log(
  `\n${"app".padEnd(28)} ${"config".padEnd(12)} ${"settings".padEnd(8)} ${"fixes".padStart(5)} ${"files".padStart(5)}  check after  2nd pass`,
);
for (const run of runs) {
  console.log(
    `${run.app.padEnd(28)} ${run.config.padEnd(12)} ${(run.settings ? "yes" : "no").padEnd(8)} ${String(run.fixes).padStart(5)} ${String(run.filesFixed).padStart(5)}  ` +
      `${(run.parseErrors.length > 0 ? "PARSE" : run.checkAfter ? (run.checkAfter.ok ? "pass" : "FAIL") : "—").padEnd(11)}  ${run.secondPass.length === 0 ? "same" : "CHANGED"}`,
  );
}
process.exitCode = failed ? 1 : 0;
