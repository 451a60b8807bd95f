import type { TestCaseError } from "@typescript-eslint/rule-tester";
import type { ESLintUtils } from "@typescript-eslint/utils";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import tsParser from "@typescript-eslint/parser";
import { Linter, type Rule } from "eslint";
import * as espree from "espree";
import { afterAll, describe, expect, it } from "vitest";

import plugin from "../../src/index.js";

import rule from "../../src/rules/no-secret-env-fallback.js";
import { lintWithFix } from "../utils/lint-with-fix.js";
import { createRuleTester, files } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";
import {
  JS_REQUIRE_ENV as JS_HELPER,
  NO_SEMI_REQUIRE_ENV as NO_SEMI_HELPER,
  withRequireEnv as withHelper,
} from "../utils/with-require-env.js";

const ruleTester = createRuleTester();

function applyFix(text: string, fix: Rule.Fix): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

const envSettings = { harden: { env: { name: "requireEnv", source: "./src/env.js" } } };

const secret = (name: string, call = `requireEnv("${name}")`) => ({ name, call: `\`${call}\``, kind: "" });

type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;

/**
 * A finding without `settings.harden.env` in a file with no `requireEnv`: no autofix, and the one
 * suggestion makes `output`, which adds a copy of the helper to the file.
 */
const local = (
  error: TestCaseError<MessageIds> & { data: Record<string, string> },
  output: string,
): TestCaseError<MessageIds> => ({
  ...error,
  suggestions: [{ messageId: "requireEnvLocal", data: error.data, output }],
});

