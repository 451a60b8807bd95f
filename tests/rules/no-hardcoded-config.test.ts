import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import path from "node:path";

import { describe, expect, it } from "vitest";

import rule from "../../src/rules/no-hardcoded-config.js";
import { lintWithFix } from "../utils/lint-with-fix.js";
import { createRuleTester, files, INDEX_SIGNATURE_PROJECTS } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";

const ruleTester = createRuleTester();
const express = 'import express from "express";\nconst app = express();\n';

type MessageIds = typeof rule extends RuleModule<infer M, infer _O, infer _D> ? M : never;
type Options = typeof rule extends RuleModule<string, infer O, infer _D> ? O : never;

/**
 * RuleTester names JSX-enabled cases `file.tsx`, which this rule treats as code that may run in a
 * browser; the cases stand for server files unless they name another file.
 */
function serverValid(cases: readonly (string | ValidTestCase<Options>)[]): ValidTestCase<Options>[] {
  return cases.map((item) =>
    typeof item === "string" ? { code: item, filename: files.ts } : { filename: files.ts, ...item },
  );
}
function serverInvalid(cases: readonly InvalidTestCase<MessageIds, Options>[]): InvalidTestCase<MessageIds, Options>[] {
  return cases.map((item) => ({ filename: files.ts, ...item }));
}

