import { AST_NODE_TYPES } from "@typescript-eslint/utils";

import { getRootIdentifier } from "../utils/get-root-identifier.js";
import { getBindingSource } from "./get-binding-source.js";
import type { RouteRegistration, RuleContext } from "./types.js";

/** Packages whose handlers serve an API reference page: Swagger UI, Scalar, ReDoc. */
const DOCUMENTATION_PACKAGES =
  /^(?:swagger-ui-express|@hono\/swagger-ui|@scalar\/[\w.-]+|redoc-express|koa2-swagger-ui)$/u;

/**
 * Whether a route's handler is an API reference page made by a documentation package:
 * `swaggerUi.setup(spec)`, `swaggerUI({ url })`, `Scalar({ url })`, `apiReference({ spec })`. The page
 * shows what the spec says; the API it documents is what needs auth.
 */
export function isDocumentationHandler(context: RuleContext, route: RouteRegistration): boolean {
  const handler = route.handler;
  if (handler?.type !== AST_NODE_TYPES.CallExpression) return false;
  const root = getRootIdentifier(handler.callee);
  const source = root && getBindingSource(context, root);
  return source !== undefined && DOCUMENTATION_PACKAGES.test(source);
}
