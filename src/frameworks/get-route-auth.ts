import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { getDecoratorName } from "./get-file-routes.js";
import { getNameParts, isNamedIn, type AuthVocabulary } from "./get-auth-vocabulary.js";
import { getRouteMiddleware } from "./get-route-middleware.js";
import { getObjectProperty } from "./get-route-registration.js";
import { getAuthWordsKind, getNameWords, isAnonymousName } from "./is-auth-name.js";
import { isAuthHandler, isAuthMiddleware, isAuthNamed, isOptionalAuthMiddleware } from "./is-auth-middleware.js";
import { findAuthSkippingCall } from "./is-authenticating-function.js";
import { matchesPathGlob } from "./is-public-path.js";
import type { RouteRegistration, RuleContext } from "./types.js";
import { getAuthenticatingAutohooks } from "../project/get-fastify-autoload.js";
import { getNestAppAuth, type NestAppAuth } from "../project/get-nest-app-auth.js";
import { getNextMiddleware } from "../project/get-next-middleware.js";
import { getLintedFilePath } from "../project/get-project-function.js";

/** How a route is protected, or declared public, by what this file shows. */
export interface RouteAuth {
  status: "protected" | "public";
  /**
   * `middleware`: chain, `use`, Fastify hook or mount; `handler`: the handler (or its wrapper) checks
   * or is auth itself; `guard`: Nest `@UseGuards` / an auth decorator; `marker`: a public marker.
   */
  via: "middleware" | "handler" | "guard" | "marker";
  /** The middleware, wrapper, decorator or marker that decides it; the route itself when another file decides. */
  node: TSESTree.Node;
  /** What decides it when another file does: a global guard, Next.js middleware, an autohooks file. */
  elsewhere?: { text: string; file?: string };
}

/** Swagger's `@ApiBearerAuth()` / `@ApiSecurity()` document auth, they do not enforce it. */
const DOCUMENTATION_DECORATOR = /^Api[A-Z]/u;
/** `@SetMetadata("isPublic", true)` / `@SetMetadata(IS_PUBLIC_KEY, true)`. */
const PUBLIC_KEY_WORDS = ["public", "anonymous"];

function isPublicMarker(node: TSESTree.Node, vocabulary: AuthVocabulary): boolean {
  const parts = getNameParts(node);
  return parts !== undefined && isNamedIn(vocabulary.publicMarkers, parts);
}

function isPublicMetadataKey(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const name =
    node.type === AST_NODE_TYPES.Literal && typeof node.value === "string"
      ? node.value
      : node.type === AST_NODE_TYPES.Identifier
        ? node.name
        : node.type === AST_NODE_TYPES.MemberExpression && node.property.type === AST_NODE_TYPES.Identifier
          ? node.property.name
          : undefined;
  if (name === undefined) return false;
  const words = getNameWords(name);
  return words.some((word) => PUBLIC_KEY_WORDS.includes(word)) || (words.includes("skip") && words.includes("auth"));
}

/** Public markers wrapped around a handler: `publicRoute(handler)`, `withErrors(publicRoute(handler))`. */
function findWrapperMarker(node: TSESTree.Node | undefined, vocabulary: AuthVocabulary): TSESTree.Node | undefined {
  let current = node;
  for (let depth = 0; current?.type === AST_NODE_TYPES.CallExpression && depth < 4; depth++) {
    if (isPublicMarker(current.callee, vocabulary)) return current;
    current = current.arguments.find((arg) => arg.type === AST_NODE_TYPES.CallExpression);
  }
  return undefined;
}

