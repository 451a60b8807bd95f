import { ASTUtils, AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { getImportOrigin } from "../utils/get-import-origin.js";
import type { RuleContext } from "./types.js";

/** `require("x")`, `require("x").y`, `require("x")()`, `await import("x")`: the specifier, else `undefined`. */
export function getRequiredSource(node: TSESTree.Node | null | undefined): string | undefined {
  let current = node ?? undefined;
  while (
    current?.type === AST_NODE_TYPES.MemberExpression ||
    current?.type === AST_NODE_TYPES.AwaitExpression ||
    (current?.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.CallExpression)
  ) {
    current =
      current.type === AST_NODE_TYPES.MemberExpression
        ? current.object
        : current.type === AST_NODE_TYPES.AwaitExpression
          ? current.argument
          : current.callee;
  }
  if (current?.type === AST_NODE_TYPES.ImportExpression) {
    return current.source.type === AST_NODE_TYPES.Literal && typeof current.source.value === "string"
      ? current.source.value
      : undefined;
  }
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
 * The module specifier a binding comes from: `import x from "s"`, `import { x } from "s"`,
 * `const x = require("s")`, `const { x } = require("s")`, `const x = require("s").y`. `undefined` for
 * anything declared in this file or not declared at all.
 */
export function getBindingSource(context: RuleContext, identifier: TSESTree.Identifier): string | undefined {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  const origin = getImportOrigin(variable);
  if (origin) return origin.source;
  // `const router = require("./routes")(deps)`: a factory called on the spot.
  const definition = variable?.defs[0];
  if (definition?.type === "Variable" && definition.node.type === AST_NODE_TYPES.VariableDeclarator) {
    return getRequiredSource(definition.node.init);
  }
  return undefined;
}

/** `@scope/name` or `name`, optionally with a subpath: a package, not a file of this project. */
const PACKAGE_SPECIFIER = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/|$)/iu;

/**
 * Whether a specifier names a module of this project (`./routes`, `../app`, `@/routes`, `~/routes`,
 * `#routes`) rather than a package or a Node built-in.
 */
export function isLocalSpecifier(source: string): boolean {
  return !source.startsWith("node:") && !PACKAGE_SPECIFIER.test(source);
}
