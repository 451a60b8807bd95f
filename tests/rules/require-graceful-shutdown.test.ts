import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import rule from "../../src/rules/require-graceful-shutdown.js";
import { lintProjectFile, lintWithFix } from "../utils/lint-with-fix.js";
import { createRuleTester, files, INDEX_SIGNATURE_PROJECTS } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";

const ruleTester = createRuleTester();

interface HandlerOptions {
  indent?: string;
  semi?: boolean;
  signals?: string[];
  /** The fixed file is TypeScript: the signal list is `as const`. Default `true`. */
  ts?: boolean;
}

/** The handler the fix appends for a server whose value is an `http.Server`: `server.close(cb)`. */
function closeServer(
  server: string,
  { indent = "", semi = true, signals = ["SIGTERM", "SIGINT"], ts = true }: HandlerOptions = {},
): string {
  const t = semi ? ";" : "";
  const body = [
    `setTimeout(() => process.exit(1), Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000)).unref()${t}`,
    `${server}.close((error) => process.exit(error ? 1 : 0))${t}`,
  ];
  return wrap(body, "() =>", { indent, semi, signals, ts });
}

/** The handler the fix appends for Fastify: `await fastify.close()`. */
function closeFastify(
  instance: string,
  { indent = "", semi = true, signals = ["SIGTERM", "SIGINT"], ts = true }: HandlerOptions = {},
): string {
  const t = semi ? ";" : "";
  const body = [
    `setTimeout(() => process.exit(1), Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000)).unref()${t}`,
    "try {",
    `  await ${instance}.close()${t}`,
    `  process.exit(0)${t}`,
    "} catch {",
    `  process.exit(1)${t}`,
    "}",
  ];
  return wrap(body, "async () =>", { indent, semi, signals, ts });
}

function wrap(
  body: string[],
  listener: string,
  { indent = "", semi = true, signals = [], ts = true }: HandlerOptions,
): string {
  const t = semi ? ";" : "";
  const lines = [
    "// Graceful shutdown: stop taking connections, let in-flight requests finish, then exit.",
    "// The unref()'d timer forces the exit if they take longer than SHUTDOWN_TIMEOUT_MS.",
    ...(signals.length === 1
      ? [`process.once("${signals[0]}", ${listener} {`, ...body.map((l) => `  ${l}`), `})${t}`]
      : [
          `for (const signal of [${signals.map((s) => `"${s}"`).join(", ")}]${ts ? " as const" : ""}) {`,
          `  process.once(signal, ${listener} {`,
          ...body.map((l) => `    ${l}`),
          `  })${t}`,
          "}",
        ]),
  ];
  return lines.map((line) => `${indent}${line}`).join("\n");
}

const lines = (...parts: string[]) => parts.join("\n");

const expressApp = lines(
  'import express from "express";',
  "const app = express();",
  'app.get("/", (_req, res) => { res.send("hi"); });',
  'app.listen(3000, () => console.log("listening"));',
);