function getNestAuth(
  context: RuleContext,
  route: RouteRegistration,
  vocabulary: AuthVocabulary,
): RouteAuth | undefined {
  const method = route.node;
  if (method.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
  const classNode = method.parent.parent;
  const decorators = [
    ...(method.decorators ?? []),
    ...(classNode && "decorators" in classNode ? (classNode.decorators ?? []) : []),
  ];
  for (const decorator of decorators) {
    const expression = decorator.expression;
    if (isPublicMarker(expression, vocabulary)) return { status: "public", via: "marker", node: decorator };
    if (
      getDecoratorName(decorator) === "SetMetadata" &&
      expression.type === AST_NODE_TYPES.CallExpression &&
      isPublicMetadataKey(expression.arguments[0]) &&
      !(expression.arguments[1]?.type === AST_NODE_TYPES.Literal && expression.arguments[1].value === false)
    ) {
      return { status: "public", via: "marker", node: decorator };
    }
  }
  for (const decorator of decorators) {
    const name = getDecoratorName(decorator);
    const expression = decorator.expression;
    if (name === "UseGuards" && expression.type === AST_NODE_TYPES.CallExpression) {
      // Any guard but a rate limiter (`ThrottlerGuard`) decides who may call.
      const guard = expression.arguments.find((arg) => {
        const parts = getNameParts(arg);
        return parts === undefined || getAuthWordsKind(getNameWords(parts.at(-1)!)) !== "veto";
      });
      if (guard) return { status: "protected", via: "guard", node: decorator };
      continue;
    }
    if (name !== undefined && !DOCUMENTATION_DECORATOR.test(name) && isAuthNamed(expression, vocabulary)) {
      return { status: "protected", via: "guard", node: decorator };
    }
  }
  if (route.handlerFunction && isAuthHandler(context, route.handlerFunction, vocabulary)) {
    return { status: "protected", via: "handler", node: route.handlerFunction };
  }
  return getNestAppLevelAuth(context, route, classNode, vocabulary);
}

const autohooksOfLint = new WeakMap<TSESTree.Program, string | null>();

/** The `@fastify/autoload` `autohooks` file above the linted file that authenticates its routes; asked once per lint. */
function getAutohooks(context: RuleContext): string | undefined {
  let answer = autohooksOfLint.get(context.sourceCode.ast);
  if (answer === undefined) {
    answer = getAuthenticatingAutohooks(getLintedFilePath(context)) ?? null;
    autohooksOfLint.set(context.sourceCode.ast, answer);
  }
  return answer ?? undefined;
}

/** The app's auth, read once per lint of a controller file: the files it comes from may change between lints. */
const nestAppAuthOfLint = new WeakMap<TSESTree.Program, NestAppAuth>();

const isAuthClassName = (name: string, vocabulary: AuthVocabulary): boolean => {
  if (isNamedIn(vocabulary.names, [name])) return true;
  const words = getNameWords(name);
  return getAuthWordsKind(words) === "auth";
};

/** A trailing wildcard of a Nest route pattern: `*`, `(.*)`, or Nest 11's named `*splat`. */
const NEST_WILDCARD_TAIL = /(?:^|\/)(?:\*\w*|\(\.\*\))$|\*$/u;

/**
 * Whether a Nest route pattern (`forRoutes`, `setGlobalPrefix`'s `exclude`) covers a path: `"users/*"`,
 * `"users/(.*)"` and `"users/*path"` cover `users/:id`; `"*"`, `"(.*)"`, `"/*"` and `"*splat"` cover every
 * route.
 */
export function isNestPathCovered(pattern: string, path: string): boolean {
  const trim = (value: string) => value.replace(/^\/+|\/+$/gu, "");
  const wanted = trim(pattern);
  const wildcard = NEST_WILDCARD_TAIL.exec(wanted);
  if (wildcard) return trim(path).startsWith(trim(wanted.slice(0, wildcard.index)));
  return wanted === "" || trim(path) === wanted;
}

/**
 * Auth the app applies from outside the controller: a global guard named for auth (`APP_GUARD` →
 * `JwtAuthGuard`, `app.useGlobalGuards(new AuthGuard())`), or auth middleware a module binds to the route
 * (`consumer.apply(AuthMiddleware).forRoutes({ path: "user", method: RequestMethod.GET })`, a controller
 * class, a wildcard), not taken out again by `exclude`.
 */
function getNestAppLevelAuth(
  context: RuleContext,
  route: RouteRegistration,
  classNode: TSESTree.Node | undefined,
  vocabulary: AuthVocabulary,
): RouteAuth | undefined {
  let app = nestAppAuthOfLint.get(context.sourceCode.ast);
  if (!app) {
    app = getNestAppAuth(getLintedFilePath(context));
    nestAppAuthOfLint.set(context.sourceCode.ast, app);
  }
  const globalGuard = app.globalGuards.find((name) => isAuthClassName(name, vocabulary));
  if (globalGuard !== undefined)
    return {
      status: "protected",
      via: "guard",
      node: route.node,
      elsewhere: { text: `${globalGuard} (global guard)` },
    };
  const controller = classNode?.type === AST_NODE_TYPES.ClassDeclaration ? classNode.id?.name : undefined;
  const path = route.fullPath;
  const matches = (target: { path?: string; method?: string; controller?: string }): boolean => {
    if (target.controller !== undefined) return target.controller === controller;
    if (target.path === undefined || path === undefined || !isNestPathCovered(target.path, path)) return false;
    return (
      target.method === undefined || target.method === "ALL" || route.methods.some((method) => method === target.method)
    );
  };
  const authBindings = app.middleware.filter((binding) =>
    binding.names.some((name) => isAuthClassName(name, vocabulary)),
  );
  for (const binding of authBindings) {
    if (binding.routes.some(matches) && !binding.excluded.some(matches))
      return {
        status: "protected",
        via: "middleware",
        node: route.node,
        elsewhere: { text: `${binding.names.join(", ")} (forRoutes)` },
      };
  }
  // `forRoutes({ path: "articles", method: RequestMethod.POST }, …)`: a module that binds auth route by
  // route and method, under this controller's path, chose which reads stay open; the reads it leaves out
  // are public by that choice. A write it leaves out is still reported.
  const isRead = route.methods.length > 0 && route.methods.every((method) => method === "GET" || method === "HEAD");
  const segment = path === undefined ? undefined : getFirstSegment(path);
  if (
    isRead &&
    segment !== undefined &&
    authBindings.some((binding) =>
      binding.routes.some(
        (target) =>
          target.method !== undefined && target.path !== undefined && getFirstSegment(target.path) === segment,
      ),
    )
  )
    return { status: "public", via: "marker", node: route.node, elsewhere: { text: "left out of forRoutes" } };
  return undefined;
}

/** `articles` of `/articles/:slug/comments`. */
function getFirstSegment(path: string): string | undefined {
  return path.split("/").find((segment) => segment !== "");
}

/** Fastify route options that say "public": `config: { public: true }`, `{ auth: false }`, `config: { skipAuth: true }`. */
function findOptionsMarker(options: TSESTree.ObjectExpression | undefined): TSESTree.Node | undefined {
  if (!options) return undefined;
  const config = getObjectProperty(options, "config")?.value;
  for (const object of [options, config?.type === AST_NODE_TYPES.ObjectExpression ? config : undefined]) {
    if (!object) continue;
    for (const key of ["public", "isPublic", "skipAuth", "noAuth"]) {
      const property = getObjectProperty(object, key);
      if (property?.value.type === AST_NODE_TYPES.Literal && property.value.value === true) return property;
    }
    const auth = getObjectProperty(object, "auth");
    if (auth?.value.type === AST_NODE_TYPES.Literal && auth.value.value === false) return auth;
  }
  return undefined;
}

/**
 * Whether `route` is protected by auth, or declared public in code, by the framework's own semantics
 * as far as this file shows them:
 * - Express / Koa / Hono / Fastify: auth middleware in the chain, in Fastify route hooks, in an earlier
 *   path-matching `use` / wildcard route / `addHook` on the receiver, or in front of the mount of its
 *   router (`getRouteMiddleware`); a handler that is auth itself or wrapped by it; a handler that
 *   checks credentials and answers 401/403.
 * - Next.js: an auth wrapper around the export (`withAuth(handler)`), or a handler that checks the
 *   session (`await auth()`) and answers 401/403 or redirects to login.
 * - NestJS: `@UseGuards(...)` (any guard but a throttler) or an auth decorator on the method or the
 *   controller; a method that throws `UnauthorizedException` after reading the user.
 * Public: a configured or default marker (`@Public()`, `publicRoute(handler)`, `SetMetadata(IS_PUBLIC_KEY, true)`,
 * Fastify `config: { public: true }`), or auth made optional (`auth.optional`, `optionalAuth`). `undefined`: neither — the route is open as far as this file shows.
 */
export function getRouteAuth(
  context: RuleContext,
  route: RouteRegistration,
  vocabulary: AuthVocabulary,
  { handler: withHandler = true }: { handler?: boolean } = {},
): RouteAuth | undefined {
  if (route.framework === "nest") return getNestAuth(context, route, vocabulary);

  // `publicRouter.get(...)`, `unprotectedRouter`: the router's name says its routes are open on purpose.
  if (route.receiver?.name !== undefined && isAnonymousName(route.receiver.name))
    return { status: "public", via: "marker", node: route.reportNode };
  const optionsMarker = findOptionsMarker(route.options);
  if (optionsMarker) return { status: "public", via: "marker", node: optionsMarker };
  const handlerMarker = findWrapperMarker(route.handler, vocabulary);
  if (handlerMarker) return { status: "public", via: "marker", node: handlerMarker };

  const middleware = route.framework === "next" ? [] : getRouteMiddleware(context, route);
  for (const applied of middleware) {
    if (isPublicMarker(applied.node, vocabulary) || isOptionalAuthMiddleware(applied.node)) {
      return { status: "public", via: "marker", node: applied.node };
    }
  }
  for (const applied of middleware) {
    if (isAuthMiddleware(context, applied.node, vocabulary))
      return { status: "protected", via: "middleware", node: applied.node };
  }
  // `handler: false`: what the markers and middleware say, without reading the handler (the costly part).
  if (!withHandler) return undefined;
  const skipped = route.handlerFunction && findAuthSkippingCall(context, route.handlerFunction);
  if (skipped) return { status: "public", via: "marker", node: skipped };
  if (route.handler && isAuthHandler(context, route.handler, vocabulary)) {
    return { status: "protected", via: "handler", node: route.handler };
  }
  if (
    route.handlerFunction &&
    route.handlerFunction !== route.handler &&
    isAuthHandler(context, route.handlerFunction, vocabulary)
  ) {
    return { status: "protected", via: "handler", node: route.handlerFunction };
  }
  const autohooks = route.framework === "fastify" ? getAutohooks(context) : undefined;
  if (autohooks !== undefined) {
    return {
      status: "protected",
      via: "middleware",
      node: route.node,
      elsewhere: { text: "onRequest hook of autohooks", file: autohooks },
    };
  }
  return route.framework === "next" ? getNextMiddlewareAuth(context, route) : undefined;
}

/**
 * What the app's `middleware.ts` / `proxy.ts` does for a route handler: a path its own lists let through
 * (`publicRoutes`) is public; a path its `config.matcher` selects, when the middleware authenticates, is
 * protected.
 */
function getNextMiddlewareAuth(context: RuleContext, route: RouteRegistration): RouteAuth | undefined {
  const routePath = route.fullPath;
  if (routePath === undefined) return undefined;
  const middleware = getNextMiddleware(getLintedFilePath(context));
  if (!middleware?.authenticates || !middleware.matches(routePath)) return undefined;
  if (middleware.publicPaths.some((pattern) => matchesPathGlob(routePath, pattern)))
    return {
      status: "public",
      via: "marker",
      node: route.node,
      elsewhere: { text: "public in middleware", file: middleware.file },
    };
  return {
    status: "protected",
    via: "middleware",
    node: route.node,
    elsewhere: { text: "middleware (config.matcher)", file: middleware.file },
  };
}