ruleTester.run("no-secret-env-fallback", rule, {
  valid: [
    // Optional settings with sensible defaults are right.
    'const port = process.env.PORT || "3000";',
    'const level = process.env.LOG_LEVEL ?? "info";',
    'const timeout = Number(process.env.REQUEST_TIMEOUT ?? "5000");',
    'const { PORT = "3000", LOG_LEVEL = "info" } = process.env;',
    'const debug = process.env.DEBUG || "false";',
    'const apiUrl = import.meta.env.VITE_API_URL ?? "http://localhost:3000";',
    // Names that describe a secret without holding it.
    'const rounds = process.env.SALT_ROUNDS || "10";',
    'const ttl = process.env.JWT_EXPIRES_IN || "1h";',
    'const ttl2 = process.env.ACCESS_TOKEN_TTL ?? "15m";',
    'const maxTokens = process.env.MAX_TOKENS || "1000";',
    'const header = process.env.API_KEY_HEADER || "x-api-key";',
    'const secretName = process.env.AWS_SECRET_NAME ?? "prod/app";',
    'const tokenUrl = process.env.OAUTH_TOKEN_URL || "https://example.com/token";',
    // Public by design.
    'const publishable = process.env.NEXT_PUBLIC_STRIPE_KEY || "pk_test_123";',
    'const vapid = process.env.VAPID_PUBLIC_KEY || "BEl6...";',
    // A read with no fallback, or a fallback that is another read / computed at run time.
    "const secret = process.env.JWT_SECRET;",
    "const secret = process.env.JWT_SECRET!;",
    "const secret = process.env.JWT_SECRET || process.env.SECRET;",
    "const secret = process.env.SESSION_SECRET || crypto.randomUUID();",
    "const secret = process.env.JWT_SECRET ?? config.jwtSecret;",
    "const secret = process.env.JWT_SECRET ?? undefined;",
    "const { JWT_SECRET } = process.env;",
    // Dynamic names are not a named variable.
    'const value = process.env[name] || "dev";',
    // Not the environment: a local `process`, another object's `env`.
    'function f(process: { env: Record<string, string> }) { return process.env.JWT_SECRET || "dev"; }',
    'const secret = config.env.JWT_SECRET || "dev";',
    // A development-only fallback behind an explicit environment check.
    'const secret = isProduction ? process.env.JWT_SECRET : "dev-secret";',
    // envalid's `devDefault` is the right way to give a development value.
    'const env = cleanEnv(process.env, { JWT_SECRET: str({ devDefault: "dev" }) });',
    // A zod schema that is not an environment schema.
    'const userSchema = z.object({ password: z.string().default("changeme") });',
    'const env = cleanEnv(process.env, { PORT: port({ default: 3000 }), LOG_LEVEL: str({ default: "info" }) });',
    // An optional integration switched off: an empty or dummy credential for another service authenticates nothing.
    'const env = cleanEnv(process.env, { API_KEY_MARKET_DATA: str({ default: "" }), WEATHER_API_KEY: str({ default: "" }), CACHE_PASSWORD: str() });',
    'const env = cleanEnv(process.env, { GOOGLE_SECRET: str({ default: "dummySecret" }), TWITTER_ACCESS_TOKEN: str({ default: "dummyAccessToken" }) });',
    'import Stripe from "stripe";\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY_LIVE ?? process.env.STRIPE_SECRET_KEY ?? "", {});',
    'const clientSecret = process.env.GITHUB_CLIENT_SECRET || "dummy-client-secret";',
    'const mongoPassword = process.env.MONGO_PASS || "";',
    // An empty connection string connects nowhere.
    'const mongoUrl = process.env.MONGO_URL || "";',
    // A rotation period, not a salt.
    'const saltRotation = process.env.SALT_ROTATION || "month";',
    // Test code is left to tests.
    { code: 'const secret = process.env.JWT_SECRET || "test-secret";', filename: "src/auth.test.ts" },
    { code: 'const secret = process.env.JWT_SECRET || "test-secret";', filename: "tests/helpers/app.ts" },
    // Options.
    { code: 'const demo = process.env.DEMO_TOKEN || "demo";', options: [{ ignorePattern: "^DEMO_" }] },
    { code: 'const secret = process.env.JWT_SECRET || "dev";', options: [{ secretPattern: "^ONLY_THIS$" }] },
  ],
  invalid: [
    {
      // TS, ESM: the read and its fallback become a call to a typed helper that the suggestion inserts.
      code: ['import express from "express";', 'const secret = process.env.JWT_SECRET || "dev";'].join("\n"),
      filename: files.ts,
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET"), line: 2, column: 42, endLine: 2, endColumn: 47 },
          withHelper(['import express from "express";', 'const secret = requireEnv("JWT_SECRET");'].join("\n")),
        ),
      ],
    },
    {
      // An empty-string fallback counts; `??` and bracket access.
      code: 'export const apiKey = process.env["API_KEY"] ?? "";',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("API_KEY"), line: 1, column: 49 },
          withHelper('export const apiKey = requireEnv("API_KEY");'),
        ),
      ],
    },
    {
      // A key the app signs with: an empty HMAC key works, so anyone can sign.
      code: 'const signingToken = process.env.SECRET_TOKEN || "";',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("SECRET_TOKEN") },
          withHelper('const signingToken = requireEnv("SECRET_TOKEN");'),
        ),
      ],
    },
    {
      // A dummy value is still a working key for a secret the app signs or verifies with.
      code: 'const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET ?? "dummy";\nconst jwtSecret = process.env.JWT_SECRET || "dummy-secret";',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("STRIPE_WEBHOOK_SECRET"), line: 1 },
          withHelper(
            'const webhookSecret = requireEnv("STRIPE_WEBHOOK_SECRET");\nconst jwtSecret = process.env.JWT_SECRET || "dummy-secret";',
          ),
        ),
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET"), line: 2 },
          withHelper(
            'const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET ?? "dummy";\nconst jwtSecret = requireEnv("JWT_SECRET");',
          ),
        ),
      ],
    },
    {
      // A database password with a real-looking fallback stays a secret.
      code: 'const env = cleanEnv(process.env, { REDIS_PASSWORD: str({ default: "redispass" }) });',
      output: "const env = cleanEnv(process.env, { REDIS_PASSWORD: str() });",
      errors: [{ messageId: "schemaDefault", data: { name: "REDIS_PASSWORD", kind: "" } }],
    },
    {
      code: "const password = process.env[`DB_PASSWORD`] || 'postgres';",
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("DB_PASSWORD") },
          withHelper('const password = requireEnv("DB_PASSWORD");'),
        ),
      ],
    },
    {
      // `X ? X : v`
      code: 'const s = process.env.SESSION_SECRET ? process.env.SESSION_SECRET : "keyboard cat";',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("SESSION_SECRET"), column: 69 },
          withHelper('const s = requireEnv("SESSION_SECRET");'),
        ),
      ],
    },
    {
      code: 'const s = !process.env.SESSION_SECRET ? "keyboard cat" : process.env.SESSION_SECRET;',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("SESSION_SECRET"), column: 41 },
          withHelper('const s = requireEnv("SESSION_SECRET");'),
        ),
      ],
    },
    {
      code: 'const s = process.env.SESSION_SECRET !== undefined ? process.env.SESSION_SECRET : "";',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("SESSION_SECRET") },
          withHelper('const s = requireEnv("SESSION_SECRET");'),
        ),
      ],
    },
    {
      // A fallback that is another env read is followed to its end; the reads before the last stay.
      code: 'const s = process.env.JWT_SECRET || process.env.SECRET || "dev";',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("SECRET"), column: 59 },
          withHelper('const s = process.env.JWT_SECRET || requireEnv("SECRET");'),
        ),
      ],
    },
    {
      // A parenthesised chain cannot be split: reported, no fix.
      code: 'const s = (process.env.JWT_SECRET || process.env.SECRET) || "dev";',
      output: null,
      errors: [{ messageId: "secretFallback", data: secret("SECRET") }],
    },
    {
      // TypeScript wrappers, optional chaining, template and `const` fallbacks.
      code: 'const s = (process.env.JWT_SECRET as string) || "dev";',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET") },
          withHelper('const s = requireEnv("JWT_SECRET");'),
        ),
      ],
    },
    {
      code: 'const s = process.env?.JWT_SECRET ?? "dev";',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET") },
          withHelper('const s = requireEnv("JWT_SECRET");'),
        ),
      ],
    },
    {
      code: "const s = process.env.JWT_SECRET || `dev-secret`;",
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET") },
          withHelper('const s = requireEnv("JWT_SECRET");'),
        ),
      ],
    },
    {
      code: ['const DEFAULT_SECRET = "dev";', "const s = process.env.JWT_SECRET || DEFAULT_SECRET;"].join("\n"),
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET"), line: 2 },
          withHelper(['const DEFAULT_SECRET = "dev";', 'const s = requireEnv("JWT_SECRET");'].join("\n")),
        ),
      ],
    },
    {
      // `||=` / `??=` set the default into the environment.
      code: 'process.env.JWT_SECRET ??= "dev";',
      output: null,
      errors: [
        local({ messageId: "secretFallback", data: secret("JWT_SECRET") }, withHelper('requireEnv("JWT_SECRET");')),
      ],
    },
    {
      // Aliases of the environment object.
      code: ['import { env } from "node:process";', 'const s = env.JWT_SECRET || "dev";'].join("\n"),
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET") },
          withHelper(['import { env } from "node:process";', 'const s = requireEnv("JWT_SECRET");'].join("\n")),
        ),
      ],
    },
    {
      code: ["const env = process.env;", 'const s = env.JWT_SECRET || "dev";'].join("\n"),
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET") },
          withHelper(["const env = process.env;", 'const s = requireEnv("JWT_SECRET");'].join("\n")),
        ),
      ],
    },
    {
      // The name the value is stored under makes it a secret too.
      code: 'const jwtSecret = process.env.JWT || "dev";',
      output: null,
      errors: [
        local({ messageId: "secretFallback", data: secret("JWT") }, withHelper('const jwtSecret = requireEnv("JWT");')),
      ],
    },
    {
      // Framework config objects: Express session, Fastify JWT, Nest JwtModule, Hono jwt.
      code: [
        'import session from "express-session";',
        'app.use(session({ secret: process.env.SESSION_SECRET || "keyboard cat" }));',
      ].join("\n"),
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("SESSION_SECRET") },
          withHelper(
            [
              'import session from "express-session";',
              'app.use(session({ secret: requireEnv("SESSION_SECRET") }));',
            ].join("\n"),
          ),
        ),
      ],
    },
    {
      code: [
        'import { JwtModule } from "@nestjs/jwt";',
        'JwtModule.register({ secret: process.env.JWT_SECRET ?? "secretKey" });',
      ].join("\n"),
      filename: files.nest,
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET") },
          withHelper(
            [
              'import { JwtModule } from "@nestjs/jwt";',
              'JwtModule.register({ secret: requireEnv("JWT_SECRET") });',
            ].join("\n"),
          ),
        ),
      ],
    },
    {
      // A credential-looking fallback is flagged whatever the variable is called.
      code: 'const url = process.env.REMOTE || "postgres://admin:s3cr3tP4ss@db.internal:5432/app";',
      output: null,
      errors: [
        local(
          {
            messageId: "credentialFallback",
            data: { name: "REMOTE", call: '`requireEnv("REMOTE")`', kind: "a URL with a password" },
          },
          withHelper('const url = requireEnv("REMOTE");'),
        ),
      ],
    },
    {
      code: 'const gh = process.env.GH || "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";',
      output: null,
      errors: [
        local(
          { messageId: "credentialFallback", data: { name: "GH", call: '`requireEnv("GH")`', kind: "a GitHub token" } },
          withHelper('const gh = requireEnv("GH");'),
        ),
      ],
    },
    {
      // Connection strings by name.
      code: 'const db = process.env.DATABASE_URL || "postgres://localhost:5432/dev";',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("DATABASE_URL") },
          withHelper('const db = requireEnv("DATABASE_URL");'),
        ),
      ],
    },
    {
      code: 'mongoose.connect(process.env.MONGODB_URI ?? "mongodb://localhost/app");',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("MONGODB_URI") },
          withHelper('mongoose.connect(requireEnv("MONGODB_URI"));'),
        ),
      ],
    },
    {
      // Destructuring defaults: the only property → a plain declaration.
      code: 'const { JWT_SECRET = "dev" } = process.env;',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET"), column: 22 },
          withHelper('const JWT_SECRET = requireEnv("JWT_SECRET");'),
        ),
      ],
    },
    {
      // One of several: moved to its own declaration after the destructuring.
      code: 'export const { PORT = "3000", JWT_SECRET = "dev", LOG_LEVEL = "info" } = process.env;',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET") },
          withHelper(
            [
              'export const { PORT = "3000", LOG_LEVEL = "info" } = process.env;',
              'export const JWT_SECRET = requireEnv("JWT_SECRET");',
            ].join("\n"),
          ),
        ),
      ],
    },
    {
      code: 'let { JWT_SECRET: jwtSecret = "", PORT } = process.env;',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET") },
          withHelper(["let { PORT } = process.env;", 'let jwtSecret = requireEnv("JWT_SECRET");'].join("\n")),
        ),
      ],
    },
    {
      // A later default uses the binding: moving it out would break that default.
      code: 'const { JWT_SECRET = "dev", REFRESH_SECRET = JWT_SECRET } = process.env;',
      output: null,
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      // A rest element would change meaning if the property left the pattern: no fix.
      code: 'const { JWT_SECRET = "dev", ...rest } = process.env;',
      output: null,
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      // import.meta.env (Vite, Astro), Deno.env and Bun.env.
      code: 'const key = import.meta.env.STRIPE_SECRET_KEY ?? "sk_test_dev";',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("STRIPE_SECRET_KEY") },
          withHelper('const key = requireEnv("STRIPE_SECRET_KEY");'),
        ),
      ],
    },
    {
      code: 'const key = Deno.env.get("API_TOKEN") ?? "dev-token";',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("API_TOKEN") },
          withHelper('const key = requireEnv("API_TOKEN");'),
        ),
      ],
    },
    {
      code: 'const key = Bun.env.API_TOKEN || "dev-token";',
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("API_TOKEN") },
          withHelper('const key = requireEnv("API_TOKEN");'),
        ),
      ],
    },
    {
      // JS, ESM: the helper without type annotations.
      code: ['import express from "express";', 'const secret = process.env.JWT_SECRET || "dev";'].join("\n"),
      filename: files.js,
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET") },
          withHelper(
            ['import express from "express";', 'const secret = requireEnv("JWT_SECRET");'].join("\n"),
            JS_HELPER,
          ),
        ),
      ],
    },
    {
      // CommonJS: after the requires.
      code: [
        'const express = require("express");',
        'const secret = process.env.JWT_SECRET || "dev";',
        "module.exports = { secret };",
      ].join("\n"),
      filename: files.cjs,
      languageOptions: { parserOptions: { sourceType: "commonjs" } },
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET") },
          withHelper(
            [
              'const express = require("express");',
              'const secret = requireEnv("JWT_SECRET");',
              "module.exports = { secret };",
            ].join("\n"),
            JS_HELPER,
          ),
        ),
      ],
    },
    {
      // Files without semicolons get a helper without semicolons.
      code: ['import express from "express"', 'const secret = process.env.JWT_SECRET || "dev"'].join("\n"),
      filename: files.js,
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET") },
          withHelper(
            ['import express from "express"', 'const secret = requireEnv("JWT_SECRET")'].join("\n"),
            NO_SEMI_HELPER,
          ),
        ),
      ],
    },
    {
      // Two reads in one file: each suggestion inserts the helper; once one is applied, the file has it.
      code: ['const a = process.env.JWT_SECRET || "dev";', 'const b = process.env.COOKIE_SECRET || "dev";'].join("\n"),
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET") },
          withHelper(
            ['const a = requireEnv("JWT_SECRET");', 'const b = process.env.COOKIE_SECRET || "dev";'].join("\n"),
          ),
        ),
        local(
          { messageId: "secretFallback", data: secret("COOKIE_SECRET") },
          withHelper(
            ['const a = process.env.JWT_SECRET || "dev";', 'const b = requireEnv("COOKIE_SECRET");'].join("\n"),
          ),
        ),
      ],
    },
    {
      // A file that already declares the helper: it is reused, so nothing is copied and the fix is an autofix.
      code: [
        "function requireEnv(name: string): string { return process.env[name]!; }",
        'const a = process.env.JWT_SECRET || "dev";',
      ].join("\n"),
      output: [
        "function requireEnv(name: string): string { return process.env[name]!; }",
        'const a = requireEnv("JWT_SECRET");',
      ].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      // ... or imports it.
      code: [
        'import { requireEnv } from "./env";',
        'export const a = process.env.JWT_SECRET || "dev";',
        'export const b = process.env.COOKIE_SECRET || "dev";',
      ].join("\n"),
      output: [
        'import { requireEnv } from "./env";',
        'export const a = requireEnv("JWT_SECRET");',
        'export const b = requireEnv("COOKIE_SECRET");',
      ].join("\n"),
      errors: [
        { messageId: "secretFallback", data: secret("JWT_SECRET") },
        { messageId: "secretFallback", data: secret("COOKIE_SECRET") },
      ],
    },
    {
      // The file's own helper is assumed to read `process.env`, which may not hold import.meta.env's variables.
      code: ['import { requireEnv } from "./env";', 'const key = import.meta.env.API_TOKEN ?? "dev";'].join("\n"),
      output: null,
      errors: [
        {
          messageId: "secretFallback",
          data: secret("API_TOKEN"),
          suggestions: [
            {
              messageId: "requireEnv",
              data: secret("API_TOKEN"),
              output: ['import { requireEnv } from "./env";', 'const key = requireEnv("API_TOKEN");'].join("\n"),
            },
          ],
        },
      ],
    },
    {
      // A local `requireEnv` would capture the call: reported without a fix.
      code: 'function f(requireEnv: unknown) { return process.env.JWT_SECRET || "dev"; }',
      output: null,
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      // settings.harden.env: the project's helper, imported.
      code: ['import express from "express";', 'const secret = process.env.JWT_SECRET || "dev";'].join("\n"),
      settings: envSettings,
      // No filename: the file is at the project root, so the root-relative source is used as written.
      output: [
        'import express from "express";',
        'import { requireEnv } from "./src/env.js";',
        'const secret = requireEnv("JWT_SECRET");',
      ].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      code: ['const express = require("express");', 'const secret = process.env.JWT_SECRET || "dev";'].join("\n"),
      filename: files.cjs,
      languageOptions: { parserOptions: { sourceType: "commonjs" } },
      settings: { harden: { env: { name: "env.required", source: "./src/env", importKind: "default" } } },
      output: [
        'const express = require("express");',
        'const env = require("./env");',
        'const secret = env.required("JWT_SECRET");',
      ].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET", 'env.required("JWT_SECRET")') }],
    },
    {
      // With a settings helper, import.meta.env is an autofix: the project vouches for its helper.
      code: 'const key = import.meta.env.API_TOKEN ?? "dev";',
      settings: envSettings,
      output: ['import { requireEnv } from "./src/env.js";', 'const key = requireEnv("API_TOKEN");'].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("API_TOKEN") }],
    },
    {
      // envalid: `default` is removed (`devDefault` stays the way to give a development value).
      code: 'const env = cleanEnv(process.env, { JWT_SECRET: str({ default: "dev" }), PORT: port({ default: 3000 }) });',
      output: "const env = cleanEnv(process.env, { JWT_SECRET: str(), PORT: port({ default: 3000 }) });",
      errors: [{ messageId: "schemaDefault", data: { name: "JWT_SECRET", kind: "" }, column: 64 }],
    },
    {
      code: 'const env = envalid.cleanEnv(process.env, { COOKIE_SECRET: str({ desc: "signs cookies", default: "" }) });',
      output: 'const env = envalid.cleanEnv(process.env, { COOKIE_SECRET: str({ desc: "signs cookies" }) });',
      errors: [{ messageId: "schemaDefault", data: { name: "COOKIE_SECRET", kind: "" } }],
    },
    {
      // zod: `.default()` in a schema parsed against process.env.
      code: [
        'import { z } from "zod";',
        "export const env = z",
        "  .object({",
        "    PORT: z.coerce.number().default(3000),",
        '    JWT_SECRET: z.string().min(32).default("dev-secret-dev-secret-dev-secret"),',
        "  })",
        "  .parse(process.env);",
      ].join("\n"),
      output: [
        'import { z } from "zod";',
        "export const env = z",
        "  .object({",
        "    PORT: z.coerce.number().default(3000),",
        "    JWT_SECRET: z.string().min(32),",
        "  })",
        "  .parse(process.env);",
      ].join("\n"),
      errors: [{ messageId: "schemaDefault", data: { name: "JWT_SECRET", kind: "" }, line: 5 }],
    },
    {
      // ... or held in a variable named for the environment.
      code: [
        'import { z } from "zod";',
        'const envSchema = z.object({ DATABASE_URL: z.string().url().default("postgres://localhost/dev") });',
      ].join("\n"),
      output: ['import { z } from "zod";', "const envSchema = z.object({ DATABASE_URL: z.string().url() });"].join(
        "\n",
      ),
      errors: [{ messageId: "schemaDefault", data: { name: "DATABASE_URL", kind: "" } }],
    },
    {
      // `.optional().default()`: removing the default alone would not require it, so no fix.
      code: 'const envSchema = z.object({ API_KEY: z.string().optional().default("") });',
      output: null,
      errors: [{ messageId: "schemaDefault", data: { name: "API_KEY", kind: "" } }],
    },
    {
      // t3-env
      code: 'export const env = createEnv({ server: { AUTH_SECRET: z.string().default("secret") }, runtimeEnv: process.env });',
      output: "export const env = createEnv({ server: { AUTH_SECRET: z.string() }, runtimeEnv: process.env });",
      errors: [{ messageId: "schemaDefault", data: { name: "AUTH_SECRET", kind: "" } }],
    },
    {
      // A credential-looking schema default on any key.
      code: 'const env = cleanEnv(process.env, { UPSTREAM: url({ default: "https://bot:Xk93jf8sQ@api.internal/v1" }) });',
      output: "const env = cleanEnv(process.env, { UPSTREAM: url() });",
      errors: [{ messageId: "schemaCredentialDefault", data: { name: "UPSTREAM", kind: "a URL with a password" } }],
    },
    {
      // Options: extend the pattern.
      code: 'const key = process.env.ACME_LICENSE || "trial";',
      options: [{ additionalSecretPattern: "_LICENSE$" }],
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("ACME_LICENSE") },
          withHelper('const key = requireEnv("ACME_LICENSE");'),
        ),
      ],
    },
    {
      // Options: replace the pattern.
      code: 'const key = process.env.MY_CUSTOM_THING || "x";',
      options: [{ secretPattern: "CUSTOM" }],
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("MY_CUSTOM_THING") },
          withHelper('const key = requireEnv("MY_CUSTOM_THING");'),
        ),
      ],
    },
    {
      // A Hono app.
      code: [
        'import { Hono } from "hono";',
        'import { jwt } from "hono/jwt";',
        "const app = new Hono();",
        'app.use("/api/*", jwt({ secret: process.env.JWT_SECRET || "it-is-very-secret", alg: "HS256" }));',
      ].join("\n"),
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET"), line: 4 },
          withHelper(
            [
              'import { Hono } from "hono";',
              'import { jwt } from "hono/jwt";',
              "const app = new Hono();",
              'app.use("/api/*", jwt({ secret: requireEnv("JWT_SECRET"), alg: "HS256" }));',
            ].join("\n"),
          ),
        ),
      ],
    },
  ],
});

