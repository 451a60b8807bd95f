import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { getFrameworkImports } from "./get-framework-imports.js";
import { getFunctionFromExpression, isFunctionNode } from "./get-function-from-expression.js";
import { getFrameworkFromSignature } from "./get-framework-from-signature.js";
import { getReceiver, joinPaths } from "./get-receiver.js";
import { getReceiverPrefix } from "./get-receiver-mount.js";
import { getStaticString } from "./get-static-string.js";
import type { Framework, HttpMethod, Receiver, RouteRegistration, RuleContext } from "./types.js";

export const ROUTE_METHODS: ReadonlyMap<string, HttpMethod> = new Map([
  ["get", "GET"],
  ["post", "POST"],
  ["put", "PUT"],
  ["patch", "PATCH"],
  ["delete", "DELETE"],
  ["del", "DELETE"],
  ["head", "HEAD"],
  ["options", "OPTIONS"],
  ["all", "ALL"],
]);

/**
 * A listener selector for the calls {@link getRouteRegistration} can accept: member calls named for a
 * route method, `route` or `on`. ESLint matches it before calling the rule, for every call in a file.
 */
export const ROUTE_CALL_SELECTOR = `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(?:${[...ROUTE_METHODS.keys(), "route", "on"].join("|")})$/u]`;

const ROUTER_NAME = /^(?:router|routes)$|(?:Router|Routes)$/u;

function toMethod(value: string): HttpMethod | undefined {
  const upper = value.toUpperCase();
  return (["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ALL"] as const).find((m) => m === upper);
}

function getProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  for (const property of object.properties) {
    if (
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      ((property.key.type === AST_NODE_TYPES.Identifier && property.key.name === name) ||
        (property.key.type === AST_NODE_TYPES.Literal && property.key.value === name))
    ) {
      return property;
    }
  }
  return undefined;
}

export function getObjectProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  return getProperty(object, name);
}

function getMethods(node: TSESTree.Node | undefined): HttpMethod[] {
  if (!node) return [];
  const single = getStaticString(node);
  if (single !== undefined) {
    const method = toMethod(single);
    return method ? [method] : [];
  }
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    return node.elements.flatMap((element) => (element ? getMethods(element) : []));
  }
  return [];
}

function isPathArgument(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  if (getStaticString(node) !== undefined) return true;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (node.type === AST_NODE_TYPES.Literal && "regex" in node) return true;
  return node.type === AST_NODE_TYPES.ArrayExpression && node.elements.every((e) => e && isPathArgument(e));
}

function flattenChain(args: readonly TSESTree.CallExpressionArgument[]): TSESTree.Node[] {
  return args.flatMap((arg): TSESTree.Node[] =>
    arg.type === AST_NODE_TYPES.ArrayExpression
      ? arg.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== AST_NODE_TYPES.SpreadElement)
      : [arg],
  );
}

function isHandlerLike(node: TSESTree.Node | undefined): boolean {
  return (
    isFunctionNode(node) ||
    node?.type === AST_NODE_TYPES.Identifier ||
    node?.type === AST_NODE_TYPES.MemberExpression ||
    node?.type === AST_NODE_TYPES.CallExpression
  );
}

/**
 * A receiver recognised only by name must also have the unmistakable shape of a route: a path
 * starting with `/` and a handler. A bare identifier as handler is only trusted on router-like names
 * or in files that import a server framework — `api.post("/users", data)` in a client is not a route.
 */
function hasUnmistakableShape(
  context: RuleContext,
  receiverName: string | undefined,
  path: string | undefined,
  handler: TSESTree.Node | undefined,
): boolean {
  if (path === undefined || !(path.startsWith("/") || path === "*")) return false;
  if (isFunctionNode(handler)) return true;
  if (!isHandlerLike(handler)) return false;
  const imports = getFrameworkImports(context.sourceCode);
  const importsServer = [...imports.frameworks].some((f) => f !== "next" && f !== "nest");
  return importsServer || (receiverName !== undefined && ROUTER_NAME.test(receiverName));
}

function inferFramework(
  context: RuleContext,
  receiver: Receiver | undefined,
  handler: TSESTree.Node | undefined,
): Framework {
  if (receiver?.framework) return receiver.framework;
  const fn = getFunctionFromExpression(context, handler);
  return (fn && getFrameworkFromSignature(fn)) ?? "express";
}

function build(
  context: RuleContext,
  call: TSESTree.CallExpression,
  reportNode: TSESTree.Node,
  methods: HttpMethod[],
  pathNode: TSESTree.Node | undefined,
  receiver: Receiver | undefined,
  chain: TSESTree.Node[],
  options: TSESTree.ObjectExpression | undefined,
  explicitHandler?: TSESTree.Node,
): RouteRegistration {
  const handler = explicitHandler ?? chain.at(-1);
  const path = getStaticString(pathNode);
  const framework = inferFramework(context, receiver, handler);
  const prefix = receiver ? getReceiverPrefix(context, receiver) : undefined;
  return {
    framework,
    node: call,
    reportNode,
    methods,
    path,
    fullPath: path === undefined ? undefined : prefix === null ? undefined : joinPaths(prefix, path),
    receiver,
    chain,
    handler,
    handlerFunction: getFunctionFromExpression(context, handler),
    options,
  };
}

