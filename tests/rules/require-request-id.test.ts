import path from "node:path";

import { describe, expect, it } from "vitest";

import rule from "../../src/rules/require-request-id.js";
import { createRuleTester, files } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";

const lines = (...text: string[]): string => text.join("\n");
const fixture = (name: string): string => path.resolve(import.meta.dirname, "../fixtures", name);

// An app with nothing else in its project: what the file shows decides.
const ruleTester = createRuleTester(fixture("empty-app"));

const missing = (start: string) => ({ messageId: "missingRequestId", data: { start } }) as const;
const counter = (start: string, what: string) => ({ messageId: "counterRequestId", data: { start, what } }) as const;

const EXPRESS = [
  'import express from "express";',
  "",
  "const app = express();",
  "app.use(express.json());",
  'app.get("/", (_req, res) => res.json({ ok: true }));',
  "app.listen(3000);",
];
const EXPRESS_WITH_IDS = [
  'import express from "express";',
  'import { randomUUID } from "node:crypto";',
  "",
  "const app = express();",
  "",
  "app.use((req, res, next) => {",
  "  res.locals.requestId = randomUUID();",
  '  res.setHeader("x-request-id", res.locals.requestId);',
  "  next();",
  "});",
  ...EXPRESS.slice(3),
];

const FASTIFY = [
  'import Fastify from "fastify";',
  "",
  "const app = Fastify({ logger: true });",
  'app.get("/", async () => ({ ok: true }));',
  "await app.listen({ port: 3000 });",
];
const FASTIFY_WITH_IDS = [
  'import Fastify from "fastify";',
  'import { randomUUID } from "node:crypto";',
  "",
  "const app = Fastify({ logger: true, genReqId: () => randomUUID() });",
  "",
  'app.addHook("onRequest", async (request, reply) => {',
  '  reply.header("x-request-id", request.id);',
  "});",
  ...FASTIFY.slice(3),
];