/**
 * Next.js apps. `next build` imports route handlers and what they import to collect page data, usually
 * without production secrets: a module-level read that throws fails the build, so there is no autofix.
 */
const nextSettings = { harden: { env: { name: "requireEnv", source: "@/lib/env" } } };
/** A Next.js app on disk: the nearest package.json, not the path, says what `lib/auth.ts` is part of. */
const nextApp = mkdtempSync(path.join(tmpdir(), "harden-next-app-"));
writeFileSync(
  path.join(nextApp, "package.json"),
  JSON.stringify({ dependencies: { next: "16.0.0", react: "19.0.0" } }),
);
/** A tooling package that only tests against Next.js: `next` in devDependencies does not make it an app. */
const nextTooling = mkdtempSync(path.join(tmpdir(), "harden-next-tooling-"));
writeFileSync(path.join(nextTooling, "package.json"), JSON.stringify({ devDependencies: { next: "16.0.0" } }));
afterAll(() => {
  rmSync(nextApp, { recursive: true, force: true });
  rmSync(nextTooling, { recursive: true, force: true });
});

const ROUTE = [
  'import jwt from "jsonwebtoken";',
  "",
  'const secret = process.env.JWT_SECRET || "dev-secret";',
  "",
  "export async function POST(request: Request) {",
  "  const { token } = await request.json();",
  "  return Response.json(jwt.verify(token, secret));",
  "}",
];
const ROUTE_READ_WHERE_USED = [
  "export async function POST(request: Request) {",
  "  const { token } = await request.json();",
  '  return Response.json(jwt.verify(token, requireEnv("JWT_SECRET")));',
  "}",
];
const whereUsed = (name: string, binding: string) => ({ ...secret(name), binding });

