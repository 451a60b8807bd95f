import path from "node:path";

import * as espree from "espree";
import { describe, expect, it } from "vitest";

import rule from "../../src/rules/no-print-debugging.js";
import { lintWithFix } from "../utils/lint-with-fix.js";
import { createRuleTester, files } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";

const ruleTester = createRuleTester();

/** `code` without its `line`-th line (1-based): what the "remove this call" suggestion leaves. */
function withoutLine(code: string, line: number): string {
  const lines = code.split("\n");
  lines.splice(line - 1, 1);
  return lines.join("\n");
}

function removeSuggestion(code: string, line: number, method = "log") {
  return [{ messageId: "removeCall" as const, data: { method }, output: withoutLine(code, line) }];
}

const lines = (...text: string[]): string => text.join("\n");
const strictOptions = [{ includeErrorAndWarn: true }] as const;

const pino = { harden: { logger: { name: "logger", source: "./src/logger.js", style: "pino" } } };
const winston = { harden: { logger: { name: "logger", source: "./src/logger.js", style: "winston" } } };

const expressTemplate = [
  'import express from "express";',
  "const app = express();",
  'app.post("/orders", async (req, res) => {',
  "  console.log(`Processing order ${order.id} for ${user.email}`);",
  "  res.json(order);",
  "});",
].join("\n");

const fastifyHandler = [
  'import Fastify from "fastify";',
  "const app = Fastify();",
  'app.get("/users/:id", async (request, reply) => {',
  '  console.log("fetching user", request.params);',
  "  return {};",
  "});",
].join("\n");

const honoHandler = [
  'import { Hono } from "hono";',
  "const app = new Hono();",
  'app.get("/a", (c) => {',
  '  c.var.logger.info("in a");',
  "  console.log(c.req.path);",
  '  return c.text("a");',
  "});",
].join("\n");

const koaHandler = [
  'import Router from "@koa/router";',
  "const router = new Router();",
  'router.get("/a", async (ctx) => {',
  '  ctx.log.info("a");',
  '  console.log("body", ctx.request.body);',
  "});",
].join("\n");

const nextHandler =
  'export async function POST(request: Request) {\n  const body = await request.json();\n  console.log("signup", body.email);\n  return Response.json({});\n}';

