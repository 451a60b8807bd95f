import path from "node:path";

import type { ESLint, Linter } from "eslint";

/** One finding, reduced to what every client can report: where, which rule, what it says. */
export interface Finding {
  file: string;
  ruleId: string;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  message: string;
}

/** `src/routes/orders.ts` style paths, so results from different copies of the app compare equal. */
export function toAppPath(appDir: string, filePath: string): string {
  return path.relative(appDir, filePath).split(path.sep).join("/");
}

export function toFindings(appDir: string, results: readonly ESLint.LintResult[]): Finding[] {
  return results
    .flatMap((result) =>
      result.messages.map((m: Linter.LintMessage) => ({
        file: toAppPath(appDir, result.filePath),
        ruleId: m.ruleId ?? `(fatal) ${m.message}`,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        message: m.message,
      })),
    )
    .sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** `file line:column ruleId`, the short form assertions print. */
export function describeFinding(f: Finding): string {
  return `${f.file} ${f.line}:${f.column} ${f.ruleId}`;
}

/** ESLint's JSON output, files in a stable order (worker threads may finish in any order). */
export function parseJsonResults(stdout: string): ESLint.LintResult[] {
  return (JSON.parse(stdout) as ESLint.LintResult[]).sort((a, b) => a.filePath.localeCompare(b.filePath));
}
