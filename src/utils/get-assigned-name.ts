import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { getStaticString } from "../frameworks/get-static-string.js";

const WRAPPERS = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSSatisfiesExpression,
]);

function getKeyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && (key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier))
    return key.name;
  return getStaticString(key);
}

/** The name a value is stored under and the node that names it. */
export interface AssignedName {
  name: string;
  /** `variable` (`const x = v`, `x = v`, a default `x = v`), `property` (`{ x: v }`, `obj.x = v`, a class field). */
  kind: "variable" | "property";
  /** The declarator, property, assignment or class field. */
  node: TSESTree.Node;
}

/**
 * The name `value` is assigned to: `const jwtSecret = v`, `{ password: v }`, `this.apiKey = v`,
 * `config["token"] = v`, `class { secret = v }`, a default `function f(secret = v)`. TypeScript
 * wrappers (`v as string`) are looked through. `undefined` anywhere else.
 */
export function getAssignedName(value: TSESTree.Node): AssignedName | undefined {
  let node = value;
  while (node.parent && WRAPPERS.has(node.parent.type)) node = node.parent;
  const parent = node.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier
        ? { name: parent.id.name, kind: "variable", node: parent }
        : undefined;
    case AST_NODE_TYPES.Property: {
      if (parent.value !== node || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      const name = getKeyName(parent.key, parent.computed);
      return name === undefined ? undefined : { name, kind: "property", node: parent };
    }
    case AST_NODE_TYPES.PropertyDefinition: {
      if (parent.value !== node) return undefined;
      const name = getKeyName(parent.key, parent.computed);
      return name === undefined ? undefined : { name, kind: "property", node: parent };
    }
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== node || parent.operator !== "=") return undefined;
      const left = parent.left;
      if (left.type === AST_NODE_TYPES.Identifier) return { name: left.name, kind: "variable", node: parent };
      if (left.type === AST_NODE_TYPES.MemberExpression) {
        const name = getKeyName(left.property, left.computed);
        return name === undefined ? undefined : { name, kind: "property", node: parent };
      }
      return undefined;
    }
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.right === node && parent.left.type === AST_NODE_TYPES.Identifier
        ? { name: parent.left.name, kind: "variable", node: parent }
        : undefined;
    default:
      return undefined;
  }
}
