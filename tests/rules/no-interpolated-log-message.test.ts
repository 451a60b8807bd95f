import { describe, expect, it } from "vitest";

import rule from "../../src/rules/no-interpolated-log-message.js";
import { lintWithFix } from "../utils/lint-with-fix.js";
import { createRuleTester, files } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";

const ruleTester = createRuleTester();
const lines = (...text: string[]): string => text.join("\n");

const template = { messageId: "interpolated", data: { how: "a template literal" } } as const;
const concatenation = { messageId: "interpolated", data: { how: "`+`" } } as const;
const format = { messageId: "interpolated", data: { how: "format placeholders" } } as const;

const winstonSettings = { harden: { logger: { name: "logger", source: "./logger.js", style: "winston" } } };

ruleTester.run("no-interpolated-log-message", rule, {
  valid: [
    // A constant message, values as fields.
    lines(
      'import pino from "pino";',
      "const logger = pino();",
      'export const f = (id: string) => logger.info({ id }, "Order processed");',
    ),
    lines(
      'import pino from "pino";',
      "const logger = pino();",
      "export const f = () => logger.info(`Order processed`);",
    ),
    // `console` is no-print-debugging's.
    "export const f = (id: string) => console.log(`Processing order ${id}`);",
    // A message passed in whole: the caller's constant, or not text at all.
    lines(
      'import pino from "pino";',
      "const logger = pino();",
      "export const f = (message: string) => logger.warn(message);",
    ),
    // Written once while the server starts: on import, or in the start's callback.
    lines('import pino from "pino";', "const logger = pino();", "logger.info(`Starting in ${process.env.NODE_ENV}`);"),
    {
      code: lines(
        'import express from "express";',
        'import pino from "pino";',
        "const logger = pino();",
        "const app = express();",
        "const port = Number(process.env.PORT ?? 3000);",
        "app.listen(port, () => {",
        "  logger.info(`Listening on port ${port}`);",
        "});",
      ),
      filename: files.ts,
    },
    // As the server starts or stops: start and stop events, a module that only starts the app.
    lines(
      'import http from "node:http";',
      'import pino from "pino";',
      "const logger = pino();",
      "export function start(server: http.Server, port: number) {",
      '  server.on("listening", () => logger.info(`Listening on ${port}`));',
      '  process.on("SIGTERM", () => logger.info(`Stopping ${process.pid}`));',
      "}",
    ),
    {
      code: lines(
        'import pino from "pino";',
        "const logger = pino();",
        "export function checkMemory(budget: number) {",
        "  logger.warn(`Memory budget is ${budget} MB`);",
        "}",
      ),
      filename: "server/utils/startup.ts",
    },
    // Only outside production: a trace for the developer.
    lines(
      'import pino from "pino";',
      "const logger = pino();",
      "export function sendSignInLink(url: string) {",
      '  if (process.env.NODE_ENV !== "production") logger.info(`Sign in at ${url}`);',
      "}",
    ),
    // winston's `log` takes the level first: not a line's message.
    lines(
      'import winston from "winston";',
      "const logger = winston.createLogger();",
      'export const f = (id: string) => logger.log("info", `Order ${id}`);',
    ),
    // Not a logger by its name or its making.
    lines("const cache = new Map<string, string>();", "export const f = (id: string) => cache.set(`order:${id}`, id);"),
    lines(
      'import { EventEmitter } from "node:events";',
      "const bus = new EventEmitter();",
      "export const f = (id: string) => bus.emit(`order:${id}`);",
    ),
    // Built only from constants: a few fixed wordings, each searchable.
    lines(
      'import pino from "pino";',
      "const logger = pino();",
      "const MONITOR_ID = 'uptime';",
      "export const f = (is4k: boolean) => {",
      '  logger.warn(`There is no default ${is4k ? "4K " : ""}server`);',
      "  logger.warn(`Monitor ${MONITOR_ID} is not set`);",
      "  logger.warn('Monitor ' + MONITOR_ID + ' is not set');",
      "};",
    ),
    // A constant message: the text after it is a value, not part of the message.
    lines(
      'import pino from "pino";',
      "const logger = pino();",
      'export const f = (id: string) => logger.info("Order shipped", `#${id}`);',
    ),
    // A `%s` with nothing after it prints as written; NestJS never formats `%s`.
    lines('import pino from "pino";', "const logger = pino();", 'export const f = () => logger.info("Rate is 5%s");'),
    lines(
      'import { Logger } from "@nestjs/common";',
      "export class Jobs {",
      "  private readonly logger = new Logger(Jobs.name);",
      '  run(id: string) { this.logger.log("Running job %s", id); }',
      "}",
    ),
  ],
  invalid: [
    {
      // Express with pino: the values become fields, the message the constant text before them.
      code: lines(
        'import express from "express";',
        'import pino from "pino";',
        "const logger = pino();",
        "const app = express();",
        'app.post("/orders/:id/charge", async (req, res) => {',
        "  logger.info(`Charging order ${req.params.id} for ${req.body.amount}`);",
        "  res.sendStatus(202);",
        "});",
      ),
      filename: files.ts,
      errors: [{ ...template, line: 6, column: 15, endLine: 6, endColumn: 71 }],
      output: lines(
        'import express from "express";',
        'import pino from "pino";',
        "const logger = pino();",
        "const app = express();",
        'app.post("/orders/:id/charge", async (req, res) => {',
        '  logger.info({ paramsId: req.params.id, bodyAmount: req.body.amount }, "Charging order");',
        "  res.sendStatus(202);",
        "});",
      ),
    },
    {
      // pino's fields first, then a message made with `+`; a caught error goes under `err`.
      code: lines(
        'import pino from "pino";',
        "const logger = pino();",
        "export async function charge(order: { id: string; total: number }, userId: string) {",
        "  logger.info({ userId }, 'Charged ' + order.total + ' for order ' + order.id);",
        "  try {",
        "    await fetch('https://payments.example/charge');",
        "  } catch (err) {",
        "    logger.error(`Charge failed for ${order.id}: ${(err as Error).message}`);",
        "  }",
        "}",
      ),
      errors: [
        { ...concatenation, line: 4, column: 27 },
        { ...template, line: 8, column: 18 },
      ],
      output: lines(
        'import pino from "pino";',
        "const logger = pino();",
        "export async function charge(order: { id: string; total: number }, userId: string) {",
        '  logger.info({ userId, orderTotal: order.total, orderId: order.id }, "Charged for order");',
        "  try {",
        "    await fetch('https://payments.example/charge');",
        "  } catch (err) {",
        '    logger.error({ orderId: order.id, err }, "Charge failed");',
        "  }",
        "}",
      ),
    },
    {
      // pino's own `%s` formatting: the values after the format string.
      code: lines(
        'import pino from "pino";',
        "const logger = pino();",
        'export const f = (id: string) => logger.warn("Order %s is late", id);',
      ),
      errors: [{ ...format, line: 3, column: 46 }],
      output: lines(
        'import pino from "pino";',
        "const logger = pino();",
        'export const f = (id: string) => logger.warn({ id }, "Order");',
      ),
    },
    {
      // Fastify: the request's own pino logger.
      code: lines(
        'import Fastify from "fastify";',
        "const app = Fastify({ logger: true });",
        'app.get<{ Params: { id: string } }>("/reports/:id", async (request) => {',
        "  request.log.info(`Building report ${request.params.id}`);",
        "  return { ok: true };",
        "});",
      ),
      filename: files.ts,
      errors: [{ ...template, line: 4, column: 20 }],
      output: lines(
        'import Fastify from "fastify";',
        "const app = Fastify({ logger: true });",
        'app.get<{ Params: { id: string } }>("/reports/:id", async (request) => {',
        '  request.log.info({ paramsId: request.params.id }, "Building report");',
        "  return { ok: true };",
        "});",
      ),
    },
    {
      // Koa with koa-pino-logger's `ctx.log`.
      code: lines(
        'import Router from "@koa/router";',
        "const router = new Router();",
        'router.delete("/users/:id", async (ctx) => {',
        "  ctx.log.warn(`Deleting user ${ctx.params.id}`);",
        "  ctx.status = 204;",
        "});",
      ),
      filename: files.ts,
      errors: [{ ...template, line: 4, column: 16 }],
      output: lines(
        'import Router from "@koa/router";',
        "const router = new Router();",
        'router.delete("/users/:id", async (ctx) => {',
        '  ctx.log.warn({ paramsId: ctx.params.id }, "Deleting user");',
        "  ctx.status = 204;",
        "});",
      ),
    },
    {
      // Hono with hono-pino's `c.var.logger`.
      code: lines(
        'import { Hono } from "hono";',
        "const app = new Hono();",
        'app.post("/exports/:id", (c) => {',
        '  c.var.logger.info(`Export ${c.req.param("id")} queued`);',
        "  return c.body(null, 202);",
        "});",
      ),
      filename: files.ts,
      errors: [{ ...template, line: 4, column: 21 }],
      output: lines(
        'import { Hono } from "hono";',
        "const app = new Hono();",
        'app.post("/exports/:id", (c) => {',
        '  c.var.logger.info({ reqParam: c.req.param("id") }, "Export");',
        "  return c.body(null, 202);",
        "});",
      ),
    },
    {
      // Next.js: the project's winston logger, named in settings; the meta object keeps its fields.
      code: lines(
        'import { logger } from "./logger.js";',
        "export async function POST(request: Request) {",
        "  const { plan } = await request.json();",
        "  logger.info(`Upgrading to ${plan}`, { source: 'billing' });",
        "  return Response.json({ ok: true });",
        "}",
      ),
      filename: files.nextApp,
      settings: winstonSettings,
      errors: [{ ...template, line: 4, column: 15 }],
      output: lines(
        'import { logger } from "./logger.js";',
        "export async function POST(request: Request) {",
        "  const { plan } = await request.json();",
        "  logger.info(\"Upgrading\", { plan, source: 'billing' });",
        "  return Response.json({ ok: true });",
        "}",
      ),
    },
    {
      // NestJS: `this.logger` is the framework's `Logger`; with a context argument there is no rewrite.
      code: lines(
        'import { Injectable, Logger } from "@nestjs/common";',
        "@Injectable()",
        "export class UsersService {",
        "  private readonly logger = new Logger(UsersService.name);",
        "  create(name: string) {",
        "    this.logger.log(`Creating user ${name}`);",
        '    this.logger.warn(`Slow create for ${name}`, "Users");',
        "  }",
        "}",
      ),
      filename: "src/users/users.service.ts",
      errors: [
        { ...template, line: 6, column: 21 },
        { ...template, line: 7, column: 22 },
      ],
      output: lines(
        'import { Injectable, Logger } from "@nestjs/common";',
        "@Injectable()",
        "export class UsersService {",
        "  private readonly logger = new Logger(UsersService.name);",
        "  create(name: string) {",
        '    this.logger.log("Creating user", { name });',
        '    this.logger.warn(`Slow create for ${name}`, "Users");',
        "  }",
        "}",
      ),
    },
    {
      // A logger whose style nothing in the file tells: each style offered, never applied on save.
      code: lines(
        'import { logger } from "../lib/logger";',
        "export function onShipped(orderId: string) {",
        "  logger.info(`Order ${orderId} shipped`);",
        "}",
      ),
      errors: [
        {
          ...template,
          line: 3,
          column: 15,
          suggestions: [
            {
              messageId: "useFieldsLike",
              data: { logger: "logger", style: "pino", call: 'logger.info({ orderId }, "Order")' },
              output: lines(
                'import { logger } from "../lib/logger";',
                "export function onShipped(orderId: string) {",
                '  logger.info({ orderId }, "Order");',
                "}",
              ),
            },
            {
              messageId: "useFieldsLike",
              data: { logger: "logger", style: "winston", call: 'logger.info("Order", { orderId })' },
              output: lines(
                'import { logger } from "../lib/logger";',
                "export function onShipped(orderId: string) {",
                '  logger.info("Order", { orderId });',
                "}",
              ),
            },
          ],
        },
      ],
      output: null,
    },
    {
      // pino's `(err, message)`: the error goes under `err`.
      code: lines(
        'import pino from "pino";',
        "const logger = pino();",
        "export async function refund(id: string) {",
        "  try {",
        '    await fetch("https://payments.example/refund");',
        "  } catch (error) {",
        "    logger.error(error, `Refund ${id} failed`);",
        "  }",
        "}",
      ),
      errors: [{ ...template, line: 7, column: 25 }],
      output: lines(
        'import pino from "pino";',
        "const logger = pino();",
        "export async function refund(id: string) {",
        "  try {",
        '    await fetch("https://payments.example/refund");',
        "  } catch (error) {",
        '    logger.error({ err: error, id }, "Refund failed");',
        "  }",
        "}",
      ),
    },
    {
      // The app's own `Logger` class, called with a category before the message: reported, not rewritten.
      code: lines(
        'import Logger from "@server/logging/Logger";',
        "export async function runTask(name: string, id: string) {",
        '  Logger.info("task", `Running ${name} for ${id}`);',
        "  Logger.silly(`Queue depth ${id.length}`);",
        "}",
      ),
      errors: [
        { ...template, line: 3, column: 23 },
        {
          ...template,
          line: 4,
          column: 16,
          suggestions: [
            {
              messageId: "useFieldsLike",
              data: { logger: "Logger", style: "pino", call: 'Logger.silly({ idLength: id.length }, "Queue depth")' },
              output: lines(
                'import Logger from "@server/logging/Logger";',
                "export async function runTask(name: string, id: string) {",
                '  Logger.info("task", `Running ${name} for ${id}`);',
                '  Logger.silly({ idLength: id.length }, "Queue depth");',
                "}",
              ),
            },
            {
              messageId: "useFieldsLike",
              data: {
                logger: "Logger",
                style: "winston",
                call: 'Logger.silly("Queue depth", { idLength: id.length })',
              },
              output: lines(
                'import Logger from "@server/logging/Logger";',
                "export async function runTask(name: string, id: string) {",
                '  Logger.info("task", `Running ${name} for ${id}`);',
                '  Logger.silly("Queue depth", { idLength: id.length });',
                "}",
              ),
            },
          ],
        },
      ],
      output: null,
    },
    {
      // A message with nothing constant in it: reported, with nothing to make the message of.
      code: lines(
        'import pino from "pino";',
        "const logger = pino();",
        "export const f = (a: string, b: string) => logger.info(`${a}: ${b}`);",
      ),
      errors: [{ ...template, line: 3, column: 56 }],
      output: null,
    },
  ],
});

