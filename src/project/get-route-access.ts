import { ASTUtils, AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { getRouteAuth, type RouteAuth } from "../frameworks/get-route-auth.js";
import { getMatchPaths } from "../frameworks/get-route-paths.js";
import { getReceiver } from "../frameworks/get-receiver.js";
import type { AuthVocabulary } from "../frameworks/get-auth-vocabulary.js";
import { isConstantHandler } from "../frameworks/is-constant-handler.js";
import { isDocumentationHandler } from "../frameworks/is-documentation-handler.js";
import { isCatchAllPath } from "../frameworks/is-path-covered-by.js";
import { isPublicPath, matchesPathGlob } from "../frameworks/is-public-path.js";
import { isRoutePathComplete } from "../frameworks/is-route-path-complete.js";
import type { RouteRegistration, RuleContext } from "../frameworks/types.js";
import { getImportOrigin } from "../utils/get-import-origin.js";
import { isInDevelopmentBranch } from "../utils/is-debug-guarded.js";
import { getLintedFileFacts, getLintedFilePath } from "./get-project-function.js";
import {
  createMountLookup,
  getMountedBinding,
  isChainProtected,
  MOUNTED_FRAMEWORKS,
  type MountChain,
  type MountLookup,
} from "./get-mount-context.js";

/** Why a route needs no auth of its own, whatever protects it. */
export type ExemptReason =
  /** It answers only `OPTIONS` (CORS preflight). */
  | "preflight"
  /** A catch-all (`*`): a fallback, not an endpoint. */
  | "catch-all"
  /** Its handler answers a constant: a health probe, a version. */
  | "constant"
  /** It serves an API reference page (Swagger UI, Scalar). */
  | "documentation"
  /** It is registered only outside production (`if (process.env.NODE_ENV === "test")`). */
  | "development-only"
  /** A Next.js export that hands requests to another framework's app, whose routes are checked where they are. */
  | "app-adapter"
  /** Its path is public: a default (`/login`, `/health`) or one of `settings.harden.publicPaths`. */
  | "public-path"
  /** Its path is in `settings.harden.auth.protectedPaths`: auth the model cannot see covers it. */
  | "protected-path";

/** Who may call a route, as the file and the project show it. */
export type RouteAccess =
  | { status: "exempt"; reason: ExemptReason }
  /** No file of the project loads the router's file: the server never serves the route. */
  | { status: "unloaded" }
  /** Every way the app reaches the route's router passes auth middleware at a mount. */
  | { status: "mount-protected"; chains: MountChain[] }
  /** Protected, or public on purpose, by what the route's file (or the app's middleware, guards, hooks) shows. */
  | { status: "protected" | "public"; auth: RouteAuth }
  /**
   * Open: no auth on the way. `chain`: the first way in without auth, when a mount in another file leads
   * to it; `paths`: the paths it is reached at, for judging what it exposes.
   */
  | { status: "open"; chain: MountChain | undefined; paths: string[] };

/** Answers about the routes of one lint of a file; each route's answer is kept for the lint. */
/**
 * How the app reaches a route, before its own auth is read: `reached` when only the route's own auth can
 * still protect it, with the way in and the paths it is reached at (as in an `open` {@link RouteAccess}).
 */
export type RouteReach =
  | Extract<RouteAccess, { status: "exempt" | "unloaded" | "mount-protected" }>
  | { status: "reached"; chain: MountChain | undefined; paths: string[] };

export interface RouteAccessLookup {
  getAccess(route: RouteRegistration): RouteAccess;
  /** The part of {@link getAccess} that does not read the route's own auth: the costly part is left for later. */
  getReach(route: RouteRegistration): RouteReach;
  /**
   * The route's own auth. `handler: false` reads only markers and middleware, never the handler (the
   * costly part), unless the full answer is already known.
   */
  getAuth(route: RouteRegistration, options?: { handler?: boolean }): RouteAuth | undefined;
  /** Every way other files' mounts reach the route's router (see `MountLookup.getChains`); `undefined`: none found. */
  getChains(route: RouteRegistration): MountChain[] | undefined;
}

export interface AccessSettings {
  vocabulary: AuthVocabulary;
  publicPaths: readonly string[];
  protectedPaths: readonly string[];
}

/** Hono's adapters that serve a Hono app as Next.js (or serverless) handlers. */
const HONO_ADAPTER = /^hono\/(?:vercel|nextjs|aws-lambda|netlify|cloudflare-pages)$/u;

export function createRouteAccessLookup(context: RuleContext, settings: AccessSettings): RouteAccessLookup {
  const { vocabulary, publicPaths, protectedPaths } = settings;
  const sourceCode = context.sourceCode;
  const auths = new Map<RouteRegistration, RouteAuth | undefined>();
  // Only a file that exports something can have its routers mounted elsewhere.
  const mayExport = /\bexport\b|\bexports\b/u.test(sourceCode.text);
  let mountLookup: MountLookup | undefined;

  function getAuth(route: RouteRegistration, { handler = true }: { handler?: boolean } = {}): RouteAuth | undefined {
    if (auths.has(route)) return auths.get(route);
    if (!handler) return getRouteAuth(context, route, vocabulary, { handler: false });
    const auth = getRouteAuth(context, route, vocabulary);
    auths.set(route, auth);
    return auth;
  }

  /**
   * `handle(app)` from `hono/vercel` (or `hono/nextjs`), or any call handed an app of this file: the
   * export hands the request to another framework's app.
   */
  function isAppAdapter(call: TSESTree.CallExpression): boolean {
    if (call.arguments.some((arg) => getReceiver(context, arg, false) !== undefined)) return true;
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    const origin = getImportOrigin(ASTUtils.findVariable(sourceCode.getScope(callee), callee));
    return origin !== undefined && HONO_ADAPTER.test(origin.source);
  }

  function getExemption(route: RouteRegistration): ExemptReason | undefined {
    if (route.methods.length > 0 && route.methods.every((method) => method === "OPTIONS")) return "preflight";
    if (route.path !== undefined && isCatchAllPath(route.path)) return "catch-all";
    if (isConstantHandler(context, route)) return "constant";
    if (isDocumentationHandler(context, route)) return "documentation";
    if (isInDevelopmentBranch(route.node)) return "development-only";
    if (
      route.framework === "next" &&
      route.handler?.type === AST_NODE_TYPES.CallExpression &&
      isAppAdapter(route.handler)
    )
      return "app-adapter";
    const paths = getMatchPaths(route);
    if (paths.length === 0) return undefined;
    const complete = route.fullPath !== undefined && isRoutePathComplete(context, route);
    let reason: ExemptReason = "public-path";
    for (const path of paths) {
      if (isPublicPath(path, publicPaths, complete)) continue;
      if (!protectedPaths.some((pattern) => matchesPathGlob(path, pattern))) return undefined;
      reason = "protected-path";
    }
    return reason;
  }

  /**
   * How the route's router is reached from the app, when other files show it: `protected` when every
   * way passes auth, else the first way that does not (`undefined` when that way is not followed to the
   * app); `"unloaded"` when no file of the project loads the router's file; `undefined` when nothing
   * mounts the router where it can be found.
   */
  function getMountLookup(route: RouteRegistration): { lookup: MountLookup; name: string } | undefined {
    const name = getMountedBinding(context, route);
    if (!mayExport || name === undefined || !MOUNTED_FRAMEWORKS.has(route.framework)) return undefined;
    mountLookup ??= createMountLookup(getLintedFilePath(context), getLintedFileFacts(sourceCode));
    return { lookup: mountLookup, name };
  }

  function getMounting(
    route: RouteRegistration,
  ): { open: false; chains: MountChain[] } | { open: true; chain: MountChain | undefined } | "unloaded" | undefined {
    const mounted = getMountLookup(route);
    if (!mounted) return undefined;
    const chains = mounted.lookup.getChains(mounted.name, route.path);
    if (!chains) {
      // A router no file of the project loads serves nothing; an app created here is served by its start.
      return mounted.lookup.isLoaded() || isRoutePathComplete(context, route) ? undefined : "unloaded";
    }
    // A mount made only outside production (`if (env.ENVIRONMENT === "test")`) exposes nothing in production.
    const open = chains.filter(
      (chain) =>
        chain.developmentOnly !== true &&
        !isChainProtected(chain, vocabulary) &&
        !(
          chain.path !== undefined &&
          // The defaults that may sit under any prefix: where the chain's top is mounted is not known.
          (isPublicPath(chain.path, publicPaths, false) ||
            protectedPaths.some((pattern) => matchesPathGlob(chain.path!, pattern)))
        ),
    );
    if (open.length === 0) return { open: false, chains };
    return { open: true, chain: open.find((chain) => !chain.opaque && chain.steps.length > 0) };
  }

  function getReach(route: RouteRegistration): RouteReach {
    const reason = getExemption(route);
    if (reason) return { status: "exempt", reason };
    // The mount first: it is one lookup, where the route's own auth reads its middleware and handler.
    const mounting = getMounting(route);
    if (mounting === "unloaded") return { status: "unloaded" };
    if (mounting && !mounting.open) return { status: "mount-protected", chains: mounting.chains };
    const chain = mounting?.chain;
    return { status: "reached", chain, paths: chain?.path === undefined ? getMatchPaths(route) : [chain.path] };
  }

  return {
    getAuth,
    getChains(route) {
      const mounted = getMountLookup(route);
      return mounted?.lookup.getChains(mounted.name, route.path);
    },
    getReach,
    getAccess(route) {
      const reach = getReach(route);
      if (reach.status !== "reached") return reach;
      const auth = getAuth(route);
      if (auth) return { status: auth.status, auth };
      return { status: "open", chain: reach.chain, paths: reach.paths };
    },
  };
}
