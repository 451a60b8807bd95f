import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { findEnclosingHandler } from "../frameworks/get-handler-info.js";
import { getParamName } from "../frameworks/get-framework-from-signature.js";
import type { RuleContext } from "../frameworks/types.js";
import { getImportOrigin, getRequireSource } from "./get-import-origin.js";
import { getUnwrappedExpression } from "./get-unwrapped-expression.js";
import type { ImportedName } from "./settings.js";
import { getHardenSettings } from "./settings.js";

/**
 * How a logger is called: pino `(fields, message)`, winston `(message, meta)`, NestJS's `Logger`
 * `(message, stack)`.
 */
export type LoggerStyle = "pino" | "winston" | "nest";

/** A logger a fix may call. */
export interface FoundLogger {
  /** The expression to call methods on: `logger`, `request.log`, `ctx.log`, `c.var.logger`, `this.logger`. */
  expression: string;
  /**
   * The call style, when the logger's import, creation, type or `settings.harden.logger.style` tells it;
   * `undefined` when nothing does: callers then offer the call as a suggestion, never an autofix.
   */
  style: LoggerStyle | undefined;
  /** An import to add for it (settings logger not yet imported), else `undefined`. */
  import: ImportedName | undefined;
  /** `settings`, `scope` (a binding in scope), `class` (`this.logger`) or `request` (request-scoped). */
  origin: "settings" | "scope" | "class" | "request";
}

interface Candidate {
  found: FoundLogger;
  /** The binding the expression reads, when it is one: a test of it can make it absent at a node. */
  variable: TSESLint.Scope.Variable | undefined;
}

const LOGGER_NAMES = ["logger", "log"];
/** Type names that are pino loggers whatever they are imported as. */
const PINO_TYPES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["fastify", new Set(["FastifyBaseLogger", "FastifyLoggerInstance"])],
  ["nestjs-pino", new Set(["PinoLogger"])],
]);
/** NestJS's own loggers, which print `(message, stack)` at the error level. */
const NEST_LOGGER_NAMES = new Set(["Logger", "ConsoleLogger", "LoggerService"]);
const MAX_DEPTH = 4;

function getStyleOfImport(source: string, imported: string): LoggerStyle | undefined {
  if (source === "pino") return "pino";
  if (source === "winston") return "winston";
  if (PINO_TYPES.get(source)?.has(imported)) return "pino";
  if (source === "@nestjs/common" && NEST_LOGGER_NAMES.has(imported)) return "nest";
  return undefined;
}

function getStyleOfName(context: RuleContext, identifier: TSESTree.Identifier): LoggerStyle | undefined {
  const origin = getImportOrigin(ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier));
  return origin && getStyleOfImport(origin.source, origin.imported);
}

/** `Logger` from pino, `winston.Logger`, `FastifyBaseLogger`, Nest's `Logger`. */
function getStyleOfType(
  context: RuleContext,
  annotation: TSESTree.TSTypeAnnotation | undefined,
): LoggerStyle | undefined {
  const type = annotation?.typeAnnotation;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  let name: TSESTree.EntityName = type.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return getStyleOfName(context, name);
  // `pino.Logger`, `winston.Logger`: the namespace says it.
  while (name.type === AST_NODE_TYPES.TSQualifiedName) name = name.left;
  if (name.type !== AST_NODE_TYPES.Identifier) return undefined;
  const origin = getImportOrigin(ASTUtils.findVariable(context.sourceCode.getScope(name), name));
  return origin?.source === "pino" ? "pino" : origin?.source === "winston" ? "winston" : undefined;
}

