import { readFileSync } from "node:fs";
import path from "node:path";

import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import type { InvalidTestCase } from "@typescript-eslint/rule-tester";
import type { ESLintUtils } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";

import plugin from "../../src/index.js";
import rule from "../../src/rules/require-health-check.js";
import { lintProjectFile, lintWithFix } from "../utils/lint-with-fix.js";
import { createRuleTester, files } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";

// An app of its own, with no other files: the rule also reads the project's files for probe routes, and
// the cases' files stand alone.
const EMPTY_APP = path.resolve(import.meta.dirname, "../fixtures/empty-app");
const ruleTester = createRuleTester(EMPTY_APP);
const lines = (...parts: string[]) => parts.join("\n");

const LIVENESS = "`/health`, `/healthz` or `/livez`";
const READINESS = "`/ready` or `/readyz`";
const TODO = [
  "// TODO: check what this app needs to serve traffic (database, cache, upstream APIs),",
  '// e.g. `await db.query("SELECT 1")`. A check that throws answers 503.',
];

/** The readiness route the suggestion adds, per framework. */
const readiness = {
  express: (app = "app", path = "/ready") => [
    `${app}.get("${path}", async (_req, res) => {`,
    "  try {",
    ...TODO.map((l) => `    ${l}`),
    '    res.json({ status: "ready" });',
    "  } catch {",
    '    res.status(503).json({ status: "unavailable" });',
    "  }",
    "});",
  ],
  fastify: (app = "fastify") => [
    `${app}.get("/ready", async (_request, reply) => {`,
    "  try {",
    ...TODO.map((l) => `    ${l}`),
    '    return { status: "ready" };',
    "  } catch {",
    '    return reply.code(503).send({ status: "unavailable" });',
    "  }",
    "});",
  ],
  hono: (app = "app") => [
    `${app}.get("/ready", async (c) => {`,
    "  try {",
    ...TODO.map((l) => `    ${l}`),
    '    return c.json({ status: "ready" });',
    "  } catch {",
    '    return c.json({ status: "unavailable" }, 503);',
    "  }",
    "});",
  ],
  koa: (app = "app") => [
    `${app}.use(async (ctx, next) => {`,
    '  if (ctx.path !== "/ready") return next();',
    "  try {",
    ...TODO.map((l) => `    ${l}`),
    '    ctx.body = { status: "ready" };',
    "  } catch {",
    "    ctx.status = 503;",
    '    ctx.body = { status: "unavailable" };',
    "  }",
    "});",
  ],
};

const expressApp = lines(
  'import express from "express";',
  "const app = express();",
  "app.use(express.json());",
  'app.get("/users", (_req, res) => { res.json([]); });',
  "app.listen(3000);",
);

/**
 * A case run with `requireReadiness: "always"`, so that the readiness report and its suggestion are checked
 * in every shape; the default asks for readiness only where the repository deploys to Kubernetes (see the
 * cases further down). A case's own `requireReadiness` wins.
 */
type InvalidCase = InvalidTestCase<
  ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>,
  ESLintUtils.InferOptionsTypeFromRule<typeof rule>
>;
const requiringReadiness = (testCase: InvalidCase): InvalidCase => ({
  ...testCase,
  options: [{ requireReadiness: "always", ...testCase.options?.[0] }],
});

const readinessSuggestion = (output: string, path = "/ready") => [
  { messageId: "addReadinessRoute" as const, data: { path }, output },
];