ruleTester.run("require-graceful-shutdown", rule, {
  valid: [
    {
      name: "Express: a SIGTERM handler that closes the server",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "const server = app.listen(3000);",
        'process.on("SIGTERM", () => server.close(() => process.exit(0)));',
      ),
      filename: files.ts,
    },
    {
      name: "process.once and a template-literal signal count",
      code: lines(
        'const express = require("express");',
        "const app = express();",
        "const server = app.listen(3000);",
        "process.once(`SIGTERM`, shutdown);",
      ),
      filename: files.cjs,
    },
    {
      name: "a signal list iterated with forEach",
      code: lines(
        'import Koa from "koa";',
        "const app = new Koa();",
        "const server = app.listen(3000);",
        '["SIGINT", "SIGTERM"].forEach((signal) => process.on(signal, () => server.close()));',
      ),
      filename: files.ts,
    },
    {
      name: "a signal list in a constant, iterated with for…of",
      code: lines(
        'import Fastify from "fastify";',
        "const fastify = Fastify();",
        'const SIGNALS = ["SIGTERM", "SIGINT"] as const;',
        "for (const signal of SIGNALS) process.once(signal, () => fastify.close());",
        "await fastify.listen({ port: 3000 });",
      ),
      filename: files.ts,
    },
    {
      name: "@godaddy/terminus wired to the server",
      code: lines(
        'import http from "node:http";',
        'import { createTerminus } from "@godaddy/terminus";',
        'import express from "express";',
        "const app = express();",
        "const server = http.createServer(app);",
        "createTerminus(server, { signals: ['SIGTERM'], onSignal: () => db.close() });",
        "server.listen(3000);",
      ),
      filename: files.ts,
    },
    {
      name: "http-terminator",
      code: lines(
        'import { createHttpTerminator } from "http-terminator";',
        'import express from "express";',
        "const app = express();",
        "const server = app.listen(3000);",
        "const terminator = createHttpTerminator({ server });",
      ),
      filename: files.ts,
    },
    {
      name: "close-with-grace, required (CommonJS Fastify)",
      code: lines(
        'const closeWithGrace = require("close-with-grace");',
        'const fastify = require("fastify")();',
        "closeWithGrace({ delay: 500 }, async () => { await fastify.close(); });",
        "fastify.listen({ port: 3000 });",
      ),
      filename: files.cjs,
    },
    {
      name: "Fastify with closeGraceDelay (fastify-cli style)",
      code: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        "export const options = { closeGraceDelay: 1000 };",
        "app.listen({ port: 3000 });",
      ),
      filename: files.ts,
    },
    {
      name: "NestJS with enableShutdownHooks",
      code: lines(
        'import { NestFactory } from "@nestjs/core";',
        'import { AppModule } from "./app.module";',
        "async function bootstrap() {",
        "  const app = await NestFactory.create(AppModule);",
        "  app.enableShutdownHooks();",
        "  await app.listen(3000);",
        "}",
        "bootstrap();",
      ),
      filename: files.ts,
    },
    {
      name: "a project helper named like a shutdown installer",
      code: lines(
        'import express from "express";',
        'import { setupGracefulShutdown } from "./lib/lifecycle.js";',
        "const app = express();",
        "setupGracefulShutdown(app.listen(3000));",
      ),
      filename: files.ts,
    },
    {
      name: "the project's own shutdown module",
      code: lines(
        'import express from "express";',
        'import { onSignals } from "./shutdown.js";',
        "const app = express();",
        "onSignals(app.listen(3000));",
      ),
      filename: files.ts,
    },
    {
      name: "a helper named in shutdownHelpers",
      code: lines(
        'import express from "express";',
        'import { bindLifecycle } from "./lib/lifecycle.js";',
        "const app = express();",
        "bindLifecycle(app.listen(3000));",
      ),
      filename: files.ts,
      options: [{ shutdownHelpers: ["bindLifecycle"] }],
    },
    {
      name: "not server starts: routers, Hono apps, emitters, unknown names",
      code: lines(
        'import { Router } from "express";',
        'import { Hono } from "hono";',
        "const router = Router();",
        "router.listen(3000);",
        "const hono = new Hono();",
        "export default hono;",
        'socket.listen("message");',
        "listen(3000);",
      ),
      filename: files.ts,
    },
    {
      name: "Bun.serve and Deno.serve are other runtimes",
      code: lines(
        'import { Hono } from "hono";',
        "const app = new Hono();",
        "Bun.serve({ port: 3000, fetch: app.fetch });",
        "Deno.serve({ port: 8000 }, app.fetch);",
      ),
      filename: files.ts,
    },
    {
      name: "a server started inside a test hook",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "let server;",
        "beforeAll(() => { server = app.listen(0); });",
        "afterAll(() => server.close());",
      ),
      filename: files.ts,
    },
    {
      name: "a listen() wrapper that returns the server to its caller (Koa's own shape)",
      code: lines(
        'import http from "node:http";',
        "export class App {",
        "  listen(...args: number[]) {",
        "    const server = http.createServer(this.callback());",
        "    return server.listen(...args);",
        "  }",
        "}",
        'import express from "express";',
        "export const start = (port: number) => express().listen(port);",
      ),
      filename: files.ts,
    },
    {
      name: "a helper that listens on a server its caller created",
      code: lines(
        "export function listenOn(server, options) {",
        '  server.once("error", onError);',
        "  server.listen(options);",
        "}",
      ),
      filename: files.js,
    },
    {
      name: "a free-port probe that closes the server at once",
      code: lines(
        'const http = require("http");',
        "const server = http.createServer(() => {});",
        "server.listen(0, () => { const { port } = server.address(); server.close(); resolve(port); });",
      ),
      filename: files.cjs,
    },
    {
      name: "a module that exports a stop() closing its server (signals handled by the caller)",
      code: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        "export async function start() { await app.listen({ port: 3000 }); }",
        "export async function stop() { await app.close(); }",
      ),
      filename: files.ts,
    },
    {
      name: "a test file",
      code: lines('import express from "express";', "const app = express();", "const server = app.listen(0);"),
      filename: "src/server.test.ts",
    },
  ],
  invalid: [
    {
      name: "Express (ESM, TypeScript): the listen's value is captured and a handler appended",
      code: expressApp,
      filename: files.ts,
      output: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/", (_req, res) => { res.send("hi"); });',
        'const server = app.listen(3000, () => console.log("listening"));',
        "",
        "// Graceful shutdown: stop taking connections, let in-flight requests finish, then exit.",
        "// The unref()'d timer forces the exit if they take longer than SHUTDOWN_TIMEOUT_MS.",
        'for (const signal of ["SIGTERM", "SIGINT"] as const) {',
        "  process.once(signal, () => {",
        "    setTimeout(() => process.exit(1), Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000)).unref();",
        "    server.close((error) => process.exit(error ? 1 : 0));",
        "  });",
        "}",
      ),
      errors: [
        {
          messageId: "missingShutdown",
          data: { start: "app.listen()" },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 49,
        },
      ],
    },
    {
      name: "Express (CommonJS): an existing `server` binding is reused",
      code: lines(
        'const express = require("express");',
        "const app = express();",
        "const PORT = process.env.PORT || 3000;",
        "const server = app.listen(PORT);",
      ),
      filename: files.cjs,
      output: lines(
        'const express = require("express");',
        "const app = express();",
        "const PORT = process.env.PORT || 3000;",
        "const server = app.listen(PORT);",
        "",
        closeServer("server", { ts: false }),
      ),
      errors: [{ messageId: "missingShutdown", data: { start: "app.listen()" }, line: 4, column: 16 }],
    },
    {
      name: "Express: `server` is taken, so the capture is named httpServer",
      code: lines(
        'import express from "express";',
        'import { server } from "./config.js";',
        "const app = express();",
        "app.listen(server.port);",
      ),
      filename: files.ts,
      output: lines(
        'import express from "express";',
        'import { server } from "./config.js";',
        "const app = express();",
        "const httpServer = app.listen(server.port);",
        "",
        closeServer("httpServer"),
      ),
      errors: [{ messageId: "missingShutdown", line: 4 }],
    },
    {
      name: "Express in an async main(): the handler goes inside the function, after the listen",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "async function main() {",
        "  await db.connect();",
        "  app.listen(3000);",
        "}",
        "main();",
      ),
      filename: files.ts,
      output: lines(
        'import express from "express";',
        "const app = express();",
        "async function main() {",
        "  await db.connect();",
        "  const server = app.listen(3000);",
        "",
        closeServer("server", { indent: "  " }),
        "}",
        "main();",
      ),
      errors: [{ messageId: "missingShutdown", line: 5, column: 3 }],
    },
    {
      name: "an exported server",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "export const server = app.listen(3000);",
      ),
      filename: files.ts,
      output: lines(
        'import express from "express";',
        "const app = express();",
        "export const server = app.listen(3000);",
        "",
        closeServer("server"),
      ),
      errors: [{ messageId: "missingShutdown" }],
    },
    {
      name: "a server assigned to a class field (express imported): closes this.server",
      code: lines(
        'import express from "express";',
        "export class Api {",
        "  app = express();",
        "  server: unknown;",
        "  start(port: number) {",
        "    this.server = this.app.listen(port);",
        "  }",
        "}",
      ),
      filename: files.ts,
      output: lines(
        'import express from "express";',
        "export class Api {",
        "  app = express();",
        "  server: unknown;",
        "  start(port: number) {",
        "    this.server = this.app.listen(port);",
        "",
        closeServer("server", { indent: "    " }).replace(
          "SHUTDOWN_TIMEOUT_MS.\n",
          "SHUTDOWN_TIMEOUT_MS.\n    const server = this.server;\n",
        ),
        "  }",
        "}",
      ),
      errors: [{ messageId: "missingShutdown", data: { start: "this.app.listen()" }, line: 6, column: 19 }],
    },
    {
      name: "a server assigned to a let: that binding is closed",
      code: lines(
        'const express = require("express");',
        "const app = express();",
        "let server;",
        "server = app.listen(3000);",
      ),
      filename: files.cjs,
      output: lines(
        'const express = require("express");',
        "const app = express();",
        "let server;",
        "server = app.listen(3000);",
        "",
        closeServer("server", { ts: false }),
      ),
      errors: [{ messageId: "missingShutdown", line: 4, column: 10 }],
    },
    {
      name: "a listen as the body of an if without braces: reported, no fix",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'if (process.env.NODE_ENV !== "test") app.listen(3000);',
      ),
      filename: files.ts,
      output: null,
      errors: [{ messageId: "missingShutdown", line: 3, column: 38 }],
    },
    {
      name: "Koa",
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
        "app.use((ctx) => { ctx.body = 'hi'; });",
        "const server = app.listen(3000);",
        "",
        closeServer("server"),
      ),
      errors: [{ messageId: "missingShutdown", data: { start: "app.listen()" }, line: 4, column: 1 }],
    },
    {
      name: "Fastify (ESM, top-level await): the instance is closed",
      code: lines(
        'import Fastify from "fastify";',
        "const fastify = Fastify({ logger: true });",
        'await fastify.listen({ port: 3000, host: "0.0.0.0" });',
      ),
      filename: files.ts,
      output: lines(
        'import Fastify from "fastify";',
        "const fastify = Fastify({ logger: true });",
        'await fastify.listen({ port: 3000, host: "0.0.0.0" });',
        "",
        "// Graceful shutdown: stop taking connections, let in-flight requests finish, then exit.",
        "// The unref()'d timer forces the exit if they take longer than SHUTDOWN_TIMEOUT_MS.",
        'for (const signal of ["SIGTERM", "SIGINT"] as const) {',
        "  process.once(signal, async () => {",
        "    setTimeout(() => process.exit(1), Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000)).unref();",
        "    try {",
        "      await fastify.close();",
        "      process.exit(0);",
        "    } catch {",
        "      process.exit(1);",
        "    }",
        "  });",
        "}",
      ),
      errors: [{ messageId: "missingShutdown", data: { start: "fastify.listen()" }, line: 3, column: 7 }],
    },
    {
      name: "Fastify (CommonJS): the documented try/catch start function",
      code: lines(
        'const app = require("fastify")({ logger: true });',
        "const start = async () => {",
        "  try {",
        "    await app.listen({ port: 3000 });",
        "  } catch (err) {",
        "    app.log.error(err);",
        "    process.exit(1);",
        "  }",
        "};",
        "start();",
      ),
      filename: files.cjs,
      output: lines(
        'const app = require("fastify")({ logger: true });',
        "const start = async () => {",
        "  try {",
        "    await app.listen({ port: 3000 });",
        "",
        closeFastify("app", { indent: "    ", ts: false }),
        "  } catch (err) {",
        "    app.log.error(err);",
        "    process.exit(1);",
        "  }",
        "};",
        "start();",
      ),
      errors: [{ messageId: "missingShutdown", data: { start: "app.listen()" }, line: 4 }],
    },
    {
      name: "Hono on @hono/node-server: serve()'s value is the server",
      code: lines(
        'import { Hono } from "hono";',
        'import { serve } from "@hono/node-server";',
        "const app = new Hono();",
        'app.get("/", (c) => c.text("hi"));',
        "serve({ fetch: app.fetch, port: 3000 }, (info) => console.log(info.port));",
      ),
      filename: files.ts,
      output: lines(
        'import { Hono } from "hono";',
        'import { serve } from "@hono/node-server";',
        "const app = new Hono();",
        'app.get("/", (c) => c.text("hi"));',
        "const server = serve({ fetch: app.fetch, port: 3000 }, (info) => console.log(info.port));",
        "",
        closeServer("server"),
      ),
      errors: [{ messageId: "missingShutdown", data: { start: "serve()" }, line: 5, column: 1 }],
    },
    {
      name: "Hono (CommonJS, no semicolons)",
      code: lines(
        'const { Hono } = require("hono")',
        'const { serve } = require("@hono/node-server")',
        "const app = new Hono()",
        "serve(app)",
      ),
      filename: files.cjs,
      output: lines(
        'const { Hono } = require("hono")',
        'const { serve } = require("@hono/node-server")',
        "const app = new Hono()",
        "const server = serve(app)",
        "",
        closeServer("server", { semi: false, ts: false }),
      ),
      errors: [{ messageId: "missingShutdown", data: { start: "serve()" } }],
    },
    {
      name: "http.createServer(app).listen(): listen returns the server",
      code: lines(
        'import http from "node:http";',
        'import express from "express";',
        "const app = express();",
        "http.createServer(app).listen(8080);",
      ),
      filename: files.ts,
      output: lines(
        'import http from "node:http";',
        'import express from "express";',
        "const app = express();",
        "const server = http.createServer(app).listen(8080);",
        "",
        closeServer("server"),
      ),
      errors: [{ messageId: "missingShutdown", data: { start: "http.createServer(app).listen()" }, line: 4 }],
    },
    {
      name: "plain http (CommonJS, no semicolons) with SIGINT already handled: SIGTERM only",
      code: lines(
        'const http = require("http")',
        'const server = http.createServer((req, res) => res.end("ok"))',
        "server.listen(3000)",
        'process.on("SIGINT", () => process.exit(0))',
      ),
      filename: files.cjs,
      output: lines(
        'const http = require("http")',
        'const server = http.createServer((req, res) => res.end("ok"))',
        "server.listen(3000)",
        "",
        closeServer("server", { semi: false, signals: ["SIGTERM"] }),
        'process.on("SIGINT", () => process.exit(0))',
      ),
      errors: [{ messageId: "missingShutdown", data: { start: "server.listen()" }, line: 3, column: 1 }],
    },
    {
      name: "plain https with a named createServer import (JS, ESM)",
      code: lines(
        'import { createServer } from "node:https";',
        "const server = createServer({ key, cert }, handler);",
        "server.listen(443, () => {});",
      ),
      filename: files.js,
      output: lines(
        'import { createServer } from "node:https";',
        "const server = createServer({ key, cert }, handler);",
        "server.listen(443, () => {});",
        "",
        closeServer("server", { ts: false }),
      ),
      errors: [{ messageId: "missingShutdown", data: { start: "server.listen()" } }],
    },
    {
      name: "a signal handled through a variable, but never SIGTERM",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "const server = app.listen(3000);",
        'const sig = "SIGINT";',
        "process.on(sig, () => server.close());",
      ),
      filename: files.ts,
      output: lines(
        'import express from "express";',
        "const app = express();",
        "const server = app.listen(3000);",
        "",
        closeServer("server"),
        'const sig = "SIGINT";',
        "process.on(sig, () => server.close());",
      ),
      errors: [{ messageId: "missingShutdown" }],
    },
    {
      name: "NestJS: enableShutdownHooks() before the listen",
      code: lines(
        'import { NestFactory } from "@nestjs/core";',
        'import { AppModule } from "./app.module";',
        "async function bootstrap() {",
        "  const app = await NestFactory.create(AppModule);",
        "  await app.listen(process.env.PORT ?? 3000);",
        "}",
        "bootstrap();",
      ),
      filename: files.ts,
      output: lines(
        'import { NestFactory } from "@nestjs/core";',
        'import { AppModule } from "./app.module";',
        "async function bootstrap() {",
        "  const app = await NestFactory.create(AppModule);",
        "  app.enableShutdownHooks();",
        "  await app.listen(process.env.PORT ?? 3000);",
        "}",
        "bootstrap();",
      ),
      errors: [{ messageId: "missingShutdown", data: { start: "app.listen()" }, line: 5, column: 9 }],
    },
    {
      name: "an app imported from another file: the same edit, as a suggestion",
      code: lines('import app from "./app.js";', "app.listen(3000);"),
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "missingShutdown",
          data: { start: "app.listen()" },
          suggestions: [
            {
              messageId: "addShutdownHandler",
              data: { server: "server" },
              output: lines(
                'import app from "./app.js";',
                "const server = app.listen(3000);",
                "",
                closeServer("server"),
              ),
            },
          ],
        },
      ],
    },
    {
      name: "an imported instance named fastify: closed the Fastify way, as a suggestion",
      code: lines('import { fastify } from "./app.js";', "await fastify.listen({ port: 3000 });"),
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "missingShutdown",
          suggestions: [
            {
              messageId: "addShutdownHandler",
              data: { server: "fastify" },
              output: lines(
                'import { fastify } from "./app.js";',
                "await fastify.listen({ port: 3000 });",
                "",
                closeFastify("fastify"),
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a listen in an arrow's expression body: reported, no fix",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "db.connect().then(() => app.listen(3000));",
      ),
      filename: files.ts,
      output: null,
      errors: [{ messageId: "missingShutdown", line: 3, column: 25 }],
    },
    {
      name: "module.exports = app.listen(): reported, no fix",
      code: lines(
        'const express = require("express");',
        "const app = express();",
        "module.exports = app.listen(3000);",
      ),
      filename: files.cjs,
      output: null,
      errors: [{ messageId: "missingShutdown" }],
    },
    {
      name: "two servers in one file: each reported, no fix (one handler must close both)",
      code: lines(
        'import http from "node:http";',
        'import https from "node:https";',
        'import express from "express";',
        "const app = express();",
        "http.createServer(app).listen(80);",
        "https.createServer({ key, cert }, app).listen(443);",
      ),
      filename: files.ts,
      output: null,
      errors: [
        { messageId: "missingShutdown", line: 5 },
        { messageId: "missingShutdown", line: 6 },
      ],
    },
  ],
});

