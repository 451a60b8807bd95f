import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { getBindingSource, getRequiredSource, isLocalSpecifier } from "./get-binding-source.js";
import { isFunctionNode } from "./get-function-from-expression.js";
import { getReceiver, isReceiverLikeName } from "./get-receiver.js";
import { getReceiverVariable } from "./get-receiver-mount.js";
import { getStaticString } from "./get-static-string.js";
import type { Receiver, RuleContext } from "./types.js";
import { getUnwrappedExpression } from "../utils/get-unwrapped-expression.js";

/** Calls that attach routers, sub-apps and plugins: Express/Koa `use`, Hono `route`, Fastify `register`. */
const MOUNT_METHODS = new Set(["use", "route", "register"]);
/** Koa routers are mounted through these: `app.use(router.routes())`. */
const ROUTER_MIDDLEWARE = new Set(["routes", "middleware", "allowedMethods"]);
/** `@fastify/autoload` and the like register every route file of a directory. */
const AUTOLOAD_SOURCE = /autoload/iu;
const MAX_DEPTH = 5;

const unwrap = (node: TSESTree.Node): TSESTree.Node => getUnwrappedExpression(node, { await: true });

function isPath(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  if (getStaticString(node) !== undefined || node.type === AST_NODE_TYPES.TemplateLiteral) return true;
  return (
    node.type === AST_NODE_TYPES.ArrayExpression &&
    node.elements.length > 0 &&
    node.elements.every((e) => e !== null && isPath(e))
  );
}

function getRootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

function getName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression && node.property.type === AST_NODE_TYPES.Identifier)
    return node.property.name;
  return undefined;
}

/** A binding (or member of one) imported from a file of this project, or from an autoloader. */
function isFromOtherFile(context: RuleContext, node: TSESTree.Node, requireRouterName: boolean): boolean {
  const root = getRootIdentifier(node);
  if (!root) return false;
  const source = getBindingSource(context, root);
  if (source === undefined) return false;
  if (AUTOLOAD_SOURCE.test(source)) return true;
  if (!isLocalSpecifier(source)) return false;
  if (!requireRouterName) return true;
  const name = getName(unwrap(node));
  return name !== undefined && (isReceiverLikeName(name) || /^create\w*(?:Router|Routes|App|Api)$/u.test(name));
}

/**
 * Whether a mounted argument brings routes defined in another file. `requireRouterName`: for a
 * path-less `app.use(x)`, where `x` is as likely a middleware as a router, only router-like names count.
 */
function isExternalMount(
  context: RuleContext,
  argument: TSESTree.Node,
  requireRouterName: boolean,
  depth: number,
): boolean {
  const node = unwrap(argument);
  if (node.type === AST_NODE_TYPES.ImportExpression) {
    return getStaticString(node.source) === undefined || isLocalSpecifier(getStaticString(node.source) ?? "");
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const required = getRequiredSource(node);
    if (required !== undefined) return isLocalSpecifier(required) || AUTOLOAD_SOURCE.test(required);
    const callee = unwrap(node.callee);
    // Koa `router.routes()`: the router is what is mounted.
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.property.type === AST_NODE_TYPES.Identifier &&
      ROUTER_MIDDLEWARE.has(callee.property.name)
    ) {
      return isExternalMount(context, callee.object, false, depth);
    }
    if (isFromOtherFile(context, callee, requireRouterName)) return true;
    // `app.use(mount("/api", api))`: a package wrapper around something mounted at a path.
    if (depth > 0) return false;
    const wrapsPath = isPath(node.arguments[0]);
    return node.arguments.some(
      (inner) => inner.type !== AST_NODE_TYPES.SpreadElement && isExternalMount(context, inner, !wrapsPath, depth + 1),
    );
  }
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
    return isFromOtherFile(context, node, requireRouterName);
  }
  return false;
}

