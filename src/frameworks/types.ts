import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

import type { HandlerRegistration } from "../project/get-handler-registrations.js";

export type Framework = "express" | "fastify" | "hono" | "koa" | "next" | "nest";

export type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** The object routes and middleware hang on: an Express app/router, a Fastify instance, a Hono app… */
export interface Receiver {
  /** `undefined` when the object was recognised by name only and nothing else tells the framework. */
  framework: Framework | undefined;
  kind: "app" | "router" | "plugin" | "unknown";
  /** `created`: we saw `express()`, `new Hono()`…; `plugin`: a Fastify plugin's instance parameter; `name`: only its name. */
  origin: "created" | "plugin" | "name";
  /** The identifier the object is bound to in this file, when it is one. */
  name: string | undefined;
  /** The declaration node of the binding (a VariableDeclarator, a parameter, an import), for identity. */
  declaration: TSESTree.Node | undefined;
  /** A prefix known from its creation: `new Router({ prefix })`, `new Hono().basePath(p)`. */
  prefix: string | undefined;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS" | "ALL";

export interface RouteRegistration {
  framework: Framework;
  /**
   * The registering node: the CallExpression (`app.get(...)`, `fastify.route({...})`), the exported
   * declaration of a Next.js handler, or the method definition of a Nest controller.
   */
  node: TSESTree.Node;
  /** Where a report about the route belongs: the method + path (`get("/users"`), the export name, the decorator. */
  reportNode: TSESTree.Node;
  /** Upper-case methods; Fastify / Hono `on` can register several. */
  methods: HttpMethod[];
  /** The path as written on the registration, when it is a literal. */
  path: string | undefined;
  /** The path with every prefix this file shows (router mount, `prefix`, Next.js file path, `@Controller`). */
  fullPath: string | undefined;
  receiver: Receiver | undefined;
  /** Middleware and handler arguments in order (arrays flattened); the handler is last. */
  chain: TSESTree.Node[];
  /** The final handler expression, when there is one. */
  handler: TSESTree.Node | undefined;
  /** The handler's function when it is inline or declared in this file. */
  handlerFunction: FunctionNode | undefined;
  /** Fastify route options (`fastify.get(path, opts, h)` / `fastify.route(opts)`). */
  options: TSESTree.ObjectExpression | undefined;
}

export type HandlerKind = "route" | "middleware" | "error-handler";

/** A function the framework calls with a request, and the role of each of its parameters. */
export interface HandlerInfo {
  framework: Framework;
  kind: HandlerKind;
  function: FunctionNode;
  /** The registration it belongs to, when the file shows it. */
  route: RouteRegistration | undefined;
  /**
   * How it was recognised: registered in this file or, for a function the file exports, in another file of
   * the project (see `registrations`); or only by its signature (a controller whose routes file is not found).
   */
  origin: "registration" | "signature";
  /** The routes of other files that register this exported function, with their middleware. */
  registrations?: HandlerRegistration[];
  error: TSESTree.Parameter | undefined;
  /** Express / Fastify / Next.js / Pages API request. */
  request: TSESTree.Parameter | undefined;
  /** Express / Pages API `res`, Fastify `reply`. */
  response: TSESTree.Parameter | undefined;
  /** Hono `c`, Koa `ctx`. */
  context: TSESTree.Parameter | undefined;
  next: TSESTree.Parameter | undefined;
}