ruleTester.run("require-request-id", rule, {
  valid: [
    // Express: a middleware of this file sets the header; a request-id package.
    {
      code: lines(
        'import express from "express";',
        'import { randomUUID } from "node:crypto";',
        "const app = express();",
        'app.use((req, res, next) => { res.setHeader("X-Request-Id", randomUUID()); next(); });',
        "app.listen(3000);",
      ),
      filename: files.ts,
    },
    {
      code: lines(
        'const express = require("express");',
        'const rTracer = require("cls-rtracer");',
        "const app = express();",
        "app.use(rTracer.expressMiddleware());",
        "app.listen(3000);",
      ),
      filename: files.cjs,
    },
    // pino-http with its own id generator.
    {
      code: lines(
        'import express from "express";',
        'import { pinoHttp } from "pino-http";',
        'import { randomUUID } from "node:crypto";',
        "const app = express();",
        "app.use(pinoHttp({ genReqId: () => randomUUID() }));",
        "app.listen(3000);",
      ),
      filename: files.ts,
    },
    // Fastify with unique ids; trusting the proxy's header.
    {
      code: lines(
        'import Fastify from "fastify";',
        'import { randomUUID } from "node:crypto";',
        "const app = Fastify({ logger: true, genReqId: () => randomUUID() });",
        "await app.listen({ port: 3000 });",
      ),
      filename: files.ts,
    },
    {
      code: lines(
        'import Fastify from "fastify";',
        'const app = Fastify({ logger: true, requestIdHeader: "x-request-id" });',
        "await app.listen({ port: 3000 });",
      ),
      filename: files.ts,
    },
    // Hono's built-in middleware; Koa's state.
    {
      code: lines(
        'import { serve } from "@hono/node-server";',
        'import { Hono } from "hono";',
        'import { requestId } from "hono/request-id";',
        "const app = new Hono();",
        'app.use("*", requestId());',
        "serve({ fetch: app.fetch, port: 3000 });",
      ),
      filename: files.ts,
    },
    {
      code: lines(
        'import Koa from "koa";',
        'import { randomUUID } from "node:crypto";',
        "const app = new Koa();",
        "app.use(async (ctx, next) => { ctx.state.requestId = randomUUID(); await next(); });",
        "app.listen(3000);",
      ),
      filename: files.ts,
    },
    // NestJS with nestjs-cls generating ids.
    {
      code: lines(
        'import { NestFactory } from "@nestjs/core";',
        'import { ClsModule } from "nestjs-cls";',
        'import { AppModule } from "./app.module";',
        "export const cls = ClsModule.forRoot({ middleware: { mount: true, generateId: true } });",
        "const app = await NestFactory.create(AppModule);",
        "await app.listen(3000);",
      ),
      filename: files.ts,
    },
    // Tracing stamps trace ids on the log lines.
    {
      code: lines(
        'import "@opentelemetry/auto-instrumentations-node/register";',
        'import express from "express";',
        "const app = express();",
        "app.listen(3000);",
      ),
      filename: files.ts,
    },
    // Not a production start: a test file, a development server, a bare Node server.
    {
      code: lines('import express from "express";', "const app = express();", "app.listen(0);"),
      filename: "src/server.test.ts",
    },
    {
      code: lines('import http from "node:http";', 'http.createServer((req, res) => res.end("ok")).listen(3000);'),
      filename: files.ts,
    },
    // Fastify: a handler logging with `request.log`; a logger whose calls the fix could not keep (winston).
    {
      code: lines(
        'import Fastify from "fastify";',
        'import { randomUUID } from "node:crypto";',
        "const app = Fastify({ logger: true, genReqId: () => randomUUID() });",
        'app.get("/", async (request) => { request.log.info({ id: 1 }, "listed"); return []; });',
        "await app.listen({ port: 3000 });",
      ),
      filename: files.ts,
    },
    {
      code: lines(
        'import Fastify from "fastify";',
        'import winston from "winston";',
        "const logger = winston.createLogger();",
        'const app = Fastify({ logger: true, requestIdHeader: "x-request-id" });',
        'app.get("/", async () => { logger.info("listed"); return []; });',
        "await app.listen({ port: 3000 });",
      ),
      filename: files.ts,
    },
    // Next.js: middleware that sets the header.
    {
      code: lines(
        'import { NextResponse, type NextRequest } from "next/server";',
        "export function middleware(request: NextRequest) {",
        "  const response = NextResponse.next();",
        '  response.headers.set("x-request-id", crypto.randomUUID());',
        "  return response;",
        "}",
      ),
      filename: "middleware.ts",
    },
  ],
  invalid: [
    {
      // Express: a middleware of the app's own is suggested, never applied.
      code: EXPRESS.join("\n"),
      filename: files.ts,
      errors: [
        {
          ...missing("app.listen()"),
          line: 6,
          column: 1,
          endColumn: 17,
          suggestions: [{ messageId: "addRequestIdMiddleware", output: EXPRESS_WITH_IDS.join("\n") }],
        },
      ],
    },
    {
      // Koa, CommonJS, no semicolons.
      code: lines('const Koa = require("koa")', "const app = new Koa()", "app.listen(3000)"),
      filename: files.cjs,
      errors: [
        {
          ...missing("app.listen()"),
          suggestions: [
            {
              messageId: "addRequestIdMiddleware",
              output: lines(
                'const Koa = require("koa")',
                'const { randomUUID } = require("node:crypto")',
                "const app = new Koa()",
                "",
                "app.use(async (ctx, next) => {",
                "  ctx.state.requestId = randomUUID()",
                '  ctx.set("x-request-id", ctx.state.requestId)',
                "  await next()",
                "})",
                "app.listen(3000)",
              ),
            },
          ],
        },
      ],
    },
    {
      // Hono: its own middleware.
      code: lines(
        'import { serve } from "@hono/node-server";',
        'import { Hono } from "hono";',
        "const app = new Hono();",
        "serve({ fetch: app.fetch, port: 3000 });",
      ),
      filename: files.ts,
      errors: [
        {
          ...missing("serve()"),
          suggestions: [
            {
              messageId: "useHonoRequestId",
              output: lines(
                'import { serve } from "@hono/node-server";',
                'import { Hono } from "hono";',
                'import { requestId } from "hono/request-id";',
                "const app = new Hono();",
                "",
                "app.use(requestId());",
                "serve({ fetch: app.fetch, port: 3000 });",
              ),
            },
          ],
        },
      ],
    },
    {
      // Fastify: built-in ids count per process.
      code: FASTIFY.join("\n"),
      filename: files.ts,
      errors: [
        {
          ...counter("app.listen()", "Fastify's built-in ids"),
          line: 5,
          suggestions: [{ messageId: "generateFastifyIds", output: FASTIFY_WITH_IDS.join("\n") }],
        },
      ],
    },
    {
      // Fastify without options: its logger is off, so no line carries an id; the options object is added.
      code: lines('import Fastify from "fastify";', "const app = Fastify();", "await app.listen({ port: 3000 });"),
      filename: files.ts,
      errors: [
        {
          ...missing("app.listen()"),
          suggestions: [
            {
              messageId: "generateFastifyIds",
              output: lines(
                'import Fastify from "fastify";',
                'import { randomUUID } from "node:crypto";',
                "const app = Fastify({ genReqId: () => randomUUID() });",
                "",
                'app.addHook("onRequest", async (request, reply) => {',
                '  reply.header("x-request-id", request.id);',
                "});",
                "await app.listen({ port: 3000 });",
              ),
            },
          ],
        },
      ],
    },
    {
      // NestJS: reported where it listens; nothing to suggest without a dependency.
      code: lines(
        'import { NestFactory } from "@nestjs/core";',
        'import { AppModule } from "./app.module";',
        "const app = await NestFactory.create(AppModule);",
        "await app.listen(3000);",
      ),
      filename: files.ts,
      errors: [{ ...missing("app.listen()"), line: 4, suggestions: [] }],
    },
    {
      // Next.js: the root middleware every request passes.
      code: lines(
        'import { NextResponse } from "next/server";',
        "export function middleware() {",
        "  return NextResponse.next();",
        "}",
      ),
      filename: "middleware.ts",
      errors: [{ messageId: "missingInMiddleware", line: 2, column: 17 }],
    },
    {
      // Fastify: the app-wide logger in a handler drops the request's id; `request.log` is always there.
      code: lines(
        'import Fastify from "fastify";',
        'import { randomUUID } from "node:crypto";',
        "const app = Fastify({ logger: true, genReqId: () => randomUUID() });",
        "app.setErrorHandler((err, request, reply) => {",
        '  app.log.error({ err, url: request.url }, "Unhandled error");',
        '  return reply.code(500).send({ message: "Internal Server Error" });',
        "});",
        'app.get("/users", async (req) => {',
        '  app.log.info({ query: req.query }, "listing users");',
        "  return [];",
        "});",
        "await app.listen({ port: 3000 });",
      ),
      output: lines(
        'import Fastify from "fastify";',
        'import { randomUUID } from "node:crypto";',
        "const app = Fastify({ logger: true, genReqId: () => randomUUID() });",
        "app.setErrorHandler((err, request, reply) => {",
        '  request.log.error({ err, url: request.url }, "Unhandled error");',
        '  return reply.code(500).send({ message: "Internal Server Error" });',
        "});",
        'app.get("/users", async (req) => {',
        '  req.log.info({ query: req.query }, "listing users");',
        "  return [];",
        "});",
        "await app.listen({ port: 3000 });",
      ),
      errors: [
        {
          messageId: "globalLogger",
          data: { logger: "app.log", requestLogger: "request.log" },
          line: 5,
          column: 3,
          endColumn: 10,
        },
        { messageId: "globalLogger", data: { logger: "app.log", requestLogger: "req.log" }, line: 9 },
      ],
    },
  ],
});