ruleTester.run("no-hardcoded-config", rule, {
  valid: serverValid([
    // Already read from the environment with a default.
    `${express}app.listen(Number(process.env.PORT ?? 3000));`,
    `${express}app.listen(process.env.PORT || 3000);`,
    `${express}const port = process.env.PORT ?? 3000;\napp.listen(port);`,
    `${express}const { PORT = 3000 } = process.env;\napp.listen(PORT);`,
    `${express}let port = 3000;\nport = 4000;\napp.listen(port);`,
    'import { Pool } from "pg";\nconst pool = new Pool({ max: Number(process.env.DB_POOL_MAX ?? 10), idleTimeoutMillis: Number(process.env.DB_IDLE_TIMEOUT_MS) || 30000 });',
    'import Redis from "ioredis";\nconst redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");',
    'const url = process.env.REDIS_URL || "redis://localhost:6379";',
    'const { DATABASE_URL = "postgres://localhost:5432/app" } = process.env;',
    'process.env.DATABASE_URL ??= "postgres://localhost:5432/app";',
    'const api = isProduction ? "https://api.example.com" : "http://localhost:4000";',
    // Literals in business logic.
    "setTimeout(() => retry(), 5000);",
    "const bounded = Math.max(1, Math.min(page, 100));",
    'import { z } from "zod";\nconst Name = z.string().min(1).max(100);',
    "const first = items.slice(0, 10);",
    'import rateLimit from "express-rate-limit";\napp.use(rateLimit({ windowMs: 60_000, max: 100 }));',
    "const cache = new Map();\nconst options = { timeout: 5000, max: 10 };",
    "res.setTimeout(5000);",
    // Timeouts are the code's decisions unless the `timeouts` option asks for them: a server's
    // anti-slowloris bounds, a driver's fail-fast, a probe's bound.
    'import Fastify from "fastify";\nconst app = Fastify({ connectionTimeout: 120_000, requestTimeout: 60_000, headersTimeout: 15_000 });',
    'import { MongoClient } from "mongodb";\nexport const client = new MongoClient(uri, { connectTimeoutMS: 60000, serverSelectionTimeoutMS: 10000 });',
    "const res = await fetch(`${base}/json/version`, { signal: AbortSignal.timeout(5000) });",
    // Secrets are the secret rules' business: a URL with a real password, a password option.
    'import { Pool } from "pg";\nconst pool = new Pool({ connectionString: "postgres://app:Sup3rS3cretPw@db.internal:5432/app" });',
    'import { Pool } from "pg";\nconst pool = new Pool({ password: "hunter2", user: "app" });',
    // URLs that are not settings.
    'console.log("Listening on http://localhost:3000");',
    "logger.info(`Server ready at http://localhost:3000`);",
    'const url = new URL(req.url, "http://localhost");',
    'if (origin.startsWith("http://localhost")) allow();',
    'if (req.headers.origin === "http://localhost:3000") allow();',
    'const docs = "https://api.stripe.com/v1";',
    "const url = `http://localhost:${port}/health`;",
    'const link = "see http://localhost:3000 for details";',
    'import data from "http://localhost/data.js";',
    'type Local = "http://localhost";',
    'function connect(url = "redis://localhost:6379") {\n  return url;\n}',
    // A bare `http://localhost` is a dummy base, and a scheme alone is a prefix, not a service.
    'const fake = new Request("http://localhost/api/users", { method: "POST" });',
    'const base = "http://localhost";',
    'const prefix = "redis://";',
    // One connection (migrations), no idle connections, no retries: decisions, not capacity.
    'import postgres from "postgres";\nconst migrationClient = postgres(process.env.POSTGRES_URL, { max: 1 });',
    'import { Sequelize } from "sequelize";\nconst db = new Sequelize(url, { pool: { min: 0 }, retry: { max: 0 } });',
    // Port 0 asks the OS for a free port: the same everywhere.
    `${express}const server = app.listen(0);`,
    'import Redis from "ioredis";\nconst redis = new Redis({ port: 0 });',
    // Request data is not client configuration.
    'import axios from "axios";\nawait axios.post("/api/search", { max: 10, timeout: 5 });',
    'import axios from "axios";\nawait axios.get(url, { params: { max: 10, min: 1 } });',
    // Not a server start; a router does not listen; a socket path is not a port.
    "emitter.listen(3000);",
    'import { Router } from "express";\nconst router = Router();\nrouter.listen(3000);',
    `${express}app.listen("/tmp/app.sock");`,
    // The bind host of a server is not an environment setting.
    'import Fastify from "fastify";\nconst fastify = Fastify();\nawait fastify.listen({ port: Number(process.env.PORT ?? 3000), host: "0.0.0.0" });',
    // Test files, dev-tool configs and development sections.
    { code: `${express}app.listen(3000);`, filename: "src/server.test.ts" },
    { code: `${express}app.listen(3000);`, filename: "src/__tests__/server.ts" },
    { code: `${express}app.listen(3000);`, filename: "test/helper.js" },
    // A link in a response body is for the client, not a service the app connects to.
    'app.get("/", (req, res) => res.json({ docs: "http://localhost:3000/docs", items: [{ href: "http://localhost:3000/a" }] }));',
    'app.get("/", (c) => c.json({ message: "ok", links: { self: "http://localhost:8787/" } }));',
    { code: 'const url = "http://localhost:3000";', filename: "e2e/setup.ts" },
    {
      code: 'export default { webServer: { url: "http://localhost:3000", timeout: 120000 } };',
      filename: "playwright.config.ts",
    },
    { code: 'export default { server: { proxy: { "/api": "http://localhost:8080" } } };', filename: "vite.config.ts" },
    {
      code: 'module.exports = {\n  development: { client: "pg", connection: "postgres://localhost/dev", pool: { min: 2, max: 10 } },\n  production: { client: "pg", connection: process.env.DATABASE_URL },\n};',
      filename: "knexfile.js",
    },
    {
      code: 'import { Pool } from "pg";\nexport const pool = new Pool({ max: 5 });',
      filename: "src/db.development.ts",
    },
    // A local `process` binding: nothing to read from.
    'const process = { env: {} };\nconst url = process.env.X ?? "redis://localhost";',
  ]),
  invalid: serverInvalid([
    // ── Ports ──────────────────────────────────────────────────────────────
    {
      name: "Express app.listen(3000) (TS, ESM)",
      code: `${express}app.listen(3000, () => {});`,
      output: `${express}app.listen(Number(process.env.PORT ?? 3000), () => {});`,
      errors: [
        { messageId: "port", data: { value: "3000", name: "PORT" }, line: 3, column: 12, endLine: 3, endColumn: 16 },
      ],
    },
    {
      name: "Express app.listen (JS, CJS)",
      code: 'const express = require("express");\nconst app = express();\napp.listen(8080);',
      filename: files.cjs,
      output:
        'const express = require("express");\nconst app = express();\napp.listen(Number(process.env.PORT ?? 8080));',
      errors: [{ messageId: "port", data: { value: "8080", name: "PORT" } }],
    },
    {
      name: "a module-level const PORT used by listen is externalised where it is declared",
      code: `${express}const PORT = 3000;\napp.listen(PORT, () => console.log(PORT));`,
      output: `${express}const PORT = Number(process.env.PORT ?? 3000);\napp.listen(PORT, () => console.log(PORT));`,
      errors: [{ messageId: "port", data: { value: "3000", name: "PORT" }, line: 3, column: 14 }],
    },
    {
      name: "a camelCase const keeps its name in CONSTANT_CASE",
      code: `${express}const appPort = 4000;\napp.listen(appPort);`,
      output: `${express}const appPort = Number(process.env.APP_PORT ?? 4000);\napp.listen(appPort);`,
      errors: [{ messageId: "port", data: { value: "4000", name: "APP_PORT" } }],
    },
    {
      name: "Koa app.listen (JS, ESM)",
      code: 'import Koa from "koa";\nconst app = new Koa();\napp.listen(4000);',
      filename: files.js,
      output: 'import Koa from "koa";\nconst app = new Koa();\napp.listen(Number(process.env.PORT ?? 4000));',
      errors: [{ messageId: "port" }],
    },
    {
      name: "Fastify listen({ port })",
      code: 'import Fastify from "fastify";\nconst fastify = Fastify();\nawait fastify.listen({ port: 8080, host: "0.0.0.0" });',
      output:
        'import Fastify from "fastify";\nconst fastify = Fastify();\nawait fastify.listen({ port: Number(process.env.PORT ?? 8080), host: "0.0.0.0" });',
      errors: [{ messageId: "port", data: { value: "8080", name: "PORT" }, line: 3, column: 30 }],
    },
    {
      name: "Hono serve({ fetch, port }) from @hono/node-server",
      code: 'import { Hono } from "hono";\nimport { serve } from "@hono/node-server";\nconst app = new Hono();\nserve({ fetch: app.fetch, port: 8787 });',
      output:
        'import { Hono } from "hono";\nimport { serve } from "@hono/node-server";\nconst app = new Hono();\nserve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8787) });',
      errors: [{ messageId: "port" }],
    },
    {
      name: "http.createServer(app).listen (CJS) and a second server with another port",
      code: 'const http = require("http");\nconst https = require("https");\nconst app = require("./app");\nhttp.createServer(app).listen(80);\nhttps.createServer({}, app).listen(443);',
      filename: files.cjs,
      output:
        'const http = require("http");\nconst https = require("https");\nconst app = require("./app");\nhttp.createServer(app).listen(Number(process.env.PORT ?? 80));\nhttps.createServer({}, app).listen(Number(process.env.PORT_2 ?? 443));',
      errors: [
        { messageId: "port", data: { value: "80", name: "PORT" } },
        { messageId: "port", data: { value: "443", name: "PORT_2" } },
      ],
    },
    {
      name: "Nest app.listen in bootstrap",
      code: 'import { NestFactory } from "@nestjs/core";\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}',
      output:
        'import { NestFactory } from "@nestjs/core";\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(Number(process.env.PORT ?? 3000));\n}',
      errors: [{ messageId: "port" }],
    },
    {
      name: "a named second server gets its own variable",
      code: `${express}import metricsServer from "./metrics";\napp.listen(3000);\nmetricsServer.listen(9090);`,
      output: `${express}import metricsServer from "./metrics";\napp.listen(Number(process.env.PORT ?? 3000));\nmetricsServer.listen(Number(process.env.METRICS_PORT ?? 9090));`,
      errors: [
        { messageId: "port", data: { value: "3000", name: "PORT" } },
        { messageId: "port", data: { value: "9090", name: "METRICS_PORT" } },
      ],
    },
    {
      name: "the same port twice reuses one variable",
      code: `${express}if (cluster) app.listen(3000);\nelse app.listen(3000);`,
      output: `${express}if (cluster) app.listen(Number(process.env.PORT ?? 3000));\nelse app.listen(Number(process.env.PORT ?? 3000));`,
      errors: [
        { messageId: "port", data: { value: "3000", name: "PORT" } },
        { messageId: "port", data: { value: "3000", name: "PORT" } },
      ],
    },
    {
      name: "a variable the file already reads with another default is not reused",
      code: `${express}const adminPort = Number(process.env.PORT ?? 9000);\napp.listen(3000);`,
      output: `${express}const adminPort = Number(process.env.PORT ?? 9000);\napp.listen(Number(process.env.PORT_2 ?? 3000));`,
      errors: [{ messageId: "port", data: { value: "3000", name: "PORT_2" } }],
    },
    // Every form of an existing read counts: an alias, brackets, optional chaining, Deno.
    ...[
      [
        "an alias of process.env",
        "const env = process.env;\nconst adminPort = Number(env.PORT ?? 9000);\n",
        "process.env.PORT_2",
      ],
      ["bracket access", 'const adminPort = Number(process["env"]["PORT"] ?? 9000);\n', "process.env.PORT_2"],
      ["optional chaining", "const adminPort = Number(process.env?.PORT ?? 9000);\n", "process.env.PORT_2"],
      ["Deno.env.get", 'const adminPort = Number(Deno.env.get("PORT") ?? 9000);\n', 'Deno.env.get("PORT_2")'],
    ].map(([what, read, fixed]) => ({
      name: `an existing read through ${what} with another default is not reused`,
      code: `${express}${read}app.listen(3000);`,
      output: `${express}${read}app.listen(Number(${fixed} ?? 3000));`,
      errors: [{ messageId: "port" as const, data: { value: "3000", name: "PORT_2" } }],
    })),
    {
      name: "a variable the file already reads without a default is reused",
      code: `${express}if (!process.env.PORT) console.warn("PORT is not set");\napp.listen(3000);`,
      output: `${express}if (!process.env.PORT) console.warn("PORT is not set");\napp.listen(Number(process.env.PORT ?? 3000));`,
      errors: [{ messageId: "port", data: { value: "3000", name: "PORT" } }],
    },
    {
      name: "a string port stays a string",
      code: `${express}app.listen("3000");`,
      output: `${express}app.listen(process.env.PORT ?? "3000");`,
      errors: [{ messageId: "port", data: { value: '"3000"', name: "PORT" } }],
    },
    {
      name: "as const cannot take a call: reported without a fix",
      code: `${express}app.listen(3000 as const);`,
      output: null,
      errors: [{ messageId: "port" }],
    },
    {
      name: "the fix follows a file that reads the environment with brackets",
      code: `${express}const host = process.env["HOST"];\napp.listen(3000, host);`,
      output: `${express}const host = process.env["HOST"];\napp.listen(Number(process.env["PORT"] ?? 3000), host);`,
      errors: [{ messageId: "port" }],
    },
    // ── Timeouts, pool sizes, hosts in known clients ───────────────────────
    {
      name: "pg Pool: max and timeouts (TS, ESM)",
      options: [{ timeouts: true }],
      code: 'import { Pool } from "pg";\nexport const pool = new Pool({ max: 10, idleTimeoutMillis: 30000, connectionTimeoutMillis: 2000 });',
      output:
        'import { Pool } from "pg";\nexport const pool = new Pool({ max: Number(process.env.DB_POOL_MAX ?? 10), idleTimeoutMillis: Number(process.env.DB_IDLE_TIMEOUT_MS ?? 30000), connectionTimeoutMillis: Number(process.env.DB_CONNECTION_TIMEOUT_MS ?? 2000) });',
      errors: [
        {
          messageId: "setting",
          data: { code: "max: 10", value: "10", kind: "pool size", name: "DB_POOL_MAX" },
          line: 2,
          column: 37,
          endColumn: 39,
        },
        {
          messageId: "setting",
          data: { code: "idleTimeoutMillis: 30000", value: "30000", kind: "timeout", name: "DB_IDLE_TIMEOUT_MS" },
        },
        {
          messageId: "setting",
          data: {
            code: "connectionTimeoutMillis: 2000",
            value: "2000",
            kind: "timeout",
            name: "DB_CONNECTION_TIMEOUT_MS",
          },
        },
      ],
    },
    {
      name: "pg namespace import, timeout: 5000 → DB_TIMEOUT_MS, a second Pool's max gets a suffix",
      options: [{ timeouts: true }],
      code: 'import pg from "pg";\nconst a = new pg.Pool({ timeout: 5000, max: 10 });\nconst b = new pg.Pool({ max: 20 });',
      output:
        'import pg from "pg";\nconst a = new pg.Pool({ timeout: Number(process.env.DB_TIMEOUT_MS ?? 5000), max: Number(process.env.DB_POOL_MAX ?? 10) });\nconst b = new pg.Pool({ max: Number(process.env.DB_POOL_MAX_2 ?? 20) });',
      errors: [
        {
          messageId: "setting",
          data: { code: "timeout: 5000", value: "5000", kind: "timeout", name: "DB_TIMEOUT_MS" },
        },
        { messageId: "setting", data: { code: "max: 10", value: "10", kind: "pool size", name: "DB_POOL_MAX" } },
        { messageId: "setting", data: { code: "max: 20", value: "20", kind: "pool size", name: "DB_POOL_MAX_2" } },
      ],
    },
    {
      name: "mysql2 createPool (CJS): host, connectionLimit, connectTimeout",
      options: [{ timeouts: true }],
      code: 'const mysql = require("mysql2/promise");\nconst pool = mysql.createPool({ host: "localhost", connectionLimit: 10, connectTimeout: 10000 });',
      filename: files.cjs,
      output:
        'const mysql = require("mysql2/promise");\nconst pool = mysql.createPool({ host: process.env.DB_HOST ?? "localhost", connectionLimit: Number(process.env.DB_CONNECTION_LIMIT ?? 10), connectTimeout: Number(process.env.DB_CONNECT_TIMEOUT_MS ?? 10000) });',
      errors: [
        {
          messageId: "setting",
          data: { code: 'host: "localhost"', value: '"localhost"', kind: "host", name: "DB_HOST" },
        },
        {
          messageId: "setting",
          data: { code: "connectionLimit: 10", value: "10", kind: "pool size", name: "DB_CONNECTION_LIMIT" },
        },
        {
          messageId: "setting",
          data: { code: "connectTimeout: 10000", value: "10000", kind: "timeout", name: "DB_CONNECT_TIMEOUT_MS" },
        },
      ],
    },
    {
      name: "ioredis options: host, port and a timeout; unknown keys stay",
      options: [{ timeouts: true }],
      code: 'import Redis from "ioredis";\nconst redis = new Redis({ host: "127.0.0.1", port: 6379, connectTimeout: 5000, maxRetriesPerRequest: 3 });',
      output:
        'import Redis from "ioredis";\nconst redis = new Redis({ host: process.env.REDIS_HOST ?? "127.0.0.1", port: Number(process.env.REDIS_PORT ?? 6379), connectTimeout: Number(process.env.REDIS_CONNECT_TIMEOUT_MS ?? 5000), maxRetriesPerRequest: 3 });',
      errors: [
        {
          messageId: "setting",
          data: { code: 'host: "127.0.0.1"', value: '"127.0.0.1"', kind: "host", name: "REDIS_HOST" },
        },
        { messageId: "setting", data: { code: "port: 6379", value: "6379", kind: "port", name: "REDIS_PORT" } },
        {
          messageId: "setting",
          data: { code: "connectTimeout: 5000", value: "5000", kind: "timeout", name: "REDIS_CONNECT_TIMEOUT_MS" },
        },
      ],
    },
    {
      name: "node-redis nested socket options",
      options: [{ timeouts: true }],
      code: 'import { createClient } from "redis";\nconst client = createClient({ socket: { connectTimeout: 5000 } });',
      output:
        'import { createClient } from "redis";\nconst client = createClient({ socket: { connectTimeout: Number(process.env.REDIS_CONNECT_TIMEOUT_MS ?? 5000) } });',
      errors: [
        {
          messageId: "setting",
          data: { code: "connectTimeout: 5000", value: "5000", kind: "timeout", name: "REDIS_CONNECT_TIMEOUT_MS" },
        },
      ],
    },
    {
      name: "axios.create and a per-request timeout: REQUEST_TIMEOUT_MS, then a suffixed name",
      options: [{ timeouts: true }],
      code: 'import axios from "axios";\nconst api = axios.create({ timeout: 5000 });\nconst res = await axios.get(url, { timeout: 30 * 1000 });',
      output:
        'import axios from "axios";\nconst api = axios.create({ timeout: Number(process.env.REQUEST_TIMEOUT_MS ?? 5000) });\nconst res = await axios.get(url, { timeout: Number(process.env.REQUEST_TIMEOUT_MS_2 ?? 30 * 1000) });',
      errors: [
        {
          messageId: "setting",
          data: { code: "timeout: 5000", value: "5000", kind: "timeout", name: "REQUEST_TIMEOUT_MS" },
        },
        {
          messageId: "setting",
          data: { code: "timeout: 30 * 1000", value: "30 * 1000", kind: "timeout", name: "REQUEST_TIMEOUT_MS_2" },
        },
      ],
    },
    {
      name: "Sequelize pool object (CJS): max, min, acquire, idle",
      options: [{ timeouts: true }],
      code: 'const { Sequelize } = require("sequelize");\nconst db = new Sequelize(url, { pool: { max: 5, min: 2, acquire: 30000, idle: 10000 } });',
      filename: files.cjs,
      output:
        'const { Sequelize } = require("sequelize");\nconst db = new Sequelize(url, { pool: { max: Number(process.env.DB_POOL_MAX ?? 5), min: Number(process.env.DB_POOL_MIN ?? 2), acquire: Number(process.env.DB_POOL_ACQUIRE_MS ?? 30000), idle: Number(process.env.DB_POOL_IDLE_MS ?? 10000) } });',
      errors: [
        { messageId: "setting", data: { code: "max: 5", value: "5", kind: "pool size", name: "DB_POOL_MAX" } },
        { messageId: "setting", data: { code: "min: 2", value: "2", kind: "pool size", name: "DB_POOL_MIN" } },
        {
          messageId: "setting",
          data: { code: "acquire: 30000", value: "30000", kind: "timeout", name: "DB_POOL_ACQUIRE_MS" },
        },
        {
          messageId: "setting",
          data: { code: "idle: 10000", value: "10000", kind: "timeout", name: "DB_POOL_IDLE_MS" },
        },
      ],
    },
    {
      name: "CORS origins and trusted origins: URLs the app accepts requests from",
      code: 'app.use(cors({ origin: ["http://localhost:5173"], credentials: true }));\nexport const auth = betterAuth({ trustedOrigins: ["http://localhost:3002"] });',
      output:
        'app.use(cors({ origin: [process.env.ORIGIN ?? "http://localhost:5173"], credentials: true }));\nexport const auth = betterAuth({ trustedOrigins: [process.env.TRUSTED_ORIGINS ?? "http://localhost:3002"] });',
      errors: [
        { messageId: "origin", data: { value: '"http://localhost:5173"', name: "ORIGIN" } },
        { messageId: "origin", data: { value: '"http://localhost:3002"', name: "TRUSTED_ORIGINS" } },
      ],
    },
    {
      // Not a response: a request body to another service.
      name: "a URL in the options of a call that is not a response",
      code: 'await client.post({ webhook: "http://localhost:4000/hook" });',
      output: 'await client.post({ webhook: process.env.WEBHOOK_URL ?? "http://localhost:4000/hook" });',
      errors: [{ messageId: "url", data: { value: '"http://localhost:4000/hook"', name: "WEBHOOK_URL" } }],
    },
    {
      name: "mongoose.connect options (JS) and the URL",
      options: [{ timeouts: true }],
      code: 'import mongoose from "mongoose";\nawait mongoose.connect("mongodb://localhost:27017/app", { serverSelectionTimeoutMS: 5000, maxPoolSize: 10 });',
      filename: files.js,
      output:
        'import mongoose from "mongoose";\nawait mongoose.connect(process.env.MONGODB_URI ?? "mongodb://localhost:27017/app", { serverSelectionTimeoutMS: Number(process.env.DB_SERVER_SELECTION_TIMEOUT_MS ?? 5000), maxPoolSize: Number(process.env.DB_MAX_POOL_SIZE ?? 10) });',
      errors: [
        { messageId: "url", data: { value: '"mongodb://localhost:27017/app"', name: "MONGODB_URI" } },
        {
          messageId: "setting",
          data: {
            code: "serverSelectionTimeoutMS: 5000",
            value: "5000",
            kind: "timeout",
            name: "DB_SERVER_SELECTION_TIMEOUT_MS",
          },
        },
        {
          messageId: "setting",
          data: { code: "maxPoolSize: 10", value: "10", kind: "pool size", name: "DB_MAX_POOL_SIZE" },
        },
      ],
    },
    {
      name: "postgres.js counts its timeouts in seconds",
      options: [{ timeouts: true }],
      code: 'import postgres from "postgres";\nconst sql = postgres(url, { max: 10, idle_timeout: 20 });',
      output:
        'import postgres from "postgres";\nconst sql = postgres(url, { max: Number(process.env.DB_POOL_MAX ?? 10), idle_timeout: Number(process.env.DB_IDLE_TIMEOUT_SECONDS ?? 20) });',
      errors: [
        { messageId: "setting" },
        {
          messageId: "setting",
          data: { code: "idle_timeout: 20", value: "20", kind: "timeout", name: "DB_IDLE_TIMEOUT_SECONDS" },
        },
      ],
    },
    {
      name: "Fastify factory server timeouts",
      options: [{ timeouts: true }],
      code: 'import Fastify from "fastify";\nconst app = Fastify({ logger: true, connectionTimeout: 10000, keepAliveTimeout: 72000 });',
      output:
        'import Fastify from "fastify";\nconst app = Fastify({ logger: true, connectionTimeout: Number(process.env.SERVER_CONNECTION_TIMEOUT_MS ?? 10000), keepAliveTimeout: Number(process.env.SERVER_KEEP_ALIVE_TIMEOUT_MS ?? 72000) });',
      errors: [
        {
          messageId: "setting",
          data: {
            code: "connectionTimeout: 10000",
            value: "10000",
            kind: "timeout",
            name: "SERVER_CONNECTION_TIMEOUT_MS",
          },
        },
        {
          messageId: "setting",
          data: {
            code: "keepAliveTimeout: 72000",
            value: "72000",
            kind: "timeout",
            name: "SERVER_KEEP_ALIVE_TIMEOUT_MS",
          },
        },
      ],
    },
    {
      name: "knex pool and acquireConnectionTimeout",
      options: [{ timeouts: true }],
      code: 'import knex from "knex";\nexport const db = knex({ client: "pg", pool: { min: 2, max: 10 }, acquireConnectionTimeout: 10000 });',
      output:
        'import knex from "knex";\nexport const db = knex({ client: "pg", pool: { min: Number(process.env.DB_POOL_MIN ?? 2), max: Number(process.env.DB_POOL_MAX ?? 10) }, acquireConnectionTimeout: Number(process.env.DB_ACQUIRE_CONNECTION_TIMEOUT_MS ?? 10000) });',
      errors: [{ messageId: "setting" }, { messageId: "setting" }, { messageId: "setting" }],
    },
    {
      name: "an options object declared as a const, and a value declared as a const",
      options: [{ timeouts: true }],
      code: 'import { Pool } from "pg";\nconst POOL_SIZE = 20;\nconst config = { max: POOL_SIZE, statement_timeout: 5000 };\nexport const pool = new Pool(config);',
      output:
        'import { Pool } from "pg";\nconst POOL_SIZE = Number(process.env.POOL_SIZE ?? 20);\nconst config = { max: POOL_SIZE, statement_timeout: Number(process.env.DB_STATEMENT_TIMEOUT_MS ?? 5000) };\nexport const pool = new Pool(config);',
      errors: [
        { messageId: "setting", data: { code: "max: 20", value: "20", kind: "pool size", name: "POOL_SIZE" }, line: 2 },
        {
          messageId: "setting",
          data: { code: "statement_timeout: 5000", value: "5000", kind: "timeout", name: "DB_STATEMENT_TIMEOUT_MS" },
          line: 3,
        },
      ],
    },
    {
      name: "AbortSignal.timeout in fetch",
      options: [{ timeouts: true }],
      code: "const res = await fetch(url, { signal: AbortSignal.timeout(5000) });",
      output:
        "const res = await fetch(url, { signal: AbortSignal.timeout(Number(process.env.REQUEST_TIMEOUT_MS ?? 5000)) });",
      errors: [
        {
          messageId: "setting",
          data: { code: "AbortSignal.timeout(5000)", value: "5000", kind: "timeout", name: "REQUEST_TIMEOUT_MS" },
        },
      ],
    },
    {
      name: "clients and keys options extend the lists",
      code: 'import { connect } from "@acme/db";\nimport { Pool } from "pg";\nconst db = connect({ timeout: 100, shards: 4 });\nconst pool = new Pool({ maxUses: 7500 });',
      options: [
        {
          clients: [{ source: "@acme/db", names: ["connect"], envPrefix: "ACME" }],
          keys: ["shards", "maxUses"],
          timeouts: true,
        },
      ],
      output:
        'import { connect } from "@acme/db";\nimport { Pool } from "pg";\nconst db = connect({ timeout: Number(process.env.ACME_TIMEOUT_MS ?? 100), shards: Number(process.env.ACME_SHARDS ?? 4) });\nconst pool = new Pool({ maxUses: Number(process.env.DB_MAX_USES ?? 7500) });',
      errors: [
        {
          messageId: "setting",
          data: { code: "timeout: 100", value: "100", kind: "timeout", name: "ACME_TIMEOUT_MS" },
        },
        { messageId: "setting", data: { code: "shards: 4", value: "4", kind: "setting", name: "ACME_SHARDS" } },
        { messageId: "setting", data: { code: "maxUses: 7500", value: "7500", kind: "setting", name: "DB_MAX_USES" } },
      ],
    },
    {
      name: "axios.post: the config argument is checked, the data argument is not",
      options: [{ timeouts: true }],
      code: 'import axios from "axios";\nawait axios.post(url, { retries: 1 }, { timeout: 2000 });',
      output:
        'import axios from "axios";\nawait axios.post(url, { retries: 1 }, { timeout: Number(process.env.REQUEST_TIMEOUT_MS ?? 2000) });',
      errors: [
        {
          messageId: "setting",
          data: { code: "timeout: 2000", value: "2000", kind: "timeout", name: "REQUEST_TIMEOUT_MS" },
        },
      ],
    },
    // ── Service URLs ───────────────────────────────────────────────────────
    {
      name: "a plain redis URL in new Redis is config (no password: not a secret)",
      code: 'import Redis from "ioredis";\nconst redis = new Redis("redis://localhost:6379");',
      output:
        'import Redis from "ioredis";\nconst redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");',
      errors: [
        {
          messageId: "url",
          data: { value: '"redis://localhost:6379"', name: "REDIS_URL" },
          line: 2,
          column: 25,
          endColumn: 49,
        },
      ],
    },
    {
      name: "a const named for the URL keeps its name; connectionString falls back to the scheme's name",
      code: 'import { Pool } from "pg";\nconst DATABASE_URL = "postgres://localhost:5432/app";\nconst other = new Pool({ connectionString: "postgresql://localhost/other" });',
      output:
        'import { Pool } from "pg";\nconst DATABASE_URL = process.env.DATABASE_URL ?? "postgres://localhost:5432/app";\nconst other = new Pool({ connectionString: process.env.DATABASE_URL_2 ?? "postgresql://localhost/other" });',
      errors: [
        { messageId: "url", data: { value: '"postgres://localhost:5432/app"', name: "DATABASE_URL" } },
        { messageId: "url", data: { value: '"postgresql://localhost/other"', name: "DATABASE_URL_2" } },
      ],
    },
    {
      name: "placeholder credentials are not a secret, so the URL is config",
      code: 'const url = "postgres://user:password@localhost:5432/app";',
      output: 'const url = process.env.DATABASE_URL ?? "postgres://user:password@localhost:5432/app";',
      errors: [
        { messageId: "url", data: { value: '"postgres://user:password@localhost:5432/app"', name: "DATABASE_URL" } },
      ],
    },
    {
      name: "local HTTP services: named by the variable or key, else SERVICE_URL",
      code: 'import axios from "axios";\nconst API_BASE = "http://localhost:4000";\nconst api = axios.create({ baseURL: "http://127.0.0.1:4000/api" });\nawait fetch("http://localhost:8080/health");',
      output:
        'import axios from "axios";\nconst API_BASE = process.env.API_BASE_URL ?? "http://localhost:4000";\nconst api = axios.create({ baseURL: process.env.BASE_URL ?? "http://127.0.0.1:4000/api" });\nawait fetch(process.env.SERVICE_URL ?? "http://localhost:8080/health");',
      errors: [
        { messageId: "url", data: { value: '"http://localhost:4000"', name: "API_BASE_URL" } },
        { messageId: "url", data: { value: '"http://127.0.0.1:4000/api"', name: "BASE_URL" } },
        { messageId: "url", data: { value: '"http://localhost:8080/health"', name: "SERVICE_URL" } },
      ],
    },
    {
      name: "CORS origins in an array (CJS)",
      code: 'const cors = require("cors");\napp.use(cors({ origin: ["http://localhost:3000", "https://app.example.com"] }));',
      filename: files.cjs,
      output:
        'const cors = require("cors");\napp.use(cors({ origin: [process.env.ORIGIN ?? "http://localhost:3000", "https://app.example.com"] }));',
      errors: [{ messageId: "origin", data: { value: '"http://localhost:3000"', name: "ORIGIN" } }],
    },
    {
      name: "class fields, member assignments and template literals",
      code: 'class Queue {\n  private readonly url = `amqp://localhost`;\n}\nconfig.cacheUrl = "rediss://cache:6380";',
      output:
        'class Queue {\n  private readonly url = process.env.AMQP_URL ?? `amqp://localhost`;\n}\nconfig.cacheUrl = process.env.CACHE_URL ?? "rediss://cache:6380";',
      errors: [
        { messageId: "url", data: { value: "`amqp://localhost`", name: "AMQP_URL" } },
        { messageId: "url", data: { value: '"rediss://cache:6380"', name: "CACHE_URL" } },
      ],
    },
    {
      name: "a type assertion gets parentheses; as const gets no fix",
      code: 'const a = "redis://localhost:6379" as string;\nconst b = "nats://localhost:4222" as const;',
      output:
        'const a = (process.env.REDIS_URL ?? "redis://localhost:6379") as string;\nconst b = "nats://localhost:4222" as const;',
      errors: [
        { messageId: "url", data: { value: '"redis://localhost:6379"', name: "REDIS_URL" } },
        { messageId: "url", data: { value: '"nats://localhost:4222"', name: "NATS_URL" } },
      ],
    },
    {
      name: "a component file may run in a browser without `process`: a suggestion, not an autofix",
      code: 'export function Users() {\n  const load = () => fetch("http://localhost:4000/users");\n  return <button onClick={load}>Load</button>;\n}',
      filename: "src/components/Users.tsx",
      output: null,
      errors: [
        {
          messageId: "url",
          data: { value: '"http://localhost:4000/users"', name: "SERVICE_URL" },
          suggestions: [
            {
              messageId: "useEnv",
              data: { replacement: 'process.env.SERVICE_URL ?? "http://localhost:4000/users"' },
              output:
                'export function Users() {\n  const load = () => fetch(process.env.SERVICE_URL ?? "http://localhost:4000/users");\n  return <button onClick={load}>Load</button>;\n}',
            },
          ],
        },
      ],
    },
    {
      name: "static files under public/ are browser code too",
      code: 'const res = await axios({ method: "POST", url: "http://127.0.0.1:3000/api/v1/users/login" });',
      filename: "public/js/login.js",
      output: null,
      errors: [
        {
          messageId: "url",
          data: { value: '"http://127.0.0.1:3000/api/v1/users/login"', name: "SERVICE_URL" },
          suggestions: [
            {
              messageId: "useEnv",
              data: { replacement: 'process.env.SERVICE_URL ?? "http://127.0.0.1:3000/api/v1/users/login"' },
              output:
                'const res = await axios({ method: "POST", url: process.env.SERVICE_URL ?? "http://127.0.0.1:3000/api/v1/users/login" });',
            },
          ],
        },
      ],
    },
    {
      name: "a Vite client file reads import.meta.env, so the autofix does too",
      code: 'const mode = import.meta.env.MODE;\nexport const api = "http://localhost:4000";',
      filename: "src/api.tsx",
      output:
        'const mode = import.meta.env.MODE;\nexport const api = import.meta.env.API_URL ?? "http://localhost:4000";',
      errors: [{ messageId: "url", data: { value: '"http://localhost:4000"', name: "API_URL" } }],
    },
  ]),
});