const AUTH_LIB = [
  'import { SignJWT } from "jose";',
  "",
  'export const authOptions = { secret: process.env.NEXTAUTH_SECRET || "dev" };',
  "",
  "export function getKey() {",
  '  return new TextEncoder().encode(process.env.JWT_SECRET || "dev");',
  "}",
  "",
  "export const sign = (sub: string) => new SignJWT({ sub }).sign(getKey());",
];

ruleTester.run("no-secret-env-fallback in Next.js apps", rule, {
  valid: [],
  invalid: [
    {
      // app/api/auth/route.ts without settings: read the secret in the handler, or (knowingly) at import.
      code: ROUTE.join("\n"),
      filename: "app/api/auth/route.ts",
      output: null,
      errors: [
        {
          messageId: "secretFallbackOnImport",
          data: secret("JWT_SECRET"),
          line: 3,
          suggestions: [
            {
              messageId: "requireEnvWhereUsed",
              data: whereUsed("JWT_SECRET", "secret"),
              output: withHelper([ROUTE[0], "", ...ROUTE_READ_WHERE_USED].join("\n")),
            },
            {
              messageId: "requireEnvOnImport",
              data: secret("JWT_SECRET"),
              output: withHelper(
                ROUTE.join("\n").replace('process.env.JWT_SECRET || "dev-secret"', 'requireEnv("JWT_SECRET")'),
              ),
            },
          ],
        },
      ],
    },
    {
      // The same with settings.harden.env: the project's helper is imported, and still nothing is autofixed.
      code: ROUTE.join("\n"),
      filename: "app/api/auth/route.ts",
      settings: nextSettings,
      output: null,
      errors: [
        {
          messageId: "secretFallbackOnImport",
          data: secret("JWT_SECRET"),
          suggestions: [
            {
              messageId: "requireEnvWhereUsed",
              data: whereUsed("JWT_SECRET", "secret"),
              output: [ROUTE[0], 'import { requireEnv } from "@/lib/env";', "", ...ROUTE_READ_WHERE_USED].join("\n"),
            },
            {
              messageId: "requireEnvOnImport",
              data: secret("JWT_SECRET"),
              output: [
                ROUTE[0],
                'import { requireEnv } from "@/lib/env";',
                "",
                'const secret = requireEnv("JWT_SECRET");',
                ...ROUTE.slice(3),
              ].join("\n"),
            },
          ],
        },
      ],
    },
    {
      // Read in the handler, the secret is required per request: an autofix with the project's helper.
      code: [
        'import jwt from "jsonwebtoken";',
        "export async function POST(request: Request) {",
        '  return Response.json(jwt.sign({}, process.env.JWT_SECRET ?? "dev"));',
        "}",
      ].join("\n"),
      filename: "app/api/auth/route.ts",
      settings: nextSettings,
      output: [
        'import jwt from "jsonwebtoken";',
        'import { requireEnv } from "@/lib/env";',
        "export async function POST(request: Request) {",
        '  return Response.json(jwt.sign({}, requireEnv("JWT_SECRET")));',
        "}",
      ].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      // lib/auth.ts of a Next.js app (its package.json depends on `next`), imported by the route handlers:
      // an exported object cannot be read where it is used, so the only suggestion keeps it at import.
      code: AUTH_LIB.join("\n"),
      filename: path.join(nextApp, "lib", "auth.ts"),
      settings: nextSettings,
      output: [
        AUTH_LIB[0],
        'import { requireEnv } from "@/lib/env";',
        ...AUTH_LIB.slice(1, 5),
        '  return new TextEncoder().encode(requireEnv("JWT_SECRET"));',
        ...AUTH_LIB.slice(6),
      ].join("\n"),
      errors: [
        {
          messageId: "secretFallbackOnImport",
          data: secret("NEXTAUTH_SECRET"),
          line: 3,
          suggestions: [
            {
              messageId: "requireEnvOnImport",
              data: secret("NEXTAUTH_SECRET"),
              output: [
                AUTH_LIB[0],
                'import { requireEnv } from "@/lib/env";',
                "",
                'export const authOptions = { secret: requireEnv("NEXTAUTH_SECRET") };',
                ...AUTH_LIB.slice(3),
              ].join("\n"),
            },
          ],
        },
        { messageId: "secretFallback", data: secret("JWT_SECRET"), line: 6 },
      ],
    },
    {
      // A module that imports from Next.js is Next.js code wherever it is; destructuring is read where used too.
      code: [
        'import { cookies } from "next/headers";',
        'const { SESSION_SECRET = "dev" } = process.env;',
        "export async function getSession() {",
        '  return verify((await cookies()).get("session")?.value, SESSION_SECRET);',
        "}",
      ].join("\n"),
      filename: "src/server/session.ts",
      settings: nextSettings,
      output: null,
      errors: [
        {
          messageId: "secretFallbackOnImport",
          data: secret("SESSION_SECRET"),
          suggestions: [
            {
              messageId: "requireEnvWhereUsed",
              data: whereUsed("SESSION_SECRET", "SESSION_SECRET"),
              output: [
                'import { cookies } from "next/headers";',
                'import { requireEnv } from "@/lib/env";',
                "export async function getSession() {",
                '  return verify((await cookies()).get("session")?.value, requireEnv("SESSION_SECRET"));',
                "}",
              ].join("\n"),
            },
            {
              messageId: "requireEnvOnImport",
              data: secret("SESSION_SECRET"),
              output: [
                'import { cookies } from "next/headers";',
                'import { requireEnv } from "@/lib/env";',
                'const SESSION_SECRET = requireEnv("SESSION_SECRET");',
                "export async function getSession() {",
                '  return verify((await cookies()).get("session")?.value, SESSION_SECRET);',
                "}",
              ].join("\n"),
            },
          ],
        },
      ],
    },
    {
      // Used at import as well (a module-level object): reading it where used would still run at import.
      code: [
        'const secret = process.env.WEBHOOK_SECRET ?? "";',
        "export const config = { secret };",
        "export async function POST() { return Response.json({ secret }); }",
      ].join("\n"),
      filename: "pages/api/webhook.ts",
      settings: nextSettings,
      output: null,
      errors: [
        {
          messageId: "secretFallbackOnImport",
          data: secret("WEBHOOK_SECRET"),
          suggestions: [
            {
              messageId: "requireEnvOnImport",
              data: secret("WEBHOOK_SECRET"),
              output: [
                'import { requireEnv } from "@/lib/env";',
                'const secret = requireEnv("WEBHOOK_SECRET");',
                "export const config = { secret };",
                "export async function POST() { return Response.json({ secret }); }",
              ].join("\n"),
            },
          ],
        },
      ],
    },
    {
      // Used only in handlers, with `{ secret }` shorthand: the key stays.
      code: [
        'const secret = process.env.WEBHOOK_SECRET ?? "";',
        "export async function POST() { return Response.json({ secret }); }",
      ].join("\n"),
      filename: "pages/api/webhook.ts",
      settings: nextSettings,
      output: null,
      errors: [
        {
          messageId: "secretFallbackOnImport",
          data: secret("WEBHOOK_SECRET"),
          suggestions: [
            {
              messageId: "requireEnvWhereUsed",
              data: whereUsed("WEBHOOK_SECRET", "secret"),
              output: [
                'import { requireEnv } from "@/lib/env";',
                'export async function POST() { return Response.json({ secret: requireEnv("WEBHOOK_SECRET") }); }',
              ].join("\n"),
            },
            {
              messageId: "requireEnvOnImport",
              data: secret("WEBHOOK_SECRET"),
              output: [
                'import { requireEnv } from "@/lib/env";',
                'const secret = requireEnv("WEBHOOK_SECRET");',
                "export async function POST() { return Response.json({ secret }); }",
              ].join("\n"),
            },
          ],
        },
      ],
    },
    {
      // An env schema parsed at import: without its default it throws there too.
      code: 'export const env = cleanEnv(process.env, { AUTH_SECRET: str({ default: "dev" }) });',
      filename: path.join(nextApp, "lib", "env.ts"),
      output: null,
      errors: [
        {
          messageId: "schemaDefault",
          data: { name: "AUTH_SECRET", kind: "" },
          suggestions: [
            {
              messageId: "removeDefaultOnImport",
              data: { name: "AUTH_SECRET", kind: "" },
              output: "export const env = cleanEnv(process.env, { AUTH_SECRET: str() });",
            },
          ],
        },
      ],
    },
    {
      // A credential-looking fallback gets the Next.js wording too.
      code: 'export const db = process.env.DB || "postgres://admin:s3cr3tP4ss@db.internal:5432/app";',
      filename: path.join(nextApp, "lib", "db.ts"),
      output: null,
      errors: [
        {
          messageId: "credentialFallbackOnImport",
          data: { name: "DB", call: '`requireEnv("DB")`', kind: "a URL with a password" },
          suggestions: [
            {
              messageId: "requireEnvOnImport",
              data: { name: "DB", call: '`requireEnv("DB")`', kind: "a URL with a password" },
              output: withHelper('export const db = requireEnv("DB");'),
            },
          ],
        },
      ],
    },
    {
      // A plain Express server: failing at startup is the goal, so the module-level autofix stays.
      code: [
        'import express from "express";',
        "const app = express();",
        'app.use(session({ secret: process.env.SESSION_SECRET || "keyboard cat" }));',
      ].join("\n"),
      filename: "src/server.ts",
      settings: nextSettings,
      output: [
        'import express from "express";',
        'import { requireEnv } from "@/lib/env";',
        "const app = express();",
        'app.use(session({ secret: requireEnv("SESSION_SECRET") }));',
      ].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("SESSION_SECRET") }],
    },
    {
      // `next` only in devDependencies: a package that tests against Next.js, not an app.
      code: 'export const secret = process.env.JWT_SECRET || "dev";',
      filename: path.join(nextTooling, "lib", "auth.ts"),
      settings: nextSettings,
      output: ['import { requireEnv } from "@/lib/env";', 'export const secret = requireEnv("JWT_SECRET");'].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      // An instance field runs in the constructor, not at import.
      code: 'export class Auth { secret = process.env.JWT_SECRET || "dev"; }',
      filename: path.join(nextApp, "lib", "auth.ts"),
      settings: nextSettings,
      output: [
        'import { requireEnv } from "@/lib/env";',
        'export class Auth { secret = requireEnv("JWT_SECRET"); }',
      ].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      // ... but a static field and an immediately invoked function do.
      code: [
        'export class Auth { static secret = process.env.JWT_SECRET || "dev"; }',
        'export const key = (() => process.env.API_KEY || "dev")();',
      ].join("\n"),
      filename: path.join(nextApp, "lib", "auth.ts"),
      settings: nextSettings,
      output: null,
      errors: [
        {
          messageId: "secretFallbackOnImport",
          data: secret("JWT_SECRET"),
          suggestions: [
            {
              messageId: "requireEnvOnImport",
              data: secret("JWT_SECRET"),
              output: [
                'import { requireEnv } from "@/lib/env";',
                'export class Auth { static secret = requireEnv("JWT_SECRET"); }',
                'export const key = (() => process.env.API_KEY || "dev")();',
              ].join("\n"),
            },
          ],
        },
        {
          messageId: "secretFallbackOnImport",
          data: secret("API_KEY"),
          suggestions: [
            {
              messageId: "requireEnvOnImport",
              data: secret("API_KEY"),
              output: [
                'import { requireEnv } from "@/lib/env";',
                'export class Auth { static secret = process.env.JWT_SECRET || "dev"; }',
                'export const key = (() => requireEnv("API_KEY"))();',
              ].join("\n"),
            },
          ],
        },
      ],
    },
  ],
});

