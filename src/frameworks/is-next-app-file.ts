import path from "node:path";

import type { TSESLint } from "@typescript-eslint/utils";

import { getNearestPackageManifest } from "../utils/get-package-manifest.js";
import { getFrameworkImports } from "./get-framework-imports.js";
import { getNextRouteFile } from "./get-next-route-file.js";

/** Where Next.js looks for code, from the project root: the two routers and the middleware (`proxy` since Next 16). */
const NEXT_PATH = /^(?:src\/)?(?:(?:app|pages)\/|(?:middleware|proxy)\.[cm]?[jt]sx?$)/u;

/**
 * Whether a file belongs to a Next.js app, where `next build` imports route handlers, pages, layouts and
 * everything they import to collect page data, usually without production secrets in the environment.
 * Module-level code of such a file runs at build time, so a read that throws there fails the build.
 *
 * A file is Next.js code when it is a route handler file (`app/**\/route.ts`, `pages/api/**`), when it
 * imports from `next`, `next/*` or `next-auth`, or when its nearest `package.json` lists `next` in
 * `dependencies` (or `peerDependencies`): that covers a `lib/auth.ts` the route handlers import. Only
 * when no `package.json` is found does the path decide (`app/`, `pages/`, `src/app/`, `src/pages/`,
 * `middleware.ts`, `proxy.ts`): elsewhere `app/` is a common folder name in servers that are not Next.js.
 */
export function isNextAppFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  const { filename, cwd } = context;
  if (getNextRouteFile(filename)) return true;
  if (getFrameworkImports(context.sourceCode).frameworks.has("next")) return true;
  const manifest = getNearestPackageManifest(filename, cwd);
  if (manifest) return manifest.runtimeDependencies.has("next");
  const relative = path.relative(cwd, path.resolve(cwd, filename)).replaceAll("\\", "/");
  return NEXT_PATH.test(relative);
}
