/**
 * Whether a middleware registered at `pattern` runs for a request to `path`: Express / Koa prefix
 * semantics on segment boundaries (`/api` covers `/api` and `/api/users`, not `/apis`) and Hono
 * wildcards (`/api/*`, `*`).
 */
export function isPathCoveredBy(path: string, pattern: string): boolean {
  if (pattern === "*" || pattern === "/*" || pattern === "/" || pattern === "") return true;
  const base = pattern.endsWith("/*") ? pattern.slice(0, -2) : pattern.endsWith("*") ? pattern.slice(0, -1) : pattern;
  const trimmed = base.endsWith("/") ? base.slice(0, -1) : base;
  if (trimmed.includes(":") || trimmed.includes("*")) {
    // Parameterised mount paths: compare segment by segment.
    const want = trimmed.split("/");
    const have = path.split("/");
    if (have.length < want.length) return false;
    return want.every((segment, i) => segment.startsWith(":") || segment === "*" || segment === have[i]);
  }
  return path === trimmed || path.startsWith(`${trimmed}/`);
}
