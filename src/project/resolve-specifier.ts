import path from "node:path";

import { ResolverFactory } from "oxc-resolver";

import { findNearestFile } from "../utils/find-nearest-file.js";

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

const BASE_OPTIONS = {
  extensions: EXTENSIONS,
  // TypeScript's NodeNext style: `import "./users.js"` names `users.ts`.
  extensionAlias: { ".js": [".ts", ".tsx", ".js"], ".mjs": [".mts", ".mjs"], ".cjs": [".cts", ".cjs"] },
  conditionNames: ["node", "import", "require", "default"],
};

/** One resolver per tsconfig.json (its `paths` and `references`), and one without: they keep their own file-system caches. */
const resolvers = new Map<string, ResolverFactory>();

function getResolver(tsconfig: string | undefined): ResolverFactory {
  const key = tsconfig ?? "";
  let resolver = resolvers.get(key);
  if (!resolver) {
    resolver = new ResolverFactory(
      tsconfig === undefined
        ? BASE_OPTIONS
        : { ...BASE_OPTIONS, tsconfig: { configFile: tsconfig, references: "auto" } },
    );
    resolvers.set(key, resolver);
  }
  return resolver;
}

/**
 * Per folder, per specifier: what it resolves to (`null`: nothing of the project). The same imports are
 * resolved for many questions (every importer of every file, every mount on the way up); like the
 * resolvers' own caches, the answers stand until the file list changes.
 */
const resolved = new Map<string, Map<string, string | null>>();

/**
 * Forgets what the resolvers learnt about the file system: called when the project's file list changes,
 * so a file added, moved or deleted is resolved again.
 */
export function clearResolverCaches(): void {
  for (const resolver of resolvers.values()) resolver.clearCache();
  resolved.clear();
}

/** The nearer of `tsconfig.json` and `jsconfig.json`: a JavaScript project states its `baseUrl` / `paths` in the latter. */
function findNearestConfig(directory: string): string | undefined {
  const tsconfig = findNearestFile(directory, "tsconfig.json");
  const jsconfig = findNearestFile(directory, "jsconfig.json");
  if (tsconfig === undefined || jsconfig === undefined) return tsconfig ?? jsconfig;
  return path.dirname(jsconfig).length > path.dirname(tsconfig).length ? jsconfig : tsconfig;
}

const IN_NODE_MODULES = /[/\\]node_modules[/\\]/u;

/**
 * The project source file `specifier` names from `fromFile` — relative, through tsconfig (or jsconfig) `baseUrl` and `paths`, or a
 * workspace package's `exports` — or `undefined` when it names a dependency, a declaration file or
 * nothing that exists. Local files only: nothing is fetched.
 */
export function resolveSpecifier(fromFile: string, specifier: string): string | undefined {
  const directory = path.dirname(fromFile);
  let bySpecifier = resolved.get(directory);
  if (!bySpecifier) {
    bySpecifier = new Map();
    resolved.set(directory, bySpecifier);
  }
  let answer = bySpecifier.get(specifier);
  if (answer === undefined) {
    answer = resolve(directory, specifier) ?? null;
    bySpecifier.set(specifier, answer);
  }
  return answer ?? undefined;
}

function resolve(directory: string, specifier: string): string | undefined {
  const tsconfig = findNearestConfig(directory);
  let result = getResolver(tsconfig).sync(directory, specifier);
  // A tsconfig that cannot be read (an `extends` package that is not installed): resolve without it.
  if (tsconfig !== undefined && result.error !== undefined && /tsconfig/iu.test(result.error))
    result = getResolver(undefined).sync(directory, specifier);
  const found = result.path;
  if (found === undefined || IN_NODE_MODULES.test(found) || found.endsWith(".d.ts")) return undefined;
  return found;
}