// Projects whose tsconfig sets `noPropertyAccessFromIndexSignature` (see INDEX_SIGNATURE_PROJECTS).
createRuleTester(INDEX_SIGNATURE_PROJECTS).run('no-hardcoded-config: projects that require process.env["NAME"]', rule, {
  valid: [],
  invalid: [
    {
      name: "the project's tsconfig sets noPropertyAccessFromIndexSignature: a bracketed read",
      code: `${express}app.listen(3000);`,
      filename: "strict/src/server.ts",
      output: `${express}app.listen(Number(process.env["PORT"] ?? 3000));`,
      errors: [{ messageId: "port", data: { value: "3000", name: "PORT" } }],
    },
    {
      name: "the option comes from a relative base the tsconfig extends",
      code: `${express}app.listen(3000);`,
      filename: "extends/src/server.ts",
      output: `${express}app.listen(Number(process.env["PORT"] ?? 3000));`,
      errors: [{ messageId: "port", data: { value: "3000", name: "PORT" } }],
    },
    {
      name: "the file's own dotted reads need not cover the new name: still bracketed",
      code: `${express}const secret = process.env.SESSION_SECRET;\napp.listen(3000);`,
      filename: "strict/src/server.ts",
      output: `${express}const secret = process.env.SESSION_SECRET;\napp.listen(Number(process.env["PORT"] ?? 3000));`,
      errors: [{ messageId: "port", data: { value: "3000", name: "PORT" } }],
    },
    {
      name: "a tsconfig that turns the base's option off: a dotted read",
      code: `${express}app.listen(3000);`,
      filename: "loose/src/server.ts",
      output: `${express}app.listen(Number(process.env.PORT ?? 3000));`,
      errors: [{ messageId: "port", data: { value: "3000", name: "PORT" } }],
    },
    {
      name: "a JavaScript file of the same project: the option does not apply",
      code: `${express}app.listen(3000);`,
      filename: "strict/src/server.js",
      output: `${express}app.listen(Number(process.env.PORT ?? 3000));`,
      errors: [{ messageId: "port", data: { value: "3000", name: "PORT" } }],
    },
  ],
});

