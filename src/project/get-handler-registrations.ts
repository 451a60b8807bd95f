import type { ArgFact } from "./get-file-facts.js";
import { getImporters } from "./get-importers.js";
import { getProjectFilePathLiterals, readProjectFile } from "./read-project-file.js";
import { resolveSpecifier } from "./resolve-specifier.js";

/** A route of another file whose handler is a function this file exports. */
export interface HandlerRegistration {
  /** The file that registers it. */
  file: string;
  line: number;
  /** What created the router or app it is registered on, when that file shows it. */
  framework: "express" | "koa" | "hono" | undefined;
  /** `post`, `get`, …, as written. */
  method: string;
  path: string | undefined;
  /** The arguments between the path and the handler: the route's own middleware. */
  middleware: ArgFact[];
}

/** `authCtrl.register`, `users.create.bind(users)`: the member of `local` the argument names, if any. */
function getMember(arg: ArgFact, local: string): string | undefined {
  if (arg.kind !== "other" || arg.root !== local || !arg.parts) return undefined;
  const [root, member, bind] = arg.parts;
  if (root !== local || member === undefined) return undefined;
  if (arg.parts.length === 2 || (arg.parts.length === 3 && bind === "bind")) return member;
  return undefined;
}

/**
 * Where the project's other files register what `file` exports as route handlers, by exported name:
 * `import { register } from "./auth.ctrl"` then `router.post("/register", register)`, a namespace or
 * default import (`import * as authCtrl`, `const authCtrl = require("./auth.ctrl")`) then
 * `router.post("/register", validate(schema), authCtrl.register)`, or `.bind(authCtrl)` on it. Only routes
 * on a named object in the importing file itself are found; a handler passed on further is not followed.
 * The importers are read once for all of the file's exports.
 */
export function getHandlerRegistrations(file: string): ReadonlyMap<string, HandlerRegistration[]> {
  const found = new Map<string, HandlerRegistration[]>();
  const add = (exported: string, registration: HandlerRegistration) => {
    const list = found.get(exported);
    if (list) list.push(registration);
    else found.set(exported, [registration]);
  };
  for (const importer of getImporters(file)) {
    // A file that registers routes writes their paths: one with no path-shaped literal is not parsed.
    if (getProjectFilePathLiterals(importer).length === 0) continue;
    const facts = readProjectFile(importer);
    if (!facts || facts.routes.length === 0) continue;
    const direct = new Map<string, string>();
    const namespaces = new Set<string>();
    for (const [local, imported] of facts.imports) {
      if (resolveSpecifier(importer, imported.specifier) !== file) continue;
      direct.set(local, imported.imported);
      // A namespace or default import stands for the module's object (`module.exports = { … }`, `export default { … }`).
      if (imported.imported === "*" || imported.imported === "default") namespaces.add(local);
    }
    if (direct.size === 0) continue;
    for (const route of facts.routes) {
      const last = route.args.at(-1);
      if (!last) continue;
      let exported = last.kind === "ref" ? direct.get(last.name) : undefined;
      for (const local of namespaces) exported ??= getMember(last, local);
      if (exported === undefined) continue;
      const first = route.args[0];
      const start = first?.kind === "path" ? 1 : 0;
      add(exported, {
        file: importer,
        line: route.line,
        framework: facts.receivers.get(route.receiver)?.framework,
        method: route.method,
        path: first?.kind === "path" && first.paths.length === 1 ? first.paths[0] : undefined,
        middleware: route.args.slice(start, -1),
      });
    }
  }
  return found;
}
