/**
 * Recognising auth middleware, guards and checks by name. Names are split into words (`ensureLoggedIn`
 * → ensure, logged, in) and judged by three word lists, so `requireAuth`, `isAuthenticated`,
 * `verifyJWT`, `passport.authenticate`, `JwtAuthGuard`, `restrictTo`, `adminOnly`, `requireApiKey` are
 * recognised without listing every spelling, while `authLimiter`, `oauthCallback`, `optionalAuth`,
 * `csrfProtection` and `passport.session` are not. Every check is a set lookup per word: linear.
 */

/** Words that name authentication or authorisation on their own. */
const AUTH_WORDS = new Set([
  "auth",
  "authn",
  "authz",
  "authed",
  "authenticate",
  "authenticated",
  "authenticates",
  "authentication",
  "authenticator",
  "authorize",
  "authorized",
  "authorizes",
  "authorization",
  "authorise",
  "authorised",
  "authorisation",
  "jwt",
  "jwks",
  "expressjwt",
  "guard",
  "guards",
  "protect",
  "protected",
  "protection",
  "restrict",
  "restricted",
  "acl",
  "rbac",
  "abac",
  "loggedin",
  "signedin",
]);

/** Words that make a name something else: rate limits, login callbacks, optional auth, CSRF, logging. */
const VETO_WORDS = new Set([
  "callback",
  "callbacks",
  "limiter",
  "limit",
  "limits",
  "ratelimit",
  "ratelimiter",
  "rate",
  "throttle",
  "throttler",
  "throttled",
  "slowdown",
  "optional",
  "maybe",
  "soft",
  "try",
  "csrf",
  "xsrf",
  "xss",
  "brute",
  "bruteforce",
  "log",
  "logger",
  "logging",
  "cors",
  "docs",
  "swagger",
  "openapi",
  "schema",
  "schemas",
  "validator",
  "validators",
  "validation",
  "guest",
  "guests",
  "anonymous",
  "anon",
  "public",
  "skip",
  "bypass",
  "initialize",
  "init",
  "error",
  "errors",
]);

/** Words that name a router or controller (`authRoutes`, `authController`) unless a verb says it enforces (`protectRoute`). */
const ROUTER_WORDS = new Set(["route", "routes", "router", "routers", "controller", "controllers", "ctrl"]);

/** Verbs that enforce: a call named with one rejects the request itself (`verifyToken`, `auth.protect()`). */
const ENFORCING_VERBS = new Set([
  "verify",
  "verified",
  "require",
  "requires",
  "required",
  "ensure",
  "protect",
  "assert",
  "authenticate",
  "authorize",
  "authorise",
  "must",
  "restrict",
  "guard",
]);

const TOKEN_VERBS = [
  "verify",
  "verified",
  "validate",
  "validated",
  "check",
  "require",
  "required",
  "ensure",
  "authenticate",
  "decode",
  "has",
];
const SESSION_VERBS = ["require", "required", "verify", "validate", "check", "ensure", "has"];
const USER_VERBS = ["require", "required", "ensure", "must", "verify", "authenticate"];
const LOGIN_VERBS = ["require", "required", "ensure", "is", "must", "check", "need", "needs"];
const PRIVILEGED_VERBS = ["is", "require", "required", "ensure", "only", "check", "verify", "must", "restrict", "has"];
const GRANT_VERBS = [
  "require",
  "required",
  "requires",
  "has",
  "check",
  "verify",
  "ensure",
  "restrict",
  "authorize",
  "can",
  "allow",
  "allowed",
  "need",
  "needs",
  "must",
];
const KEY_VERBS = ["verify", "validate", "check", "require", "required", "ensure", "authenticate", "has"];
const SIGNATURE_VERBS = ["verify", "validate", "check", "valid", "is"];