ruleTester.run("no-print-debugging", rule, {
  valid: [
    // A structured logger is the point.
    { code: 'logger.info({ orderId }, "Processing order");', filename: files.ts },
    // console.error / console.warn are for recommended's users to keep; strict flags them.
    { code: 'try { run(); } catch (err) { console.error("boot failed", err); }', filename: files.ts },
    { code: 'console.warn("deprecated option");', filename: files.ts },
    // A local binding named console is not the global console.
    { code: 'import { console } from "./fake-console.js";\nconsole.log("x");', filename: files.ts },
    { code: "function f(console) { console.log(1); }", filename: files.js },
    // Allowed methods.
    { code: "console.table(rows);", options: [{ allow: ["table"] }], filename: files.ts },
    // Not console.
    { code: 'window.console2.log("x"); myConsole.log("x");', filename: files.ts },
    { code: 'console.error("x");', options: [{ includeErrorAndWarn: false }], filename: files.ts },
    // A hashbang marks a command-line program, whose console output is its interface.
    { code: '#!/usr/bin/env node\nconsole.log("Installing dependencies...");', filename: "bin/create-app.js" },
  ],
  invalid: [
    {
      name: "Express: template literal with a settings logger (pino): values become named fields",
      code: expressTemplate,
      filename: files.ts,
      settings: pino,
      output: [
        'import express from "express";',
        'import { logger } from "./logger.js";',
        "const app = express();",
        'app.post("/orders", async (req, res) => {',
        '  logger.info({ orderId: order.id, userEmail: user.email }, "Processing order");',
        "  res.json(order);",
        "});",
      ].join("\n"),
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "`logger`" },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 64,
          suggestions: removeSuggestion(expressTemplate, 4),
        },
      ],
    },
    {
      name: "winston style puts the message first; an error goes as the meta argument, other values into a child logger",
      code: 'import { db } from "./db.js";\nconsole.log("Saved user", user.id, err);',
      filename: files.ts,
      settings: winston,
      output:
        'import { db } from "./db.js";\nimport { logger } from "./logger.js";\nlogger.child({ userId: user.id }).info("Saved user", err);',
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "`logger`" },
          line: 2,
          column: 1,
          suggestions: [
            { messageId: "removeCall", data: { method: "log" }, output: 'import { db } from "./db.js";\n' },
          ],
        },
      ],
    },
    {
      name: "a logger already imported is used and not imported again; debug maps to debug",
      code: 'import { logger } from "./lib/logger.js";\nconsole.debug("cache miss", key);',
      filename: files.ts,
      settings: pino,
      output: 'import { logger } from "./lib/logger.js";\nlogger.debug({ key }, "cache miss");',
      errors: [
        {
          messageId: "console",
          data: { method: "debug", logger: "`logger`" },
          suggestions: [
            {
              messageId: "removeCall",
              data: { method: "debug" },
              output: 'import { logger } from "./lib/logger.js";\n',
            },
          ],
        },
      ],
    },
    {
      name: "a winston logger created in the file is called in winston style",
      code: 'const winston = require("winston");\nconst logger = winston.createLogger({});\nconsole.info("started on port " + port);',
      filename: files.cjs,
      output:
        'const winston = require("winston");\nconst logger = winston.createLogger({});\nlogger.info("started on port", { port });',
      errors: [
        {
          messageId: "console",
          data: { method: "info", logger: "`logger`" },
          suggestions: [
            {
              messageId: "removeCall",
              data: { method: "info" },
              output: 'const winston = require("winston");\nconst logger = winston.createLogger({});\n',
            },
          ],
        },
      ],
    },
    {
      name: "CommonJS file: the settings logger is required, not imported",
      code: 'const express = require("express");\nconsole.log("ready");',
      filename: files.cjs,
      settings: pino,
      output: 'const express = require("express");\nconst { logger } = require("./logger.js");\nlogger.info("ready");',
      errors: [
        {
          messageId: "console",
          suggestions: [
            { messageId: "removeCall", data: { method: "log" }, output: 'const express = require("express");\n' },
          ],
        },
      ],
    },
    {
      name: "Fastify: the request-scoped logger (request.log) is preferred inside a handler",
      code: fastifyHandler,
      filename: files.ts,
      settings: pino,
      output: [
        'import Fastify from "fastify";',
        "const app = Fastify();",
        'app.get("/users/:id", async (request, reply) => {',
        '  request.log.info({ requestParams: request.params }, "fetching user");',
        "  return {};",
        "});",
      ].join("\n"),
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "`request.log`" },
          suggestions: removeSuggestion(fastifyHandler, 4),
        },
      ],
    },
    {
      name: "Hono: c.var.logger when the handler already uses it",
      code: honoHandler,
      filename: files.ts,
      output: [
        'import { Hono } from "hono";',
        "const app = new Hono();",
        'app.get("/a", (c) => {',
        '  c.var.logger.info("in a");',
        "  c.var.logger.info({ reqPath: c.req.path });",
        '  return c.text("a");',
        "});",
      ].join("\n"),
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "`c.var.logger`" },
          suggestions: removeSuggestion(honoHandler, 5),
        },
      ],
    },
    {
      name: "Koa: ctx.log when the middleware already uses it",
      code: koaHandler,
      filename: files.ts,
      output: [
        'import Router from "@koa/router";',
        "const router = new Router();",
        'router.get("/a", async (ctx) => {',
        '  ctx.log.info("a");',
        '  ctx.log.info({ requestBody: ctx.request.body }, "body");',
        "});",
      ].join("\n"),
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "`ctx.log`" },
          suggestions: removeSuggestion(koaHandler, 5),
        },
      ],
    },
    {
      name: "Next.js route handler with a settings logger",
      code: nextHandler,
      filename: files.nextApp,
      settings: pino,
      // The root-relative settings source is written relative to app/api/users/.
      output:
        'import { logger } from "../../../src/logger.js";\nexport async function POST(request: Request) {\n  const body = await request.json();\n  logger.info({ bodyEmail: body.email }, "signup");\n  return Response.json({});\n}',
      errors: [{ messageId: "console", suggestions: removeSuggestion(nextHandler, 3) }],
    },
    {
      name: "NestJS controller with no logger in scope: no rewrite to a logger that does not exist, removal is a suggestion",
      code: [
        'import { Controller, Get } from "@nestjs/common";',
        '@Controller("cats")',
        "export class CatsController {",
        "  @Get()",
        "  findAll() {",
        '    console.log("listing cats");',
        "    return [];",
        "  }",
        "}",
      ].join("\n"),
      filename: files.nest,
      output: null,
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "a structured logger" },
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: "removeCall",
              data: { method: "log" },
              output: [
                'import { Controller, Get } from "@nestjs/common";',
                '@Controller("cats")',
                "export class CatsController {",
                "  @Get()",
                "  findAll() {",
                "    return [];",
                "  }",
                "}",
              ].join("\n"),
            },
          ],
        },
      ],
    },
    {
      name: "a function named logger is not a logger object: removal only",
      code: 'export const logger = (fn = console.log) => fn;\nconsole.log("x");',
      filename: files.ts,
      output: null,
      errors: [
        { messageId: "console", data: { method: "log", logger: "a structured logger" }, line: 1, column: 29 },
        {
          messageId: "console",
          data: { method: "log", logger: "a structured logger" },
          line: 2,
          suggestions: [
            {
              messageId: "removeCall",
              data: { method: "log" },
              output: "export const logger = (fn = console.log) => fn;\n",
            },
          ],
        },
      ],
    },
    {
      name: "removal keeps arguments with side effects",
      code: "console.log(counter++, save(user), user.name);",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "console",
          suggestions: [{ messageId: "removeCall", data: { method: "log" }, output: "counter++; save(user);" }],
        },
      ],
    },
    {
      name: "an arrow body stays a valid expression",
      code: "items.forEach((item) => console.log(item));",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "console",
          suggestions: [
            { messageId: "removeCall", data: { method: "log" }, output: "items.forEach((item) => undefined);" },
          ],
        },
      ],
    },
    {
      name: "a statement that is an if's only body becomes an empty block",
      code: "if (state.changed) console.log(state);",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "console",
          suggestions: [{ messageId: "removeCall", data: { method: "log" }, output: "if (state.changed) {}" }],
        },
      ],
    },
    {
      name: "console.time has no log equivalent: removal only",
      code: 'console.time("query");',
      filename: files.ts,
      settings: pino,
      output: null,
      errors: [
        {
          messageId: "console",
          data: { method: "time", logger: "`logger`" },
          suggestions: [{ messageId: "removeCall", data: { method: "time" }, output: "" }],
        },
      ],
    },
    {
      name: "strict: console.error with an Error becomes err, format specifiers are dropped",
      code: 'import { logger } from "./logger.js";\nconsole.error("Failed to charge %s:", orderId, error);',
      filename: files.ts,
      settings: pino,
      options: [{ includeErrorAndWarn: true }],
      output: 'import { logger } from "./logger.js";\nlogger.error({ orderId, err: error }, "Failed to charge");',
      errors: [
        {
          messageId: "console",
          data: { method: "error", logger: "`logger`" },
          suggestions: [
            { messageId: "removeCall", data: { method: "error" }, output: 'import { logger } from "./logger.js";\n' },
          ],
        },
      ],
    },
    {
      name: "a console method passed as a callback is flagged without a fix",
      code: "promise.then(console.log);",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "a structured logger" },
          line: 1,
          column: 14,
          endColumn: 25,
        },
      ],
    },
    {
      name: "computed access and spread arguments: flagged, no rewrite",
      code: 'console["log"](...args);',
      filename: files.ts,
      settings: pino,
      output: null,
      errors: [
        { messageId: "console", suggestions: [{ messageId: "removeCall", data: { method: "log" }, output: "" }] },
      ],
    },
    {
      name: "debugger is still flagged in a command-line program",
      code: "#!/usr/bin/env node\ndebugger;\nrun();",
      filename: "bin/cli.js",
      output: "#!/usr/bin/env node\nrun();",
      errors: [{ messageId: "debugger", line: 2 }],
    },
    {
      name: "debugger is removed with its line",
      code: "function f() {\n  debugger;\n  return 1;\n}",
      filename: files.js,
      output: "function f() {\n  return 1;\n}",
      errors: [{ messageId: "debugger", line: 2, column: 3, endLine: 2, endColumn: 12 }],
    },
    {
      name: "debugger as an if's only statement becomes an empty block",
      code: "if (x) debugger;",
      filename: files.js,
      output: "if (x) {}",
      errors: [{ messageId: "debugger" }],
    },
    {
      name: "semicolon-less files stay semicolon-less and ASI-safe",
      code: "const a = 1\nconsole.log([a].length)\n;[a].forEach(run)",
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "console",
          suggestions: [{ messageId: "removeCall", data: { method: "log" }, output: "const a = 1\n;[a].forEach(run)" }],
        },
      ],
    },
  ],
});

const localLogger = lines(
  'import { logger } from "../lib/logger";',
  'console.log("ready");',
  'console.log("found", orders.length, "orders");',
);