/** Settings exported from one file and consumed in two others: a session middleware and an HMAC. */
const SECRET_CONSUMERS = path.resolve(import.meta.dirname, "../fixtures/secret-consumers");
const SESSION_AND_HMAC = [
  'import crypto from "node:crypto";',
  'import session from "express-session";',
  'const secret = process.env.SESSION_SECRET || "";',
  "export const sessions = session({ secret, resave: false });",
  'export const sign = (value: string) => crypto.createHmac("sha256", secret).update(value).digest("hex");',
].join("\n");

ruleTester.run("no-secret-env-fallback: an empty secret where its library refuses one", rule, {
  valid: [
    {
      name: "express-session answers every request with an error when its secret is empty",
      code: [
        'import session from "express-session";',
        'const sessionSecret = process.env.SESSION_SECRET || "";',
        "export const sessions = session({ secret: sessionSecret, resave: false });",
      ].join("\n"),
      filename: files.ts,
    },
    {
      name: "jsonwebtoken refuses to sign with an empty secret",
      code: [
        'import jwt from "jsonwebtoken";',
        'export const issue = (sub: string) => jwt.sign({ sub }, process.env.JWT_SECRET || "");',
      ].join("\n"),
      filename: files.ts,
    },
    {
      name: "passport-jwt throws at startup without a secret",
      code: [
        'import { ExtractJwt, Strategy } from "passport-jwt";',
        'export const strategy = new Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET ?? "" }, (payload, done) => done(null, payload));',
      ].join("\n"),
      filename: files.ts,
    },
  ],
  invalid: [
    {
      name: "the same empty secret also keys an HMAC, which signs with an empty key",
      code: SESSION_AND_HMAC,
      filename: files.ts,
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("SESSION_SECRET"), line: 3, column: 46 },
          withHelper(SESSION_AND_HMAC.replace('process.env.SESSION_SECRET || ""', 'requireEnv("SESSION_SECRET")')),
        ),
      ],
    },
  ],
});

