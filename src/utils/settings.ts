import path from "node:path";

import type { TSESLint } from "@typescript-eslint/utils";

import { validateAgainstSchema, type JSONSchema } from "./validate-schema.js";

export type ImportKind = "named" | "default" | "namespace";

/** A name the project owns, optionally with the module it is imported from. */
export interface ImportedName {
  /** The local identifier, e.g. `logger`. May be a member path such as `passport.authenticate`. */
  name: string;
  /** The module to import it from, e.g. `"./lib/logger.js"`. Without it, the fix assumes it is in scope. */
  source?: string;
  /** How it is exported by `source`. Default `"named"`. */
  importKind?: ImportKind;
}

export interface LoggerSettings extends ImportedName {
  /**
   * `pino`: `logger.info({ fields }, "message")`; `winston`: `logger.info("message", { fields })`. Without
   * it, only what the file shows (`pino()`, `createLogger()`, a typed `Logger`) tells the style; otherwise
   * the fixes that log are suggestions.
   */
  style?: "pino" | "winston";
}

export interface AuthSettings {
  /** The auth middleware the fix inserts into Express / Koa / Hono chains and Fastify `onRequest`. */
  middleware?: ImportedName;
  /** The NestJS guard the fix puts in `@UseGuards(...)`. */
  guard?: ImportedName;
  /** The Next.js session check the fix awaits at the top of a route handler, e.g. `auth` from `@/auth`. */
  sessionCheck?: ImportedName;
  /** More names that count as auth middleware, guards or session checks. */
  names?: string[];
  /** Names of wrappers / decorators that mark a route as deliberately public, e.g. `Public`, `publicRoute`. */
  publicMarkers?: string[];
  /**
   * Glob-style paths that auth in another file already covers: a router mounted behind auth in `app.ts`,
   * a Next.js `middleware.ts` matcher, a NestJS global guard. Matched like `publicPaths`.
   */
  protectedPaths?: string[];
}

export interface ValidationSettings {
  library: "zod" | "valibot";
  /** The import source of the library. Default: the library name. */
  source?: string;
  /** More names of validator calls / middleware that count as validation. */
  names?: string[];
}

export interface HardenSettings {
  logger?: LoggerSettings;
  auth?: AuthSettings;
  validation?: ValidationSettings;
  /** The required-env helper fixes call instead of reading `process.env` with a fallback. */
  env?: ImportedName;
  /** Glob-style paths that are public on purpose, e.g. `"/webhooks/*"`. Added to the defaults. */
  publicPaths?: string[];
}

const importedNameSchema: JSONSchema = {
  type: "object",
  properties: {
    name: { type: "string", minLength: 1, description: "local identifier or member path" },
    source: { type: "string", minLength: 1, description: "module specifier to import it from" },
    importKind: { enum: ["named", "default", "namespace"] },
  },
  required: ["name"],
  additionalProperties: false,
};

const stringArray: JSONSchema = { type: "array", items: { type: "string", minLength: 1 } };

export const hardenSettingsSchema: JSONSchema = {
  type: "object",
  properties: {
    logger: {
      ...importedNameSchema,
      properties: { ...importedNameSchema.properties, style: { enum: ["pino", "winston"] } },
    },
    auth: {
      type: "object",
      properties: {
        middleware: importedNameSchema,
        guard: importedNameSchema,
        sessionCheck: importedNameSchema,
        names: stringArray,
        publicMarkers: stringArray,
        protectedPaths: stringArray,
      },
      additionalProperties: false,
    },
    validation: {
      type: "object",
      properties: {
        library: { enum: ["zod", "valibot"] },
        source: { type: "string", minLength: 1 },
        names: stringArray,
      },
      required: ["library"],
      additionalProperties: false,
    },
    env: importedNameSchema,
    publicPaths: stringArray,
  },
  additionalProperties: false,
};

const validated = new WeakSet<object>();
/** Per settings object, the settings with relative import sources rewritten for each directory. */
const resolvedByDirectory = new WeakMap<object, Map<string, HardenSettings>>();
const EMPTY: HardenSettings = Object.freeze({});

function toPosix(value: string): string {
  return value.replaceAll("\\", "/");
}

/**
 * A relative `source` (`"./src/lib/logger.js"`) names a file from the project root — ESLint's working
 * directory, where the config is — as eslint-plugin-import's settings do. Each file imports it by its
 * own relative path (`"../lib/logger.js"` from `src/routes/users.ts`). Package names, subpath imports
 * (`#lib/logger`) and aliases (`@/lib/logger`) are used as written.
 */
export function resolveImportSource(source: string, directory: string, cwd: string): string {
  if (!source.startsWith("./") && !source.startsWith("../")) return source;
  const relative = toPosix(path.relative(directory, path.resolve(cwd, source)));
  return relative.startsWith(".") ? relative : `./${relative}`;
}

function withResolvedSource<T extends ImportedName | undefined>(imported: T, directory: string, cwd: string): T {
  if (!imported?.source) return imported;
  return { ...imported, source: resolveImportSource(imported.source, directory, cwd) };
}

function resolveSources(settings: HardenSettings, directory: string, cwd: string): HardenSettings {
  return {
    ...settings,
    logger: withResolvedSource(settings.logger, directory, cwd),
    env: withResolvedSource(settings.env, directory, cwd),
    auth: settings.auth && {
      ...settings.auth,
      middleware: withResolvedSource(settings.auth.middleware, directory, cwd),
      guard: withResolvedSource(settings.auth.guard, directory, cwd),
      sessionCheck: withResolvedSource(settings.auth.sessionCheck, directory, cwd),
    },
  };
}

/**
 * The error bad settings fail the run with. ESLint prints a fatal error's `stack`, prefixed with the rule
 * whose `create` threw; but the settings belong to no rule, and a stack trace only buries the one line
 * that matters. The stack is that line.
 */
function createSettingsError(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

/**
 * Validates `settings.harden` (once per settings object) and returns it as given, or `undefined` when
 * there is none. Every rule calls it first, before any early return, so a typo in the settings fails
 * the lint run on the first file whichever rules are on and whatever the file holds.
 */
export function validateHardenSettings(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): HardenSettings | undefined {
  const raw: unknown = (context.settings as Record<string, unknown> | undefined)?.harden;
  if (raw === undefined) return undefined;
  if (raw === null || typeof raw !== "object" || !validated.has(raw)) {
    const error = validateAgainstSchema(raw, hardenSettingsSchema, "settings.harden");
    if (error) throw createSettingsError(`eslint-plugin-harden: invalid ${error}`);
    validated.add(raw as object);
  }
  return raw as HardenSettings;
}

/**
 * Reads and validates `settings.harden` for the file being linted. Invalid settings throw one error
 * that names the bad key and the expected shape, so a typo fails the lint run loudly instead of
 * silently disabling a fix. Relative import sources come back relative to the file (see
 * `resolveImportSource`).
 */
export function getHardenSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): HardenSettings {
  const raw = validateHardenSettings(context);
  if (raw === undefined) return EMPTY;
  const settings = raw as HardenSettings;
  const cwd = context.cwd;
  const directory = path.dirname(path.resolve(cwd, context.filename));
  let byDirectory = resolvedByDirectory.get(settings);
  if (!byDirectory) {
    byDirectory = new Map();
    resolvedByDirectory.set(settings, byDirectory);
  }
  const key = `${cwd}\0${directory}`;
  let resolved = byDirectory.get(key);
  if (!resolved) {
    resolved = resolveSources(settings, directory, cwd);
    byDirectory.set(key, resolved);
  }
  return resolved;
}