/** `expressApp` fixed, with the timeout read written `read`. */
const fixedExpressApp = (read: string) =>
  lines(
    'import express from "express";',
    "const app = express();",
    'app.get("/", (_req, res) => { res.send("hi"); });',
    'const server = app.listen(3000, () => console.log("listening"));',
    "",
    closeServer("server").replace("process.env.SHUTDOWN_TIMEOUT_MS", read),
  );

// Projects whose tsconfig sets `noPropertyAccessFromIndexSignature` (see INDEX_SIGNATURE_PROJECTS).
createRuleTester(INDEX_SIGNATURE_PROJECTS).run(
  'require-graceful-shutdown: projects that require process.env["NAME"]',
  rule,
  {
    valid: [],
    invalid: [
      {
        name: "the project's tsconfig sets noPropertyAccessFromIndexSignature: a bracketed read",
        code: expressApp,
        filename: "strict/src/server.ts",
        output: fixedExpressApp('process.env["SHUTDOWN_TIMEOUT_MS"]'),
        errors: [{ messageId: "missingShutdown", data: { start: "app.listen()" } }],
      },
      {
        name: "the option comes from a relative base the tsconfig extends",
        code: expressApp,
        filename: "extends/src/server.ts",
        output: fixedExpressApp('process.env["SHUTDOWN_TIMEOUT_MS"]'),
        errors: [{ messageId: "missingShutdown", data: { start: "app.listen()" } }],
      },
      {
        name: "a tsconfig that turns the base's option off: a dotted read",
        code: expressApp,
        filename: "loose/src/server.ts",
        output: fixedExpressApp("process.env.SHUTDOWN_TIMEOUT_MS"),
        errors: [{ messageId: "missingShutdown", data: { start: "app.listen()" } }],
      },
    ],
  },
);

