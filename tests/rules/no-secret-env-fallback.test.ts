import * as espree from "espree";
import { describe, expect, it } from "vitest";

import rule from "../../src/rules/no-secret-env-fallback.js";
import { lintWithFix } from "../utils/lint-with-fix.js";
import { createRuleTester, files } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";
import { JS_REQUIRE_ENV as JS_HELPER, NO_SEMI_REQUIRE_ENV as NO_SEMI_HELPER, withRequireEnv as withHelper } from "../utils/with-require-env.js";

const ruleTester = createRuleTester();

const envSettings = { harden: { env: { name: "requireEnv", source: "./src/env.js" } } };

const secret = (name: string, call = `requireEnv("${name}")`) => ({ name, call: `\`${call}\``, kind: "" });

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
    // Test code is left to tests.
    { code: 'const secret = process.env.JWT_SECRET || "test-secret";', filename: "src/auth.test.ts" },
    { code: 'const secret = process.env.JWT_SECRET || "test-secret";', filename: "tests/helpers/app.ts" },
    // Options.
    { code: 'const demo = process.env.DEMO_TOKEN || "demo";', options: [{ ignorePattern: "^DEMO_" }] },
    { code: 'const secret = process.env.JWT_SECRET || "dev";', options: [{ secretPattern: "^ONLY_THIS$" }] },
  ],
  invalid: [
    {
      // TS, ESM: the read and its fallback become a call to an inserted, typed helper.
      code: ['import express from "express";', 'const secret = process.env.JWT_SECRET || "dev";'].join("\n"),
      filename: files.ts,
      output: withHelper(['import express from "express";', 'const secret = requireEnv("JWT_SECRET");'].join("\n")),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET"), line: 2, column: 42, endLine: 2, endColumn: 47 }],
    },
    {
      // An empty-string fallback counts; `??` and bracket access.
      code: 'export const apiKey = process.env["API_KEY"] ?? "";',
      output: withHelper('export const apiKey = requireEnv("API_KEY");'),
      errors: [{ messageId: "secretFallback", data: secret("API_KEY"), line: 1, column: 49 }],
    },
    {
      code: "const password = process.env[`DB_PASSWORD`] || 'postgres';",
      output: withHelper('const password = requireEnv("DB_PASSWORD");'),
      errors: [{ messageId: "secretFallback", data: secret("DB_PASSWORD") }],
    },
    {
      // `X ? X : v`
      code: 'const s = process.env.SESSION_SECRET ? process.env.SESSION_SECRET : "keyboard cat";',
      output: withHelper('const s = requireEnv("SESSION_SECRET");'),
      errors: [{ messageId: "secretFallback", data: secret("SESSION_SECRET"), column: 69 }],
    },
    {
      code: 'const s = !process.env.SESSION_SECRET ? "keyboard cat" : process.env.SESSION_SECRET;',
      output: withHelper('const s = requireEnv("SESSION_SECRET");'),
      errors: [{ messageId: "secretFallback", data: secret("SESSION_SECRET"), column: 41 }],
    },
    {
      code: 'const s = process.env.SESSION_SECRET !== undefined ? process.env.SESSION_SECRET : "";',
      output: withHelper('const s = requireEnv("SESSION_SECRET");'),
      errors: [{ messageId: "secretFallback", data: secret("SESSION_SECRET") }],
    },
    {
      // A fallback that is another env read is followed to its end; the reads before the last stay.
      code: 'const s = process.env.JWT_SECRET || process.env.SECRET || "dev";',
      output: withHelper('const s = process.env.JWT_SECRET || requireEnv("SECRET");'),
      errors: [{ messageId: "secretFallback", data: secret("SECRET"), column: 59 }],
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
      output: withHelper('const s = requireEnv("JWT_SECRET");'),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      code: 'const s = process.env?.JWT_SECRET ?? "dev";',
      output: withHelper('const s = requireEnv("JWT_SECRET");'),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      code: "const s = process.env.JWT_SECRET || `dev-secret`;",
      output: withHelper('const s = requireEnv("JWT_SECRET");'),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      code: ['const DEFAULT_SECRET = "dev";', "const s = process.env.JWT_SECRET || DEFAULT_SECRET;"].join("\n"),
      output: withHelper(['const DEFAULT_SECRET = "dev";', 'const s = requireEnv("JWT_SECRET");'].join("\n")),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET"), line: 2 }],
    },
    {
      // `||=` / `??=` set the default into the environment.
      code: 'process.env.JWT_SECRET ??= "dev";',
      output: withHelper('requireEnv("JWT_SECRET");'),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      // Aliases of the environment object.
      code: ['import { env } from "node:process";', 'const s = env.JWT_SECRET || "dev";'].join("\n"),
      output: withHelper(['import { env } from "node:process";', 'const s = requireEnv("JWT_SECRET");'].join("\n")),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      code: ["const env = process.env;", 'const s = env.JWT_SECRET || "dev";'].join("\n"),
      output: withHelper(["const env = process.env;", 'const s = requireEnv("JWT_SECRET");'].join("\n")),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      // The name the value is stored under makes it a secret too.
      code: 'const jwtSecret = process.env.JWT || "dev";',
      output: withHelper('const jwtSecret = requireEnv("JWT");'),
      errors: [{ messageId: "secretFallback", data: secret("JWT") }],
    },
    {
      // Framework config objects: Express session, Fastify JWT, Nest JwtModule, Hono jwt.
      code: ['import session from "express-session";', 'app.use(session({ secret: process.env.SESSION_SECRET || "keyboard cat" }));'].join("\n"),
      output: withHelper(['import session from "express-session";', 'app.use(session({ secret: requireEnv("SESSION_SECRET") }));'].join("\n")),
      errors: [{ messageId: "secretFallback", data: secret("SESSION_SECRET") }],
    },
    {
      code: ['import { JwtModule } from "@nestjs/jwt";', 'JwtModule.register({ secret: process.env.JWT_SECRET ?? "secretKey" });'].join("\n"),
      filename: files.nest,
      output: withHelper(['import { JwtModule } from "@nestjs/jwt";', 'JwtModule.register({ secret: requireEnv("JWT_SECRET") });'].join("\n")),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      // A credential-looking fallback is flagged whatever the variable is called.
      code: 'const url = process.env.REMOTE || "postgres://admin:s3cr3tP4ss@db.internal:5432/app";',
      output: withHelper('const url = requireEnv("REMOTE");'),
      errors: [{ messageId: "credentialFallback", data: { name: "REMOTE", call: '`requireEnv("REMOTE")`', kind: "a URL with a password" } }],
    },
    {
      code: 'const gh = process.env.GH || "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";',
      output: withHelper('const gh = requireEnv("GH");'),
      errors: [{ messageId: "credentialFallback", data: { name: "GH", call: '`requireEnv("GH")`', kind: "a GitHub token" } }],
    },
    {
      // Connection strings by name.
      code: 'const db = process.env.DATABASE_URL || "postgres://localhost:5432/dev";',
      output: withHelper('const db = requireEnv("DATABASE_URL");'),
      errors: [{ messageId: "secretFallback", data: secret("DATABASE_URL") }],
    },
    {
      code: 'mongoose.connect(process.env.MONGODB_URI ?? "mongodb://localhost/app");',
      output: withHelper('mongoose.connect(requireEnv("MONGODB_URI"));'),
      errors: [{ messageId: "secretFallback", data: secret("MONGODB_URI") }],
    },
    {
      // Destructuring defaults: the only property → a plain declaration.
      code: 'const { JWT_SECRET = "dev" } = process.env;',
      output: withHelper('const JWT_SECRET = requireEnv("JWT_SECRET");'),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET"), column: 22 }],
    },
    {
      // One of several: moved to its own declaration after the destructuring.
      code: 'export const { PORT = "3000", JWT_SECRET = "dev", LOG_LEVEL = "info" } = process.env;',
      output: withHelper(['export const { PORT = "3000", LOG_LEVEL = "info" } = process.env;', 'export const JWT_SECRET = requireEnv("JWT_SECRET");'].join("\n")),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      code: 'let { JWT_SECRET: jwtSecret = "", PORT } = process.env;',
      output: withHelper(["let { PORT } = process.env;", 'let jwtSecret = requireEnv("JWT_SECRET");'].join("\n")),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
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
      // import.meta.env (Vite, Astro): `process.env` may not hold the value, so the helper is a suggestion.
      code: 'const key = import.meta.env.STRIPE_SECRET_KEY ?? "sk_test_dev";',
      output: null,
      errors: [
        {
          messageId: "secretFallback",
          data: secret("STRIPE_SECRET_KEY"),
          suggestions: [
            { messageId: "requireEnv", data: secret("STRIPE_SECRET_KEY"), output: withHelper('const key = requireEnv("STRIPE_SECRET_KEY");') },
          ],
        },
      ],
    },
    {
      // Deno: suggestion too.
      code: 'const key = Deno.env.get("API_TOKEN") ?? "dev-token";',
      output: null,
      errors: [
        {
          messageId: "secretFallback",
          data: secret("API_TOKEN"),
          suggestions: [{ messageId: "requireEnv", data: secret("API_TOKEN"), output: withHelper('const key = requireEnv("API_TOKEN");') }],
        },
      ],
    },
    {
      // Bun.env is process.env: autofix.
      code: 'const key = Bun.env.API_TOKEN || "dev-token";',
      output: withHelper('const key = requireEnv("API_TOKEN");'),
      errors: [{ messageId: "secretFallback", data: secret("API_TOKEN") }],
    },
    {
      // JS, ESM: the helper without type annotations.
      code: ['import express from "express";', 'const secret = process.env.JWT_SECRET || "dev";'].join("\n"),
      filename: files.js,
      output: withHelper(['import express from "express";', 'const secret = requireEnv("JWT_SECRET");'].join("\n"), JS_HELPER),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      // CommonJS: after the requires.
      code: ['const express = require("express");', 'const secret = process.env.JWT_SECRET || "dev";', "module.exports = { secret };"].join("\n"),
      filename: files.cjs,
      languageOptions: { parserOptions: { sourceType: "commonjs" } },
      output: withHelper(
        ['const express = require("express");', 'const secret = requireEnv("JWT_SECRET");', "module.exports = { secret };"].join("\n"),
        JS_HELPER,
      ),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      // Files without semicolons get a helper without semicolons.
      code: ['import express from "express"', 'const secret = process.env.JWT_SECRET || "dev"'].join("\n"),
      filename: files.js,
      output: withHelper(['import express from "express"', 'const secret = requireEnv("JWT_SECRET")'].join("\n"), NO_SEMI_HELPER),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      // Two reads in one file: the first pass inserts the helper once, the second reuses it.
      code: ['const a = process.env.JWT_SECRET || "dev";', 'const b = process.env.COOKIE_SECRET || "dev";'].join("\n"),
      output: [
        withHelper(['const a = requireEnv("JWT_SECRET");', 'const b = process.env.COOKIE_SECRET || "dev";'].join("\n")),
        withHelper(['const a = requireEnv("JWT_SECRET");', 'const b = requireEnv("COOKIE_SECRET");'].join("\n")),
      ],
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }, { messageId: "secretFallback", data: secret("COOKIE_SECRET") }],
    },
    {
      // A file that already declares the helper reuses it.
      code: ["function requireEnv(name: string): string { return process.env[name]!; }", 'const a = process.env.JWT_SECRET || "dev";'].join("\n"),
      output: ["function requireEnv(name: string): string { return process.env[name]!; }", 'const a = requireEnv("JWT_SECRET");'].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
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
      output: ['import express from "express";', 'import { requireEnv } from "./src/env.js";', 'const secret = requireEnv("JWT_SECRET");'].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      code: ['const express = require("express");', 'const secret = process.env.JWT_SECRET || "dev";'].join("\n"),
      filename: files.cjs,
      languageOptions: { parserOptions: { sourceType: "commonjs" } },
      settings: { harden: { env: { name: "env.required", source: "./src/env", importKind: "default" } } },
      output: ['const express = require("express");', 'const env = require("./env");', 'const secret = env.required("JWT_SECRET");'].join("\n"),
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
        '    PORT: z.coerce.number().default(3000),',
        '    JWT_SECRET: z.string().min(32).default("dev-secret-dev-secret-dev-secret"),',
        "  })",
        "  .parse(process.env);",
      ].join("\n"),
      output: [
        'import { z } from "zod";',
        "export const env = z",
        "  .object({",
        '    PORT: z.coerce.number().default(3000),',
        "    JWT_SECRET: z.string().min(32),",
        "  })",
        "  .parse(process.env);",
      ].join("\n"),
      errors: [{ messageId: "schemaDefault", data: { name: "JWT_SECRET", kind: "" }, line: 5 }],
    },
    {
      // ... or held in a variable named for the environment.
      code: ['import { z } from "zod";', 'const envSchema = z.object({ DATABASE_URL: z.string().url().default("postgres://localhost/dev") });'].join("\n"),
      output: ['import { z } from "zod";', "const envSchema = z.object({ DATABASE_URL: z.string().url() });"].join("\n"),
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
      output: withHelper('const key = requireEnv("ACME_LICENSE");'),
      errors: [{ messageId: "secretFallback", data: secret("ACME_LICENSE") }],
    },
    {
      // Options: replace the pattern.
      code: 'const key = process.env.MY_CUSTOM_THING || "x";',
      options: [{ secretPattern: "CUSTOM" }],
      output: withHelper('const key = requireEnv("MY_CUSTOM_THING");'),
      errors: [{ messageId: "secretFallback", data: secret("MY_CUSTOM_THING") }],
    },
    {
      // Next.js route handler and a Hono app: same rule, same fix.
      code: ['import { NextResponse } from "next/server";', 'const secret = process.env.WEBHOOK_SECRET ?? "";', "export async function POST() { return NextResponse.json({ secret }); }"].join("\n"),
      filename: files.nextApp,
      output: withHelper(['import { NextResponse } from "next/server";', 'const secret = requireEnv("WEBHOOK_SECRET");', "export async function POST() { return NextResponse.json({ secret }); }"].join("\n")),
      errors: [{ messageId: "secretFallback", data: secret("WEBHOOK_SECRET") }],
    },
    {
      code: ['import { Hono } from "hono";', 'import { jwt } from "hono/jwt";', "const app = new Hono();", 'app.use("/api/*", jwt({ secret: process.env.JWT_SECRET || "it-is-very-secret", alg: "HS256" }));'].join("\n"),
      output: withHelper(['import { Hono } from "hono";', 'import { jwt } from "hono/jwt";', "const app = new Hono();", 'app.use("/api/*", jwt({ secret: requireEnv("JWT_SECRET"), alg: "HS256" }));'].join("\n")),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET"), line: 4 }],
    },
  ],
});

