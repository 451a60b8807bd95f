import { readFileSync } from "node:fs";
import path from "node:path";

import { findNearestFile, getModificationTime } from "./find-nearest-file.js";

/** What the rules read from a project's `package.json`. */
export interface PackageManifest {
  /** The directory that holds the `package.json`. */
  directory: string;
  /**
   * The packages in `dependencies` and `peerDependencies`: what the code runs with. `devDependencies`
   * are left out on purpose: they are tooling, and a repository that tests against a framework (an
   * ESLint plugin, a component library) is not an app built on it.
   */
  runtimeDependencies: ReadonlySet<string>;
  /** The packages in `devDependencies`: the tooling the package is built, run locally and deployed with. */
  devDependencies: ReadonlySet<string>;
  /** `scripts`, by name: `start` is how production usually runs the package. */
  scripts: ReadonlyMap<string, string>;
}

/** Per `package.json` path, its parsed manifest and the modification time it was read at. */
const manifests = new Map<string, { mtimeMs: number; manifest: PackageManifest }>();

function readDependencyNames(value: unknown): string[] {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
}

function read(file: string, mtimeMs: number): PackageManifest {
  let json: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (parsed !== null && typeof parsed === "object") json = parsed as Record<string, unknown>;
  } catch {
    // An unreadable or half-written package.json (mid-edit in an editor) declares nothing.
  }
  const manifest = {
    directory: path.dirname(file),
    runtimeDependencies: new Set([
      ...readDependencyNames(json.dependencies),
      ...readDependencyNames(json.peerDependencies),
    ]),
    devDependencies: new Set(readDependencyNames(json.devDependencies)),
    scripts: new Map(
      json.scripts !== null && typeof json.scripts === "object" && !Array.isArray(json.scripts)
        ? Object.entries(json.scripts).filter((entry): entry is [string, string] => typeof entry[1] === "string")
        : [],
    ),
  };
  manifests.set(file, { mtimeMs, manifest });
  return manifest;
}

/**
 * The `package.json` nearest to `filename` (absolute, or relative to `cwd`), or `undefined` when there
 * is none above it. Reads local files only; a manifest is re-read only when its modification time
 * changed, so an editor sees a dependency added while it runs.
 */
export function getNearestPackageManifest(filename: string, cwd: string): PackageManifest | undefined {
  const file = findNearestFile(path.dirname(path.resolve(cwd, filename)), "package.json");
  if (!file) return undefined;
  const mtimeMs = getModificationTime(file);
  if (mtimeMs === undefined) return undefined;
  const cached = manifests.get(file);
  return cached && cached.mtimeMs === mtimeMs ? cached.manifest : read(file, mtimeMs);
}
