import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

/**
 * Whether the code at `node` runs when its module is imported: it is outside every function, or only
 * inside functions called where they stand (`(() => …)()`), or in a static class member. Code in any
 * other function, and instance fields (evaluated by the constructor), run only when called.
 */
export function isEvaluatedOnImport(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression: {
        const call = current.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== current) return false;
        break;
      }
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        if (!current.static && current.value === child) return false;
        break;
      default:
        break;
    }
  }
  return true;
}