const pinoCatch = lines(
  'import pino from "pino";',
  "const logger = pino();",
  "export async function load(id: string) {",
  '  console.log("Loading user %s from %s", id, region);',
  "  try {",
  "    return await db.user.find(id);",
  "  } catch (err) {",
  "    console.log(err);",
  "  }",
  "  try {",
  "    return await db.user.create(id);",
  "  } catch (e) {",
  '    console.log("create failed:", e.message, id);',
  "    throw e;",
  "  }",
  "}",
  "fetchUser(id).catch((error) => console.log(`Could not fetch ${id}: ${error}`));",
  'console.log({ user, orderId: order.id }, "saved", 3);',
);

const winstonCatch = lines(
  'import winston from "winston";',
  "const logger = winston.createLogger({});",
  "export async function charge(orderId: string) {",
  "  try {",
  "    await payments.charge(orderId);",
  "  } catch (err) {",
  "    console.log(err);",
  "  }",
  "  try {",
  "    await payments.refund(orderId);",
  "  } catch (err) {",
  '    console.log("refund failed", orderId, err);',
  "  }",
  "}",
);

const nestService = lines(
  'import { Injectable, Logger } from "@nestjs/common";',
  "@Injectable()",
  "export class CatsService {",
  "  private readonly logger = new Logger(CatsService.name);",
  "  async findAll() {",
  '    console.log("listing cats", this.count);',
  "    try {",
  "      return await this.cats.findAll();",
  "    } catch (err) {",
  "      console.error(err);",
  "      return [];",
  "    }",
  "  }",
  "}",
);