/** `setupRoutes(app)`, `require("./routes")(app)`, `register({ app })`: `app` handed to code in another file. */
function getHandingCall(context: RuleContext, identifier: TSESTree.Identifier): TSESTree.CallExpression | undefined {
  let argument: TSESTree.Node = identifier;
  const parent = identifier.parent;
  if (
    parent.type === AST_NODE_TYPES.Property &&
    parent.value === identifier &&
    parent.parent.type === AST_NODE_TYPES.ObjectExpression
  ) {
    argument = parent.parent;
  }
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === argument) return undefined;
  if (!call.arguments.includes(argument as TSESTree.CallExpressionArgument)) return undefined;
  const callee = unwrap(call.callee);
  const required = getRequiredSource(callee);
  if (required !== undefined) return isLocalSpecifier(required) ? call : undefined;
  return isFromOtherFile(context, callee, false) ? call : undefined;
}

function collect(
  context: RuleContext,
  receiver: Receiver,
  depth: number,
  seen: Set<TSESTree.Node>,
  out: TSESTree.Node[],
): void {
  if (depth > MAX_DEPTH || !receiver.declaration || seen.has(receiver.declaration)) return;
  seen.add(receiver.declaration);
  const variable = getReceiverVariable(context, receiver);
  for (const reference of variable?.references ?? []) {
    if (reference.init) continue;
    const identifier = reference.identifier;
    if (identifier.type !== AST_NODE_TYPES.Identifier) continue;
    const member = identifier.parent;
    if (
      member.type === AST_NODE_TYPES.MemberExpression &&
      member.object === identifier &&
      !member.computed &&
      member.property.type === AST_NODE_TYPES.Identifier &&
      MOUNT_METHODS.has(member.property.name) &&
      member.parent.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member
    ) {
      const call = member.parent;
      const hasPath = isPath(call.arguments[0]);
      const requireRouterName = member.property.name === "use" && !hasPath;
      const mounted = call.arguments.flatMap((arg): TSESTree.Node[] =>
        arg.type === AST_NODE_TYPES.ArrayExpression
          ? arg.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== AST_NODE_TYPES.SpreadElement)
          : arg.type === AST_NODE_TYPES.SpreadElement
            ? []
            : [arg],
      );
      for (const argument of mounted) {
        if (isPath(argument)) continue;
        if (isExternalMount(context, argument, requireRouterName, 0)) {
          out.push(argument);
          continue;
        }
        collectMounted(context, argument, depth, seen, out);
      }
      continue;
    }
    const handing = getHandingCall(context, identifier);
    if (handing) out.push(handing);
  }
}

/** Routers, sub-apps and inline plugins created in this file bring their own mounts along. */
function collectMounted(
  context: RuleContext,
  argument: TSESTree.Node,
  depth: number,
  seen: Set<TSESTree.Node>,
  out: TSESTree.Node[],
): void {
  let node = unwrap(argument);
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.property.type === AST_NODE_TYPES.Identifier &&
    ROUTER_MIDDLEWARE.has(node.callee.property.name)
  ) {
    node = unwrap(node.callee.object);
  }
  if (isFunctionNode(node)) {
    const instance = node.params[0];
    if (instance?.type !== AST_NODE_TYPES.Identifier) return;
    const plugin = getReceiver(context, instance, false);
    if (plugin) collect(context, plugin, depth + 1, seen, out);
    return;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return;
  const mounted = getReceiver(context, node, false);
  if (mounted) collect(context, mounted, depth + 1, seen, out);
}

/**
 * Where `receiver` (an app or router created in this file) gets routes this file cannot show: a
 * router, sub-app or plugin imported from another project file and mounted on it (`app.use("/api",
 * api)`, `app.use(routes)`, `app.route("/x", sub)`, `fastify.register(import("./routes"))`,
 * `@fastify/autoload`), directly or through a router of this file, or the app handed to a function
 * from another file (`registerRoutes(app)`). Empty when every route it serves is visible here.
 * Middleware with a non-router name (`app.use(requestLogger)`) and packages are not route sources.
 */
export function getExternalRouteSources(context: RuleContext, receiver: Receiver): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  collect(context, receiver, 0, new Set(), out);
  return out;
}
