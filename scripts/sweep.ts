/**
 * Runs harden rules over real code and reports crashes and findings, for the precision reviews the
 * rules' issues ask for and for the robustness sweep.
 *
 *   npx tsx scripts/sweep.ts [--rule <id>]... [--out findings.txt] [--max <files>] <dir>...
 *
 * Defaults to the JS/TS sources of express, fastify, hono, koa, @koa/router, next's server code and
 * @nestjs under node_modules. Rule crashes are listed and make the exit code 1.
 */
import { readdirSync, statSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";

import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";

import plugin from "../src/index.js";

const args = process.argv.slice(2);
const onlyRules: string[] = [];
const dirs: string[] = [];
let out: string | undefined;
let max = Number.POSITIVE_INFINITY;
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === "--rule") onlyRules.push(args[++i]!);
  else if (arg === "--out") out = args[++i];
  else if (arg === "--max") max = Number(args[++i]);
  else dirs.push(arg);
}
if (dirs.length === 0) {
  dirs.push(
    ...[
      "express",
      "fastify",
      "hono/dist",
      "koa",
      "@koa/router",
      "@nestjs/common",
      "@nestjs/core",
      "next/dist/server",
    ].map((d) => path.join("node_modules", d)),
  );
}

const EXT = /\.(?:[cm]?[jt]s|[jt]sx)$/u;
function collect(dir: string, into: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries.sort()) {
    const full = path.join(dir, entry);
    const stat = statSync(full);
    if (stat.isDirectory()) {
      if (entry === ".git") continue;
      collect(full, into);
    } else if (EXT.test(entry) && !entry.endsWith(".d.ts") && !/\.min\.js$/u.test(entry) && stat.size < 1_000_000) {
      into.push(full);
    }
  }
}

const files: string[] = [];
for (const dir of dirs) collect(dir, files);
const selected = files.slice(0, max);

const ruleIds = onlyRules.length > 0 ? onlyRules : Object.keys(plugin.rules);
const strictRules = plugin.configs.strict.rules ?? {};
const linter = new Linter({ configType: "flat" });
const config: Linter.Config[] = [
  {
    files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"],
    plugins: { harden: plugin },
    // Third-party code names rules of plugins that are not loaded here.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" },
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: Object.fromEntries(ruleIds.map((id) => [`harden/${id}`, strictRules[`harden/${id}`] ?? "error"])),
  },
];

const counts = new Map<string, number>();
const lines: string[] = [];
const crashes: string[] = [];
let parseErrors = 0;
for (const file of selected) {
  const code = readFileSync(file, "utf8");
  try {
    // Flat config ignores node_modules by default; lint it under another name, keeping the shape of the path.
    // Files outside the working directory match no config either: root them under it.
    const relative = path.isAbsolute(file) ? path.relative("/", file) : file;
    const filename = path.resolve("sweep", relative.replaceAll(/(^|\/)node_modules\//gu, "$1nm/"));
    const messages = linter.verify(code, config, { filename });
    for (const m of messages) {
      if (m.fatal) {
        parseErrors++;
        continue;
      }
      if (m.ruleId === null) continue;
      counts.set(m.ruleId ?? "?", (counts.get(m.ruleId ?? "?") ?? 0) + 1);
      const source = code.split("\n")[m.line - 1]?.trim().slice(0, 160) ?? "";
      lines.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}\n    ${source}`);
    }
  } catch (error) {
    crashes.push(`${file}: ${(error as Error).stack?.split("\n").slice(0, 4).join(" | ")}`);
  }
}

const summary = [
  `files: ${selected.length} (parse errors skipped: ${parseErrors})`,
  `crashes: ${crashes.length}`,
  ...[...counts].sort().map(([id, n]) => `${id}: ${n}`),
].join("\n");
if (out) writeFileSync(out, `${summary}\n\n${lines.join("\n")}\n\n${crashes.join("\n")}\n`);
else console.log(lines.join("\n"));
console.log(summary);
if (crashes.length > 0) {
  console.log(crashes.join("\n"));
  process.exitCode = 1;
}
