import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { isFunctionNode } from "../frameworks/get-function-from-expression.js";

/**
 * `try { return this.symbols.lookup(query); } catch { … }` in an async function: the promise goes back
 * un-awaited, so its rejection skips this catch (typescript-eslint's `return-await` reports that). Only a
 * synchronous throw while the call starts could reach it, and the arguments here cannot throw.
 */
export function isBypassedByReturnedPromise(catchClause: TSESTree.CatchClause): boolean {
  let fn: TSESTree.Node | undefined = catchClause.parent.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  if (!fn || !isFunctionNode(fn) || !fn.async) return false;
  const body = catchClause.parent.block.body;
  const only = body.length === 1 ? body[0] : undefined;
  if (only?.type !== AST_NODE_TYPES.ReturnStatement || only.argument?.type !== AST_NODE_TYPES.CallExpression)
    return false;
  const call = only.argument;
  const isInert = (node: TSESTree.Node): boolean => {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.ThisExpression:
        return true;
      case AST_NODE_TYPES.MemberExpression:
        return !node.computed && isInert(node.object);
      case AST_NODE_TYPES.ObjectExpression:
        return node.properties.every(
          (property) => property.type === AST_NODE_TYPES.Property && !property.computed && isInert(property.value),
        );
      default:
        return false;
    }
  };
  return isInert(call.callee) && call.arguments.every((argument) => isInert(argument));
}
