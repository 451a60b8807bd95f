import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getFrameworkImports } from "./get-framework-imports.js";
import { isFunctionNode } from "./get-function-from-expression.js";
import { findEnclosingHandler, getHandlerInfo } from "./get-handler-info.js";
import { getNextRouteFile } from "./get-next-route-file.js";
import { getObjectProperty } from "./get-route-registration.js";
import { getStatusCode } from "./get-status-code.js";
import type { Framework, HandlerInfo, RuleContext } from "./types.js";
import { getUnwrappedExpression } from "../utils/get-unwrapped-expression.js";
import { STATUS_HELPERS } from "./get-helper-status.js";

/**
 * How a response is sent:
 * - `call`: a method of the handler's response / context (`res.status(500).json(body)`, `reply.send(body)`,
 *   `c.json(body, 500)`);
 * - `assignment`: Koa's `ctx.status = 500` / `ctx.body = body`;
 * - `response-object`: a Web `Response` the handler returns (`new Response(body, init)`,
 *   `Response.json(body, init)`, `NextResponse.json(body, init)`);
 * - `exception`: a framework HTTP error thrown for the framework to answer (Nest `HttpException` and its
 *   subclasses, Hono `HTTPException`, Koa `ctx.throw(status, message)`).
 */
export type ResponseSendKind = "call" | "assignment" | "response-object" | "exception";

/** How the body is written: `json` always serialises it, `text` sends it as-is, `any` depends on the value. */
export type ResponseBodyFormat = "json" | "text" | "any";

/** One place where a handler answers the request. */
export interface ResponseSend {
  /** The framework whose shape this is (the handler's, or `next` / `hono` / `nest` for their own classes). */
  framework: Framework;
  kind: ResponseSendKind;
  /**
   * The expression that sends, where reports belong: the outermost call of a chain (`res.status(500).json(x)`),
   * the `new Response(...)` / `Response.json(...)`, the thrown `new XException(...)` or `ctx.throw(...)` call,
   * Koa's `ctx.status = …` assignment (or `ctx.body = …` when no status is set beside it).
   */
  node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression;
  /**
   * The status, when the code says it with a constant (see `getStatusCode`). A Web `Response` without a
   * status is `200`. `undefined` when it is computed (`err.status || 500`) or not visible in this
   * function: a bare `res.json(x)` / `ctx.body = x` whose status was set elsewhere, or never (then 200).
   */
  status: number | undefined;
  /**
   * The expression that gives the status: the argument of `status()` / `code()` / `sendStatus()` (also a
   * `res.status(500);` / `c.status(500);` / `ctx.status = 500;` / `res.statusCode = 500;` statement earlier
   * in the same function), Hono's second argument, the `status` of a `ResponseInit`, Nest's
   * `HttpException` status argument or the exception class's name. `undefined` when no status is given.
   */
  statusNode: TSESTree.Node | undefined;
  /**
   * Expressions that end up in the response body: the argument of `json` / `send` / `end`, the locals of
   * `render`, the body of a `Response`, the `ctx.body` values set beside `ctx.status`, a Nest exception's
   * response and description, an `HTTPException`'s `message`. Koa's `ctx.throw` exposes its message only
   * for a constant 4xx status, so only then is the message a body node.
   */
  bodyNodes: TSESTree.Node[];
  bodyFormat: ResponseBodyFormat;
  /** The request handler the response belongs to; `undefined` for an exception thrown outside one (a Nest service). */
  handler: HandlerInfo | undefined;
  /** The handler parameter the response goes through (`res`, `reply`, `c`, `ctx`), for `call` / `assignment`. */
  receiver: TSESTree.Identifier | undefined;
}

