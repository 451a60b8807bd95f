#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

import type { Linter } from "eslint";

import plugin from "../index.js";
import { collectEndpoints, type Collected } from "./collect-endpoints.js";
import type { Endpoint } from "./endpoints.js";
import { FORMATS, formatJson, formatMarkdown, formatTable, hasRawInput, type Format } from "./format-endpoints.js";
import { buildReport, formatReport } from "./report.js";

const USAGE = `Usage: harden routes [paths...] [options]
       harden report [paths...] [options]

routes  List every endpoint of the apps under paths (default: .) with who may call it.
report  Answer the pre-deploy checklist for them; exit 1 when a check fails.

Options:
  --format <format>   routes: table, json or markdown; report: text or json (default: table / text)
  --fail-on <checks>  routes: exit 1 when an endpoint fails a check: unauthenticated,
                      unvalidated (comma-separated)
  -h, --help          show this help
  -v, --version       show the version

Runs ESLint with the project's own config (its parser and settings.harden); see docs/cli.md.`;

const CHECKS = ["unauthenticated", "unvalidated"] as const;
type Check = (typeof CHECKS)[number];

/** What fails each check, and how the message names it. */
const FAILS: Readonly<Record<Check, { test: (endpoint: Endpoint) => boolean; what: string }>> = {
  unauthenticated: { test: (endpoint) => endpoint.auth.status === "none", what: "without auth" },
  unvalidated: { test: hasRawInput, what: "with raw input" },
};

class UsageError extends Error {}

function getVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

function parseChecks(value: string | undefined): Check[] {
  if (value === undefined) return [];
  return value.split(",").map((check) => {
    const trimmed = check.trim();
    if (!(CHECKS as readonly string[]).includes(trimmed))
      throw new UsageError(`--fail-on: unknown check "${trimmed}" (known: ${CHECKS.join(", ")})`);
    return trimmed as Check;
  });
}

const useColor = (): boolean => process.stdout.isTTY === true && !("NO_COLOR" in process.env);

/**
 * Lints the paths (default `.`) from the working folder. On a terminal, stderr counts the files as they
 * are linted; nothing is written there otherwise.
 */
async function collect(paths: string[], withRules?: Linter.Config): Promise<Collected> {
  const progress = process.stderr.isTTY === true;
  let files = 0;
  let shown = 0;
  const onFile = progress
    ? () => {
        files++;
        const now = Date.now();
        if (now - shown < 100) return;
        shown = now;
        process.stderr.write(`\rharden: ${files} file${files === 1 ? "" : "s"} linted`);
      }
    : undefined;
  try {
    return await collectEndpoints(paths.length > 0 ? paths : ["."], { cwd: process.cwd(), withRules, onFile });
  } finally {
    if (progress && shown > 0) process.stderr.write("\r\u001B[K");
  }
}

/** What the user should know about the run itself: a config that could not be used, files not parsed. */
function warn({ config, unparsed }: Collected): void {
  if (config.file === undefined && config.problem !== undefined)
    process.stderr.write(
      `harden: could not use ${config.problem}\nharden: parsed with typescript-eslint, no settings\n`,
    );
  for (const failure of unparsed)
    process.stderr.write(`harden: ${failure.file}: ${failure.message} (what it holds is missing)\n`);
}

async function routes(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string", default: "table" }, "fail-on": { type: "string" } },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format: expected one of ${FORMATS.join(", ")}`);
  const checks = parseChecks(values["fail-on"]);
  const collected = await collect(positionals);
  const { endpoints, unparsed } = collected;
  if (format === "json") process.stdout.write(formatJson(endpoints, unparsed));
  else if (format === "markdown") process.stdout.write(formatMarkdown(endpoints));
  else
    process.stdout.write(
      formatTable(endpoints, {
        width: process.stdout.isTTY ? Math.max(80, process.stdout.columns) : 100,
        color: useColor(),
      }),
    );
  warn(collected);
  let failed = false;
  for (const check of checks) {
    const failing = endpoints.filter(FAILS[check].test).length;
    if (failing === 0) continue;
    failed = true;
    process.stderr.write(
      `harden: ${failing} endpoint${failing === 1 ? "" : "s"} ${FAILS[check].what} (--fail-on ${check})\n`,
    );
  }
  return failed ? 1 : 0;
}

async function report(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string", default: "text" } },
  });
  if (values.format !== "text" && values.format !== "json") throw new UsageError("--format: expected text or json");
  const collected = await collect(positionals, plugin.configs.strict);
  const built = buildReport(collected.results, collected.endpoints, process.cwd());
  process.stdout.write(
    values.format === "json" ? `${JSON.stringify(built, null, 2)}\n` : formatReport(built, { color: useColor() }),
  );
  warn(collected);
  return built.passed ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "-v" || command === "--version") {
    process.stdout.write(`${getVersion()}\n`);
    return 0;
  }
  if (
    command === undefined ||
    command === "-h" ||
    command === "--help" ||
    rest.includes("--help") ||
    rest.includes("-h")
  ) {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === "routes") return routes(rest);
  if (command === "report") return report(rest);
  throw new UsageError(`unknown command "${command}"`);
}

const isArgumentError = (error: unknown): error is Error =>
  error instanceof UsageError ||
  (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"));

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(
    isArgumentError(error)
      ? `harden: ${error.message}\n\n${USAGE}\n`
      : `harden: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 2;
}
