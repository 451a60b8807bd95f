import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

import { isFunctionNode } from "../frameworks/get-function-from-expression.js";

type NodeRecord = Record<string, unknown>;

const isNode = (value: unknown): value is TSESTree.Node =>
  typeof value === "object" && value !== null && typeof (value as TSESTree.Node).type === "string";

/** Calls `visit` on each child node of `node`, in the order of its visitor keys. */
export function forEachChild(
  node: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  visit: (child: TSESTree.Node) => void,
): void {
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as NodeRecord)[key];
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) visit(child);
    } else if (isNode(value)) {
      visit(value);
    }
  }
}

/**
 * Walks `root` until `visit` returns `true`, and says whether it did; `enterFunctions` decides whether
 * nested functions are walked too. Children are pushed in visitor-key order and taken from the top, as
 * {@link forEachChild} would hand them over; the loop is written out because the walkers of handler
 * bodies run it for every node.
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
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as NodeRecord)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child) && (enterFunctions || !isFunctionNode(child))) stack.push(child);
      } else if (isNode(value) && (enterFunctions || !isFunctionNode(value))) {
        stack.push(value);
      }
    }
  }
  return false;
}
