import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { isFunctionNode } from "../frameworks/get-function-from-expression.js";

/** Test-runner blocks and hooks (Jest, Vitest, Mocha, node:test, Jasmine). */
const TEST_BLOCKS = new Set([
  "describe",
  "it",
  "test",
  "suite",
  "before",
  "beforeAll",
  "beforeEach",
  "after",
  "afterAll",
  "afterEach",
  "setup",
  "teardown",
]);

function getCalleeRoot(callee: TSESTree.Node): string | undefined {
  let current = callee;
  // `describe.each(...)(...)`, `it.only`, `test.concurrent`
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
    current = current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.callee;
  }
  return current.type === AST_NODE_TYPES.Identifier ? current.name : undefined;
}

/**
 * Whether `node` runs inside a callback given to a test block or hook (`beforeAll(() => { server =
 * app.listen(0) })`): code that starts a throwaway server for a test, not the production entry point.
 */
export function isInTestCode(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    const call = current.parent;
    if (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments.includes(current as TSESTree.CallExpressionArgument)
    ) {
      const root = getCalleeRoot(call.callee);
      if (root !== undefined && TEST_BLOCKS.has(root)) return true;
    }
  }
  return false;
}