ruleTester.run("no-print-debugging: loggers, their call styles and caught errors", rule, {
  valid: [],
  invalid: [
    {
      name: "a logger imported from a local module, style unknown: the rewrite is a suggestion in each call order, never an autofix",
      code: localLogger,
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "`logger`" },
          line: 2,
          // Both orders read the same without values: one suggestion.
          suggestions: [
            {
              messageId: "useLogger",
              data: { call: 'logger.info("ready")' },
              output: localLogger.replace('console.log("ready")', 'logger.info("ready")'),
            },
            { messageId: "removeCall", data: { method: "log" }, output: withoutLine(localLogger, 2) },
          ],
        },
        {
          messageId: "console",
          data: { method: "log", logger: "`logger`" },
          line: 3,
          suggestions: [
            {
              messageId: "useLoggerLike",
              data: {
                call: 'logger.info({ ordersLength: orders.length }, "found orders")',
                logger: "logger",
                style: "pino",
              },
              output: localLogger.replace(
                'console.log("found", orders.length, "orders")',
                'logger.info({ ordersLength: orders.length }, "found orders")',
              ),
            },
            {
              messageId: "useLoggerLike",
              data: {
                call: 'logger.info("found orders", { ordersLength: orders.length })',
                logger: "logger",
                style: "winston",
              },
              output: localLogger.replace(
                'console.log("found", orders.length, "orders")',
                'logger.info("found orders", { ordersLength: orders.length })',
              ),
            },
            { messageId: "removeCall", data: { method: "log" }, output: `${withoutLine(localLogger, 3)}\n` },
          ],
        },
      ],
    },
    {
      name: "pino made in the file: a caught error is logged at error level under err with a constant message; constant arguments stay in the message",
      code: pinoCatch,
      filename: files.ts,
      output: lines(
        'import pino from "pino";',
        "const logger = pino();",
        "export async function load(id: string) {",
        '  logger.info({ id, region }, "Loading user");',
        "  try {",
        "    return await db.user.find(id);",
        "  } catch (err) {",
        '    logger.error({ err }, "db.user.find failed");',
        "  }",
        "  try {",
        "    return await db.user.create(id);",
        "  } catch (e) {",
        '    logger.error({ err: e, id }, "create failed");',
        "    throw e;",
        "  }",
        "}",
        'fetchUser(id).catch((error) => logger.error({ id, err: error }, "Could not fetch"));',
        'logger.info({ user, orderId: order.id }, "saved 3");',
      ),
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "`logger`" },
          line: 4,
          suggestions: [{ messageId: "removeCall", data: { method: "log" }, output: withoutLine(pinoCatch, 4) }],
        },
        // The only use of the caught error: removing the call would swallow it.
        { messageId: "console", line: 8, suggestions: [] },
        {
          messageId: "console",
          line: 13,
          suggestions: [{ messageId: "removeCall", data: { method: "log" }, output: withoutLine(pinoCatch, 13) }],
        },
        { messageId: "console", line: 17, suggestions: [] },
        {
          messageId: "console",
          line: 18,
          suggestions: [
            { messageId: "removeCall", data: { method: "log" }, output: `${withoutLine(pinoCatch, 18)}\n` },
          ],
        },
      ],
    },
    {
      name: "winston made in the file: the error is the meta argument (winston keeps its message and stack), other values go into a child logger",
      code: winstonCatch,
      filename: files.ts,
      output: lines(
        'import winston from "winston";',
        "const logger = winston.createLogger({});",
        "export async function charge(orderId: string) {",
        "  try {",
        "    await payments.charge(orderId);",
        "  } catch (err) {",
        '    logger.error("payments.charge failed", err);',
        "  }",
        "  try {",
        "    await payments.refund(orderId);",
        "  } catch (err) {",
        '    logger.child({ orderId }).error("refund failed", err);',
        "  }",
        "}",
      ),
      errors: [
        { messageId: "console", line: 7, suggestions: [] },
        { messageId: "console", line: 12, suggestions: [] },
      ],
    },
    {
      name: "Fastify: console.log(err) in a handler's catch becomes request.log.error at the error key",
      code: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        'app.get("/users/:id", async (request) => {',
        "  try {",
        "    return await users.find(request.params.id);",
        "  } catch (err) {",
        "    console.log(err);",
        "    throw err;",
        "  }",
        "});",
      ),
      filename: files.ts,
      output: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        'app.get("/users/:id", async (request) => {',
        "  try {",
        "    return await users.find(request.params.id);",
        "  } catch (err) {",
        '    request.log.error({ err }, "users.find failed");',
        "    throw err;",
        "  }",
        "});",
      ),
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "`request.log`" },
          line: 7,
          suggestions: [
            {
              messageId: "removeCall",
              data: { method: "log" },
              output: lines(
                'import Fastify from "fastify";',
                "const app = Fastify();",
                'app.get("/users/:id", async (request) => {',
                "  try {",
                "    return await users.find(request.params.id);",
                "  } catch (err) {",
                "    throw err;",
                "  }",
                "});",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "NestJS: this.logger made by new Logger() is called with (message, fields) and (message, stack)",
      code: nestService,
      filename: files.nest,
      options: strictOptions,
      output: lines(
        'import { Injectable, Logger } from "@nestjs/common";',
        "@Injectable()",
        "export class CatsService {",
        "  private readonly logger = new Logger(CatsService.name);",
        "  async findAll() {",
        '    this.logger.log("listing cats", { count: this.count });',
        "    try {",
        "      return await this.cats.findAll();",
        "    } catch (err) {",
        '      this.logger.error("cats.findAll failed", err instanceof Error ? err.stack : String(err));',
        "      return [];",
        "    }",
        "  }",
        "}",
      ),
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "`this.logger`" },
          line: 6,
          suggestions: [{ messageId: "removeCall", data: { method: "log" }, output: withoutLine(nestService, 6) }],
        },
        { messageId: "console", data: { method: "error", logger: "`this.logger`" }, line: 10, suggestions: [] },
      ],
    },
    {
      name: "NestJS: the imported static Logger when the class has none; a warning with an error has no Nest form",
      code: lines(
        'import { Controller, Get, Logger } from "@nestjs/common";',
        '@Controller("cats")',
        "export class CatsController {",
        "  @Get()",
        "  async findAll() {",
        '    try { return await this.cats.findAll(); } catch (err) { console.warn("retrying", err); console.error(err); }',
        "  }",
        "}",
      ),
      filename: files.nest,
      options: strictOptions,
      output: lines(
        'import { Controller, Get, Logger } from "@nestjs/common";',
        '@Controller("cats")',
        "export class CatsController {",
        "  @Get()",
        "  async findAll() {",
        '    try { return await this.cats.findAll(); } catch (err) { console.warn("retrying", err); Logger.error("cats.findAll failed", err instanceof Error ? err.stack : String(err)); }',
        "  }",
        "}",
      ),
      errors: [
        {
          messageId: "console",
          data: { method: "warn", logger: "`Logger`" },
          suggestions: [
            {
              messageId: "removeCall",
              data: { method: "warn" },
              output: lines(
                'import { Controller, Get, Logger } from "@nestjs/common";',
                '@Controller("cats")',
                "export class CatsController {",
                "  @Get()",
                "  async findAll() {",
                "    try { return await this.cats.findAll(); } catch (err) {  console.error(err); }",
                "  }",
                "}",
              ),
            },
          ],
        },
        {
          messageId: "console",
          data: { method: "error", logger: "`Logger`" },
          suggestions: [
            {
              messageId: "removeCall",
              data: { method: "error" },
              output: lines(
                'import { Controller, Get, Logger } from "@nestjs/common";',
                '@Controller("cats")',
                "export class CatsController {",
                "  @Get()",
                "  async findAll() {",
                '    try { return await this.cats.findAll(); } catch (err) { console.warn("retrying", err);  }',
                "  }",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "an optional logger parameter, or one typed | undefined, is never called",
      code: lines(
        'import type { Logger } from "pino";',
        "export function f(logger?: Logger) {",
        "  try { run(); } catch (err) { console.log(err); return null; }",
        "}",
        'export function g(logger: Logger | undefined) { console.log("g"); }',
        'export function h(logger: Logger = undefined) { console.log("h"); }',
      ),
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "a structured logger" },
          line: 3,
          suggestions: [],
        },
        {
          messageId: "console",
          data: { method: "log", logger: "a structured logger" },
          line: 5,
          suggestions: [
            {
              messageId: "removeCall",
              data: { method: "log" },
              output: lines(
                'import type { Logger } from "pino";',
                "export function f(logger?: Logger) {",
                "  try { run(); } catch (err) { console.log(err); return null; }",
                "}",
                "export function g(logger: Logger | undefined) {  }",
                'export function h(logger: Logger = undefined) { console.log("h"); }',
              ),
            },
          ],
        },
        {
          messageId: "console",
          data: { method: "log", logger: "a structured logger" },
          line: 6,
          suggestions: [
            {
              messageId: "removeCall",
              data: { method: "log" },
              output: lines(
                'import type { Logger } from "pino";',
                "export function f(logger?: Logger) {",
                "  try { run(); } catch (err) { console.log(err); return null; }",
                "}",
                'export function g(logger: Logger | undefined) { console.log("g"); }',
                "export function h(logger: Logger = undefined) {  }",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a logger is not called in the branch where a test found it missing",
      code: lines(
        'import { pino } from "pino";',
        "export function f(logger = pino()) {",
        '  if (!logger) console.log("no logger");',
        '  return logger ? logger.info("a") : console.log("b");',
        "}",
      ),
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "a structured logger" },
          line: 3,
          suggestions: [
            {
              messageId: "removeCall",
              data: { method: "log" },
              output: lines(
                'import { pino } from "pino";',
                "export function f(logger = pino()) {",
                "  if (!logger) {}",
                '  return logger ? logger.info("a") : console.log("b");',
                "}",
              ),
            },
          ],
        },
        {
          messageId: "console",
          data: { method: "log", logger: "a structured logger" },
          line: 4,
          suggestions: [],
        },
      ],
    },
    {
      name: "settings logger without a source is only called where its name is in scope",
      code: 'console.log("ready");',
      filename: files.ts,
      settings: { harden: { logger: { name: "logger", style: "pino" } } },
      output: null,
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "a structured logger" },
          suggestions: [{ messageId: "removeCall", data: { method: "log" }, output: "" }],
        },
      ],
    },
    {
      name: "no logger: console.log(err) as the only use of a caught error gets no suggestion to remove it",
      code: "try { run(); } catch (err) { console.log(err); }",
      filename: files.ts,
      output: null,
      errors: [{ messageId: "console", data: { method: "log", logger: "a structured logger" }, suggestions: [] }],
    },
    {
      name: "values are named after what they hold, never `value`",
      code: "console.log(counter++, save(user), user.name, JSON.stringify(order), items[0], a ?? b, !done, new Date());",
      filename: files.ts,
      settings: pino,
      output:
        'import { logger } from "./logger.js";\nlogger.info({ counter: counter++, save: save(user), userName: user.name, order: JSON.stringify(order), items: items[0], a: a ?? b, done: !done, date: new Date() });',
      errors: [
        {
          messageId: "console",
          suggestions: [
            {
              messageId: "removeCall",
              data: { method: "log" },
              output: "counter++; save(user); JSON.stringify(order); new Date();",
            },
          ],
        },
      ],
    },
  ],
});

/**
 * `.cjs` files as ESLint lints them by default: espree with `sourceType: "commonjs"`, where the file's
 * top-level bindings live in a function scope around the Program (as in Node's module wrapper). The
 * parser option is what ESLint hands espree; RuleTester would otherwise parse as a module.
 */