describe("no-interpolated-log-message rewrites", () => {
  it("converge, and type-check against pino's and winston's own types", () => {
    const pinoCode = lines(
      'import pino from "pino";',
      "const logger = pino();",
      "export async function charge(order: { id: string; total: number }) {",
      "  logger.info(`Charging ${order.total} for order ${order.id}`);",
      "  try {",
      '    await fetch("https://payments.example/charge");',
      "  } catch (err) {",
      "    logger.error(`Charge failed for ${order.id}: ${String(err)}`);",
      "  }",
      "}",
      "",
    );
    const pino = lintWithFix("no-interpolated-log-message", pinoCode);
    expect(pino.fatal).toEqual([]);
    expect(pino.remaining).toEqual([]);
    expect(getTypeErrors({ "server.ts": pinoCode })).toEqual([]);
    expect(getTypeErrors({ "server.ts": pino.output })).toEqual([]);

    const winstonCode = lines(
      'import winston from "winston";',
      "const logger = winston.createLogger({});",
      "export async function charge(order: { id: string }) {",
      "  logger.warn(`Retrying order ${order.id}`, { attempt: 2 });",
      "  try {",
      '    await fetch("https://payments.example/charge");',
      "  } catch (err) {",
      "    logger.error(`Charge failed: ${err}`);",
      "  }",
      "}",
      "",
    );
    const winston = lintWithFix("no-interpolated-log-message", winstonCode);
    expect(winston.output).toBe(
      lines(
        'import winston from "winston";',
        "const logger = winston.createLogger({});",
        "export async function charge(order: { id: string }) {",
        '  logger.warn("Retrying order", { orderId: order.id, attempt: 2 });',
        "  try {",
        '    await fetch("https://payments.example/charge");',
        "  } catch (err) {",
        '    logger.error("Charge failed", err);',
        "  }",
        "}",
        "",
      ),
    );
    expect(winston.remaining).toEqual([]);
    expect(getTypeErrors({ "server.ts": winstonCode })).toEqual([]);
    expect(getTypeErrors({ "server.ts": winston.output })).toEqual([]);
  });
});
