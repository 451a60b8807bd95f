import { ASTUtils, AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { getNameParts, isNamedIn, type AuthVocabulary } from "./get-auth-vocabulary.js";
import { isFunctionNode } from "./get-function-from-expression.js";
import { getAuthNameInfo } from "./is-auth-name.js";
import { isAuthenticatingFunction, switchesAuthOff } from "./is-authenticating-function.js";
import { isImportedAuthenticator } from "../project/is-imported-authenticator.js";
import type { RuleContext } from "./types.js";
import { getUnwrappedExpression } from "../utils/get-unwrapped-expression.js";

const MAX_DEPTH = 3;

const unwrap = (node: TSESTree.Node): TSESTree.Node => getUnwrappedExpression(node, { chain: true });

/**
 * A reference recognised by its name: the configured names, or the word lists (`requireAuth`,
 * `passport.authenticate`). `ownNameOnly`: the object of a member path does not count (`auth.changePassword`
 * is a handler of an auth controller, not auth), for handlers rather than middleware.
 */
export function isAuthNamed(node: TSESTree.Node, vocabulary: AuthVocabulary, ownNameOnly = false): boolean {
  const parts = getNameParts(unwrap(node));
  if (!parts) return false;
  if (isNamedIn(vocabulary.names, parts)) return true;
  return getAuthNameInfo(ownNameOnly ? parts.slice(-1) : parts).auth;
}

function isAuthExpression(
  context: RuleContext,
  expression: TSESTree.Node,
  vocabulary: AuthVocabulary,
  depth: number,
  ownNameOnly = false,
): boolean {
  const node = unwrap(expression);
  if (isFunctionNode(node)) return isAuthenticatingFunction(context, node, vocabulary);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier: {
      if (isAuthNamed(node, vocabulary, ownNameOnly)) return true;
      // A local middleware or a local alias: `const checkCaller = (req, res, next) => {...}`, `const guard = passport.authenticate("jwt")`.
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      // A function of another project file: `export default limitsHandler`, `router.get("/", authCtrl.check)`.
      if (definition?.type === "ImportBinding") return isImportedAuthenticator(context, node.name);
      if (!definition || depth >= MAX_DEPTH) return false;
      if (definition.type === "FunctionName" && isFunctionNode(definition.node)) {
        return isAuthenticatingFunction(context, definition.node, vocabulary);
      }
      if (
        definition.type === "Variable" &&
        definition.node.type === AST_NODE_TYPES.VariableDeclarator &&
        definition.node.init &&
        definition.node.id.type === AST_NODE_TYPES.Identifier
      ) {
        return isAuthExpression(context, definition.node.init, vocabulary, depth + 1, ownNameOnly);
      }
      return false;
    }
    case AST_NODE_TYPES.MemberExpression:
      if (isAuthNamed(node, vocabulary, ownNameOnly)) return true;
      // `authCtrl.check` of `import * as authCtrl from "./auth.ctrl"`: that module's function, by what it does.
      return (
        !node.computed &&
        node.object.type === AST_NODE_TYPES.Identifier &&
        node.property.type === AST_NODE_TYPES.Identifier &&
        isImportedAuthenticator(context, node.object.name, node.property.name)
      );
    case AST_NODE_TYPES.NewExpression:
      return isAuthNamed(node, vocabulary, ownNameOnly);
    case AST_NODE_TYPES.CallExpression: {
      if (isAuthNamed(node.callee, vocabulary, ownNameOnly)) return true;
      // `export default apiHandler({ get })`: a project wrapper that runs auth before what it wraps.
      if (node.callee.type === AST_NODE_TYPES.Identifier && isImportedAuthenticator(context, node.callee.name))
        return true;
      if (depth >= MAX_DEPTH) return false;
      // `passport.authenticate("jwt")(...)`-style factories, and wrappers: `asyncHandler(protect)`, `catchAsync(async (req, res, next) => {...})`.
      if (
        unwrap(node.callee).type === AST_NODE_TYPES.CallExpression &&
        isAuthExpression(context, node.callee, vocabulary, depth + 1, ownNameOnly)
      )
        return true;
      return node.arguments.some(
        (arg) =>
          (arg.type === AST_NODE_TYPES.Identifier ||
            arg.type === AST_NODE_TYPES.MemberExpression ||
            isFunctionNode(arg)) &&
          isAuthExpression(context, arg, vocabulary, depth + 1, ownNameOnly),
      );
    }
    default:
      return false;
  }
}

/**
 * Auth made optional by name — `auth.optional`, `optionalAuth`, `softAuth()` — or by its options —
 * `auth({ optional: true })`: the author decided the
 * route serves anonymous callers too, which is a declaration that it is public.
 */
export function isOptionalAuthMiddleware(node: TSESTree.Node): boolean {
  const target = unwrap(node);
  const parts = getNameParts(target);
  if (parts === undefined) return false;
  const info = getAuthNameInfo(parts);
  return info.optional || (info.auth && target.type === AST_NODE_TYPES.CallExpression && switchesAuthOff(target));
}

const cache = new WeakMap<AuthVocabulary, WeakMap<TSESTree.Node, boolean>>();
const handlerCache = new WeakMap<AuthVocabulary, WeakMap<TSESTree.Node, boolean>>();

function cached(
  store: WeakMap<AuthVocabulary, WeakMap<TSESTree.Node, boolean>>,
  vocabulary: AuthVocabulary,
  node: TSESTree.Node,
  compute: () => boolean,
): boolean {
  let byNode = store.get(vocabulary);
  if (!byNode) {
    byNode = new WeakMap();
    store.set(vocabulary, byNode);
  }
  const known = byNode.get(node);
  if (known !== undefined) return known;
  const result = compute();
  byNode.set(node, result);
  return result;
}

/**
 * Whether an expression in a middleware position (a route's chain, `use`, a Fastify hook, `@UseGuards`,
 * a handler wrapper) authenticates the request: by name — the configured `settings.harden.auth` names
 * or the word lists (`requireAuth`, `passport.authenticate("jwt")`, `jwt({ secret })`, `fastify.authenticate`,
 * `JwtAuthGuard`, `restrictTo("admin")`) — or, for a function this file shows, by what it does
 * (`isAuthenticatingFunction`). Wrappers are looked through: `asyncHandler(requireAuth)`.
 */
export function isAuthMiddleware(context: RuleContext, node: TSESTree.Node, vocabulary: AuthVocabulary): boolean {
  return cached(cache, vocabulary, node, () => isAuthExpression(context, node, vocabulary, 0));
}

/**
 * Whether a route's final handler is auth itself (`router.get("/google", passport.authenticate("google"))`,
 * `app.all("*", requireAuth)`), wrapped in auth (`withAuth(handler)`, `auth(async (req) => {})`), or
 * checks credentials itself (`isAuthenticatingFunction`). Unlike middleware, a handler's object does not
 * count: `authController.changePassword` is a handler, not auth.
 */
export function isAuthHandler(context: RuleContext, node: TSESTree.Node, vocabulary: AuthVocabulary): boolean {
  return cached(handlerCache, vocabulary, node, () => isAuthExpression(context, node, vocabulary, 0, true));
}