createRuleTester(fixture("request-id/with-middleware")).run("require-request-id: ids given in another file", rule, {
  valid: [
    {
      code: lines(
        'import express from "express";',
        'import { requestId } from "./middleware/request-id.js";',
        "const app = express();",
        "app.use(requestId);",
        "app.listen(3000);",
      ),
      filename: files.ts,
    },
  ],
  invalid: [],
});

createRuleTester(fixture("request-id/split-app")).run("require-request-id: an app created in another file", rule, {
  valid: [],
  invalid: [
    {
      // The framework comes from the file that creates the app; there is no statement here to add to.
      code: lines('import { app } from "./app.js";', "app.listen(3000);"),
      filename: files.ts,
      errors: [{ ...missing("app.listen()"), suggestions: [] }],
    },
  ],
});

createRuleTester(fixture("request-id/pino-counter")).run("require-request-id: pino-http's default ids", rule, {
  valid: [],
  invalid: [
    {
      code: lines(
        'import express from "express";',
        'import { httpLogger } from "./logger.js";',
        "const app = express();",
        "app.use(httpLogger);",
        "app.listen(3000);",
      ),
      filename: files.ts,
      errors: [{ ...counter("app.listen()", "pino-http's default ids"), suggestions: [] }],
    },
    {
      // `req.log` exists once pino-http's middleware ran: offered, not applied.
      code: lines(
        'import { Router } from "express";',
        'import { logger } from "../logger.js";',
        "export const users = Router();",
        'users.get("/users", (req, res) => {',
        '  logger.info({ count: 0 }, "listing users");',
        "  res.json([]);",
        "});",
      ),
      filename: "src/routes/users.ts",
      errors: [
        {
          messageId: "globalLogger",
          data: { logger: "logger", requestLogger: "req.log" },
          suggestions: [
            {
              messageId: "useRequestLogger",
              data: { requestLogger: "req.log" },
              output: lines(
                'import { Router } from "express";',
                'import { logger } from "../logger.js";',
                "export const users = Router();",
                'users.get("/users", (req, res) => {',
                '  req.log.info({ count: 0 }, "listing users");',
                "  res.json([]);",
                "});",
              ),
            },
          ],
        },
      ],
    },
  ],
});