/** Express / Pages API / Nest `@Res()` / Fastify terminal methods, and how each writes its body. */
const SEND_METHODS: ReadonlyMap<string, ResponseBodyFormat> = new Map([
  ["json", "json"],
  ["jsonp", "json"],
  ["send", "any"],
  ["end", "text"],
  ["render", "any"],
  ["sendStatus", "any"],
]);
/** Methods that may sit between the receiver and the terminal call without changing what is sent. */
const CHAIN_METHODS = new Set([
  "set",
  "header",
  "headers",
  "type",
  "contentType",
  "append",
  "cookie",
  "clearCookie",
  "vary",
  "location",
  "links",
  "attachment",
  "setHeader",
  "removeHeader",
  "charset",
  "serializer",
]);
const STATUS_METHODS = new Set(["status", "code", "writeHead"]);
/** `@fastify/sensible` reply shortcuts (`reply.notFound()`…), named for their status. */
const FASTIFY_SHORTCUTS = STATUS_HELPERS;
const HONO_METHODS: ReadonlyMap<string, ResponseBodyFormat> = new Map([
  ["json", "json"],
  ["text", "text"],
  ["html", "text"],
  ["body", "text"],
  ["newResponse", "text"],
]);
const NEST_EXCEPTIONS: ReadonlyMap<string, number> = new Map([
  ["BadRequestException", 400],
  ["UnauthorizedException", 401],
  ["ForbiddenException", 403],
  ["NotFoundException", 404],
  ["MethodNotAllowedException", 405],
  ["NotAcceptableException", 406],
  ["RequestTimeoutException", 408],
  ["ConflictException", 409],
  ["GoneException", 410],
  ["PreconditionFailedException", 412],
  ["PayloadTooLargeException", 413],
  ["UnsupportedMediaTypeException", 415],
  ["ImATeapotException", 418],
  ["MisdirectedException", 421],
  ["UnprocessableEntityException", 422],
  ["InternalServerErrorException", 500],
  ["NotImplementedException", 501],
  ["BadGatewayException", 502],
  ["ServiceUnavailableException", 503],
  ["GatewayTimeoutException", 504],
  ["HttpVersionNotSupportedException", 505],
]);
const CALL_METHODS = new Set([...SEND_METHODS.keys(), ...FASTIFY_SHORTCUTS.keys(), ...HONO_METHODS.keys(), "throw"]);

/**
 * A listener selector for the nodes {@link getResponseSend} can accept: a member call named for a send
 * method, `new Response` / `new NextResponse`, a thrown `new` (framework exceptions), a `status` /
 * `body` assignment. ESLint filters the other calls, `new`s and assignments out before a rule runs; the
 * names are the same ones `getResponseSend` checks first. A `NextResponse` imported under another name
 * is recognised by `getResponseSend` but not selected here: half of all `new`s would be listened to
 * for a spelling nobody uses.
 */
export const RESPONSE_SEND_SELECTOR = [
  `CallExpression[callee.type='MemberExpression'][callee.computed=false][callee.property.name=/^(?:${[...CALL_METHODS].join("|")})$/u]`,
  "NewExpression[callee.type='Identifier'][callee.name=/^(?:Response|NextResponse)$/u]",
  "ThrowStatement > NewExpression[callee.type='Identifier']",
  "AssignmentExpression[operator='='][left.type='MemberExpression'][left.computed=false][left.property.name=/^(?:status|body)$/u]",
].join(", ");

type Role = "response" | "context";

const unwrap = (node: TSESTree.Node): TSESTree.Node => getUnwrappedExpression(node);

function getPropertyName(node: TSESTree.Node): string | undefined {
  return node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier
    ? node.property.name
    : undefined;
}

function getParamIdentifier(param: TSESTree.Parameter | undefined): TSESTree.Identifier | undefined {
  if (!param) return undefined;
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return target.type === AST_NODE_TYPES.Identifier ? target : undefined;
}

function getVariable(context: RuleContext, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
}

/** The handler whose response (`res`, `reply`) or context (`c`, `ctx`) parameter `identifier` refers to. */
function getHandlerParam(
  context: RuleContext,
  identifier: TSESTree.Identifier,
): { handler: HandlerInfo; role: Role } | undefined {
  const definition = getVariable(context, identifier)?.defs[0];
  if (definition?.type !== "Parameter" || !isFunctionNode(definition.node)) return undefined;
  const handler = getHandlerInfo(context, definition.node);
  if (!handler) return undefined;
  if (getParamIdentifier(handler.response) === definition.name) return { handler, role: "response" };
  if (getParamIdentifier(handler.context) === definition.name) return { handler, role: "context" };
  return undefined;
}