// An app built into a container image: `server/Dockerfile` beside `server/package.json` exposes 3001.
createRuleTester(path.resolve(import.meta.dirname, "../fixtures/container-app")).run(
  "no-hardcoded-config: the port the app's image exposes",
  rule,
  {
    valid: [
      {
        code: 'import Fastify from "fastify";\nconst server = Fastify();\nawait server.listen({ port: 3001, host: "0.0.0.0" });',
        filename: "server/src/index.ts",
      },
    ],
    invalid: [
      {
        name: "a port the image does not expose is still a laptop value",
        code: `${express}app.listen(3002);`,
        filename: "server/src/index.ts",
        output: `${express}app.listen(Number(process.env.PORT ?? 3002));`,
        errors: [{ messageId: "port", data: { value: "3002", name: "PORT" } }],
      },
    ],
  },
);

// `vercel.json` builds `server/app.ts` with `@vercel/node`; `server/server.ts` is a server of its own.
createRuleTester(path.resolve(import.meta.dirname, "../fixtures/vercel-function-server")).run(
  "no-hardcoded-config: the port of a file Vercel runs as a function",
  rule,
  {
    valid: [{ code: `${express}app.listen(5000);\nexport default app;`, filename: "server/app.ts" }],
    invalid: [
      {
        name: "a server vercel.json does not build",
        code: `${express}app.listen(5000);`,
        filename: "server/server.ts",
        output: `${express}app.listen(Number(process.env.PORT ?? 5000));`,
        errors: [{ messageId: "port", data: { value: "5000", name: "PORT" } }],
      },
    ],
  },
);

