import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { getUnwrappedExpression } from "./get-unwrapped-expression.js";

/** Where a binding comes from: the module and the exported name (`"*"` for the whole module). */
export interface ImportOrigin {
  source: string;
  /**
   * The exported name the binding holds: `"Pool"` for `import { Pool } from "pg"` or
   * `const { Pool } = require("pg")` or `const Pool = require("pg").Pool`; `"*"` for the module itself
   * (`import pg from "pg"`, `import * as pg from "pg"`, `const pg = require("pg")`).
   */
  imported: string;
}

const unwrap = (node: TSESTree.Node): TSESTree.Node => getUnwrappedExpression(node, { await: true });

/** `"x"` for `require("x")`, `require("x").y`, `require("x").y.z`; otherwise `undefined`. */
export function getRequireSource(node: TSESTree.Node | null | undefined): string | undefined {
  let current = node ? unwrap(node) : undefined;
  while (current?.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  if (
    current?.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.Identifier &&
    current.callee.name === "require" &&
    current.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof current.arguments[0].value === "string"
  ) {
    return current.arguments[0].value;
  }
  return undefined;
}

/**
 * The module and exported name a variable is bound to by an `import`, `import x = require()` or a
 * `require` declaration; `undefined` for any other binding.
 */
export function getImportOrigin(variable: TSESLint.Scope.Variable | null | undefined): ImportOrigin | undefined {
  const definition = variable?.defs[0];
  if (!definition) return undefined;
  if (definition.type === "ImportBinding") {
    const specifier = definition.node;
    if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = specifier.moduleReference;
      return reference.type === AST_NODE_TYPES.TSExternalModuleReference &&
        reference.expression.type === AST_NODE_TYPES.Literal
        ? { source: String(reference.expression.value), imported: "*" }
        : undefined;
    }
    const declaration = specifier.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const source = declaration.source.value;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported =
        specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      return { source, imported: imported === "default" ? "*" : imported };
    }
    return { source, imported: "*" };
  }
  if (definition.type !== "Variable" || definition.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  const declarator = definition.node;
  const source = getRequireSource(declarator.init);
  if (source === undefined) return undefined;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) {
    const init = declarator.init && unwrap(declarator.init);
    if (
      init?.type === AST_NODE_TYPES.MemberExpression &&
      !init.computed &&
      init.property.type === AST_NODE_TYPES.Identifier
    ) {
      // `require("x").default` is the module's default export: the module itself for our purposes.
      return { source, imported: init.property.name === "default" ? "*" : init.property.name };
    }
    return { source, imported: "*" };
  }
  // `const { createServer } = require("http")`
  const property = definition.name.parent;
  if (
    property.type === AST_NODE_TYPES.Property &&
    property.parent.type === AST_NODE_TYPES.ObjectPattern &&
    property.parent === declarator.id &&
    property.key.type === AST_NODE_TYPES.Identifier
  ) {
    return { source, imported: property.key.name };
  }
  return undefined;
}
