import { ASTUtils, AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { isFunctionNode } from "./get-function-from-expression.js";
import { getResponseSend } from "./get-response-send.js";
import type { HandlerInfo, RuleContext } from "./types.js";
import { unwrapExpression } from "../utils/get-caught-error.js";

function getMemberName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  return member.computed && member.property.type === AST_NODE_TYPES.Literal ? String(member.property.value) : undefined;
}

/** Walks an expression through `const` locals: whether `match` holds for a node in it or in what its locals were set to. */
function tracesTo(context: RuleContext, expression: TSESTree.Node, match: (node: TSESTree.Node) => boolean, depth = 0): boolean {
  const stack: TSESTree.Node[] = [expression];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (match(node)) return true;
    if (node.type === AST_NODE_TYPES.Identifier && depth < 3) {
      const definition = ASTUtils.findVariable(context.sourceCode.getScope(node), node)?.defs[0];
      if (definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init && tracesTo(context, definition.node.init, match, depth + 1)) return true;
      continue;
    }
    for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof (child as TSESTree.Node).type === "string" && !isFunctionNode(child as TSESTree.Node)) stack.push(child as TSESTree.Node);
      }
    }
  }
  return false;
}

const readsEnvironment = (node: TSESTree.Node) =>
  node.type === AST_NODE_TYPES.MemberExpression &&
  node.object.type === AST_NODE_TYPES.Identifier &&
  node.object.name === "process" &&
  getMemberName(node) === "env";
const readsHeaders = (node: TSESTree.Node) =>
  node.type === AST_NODE_TYPES.MemberExpression && ["headers", "header", "authorization"].includes(getMemberName(node) ?? "");

/**
 * Whether the handler serves only the app's own callers: before `node` it answers 401/403 unless a request
 * header equals a secret from the environment (`if (token !== process.env.INTERNAL_API_KEY) return res.status(401)…`),
 * as a job or webhook endpoint does. Its error text reaches the app's own caller, not users, and its input is
 * what the app's own job sent.
 */
export function isSecretGatedHandler(context: RuleContext, handler: HandlerInfo, node: TSESTree.Node): boolean {
  const body = handler.function.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return false;
  for (const statement of body.body) {
    if (statement.range[1] > node.range[0]) break;
    if (statement.type !== AST_NODE_TYPES.IfStatement) continue;
    const test = unwrapExpression(statement.test);
    const comparisons = test.type === AST_NODE_TYPES.LogicalExpression && test.operator === "||" ? [test.left, test.right] : [test];
    const gated = comparisons.some(
      (comparison) =>
        comparison.type === AST_NODE_TYPES.BinaryExpression &&
        (comparison.operator === "!==" || comparison.operator === "!=") &&
        [[comparison.left, comparison.right], [comparison.right, comparison.left]].some(
          ([secret, presented]) => tracesTo(context, secret!, readsEnvironment) && tracesTo(context, presented!, readsHeaders),
        ),
    );
    if (!gated) continue;
    let refuses = false;
    const stack: TSESTree.Node[] = [statement.consequent];
    while (stack.length > 0 && !refuses) {
      const current = stack.pop()!;
      const status = getResponseSend(context, current)?.status;
      if (status === 401 || status === 403) refuses = true;
      for (const key of context.sourceCode.visitorKeys[current.type] ?? []) {
        const value = (current as unknown as Record<string, unknown>)[key];
        for (const child of Array.isArray(value) ? value : [value]) if (child && typeof (child as TSESTree.Node).type === "string") stack.push(child as TSESTree.Node);
      }
    }
    if (refuses) return true;
  }
  return false;
}
