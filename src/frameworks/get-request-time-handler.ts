import { ASTUtils, AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { findEnclosingHandler } from "./get-handler-info.js";
import { isFunctionNode } from "./get-function-from-expression.js";
import type { FunctionNode, HandlerInfo, RuleContext } from "./types.js";

/** How many module-level functions deep a call chain from a handler is followed. */
const MAX_DEPTH = 3;

const byFunction = new WeakMap<FunctionNode, HandlerInfo | null>();

/** The module-level function `node` is written in (directly or in a function nested in it), with the name it is declared under. */
function getModuleFunction(node: TSESTree.Node): { fn: FunctionNode; id: TSESTree.Identifier } | undefined {
  let outermost: FunctionNode | undefined;
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) outermost = current;
  if (!outermost) return undefined;
  const parent = outermost.parent;
  if (outermost.type === AST_NODE_TYPES.FunctionDeclaration) {
    return outermost.id && parent?.type === AST_NODE_TYPES.Program ? { fn: outermost, id: outermost.id } : undefined;
  }
  // `const helper = async () => {…}` at module level.
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === outermost &&
    parent.id.type === AST_NODE_TYPES.Identifier &&
    parent.parent.parent.type === AST_NODE_TYPES.Program
  ) {
    return { fn: outermost, id: parent.id };
  }
  return undefined;
}

/** `helper(…)` / `await helper(…)`: a use that runs the function where it stands, and hands it nowhere. */
function isCallOf(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier;
}

function getHandlerAt(context: RuleContext, node: TSESTree.Node, depth: number): HandlerInfo | undefined {
  const handler = findEnclosingHandler(context, node);
  if (handler) return handler;
  if (depth >= MAX_DEPTH) return undefined;
  const declared = getModuleFunction(node);
  if (!declared) return undefined;
  const { fn, id } = declared;
  const cached = byFunction.get(fn);
  if (cached !== undefined) return cached ?? undefined;
  // Settled as "not request time" while its callers are followed, so a recursive call ends the walk.
  byFunction.set(fn, null);
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
  const uses = variable?.references.filter((reference) => reference.identifier !== id && !reference.init) ?? [];
  let found: HandlerInfo | undefined;
  if (uses.length > 0 && uses.every((use) => isCallOf(use.identifier))) {
    for (const use of uses) {
      const handler = getHandlerAt(context, use.identifier, depth + 1);
      if (!handler) {
        found = undefined;
        break;
      }
      found ??= handler;
    }
  }
  byFunction.set(fn, found ?? null);
  return found;
}

/**
 * The request handler whose work runs `node` on each request, as far as this file shows: the handler
 * (route, middleware, hook or error handler) it is written in, or — for code in a module-level function —
 * a handler that calls it, when every use of that function is a call from request-time code of this file
 * (followed up to three functions deep). A function that is exported, passed on as a value or called
 * where the module loads may run at any time, and has none.
 */
export function getRequestTimeHandler(context: RuleContext, node: TSESTree.Node): HandlerInfo | undefined {
  return getHandlerAt(context, node, 0);
}