/** The style of a logger made by `expression`: `pino()`, `winston.createLogger()`, `new Logger()`, `x.child()`. */
function getStyleOfExpression(
  context: RuleContext,
  node: TSESTree.Node | null | undefined,
  depth: number,
): LoggerStyle | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const expression = getUnwrappedExpression(node, { await: true });
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(expression), expression);
    return variable ? getStyleOfBinding(context, variable, depth + 1) : undefined;
  }
  if (expression.type === AST_NODE_TYPES.NewExpression) {
    return expression.callee.type === AST_NODE_TYPES.Identifier
      ? getStyleOfName(context, expression.callee)
      : undefined;
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = getUnwrappedExpression(expression.callee);
  // `require("pino")(options)`
  if (callee.type === AST_NODE_TYPES.CallExpression) {
    const source = getRequireSource(callee);
    return source === undefined ? undefined : getStyleOfImport(source, "*");
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const origin = getImportOrigin(ASTUtils.findVariable(context.sourceCode.getScope(callee), callee));
    if (origin?.source === "pino") return "pino";
    if (origin?.source === "winston" && origin.imported === "createLogger") return "winston";
    return undefined;
  }
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier
  )
    return undefined;
  // A child logger is called like its parent.
  if (callee.property.name === "child") return getStyleOfExpression(context, callee.object, depth + 1);
  const object = getUnwrappedExpression(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const origin = getImportOrigin(ASTUtils.findVariable(context.sourceCode.getScope(object), object));
  if (origin?.source === "pino") return "pino";
  if (origin?.source === "winston" && callee.property.name === "createLogger") return "winston";
  return undefined;
}

/** What the binding's import, type annotation or initializer says about its call style. */
function getStyleOfBinding(
  context: RuleContext,
  variable: TSESLint.Scope.Variable,
  depth = 0,
): LoggerStyle | undefined {
  const definition = variable.defs[0];
  if (!definition) return undefined;
  if (definition.type === "ImportBinding") {
    const origin = getImportOrigin(variable);
    return origin && getStyleOfImport(origin.source, origin.imported);
  }
  if (definition.type === "Parameter") {
    return definition.name.type === AST_NODE_TYPES.Identifier
      ? getStyleOfType(context, definition.name.typeAnnotation)
      : undefined;
  }
  if (definition.type !== "Variable" || definition.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  const declarator = definition.node;
  const typed =
    declarator.id.type === AST_NODE_TYPES.Identifier
      ? getStyleOfType(context, declarator.id.typeAnnotation)
      : undefined;
  if (typed) return typed;
  // `const { logger } = require("./log")` names nothing about the style.
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (getRequireSource(declarator.init) !== undefined) {
    const origin = getImportOrigin(variable);
    return origin && getStyleOfImport(origin.source, origin.imported);
  }
  return getStyleOfExpression(context, declarator.init, depth);
}

function isAbsentValue(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === "undefined";
  if (node.type === AST_NODE_TYPES.Literal) return node.value === null;
  return node.type === AST_NODE_TYPES.UnaryExpression && node.operator === "void";
}

/** `T | undefined`, `T | null`, `undefined`. */
function allowsAbsence(annotation: TSESTree.TSTypeAnnotation | undefined): boolean {
  const type = annotation?.typeAnnotation;
  if (!type) return false;
  const members = type.type === AST_NODE_TYPES.TSUnionType ? type.types : [type];
  return members.some(
    (member) =>
      member.type === AST_NODE_TYPES.TSUndefinedKeyword ||
      member.type === AST_NODE_TYPES.TSNullKeyword ||
      member.type === AST_NODE_TYPES.TSVoidKeyword,
  );
}

/**
 * A binding that may hold nothing where it is read: an optional parameter (`logger?: Logger`), one that
 * defaults to `undefined`, or one typed `Logger | undefined`. Calling it would throw, and in TypeScript
 * not compile.
 */
function mayBeAbsent(variable: TSESLint.Scope.Variable): boolean {
  const definition = variable.defs[0];
  if (!definition) return false;
  const name = definition.name;
  if (name.type !== AST_NODE_TYPES.Identifier) return false;
  if (name.optional || allowsAbsence(name.typeAnnotation)) return true;
  return (
    name.parent.type === AST_NODE_TYPES.AssignmentPattern &&
    name.parent.left === name &&
    isAbsentValue(name.parent.right)
  );
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
  // pino-http's `req.log`, koa-pino-logger's `ctx.log`, hono-pino's `c.var.logger`.
  if (request && usesMember(context, handler.function, handler.request, ["log"])) {
    return { expression: `${request}.log`, style: "pino", import: undefined, origin: "request" };
  }
  if (ctx && handler.framework === "koa" && usesMember(context, handler.function, handler.context, ["log"])) {
    return { expression: `${ctx}.log`, style: "pino", import: undefined, origin: "request" };
  }
  if (
    ctx &&
    handler.framework === "hono" &&
    usesMember(context, handler.function, handler.context, ["var", "logger"])
  ) {
    return { expression: `${ctx}.var.logger`, style: "pino", import: undefined, origin: "request" };
  }
  return undefined;
}

/** The class whose instance `this` is at `node`: inside its methods, property initializers and their arrows. */
function getThisClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (current.type === AST_NODE_TYPES.FunctionExpression) {
      const method = current.parent;
      if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.static || method.value !== current)
        return undefined;
      return method.parent.parent;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return current.static ? undefined : current.parent.parent;
    if (
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.StaticBlock ||
      current.type === AST_NODE_TYPES.ClassBody ||
      current.type === AST_NODE_TYPES.Program
    ) {
      return undefined;
    }
  }
  return undefined;
}

