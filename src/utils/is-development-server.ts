import { getNearestPackageManifest } from "./get-package-manifest.js";

/** `next start`, also behind `cross-env NODE_ENV=production` or an `&&` chain. */
const NEXT_START = /(?:^|[\s&;|])next\s+start(?:\s|$)/u;

/**
 * Whether a server the file starts is one production does not run: the file belongs to a Next.js app
 * (`next` in its dependencies) whose `start` script is `next start`. Production then serves the app with
 * Next's own server, or a platform such as Vercel does; a custom Express or Koa server that the `dev`
 * script starts (`nodemon`, `node server.js`) is a development convenience, and its missing health routes
 * or shutdown handling never reach production. A `start` script that runs the custom server keeps it in.
 */
export function isDevelopmentServer(context: { readonly filename: string; readonly cwd: string }): boolean {
  const manifest = getNearestPackageManifest(context.filename, context.cwd);
  if (!manifest?.runtimeDependencies.has("next")) return false;
  const start = manifest.scripts.get("start");
  return start !== undefined && NEXT_START.test(start);
}