/** `{ name, source }` of an imported binding (`import { HttpException } from "@nestjs/common"`). */
function getImportedName(
  context: RuleContext,
  identifier: TSESTree.Identifier,
): { imported: string; source: string } | undefined {
  const definition = getVariable(context, identifier)?.defs[0];
  if (definition?.type !== "ImportBinding") return undefined;
  const specifier = definition.node;
  if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.parent.type !== AST_NODE_TYPES.ImportDeclaration)
    return undefined;
  const imported =
    specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
  return { imported, source: specifier.parent.source.value };
}

function isSameVariable(context: RuleContext, node: TSESTree.Node, variable: TSESLint.Scope.Variable | null): boolean {
  const target = unwrap(node);
  return variable !== null && target.type === AST_NODE_TYPES.Identifier && getVariable(context, target) === variable;
}

/** `R.status(N)` / `R.code(N)` / `R.writeHead(N)` chains that set a status without sending: their status argument. */
function getStatusCallOf(
  context: RuleContext,
  expression: TSESTree.Node,
  variable: TSESLint.Scope.Variable | null,
): TSESTree.Node | undefined | false {
  let object: TSESTree.Node = expression;
  let statusNode: TSESTree.Node | undefined;
  while (object.type === AST_NODE_TYPES.CallExpression) {
    const name = getPropertyName(object.callee);
    if (name === undefined) return undefined;
    if (STATUS_METHODS.has(name)) statusNode ??= object.arguments[0];
    else if (SEND_METHODS.has(name) || HONO_METHODS.has(name)) return false;
    else if (!CHAIN_METHODS.has(name)) return undefined;
    object = (object.callee as TSESTree.MemberExpression).object;
  }
  return statusNode && isSameVariable(context, object, variable) ? statusNode : undefined;
}

/** `R.statusCode = N` (Node / Express) or `ctx.status = N` / `ctx.response.status = N` (Koa): the value. */
function getStatusAssignmentOf(
  context: RuleContext,
  expression: TSESTree.Node,
  variable: TSESLint.Scope.Variable | null,
): TSESTree.Node | undefined {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== "=") return undefined;
  const name = getPropertyName(expression.left);
  if (name !== "status" && name !== "statusCode") return undefined;
  const object = (expression.left as TSESTree.MemberExpression).object;
  const owner = getPropertyName(object) === "response" ? (object as TSESTree.MemberExpression).object : object;
  return isSameVariable(context, owner, variable) ? expression.right : undefined;
}

function getStatementList(statement: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  const parent = statement.parent;
  if (parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program) return parent.body;
  if (parent?.type === AST_NODE_TYPES.SwitchCase) return parent.consequent;
  return undefined;
}

/** The statement in a statement list that contains `node`, stopping at function boundaries. */
function getEnclosingListStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (isFunctionNode(current)) return undefined;
    if (getStatementList(current)) return current;
  }
  return undefined;
}

/**
 * A status set by an earlier statement of the same function (`res.status(500);` then `res.json(x)`),
 * looking at the preceding statements of each enclosing block, nearest first. A complete response on
 * the way ends the search.
 */
function findPrecedingStatus(
  context: RuleContext,
  node: TSESTree.Node,
  variable: TSESLint.Scope.Variable | null,
): TSESTree.Node | undefined {
  for (
    let statement = getEnclosingListStatement(node);
    statement;
    statement = statement.parent && getEnclosingListStatement(statement.parent)
  ) {
    const list = getStatementList(statement);
    if (!list) return undefined;
    for (let index = list.indexOf(statement) - 1; index >= 0; index--) {
      const previous = list[index];
      if (previous?.type !== AST_NODE_TYPES.ExpressionStatement) continue;
      const fromCall = getStatusCallOf(context, previous.expression, variable);
      if (fromCall === false) return undefined;
      const found = fromCall ?? getStatusAssignmentOf(context, previous.expression, variable);
      if (found) return found;
    }
  }
  return undefined;
}