function isNamedLogger(key: TSESTree.Node): boolean {
  return key.type === AST_NODE_TYPES.Identifier && key.name === "logger";
}

/**
 * `this.logger` in a class that declares it: `private readonly logger = new Logger(UsersService.name)`
 * (NestJS), or a constructor parameter property `private readonly logger: PinoLogger`. An optional one
 * (`logger?: Logger`) may be absent and is not offered.
 */
function findClassLogger(context: RuleContext, node: TSESTree.Node): FoundLogger | undefined {
  const owner = getThisClass(node);
  if (!owner) return undefined;
  for (const member of owner.body.body) {
    if (
      member.type === AST_NODE_TYPES.PropertyDefinition &&
      !member.static &&
      !member.computed &&
      isNamedLogger(member.key)
    ) {
      if (member.optional || allowsAbsence(member.typeAnnotation)) return undefined;
      const value = member.value;
      if (value && !mayBeLoggerValue(value)) return undefined;
      if (!value && !member.typeAnnotation) return undefined;
      const style = getStyleOfExpression(context, value, 0) ?? getStyleOfType(context, member.typeAnnotation);
      return { expression: "this.logger", style, import: undefined, origin: "class" };
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === "constructor") {
      for (const param of member.value.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty || param.parameter.type !== AST_NODE_TYPES.Identifier)
          continue;
        if (!isNamedLogger(param.parameter)) continue;
        if (param.parameter.optional || allowsAbsence(param.parameter.typeAnnotation)) return undefined;
        return {
          expression: "this.logger",
          style: getStyleOfType(context, param.parameter.typeAnnotation),
          import: undefined,
          origin: "class",
        };
      }
    }
  }
  return undefined;
}

function mayBeLoggerValue(value: TSESTree.Expression): boolean {
  const expression = getUnwrappedExpression(value, { await: true });
  return (
    expression.type === AST_NODE_TYPES.CallExpression ||
    expression.type === AST_NODE_TYPES.NewExpression ||
    expression.type === AST_NODE_TYPES.MemberExpression ||
    expression.type === AST_NODE_TYPES.Identifier
  );
}

/** Declared at the top of the file: the module or global scope, or CommonJS's wrapper-function scope around the Program. */
function isModuleLevel(variable: TSESLint.Scope.Variable): boolean {
  return variable.scope.block.type === AST_NODE_TYPES.Program;
}

function fromSettings(
  context: RuleContext,
  scope: TSESLint.Scope.Scope,
  excluded: ReadonlySet<TSESLint.Scope.Variable>,
): Candidate | undefined {
  const settings = getHardenSettings(context).logger;
  if (!settings) return undefined;
  const root = settings.name.split(".")[0] ?? settings.name;
  const variable = ASTUtils.findVariable(scope, root) ?? undefined;
  // What the file shows about the binding (`pino()` right there) outranks the project-wide setting.
  const found = (style: LoggerStyle | undefined): FoundLogger => ({
    expression: settings.name,
    style: style ?? settings.style,
    import: settings.source ? settings : undefined,
    origin: "settings",
  });
  if (!variable) {
    // Without a source the fix cannot make the name exist: only a binding in scope is callable.
    return settings.source ? { found: found(undefined), variable: undefined } : undefined;
  }
  // A local binding of the same name hides the module-level logger the import would add.
  if (excluded.has(variable) || (settings.source && !isModuleLevel(variable)) || mayBeAbsent(variable))
    return undefined;
  return { found: found(getStyleOfBinding(context, variable)), variable };
}

