import path from "node:path";

import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getAuthVocabulary } from "../frameworks/get-auth-vocabulary.js";
import { collectFileRoutes } from "../frameworks/get-file-routes.js";
import { isNestPathCovered, type RouteAuth } from "../frameworks/get-route-auth.js";
import { getMethodsLabel, getPathLabel } from "../frameworks/get-route-paths.js";
import { isSignUpRoute } from "../frameworks/get-route-sensitivity.js";
import { isFunctionNode } from "../frameworks/get-function-from-expression.js";
import { isRoutePathComplete } from "../frameworks/is-route-path-complete.js";
import { isPublicPath, matchesPathGlob } from "../frameworks/is-public-path.js";
import type { Framework, HandlerInfo, RouteRegistration, RuleContext } from "../frameworks/types.js";
import { getProjectRoot } from "../project/get-importers.js";
import { isAuthMountMiddleware, type MountChain } from "../project/get-mount-context.js";
import { getNestAppAuth, type NestAppAuth } from "../project/get-nest-app-auth.js";
import { getLintedFilePath } from "../project/get-project-function.js";
import { createRouteAccessLookup, type RouteAccess } from "../project/get-route-access.js";
import { createErrorHandling } from "../project/get-error-handling.js";
import { collectHandlerInput } from "../project/get-handler-input.js";
import { getFileHandlerRegistrations } from "../frameworks/get-handler-info.js";
import { RESPONSE_SEND_SELECTOR } from "../frameworks/get-response-send.js";
import { isTestFile } from "../utils/is-test-file.js";
import { getHardenSettings } from "../utils/settings.js";

/** Who may call an endpoint, and what says so. `at`: `file:line`, relative to the folder the command runs in. */
export type EndpointAuth =
  | { status: "protected"; by: string; at?: string }
  | { status: "public"; reason: PublicReason; by?: string; at?: string }
  | { status: "none"; through?: { mount: string; at: string } }
  | { status: "unserved"; reason: "not-loaded" | "development-only" };

export type PublicReason =
  | "default-public-path"
  | "public-paths-setting"
  | "sign-in"
  | "sign-up"
  | "public-marker"
  | "preflight"
  | "catch-all"
  | "constant-response"
  | "documentation"
  | "app-adapter";

/** How a request source the handler reads is checked (see `no-unvalidated-input`); `at`: `file:line`. */
export type EndpointInput =
  /** A schema checks it: route or mount middleware, a route schema, a wrapper, a parse in the handler, a Nest DTO. */
  | { source: InputSource; status: "validated"; by: string; at?: string }
  /** The handler converts or narrows each field it uses itself (`Number(page)`). */
  | { source: InputSource; status: "checked" }
  /** Read, but nothing relies on its shape: echoed back, logged. */
  | { source: InputSource; status: "not-relied-on" }
  /** The caller proves it holds a shared secret or signs the request: the app's own job or a webhook. */
  | { source: InputSource; status: "trusted"; reason: "shared-secret" | "signed-request" }
  /** Used as the client sent it. */
  | { source: InputSource; status: "raw"; at: string };

export type InputSource = "body" | "query";

/** What answers when the handler fails (see `no-catch-all-500`). */
export type EndpointErrors =
  /** A catch in the handler answers 500 to every error, client errors included; `errorHandler`: the app's, which it bypasses. */
  | { status: "catch-all-500"; at: string; errorHandler?: { by: string; at: string } }
  /** The app's own error handler: Express / Koa error middleware, `setErrorHandler`, `onError`, a global filter. */
  | { status: "error-handler"; by: string; at: string }
  /** No error handler of the app's: the framework's own answers. */
  | { status: "framework-default" };

export interface Endpoint {
  /** The app's folder (its package.json), relative to the folder the command runs in; `.` for that folder. */
  app: string;
  framework: Framework;
  /** `GET`, `GET|HEAD`, `ALL` (any method). */
  method: string;
  /** The full path when the app shows every prefix, else the path as the route's file writes it. */
  path: string;
  /** Whether `path` is the one clients call: every prefix up to the app is known. */
  pathComplete: boolean;
  file: string;
  line: number;
  auth: EndpointAuth;
  /** Per source the handler reads (body, query); `null` when the handler's code is not in view. */
  input: EndpointInput[] | null;
  errors: EndpointErrors;
}

/** The request sources the input column covers: those `no-unvalidated-input` checks by default. */
const INPUT_SOURCES: InputSource[] = ["body", "query"];