/** Nouns that name auth only together with a verb: `verifyToken` yes, `refreshToken` no. */
const OBJECT_VERBS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  (
    [
      [["token", "tokens"], TOKEN_VERBS],
      [["session", "sessions"], SESSION_VERBS],
      [["user", "users"], USER_VERBS],
      [["login", "signin"], LOGIN_VERBS],
      [
        [
          "admin",
          "admins",
          "owner",
          "owners",
          "staff",
          "superuser",
          "superadmin",
          "moderator",
          "moderators",
          "member",
          "members",
        ],
        PRIVILEGED_VERBS,
      ],
      [
        [
          "role",
          "roles",
          "permission",
          "permissions",
          "perm",
          "perms",
          "scope",
          "scopes",
          "access",
          "privilege",
          "privileges",
          "ability",
          "abilities",
          "policy",
          "policies",
        ],
        GRANT_VERBS,
      ],
      [["apikey", "apikeys"], KEY_VERBS],
      [["signature", "webhook", "hmac"], SIGNATURE_VERBS],
      [["credentials", "credential", "identity"], KEY_VERBS],
    ] as const
  ).flatMap(([objects, verbs]) => objects.map((object) => [object, new Set<string>(verbs)] as const)),
);

/** Adjacent words that form one: `logged in`, `sign in`, `api key`. */
const JOINED = new Map([
  ["logged in", "loggedin"],
  ["signed in", "signedin"],
  ["sign in", "signin"],
  ["log in", "login"],
  ["api key", "apikey"],
  ["api keys", "apikeys"],
]);

/**
 * Pattern sources, for a case-insensitive scan, of which every auth name has one: the auth words, the
 * nouns that name auth with a verb, and the joined words however they are written apart (`logged_in`,
 * `api-key`). A text matching none of them contains no name {@link getAuthWordsKind} calls auth.
 */
export const AUTH_NAME_PATTERNS: readonly string[] = [
  ...AUTH_WORDS,
  ...OBJECT_VERBS.keys(),
  ...[...JOINED.keys()].map((pair) => pair.split(" ").join("[^a-z0-9]*")),
];

/** Names repeat across a codebase (`req`, `res.json`, `next`): their words are split once. Bounded. */
const wordsCache = new Map<string, readonly string[]>();

/**
 * `ensureLoggedIn` → ensure, logged, in, loggedin; `JWTAuthGuard` → jwt, auth, guard; `x-api-key` → x, api, key, apikey.
 * The array is shared between callers: read it, do not change it.
 */
export function getNameWords(name: string): readonly string[] {
  let words = wordsCache.get(name);
  if (!words) {
    words = splitNameWords(name);
    if (wordsCache.size >= 10_000) wordsCache.clear();
    wordsCache.set(name, words);
  }
  return words;
}

function splitNameWords(name: string): string[] {
  const words: string[] = [];
  let current = "";
  const flush = () => {
    if (current !== "") words.push(current.toLowerCase());
    current = "";
  };
  for (let i = 0; i < name.length; i++) {
    const char = name[i]!;
    const isUpper = char >= "A" && char <= "Z";
    const isLower = (char >= "a" && char <= "z") || (char >= "0" && char <= "9");
    if (!isUpper && !isLower) {
      flush();
      continue;
    }
    if (isUpper && current !== "") {
      const previous = name[i - 1] ?? "";
      const next = name[i + 1] ?? "";
      const previousUpper = previous >= "A" && previous <= "Z";
      const nextLower = next >= "a" && next <= "z";
      // `verifyJWT` splits before J; `JWTAuth` splits before A (the last capital of a run starts a word).
      if (!previousUpper || nextLower) flush();
    }
    current += char;
  }
  flush();
  for (let i = 0; i + 1 < words.length; i++) {
    const joined = JOINED.get(`${words[i]} ${words[i + 1]}`);
    if (joined) words.push(joined);
  }
  return words;
}

/** `auth`: the words name auth; `veto`: they name something that is not (a rate limiter, a callback); else `unknown`. */
export type AuthWordsKind = "auth" | "veto" | "unknown";

