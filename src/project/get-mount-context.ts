import { existsSync } from "node:fs";
import path from "node:path";

import { isNamedIn, type AuthVocabulary } from "../frameworks/get-auth-vocabulary.js";
import { getAuthNameInfo } from "../frameworks/is-auth-name.js";
import { isPathCoveredBy } from "../frameworks/is-path-covered-by.js";
import type { Framework } from "../frameworks/types.js";
import { isRequestValidatorModule } from "../utils/get-middleware-validated-sources.js";
import type { RouteRegistration, RuleContext } from "../frameworks/types.js";
import { getFunctionLocal, type ArgFact, type CallFact, type FileFacts } from "./get-file-facts.js";
import { getAutoloadRegistrations } from "./get-fastify-autoload.js";
import { getImporters, getProjectRoot } from "./get-importers.js";
import { findProjectFunction, getLintedFileFacts } from "./get-project-function.js";
import { readProjectFile } from "./read-project-file.js";
import { resolveSpecifier } from "./resolve-specifier.js";

/** Middleware that runs before the mounted router's routes. */
export interface MountMiddleware {
  /** Name parts: `passport.authenticate("jwt")` → passport, authenticate. */
  parts: string[] | undefined;
  /** The binding the expression starts from, for finding its definition. */
  root: string | undefined;
  /** The file it is written in. */
  file: string;
  text: string;
  /** An inline hook function that enforces auth itself (judged where its code is: `FileFacts`). */
  authenticates?: boolean;
}

/** One mount on the way from a router up to the app: `app.use("/api", auth, router)`. */
export interface MountStep {
  file: string;
  line: number;
  /** The call as written, shortened: `app.use("/api", requireAuth, router)`. */
  text: string;
  /** The middleware in the call before the router, and what earlier `use` calls on the same object apply to it. */
  middleware: MountMiddleware[];
}

/** A way a router's routes are reached from the top of the app. */
export interface MountChain {
  /** From the router's own mount up to the app's. */
  steps: MountStep[];
  /** The route's full path through this chain, when every prefix on it is a literal. */
  path: string | undefined;
  /** A use the model cannot follow (passed to a function, put in an array) or a chain deeper than it looks: what is in front of it is unknown. */
  opaque: boolean;
  /** A mount on it is made only outside production (`if (env.ENVIRONMENT === "test") app.use(…)`). */
  developmentOnly?: boolean;
}

/** Frameworks whose routers or plugins another file mounts with `use` / `route` / `register`: the model follows those mounts. */
export const MOUNTED_FRAMEWORKS: ReadonlySet<Framework> = new Set(["express", "koa", "hono", "fastify"]);

/** Levels of mounting followed up from a router (`depth` counts mounts, not imports). */
const MAX_DEPTH = 5;
const MAX_TEXT = 80;

function join(prefix: string | undefined, rest: string): string {
  const segments = `${prefix ?? ""}/${rest}`.split("/").filter((segment) => segment !== "");
  return `/${segments.join("/")}`;
}

/** A prefix held in a variable (`app.use(API_PREFIX, router)`): not a literal, so the full path is unknown. */
const PREFIX_NAME = /prefix|path|base|url|root|mount/iu;

function getPrefix(call: CallFact, index: number): string | undefined {
  if (call.method === "register") return call.prefix ?? undefined;
  const first = call.args[0];
  if (!first || index === 0) return "";
  if (first.kind === "path") return first.paths.length === 1 ? first.paths[0] : undefined;
  if (call.method === "route") return undefined;
  if (first.kind === "ref" && PREFIX_NAME.test(first.name)) return undefined;
  return "";
}

function toMiddleware(file: string, args: readonly ArgFact[]): MountMiddleware[] {
  const found: MountMiddleware[] = [];
  for (const arg of args) {
    if (arg.kind === "ref") found.push({ parts: [arg.name], root: arg.name, file, text: arg.text });
    else if (arg.kind === "other")
      found.push({ parts: arg.parts, root: arg.root, file, text: arg.text, authenticates: arg.authenticates });
  }
  return found;
}

/**
 * The call as written, cut after the last argument that fits: `fastify.register(fastifyAutoload, …)`
 * rather than an argument cut in the middle.
 */