ruleTester.run("require-graceful-shutdown: the timeout read follows the file", rule, {
  valid: [],
  invalid: [
    {
      name: "a file that writes its reads bracketed gets a bracketed read",
      code: expressApp.replace("app.listen(3000,", 'app.listen(process.env["PORT"] ?? 3000,'),
      filename: files.ts,
      output: fixedExpressApp('process.env["SHUTDOWN_TIMEOUT_MS"]').replace(
        "app.listen(3000,",
        'app.listen(process.env["PORT"] ?? 3000,',
      ),
      errors: [{ messageId: "missingShutdown", data: { start: "app.listen()" } }],
    },
  ],
});

describe("require-graceful-shutdown under noPropertyAccessFromIndexSignature", () => {
  it("writes a handler that type-checks where a dotted read does not", () => {
    const options = { noPropertyAccessFromIndexSignature: true };
    expect(getTypeErrors({ "server.ts": fixedExpressApp('process.env["SHUTDOWN_TIMEOUT_MS"]') }, options)).toEqual([]);
    expect(getTypeErrors({ "server.ts": fixedExpressApp("process.env.SHUTDOWN_TIMEOUT_MS") }, options)).toEqual([
      "server.ts:10:58 Property 'SHUTDOWN_TIMEOUT_MS' comes from an index signature, so it must be accessed with ['SHUTDOWN_TIMEOUT_MS'].",
    ]);
  });
});

