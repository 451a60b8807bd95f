import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import type { RuleContext } from "../frameworks/types.js";
import { getCaughtErrorVariables, type CaughtError } from "./get-caught-error.js";
import { getMemberName } from "../frameworks/get-static-string.js";

/** Error properties whose value tells one kind of error from another. */
const KIND_PROPERTIES = new Set([
  "name",
  "code",
  "status",
  "statusCode",
  "status_code",
  "httpStatus",
  "httpStatusCode",
  "type",
  "kind",
  "errno",
  "expose",
  "isOperational",
  "constructor",
  "isAxiosError",
  "isBoom",
  "isJoi",
  // Fastify's schema validation errors; Zod's issues.
  "validation",
  "validationContext",
  "issues",
]);
/** Classes every error is an instance of: checking them tells nothing about the kind. */
const BASE_CLASSES = new Set(["Error", "Object"]);
const TYPE_GUARD = /^is[A-Z]/u;
const LOG_METHODS = new Set([
  "log",
  "info",
  "debug",
  "warn",
  "error",
  "trace",
  "fatal",
  "verbose",
  "captureException",
  "captureError",
  "notify",
  "report",
]);

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

/** Inside the arguments of a logging / error-reporting call: reading `err.code` to log it decides nothing. */
function isLogged(node: TSESTree.Node, boundary: TSESTree.Node): boolean {
  for (
    let child = node, current = node.parent;
    current && current !== boundary;
    child = current, current = current.parent
  ) {
    if (current.type === AST_NODE_TYPES.CallExpression && current.callee !== child) {
      const method = getName(current.callee);
      if (method !== undefined && LOG_METHODS.has(method)) return true;
    }
  }
  return false;
}

/** String methods that test a message for a marker: `err.message.startsWith("MOVE_INVALID:")`. */
const MESSAGE_TESTS = new Set(["startsWith", "endsWith", "includes", "match", "indexOf"]);

/**
 * `err.message` compared or tested for a marker: `=== "NOT_FOUND"`, `.startsWith(…)`, `.includes(…)`,
 * `/not found/.test(err.message)`, `switch (err.message)`. Code that throws its own marked errors tells them apart so.
 */
function isMessageTest(message: TSESTree.MemberExpression): boolean {
  const node = message.parent.type === AST_NODE_TYPES.ChainExpression ? message.parent : message;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.BinaryExpression) return ["===", "!==", "==", "!="].includes(parent.operator);
  if (parent.type === AST_NODE_TYPES.SwitchStatement) return parent.discriminant === node;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const method = getMemberName(parent);
    return (
      method !== undefined &&
      MESSAGE_TESTS.has(method) &&
      parent.parent.type === AST_NODE_TYPES.CallExpression &&
      parent.parent.callee === parent
    );
  }
  return (
    parent.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments[0] === node &&
    parent.callee.type === AST_NODE_TYPES.MemberExpression &&
    getMemberName(parent.callee) === "test"
  );
}

/** A use of the error (or an alias) that looks at what kind of error it is. */
function isKindCheck(reference: TSESTree.Identifier): boolean {
  let node: TSESTree.Node = reference;
  while (
    node.parent &&
    (node.parent.type === AST_NODE_TYPES.TSAsExpression ||
      node.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      node.parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.BinaryExpression:
      if (parent.operator === "instanceof" && parent.left === node)
        return !BASE_CLASSES.has(getName(parent.right) ?? "");
      return parent.operator === "in" && parent.right === node;
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== node) return false;
      const name = getMemberName(parent);
      if (name !== undefined && KIND_PROPERTIES.has(name)) return true;
      if (name === "message") return isMessageTest(parent);
      // axios: `err.response?.status`
      const outer = parent.parent.type === AST_NODE_TYPES.ChainExpression ? parent.parent.parent : parent.parent;
      return (
        name === "response" && outer?.type === AST_NODE_TYPES.MemberExpression && getMemberName(outer) === "status"
      );
    }
    case AST_NODE_TYPES.CallExpression: {
      if (parent.callee === node) return false;
      const callee = getName(parent.callee);
      return callee !== undefined && TYPE_GUARD.test(callee);
    }
    case AST_NODE_TYPES.VariableDeclarator:
      return (
        parent.init === node &&
        parent.id.type === AST_NODE_TYPES.ObjectPattern &&
        parent.id.properties.some(
          (property) =>
            property.type === AST_NODE_TYPES.Property &&
            !property.computed &&
            KIND_PROPERTIES.has(getName(property.key) ?? ""),
        )
      );
    default:
      return false;
  }
}

/**
 * Whether the code looks at the kind of the caught error before `before` (or around it): `instanceof`
 * (other than `Error`), `.name`, `.code`, `.status` / `.statusCode`, `.type`, `.expose`, `.isOperational`,
 * `"code" in err`, an `is*(err)` type guard, a `switch` on any of those, a destructured `{ code }` — on
 * the error, a local alias of it, or the catch binding itself (`catch ({ code })`); `err.message` compared
 * or tested for a marker (`=== "MOVE_INVALID_PARENT"`, `.startsWith(…)`). Reading them only to log them does not count.
 */
export function isErrorDiscriminated(context: RuleContext, caught: CaughtError, before: TSESTree.Node): boolean {
  // `catch ({ code })`: the code took the kind apart in the binding itself.
  const param = caught.param;
  if (
    param?.type === AST_NODE_TYPES.ObjectPattern &&
    param.properties.some(
      (property) => property.type === AST_NODE_TYPES.Property && KIND_PROPERTIES.has(getName(property.key) ?? ""),
    )
  ) {
    return true;
  }
  const [start, end] = caught.body.range;
  for (const variable of getCaughtErrorVariables(context, caught)) {
    for (const reference of variable.references) {
      const identifier = reference.identifier;
      if (identifier.range[0] < start || identifier.range[1] > end || identifier.range[0] >= before.range[0]) continue;
      if (isKindCheck(identifier as TSESTree.Identifier) && !isLogged(identifier, caught.body)) return true;
    }
  }
  return false;
}