/** NestJS's static `Logger` (`Logger.error(message, stack)`), when the file imports it as a value. */
function findStaticNestLogger(scope: TSESLint.Scope.Scope): FoundLogger | undefined {
  const variable = ASTUtils.findVariable(scope, "Logger");
  const definition = variable?.defs[0];
  if (definition?.type !== "ImportBinding") return undefined;
  const declaration = definition.parent as TSESTree.ImportDeclaration | null;
  const specifier = definition.node;
  if (
    declaration?.importKind === "type" ||
    (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === "type")
  )
    return undefined;
  const origin = getImportOrigin(variable);
  if (origin?.source !== "@nestjs/common" || origin.imported !== "Logger") return undefined;
  return { expression: "Logger", style: "nest", import: undefined, origin: "scope" };
}

function computeLogger(
  context: RuleContext,
  node: TSESTree.Node,
  scope: TSESLint.Scope.Scope,
  excluded: ReadonlySet<TSESLint.Scope.Variable>,
): Candidate | undefined {
  const fromRequest = findRequestLogger(context, node);
  if (fromRequest) return { found: fromRequest, variable: undefined };
  const fromClass = findClassLogger(context, node);
  if (fromClass) return { found: fromClass, variable: undefined };
  const configured = fromSettings(context, scope, excluded);
  if (configured) return configured;
  for (const name of LOGGER_NAMES) {
    const variable = ASTUtils.findVariable(scope, name);
    if (!variable || variable.defs.length === 0 || excluded.has(variable) || mayBeAbsent(variable)) continue;
    if (name === "logger" ? mayBeLoggerObject(variable) : isLoggerBinding(variable)) {
      return {
        found: { expression: name, style: getStyleOfBinding(context, variable), import: undefined, origin: "scope" },
        variable,
      };
    }
  }
  const nest = findStaticNestLogger(scope);
  return nest && { found: nest, variable: undefined };
}

/** Whether `test` is true exactly when `variable` holds something (`true`), exactly when it does not (`false`), or neither. */
function testsPresence(test: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean | undefined {
  const isVariable = (candidate: TSESTree.Node): boolean =>
    candidate.type === AST_NODE_TYPES.Identifier &&
    variable.references.some((reference) => reference.identifier === candidate);
  const expression = getUnwrappedExpression(test);
  if (isVariable(expression)) return true;
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === "!") {
    const inner = testsPresence(expression.argument, variable);
    return inner === undefined ? undefined : !inner;
  }
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === "Boolean" &&
    expression.arguments[0]
  ) {
    return testsPresence(expression.arguments[0], variable);
  }
  if (expression.type === AST_NODE_TYPES.BinaryExpression && ["==", "===", "!=", "!=="].includes(expression.operator)) {
    const { left, right } = expression;
    const compared = isVariable(left) && isAbsentValue(right) ? true : isVariable(right) && isAbsentValue(left);
    if (!compared) return undefined;
    return expression.operator.startsWith("!");
  }
  return undefined;
}

/**
 * Whether `node` only runs when `variable` is absent: the falsy branch of `logger ? … : here`,
 * `if (!logger) here`, `logger || here`, `logger ?? here`.
 */
function isInAbsentBranch(node: TSESTree.Node, variable: TSESLint.Scope.Variable): boolean {
  const boundary = variable.scope.block;
  for (
    let child: TSESTree.Node = node, parent = node.parent;
    parent && child !== boundary;
    child = parent, parent = parent.parent
  ) {
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      if (child === parent.test) continue;
      const presence = testsPresence(parent.test, variable);
      if ((presence === true && child === parent.alternate) || (presence === false && child === parent.consequent))
        return true;
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right) {
      const presence = testsPresence(parent.left, variable);
      if ((parent.operator !== "&&" && presence === true) || (parent.operator === "&&" && presence === false))
        return true;
    }
  }
  return false;
}

/**
 * The logger a fix at `node` should call, or `undefined` when none is callable there. In order: a
 * request-scoped logger in a handler that has one; `this.logger` in a class that declares it;
 * `settings.harden.logger` (imported by the fix when it has a `source`, else only where its name is in
 * scope); a `logger` / `log` binding in scope; NestJS's static `Logger` when imported. A binding that may
 * be absent there — optional, typed `| undefined`, or in the branch where a test found it missing — is
 * never offered.
 */
