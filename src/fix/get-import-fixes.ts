import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import type { ImportedName } from "../utils/settings.js";
import { getModuleKind } from "./get-module-kind.js";
import { getStatementTerminator } from "./get-statement-terminator.js";

function getRootIdentifier(name: string): string {
  return name.split(".")[0] ?? name;
}

/** Whether `name` (or the root of a member path such as `passport.authenticate`) is declared at module level. */
export function isDeclaredAtModuleLevel(sourceCode: Readonly<TSESLint.SourceCode>, name: string): boolean {
  const root = getRootIdentifier(name);
  const scope = sourceCode.scopeManager?.globalScope;
  if (!scope) return false;
  const moduleScope = scope.childScopes.find((child) => child.type === "module") ?? scope;
  return moduleScope.set.has(root) || scope.set.has(root);
}

function findLastImportOrRequire(program: TSESTree.Program): TSESTree.ProgramStatement | undefined {
  let last: TSESTree.ProgramStatement | undefined;
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      last = statement;
      continue;
    }
    if (
      statement.type === AST_NODE_TYPES.VariableDeclaration &&
      statement.declarations.some(
        (d) =>
          d.init?.type === AST_NODE_TYPES.CallExpression &&
          d.init.callee.type === AST_NODE_TYPES.Identifier &&
          d.init.callee.name === "require",
      )
    ) {
      last = statement;
      continue;
    }
    // Directives ("use strict", "use server") stay first.
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined) {
      last ??= statement;
      continue;
    }
    break;
  }
  return last;
}

function findImportFrom(program: TSESTree.Program, source: string): TSESTree.ImportDeclaration | undefined {
  return program.body.find(
    (s): s is TSESTree.ImportDeclaration =>
      s.type === AST_NODE_TYPES.ImportDeclaration && s.source.value === source && s.importKind !== "type",
  );
}

function buildImportText(
  imported: ImportedName,
  kind: "esm" | "commonjs",
  semicolon: string,
): string {
  const local = getRootIdentifier(imported.name);
  const source = JSON.stringify(imported.source);
  const importKind = imported.importKind ?? "named";
  if (kind === "commonjs") {
    if (importKind === "named") return `const { ${local} } = require(${source})${semicolon}`;
    return `const ${local} = require(${source})${semicolon}`;
  }
  if (importKind === "default") return `import ${local} from ${source}${semicolon}`;
  if (importKind === "namespace") return `import * as ${local} from ${source}${semicolon}`;
  return `import { ${local} } from ${source}${semicolon}`;
}

/**
 * The fixes that make `imported.name` available at module level: nothing when it is already declared
 * (imported or defined) or has no `source`; an added specifier when the file already imports from that
 * module; otherwise a new `import` (ESM) or `require` (CommonJS) after the existing ones.
 */
export function getImportFixes(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  imported: ImportedName,
): TSESLint.RuleFix[] {
  if (!imported.source || isDeclaredAtModuleLevel(sourceCode, imported.name)) return [];
  const program = sourceCode.ast;
  const kind = getModuleKind(sourceCode);
  const importKind = imported.importKind ?? "named";
  const local = getRootIdentifier(imported.name);

  if (kind === "esm" && importKind === "named") {
    const existing = findImportFrom(program, imported.source);
    const named = existing?.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier) ?? [];
    const lastNamed = named.at(-1);
    if (existing && lastNamed) return [fixer.insertTextAfter(lastNamed, `, ${local}`)];
    if (existing && existing.specifiers.length === 1 && existing.specifiers[0]?.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
      return [fixer.insertTextAfter(existing.specifiers[0], `, { ${local} }`)];
    }
  }

  const text = buildImportText(imported, kind, getStatementTerminator(sourceCode));
  const anchor = findLastImportOrRequire(program);
  if (anchor) return [fixer.insertTextAfter(anchor, `\n${text}`)];
  const first = program.body[0];
  if (!first) return [fixer.insertTextAfterRange([0, 0], `${text}\n`)];
  const firstToken = sourceCode.getFirstToken(program, { includeComments: false });
  // Leading comments (license headers, `// @ts-check`) stay on top.
  const start = firstToken ? firstToken.range[0] : first.range[0];
  return [fixer.insertTextBeforeRange([start, start], `${text}\n`)];
}
