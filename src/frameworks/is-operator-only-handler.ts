import { ASTUtils, AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { isFunctionNode } from "./get-function-from-expression.js";
import { getResponseSend } from "./get-response-send.js";
import type { HandlerInfo, RuleContext } from "./types.js";
import { unwrapExpression } from "../utils/get-caught-error.js";
import { getMemberName } from "./get-static-string.js";

/** Walks an expression through `const` locals: whether `match` holds for a node in it or in what its locals were set to. */
function tracesTo(
  context: RuleContext,
  expression: TSESTree.Node,
  match: (node: TSESTree.Node) => boolean,
  depth = 0,
): boolean {
  const stack: TSESTree.Node[] = [expression];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (match(node)) return true;
    if (node.type === AST_NODE_TYPES.Identifier && depth < 3) {
      const definition = ASTUtils.findVariable(context.sourceCode.getScope(node), node)?.defs[0];
      if (
        definition?.node.type === AST_NODE_TYPES.VariableDeclarator &&
        definition.node.init &&
        tracesTo(context, definition.node.init, match, depth + 1)
      )
        return true;
      continue;
    }
    for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof (child as TSESTree.Node).type === "string" && !isFunctionNode(child as TSESTree.Node))
          stack.push(child as TSESTree.Node);
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
  node.type === AST_NODE_TYPES.MemberExpression &&
  ["headers", "header", "authorization"].includes(getMemberName(node) ?? "");

/** Whether the statement answers 401 or 403 somewhere in it. */
function refuses(context: RuleContext, statement: TSESTree.Node): boolean {
  const stack: TSESTree.Node[] = [statement];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const status = getResponseSend(context, current)?.status;
    if (status === 401 || status === 403) return true;
    for (const key of context.sourceCode.visitorKeys[current.type] ?? []) {
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value])
        if (child && typeof (child as TSESTree.Node).type === "string") stack.push(child as TSESTree.Node);
    }
  }
  return false;
}

/** Whether, before `node`, the handler answers 401/403 in an `if` whose test (or one `||` operand of it) matches. */
function isGatedBefore(
  context: RuleContext,
  handler: HandlerInfo,
  node: TSESTree.Node,
  matches: (test: TSESTree.Node) => boolean,
): boolean {
  const body = handler.function.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const isGate = (statement: TSESTree.IfStatement): boolean => {
    const test = unwrapExpression(statement.test);
    const operands =
      test.type === AST_NODE_TYPES.LogicalExpression && test.operator === "||" ? [test.left, test.right] : [test];
    return operands.some((operand) => matches(unwrapExpression(operand))) && refuses(context, statement.consequent);
  };
  /**
   * The gate may open the handler's `try` (`try { if (key !== process.env.ADMIN_KEY) return 401; … }`). For
   * `node` in that try's `catch`, only a gate before anything else in the `try` runs before whatever failed.
   */
  const isGatedIn = (statements: readonly TSESTree.Statement[], leadingOnly: boolean): boolean => {
    for (const statement of statements) {
      if (statement.range[0] >= node.range[0]) return false;
      if (statement.range[1] > node.range[0]) {
        if (statement.type !== AST_NODE_TYPES.TryStatement) return false;
        return isGatedIn(statement.block.body, statement.block.range[1] <= node.range[0]);
      }
      if (statement.type === AST_NODE_TYPES.IfStatement && isGate(statement)) return true;
      if (leadingOnly && statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
    }
    return false;
  };
  return isGatedIn(body.body, false);
}

/**
 * Whether the handler serves only the app's own callers: before `node` it answers 401/403 unless a request
 * header equals a secret from the environment (`if (token !== process.env.INTERNAL_API_KEY) return res.status(401)…`),
 * as a job or webhook endpoint does. Its error text reaches the app's own caller, not users, and its input is
 * what the app's own job sent.
 */
export function isSecretGatedHandler(context: RuleContext, handler: HandlerInfo, node: TSESTree.Node): boolean {
  return isGatedBefore(
    context,
    handler,
    node,
    (comparison) =>
      comparison.type === AST_NODE_TYPES.BinaryExpression &&
      (comparison.operator === "!==" || comparison.operator === "!=") &&
      [
        [comparison.left, comparison.right],
        [comparison.right, comparison.left],
      ].some(
        ([secret, presented]) =>
          tracesTo(context, secret!, readsEnvironment) && tracesTo(context, presented!, readsHeaders),
      ),
  );
}

const ADMIN_WORD = /(?:^|[^a-z])admin|Admin/u;

/** `isAdmin`, `getIsUserAdmin(request)`, `user.isAdmin`, a `const` set to one of them. */
function namesAdmin(context: RuleContext, node: TSESTree.Node): boolean {
  return tracesTo(context, node, (part) => {
    if (part.type === AST_NODE_TYPES.Identifier) return ADMIN_WORD.test(part.name);
    return part.type === AST_NODE_TYPES.MemberExpression && ADMIN_WORD.test(getMemberName(part) ?? "");
  });
}

/**
 * Whether only the app's operators reach `node`: the handler answers 401/403 before it unless the caller is
 * an admin (`if (!isAdmin) return reply.status(401)…`, `if (user.role !== "admin")`), or is secret-gated
 * (see {@link isSecretGatedHandler}).
 */
export function isOperatorOnlyHandler(context: RuleContext, handler: HandlerInfo, node: TSESTree.Node): boolean {
  if (isSecretGatedHandler(context, handler, node)) return true;
  return isGatedBefore(context, handler, node, (test) => {
    if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === "!")
      return namesAdmin(context, unwrapExpression(test.argument));
    if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== "!==" && test.operator !== "!="))
      return false;
    const literal = [test.left, test.right].find((side) => side.type === AST_NODE_TYPES.Literal);
    return (
      literal?.type === AST_NODE_TYPES.Literal &&
      typeof literal.value === "string" &&
      /^(?:super_?)?admin$/iu.test(literal.value)
    );
  });
}
