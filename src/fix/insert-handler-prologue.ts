import { AST_NODE_TYPES, type TSESLint } from "@typescript-eslint/utils";

import type { FunctionNode } from "../frameworks/types.js";
import { getStatementTerminator } from "./get-statement-terminator.js";
import { getIndentation } from "./insert-statement.js";

type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

/** One indentation step as the file writes it: the first indented line's leading whitespace, else two spaces. */
function getIndentUnit(sourceCode: Readonly<TSESLint.SourceCode>): string {
  for (const line of sourceCode.lines) {
    const indent = /^[ \t]+(?=\S)/u.exec(line)?.[0];
    if (indent) return indent.startsWith("\t") ? "\t" : indent;
  }
  return "  ";
}

/** Whether a return type annotation already allows a promise (`Promise<Response>`), so `async` keeps it valid. */
function returnsPromise(fn: FunctionNode): boolean {
  const annotation = fn.returnType?.typeAnnotation;
  return (
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    annotation.typeName.name === "Promise"
  );
}

/**
 * A name for a new local that nothing in `fn` already uses, from `candidates` in order, then
 * `<first>2`, `<first>3`…. Judged on the function's identifier tokens, so a use in a nested function counts too.
 */
export function getFreeLocalName(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: FunctionNode,
  candidates: readonly string[],
): string {
  const used = new Set(
    sourceCode
      .getTokens(fn)
      .filter((token) => token.type === "Identifier")
      .map((token) => token.value),
  );
  for (const candidate of candidates) if (!used.has(candidate)) return candidate;
  const base = candidates[0] ?? "value";
  for (let i = 2; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`;
}

/**
 * Inserts `statements` at the top of `fn`'s body, each on its own line at the body's indentation. An
 * expression-bodied arrow becomes a block that returns the expression. `needsAwait`: the statements
 * use `await`, so a function that is not `async` is made `async` — only when that cannot break its
 * declared return type (none, or already a `Promise`); otherwise `undefined`.
 */
export function getHandlerPrologueFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: FunctionNode,
  statements: readonly string[],
  needsAwait: boolean,
): Fix | undefined {
  if (fn.generator) return undefined;
  const makeAsync = needsAwait && !fn.async;
  if (makeAsync && fn.returnType && !returnsPromise(fn)) return undefined;
  const unit = getIndentUnit(sourceCode);
  const fnIndent = getIndentation(sourceCode, fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : fn);

  return (fixer) => {
    const fixes: TSESLint.RuleFix[] = [];
    if (makeAsync) {
      const first = sourceCode.getFirstToken(fn)!;
      fixes.push(fixer.insertTextBefore(first, "async "));
    }
    const body = fn.body;
    if (body.type === AST_NODE_TYPES.BlockStatement) {
      const firstStatement = body.body[0];
      const open = sourceCode.getFirstToken(body)!;
      if (firstStatement && firstStatement.loc.start.line > open.loc.end.line) {
        const indent = getIndentation(sourceCode, firstStatement);
        fixes.push(fixer.insertTextAfter(open, statements.map((s) => `\n${indent}${s}`).join("")));
      } else {
        const indent = `${fnIndent}${unit}`;
        const lines = statements.map((s) => `\n${indent}${s}`).join("");
        const close = sourceCode.getLastToken(body)!;
        const next = sourceCode.getTokenAfter(open, { includeComments: true })!;
        if (next === close) {
          fixes.push(fixer.replaceTextRange([open.range[1], close.range[0]], `${lines}\n${fnIndent}`));
        } else {
          fixes.push(fixer.replaceTextRange([open.range[1], next.range[0]], `${lines}\n${indent}`));
          // `{ return x; }` on one line: the closing brace goes on its own line.
          const beforeClose = sourceCode.getTokenBefore(close, { includeComments: true })!;
          if (beforeClose.loc.end.line === close.loc.start.line) {
            fixes.push(fixer.replaceTextRange([beforeClose.range[1], close.range[0]], `\n${fnIndent}`));
          }
        }
      }
      return fixes;
    }
    const indent = `${fnIndent}${unit}`;
    const [start, end] = [sourceCode.getTokenBefore(body, { filter: (t) => t.value === "=>" })!.range[1], fn.range[1]];
    const expression = sourceCode.text.slice(body.range[0], body.range[1]);
    // Keep the parentheses of `() => ({ ... })` out of the return: `return { ... };` is what they meant.
    const block = `{${statements.map((s) => `\n${indent}${s}`).join("")}\n${indent}return ${expression}${getStatementTerminator(sourceCode)}\n${fnIndent}}`;
    fixes.push(fixer.replaceTextRange([start, end], ` ${block}`));
    return fixes;
  };
}
