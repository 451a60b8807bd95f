import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

/**
 * Whether `node` runs only under a condition inside its function (or module): a branch of an `if`,
 * a `? :` branch, the right side of `&&` / `||` / `??`, a `switch` case, or a `try` handler. Setup that
 * someone guarded (`if (isDev) app.use(errorhandler())`) is a decision already made.
 */
export function isConditionallyExecuted(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
        if (child !== current.test) return true;
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== current.test) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === current.right) return true;
        break;
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.CatchClause:
        return true;
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.Program:
        return false;
      default:
        break;
    }
  }
  return false;
}