ruleTester.run("require-health-check", rule, {
  valid: [
    {
      name: "Express with /health and /ready",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/health", (_req, res) => { res.json({ status: "ok" }); });',
        'app.get("/ready", async (_req, res) => { res.json({ status: "ready" }); });',
        "app.listen(3000);",
      ),
      filename: files.ts,
    },
    {
      name: "Express (CommonJS) with /healthz and /readyz on app.route()",
      code: lines(
        'const express = require("express");',
        "const app = express();",
        'app.route("/healthz").get((req, res) => res.send("ok"));',
        'app.route("/readyz").get((req, res) => res.send("ok"));',
        "app.listen(3000);",
      ),
      filename: files.cjs,
    },
    {
      name: "a router of this file mounted at /health, with /live and /ready under it",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "const probes = express.Router();",
        'probes.get("/live", (_req, res) => { res.sendStatus(200); });',
        'probes.get("/ready", (_req, res) => { res.sendStatus(200); });',
        'app.use("/health", probes);',
        "app.listen(3000);",
      ),
      filename: files.ts,
    },
    {
      name: "multi-segment configured paths match the full path a mount gives",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "const ops = express.Router();",
        'ops.get("/alive", (_req, res) => { res.sendStatus(200); });',
        'ops.get("/ok", (_req, res) => { res.sendStatus(200); });',
        'app.use("/ops", ops);',
        "app.listen(3000);",
      ),
      filename: files.ts,
      options: [{ livenessPaths: ["/ops/alive"], readinessPaths: ["/ops/ok"] }],
    },
    {
      name: "Fastify: health routes in an inline plugin registered with a prefix",
      code: lines(
        'import Fastify from "fastify";',
        "const fastify = Fastify();",
        "fastify.register(async (instance) => {",
        '  instance.get("/healthz", async () => ({ status: "ok" }));',
        '  instance.get("/readyz", async () => ({ status: "ready" }));',
        '}, { prefix: "/internal" });',
        "await fastify.listen({ port: 3000 });",
      ),
      filename: files.ts,
    },
    {
      name: "Hono: a sub-app of this file routed at /",
      code: lines(
        'import { Hono } from "hono";',
        'import { serve } from "@hono/node-server";',
        "const app = new Hono();",
        'const probes = new Hono().get("/livez", (c) => c.text("ok")).get("/readyz", (c) => c.text("ok"));',
        'app.route("/", probes);',
        "serve({ fetch: app.fetch, port: 3000 });",
      ),
      filename: files.ts,
    },
    {
      name: "Koa: a hand-written middleware comparing ctx.path",
      code: lines(
        'import Koa from "koa";',
        "const app = new Koa();",
        "app.use(async (ctx, next) => {",
        '  if (ctx.path === "/health") { ctx.body = "ok"; return; }',
        '  if (ctx.path === "/ready") { ctx.body = "ok"; return; }',
        "  await next();",
        "});",
        "app.listen(3000);",
      ),
      filename: files.ts,
    },
    {
      name: "Koa with @koa/router mounted through routes()",
      code: lines(
        'const Koa = require("koa");',
        'const Router = require("@koa/router");',
        "const app = new Koa();",
        "const router = new Router();",
        'router.get("/health", (ctx) => { ctx.body = "ok"; });',
        'router.get("/ready", (ctx) => { ctx.body = "ok"; });',
        "app.use(router.routes());",
        "app.listen(3000);",
      ),
      filename: files.cjs,
    },
    {
      name: "plain http comparing req.url",
      code: lines(
        'import http from "node:http";',
        "const server = http.createServer((req, res) => {",
        '  if (req.url === "/healthz" || req.url === "/readyz") return res.end("ok");',
        '  res.end("hi");',
        "});",
        "server.listen(3000);",
      ),
      filename: files.ts,
    },
    {
      name: "health paths kept in constants",
      code: lines(
        'import express from "express";',
        'const HEALTH = "/api/health";',
        'const READY = "/api/ready";',
        "const app = express();",
        "app.get(HEALTH, h);",
        "app.get(READY, r);",
        "app.listen(3000);",
      ),
      filename: files.ts,
    },
    {
      name: "only liveness, with requireReadiness off",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/health", (_req, res) => { res.send("ok"); });',
        "app.listen(3000);",
      ),
      filename: files.ts,
      options: [{ requireReadiness: false }],
    },
    {
      name: "custom paths",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/ping", h);',
        'app.get("/status", h);',
        "app.listen(3000);",
      ),
      filename: files.ts,
      options: [{ livenessPaths: ["/ping"], readinessPaths: ["/status"] }],
    },
    {
      name: "a package that serves the health endpoints: @godaddy/terminus",
      code: lines(
        'import http from "node:http";',
        'import express from "express";',
        'import { createTerminus } from "@godaddy/terminus";',
        "const app = express();",
        "const server = http.createServer(app);",
        'createTerminus(server, { healthChecks: { "/healthcheck": check } });',
        "server.listen(3000);",
      ),
      filename: files.ts,
    },
    {
      name: "a package that serves the health endpoints: express-healthcheck (required)",
      code: lines(
        'const express = require("express");',
        "const app = express();",
        'app.use("/hc", require("express-healthcheck")());',
        "app.listen(3000);",
      ),
      filename: files.cjs,
    },
    {
      name: "a plain http server whose listener is in another file",
      code: lines(
        'import http from "node:http";',
        'import { handler } from "./handler.js";',
        "http.createServer(handler).listen(3000);",
      ),
      filename: files.ts,
    },
    {
      name: "a server started in a test hook",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "let server;",
        "beforeAll(() => { server = app.listen(0); });",
      ),
      filename: files.ts,
    },
    {
      name: "a test file",
      code: lines('import express from "express";', "const app = express();", "app.listen(0);"),
      filename: "src/__tests__/server.ts",
    },
  ],
  invalid: (
    [
      {
        name: "Express (ESM, TypeScript): liveness autofixed after the app is created, readiness suggested",
        code: expressApp,
        filename: files.ts,
        output: lines(
          'import express from "express";',
          "const app = express();",
          "",
          'app.get("/health", (_req, res) => {',
          '  res.json({ status: "ok" });',
          "});",
          "app.use(express.json());",
          'app.get("/users", (_req, res) => { res.json([]); });',
          "app.listen(3000);",
        ),
        errors: [
          {
            messageId: "missingBoth",
            data: { start: "app.listen()", liveness: LIVENESS, readiness: READINESS },
            line: 5,
            column: 1,
            endLine: 5,
            endColumn: 17,
            suggestions: readinessSuggestion(
              lines(
                'import express from "express";',
                "const app = express();",
                "",
                ...readiness.express(),
                "app.use(express.json());",
                'app.get("/users", (_req, res) => { res.json([]); });',
                "app.listen(3000);",
              ),
            ),
          },
        ],
      },
      {
        name: "Express (CommonJS, no semicolons)",
        code: lines('const express = require("express")', "const app = express()", "app.listen(3000)"),
        filename: files.cjs,
        output: lines(
          'const express = require("express")',
          "const app = express()",
          "",
          'app.get("/health", (_req, res) => {',
          '  res.json({ status: "ok" })',
          "})",
          "app.listen(3000)",
        ),
        errors: [
          {
            messageId: "missingBoth",
            suggestions: readinessSuggestion(
              lines(
                'const express = require("express")',
                "const app = express()",
                "",
                ...readiness.express().map((l) => l.replace(/;$/u, "")),
                "app.listen(3000)",
              ),
            ),
          },
        ],
      },
      {
        name: "only /health: readiness is missing, offered as a suggestion and never autofixed",
        code: lines(
          'import express from "express";',
          "const app = express();",
          'app.get("/health", (_req, res) => { res.send("ok"); });',
          "app.listen(3000);",
        ),
        filename: files.ts,
        output: null,
        errors: [
          {
            messageId: "missingReadiness",
            data: { start: "app.listen()", liveness: LIVENESS, readiness: READINESS },
            line: 4,
            suggestions: readinessSuggestion(
              lines(
                'import express from "express";',
                "const app = express();",
                "",
                ...readiness.express(),
                'app.get("/health", (_req, res) => { res.send("ok"); });',
                "app.listen(3000);",
              ),
            ),
          },
        ],
      },
      {
        name: "only /readyz: liveness is missing and autofixed, no suggestion",
        code: lines(
          'import express from "express";',
          "const app = express();",
          'app.get("/readyz", (_req, res) => { res.send("ok"); });',
          "app.listen(3000);",
        ),
        filename: files.ts,
        output: lines(
          'import express from "express";',
          "const app = express();",
          "",
          'app.get("/health", (_req, res) => {',
          '  res.json({ status: "ok" });',
          "});",
          'app.get("/readyz", (_req, res) => { res.send("ok"); });',
          "app.listen(3000);",
        ),
        errors: [
          {
            messageId: "missingLiveness",
            data: { start: "app.listen()", liveness: LIVENESS, readiness: READINESS },
            suggestions: [],
          },
        ],
      },
      {
        name: "an exported app inside an async main(): the route goes after the export, in the same block",
        code: lines(
          'import express from "express";',
          "export async function main() {",
          "  const app = express();",
          "  app.listen(3000);",
          "}",
        ),
        filename: files.ts,
        output: lines(
          'import express from "express";',
          "export async function main() {",
          "  const app = express();",
          "",
          '  app.get("/health", (_req, res) => {',
          '    res.json({ status: "ok" });',
          "  });",
          "  app.listen(3000);",
          "}",
        ),
        errors: [
          {
            messageId: "missingBoth",
            line: 4,
            column: 3,
            suggestions: readinessSuggestion(
              lines(
                'import express from "express";',
                "export async function main() {",
                "  const app = express();",
                "",
                ...readiness.express().map((l) => `  ${l}`),
                "  app.listen(3000);",
                "}",
              ),
            ),
          },
        ],
      },
      {
        name: "http.createServer(app) over Express: the Express idiom on the app",
        code: lines(
          'import http from "node:http";',
          'import express from "express";',
          "export const app = express();",
          "http.createServer(app).listen(8080);",
        ),
        filename: files.ts,
        output: lines(
          'import http from "node:http";',
          'import express from "express";',
          "export const app = express();",
          "",
          'app.get("/health", (_req, res) => {',
          '  res.json({ status: "ok" });',
          "});",
          "http.createServer(app).listen(8080);",
        ),
        errors: [
          {
            messageId: "missingBoth",
            data: { start: "http.createServer(app).listen()", liveness: LIVENESS, readiness: READINESS },
            suggestions: readinessSuggestion(
              lines(
                'import http from "node:http";',
                'import express from "express";',
                "export const app = express();",
                "",
                ...readiness.express(),
                "http.createServer(app).listen(8080);",
              ),
            ),
          },
        ],
      },
      {
        name: "local middleware (not a router) does not hide routes",
        code: lines(
          'import express from "express";',
          'import { requestLogger } from "./logger.js";',
          "const app = express();",
          "app.use(requestLogger);",
          "app.listen(3000);",
        ),
        filename: files.ts,
        output: lines(
          'import express from "express";',
          'import { requestLogger } from "./logger.js";',
          "const app = express();",
          "",
          'app.get("/health", (_req, res) => {',
          '  res.json({ status: "ok" });',
          "});",
          "app.use(requestLogger);",
          "app.listen(3000);",
        ),
        errors: [
          {
            messageId: "missingBoth",
            suggestions: readinessSuggestion(
              lines(
                'import express from "express";',
                'import { requestLogger } from "./logger.js";',
                "const app = express();",
                "",
                ...readiness.express(),
                "app.use(requestLogger);",
                "app.listen(3000);",
              ),
            ),
          },
        ],
      },
      {
        name: "a router of this file without health routes is looked into, and a package router is not a route source",
        code: lines(
          'import express from "express";',
          'import swaggerUi from "swagger-ui-express";',
          "const app = express();",
          "const api = express.Router();",
          'api.get("/users", (_req, res) => { res.json([]); });',
          'app.use("/api", api);',
          'app.use("/docs", swaggerUi.serve);',
          "app.listen(3000);",
        ),
        filename: files.ts,
        output: lines(
          'import express from "express";',
          'import swaggerUi from "swagger-ui-express";',
          "const app = express();",
          "",
          'app.get("/health", (_req, res) => {',
          '  res.json({ status: "ok" });',
          "});",
          "const api = express.Router();",
          'api.get("/users", (_req, res) => { res.json([]); });',
          'app.use("/api", api);',
          'app.use("/docs", swaggerUi.serve);',
          "app.listen(3000);",
        ),
        errors: [
          {
            messageId: "missingBoth",
            line: 8,
            suggestions: readinessSuggestion(
              lines(
                'import express from "express";',
                'import swaggerUi from "swagger-ui-express";',
                "const app = express();",
                "",
                ...readiness.express(),
                "const api = express.Router();",
                'api.get("/users", (_req, res) => { res.json([]); });',
                'app.use("/api", api);',
                'app.use("/docs", swaggerUi.serve);',
                "app.listen(3000);",
              ),
            ),
          },
        ],
      },
      {
        name: "custom paths: the fix uses the first of each",
        code: lines('import express from "express";', "const app = express();", "app.listen(3000);"),
        filename: files.ts,
        options: [{ livenessPaths: ["/livez", "/ping"], readinessPaths: ["/readyz"] }],
        output: lines(
          'import express from "express";',
          "const app = express();",
          "",
          'app.get("/livez", (_req, res) => {',
          '  res.json({ status: "ok" });',
          "});",
          "app.listen(3000);",
        ),
        errors: [
          {
            messageId: "missingBoth",
            data: { start: "app.listen()", liveness: "`/livez` or `/ping`", readiness: "`/readyz`" },
            suggestions: readinessSuggestion(
              lines(
                'import express from "express";',
                "const app = express();",
                "",
                ...readiness.express("app", "/readyz"),
                "app.listen(3000);",
              ),
              "/readyz",
            ),
          },
        ],
      },
      {
        name: "the same app started twice: one report, on the first start",
        code: lines(
          'import http from "node:http";',
          'import https from "node:https";',
          'import express from "express";',
          "const app = express();",
          "http.createServer(app).listen(80);",
          "https.createServer({ key, cert }, app).listen(443);",
        ),
        filename: files.ts,
        output: lines(
          'import http from "node:http";',
          'import https from "node:https";',
          'import express from "express";',
          "const app = express();",
          "",
          'app.get("/health", (_req, res) => {',
          '  res.json({ status: "ok" });',
          "});",
          "http.createServer(app).listen(80);",
          "https.createServer({ key, cert }, app).listen(443);",
        ),
        errors: [
          {
            messageId: "missingBoth",
            line: 5,
            suggestions: readinessSuggestion(
              lines(
                'import http from "node:http";',
                'import https from "node:https";',
                'import express from "express";',
                "const app = express();",
                "",
                ...readiness.express(),
                "http.createServer(app).listen(80);",
                "https.createServer({ key, cert }, app).listen(443);",
              ),
            ),
          },
        ],
      },
      {
        name: "Fastify (ESM)",
        code: lines(
          'import Fastify from "fastify";',
          "const fastify = Fastify({ logger: true });",
          'fastify.get("/", async () => "hi");',
          "await fastify.listen({ port: 3000 });",
        ),
        filename: files.ts,
        output: lines(
          'import Fastify from "fastify";',
          "const fastify = Fastify({ logger: true });",
          "",
          'fastify.get("/health", async () => ({ status: "ok" }));',
          'fastify.get("/", async () => "hi");',
          "await fastify.listen({ port: 3000 });",
        ),
        errors: [
          {
            messageId: "missingBoth",
            data: { start: "fastify.listen()", liveness: LIVENESS, readiness: READINESS },
            line: 4,
            column: 7,
            suggestions: readinessSuggestion(
              lines(
                'import Fastify from "fastify";',
                "const fastify = Fastify({ logger: true });",
                "",
                ...readiness.fastify(),
                'fastify.get("/", async () => "hi");',
                "await fastify.listen({ port: 3000 });",
              ),
            ),
          },
        ],
      },
      {
        name: "Fastify (CommonJS)",
        code: lines(
          'const fastify = require("fastify")({ logger: true });',
          "fastify.listen({ port: 3000 }, (err) => { if (err) throw err; });",
        ),
        filename: files.cjs,
        output: lines(
          'const fastify = require("fastify")({ logger: true });',
          "",
          'fastify.get("/health", async () => ({ status: "ok" }));',
          "fastify.listen({ port: 3000 }, (err) => { if (err) throw err; });",
        ),
        errors: [
          {
            messageId: "missingBoth",
            suggestions: readinessSuggestion(
              lines(
                'const fastify = require("fastify")({ logger: true });',
                "",
                ...readiness.fastify(),
                "fastify.listen({ port: 3000 }, (err) => { if (err) throw err; });",
              ),
            ),
          },
        ],
      },
      {
        name: "Hono on @hono/node-server",
        code: lines(
          'import { Hono } from "hono";',
          'import { serve } from "@hono/node-server";',
          "const app = new Hono();",
          'app.get("/", (c) => c.text("hi"));',
          "serve({ fetch: app.fetch, port: 3000 });",
        ),
        filename: files.ts,
        output: lines(
          'import { Hono } from "hono";',
          'import { serve } from "@hono/node-server";',
          "const app = new Hono();",
          "",
          'app.get("/health", (c) => c.json({ status: "ok" }));',
          'app.get("/", (c) => c.text("hi"));',
          "serve({ fetch: app.fetch, port: 3000 });",
        ),
        errors: [
          {
            messageId: "missingBoth",
            data: { start: "serve()", liveness: LIVENESS, readiness: READINESS },
            line: 5,
            column: 1,
            suggestions: readinessSuggestion(
              lines(
                'import { Hono } from "hono";',
                'import { serve } from "@hono/node-server";',
                "const app = new Hono();",
                "",
                ...readiness.hono(),
                'app.get("/", (c) => c.text("hi"));',
                "serve({ fetch: app.fetch, port: 3000 });",
              ),
            ),
          },
        ],
      },
      {
        name: "Hono (CommonJS), served with the app alone",
        code: lines(
          'const { Hono } = require("hono");',
          'const { serve } = require("@hono/node-server");',
          "const api = new Hono();",
          "serve(api);",
        ),
        filename: files.cjs,
        output: lines(
          'const { Hono } = require("hono");',
          'const { serve } = require("@hono/node-server");',
          "const api = new Hono();",
          "",
          'api.get("/health", (c) => c.json({ status: "ok" }));',
          "serve(api);",
        ),
        errors: [
          {
            messageId: "missingBoth",
            suggestions: readinessSuggestion(
              lines(
                'const { Hono } = require("hono");',
                'const { serve } = require("@hono/node-server");',
                "const api = new Hono();",
                "",
                ...readiness.hono("api"),
                "serve(api);",
              ),
            ),
          },
        ],
      },
      {
        name: "Koa: a middleware, since Koa has no route methods",
        code: lines(
          'import Koa from "koa";',
          "const app = new Koa();",
          "app.use((ctx) => { ctx.body = 'hi'; });",
          "app.listen(3000);",
        ),
        filename: files.ts,
        output: lines(
          'import Koa from "koa";',
          "const app = new Koa();",
          "",
          "app.use(async (ctx, next) => {",
          '  if (ctx.path !== "/health") return next();',
          '  ctx.body = { status: "ok" };',
          "});",
          "app.use((ctx) => { ctx.body = 'hi'; });",
          "app.listen(3000);",
        ),
        errors: [
          {
            messageId: "missingBoth",
            data: { start: "app.listen()", liveness: LIVENESS, readiness: READINESS },
            line: 4,
            suggestions: readinessSuggestion(
              lines(
                'import Koa from "koa";',
                "const app = new Koa();",
                "",
                ...readiness.koa(),
                "app.use((ctx) => { ctx.body = 'hi'; });",
                "app.listen(3000);",
              ),
            ),
          },
        ],
      },
      {
        name: "Koa (CommonJS) with a router of this file that has no health route",
        code: lines(
          'const Koa = require("koa");',
          'const Router = require("@koa/router");',
          "const app = new Koa();",
          "const router = new Router();",
          'router.get("/", (ctx) => { ctx.body = "hi"; });',
          "app.use(router.routes());",
          "app.listen(3000);",
        ),
        filename: files.cjs,
        output: lines(
          'const Koa = require("koa");',
          'const Router = require("@koa/router");',
          "const app = new Koa();",
          "",
          "app.use(async (ctx, next) => {",
          '  if (ctx.path !== "/health") return next();',
          '  ctx.body = { status: "ok" };',
          "});",
          "const router = new Router();",
          'router.get("/", (ctx) => { ctx.body = "hi"; });',
          "app.use(router.routes());",
          "app.listen(3000);",
        ),
        errors: [
          {
            messageId: "missingBoth",
            suggestions: readinessSuggestion(
              lines(
                'const Koa = require("koa");',
                'const Router = require("@koa/router");',
                "const app = new Koa();",
                "",
                ...readiness.koa(),
                "const router = new Router();",
                'router.get("/", (ctx) => { ctx.body = "hi"; });',
                "app.use(router.routes());",
                "app.listen(3000);",
              ),
            ),
          },
        ],
      },
      {
        name: "plain http (ESM): a branch at the top of the request listener",
        code: lines(
          'import http from "node:http";',
          "const server = http.createServer((req, res) => {",
          '  res.end("hi");',
          "});",
          "server.listen(3000);",
        ),
        filename: files.ts,
        output: lines(
          'import http from "node:http";',
          "const server = http.createServer((req, res) => {",
          '  if (req.url === "/health") {',
          '    res.writeHead(200, { "content-type": "application/json" });',
          '    res.end(JSON.stringify({ status: "ok" }));',
          "    return;",
          "  }",
          '  res.end("hi");',
          "});",
          "server.listen(3000);",
        ),
        errors: [
          {
            messageId: "missingBoth",
            data: { start: "server.listen()", liveness: LIVENESS, readiness: READINESS },
            line: 5,
            column: 1,
            suggestions: readinessSuggestion(
              lines(
                'import http from "node:http";',
                "const server = http.createServer((req, res) => {",
                '  if (req.url === "/ready") {',
                "    // TODO: set `ready` from what this server needs to serve traffic (database, cache, upstream APIs).",
                "    const ready = true;",
                '    res.writeHead(ready ? 200 : 503, { "content-type": "application/json" });',
                '    res.end(JSON.stringify({ status: ready ? "ready" : "unavailable" }));',
                "    return;",
                "  }",
                '  res.end("hi");',
                "});",
                "server.listen(3000);",
              ),
            ),
          },
        ],
      },
      {
        name: "plain http (CommonJS, no semicolons): a named listener function",
        code: lines(
          'const http = require("http")',
          "function handle(request, response) {",
          '  response.end("hi")',
          "}",
          "http.createServer(handle).listen(3000)",
        ),
        filename: files.cjs,
        output: lines(
          'const http = require("http")',
          "function handle(request, response) {",
          '  if (request.url === "/health") {',
          '    response.writeHead(200, { "content-type": "application/json" })',
          '    response.end(JSON.stringify({ status: "ok" }))',
          "    return",
          "  }",
          '  response.end("hi")',
          "}",
          "http.createServer(handle).listen(3000)",
        ),
        errors: [
          {
            messageId: "missingBoth",
            suggestions: readinessSuggestion(
              lines(
                'const http = require("http")',
                "function handle(request, response) {",
                '  if (request.url === "/ready") {',
                "    // TODO: set `ready` from what this server needs to serve traffic (database, cache, upstream APIs).",
                "    const ready = true",
                '    response.writeHead(ready ? 200 : 503, { "content-type": "application/json" })',
                '    response.end(JSON.stringify({ status: ready ? "ready" : "unavailable" }))',
                "    return",
                "  }",
                '  response.end("hi")',
                "}",
                "http.createServer(handle).listen(3000)",
              ),
            ),
          },
        ],
      },
      {
        name: "plain http with an expression-bodied listener: reported, nothing to insert into",
        code: lines('import http from "node:http";', 'http.createServer((req, res) => res.end("hi")).listen(3000);'),
        filename: files.ts,
        output: null,
        errors: [{ messageId: "missingBoth", suggestions: [] }],
      },
    ] satisfies InvalidCase[]
  ).map(requiringReadiness),
});

