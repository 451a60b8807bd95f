import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { getImportedFunctionFacts } from "../project/is-imported-authenticator.js";
import type { FunctionNode, RouteRegistration, RuleContext } from "./types.js";

/** Response methods that send or shape a response: `res.send("ok")`, `reply.code(204).send()`, `c.text("hi")`. */
const RESPONSE_METHODS = new Set([
  "send",
  "json",
  "end",
  "status",
  "sendStatus",
  "text",
  "html",
  "redirect",
  "render",
  "sendFile",
  "code",
  "type",
  "set",
  "header",
  "body",
]);
/** Web responses built from constants: `new Response(null, { status: 204 })`, `Response.json({ ok: true })`. */
const RESPONSE_CLASSES = new Set(["Response", "NextResponse"]);
const RESPONSE_FACTORIES = new Set(["json", "redirect"]);
const MAX_DEPTH = 6;

function isConstant(node: TSESTree.Node | null | undefined, depth = 0): boolean {
  if (!node || depth > MAX_DEPTH) return false;
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return !("regex" in node && node.regex);
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length === 0;
    case AST_NODE_TYPES.Identifier:
      return node.name === "undefined";
    case AST_NODE_TYPES.UnaryExpression:
      return isConstant(node.argument, depth + 1);
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.every(
        (element) =>
          element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isConstant(element, depth + 1),
      );
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.every(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.kind === "init" &&
          isConstant(property.value, depth + 1),
      );
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return isConstant(node.expression, depth + 1);
    default:
      return false;
  }
}

function getParamNames(fn: FunctionNode): Set<string> {
  const names = new Set<string>();
  for (const param of fn.params) if (param.type === AST_NODE_TYPES.Identifier) names.add(param.name);
  return names;
}

/** `res.status(204).send()`, `c.text("ok")`: calls on a handler parameter with constant arguments only. */
function isConstantResponseCall(node: TSESTree.Node, params: ReadonlySet<string>, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (node.type === AST_NODE_TYPES.Identifier) return params.has(node.name);
  if (node.type === AST_NODE_TYPES.NewExpression) {
    return (
      node.callee.type === AST_NODE_TYPES.Identifier &&
      RESPONSE_CLASSES.has(node.callee.name) &&
      node.arguments.every((arg) => isConstant(arg))
    );
  }
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const callee = node.callee;
  if (callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
  if (!node.arguments.every((arg) => isConstant(arg))) return false;
  if (callee.object.type === AST_NODE_TYPES.Identifier && RESPONSE_CLASSES.has(callee.object.name)) {
    return RESPONSE_FACTORIES.has(callee.property.name);
  }
  return RESPONSE_METHODS.has(callee.property.name) && isConstantResponseCall(callee.object, params, depth + 1);
}

function isConstantStatementExpression(node: TSESTree.Node, params: ReadonlySet<string>): boolean {
  const expression = node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node;
  if (isConstant(expression) || isConstantResponseCall(expression, params)) return true;
  // Koa: `ctx.body = "ok"` / `ctx.status = 204`.
  return (
    expression.type === AST_NODE_TYPES.AssignmentExpression &&
    expression.left.type === AST_NODE_TYPES.MemberExpression &&
    expression.left.object.type === AST_NODE_TYPES.Identifier &&
    params.has(expression.left.object.name) &&
    isConstant(expression.right)
  );
}

/**
 * Whether a route's handler answers with a constant, whatever the request holds: `res.send("Hello World!")`,
 * `res.render("contact", { title: "Contact" })`, `reply.sendFile("index.html")`,
 * `() => new Response(null, { status: 204 })`, `async () => ({ ok: true })`, `res.redirect("/login")`,
 * `ctx.body = "ok"`, a stub that reads the body and answers `{ success: true }`. Such a route reveals
 * nothing and changes nothing, so auth has nothing to protect.
 * Inline or local handlers, and handlers imported from another file of the project
 * (`app.get("/api", apiController.getApi)`), with at most two statements are judged.
 */
export function isConstantHandler(context: RuleContext, route: RouteRegistration): boolean {
  const fn = route.handlerFunction;
  const handler = route.handler;
  if (!fn || (handler !== fn && handler?.type !== AST_NODE_TYPES.Identifier && route.framework !== "next")) {
    if (handler?.type === AST_NODE_TYPES.Identifier)
      return getImportedFunctionFacts(context, handler.name)?.answersConstant === true;
    return (
      handler?.type === AST_NODE_TYPES.MemberExpression &&
      !handler.computed &&
      handler.object.type === AST_NODE_TYPES.Identifier &&
      handler.property.type === AST_NODE_TYPES.Identifier &&
      getImportedFunctionFacts(context, handler.object.name, handler.property.name)?.answersConstant === true
    );
  }
  return isConstantFunction(fn);
}

/** Methods that read a request's body: `await request.json()`. */
const BODY_READS = new Set(["json", "text", "formData", "arrayBuffer", "blob"]);
/** Statements in one block of a handler that is judged constant. */
const MAX_STATEMENTS = 3;

/** `await request.json()`, `req.body`, `ctx.request.body`: a read of what the caller sent, and nothing else. */
function isRequestRead(node: TSESTree.Node, params: ReadonlySet<string>): boolean {
  let current = node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node;
  if (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = current.callee;
    if (
      current.arguments.length > 0 ||
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      callee.computed ||
      callee.property.type !== AST_NODE_TYPES.Identifier ||
      !BODY_READS.has(callee.property.name)
    )
      return false;
    current = callee.object;
  }
  while (current.type === AST_NODE_TYPES.MemberExpression && !current.computed) current = current.object;
  return current.type === AST_NODE_TYPES.Identifier && params.has(current.name);
}

/** `console.error("Error sending message:", error)`: a line in the server's log, nothing the caller sees. */
function isConsoleCall(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === "console"
  );
}

function isConstantBlock(statements: readonly TSESTree.Statement[], params: ReadonlySet<string>): boolean {
  return statements.length <= MAX_STATEMENTS && statements.every((statement) => isConstantStatement(statement, params));
}

/**
 * A statement of a handler that reveals nothing and changes nothing: a constant answer, a log line, a
 * read of the request whose value goes nowhere else (a stub: `const { message } = await request.json();
 * return NextResponse.json({ success: true })`), and a `try` / `catch` of those.
 */
function isConstantStatement(statement: TSESTree.Statement, params: ReadonlySet<string>): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
      return statement.argument === null || isConstantStatementExpression(statement.argument, params);
    case AST_NODE_TYPES.ExpressionStatement:
      return isConstantStatementExpression(statement.expression, params) || isConsoleCall(statement.expression);
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.every(
        (declarator) => declarator.init !== null && isRequestRead(declarator.init, params),
      );
    case AST_NODE_TYPES.TryStatement:
      return (
        statement.finalizer === null &&
        isConstantBlock(statement.block.body, params) &&
        (statement.handler === null || isConstantBlock(statement.handler.body.body, params))
      );
    default:
      return false;
  }
}

/** Whether a function answers with a constant and reads nothing (see {@link isConstantHandler}), from its own tree. */
export function isConstantFunction(fn: FunctionNode): boolean {
  const params = getParamNames(fn);
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isConstantStatementExpression(fn.body, params);
  const statements = fn.body.body;
  // An empty handler (a stub) reveals nothing and changes nothing either.
  if (statements.length === 0) return true;
  // A constant answer, a stub that reads the request and answers a constant: two steps at most.
  if (statements.length > 2) return false;
  return statements.every((statement) => isConstantStatement(statement, params));
}