describe("no-hardcoded-config under noPropertyAccessFromIndexSignature", () => {
  it("writes a read that type-checks where a dotted one does not", () => {
    const options = { noPropertyAccessFromIndexSignature: true };
    // The output of the first case above.
    expect(
      getTypeErrors({ "server.ts": `${express}app.listen(Number(process.env["PORT"] ?? 3000));\n` }, options),
    ).toEqual([]);
    expect(
      getTypeErrors({ "server.ts": `${express}app.listen(Number(process.env.PORT ?? 3000));\n` }, options),
    ).toEqual(["server.ts:3:31 Property 'PORT' comes from an index signature, so it must be accessed with ['PORT']."]);
  });
});

const shims = {
  "shims.d.ts": [
    'declare module "ioredis" {',
    "  export default class Redis { constructor(url: string); constructor(options: { host?: string; port?: number; connectTimeout?: number }); }",
    "}",
    'declare module "axios" {',
    "  interface Config { baseURL?: string; timeout?: number }",
    "  const axios: { create(config: Config): unknown; get(url: string, config?: Config): Promise<unknown> };",
    "  export default axios;",
    "}",
    'declare module "mongoose" {',
    "  const mongoose: { connect(uri: string, options?: { serverSelectionTimeoutMS?: number; maxPoolSize?: number }): Promise<unknown> };",
    "  export default mongoose;",
    "}",
  ].join("\n"),
};

