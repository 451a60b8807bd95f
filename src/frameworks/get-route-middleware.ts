import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { getObjectProperty, getRouteRegistration, ROUTE_METHODS } from "./get-route-registration.js";
import { getReceiver } from "./get-receiver.js";
import { getReceiverMounts, getReceiverVariable, type ReceiverMount } from "./get-receiver-mount.js";
import { getStaticString } from "./get-static-string.js";
import { isPathCoveredBy, isWildcardRoutePath } from "./is-path-covered-by.js";
import type { HttpMethod, Receiver, RouteRegistration, RuleContext } from "./types.js";

/** A piece of middleware that runs before a route's handler, and how it got there. */
export interface AppliedMiddleware {
  /** The middleware expression: `requireAuth`, `passport.authenticate("jwt")`, an inline function. */
  node: TSESTree.Node;
  /**
   * `chain`: in the route's own argument list; `options`: a Fastify route hook (`onRequest`, `preHandler`…);
   * `use`: `app.use(mw)` / `addHook(...)` on the same receiver before the route; `mount`: in the call that
   * mounts the route's router (`app.use("/admin", requireAuth, adminRouter)`) or before it on the parent.
   */
  via: "chain" | "options" | "use" | "mount";
  /** The registering call for `use` and `mount`. */
  call: TSESTree.CallExpression | undefined;
}

const FASTIFY_HOOKS = ["onRequest", "preParsing", "preValidation", "preHandler"] as const;

function flatten(node: TSESTree.Node): TSESTree.Node[] {
  return node.type === AST_NODE_TYPES.ArrayExpression
    ? node.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== AST_NODE_TYPES.SpreadElement)
    : [node];
}

function isBefore(a: TSESTree.Node, b: TSESTree.Node): boolean {
  return a.range[1] <= b.range[0];
}

/** Koa routers are mounted as `router.routes()` / `router.allowedMethods()`: routes, not middleware. */
const ROUTER_MIDDLEWARE = new Set(["routes", "allowedMethods", "middleware"]);

function isMountedRouter(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return getReceiver(context, node, false) !== undefined;
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.property.type === AST_NODE_TYPES.Identifier &&
    ROUTER_MIDDLEWARE.has(node.callee.property.name) &&
    getReceiver(context, node.callee.object, false) !== undefined
  );
}

/** The paths of `use(path, ...)` / `use([p1, p2], ...)`; `undefined` when the first argument is not a path. */
function getUsePaths(first: TSESTree.Node | undefined): string[] | undefined {
  const single = getStaticString(first);
  if (single !== undefined) return [single];
  if (first?.type !== AST_NODE_TYPES.ArrayExpression || first.elements.length === 0) return undefined;
  const paths = first.elements.map((element) => getStaticString(element));
  return paths.every((path): path is string => path !== undefined) ? paths : undefined;
}

/**
 * `app.all("*", requireAuth)` / `router.get("/api/*", mw)` registered before a route: a wildcard
 * route whose functions run for every later matching route of the same method (Express, Koa, Hono).
 */
function getWildcardRouteMiddleware(
  context: RuleContext,
  call: TSESTree.CallExpression,
  registration: TSESTree.Node,
  relativePath: string | undefined,
  methods: readonly HttpMethod[] | undefined,
): AppliedMiddleware[] {
  if (call === registration || !isBefore(call, registration)) return [];
  const earlier = getRouteRegistration(context, call);
  if (!earlier || earlier.framework === "fastify" || earlier.path === undefined || !isWildcardRoutePath(earlier.path))
    return [];
  if (relativePath !== undefined && !isPathCoveredBy(relativePath, earlier.path)) return [];
  const sameMethod =
    earlier.methods.includes("ALL") ||
    methods === undefined ||
    methods.some((method) => earlier.methods.includes(method));
  if (!sameMethod) return [];
  return earlier.chain.map((node) => ({ node, via: "use" as const, call }));
}

/**
 * `use` / `addHook` calls on `receiver` that apply to a route at `relativePath` registered at
 * `registration`. Express, Koa and Hono run middleware in registration order, so only earlier calls
 * count; a Fastify hook applies to its whole encapsulation context wherever it is added.
 */
