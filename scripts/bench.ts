/**
 * `npm run bench [-- <dir>...]`: what the plugin costs, measured with ESLint's own `stats` in one process
 * on the same files for every config: parse time, total rule time and per-rule time of `harden/strict`,
 * and — for reference — `harden/recommended`, eslint-plugin-security's and eslint-plugin-sonarjs's
 * recommended configs and core `no-console` + `no-empty`. Prints rule-time / parse-time ratios (bar:
 * harden/strict ≤ 0.06, harden/recommended ≤ 0.045), ms per 1,000 lines per rule, and the slowest three
 * harden rules.
 *
 * Run after `npm run build`: it measures the built `dist/`, as users run it, in a one-time run as the
 * `eslint` command is (`TSESTREE_SINGLE_RUN=true`: the project model lists each project and reads each
 * other file once). The ratios reported are of warm runs; the first run's, which also pays for JIT and
 * for those reads, is printed beside them.
 * `--harden-only` measures harden/strict alone, for quick iterations.
 *
 * The default corpus is the JavaScript/TypeScript sources of the server frameworks and their ecosystems
 * in node_modules (present after `npm ci`).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import tsParser from "@typescript-eslint/parser";
import { ESLint, type Linter } from "eslint";
import security from "eslint-plugin-security";
import sonarjs from "eslint-plugin-sonarjs";

// The built package, as users run it (tsx's transform of the sources adds its own overhead).
import harden from "eslint-plugin-harden";

// A one-time run, as `eslint` on the command line is (the plugin reads this when it first lints).
process.env.TSESTREE_SINGLE_RUN = "true";

const DEFAULT_DIRS = [
  "express",
  "body-parser",
  "router",
  "fastify",
  "@fastify",
  "hono/dist/cjs",
  "koa",
  "@koa/router",
  "@nestjs/common",
  "@nestjs/core",
  "pino",
  "winston",
  "pg",
  "jsonwebtoken",
  "next/dist/server",
].map((d) => path.join("node_modules", d));

const args = process.argv.slice(2).filter((a) => a !== "--");
// `--harden-only` skips the reference configs (sonarjs alone takes minutes) for quick iterations.
const hardenOnly = args.includes("--harden-only");
const positional = args.filter((a) => !a.startsWith("--"));
const dirs = positional.length > 0 ? positional : DEFAULT_DIRS;
const EXT = /\.(?:[cm]?[jt]s)$/u;

function collect(dir: string, into: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry);
    const stat = statSync(full);
    // An app's own dependencies are not its code (the default corpus is itself in node_modules).
    if (stat.isDirectory()) {
      if (entry !== "node_modules" && entry !== ".git") collect(full, into);
    } else if (EXT.test(entry) && !entry.endsWith(".d.ts") && !entry.endsWith(".min.js") && stat.size < 500_000)
      into.push(full);
  }
}

const files: string[] = [];
// Absolute paths: ESLint's cwd is the corpus's common folder, not this process's.
for (const dir of dirs) collect(path.resolve(dir), files);
const lines = files.reduce((sum, file) => sum + readFileSync(file, "utf8").split("\n").length, 0);

const base: Linter.Config = {
  files: ["**/*.{js,cjs,mjs,ts,cts,mts}"],
  languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" },
  // Third-party code carries disable comments for rules that are not loaded here.
  linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" },
};

const configs: Record<string, Linter.Config[]> = {
  "harden/strict": [base, { ...harden.configs.strict, files: base.files, ignores: [] }],
  // The default config, for reference: what most projects run (the bar is on strict).
  "harden/recommended": [base, { ...harden.configs.recommended, files: base.files, ignores: [] }],
  "security/recommended": [base, { ...(security.configs.recommended as Linter.Config), files: base.files }],
  "sonarjs/recommended": [base, { ...(sonarjs.configs.recommended as Linter.Config), files: base.files }],
  "core no-console + no-empty": [base, { files: base.files, rules: { "no-console": "error", "no-empty": "error" } }],
};

interface Measured {
  parse: number;
  rules: Map<string, number>;
  ruleTotal: number;
  findings: number;
}

/**
 * ESLint lints no file outside its `cwd`: the corpus's common directory is taken as the cwd, so apps
 * checked out anywhere (`npm run bench -- ../apps/*`) are measured too.
 */
function getCommonDirectory(paths: readonly string[]): string {
  const split = paths.map((p) => path.resolve(p).split(path.sep));
  const common: string[] = [];
  for (let i = 0; split.every((parts) => i < parts.length - 1 && parts[i] === split[0]![i]); i++)
    common.push(split[0]![i]!);
  return common.join(path.sep) || path.sep;
}

