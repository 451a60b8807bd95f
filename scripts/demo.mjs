#!/usr/bin/env node
// `npm run demo [-- --strict]`: lints examples/vibe-app with the plugin's recommended (or strict) config,
// through ESLint's own API and the app's eslint.config.mjs, and prints the findings.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { ESLint } from "eslint";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cwd = path.join(root, "examples", "vibe-app");
const strict = process.argv.includes("--strict");
if (strict) process.env.HARDEN_CONFIG = "strict";

const eslint = new ESLint({ cwd });
const results = await eslint.lintFiles(["src"]);
const formatter = await eslint.loadFormatter("stylish");
process.stdout.write(await formatter.format(results));

const byRule = new Map();
for (const result of results) {
  for (const message of result.messages) byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);
}
const total = [...byRule.values()].reduce((a, b) => a + b, 0);
console.log(`eslint-plugin-harden (${strict ? "strict" : "recommended"}) on examples/vibe-app: ${total} findings`);
for (const [rule, count] of [...byRule].sort()) console.log(`  ${String(count).padStart(3)}  ${rule}`);
console.log(strict ? "" : "Run `npm run demo -- --strict` for the strict config.");

// The whole app at once: every endpoint with who may call it, and the pre-deploy checklist.
const bin = path.join(root, "dist", "cli", "harden.js");
for (const command of ["routes", "report"]) {
  console.log(`\n$ harden ${command}`);
  // `report` exits 1 when a check fails, as it does here: that is its answer, not the demo's failure.
  spawnSync(process.execPath, [bin, command], { cwd, stdio: "inherit" });
}
