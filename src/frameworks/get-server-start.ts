import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getImportOrigin, getRequireSource } from "../utils/get-import-origin.js";
import { getFrameworkImports } from "./get-framework-imports.js";
import { isFunctionNode } from "./get-function-from-expression.js";
import { getReceiver } from "./get-receiver.js";
import { getObjectProperty } from "./get-route-registration.js";
import type { Framework, Receiver, RuleContext } from "./types.js";
import { getUnwrappedExpression } from "../utils/get-unwrapped-expression.js";

/** A call that makes the process accept connections. */
export interface ServerStart {
  /**
   * The framework whose app is served, when the file shows it: the app's own framework for
   * `app.listen()`, the wrapped app's for `http.createServer(app).listen()`, `"hono"` for
   * `@hono/node-server`'s `serve`, `"nest"` for `NestFactory.create(...)` apps. `undefined` for a bare
   * Node server (`http.createServer(handler)`), `Bun.serve` / `Deno.serve`, or an app known by name only.
   */
  framework: Framework | undefined;
  /**
   * `listen`: `X.listen(...)`; `serve`: a serve function given options (`serve({ fetch, port })`,
   * `Bun.serve({...})`, `Deno.serve({...}, handler)`).
   */
  kind: "listen" | "serve";
  /** The starting call itself. */
  call: TSESTree.CallExpression;
  /**
   * The app that handles the requests, as the framework model sees it: `app` in `app.listen()` and in
   * `http.createServer(app)`, the `fetch: app.fetch` owner in `serve(...)`. `undefined` when the file does
   * not show one (a plain request listener, a Nest app).
   */
  receiver: Receiver | undefined;
  /**
   * The object `listen` is called on (`app`, `server`, `http.createServer(app)`, `this.app`): the thing a
   * shutdown handler closes, together with the value `call` returns. `undefined` for `serve`-style starts.
   */
  server: TSESTree.Expression | undefined;
  /**
   * The expression that gives the port: the first `listen` argument (`app.listen(3000)`,
   * `app.listen(PORT, cb)`), or the `port` property of the options object. `undefined` when no port is
   * given (the framework's default applies) or the first argument is a socket path.
   */
  portNode: TSESTree.Node | undefined;
  /** The options object, when the start takes one: `listen({ port, host })`, `serve({ fetch, port })`. */
  optionsNode: TSESTree.ObjectExpression | undefined;
  /**
   * For a Node server that wraps no framework app, the request listener it was created with
   * (`handler` in `http.createServer(handler)` / `http.createServer(options, handler)`), when there is one.
   */
  requestListener?: TSESTree.Node | undefined;
}

/** Node's built-in server modules, with and without the `node:` prefix. */
const NODE_SERVER_MODULES = new Set([
  "http",
  "https",
  "http2",
  "net",
  "node:http",
  "node:https",
  "node:http2",
  "node:net",
]);
/** Functions of those modules that return a server. */
const SERVER_FACTORIES = new Set(["createServer", "createSecureServer"]);
/** Classes of those modules whose instances are servers. */
const SERVER_CLASSES = new Set(["Server"]);
const HONO_NODE_SERVER = "@hono/node-server";

type Variable = TSESLint.Scope.Variable;

const unwrap = (node: TSESTree.Node): TSESTree.Node => getUnwrappedExpression(node, { await: true, chain: true });

function findVariable(context: RuleContext, node: TSESTree.Identifier): Variable | undefined {
  return ASTUtils.findVariable(context.sourceCode.getScope(node), node) ?? undefined;
}

function isImportFrom(
  context: RuleContext,
  node: TSESTree.Node,
  sources: ReadonlySet<string>,
  names: ReadonlySet<string> | "*",
): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const origin = getImportOrigin(findVariable(context, node));
  if (!origin || !sources.has(origin.source)) return false;
  return names === "*" ? origin.imported === "*" : names.has(origin.imported);
}

/** `http.createServer(...)`, `createServer(...)`, `new http.Server(...)`, `https.createServer(...)`. */
function getNodeServerCreation(
  context: RuleContext,
  expression: TSESTree.Node,
): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  const node = unwrap(expression);
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const names = node.type === AST_NODE_TYPES.CallExpression ? SERVER_FACTORIES : SERVER_CLASSES;
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return names.has(callee.name) && isImportFrom(context, callee, NODE_SERVER_MODULES, names) ? node : undefined;
  }
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    names.has(callee.property.name)
  ) {
    const object = unwrap(callee.object);
    if (isImportFrom(context, object, NODE_SERVER_MODULES, "*")) return node;
    const source = getRequireSource(object);
    if (source !== undefined && NODE_SERVER_MODULES.has(source)) return node;
  }
  return undefined;
}