/** An endpoint before what its handler does is joined in: `key` names its registration. */
interface RouteRow {
  endpoint: Omit<Endpoint, "input" | "errors">;
  key: string;
  /** Whether its handler is a function of its own file (read there: no reads means no input). */
  handlerInFile: boolean;
  /** Where the app registers it, from the top: each mount on its way in, then the route itself. */
  order: { file: string; line: number }[];
}

/** Registration order: mount by mount from the app down, by file where two ways start in different files. */
function compareOrder(a: RouteRow, b: RouteRow): number {
  const byApp = a.endpoint.app.localeCompare(b.endpoint.app);
  if (byApp !== 0) return byApp;
  for (let index = 0; index < Math.min(a.order.length, b.order.length); index++) {
    const x = a.order[index]!;
    const y = b.order[index]!;
    if (x.file !== y.file) return x.file.localeCompare(y.file);
    if (x.line !== y.line) return x.line - y.line;
  }
  return a.order.length - b.order.length;
}

/** What a handler does, by the registration that makes it a route. */
interface HandlerFacts {
  input: EndpointInput[];
  catchAll: string | undefined;
}

/**
 * What the collector rule gathers over all files: endpoints, what their handlers do (often in another
 * file: a controller), and the app's error handlers. `join` puts them together once every file is linted.
 */
export class EndpointCollection {
  readonly routes: RouteRow[] = [];
  readonly handlers = new Map<string, HandlerFacts>();
  readonly errorHandlers: { app: string; framework: Framework | undefined; by: string; at: string }[] = [];

  clear(): void {
    this.routes.length = 0;
    this.handlers.clear();
    this.errorHandlers.length = 0;
  }

  getHandler(key: string): HandlerFacts {
    let facts = this.handlers.get(key);
    if (!facts) {
      facts = { input: [], catchAll: undefined };
      this.handlers.set(key, facts);
    }
    return facts;
  }

  /** The endpoints with what their handlers do, by app and in the order the app registers them. */
  join(): Endpoint[] {
    return this.routes.toSorted(compareOrder).map(({ endpoint, key, handlerInFile }) => {
      const facts = this.handlers.get(key);
      const input = facts ? sortInput(facts.input) : handlerInFile ? [] : null;
      return { ...endpoint, input, errors: this.getErrors(endpoint, facts) };
    });
  }

  private getErrors(endpoint: RouteRow["endpoint"], facts: HandlerFacts | undefined): EndpointErrors {
    const handler = this.errorHandlers.find(
      (candidate) =>
        candidate.app === endpoint.app &&
        (candidate.framework === endpoint.framework ||
          (candidate.framework === undefined && (endpoint.framework === "express" || endpoint.framework === "koa"))),
    );
    const errorHandler = handler ? { by: handler.by, at: handler.at } : undefined;
    if (facts?.catchAll !== undefined)
      return { status: "catch-all-500", at: facts.catchAll, ...(errorHandler ? { errorHandler } : {}) };
    return errorHandler ? { status: "error-handler", ...errorHandler } : { status: "framework-default" };
  }
}

function sortInput(input: EndpointInput[]): EndpointInput[] {
  return [...input].sort((a, b) => INPUT_SOURCES.indexOf(a.source) - INPUT_SOURCES.indexOf(b.source));
}

/** A worse reading of the same source wins: one handler among several on a line that uses it raw decides. */
const INPUT_RANK: Readonly<Record<EndpointInput["status"], number>> = {
  validated: 0,
  trusted: 1,
  "not-relied-on": 2,
  checked: 3,
  raw: 4,
};

function addInput(facts: HandlerFacts, input: EndpointInput): void {
  const known = facts.input.findIndex((candidate) => candidate.source === input.source);
  if (known === -1) facts.input.push(input);
  else if (INPUT_RANK[input.status] > INPUT_RANK[facts.input[known]!.status]) facts.input[known] = input;
}

/** The registration a route is known by in every file: its file and the line of its method name (`router.get`). */
function getRouteKey(file: string, route: RouteRegistration): string {
  const node = route.node;
  const line =
    node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression
      ? node.callee.property.loc.start.line
      : route.reportNode.loc.start.line;
  return `${file}:${line}`;
}

/** The registrations that make a handler a route: in its own file, or the routes of other files that register it. */
function getHandlerKeys(file: string, handler: HandlerInfo): string[] {
  if (handler.kind !== "route") return [];
  if (handler.route) return [getRouteKey(file, handler.route)];
  return (handler.registrations ?? []).map((registration) => `${registration.file}:${registration.line}`);
}

const MAX_TEXT = 60;

/** Source text on one line, shortened: what a table cell can show. */
function shorten(text: string): string {
  const line = text.replace(/\s+/gu, " ").trim();
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line;
}

function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}

