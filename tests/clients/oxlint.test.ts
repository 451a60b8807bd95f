import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import plugin from "../../src/index.js";
import {
  assertPluginBuilt,
  copyDemoApp,
  ESLINT_BIN,
  OXLINT_BIN,
  readSources,
  ROOT,
  type DemoCopy,
} from "./utils/demo-app.js";
import {
  compareFindings,
  describeFinding,
  parseJsonResults,
  toFindings,
  type Finding,
} from "./utils/eslint-results.js";
import { PINNED_FINDINGS, PINNED_RULE } from "./utils/pinned-findings.js";
import { cleanEnv, runNode, type RunResult } from "./utils/run-node.js";

/**
 * Rules whose findings under oxlint's JS plugins differ from ESLint's (ids without the `harden/` prefix).
 * docs/oxlint.md must name each one; today every rule gives ESLint's findings.
 */
const UNSUPPORTED_UNDER_OXLINT: readonly string[] = [];

type ConfigName = keyof typeof plugin.configs;
const CONFIG_NAMES = Object.keys(plugin.configs) as ConfigName[];
const RULE_IDS = Object.keys(plugin.rules);

/** The documented `oxlint.config.mjs`, read from docs/oxlint.md so the page cannot drift from what is tested. */
function getDocumentedConfig(config: ConfigName): string {
  const page = readFileSync(path.join(ROOT, "docs", "oxlint.md"), "utf8");
  const block = /```js\n(\/\/ oxlint\.config\.mjs\n[\s\S]*?)```/u.exec(page)?.[1];
  if (!block) throw new Error("docs/oxlint.md has no ```js block starting with `// oxlint.config.mjs`.");
  expect(block).toContain("harden.configs.recommended;");
  return block.replace("harden.configs.recommended;", `harden.configs.${config};`);
}

interface OxlintReport {
  diagnostics: {
    message: string;
    code?: string;
    severity: string;
    filename: string;
    labels: { span: { offset: number; length: number; line: number; column: number } }[];
  }[];
  number_of_files: number;
  number_of_rules: number;
}

/** oxlint's JSON diagnostics as ESLint-style findings; the end position is computed from the byte span. */
function toOxlintFindings(appDir: string, report: OxlintReport): Finding[] {
  return report.diagnostics
    .map((d) => {
      const span = d.labels[0]?.span ?? { offset: 0, length: 0, line: 0, column: 0 };
      const bytes = Buffer.from(readFileSync(path.join(appDir, d.filename), "utf8"));
      const position = (offset: number) => {
        const before = bytes.subarray(0, offset).toString("utf8");
        return { line: before.split("\n").length, column: before.length - before.lastIndexOf("\n") };
      };
      const start = position(span.offset);
      expect([start.line, start.column], "oxlint's line/column agree with its byte offset").toEqual([
        span.line,
        span.column,
      ]);
      const end = position(span.offset + span.length);
      return {
        file: d.filename.split(path.sep).join("/"),
        ruleId: (d.code ?? "").replace(/^harden\((.+)\)$/u, "harden/$1"),
        line: span.line,
        column: span.column,
        endLine: end.line,
        endColumn: end.column,
        message: d.message,
      };
    })
    .sort(compareFindings);
}

/**
 * Test code and scripts the ESLint configs leave out, and a route they keep though it sits in a `scripts`
 * folder: oxlint must do the same through the documented overrides.
 */
function addTestFiles(app: DemoCopy): void {
  const orders = readFileSync(path.join(app.dir, "src", "routes", "orders.ts"), "utf8");
  writeFileSync(path.join(app.dir, "src", "routes", "orders.test.ts"), orders);
  mkdirSync(path.join(app.dir, "src", "__tests__"));
  writeFileSync(path.join(app.dir, "src", "__tests__", "setup.ts"), "debugger;\n");
  mkdirSync(path.join(app.dir, "src", "scripts"));
  writeFileSync(path.join(app.dir, "src", "scripts", "backfill.ts"), "debugger;\n");
  mkdirSync(path.join(app.dir, "src", "routes", "scripts"));
  writeFileSync(path.join(app.dir, "src", "routes", "scripts", "status.ts"), "debugger;\n");
}

function oxlint(app: DemoCopy, args: readonly string[]): Promise<RunResult> {
  return runNode([OXLINT_BIN, ...args], { cwd: app.dir });
}

