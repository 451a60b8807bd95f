import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import type { ImportedName } from "../utils/settings.js";
import { getModuleKind } from "./get-module-kind.js";
import { getStatementTerminator } from "./get-statement-terminator.js";

function getRootIdentifier(name: string): string {
  return name.split(".")[0] ?? name;
}

/**
 * The scope that holds the file's top-level declarations: the innermost scope whose block is the
 * Program. That is the module scope of an ES module; under `sourceType: "commonjs"` (espree) or
 * `ecmaFeatures.globalReturn`, a function scope that wraps the file the way Node wraps a CommonJS module
 * (with a module scope inside it when both are set); the global scope of a plain script.
 */
function getModuleScope(sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.Scope.Scope | undefined {
  let scope: TSESLint.Scope.Scope | undefined = sourceCode.scopeManager?.globalScope ?? undefined;
  for (
    let inner: TSESLint.Scope.Scope | undefined = scope;
    inner;
    inner = inner.childScopes.find((child) => child.block === sourceCode.ast)
  )
    scope = inner;
  return scope;
}

/** Whether `name` (or the root of a member path such as `passport.authenticate`) is declared at module level. */
export function isDeclaredAtModuleLevel(sourceCode: Readonly<TSESLint.SourceCode>, name: string): boolean {
  const root = getRootIdentifier(name);
  for (let scope = getModuleScope(sourceCode); scope; scope = scope.upper ?? undefined) {
    if (scope.set.has(root)) return true;
  }
  return false;
}

/** `require("x")`'s specifier, else `undefined`. */
function getRequireSource(node: TSESTree.Node | null | undefined): string | undefined {
  if (
    node?.type !== AST_NODE_TYPES.CallExpression ||
    node.callee.type !== AST_NODE_TYPES.Identifier ||
    node.callee.name !== "require"
  )
    return undefined;
  const [argument] = node.arguments;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === "string" ? argument.value : undefined;
}

/**
 * `require("x")`, `require("x").y`, `require("pino")()`, `require("dotenv").config()`: a require and
 * what is read or called on it without arguments. A call with arguments (`require("stripe")(key)`) runs
 * code on values of the file, which a fix may be rewriting to use the name it imports; a new `require`
 * placed after it would be read before it is initialised.
 */
function isPlainRequire(node: TSESTree.Node | null | undefined): boolean {
  let current = node;
  while (current) {
    if (getRequireSource(current) !== undefined) return true;
    if (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
    else if (current.type === AST_NODE_TYPES.CallExpression && current.arguments.length === 0) current = current.callee;
    else return false;
  }
  return false;
}

/**
 * A statement of the file's import block, which new imports and helpers follow: `import …`,
 * `import x = require("x")`, a declaration whose values are plain requires, or a plain require run for
 * its effect (`require("dotenv").config()`, which in CommonJS must run before the modules it configures).
 */
export function isImportStatement(statement: TSESTree.ProgramStatement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ImportDeclaration:
      return true;
    case AST_NODE_TYPES.TSImportEqualsDeclaration:
      return statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference;
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.every((declarator) => isPlainRequire(declarator.init));
    case AST_NODE_TYPES.ExpressionStatement:
      return statement.directive === undefined && isPlainRequire(statement.expression);
    default:
      return false;
  }
}

function findLastImportOrRequire(program: TSESTree.Program): TSESTree.ProgramStatement | undefined {
  let last: TSESTree.ProgramStatement | undefined;
  for (const statement of program.body) {
    if (isImportStatement(statement)) {
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

/**
 * The pattern of a `const { a } = require(source)` in the file's import block that a name can be added
 * to. Only there: a require further down runs after top-level code that a fix may make use the name.
 */
function findRequirePatternFrom(program: TSESTree.Program, source: string): TSESTree.ObjectPattern | undefined {
  for (const statement of program.body) {
    const isDirective = statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined;
    if (!isDirective && !isImportStatement(statement)) break;
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const { id, init } of statement.declarations) {
      if (
        id.type === AST_NODE_TYPES.ObjectPattern &&
        // `const { a }: Shape = require(…)` would need the type changed too.
        !id.typeAnnotation &&
        id.properties.length > 0 &&
        id.properties.every((property) => property.type === AST_NODE_TYPES.Property) &&
        getRequireSource(init) === source
      ) {
        return id;
      }
    }
  }
  return undefined;
}

function findImportFrom(program: TSESTree.Program, source: string): TSESTree.ImportDeclaration | undefined {
  return program.body.find(
    (s): s is TSESTree.ImportDeclaration =>
      s.type === AST_NODE_TYPES.ImportDeclaration && s.source.value === source && s.importKind !== "type",
  );
}

function buildImportText(imported: ImportedName, kind: "esm" | "commonjs", semicolon: string): string {
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
 * (imported, required or defined, under any `sourceType`) or has no `source`; an added specifier when the
 * file already imports from that module (`import { a }`, `const { a } = require(…)`); otherwise a new
 * `import` (ESM) or `require` (CommonJS) after the existing ones.
 */
export function getImportFixes(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  imported: ImportedName,
  { typeOnly = false }: { typeOnly?: boolean } = {},
): TSESLint.RuleFix[] {
  if (!imported.source || isDeclaredAtModuleLevel(sourceCode, imported.name)) return [];
  const program = sourceCode.ast;
  const kind = getModuleKind(sourceCode);
  const importKind = imported.importKind ?? "named";
  const local = getRootIdentifier(imported.name);

  // A type joins the file's `import type { … }` from the module, or its value import as `type X`, so that
  // `verbatimModuleSyntax` and `consistent-type-imports` accept it; otherwise it gets an `import type` of its own.
  if (typeOnly && kind === "esm" && importKind === "named") {
    const typeImport = program.body.find(
      (s): s is TSESTree.ImportDeclaration =>
        s.type === AST_NODE_TYPES.ImportDeclaration &&
        s.source.value === imported.source &&
        s.importKind === "type" &&
        s.specifiers.every((x) => x.type === AST_NODE_TYPES.ImportSpecifier),
    );
    const lastTyped = typeImport?.specifiers.at(-1);
    if (lastTyped) return [fixer.insertTextAfter(lastTyped, `, ${local}`)];
    const lastValue = findImportFrom(program, imported.source)
      ?.specifiers.filter((x) => x.type === AST_NODE_TYPES.ImportSpecifier)
      .at(-1);
    if (lastValue) return [fixer.insertTextAfter(lastValue, `, type ${local}`)];
    const text = `import type { ${local} } from ${JSON.stringify(imported.source)}${getStatementTerminator(sourceCode)}`;
    const anchor = findLastImportOrRequire(program);
    return anchor ? [fixer.insertTextAfter(anchor, `\n${text}`)] : [fixer.insertTextBeforeRange([0, 0], `${text}\n`)];
  }

  if (kind === "esm" && importKind === "named") {
    const existing = findImportFrom(program, imported.source);
    const named = existing?.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier) ?? [];
    const lastNamed = named.at(-1);
    if (existing && lastNamed) return [fixer.insertTextAfter(lastNamed, `, ${local}`)];
    if (
      existing &&
      existing.specifiers.length === 1 &&
      existing.specifiers[0]?.type === AST_NODE_TYPES.ImportDefaultSpecifier
    ) {
      return [fixer.insertTextAfter(existing.specifiers[0], `, { ${local} }`)];
    }
  }

  if (kind === "commonjs" && importKind === "named") {
    const lastProperty = findRequirePatternFrom(program, imported.source)?.properties.at(-1);
    if (lastProperty) return [fixer.insertTextAfter(lastProperty, `, ${local}`)];
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
