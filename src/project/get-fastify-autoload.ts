import path from "node:path";

import { findNearestFile } from "../utils/find-nearest-file.js";
import type { CallFact, FileFacts } from "./get-file-facts.js";
import { getPackageImporters } from "./get-importers.js";
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

/** A registration of `@fastify/autoload` that loads a plugin file. */
export interface AutoloadRegistration {
  /** The file that registers autoload, and its facts. */
  file: string;
  facts: FileFacts;
  call: CallFact;
  /**
   * The path the plugin's routes are served under (`/v1/reports`; empty segments are dropped by
   * the mount chain): `options.prefix`, then its folders below `dir`; `undefined` when not a literal.
   */
  prefix: string | undefined;
}

/**
 * The `@fastify/autoload` registrations whose `dir` holds `pluginFile` (in the files of its project that
 * import the package), each with the prefix autoload gives the plugin's routes:
 * `routes/api/tasks/index.ts` under `dir: path.join(import.meta.dirname, "routes")` is served under
 * `/api/tasks`. An `autoPrefix` exported by the plugin is not read.
 */
export function getAutoloadRegistrations(pluginFile: string): AutoloadRegistration[] {
  const found: AutoloadRegistration[] = [];
  for (const file of getPackageImporters(pluginFile, "@fastify/autoload")) {
    const facts = readProjectFile(file);
    for (const call of facts?.calls ?? []) {
      if (!facts || !call.autoload) continue;
      const folders = path.relative(path.resolve(path.dirname(file), call.autoload.dir), path.dirname(pluginFile));
      if (folders.startsWith("..") || path.isAbsolute(folders)) continue;
      const prefix =
        call.autoload.prefix === null
          ? undefined
          : [call.autoload.prefix, ...(call.autoload.folderPrefixes ? folders.split(path.sep) : [])].join("/");
      found.push({ file, facts, call, prefix });
    }
  }
  return found;
}
