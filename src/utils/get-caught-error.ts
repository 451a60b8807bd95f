import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { isFunctionNode } from "../frameworks/get-function-from-expression.js";
import { findEnclosingHandler, getHandlerInfo } from "../frameworks/get-handler-info.js";
import type { FunctionNode, HandlerInfo, RuleContext } from "../frameworks/types.js";
import { getUnwrappedExpression } from "./get-unwrapped-expression.js";

/** An error the code has caught, and where it is in hand. */
export interface CaughtError {
  /**
   * `catch`: a `catch` clause; `rejection`: a `.catch(fn)` / `.then(_, fn)` callback; `callback`: the
   * `if (err)` branch of an error-first callback (`db.query(sql, (err, rows) => {})`); `error-handler`: the
   * error parameter of a central error handler (Express `(err, req, res, next)`, Fastify
   * `setErrorHandler`, Hono `onError`).
   */
  kind: "catch" | "rejection" | "callback" | "error-handler";
  /** The catch clause, or the function that receives the error. */
  owner: TSESTree.CatchClause | FunctionNode;
  /** The binding as written; `undefined` for `catch {}` and `.catch(() => …)`. */
  param: TSESTree.Node | undefined;
  /** The error's variable, when the binding is a plain identifier. */
  variable: TSESLint.Scope.Variable | undefined;
  /** Where the error is in hand: the catch body, the callback's body, the `if (err)` branch. */
  body: TSESTree.Node;
  /** The request handler around it (for `error-handler`, the error handler itself). */
  handler: HandlerInfo | undefined;
  /**
   * Whether this is the app's central error handler: an `error-handler`, or the `catch` of Koa's
   * `try { await next() } catch (err) {}` middleware.
   */
  central: boolean;
}

const ERROR_PARAM = /^(?:err|error|e|er|ex|exception)$/u;

function getParamIdentifier(param: TSESTree.Node | undefined | null): TSESTree.Identifier | undefined {
  if (!param) return undefined;
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return target.type === AST_NODE_TYPES.Identifier ? target : undefined;
}

function getVariableOf(
  context: RuleContext,
  owner: TSESTree.Node,
  param: TSESTree.Node | undefined | null,
): TSESLint.Scope.Variable | undefined {
  const identifier = getParamIdentifier(param);
  if (!identifier) return undefined;
  return context.sourceCode
    .getDeclaredVariables(owner)
    .find((variable) => variable.defs.some((def) => def.name === identifier));
}

function getNearestFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** `fn` is the rejection callback of `.catch(fn)` or `.then(onFulfilled, fn)`. */
export function isRejectionCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression)
    return false;
  const property = call.callee.property;
  if (call.callee.computed || property.type !== AST_NODE_TYPES.Identifier) return false;
  return (
    (property.name === "catch" && call.arguments[0] === fn) || (property.name === "then" && call.arguments[1] === fn)
  );
}

/** The name an `if` test checks for an error: `if (err)`, `if (err != null)`, `if (err !== undefined)`. */
function getErrorTestName(test: TSESTree.Expression): string | undefined {
  if (test.type === AST_NODE_TYPES.Identifier) return test.name;
  if (
    test.type === AST_NODE_TYPES.BinaryExpression &&
    (test.operator === "!=" || test.operator === "!==") &&
    test.left.type === AST_NODE_TYPES.Identifier &&
    ((test.right.type === AST_NODE_TYPES.Literal && test.right.value === null) ||
      (test.right.type === AST_NODE_TYPES.Identifier && test.right.name === "undefined"))
  ) {
    return test.left.name;
  }
  return undefined;
}

function fromCatch(context: RuleContext, clause: TSESTree.CatchClause): CaughtError {
  const handler = findEnclosingHandler(context, clause);
  return {
    kind: "catch",
    owner: clause,
    param: clause.param ?? undefined,
    variable: getVariableOf(context, clause, clause.param),
    body: clause.body,
    handler,
    central:
      handler?.kind === "error-handler" &&
      handler.framework === "koa" &&
      getNearestFunction(clause) === handler.function,
  };
}

function fromFunction(
  context: RuleContext,
  fn: FunctionNode,
  errorBranch: TSESTree.Statement | undefined,
): CaughtError | undefined {
  const param = fn.params[0];
  if (isRejectionCallback(fn)) {
    return {
      kind: "rejection",
      owner: fn,
      param,
      variable: getVariableOf(context, fn, param),
      body: fn.body,
      handler: findEnclosingHandler(context, fn),
      central: false,
    };
  }
  const info = getHandlerInfo(context, fn);
  if (info) {
    if (info.kind !== "error-handler" || !info.error) return undefined;
    return {
      kind: "error-handler",
      owner: fn,
      param: info.error,
      variable: getVariableOf(context, fn, info.error),
      body: fn.body,
      handler: info,
      central: true,
    };
  }
  const name = getParamIdentifier(param)?.name;
  if (
    errorBranch &&
    name !== undefined &&
    ERROR_PARAM.test(name) &&
    fn.parent?.type === AST_NODE_TYPES.CallExpression &&
    fn.parent.arguments.includes(fn as TSESTree.CallExpressionArgument)
  ) {
    return {
      kind: "callback",
      owner: fn,
      param,
      variable: getVariableOf(context, fn, param),
      body: errorBranch,
      handler: findEnclosingHandler(context, fn),
      central: false,
    };
  }
  return undefined;
}

