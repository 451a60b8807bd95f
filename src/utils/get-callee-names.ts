import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { getMemberName } from "../frameworks/get-static-string.js";

/** The names a call can be recognised by: `validate(x)` → `validate`; `schema.body.parse(x)` → `schema`, `parse`, `schema.body.parse`. */
export interface CalleeNames {
  /** The called function's own name: the identifier, or the last property of a member path. */
  name: string | undefined;
  /** The leftmost identifier of a member path (`Joi` in `Joi.attempt`), when there is one. */
  root: string | undefined;
  /** The dotted path when every step is a plain name (`Value.Check`), else `undefined`. */
  path: string | undefined;
}

export function getCalleeNames(callee: TSESTree.Node): CalleeNames {
  let node = callee;
  while (node.type === AST_NODE_TYPES.TSNonNullExpression || node.type === AST_NODE_TYPES.ChainExpression) {
    node = node.expression;
  }
  if (node.type === AST_NODE_TYPES.Identifier) return { name: node.name, root: node.name, path: node.name };
  if (node.type !== AST_NODE_TYPES.MemberExpression) return { name: undefined, root: undefined, path: undefined };
  const name = getMemberName(node);
  const parts: string[] = [];
  let current: TSESTree.Node = node;
  let plain = true;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const part = getMemberName(current);
    if (part === undefined) plain = false;
    else parts.unshift(part);
    current = current.object;
    while (current.type === AST_NODE_TYPES.CallExpression) {
      plain = false;
      current = current.callee;
    }
  }
  const root = current.type === AST_NODE_TYPES.Identifier ? current.name : undefined;
  if (root === undefined) plain = false;
  return { name, root, path: plain && root !== undefined ? [root, ...parts].join(".") : undefined };
}
