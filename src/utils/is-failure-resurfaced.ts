import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getFailingCalls, getPath, type FailingCall } from "./get-failing-calls.js";
import { getUnwrappedExpression } from "./get-unwrapped-expression.js";

const FUNCTION_TYPES = new Set<string>([
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.FunctionDeclaration,
]);

/**
 * The client a call goes through: `sonarr` for `sonarr.getSystemStatus()`, `this.prisma` for
 * `this.prisma.settings.delete(…)`. `undefined` for a plain function, a method of `this` itself, or a
 * global namespace (`JSON.parse`): an outage of those has no later call to show in.
 */
function getClient(call: FailingCall, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  const callee = getUnwrappedExpression(call.callee, { chain: true });
  if (call.type !== AST_NODE_TYPES.CallExpression || callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const path = getPath(callee.object);
  if (path === undefined) return undefined;
  if (path[0] === "this") return path.length > 1 ? `this.${path[1]}` : undefined;
  const [root] = path;
  const variable = root === undefined ? null : ASTUtils.findVariable(sourceCode.getScope(call), root);
  return variable && variable.defs.length > 0 ? root : undefined;
}

/** Does the error reach a caller or a catch that uses it? A `catch` that ignores its error swallows it again. */
function isReported(call: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let child: TSESTree.Node = call;
  for (let node = call.parent; node && !FUNCTION_TYPES.has(node.type); child = node, node = node.parent) {
    if (node.type !== AST_NODE_TYPES.TryStatement || child !== node.block || !node.handler) continue;
    const param = node.handler.param;
    return (
      param !== null && sourceCode.getDeclaredVariables(node.handler).some((variable) => variable.references.length > 0)
    );
  }
  return true;
}

/** The statements that run after `node` in its function: its later siblings, then its ancestors'. */
function getFollowingStatements(node: TSESTree.Node): TSESTree.Node[] {
  const following: TSESTree.Node[] = [];
  for (let current = node; current.parent && !FUNCTION_TYPES.has(current.type); current = current.parent) {
    const parent = current.parent;
    const list =
      parent.type === AST_NODE_TYPES.BlockStatement ||
      parent.type === AST_NODE_TYPES.Program ||
      parent.type === AST_NODE_TYPES.StaticBlock
        ? parent.body
        : parent.type === AST_NODE_TYPES.SwitchCase
          ? parent.consequent
          : undefined;
    if (list) following.push(...list.slice((list as TSESTree.Node[]).indexOf(current) + 1));
  }
  return following;
}

/**
 * A failure that comes back where it is seen: every client the failed calls go through (`sonarr`,
 * `this.prisma`) is called again after `node` in the same function, and that later call's failure
 * reaches the caller or a `catch` that uses the error. When the service is down, the later call
 * fails and reports it; what the fallback drops is the one call's own failure (an optional status
 * endpoint, a row that may not exist).
 */
export function isFailureResurfaced(
  calls: readonly FailingCall[],
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (calls.length === 0) return false;
  const clients = new Set<string>();
  for (const call of calls) {
    const client = getClient(call, sourceCode);
    if (client === undefined) return false;
    clients.add(client);
  }
  const later = getFollowingStatements(node).flatMap((statement) => getFailingCalls(statement, sourceCode.visitorKeys));
  return [...clients].every((client) =>
    later.some((call) => getClient(call, sourceCode) === client && isReported(call, sourceCode)),
  );
}
