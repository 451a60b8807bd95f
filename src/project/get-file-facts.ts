import { parseSync, visitorKeys as oxcVisitorKeys } from "oxc-parser";
import type { TSESTree } from "@typescript-eslint/utils";

import { DEFAULT_SESSION_CHECKS, getNameParts } from "../frameworks/get-auth-vocabulary.js";
import { getAuthNameInfo } from "../frameworks/is-auth-name.js";
import { isConstantFunction } from "../frameworks/is-constant-handler.js";
import { ROUTE_METHODS } from "../frameworks/get-route-registration.js";
import { isDevelopmentBranch } from "../utils/is-debug-guarded.js";
import { getFailingCalls, holdsRawFailure } from "../utils/get-failing-calls.js";
import type { FunctionNode } from "../frameworks/types.js";

/**
 * What the project model keeps of another file: its imports, exports, the routers and apps it creates,
 * and its `use` / `route` calls, as plain data. Built from an oxc AST that is dropped right after, so a
 * long-lived cache holds a few kilobytes per file instead of a tree.
 */
export interface FileFacts {
  /** Every module specifier the file names: static and dynamic imports, `require("…")`, re-exports. */
  specifiers: string[];
  /** Local binding → where it comes from. */
  imports: Map<string, ImportFact>;
  /** Exported name (`default` for the default export and `module.exports = x`) → local binding. */
  exports: Map<string, string>;
  /** `export { default as users } from "./users"`. */
  reexports: ReexportFact[];
  /** Local binding → the app or router it is created as: `express()`, `Router()`, `new Koa()`, `new Hono()`. */
  receivers: Map<string, ReceiverFact>;
  /** `x.use(...)` / `x.route(...)` calls on a named object (`app`, `this.app`), in registration order. */
  calls: CallFact[];
  /**
   * How often a name is used as a value where it may escape — a call argument that is not a mount, an
   * array element, an object property, a variable's initial value: a router passed to a function the
   * model cannot follow may be mounted there without anything in front of it.
   */
  escapes: Map<string, number>;
  /** Top-level functions and function-made values (`withAuth(handler)`) → what they do with a request. */
  functions: Map<string, FunctionFacts>;
  /** Routes registered on named objects (`router.get(...)`), in source order: how handlers of other files are reached. */
  routes: RouteFact[];
  /**
   * Top-level Fastify plugins wrapped in `fastify-plugin` (`export default fp(async (app) => {…})`,
   * `export default fp(requireUser)`) → the function whose instance their calls are recorded on: the hooks
   * they add go to the plugin that registers them, not to a context of their own.
   */
  sharedPlugins: Map<string, string>;
  /** NestJS guards applied to every route: `{ provide: APP_GUARD, useClass: JwtAuthGuard }`, `app.useGlobalGuards(new JwtAuthGuard())`. */
  nestGlobalGuards: string[];
  /** NestJS middleware bound in a module: `consumer.apply(AuthMiddleware).forRoutes(...)`. */
  nestMiddleware: NestMiddlewareFact[];
  /**
   * `app.setGlobalPrefix("api", { exclude: ["health"] })` in a NestJS bootstrap: the prefix of every route
   * but the excluded paths; `null` when the prefix or an excluded path is not a literal.
   */
  nestGlobalPrefix: { prefix: string; exclude: string[] } | null | undefined;
  /** `app.enableVersioning(...)` in a NestJS bootstrap: routes may be served under a version segment. */
  nestVersioning: boolean;
  /** `export const config = { matcher: [...] }` of a Next.js `middleware.ts` / `proxy.ts`: its literal patterns. */
  matcher: string[] | undefined;
  /**
   * Module-level lists of paths whose name says they skip auth: `const publicRoutes = ["/api/health", "/api/auth/**"]`,
   * `unAuthenticatedRoutes`, `createRouteMatcher([...])` assigned to `isPublicRoute`.
   */
  publicPathLists: string[][];
  /**
   * Where the file hands each imported value on (see `describeValueUse`): `session({ secret: SECRET })`
   * with `session` from express-session gives `SECRET` → `express-session(0).secret`; any use the model does
   * not describe is `*`.
   */
  importUses: Map<string, string[]>;
  /**
   * Imported bindings by whether every use of them is a call made while a request is handled (see
   * `isRequestTimeCall`): `getStripe()` inside a route handler, a Next.js `POST`, a Nest controller method.
   * `false` as soon as one use is anything else.
   */
  requestTimeImports: Map<string, boolean>;
}

/**
 * What a top-level function does with a request, judged from its own text and tree. For the file being
 * linted each answer is worked out when first asked (its tree is alive while it is linted, and most
 * answers are never asked); for other files all of them when the file is read, so no tree is kept.
 */
export interface FunctionFacts {
  /** Whether its text rejects a request (401/403, throw, redirect). */
  readonly rejects: boolean;
  /**
   * Whether it authenticates a request: it calls something named for auth (`checkAuth(request)`,
   * `getServerSession()`, `jwt.verify`) or reads a credential (`authorization`, `cookies`, `session`), and
   * answers 401/403 (`unauthorized()`, `status: 401`) or redirects to a login page; it runs auth middleware;
   * it is made by a wrapper named for auth; or it dispatches to a table of handlers that all authenticate.
   */
  readonly authenticates: boolean;
  /**
   * The calls it makes with what it is given — its parameters, or values taken or put together from
   * them — as `callee#argumentCount`: `validateFilters#1` for `validateFilters(filters)`,
   * `filtersSchema.parse#1`, `getTimeStatement#1`. Whether a function validates its input is judged from
   * these (`get-validating-functions.ts`), also through the functions they call in this or another file.
   */
  readonly paramCalls: readonly string[];
  /** Whether, as a request handler, it answers with a constant and reads nothing (see `isConstantFunction`). */
  readonly answersConstant: boolean;
  /**
   * Whether calling it cannot fail: it throws nothing, and every call it makes that can fail (see
   * `getFailingCalls`) sits in a `try` whose `catch` neither throws nor makes such a call — a rate-limit
   * check that logs and fails open, a header reader. An `async` one then never rejects.
   */
  readonly cannotFail: boolean;
}

export interface NestMiddlewareFact {
  /** The middleware classes or functions applied, by name. */
  names: string[];
  /** What `forRoutes` names: a path (`"user"`, `"*"`), a path with a method, or a controller class. */
  routes: { path?: string; method?: string; controller?: string }[];
  /** What `exclude` takes out, the same way. */
  excluded: { path?: string; method?: string }[];
}

export interface ImportFact {
  specifier: string;
  /** `default`, a named export, or `*` for a namespace. */
  imported: string;
}

/**
 * `export { default as users } from "./users"`; `export * from "./users"` is `exported` and `imported`
 * `*` (every name but the default), `export * as users from "./users"` is `users` and `*`.
 */
export interface ReexportFact {
  exported: string;
  specifier: string;
  imported: string;
}

export interface ReceiverFact {
  /** `new Router({ prefix })`, `new Hono().basePath(p)`: the prefix every route of the receiver gets. */
  prefix: string | undefined;
  /** What created it: `express()` / `Router()`, `new Koa()` / `new Router()` from @koa/router, `new Hono()`. */
  framework: "express" | "koa" | "hono";
}

/** `router.post("/register", validate(schema), authCtrl.register)`: a route registered on a named object. */
export interface RouteFact {
  receiver: string;
  /** The method as written: `get`, `post`, `all`, … */
  method: string;
  /** The arguments in order: the path, middleware, the handler last. */
  args: ArgFact[];
  line: number;
}

export type ArgFact =
  | { kind: "path"; paths: string[]; text: string }
  /** A plain name: a router, or middleware (`requireAuth`). */
  | { kind: "ref"; name: string; text: string }
  /** Koa `router.routes()` / `router.middleware()`. */
  | { kind: "routes"; name: string; text: string }
  /** Koa `router.allowedMethods()`: neither a router nor middleware that decides who calls. */
  | { kind: "allowed"; text: string }
  /**
   * Any other expression: its name parts (`passport.authenticate("jwt")` → passport, authenticate) and root
   * binding. `authenticates`: an inline hook function that enforces auth itself (`await request.jwtVerify()`).
   */
  | { kind: "other"; parts: string[] | undefined; root: string | undefined; text: string; authenticates?: boolean };

