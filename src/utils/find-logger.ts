import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { findEnclosingHandler } from "../frameworks/get-handler-info.js";
import { getParamName } from "../frameworks/get-framework-from-signature.js";
import type { RuleContext } from "../frameworks/types.js";
import type { ImportedName } from "./settings.js";
import { getHardenSettings } from "./settings.js";

export type LoggerStyle = "pino" | "winston";

/** A logger a fix may call, and whether the call may be an autofix. */
export interface FoundLogger {
  /** The expression to call methods on: `logger`, `request.log`, `ctx.log`, `c.var.logger`. */
  expression: string;
  style: LoggerStyle;
  /** An import to add for it (settings logger not yet imported), else `undefined`. */
  import: ImportedName | undefined;
  /** `settings`, `scope` (a `logger`/`log` binding), `request` (request-scoped) or `assumed` (none known). */
  origin: "settings" | "scope" | "request" | "assumed";
}

const LOGGER_NAMES = ["logger", "log"];

function getStyleOfBinding(variable: TSESLint.Scope.Variable): LoggerStyle {
  const definition = variable.defs[0];
  if (!definition) return "pino";
  if (definition.type === "ImportBinding") {
    const declaration = definition.parent as TSESTree.ImportDeclaration | null;
    if (declaration?.source.value === "winston") return "winston";
  }
  if (definition.node.type === AST_NODE_TYPES.VariableDeclarator) {
    const text = definition.node.init;
    // `winston.createLogger(...)` / `createLogger(...)` from winston.
    if (
      text?.type === AST_NODE_TYPES.CallExpression &&
      ((text.callee.type === AST_NODE_TYPES.MemberExpression &&
        text.callee.object.type === AST_NODE_TYPES.Identifier &&
        text.callee.object.name === "winston") ||
        (text.callee.type === AST_NODE_TYPES.Identifier && text.callee.name === "createLogger"))
    ) {
      return "winston";
    }
  }
  return "pino";
}

/**
 * A `logger` binding is trusted when it can be a logger object: an import, a parameter, or a value made
 * by a call or `new`. A function or class named `logger` (Hono's logger middleware factory) is not one.
 */
function mayBeLoggerObject(variable: TSESLint.Scope.Variable): boolean {
  const definition = variable.defs[0];
  if (!definition) return false;
  if (definition.type === "ImportBinding" || definition.type === "Parameter") return true;
  if (definition.type !== "Variable" || definition.node.type !== AST_NODE_TYPES.VariableDeclarator) return false;
  const init = definition.node.init;
  return (
    init?.type === AST_NODE_TYPES.CallExpression ||
    init?.type === AST_NODE_TYPES.NewExpression ||
    init?.type === AST_NODE_TYPES.MemberExpression ||
    init?.type === AST_NODE_TYPES.AwaitExpression
  );
}

/**
 * `log` is also what people call `debug("app")` or `console.log`: only a binding that is visibly a
 * logger counts (imported from a module named like a logger, or made by `pino()` / `createLogger()` / `.child()`).
 */
function isLoggerBinding(variable: TSESLint.Scope.Variable): boolean {
  const definition = variable.defs[0];
  if (!definition) return false;
  if (definition.type === "ImportBinding") {
    const declaration = definition.parent as TSESTree.ImportDeclaration | null;
    return /log/iu.test(declaration?.source.value ?? "") && declaration?.source.value !== "debug";
  }
  if (definition.node.type !== AST_NODE_TYPES.VariableDeclarator) return false;
  const init = definition.node.init;
  if (init?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = init.callee;
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier
        ? callee.property.name
        : "";
  return ["pino", "createLogger", "child", "getLogger"].includes(name);
}

/** Does the handler already use `<param>.log` / `<param>.var.logger` (so the request-scoped logger exists)? */
function usesMember(
  context: RuleContext,
  fn: TSESTree.Node,
  param: TSESTree.Parameter | undefined,
  path: readonly string[],
): boolean {
  if (!param || param.type !== AST_NODE_TYPES.Identifier) return false;
  // Parameters are declared by their function, not by their own node.
  const variable = context.sourceCode.getDeclaredVariables(fn).find((v) => v.name === param.name);
  return (variable?.references ?? []).some((ref) => {
    let node: TSESTree.Node = ref.identifier;
    for (const name of path) {
      const parent: TSESTree.Node | undefined = node.parent;
      if (
        parent?.type !== AST_NODE_TYPES.MemberExpression ||
        parent.object !== node ||
        parent.property.type !== AST_NODE_TYPES.Identifier ||
        parent.property.name !== name
      ) {
        return false;
      }
      node = parent;
    }
    return true;
  });
}

function findRequestLogger(context: RuleContext, node: TSESTree.Node): FoundLogger | undefined {
  const handler = findEnclosingHandler(context, node);
  if (!handler) return undefined;
  const request = getParamName(handler.request);
  const ctx = getParamName(handler.context);
  // Fastify always decorates the request with its pino logger.
  if (handler.framework === "fastify" && request) {
    return { expression: `${request}.log`, style: "pino", import: undefined, origin: "request" };
  }
  if (request && usesMember(context, handler.function, handler.request, ["log"])) {
    return { expression: `${request}.log`, style: "pino", import: undefined, origin: "request" };
  }
  if (ctx && handler.framework === "koa" && usesMember(context, handler.function, handler.context, ["log"])) {
    return { expression: `${ctx}.log`, style: "pino", import: undefined, origin: "request" };
  }
  if (ctx && handler.framework === "hono" && usesMember(context, handler.function, handler.context, ["var", "logger"])) {
    return { expression: `${ctx}.var.logger`, style: "pino", import: undefined, origin: "request" };
  }
  return undefined;
}

/**
 * The structured logger a fix at `node` should call: a request-scoped logger in a handler that has
 * one, else `settings.harden.logger` (imported if needed), else a `logger` / `log` binding in scope.
 * `origin: "assumed"` means none is known: callers offer the rewrite as a suggestion only.
 */
export function findLogger(context: RuleContext, node: TSESTree.Node): FoundLogger {
  // Every input of the answer — the enclosing functions, the bindings in scope, the file's settings — is
  // the same for all nodes whose innermost scope is the same: the console calls of a function share it.
  const scope = context.sourceCode.getScope(node);
  let found = byScope.get(scope);
  if (!found) {
    found = computeLogger(context, node, scope);
    byScope.set(scope, found);
  }
  return found;
}

const byScope = new WeakMap<TSESLint.Scope.Scope, FoundLogger>();

function computeLogger(context: RuleContext, node: TSESTree.Node, scope: TSESLint.Scope.Scope): FoundLogger {
  const fromRequest = findRequestLogger(context, node);
  if (fromRequest) return fromRequest;
  const settings = getHardenSettings(context).logger;
  if (settings) {
    return {
      expression: settings.name,
      style: settings.style ?? "pino",
      import: settings.source ? settings : undefined,
      origin: "settings",
    };
  }
  for (const name of LOGGER_NAMES) {
    const variable = ASTUtils.findVariable(scope, name);
    if (variable && variable.defs.length > 0 && (name === "logger" ? mayBeLoggerObject(variable) : isLoggerBinding(variable))) {
      return { expression: name, style: getStyleOfBinding(variable), import: undefined, origin: "scope" };
    }
  }
  return { expression: "logger", style: "pino", import: undefined, origin: "assumed" };
}