function build(
  context: RuleContext,
  send: Omit<ResponseSend, "status" | "handler"> & { handler?: HandlerInfo | undefined; status?: number | undefined },
): ResponseSend {
  return {
    ...send,
    status: send.status ?? getStatusCode(context, send.statusNode),
    handler: send.handler ?? findEnclosingHandler(context, send.node),
  };
}

function isBodyArgument(node: TSESTree.Node | undefined): node is TSESTree.Expression {
  return node !== undefined && node.type !== AST_NODE_TYPES.SpreadElement && !isFunctionNode(node);
}

/** Express / Pages API / Nest `@Res()` / Fastify: `res.status(500).json(body)`, `reply.code(500).send()`, `res.sendStatus(500)`. */
function fromResponseChain(
  context: RuleContext,
  call: TSESTree.CallExpression,
  method: string,
  receiver: TSESTree.Identifier,
  handler: HandlerInfo,
): ResponseSend | undefined {
  const format = SEND_METHODS.get(method);
  const shortcut = handler.framework === "fastify" ? FASTIFY_SHORTCUTS.get(method) : undefined;
  if (format === undefined && shortcut === undefined) return undefined;
  let statusNode: TSESTree.Node | undefined;
  let object: TSESTree.Node = (call.callee as TSESTree.MemberExpression).object;
  while (object.type === AST_NODE_TYPES.CallExpression) {
    const name = getPropertyName(object.callee);
    if (name === undefined) return undefined;
    if (STATUS_METHODS.has(name)) statusNode ??= object.arguments[0];
    else if (!CHAIN_METHODS.has(name)) return undefined;
    object = (object.callee as TSESTree.MemberExpression).object;
  }
  const args = call.arguments;
  let bodyNodes: TSESTree.Node[] = [];
  let status: number | undefined;
  if (shortcut !== undefined) {
    status = shortcut;
    statusNode = call.callee;
    bodyNodes = args.slice(0, 1).filter(isBodyArgument);
  } else if (method === "sendStatus") {
    statusNode = args[0];
  } else if (method === "render") {
    bodyNodes = args.slice(1, 2).filter(isBodyArgument);
  } else if (
    (method === "json" || method === "send") &&
    args.length === 2 &&
    getStatusCode(context, args[0]) !== undefined
  ) {
    // Express 4's deprecated `res.json(500, body)`.
    statusNode = args[0];
    bodyNodes = args.slice(1).filter(isBodyArgument);
  } else if (
    (method === "json" || method === "send") &&
    handler.framework === "express" &&
    args.length === 2 &&
    getStatusCode(context, args[1]) !== undefined
  ) {
    // …and its other order, `res.send(body, 400)`.
    statusNode = args[1];
    bodyNodes = args.slice(0, 1).filter(isBodyArgument);
  } else {
    bodyNodes = args.slice(0, 1).filter(isBodyArgument);
  }
  statusNode ??=
    method === "sendStatus" ? undefined : findPrecedingStatus(context, call, getVariable(context, receiver));
  return build(context, {
    framework: handler.framework,
    kind: "call",
    node: call,
    status,
    statusNode,
    bodyNodes,
    bodyFormat: format ?? "text",
    handler,
    receiver,
  });
}

/** Hono: `c.json(body, 500)`, `c.text(body, { status: 500 })`, `c.status(500); return c.json(body)`. */
function fromHonoContext(
  context: RuleContext,
  call: TSESTree.CallExpression,
  method: string,
  receiver: TSESTree.Identifier,
  handler: HandlerInfo,
): ResponseSend | undefined {
  const format = HONO_METHODS.get(method);
  if (format === undefined) return undefined;
  const [body, init] = call.arguments;
  let statusNode: TSESTree.Node | undefined;
  if (init?.type === AST_NODE_TYPES.ObjectExpression) statusNode = getObjectProperty(init, "status")?.value;
  else if (init && init.type !== AST_NODE_TYPES.SpreadElement) statusNode = init;
  else statusNode = findPrecedingStatus(context, call, getVariable(context, receiver));
  return build(context, {
    framework: "hono",
    kind: "call",
    node: call,
    statusNode,
    bodyNodes: isBodyArgument(body) ? [body] : [],
    bodyFormat: format,
    handler,
    receiver,
  });
}

