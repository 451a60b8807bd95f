/**
 * Paths that are public on every server: the root, health and readiness probes, the ways in
 * (login, signup, password reset, email verification, OAuth callbacks, token refresh) and well-known
 * files. `**` here matches static segments only, so `/api/v1/auth/login` is public but
 * `/events/:id/register` (registering for an event) is not.
 */
export const DEFAULT_PUBLIC_PATHS: readonly string[] = [
  "/",
  "**/health",
  "**/health/**",
  "**/healthz",
  "**/healthcheck",
  "**/health-check",
  "**/livez",
  "**/readyz",
  "**/live",
  "**/liveness",
  "**/ready",
  "**/readiness",
  "**/ping",
  "**/status",
  "**/login",
  "**/log-in",
  "**/logout",
  "**/log-out",
  "**/signin",
  "**/sign-in",
  "**/signout",
  "**/sign-out",
  "**/signup",
  "**/sign-up",
  "**/register",
  "**/authenticate",
  "**/auth/session",
  "**/auth/:nextauth*",
  "**/auth/:all*",
  "**/login/**",
  "**/signin/**",
  "**/sign-in/**",
  "**/signup/**",
  "**/sign-up/**",
  "**/register/**",
  "**/forgot-password",
  "**/forgot-password/*",
  "**/forgot",
  "**/forgot/password",
  "**/reset/*",
  "**/reset/password",
  "**/reset-password",
  "**/reset-password/*",
  "**/password-reset",
  "**/password-reset/*",
  "**/password/forgot",
  "**/password/reset",
  "**/password/reset/*",
  "**/verify-email",
  "**/verify-email/*",
  "**/email/verify",
  "**/email/verify/*",
  "**/confirm-email",
  "**/confirm-email/*",
  "**/email/confirm",
  "**/email/confirm/*",
  "**/resend-verification",
  "**/callback",
  "**/callback/*",
  "**/auth/refresh",
  "**/auth/refresh-token",
  "**/token/refresh",
  "**/refresh-token",
  "**/refresh-tokens",
  "**/refresh_token",
  "/refresh",
  "/api/refresh",
  "**/oauth/token",
  "**/oauth/authorize",
  "**/oauth/revoke",
  "**/.well-known/**",
  "/api/og",
  "/api/og/**",
  "/favicon.ico",
  "/robots.txt",
  "/sitemap.xml",
  "**/sitemap",
  "**/version",
  "**/contact",
  "**/csp-report",
  "**/csp-reports",
  "**/unsubscribe",
  "**/unsubscribe/*",
  "/static/**",
  "/assets/**",
  "/public/**",
  "**/public",
  "**/public/**",
  "/locales/**",
];

function splitPath(path: string): string[] {
  return path.split("/").filter((segment) => segment !== "");
}

/** `*` within one segment: `*.json`, `v*`, `*`. Linear: the pattern is split on `*` and matched greedily left to right. */
function matchesSegment(segment: string, pattern: string): boolean {
  if (pattern === "*") return true;
  if (!pattern.includes("*")) return segment === pattern;
  const pieces = pattern.split("*");
  const first = pieces[0]!;
  const last = pieces.at(-1)!;
  if (!segment.startsWith(first) || segment.length < first.length + last.length || !segment.endsWith(last))
    return false;
  let position = first.length;
  const end = segment.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = segment.indexOf(piece, position);
    if (found === -1 || found + piece.length > end) return false;
    position = found + piece.length;
  }
  return true;
}

function isParameter(segment: string): boolean {
  return segment.startsWith(":") || segment.startsWith("[") || segment.startsWith("{") || segment.startsWith("*");
}

/** `forgotPassword`, `forgot_password` and `forgot-password` are one name to the defaults. */
function loosen(segment: string): string {
  return isParameter(segment) ? segment : segment.replaceAll("-", "").replaceAll("_", "");
}