describe("require-graceful-shutdown autofix is safe on save", () => {
  const cases: { name: string; code: string; filename?: string; extra?: Record<string, string> }[] = [
    { name: "Express", code: expressApp },
    {
      name: "Koa",
      code: lines(
        'import Koa from "koa";',
        "const app = new Koa();",
        "app.use((ctx) => { ctx.body = 'hi'; });",
        "app.listen(3000);",
        "",
      ),
    },
    {
      name: "Fastify",
      code: lines(
        'import Fastify from "fastify";',
        "const fastify = Fastify({ logger: true });",
        'fastify.get("/", async () => "hi");',
        "await fastify.listen({ port: 3000 });",
        "",
      ),
    },
    {
      name: "Hono (node-server)",
      code: lines(
        'import { Hono } from "hono";',
        'import { serve } from "@hono/node-server";',
        "const app = new Hono();",
        "serve({ fetch: app.fetch, port: 3000 });",
        "",
      ),
    },
    {
      name: "plain http",
      code: lines(
        'import http from "node:http";',
        'const server = http.createServer((_req, res) => res.end("ok"));',
        "server.listen(3000);",
        "",
      ),
    },
    {
      name: "http.createServer(app) over Express",
      code: lines(
        'import http from "node:http";',
        'import express from "express";',
        "const app = express();",
        "http.createServer(app).listen(8080);",
        "",
      ),
    },
    {
      name: "NestJS",
      code: lines(
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
      ),
    },
    {
      name: "a server assigned to a typed let",
      code: lines(
        'import express from "express";',
        'import type { Server } from "node:http";',
        "const app = express();",
        "let server: Server | undefined;",
        "server = app.listen(3000);",
        "",
      ),
    },
    {
      name: "a class that keeps its server in a field",
      code: lines(
        'import express from "express";',
        'import type { Server } from "node:http";',
        "export class Api {",
        "  app = express();",
        "  server: Server | undefined;",
        "  start(port: number) {",
        "    this.server = this.app.listen(port);",
        "  }",
        "}",
        "",
      ),
    },
  ];

  for (const { name, code } of cases) {
    it(`${name}: the fixed file re-lints clean and type-checks`, () => {
      expect(getTypeErrors({ "server.ts": code })).toEqual([]);
      const result = lintWithFix("require-graceful-shutdown", code);
      expect(result.output).not.toBe(code);
      expect(result.fatal).toEqual([]);
      expect(result.remaining).toEqual([]);
      expect(getTypeErrors({ "server.ts": result.output })).toEqual([]);
    });
  }

  it("the Fastify-style suggestion for an imported instance type-checks", () => {
    const app = 'import Fastify from "fastify";\nexport const fastify = Fastify();\n';
    const code = 'import { fastify } from "./app.js";\nawait fastify.listen({ port: 3000 });\n';
    const fixed = `import { fastify } from "./app.js";\nawait fastify.listen({ port: 3000 });\n\n${closeFastify("fastify")}\n`;
    expect(getTypeErrors({ "server.ts": code, "app.ts": app })).toEqual([]);
    expect(getTypeErrors({ "server.ts": fixed, "app.ts": app })).toEqual([]);
  });
});