function describe(call: CallFact): string {
  const head = `${call.written ?? call.receiver}.${call.method}(`;
  let text = head;
  for (const [index, arg] of call.args.entries()) {
    const next = `${text}${index === 0 ? "" : ", "}${arg.text}`;
    if (next.length + 1 > MAX_TEXT) return `${text}${index === 0 ? "" : ", "}…)`;
    text = next;
  }
  return `${text})`;
}

/**
 * Middleware of `use` calls on `receiver` registered before `mount` whose path covers `subPath`, and
 * the Fastify request hooks of the registering plugin: a plugin is loaded after the body that registers
 * it has run, so it inherits every hook added there — unless `await register(…)` loaded it before a hook
 * was added.
 */
function getEarlierUse(
  file: string,
  facts: FileFacts,
  mount: CallFact,
  subPath: string | undefined,
): MountMiddleware[] {
  const found: MountMiddleware[] = [];
  for (const call of facts.calls) {
    if (call.receiver !== mount.receiver) continue;
    if (call.method === "addHook") {
      if (call.order < mount.order || (mount.method === "register" && mount.awaited !== true))
        found.push(...toMiddleware(file, call.args));
      continue;
    }
    // `app.register(requireUser)` before the plugin: a `fastify-plugin` plugin's hooks are added to `app`.
    if (call.method === "register" && call.order < mount.order) {
      found.push(...getSharedPluginHooks(file, facts, call));
      continue;
    }
    if (call.order >= mount.order || call.method !== "use") continue;
    const first = call.args[0];
    if (first?.kind === "path") {
      if (subPath === undefined || !first.paths.some((pattern) => isPathCoveredBy(subPath, pattern))) continue;
      found.push(...toMiddleware(file, call.args.slice(1)));
    } else {
      found.push(...toMiddleware(file, call.args));
    }
  }
  return found;
}

/** The request hooks a registered `fastify-plugin` plugin adds to the plugin that registers it. */
function getSharedPluginHooks(file: string, facts: FileFacts, register: CallFact): MountMiddleware[] {
  const plugin = register.args[0];
  if (plugin?.kind !== "ref") return [];
  const found = findProjectFunction(file, plugin.name, facts);
  const instance = found?.facts.sharedPlugins.get(found.local);
  if (!found || instance === undefined) return [];
  return found.facts.calls
    .filter((call) => call.method === "addHook" && call.receiver === instance)
    .flatMap((call) => toMiddleware(found.file, call.args));
}

/** Where a file's export is imported: the importer, its facts, its local names for it and the names it re-exports it by. */
interface ImportLink {
  importer: string;
  facts: FileFacts;
  locals: string[];
  reexportedAs: string[];
}

interface Walk {
  visiting: Set<string>;
  /**
   * Per file and export, where it is imported: found once per lookup, for every route of the linted file
   * (the routes differ only in their paths).
   */
  links: Map<string, ImportLink[]>;
}

function getImportLinks(file: string, exported: string, walk: Walk): ImportLink[] {
  const key = `${file}\0${exported}`;
  const known = walk.links.get(key);
  if (known) return known;
  const links: ImportLink[] = [];
  for (const importer of getImporters(file)) {
    const facts = readProjectFile(importer);
    if (!facts) continue;
    const locals = [...facts.imports]
      .filter(
        ([, imported]) => imported.imported === exported && resolveSpecifier(importer, imported.specifier) === file,
      )
      .map(([local]) => local);
    const reexportedAs = facts.reexports
      .filter((reexport) => reexport.imported === exported && resolveSpecifier(importer, reexport.specifier) === file)
      .map((reexport) => reexport.exported);
    if (locals.length > 0 || reexportedAs.length > 0) links.push({ importer, facts, locals, reexportedAs });
  }
  walk.links.set(key, links);
  return links;
}

/**
 * The chains above `local` in `file`: where this file mounts it on another object, and where files
 * that import it (under a name this file exports it by) mount it. `routePath` is the route's path on
 * `local`. A chain with no steps means `local` is the top: nothing mounts it.
 */
