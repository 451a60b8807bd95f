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

/** The name a member expression reads when it is static: `a.b` and `a["b"]` → `b`; `a[key]` → `undefined`. */
export function getMemberName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed) return member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
  return getStaticString(member.property);
}

/** The key of a property written statically: `a: 1`, `"a": 1`, `1: x`, `["a"]: 1` → `a` / `1`; `[key]: 1` → `undefined`. */
export function getPropertyKeyName(
  property: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | undefined {
  if (property.computed) return getStaticString(property.key);
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
}
