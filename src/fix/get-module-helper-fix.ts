import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { isDeclaredAtModuleLevel, isImportStatement } from "./get-import-fixes.js";

function findInsertionAnchor(program: TSESTree.Program): TSESTree.ProgramStatement | undefined {
  let anchor: TSESTree.ProgramStatement | undefined;
  for (const statement of program.body) {
    const isDirective = statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined;
    if (!isDirective && !isImportStatement(statement)) break;
    anchor = statement;
  }
  return anchor;
}

/**
 * Inserts a module-level helper (e.g. a `requireEnv` function) once per file, after the imports.
 * Returns no fix when something of that name is already declared at module level. When several
 * reports in one pass each add it, ESLint applies one insertion and the next pass finds it declared,
 * so the fix converges.
 */
export function getModuleHelperFix(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  name: string,
  code: string,
): TSESLint.RuleFix | undefined {
  if (isDeclaredAtModuleLevel(sourceCode, name)) return undefined;
  const anchor = findInsertionAnchor(sourceCode.ast);
  if (anchor) return fixer.insertTextAfter(anchor, `\n\n${code.trim()}\n`);
  const firstToken = sourceCode.getFirstToken(sourceCode.ast);
  const start = firstToken ? firstToken.range[0] : 0;
  return fixer.insertTextBeforeRange([start, start], `${code.trim()}\n\n`);
}
