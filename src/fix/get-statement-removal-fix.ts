import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

/**
 * Removes a statement from a statement list: with its whole line when it stands alone on it, so no
 * blank line is left behind. In a file without semicolons, a removed statement may own the `;` that
 * guards the next line (`foo()\n;[a].forEach(f)`); then an empty statement is kept instead, so the next
 * line does not join the previous one.
 */
export function getStatementRemovalFix(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
): TSESLint.RuleFix {
  const previous = sourceCode.getTokenBefore(statement);
  const next = sourceCode.getTokenAfter(statement);
  if (
    next &&
    /^[([`+\-/]/u.test(next.value) &&
    previous &&
    ![";", "{", "}", ":"].includes(previous.value) &&
    sourceCode.getLastToken(statement)?.value === ";"
  ) {
    return fixer.replaceText(statement, ";");
  }
  const line = sourceCode.lines[statement.loc.start.line - 1] ?? "";
  const before = line.slice(0, statement.loc.start.column);
  const endLine = sourceCode.lines[statement.loc.end.line - 1] ?? "";
  const after = endLine.slice(statement.loc.end.column);
  if (before.trim() === "" && after.trim() === "") {
    const start = statement.range[0] - before.length;
    const end = statement.range[1] + after.length;
    return fixer.removeRange([start, sourceCode.text[end] === "\n" ? end + 1 : end]);
  }
  return fixer.remove(statement);
}
