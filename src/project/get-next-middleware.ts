import path from "node:path";

import { findNearestFile } from "../utils/find-nearest-file.js";
import { findProjectFunction } from "./get-project-function.js";
import { readProjectFile } from "./read-project-file.js";

/** What a Next.js `middleware.ts` (Next 16: `proxy.ts`) does for the routes it matches. */
export interface NextMiddleware {
  file: string;
  /** Its exported middleware authenticates: checks a session or token and answers 401/403 or redirects to login. */
  authenticates: boolean;
  /** The paths `config.matcher` selects; `undefined`: every path. */
  matches: (routePath: string) => boolean;
  /** Paths the middleware's own lists let through without auth (`publicRoutes`, `unAuthenticatedRoutes`). */
  publicPaths: string[];
}

const NAMES = ["middleware", "proxy"];
const EXTENSIONS = [".ts", ".js", ".mjs", ".mts"];

/** The middleware file of the app `routeFile` belongs to: the nearest one up to the project's package.json, also in `src/`. */
function findMiddlewareFile(routeFile: string): string | undefined {
  const manifest = findNearestFile(path.dirname(routeFile), "package.json");
  const stop = manifest === undefined ? path.parse(routeFile).root : path.dirname(manifest);
  for (let directory = path.dirname(routeFile); ; directory = path.dirname(directory)) {
    for (const name of NAMES) {
      for (const extension of EXTENSIONS) {
        const candidate = path.join(directory, `${name}${extension}`);
        if (readProjectFile(candidate)) return candidate;
      }
    }
    if (directory === stop || path.dirname(directory) === directory) return undefined;
  }
}

/** Whether `file` is a Next.js app's middleware: `middleware` / `proxy` beside its package.json, or in `src/`. */
export function isNextMiddlewareFile(file: string): boolean {
  // The name first: it rules out almost every file without parsing the path.
  if (!NAMES.some((name) => file.includes(name))) return false;
  const { name, ext, dir } = path.parse(file);
  if (!NAMES.includes(name) || !EXTENSIONS.includes(ext)) return false;
  const manifest = findNearestFile(dir, "package.json");
  if (manifest === undefined) return false;
  const root = path.dirname(manifest);
  return dir === root || dir === path.join(root, "src");
}

/**
 * A matcher pattern as Next.js compiles it (path-to-regexp): `/dashboard/:path*`, `/api/:path+`,
 * `/((?!api|_next/static).*)`. Parenthesised groups are regular expressions already; everything else is
 * literal. `undefined` when the pattern cannot be compiled.
 */
export function compileMatcher(pattern: string): RegExp | undefined {
  let source = "";
  for (let index = 0; index < pattern.length;) {
    const rest = pattern.slice(index);
    const parameter = /^\/:\w+([*+?])?/u.exec(rest);
    if (parameter) {
      const modifier = parameter[1];
      source += modifier === "*" ? "(?:/.*)?" : modifier === "+" ? "/.+" : modifier === "?" ? "(?:/[^/]+)?" : "/[^/]+";
      index += parameter[0].length;
      continue;
    }
    if (pattern[index] === "(") {
      let depth = 0;
      let end = index;
      for (; end < pattern.length; end++) {
        if (pattern[end] === "\\") end++;
        else if (pattern[end] === "(") depth++;
        else if (pattern[end] === ")" && --depth === 0) break;
      }
      source += pattern.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    source += pattern[index]!.replace(/[$()*+.?[\\\]^{|}]/gu, "\\$&");
    index++;
  }
  try {
    return new RegExp(`^${source}$`, "u");
  } catch {
    return undefined;
  }
}

/** `/api/teams/:slug` → `/api/teams/x`: a concrete path a matcher can be tested on. */
function toSamplePath(routePath: string): string {
  return routePath.replaceAll(/:\w+[*+?]?/gu, "x").replaceAll(/\[\[?\.{0,3}\w+\]?\]/gu, "x");
}

/** The middleware that runs before the Next.js route handlers of `routeFile`, as its file shows it. */
export function getNextMiddleware(routeFile: string): NextMiddleware | undefined {
  const file = findMiddlewareFile(routeFile);
  const facts = file === undefined ? undefined : readProjectFile(file);
  if (file === undefined || !facts) return undefined;
  const exported =
    NAMES.map((name) => facts.exports.get(name)).find((local) => local !== undefined) ?? facts.exports.get("default");
  const found = exported === undefined ? undefined : findProjectFunction(file, exported, facts);
  let authenticates = found?.facts.functions.get(found.local)?.authenticates ?? false;
  // `export { auth as middleware } from "@/auth"`: the auth library's own middleware.
  if (!authenticates && exported === undefined) {
    authenticates = facts.reexports.some(
      (reexport) => NAMES.includes(reexport.exported) && /auth|clerk|session/iu.test(reexport.imported),
    );
  }
  const patterns = facts.matcher?.map(compileMatcher);
  return {
    file,
    authenticates,
    matches: (routePath) => {
      if (patterns === undefined) return true;
      const sample = toSamplePath(routePath);
      return patterns.some((pattern) => pattern?.test(sample) === true);
    },
    publicPaths: facts.publicPathLists.flat(),
  };
}
