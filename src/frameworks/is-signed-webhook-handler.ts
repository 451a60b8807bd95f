import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { isFunctionNode } from "./get-function-from-expression.js";
import { getMemberName } from "./get-static-string.js";
import type { HandlerInfo, RuleContext } from "./types.js";

/**
 * Calls that accept a webhook only if its signature holds: Stripe's `stripe.webhooks.constructEvent(body,
 * signature, secret)` (and `constructEventAsync`), and `verifyWebhookSignature(req)`,
 * `verifyStripeSignature(…)`, `verifyWebhook(…)` named so.
 */
const SIGNATURE_CHECK = /^(?:constructEvent(?:Async)?|verify\w*Signature|verify\w*Webhook\w*)$/u;

function getCallName(call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? getMemberName(callee) : undefined;
}

/**
 * Whether the handler has checked a webhook's signature before the `try` whose `catch` holds `node`: the
 * request comes from a sender that holds the shared secret (Stripe, GitHub, a payment provider), which
 * retries a delivery answered with a 5xx and drops one answered with a 4xx. A check inside that `try`
 * does not count: its failure, the client's, reaches the same `catch`. Only calls in the handler's own
 * body count, not in functions it defines.
 */
export function isSignedWebhookHandler(context: RuleContext, handler: HandlerInfo, node: TSESTree.Node): boolean {
  let bound: TSESTree.Node = node;
  while (bound.parent && bound.type !== AST_NODE_TYPES.CatchClause) bound = bound.parent;
  const tryStatement = bound.parent;
  if (tryStatement?.type !== AST_NODE_TYPES.TryStatement) return false;
  const stack: TSESTree.Node[] = [handler.function.body];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.range[0] >= tryStatement.range[0]) continue;
    if (current.type === AST_NODE_TYPES.CallExpression && SIGNATURE_CHECK.test(getCallName(current) ?? "")) return true;
    for (const key of context.sourceCode.visitorKeys[current.type] ?? []) {
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof (child as TSESTree.Node).type === "string" && !isFunctionNode(child as TSESTree.Node))
          stack.push(child as TSESTree.Node);
      }
    }
  }
  return false;
}
