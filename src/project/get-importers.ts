import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { findNearestFile } from "../utils/find-nearest-file.js";
import { isSingleRun } from "./is-single-run.js";
import { getProjectFileSpecifiers } from "./read-project-file.js";
import { clearResolverCaches, resolveSpecifier } from "./resolve-specifier.js";

const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/u;
const SKIPPED_FILE = /\.d\.[cm]?ts$|\.(?:test|spec)\.[^/\\]*$|\.min\.js$/u;
/** Generated, installed and test code: never where an app mounts its routers. */
const SKIPPED_DIRECTORIES = new Set([
  "node_modules",
  "dist",
  "build",
  "out",
  ".next",
  "coverage",
  "generated",
  "test",
  "tests",
  "__tests__",
  "__mocks__",
  "__fixtures__",
  "fixtures",
  "e2e",
  "cypress",
  "playwright",
]);
/** A monorepo larger than this is listed in part: the model answers "not found", never hangs. */
const MAX_FILES = 20_000;
/**
 * How long a listing of a project's files, and the index of which files name which module, is trusted
 * in a long-running process (an editor's ESLint server; a one-time run lists a project once, see
 * {@link isSingleRun}). Files are added, and start importing a router, far less often than they are
 * edited; a few seconds keep the model from reading every file's modification time for every router
 * file, and an editor sees a new import moments later. Edits to a file that already imports the router
 * are seen at once: its facts are checked against its modification time and size on every use.
 */
const LISTING_TTL_MS = 3000;

/** Whether a listing made at `listedAt` still stands: for the whole of a one-time run, a few seconds otherwise. */
export function isListingCurrent(listedAt: number): boolean {
  return isSingleRun() || Date.now() - listedAt < LISTING_TTL_MS;
}

const rootByDirectory = new Map<string, string | null>();

function hasWorkspaces(packageJson: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(packageJson, "utf8")) as { workspaces?: unknown };
    return manifest.workspaces !== undefined;
  } catch {
    return false;
  }
}

/**
 * The folder whose files may import `file`: its nearest package.json's folder, or the root of the
 * monorepo it belongs to (a package.json with `workspaces`, or a pnpm-workspace.yaml), whose other
 * packages may mount its routers.
 */
export function getProjectRoot(file: string): string | undefined {
  const directory = path.dirname(file);
  const known = rootByDirectory.get(directory);
  if (known !== undefined) return known ?? undefined;
  const packageJson = findNearestFile(directory, "package.json");
  let root = packageJson === undefined ? undefined : path.dirname(packageJson);
  if (root !== undefined) {
    const pnpm = findNearestFile(root, "pnpm-workspace.yaml");
    if (pnpm !== undefined) root = path.dirname(pnpm);
    else {
      let current = path.dirname(root);
      for (let depth = 0; depth < 4; depth++) {
        const above = findNearestFile(current, "package.json");
        if (above === undefined) break;
        if (hasWorkspaces(above)) {
          root = path.dirname(above);
          break;
        }
        const parent = path.dirname(path.dirname(above));
        if (parent === current) break;
        current = parent;
      }
    }
  }
  rootByDirectory.set(directory, root ?? null);
  return root;
}

interface Listing {
  files: string[];
  /** The name a specifier ends with (`todos` for `./routes/todos.js`) → the files that have one, with those specifiers. */
  byName: Map<string, NamedSpecifiers[]>;
  listedAt: number;
}

/** A file's specifiers that end with one name, split from `all`, the file's specifiers when it was listed. */
interface NamedSpecifiers {
  file: string;
  specifiers: string[];
  all: readonly string[];
}

/** `named`'s specifiers as the file has them now: a file changed since it was listed is split again. */
function getCurrentSpecifiers(named: NamedSpecifiers, name: string): readonly string[] {
  const current = getProjectFileSpecifiers(named.file);
  return current === named.all ? named.specifiers : current.filter((specifier) => getSpecifierName(specifier) === name);
}

const listings = new Map<string, Listing>();

/**
 * The files below `root` whose name `accept`s, sorted: dot-folders and the skipped folders (installed,
 * generated and test code) left out, at most `maxFiles`, `maxDepth` folders down.
 */