createRuleTester(fixture("request-id/fastify-logger")).run("require-request-id: Fastify plugins in other files", rule, {
  valid: [
    // `request.log` and a child of it carry the id.
    {
      code: lines(
        'import type { FastifyInstance } from "fastify";',
        "export default async function users(fastify: FastifyInstance) {",
        '  fastify.get("/users", async (request) => {',
        '    request.log.child({ route: "users" }).info("listing users");',
        "    return [];",
        "  });",
        "}",
      ),
      filename: "src/routes/users.ts",
    },
  ],
  invalid: [
    {
      // The app's logger is on (src/app.ts): the plugin's handler logs through the instance instead.
      code: lines(
        'import type { FastifyInstance } from "fastify";',
        "export default async function users(fastify: FastifyInstance) {",
        '  fastify.get("/users", async (request) => {',
        '    fastify.log.info({ query: request.query }, "listing users");',
        "    return [];",
        "  });",
        "}",
      ),
      output: lines(
        'import type { FastifyInstance } from "fastify";',
        "export default async function users(fastify: FastifyInstance) {",
        '  fastify.get("/users", async (request) => {',
        '    request.log.info({ query: request.query }, "listing users");',
        "    return [];",
        "  });",
        "}",
      ),
      filename: "src/routes/users.ts",
      errors: [{ messageId: "globalLogger", data: { logger: "fastify.log", requestLogger: "request.log" } }],
    },
  ],
});

describe("require-request-id suggestions", () => {
  it("type-check where the app did", () => {
    expect(getTypeErrors({ "server.ts": EXPRESS.join("\n") })).toEqual([]);
    expect(getTypeErrors({ "server.ts": EXPRESS_WITH_IDS.join("\n") })).toEqual([]);
    expect(getTypeErrors({ "server.ts": FASTIFY.join("\n") })).toEqual([]);
    expect(getTypeErrors({ "server.ts": FASTIFY_WITH_IDS.join("\n") })).toEqual([]);
  });
});