const commonjs = { parser: espree, sourceType: "commonjs", parserOptions: { sourceType: "commonjs" } } as const;
const defaultLogger = {
  harden: { logger: { name: "logger", source: "./src/logger.js", importKind: "default", style: "pino" } },
};
const handler = ['app.get("/health", (req, res) => {', '  console.log("health check");', '  res.send("ok");', "});"];
const fixedHandler = handler.join("\n").replace('console.log("health check")', 'logger.info("health check")');

/** A CommonJS Express file that starts with `prelude`, and the error its console call gives. */
function cjsCase(
  name: string,
  prelude: readonly string[],
  fixedPrelude: readonly string[] = prelude,
  settings: Record<string, unknown> = pino,
) {
  const code = [...prelude, ...handler].join("\n");
  const line = prelude.length + 2;
  return {
    name,
    code,
    filename: files.cjs,
    languageOptions: commonjs,
    settings,
    output: [...fixedPrelude, fixedHandler].join("\n"),
    errors: [
      {
        messageId: "console" as const,
        data: { method: "log", logger: "`logger`" },
        line,
        suggestions: removeSuggestion(code, line),
      },
    ],
  };
}

ruleTester.run("no-print-debugging: CommonJS files that already require the logger", rule, {
  valid: [],
  invalid: [
    cjsCase("a destructured require of the same name", [
      '"use strict";',
      'const express = require("express");',
      'const { logger } = require("../lib/logger");',
      "const app = express();",
    ]),
    cjsCase(
      "a default require of the logger module",
      ['const express = require("express");', 'const logger = require("./logger");', "const app = express();"],
      undefined,
      defaultLogger,
    ),
    cjsCase("a logger made on the spot", [
      'const express = require("express");',
      'const logger = require("pino")();',
      "const app = express();",
    ]),
    cjsCase("a `let` binding", [
      'const express = require("express");',
      'let logger = require("./logger.js").logger;',
      "const app = express();",
    ]),
    cjsCase(
      "a `var` binding",
      ['var express = require("express");', 'var logger = require("./logger.js");', "var app = express();"],
      undefined,
      defaultLogger,
    ),
    cjsCase(
      "the default export destructured under the name",
      [
        'const express = require("express");',
        'const { default: logger } = require("./logger.js");',
        "const app = express();",
      ],
      undefined,
      defaultLogger,
    ),
    cjsCase(
      "the module destructured under other names: the name is added to the pattern",
      [
        'const express = require("express");',
        'const { child, logger: baseLogger } = require("./logger.js");',
        "const app = express();",
      ],
      [
        'const express = require("express");',
        'const { child, logger: baseLogger, logger } = require("./logger.js");',
        "const app = express();",
      ],
    ),
    cjsCase(
      "the module required whole under another name: a require of the name is added",
      ['const express = require("express");', 'const log = require("./logger.js");', "const app = express();"],
      [
        'const express = require("express");',
        'const log = require("./logger.js");',
        'const { logger } = require("./logger.js");',
        "const app = express();",
      ],
    ),
    cjsCase(
      "no require yet: the require goes after the directive",
      ['"use strict";', "", "const app = createApp();"],
      ['"use strict";', 'const { logger } = require("./logger.js");', "", "const app = createApp();"],
    ),
    cjsCase(
      "no require or directive: a require, not an import, on top",
      ["const app = createApp();"],
      ['const { logger } = require("./logger.js");', "const app = createApp();"],
    ),
    cjsCase(
      "the require goes after the file's requires, including those run for their effect",
      [
        '"use strict";',
        'require("dotenv").config();',
        'const express = require("express");',
        'const helmet = require("helmet")();',
        "const app = express();",
      ],
      [
        '"use strict";',
        'require("dotenv").config();',
        'const express = require("express");',
        'const helmet = require("helmet")();',
        'const { logger } = require("./logger.js");',
        "const app = express();",
      ],
    ),
    {
      ...cjsCase("typescript-eslint with `globalReturn` wraps the file the same way", [
        'const express = require("express");',
        'const { logger } = require("./logger.js");',
        "const app = express();",
      ]),
      languageOptions: { parserOptions: { sourceType: "commonjs" as const, ecmaFeatures: { globalReturn: true } } },
    },
  ],
});

describe("no-print-debugging autofix is safe on save", () => {
  const express = [
    'import express from "express";',
    "const app = express();",
    'app.post("/orders", async (req, res) => {',
    "  const order = { id: 1 };",
    "  console.log(`Processing order ${order.id} for ${req.ip}`);",
    '  console.log("payload", req.body, new Error("x"));',
    "  debugger;",
    "  res.json(order);",
    "});",
    "export default app;",
  ].join("\n");
  const loggerModule = 'import pino from "pino";\nexport const logger = pino();\n';

  it("re-lints with nothing left to fix, and the output type-checks", () => {
    const result = lintWithFix("no-print-debugging", express, { settings: pino });
    expect(result.fatal).toEqual([]);
    expect(result.remainingFixable).toEqual([]);
    expect(result.remaining).toEqual([]);
    expect(result.output).toBe(
      [
        'import express from "express";',
        'import { logger } from "./logger.js";',
        "const app = express();",
        'app.post("/orders", async (req, res) => {',
        "  const order = { id: 1 };",
        '  logger.info({ orderId: order.id, reqIp: req.ip }, "Processing order");',
        '  logger.info({ reqBody: req.body, err: new Error("x") }, "payload");',
        "  res.json(order);",
        "});",
        "export default app;",
      ].join("\n"),
    );
    expect(getTypeErrors({ "server.ts": express.replace("debugger;", ""), "logger.ts": loggerModule })).toEqual([]);
    expect(getTypeErrors({ "server.ts": result.output, "logger.ts": loggerModule })).toEqual([]);
  });

  it("winston-style output type-checks against winston's types", () => {
    const code =
      'import { logger } from "./logger.js";\nconst user = { id: 1 };\nconsole.log("Saved user", user.id);\n';
    const result = lintWithFix("no-print-debugging", code, { settings: winston });
    expect(result.output).toBe(
      'import { logger } from "./logger.js";\nconst user = { id: 1 };\nlogger.info("Saved user", { userId: user.id });\n',
    );
    expect(result.remainingFixable).toEqual([]);
    expect(
      getTypeErrors({
        "server.ts": result.output,
        "logger.ts": 'import winston from "winston";\nexport const logger = winston.createLogger({});\n',
      }),
    ).toEqual([]);
  });

  it("never autofixes when no logger is known", () => {
    const result = lintWithFix("no-print-debugging", 'console.log("x");\n');
    expect(result.output).toBe('console.log("x");\n');
    expect(result.remaining).toHaveLength(1);
  });
});