/**
 * A rule that never reports: at the end of each file it describes the file's routes into `sink`. Run by
 * the command through ESLint, so every file is parsed and configured (parser, `settings.harden`) as the
 * project's own lint does.
 */
export function createEndpointCollector(
  cwd: string,
  sink: EndpointCollection,
  onFile?: () => void,
): TSESLint.RuleModule<never, []> {
  return {
    meta: { type: "suggestion", schema: [], messages: {} },
    defaultOptions: [],
    create(context) {
      onFile?.();
      if (isTestFile(context)) return {};
      const file = getLintedFilePath(context);
      const at = (node: TSESTree.Node): string => `${toPosix(path.relative(cwd, file)) || "."}:${node.loc.start.line}`;
      const errorHandling = createErrorHandling(context);
      const routeListeners = collectFileRoutes(context, (routes) => {
        if (routes.length > 0) sink.routes.push(...describeRoutes(context, cwd, routes));
      });
      const inputListeners = collectHandlerInput(
        context,
        { sources: INPUT_SOURCES, checkUnregisteredHandlers: true },
        (inputs) => {
          for (const { entry, verdict } of inputs) {
            const source = entry.source as InputSource;
            const input: EndpointInput =
              verdict.status === "validated"
                ? {
                    source,
                    status: "validated",
                    by: shorten(verdict.by.text),
                    ...(verdict.by.file !== undefined
                      ? { at: `${toPosix(path.relative(cwd, verdict.by.file))}:${verdict.by.line}` }
                      : verdict.by.node
                        ? { at: at(verdict.by.node) }
                        : {}),
                  }
                : verdict.status === "raw"
                  ? { source, status: "raw", at: at(verdict.uses[0]?.origin ?? entry.reads[0]!.node) }
                  : verdict.status === "trusted"
                    ? { source, status: "trusted", reason: verdict.reason }
                    : { source, status: verdict.status };
            for (const key of getHandlerKeys(file, entry.handler)) addInput(sink.getHandler(key), input);
          }
        },
      );
      const onResponseSend = (node: TSESTree.Node): void => {
        const found = errorHandling.getCatchAll500(node);
        if (!found?.handler || found.caught.central) return;
        for (const key of getHandlerKeys(file, found.handler)) sink.getHandler(key).catchAll ??= at(found.send.node);
      };
      return mergeListeners(routeListeners, inputListeners, {
        [RESPONSE_SEND_SELECTOR]: onResponseSend,
        "Program:exit"() {
          // A controller's handlers are seen here even when they read nothing: their routes' input is known.
          for (const registrations of getFileHandlerRegistrations(context).values())
            for (const registration of registrations) sink.getHandler(`${registration.file}:${registration.line}`);
          const installs = errorHandling.getShownErrorHandlers().installs;
          if (installs.length === 0) return;
          const app = getAppFolder(cwd, file);
          for (const install of installs)
            sink.errorHandlers.push({
              app,
              framework: install.framework,
              by: describeInstall(context.sourceCode, install.node),
              at: at(install.node),
            });
        },
      });
    },
  };
}

/** `app.use(errorHandler)` as written; an inline handler as `app.use(…)`. */
function describeInstall(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): string {
  return call.arguments.some((argument) => isFunctionNode(argument))
    ? `${shorten(sourceCode.getText(call.callee))}(…)`
    : shorten(sourceCode.getText(call));
}

/** Listeners of several collectors on one file: each gets every node it listens to, in the order given. */
function mergeListeners(...all: TSESLint.RuleListener[]): TSESLint.RuleListener {
  const merged = new Map<string, ((node: never) => void)[]>();
  for (const listeners of all)
    for (const [selector, listener] of Object.entries(listeners))
      if (listener) merged.set(selector, [...(merged.get(selector) ?? []), listener as (node: never) => void]);
  return Object.fromEntries(
    [...merged].map(([selector, listeners]) => [
      selector,
      listeners.length === 1 ? listeners[0] : (node: never) => listeners.forEach((listener) => listener(node)),
    ]),
  );
}

/** The app a file belongs to: its package.json's folder relative to `cwd`, or `.` when that is above `cwd`. */
function getAppFolder(cwd: string, file: string): string {
  const root = toPosix(path.relative(cwd, getProjectRoot(file) ?? path.dirname(file))) || ".";
  return root.startsWith("..") ? "." : root;
}