// Apps whose routes are in other files: the project is asked. In this one, src/routes/probes.ts serves
// /health and /ready, so the files below are quiet however their routers, plugins or modules come in.
const WITH_PROBES = path.resolve(import.meta.dirname, "../fixtures/health-elsewhere/with-probes");
createRuleTester(WITH_PROBES).run("require-health-check: probe routes in another file of the project", rule, {
  valid: [
    {
      name: "an app imported from another file: its routes are there",
      code: lines('import app from "./app.js";', "app.listen(process.env.PORT ?? 3000);"),
      filename: files.ts,
    },
    {
      name: "a router imported from another project file, mounted at a path",
      code: lines(
        'import express from "express";',
        'import { apiRouter } from "./routes/api.js";',
        "const app = express();",
        'app.use("/api", apiRouter);',
        "app.listen(3000);",
      ),
      filename: files.ts,
    },
    {
      name: "a router-named module mounted without a path (CommonJS require)",
      code: lines(
        'const express = require("express");',
        "const app = express();",
        'app.use(require("./routes"));',
        "app.listen(3000);",
      ),
      filename: files.cjs,
    },
    {
      name: "the app handed to a function from another file",
      code: lines(
        'import express from "express";',
        'import { registerRoutes } from "./routes.js";',
        "const app = express();",
        "registerRoutes(app);",
        "app.listen(3000);",
      ),
      filename: files.ts,
    },
    {
      name: "Fastify plugins from other files: import() and @fastify/autoload",
      code: lines(
        'import Fastify from "fastify";',
        'import autoload from "@fastify/autoload";',
        "const app = Fastify();",
        'app.register(autoload, { dir: "routes" });',
        'app.register(import("./plugins/db.js"));',
        "await app.listen({ port: 3000 });",
      ),
      filename: files.ts,
    },
    {
      name: "Koa router from another file",
      code: lines(
        'import Koa from "koa";',
        'import router from "./router.js";',
        "const app = new Koa();",
        "app.use(router.routes()).use(router.allowedMethods());",
        "app.listen(3000);",
      ),
      filename: files.ts,
    },
    {
      name: "NestJS asks the project for its probes (found here); Bun and Deno are not checked",
      code: lines(
        'import { NestFactory } from "@nestjs/core";',
        'import { AppModule } from "./app.module";',
        "const app = await NestFactory.create(AppModule);",
        "await app.listen(3000);",
        'import { Hono } from "hono";',
        "const hono = new Hono();",
        "Bun.serve({ port: 1, fetch: hono.fetch });",
        "Deno.serve({ port: 2 }, hono.fetch);",
      ),
      filename: files.ts,
    },
  ],
  invalid: [],
});