export function listProjectFiles(
  root: string,
  accept: (name: string) => boolean,
  { maxFiles = MAX_FILES, maxDepth = Infinity } = {},
): string[] {
  const files: string[] = [];
  const pending: { directory: string; depth: number }[] = [{ directory: root, depth: 0 }];
  while (pending.length > 0 && files.length < maxFiles) {
    const { directory, depth } = pending.pop()!;
    let dirents;
    try {
      dirents = readdirSync(directory, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const dirent of dirents) {
      if (dirent.name.startsWith(".")) continue;
      if (dirent.isDirectory()) {
        if (depth < maxDepth && !SKIPPED_DIRECTORIES.has(dirent.name))
          pending.push({ directory: path.join(directory, dirent.name), depth: depth + 1 });
      } else if (dirent.isFile() && accept(dirent.name)) {
        files.push(path.join(directory, dirent.name));
      }
    }
  }
  return files.sort();
}

const listFiles = (root: string): string[] =>
  listProjectFiles(root, (name) => SOURCE_FILE.test(name) && !SKIPPED_FILE.test(name));

const EXTENSION = /\.(?:[cm]?[jt]sx?)$/u;

/** The name a specifier of `file` ends with: `todos` for `src/routes/todos.ts`, `routes` for `src/routes/index.ts`. */
function getImportName(file: string): string {
  const stem = path.basename(file).replace(EXTENSION, "");
  return stem === "index" ? path.basename(path.dirname(file)) : stem;
}

function getSpecifierName(specifier: string): string {
  const segments = specifier.split("/");
  let last = (segments.pop() ?? "").replace(EXTENSION, "");
  if (last === "index") last = segments.pop() ?? "";
  return last;
}

function getListing(root: string): Listing {
  const known = listings.get(root);
  if (known && isListingCurrent(known.listedAt)) return known;
  const files = listFiles(root);
  if (known && (known.files.length !== files.length || known.files.some((file, i) => file !== files[i])))
    clearResolverCaches();
  const byName = new Map<string, NamedSpecifiers[]>();
  for (const file of files) {
    const ofFile = new Map<string, NamedSpecifiers>();
    const all = getProjectFileSpecifiers(file);
    for (const specifier of all) {
      const name = getSpecifierName(specifier);
      const named = ofFile.get(name);
      if (named) {
        named.specifiers.push(specifier);
        continue;
      }
      const entry = { file, specifiers: [specifier], all };
      ofFile.set(name, entry);
      const list = byName.get(name);
      if (list) list.push(entry);
      else byName.set(name, [entry]);
    }
  }
  const listing = { files, byName, listedAt: Date.now() };
  listings.set(root, listing);
  return listing;
}

/** The project's source files under `root` (not installed, generated or test code), re-listed every few seconds. */
export function getProjectFiles(root: string): string[] {
  return getListing(root).files;
}

/**
 * The project files that import `file` (static or dynamic `import`, `require`, re-export). The files
 * whose text names a module by the name `file` is imported by — its stem, or its folder's name for an
 * `index` file — are found in the index; only their specifiers are resolved.
 */
export function getImporters(file: string): string[] {
  const root = getProjectRoot(file);
  if (root === undefined) return [];
  const name = getImportName(file);
  const importers: string[] = [];
  for (const named of getListing(root).byName.get(name) ?? []) {
    const candidate = named.file;
    if (
      candidate !== file &&
      getCurrentSpecifiers(named, name).some((specifier) => resolveSpecifier(candidate, specifier) === file)
    )
      importers.push(candidate);
  }
  return importers;
}

/** The project files that import the package `specifier` (`@fastify/autoload`): found in the index by its last segment. */
export function getPackageImporters(file: string, specifier: string): string[] {
  const root = getProjectRoot(file);
  if (root === undefined) return [];
  const name = getSpecifierName(specifier);
  return (getListing(root).byName.get(name) ?? [])
    .filter((named) => getCurrentSpecifiers(named, name).includes(specifier))
    .map((named) => named.file);
}