function getUseMiddleware(
  context: RuleContext,
  receiver: Receiver,
  registration: TSESTree.Node,
  relativePath: string | undefined,
  methods: readonly HttpMethod[] | undefined,
): AppliedMiddleware[] {
  const variable = getReceiverVariable(context, receiver);
  const found: AppliedMiddleware[] = [];
  for (const ref of variable?.references ?? []) {
    const member = ref.identifier.parent;
    if (
      member?.type !== AST_NODE_TYPES.MemberExpression ||
      member.object !== ref.identifier ||
      member.property.type !== AST_NODE_TYPES.Identifier ||
      member.parent.type !== AST_NODE_TYPES.CallExpression ||
      member.parent.callee !== member
    ) {
      continue;
    }
    const call = member.parent;
    const method = member.property.name;
    // `addHook` is Fastify's alone: it also identifies a name-only instance (`export default async (fastify) => {}`).
    if (method === "addHook" && (receiver.framework === "fastify" || receiver.framework === undefined)) {
      const hook = getStaticString(call.arguments[0]);
      const fn = call.arguments[1];
      if (hook && (FASTIFY_HOOKS as readonly string[]).includes(hook) && fn) found.push({ node: fn, via: "use", call });
      continue;
    }
    if (receiver.framework !== "fastify" && ROUTE_METHODS.get(method) !== undefined) {
      found.push(...getWildcardRouteMiddleware(context, call, registration, relativePath, methods));
      continue;
    }
    if (method !== "use" || receiver.framework === "fastify" || !isBefore(call, registration)) continue;
    const args = call.arguments;
    const paths = getUsePaths(args[0]);
    const middleware = paths === undefined ? args : args.slice(1);
    if (paths !== undefined && relativePath !== undefined && !paths.some((path) => isPathCoveredBy(relativePath, path)))
      continue;
    for (const arg of middleware) {
      for (const node of flatten(arg)) {
        // A mounted router is not middleware for the routes of this receiver.
        if (isMountedRouter(context, node)) continue;
        found.push({ node, via: "use", call });
      }
    }
  }
  return found;
}

/**
 * Everything this file shows running before `route`'s handler: its own chain, Fastify route hooks,
 * earlier `use` / `addHook` on its receiver (path-aware), and — for routers mounted in this file —
 * the middleware in front of the mount and on the parent before it.
 */
export function getRouteMiddleware(context: RuleContext, route: RouteRegistration): AppliedMiddleware[] {
  const applied: AppliedMiddleware[] = route.chain
    .slice(0, -1)
    .map((node) => ({ node, via: "chain" as const, call: undefined }));
  if (route.options) {
    for (const hook of FASTIFY_HOOKS) {
      const property = getObjectProperty(route.options, hook);
      if (property) for (const node of flatten(property.value)) applied.push({ node, via: "options", call: undefined });
    }
  }
  const receiver = route.receiver;
  if (!receiver) return applied;
  applied.push(...getUseMiddleware(context, receiver, route.node, route.path, route.methods));

  let current: Receiver | undefined = receiver;
  let relativePath = route.path;
  for (let depth = 0; current && depth < 5; depth++) {
    const mount: ReceiverMount | undefined = getReceiverMounts(context, current)[0];
    if (!mount) break;
    const index = mount.call.arguments.findIndex(
      (arg: TSESTree.CallExpressionArgument) =>
        arg === mount.argument ||
        (arg.type === AST_NODE_TYPES.ArrayExpression && arg.elements.includes(mount.argument as TSESTree.Expression)),
    );
    const start = getStaticString(mount.call.arguments[0]) === undefined ? 0 : 1;
    for (const arg of mount.call.arguments.slice(start, index)) {
      for (const node of flatten(arg)) applied.push({ node, via: "mount", call: mount.call });
    }
    if (
      mount.call.callee.type === AST_NODE_TYPES.MemberExpression &&
      getStaticString(mount.call.arguments[0]) !== undefined
    ) {
      relativePath =
        relativePath === undefined ? undefined : `${mount.prefix ?? ""}${relativePath === "/" ? "" : relativePath}`;
    }
    if (mount.parent) {
      for (const middleware of getUseMiddleware(context, mount.parent, mount.call, relativePath, route.methods)) {
        applied.push({ ...middleware, via: "mount" });
      }
    }
    current = mount.parent;
  }
  return applied;
}