const HEALTH_ELSEWHERE = path.resolve(import.meta.dirname, "../fixtures/health-elsewhere");
const READY_OUTPUT = readFileSync(path.join(HEALTH_ELSEWHERE, "without-probes/src/app.ts"), "utf8").replace(
  "const app = express();\n",
  [
    "const app = express();",
    "",
    'app.get("/ready", async (_req, res) => {',
    "  try {",
    "    // TODO: check what this app needs to serve traffic (database, cache, upstream APIs),",
    '    // e.g. `await db.query("SELECT 1")`. A check that throws answers 503.',
    '    res.json({ status: "ready" });',
    "  } catch {",
    '    res.status(503).json({ status: "unavailable" });',
    "  }",
    "});",
    "",
  ].join("\n"),
);
createRuleTester(HEALTH_ELSEWHERE).run("require-health-check: apps laid out across files", rule, {
  valid: [
    {
      name: "Express: the probes router is mounted from src/routes/probes.ts",
      code: readFileSync(path.join(HEALTH_ELSEWHERE, "with-probes/src/app.ts"), "utf8"),
      filename: "with-probes/src/app.ts",
    },
    {
      name: "Fastify: @fastify/under-pressure registered in a plugin file",
      code: readFileSync(path.join(HEALTH_ELSEWHERE, "fastify-pressure/src/server.ts"), "utf8"),
      filename: "fastify-pressure/src/server.ts",
    },
    {
      name: 'NestJS: a HealthController with @Controller("health") and @Get("ready")',
      code: readFileSync(path.join(HEALTH_ELSEWHERE, "nest-app/src/main.ts"), "utf8"),
      filename: "nest-app/src/main.ts",
    },
  ],
  invalid: [
    {
      name: "Express: routers from other files, none of them a probe",
      code: readFileSync(path.join(HEALTH_ELSEWHERE, "without-probes/src/app.ts"), "utf8"),
      filename: "without-probes/src/app.ts",
      options: [{ requireReadiness: "always" }],
      // Whether a probe is missing is the project's answer here: the route is offered, not applied on save.
      output: null,
      errors: [
        {
          messageId: "missingBoth",
          line: 6,
          column: 1,
          suggestions: [
            {
              messageId: "addLivenessRoute",
              data: { path: "/health" },
              output: readFileSync(path.join(HEALTH_ELSEWHERE, "without-probes/src/app.ts"), "utf8").replace(
                "const app = express();",
                'const app = express();\n\napp.get("/health", (_req, res) => {\n  res.json({ status: "ok" });\n});',
              ),
            },
            { messageId: "addReadinessRoute", data: { path: "/ready" }, output: READY_OUTPUT },
          ],
        },
      ],
    },
  ],
});

