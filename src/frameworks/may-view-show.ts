import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import type { ResponseSend } from "./get-response-send.js";
import { getMemberName, getPropertyKeyName, getStaticString } from "./get-static-string.js";
import type { RuleContext } from "./types.js";
import { getViewCode } from "../project/get-view-code.js";
import { getLintedFilePath } from "../project/get-project-function.js";

/**
 * Whether `value`, handed to a view as a local (`res.render("verify", { error: err.message })`), can reach
 * the page: `false` only when the view and every template it pulls in can be read and none of their
 * template code names the local. A view that never prints `error` sends the client nothing of it.
 */
export function mayViewShow(context: RuleContext, send: ResponseSend, value: TSESTree.Node): boolean {
  const call = send.node;
  if (
    call.type !== AST_NODE_TYPES.CallExpression ||
    call.callee.type !== AST_NODE_TYPES.MemberExpression ||
    getMemberName(call.callee) !== "render"
  )
    return true;
  const [viewArgument, locals] = call.arguments;
  const view = viewArgument === undefined ? undefined : getStaticString(viewArgument);
  if (view === undefined || locals?.type !== AST_NODE_TYPES.ObjectExpression) return true;
  let property: TSESTree.Node = value;
  while (property.parent && property.parent !== locals) property = property.parent;
  if (property.parent !== locals || property.type !== AST_NODE_TYPES.Property) return true;
  const key = getPropertyKeyName(property);
  if (key === undefined) return true;
  const code = getViewCode(getLintedFilePath(context), view);
  if (code === undefined) return true;
  const escaped = key.replaceAll(/[$()*+.?[\\\]^{|}]/gu, "\\$&");
  return new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, "u").test(code);
}