describe("no-print-debugging rewrites type-check against each logger's own types", () => {
  const pinoModule = 'import pino from "pino";\nexport const logger = pino();\n';
  const winstonModule = 'import winston from "winston";\nexport const logger = winston.createLogger({});\n';

  it("pino and winston made in the file: the autofix converges and type-checks", () => {
    const pinoCode = lines(
      'import pino from "pino";',
      "const logger = pino();",
      "declare const db: { user: { find(id: string): Promise<unknown> } };",
      "export async function load(id: string, region: string) {",
      '  console.log("Loading user %s from %s", id, region);',
      "  try {",
      "    return await db.user.find(id);",
      "  } catch (err) {",
      "    console.log(err);",
      "  }",
      "  try {",
      "    return await db.user.find(id);",
      "  } catch (e) {",
      '    console.log("find failed:", (e as Error).message, id);',
      "    throw e;",
      "  }",
      "}",
      "",
    );
    const winstonCode = lines(
      'import winston from "winston";',
      "const logger = winston.createLogger({});",
      "declare const payments: { charge(id: string): Promise<void> };",
      "export async function charge(orderId: string) {",
      "  try {",
      "    await payments.charge(orderId);",
      "  } catch (err) {",
      "    console.log(err);",
      '    console.log("charge failed", orderId, err);',
      "  }",
      "}",
      "",
    );
    const pinoResult = lintWithFix("no-print-debugging", pinoCode);
    const winstonResult = lintWithFix("no-print-debugging", winstonCode);
    expect(pinoResult.output).toContain('    logger.error({ err }, "db.user.find failed");\n');
    expect(pinoResult.output).toContain('    logger.error({ err: e, id }, "find failed");\n');
    expect(winstonResult.output).toContain(
      '    logger.error("payments.charge failed", err);\n    logger.child({ orderId }).error("charge failed", err);\n',
    );
    for (const result of [pinoResult, winstonResult]) {
      expect(result.fatal).toEqual([]);
      expect(result.remainingFixable).toEqual([]);
    }
    expect(
      getTypeErrors({
        "pino-in.ts": pinoCode,
        "pino-out.ts": pinoResult.output,
        "winston-in.ts": winstonCode,
        "winston-out.ts": winstonResult.output,
      }),
    ).toEqual([]);
  });

  it("NestJS (this.logger and the static Logger) and Fastify (request.log): the autofix type-checks", () => {
    const nestCode = lines(
      'import { Controller, Get, Injectable, Logger } from "@nestjs/common";',
      "@Injectable()",
      "export class CatsService {",
      "  private readonly logger = new Logger(CatsService.name);",
      "  count = 0;",
      "  constructor(private readonly cats: { findAll(): Promise<string[]> }) {}",
      "  async findAll() {",
      '    console.log("listing cats", this.count);',
      "    try {",
      "      return await this.cats.findAll();",
      "    } catch (err) {",
      "      console.error(err);",
      "      return [];",
      "    }",
      "  }",
      "}",
      '@Controller("cats")',
      "export class CatsController {",
      "  constructor(private readonly service: CatsService) {}",
      "  @Get()",
      "  async findAll() {",
      "    try {",
      "      return await this.service.findAll();",
      "    } catch (err) {",
      '      console.error("listing failed", err);',
      "      throw err;",
      "    }",
      "  }",
      "}",
      "",
    );
    const fastifyCode = lines(
      'import Fastify from "fastify";',
      "declare const users: { find(params: unknown): Promise<unknown> };",
      "const app = Fastify();",
      'app.get("/users/:id", async (request) => {',
      "  try {",
      "    return await users.find(request.params);",
      "  } catch (err) {",
      "    console.log(err);",
      "    throw err;",
      "  }",
      "});",
      "",
    );
    const nestResult = lintWithFix("no-print-debugging", nestCode, {
      filename: files.nest,
      options: [{ includeErrorAndWarn: true }],
    });
    const fastifyResult = lintWithFix("no-print-debugging", fastifyCode);
    expect(nestResult.output).toContain('    this.logger.log("listing cats", { count: this.count });\n');
    expect(nestResult.output).toContain(
      '      this.logger.error("cats.findAll failed", err instanceof Error ? err.stack : String(err));\n',
    );
    expect(nestResult.output).toContain(
      '      Logger.error("listing failed", err instanceof Error ? err.stack : String(err));\n',
    );
    expect(fastifyResult.output).toContain('    request.log.error({ err }, "users.find failed");\n');
    for (const result of [nestResult, fastifyResult]) {
      expect(result.fatal).toEqual([]);
      expect(result.remainingFixable).toEqual([]);
    }
    expect(
      getTypeErrors({
        "nest-in.ts": nestCode,
        "nest-out.ts": nestResult.output,
        "fastify-in.ts": fastifyCode,
        "fastify-out.ts": fastifyResult.output,
      }),
    ).toEqual([]);
  });

  it("a logger from a local module: each suggested order type-checks against its logger, and not the other's", () => {
    const route = (call: string) =>
      `import { logger } from "../lib/logger.js";\ndeclare const orders: string[];\n${call};\n`;
    const pinoOrder = route('logger.info({ ordersLength: orders.length }, "found orders")');
    const winstonOrder = route('logger.info("found orders", { ordersLength: orders.length })');
    expect(getTypeErrors({ "lib/logger.ts": pinoModule, "routes/a.ts": pinoOrder })).toEqual([]);
    expect(getTypeErrors({ "lib/logger.ts": winstonModule, "routes/a.ts": winstonOrder })).toEqual([]);
    // Why neither is an autofix: pino's order does not even compile against winston.
    expect(getTypeErrors({ "lib/logger.ts": winstonModule, "routes/a.ts": pinoOrder })).toEqual([
      expect.stringContaining("is not assignable to parameter of type 'string'"),
    ]);
  });
});

/** One `console` finding with its "remove this call" suggestion, on a file's `line`-th line. */
function consoleError(code: string, line: number, method: string) {
  return {
    messageId: "console" as const,
    data: { method, logger: "a structured logger" },
    line,
    suggestions: removeSuggestion(code, line, method),
  };
}

