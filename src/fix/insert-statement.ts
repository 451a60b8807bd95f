import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

import { getStatementTerminator } from "./get-statement-terminator.js";

/** The whitespace before the first token on `node`'s line. */
export function getIndentation(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? "";
  return /^\s*/u.exec(line)?.[0] ?? "";
}

/** A statement that begins with one of these continues the previous line when that line has no `;`. */
const ASI_HAZARD = /^[([`+\-/*,.]/u;

/**
 * Makes `statementText` (without terminator) safe to insert as its own statement: adds the file's
 * terminator, and in semicolon-less files guards a statement that would otherwise join the line above.
 */
export function toStatement(sourceCode: Readonly<TSESLint.SourceCode>, statementText: string): string {
  const terminator = getStatementTerminator(sourceCode);
  if (terminator === "" && ASI_HAZARD.test(statementText)) return `;${statementText}`;
  return `${statementText}${terminator}`;
}

/** Inserts a statement on its own line before `statement`, at the same indentation. */
export function insertStatementBefore(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
  statementText: string,
): TSESLint.RuleFix {
  const indent = getIndentation(sourceCode, statement);
  return fixer.insertTextBefore(statement, `${toStatement(sourceCode, statementText)}\n${indent}`);
}

/** Inserts a statement on its own line after `statement`, at the same indentation. */
export function insertStatementAfter(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
  statementText: string,
): TSESLint.RuleFix {
  const indent = getIndentation(sourceCode, statement);
  return fixer.insertTextAfter(statement, `\n${indent}${toStatement(sourceCode, statementText)}`);
}