function getChainsAbove(
  file: string,
  facts: FileFacts,
  local: string,
  routePath: string | undefined,
  depth: number,
  walk: Walk,
): MountChain[] {
  const key = `${file}\0${local}`;
  if (walk.visiting.has(key)) return [];
  if (depth > MAX_DEPTH) return [{ steps: [], path: undefined, opaque: true }];
  walk.visiting.add(key);
  const own = facts.receivers.get(local)?.prefix;
  const below = routePath === undefined ? undefined : own === undefined ? routePath : join(own, routePath);
  const chains: MountChain[] = [];
  for (const call of facts.calls) {
    if (call.receiver === local) continue;
    if (call.method === "addHook") continue;
    const index = call.args.findIndex((arg) => (arg.kind === "ref" || arg.kind === "routes") && arg.name === local);
    if (index === -1 || (call.method === "route" && index !== 1) || (call.method === "register" && index !== 0))
      continue;
    const prefix = getPrefix(call, index);
    const subPath = below === undefined || prefix === undefined ? undefined : join(prefix, below);
    const start = call.args[0]?.kind === "path" ? 1 : 0;
    const step: MountStep = {
      file,
      line: call.line,
      text: describe(call),
      middleware: [...getEarlierUse(file, facts, call, subPath), ...toMiddleware(file, call.args.slice(start, index))],
    };
    chains.push(...getChainsThrough(file, facts, call, step, subPath, depth, walk));
  }
  for (const [exported, exportedLocal] of facts.exports) {
    if (exportedLocal !== local) continue;
    chains.push(...getImportedChains(file, exported, below, depth, walk));
    if (exported === "default") chains.push(...getAutoloadedChains(file, below, depth, walk));
  }
  walk.visiting.delete(key);
  return chains.length > 0 ? chains : [{ steps: [], path: below, opaque: false }];
}

/** The chains from the mount `call` (described by `step`) up through the object it is made on. */
function getChainsThrough(
  file: string,
  facts: FileFacts,
  call: CallFact,
  step: MountStep,
  subPath: string | undefined,
  depth: number,
  walk: Walk,
): MountChain[] {
  return getChainsAbove(file, facts, call.receiver, subPath, depth + 1, walk).map((above) => ({
    steps: [step, ...above.steps],
    path: above.path,
    opaque: above.opaque,
    developmentOnly: call.developmentOnly === true || above.developmentOnly === true,
  }));
}

/** The chains through files that import `exported` from `file`, or re-export it. */
function getImportedChains(
  file: string,
  exported: string,
  routePath: string | undefined,
  depth: number,
  walk: Walk,
): MountChain[] {
  const chains: MountChain[] = [];
  for (const { importer, facts, locals, reexportedAs } of getImportLinks(file, exported, walk)) {
    for (const local of locals) {
      // The same router under another name: not a level of mounting (the visiting set stops import cycles).
      for (const chain of getChainsAbove(importer, facts, local, routePath, depth, walk)) {
        // An import mounted nowhere in the importer says nothing; an import that escapes does.
        if (chain.steps.length > 0 || chain.opaque) chains.push(chain);
      }
      if ((facts.escapes.get(local) ?? 0) > 0) chains.push({ steps: [], path: undefined, opaque: true });
    }
    for (const name of reexportedAs) chains.push(...getImportedChains(importer, name, routePath, depth + 1, walk));
  }
  return chains;
}

/** The chains through `@fastify/autoload` registrations that load the plugin `file` (its default export). */
function getAutoloadedChains(file: string, routePath: string | undefined, depth: number, walk: Walk): MountChain[] {
  const chains: MountChain[] = [];
  for (const { file: registrar, facts, call, prefix } of getAutoloadRegistrations(file)) {
    const subPath = routePath === undefined || prefix === undefined ? undefined : join(prefix, routePath);
    const step: MountStep = {
      file: registrar,
      line: call.line,
      text: describe(call),
      middleware: getEarlierUse(registrar, facts, call, subPath),
    };
    chains.push(...getChainsThrough(registrar, facts, call, step, subPath, depth, walk));
  }
  return chains;
}

/** Answers about the routers of one file, for one lint of it: its facts and the importers found are kept for its routes. */
export interface MountLookup {
  /**
   * Every way the routes registered on `binding` are reached from the top of the app, through mounts in
   * this file and in the files that import it: Express `app.use(prefix?, ...mw, router)`, Koa
   * `app.use(router.routes())` / `parent.use(prefix?, child.routes())` with `new Router({ prefix })`,
   * Hono `app.route(prefix, sub)` — each with the middleware in the mount call and the `use` calls
   * before it on the same object (path-aware), recursively up to the app. `routePath` is the route's path
   * on `binding`. `undefined` when nothing that can be found mounts it.
   */
  getChains(binding: string, routePath: string | undefined): MountChain[] | undefined;
  /**
   * Whether the running server can load this file: some file of the project imports it (statically, by
   * a literal specifier) or `@fastify/autoload` loads it. `true` when that cannot be told: the file is
   * not on disk (unsaved, or linted from text) or belongs to no project.
   */
  isLoaded(): boolean;
}

