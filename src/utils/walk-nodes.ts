import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

import { isFunctionNode } from "../frameworks/get-function-from-expression.js";

/** Calls `visit` on each child node of `node`, in the order of its visitor keys. */
export function forEachChild(
  node: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  visit: (child: TSESTree.Node) => void,
): void {
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof (child as TSESTree.Node).type === "string") visit(child as TSESTree.Node);
    }
  }
}

/**
 * Walks `root` until `visit` returns `true`, and says whether it did; `enterFunctions` decides whether
 * nested functions are walked too.
 */
export function walk(
  root: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  enterFunctions: boolean,
  visit: (node: TSESTree.Node) => boolean | void,
): boolean {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === true) return true;
    forEachChild(node, visitorKeys, (child) => {
      if (enterFunctions || !isFunctionNode(child)) stack.push(child);
    });
  }
  return false;
}
