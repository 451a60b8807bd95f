#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

import { collectEndpoints } from "./collect-endpoints.js";
import { FORMATS, formatJson, formatMarkdown, formatTable, type Format } from "./format-endpoints.js";

const USAGE = `Usage: harden routes [paths...] [options]

List every endpoint of the apps under paths (default: .) with who may call it.

Options:
  --format <table|json|markdown>  output format (default: table)
  --fail-on <checks>              exit 1 when an endpoint fails a check: unauthenticated
  -h, --help                      show this help
  -v, --version                   show the version

Runs ESLint with the project's own config (its parser and settings.harden); see docs/cli.md.`;

const CHECKS = ["unauthenticated"] as const;
type Check = (typeof CHECKS)[number];

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

async function routes(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string", default: "table" }, "fail-on": { type: "string" } },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format: expected one of ${FORMATS.join(", ")}`);
  const checks = parseChecks(values["fail-on"]);
  const cwd = process.cwd();
  const collected = await collectEndpoints(positionals.length > 0 ? positionals : ["."], cwd);
  const { endpoints, unparsed, config } = collected;
  if (format === "json") process.stdout.write(formatJson(endpoints, unparsed));
  else if (format === "markdown") process.stdout.write(formatMarkdown(endpoints));
  else
    process.stdout.write(
      formatTable(endpoints, {
        width: process.stdout.isTTY ? Math.max(80, process.stdout.columns) : 100,
        color: process.stdout.isTTY === true && !("NO_COLOR" in process.env),
      }),
    );
  if (config.file === undefined && config.problem !== undefined)
    process.stderr.write(
      `harden: could not use ${config.problem}\nharden: parsed with typescript-eslint, no settings\n`,
    );
  for (const failure of unparsed)
    process.stderr.write(`harden: ${failure.file}: ${failure.message} (its routes are missing)\n`);
  const failing = checks.includes("unauthenticated")
    ? endpoints.filter((endpoint) => endpoint.auth.status === "none").length
    : 0;
  if (failing > 0) {
    process.stderr.write(
      `harden: ${failing} endpoint${failing === 1 ? "" : "s"} without auth (--fail-on unauthenticated)\n`,
    );
    return 1;
  }
  return 0;
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
  throw new UsageError(`unknown command "${command}"`);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (
    error instanceof UsageError ||
    (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
  ) {
    process.stderr.write(`harden: ${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`harden: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  }
}
