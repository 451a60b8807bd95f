import { existsSync, realpathSync } from "node:fs";
import path from "node:path";

import { ESLint, type Linter } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDocsUrl, REPOSITORY_URL } from "../../src/utils/create-rule.js";
import { assertPluginBuilt, DEMO_DIR, DEMO_FILES, ROOT } from "./utils/demo-app.js";
import {
  applyTextEdits,
  EslintLanguageServer,
  getEditsFor,
  type Diagnostic,
  type Range,
} from "./utils/eslint-language-server.js";
import { toAppPath } from "./utils/eslint-results.js";
import { PINNED_DOCS_URL, PINNED_FINDINGS, PINNED_RULE } from "./utils/pinned-findings.js";

/** ESLint's 1-based line/column to the LSP's 0-based position, as the server converts them. */
function toRange(m: {
  line: number;
  column: number;
  endLine?: number | undefined;
  endColumn?: number | undefined;
}): Range {
  return {
    start: { line: m.line - 1, character: m.column - 1 },
    end: { line: (m.endLine ?? m.line) - 1, character: (m.endColumn ?? m.column) - 1 },
  };
}

function applyFix(text: string, fix: { range: readonly [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

describe("VS Code's ESLint language server (vscode-langservers-extracted) on the demo app", () => {
  let server: EslintLanguageServer;
  /** What ESLint's own API reports for each file, with the demo's config: the server must say the same. */
  const messages = new Map<string, Linter.LintMessage[]>();
  /** What `eslint --fix` would write for each file (`undefined`: nothing to fix). */
  const fixed = new Map<string, string | undefined>();
  const texts = new Map<string, string>();
  const diagnostics = new Map<string, Diagnostic[]>();

  beforeAll(async () => {
    await assertPluginBuilt();
    // The demo switches to the strict config on this variable; the editor runs without it.
    delete process.env.HARDEN_CONFIG;
    for (const result of await new ESLint({ cwd: DEMO_DIR }).lintFiles(["src"]))
      messages.set(toAppPath(DEMO_DIR, result.filePath), result.messages);
    // `fix: true` computes the fixed text; nothing is written without ESLint.outputFixes().
    for (const result of await new ESLint({ cwd: DEMO_DIR, fix: true }).lintFiles(["src"]))
      fixed.set(toAppPath(DEMO_DIR, result.filePath), result.output);
    expect([...messages.keys()]).toEqual(DEMO_FILES);

    server = await EslintLanguageServer.start(DEMO_DIR);
    for (const file of DEMO_FILES) {
      texts.set(file, await server.open(file));
      diagnostics.set(file, await server.diagnostics(file));
    }
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("loads the workspace's ESLint and the demo's flat config without failing", () => {
    expect(server.failures).toEqual([]);
    expect(server.log).toContain(
      `ESLint library loaded from: ${realpathSync(path.join(ROOT, "node_modules", "eslint", "lib", "api.js"))}`,
    );
  });

  it("reports what ESLint reports: rule id, range, severity, message, and the rule's docs page", () => {
    for (const file of DEMO_FILES) {
      const expected = (messages.get(file) ?? []).map((m) => ({
        message: m.message,
        severity: 1,
        source: "eslint",
        range: toRange(m),
        code: m.ruleId,
        codeDescription: { href: getDocsUrl((m.ruleId ?? "").replace(/^harden\//u, "")) },
      }));
      expect(diagnostics.get(file), file).toEqual(expected);
    }

    const pinned = DEMO_FILES.flatMap((file) =>
      (diagnostics.get(file) ?? [])
        .filter((d) => d.code === PINNED_RULE)
        .map((d) => ({ file, range: d.range, href: d.codeDescription?.href })),
    );
    expect(pinned).toEqual(PINNED_FINDINGS.map((f) => ({ file: f.file, range: toRange(f), href: PINNED_DOCS_URL })));

    // Every docs link an editor shows leads to a page in this repository.
    const hrefs = new Set([...diagnostics.values()].flat().map((d) => d.codeDescription?.href ?? ""));
    for (const href of hrefs) {
      expect(href.startsWith(`${REPOSITORY_URL}/blob/main/`), href).toBe(true);
      expect(existsSync(path.join(ROOT, href.slice(`${REPOSITORY_URL}/blob/main/`.length))), href).toBe(true);
    }
  });

  it("source.fixAll.eslint (fix on save) applies every autofix and none of the suggestions", async () => {
    for (const file of DEMO_FILES) {
      const text = texts.get(file) ?? "";
      const actions = await server.fixAllOnSave(file);
      // A file without findings (the auth middleware, a routes file of controller handlers) has nothing to fix.
      const findings = messages.get(file)?.length ?? 0;
      expect(
        actions.map((a) => [a.title, a.kind]),
        file,
      ).toEqual(findings > 0 ? [["Fix all fixable ESLint issues", "source.fixAll.eslint"]] : []);
      const saved = applyTextEdits(text, getEditsFor(actions[0]?.edit, server.uri(file)));
      expect(saved, file).toBe(fixed.get(file) ?? text);
    }

    const text = texts.get("src/routes/orders.ts") ?? "";
    const actions = await server.fixAllOnSave("src/routes/orders.ts");
    const saved = applyTextEdits(text, getEditsFor(actions[0]?.edit, server.uri("src/routes/orders.ts")));
    expect(text).toContain("  debugger;\n");
    expect(saved).not.toContain("debugger");
    // The console.log calls have suggestions only: a save must leave them for a human to decide.
    expect(saved).toContain("  console.log(`Processing order ${order.id} for ${req.ip}`);\n");
    expect(saved).toContain('  console.log("found", orders.length, "orders");\n');
    expect(saved).not.toContain("logger.");
  });

  it("quick fixes list each finding's suggestions, and choosing one makes exactly ESLint's edit", async () => {
    let suggestionCount = 0;
    for (const file of DEMO_FILES) {
      const text = texts.get(file) ?? "";
      const fileDiagnostics = diagnostics.get(file) ?? [];
      const fileMessages = messages.get(file) ?? [];
      expect(fileDiagnostics).toHaveLength(fileMessages.length);
      for (const [index, diagnostic] of fileDiagnostics.entries()) {
        const message = fileMessages[index]!;
        const where = `${file} ${message.line}:${message.column} ${message.ruleId}`;
        const actions = await server.quickFixes(file, diagnostic);
        const byCommand = (command: string) => actions.filter((a) => a.command?.command === command);

        expect(
          byCommand("eslint.applySingleFix").map((a) => a.title),
          where,
        ).toEqual(message.fix ? [`Fix this ${message.ruleId} problem`] : []);
        const suggestions = byCommand("eslint.applySuggestion");
        expect(
          suggestions.map((a) => a.title),
          where,
        ).toEqual((message.suggestions ?? []).map((s) => `${s.desc} (${message.ruleId})`));
        expect(
          suggestions.every((a) => a.kind === "quickfix"),
          where,
        ).toBe(true);
        expect(
          byCommand("eslint.openRuleDoc").map((a) => a.title),
          where,
        ).toEqual([`Show documentation for ${message.ruleId}`]);

        for (const [n, action] of suggestions.entries()) {
          // The server keeps the edits of the last code-action request; ask again before each choice, as a click would.
          const fresh =
            n === 0 ? action : (await server.quickFixes(file, diagnostic)).find((a) => a.title === action.title)!;
          const before = server.appliedEdits.length;
          await server.execute(fresh.command!);
          expect(server.appliedEdits, where).toHaveLength(before + 1);
          const applied = applyTextEdits(text, getEditsFor(server.appliedEdits.at(-1), server.uri(file)));
          expect(applied, `${where}: ${action.title}`).toBe(applyFix(text, message.suggestions![n]!.fix));
          suggestionCount++;
        }
      }
    }
    const pinnedSuggestions = PINNED_FINDINGS.reduce((sum, f) => sum + f.suggestions.length, 0);
    expect(suggestionCount).toBeGreaterThanOrEqual(pinnedSuggestions);
  });

  it("the pinned findings offer the documented actions, and “Show documentation” opens the rule's page", async () => {
    const orders = diagnostics.get("src/routes/orders.ts") ?? [];
    const consoleLog = orders.find((d) => d.code === PINNED_RULE && d.range.start.line === 13)!;
    const titles = (await server.quickFixes("src/routes/orders.ts", consoleLog)).map((a) => a.title);
    expect(titles).toEqual([
      "Remove this `console.log` call. (harden/no-print-debugging)",
      "Disable harden/no-print-debugging for this line",
      "Disable harden/no-print-debugging for the entire file",
      "Show documentation for harden/no-print-debugging",
    ]);

    const debuggerStatement = orders.find((d) => d.code === PINNED_RULE && d.range.start.line === 14)!;
    const actions = await server.quickFixes("src/routes/orders.ts", debuggerStatement);
    expect(actions.map((a) => a.title)).toEqual([
      "Fix this harden/no-print-debugging problem",
      "Disable harden/no-print-debugging for this line",
      "Disable harden/no-print-debugging for the entire file",
      "Show documentation for harden/no-print-debugging",
      "Fix all auto-fixable problems",
    ]);
    const fix = actions.find((a) => a.title === "Fix this harden/no-print-debugging problem")!;
    expect(fix.isPreferred).toBe(true);
    const before = server.appliedEdits.length;
    await server.execute(fix.command!);
    const text = texts.get("src/routes/orders.ts") ?? "";
    const applied = applyTextEdits(text, getEditsFor(server.appliedEdits[before], server.uri("src/routes/orders.ts")));
    expect(applied).toBe(text.replace("  debugger;\n", ""));

    await server.execute(actions.find((a) => a.title === "Show documentation for harden/no-print-debugging")!.command!);
    expect(server.openedDocs).toEqual([PINNED_DOCS_URL]);
  });
});