/**
 * The promise of the fix, shown on a real process: a fixed Express app receives SIGTERM while a request
 * is in flight, stops accepting connections, answers that request, and exits 0. Loopback only,
 * ephemeral port, every wait bounded; the child is killed whatever happens.
 */
describe("require-graceful-shutdown: the fixed Express app drains in-flight requests on SIGTERM", () => {
  const ROOT = path.resolve(import.meta.dirname, "../..");
  // Under node_modules so the child resolves `express` from the repository without a build.
  const DIR = path.join(ROOT, "node_modules", ".cache", "harden-graceful-shutdown-test");
  let child: ChildProcess | undefined;

  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    child = undefined;
    rmSync(DIR, { recursive: true, force: true });
  });

  const input = lines(
    'import express from "express";',
    "",
    "const app = express();",
    'app.get("/slow", (_req, res) => {',
    '  process.stdout.write("in-flight\\n");',
    "  setTimeout(() => res.json({ done: true }), 1500);",
    "});",
    'app.listen(0, "127.0.0.1", function () {',
    "  process.stdout.write(`listening ${this.address().port}\\n`);",
    "});",
    "",
  );

  function waitFor<T>(
    what: string,
    ms: number,
    start: (resolve: (value: T) => void, reject: (error: Error) => void) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
      start(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  function get(port: number, pathname: string): Promise<{ status: number | undefined; body: string }> {
    return new Promise((resolve, reject) => {
      const request = http.get({ host: "127.0.0.1", port, path: pathname, agent: false, timeout: 5000 }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode, body }));
        response.on("error", reject);
      });
      request.on("timeout", () => request.destroy(new Error("request timed out")));
      request.on("error", reject);
    });
  }

  it("answers the in-flight request, refuses new connections, and exits 0", { timeout: 20_000 }, async () => {
    const result = lintWithFix("require-graceful-shutdown", input, { filename: "app.mjs" });
    expect(result.fatal).toEqual([]);
    expect(result.remaining).toEqual([]);
    expect(result.output).toContain("const server = app.listen(0");
    mkdirSync(DIR, { recursive: true });
    const file = path.join(DIR, "app.mjs");
    writeFileSync(file, result.output);

    const started = spawn(process.execPath, [file], {
      cwd: DIR,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, SHUTDOWN_TIMEOUT_MS: "8000" },
    });
    child = started;
    let stdout = "";
    let stderr = "";
    started.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    started.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      started.on("exit", (code, signal) => resolve({ code, signal })),
    );
    const until = (pattern: RegExp, ms: number) =>
      waitFor<RegExpExecArray>(`${pattern} on stdout (stderr: ${stderr})`, ms, (resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (match) resolve(match);
        };
        started.stdout.on("data", check);
        started.on("exit", () => reject(new Error(`app exited early; stderr: ${stderr}`)));
        check();
      });

    const port = Number((await until(/listening (\d+)/u, 5000))[1]);
    const inFlight = get(port, "/slow");
    await until(/in-flight/u, 5000);
    const signalledAt = Date.now();
    started.kill("SIGTERM");

    // The listener closes at once: a new connection is refused while /slow is still being answered.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(get(port, "/slow")).rejects.toMatchObject({ code: "ECONNREFUSED" });

    await expect(inFlight).resolves.toEqual({ status: 200, body: '{"done":true}' });
    const exit = await waitFor<{ code: number | null; signal: NodeJS.Signals | null }>(
      "the app to exit",
      5000,
      (resolve) => void exited.then(resolve),
    );
    expect(exit).toEqual({ code: 0, signal: null });
    // Exited once the request was done, not by the 8 s forced-exit timer.
    expect(Date.now() - signalledAt).toBeLessThan(5000);
  });
});