/** Koa `ctx.throw(500)`, `ctx.throw(400, "message")`, `ctx.throw("message", 400)`. */
function fromKoaThrow(
  context: RuleContext,
  call: TSESTree.CallExpression,
  receiver: TSESTree.Identifier,
  handler: HandlerInfo,
): ResponseSend {
  const args = call.arguments.filter(isBodyArgument);
  const statusNode = args.find((arg) => getStatusCode(context, arg) !== undefined);
  const status = getStatusCode(context, statusNode);
  const exposed = status !== undefined && status >= 400 && status < 500;
  return build(context, {
    framework: "koa",
    kind: "exception",
    node: call,
    statusNode,
    bodyNodes: exposed ? args.filter((arg) => arg !== statusNode && arg.type !== AST_NODE_TYPES.ObjectExpression) : [],
    bodyFormat: "text",
    handler,
    receiver,
  });
}

function getResponseClass(context: RuleContext, node: TSESTree.Node): "Response" | "NextResponse" | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (node.name === "Response") {
    const variable = getVariable(context, node);
    return variable === null || variable.defs.length === 0 ? "Response" : undefined;
  }
  // `NextResponse` is imported from `next/…`: a file that imports no framework has none (and the check
  // spares a scope lookup for every `new Map()` and `x.json()` of ordinary code).
  if (getFrameworkImports(context.sourceCode).frameworks.size === 0) return undefined;
  const imported = getImportedName(context, node);
  return imported?.imported === "NextResponse" && imported.source.startsWith("next/") ? "NextResponse" : undefined;
}

/** `new Response(body, init)`, `Response.json(body, init)`, `NextResponse.json(body, init)`, `new NextResponse(body, init)`. */
function fromResponseObject(
  context: RuleContext,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  responseClass: "Response" | "NextResponse",
  format: ResponseBodyFormat,
): ResponseSend | undefined {
  const handler = findEnclosingHandler(context, node);
  const imports = getFrameworkImports(context.sourceCode);
  const framework: Framework | undefined =
    handler?.framework ??
    (responseClass === "NextResponse" || getNextRouteFile(context.filename) || imports.frameworks.has("next")
      ? "next"
      : imports.frameworks.has("hono")
        ? "hono"
        : undefined);
  if (!framework) return undefined;
  const [body, init] = node.arguments;
  let statusNode: TSESTree.Node | undefined;
  let status: number | undefined;
  if (init === undefined) {
    status = 200;
  } else if (init.type === AST_NODE_TYPES.ObjectExpression) {
    statusNode = getObjectProperty(init, "status")?.value;
    if (!statusNode && !init.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement))
      status = 200;
  }
  return build(context, {
    framework,
    kind: "response-object",
    node,
    status,
    statusNode,
    bodyNodes: isBodyArgument(body) ? [body] : [],
    bodyFormat: format,
    handler,
    receiver: undefined,
  });
}