describe("no-secret-env-fallback: a settings module and the files that import it", () => {
  it("follows JWT_SECRET into express-session in one importer and reports SECRET_TOKEN, which keys an HMAC in another", () => {
    const code = readFileSync(path.join(SECRET_CONSUMERS, "src/common/settings.js"), "utf8");
    const result = lintWithFix("no-secret-env-fallback", code, {
      cwd: SECRET_CONSUMERS,
      filename: "src/common/settings.js",
    });
    expect(result.output).toBe(code);
    expect(result.remaining.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      {
        line: 3,
        column: 50,
        message:
          '`SECRET_TOKEN` is a secret but falls back to a value written in the source: a deployment that forgets it runs with a secret anyone can read. Require it: `requireEnv("SECRET_TOKEN")`.',
      },
    ]);
  });
});

/** A `.cjs` file as ESLint lints it by default: espree, `sourceType: "commonjs"` (top-level bindings in a function scope). */
const commonjs = { parser: espree, sourceType: "commonjs", parserOptions: { sourceType: "commonjs" } } as const;

ruleTester.run("no-secret-env-fallback: CommonJS files", rule, {
  valid: [],
  invalid: [
    {
      name: "the settings helper already required is not required again",
      code: [
        '"use strict";',
        'const express = require("express");',
        'const { requireEnv } = require("../lib/env");',
        'const secret = process.env.JWT_SECRET || "dev";',
      ].join("\n"),
      filename: files.cjs,
      languageOptions: commonjs,
      settings: envSettings,
      output: [
        '"use strict";',
        'const express = require("express");',
        'const { requireEnv } = require("../lib/env");',
        'const secret = requireEnv("JWT_SECRET");',
      ].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      name: "a required `requireEnv` is reused, not declared a second time",
      code: [
        'const express = require("express");',
        'const { requireEnv } = require("./lib/env");',
        'const secret = process.env.JWT_SECRET || "dev";',
      ].join("\n"),
      filename: files.cjs,
      languageOptions: commonjs,
      output: [
        'const express = require("express");',
        'const { requireEnv } = require("./lib/env");',
        'const secret = requireEnv("JWT_SECRET");',
      ].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      name: "the settings helper in a file with no require yet: a require after the directive, not an import",
      code: ['"use strict";', 'const secret = process.env.JWT_SECRET || "dev";', "module.exports = { secret };"].join(
        "\n",
      ),
      filename: files.cjs,
      languageOptions: commonjs,
      settings: envSettings,
      output: [
        '"use strict";',
        'const { requireEnv } = require("./env.js");',
        'const secret = requireEnv("JWT_SECRET");',
        "module.exports = { secret };",
      ].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      name: "the inserted helper goes after the directive and the requires",
      code: [
        '"use strict";',
        'const express = require("express");',
        'const secret = process.env.JWT_SECRET || "dev";',
      ].join("\n"),
      filename: files.cjs,
      languageOptions: commonjs,
      // Without settings.harden.env, copying the helper in is a suggestion.
      output: null,
      errors: [
        local(
          { messageId: "secretFallback", data: secret("JWT_SECRET") },
          [
            '"use strict";',
            'const express = require("express");',
            "",
            JS_HELPER,
            "",
            'const secret = requireEnv("JWT_SECRET");',
          ].join("\n"),
        ),
      ],
    },
  ],
});