export interface CallFact {
  /**
   * The object's name as written (`app`, `router`, `this.app`) or, when it is the instance parameter of a
   * top-level function (a Fastify plugin `async function users(app) {…}`), that function's local name.
   */
  receiver: string;
  /**
   * `use` / `route` mounts (Express, Koa, Hono); Fastify's `register(plugin, { prefix })` and the
   * request hooks `addHook("onRequest" | "preParsing" | "preValidation" | "preHandler", hook)`, whose
   * only argument kept is the hook.
   */
  method: "use" | "route" | "register" | "addHook";
  args: ArgFact[];
  /** `register`'s `prefix` option: `null` when it is not a literal. */
  prefix?: string | null;
  /** The receiver as written, when `receiver` is the function it is the parameter of. */
  written?: string;
  /** `await app.register(plugin)`: the plugin is loaded there, before anything added to `app` after it. */
  awaited?: boolean;
  /** `register(autoload, { dir: path.join(__dirname, "routes") })` of `@fastify/autoload`: what it loads. */
  autoload?: AutoloadFact;
  /** Made only outside production: `if (env.ENVIRONMENT === "test") app.use(errors.routes())`. */
  developmentOnly?: true;
  /** Registration order: the offset of the method name (a chained `app.use(a).use(b)` registers `a` first). */
  order: number;
  line: number;
}

/**
 * A registration of `@fastify/autoload`: every plugin file under `dir` is registered, each under the
 * path of its folder below `dir` (unless `dirNameRoutePrefix: false`), after `options.prefix`.
 */
export interface AutoloadFact {
  /** The folder, relative to the registering file's: `routes` for `path.join(import.meta.dirname, "routes")`. */
  dir: string;
  /** `options: { prefix: "/api" }`; `""` without one, `null` when it is not a literal. */
  prefix: string | null;
  /** `dirNameRoutePrefix` is not `false`: folders add their names to the path. */
  folderPrefixes: boolean;
}

/**
 * A loosely typed ESTree node — from oxc (`start` / `end`) or from ESLint's parser (`range`): the
 * walkers below only read a few well-known keys.
 */
interface Node {
  type: string;
  start?: number;
  end?: number;
  range?: [number, number];
  [key: string]: unknown;
}

// `range` first: ESLint's nodes have no `start` (RuleTester even throws on reading it).
const getStart = (node: Node): number => node.range?.[0] ?? node.start!;
const getEnd = (node: Node): number => node.range?.[1] ?? node.end!;

/** Keys that lead out of the tree (ESLint's `parent`) or into what the facts never need. */
const SKIPPED_KEYS = new Set([
  "parent",
  "loc",
  "range",
  "tokens",
  "comments",
  "typeAnnotation",
  "returnType",
  "typeParameters",
  "typeArguments",
  "decorators",
]);

/** Per node type, the keys that hold its children: oxc's for its trees, ESLint's for the linted file's. */
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** The keys of `node` that may hold children: its type's visitor keys, or every key of an unknown type. */
const getChildKeys = (node: Node, keys: VisitorKeys): readonly string[] => keys[node.type] ?? Object.keys(node);

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && typeof (value as Node).type === "string";

/** TypeScript wrappers around an expression that do not change what it is. */
const EXPRESSION_WRAPPERS = new Set([
  "TSAsExpression",
  "TSSatisfiesExpression",
  "TSNonNullExpression",
  "TSTypeAssertion",
  "TSInstantiationExpression",
  "ParenthesizedExpression",
]);

function unwrap(node: Node): Node {
  let current = node;
  while (EXPRESSION_WRAPPERS.has(current.type) || current.type === "AwaitExpression") {
    const inner = (current.expression ?? current.argument) as Node | undefined;
    if (!isNode(inner)) break;
    current = inner;
  }
  return current;
}

/** `("api", { exclude: ["health", { path: "docs", method: RequestMethod.GET }] })`; `null` past a literal. */
function getGlobalPrefix([first, options]: Node[]): { prefix: string; exclude: string[] } | null {
  const prefix = getString(first === undefined ? undefined : unwrap(first));
  if (prefix === undefined) return null;
  if (options === undefined) return { prefix, exclude: [] };
  const object = unwrap(options);
  if (object.type !== "ObjectExpression") return null;
  const exclude: string[] = [];
  for (const property of object.properties as Node[]) {
    if (property.type !== "Property" || getPropertyName(property) !== "exclude") continue;
    const list = unwrap(property.value as Node);
    if (list.type !== "ArrayExpression") return null;
    for (const element of list.elements as (Node | null)[]) {
      const entry = element === null ? undefined : unwrap(element);
      const path =
        entry?.type === "ObjectExpression"
          ? getString(
              (entry.properties as Node[]).find((item) => item.type === "Property" && getPropertyName(item) === "path")
                ?.value,
            )
          : getString(entry);
      if (path === undefined) return null;
      exclude.push(path);
    }
  }
  return { prefix, exclude };
}

function getString(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  const value = unwrap(node);
  if (value.type === "Literal" && typeof value.value === "string") return value.value;
  if (value.type === "TemplateLiteral" && (value.expressions as Node[]).length === 0) {
    const quasi = (value.quasis as Node[])[0];
    const cooked = (quasi?.value as { cooked?: string } | undefined)?.cooked;
    return typeof cooked === "string" ? cooked : undefined;
  }
  return undefined;
}

function getPropertyName(node: Node): string | undefined {
  const key = node.key as Node | undefined;
  if (!key) return undefined;
  if (key.type === "Identifier" && node.computed !== true) return key.name as string;
  return getString(key);
}

/** `require("x")`, `await import("x")`: the specifier. */
function getRequired(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  const value = unwrap(node);
  if (value.type === "CallExpression") {
    const callee = value.callee as Node;
    if (callee.type === "Identifier" && callee.name === "require") return getString((value.arguments as Node[])[0]);
  }
  if (value.type === "ImportExpression") return getString(value.source);
  return undefined;
}

/** `a`, `this.app`, `server.router`: the dotted name of an object; `undefined` for anything else. */
function getObjectName(node: Node): string | undefined {
  const value = unwrap(node);
  if (value.type === "Identifier") return value.name as string;
  if (value.type === "ThisExpression") return "this";
  if (value.type === "MemberExpression" && value.computed !== true) {
    const object = getObjectName(value.object as Node);
    const property = value.property as Node;
    return object === undefined ? undefined : `${object}.${property.name as string}`;
  }
  return undefined;
}

/** The object a chain of member calls starts from: `app` in `app.use(a).use(b)`. */
function getCallRoot(node: Node): Node {
  let current = unwrap(node);
  while (current.type === "CallExpression") {
    const callee = unwrap(current.callee as Node);
    if (callee.type !== "MemberExpression") break;
    current = unwrap(callee.object as Node);
  }
  return current;
}

function getRootName(node: Node): string | undefined {
  let current = unwrap(node);
  for (let depth = 0; depth < 10; depth++) {
    if (current.type === "Identifier") return current.name as string;
    if (current.type === "CallExpression" || current.type === "NewExpression") current = unwrap(current.callee as Node);
    else if (current.type === "MemberExpression") current = unwrap(current.object as Node);
    else if (current.type === "ChainExpression") current = unwrap(current.expression as Node);
    else return undefined;
  }
  return undefined;
}

