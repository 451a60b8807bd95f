import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

/**
 * Helpers named for the status they answer with: `@fastify/sensible`'s `reply.notFound()`,
 * `Boom.badRequest()`, `httpErrors.conflict()`, `new createError.NotFound()`.
 */
export const STATUS_HELPERS: ReadonlyMap<string, number> = new Map([
  ["badRequest", 400],
  ["unauthorized", 401],
  ["paymentRequired", 402],
  ["forbidden", 403],
  ["notFound", 404],
  ["methodNotAllowed", 405],
  ["notAcceptable", 406],
  ["requestTimeout", 408],
  ["conflict", 409],
  ["gone", 410],
  ["preconditionFailed", 412],
  ["payloadTooLarge", 413],
  ["unsupportedMediaType", 415],
  ["imateapot", 418],
  ["unprocessableEntity", 422],
  ["tooManyRequests", 429],
  ["internalServerError", 500],
  ["notImplemented", 501],
  ["badGateway", 502],
  ["serviceUnavailable", 503],
  ["gatewayTimeout", 504],
]);
/** Bare calls that answer with a status: Next.js `next/navigation`'s `notFound()`, `forbidden()`, `unauthorized()`. */
const BARE_HELPERS = new Set(["notFound", "forbidden", "unauthorized"]);

function lookUp(name: string): number | undefined {
  return STATUS_HELPERS.get(name.charAt(0).toLowerCase() + name.slice(1));
}

/**
 * The status of a call to a helper named for it — `reply.notFound()`, `Boom.badRequest()`,
 * `new createError.NotFound()`, Next.js `notFound()` — which `getResponseSend` does not model because
 * the helper, not a response method, chooses the status. `undefined` for anything else (a bare
 * `new NotFound()` is too likely to be the app's own class).
 */
export function getHelperStatus(node: TSESTree.Node): number | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const callee = node.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return node.type === AST_NODE_TYPES.CallExpression && BARE_HELPERS.has(callee.name)
      ? lookUp(callee.name)
      : undefined;
  }
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier
  )
    return undefined;
  return lookUp(callee.property.name);
}