describe("no-secret-env-fallback autofix", () => {
  const cases: { name: string; code: string; filename?: string }[] = [
    {
      name: "Express app with several secret fallbacks",
      code: [
        'import express from "express";',
        "",
        "const app = express();",
        'const jwtSecret: string = process.env.JWT_SECRET || "dev";',
        'const apiKey = process.env["API_KEY"] ?? "";',
        'const sessionSecret = process.env.SESSION_SECRET ? process.env.SESSION_SECRET : "keyboard cat";',
        'const { DB_PASSWORD = "postgres", PORT = "3000" } = process.env;',
        'const port = Number(process.env.PORT ?? "3000");',
        "app.listen(port, () => void [jwtSecret.length, apiKey.length, sessionSecret.length, DB_PASSWORD.length, PORT]);",
      ].join("\n"),
    },
    {
      name: "chain of reads",
      code: 'export const secret: string = process.env.JWT_SECRET || process.env.SECRET || "dev";',
    },
    {
      name: "destructuring, the only property",
      code: 'export const { JWT_SECRET = "dev" } = process.env;\nexport const length: number = JWT_SECRET.length;',
    },
    {
      name: "zod env schema",
      code: [
        'import { z } from "zod";',
        'export const env = z.object({ JWT_SECRET: z.string().default("dev"), PORT: z.coerce.number().default(3000) }).parse(process.env);',
        "export const secret: string = env.JWT_SECRET;",
      ].join("\n"),
    },
    {
      name: "CommonJS",
      code: 'const express = require("express");\nconst secret = process.env.JWT_SECRET || "dev";\nmodule.exports = { secret };',
      filename: "src/server.cjs",
    },
  ];

  /** The project's helper, which every case imports: only a helper the project names is autofixed in. */
  const settings = { harden: { env: { name: "requireEnv", source: "./src/env.js" } } };
  const envModule =
    "export function requireEnv(name: string): string { const v = process.env[name]; if (!v) throw new Error(name); return v; }";

  for (const { name, code, filename = "src/server.ts" } of cases) {
    it(`${name}: re-lints clean${filename.endsWith(".ts") ? " and type-checks" : ""}`, () => {
      const result = lintWithFix("no-secret-env-fallback", code, { filename, settings });
      expect(result.output).not.toBe(code);
      expect(result.fatal).toEqual([]);
      expect(result.remaining).toEqual([]);
      expect(result.output).not.toContain("function requireEnv");
      if (filename.endsWith(".ts")) {
        expect(getTypeErrors({ "server.ts": code })).toEqual([]);
        expect(getTypeErrors({ "server.ts": result.output, "env.ts": envModule })).toEqual([]);
      }
    });
  }

  it("without settings.harden.env, --fix copies no helper; once a suggestion adds it, the file's helper is used", () => {
    const code = [
      'const a: string = process.env.JWT_SECRET || "dev";',
      'const b: string = process.env.COOKIE_SECRET || "dev";',
      "export { a, b };",
    ].join("\n");
    expect(lintWithFix("no-secret-env-fallback", code).output).toBe(code);
    const linter = new Linter({ configType: "flat" });
    const config: Linter.Config[] = [
      {
        files: ["**/*.ts"],
        plugins: { harden: plugin },
        languageOptions: { parser: tsParser },
        rules: { "harden/no-secret-env-fallback": "error" },
      },
    ];
    const [first] = linter.verify(code, config, { filename: "src/server.ts" });
    const suggestion = first?.suggestions?.[0];
    expect(suggestion?.messageId).toBe("requireEnvLocal");
    const withOne = applyFix(code, suggestion!.fix);
    const result = lintWithFix("no-secret-env-fallback", withOne);
    expect(result.output).toBe(
      withHelper(
        [
          'const a: string = requireEnv("JWT_SECRET");',
          'const b: string = requireEnv("COOKIE_SECRET");',
          "export { a, b };",
        ].join("\n"),
      ),
    );
    expect(result.remaining).toEqual([]);
    expect(getTypeErrors({ "server.ts": result.output })).toEqual([]);
  });

  it("in a Next.js route handler, --fix leaves the module-level read; reading it where used type-checks", () => {
    const code = ROUTE.join("\n");
    const filename = "app/api/auth/route.ts";
    const result = lintWithFix("no-secret-env-fallback", code, { filename, settings: nextSettings });
    expect(result.output).toBe(code);
    const linter = new Linter({ configType: "flat" });
    const config: Linter.Config[] = [
      {
        files: ["**/*.ts"],
        settings: nextSettings,
        plugins: { harden: plugin },
        languageOptions: { parser: tsParser },
        rules: { "harden/no-secret-env-fallback": "error" },
      },
    ];
    const [finding] = linter.verify(code, config, { filename });
    const whereUsed = finding?.suggestions?.find((s) => s.messageId === "requireEnvWhereUsed");
    const output = applyFix(code, whereUsed!.fix);
    expect(linter.verify(output, config, { filename })).toEqual([]);
    expect(getTypeErrors({ "route.ts": output, "lib/env.ts": envModule })).toEqual([]);
  });

  it("imports the settings helper and the import type-checks against its module", () => {
    const code =
      'import express from "express";\nexport const secret: string = process.env.JWT_SECRET || "dev";\nexport const app = express();';
    const result = lintWithFix("no-secret-env-fallback", code, { settings });
    expect(result.output).toBe(
      'import express from "express";\nimport { requireEnv } from "./env.js";\nexport const secret: string = requireEnv("JWT_SECRET");\nexport const app = express();',
    );
    expect(getTypeErrors({ "server.ts": result.output, "env.ts": envModule })).toEqual([]);
  });

  it("rejects an invalid pattern option with a message naming it", () => {
    expect(() => lintWithFix("no-secret-env-fallback", "const a = 1;", { options: [{ secretPattern: "(" }] })).toThrow(
      /secretPattern/u,
    );
  });
});
