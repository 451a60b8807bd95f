import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

/** The value of a string literal or an expression-free template literal; otherwise `undefined`. */
export function getStaticString(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string") return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}
