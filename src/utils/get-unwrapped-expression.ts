import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

export interface UnwrapOptions {
  /** Also look through `await x`. */
  await?: boolean;
  /** Also look through optional chains (`a?.b` is a ChainExpression around the member). */
  chain?: boolean;
}

/** The TypeScript-only wrappers {@link getUnwrappedExpression} looks through, for listener selectors. */
export const TS_WRAPPER_TYPES = [
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
] as const;

/**
 * The expression under TypeScript-only wrappers (`x as T`, `x!`, `x satisfies T`, `<T>x`), which change
 * nothing at run time, and optionally under `await` and optional-chain wrappers.
 */
export function getUnwrappedExpression(node: TSESTree.Node, options: UnwrapOptions = {}): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
        current = current.expression;
        continue;
      case AST_NODE_TYPES.AwaitExpression:
        if (!options.await) return current;
        current = current.argument;
        continue;
      case AST_NODE_TYPES.ChainExpression:
        if (!options.chain) return current;
        current = current.expression;
        continue;
      default:
        return current;
    }
  }
}