function describeRoutes(context: RuleContext, cwd: string, routes: RouteRegistration[]): RouteRow[] {
  const settings = getHardenSettings(context);
  const vocabulary = getAuthVocabulary(settings);
  const publicPaths = settings.publicPaths ?? [];
  const protectedPaths = settings.auth?.protectedPaths ?? [];
  const access = createRouteAccessLookup(context, { vocabulary, publicPaths, protectedPaths });
  const file = getLintedFilePath(context);
  const relative = (target: string): string => toPosix(path.relative(cwd, target)) || ".";
  const at = (node: TSESTree.Node): string => `${relative(file)}:${node.loc.start.line}`;
  const app = getAppFolder(cwd, file);

  /** The auth a mount on this way applies, with where. */
  function getChainAuth(chain: MountChain): EndpointAuth | undefined {
    for (const step of chain.steps) {
      const middleware = step.middleware.find((candidate) => isAuthMountMiddleware(candidate, vocabulary));
      if (middleware) {
        const by = middleware.authenticates === true ? "an inline hook checks the caller" : shorten(middleware.text);
        return { status: "protected", by, at: `${relative(step.file)}:${step.line}` };
      }
    }
    return undefined;
  }

  function getPublicPathAuth(paths: readonly string[]): EndpointAuth {
    const configured = paths.some((candidate) => publicPaths.some((pattern) => matchesPathGlob(candidate, pattern)));
    return { status: "public", reason: configured ? "public-paths-setting" : "default-public-path" };
  }

  /**
   * No auth: through the mount it is reached by, when another file mounts it. A sign-up (`POST /users`)
   * is open by design: the route that creates an account cannot require one.
   */
  function getOpenAuth(
    chain: MountChain | undefined,
    route?: RouteRegistration,
    paths: readonly string[] = [],
  ): EndpointAuth {
    if (route && isSignUpRoute(route.methods, paths)) return { status: "public", reason: "sign-up" };
    const step = chain?.steps[0];
    return step
      ? { status: "none", through: { mount: step.text, at: `${relative(step.file)}:${step.line}` } }
      : { status: "none" };
  }

  function describeAuth(route: RouteRegistration, auth: RouteAuth): EndpointAuth {
    // `NextAuth(authOptions)`, `passport.authenticate("local")` as the handler: the auth library's own
    // endpoint, which everyone calls to sign in.
    if (
      auth.via === "handler" &&
      auth.node === route.handler &&
      auth.node.type === AST_NODE_TYPES.CallExpression &&
      !wrapsFunction(context.sourceCode, auth.node)
    )
      return {
        status: "public",
        reason: "sign-in",
        by: shorten(context.sourceCode.getText(auth.node)),
        at: at(auth.node),
      };
    const source = auth.elsewhere
      ? { by: auth.elsewhere.text, ...(auth.elsewhere.file ? { at: relative(auth.elsewhere.file) } : {}) }
      : { by: describeNode(context.sourceCode, auth), at: at(auth.node) };
    return auth.status === "protected"
      ? { status: "protected", ...source }
      : { status: "public", reason: "public-marker", ...source };
  }

  function getRouteAuth(route: RouteRegistration, found: RouteAccess, paths: string[]): EndpointAuth {
    switch (found.status) {
      case "exempt": {
        // A probe or a public path can still sit behind auth: what protects it is the better answer. A
        // handler on a public path that checks the credentials posted to it is a sign-in, open by design;
        // one that reads (`GET /auth/me`) and answers 401 without a session protects itself.
        const auth =
          found.reason === "development-only" || found.reason === "app-adapter" ? undefined : access.getAuth(route);
        if (auth?.status === "protected")
          return auth.via === "handler" && route.methods.includes("POST")
            ? { status: "public", reason: "sign-in" }
            : describeAuth(route, auth);
        switch (found.reason) {
          case "development-only":
            return { status: "unserved", reason: "development-only" };
          case "protected-path":
            return { status: "protected", by: "settings.harden.auth.protectedPaths" };
          case "public-path":
            return getPublicPathAuth(paths);
          case "constant":
            return { status: "public", reason: "constant-response" };
          default:
            return { status: "public", reason: found.reason };
        }
      }
      case "unloaded":
        return { status: "unserved", reason: "not-loaded" };
      case "mount-protected":
        // No mount authenticates: every way in is public by its path.
        return (
          found.chains.map(getChainAuth).find((auth) => auth !== undefined) ??
          getPublicPathAuth(found.chains.flatMap((chain) => (chain.path === undefined ? [] : [chain.path])))
        );
      case "protected":
      case "public":
        return describeAuth(route, found.auth);
      case "open":
        return getOpenAuth(found.chain, route, found.paths);
    }
  }

  /**
   * Who may call the route at the path one mount chain gives it: its own auth, else the chain's, else —
   * when the route was judged by its mounts — what that chain's path is.
   */
  function getChainRowAuth(
    route: RouteRegistration,
    chain: MountChain,
    found: RouteAccess,
    own: EndpointAuth,
  ): EndpointAuth {
    if (own.status === "protected" && found.status !== "mount-protected") return own;
    const mounted = getChainAuth(chain);
    if (mounted) return mounted;
    if (found.status !== "mount-protected" && found.status !== "open") return own;
    const chainPath = chain.path!;
    if (protectedPaths.some((pattern) => matchesPathGlob(chainPath, pattern)))
      return { status: "protected", by: "settings.harden.auth.protectedPaths" };
    if (isPublicPath(chainPath, publicPaths, false)) return getPublicPathAuth([chainPath]);
    return getOpenAuth(chain, route, [chainPath]);
  }

  let nestApp: NestAppAuth | undefined;
  /**
   * A Nest route's path under the app's `setGlobalPrefix`, and whether every prefix is known (URI
   * versioning adds a segment the model does not read).
   */
  function getNestPath(route: RouteRegistration, label: string): { path: string; known: boolean } {
    if (route.framework !== "nest" || route.fullPath === undefined) return { path: label, known: true };
    nestApp ??= getNestAppAuth(file);
    const nestPrefix = nestApp.globalPrefix;
    if (nestPrefix === undefined) return { path: label, known: !nestApp.versioning };
    if (nestPrefix === null) return { path: label, known: false };
    const excluded = nestPrefix.exclude.some((pattern) => isNestPathCovered(pattern, label));
    const trim = (value: string) => value.replace(/^\/+|\/+$/gu, "");
    return {
      path: excluded ? label : `/${[trim(nestPrefix.prefix), trim(label)].filter(Boolean).join("/")}`,
      known: !nestApp.versioning,
    };
  }

  const endpoints: RouteRow[] = [];
  for (const route of routes) {
    const key = getRouteKey(file, route);
    const handlerInFile = route.handlerFunction !== undefined;
    const found = access.getAccess(route);
    const written = getPathLabel(context.sourceCode, route);
    const nest = getNestPath(route, written);
    const label = nest.path;
    const own = getRouteAuth(route, found, found.status === "open" ? found.paths : [written]);
    const chains =
      own.status === "unserved"
        ? []
        : (access.getChains(route) ?? []).filter((chain) => chain.developmentOnly !== true && chain.path !== undefined);
    const self = { file, line: route.reportNode.loc.start.line };
    const rows: { path: string; complete: boolean; auth: EndpointAuth; order: RouteRow["order"] }[] =
      chains.length > 0
        ? chains.map((chain) => ({
            path: chain.path!,
            complete: !chain.opaque,
            auth: getChainRowAuth(route, chain, found, own),
            order: [...chain.steps.map(({ file: at, line }) => ({ file: at, line })).reverse(), self],
          }))
        : [
            {
              path: label,
              complete: nest.known && route.fullPath !== undefined && isRoutePathComplete(context, route),
              auth: own,
              order: [self],
            },
          ];
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.path)) continue;
      seen.add(row.path);
      endpoints.push({
        endpoint: {
          app,
          framework: route.framework,
          method: getMethodsLabel(route),
          path: row.path,
          pathComplete: row.complete,
          file: relative(file),
          line: route.reportNode.loc.start.line,
          auth: row.auth,
        },
        key,
        handlerInFile,
        order: row.order,
      });
    }
  }
  return endpoints;
}

/**
 * Whether a call wraps a handler (`withAuth(handler)`, `withAuth(async (req) => …)`), rather than
 * configuring an auth library's own endpoint (`NextAuth(authOptions)`, `passport.authenticate("local")`).
 */
function wrapsFunction(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): boolean {
  return call.arguments.some((arg) => {
    if (isFunctionNode(arg)) return true;
    if (arg.type === AST_NODE_TYPES.CallExpression) return wrapsFunction(sourceCode, arg);
    if (arg.type !== AST_NODE_TYPES.Identifier) return false;
    const definition = ASTUtils.findVariable(sourceCode.getScope(arg), arg)?.defs[0];
    if (!definition) return false;
    if (definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return true;
    return definition.node.type === AST_NODE_TYPES.VariableDeclarator && isFunctionNode(definition.node.init);
  });
}

/** What protects a route, as its file writes it: `requireAuth`, `@UseGuards(JwtAuthGuard)`, `withAuth(…)`. */
function describeNode(sourceCode: Readonly<TSESLint.SourceCode>, auth: RouteAuth): string {
  if (isFunctionNode(auth.node))
    return auth.via === "handler" ? "its handler checks the caller" : "an inline hook checks the caller";
  return shorten(sourceCode.getText(auth.node));
}
