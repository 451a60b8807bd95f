/**
 * A path segment that matches the rest of the path: `*`, Express 5 `*name` / `{*name}`, Express 4
 * `(.*)`, Next.js / path-to-regexp `:name*` and `:name+`.
 */
function isRestSegment(segment: string): boolean {
  return segment === "*" || segment === "(.*)" || /^\{?\*\w*\}?$/u.test(segment) || /^:\w+[*+]$/u.test(segment);
}

/**
 * Whether a middleware registered at `pattern` runs for a request to `path`: Express / Koa prefix
 * semantics on segment boundaries (`/api` covers `/api` and `/api/users`, not `/apis`) and Hono
 * wildcards (`/api/*`, `*`).
 */
export function isPathCoveredBy(path: string, pattern: string): boolean {
  if (pattern === "*" || pattern === "/*" || pattern === "/" || pattern === "") return true;
  const segments = pattern.split("/");
  const restIndex = segments.findIndex(isRestSegment);
  const base =
    restIndex !== -1 ? segments.slice(0, restIndex).join("/") : pattern.endsWith("*") ? pattern.slice(0, -1) : pattern;
  const trimmed = base.endsWith("/") ? base.slice(0, -1) : base;
  if (trimmed === "") return true;
  if (trimmed.includes(":") || trimmed.includes("*")) {
    // Parameterised mount paths: compare segment by segment.
    const want = trimmed.split("/");
    const have = path.split("/");
    if (have.length < want.length) return false;
    return want.every((segment, i) => segment.startsWith(":") || segment === "*" || segment === have[i]);
  }
  return path === trimmed || path.startsWith(`${trimmed}/`);
}

/**
 * Whether a route pattern (not a `use` prefix) ends in a wildcard that matches everything below its
 * static part: `*`, `/api/*`, `/*splat`, `/{*splat}`, `(.*)`. Such a route registered before others
 * works as middleware for them (`app.all("*", requireAuth)`).
 */
export function isWildcardRoutePath(path: string): boolean {
  const last = path.split("/").at(-1) ?? "";
  return isRestSegment(last) && !/^:\w+[*+]$/u.test(last);
}

/** A route that matches every path (`*`, `/*`, `/*splat`, `/{*splat}`, `(.*)`): a fallback, not an endpoint. */
export function isCatchAllPath(path: string): boolean {
  const segments = path.split("/").filter((segment) => segment !== "");
  return segments.length === 0
    ? path === "*"
    : segments.length === 1 && isRestSegment(segments[0]!) && !segments[0]!.startsWith(":");
}
