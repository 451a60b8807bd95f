import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { getMemberName } from "./get-static-string.js";
import type { HandlerInfo, RuleContext } from "./types.js";
import { walk } from "../utils/walk-nodes.js";

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
  return walk(
    handler.function.body,
    context.sourceCode.visitorKeys,
    false,
    (current) =>
      current.type === AST_NODE_TYPES.CallExpression &&
      current.range[1] <= tryStatement.range[0] &&
      SIGNATURE_CHECK.test(getCallName(current) ?? ""),
  );
}
