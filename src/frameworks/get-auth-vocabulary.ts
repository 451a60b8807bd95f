import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import type { HardenSettings } from "../utils/settings.js";

/** The project's auth names on top of the defaults, read once per settings object. */
export interface AuthVocabulary {
  /** Exact names (identifier, callee or member path) that count as auth middleware, guards or wrappers. */
  names: ReadonlySet<string>;
  /** Calls whose result tells who is calling (`auth()`, `getServerSession()`): reading credentials. */
  sessionChecks: ReadonlySet<string>;
  /** Wrappers, decorators and markers that declare a route public on purpose. */
  publicMarkers: ReadonlySet<string>;
}

/** Libraries' auth middleware whose names the word lists do not cover. */
const DEFAULT_AUTH_NAMES = ["clerkMiddleware", "expressjwt", "koaJwt", "withApiAuthRequired", "withPageAuthRequired"];

/** Session reads of NextAuth/Auth.js, Clerk, Kinde, iron-session, Lucia, Supabase and hand-written helpers. */
export const DEFAULT_SESSION_CHECKS = [
  "auth",
  "getServerSession",
  "getServerAuthSession",
  "getSession",
  "getToken",
  "currentUser",
  "getCurrentUser",
  "getAuth",
  "verifySession",
  "getKindeServerSession",
  "getIronSession",
  "validateRequest",
  "getUserSession",
  "getSessionUser",
  "requireUser",
  "requireSession",
];

/** NestJS `@Public()` and the usual spellings of "this route is public on purpose". */
export const DEFAULT_PUBLIC_MARKERS = [
  "Public",
  "IsPublic",
  "SkipAuth",
  "AllowAnonymous",
  "NoAuth",
  "publicRoute",
  "publicEndpoint",
  "allowAnonymous",
  "skipAuth",
  "noAuth",
];

const cache = new WeakMap<object, AuthVocabulary>();
const DEFAULTS: AuthVocabulary = build({});

function build(settings: HardenSettings): AuthVocabulary {
  const auth = settings.auth ?? {};
  const configured = [auth.middleware?.name, auth.guard?.name, ...(auth.names ?? [])].filter(
    (n): n is string => n !== undefined,
  );
  return {
    names: new Set([...DEFAULT_AUTH_NAMES, ...configured, ...(auth.sessionCheck ? [auth.sessionCheck.name] : [])]),
    sessionChecks: new Set([
      ...DEFAULT_SESSION_CHECKS,
      ...(auth.names ?? []),
      ...(auth.sessionCheck ? [auth.sessionCheck.name] : []),
    ]),
    publicMarkers: new Set([...DEFAULT_PUBLIC_MARKERS, ...(auth.publicMarkers ?? [])]),
  };
}

export function getAuthVocabulary(settings: HardenSettings): AuthVocabulary {
  if (settings.auth === undefined) return DEFAULTS;
  const cached = cache.get(settings);
  if (cached) return cached;
  const vocabulary = build(settings);
  cache.set(settings, vocabulary);
  return vocabulary;
}

/**
 * The names a reference is made of, outermost last: `requireAuth` → [requireAuth];
 * `passport.authenticate("jwt")` → [passport, authenticate]; `admin.auth().verifyIdToken` → [admin, auth, verifyIdToken];
 * `new JwtAuthGuard()` → [JwtAuthGuard]. `undefined` for anything without a name.
 */
export function getNameParts(node: TSESTree.Node): string[] | undefined {
  const parts: string[] = [];
  let current: TSESTree.Node = node;
  for (let depth = 0; depth < 8; depth++) {
    switch (current.type) {
      case AST_NODE_TYPES.Identifier:
        parts.unshift(current.name);
        return parts;
      case AST_NODE_TYPES.ThisExpression:
      case AST_NODE_TYPES.Super:
        return parts.length > 0 ? parts : undefined;
      case AST_NODE_TYPES.MemberExpression:
        if (!current.computed && current.property.type === AST_NODE_TYPES.Identifier)
          parts.unshift(current.property.name);
        else if (current.property.type === AST_NODE_TYPES.Literal && typeof current.property.value === "string")
          parts.unshift(current.property.value);
        else if (current.computed) return parts.length > 0 ? parts : undefined;
        current = current.object;
        break;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        current = current.callee;
        break;
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.AwaitExpression:
        current = current.argument;
        break;
      default:
        return parts.length > 0 ? parts : undefined;
    }
  }
  return parts.length > 0 ? parts : undefined;
}

/** Whether `parts` is one of `names`, as a whole dotted path (`passport.authenticate`) or by its last part. */
export function isNamedIn(names: ReadonlySet<string>, parts: readonly string[]): boolean {
  const last = parts.at(-1);
  if (last === undefined) return false;
  return names.has(last) || (parts.length > 1 && names.has(parts.join(".")));
}