/** `NestFactory.create(AppModule)` (awaited or not), with `NestFactory` from `@nestjs/core`. */
function isNestAppCreation(context: RuleContext, expression: TSESTree.Node): boolean {
  const node = unwrap(expression);
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = node.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === "create" &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    isImportFrom(context, callee.object, new Set(["@nestjs/core"]), new Set(["NestFactory"]))
  );
}

/** The app a Node server wraps: `http.createServer(app)`, `https.createServer(options, app.callback())`. */
function getWrappedApp(
  context: RuleContext,
  creation: TSESTree.CallExpression | TSESTree.NewExpression,
): Receiver | undefined {
  for (const argument of creation.arguments) {
    if (argument.type === AST_NODE_TYPES.ObjectExpression || isFunctionNode(argument)) continue;
    let node = unwrap(argument);
    // Koa `app.callback()`, Hono `app.fetch` adapters, `app.handler`.
    if (node.type === AST_NODE_TYPES.CallExpression) node = unwrap(node.callee);
    if (node.type === AST_NODE_TYPES.MemberExpression) node = unwrap(node.object);
    const receiver = getReceiver(context, node, false);
    if (receiver?.kind === "app") return receiver;
  }
  return undefined;
}

interface ServerObject {
  framework: Framework | undefined;
  receiver: Receiver | undefined;
  requestListener?: TSESTree.Node | undefined;
}

/** The listener argument of a server creation that wraps no app. */
function getRequestListener(creation: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Node | undefined {
  return creation.arguments.find(
    (argument) => argument.type !== AST_NODE_TYPES.ObjectExpression && argument.type !== AST_NODE_TYPES.SpreadElement,
  );
}

function fromCreation(context: RuleContext, creation: TSESTree.CallExpression | TSESTree.NewExpression): ServerObject {
  const receiver = getWrappedApp(context, creation);
  return {
    framework: receiver?.framework,
    receiver,
    requestListener: receiver ? undefined : getRequestListener(creation),
  };
}

/** What `X` in `X.listen(...)` is: an app, a Node server over an app, a Nest app, or a server-like name. */
function getServerObject(context: RuleContext, expression: TSESTree.Expression): ServerObject | undefined {
  const node = unwrap(expression);
  const creation = getNodeServerCreation(context, node);
  if (creation) return fromCreation(context, creation);
  const receiver = getReceiver(context, node, false);
  if (receiver) {
    // A router cannot listen; Hono apps are served, not listened on.
    if (receiver.kind !== "app" || receiver.framework === "hono") return undefined;
    return { framework: receiver.framework, receiver };
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, node);
    const definition = variable?.defs[0];
    if (definition?.type === "Variable" && definition.node.type === AST_NODE_TYPES.VariableDeclarator) {
      const init = definition.node.init;
      if (!init) return getNamedServer(context, node);
      const server = getNodeServerCreation(context, init);
      if (server) return fromCreation(context, server);
      if (isNestAppCreation(context, init)) return { framework: "nest", receiver: undefined };
      // Something else this file created, e.g. `const server = new ApolloServer()`: judged by name only.
      return getNamedServer(context, node);
    }
  }
  return getNamedServer(context, node);
}

/** `app.listen(...)` / `this.server.listen(...)` on an object created in another file. */
function getNamedServer(context: RuleContext, node: TSESTree.Node): ServerObject | undefined {
  const receiver = getReceiver(context, node, true);
  if (!receiver || receiver.origin !== "name") return undefined;
  const name =
    node.type === AST_NODE_TYPES.Identifier
      ? node.name
      : node.type === AST_NODE_TYPES.MemberExpression && node.property.type === AST_NODE_TYPES.Identifier
        ? node.property.name
        : "";
  // Routers do not listen: only app- and server-like names qualify.
  if (!/^(?:app|server|fastify|instance|api)$|(?:App|Server)$/u.test(name)) return undefined;
  return { framework: receiver.framework === "hono" ? undefined : receiver.framework, receiver };
}

function getListenPort(
  args: readonly TSESTree.CallExpressionArgument[],
): Pick<ServerStart, "portNode" | "optionsNode"> {
  const first = args[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement || isFunctionNode(first)) {
    return { portNode: undefined, optionsNode: undefined };
  }
  if (first.type === AST_NODE_TYPES.ObjectExpression) {
    return { portNode: getObjectProperty(first, "port")?.value, optionsNode: first };
  }
  // `server.listen("/tmp/app.sock")` listens on a socket path, not a port.
  if (first.type === AST_NODE_TYPES.Literal && typeof first.value === "string" && !/^\d+$/u.test(first.value)) {
    return { portNode: undefined, optionsNode: undefined };
  }
  return { portNode: first, optionsNode: undefined };
}