/**
 * The error in hand where `node` is: the nearest `catch` body, rejection callback, central error handler
 * or error-first callback `if (err)` branch around it, without crossing into an outer function (a
 * callback inside a `catch` runs later, on its own terms).
 */
export function getCaughtError(context: RuleContext, node: TSESTree.Node): CaughtError | undefined {
  let errorBranch: { name: string; branch: TSESTree.Statement } | undefined;
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) {
      if (child === current.body) return fromCatch(context, current);
      return undefined;
    }
    if (current.type === AST_NODE_TYPES.IfStatement && child === current.consequent && !errorBranch) {
      const name = getErrorTestName(current.test);
      if (name !== undefined) errorBranch = { name, branch: current.consequent };
    }
    if (isFunctionNode(current)) {
      const branch =
        errorBranch && getParamIdentifier(current.params[0])?.name === errorBranch.name
          ? errorBranch.branch
          : undefined;
      return fromFunction(context, current, branch);
    }
  }
  return undefined;
}

/**
 * The caught error a variable holds, when it is a catch binding, the first parameter of a rejection
 * callback, a central error handler's error parameter, or (only when `at` sits in its `if (err)` branch)
 * an error-first callback's error.
 */
export function getCaughtErrorOf(
  context: RuleContext,
  variable: TSESLint.Scope.Variable,
  at: TSESTree.Node,
): CaughtError | undefined {
  const definition = variable.defs[0];
  if (!definition) return undefined;
  if (definition.type === "CatchClause") return fromCatch(context, definition.node);
  if (definition.type !== "Parameter" || !isFunctionNode(definition.node)) return undefined;
  const fn = definition.node;
  if (getParamIdentifier(fn.params[0]) === definition.name) {
    const caught = getCaughtError(context, at);
    if (caught?.owner === fn) return caught;
  }
  // Express's error handler receives the error first; Hono's and Fastify's too.
  const info = getHandlerInfo(context, fn);
  if (info?.kind === "error-handler" && getParamIdentifier(info.error) === definition.name)
    return fromFunction(context, fn, undefined);
  return undefined;
}

/** The expression inside TypeScript's `as` / `!` / `satisfies` / `<T>` wrappers. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    current = current.expression;
  }
  return current;
}

/**
 * The caught error's variable and the local constants that hold the same error: `const e = err as
 * AppError`, `const error = err instanceof Error ? err : new Error(String(err))`.
 */
export function getCaughtErrorVariables(context: RuleContext, caught: CaughtError): TSESLint.Scope.Variable[] {
  if (!caught.variable) return [];
  const variables = [caught.variable];
  for (const reference of caught.variable.references) {
    let value: TSESTree.Node = reference.identifier;
    let parent: TSESTree.Node | undefined = value.parent;
    while (parent && unwrapExpression(parent) !== parent && parent.type !== AST_NODE_TYPES.ConditionalExpression) {
      value = parent;
      parent = parent.parent;
    }
    if (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== value) {
      value = parent;
      parent = parent.parent;
    }
    if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === value &&
      parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      const alias = context.sourceCode.getDeclaredVariables(parent)[0];
      if (alias && alias.defs.length === 1 && !alias.references.some((ref) => ref.isWrite() && !ref.init))
        variables.push(alias);
    }
  }
  return variables;
}

/** Whether `identifier` refers to one of `variables`. */
export function isReferenceTo(identifier: TSESTree.Node, variables: readonly TSESLint.Scope.Variable[]): boolean {
  return (
    identifier.type === AST_NODE_TYPES.Identifier &&
    variables.some((variable) => variable.references.some((ref) => ref.identifier === identifier))
  );
}

/** What of a caught error a log call may print instead of the error. */
const ERROR_PARTS = new Set(["message", "stack"]);

/**
 * The caught error a value stands for: `err`, `err.message`, `err.stack`, `String(err)`,
 * `err instanceof Error ? err.message : err`. A logger is given the error itself, which carries all of them.
 */
export function getCaughtErrorValue(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  variables: readonly TSESLint.Scope.Variable[],
): TSESTree.Node | undefined {
  const current = getUnwrappedExpression(node, { chain: true });
  if (isReferenceTo(current, variables)) return current;
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const isPart =
      !current.computed &&
      current.property.type === AST_NODE_TYPES.Identifier &&
      ERROR_PARTS.has(current.property.name);
    return isPart ? getCaughtErrorValue(sourceCode, current.object, variables) : undefined;
  }
  if (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = getUnwrappedExpression(current.callee, { chain: true });
    const [first] = current.arguments;
    if (
      callee.type === AST_NODE_TYPES.Identifier &&
      callee.name === "String" &&
      current.arguments.length === 1 &&
      first?.type !== AST_NODE_TYPES.SpreadElement &&
      first
    ) {
      return getCaughtErrorValue(sourceCode, first, variables);
    }
    const isToString =
      callee.type === AST_NODE_TYPES.MemberExpression &&
      !callee.computed &&
      callee.property.type === AST_NODE_TYPES.Identifier &&
      callee.property.name === "toString";
    return isToString && current.arguments.length === 0
      ? getCaughtErrorValue(sourceCode, callee.object, variables)
      : undefined;
  }
  if (current.type === AST_NODE_TYPES.ConditionalExpression) {
    const consequent = getCaughtErrorValue(sourceCode, current.consequent, variables);
    const alternate = getCaughtErrorValue(sourceCode, current.alternate, variables);
    return consequent && alternate && sourceCode.getText(consequent) === sourceCode.getText(alternate)
      ? consequent
      : undefined;
  }
  return undefined;
}
