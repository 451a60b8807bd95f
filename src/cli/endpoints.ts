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
import type { Framework, RouteRegistration, RuleContext } from "../frameworks/types.js";
import { getProjectRoot } from "../project/get-importers.js";
import { isAuthMountMiddleware, type MountChain } from "../project/get-mount-context.js";
import { getNestAppAuth, type NestAppAuth } from "../project/get-nest-app-auth.js";
import { getLintedFilePath } from "../project/get-project-function.js";
import { createRouteAccessLookup, type RouteAccess } from "../project/get-route-access.js";
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
  sink: Endpoint[],
  onFile?: () => void,
): TSESLint.RuleModule<never, []> {
  return {
    meta: { type: "suggestion", schema: [], messages: {} },
    defaultOptions: [],
    create(context) {
      onFile?.();
      if (isTestFile(context)) return {};
      return collectFileRoutes(context, (routes) => {
        if (routes.length > 0) sink.push(...describeRoutes(context, cwd, routes));
      });
    },
  };
}

function describeRoutes(context: RuleContext, cwd: string, routes: RouteRegistration[]): Endpoint[] {
  const settings = getHardenSettings(context);
  const vocabulary = getAuthVocabulary(settings);
  const publicPaths = settings.publicPaths ?? [];
  const protectedPaths = settings.auth?.protectedPaths ?? [];
  const access = createRouteAccessLookup(context, { vocabulary, publicPaths, protectedPaths });
  const file = getLintedFilePath(context);
  const relative = (target: string): string => toPosix(path.relative(cwd, target)) || ".";
  const at = (node: TSESTree.Node): string => `${relative(file)}:${node.loc.start.line}`;
  // An app whose package.json sits above the folder the command runs in is that folder's.
  const root = relative(getProjectRoot(file) ?? path.dirname(file));
  const app = root.startsWith("..") ? "." : root;

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

  const endpoints: Endpoint[] = [];
  for (const route of routes) {
    const found = access.getAccess(route);
    const written = getPathLabel(context.sourceCode, route);
    const nest = getNestPath(route, written);
    const label = nest.path;
    const own = getRouteAuth(route, found, found.status === "open" ? found.paths : [written]);
    const chains =
      own.status === "unserved"
        ? []
        : (access.getChains(route) ?? []).filter((chain) => chain.developmentOnly !== true && chain.path !== undefined);
    const rows: { path: string; complete: boolean; auth: EndpointAuth }[] =
      chains.length > 0
        ? chains.map((chain) => ({
            path: chain.path!,
            complete: !chain.opaque,
            auth: getChainRowAuth(route, chain, found, own),
          }))
        : [
            {
              path: label,
              complete: nest.known && route.fullPath !== undefined && isRoutePathComplete(context, route),
              auth: own,
            },
          ];
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.path)) continue;
      seen.add(row.path);
      endpoints.push({
        app,
        framework: route.framework,
        method: getMethodsLabel(route),
        path: row.path,
        pathComplete: row.complete,
        file: relative(file),
        line: route.reportNode.loc.start.line,
        auth: row.auth,
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