/** Evidence that a function turns a request away: an HTTP 401/403, a throw, a redirect, a library's authenticate. */
const REJECTS =
  /\b40[13]\b|unauthori[sz]ed|forbidden|\bthrow\b|\.redirect\s*\(|\.authenticate\s*\(|\bexpressjwt\s*\(|\bkoaJwt\s*\(/iu;

/** A 401/403 answer or a redirect to a login page, as written. */
const DENIES = /\b40[13]\b|unauthori[sz]ed|forbidden|redirect\w*\s*\([^)]*(?:log-?in|sign-?in)/iu;
const REDIRECTS = /\bredirect\w*\s*\(/u;
/** A login page, written anywhere in the function (`new URL("/auth/login", req.url)` handed to a redirect). */
const LOGIN_PATH = /["'`][^"'`\n]*\/(?:log-?in|sign-?in)\b/iu;
/** Names of path lists that skip auth. */
const PUBLIC_LIST_NAME = /public|unauth|anonymous|ignored|allow|open|skip|bypass|exclude/iu;
/** Session readers by their last name part: `getToken({ req })`, `getServerSession(...)`, `currentUser()`. */
const SESSION_CHECKS: ReadonlySet<string> = new Set(DEFAULT_SESSION_CHECKS.map((name) => name.split(".").at(-1)!));
/** Members that carry credentials wherever they are read. */
const CREDENTIAL_MEMBERS = new Set(["authorization", "cookies", "signedCookies", "session"]);

/**
 * Walks `root` depth-first (type annotations left out), at most `limit` nodes: `visit` answers `true` to
 * stop the walk, `"skip"` to leave the node's children out.
 */
function walkTree(
  root: Node,
  keys: VisitorKeys,
  visit: (node: Node) => boolean | "skip" | void,
  limit = 5000,
): boolean {
  const stack: Node[] = [root];
  let visited = 0;
  while (stack.length > 0 && visited++ < limit) {
    const node = stack.pop()!;
    const answer = visit(node);
    if (answer === true) return true;
    if (answer === "skip") continue;
    for (const key of getChildKeys(node, keys)) {
      if (SKIPPED_KEYS.has(key)) continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child) && !isTypeNode(child)) stack.push(child);
      } else if (isNode(value) && !isTypeNode(value)) {
        stack.push(value);
      }
    }
  }
  return false;
}

/** Whether a function calls something named for auth or reads a credential member, nested functions included. */
function readsCredentials(fn: Node, keys: VisitorKeys): boolean {
  return walkTree(fn, keys, (node) => {
    if (node.type === "CallExpression" || node.type === "NewExpression") {
      const parts = getNameParts(node.callee as unknown as TSESTree.Node);
      if (parts) {
        const info = getAuthNameInfo(parts);
        if ((info.auth && !info.vetoed) || SESSION_CHECKS.has(parts.at(-1)!)) return true;
      }
    }
    if (node.type === "VariableDeclarator") {
      // `const { user } = ctx.state`, `const { user } = req`: the signed-in user, taken from the request.
      const id = node.id as Node;
      const init = node.init as Node | null;
      return (
        id.type === "ObjectPattern" &&
        init !== null &&
        isRequestState(init) &&
        (id.properties as Node[]).some(
          (property) => property.type === "Property" && USER_MEMBERS.has(getPropertyName(property) ?? ""),
        )
      );
    }
    if (node.type !== "MemberExpression" || node.computed) return false;
    const name = ((node.property as Node).name as string | undefined) ?? "";
    return CREDENTIAL_MEMBERS.has(name) || (USER_MEMBERS.has(name) && isRequestState(node.object as Node));
  });
}

/** The signed-in user as auth middleware leaves it: `req.user`, `ctx.state.user`, `res.locals.user`. */
const USER_MEMBERS = new Set(["user", "currentUser", "userId"]);
const REQUEST_OBJECTS = new Set(["req", "request", "ctx", "context", "state", "locals"]);

function isRequestState(node: Node): boolean {
  const name =
    node.type === "Identifier"
      ? (node.name as string)
      : node.type === "MemberExpression" && !node.computed
        ? ((node.property as Node).name as string | undefined)
        : undefined;
  return name !== undefined && REQUEST_OBJECTS.has(name);
}

/**
 * `await jwtMiddleware(req, res)`, `requireAuth(req, res, next)`: a wrapper that runs auth middleware on
 * the request it is handed, which answers 401 for it (express-jwt throws to the error handler).
 */
/** A middleware run by hand: `jwtMiddleware(req, res)`, `requireAuth(ctx, next)`. */
const REQUEST_PARAMETER = /^(?:req|request|ctx|context|c|event)$/u;
const RESPONSE_PARAMETER = /^(?:res|reply|response|next)$/u;

function runsAuthMiddleware(fn: Node, keys: VisitorKeys): boolean {
  return walkTree(fn, keys, (node) => {
    if (node.type !== "CallExpression") return false;
    const [first, second] = node.arguments as Node[];
    if (first?.type !== "Identifier" || !REQUEST_PARAMETER.test(first.name as string)) return false;
    if (second?.type !== "Identifier" || !RESPONSE_PARAMETER.test(second.name as string)) return false;
    const parts = getNameParts(node.callee as unknown as TSESTree.Node);
    if (!parts) return false;
    const info = getAuthNameInfo(parts);
    return info.auth && !info.vetoed && !info.optional;
  });
}

/** A name indexed with brackets: `routeHandlers[` in `routeHandlers[handlerKey]`. */
const INDEXED_NAME = /\b([A-Za-z_$][\w$]*)\s*\[/gu;

/** Fastify hooks that run before the handler, where auth goes. */
const REQUEST_HOOKS = new Set(["onRequest", "preParsing", "preValidation", "preHandler"]);

/**
 * Whether a function enforces auth itself: it calls something that enforces by name
 * (`await request.jwtVerify()`, `jwt.verify(token, secret)`), or it reads credentials and answers 401/403.
 */
function enforcesAuth(fn: Node, body: string, keys: VisitorKeys): boolean {
  if (DENIES.test(body) && readsCredentials(fn, keys)) return true;
  return walkTree(fn, keys, (node) => {
    if (node.type !== "CallExpression") return false;
    const parts = getNameParts(node.callee as unknown as TSESTree.Node);
    if (!parts) return false;
    const info = getAuthNameInfo(parts);
    return info.enforcing && !info.vetoed && !info.optional;
  });
}

/** `register(plugin, { prefix: "/users" })`: the prefix, `""` without one, `null` when it is not a literal. */
function getPrefixOption(options: Node | undefined): string | null {
  const value = options && unwrap(options);
  if (value?.type !== "ObjectExpression") return value === undefined ? "" : null;
  for (const property of value.properties as Node[]) {
    if (property.type === "SpreadElement") return null;
    if (property.type === "Property" && getPropertyName(property) === "prefix")
      return getString(property.value as Node) ?? null;
  }
  return "";
}

/** `__dirname`, `import.meta.dirname`, `import.meta.url` (as `desm`'s `join` takes it), `dirname(…)`. */
function isOwnFolder(node: Node): boolean {
  const value = unwrap(node);
  if (value.type === "Identifier") return value.name === "__dirname";
  if (value.type === "MemberExpression")
    return (
      (value.object as Node).type === "MetaProperty" &&
      /^(?:dirname|url)$/u.test((value.property as Node).name as string)
    );
  if (value.type !== "CallExpression") return false;
  const callee = unwrap(value.callee as Node);
  return (callee.type === "MemberExpression" ? (callee.property as Node).name : callee.name) === "dirname";
}

/** The options of `register(autoload, options)`, when its `dir` is a folder written from this file's. */
function getAutoloadOption(options: Node | undefined): AutoloadFact | undefined {
  const value = options && unwrap(options);
  if (value?.type !== "ObjectExpression") return undefined;
  let dir: string | undefined;
  let prefix: string | null = "";
  let folderPrefixes = true;
  for (const property of value.properties as Node[]) {
    if (property.type !== "Property") continue;
    const name = getPropertyName(property);
    const propertyValue = unwrap(property.value as Node);
    if (name === "dir" && propertyValue.type === "CallExpression") {
      const callee = unwrap(propertyValue.callee as Node);
      const method = callee.type === "MemberExpression" ? (callee.property as Node).name : callee.name;
      const [base, ...rest] = propertyValue.arguments as Node[];
      const segments = rest.map((segment) => getString(segment));
      if (
        (method === "join" || method === "resolve") &&
        base &&
        isOwnFolder(base) &&
        segments.every((x) => x !== undefined)
      )
        dir = segments.join("/");
    } else if (name === "dirNameRoutePrefix") {
      folderPrefixes = !(propertyValue.type === "Literal" && propertyValue.value === false);
    } else if (name === "options" && propertyValue.type === "ObjectExpression") {
      // `options: { ...opts }` (fastify-cli's template) hands on the app's own options, which rarely hold a
      // prefix: only a `prefix` written here is read.
      for (const option of propertyValue.properties as Node[])
        if (option.type === "Property" && getPropertyName(option) === "prefix")
          prefix = getString(option.value) ?? null;
    }
  }
  return dir === undefined ? undefined : { dir, prefix, folderPrefixes };
}

/** Expressions whose value is not the values written in them: what a call returns is something else. */
const CALLS = new Set(["CallExpression", "NewExpression", "AwaitExpression", "TaggedTemplateExpression"]);

/** Identifiers in a subtree, by name; with `valuesOnly`, not inside calls. */
function collectNames(root: Node, keys: VisitorKeys, into: Set<string>, valuesOnly = false): void {
  walkTree(
    root,
    keys,
    (node) => {
      if (node.type === "Identifier") into.add(node.name as string);
      return valuesOnly && CALLS.has(node.type) ? "skip" : undefined;
    },
    2000,
  );
}

/**
 * The calls a function makes with what it is given (see `FileFacts.paramCalls`). What a call returns for
 * the parameters is something else: a session read from a cookie is not the cookie.
 */
function getParamCalls(fn: Node, keys: VisitorKeys): string[] {
  const given = new Set<string>();
  for (const param of fn.params as Node[]) collectNames(param, keys, given);
  if (given.size === 0) return [];
  const declarators: Node[] = [];
  const calls: Node[] = [];
  walkTree(fn.body as Node, keys, (node) => {
    if (node.type === "VariableDeclarator" && isNode(node.init)) declarators.push(node);
    if (node.type === "CallExpression") calls.push(node);
  });
  // Values taken or put together from the parameters, in source order (`const { a } = params`,
  // `const range = a && b ? { a, b } : undefined`).
  declarators.sort((a, b) => getStart(a) - getStart(b));
  for (const declarator of declarators) {
    if (walkTree(declarator.init as Node, keys, (node) => CALLS.has(node.type))) continue;
    const used = new Set<string>();
    collectNames(declarator.init as Node, keys, used);
    if ([...used].some((name) => given.has(name))) collectNames(declarator.id as Node, keys, given);
  }
  const found = new Set<string>();
  for (const call of calls) {
    const args = call.arguments as Node[];
    const used = new Set<string>();
    for (const arg of args) collectNames(arg, keys, used, true);
    if (![...used].some((name) => given.has(name))) continue;
    const callee = unwrap(call.callee as Node);
    if (callee.type === "Identifier") found.add(`${callee.name as string}#${args.length}`);
    else if (callee.type === "MemberExpression" && callee.computed !== true) {
      const object = unwrap(callee.object as Node);
      found.add(
        `${object.type === "Identifier" ? (object.name as string) : ""}.${(callee.property as Node).name as string}#${args.length}`,
      );
    }
  }
  return [...found];
}

const FUNCTION_TYPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

function cannotFailIn(node: Node, keys: VisitorKeys): boolean {
  return (
    getFailingCalls(node as unknown as TSESTree.Node, keys).length === 0 &&
    !holdsRawFailure(node as unknown as TSESTree.Node, keys)
  );
}

/** See {@link FunctionFacts.cannotFail}. */
function isFunctionThatCannotFail(fn: Node, keys: VisitorKeys): boolean {
  const body = fn.body as Node;
  if (body.type !== "BlockStatement") return cannotFailIn(body, keys);
  return (body.body as Node[]).every((statement) => {
    if (statement.type !== "TryStatement" || !isNode(statement.handler)) return cannotFailIn(statement, keys);
    const finalizer = statement.finalizer;
    return (
      cannotFailIn((statement.handler as Node).body as Node, keys) &&
      (!isNode(finalizer) || cannotFailIn(finalizer, keys))
    );
  });
}
/** Methods that register a route on an Express / Koa router or a Hono app. */
const ROUTE_VERBS = new Set(["get", "post", "put", "patch", "delete", "del", "all", "head", "options"]);

/** Skip type-only syntax: nothing in a type runs. */
function isTypeNode(node: Node): boolean {
  return node.type.startsWith("TS") && !EXPRESSION_WRAPPERS.has(node.type) && node.type !== "TSExportAssignment";
}

const MAX_TEXT = 60;

function shorten(text: string): string {
  const flat = text.replace(/\s+/gu, " ");
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}

function getLangFromPath(file: string): "js" | "jsx" | "ts" | "tsx" {
  if (/\.[cm]?tsx?$/u.test(file)) return file.endsWith("x") ? "tsx" : "ts";
  return file.endsWith("x") ? "jsx" : "js";
}

/** Parses `text` as the file `file` is, and keeps its facts. `undefined` when it does not parse at all. */
export function getFileFacts(file: string, text: string): FileFacts | undefined {
  let program: Node;
  try {
    const lang = getLangFromPath(file);
    // JavaScript files may hold JSX without the extension saying so.
    const result = parseSync(file, text, { lang: lang === "js" ? "jsx" : lang, preserveParens: false });
    program = result.program as unknown as Node;
    if (result.errors.length > 0 && (program.body as Node[]).length === 0) return undefined;
  } catch {
    return undefined;
  }
  return collectFacts(program, text, oxcVisitorKeys as VisitorKeys);
}

/**
 * The facts of a file ESLint has already parsed (typescript-eslint's or espree's ESTree), for the file
 * being linted: its current text, without a second parse.
 */
export function getFactsFromAst(program: TSESTree.Program, text: string, keys: VisitorKeys): FileFacts {
  return collectFacts(program as unknown as Node, text, keys, {
    keepPlugins: (plugins) => pluginsOfAst.set(program, plugins),
  });
}

/** Per AST given to {@link getFactsFromAst}: its top-level functions → their local names in the facts. */
const pluginsOfAst = new WeakMap<TSESTree.Program, ReadonlyMap<unknown, string>>();

/**
 * The local name the facts give a top-level function of `program` (or the function a top-level call wraps,
 * as `fp(async (fastify) => {…})`): what the routes and calls made on its instance parameter are recorded
 * on. `undefined` for any other function, or before the facts of `program` are built.
 */
export function getFunctionLocal(program: TSESTree.Program, fn: TSESTree.Node): string | undefined {
  return pluginsOfAst.get(program)?.get(fn);
}

type FunctionQuestions = { readonly [K in keyof FunctionFacts]: () => FunctionFacts[K] };

function answerNow(questions: FunctionQuestions): FunctionFacts {
  return {
    rejects: questions.rejects(),
    authenticates: questions.authenticates(),
    paramCalls: questions.paramCalls(),
    answersConstant: questions.answersConstant(),
    cannotFail: questions.cannotFail(),
  };
}

function answerWhenAsked(questions: FunctionQuestions): FunctionFacts {
  let rejects: boolean | undefined;
  let authenticates: boolean | undefined;
  let paramCalls: readonly string[] | undefined;
  let answersConstant: boolean | undefined;
  let cannotFail: boolean | undefined;
  return {
    get rejects() {
      return (rejects ??= questions.rejects());
    },
    get authenticates() {
      return (authenticates ??= questions.authenticates());
    },
    get paramCalls() {
      return (paramCalls ??= questions.paramCalls());
    },
    get answersConstant() {
      return (answersConstant ??= questions.answersConstant());
    },
    get cannotFail() {
      return (cannotFail ??= questions.cannotFail());
    },
  };
}

function collectFacts(
  program: Node,
  text: string,
  keys: VisitorKeys,
  /** The file being linted: its function questions are answered when asked, and its plugin functions kept. */
  linted?: { keepPlugins: (plugins: ReadonlyMap<unknown, string>) => void },
): FileFacts {
  const facts: FileFacts = {
    specifiers: [],
    imports: new Map(),
    exports: new Map(),
    reexports: [],
    receivers: new Map(),
    calls: [],
    escapes: new Map(),
    functions: new Map(),
    routes: [],
    sharedPlugins: new Map(),
    nestGlobalGuards: [],
    nestMiddleware: [],
    nestGlobalPrefix: undefined,
    nestVersioning: false,
    matcher: undefined,
    publicPathLists: [],
    importUses: new Map(),
    requestTimeImports: new Map(),
  };
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const getLine = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  const slice = (node: Node): string => text.slice(getStart(node), getEnd(node));
  /** Identifiers that are mount or middleware arguments of a `use` / `route` call: not escapes. */
  const mountArguments = new Set<Node>();
  /** The creating expression of a call chain bound to a name (`new Hono()` in `const v1 = new Hono().route(…)`) → that name. */
  const chainNames = new Map<Node, string>();
  /** Local names bound to the framework modules, for recognising what creates an app or router. */
  const frameworkNames = new Map<string, string>();
  /** Top-level functions (and the functions a top-level call wraps) → their local names: whose instance parameter a call is made on. */
  const pluginLocals = new Map<Node, string>();
  /** `const app = fastify.withTypeProvider()` → `app` → `fastify`. */
  const receiverAliases = new Map<string, string>();
  /** Top-level objects of request handlers that all authenticate: `const routeHandlers = { "GET /": async (req, res) => {…} }`. */
  const authenticatingTables = new Set<string>();

  const addImport = (local: string, specifier: string, imported: string): void => {
    facts.imports.set(local, { specifier, imported });
    if (/^(?:express|koa|@koa\/router|koa-router|hono)$|^@hono\//u.test(specifier))
      frameworkNames.set(local, `${specifier}#${imported}`);
  };

  /**
   * Whether a function authenticates the request: it reads credentials and answers 401/403 or redirects to
   * a login page, or it runs auth middleware on the request.
   */
  const authenticates = (node: Node, body: string): boolean =>
    ((DENIES.test(body) || (REDIRECTS.test(body) && LOGIN_PATH.test(body))) && readsCredentials(node, keys)) ||
    (FUNCTION_TYPES.has(node.type) && runsAuthMiddleware(node, keys));

  /** Each top-level function's questions, answered once the whole file is walked (dispatch tables are known then). */
  const functionQuestions = new Map<string, FunctionQuestions>();

  const recordFunction = (local: string, node: Node): void => {
    const value = unwrap(node);
    pluginLocals.set(value, local);
    // `export default fp(async (fastify) => {…})`: the wrapped function is the plugin.
    const wrapped = value.type === "CallExpression" ? unwrap((value.arguments as Node[])[0] ?? value) : undefined;
    if (wrapped && FUNCTION_TYPES.has(wrapped.type)) pluginLocals.set(wrapped, local);
    if (wrapped && (FUNCTION_TYPES.has(wrapped.type) || wrapped.type === "Identifier")) {
      const wrapper = unwrap(value.callee as Node);
      const source =
        wrapper.type === "Identifier" ? facts.imports.get(wrapper.name as string)?.specifier : getRequired(wrapper);
      if (source === "fastify-plugin")
        facts.sharedPlugins.set(local, wrapped.type === "Identifier" ? (wrapped.name as string) : local);
    }
    const body = slice(node);
    // `export default withAuth(handler)`, `auth((req) => …)`: a wrapper named for auth answers for what it wraps.
    const parts =
      node.type === "CallExpression"
        ? getNameParts(unwrap(node.callee as Node) as unknown as TSESTree.Node)
        : undefined;
    const wrappedByAuth = parts !== undefined && getAuthNameInfo(parts).auth && !getAuthNameInfo(parts).vetoed;
    // `const handler = routeHandlers[key]`: a lookup in a table of handlers that each check the session.
    const dispatchesToAuthenticators = (): boolean =>
      authenticatingTables.size > 0 &&
      [...body.matchAll(INDEXED_NAME)].some((match) => authenticatingTables.has(match[1]!));
    const earlier = functionQuestions.get(local);
    functionQuestions.set(local, {
      rejects: () => REJECTS.test(body),
      authenticates: () =>
        wrappedByAuth || authenticates(node, body) || dispatchesToAuthenticators() || earlier?.authenticates() === true,
      paramCalls: () => (FUNCTION_TYPES.has(node.type) ? getParamCalls(node, keys) : (earlier?.paramCalls() ?? [])),
      answersConstant: () => FUNCTION_TYPES.has(node.type) && isConstantFunction(node as unknown as FunctionNode),
      cannotFail: () => FUNCTION_TYPES.has(node.type) && isFunctionThatCannotFail(node, keys),
    });
  };

  function getCreatedPrefix(init: Node): ReceiverFact | undefined {
    const value = unwrap(init);
    if (value.type === "CallExpression") {
      const callee = unwrap(value.callee as Node);
      // `new Hono().basePath("/api")`
      if (callee.type === "MemberExpression" && (callee.property as Node).name === "basePath") {
        const base = getCreatedPrefix(callee.object as Node);
        const path = getString((value.arguments as Node[])[0]);
        return base
          ? { prefix: path === undefined ? undefined : `${base.prefix ?? ""}${path}`, framework: base.framework }
          : undefined;
      }
      const root = getRootName(callee);
      const origin = root === undefined ? undefined : frameworkNames.get(root);
      const required =
        callee.type === "CallExpression"
          ? getRequired(callee)
          : callee.type === "MemberExpression"
            ? getRequired(callee.object)
            : undefined;
      if (origin?.startsWith("express#") || required === "express") return { prefix: undefined, framework: "express" };
      return undefined;
    }
    if (value.type === "NewExpression") {
      const callee = unwrap(value.callee as Node);
      const root = getRootName(callee);
      const origin = root === undefined ? undefined : frameworkNames.get(root);
      const required =
        getRequired(callee) ?? (callee.type === "MemberExpression" ? getRequired(callee.object) : undefined);
      const source = origin?.split("#")[0] ?? required;
      if (source === undefined) return undefined;
      if (source === "@koa/router" || source === "koa-router") {
        const options = (value.arguments as Node[])[0];
        let prefix: string | undefined;
        if (options && unwrap(options).type === "ObjectExpression") {
          for (const property of unwrap(options).properties as Node[]) {
            if (property.type === "Property" && getPropertyName(property) === "prefix")
              prefix = getString(property.value);
          }
        }
        return { prefix, framework: "koa" };
      }
      if (source === "koa") return { prefix: undefined, framework: "koa" };
      if (source === "hono" || source.startsWith("@hono/")) return { prefix: undefined, framework: "hono" };
    }
    return undefined;
  }

  function toArg(node: Node): ArgFact[] {
    const value = unwrap(node);
    const textOf = shorten(slice(value));
    if (value.type === "ArrayExpression") {
      const elements = (value.elements as (Node | null)[]).filter(isNode);
      const strings = elements.map((element) => getString(element));
      if (elements.length > 0 && strings.every((s): s is string => s !== undefined))
        return [{ kind: "path", paths: strings, text: textOf }];
      return elements.flatMap(toArg);
    }
    const path = getString(value);
    if (path !== undefined) return [{ kind: "path", paths: [path], text: textOf }];
    if (value.type === "Identifier") {
      mountArguments.add(value);
      return [{ kind: "ref", name: value.name as string, text: textOf }];
    }
    if (value.type === "CallExpression") {
      const callee = unwrap(value.callee as Node);
      // koa-mount: `mount("/oauth", oauthApp)` mounts its last argument under its first. The pieces keep
      // the call's text between them, so the mount is described as written.
      if (callee.type === "Identifier" && facts.imports.get(callee.name as string)?.specifier === "koa-mount") {
        const pieces = (value.arguments as Node[]).flatMap(toArg);
        if (pieces.length > 0) {
          pieces[0] = { ...pieces[0]!, text: `${callee.name as string}(${pieces[0]!.text}` };
          pieces[pieces.length - 1] = { ...pieces.at(-1)!, text: `${pieces.at(-1)!.text})` };
        }
        return pieces;
      }
      if (callee.type === "MemberExpression" && callee.computed !== true) {
        const method = (callee.property as Node).name;
        const object = unwrap(callee.object as Node);
        // Koa's `router.routes()` takes nothing; `OpenApiValidator.middleware({ apiSpec })` is middleware, not a router.
        if (
          (method === "routes" || method === "middleware") &&
          object.type === "Identifier" &&
          (value.arguments as Node[]).length === 0
        ) {
          return [{ kind: "routes", name: object.name as string, text: textOf }];
        }
        if (method === "allowedMethods") return [{ kind: "allowed", text: textOf }];
      }
    }
    return [
      { kind: "other", parts: getNameParts(value as unknown as TSESTree.Node), root: getRootName(value), text: textOf },
    ];
  }

  /**
   * The receiver a call is made on: its name, or — when that name is the first parameter of a top-level
   * function (a plugin's instance: `export default async function users(app) { app.get(…) }`) — the
   * function's local name, which is how other files register it, with the name as `written`.
   */
  function getReceiver(entry: WalkEntry, root: Node): { name: string; written?: string } | undefined {
    const found = getObjectName(root) ?? chainNames.get(root);
    if (found === undefined || root.type !== "Identifier") return found === undefined ? undefined : { name: found };
    // `const app = fastify.withTypeProvider<ZodTypeProvider>()`: the same instance, typed.
    const name = receiverAliases.get(found) ?? found;
    for (let current = entry.up; current; current = current.up) {
      if (!FUNCTION_TYPES.has(current.node.type)) continue;
      const params = current.node.params as Node[];
      const index = params.findIndex((param) => param.type === "Identifier" && param.name === name);
      if (index === -1) continue;
      const local = pluginLocals.get(current.node);
      return index === 0 && local !== undefined ? { name: local, written: found } : { name: found };
    }
    return { name: found };
  }

  function onCall(entry: WalkEntry): void {
    const node = entry.node;
    const callee = unwrap(node.callee as Node);
    const required = getRequired(node);
    if (required !== undefined) facts.specifiers.push(required);
    if (callee.type !== "MemberExpression" || callee.computed === true) return;
    const method = (callee.property as Node).name;
    if (method === "useGlobalGuards") {
      for (const argument of node.arguments as Node[]) {
        const value = unwrap(argument);
        const name =
          value.type === "NewExpression"
            ? getRootName(unwrap(value.callee as Node))
            : value.type === "Identifier"
              ? (value.name as string)
              : undefined;
        if (name !== undefined) facts.nestGlobalGuards.push(name);
      }
      return;
    }
    if (method === "forRoutes") {
      onForRoutes(node, callee);
      return;
    }
    if (method === "enableVersioning") {
      facts.nestVersioning = true;
      return;
    }
    if (method === "setGlobalPrefix") {
      facts.nestGlobalPrefix = getGlobalPrefix(node.arguments as Node[]);
      return;
    }
    if (ROUTE_VERBS.has(method as string)) {
      const root = getCallRoot(callee.object as Node);
      const receiver = getReceiver(entry, root)?.name;
      // `map.get(key)`, `config.get("db.host")`: only a created router or a path says it is a route.
      const first = getString((node.arguments as Node[])[0]);
      if (receiver === undefined || !(facts.receivers.has(receiver) || first?.startsWith("/") === true)) return;
      const args = (node.arguments as Node[]).flatMap((arg) => (arg.type === "SpreadElement" ? [] : toArg(arg)));
      facts.routes.push({ receiver, method: method as string, args, line: getLine(getStart(callee.property as Node)) });
      return;
    }
    if (method !== "use" && method !== "route" && method !== "register" && method !== "addHook") return;
    const root = getCallRoot(callee.object as Node);
    const found = getReceiver(entry, root);
    if (found === undefined) return;
    const { name: receiver, written } = found;
    const order = getStart(callee.property as Node);
    const line = getLine(order);
    const [first, second] = node.arguments as Node[];
    if (method === "addHook") {
      const hook = getString(first);
      if (hook === undefined || !REQUEST_HOOKS.has(hook) || !second) return;
      facts.calls.push({ receiver, method, args: toHookArg(second), order, line, written });
      return;
    }
    const args = (node.arguments as Node[]).flatMap((arg) => (arg.type === "SpreadElement" ? [] : toArg(arg)));
    const developmentOnly = isInDevelopmentBranch(entry) ? { developmentOnly: true as const } : {};
    if (method === "register") {
      if (!first || args[0]?.kind !== "ref") return;
      const awaited = entry.up?.node.type === "AwaitExpression";
      const plugin = args[0].name;
      const autoload =
        facts.imports.get(plugin)?.specifier === "@fastify/autoload" ? getAutoloadOption(second) : undefined;
      facts.calls.push({
        receiver,
        method,
        args,
        order,
        line,
        prefix: getPrefixOption(second),
        written,
        awaited,
        ...(autoload && { autoload }),
        ...developmentOnly,
      });
      return;
    }
    facts.calls.push({ receiver, method, args, order, line, written, ...developmentOnly });
  }

  /** A hook as an argument: an inline function is judged here, where its code is, for whether it enforces auth. */
  function toHookArg(node: Node): ArgFact[] {
    const value = unwrap(node);
    if (!FUNCTION_TYPES.has(value.type)) return toArg(node);
    return [
      {
        kind: "other",
        parts: undefined,
        root: undefined,
        text: shorten(slice(value)),
        authenticates: enforcesAuth(value, slice(value), keys),
      },
    ];
  }

  /** `consumer.apply(A, B).exclude(...).forRoutes(...)`. */
  function onForRoutes(node: Node, callee: Node): void {
    const binding: NestMiddlewareFact = { names: [], routes: [], excluded: [] };
    const toRoute = (argument: Node): { path?: string; method?: string; controller?: string } | undefined => {
      const value = unwrap(argument);
      const path = getString(value);
      if (path !== undefined) return { path };
      if (value.type === "Identifier") return { controller: value.name as string };
      if (value.type !== "ObjectExpression") return undefined;
      const route: { path?: string; method?: string } = {};
      for (const property of value.properties as Node[]) {
        if (property.type !== "Property") continue;
        const key = getPropertyName(property);
        const propertyValue = unwrap(property.value as Node);
        if (key === "path") route.path = getString(propertyValue);
        // `RequestMethod.GET`
        if (key === "method" && propertyValue.type === "MemberExpression")
          route.method = (propertyValue.property as Node).name as string | undefined;
      }
      return route;
    };
    for (const argument of node.arguments as Node[]) {
      const route = toRoute(argument);
      if (route) binding.routes.push(route);
    }
    for (let link = unwrap(callee.object as Node); link.type === "CallExpression";) {
      const linkCallee = unwrap(link.callee as Node);
      if (linkCallee.type !== "MemberExpression") break;
      const name = (linkCallee.property as Node).name;
      if (name === "apply") {
        for (const argument of link.arguments as Node[]) {
          const value = unwrap(argument);
          const applied =
            value.type === "CallExpression" ? getRootName(unwrap(value.callee as Node)) : getRootName(value);
          if (applied !== undefined) binding.names.push(applied);
        }
        break;
      }
      if (name === "exclude") {
        for (const argument of link.arguments as Node[]) {
          const route = toRoute(argument);
          if (route && route.controller === undefined) binding.excluded.push(route);
        }
      }
      link = unwrap(linkCallee.object as Node);
    }
    if (binding.names.length > 0) facts.nestMiddleware.push(binding);
  }

  /** Paths of an array of string literals that all start with `/`. */
  function getPathList(value: Node): string[] | undefined {
    if (value.type !== "ArrayExpression") return undefined;
    const paths = (value.elements as (Node | null)[]).map((element) => (element ? getString(element) : undefined));
    return paths.length > 0 && paths.every((path): path is string => path?.startsWith("/") === true)
      ? paths
      : undefined;
  }

  /** `export const config = { matcher }`, and public path lists (also through `createRouteMatcher([...])`). */
  function onTopLevelValue(name: string, value: Node): void {
    if (value.type === "ObjectExpression" && isAuthenticatingTable(value)) authenticatingTables.add(name);
    if (name === "config" && value.type === "ObjectExpression") {
      for (const property of value.properties as Node[]) {
        if (property.type !== "Property" || getPropertyName(property) !== "matcher") continue;
        const matcher = unwrap(property.value as Node);
        const single = getString(matcher);
        facts.matcher = single === undefined ? (getPathList(matcher) ?? []) : [single];
      }
      return;
    }
    if (!PUBLIC_LIST_NAME.test(name)) return;
    const list = value.type === "CallExpression" ? (value.arguments as Node[])[0] : value;
    const paths = list ? getPathList(unwrap(list)) : undefined;
    if (paths) facts.publicPathLists.push(paths);
  }

  /** Two or more properties, every one a function that authenticates. */
  function isAuthenticatingTable(object: Node): boolean {
    const properties = object.properties as Node[];
    if (properties.length < 2) return false;
    return properties.every((property) => {
      if (property.type !== "Property") return false;
      const value = unwrap(property.value as Node);
      return FUNCTION_TYPES.has(value.type) && authenticates(value, slice(value));
    });
  }

  /** `{ provide: APP_GUARD, useClass: JwtAuthGuard }` among a module's providers. */
  function onObject(node: Node): void {
    let provides = false;
    let guard: string | undefined;
    for (const property of node.properties as Node[]) {
      if (property.type !== "Property") continue;
      const key = getPropertyName(property);
      const value = unwrap(property.value as Node);
      if (key === "provide" && value.type === "Identifier" && value.name === "APP_GUARD") provides = true;
      if ((key === "useClass" || key === "useExisting") && value.type === "Identifier") guard = value.name as string;
    }
    if (provides && guard !== undefined) facts.nestGlobalGuards.push(guard);
  }

  function onDeclarator(node: Node, topLevel: boolean): void {
    const id = node.id as Node;
    const init = node.init as Node | null;
    if (!init) return;
    const required = getRequired(init);
    if (id.type === "Identifier") {
      const name = id.name as string;
      if (topLevel) onTopLevelValue(name, unwrap(init));
      if (required !== undefined) {
        addImport(name, required, "default");
        return;
      }
      // `const x = require("./x").default`
      const value = unwrap(init);
      if (value.type === "MemberExpression" && value.computed !== true) {
        const from = getRequired(value.object);
        if (from !== undefined) {
          addImport(name, from, (value.property as Node).name as string);
          return;
        }
      }
      if (value.type === "CallExpression") {
        const callee = unwrap(value.callee as Node);
        const object = callee.type === "MemberExpression" ? unwrap(callee.object as Node) : undefined;
        if ((callee.property as Node | undefined)?.name === "withTypeProvider" && object?.type === "Identifier")
          receiverAliases.set(name, object.name as string);
      }
      const created = getCreatedPrefix(init);
      if (created) facts.receivers.set(name, created);
      else {
        // `const v1 = new Hono().route("/lists", lists).route(…)`: the chain's calls are on `v1`.
        const root = getCallRoot(init);
        const chained = root !== unwrap(init) ? getCreatedPrefix(root) : undefined;
        if (chained) {
          facts.receivers.set(name, chained);
          chainNames.set(root, name);
        }
      }
      if (topLevel && (FUNCTION_TYPES.has(value.type) || value.type === "CallExpression")) recordFunction(name, init);
      return;
    }
    if (id.type === "ObjectPattern" && required !== undefined) {
      for (const property of id.properties as Node[]) {
        const local = property.value as Node | undefined;
        const key = property.type === "Property" ? getPropertyName(property) : undefined;
        if (key !== undefined && local?.type === "Identifier") addImport(local.name as string, required, key);
      }
    }
  }

  function onModuleExports(node: Node): void {
    const left = unwrap(node.left as Node);
    const right = unwrap(node.right as Node);
    const target = getObjectName(left);
    let exported: string | undefined;
    if (target === "module.exports") exported = "default";
    else if (target?.startsWith("module.exports.") === true) exported = target.slice("module.exports.".length);
    else if (target?.startsWith("exports.") === true) exported = target.slice("exports.".length);
    if (exported === undefined || exported.includes(".")) return;
    if (right.type === "Identifier") {
      facts.exports.set(exported, right.name as string);
      mountArguments.add(right);
    } else if (FUNCTION_TYPES.has(right.type) || right.type === "CallExpression") {
      const local = `*${exported}*`;
      facts.exports.set(exported, local);
      recordFunction(local, right);
      if (getCreatedPrefix(right)) facts.receivers.set(local, getCreatedPrefix(right)!);
    } else if (right.type === "ObjectExpression" && exported === "default") {
      for (const property of right.properties as Node[]) {
        const key = property.type === "Property" ? getPropertyName(property) : undefined;
        const value = property.value as Node | undefined;
        if (key !== undefined && value && unwrap(value).type === "Identifier") {
          facts.exports.set(key, unwrap(value).name as string);
          mountArguments.add(unwrap(value));
        }
      }
    }
  }

  function onImportUse(entry: WalkEntry): void {
    // The walk's entries lead up to the root: the parent of a node on that path, without a map per use.
    const getParent = (node: Node): Node | undefined => {
      for (let current: WalkEntry | undefined = entry; current?.up; current = current.up)
        if (current.node === node) return current.up.node;
      return undefined;
    };
    const use = describeValueUse(entry.node, getParent, facts.imports);
    const name = entry.node.name as string;
    const uses = facts.importUses.get(name);
    if (!uses) facts.importUses.set(name, [use]);
    else if (!uses.includes(use)) uses.push(use);
    facts.requestTimeImports.set(name, (facts.requestTimeImports.get(name) ?? true) && isRequestTimeCall(entry));
  }

  function onStatement(statement: Node): void {
    switch (statement.type) {
      case "ImportDeclaration": {
        const specifier = getString(statement.source);
        if (specifier === undefined) return;
        facts.specifiers.push(specifier);
        if (statement.importKind === "type") return;
        for (const s of (statement.specifiers as Node[]) ?? []) {
          const local = (s.local as Node).name as string;
          if (s.type === "ImportDefaultSpecifier") addImport(local, specifier, "default");
          else if (s.type === "ImportNamespaceSpecifier") addImport(local, specifier, "*");
          else if (s.importKind !== "type") {
            const imported = s.imported as Node;
            addImport(
              local,
              specifier,
              imported.type === "Identifier" ? (imported.name as string) : String(imported.value),
            );
          }
        }
        return;
      }
      case "ExportNamedDeclaration": {
        const source = getString(statement.source);
        if (source !== undefined) facts.specifiers.push(source);
        const declaration = statement.declaration as Node | null;
        if (declaration?.type === "VariableDeclaration") {
          for (const declarator of declaration.declarations as Node[]) {
            const id = declarator.id as Node;
            if (id.type === "Identifier") facts.exports.set(id.name as string, id.name as string);
          }
        } else if (
          declaration &&
          (declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration")
        ) {
          const id = declaration.id as Node | null;
          if (id) facts.exports.set(id.name as string, id.name as string);
        }
        if (statement.exportKind === "type") return;
        for (const s of (statement.specifiers as Node[]) ?? []) {
          if (s.exportKind === "type") continue;
          const local = s.local as Node;
          const exported = s.exported as Node;
          const localName = local.type === "Identifier" ? (local.name as string) : String(local.value);
          const exportedName = exported.type === "Identifier" ? (exported.name as string) : String(exported.value);
          if (source !== undefined)
            facts.reexports.push({ exported: exportedName, specifier: source, imported: localName });
          else facts.exports.set(exportedName, localName);
        }
        return;
      }
      case "ExportAllDeclaration": {
        const source = getString(statement.source);
        if (source === undefined) return;
        facts.specifiers.push(source);
        const exported = statement.exported as Node | null;
        const name = exported ? ((exported.name as string | undefined) ?? getString(exported)) : "*";
        if (name !== undefined) facts.reexports.push({ exported: name, specifier: source, imported: "*" });
        return;
      }
      case "ExportDefaultDeclaration":
      case "TSExportAssignment": {
        const declaration = unwrap((statement.declaration ?? statement.expression) as Node);
        if (declaration.type === "Identifier") {
          facts.exports.set("default", declaration.name as string);
          mountArguments.add(declaration);
        } else if (
          (declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration") &&
          isNode(declaration.id)
        ) {
          facts.exports.set("default", declaration.id.name as string);
          if (declaration.type === "FunctionDeclaration") recordFunction(declaration.id.name as string, declaration);
        } else {
          facts.exports.set("default", "*default*");
          if (FUNCTION_TYPES.has(declaration.type) || declaration.type === "CallExpression")
            recordFunction("*default*", declaration);
          const created = getCreatedPrefix(declaration);
          if (created) facts.receivers.set("*default*", created);
        }
        return;
      }
      default:
    }
  }

  for (const statement of program.body as Node[]) {
    onStatement(statement);
    const declaration = (
      statement.type === "ExportNamedDeclaration" ? statement.declaration : statement
    ) as Node | null;
    if (declaration?.type === "FunctionDeclaration" && isNode(declaration.id))
      recordFunction(declaration.id.name as string, declaration);
  }

  // One walk over everything else: declarations at any depth (an app created inside `main()`), calls, escapes.
  const topDeclarators = new Set<Node>();
  for (const statement of program.body as Node[]) {
    const declaration = (
      statement.type === "ExportNamedDeclaration" ? statement.declaration : statement
    ) as Node | null;
    if (declaration?.type === "VariableDeclaration")
      for (const d of declaration.declarations as Node[]) topDeclarators.add(d);
  }
  // Declarations first, so `const app = express()` is known wherever the walk meets it.
  const escaped: Node[] = [];
  const visit = (entry: WalkEntry): void => {
    const { node, parent, key } = entry;
    switch (node.type) {
      case "VariableDeclarator":
        onDeclarator(node, topDeclarators.has(node));
        break;
      case "CallExpression":
        onCall(entry);
        break;
      case "ObjectExpression":
        onObject(node);
        break;
      case "ImportExpression": {
        const specifier = getString(node.source);
        if (specifier !== undefined) facts.specifiers.push(specifier);
        break;
      }
      case "AssignmentExpression":
        if (parent?.type === "ExpressionStatement") onModuleExports(node);
        break;
      case "Identifier":
        if (parent && isEscapePosition(parent, key)) escaped.push(node);
        if (parent && facts.imports.has(node.name as string) && isValueReference(parent, key)) onImportUse(entry);
        break;
      default:
    }
  };
  walkEntries(program, keys, visit);
  for (const identifier of escaped) {
    if (mountArguments.has(identifier)) continue;
    const name = identifier.name as string;
    facts.escapes.set(name, (facts.escapes.get(name) ?? 0) + 1);
  }
  facts.calls.sort((a, b) => a.order - b.order);
  for (const [local, questions] of functionQuestions)
    facts.functions.set(local, linted ? answerWhenAsked(questions) : answerNow(questions));
  linted?.keepPlugins(pluginLocals);
  return facts;
}

/** Registrations whose function argument runs on each request: routes, middleware, request hooks, error handlers. */
const REQUEST_REGISTRATIONS = new Set([
  ...ROUTE_METHODS.keys(),
  "use",
  "addHook",
  "setErrorHandler",
  "setNotFoundHandler",
  "onError",
  "notFound",
]);
const NEXT_ROUTE_EXPORTS = new Set<string>(ROUTE_METHODS.values());
const NEST_ROUTE_DECORATORS = new Set(["Get", "Post", "Put", "Patch", "Delete", "All", "Head", "Options"]);
const REQUEST_PARAMS = new Set(["req", "request"]);
const RESPONSE_PARAMS = new Set(["res", "response", "reply"]);

function getParamName(param: unknown): string | undefined {
  if (!isNode(param)) return undefined;
  const target = param.type === "AssignmentPattern" ? (param.left as Node) : param;
  return target.type === "Identifier" ? (target.name as string) : undefined;
}

/**
 * Whether a function, by how it is written where it stands, is one a server calls with a request: an
 * argument of a route, middleware or hook registration (`router.post(path, fn)`, `app.use(fn)`, through one
 * wrapper such as `asyncHandler(fn)`), a Next.js route export (`export async function POST`), a Nest
 * controller method with a route decorator, or a function whose parameters are named `(req, res)`.
 */
function isHandlerEntry(entry: WalkEntry): boolean {
  const fn = entry.node;
  const [first, second] = (fn.params as unknown[] | undefined) ?? [];
  if (REQUEST_PARAMS.has(getParamName(first) ?? "") && RESPONSE_PARAMS.has(getParamName(second) ?? "")) return true;
  const call = entry.key === "arguments" ? entry.up?.node : undefined;
  // `asyncHandler(async (req, res) => …)` given to the registration.
  const outer = call && entry.up?.key === "arguments" ? entry.up.up?.node : undefined;
  for (const candidate of [call, outer]) {
    if (candidate?.type !== "CallExpression") continue;
    const callee = candidate.callee as Node;
    const method =
      callee.type === "MemberExpression" && callee.computed !== true ? (callee.property as Node) : undefined;
    if (method?.type === "Identifier" && REQUEST_REGISTRATIONS.has(method.name as string)) return true;
  }
  const parent = entry.up?.node;
  if (parent?.type === "MethodDefinition") {
    const decorators = (parent.decorators as Node[] | undefined) ?? [];
    return decorators.some((decorator) => {
      const expression = decorator.expression as Node;
      const callee = expression.type === "CallExpression" ? (expression.callee as Node) : expression;
      return callee.type === "Identifier" && NEST_ROUTE_DECORATORS.has(callee.name as string);
    });
  }
  // `export async function POST(…)`, `export const GET = async (…) => …`.
  const declared =
    fn.type === "FunctionDeclaration"
      ? (fn.id as Node | null)?.name
      : parent?.type === "VariableDeclarator"
        ? (parent.id as Node).name
        : undefined;
  if (typeof declared !== "string" || !NEXT_ROUTE_EXPORTS.has(declared)) return false;
  for (let current = entry.up; current; current = current.up)
    if (current.node.type === "ExportNamedDeclaration") return true;
  return false;
}

/**
 * Whether the identifier at `entry` is called where it stands (`helper(…)`, `await helper(…)`) inside a
 * function a server calls with a request (see {@link isHandlerEntry}), directly or in a callback of it.
 */
function isRequestTimeCall(entry: WalkEntry): boolean {
  const parent = entry.up;
  if (parent?.node.type !== "CallExpression" || entry.key !== "callee") return false;
  for (let current = parent.up; current; current = current.up) {
    if (FUNCTION_TYPES.has(current.node.type) && isHandlerEntry(current)) return true;
  }
  return false;
}

/** Whether a node of the walk sits in an `if` branch that runs only outside production. */
function isInDevelopmentBranch(entry: WalkEntry): boolean {
  for (let current: WalkEntry | undefined = entry; current?.parent; current = current.up) {
    const parent = current.parent;
    if (parent.type === "IfStatement" && current.key !== "test")
      if (isDevelopmentBranch(parent.test as unknown as TSESTree.Node, current.key === "consequent")) return true;
  }
  return false;
}

/** Where a value named by an identifier can go somewhere the model does not follow. */
function isEscapePosition(parent: Node, key: string): boolean {
  switch (parent.type) {
    case "CallExpression":
    case "NewExpression":
      return key === "arguments";
    case "ArrayExpression":
      return true;
    case "Property":
      return key === "value";
    case "VariableDeclarator":
      return key === "init";
    case "AssignmentExpression":
      return key === "right";
    case "ReturnStatement":
    case "ConditionalExpression":
    case "LogicalExpression":
    case "SpreadElement":
      return true;
    default:
      return false;
  }
}

interface WalkEntry {
  node: Node;
  parent: Node | undefined;
  key: string;
  up: WalkEntry | undefined;
}

/** Where the walk is in one node: the child keys left (last first) and the array it is going through. */
interface WalkFrame {
  node: Node;
  keys: readonly string[];
  keyIndex: number;
  array: readonly unknown[] | undefined;
  arrayKey: string;
  arrayIndex: number;
  /** The key of the child {@link walkEntries}' `next` returned last. */
  childKey: string;
}

/**
 * Visits every node below `program` but type annotations, depth first: an array's elements in order, a
 * node's keys last first. The entry handed to `visit` (with the chain up to the root) is valid only
 * during the call: one entry and one frame per depth are reused for every node at that depth, so the walk
 * allocates nothing per node.
 */
function walkEntries(program: Node, keys: VisitorKeys, visit: (entry: WalkEntry) => void): void {
  const entries: WalkEntry[] = [{ node: program, parent: undefined, key: "", up: undefined }];
  const frames: WalkFrame[] = [];
  const enter = (depth: number, node: Node): void => {
    const childKeys = getChildKeys(node, keys);
    const frame = frames[depth];
    if (frame) {
      frame.node = node;
      frame.keys = childKeys;
      frame.keyIndex = childKeys.length - 1;
      frame.array = undefined;
    } else {
      frames[depth] = {
        node,
        keys: childKeys,
        keyIndex: childKeys.length - 1,
        array: undefined,
        arrayKey: "",
        arrayIndex: 0,
        childKey: "",
      };
    }
  };
  /** The frame's next child (its key in `frame.childKey`), or `undefined` when the node has no more. */
  const next = (frame: WalkFrame): Node | undefined => {
    for (;;) {
      if (frame.array) {
        while (frame.arrayIndex < frame.array.length) {
          const child = frame.array[frame.arrayIndex++];
          if (isNode(child)) {
            frame.childKey = frame.arrayKey;
            return child;
          }
        }
        frame.array = undefined;
      }
      if (frame.keyIndex < 0) return undefined;
      const key = frame.keys[frame.keyIndex--]!;
      const node = frame.node;
      // Decorators are walked only on classes: a module's `@Module({ providers: [...] })` holds its global guards.
      if (
        SKIPPED_KEYS.has(key) &&
        !(key === "decorators" && (node.type === "ClassDeclaration" || node.type === "ClassExpression"))
      )
        continue;
      const value = node[key];
      if (Array.isArray(value)) {
        frame.array = value;
        frame.arrayKey = key;
        frame.arrayIndex = 0;
      } else if (isNode(value)) {
        frame.childKey = key;
        return value;
      }
    }
  };
  if (isTypeNode(program)) return;
  visit(entries[0]!);
  enter(0, program);
  for (let depth = 0; depth >= 0;) {
    const frame = frames[depth]!;
    const child = next(frame);
    if (!child) {
      depth--;
      continue;
    }
    if (isTypeNode(child)) continue;
    const up = entries[depth]!;
    let entry = entries[depth + 1];
    if (entry) {
      entry.node = child;
      entry.parent = up.node;
      entry.key = frame.childKey;
    } else {
      entry = { node: child, parent: up.node, key: frame.childKey, up };
      entries[depth + 1] = entry;
    }
    visit(entry);
    depth++;
    enter(depth, child);
  }
}

/** Whether an identifier at `parent[key]` reads a binding (not a property name, a declaration or an import specifier). */
function isValueReference(parent: Node, key: string): boolean {
  switch (parent.type) {
    case "MemberExpression":
      return key === "object" || parent.computed === true;
    case "Property":
    case "PropertyDefinition":
    case "MethodDefinition":
      return key === "value" && parent.type === "Property";
    case "ImportSpecifier":
    case "ImportDefaultSpecifier":
    case "ImportNamespaceSpecifier":
    case "ExportSpecifier":
    case "VariableDeclarator":
    case "LabeledStatement":
    case "BreakStatement":
    case "ContinueStatement":
      return key === "init";
    case "ClassDeclaration":
    case "ClassExpression":
      return key === "superClass";
    default:
      return FUNCTION_TYPES.has(parent.type) ? key === "body" : true;
  }
}

/**
 * Where a value goes, for rules that need to know what consumes it: the call it is an argument of, or the
 * option of an options object given to a call, named by the module the callee is imported from —
 * `session({ secret: s })` with `import session from "express-session"` is `express-session(0).secret`,
 * `jwt.sign(p, s)` with `import jwt from "jsonwebtoken"` is `jsonwebtoken.sign(1)`, `new Strategy({ secretOrKey: s })`
 * with `Strategy` from passport-jwt is `passport-jwt.Strategy(0).secretOrKey`. `*` for anything else.
 * The project model's walk records this for every imported value; {@link describeLintedValueUse} asks it of
 * ESLint's tree.
 */
function describeValueUse(
  node: Node,
  parentOf: (node: Node) => Node | undefined,
  imports: ReadonlyMap<string, ImportFact>,
): string {
  let value = node as Node;
  let parent = parentOf(value);
  while (parent && (EXPRESSION_WRAPPERS.has(parent.type) || parent.type === "AwaitExpression")) {
    value = parent;
    parent = parentOf(value);
  }
  let option: string | undefined;
  if (parent?.type === "Property" && parent.value === value && parent.computed !== true) {
    option = getPropertyName(parent);
    const object = parentOf(parent);
    if (option === undefined || object?.type !== "ObjectExpression") return "*";
    value = object;
    parent = parentOf(object);
  }
  if (parent?.type !== "CallExpression" && parent?.type !== "NewExpression") return "*";
  const index = (parent.arguments as Node[]).indexOf(value);
  const callee = index === -1 ? undefined : describeCallee(parent.callee as Node, imports);
  if (callee === undefined) return "*";
  return `${callee}(${index})${option === undefined ? "" : `.${option}`}`;
}

/** {@link describeValueUse} for a node of the file being linted, with that file's imports (`getLintedFileFacts`). */
export function describeLintedValueUse(node: TSESTree.Node, imports: ReadonlyMap<string, ImportFact>): string {
  return describeValueUse(node as unknown as Node, (child) => (child.parent as Node | null) ?? undefined, imports);
}

/** `session` → `express-session`, `jwt.sign` → `jsonwebtoken.sign`, `Strategy` → `passport-jwt.Strategy`: the callee by its module. */
function describeCallee(callee: Node, imports: ReadonlyMap<string, ImportFact>): string | undefined {
  const value = unwrap(callee);
  const describe = (name: string, member: string | undefined): string | undefined => {
    const imported = imports.get(name);
    if (!imported) return undefined;
    const path = imported.imported === "default" || imported.imported === "*" ? [] : [imported.imported];
    if (member !== undefined) path.push(member);
    return [imported.specifier, ...path].join(".");
  };
  if (value.type === "Identifier") return describe(value.name as string, undefined);
  if (value.type === "MemberExpression" && value.computed !== true) {
    const object = unwrap(value.object as Node);
    if (object.type === "Identifier") return describe(object.name as string, (value.property as Node).name as string);
  }
  return undefined;
}