/** A file name's extension: `sitemap.xml`, `en.json` are one segment, not an RPC method. */
const FILE_EXTENSION = /\.(?:json|xml|txt|ico|js|mjs|css|map|png|svg|jpe?g|gif|webp|html?|webmanifest)$/u;

/**
 * Lower-cased segments; for the defaults, loosened too, and an RPC-style method name split at its dots
 * (`/notifications.unsubscribe`, `/azure.callback`), so the defaults see its action.
 */
function toSegments(path: string, asDefault: boolean): string[] {
  const segments = splitPath(path.toLowerCase());
  if (!asDefault) return segments;
  return segments.flatMap((segment) =>
    segment.includes(".") && !isParameter(segment) && !FILE_EXTENSION.test(segment)
      ? segment.split(".").filter(Boolean).map(loosen)
      : [loosen(segment)],
  );
}

/**
 * Glob-style path matching on `/` segments, case-insensitive: `*` matches within one segment, `**`
 * any number of segments (none included). `asDefault`: the rules of the built-in patterns — a leading
 * `**` may not swallow route parameters, and `-` / `_` inside a segment are ignored.
 */
export function matchesPathGlob(path: string, pattern: string, asDefault = false): boolean {
  return matchesSegments(toSegments(path, asDefault), toSegments(pattern, asDefault), asDefault);
}

/** Dynamic programming over (path segment, pattern segment): O(path × pattern), no backtracking. */
function matchesSegments(have: readonly string[], want: readonly string[], staticOnly: boolean): boolean {
  // reachable[j]: the first i path segments can match the first j pattern segments.
  let reachable: boolean[] = Array.from({ length: want.length + 1 }, () => false);
  reachable[0] = true;
  for (let j = 1; j <= want.length; j++) reachable[j] = reachable[j - 1]! && want[j - 1] === "**";
  for (let i = 1; i <= have.length; i++) {
    const segment = have[i - 1]!;
    const next: boolean[] = Array.from({ length: want.length + 1 }, () => false);
    for (let j = 1; j <= want.length; j++) {
      const piece = want[j - 1]!;
      if (piece === "**") {
        // A leading `**` stands for an unknown prefix: with `staticOnly` it may not swallow a parameter
        // (`/events/:id/register` is not a signup); a trailing one (`/login/**`) takes anything below.
        const blocked = staticOnly && j < want.length && isParameter(segment);
        next[j] = next[j - 1]! || ((reachable[j]! || reachable[j - 1]!) && !blocked);
      } else {
        next[j] = reachable[j - 1]! && matchesSegment(segment, piece);
      }
    }
    reachable = next;
  }
  return reachable[want.length]!;
}

/** The defaults, split and loosened once. */
const DEFAULT_PATTERNS = DEFAULT_PUBLIC_PATHS.map((pattern) => ({
  segments: toSegments(pattern, true),
  anyPrefix: pattern.startsWith("**/"),
}));

/**
 * Whether `path` is public by one of the project's `patterns` (`settings.harden.publicPaths`) or by the
 * defaults. `complete`: the path is the one clients call; a path relative to a mount this file does not
 * show (a router's `/`) only matches the defaults that may sit under any prefix (those starting with `**`).
 */
export function isPublicPath(path: string, patterns: readonly string[] = [], complete = true): boolean {
  if (patterns.some((pattern) => matchesPathGlob(path, pattern))) return true;
  // The defaults are fixed: a path's answer is remembered (route paths repeat across a codebase).
  const key = `${complete ? 1 : 0}${path}`;
  let answer = defaultAnswers.get(key);
  if (answer === undefined) {
    const segments = toSegments(path, true);
    answer = DEFAULT_PATTERNS.some(
      (pattern) => (complete || pattern.anyPrefix) && matchesSegments(segments, pattern.segments, true),
    );
    if (defaultAnswers.size > 10_000) defaultAnswers.clear();
    defaultAnswers.set(key, answer);
  }
  return answer;
}

const defaultAnswers = new Map<string, boolean>();
