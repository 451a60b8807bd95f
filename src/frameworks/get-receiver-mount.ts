import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getFrameworkImports } from "./get-framework-imports.js";
import { isFunctionNode } from "./get-function-from-expression.js";
import { getReceiver, isFastifyPluginFunction, joinPaths } from "./get-receiver.js";
import { getStaticString } from "./get-static-string.js";
import type { Receiver, RuleContext } from "./types.js";

/** Where a router / sub-app / plugin is mounted on another receiver in this file. */
export interface ReceiverMount {
  /** `app.use("/api", auth, router)`, `app.route("/api", sub)`, `fastify.register(plugin, { prefix })`. */
  call: TSESTree.CallExpression;
  /** The mount's path, `""` when there is none, `undefined` when it is not a literal. */
  prefix: string | undefined;
  /** The argument that stands for the mounted receiver (`router`, `router.routes()`, the plugin). */
  argument: TSESTree.Node;
  /** The receiver it is mounted on. */
  parent: Receiver | undefined;
}

export function getReceiverVariable(context: RuleContext, receiver: Receiver): TSESLint.Scope.Variable | undefined {
  const declaration = receiver.declaration;
  if (!declaration) return undefined;
  if (declaration.type === AST_NODE_TYPES.VariableDeclarator) {
    return context.sourceCode.getDeclaredVariables(declaration)[0];
  }
  if (declaration.type === AST_NODE_TYPES.Identifier) {
    return ASTUtils.findVariable(context.sourceCode.getScope(declaration), declaration) ?? undefined;
  }
  return undefined;
}

function getMemberCall(node: TSESTree.Node, property: string): TSESTree.CallExpression | undefined {
  const member = node.parent;
  if (
    member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === node &&
    member.property.type === AST_NODE_TYPES.Identifier &&
    member.property.name === property &&
    member.parent.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member
  ) {
    return member.parent;
  }
  return undefined;
}

function getEnclosingCallArgument(
  node: TSESTree.Node,
): { call: TSESTree.CallExpression; argument: TSESTree.Node } | undefined {
  let argument = node;
  if (argument.parent?.type === AST_NODE_TYPES.ArrayExpression) argument = argument.parent;
  const call = argument.parent;
  if (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments.includes(argument as TSESTree.CallExpressionArgument)
  ) {
    return { call, argument: node };
  }
  return undefined;
}

function getCalleeProperty(call: TSESTree.CallExpression): string | undefined {
  return call.callee.type === AST_NODE_TYPES.MemberExpression && call.callee.property.type === AST_NODE_TYPES.Identifier
    ? call.callee.property.name
    : undefined;
}

function toMount(
  context: RuleContext,
  call: TSESTree.CallExpression,
  argument: TSESTree.Node,
): ReceiverMount | undefined {
  const property = getCalleeProperty(call);
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const parent = getReceiver(context, call.callee.object, true);
  const first = call.arguments[0];
  if (property === "use") {
    if (first === argument) return { call, prefix: "", argument, parent };
    const prefix = getStaticString(first);
    return { call, prefix: prefix ?? (first?.type === AST_NODE_TYPES.Identifier ? undefined : ""), argument, parent };
  }
  if (property === "route" && call.arguments[1] === argument) {
    return { call, prefix: getStaticString(first), argument, parent };
  }
  if (property === "register" && first === argument) {
    const options = call.arguments[1];
    let prefix: string | undefined = "";
    if (options?.type === AST_NODE_TYPES.ObjectExpression) {
      for (const p of options.properties) {
        if (p.type === AST_NODE_TYPES.Property && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === "prefix") {
          prefix = getStaticString(p.value);
        }
      }
    } else if (options) {
      prefix = undefined;
    }
    return { call, prefix, argument, parent };
  }
  return undefined;
}

const mountCache = new WeakMap<object, ReceiverMount[]>();

/** Every place this file mounts `receiver` on another receiver. */
export function getReceiverMounts(context: RuleContext, receiver: Receiver): ReceiverMount[] {
  const key = receiver.declaration;
  if (!key) return [];
  const cached = mountCache.get(key);
  if (cached) return cached;
  const mounts: ReceiverMount[] = [];
  mountCache.set(key, mounts);

  if (receiver.kind === "plugin" && receiver.framework === "fastify") {
    const fn = key.parent;
    if (fn && isFunctionNode(fn) && isFastifyPluginFunction(fn, getFrameworkImports(context.sourceCode), context)) {
      let target: TSESTree.Node = fn;
      // `fastify.register(fp(plugin))` and `register(plugin)` by name.
      const references: TSESTree.Node[] = [];
      if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
        const variable = context.sourceCode.getDeclaredVariables(fn)[0];
        for (const ref of variable?.references ?? []) references.push(ref.identifier);
      } else if (fn.parent.type === AST_NODE_TYPES.VariableDeclarator) {
        const variable = context.sourceCode.getDeclaredVariables(fn.parent)[0];
        for (const ref of variable?.references ?? []) if (!ref.init) references.push(ref.identifier);
      } else {
        references.push(target);
      }
      for (target of references) {
        const found = getEnclosingCallArgument(target);
        const mount = found && toMount(context, found.call, found.argument);
        if (mount) mounts.push(mount);
      }
    }
    return mounts;
  }

  const variable = getReceiverVariable(context, receiver);
  for (const ref of variable?.references ?? []) {
    if (ref.init) continue;
    const identifier = ref.identifier;
    // Koa: `app.use(router.routes())`
    const routesCall = getMemberCall(identifier, "routes");
    const mounted = routesCall ?? identifier;
    const found = getEnclosingCallArgument(mounted);
    const mount = found && toMount(context, found.call, found.argument);
    if (mount) mounts.push(mount);
  }
  return mounts;
}

/**
 * The path prefix this file gives `receiver`: its own (`new Router({ prefix })`, `basePath`) plus the
 * prefix of the first place it is mounted, recursively. `null` when a mount's prefix is not a literal.
 */
export function getReceiverPrefix(context: RuleContext, receiver: Receiver, depth = 0): string | null {
  const own = receiver.prefix ?? "";
  if (depth > 5) return own;
  const mount = getReceiverMounts(context, receiver)[0];
  if (!mount) return own;
  if (mount.prefix === undefined) return null;
  const parentPrefix = mount.parent ? getReceiverPrefix(context, mount.parent, depth + 1) : "";
  if (parentPrefix === null) return null;
  const joined = joinPaths(joinPaths(parentPrefix, mount.prefix), own);
  return joined === "/" ? "" : joined;
}