describe("oxlint (jsPlugins) runs the rules with ESLint's findings", () => {
  const copies: DemoCopy[] = [];
  const freshCopy = () => {
    const copy = copyDemoApp();
    copies.push(copy);
    for (const config of CONFIG_NAMES)
      writeFileSync(path.join(copy.dir, `oxlint.${config}.config.mjs`), getDocumentedConfig(config));
    return copy;
  };
  let app: DemoCopy;
  const eslintFindings = new Map<ConfigName, Finding[]>();
  const oxlintFindings = new Map<ConfigName, Finding[]>();
  const oxlintRuns = new Map<ConfigName, { run: RunResult; report: OxlintReport }>();

  beforeAll(async () => {
    await assertPluginBuilt();
    app = freshCopy();
    addTestFiles(app);
    for (const config of CONFIG_NAMES) {
      const eslint = await runNode([ESLINT_BIN, "--format", "json", "src"], {
        cwd: app.dir,
        env: cleanEnv({ HARDEN_CONFIG: config }),
      });
      expect(eslint.status, eslint.stderr).toBe(1);
      eslintFindings.set(config, toFindings(app.dir, parseJsonResults(eslint.stdout)));
      const run = await oxlint(app, ["-c", `oxlint.${config}.config.mjs`, "--format", "json", "src"]);
      const report = JSON.parse(run.stdout) as OxlintReport;
      oxlintRuns.set(config, { run, report });
      oxlintFindings.set(config, toOxlintFindings(app.dir, report));
    }
  });

  afterAll(() => {
    for (const copy of copies) copy.remove();
  });

  it.each(CONFIG_NAMES)(
    "the documented oxlint.config.mjs loads the plugin with every rule of harden.configs.%s",
    (config) => {
      const { run, report } = oxlintRuns.get(config)!;
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toBe("");
      expect(
        report.diagnostics.filter((d) => !d.code?.startsWith("harden(")),
        "oxlint errors and non-harden findings",
      ).toEqual([]);
      expect(report.number_of_rules).toBe(Object.keys(plugin.configs[config].rules ?? {}).length);
      expect(report.number_of_files).toBe(13);
    },
  );

  it.each(CONFIG_NAMES)("harden.configs.%s: the same findings as ESLint, test files left out", (config) => {
    const expected = (eslintFindings.get(config) ?? []).filter(
      (f) => !UNSUPPORTED_UNDER_OXLINT.includes(f.ruleId.replace(/^harden\//u, "")),
    );
    const actual = (oxlintFindings.get(config) ?? []).filter(
      (f) => !UNSUPPORTED_UNDER_OXLINT.includes(f.ruleId.replace(/^harden\//u, "")),
    );
    expect(actual.map(describeFinding)).toEqual(expected.map(describeFinding));
    expect(actual).toEqual(expected);
    expect(actual.filter((f) => /\.test\.ts$|__tests__|src\/scripts\//u.test(f.file))).toEqual([]);
    expect(actual.filter((f) => f.file.endsWith("routes/scripts/status.ts")).map((f) => f.ruleId)).toEqual([
      "harden/no-print-debugging",
    ]);
    if (config === "recommended") {
      // The pinned findings are the demo app's own; the route added under routes/scripts/ is checked above.
      const pinned = actual
        .filter((f) => f.ruleId === PINNED_RULE && !f.file.endsWith("routes/scripts/status.ts"))
        .map(({ file, line, column, endLine, endColumn }) => ({ file, line, column, endLine, endColumn }));
      expect(pinned).toEqual(
        PINNED_FINDINGS.map(({ file, line, column, endLine, endColumn }) => ({
          file,
          line,
          column,
          endLine,
          endColumn,
        })),
      );
    }
  });

  it.each(RULE_IDS)("harden/%s gives ESLint's findings under oxlint, or is listed as unsupported", (id) => {
    const ofRule = (findings: Finding[] | undefined) =>
      (findings ?? []).filter((f) => f.ruleId === `harden/${id}`).map(describeFinding);
    const same = CONFIG_NAMES.every(
      (config) =>
        JSON.stringify(ofRule(oxlintFindings.get(config))) === JSON.stringify(ofRule(eslintFindings.get(config))),
    );
    expect(
      same,
      UNSUPPORTED_UNDER_OXLINT.includes(id)
        ? "listed as unsupported but gives ESLint's findings"
        : "differs from ESLint",
    ).toBe(!UNSUPPORTED_UNDER_OXLINT.includes(id));
    if (UNSUPPORTED_UNDER_OXLINT.includes(id))
      expect(readFileSync(path.join(ROOT, "docs", "oxlint.md"), "utf8")).toContain(`harden/${id}`);
  });

  it("--fix, run until nothing changes, writes exactly what eslint --fix writes", async () => {
    const eslintCopy = freshCopy();
    const eslint = await runNode([ESLINT_BIN, "--fix", "src"], { cwd: eslintCopy.dir });
    expect(eslint.status, eslint.stderr).toBe(1);

    const oxlintCopy = freshCopy();
    let sources = readSources(oxlintCopy.dir);
    let runs = 0;
    for (;;) {
      const run = await oxlint(oxlintCopy, ["-c", "oxlint.recommended.config.mjs", "--fix", "src"]);
      expect(run.status, run.stderr).toBe(1);
      runs++;
      const next = readSources(oxlintCopy.dir);
      if (JSON.stringify(next) === JSON.stringify(sources)) break;
      sources = next;
      expect(runs, "oxlint --fix did not converge").toBeLessThan(10);
    }
    expect(sources).toEqual(readSources(eslintCopy.dir));
    // The first run made changes and the last changed nothing.
    expect(runs).toBeGreaterThanOrEqual(2);
  });
});