/** `throw new InternalServerErrorException(...)`, `throw new HttpException(body, status)`, `throw new HTTPException(500, { message })`. */
function fromException(context: RuleContext, node: TSESTree.NewExpression): ResponseSend | undefined {
  if (node.parent.type !== AST_NODE_TYPES.ThrowStatement || node.callee.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  // Nest's and Hono's exception classes are imported from their framework.
  if (getFrameworkImports(context.sourceCode).frameworks.size === 0) return undefined;
  const imported = getImportedName(context, node.callee);
  if (!imported) return undefined;
  const args = node.arguments;
  if (imported.source === "@nestjs/common") {
    const isBase = imported.imported === "HttpException";
    const fixed = NEST_EXCEPTIONS.get(imported.imported);
    if (!isBase && fixed === undefined) return undefined;
    const [response, second] = args;
    const bodyNodes: TSESTree.Node[] = isBodyArgument(response) ? [response] : [];
    // The description (second argument, or `{ description }`) is sent as the body's `error`.
    if (!isBase && second) {
      const description =
        second.type === AST_NODE_TYPES.ObjectExpression ? getObjectProperty(second, "description")?.value : second;
      if (isBodyArgument(description)) bodyNodes.push(description);
    }
    return build(context, {
      framework: "nest",
      kind: "exception",
      node,
      status: fixed,
      statusNode: isBase ? second : node.callee,
      bodyNodes,
      bodyFormat: "any",
      receiver: undefined,
    });
  }
  if (imported.imported === "HTTPException" && (imported.source === "hono" || imported.source.startsWith("hono/"))) {
    const [statusNode, options] = args;
    const message =
      options?.type === AST_NODE_TYPES.ObjectExpression ? getObjectProperty(options, "message")?.value : undefined;
    return build(context, {
      framework: "hono",
      kind: "exception",
      node,
      statusNode,
      bodyNodes: message ? [message] : [],
      bodyFormat: "text",
      receiver: undefined,
    });
  }
  return undefined;
}

function getKoaReceiver(left: TSESTree.Node, property: "status" | "body"): TSESTree.Identifier | undefined {
  if (getPropertyName(left) !== property) return undefined;
  let object = (left as TSESTree.MemberExpression).object;
  if (getPropertyName(object) === "response") object = (object as TSESTree.MemberExpression).object;
  return object.type === AST_NODE_TYPES.Identifier ? object : undefined;
}

function getKoaAssignment(
  context: RuleContext,
  statement: TSESTree.Node,
  variable: TSESLint.Scope.Variable | null,
  property: "status" | "body",
): TSESTree.AssignmentExpression | undefined {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const expression = statement.expression;
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== "=") return undefined;
  const receiver = getKoaReceiver(expression.left, property);
  return receiver && getVariable(context, receiver) === variable ? expression : undefined;
}

/** Koa: `ctx.status = 500` with the `ctx.body = …` beside it, or a `ctx.body = …` with no status beside it. */
function fromAssignment(context: RuleContext, node: TSESTree.AssignmentExpression): ResponseSend | undefined {
  if (node.operator !== "=") return undefined;
  const property = getPropertyName(node.left);
  if (property !== "status" && property !== "body") return undefined;
  const receiver = getKoaReceiver(node.left, property);
  if (!receiver) return undefined;
  const param = getHandlerParam(context, receiver);
  if (param?.role !== "context" || param.handler.framework !== "koa") return undefined;
  const variable = getVariable(context, receiver);
  const siblings = node.parent.type === AST_NODE_TYPES.ExpressionStatement ? (getStatementList(node.parent) ?? []) : [];
  if (property === "status") {
    const bodyNodes = siblings.flatMap((statement) => {
      const assignment = getKoaAssignment(context, statement, variable, "body");
      return assignment ? [assignment.right] : [];
    });
    return build(context, {
      framework: "koa",
      kind: "assignment",
      node,
      statusNode: node.right,
      bodyNodes,
      bodyFormat: "any",
      handler: param.handler,
      receiver,
    });
  }
  if (siblings.some((statement) => getKoaAssignment(context, statement, variable, "status"))) return undefined;
  return build(context, {
    framework: "koa",
    kind: "assignment",
    node,
    statusNode: findPrecedingStatus(context, node, variable),
    bodyNodes: [node.right],
    bodyFormat: "any",
    handler: param.handler,
    receiver,
  });
}

