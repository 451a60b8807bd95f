import path from "node:path";

import { getModificationTime } from "./find-nearest-file.js";
import { getNearestPackageManifest, type PackageManifest } from "./get-package-manifest.js";

/** Wrangler's configuration files: a package that has one is deployed as a Worker. */
const WRANGLER_CONFIGS = ["wrangler.toml", "wrangler.json", "wrangler.jsonc"];
/** Packages only a Workers project depends on: the deploy tool and the runtime's types. */
const WORKERS_PACKAGES = ["wrangler", "@cloudflare/workers-types"];

/** Per manifest (re-read, so a new object, when its `package.json` changes): the answer. */
const answers = new WeakMap<PackageManifest, boolean>();

/**
 * Whether `filename` belongs to a Cloudflare Workers project: its nearest `package.json` sits next to a
 * Wrangler configuration file, or lists `wrangler` or `@cloudflare/workers-types` (usually as
 * `devDependencies`, since both are tooling). A Worker has no process output: what it writes to
 * `console` is what the platform records as its logs, with the level of the method called.
 */
export function isCloudflareWorkersFile(filename: string, cwd: string): boolean {
  const manifest = getNearestPackageManifest(filename, cwd);
  if (!manifest) return false;
  let answer = answers.get(manifest);
  if (answer === undefined) {
    answer =
      WORKERS_PACKAGES.some((name) => manifest.runtimeDependencies.has(name) || manifest.devDependencies.has(name)) ||
      WRANGLER_CONFIGS.some((name) => getModificationTime(path.join(manifest.directory, name)) !== undefined);
    answers.set(manifest, answer);
  }
  return answer;
}