export function findLogger(context: RuleContext, node: TSESTree.Node): FoundLogger | undefined {
  // Every input of the answer — the enclosing functions, the bindings in scope, the file's settings — is
  // the same for all nodes whose innermost scope is the same: the console calls of a function share it.
  // Only a test of the binding between it and the node can change it, and that is checked per node.
  const scope = context.sourceCode.getScope(node);
  let candidate = byScope.get(scope);
  if (candidate === undefined) {
    candidate = computeLogger(context, node, scope, new Set()) ?? null;
    byScope.set(scope, candidate);
  }
  const excluded = new Set<TSESLint.Scope.Variable>();
  while (candidate?.variable && isInAbsentBranch(node, candidate.variable)) {
    excluded.add(candidate.variable);
    candidate = computeLogger(context, node, scope, excluded) ?? null;
  }
  return candidate?.found;
}

const byScope = new WeakMap<TSESLint.Scope.Scope, Candidate | null>();

/** The methods a structured logger writes a line with (winston's `silly`, `http`); `log` only for NestJS's `Logger` (winston's takes a level first). */
const LOGGER_METHODS = new Set(["trace", "debug", "info", "warn", "error", "fatal", "verbose", "silly", "http", "log"]);
/** The calls `getLoggerCall` can answer for, as a selector: a rule that listens to them sees no other call. */
export const LOGGER_CALL_SELECTOR = `CallExpression[callee.type="MemberExpression"][callee.computed=false][callee.property.name=/^(?:${[...LOGGER_METHODS].join("|")})$/u]`;
const LOGGER_NAME = /^(?:log|logger)$|Logger$/u;

/** A call that writes a line with a structured logger. */
export interface LoggerCall {
  /** The logger as written: `logger`, `req.log`, `this.logger`. */
  expression: string;
  method: string;
  /** How its arguments are read (see `LoggerStyle`); `undefined` when nothing in the file tells. */
  style: LoggerStyle | undefined;
}

/** The style of the logger `object` names, and whether it is a logger at all (`false`). */
function getStyleOfLoggerObject(context: RuleContext, object: TSESTree.Node): LoggerStyle | undefined | false {
  const configured = getHardenSettings(context).logger;
  const text = context.sourceCode.getText(object);
  if (object.type === AST_NODE_TYPES.Identifier) {
    if (object.name === "console") return false;
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(object), object);
    if (!variable || variable.defs.length === 0) return false;
    const style = getStyleOfBinding(context, variable);
    // A class named `Logger` is called statically only when it is one: NestJS's, or the app's own module's.
    if (object.name === "Logger") return style ?? (variable.defs[0]?.type === "ImportBinding" ? undefined : false);
    if (style) return style;
    if (configured?.name === text) return configured.style;
    return LOGGER_NAME.test(object.name) && mayBeLoggerObject(variable) ? undefined : false;
  }
  if (
    object.type !== AST_NODE_TYPES.MemberExpression ||
    object.computed ||
    object.property.type !== AST_NODE_TYPES.Identifier
  )
    return false;
  if (object.object.type === AST_NODE_TYPES.ThisExpression) {
    const found = object.property.name === "logger" ? findClassLogger(context, object) : undefined;
    return found ? found.style : false;
  }
  if (configured?.name === text) return configured.style;
  // Fastify's `request.log`, pino-http's `req.log`, koa-pino-logger's `ctx.log`, hono-pino's `c.var.logger`.
  if (object.property.name === "log" || text.endsWith(".var.logger")) return "pino";
  return LOGGER_NAME.test(object.property.name) ? undefined : false;
}

/**
 * The structured logger a call writes with: `logger.info(…)`, `req.log.warn(…)`, `this.logger.error(…)`,
 * NestJS's static `Logger.log(…)`; `undefined` for `console` (see `no-print-debugging`) and for anything
 * not named or made like a logger.
 */
export function getLoggerCall(context: RuleContext, call: TSESTree.CallExpression): LoggerCall | undefined {
  const callee = call.callee;
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier ||
    !LOGGER_METHODS.has(callee.property.name)
  )
    return undefined;
  const object = getUnwrappedExpression(callee.object);
  const style = getStyleOfLoggerObject(context, object);
  if (style === false) return undefined;
  const method = callee.property.name;
  if (method === "log" && style !== "nest") return undefined;
  return { expression: context.sourceCode.getText(callee.object), method, style };
}
