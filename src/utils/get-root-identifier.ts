import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

/** The name a member path or call chain starts from: `swaggerUi` in `swaggerUi.setup(spec)`, `passport` in `passport.authenticate("jwt")`. */
export function getRootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = node;
  for (;;) {
    if (current.type === AST_NODE_TYPES.CallExpression) current = current.callee;
    else if (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
    else break;
  }
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}