function expectSafeFix(code: string, filename = "src/server.ts", extra: Record<string, string> = {}) {
  const name = filename.split("/").at(-1) ?? "server.ts";
  expect(getTypeErrors({ [name]: code, ...shims, ...extra })).toEqual([]);
  const result = lintWithFix("no-hardcoded-config", code, { filename, options: [{ timeouts: true }] });
  expect(result.fatal).toEqual([]);
  expect(result.remaining).toEqual([]);
  expect(getTypeErrors({ [name]: result.output, ...shims, ...extra })).toEqual([]);
  return result.output;
}

describe("no-hardcoded-config autofix is safe on save", () => {
  it("an Express + pg + Redis + axios app: fixed in one run, re-lints clean, type-checks, de-duplicates", () => {
    const code = [
      'import express from "express";',
      'import { Pool } from "pg";',
      'import Redis from "ioredis";',
      'import axios from "axios";',
      "",
      "const PORT = 3000;",
      'const pool = new Pool({ connectionString: "postgres://localhost:5432/app", max: 10, idleTimeoutMillis: 30000 });',
      'const replica = new Pool({ host: "localhost", port: 5433, max: 10 });',
      'const redis = new Redis("redis://localhost:6379");',
      'const api = axios.create({ baseURL: "http://localhost:4000", timeout: 5000 });',
      "",
      "const app = express();",
      'app.get("/users", async (req, res) => {',
      "  const signal = AbortSignal.timeout(5000);",
      '  const rows = await pool.query("select 1");',
      "  res.json({ rows: rows.rows, signal: signal.aborted, redis: Boolean(redis), api: Boolean(api), replica: Boolean(replica) });",
      "});",
      "app.listen(PORT, () => {});",
      "",
    ].join("\n");
    expect(expectSafeFix(code)).toBe(
      [
        'import express from "express";',
        'import { Pool } from "pg";',
        'import Redis from "ioredis";',
        'import axios from "axios";',
        "",
        "const PORT = Number(process.env.PORT ?? 3000);",
        'const pool = new Pool({ connectionString: process.env.DATABASE_URL ?? "postgres://localhost:5432/app", max: Number(process.env.DB_POOL_MAX ?? 10), idleTimeoutMillis: Number(process.env.DB_IDLE_TIMEOUT_MS ?? 30000) });',
        'const replica = new Pool({ host: process.env.DB_HOST ?? "localhost", port: Number(process.env.DB_PORT ?? 5433), max: Number(process.env.DB_POOL_MAX ?? 10) });',
        'const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");',
        'const api = axios.create({ baseURL: process.env.BASE_URL ?? "http://localhost:4000", timeout: Number(process.env.REQUEST_TIMEOUT_MS ?? 5000) });',
        "",
        "const app = express();",
        'app.get("/users", async (req, res) => {',
        "  const signal = AbortSignal.timeout(Number(process.env.REQUEST_TIMEOUT_MS ?? 5000));",
        '  const rows = await pool.query("select 1");',
        "  res.json({ rows: rows.rows, signal: signal.aborted, redis: Boolean(redis), api: Boolean(api), replica: Boolean(replica) });",
        "});",
        "app.listen(PORT, () => {});",
        "",
      ].join("\n"),
    );
  });

  it("Fastify listen and factory options type-check", () => {
    const code =
      'import Fastify from "fastify";\nconst fastify = Fastify({ connectionTimeout: 10000 });\nawait fastify.listen({ port: 8080, host: "0.0.0.0" });\n';
    expect(expectSafeFix(code)).toContain("port: Number(process.env.PORT ?? 8080)");
  });

  it("Hono serve type-checks", () => {
    const code =
      'import { Hono } from "hono";\nimport { serve } from "@hono/node-server";\nconst app = new Hono();\nserve({ fetch: app.fetch, port: 8787 });\n';
    expect(expectSafeFix(code)).toContain("port: Number(process.env.PORT ?? 8787)");
  });

  it("Koa behind http.createServer and mongoose type-check", () => {
    const code = [
      'import http from "node:http";',
      'import Koa from "koa";',
      'import mongoose from "mongoose";',
      "const app = new Koa();",
      'await mongoose.connect("mongodb://localhost/app", { serverSelectionTimeoutMS: 5000 });',
      "http.createServer(app.callback()).listen(4000);",
      "",
    ].join("\n");
    expect(expectSafeFix(code)).toContain("listen(Number(process.env.PORT ?? 4000))");
  });

  it("a Nest bootstrap type-checks", () => {
    const code = [
      'import "reflect-metadata";',
      'import { Module } from "@nestjs/common";',
      'import { NestFactory } from "@nestjs/core";',
      "@Module({})",
      "class AppModule {}",
      "async function bootstrap() {",
      "  const app = await NestFactory.create(AppModule);",
      "  await app.listen(3000);",
      "}",
      "void bootstrap();",
      "",
    ].join("\n");
    expect(expectSafeFix(code)).toContain("await app.listen(Number(process.env.PORT ?? 3000));");
  });

  it("a string port and a typed const type-check", () => {
    const code = `${express}const DATABASE_URL: string = "postgres://localhost/app";\nconsole.info(DATABASE_URL.length);\napp.listen("3000");\n`;
    expect(expectSafeFix(code)).toContain('app.listen(process.env.PORT ?? "3000")');
  });

  it("CommonJS output re-lints clean", () => {
    const code =
      'const express = require("express");\nconst mysql = require("mysql2");\nconst app = express();\nconst pool = mysql.createPool({ connectionLimit: 10 });\napp.listen(3000);\n';
    const result = lintWithFix("no-hardcoded-config", code, { filename: "src/server.cjs" });
    expect(result.fatal).toEqual([]);
    expect(result.remaining).toEqual([]);
    expect(result.output).toBe(
      'const express = require("express");\nconst mysql = require("mysql2");\nconst app = express();\nconst pool = mysql.createPool({ connectionLimit: Number(process.env.DB_CONNECTION_LIMIT ?? 10) });\napp.listen(Number(process.env.PORT ?? 3000));\n',
    );
  });
});

describe("no-hardcoded-config regular expressions are linear", () => {
  it("long adversarial URLs, keys and names finish fast", () => {
    const n = 50_000;
    const code = [
      `const a = "http://localhost${":".repeat(n)}";`,
      `const b = "${"postgres".repeat(n / 8)}://";`,
      `const c = "http://${"localhost".repeat(n / 9)}";`,
      `const d = "redis://${":@".repeat(n / 2)}x";`,
      `const e = "mongodb+srv://${"a:".repeat(n / 2)}@";`,
      'import { Pool } from "pg";',
      `const p = new Pool({ ${"Timeout".repeat(n / 7)}x: 1, ${"t".repeat(n)}: 2 });`,
      'import express from "express";',
      `const ${"appServer".repeat(n / 9)}Instance = express();`,
      `${"appServer".repeat(n / 9)}Instance.listen(1);`,
      `const url = "http://127.0.0.1${"1".repeat(n)}";`,
      `const r = new Pool({ port: "${"1".repeat(n)}x", host: "${"/".repeat(n)}" });`,
    ].join("\n");
    const started = performance.now();
    const result = lintWithFix("no-hardcoded-config", code);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result.fatal).toEqual([]);
  });
});
