import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import plugin from "../../src/index.js";
import { getDocsUrl } from "../../src/utils/create-rule.js";
import { getTypeErrors } from "../utils/typecheck.js";
import {
  assertPluginBuilt,
  copyDemoApp,
  DEMO_FILES,
  ESLINT_BIN,
  readSources,
  type DemoCopy,
} from "./utils/demo-app.js";
import {
  compareFindings,
  describeFinding,
  parseJsonResults,
  toAppPath,
  toFindings,
  type Finding,
} from "./utils/eslint-results.js";
import { PINNED_FINDINGS, PINNED_RULE } from "./utils/pinned-findings.js";
import { cleanEnv, runNode, type RunResult } from "./utils/run-node.js";

function eslint(app: DemoCopy, args: readonly string[], env: Record<string, string> = {}): Promise<RunResult> {
  return runNode([ESLINT_BIN, ...args], { cwd: app.dir, env: cleanEnv(env) });
}

/** ESLint exits 1 when it found errors and 2 when it could not lint; anything but 1 here is a broken run. */
function expectFindings(run: RunResult): ESLint.LintResult[] {
  expect(run.status, run.stderr).toBe(1);
  return parseJsonResults(run.stdout);
}

function pinnedFindings(results: readonly ESLint.LintResult[], appDir: string) {
  return results.flatMap((result) =>
    result.messages
      .filter((m) => m.ruleId === PINNED_RULE)
      .map((m) => ({
        file: toAppPath(appDir, result.filePath),
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        messageId: m.messageId,
        fix: m.fix !== undefined,
        suggestions: (m.suggestions ?? []).map((s) => s.messageId),
      })),
  );
}

