import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import type { RuleContext } from "../frameworks/types.js";
import { getCaughtErrorVariables, isReferenceTo, unwrapExpression, type CaughtError } from "./get-caught-error.js";

/**
 * Error classes, names and codes that say "our side failed": the base classes, database drivers and
 * ORMs, network and upstream failures, Node system error codes (`ECONNREFUSED`).
 */
const SERVER_SIDE =
  /^(?:Error|Object|TypeError|RangeError|ReferenceError|EvalError|URIError|AggregateError)$|Prisma|Mongo|Sequelize|QueryFailed|Database|Sql|SQL|Postgres|Redis|Knex|Drizzle|Dynamo|Connection|Timeout|Network|Socket|Axios|Fetch|Upstream|Internal|^E[A-Z]{2,}$/u;
const STATUS_PROPERTIES = new Set(["status", "statusCode", "status_code", "httpStatus", "httpStatusCode"]);
const KIND_PROPERTIES = new Set(["name", "code", "type", "kind"]);
const CLIENT_FLAGS = new Set(["expose", "isOperational", "validation", "issues", "isJoi"]);
const TYPE_GUARD = /^is([A-Z]\w*)$/u;

function getName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier
  )
    return node.property.name;
  return undefined;
}

function isClientName(name: string | undefined): boolean {
  return name !== undefined && name !== "" && !SERVER_SIDE.test(name);
}

function getNumber(node: TSESTree.Node): number | undefined {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === "number" ? node.value : undefined;
}

interface Narrowing {
  variables: readonly TSESLint.Scope.Variable[];
}

function isError(node: TSESTree.Node, narrowing: Narrowing): boolean {
  return isReferenceTo(unwrapExpression(node), narrowing.variables);
}

/** `err.code`, `err?.name`, `(err as AppError).statusCode`: the property name when read off the error. */
function getErrorProperty(node: TSESTree.Node, narrowing: Narrowing): string | undefined {
  const target = node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
  if (target.type !== AST_NODE_TYPES.MemberExpression || !isError(target.object, narrowing)) return undefined;
  if (!target.computed && target.property.type === AST_NODE_TYPES.Identifier) return target.property.name;
  return target.computed && target.property.type === AST_NODE_TYPES.Literal ? String(target.property.value) : undefined;
}

/** `x < 500`, `x <= 499`, `500 > x`, `x < 400` with `positive`; `x >= 500`, `x > 499` without. */
function isBelow500(test: TSESTree.BinaryExpression, positive: boolean): boolean {
  const right = getNumber(test.right);
  const left = getNumber(test.left);
  const operator =
    right !== undefined
      ? test.operator
      : left !== undefined
        ? ({ "<": ">", "<=": ">=", ">": "<", ">=": "<=" } as Record<string, string>)[test.operator]
        : undefined;
  const bound = right ?? left;
  if (bound === undefined || operator === undefined) return false;
  if (positive) return (operator === "<" && bound <= 500) || (operator === "<=" && bound <= 499);
  return (operator === ">=" && bound >= 500) || (operator === ">" && bound >= 499);
}

function isClientComparison(test: TSESTree.BinaryExpression, positive: boolean, narrowing: Narrowing): boolean {
  if (test.operator === "instanceof")
    return positive && isError(test.left, narrowing) && isClientName(getName(test.right));
  if (["<", "<=", ">", ">="].includes(test.operator)) return isBelow500(test, positive);
  const equal = test.operator === "===" || test.operator === "==";
  if (!equal && test.operator !== "!==" && test.operator !== "!=") return false;
  if (equal !== positive) return false;
  for (const [side, other] of [
    [test.left, test.right],
    [test.right, test.left],
  ] as const) {
    const property = getErrorProperty(side, narrowing);
    if (property === undefined) continue;
    if (KIND_PROPERTIES.has(property) && other.type === AST_NODE_TYPES.Literal && typeof other.value === "string")
      return isClientName(other.value);
    if (property === "constructor") return isClientName(getName(other));
    const status = getNumber(other);
    if (STATUS_PROPERTIES.has(property) && status !== undefined) return status >= 400 && status < 500;
  }
  return false;
}

