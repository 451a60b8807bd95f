import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { getObjectProperty } from "./get-route-registration.js";
import { getReceiver } from "./get-receiver.js";
import { getReceiverMounts, getReceiverVariable, type ReceiverMount } from "./get-receiver-mount.js";
import { getStaticString } from "./get-static-string.js";
import { isPathCoveredBy } from "./is-path-covered-by.js";
import type { Receiver, RouteRegistration, RuleContext } from "./types.js";

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
    if (method === "addHook" && receiver.framework === "fastify") {
      const hook = getStaticString(call.arguments[0]);
      const fn = call.arguments[1];
      if (hook && (FASTIFY_HOOKS as readonly string[]).includes(hook) && fn) found.push({ node: fn, via: "use", call });
      continue;
    }
    if (method !== "use" || receiver.framework === "fastify" || !isBefore(call, registration)) continue;
    const args = call.arguments;
    const pathArg = getStaticString(args[0]);
    const middleware = pathArg === undefined ? args : args.slice(1);
    if (pathArg !== undefined && relativePath !== undefined && !isPathCoveredBy(relativePath, pathArg)) continue;
    for (const arg of middleware) {
      for (const node of flatten(arg)) {
        // A mounted router is not middleware for the routes of this receiver.
        if (node.type === AST_NODE_TYPES.Identifier && getReceiver(context, node, false)) continue;
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
  const applied: AppliedMiddleware[] = route.chain.slice(0, -1).map((node) => ({ node, via: "chain" as const, call: undefined }));
  if (route.options) {
    for (const hook of FASTIFY_HOOKS) {
      const property = getObjectProperty(route.options, hook);
      if (property) for (const node of flatten(property.value)) applied.push({ node, via: "options", call: undefined });
    }
  }
  const receiver = route.receiver;
  if (!receiver) return applied;
  applied.push(...getUseMiddleware(context, receiver, route.node, route.path));

  let current: Receiver | undefined = receiver;
  let relativePath = route.path;
  for (let depth = 0; current && depth < 5; depth++) {
    const mount: ReceiverMount | undefined = getReceiverMounts(context, current)[0];
    if (!mount) break;
    const index = mount.call.arguments.findIndex((arg: TSESTree.CallExpressionArgument) => arg === mount.argument || (arg.type === AST_NODE_TYPES.ArrayExpression && arg.elements.includes(mount.argument as TSESTree.Expression)));
    const start = getStaticString(mount.call.arguments[0]) === undefined ? 0 : 1;
    for (const arg of mount.call.arguments.slice(start, index)) {
      for (const node of flatten(arg)) applied.push({ node, via: "mount", call: mount.call });
    }
    if (mount.call.callee.type === AST_NODE_TYPES.MemberExpression && getStaticString(mount.call.arguments[0]) !== undefined) {
      relativePath = relativePath === undefined ? undefined : `${mount.prefix ?? ""}${relativePath === "/" ? "" : relativePath}`;
    }
    if (mount.parent) {
      for (const middleware of getUseMiddleware(context, mount.parent, mount.call, relativePath)) {
        applied.push({ ...middleware, via: "mount" });
      }
    }
    current = mount.parent;
  }
  return applied;
}
