import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { isFunctionNode } from "../frameworks/get-function-from-expression.js";

/** Parents whose children are a list of statements, where a statement can be inserted before or after another. */
export function isStatementList(node: TSESTree.Node | undefined): boolean {
  return (
    node?.type === AST_NODE_TYPES.Program ||
    node?.type === AST_NODE_TYPES.BlockStatement ||
    node?.type === AST_NODE_TYPES.StaticBlock
  );
}

/**
 * The statement that contains `node` and sits directly in a statement list (a `Program` or a block),
 * so a fix can add statements beside it; an `export` wrapper is taken along. `undefined` when the way
 * up leaves a function first (`then(() => app.listen(3000))`) or passes a statement that is not in a
 * list (`if (x) app.listen(3000)`).
 */
export function getListStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  let current: TSESTree.Node = node;
  while (current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (isFunctionNode(parent)) return undefined;
    if (isStatementList(parent)) return current;
    if (
      (parent.type === AST_NODE_TYPES.ExportNamedDeclaration ||
        parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) &&
      isStatementList(parent.parent)
    ) {
      return parent;
    }
    // A statement outside a list (`if (x) app.listen()`, a `for` head) leaves no room for a sibling.
    if (/Statement$|Declaration$/u.test(current.type)) return undefined;
    current = parent;
  }
  return undefined;
}