/** Whether `test` being `positive` (truthy) / not means the error is a client error. */
function isClientTest(test: TSESTree.Node, positive: boolean, narrowing: Narrowing): boolean {
  const node = test.type === AST_NODE_TYPES.ChainExpression ? test.expression : test;
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === "!" && isClientTest(node.argument, !positive, narrowing);
    case AST_NODE_TYPES.LogicalExpression:
      if (node.operator === "&&")
        return positive && (isClientTest(node.left, true, narrowing) || isClientTest(node.right, true, narrowing));
      if (node.operator === "||") {
        return positive
          ? isClientTest(node.left, true, narrowing) && isClientTest(node.right, true, narrowing)
          : isClientTest(node.left, false, narrowing) || isClientTest(node.right, false, narrowing);
      }
      return false;
    case AST_NODE_TYPES.BinaryExpression:
      return isClientComparison(node, positive, narrowing);
    case AST_NODE_TYPES.CallExpression: {
      const guard = TYPE_GUARD.exec(getName(node.callee) ?? "");
      return (
        positive && guard !== null && node.arguments.some((arg) => isError(arg, narrowing)) && isClientName(guard[1])
      );
    }
    case AST_NODE_TYPES.MemberExpression:
      return positive && CLIENT_FLAGS.has(getErrorProperty(node, narrowing) ?? "");
    default:
      return false;
  }
}

/** A statement after which control never reaches the next one: `return`, `throw`, or a block ending so. */
function alwaysExits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement)
    return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    return last !== undefined && alwaysExits(last);
  }
  return false;
}

function isNarrowedBySwitch(switchCase: TSESTree.SwitchCase, narrowing: Narrowing): boolean {
  const statement = switchCase.parent;
  const test = switchCase.test;
  if (!test) return false;
  const discriminant = statement.discriminant;
  if (discriminant.type === AST_NODE_TYPES.Literal && discriminant.value === true)
    return isClientTest(test, true, narrowing);
  const property = getErrorProperty(discriminant, narrowing);
  if (property === undefined) return false;
  if (KIND_PROPERTIES.has(property) && test.type === AST_NODE_TYPES.Literal && typeof test.value === "string")
    return isClientName(test.value);
  if (property === "constructor") return isClientName(getName(test));
  const status = getNumber(test);
  return STATUS_PROPERTIES.has(property) && status !== undefined && status >= 400 && status < 500;
}

/**
 * Whether, where `node` is, the caught error is known to be a client error: `node` sits in the branch of
 * an `if` / `?:` / `&&` / `switch` case that established it (`err instanceof ValidationError`,
 * `err.name === "NotFoundError"`, `err.status < 500`, `err.expose`, Fastify's `err.validation`, `isHttpError(err)`), or after an
 * early `return` / `throw` for every other error (`if (!(err instanceof AppError)) return next(err)`).
 * A status comparison (`statusCode < 500 ? err.message : "…"`) counts whatever it compares: it is how a
 * handler says "show client errors, hide server errors". Classes and names that say "our side failed"
 * (`Error`, `PrismaClientKnownRequestError`, `ECONNREFUSED`, `TimeoutError`…) never narrow.
 */
export function isNarrowedToClientError(context: RuleContext, caught: CaughtError, node: TSESTree.Node): boolean {
  const narrowing: Narrowing = { variables: getCaughtErrorVariables(context, caught) };
  for (let child: TSESTree.Node = node, current = node.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === current.consequent && isClientTest(current.test, true, narrowing)) return true;
        if (child === current.alternate && isClientTest(current.test, false, narrowing)) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === current.right && current.operator === "&&" && isClientTest(current.left, true, narrowing))
          return true;
        if (child === current.right && current.operator === "||" && isClientTest(current.left, false, narrowing))
          return true;
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (current.test !== child && isNarrowedBySwitch(current, narrowing)) return true;
        break;
      default:
        break;
    }
    const list =
      current.type === AST_NODE_TYPES.BlockStatement
        ? current.body
        : current.type === AST_NODE_TYPES.SwitchCase
          ? current.consequent
          : undefined;
    if (list) {
      const index = list.indexOf(child as TSESTree.Statement);
      for (const previous of list.slice(0, Math.max(index, 0))) {
        if (
          previous.type === AST_NODE_TYPES.IfStatement &&
          !previous.alternate &&
          alwaysExits(previous.consequent) &&
          isClientTest(previous.test, false, narrowing)
        ) {
          return true;
        }
      }
    }
    if (current === caught.body) return false;
  }
  return false;
}