describe("the ESLint CLI on a copy of the demo app", () => {
  /** Its sources are never written to: the tests that write (`--fix`, `--cache`) make their own copy. */
  let app: DemoCopy;
  /** `eslint --format json src`, single-threaded, no cache: what every other run is compared with. */
  let baseline: ESLint.LintResult[];
  const copies: DemoCopy[] = [];
  const freshCopy = () => {
    const copy = copyDemoApp();
    copies.push(copy);
    return copy;
  };

  beforeAll(async () => {
    await assertPluginBuilt();
    app = freshCopy();
    baseline = expectFindings(await eslint(app, ["--format", "json", "src"]));
  });

  afterAll(() => {
    for (const copy of copies) copy.remove();
  });

  it("--format json: findings from configured harden rules only, with positions, fixes and suggestions", () => {
    expect(baseline.map((r) => toAppPath(app.dir, r.filePath))).toEqual(DEMO_FILES);
    const configured = Object.keys(plugin.configs.recommended.rules ?? {});
    for (const result of baseline) {
      expect(result.fatalErrorCount).toBe(0);
      expect(result.warningCount).toBe(0);
      expect(result.errorCount).toBe(result.messages.length);
      expect(result.fixableErrorCount).toBe(result.messages.filter((m) => m.fix).length);
      for (const m of result.messages) {
        expect(configured, `${m.ruleId} is not in harden.configs.recommended`).toContain(m.ruleId);
        expect(m.severity).toBe(2);
        expect(m.messageId, `${m.ruleId} reports through meta.messages`).toEqual(expect.any(String));
        expect(m.endLine).toEqual(expect.any(Number));
        expect(m.endColumn).toEqual(expect.any(Number));
      }
    }
    expect(pinnedFindings(baseline, app.dir)).toEqual(PINNED_FINDINGS);
  });

  it("--concurrency 2: two worker threads give exactly the single-threaded results", async () => {
    // ESLint's own debug log is the only outside sign that the files really went to worker threads.
    const run = await eslint(app, ["--concurrency", "2", "--format", "json", "src"], { DEBUG: "eslint:eslint" });
    expect(run.stderr).toContain("Linting using 2 worker thread(s).");
    expect(expectFindings(run)).toEqual(baseline);
  });

  it("--cache: the second run is served from the cache; a plugin version bump invalidates it", async () => {
    const copy = freshCopy();
    const args = ["--cache", "--format", "json", "src"];
    const first = expectFindings(await eslint(copy, args));
    expect(toFindings(copy.dir, first)).toEqual(toFindings(app.dir, baseline));
    expect(existsSync(path.join(copy.dir, ".eslintcache"))).toBe(true);

    // Change what every rule says, as a new release might, but keep the version: ESLint's cache key is
    // `name@version` of each plugin, so a cached run still returns the old messages. That proves the cache is used.
    appendFileSync(
      path.join(copy.pluginDir, "dist", "index.js"),
      '\nfor (const rule of Object.values(rules)) for (const id of Object.keys(rule.meta.messages)) rule.meta.messages[id] += " [upgraded]";\n',
    );
    const second = expectFindings(await eslint(copy, args));
    expect(toFindings(copy.dir, second)).toEqual(toFindings(app.dir, baseline));

    // The same change released under a new version: nothing may come from the cache any more.
    const manifestPath = path.join(copy.pluginDir, "package.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { version: string };
    manifest.version = manifest.version.replace(/\d+$/u, (patch) => String(Number(patch) + 1));
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    const third = expectFindings(await eslint(copy, args));
    const upgraded = toFindings(app.dir, baseline).map((f) => ({ ...f, message: `${f.message} [upgraded]` }));
    expect(toFindings(copy.dir, third)).toEqual(upgraded);
  });

  it("--fix: applies every autofix and no suggestion; the result re-lints clean of fixable problems and type-checks", async () => {
    const copy = freshCopy();
    const before = readSources(copy.dir);
    expectFindings(await eslint(copy, ["--fix", "--format", "json", "src"]));
    const after = readSources(copy.dir);

    const relint = expectFindings(await eslint(copy, ["--format", "json", "src"]));
    for (const result of relint) {
      const file = toAppPath(copy.dir, result.filePath);
      expect(result.fatalErrorCount, `${file} no longer parses`).toBe(0);
      const fixable = result.messages.filter((m) => m.fix).map((m) => `${file} ${m.line}:${m.column} ${m.ruleId}`);
      expect(fixable, "autofixable problems left after --fix").toEqual([]);
    }

    // Exactly the files with autofixable problems changed.
    const withFixes = baseline.filter((r) => r.fixableErrorCount > 0).map((r) => toAppPath(app.dir, r.filePath));
    const changed = DEMO_FILES.filter((file) => before[file] !== after[file]);
    expect(changed).toEqual(withFixes);

    // The pinned rule: `debugger` (autofix) is gone; the `console.log` calls (suggestions only) are untouched.
    const orders = after["src/routes/orders.ts"] ?? "";
    expect(orders).not.toContain("debugger");
    expect(orders).toContain("  console.log(`Processing order ${order.id} for ${req.ip}`);\n");
    expect(orders).toContain('  console.log("found", orders.length, "orders");\n');
    expect(after["src/server.ts"]).toContain('  console.log("Server running on http://localhost:3000");\n');
    expect(orders).not.toContain("logger.");
    const remaining = relint.flatMap((r) => r.messages.filter((m) => m.ruleId === PINNED_RULE).map((m) => m.messageId));
    expect(remaining).toEqual(["console", "console", "console"]);

    // Autofixes are safe to run on save: the demo type-checks (`npm run typecheck`), so the fixed app must too.
    expect(getTypeErrors(Object.fromEntries(DEMO_FILES.map((file) => [file, after[file] ?? ""])))).toEqual([]);
  });

  it("--format @microsoft/eslint-formatter-sarif: every finding, with rule metadata and docs links", async () => {
    const run = await eslint(app, ["--format", "@microsoft/eslint-formatter-sarif", "src"]);
    expect(run.status, run.stderr).toBe(1);
    const sarif = JSON.parse(run.stdout) as SarifLog;
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs).toHaveLength(1);
    const [sarifRun] = sarif.runs as [SarifRun];
    expect(sarifRun.tool.driver.name).toBe("ESLint");

    const firedRules = [...new Set(baseline.flatMap((r) => r.messages.map((m) => m.ruleId ?? "")))].sort();
    expect(sarifRun.tool.driver.rules.map((r) => r.id).sort()).toEqual(firedRules);
    for (const rule of sarifRun.tool.driver.rules) {
      const id = rule.id.replace(/^harden\//u, "") as keyof typeof plugin.rules;
      expect(rule.helpUri).toBe(getDocsUrl(id));
      expect(rule.shortDescription.text).toBe(plugin.rules[id].meta?.docs?.description);
    }

    const findings: Finding[] = sarifRun.results
      .map((result) => {
        expect(result.level).toBe("error");
        const [location] = result.locations;
        const region = location?.physicalLocation.region;
        return {
          file: toAppPath(app.dir, fileURLToPath(location?.physicalLocation.artifactLocation.uri ?? "file:///")),
          ruleId: result.ruleId,
          line: region?.startLine ?? 0,
          column: region?.startColumn ?? 0,
          endLine: region?.endLine,
          endColumn: region?.endColumn,
          message: result.message.text,
        };
      })
      .sort(compareFindings);
    expect(findings.map(describeFinding)).toEqual(toFindings(app.dir, baseline).map(describeFinding));
    expect(findings).toEqual(toFindings(app.dir, baseline));
  });

  describe("bad configuration fails the run with exit code 2 and one message naming the key", () => {
    const configWith = (name: string, extra: string) => {
      writeFileSync(
        path.join(app.dir, name),
        `import config from "./eslint.config.mjs";\n\nexport default [...config, ${extra}];\n`,
      );
      return name;
    };

    it.each([
      [
        "an unknown settings.harden key",
        "eslint.bad-key.mjs",
        '{ settings: { harden: { loger: { name: "logger" } } } }',
        /eslint-plugin-harden: invalid settings\.harden\.loger is not a known key; did you mean "logger"\? \(expected one of: logger, [^)]+\)/u,
      ],
      [
        "a settings.harden value of the wrong shape",
        "eslint.bad-value.mjs",
        '{ settings: { harden: { logger: { name: "logger", style: "bunyan" } } } }',
        /eslint-plugin-harden: invalid settings\.harden\.logger\.style must be one of "pino", "winston" \(got "bunyan"\)/u,
      ],
      [
        "a misspelt key whose absence leaves a required one missing",
        "eslint.misspelt-key.mjs",
        '{ settings: { harden: { validation: { libary: "zod" } } } }',
        /eslint-plugin-harden: invalid settings\.harden\.validation\.libary is not a known key; did you mean "library"\? \(expected one of: library, source, names\)/u,
      ],
    ])("%s", async (_, file, extra, message) => {
      const run = await eslint(app, ["--config", configWith(file, extra), "src"]);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(message);
      expect(run.stderr.match(/eslint-plugin-harden: invalid/gu)).toHaveLength(1);
      // The settings belong to no rule, and a stack trace buries the line that matters.
      expect(run.stderr).not.toContain("while loading rule");
      expect(run.stderr).not.toMatch(/^\s+at /mu);
    });

    it("an unknown rule option", async () => {
      const run = await eslint(app, [
        "--config",
        configWith("eslint.bad-option.mjs", `{ rules: { "${PINNED_RULE}": ["error", { alow: ["log"] }] } }`),
        "src",
      ]);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(`Key "${PINNED_RULE}":`);
      expect(run.stderr).toContain('Unexpected property "alow". Expected properties: "allow", "includeErrorAndWarn".');
    });
  });
});

interface SarifLog {
  version: string;
  runs: SarifRun[];
}
interface SarifRun {
  tool: { driver: { name: string; rules: { id: string; helpUri: string; shortDescription: { text: string } }[] } };
  results: {
    level: string;
    ruleId: string;
    message: { text: string };
    locations: {
      physicalLocation: {
        artifactLocation: { uri: string };
        region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
      };
    }[];
  }[];
}