export function getAuthWordsKind(words: readonly string[]): AuthWordsKind {
  const enforcing = words.some((word) => ENFORCING_VERBS.has(word));
  if (words.some((word) => VETO_WORDS.has(word) || (ROUTER_WORDS.has(word) && !enforcing))) return "veto";
  if (words.some((word) => AUTH_WORDS.has(word))) return "auth";
  for (const word of words) {
    const verbs = OBJECT_VERBS.get(word);
    if (verbs && words.some((other) => other !== word && verbs.has(other))) return "auth";
  }
  return "unknown";
}

/** Whether a single name (`requireAuth`, `JwtAuthGuard`, `verifyToken`) names auth. */
export function isAuthName(name: string): boolean {
  return getAuthWordsKind(getNameWords(name)) === "auth";
}

/** Words that make auth optional: the route works for anonymous callers on purpose. */
const OPTIONAL_WORDS = new Set(["optional", "maybe", "soft", "try"]);

/** Words that say a name serves anonymous callers on purpose: `unauthedMiddleware`, `publicRouter`, `unprotectedRoutes`. */
const ANONYMOUS_WORDS = new Set(["unauthed", "unauthenticated", "anonymous", "unprotected", "public"]);

/** `unAuthenticated` splits into `un`, `authenticated`: the prefix undoes the word after it. */
const NEGATED_WORDS = new Set(["authed", "authenticated", "protected"]);

function hasAnonymousWords(words: readonly string[]): boolean {
  return words.some(
    (word, i) =>
      // `verifyPublicKey`: a key pair's public half, not a public route.
      (ANONYMOUS_WORDS.has(word) && !(word === "public" && words[i + 1] === "key")) ||
      (word === "un" && NEGATED_WORDS.has(words[i + 1] ?? "")),
  );
}

/** Whether a name says its routes serve anonymous callers on purpose (`publicRouter`, `unauthedMiddleware`). */
export function isAnonymousName(name: string): boolean {
  return hasAnonymousWords(getNameWords(name));
}

/** What a dotted name (`passport.authenticate`, `auth.required`, `jwt.verify`) says about auth. */
export interface AuthNameInfo {
  /** The name is auth: its last part, or its object when the last part does not veto (`auth.required`, not `auth.optional`). */
  auth: boolean;
  /** It also enforces, by its verb: `verifyToken`, `jwt.verify`, `auth.protect`, `passport.authenticate` — not `auth()`, `getSession`. */
  enforcing: boolean;
  /** Its last part vetoes auth (`authLimiter`, `ThrottlerGuard`). */
  vetoed: boolean;
  /** It is auth made optional (`auth.optional`, `optionalAuth`, `softAuth`): anonymous callers are let through on purpose. */
  optional: boolean;
}

function isOptionalAuth(words: readonly string[], objectWords: readonly string[]): boolean {
  if (!words.some((word) => OPTIONAL_WORDS.has(word))) return false;
  return [...words, ...objectWords].some((word) => AUTH_WORDS.has(word));
}

/** Judges the last two parts of a member path: `[object, property]`, or one name. */
export function getAuthNameInfo(parts: readonly string[]): AuthNameInfo {
  const last = parts.at(-1);
  if (last === undefined) return { auth: false, enforcing: false, vetoed: false, optional: false };
  const lastWords = getNameWords(last);
  if (hasAnonymousWords(lastWords)) return { auth: false, enforcing: false, vetoed: true, optional: true };
  const lastKind = getAuthWordsKind(lastWords);
  const object = parts.length > 1 ? parts.at(-2) : undefined;
  const objectWords = object === undefined ? [] : getNameWords(object);
  if (lastKind === "veto")
    return { auth: false, enforcing: false, vetoed: true, optional: isOptionalAuth(lastWords, objectWords) };
  const auth = lastKind === "auth" || (object !== undefined && getAuthWordsKind(objectWords) === "auth");
  const enforcing = auth && lastWords.some((word) => ENFORCING_VERBS.has(word));
  return { auth, enforcing, vetoed: false, optional: false };
}