const calculatorSubclass = lines(
  'import { PortfolioCalculator } from "../portfolio-calculator.js";',
  "export class RoaiCalculator extends PortfolioCalculator {",
  "  protected step(order: { quantity: number }) {",
  "    if (PortfolioCalculator.ENABLE_LOGGING) {",
  '      console.log("order.quantity", order.quantity);',
  "    }",
  "  }",
  "}",
);
const switchedOnCalculator = lines(
  "class Calculator {",
  "  static readonly ENABLE_LOGGING = true;",
  "  step(total: number) {",
  '    if (Calculator.ENABLE_LOGGING) console.log("total", total);',
  "  }",
  "}",
);
const switchedOnConstant = lines(
  "const DEBUG = 1;",
  "export function run(total: number) {",
  '  DEBUG && console.debug("total", total);',
  "}",
);
const negatedSwitch = lines(
  "export function run(total: number) {",
  "  if (!VERBOSE) {",
  '    console.log("total", total);',
  "  }",
  "}",
);
const productionOnly = lines(
  'if (process.env.NODE_ENV === "production") {',
  '  console.log("serving static files");',
  "}",
);
const productionFlag = lines("if (env.isProduction) {", '  console.warn("Serving without a CDN");', "}");
const nextRouteTsx = lines(
  "export async function GET() {",
  "  try {",
  "    return Response.json(await listTransactions());",
  "  } catch (error) {",
  '    console.error("listing failed", error);',
  '    return Response.json({ error: "Failed" }, { status: 500 });',
  "  }",
  "}",
);
const pagesWithServerProps = lines(
  "export async function getServerSideProps() {",
  "  const plans = await loadPlans().catch((error) => {",
  '    console.error("plans failed", error);',
  "    return [];",
  "  });",
  "  return { props: { plans } };",
  "}",
  "export default function Pricing({ plans }: { plans: string[] }) {",
  "  return <ul>{plans.map((plan) => <li key={plan}>{plan}</li>)}</ul>;",
  "}",
);
const serverComponent = lines(
  'import { notFound } from "next/navigation";',
  "export default async function Page({ params }: { params: { id: string } }) {",
  "  const doc = await getDocument(params.id);",
  '  console.log("page doc", doc);',
  "  if (!doc) notFound();",
  "  return <main>{doc.title}</main>;",
  "}",
);
const honoView = lines(
  'import { Hono } from "hono";',
  "const app = new Hono();",
  'app.get("/", async (c) => {',
  "  const posts = await listPosts().catch((error) => {",
  '    console.error("posts failed", error);',
  "    return [];",
  "  });",
  "  return c.html(<ul>{posts.map((post) => <li>{post.title}</li>)}</ul>);",
  "});",
);

const reactServerRender = lines(
  'import { renderToPipeableStream } from "react-dom/server";',
  'import React, { Suspense } from "react";',
  "export function render(res) {",
  '  console.log("rendering");',
  "  renderToPipeableStream(React.createElement(Suspense), { onShellReady: () => res.end() });",
  "}",
);

const sharedChartHelper = lines(
  'import type { ElementRef } from "@angular/core";',
  "export function getTooltip(element: ElementRef) {",
  '  console.log("tooltip", element);',
  "}",
);

ruleTester.run("no-print-debugging: development traces and browser code", rule, {
  valid: [
    {
      name: "a trace behind a debug switch declared in another file (an inherited static constant)",
      code: calculatorSubclass,
      filename: "src/portfolio/calculator/roai/portfolio-calculator.ts",
    },
    {
      name: "a trace behind a class's own debug switch, off",
      code: lines(
        "class Calculator {",
        "  static readonly ENABLE_LOGGING = false;",
        "  step(total: number) {",
        '    if (Calculator.ENABLE_LOGGING) console.log("total", total);',
        "  }",
        "}",
      ),
      filename: files.ts,
    },
    {
      name: "a trace behind a module constant debug switch, off, in a && guard",
      code: lines(
        "const DEBUG = false;",
        "export function run(total: number) {",
        '  DEBUG && console.debug("total", total);',
        "}",
      ),
      filename: files.ts,
    },
    {
      name: "strict: an error printed only in the test environment, where the reporter is not configured",
      code: lines(
        "export function onerror(err: Error & { id?: string }) {",
        "  report(err);",
        '  if (err.id !== "known") {',
        '    if (env.ENVIRONMENT === "test") {',
        "      console.error(err);",
        "    }",
        "  }",
        "}",
      ),
      options: strictOptions,
      filename: "server/onerror.ts",
    },
    {
      name: "strict: outside production, by a negated environment test",
      code: 'if (process.env.NODE_ENV !== "production") console.warn("Using the in-memory session store");',
      options: strictOptions,
      filename: files.ts,
    },
    {
      name: "the else branch of a production test",
      code: lines(
        'if (process.env.NODE_ENV === "production") {',
        "  app.use(compression());",
        "} else {",
        '  console.log("serving unminified assets");',
        "}",
      ),
      filename: files.ts,
    },
    {
      name: "strict: a logger's own development output, in the else of a production flag",
      code: lines(
        "export function logError(message: string, error: Error) {",
        "  if (env.isProduction) {",
        "    output.error(message, { error: error.message, stack: error.stack });",
        "  } else {",
        "    console.error(message);",
        "    console.error(error);",
        "  }",
        "}",
      ),
      options: strictOptions,
      filename: "server/logging/logger.ts",
    },
    {
      name: "strict: a React component's error in the browser (a .tsx file under components/)",
      code: lines(
        'import { useRouter } from "next/router";',
        "export function LinkSheet() {",
        "  const router = useRouter();",
        "  async function save() {",
        "    try {",
        '      await fetch("/api/links", { method: "POST" });',
        "    } catch (error) {",
        '      console.error("Error saving link", error);',
        "    }",
        "  }",
        "  return <button onClick={save}>{router.query.id}</button>;",
        "}",
      ),
      options: strictOptions,
      filename: "ee/features/permissions/components/link-sheet.tsx",
    },
    {
      name: 'a "use client" module\'s prints run in the browser',
      code: lines(
        '"use client";',
        'import { useEffect } from "react";',
        "export function useTicker() {",
        '  useEffect(() => console.log("mounted"), []);',
        "}",
      ),
      options: strictOptions,
      filename: "lib/hooks/use-ticker.ts",
    },
    {
      name: "strict: a .ts React hook (it imports React's hooks) runs in the browser",
      code: lines(
        'import { useCallback, useState } from "react";',
        "export function useSave(url: string) {",
        "  const [saving, setSaving] = useState(false);",
        "  return useCallback(async () => {",
        "    setSaving(true);",
        "    try {",
        '      await fetch(url, { method: "POST" });',
        "    } catch (error) {",
        '      console.error("Error saving", error);',
        "    }",
        "    setSaving(false);",
        "  }, [url, saving]);",
        "}",
      ),
      options: strictOptions,
      filename: "client/src/hooks/useSave.ts",
    },
    {
      name: "strict: an Angular component runs in the browser",
      code: lines(
        'import { Component } from "@angular/core";',
        '@Component({ selector: "app-value", template: "{{ value }}" })',
        "export class ValueComponent {",
        "  value = 0;",
        "  refresh() {",
        '    console.warn("refreshing");',
        "  }",
        "}",
      ),
      options: strictOptions,
      filename: "apps/client/src/app/value.component.ts",
    },
  ],
  invalid: [
    {
      name: "a debug switch this file shows on is no guard",
      code: switchedOnCalculator,
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "a structured logger" },
          line: 4,
          suggestions: [
            {
              messageId: "removeCall",
              data: { method: "log" },
              output: switchedOnCalculator.replace('console.log("total", total);', "{}"),
            },
          ],
        },
      ],
    },
    {
      name: "a module constant set to a truthy literal is no guard",
      code: switchedOnConstant,
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "console",
          data: { method: "debug", logger: "a structured logger" },
          line: 3,
          suggestions: [],
        },
      ],
    },
    {
      name: "a print that runs when the debug switch is off",
      code: negatedSwitch,
      filename: files.ts,
      output: null,
      errors: [consoleError(negatedSwitch, 3, "log")],
    },
    {
      name: "a print that runs only in production",
      code: productionOnly,
      filename: files.ts,
      output: null,
      errors: [consoleError(productionOnly, 2, "log")],
    },
    {
      name: "strict: a print that runs only under a production flag",
      code: productionFlag,
      options: strictOptions,
      filename: files.ts,
      output: null,
      errors: [consoleError(productionFlag, 2, "warn")],
    },
    {
      name: "strict: a Next.js route handler written as .tsx is server code",
      code: nextRouteTsx,
      options: strictOptions,
      filename: "app/api/transactions/route.tsx",
      output: null,
      errors: [
        {
          messageId: "console",
          data: { method: "error", logger: "a structured logger" },
          line: 5,
          suggestions: [],
        },
      ],
    },
    {
      name: "strict: a page's getServerSideProps runs on the server",
      code: pagesWithServerProps,
      options: strictOptions,
      filename: "pages/pricing.tsx",
      output: null,
      // The only use of the rejection's error: removing the call would swallow it.
      errors: [
        {
          messageId: "console",
          data: { method: "error", logger: "a structured logger" },
          line: 3,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a Next.js App Router page without "use client" is a Server Component',
      code: serverComponent,
      filename: "app/docs/[id]/page.tsx",
      output: null,
      errors: [consoleError(serverComponent, 4, "log")],
    },
    {
      name: "strict: JSX rendered by a server framework's route is server code",
      code: honoView,
      options: strictOptions,
      filename: "src/routes/home.tsx",
      output: null,
      errors: [
        {
          messageId: "console",
          data: { method: "error", logger: "a structured logger" },
          line: 5,
          suggestions: [],
        },
      ],
    },
    {
      name: "a server-side render imports React's server renderer: server code",
      code: reactServerRender,
      filename: "server/streaming/ssr.ts",
      output: null,
      errors: [consoleError(reactServerRender, 4, "log")],
    },
    {
      name: "code shared with a client imports its types only: still checked",
      code: sharedChartHelper,
      filename: "libs/common/src/lib/chart-helper.ts",
      output: null,
      errors: [consoleError(sharedChartHelper, 3, "log")],
    },
  ],
});

