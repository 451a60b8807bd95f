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
  /** `pino`: `logger.info({ fields }, "message")`; `winston`: `logger.info("message", { fields })`. */
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

const cache = new WeakMap<object, HardenSettings>();
const EMPTY: HardenSettings = Object.freeze({});

/**
 * Reads and validates `settings.harden`. Invalid settings throw one error that names the bad key and
 * the expected shape, so a typo fails the lint run loudly instead of silently disabling a fix.
 */
export function getHardenSettings(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): HardenSettings {
  const raw: unknown = (context.settings as Record<string, unknown> | undefined)?.harden;
  if (raw === undefined) return EMPTY;
  if (raw !== null && typeof raw === "object") {
    const cached = cache.get(raw);
    if (cached) return cached;
  }
  const error = validateAgainstSchema(raw, hardenSettingsSchema, "settings.harden");
  if (error) {
    throw new Error(`eslint-plugin-harden: invalid ${error}`);
  }
  const settings = raw as HardenSettings;
  cache.set(settings, settings);
  return settings;
}