/** Applies the first suggestion of the first message, the way an editor does. */
function applySuggestion(code: string, filename = "src/server.ts"): string {
  const linter = new Linter({ configType: "flat", cwd: EMPTY_APP });
  const [message] = linter.verify(
    code,
    [
      {
        files: ["**/*.{js,mjs,cjs,ts}"],
        plugins: { harden: plugin },
        languageOptions: { parser: tsParser },
        rules: { "harden/require-health-check": ["error", { requireReadiness: "always" }] },
      },
    ],
    { filename },
  );
  const fix = message?.suggestions?.[0]?.fix;
  if (!fix) throw new Error("no suggestion");
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

describe("require-health-check fixes are safe", () => {
  const cases: Record<string, string> = {
    Express: lines(
      'import express from "express";',
      "const app = express();",
      "app.use(express.json());",
      "app.listen(3000);",
      "",
    ),
    Fastify: lines(
      'import Fastify from "fastify";',
      "const fastify = Fastify({ logger: true });",
      "await fastify.listen({ port: 3000 });",
      "",
    ),
    "Hono (node-server)": lines(
      'import { Hono } from "hono";',
      'import { serve } from "@hono/node-server";',
      "const app = new Hono();",
      "serve({ fetch: app.fetch, port: 3000 });",
      "",
    ),
    Koa: lines('import Koa from "koa";', "const app = new Koa();", "app.listen(3000);", ""),
    "plain http": lines(
      'import http from "node:http";',
      "const server = http.createServer((req, res) => {",
      "  res.end(req.url);",
      "});",
      "server.listen(3000);",
      "",
    ),
  };

  for (const [name, code] of Object.entries(cases)) {
    it(`${name}: the autofix re-lints with nothing left to fix and type-checks; so does the readiness suggestion`, () => {
      expect(getTypeErrors({ "server.ts": code })).toEqual([]);
      const result = lintWithFix("require-health-check", code, {
        cwd: EMPTY_APP,
        options: [{ requireReadiness: "always" }],
      });
      expect(result.output).not.toBe(code);
      expect(result.fatal).toEqual([]);
      expect(result.remainingFixable).toEqual([]);
      // What remains is the readiness report, whose edit is a suggestion only.
      expect(result.remaining.map((m) => m.messageId)).toEqual(["missingReadiness"]);
      expect(getTypeErrors({ "server.ts": result.output })).toEqual([]);

      const withReadiness = applySuggestion(result.output);
      expect(getTypeErrors({ "server.ts": withReadiness })).toEqual([]);
      expect(
        lintWithFix("require-health-check", withReadiness, {
          cwd: EMPTY_APP,
          options: [{ requireReadiness: "always" }],
        }).remaining,
      ).toEqual([]);
    });
  }
});

describe("require-health-check: a Next.js app's custom server", () => {
  const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
  const lintServer = (project: string) =>
    lintProjectFile("require-health-check", path.join(FIXTURES, project), "src/server/index.js");

  it("is left alone when `start` is `next start`: production never runs it", () => {
    expect(lintServer("next-dev-server")).toEqual([]);
  });

  it("is reported when `start` runs it", () => {
    expect(
      lintServer("next-custom-server").map(({ messageId, line, column }) => ({ messageId, line, column })),
    ).toEqual([{ messageId: "missingLiveness", line: 12, column: 1 }]);
  });
});

describe("require-health-check: a server Vercel runs as a function", () => {
  const APP = path.resolve(import.meta.dirname, "../fixtures/vercel-function-server");

  it("is left alone when vercel.json builds the file with @vercel/node: its listen() only runs locally", () => {
    expect(lintProjectFile("require-health-check", APP, "server/app.ts")).toEqual([]);
  });

  it("is reported for a file vercel.json does not build", () => {
    expect(
      lintProjectFile("require-health-check", APP, "server/server.ts").map(({ messageId, line, column }) => ({
        messageId,
        line,
        column,
      })),
    ).toEqual([{ messageId: "missingLiveness", line: 11, column: 3 }]);
  });
});

describe("require-health-check: readiness where Kubernetes routes traffic by it", () => {
  const KUBERNETES_APP = path.resolve(import.meta.dirname, "../fixtures/kubernetes-app");
  const withLiveness = lines(
    'import express from "express";',
    "const app = express();",
    'app.get("/health", (_req, res) => { res.send("ok"); });',
    "app.listen(3000);",
  );
  const withLivenessFixed = lines(
    'import express from "express";',
    "const app = express();",
    "",
    'app.get("/health", (_req, res) => {',
    '  res.json({ status: "ok" });',
    "});",
    "app.use(express.json());",
    'app.get("/users", (_req, res) => { res.json([]); });',
    "app.listen(3000);",
  );
  const data = { start: "app.listen()", liveness: LIVENESS, readiness: READINESS };

  ruleTester.run("require-health-check: no Kubernetes manifest in the repository", rule, {
    valid: [
      {
        name: "a liveness route is the one route Docker Compose or a platform's health check probes",
        code: withLiveness,
        filename: files.ts,
      },
    ],
    invalid: [
      {
        name: "no probe at all: the liveness route is added; readiness is not asked for",
        code: expressApp,
        filename: files.ts,
        output: withLivenessFixed,
        errors: [{ messageId: "missingLiveness", data, line: 5, column: 1, suggestions: [] }],
      },
    ],
  });

  createRuleTester(KUBERNETES_APP).run("require-health-check: a Kubernetes Deployment in the repository", rule, {
    valid: [
      {
        name: "requireReadiness: never",
        code: withLiveness,
        filename: files.ts,
        options: [{ requireReadiness: "never" }],
      },
    ],
    invalid: [
      {
        name: "a liveness route only: Kubernetes needs a readiness probe to hold traffic back",
        code: withLiveness,
        filename: files.ts,
        output: null,
        errors: [
          {
            messageId: "missingReadiness",
            data,
            line: 4,
            suggestions: readinessSuggestion(
              lines(
                'import express from "express";',
                "const app = express();",
                "",
                ...readiness.express(),
                'app.get("/health", (_req, res) => { res.send("ok"); });',
                "app.listen(3000);",
              ),
            ),
          },
        ],
      },
      {
        name: "no probe at all: both are asked for, liveness autofixed and readiness offered",
        code: expressApp,
        filename: files.ts,
        output: withLivenessFixed,
        errors: [
          {
            messageId: "missingBoth",
            data,
            line: 5,
            column: 1,
            suggestions: readinessSuggestion(
              lines(
                'import express from "express";',
                "const app = express();",
                "",
                ...readiness.express(),
                "app.use(express.json());",
                'app.get("/users", (_req, res) => { res.json([]); });',
                "app.listen(3000);",
              ),
            ),
          },
        ],
      },
    ],
  });
});
