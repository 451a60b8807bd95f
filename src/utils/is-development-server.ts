import { readFileSync } from "node:fs";
import path from "node:path";

import { getModificationTime } from "./find-nearest-file.js";
import { getNearestPackageManifest } from "./get-package-manifest.js";

/** `next start`, also behind `cross-env NODE_ENV=production` or an `&&` chain. */
const NEXT_START = /(?:^|[\s&;|])next\s+start(?:\s|$)/u;

/** Per `vercel.json` path, the files it builds with `@vercel/node` and the modification time it was read at. */
const vercelFunctions = new Map<string, { mtimeMs: number; sources: readonly RegExp[] }>();

/** `server/index.ts`, `api/*.ts`, `api/**`: a `builds[].src` as a pattern over paths relative to the project. */
function toPattern(source: string): RegExp {
  const escaped = source
    .replace(/^\.?\//u, "")
    .replaceAll(/[.+^${}()|[\]\\]/gu, String.raw`\$&`)
    .replaceAll("**", "\u0000")
    .replaceAll("*", "[^/]*")
    .replaceAll("\u0000", ".*");
  return new RegExp(`^${escaped}$`, "u");
}

function readVercelFunctions(file: string, mtimeMs: number): readonly RegExp[] {
  const sources: RegExp[] = [];
  try {
    const json: unknown = JSON.parse(readFileSync(file, "utf8"));
    const builds = json !== null && typeof json === "object" ? (json as { builds?: unknown }).builds : undefined;
    for (const build of Array.isArray(builds) ? builds : []) {
      const { src, use } = (build ?? {}) as { src?: unknown; use?: unknown };
      if (typeof src === "string" && typeof use === "string" && use.startsWith("@vercel/node"))
        sources.push(toPattern(src));
    }
  } catch {
    // An unreadable or half-written vercel.json (mid-edit in an editor) declares nothing.
  }
  vercelFunctions.set(file, { mtimeMs, sources });
  return sources;
}

/**
 * Whether the project's `vercel.json` builds this file with `@vercel/node`: Vercel runs its exported
 * handler as a function, and a `listen()` in it only runs when someone starts the file locally.
 */
function isVercelFunction(file: string, projectDirectory: string): boolean {
  const config = path.join(projectDirectory, "vercel.json");
  const mtimeMs = getModificationTime(config);
  if (mtimeMs === undefined) return false;
  const cached = vercelFunctions.get(config);
  const sources = cached?.mtimeMs === mtimeMs ? cached.sources : readVercelFunctions(config, mtimeMs);
  const relative = path.relative(projectDirectory, file).split(path.sep).join("/");
  return sources.some((source) => source.test(relative));
}

/**
 * Whether a server the file starts is one production does not run:
 * - the file belongs to a Next.js app (`next` in its dependencies) whose `start` script is `next start`.
 *   Production then serves the app with Next's own server, or a platform such as Vercel does; a custom
 *   Express or Koa server that the `dev` script starts (`nodemon`, `node server.js`) is a development
 *   convenience, and its missing health routes or shutdown handling never reach production. A `start`
 *   script that runs the custom server keeps it in.
 * - the project's `vercel.json` builds the file with `@vercel/node` (`"builds": [{ "src":
 *   "server/index.ts", "use": "@vercel/node" }]`): in production it is a function, and its `listen()` is
 *   the fallback for running it locally.
 */
export function isDevelopmentServer(context: { readonly filename: string; readonly cwd: string }): boolean {
  const manifest = getNearestPackageManifest(context.filename, context.cwd);
  if (!manifest) return false;
  if (isVercelFunction(path.resolve(context.cwd, context.filename), manifest.directory)) return true;
  if (!manifest.runtimeDependencies.has("next")) return false;
  const start = manifest.scripts.get("start");
  return start !== undefined && NEXT_START.test(start);
}