function fromCall(context: RuleContext, call: TSESTree.CallExpression): ResponseSend | undefined {
  const method = getPropertyName(call.callee);
  if (method === undefined || !CALL_METHODS.has(method)) return undefined;
  const object = unwrap((call.callee as TSESTree.MemberExpression).object);
  if (method === "json") {
    const responseClass = getResponseClass(context, object);
    if (responseClass) return fromResponseObject(context, call, responseClass, "json");
  }
  // The receiver at the root of the chain: `res` in `res.status(500).set(h).json(x)`.
  let root: TSESTree.Node = object;
  while (root.type === AST_NODE_TYPES.CallExpression && root.callee.type === AST_NODE_TYPES.MemberExpression) {
    root = unwrap(root.callee.object);
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const param = getHandlerParam(context, root);
  if (!param) return undefined;
  if (param.role === "response") return fromResponseChain(context, call, method, root, param.handler);
  if (object !== root) return undefined;
  if (param.handler.framework === "hono") return fromHonoContext(context, call, method, root, param.handler);
  if (param.handler.framework === "koa" && method === "throw") return fromKoaThrow(context, call, root, param.handler);
  return undefined;
}

function fromNew(context: RuleContext, node: TSESTree.NewExpression): ResponseSend | undefined {
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const responseClass = getResponseClass(context, callee);
  if (responseClass) return fromResponseObject(context, node, responseClass, "text");
  return fromException(context, node);
}

const cache = new WeakMap<TSESTree.Node, ResponseSend | null>();

/** The names every shape needs: a send method, a `status` / `body` assignment, `new` of a plain name. */
function mayBeResponseSend(
  node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression,
): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const method = getPropertyName(node.callee);
    return method !== undefined && CALL_METHODS.has(method);
  }
  if (node.type === AST_NODE_TYPES.NewExpression) return unwrap(node.callee).type === AST_NODE_TYPES.Identifier;
  if (node.operator !== "=") return false;
  const property = getPropertyName(node.left);
  return property === "status" || property === "body";
}

/**
 * The response `node` sends, in any supported framework's shape, or `undefined` when it sends none.
 *
 * Recognises, on the handler's own response / context parameter (per `getHandlerInfo` roles):
 * Express / Pages API / Nest `@Res()` `res.status(s).json|send|end|jsonp|render(...)`, `res.sendStatus(s)`;
 * Fastify `reply.code|status(s).send(...)` and `@fastify/sensible`'s `reply.internalServerError(...)`…;
 * Hono `c.json|text|html|body|newResponse(body, s | { status })`; Koa `ctx.status = s` / `ctx.body = …`
 * and `ctx.throw(s, message)`. Anywhere in a handler (or a Next.js / Hono file): `new Response(body, init)`,
 * `Response.json(body, init)`, `NextResponse.json(body, init)`. Anywhere: a thrown Nest `HttpException`
 * (or built-in subclass) imported from `@nestjs/common`, a thrown Hono `HTTPException`.
 *
 * Pass the outermost node (the CallExpression of the terminal method, the NewExpression, the
 * AssignmentExpression); inner links of a chain (`res.status(500)` in `res.status(500).json()`) and bare
 * status setters return `undefined`. Results are cached per node.
 *
 * Syntax cannot tell what a body value is at run time: Fastify's `reply.send(err)` hands an Error to the
 * error handler instead of serialising it, so callers that care about the body check what it holds.
 */
export function getResponseSend(context: RuleContext, node: TSESTree.Node): ResponseSend | undefined {
  if (
    node.type !== AST_NODE_TYPES.CallExpression &&
    node.type !== AST_NODE_TYPES.NewExpression &&
    node.type !== AST_NODE_TYPES.AssignmentExpression
  ) {
    return undefined;
  }
  // Most calls, `new`s and assignments in a file send nothing; the name check rejects them without
  // touching the cache (a WeakMap entry per node costs more than the check).
  if (!mayBeResponseSend(node)) return undefined;
  const cached = cache.get(node);
  if (cached !== undefined) return cached ?? undefined;
  const send =
    node.type === AST_NODE_TYPES.CallExpression
      ? fromCall(context, node)
      : node.type === AST_NODE_TYPES.NewExpression
        ? fromNew(context, node)
        : fromAssignment(context, node);
  cache.set(node, send ?? null);
  return send;
}
