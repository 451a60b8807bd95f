import path from "node:path";

import type { ESLint } from "eslint";

import { getDocsUrl } from "../utils/create-rule.js";
import type { Endpoint } from "./endpoints.js";
import { summarize } from "./format-endpoints.js";

/** One question a server's owner asks before deploying, and the rules whose findings answer it. */
export interface Question {
  id: string;
  title: string;
  rules: readonly string[];
}

export const QUESTIONS: readonly Question[] = [
  {
    id: "logs",
    title: "Requests can be traced through the logs",
    rules: ["no-print-debugging", "no-interpolated-log-message", "require-request-id"],
  },
  {
    id: "errors",
    title: "Errors say what went wrong, to the logs and the client",
    rules: ["no-catch-all-500", "no-swallowed-error", "no-leaked-error-details"],
  },
  {
    id: "config",
    title: "Settings come from the environment, checked at startup",
    rules: [
      "no-hardcoded-secret",
      "no-secret-env-fallback",
      "no-hardcoded-config",
      "no-debug-default-on",
      "no-env-read-in-handler",
    ],
  },
  { id: "auth", title: "Auth on every endpoint that needs it", rules: ["require-route-auth"] },
  { id: "input", title: "Request input is validated", rules: ["no-unvalidated-input"] },
  {
    id: "lifecycle",
    title: "Health and readiness routes, graceful shutdown",
    rules: ["require-health-check", "require-graceful-shutdown"],
  },
];

export interface CheckResult {
  id: string;
  title: string;
  passed: boolean;
  findings: number;
  /** Findings per rule, for the rules with any. */
  rules: { rule: string; findings: number; docs: string }[];
  /** The files with the most findings, most first (at most three). */
  worstFiles: { file: string; findings: number }[];
}

export interface Report {
  version: 1;
  files: number;
  endpoints: ReturnType<typeof summarize>;
  checks: CheckResult[];
  passed: boolean;
}

const WORST = 3;

export function buildReport(
  results: readonly ESLint.LintResult[],
  endpoints: readonly Endpoint[],
  cwd: string,
): Report {
  const byRule = new Map<string, Map<string, number>>();
  for (const result of results) {
    const file = path.relative(cwd, result.filePath).split(path.sep).join("/");
    for (const message of result.messages) {
      if (message.ruleId?.startsWith("harden/") !== true) continue;
      const rule = message.ruleId.slice("harden/".length);
      const files = byRule.get(rule) ?? new Map<string, number>();
      files.set(file, (files.get(file) ?? 0) + 1);
      byRule.set(rule, files);
    }
  }
  const checks = QUESTIONS.map((question): CheckResult => {
    const perFile = new Map<string, number>();
    const rules: CheckResult["rules"] = [];
    for (const rule of question.rules) {
      const files = byRule.get(rule);
      if (!files) continue;
      let count = 0;
      for (const [file, findings] of files) {
        count += findings;
        perFile.set(file, (perFile.get(file) ?? 0) + findings);
      }
      rules.push({ rule, findings: count, docs: getDocsUrl(rule) });
    }
    const findings = rules.reduce((sum, entry) => sum + entry.findings, 0);
    const worstFiles = [...perFile]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, WORST)
      .map(([file, count]) => ({ file, findings: count }));
    return { id: question.id, title: question.title, passed: findings === 0, findings, rules, worstFiles };
  });
  return {
    version: 1,
    files: results.length,
    endpoints: summarize(endpoints),
    checks,
    passed: checks.every((check) => check.passed),
  };
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

export function formatReport(report: Report, { color = false } = {}): string {
  const paint = (code: string, text: string): string => (color ? `\u001B[${code}m${text}\u001B[0m` : text);
  const { endpoints } = report;
  const lines = [
    `harden report · ${plural(report.files, "file")} · ${plural(endpoints.total, "endpoint")} (${endpoints.protected} protected, ${endpoints.public} public, ${endpoints.none} without auth)`,
    "",
  ];
  for (const check of report.checks) {
    if (check.passed) {
      // The rule reports the endpoints no product leaves open; the others may be public on purpose.
      const open =
        check.id === "auth" && endpoints.none > 0
          ? ` (${endpoints.none} without auth look public: \`npx harden routes\`)`
          : "";
      lines.push(`${paint("32", "✓")} ${check.title}${open}`);
      continue;
    }
    lines.push(`${paint("31;1", "✗")} ${check.title}: ${plural(check.findings, "finding")}`);
    lines.push(`    ${check.rules.map((entry) => `${entry.rule} ${entry.findings}`).join(" · ")}`);
    lines.push(`    most in ${check.worstFiles.map((entry) => `${entry.file} (${entry.findings})`).join(", ")}`);
  }
  const failed = report.checks.filter((check) => !check.passed).length;
  lines.push(
    "",
    failed === 0
      ? "Every check passed."
      : `${failed} of ${report.checks.length} checks failed: \`npx eslint\` with harden's strict config shows each finding.`,
    "Every endpoint and who may call it: `npx harden routes`. The rules: https://github.com/harden-eslint/eslint-plugin-harden#rules",
  );
  return `${lines.join("\n")}\n`;
}
