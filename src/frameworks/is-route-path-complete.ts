import { getReceiverMounts } from "./get-receiver-mount.js";
import type { Receiver, RouteRegistration, RuleContext } from "./types.js";

const MAX_DEPTH = 5;

/**
 * Whether a route's `fullPath` is the path clients call, not one relative to a mount this file cannot
 * see: true for Next.js (the file path) and Nest (the controller); for call-registered routes, when the
 * chain of mounts ends at an app created in this file (`express()`, `Fastify()`, a Hono app named
 * `app`). A router or plugin exported for mounting elsewhere has relative paths: its `/` is not the
 * site root.
 */
export function isRoutePathComplete(context: RuleContext, route: RouteRegistration): boolean {
  if (route.framework === "next" || route.framework === "nest") return true;
  let current: Receiver | undefined = route.receiver;
  for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
    const mount = getReceiverMounts(context, current)[0];
    if (!mount) break;
    current = mount.parent;
  }
  if (!current || current.origin !== "created" || current.kind !== "app") return false;
  // `new Hono()` makes sub-apps as well as the app; only the one named `app` is taken for the root.
  return current.framework !== "hono" || current.name === "app";
}
