import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getDecoratorName } from "../frameworks/get-file-routes.js";
import { getImportFixes } from "./get-import-fixes.js";
import { getIndentation } from "./insert-statement.js";

type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

/**
 * Puts `guardText` in front of a Nest controller method's guards: into its existing `@UseGuards(...)`
 * (first, so it runs before the others), or as a new `@UseGuards(guardText)` above the method's first
 * decorator, importing `UseGuards` from `@nestjs/common`.
 */
export function getNestGuardFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  method: TSESTree.MethodDefinition,
  guardText: string,
): Fix | undefined {
  const decorators = method.decorators ?? [];
  const existing = decorators.find(
    (d) => getDecoratorName(d) === "UseGuards" && d.expression.type === AST_NODE_TYPES.CallExpression,
  );
  if (existing && existing.expression.type === AST_NODE_TYPES.CallExpression) {
    const call = existing.expression;
    const first = call.arguments[0];
    if (first) return (fixer) => [fixer.insertTextBefore(first, `${guardText}, `)];
    const close = sourceCode.getLastToken(call)!;
    return (fixer) => [fixer.insertTextBefore(close, guardText)];
  }
  const anchor = decorators[0];
  if (!anchor) return undefined;
  const sameLine = anchor.loc.start.line === method.key.loc.start.line;
  const text = sameLine
    ? `@UseGuards(${guardText}) `
    : `@UseGuards(${guardText})\n${getIndentation(sourceCode, anchor)}`;
  return (fixer) => [
    fixer.insertTextBefore(anchor, text),
    ...getImportFixes(fixer, sourceCode, { name: "UseGuards", source: "@nestjs/common" }),
  ];
}