describe("require-graceful-shutdown: a Next.js app's custom server", () => {
  const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
  const lintServer = (project: string) =>
    lintProjectFile("require-graceful-shutdown", path.join(FIXTURES, project), "src/server/index.js");

  it("is left alone when `start` is `next start`: production never runs it", () => {
    expect(lintServer("next-dev-server")).toEqual([]);
  });

  it("is reported when `start` runs it", () => {
    expect(
      lintServer("next-custom-server").map(({ messageId, line, column }) => ({ messageId, line, column })),
    ).toEqual([{ messageId: "missingShutdown", line: 12, column: 1 }]);
  });
});

describe("require-graceful-shutdown: a server Vercel runs as a function", () => {
  const APP = path.resolve(import.meta.dirname, "../fixtures/vercel-function-server");

  it("is left alone when vercel.json builds the file with @vercel/node: its listen() only runs locally", () => {
    expect(lintProjectFile("require-graceful-shutdown", APP, "server/app.ts")).toEqual([]);
  });

  it("is reported for a file vercel.json does not build", () => {
    expect(
      lintProjectFile("require-graceful-shutdown", APP, "server/server.ts").map(({ messageId, line, column }) => ({
        messageId,
        line,
        column,
      })),
    ).toEqual([{ messageId: "missingShutdown", line: 11, column: 3 }]);
  });
});
