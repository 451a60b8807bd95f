import { ASTUtils, AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import type { RuleContext } from "./types.js";

/**
 * Status constant names of Nest's `HttpStatus`, `http-status-codes`' `StatusCodes`, `http-status`, Node's
 * `HTTP_STATUS_*` and similar enums. PascalCase spellings (`HttpStatusCode.InternalServerError`) are
 * matched after conversion.
 */
const STATUS_BY_NAME: ReadonlyMap<string, number> = new Map([
  ["OK", 200],
  ["CREATED", 201],
  ["ACCEPTED", 202],
  ["NO_CONTENT", 204],
  ["MOVED_PERMANENTLY", 301],
  ["FOUND", 302],
  ["SEE_OTHER", 303],
  ["NOT_MODIFIED", 304],
  ["TEMPORARY_REDIRECT", 307],
  ["PERMANENT_REDIRECT", 308],
  ["BAD_REQUEST", 400],
  ["UNAUTHORIZED", 401],
  ["PAYMENT_REQUIRED", 402],
  ["FORBIDDEN", 403],
  ["NOT_FOUND", 404],
  ["METHOD_NOT_ALLOWED", 405],
  ["NOT_ACCEPTABLE", 406],
  ["REQUEST_TIMEOUT", 408],
  ["CONFLICT", 409],
  ["GONE", 410],
  ["PRECONDITION_FAILED", 412],
  ["PAYLOAD_TOO_LARGE", 413],
  ["REQUEST_TOO_LONG", 413],
  ["UNSUPPORTED_MEDIA_TYPE", 415],
  ["UNPROCESSABLE_ENTITY", 422],
  ["UNPROCESSABLE_CONTENT", 422],
  ["TOO_MANY_REQUESTS", 429],
  ["INTERNAL_SERVER_ERROR", 500],
  ["NOT_IMPLEMENTED", 501],
  ["BAD_GATEWAY", 502],
  ["SERVICE_UNAVAILABLE", 503],
  ["GATEWAY_TIMEOUT", 504],
]);

function fromName(name: string): number | undefined {
  const upper = name
    .replace(/^HTTP_STATUS_/u, "")
    .replaceAll(/([a-z\d])([A-Z])/gu, "$1_$2")
    .toUpperCase();
  return STATUS_BY_NAME.get(upper);
}

function isStatus(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 100 && value <= 599;
}

/**
 * The HTTP status an expression stands for when the code says it with a constant: a number literal
 * (`500`), a well-known constant (`HttpStatus.INTERNAL_SERVER_ERROR`, `StatusCodes.NOT_FOUND`,
 * `HttpStatusCode.Unauthorized`, `constants.HTTP_STATUS_BAD_GATEWAY`), an imported constant of that name, or a
 * `const` bound to one of those in this file. `undefined` for anything computed at run time (`err.status || 500`, a parameter, a call).
 */
export function getStatusCode(
  context: RuleContext,
  node: TSESTree.Node | null | undefined,
  depth = 0,
): number | undefined {
  if (!node || depth > 3) return undefined;
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return isStatus(node.value) ? node.value : undefined;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return getStatusCode(context, node.expression, depth + 1);
    case AST_NODE_TYPES.MemberExpression:
      if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return fromName(node.property.name);
      if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === "string") {
        return fromName(node.property.value);
      }
      return undefined;
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      // `import { INTERNAL_SERVER_ERROR } from "http-status-codes"`
      if (definition?.type === "ImportBinding") return fromName(node.name);
      if (
        definition?.type !== "Variable" ||
        definition.node.type !== AST_NODE_TYPES.VariableDeclarator ||
        definition.parent?.type !== AST_NODE_TYPES.VariableDeclaration ||
        definition.parent.kind !== "const" ||
        definition.node.id !== definition.name
      ) {
        return undefined;
      }
      return getStatusCode(context, definition.node.init, depth + 1);
    }
    default:
      return undefined;
  }
}
