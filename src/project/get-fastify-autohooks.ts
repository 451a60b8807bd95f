import path from "node:path";

import { findNearestFile } from "../utils/find-nearest-file.js";
import { readProjectFile } from "./read-project-file.js";

const EXTENSIONS = [".ts", ".js", ".mjs", ".cjs", ".mts", ".cts"];

/**
 * The `autohooks` file of `@fastify/autoload` that authenticates the routes of `routeFile`: in its folder
 * or a folder above it, up to the project's package.json. Autoload registers an `autohooks` file's hooks
 * for the plugins of its folder (and, with `cascadeHooks`, of the folders below), so an `onRequest` hook
 * there that checks the session and answers 401 protects every route file under it. `undefined` when
 * none authenticates.
 */
export function getAuthenticatingAutohooks(routeFile: string): string | undefined {
  const manifest = findNearestFile(path.dirname(routeFile), "package.json");
  const stop = manifest === undefined ? path.parse(routeFile).root : path.dirname(manifest);
  for (let directory = path.dirname(routeFile); ; directory = path.dirname(directory)) {
    for (const extension of EXTENSIONS) {
      const candidate = path.join(directory, `autohooks${extension}`);
      const facts = readProjectFile(candidate);
      const local = facts?.exports.get("default");
      if (local !== undefined && facts?.functions.get(local)?.authenticates === true) return candidate;
    }
    if (directory === stop || path.dirname(directory) === directory) return undefined;
  }
}