const cwd = getCommonDirectory(files.length > 0 ? files : [process.cwd()]);

async function measure(config: Linter.Config[]): Promise<Measured> {
  // The default corpus lives in node_modules, which flat config ignores by default: un-ignore it.
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [{ ignores: ["!**/node_modules/"] }, ...config],
    stats: true,
    cache: false,
  });
  const results = await eslint.lintFiles(files);
  const measured: Measured = { parse: 0, rules: new Map(), ruleTotal: 0, findings: 0 };
  for (const result of results) {
    measured.findings += result.messages.filter((m) => m.ruleId !== null).length;
    for (const pass of result.stats?.times.passes ?? []) {
      measured.parse += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) {
        measured.rules.set(rule, (measured.rules.get(rule) ?? 0) + time.total);
        measured.ruleTotal += time.total;
      }
    }
  }
  return measured;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

console.log(`corpus: ${files.length} files, ${lines.toLocaleString("en-US")} lines (${dirs.length} directories)`);
console.log(
  `machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, Node ${process.version}, ESLint ${ESLint.version}\n`,
);

// Warm-up runs so the measured configs do not pay for JIT and module loading (harden is measured first).
await measure(configs["core no-console + no-empty"]!);
const firstRun = await measure(configs["harden/strict"]!);
console.log(
  `harden/strict rules/parse in the first run (JIT, project listings and other files' reads included): ${(firstRun.ruleTotal / firstRun.parse).toFixed(3)}`,
);

/**
 * ESLint's stats are wall-clock times, and on a shared machine one run can be 15% off the next. The
 * plugin's own config is measured HARDEN_RUNS times and the run with the median ratio is the one
 * reported (all ratios are printed); the reference configs, slow as sonarjs is, once each.
 */
const HARDEN_RUNS = 3;
const ratioOf = (measured: Measured) => measured.ruleTotal / measured.parse;

async function measureHarden(): Promise<Measured> {
  const runs: Measured[] = [];
  for (let run = 0; run < HARDEN_RUNS; run++) runs.push(await measure(configs["harden/strict"]!));
  runs.sort((a, b) => ratioOf(a) - ratioOf(b));
  console.log(
    `harden/strict rules/parse over ${HARDEN_RUNS} runs: ${runs.map((run) => fmt(ratioOf(run), 3)).join(", ")} (the median run is reported)\n`,
  );
  return runs[Math.floor(runs.length / 2)]!;
}

/** The bars, as rule time / parse time: what the plugin may add to what ESLint already spends. */
const STRICT_BAR = 0.06;
const RECOMMENDED_BAR = 0.045;

const rows: string[] = [];
let hardenMeasured: Measured | undefined;
let recommendedMeasured: Measured | undefined;
for (const [name, config] of Object.entries(configs)) {
  if (hardenOnly && name !== "harden/strict") continue;
  const measured = name === "harden/strict" ? await measureHarden() : await measure(config);
  if (name === "harden/strict") hardenMeasured = measured;
  if (name === "harden/recommended") recommendedMeasured = measured;
  rows.push(
    `${name.padEnd(28)} parse ${fmt(measured.parse, 0).padStart(7)} ms   rules ${fmt(measured.ruleTotal, 0).padStart(7)} ms   rules/parse ${fmt(measured.ruleTotal / measured.parse, 3).padStart(7)}   findings ${measured.findings}`,
  );
}
console.log(rows.join("\n"));

if (hardenMeasured) {
  const perRule = [...hardenMeasured.rules].sort((a, b) => b[1] - a[1]);
  console.log(`\nharden/strict per rule (ms total · ms per 1,000 lines · share of parse time):`);
  for (const [rule, time] of perRule) {
    console.log(
      `  ${rule.padEnd(36)} ${fmt(time).padStart(8)}   ${fmt((time / lines) * 1000, 3).padStart(7)}   ${fmt(time / hardenMeasured.parse, 4)}`,
    );
  }
  console.log(
    `\nslowest three: ${perRule
      .slice(0, 3)
      .map(([rule]) => rule)
      .join(", ")} (see docs/performance.md for why)`,
  );
  const ratio = hardenMeasured.ruleTotal / hardenMeasured.parse;
  console.log(
    `\nbar: harden/strict rules/parse ≤ ${STRICT_BAR} → ${fmt(ratio, 3)} ${ratio <= STRICT_BAR ? "OK" : "OVER"}`,
  );
}
if (recommendedMeasured) {
  const ratio = ratioOf(recommendedMeasured);
  console.log(
    `bar: harden/recommended rules/parse ≤ ${RECOMMENDED_BAR} → ${fmt(ratio, 3)} ${ratio <= RECOMMENDED_BAR ? "OK" : "OVER"}`,
  );
}