function fromListen(
  context: RuleContext,
  call: TSESTree.CallExpression,
  member: TSESTree.MemberExpression,
): ServerStart | undefined {
  const server = getServerObject(context, member.object);
  if (!server) return undefined;
  return {
    framework: server.framework,
    kind: "listen",
    call,
    receiver: server.receiver,
    server: member.object,
    ...getListenPort(call.arguments),
    requestListener: server.requestListener,
  };
}

/** The app behind `fetch: app.fetch` / `serve(app)`. */
function getServedApp(context: RuleContext, node: TSESTree.Node | undefined): Receiver | undefined {
  if (!node) return undefined;
  let current = unwrap(node);
  if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  const receiver = getReceiver(context, current, false);
  return receiver?.kind === "app" ? receiver : undefined;
}

function fromServe(context: RuleContext, call: TSESTree.CallExpression): ServerStart | undefined {
  const callee = unwrap(call.callee);
  let framework: Framework | undefined;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    // `serve` from `@hono/node-server` (any local name).
    if (!isImportFrom(context, callee, new Set([HONO_NODE_SERVER]), new Set(["serve"]))) return undefined;
    framework = "hono";
  } else if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    (callee.object.name === "Bun" || callee.object.name === "Deno") &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === "serve"
  ) {
    // A local binding named `Bun` / `Deno` is not the runtime.
    if (findVariable(context, callee.object)?.defs.length) return undefined;
  } else {
    return undefined;
  }
  const first = call.arguments[0];
  const options = first?.type === AST_NODE_TYPES.ObjectExpression ? first : undefined;
  const receiver = options
    ? getServedApp(context, getObjectProperty(options, "fetch")?.value)
    : getServedApp(context, first);
  return {
    framework: framework ?? receiver?.framework,
    kind: "serve",
    call,
    receiver,
    server: undefined,
    portNode: options ? getObjectProperty(options, "port")?.value : undefined,
    optionsNode: options,
  };
}

const cache = new WeakMap<TSESTree.CallExpression, ServerStart | null>();

/** `.listen(` (also `?.(`); `serve` as a word (`serve(`, `Bun.serve`, `{ serve as start }`). */
const MAY_START_SERVER = /\blisten\s*(?:\?\.\s*)?\(|\bserve\b/u;
const mayStartByProgram = new WeakMap<TSESTree.Program, boolean>();

/**
 * Whether the file can start a server: every shape {@link getServerStart} accepts calls `listen` or a
 * `serve` (by that name, or imported under another), so one scan of the text answers for the many files
 * that start none. The rules that report on server starts look at nothing else in those files.
 */
export function mayStartServer(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let answer = mayStartByProgram.get(sourceCode.ast);
  if (answer === undefined) {
    const text = sourceCode.text;
    // The two substring searches are much faster than the pattern, and most files contain neither word.
    answer = (text.includes("listen") || text.includes("serve")) && MAY_START_SERVER.test(text);
    mayStartByProgram.set(sourceCode.ast, answer);
  }
  return answer;
}

/**
 * A listener selector for the calls {@link getServerStart} can accept in this file: `X.listen(...)`,
 * `X.serve(...)`, and — only where a Hono package is imported — plain calls (`serve(...)`, also aliased).
 */
export function getServerStartSelector(sourceCode: Readonly<TSESLint.SourceCode>): string {
  const members =
    "CallExpression[callee.type='MemberExpression'][callee.computed=false][callee.property.name=/^(?:listen|serve)$/u]";
  return getFrameworkImports(sourceCode).frameworks.has("hono")
    ? `${members}, CallExpression[callee.type='Identifier']`
    : members;
}

/**
 * Whether `call` starts a server, and with what:
 * - `app.listen(...)` on an Express / Koa / Fastify app created in this file (or a Nest app from
 *   `NestFactory.create`), and on `app` / `server`-like names created elsewhere;
 * - `http(s).createServer(...).listen(...)`, and `server.listen(...)` of such a server;
 * - `serve({ fetch, port })` / `serve(app)` from `@hono/node-server`, `Bun.serve({...})`, `Deno.serve(...)`.
 *
 * Syntax only; results are cached per call node. A router's `listen`, a Hono app's `listen` and a
 * `listen` on anything not recognisable as a server are not server starts.
 */
export function getServerStart(context: RuleContext, call: TSESTree.CallExpression): ServerStart | undefined {
  const callee = call.callee;
  const isListen =
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === "listen";
  // Cheap shape checks before any scope lookup.
  if (!isListen && !isServeShape(context, callee)) return undefined;
  const cached = cache.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const start = isListen ? fromListen(context, call, callee) : fromServe(context, call);
  cache.set(call, start ?? null);
  return start;
}

function isServeShape(context: RuleContext, callee: TSESTree.Expression): boolean {
  // `serve(...)` is only worth a scope lookup in files that import from a Hono package.
  if (callee.type === AST_NODE_TYPES.Identifier) return getFrameworkImports(context.sourceCode).frameworks.has("hono");
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === "serve"
  );
}