/**
 * The name other files mount a route's router by: its binding (`router`), or — for a Fastify plugin's
 * instance parameter (`export default async function users(app) { app.get(…) }`) — the plugin function's,
 * which is what `app.register(users, { prefix })` names. `undefined` for an inline plugin.
 */
export function getMountedBinding(context: RuleContext, route: RouteRegistration): string | undefined {
  const receiver = route.receiver;
  if (receiver?.origin !== "plugin") return receiver?.name;
  const fn = receiver.declaration?.parent;
  if (!fn) return undefined;
  // The facts name the file's top-level functions as other files' facts do.
  getLintedFileFacts(context.sourceCode);
  return getFunctionLocal(context.sourceCode.ast, fn);
}

/**
 * `facts`: the file's facts from its current contents when the caller has them (the file being linted,
 * maybe unsaved in an editor); otherwise the file is read from disk.
 */
export function createMountLookup(file: string, facts: FileFacts | undefined = readProjectFile(file)): MountLookup {
  const links = new Map<string, ImportLink[]>();
  let loaded: boolean | undefined;
  return {
    isLoaded() {
      loaded ??=
        !existsSync(file) ||
        getProjectRoot(file) === undefined ||
        getImporters(file).length > 0 ||
        getAutoloadRegistrations(file).length > 0;
      return loaded;
    },
    getChains(binding, routePath) {
      if (!facts) return undefined;
      const chains = getChainsAbove(file, facts, binding, routePath, 0, { visiting: new Set(), links }).filter(
        (chain) => chain.steps.length > 0 || chain.opaque,
      );
      return chains.length > 0 ? chains : undefined;
    },
  };
}

/**
 * Whether mount middleware authenticates: named as auth by `settings.harden.auth` or the word lists
 * (`requireAuth`, `passport.authenticate("jwt")`, `isAuthenticated()`), and — when it is a function of
 * the project — one that can turn a request away (answers 401/403, throws, redirects). A middleware
 * named `jwtMiddleware` that only decodes a token and always calls `next()` protects nothing.
 */
export function isAuthMountMiddleware(middleware: MountMiddleware, vocabulary: AuthVocabulary): boolean {
  if (middleware.authenticates === true) return true;
  const parts = middleware.parts;
  if (!parts) return false;
  if (isNamedIn(vocabulary.names, parts)) return true;
  const info = getAuthNameInfo(parts);
  if (!info.auth || info.optional) return false;
  if (middleware.root === undefined) return true;
  const found = findProjectFunction(middleware.file, middleware.root);
  return found === undefined || found.facts.functions.get(found.local)?.rejects !== false;
}

/**
 * Whether a chain passes auth middleware somewhere on the way up. Auth in a mount protects the routes
 * below it however the mount itself is reached, so an opaque top does not matter once auth is seen.
 */
export function isChainProtected(chain: MountChain, vocabulary: AuthVocabulary): boolean {
  return chain.steps.some((step) =>
    step.middleware.some((middleware) => isAuthMountMiddleware(middleware, vocabulary)),
  );
}

/**
 * The middleware on a chain that validates whole requests against the app's API description
 * (`server.use(OpenApiValidator.middleware({ apiSpec }))` before `server.use("/api/v1", routes)`), if any.
 */
export function getChainValidator(chain: MountChain): { text: string; file: string; line: number } | undefined {
  for (const step of chain.steps) {
    const middleware = step.middleware.find(
      (candidate) =>
        candidate.root !== undefined &&
        isRequestValidatorModule(
          readProjectFile(candidate.file)?.imports.get(candidate.root)?.specifier,
          candidate.text,
        ),
    );
    if (middleware) return { text: middleware.text, file: step.file, line: step.line };
  }
  return undefined;
}

/** `src/app.ts:12`, relative to the project root of `from`. */
export function describeStepLocation(step: MountStep, from: string): string {
  const root = getProjectRoot(from) ?? path.dirname(from);
  return `${path.relative(root, step.file).split(path.sep).join("/")}:${step.line}`;
}