/** A `.cjs` file as ESLint lints it by default: espree, `sourceType: "commonjs"` (top-level bindings in a function scope). */
const commonjs = { parser: espree, sourceType: "commonjs", parserOptions: { sourceType: "commonjs" } } as const;

ruleTester.run("no-secret-env-fallback: CommonJS files", rule, {
  valid: [],
  invalid: [
    {
      name: "the settings helper already required is not required again",
      code: ['"use strict";', 'const express = require("express");', 'const { requireEnv } = require("../lib/env");', 'const secret = process.env.JWT_SECRET || "dev";'].join("\n"),
      filename: files.cjs,
      languageOptions: commonjs,
      settings: envSettings,
      output: ['"use strict";', 'const express = require("express");', 'const { requireEnv } = require("../lib/env");', 'const secret = requireEnv("JWT_SECRET");'].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      name: "a required `requireEnv` is reused, not declared a second time",
      code: ['const express = require("express");', 'const { requireEnv } = require("./lib/env");', 'const secret = process.env.JWT_SECRET || "dev";'].join("\n"),
      filename: files.cjs,
      languageOptions: commonjs,
      output: ['const express = require("express");', 'const { requireEnv } = require("./lib/env");', 'const secret = requireEnv("JWT_SECRET");'].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      name: "the settings helper in a file with no require yet: a require after the directive, not an import",
      code: ['"use strict";', 'const secret = process.env.JWT_SECRET || "dev";', "module.exports = { secret };"].join("\n"),
      filename: files.cjs,
      languageOptions: commonjs,
      settings: envSettings,
      output: ['"use strict";', 'const { requireEnv } = require("./env.js");', 'const secret = requireEnv("JWT_SECRET");', "module.exports = { secret };"].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
    {
      name: "the inserted helper goes after the directive and the requires",
      code: ['"use strict";', 'const express = require("express");', 'const secret = process.env.JWT_SECRET || "dev";'].join("\n"),
      filename: files.cjs,
      languageOptions: commonjs,
      output: ['"use strict";', 'const express = require("express");', "", JS_HELPER, "", 'const secret = requireEnv("JWT_SECRET");'].join("\n"),
      errors: [{ messageId: "secretFallback", data: secret("JWT_SECRET") }],
    },
  ],
});

describe("no-secret-env-fallback autofix", () => {
  const cases: { name: string; code: string; filename?: string; settings?: Record<string, unknown> }[] = [
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

  for (const { name, code, filename = "src/server.ts", settings } of cases) {
    it(`${name}: re-lints clean${filename.endsWith(".ts") ? " and type-checks" : ""}`, () => {
      const result = lintWithFix("no-secret-env-fallback", code, { filename, settings });
      expect(result.output).not.toBe(code);
      expect(result.fatal).toEqual([]);
      expect(result.remaining).toEqual([]);
      expect(result.output.match(/function requireEnv/gu)?.length ?? 0).toBeLessThanOrEqual(1);
      if (filename.endsWith(".ts")) {
        expect(getTypeErrors({ "server.ts": code })).toEqual([]);
        expect(getTypeErrors({ "server.ts": result.output })).toEqual([]);
      }
    });
  }

  it("inserts the helper once when every read in the file is fixed", () => {
    const code = ['const a: string = process.env.JWT_SECRET || "dev";', 'const b: string = process.env.COOKIE_SECRET || "dev";', "export { a, b };"].join("\n");
    const result = lintWithFix("no-secret-env-fallback", code);
    expect(result.output).toBe(withHelper(['const a: string = requireEnv("JWT_SECRET");', 'const b: string = requireEnv("COOKIE_SECRET");', "export { a, b };"].join("\n")));
    expect(result.remaining).toEqual([]);
    expect(getTypeErrors({ "server.ts": result.output })).toEqual([]);
  });

  it("imports the settings helper and the import type-checks against its module", () => {
    const code = 'import express from "express";\nexport const secret: string = process.env.JWT_SECRET || "dev";\nexport const app = express();';
    const result = lintWithFix("no-secret-env-fallback", code, { settings: { harden: { env: { name: "requireEnv", source: "./src/env.js" } } } });
    expect(result.output).toBe('import express from "express";\nimport { requireEnv } from "./env.js";\nexport const secret: string = requireEnv("JWT_SECRET");\nexport const app = express();');
    const envModule = "export function requireEnv(name: string): string { const v = process.env[name]; if (!v) throw new Error(name); return v; }";
    expect(getTypeErrors({ "server.ts": result.output, "env.ts": envModule })).toEqual([]);
  });

  it("rejects an invalid pattern option with a message naming it", () => {
    expect(() => lintWithFix("no-secret-env-fallback", "const a = 1;", { options: [{ secretPattern: "(" }] })).toThrow(/secretPattern/u);
  });
});