function fromRouteOptions(
  context: RuleContext,
  call: TSESTree.CallExpression,
  receiver: Receiver,
  options: TSESTree.ObjectExpression,
): RouteRegistration | undefined {
  const handler = getProperty(options, "handler")?.value;
  if (!handler) return undefined;
  const methodProperty = getProperty(options, "method");
  const urlProperty = getProperty(options, "url") ?? getProperty(options, "path");
  const methods = getMethods(methodProperty?.value);
  const route = build(context, call, call.callee, methods, urlProperty?.value, receiver, [handler], options, handler);
  return route.framework === "fastify" ? route : { ...route, framework: "fastify" };
}

const cache = new WeakMap<TSESTree.CallExpression, RouteRegistration | null>();

/**
 * The route a call registers, for Express, Fastify, Hono and Koa shapes:
 * `X.METHOD(path, ...handlers)`, `X.route(path).METHOD(...)`, `fastify.route({ ... })`,
 * `fastify.METHOD(path, opts, handler)`, Hono `X.on(method, path, ...)` and chained `X.get(...).post(...)`.
 * `app.get("setting")` is a settings read, not a route.
 */
export function getRouteRegistration(
  context: RuleContext,
  call: TSESTree.CallExpression,
): RouteRegistration | undefined {
  // Every shape is a member call named for a method, `route` or `on`: reject the rest before the cache.
  const callee = call.callee;
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier
  ) {
    return undefined;
  }
  const name = callee.property.name;
  if (!ROUTE_METHODS.has(name) && name !== "route" && name !== "on") return undefined;
  const cached = cache.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const route = computeRouteRegistration(context, call);
  cache.set(call, route ?? null);
  return route;
}

function computeRouteRegistration(context: RuleContext, call: TSESTree.CallExpression): RouteRegistration | undefined {
  const callee = call.callee;
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier
  ) {
    return undefined;
  }
  const name = callee.property.name;
  const args = call.arguments;
  const method = ROUTE_METHODS.get(name);

  if (name === "route" && args.length === 1 && args[0]?.type === AST_NODE_TYPES.ObjectExpression) {
    const receiver = getReceiver(context, callee.object, true);
    if (!receiver || (receiver.framework !== undefined && receiver.framework !== "fastify")) return undefined;
    return fromRouteOptions(context, call, receiver, args[0]);
  }

  if (name === "on" && args.length >= 3 && isPathArgument(args[1])) {
    const receiver = getReceiver(context, callee.object, false);
    if (receiver?.framework !== "hono") return undefined;
    return build(
      context,
      call,
      callee.property,
      getMethods(args[0]),
      args[1],
      receiver,
      flattenChain(args.slice(2)),
      undefined,
    );
  }

  if (!method) return undefined;

  // Express `app.route("/p").get(h).post(h)`: the path is on the `route` call down the chain.
  if (!isPathArgument(args[0])) {
    let object = callee.object;
    while (
      object.type === AST_NODE_TYPES.CallExpression &&
      object.callee.type === AST_NODE_TYPES.MemberExpression &&
      object.callee.property.type === AST_NODE_TYPES.Identifier &&
      ROUTE_METHODS.has(object.callee.property.name)
    ) {
      object = object.callee.object;
    }
    if (
      object.type !== AST_NODE_TYPES.CallExpression ||
      object.callee.type !== AST_NODE_TYPES.MemberExpression ||
      object.callee.property.type !== AST_NODE_TYPES.Identifier ||
      object.callee.property.name !== "route" ||
      !isPathArgument(object.arguments[0]) ||
      args.length === 0
    ) {
      return undefined;
    }
    const receiver = getReceiver(context, object.callee.object, true);
    if (!receiver) return undefined;
    return build(
      context,
      call,
      callee.property,
      [method],
      object.arguments[0],
      receiver,
      flattenChain(args),
      undefined,
    );
  }

  if (args.length < 2) return undefined;

  // Hono chains `app.get("/a", h).post("/b", h)`: the receiver is the first call's.
  const receiverNode: TSESTree.Node = callee.object;
  let chained: RouteRegistration | undefined;
  if (receiverNode.type === AST_NODE_TYPES.CallExpression) {
    chained = getRouteRegistration(context, receiverNode);
    if (!chained) return undefined;
  }
  const path = getStaticString(args[0]);
  const last = args.at(-1);
  let receiver = chained?.receiver ?? getReceiver(context, receiverNode, false);
  if (!receiver) {
    const candidate = getReceiver(context, receiverNode, true);
    if (!candidate || !hasUnmistakableShape(context, candidate.name, path, last)) return undefined;
    receiver = candidate;
  }

  // @koa/router named routes: `router.get("user", "/users/:id", handler)`.
  const named = getStaticString(args[1]);
  if (
    receiver.framework === "koa" &&
    args.length >= 3 &&
    path !== undefined &&
    !path.startsWith("/") &&
    named?.startsWith("/")
  ) {
    return build(context, call, callee.property, [method], args[1], receiver, flattenChain(args.slice(2)), undefined);
  }

  // Fastify `fastify.get(path, opts, handler)` and `fastify.get(path, { handler })`.
  const second = args[1];
  if (
    second?.type === AST_NODE_TYPES.ObjectExpression &&
    (receiver.framework === "fastify" || receiver.framework === undefined)
  ) {
    if (args.length === 2) {
      const handler = getProperty(second, "handler")?.value;
      if (!handler) return undefined;
      return {
        ...build(context, call, callee.property, [method], args[0], receiver, [handler], second, handler),
        framework: "fastify",
      };
    }
    return {
      ...build(context, call, callee.property, [method], args[0], receiver, flattenChain(args.slice(2)), second),
      framework: "fastify",
    };
  }
  return build(context, call, callee.property, [method], args[0], receiver, flattenChain(args.slice(1)), undefined);
}