const honoAuth = lines(
  'import { createMiddleware } from "hono/factory";',
  "export const auth = createMiddleware(async (c, next) => {",
  "  try {",
  '    c.set("userId", (await verify(c.req.header("authorization"))).id);',
  "  } catch (error) {",
  '    console.error("Token verification failed:", error);',
  '    return c.json({ error: "Unauthorized" }, 401);',
  "  }",
  '  console.log("inside auth");',
  "  await next();",
  "});",
);

describe("no-print-debugging in Cloudflare Workers projects", () => {
  for (const [project, evidence] of [
    ["workers-app", "lists wrangler in devDependencies"],
    ["wrangler-config-app", "has a wrangler.jsonc beside its package.json"],
  ] as const) {
    createRuleTester(path.resolve(import.meta.dirname, "../fixtures", project)).run(
      `no-print-debugging: a project that ${evidence}`,
      rule,
      {
        valid: [],
        invalid: [
          {
            name: "strict: console.error is the Worker's error log; a debug print is still a leftover",
            code: honoAuth,
            options: strictOptions,
            filename: "src/middlewares/auth.ts",
            output: null,
            errors: [consoleError(honoAuth, 9, "log")],
          },
        ],
      },
    );
  }
});

ruleTester.run("no-print-debugging: code that runs only as a one-off script", rule, {
  valid: [
    {
      name: "the block an ES module runs when it is the program started (`node db/init.js`)",
      code: lines(
        "export function initDatabase() {}",
        "if (import.meta.url === `file://${process.argv[1]}`) {",
        "  initDatabase();",
        '  console.log("Database setup complete");',
        "}",
      ),
      filename: files.ts,
    },
    {
      name: "the same test written with fileURLToPath",
      code: lines(
        'import { fileURLToPath } from "node:url";',
        'if (process.argv[1] === fileURLToPath(import.meta.url)) console.log("seeded");',
      ),
      filename: files.ts,
    },
    {
      name: "CommonJS: require.main === module",
      code: lines("module.exports = { run };", 'if (require.main === module) run().then(() => console.log("done"));'),
      filename: files.cjs,
    },
    {
      name: "a seed routine in a routes file, called once to fill an empty database",
      code: lines(
        "declare const storage: { getProducts(): Promise<unknown[]> };",
        "async function seedDatabase() {",
        "  const existing = await storage.getProducts();",
        '  if (existing.length === 0) console.log("Seeding database...");',
        "}",
      ),
      filename: files.ts,
    },
  ],
  invalid: [
    {
      name: "a test of the command line that is not the run-directly check is server code as usual",
      code: lines('if (process.argv[2] === "--verbose") console.log("verbose");', "export {};"),
      filename: files.ts,
      errors: [
        {
          messageId: "console",
          line: 1,
          column: 38,
          suggestions: [
            {
              messageId: "removeCall",
              data: { method: "log" },
              output: lines('if (process.argv[2] === "--verbose") {}', "export {};"),
            },
          ],
        },
      ],
    },
    {
      name: "a function whose name only starts with the letters `seed` is not a seed routine",
      code: lines("export function seedlingCount(n: number) {", '  console.log("seedlings", n);', "  return n;", "}"),
      filename: files.ts,
      errors: [
        {
          messageId: "console",
          line: 2,
          column: 3,
          suggestions: removeSuggestion(
            lines("export function seedlingCount(n: number) {", '  console.log("seedlings", n);', "  return n;", "}"),
            2,
          ),
        },
      ],
    },
  ],
});
