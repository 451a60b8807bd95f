import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import rule from "../../src/rules/no-catch-all-500.js";
import { lintWithFix } from "../utils/lint-with-fix.js";
import { createRuleTester, files } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";

const ruleTester = createRuleTester();
const lines = (...parts: string[]) => parts.join("\n");
/** The client-error branch for an error that carries a 4xx `status`, narrowed from `unknown`. */
const statusTest = (e: string, property = "status") =>
  `if (${e} instanceof Error && "${property}" in ${e} && typeof ${e}.${property} === "number" && ${e}.${property} >= 400 && ${e}.${property} < 500) {`;

/** The app's own error handlers, in their own modules: where `next(err)` and a rethrow land. */
const errorModules = {
  "middleware/error.ts": lines(
    'import type { ErrorRequestHandler } from "express";',
    "export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {",
    '  res.status(typeof err?.status === "number" ? err.status : 500).json({ error: "Request failed" });',
    "};",
  ),
  "hono-errors.ts": lines(
    'import type { ErrorHandler } from "hono";',
    'import { HTTPException } from "hono/http-exception";',
    'export const onError: ErrorHandler = (err, c) => (err instanceof HTTPException ? err.getResponse() : c.json({ error: "Internal error" }, 500));',
  ),
  "koa-errors.ts": lines(
    'import type { Middleware } from "koa";',
    "export const errorHandler: Middleware = async (ctx, next) => {",
    "  await next();",
    "};",
  ),
};

const expressErrorHandlerImport = 'import { errorHandler } from "./middleware/error.js";';

const expressInline = lines(
  'import express from "express";',
  expressErrorHandlerImport,
  "const app = express();",
  "declare const db: { user: { create(input: unknown): Promise<unknown> } };",
  'app.post("/users", async (req, res) => {',
  "  try {",
  "    const user = await db.user.create({ data: req.body });",
  "    res.status(201).json(user);",
  "  } catch (err) {",
  "    console.error(err);",
  '    res.status(500).json({ error: "Something went wrong" });',
  "  }",
  "});",
  "app.use(errorHandler);",
  "export default app;",
);
const expressInlineFixed = lines(
  'import express from "express";',
  expressErrorHandlerImport,
  "const app = express();",
  "declare const db: { user: { create(input: unknown): Promise<unknown> } };",
  'app.post("/users", async (req, res, next) => {',
  "  try {",
  "    const user = await db.user.create({ data: req.body });",
  "    res.status(201).json(user);",
  "  } catch (err) {",
  "    console.error(err);",
  "    next(err);",
  "  }",
  "});",
  "app.use(errorHandler);",
  "export default app;",
);
/** The same routes in a file that does not show the app's error handler. */
const withoutExpressErrorHandler = (code: string) =>
  code.replace(`${expressErrorHandlerImport}\n`, "").replace("app.use(errorHandler);\n", "");

const expressBareCatch = lines(
  'import express from "express";',
  "const app = express();",
  "declare function work(id: string): Promise<void>;",
  'app.get("/report", async (req, res, next) => {',
  '  try { await work(req.body.id); res.json({ ok: true }); } catch { return res.status(500).send("oops"); }',
  "});",
  "export default app;",
);
const expressBareCatchFixed = lines(
  'import express from "express";',
  "const app = express();",
  "declare function work(id: string): Promise<void>;",
  'app.get("/report", async (req, res, next) => {',
  "  try { await work(req.body.id); res.json({ ok: true }); } catch (err) { return next(err); }",
  "});",
  "export default app;",
);

const expressPromiseCatch = lines(
  'import express from "express";',
  "const app = express();",
  "declare const db: { find(): Promise<unknown[]> };",
  'app.get("/items", (req, res) => {',
  "  db.find().then((rows) => res.json(rows)).catch(() => res.sendStatus(500));",
  "});",
  "export default app;",
);
const expressPromiseCatchFixed = lines(
  'import express from "express";',
  "const app = express();",
  "declare const db: { find(): Promise<unknown[]> };",
  'app.get("/items", (req, res, next) => {',
  "  db.find().then((rows) => res.json(rows)).catch((err) => next(err));",
  "});",
  "export default app;",
);

const expressSplitStatus = lines(
  'import express from "express";',
  expressErrorHandlerImport,
  "const app = express();",
  "declare function work(id: string): Promise<void>;",
  'app.get("/split/:id", async (req, res, next) => {',
  "  try {",
  "    await work(req.body.id);",
  "  } catch (error) {",
  "    res.status(500);",
  '    res.json({ error: "failed" });',
  "  }",
  "});",
  "app.use(errorHandler);",
  "export default app;",
);
const expressSplitStatusFixed = lines(
  'import express from "express";',
  expressErrorHandlerImport,
  "const app = express();",
  "declare function work(id: string): Promise<void>;",
  'app.get("/split/:id", async (req, res, next) => {',
  "  try {",
  "    await work(req.body.id);",
  "  } catch (error) {",
  "    next(error);",
  "  }",
  "});",
  "app.use(errorHandler);",
  "export default app;",
);

const expressCallback = lines(
  'const express = require("express");',
  'const { handleErrors } = require("./errors");',
  "const app = express();",
  'app.get("/rows", function (req, res) {',
  '  db.query("select 1", (err, rows) => {',
  '    if (err) return res.status(500).json({ error: "Database error" });',
  "    res.json(rows);",
  "  });",
  "});",
  "app.use(handleErrors);",
);
const expressCallbackFixed = lines(
  'const express = require("express");',
  'const { handleErrors } = require("./errors");',
  "const app = express();",
  'app.get("/rows", function (req, res, next) {',
  '  db.query("select 1", (err, rows) => {',
  "    if (err) return next(err);",
  "    res.json(rows);",
  "  });",
  "});",
  "app.use(handleErrors);",
);

const expressController = lines(
  'import type { Request, Response } from "express";',
  "declare function work(input: unknown): Promise<void>;",
  "export const createUser = async (req: Request, res: Response) => {",
  "  try {",
  "    await work(req.body);",
  "    res.status(201).end();",
  "  } catch (err) {",
  '    res.status(500).json({ message: "Failed to create user" });',
  "  }",
  "};",
);

const expressErrorHandler = lines(
  'import express from "express";',
  "const app = express();",
  "app.use((err, req, res, next) => {",
  "  console.error(err);",
  '  res.status(500).json({ error: "Internal server error" });',
  "});",
);

const fastifyWithHandler = lines(
  'import Fastify from "fastify";',
  "const app = Fastify();",
  "declare function work(input: unknown): Promise<void>;",
  'app.get("/a", async (request, reply) => {',
  "  try {",
  "    await work(request.params);",
  "    return { ok: true };",
  "  } catch (err) {",
  "    request.log.error(err);",
  '    return reply.code(500).send({ error: "Internal error" });',
  "  }",
  "});",
  "app.setErrorHandler((error, request, reply) => {",
  "  request.log.error(error);",
  '  reply.status(500).send({ error: "Internal error" });',
  "});",
  "export default app;",
);
const fastifyWithHandlerFixed = lines(
  'import Fastify from "fastify";',
  "const app = Fastify();",
  "declare function work(input: unknown): Promise<void>;",
  'app.get("/a", async (request, reply) => {',
  "  try {",
  "    await work(request.params);",
  "    return { ok: true };",
  "  } catch (err) {",
  "    request.log.error(err);",
  "    throw err;",
  "  }",
  "});",
  "app.setErrorHandler((error, request, reply) => {",
  "  request.log.error(error);",
  '  reply.status(500).send({ error: "Internal error" });',
  "});",
  "export default app;",
);

const fastifyPlugin = lines(
  'import type { FastifyPluginAsync } from "fastify";',
  "const routes: FastifyPluginAsync = async (fastify) => {",
  '  fastify.get("/b", async (request, reply) => {',
  "    try {",
  "      return await load(request.query);",
  "    } catch (e) {",
  "      reply.internalServerError();",
  "    }",
  "  });",
  "};",
  "export default routes;",
);

const honoRoute = lines(
  'import { Hono } from "hono";',
  'import { onError } from "./hono-errors.js";',
  "const app = new Hono();",
  "app.onError(onError);",
  "declare function work(input: unknown): Promise<string>;",
  'app.get("/a", async (c) => {',
  "  try {",
  "    return c.text(await work(c.req.query()));",
  "  } catch (e) {",
  "    console.error(e);",
  '    return c.json({ error: "Internal error" }, 500);',
  "  }",
  "});",
  "export default app;",
);
const honoRouteFixed = lines(
  'import { Hono } from "hono";',
  'import { onError } from "./hono-errors.js";',
  "const app = new Hono();",
  "app.onError(onError);",
  "declare function work(input: unknown): Promise<string>;",
  'app.get("/a", async (c) => {',
  "  try {",
  "    return c.text(await work(c.req.query()));",
  "  } catch (e) {",
  "    console.error(e);",
  "    throw e;",
  "  }",
  "});",
  "export default app;",
);

const honoOnError = lines(
  'import { Hono } from "hono";',
  "const app = new Hono();",
  "app.onError((err, c) => {",
  "  console.error(err);",
  '  return c.json({ error: "Internal error" }, 500);',
  "});",
);
const honoOnErrorSuggested = lines(
  'import { Hono } from "hono";',
  'import { HTTPException } from "hono/http-exception";',
  "const app = new Hono();",
  "app.onError((err, c) => {",
  "  console.error(err);",
  "  if (err instanceof HTTPException) {",
  "    return err.getResponse();",
  "  }",
  '  return c.json({ error: "Internal error" }, 500);',
  "});",
);

const honoOnErrorZod = lines(
  'import { Hono } from "hono";',
  'import { z } from "zod";',
  "const app = new Hono();",
  'app.post("/items", async (c) => c.json(z.object({ name: z.string() }).parse(await c.req.json()), 201));',
  "app.onError((err, c) => {",
  '  return c.json({ error: "Internal error" }, 500);',
  "});",
  "export default app;",
);
const honoOnErrorZodSuggested = lines(
  'import { Hono } from "hono";',
  'import { z } from "zod";',
  'import { HTTPException } from "hono/http-exception";',
  "const app = new Hono();",
  'app.post("/items", async (c) => c.json(z.object({ name: z.string() }).parse(await c.req.json()), 201));',
  "app.onError((err, c) => {",
  "  if (err instanceof z.ZodError) {",
  '    return c.json({ error: "Invalid request", issues: err.issues }, 400);',
  "  }",
  "  if (err instanceof HTTPException) {",
  "    return err.getResponse();",
  "  }",
  '  return c.json({ error: "Internal error" }, 500);',
  "});",
  "export default app;",
);

/** The shape generated apps give their Express error handler: typed `err: Error`, one blind 500. */
const expressTypedErrorHandler = lines(
  'import express from "express";',
  'import { ZodError } from "zod";',
  "const app = express();",
  "app.use((err: Error, req: express.Request, res: express.Response, next: express.NextFunction) => {",
  '  res.status(500).json({ message: "Internal server error" });',
  "});",
  "export default app;",
);
const expressTypedErrorHandlerSuggested = lines(
  'import express from "express";',
  'import { ZodError } from "zod";',
  "const app = express();",
  "app.use((err: Error, req: express.Request, res: express.Response, next: express.NextFunction) => {",
  "  if (err instanceof ZodError) {",
  '    res.status(400).json({ error: "Invalid request", issues: err.issues });',
  "    return;",
  "  }",
  `  ${statusTest("err")}`,
  "    res.status(err.status).json({ error: err.message });",
  "    return;",
  "  }",
  '  res.status(500).json({ message: "Internal server error" });',
  "});",
  "export default app;",
);

const koaRoute = lines(
  'import Router from "@koa/router";',
  'import Koa from "koa";',
  'import { errorHandler } from "./koa-errors.js";',
  "const app = new Koa();",
  "app.use(errorHandler);",
  "const router = new Router();",
  "declare function work(input: unknown): Promise<unknown>;",
  'router.get("/a", async (ctx) => {',
  "  try {",
  "    ctx.body = await work(ctx.query);",
  "  } catch (err) {",
  "    console.error(err);",
  "    ctx.status = 500;",
  '    ctx.body = { error: "Internal error" };',
  "  }",
  "});",
  "app.use(router.routes());",
  "export default app;",
);
const koaRouteFixed = lines(
  'import Router from "@koa/router";',
  'import Koa from "koa";',
  'import { errorHandler } from "./koa-errors.js";',
  "const app = new Koa();",
  "app.use(errorHandler);",
  "const router = new Router();",
  "declare function work(input: unknown): Promise<unknown>;",
  'router.get("/a", async (ctx) => {',
  "  try {",
  "    ctx.body = await work(ctx.query);",
  "  } catch (err) {",
  "    console.error(err);",
  "    throw err;",
  "  }",
  "});",
  "app.use(router.routes());",
  "export default app;",
);

/** The routes of `koaRoute` in a router module of their own, which does not show the app's error middleware. */
const koaRouterOnly = (code: string) =>
  code
    .replace(
      'import Koa from "koa";\nimport { errorHandler } from "./koa-errors.js";\nconst app = new Koa();\napp.use(errorHandler);\n',
      "",
    )
    .replace("app.use(router.routes());\nexport default app;", "export default router;");

const koaErrorMiddleware = lines(
  'import Koa from "koa";',
  "const app = new Koa();",
  "app.use(async (ctx, next) => {",
  "  try {",
  "    await next();",
  "  } catch (err) {",
  "    ctx.status = 500;",
  '    ctx.body = { error: "Internal error" };',
  "  }",
  "});",
);
const koaErrorMiddlewareSuggested = lines(
  'import Koa from "koa";',
  "const app = new Koa();",
  "app.use(async (ctx, next) => {",
  "  try {",
  "    await next();",
  "  } catch (err) {",
  `    ${statusTest("err")}`,
  "      ctx.status = err.status;",
  "      ctx.body = { error: err.message };",
  "      return;",
  "    }",
  "    ctx.status = 500;",
  '    ctx.body = { error: "Internal error" };',
  "  }",
  "});",
);

// `next/server.js`: the type check resolves like Node (NodeNext), which needs the extension for next's subpaths.
const nextAppFile = "app/api/items/route.ts";
const nextAppRoute = lines(
  'import { NextResponse } from "next/server.js";',
  "declare function listItems(filter: URLSearchParams): Promise<unknown[]>;",
  "export async function GET(request: Request) {",
  "  try {",
  "    return NextResponse.json(await listItems(new URL(request.url).searchParams));",
  "  } catch (error) {",
  '    return NextResponse.json({ error: "Internal error" }, { status: 500 });',
  "  }",
  "}",
);
const nextAppRouteSuggested = lines(
  'import { NextResponse } from "next/server.js";',
  "declare function listItems(filter: URLSearchParams): Promise<unknown[]>;",
  "export async function GET(request: Request) {",
  "  try {",
  "    return NextResponse.json(await listItems(new URL(request.url).searchParams));",
  "  } catch (error) {",
  `    ${statusTest("error")}`,
  "      return NextResponse.json({ error: error.message }, { status: error.status });",
  "    }",
  '    return NextResponse.json({ error: "Internal error" }, { status: 500 });',
  "  }",
  "}",
);

const nextAppZodRoute = lines(
  'import { NextResponse } from "next/server.js";',
  'import { z } from "zod";',
  "const Item = z.object({ name: z.string() });",
  "declare function createItem(input: z.infer<typeof Item>): Promise<unknown>;",
  "export async function POST(request: Request) {",
  "  try {",
  "    const item = await createItem(Item.parse(await request.json()));",
  "    return NextResponse.json(item, { status: 201 });",
  "  } catch (error) {",
  "    console.error(error);",
  '    return NextResponse.json({ error: "Internal error" }, { status: 500 });',
  "  }",
  "}",
);
const nextAppZodRouteSuggested = lines(
  'import { NextResponse } from "next/server.js";',
  'import { z } from "zod";',
  "const Item = z.object({ name: z.string() });",
  "declare function createItem(input: z.infer<typeof Item>): Promise<unknown>;",
  "export async function POST(request: Request) {",
  "  try {",
  "    const item = await createItem(Item.parse(await request.json()));",
  "    return NextResponse.json(item, { status: 201 });",
  "  } catch (error) {",
  "    console.error(error);",
  "    if (error instanceof z.ZodError) {",
  '      return NextResponse.json({ error: "Invalid request", issues: error.issues }, { status: 400 });',
  "    }",
  `    ${statusTest("error")}`,
  "      return NextResponse.json({ error: error.message }, { status: error.status });",
  "    }",
  '    return NextResponse.json({ error: "Internal error" }, { status: 500 });',
  "  }",
  "}",
);

const nextPagesRoute = lines(
  'import type { NextApiRequest, NextApiResponse } from "next";',
  "declare function work(input: unknown): Promise<unknown>;",
  "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
  "  try {",
  "    res.status(200).json(await work(req.query));",
  "  } catch (err) {",
  '    res.status(500).json({ error: "Internal error" });',
  "  }",
  "}",
);
const nextPagesRouteSuggested = lines(
  'import type { NextApiRequest, NextApiResponse } from "next";',
  "declare function work(input: unknown): Promise<unknown>;",
  "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
  "  try {",
  "    res.status(200).json(await work(req.query));",
  "  } catch (err) {",
  `    ${statusTest("err")}`,
  "      res.status(err.status).json({ error: err.message });",
  "      return;",
  "    }",
  '    res.status(500).json({ error: "Internal error" });',
  "  }",
  "}",
);

const nestController = lines(
  'import { Controller, Get, InternalServerErrorException } from "@nestjs/common";',
  "declare function work(): Promise<string[]>;",
  '@Controller("users")',
  "export class UsersController {",
  "  @Get()",
  "  async findAll() {",
  "    try {",
  "      return await work();",
  "    } catch (err) {",
  '      throw new InternalServerErrorException("Failed to load users");',
  "    }",
  "  }",
  "}",
);
const nestControllerFixed = lines(
  'import { Controller, Get, InternalServerErrorException } from "@nestjs/common";',
  "declare function work(): Promise<string[]>;",
  '@Controller("users")',
  "export class UsersController {",
  "  @Get()",
  "  async findAll() {",
  "    try {",
  "      return await work();",
  "    } catch (err) {",
  "      throw err;",
  "    }",
  "  }",
  "}",
);

const nestService = lines(
  'import { HttpException, HttpStatus, Injectable } from "@nestjs/common";',
  "declare function work(): Promise<string>;",
  "@Injectable()",
  "export class UsersService {",
  "  async create() {",
  "    return work().catch((error) => {",
  '      throw new HttpException("Could not create user", HttpStatus.INTERNAL_SERVER_ERROR);',
  "    });",
  "  }",
  "}",
);
const nestServiceFixed = lines(
  'import { HttpException, HttpStatus, Injectable } from "@nestjs/common";',
  "declare function work(): Promise<string>;",
  "@Injectable()",
  "export class UsersService {",
  "  async create() {",
  "    return work().catch((error) => {",
  "      throw error;",
  "    });",
  "  }",
  "}",
);

const catchAll = (what: string, delegate: string) => ({ messageId: "catchAll" as const, data: { what, delegate } });
const catchAllNext = (what: string) => ({ messageId: "catchAllNext" as const, data: { what } });

/** Pages API: 401 before the `try`, 404 inside it, and only queries left: nothing but a server fault reaches the 500. */
const pagesAnswered = (tryBody: string[], extra: string[] = []) =>
  lines(
    'import type { NextApiRequest, NextApiResponse } from "next";',
    "declare const db: { team: { findFirst(q: unknown): Promise<{ id: string } | null> }; doc: { findMany(q: unknown): Promise<unknown[]>; update(q: unknown): Promise<unknown> } };",
    "declare function getSession(req: NextApiRequest): Promise<{ userId: string } | null>;",
    ...extra,
    "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
    "  const session = await getSession(req);",
    '  if (!session) return res.status(401).json({ error: "Unauthorized" });',
    "  const { teamId } = req.query as { teamId: string };",
    "  try {",
    "    const team = await db.team.findFirst({ where: { id: teamId, userId: session.userId } });",
    '    if (!team) return res.status(404).json({ error: "Team not found" });',
    ...tryBody.map((line) => `    ${line}`),
    "  } catch (err) {",
    "    console.error(err);",
    '    return res.status(500).json({ error: "Internal server error" });',
    "  }",
    "}",
  );
/** The client-error suggestion for `pagesAnswered`. */
const pagesAnsweredSuggested = (code: string) =>
  code.replace(
    '    return res.status(500).json({ error: "Internal server error" });',
    lines(
      `    ${statusTest("err")}`,
      "      return res.status(err.status).json({ error: err.message });",
      "    }",
      '    return res.status(500).json({ error: "Internal server error" });',
    ),
  );
const pagesAnsweredInvalid = (name: string, tryBody: string[], extra: string[] = []) => {
  const code = pagesAnswered(tryBody, extra);
  return {
    name,
    code,
    filename: files.nextPages,
    output: null,
    errors: [
      {
        ...catchAllNext("`catch` block"),
        suggestions: [
          {
            messageId: "addStatusMapping" as const,
            data: { kinds: "a 4xx `status`" },
            output: pagesAnsweredSuggested(code),
          },
        ],
      },
    ],
  };
};
const FASTIFY_JOURNEYS = lines(
  'import type { FastifyReply, FastifyRequest } from "fastify";',
  "declare function getTimeFilter(query: unknown): string;",
  "declare function runQuery(filter: string, limit: number): Promise<unknown>;",
  "export async function getJourneys(request: FastifyRequest<{ Querystring: { limit?: string; startDate?: string } }>, reply: FastifyReply) {",
  "  try {",
  '    const limit = parseInt(request.query.limit ?? "100", 10);',
  '    if (isNaN(limit)) return reply.status(400).send({ error: "limit must be a number" });',
  "    return reply.send(await runQuery(getTimeFilter(request.query), limit));",
  "  } catch (error) {",
  "    console.error(error);",
  '    return reply.status(500).send({ error: "Failed to get journeys" });',
  "  }",
  "}",
);
const NEXT_APP_JSON = lines(
  'import { NextResponse } from "next/server.js";',
  "declare function getSession(): Promise<{ userId: string } | null>;",
  "declare function save(userId: string, name: unknown): Promise<unknown>;",
  "export async function POST(request: Request) {",
  "  try {",
  "    const session = await getSession();",
  '    if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });',
  "    const { name } = await request.json();",
  "    return NextResponse.json(await save(session.userId, name));",
  "  } catch (error) {",
  '    return NextResponse.json({ error: "Internal server error" }, { status: 500 });',
  "  }",
  "}",
);
/** The client-error suggestion for an App Router catch whose error is `error` and whose 500 is the last line of the catch. */
const appRouterStatusSuggestion = (code: string) => ({
  messageId: "addStatusMapping" as const,
  data: { kinds: "a 4xx `status`" },
  output: code.replace(
    '    return NextResponse.json({ error: "Internal server error" }, { status: 500 });',
    lines(
      `    ${statusTest("error")}`,
      "      return NextResponse.json({ error: error.message }, { status: error.status });",
      "    }",
      '    return NextResponse.json({ error: "Internal server error" }, { status: 500 });',
    ),
  ),
});
const PAGES_METHOD_BRANCHES = lines(
  'import type { NextApiRequest, NextApiResponse } from "next";',
  "declare const db: { doc: { findFirst(q: unknown): Promise<unknown> }; list: { add(q: unknown): Promise<unknown> } };",
  "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
  '  if (req.method === "GET") {',
  "    const doc = await db.doc.findFirst({ where: { id: req.query.id } });",
  '    if (!doc) return res.status(404).json({ error: "Not found" });',
  "    return res.json(doc);",
  "  }",
  "  try {",
  "    await db.list.add({ data: { name: req.query.name } });",
  "    return res.status(201).end();",
  "  } catch (err) {",
  '    return res.status(500).json({ error: "Internal error" });',
  "  }",
  "}",
);
const EXPRESS_MESSAGE_BODY = lines(
  'import express from "express";',
  "declare function save(input: unknown): Promise<void>;",
  "const app = express();",
  'app.post("/items", async (req, res, next) => {',
  "  try {",
  "    await save(req.body);",
  "    res.status(201).end();",
  "  } catch (err) {",
  '    res.status(500).json({ error: err instanceof Error ? err.message : "Failed" });',
  "  }",
  "});",
);
/** A project whose `package.json` depends on mongoose: its ids are ObjectIds. */
const OBJECT_ID_APP = path.resolve(import.meta.dirname, "../fixtures/object-id-app");

ruleTester.run("no-catch-all-500", rule, {
  valid: [
    // 502/503/504 are deliberate "a dependency is down" answers.
    {
      name: "Express: 503 from a catch",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/a", async (req, res) => {',
        '  try { await ping(); } catch (err) { res.status(503).json({ error: "Upstream down" }); }',
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Express: the error's kind is checked before the 500",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/a", async (req, res) => {',
        "  try { await save(req.body); } catch (err) {",
        "    if (err instanceof ValidationError) return res.status(400).json({ error: err.message });",
        '    res.status(500).json({ error: "Internal error" });',
        "  }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Express: a switch on the error code",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/a", async (req, res) => {',
        "  try { await save(req.body); } catch (err) {",
        "    switch (err.code) {",
        '      case "P2002": return res.status(409).json({ error: "Already exists" });',
        '      default: return res.status(500).json({ error: "Internal error" });',
        "    }",
        "  }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Express: an is*Error type guard",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/a", async (req, res) => {',
        "  try { await save(req.body); } catch (e) {",
        '    if (isHttpError(e)) return res.status(e.status).json({ error: "x" });',
        "    res.sendStatus(500);",
        "  }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Express: a catch that rethrows or calls next(err)",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/a", async (req, res, next) => {',
        "  try { await work(); } catch (err) {",
        "    if (res.headersSent) return next(err);",
        '    res.status(500).json({ error: "x" });',
        "  }",
        "});",
        'app.get("/b", async (req, res) => {',
        '  try { await work(); } catch (err) { res.status(500).json({ error: "x" }); throw err; }',
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Express: a status taken from the error",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "app.use((err, req, res, next) => {",
        '  res.status(err.status || 500).json({ error: err.expose ? err.message : "Internal error" });',
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Express: a central error handler that maps error kinds",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "app.use((err, req, res, next) => {",
        '  if (err.name === "ValidationError") return res.status(400).json({ error: err.message });',
        '  res.status(500).json({ error: "Internal error" });',
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Express: a 500 outside a catch, and a helper that is not a handler",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/a", (req, res) => { res.status(500).json({ error: "Not implemented" }); });',
        'function sendError(res, err) { try { x(); } catch (e) { res.status(500).json({ error: "x" }); } }',
      ),
      filename: files.ts,
    },
    {
      name: "a callback inside a catch runs later, on its own terms",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/a", async (req, res) => {',
        "  try { await work(); } catch (err) { setTimeout(() => res.status(500).end(), 10); }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Fastify: 502 from a catch, and an error handler that reads the status",
      code: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        'app.get("/a", async (request, reply) => {',
        '  try { return await upstream(); } catch (err) { return reply.code(502).send({ error: "Bad gateway" }); }',
        "});",
        "app.setErrorHandler((error, request, reply) => {",
        "  reply.status(error.statusCode ?? 500).send({ error: error.name });",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Hono: onError that tells HTTPException apart",
      code: lines(
        'import { Hono } from "hono";',
        'import { HTTPException } from "hono/http-exception";',
        "const app = new Hono();",
        "app.onError((err, c) => {",
        "  if (err instanceof HTTPException) return err.getResponse();",
        '  return c.json({ error: "Internal error" }, 500);',
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Koa: the error middleware that reads err.status",
      code: lines(
        'import Koa from "koa";',
        "const app = new Koa();",
        "app.use(async (ctx, next) => {",
        "  try { await next(); } catch (err) {",
        "    ctx.status = err.status || 500;",
        '    ctx.body = { error: "Internal error" };',
        "  }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Next.js: a Zod error answered with 400 first",
      code: lines(
        'import { NextResponse } from "next/server";',
        'import { z } from "zod";',
        "export async function POST(request: Request) {",
        "  try { return NextResponse.json(await save(await request.json())); } catch (error) {",
        "    if (error instanceof z.ZodError) return NextResponse.json({ issues: error.issues }, { status: 422 });",
        '    return NextResponse.json({ error: "Internal error" }, { status: 500 });',
        "  }",
        "}",
      ),
      filename: files.nextApp,
    },
    {
      name: "Next.js: 503 with a Retry-After",
      code: lines(
        "export async function GET() {",
        '  try { return Response.json(await work()); } catch { return new Response("Busy", { status: 503, headers: { "Retry-After": "5" } }); }',
        "}",
      ),
      filename: files.nextApp,
    },
    {
      name: "Nest: a gateway error, and a catch that rethrows HTTP exceptions",
      code: lines(
        'import { BadGatewayException, Controller, Get, HttpException, InternalServerErrorException } from "@nestjs/common";',
        '@Controller("a")',
        "export class AController {",
        "  @Get() async a() { try { return await work(); } catch { throw new BadGatewayException(); } }",
        "  @Get() async b() { try { return await work(); } catch (e) { if (e instanceof HttpException) throw e; throw new InternalServerErrorException(); } }",
        "}",
      ),
      filename: files.nest,
    },
    {
      name: "Fastify: reply.send(err) hands the error to the error handler, like next(err)",
      code: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        'app.get("/a", (request, reply) => {',
        "  load().then((data) => reply.send(data)).catch((err) => reply.code(500).send(err));",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Fastify: an error handler that checks for validation errors",
      code: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        "app.setErrorHandler((error, request, reply) => {",
        "  if (error.validation) return reply.code(400).send({ error: error.message });",
        '  reply.code(500).send({ error: "Internal error" });',
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "a plain Node request listener has no error handler to hand errors to",
      code: lines(
        'import http from "node:http";',
        "async function listener(req, res) {",
        '  try { await handle(req, res); } catch (err) { res.statusCode = 500; res.end("Internal Server Error"); }',
        "}",
        "http.createServer(listener).listen(3000);",
      ),
      filename: files.ts,
    },
    {
      name: "an InternalServerErrorException that is not Nest's",
      code: 'import { InternalServerErrorException } from "./errors";\ntry { work(); } catch (e) { throw new InternalServerErrorException(); }',
      filename: files.ts,
    },

    // Client errors answered before or inside the `try`; what is left there can only fail on the server's side.
    {
      name: "Pages API: 401 before the try, 404 inside it, then only queries",
      code: pagesAnswered(["return res.status(200).json(await db.doc.findMany({ where: { teamId: team.id } }));"]),
      filename: files.nextPages,
    },
    {
      name: "Pages API: the body checked with safeParse and answered 400 before the try; an imported helper gets scalars",
      code: pagesAnswered(
        ["const doc = await createDoc(team.id, parsed.data.name);", "return res.status(201).json(doc);"],
        [
          'import { z } from "zod";',
          "declare function createDoc(teamId: string, name: string): Promise<unknown>;",
          "declare const parsed: z.SafeParseReturnType<unknown, { name: string }>;",
        ],
      ),
      filename: files.nextPages,
    },
    {
      name: "Pages API: a 4xx answered in an enclosing try, and an inner try around the writes",
      code: lines(
        'import type { NextApiRequest, NextApiResponse } from "next";',
        "declare const db: { link: { findFirst(q: unknown): Promise<{ id: string } | null> }; view: { create(q: unknown): Promise<{ id: string }> } };",
        "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
        "  const { linkId } = req.query as { linkId: string };",
        "  try {",
        "    const link = await db.link.findFirst({ where: { id: linkId } });",
        '    if (!link) return res.status(404).json({ error: "Link not found" });',
        "    try {",
        "      const view = await db.view.create({ data: { linkId: link.id } });",
        "      return res.status(200).json({ viewId: view.id });",
        "    } catch (error) {",
        "      console.error(error);",
        '      return res.status(500).json({ error: "Failed to record the view" });',
        "    }",
        "  } catch (error) {",
        '    if (error instanceof SyntaxError) return res.status(400).json({ error: "Bad request" });',
        '    return res.status(500).json({ error: "Internal server error" });',
        "  }",
        "}",
      ),
      filename: files.nextPages,
    },
    {
      name: "Next.js App Router: 401 inside the try, then a query by the session's user id",
      code: lines(
        'import { NextResponse } from "next/server.js";',
        "declare function getSession(): Promise<{ userId: string } | null>;",
        "declare const db: { file: { findMany(q: unknown): Promise<unknown[]> } };",
        "export async function GET() {",
        "  try {",
        "    const session = await getSession();",
        '    if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });',
        "    return NextResponse.json(await db.file.findMany({ where: { sharedWithId: session.userId } }));",
        "  } catch (error) {",
        "    console.error(error);",
        '    return NextResponse.json({ error: "Internal server error" }, { status: 500 });',
        "  }",
        "}",
      ),
      filename: files.nextApp,
    },
    {
      name: "Koa: a health probe reads nothing from the request — only its dependencies can fail",
      code: lines(
        'import Router from "@koa/router";',
        "declare const sql: { query(text: string): Promise<unknown> };",
        "declare const redis: { ping(): Promise<string> };",
        "const router = new Router();",
        'router.get("/_health", async (ctx) => {',
        "  try {",
        '    await sql.query("SELECT 1");',
        "  } catch (err) {",
        '    console.error("Database unreachable", err);',
        "    ctx.status = 500;",
        "    return;",
        "  }",
        "  try {",
        "    await redis.ping();",
        "  } catch (err) {",
        '    console.error("Redis unreachable", err);',
        "    ctx.status = 500;",
        "    return;",
        "  }",
        '  ctx.body = "OK";',
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Fastify: 403 before the try, 404 inside it; the update and the cache get scalars from the body",
      code: lines(
        'import type { FastifyReply, FastifyRequest } from "fastify";',
        "declare function canEdit(request: FastifyRequest, siteId: number): Promise<boolean>;",
        "declare const db: { query: { sites: { findFirst(q: unknown): Promise<unknown> } }; update(table: unknown): { set(v: unknown): { where(w: unknown): Promise<void> } } };",
        "declare const sites: unknown;",
        "declare const cache: { setBlockBots(siteId: number, on: boolean): void };",
        "export async function setBlockBots(request: FastifyRequest<{ Body: { siteId: number; blockBots: boolean } }>, reply: FastifyReply) {",
        "  const { siteId, blockBots } = request.body;",
        '  if (!(await canEdit(request, siteId))) return reply.status(403).send({ error: "Forbidden" });',
        "  try {",
        "    const site = await db.query.sites.findFirst({ where: { siteId } });",
        '    if (!site) return reply.status(404).send({ error: "Site not found" });',
        "    await db.update(sites).set({ blockBots }).where({ siteId });",
        "    cache.setBlockBots(siteId, blockBots);",
        "    return reply.send({ success: true });",
        "  } catch (error) {",
        '    console.error("Failed to update the site", error);',
        '    return reply.status(500).send({ error: "Internal server error" });',
        "  }",
        "}",
      ),
      filename: files.ts,
    },
    {
      name: "Express: next({ status: 404 }) answers the missing record; only a query is left",
      code: lines(
        'import express from "express";',
        "declare const users: { findOne(id: number): Promise<{ id: number } | null> };",
        "declare const requests: { list(userId: number): Promise<unknown[]> };",
        "const app = express();",
        'app.get("/users/:id/requests", async (req, res, next) => {',
        "  try {",
        "    const user = await users.findOne(Number(req.params.id));",
        '    if (!user) return next({ status: 404, message: "User not found." });',
        "    return res.status(200).json(await requests.list(user.id));",
        "  } catch (e) {",
        "    console.error(e);",
        '    return next({ status: 500, message: "Unable to load the requests." });',
        "  }",
        "});",
        'app.get("/users/:id", async (req, res, next) => {',
        "  try {",
        "    const user = await users.findOne(Number(req.params.id));",
        '    if (!user) return next({ status: 404, message: "User not found." });',
        "    return res.json(user);",
        "  } catch (e) {",
        '    return res.status(500).json({ message: "Something went wrong." });',
        "  }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Pages API: the catch tells the errors it throws itself apart by their message",
      code: pagesAnswered(
        [
          "await db.$transaction(async () => {",
          '  if (await isOwnDescendant(team.id)) throw new Error("MOVE_INVALID_PARENT");',
          '  if (await hasDuplicates(team.id)) throw new Error("MOVE_DUPLICATE_NAMES:a,b");',
          "});",
          "return res.status(200).json({ moved: true });",
        ],
        [
          "declare function isOwnDescendant(id: string): Promise<boolean>;",
          "declare function hasDuplicates(id: string): Promise<boolean>;",
        ],
      )
        .replace("declare const db: {", "declare const db: { $transaction(fn: () => Promise<void>): Promise<void>;")
        .replace(
          "    console.error(err);",
          lines(
            "    console.error(err);",
            "    if (err instanceof Error) {",
            '      if (err.message === "MOVE_INVALID_PARENT") return res.status(400).json({ error: "Cannot move a folder into itself" });',
            '      if (err.message.startsWith("MOVE_DUPLICATE_NAMES:")) return res.status(409).json({ error: "Duplicate names" });',
            "    }",
          ),
        ),
      filename: files.nextPages,
    },
  ],
  invalid: [
    {
      name: "Express: inline handler without next, in the file that registers the error handler — next is added and the catch delegates",
      code: expressInline,
      filename: files.ts,
      output: expressInlineFixed,
      errors: [{ ...catchAll("`catch` block", "next(err)"), line: 11, column: 5, endLine: 11, endColumn: 60 }],
    },
    {
      name: "Express: a route file that does not show the error handler — next(err) is a suggestion (Express' default handler sends HTML with the stack)",
      code: withoutExpressErrorHandler(expressInline),
      filename: files.ts,
      output: null,
      errors: [
        {
          ...catchAll("`catch` block", "next(err)"),
          line: 10,
          suggestions: [
            {
              messageId: "delegate",
              data: { delegate: "next(err)" },
              output: withoutExpressErrorHandler(expressInlineFixed),
            },
          ],
        },
      ],
    },
    {
      name: "Express: an error middleware written in the file counts as the error handler",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/a", async (req, res) => {',
        '  try { await work(req.body.id); res.end(); } catch (err) { res.status(500).send("failed"); }',
        "});",
        "app.use((err, req, res, next) => {",
        '  res.status(err.status || 500).json({ error: "Request failed" });',
        "});",
      ),
      filename: files.js,
      output: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/a", async (req, res, next) => {',
        "  try { await work(req.body.id); res.end(); } catch (err) { next(err); }",
        "});",
        "app.use((err, req, res, next) => {",
        '  res.status(err.status || 500).json({ error: "Request failed" });',
        "});",
      ),
      errors: [catchAll("`catch` block", "next(err)")],
    },
    {
      name: "Express: middleware whose name does not say it handles errors is not the error handler",
      code: lines(
        'import express from "express";',
        'import cors from "cors";',
        "const app = express();",
        "app.use(cors());",
        'app.get("/a", async (req, res, next) => {',
        '  try { await work(req.body.id); res.end(); } catch (err) { res.status(500).send("failed"); }',
        "});",
      ),
      filename: files.ts,
      output: null,
      errors: [
        {
          ...catchAll("`catch` block", "next(err)"),
          suggestions: [
            {
              messageId: "delegate",
              data: { delegate: "next(err)" },
              output: lines(
                'import express from "express";',
                'import cors from "cors";',
                "const app = express();",
                "app.use(cors());",
                'app.get("/a", async (req, res, next) => {',
                "  try { await work(req.body.id); res.end(); } catch (err) { next(err); }",
                "});",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Express: bare catch {} gets a binding; return is kept",
      code: expressBareCatch,
      filename: files.ts,
      output: null,
      errors: [
        {
          ...catchAll("`catch` block", "next(err)"),
          line: 5,
          column: 75,
          suggestions: [{ messageId: "delegate", data: { delegate: "next(err)" }, output: expressBareCatchFixed }],
        },
      ],
    },
    {
      name: "Express: a floating .catch() callback uses next, never throw",
      code: expressPromiseCatch,
      filename: files.ts,
      output: null,
      errors: [
        {
          ...catchAll("`.catch` callback", "next(err)"),
          line: 5,
          column: 56,
          suggestions: [{ messageId: "delegate", data: { delegate: "next(err)" }, output: expressPromiseCatchFixed }],
        },
      ],
    },
    {
      name: "Express: res.status(500); then res.json() — both go",
      code: expressSplitStatus,
      filename: files.ts,
      output: expressSplitStatusFixed,
      errors: [{ ...catchAll("`catch` block", "next(error)"), line: 10, column: 5 }],
    },
    {
      name: "Express (CommonJS): an error-first callback in a function handler; the error middleware is required by name",
      code: expressCallback,
      filename: files.cjs,
      output: expressCallbackFixed,
      errors: [{ ...catchAll("error callback", "next(err)"), line: 6, column: 21 }],
    },
    {
      name: "Express: a status constant",
      code: lines(
        'import express from "express";',
        'import { StatusCodes } from "http-status-codes";',
        "const app = express();",
        'app.get("/a", async (req, res, next) => {',
        '  try { await work(req.body.id); } catch (err) { logger.error({ code: err.code }, "failed"); res.status(StatusCodes.INTERNAL_SERVER_ERROR).send(); }',
        "});",
      ),
      filename: files.ts,
      output: null,
      errors: [
        {
          ...catchAll("`catch` block", "next(err)"),
          suggestions: [
            {
              messageId: "delegate",
              data: { delegate: "next(err)" },
              output: lines(
                'import express from "express";',
                'import { StatusCodes } from "http-status-codes";',
                "const app = express();",
                'app.get("/a", async (req, res, next) => {',
                '  try { await work(req.body.id); } catch (err) { logger.error({ code: err.code }, "failed"); next(err); }',
                "});",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Express: a controller in its own file (TypeScript) — adding next is a suggestion with its type",
      code: expressController,
      filename: files.ts,
      output: null,
      errors: [
        {
          ...catchAll("`catch` block", "next(err)"),
          line: 8,
          suggestions: [
            {
              messageId: "delegate",
              data: { delegate: "next(err)" },
              output: lines(
                'import type { Request, Response, NextFunction } from "express";',
                "declare function work(input: unknown): Promise<void>;",
                "export const createUser = async (req: Request, res: Response, next: NextFunction) => {",
                "  try {",
                "    await work(req.body);",
                "    res.status(201).end();",
                "  } catch (err) {",
                "    next(err);",
                "  }",
                "};",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Express: the central error handler — a client-error suggestion for errors that carry a 4xx status",
      code: expressErrorHandler,
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "centralCatchAll",
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: "addStatusMapping",
              data: { kinds: "a 4xx `status`" },
              output: lines(
                'import express from "express";',
                "const app = express();",
                "app.use((err, req, res, next) => {",
                "  console.error(err);",
                `  ${statusTest("err")}`,
                "    res.status(err.status).json({ error: err.message });",
                "    return;",
                "  }",
                '  res.status(500).json({ error: "Internal server error" });',
                "});",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Fastify: with setErrorHandler in the file the catch rethrows; the error handler itself is flagged",
      code: fastifyWithHandler,
      filename: files.ts,
      output: fastifyWithHandlerFixed,
      errors: [
        { ...catchAll("`catch` block", "throw err"), line: 10, column: 12 },
        {
          messageId: "centralCatchAll",
          line: 15,
          suggestions: [
            {
              messageId: "addStatusMapping",
              data: { kinds: "a 4xx `statusCode`" },
              output: fastifyWithHandler.replace(
                '  reply.status(500).send({ error: "Internal error" });',
                lines(
                  `  ${statusTest("error", "statusCode")}`,
                  "    reply.code(error.statusCode).send({ error: error.message });",
                  "    return;",
                  "  }",
                  '  reply.status(500).send({ error: "Internal error" });',
                ),
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Fastify: without setErrorHandler the rethrow is a suggestion (the default handler sends error.message)",
      code: fastifyPlugin,
      filename: files.ts,
      output: null,
      errors: [
        {
          ...catchAll("`catch` block", "throw e"),
          line: 7,
          column: 7,
          suggestions: [
            {
              messageId: "delegate",
              data: { delegate: "throw e" },
              output: fastifyPlugin.replace("      reply.internalServerError();", "      throw e;"),
            },
          ],
        },
      ],
    },
    {
      name: "Hono: a route handler in the file that installs onError — the catch rethrows",
      code: honoRoute,
      filename: files.ts,
      output: honoRouteFixed,
      errors: [{ ...catchAll("`catch` block", "throw e"), line: 11, column: 12 }],
    },
    {
      name: "Hono: without onError in the file the rethrow is a suggestion (Hono's default answers plain text)",
      code: honoRoute
        .replace('import { onError } from "./hono-errors.js";\n', "")
        .replace("app.onError(onError);\n", ""),
      filename: files.ts,
      output: null,
      errors: [
        {
          ...catchAll("`catch` block", "throw e"),
          line: 9,
          suggestions: [
            {
              messageId: "delegate",
              data: { delegate: "throw e" },
              output: honoRouteFixed
                .replace('import { onError } from "./hono-errors.js";\n', "")
                .replace("app.onError(onError);\n", ""),
            },
          ],
        },
      ],
    },
    {
      name: "Hono: an HTTPException(500) from a catch",
      code: lines(
        'import { Hono } from "hono";',
        'import { HTTPException } from "hono/http-exception";',
        "const app = new Hono();",
        'app.get("/a", async (c) => {',
        "  try { return c.json(await work(c.req.query())); } catch (cause) {",
        '    throw new HTTPException(500, { message: "Failed", cause });',
        "  }",
        "});",
      ),
      filename: files.ts,
      output: lines(
        'import { Hono } from "hono";',
        'import { HTTPException } from "hono/http-exception";',
        "const app = new Hono();",
        'app.get("/a", async (c) => {',
        "  try { return c.json(await work(c.req.query())); } catch (cause) {",
        "    throw cause;",
        "  }",
        "});",
      ),
      errors: [catchAll("`catch` block", "throw cause")],
    },
    {
      name: "Hono: onError — a status mapping suggestion",
      code: honoOnError,
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "centralCatchAll",
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: "addStatusMapping",
              data: { kinds: "`HTTPException`" },
              output: honoOnErrorSuggested,
            },
          ],
        },
      ],
    },
    {
      name: "Hono: onError in a file that uses zod — ZodError answers 400, HTTPException its own response",
      code: honoOnErrorZod,
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "centralCatchAll",
          line: 6,
          suggestions: [
            {
              messageId: "addStatusMapping",
              data: { kinds: "`ZodError`, `HTTPException`" },
              output: honoOnErrorZodSuggested,
            },
          ],
        },
      ],
    },
    {
      name: "Express: a TypeScript error handler typed `err: Error`, with ZodError imported",
      code: expressTypedErrorHandler,
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "centralCatchAll",
          line: 5,
          suggestions: [
            {
              messageId: "addStatusMapping",
              data: { kinds: "`ZodError`, a 4xx `status`" },
              output: expressTypedErrorHandlerSuggested,
            },
          ],
        },
      ],
    },
    {
      name: "Koa: ctx.status = 500 and its ctx.body become a rethrow, in the file that registers the error middleware",
      code: koaRoute,
      filename: files.ts,
      output: koaRouteFixed,
      errors: [{ ...catchAll("`catch` block", "throw err"), line: 13, column: 5, endLine: 13, endColumn: 21 }],
    },
    {
      name: "Koa: a router file without the error middleware — the rethrow is a suggestion (Koa's default answers plain text)",
      code: koaRouterOnly(koaRoute),
      filename: files.ts,
      output: null,
      errors: [
        {
          ...catchAll("`catch` block", "throw err"),
          line: 9,
          suggestions: [
            { messageId: "delegate", data: { delegate: "throw err" }, output: koaRouterOnly(koaRouteFixed) },
          ],
        },
      ],
    },
    {
      name: "Koa: an error middleware written in the file counts as the error handler",
      code: lines(
        'import Koa from "koa";',
        "const app = new Koa();",
        "app.use(async (ctx, next) => {",
        "  try { await next(); } catch (err) { ctx.status = err.status || 500; }",
        "});",
        "app.use(async (ctx) => {",
        "  try { ctx.body = await work(ctx.query); } catch (err) {",
        "    ctx.status = 500;",
        '    ctx.body = "failed";',
        "  }",
        "});",
      ),
      filename: files.js,
      output: lines(
        'import Koa from "koa";',
        "const app = new Koa();",
        "app.use(async (ctx, next) => {",
        "  try { await next(); } catch (err) { ctx.status = err.status || 500; }",
        "});",
        "app.use(async (ctx) => {",
        "  try { ctx.body = await work(ctx.query); } catch (err) {",
        "    throw err;",
        "  }",
        "});",
      ),
      errors: [catchAll("`catch` block", "throw err")],
    },
    {
      name: "Koa: ctx.throw(500) in a catch",
      code: lines(
        'import Router from "@koa/router";',
        "const router = new Router();",
        'router.get("/a", async (ctx) => {',
        '  try { ctx.body = await work(ctx.query); } catch (err) { ctx.throw(500, "Failed"); }',
        "});",
      ),
      filename: files.ts,
      output: lines(
        'import Router from "@koa/router";',
        "const router = new Router();",
        'router.get("/a", async (ctx) => {',
        "  try { ctx.body = await work(ctx.query); } catch (err) { throw err; }",
        "});",
      ),
      errors: [catchAll("`catch` block", "throw err")],
    },
    {
      name: "Koa: the error middleware — a status mapping suggestion",
      code: koaErrorMiddleware,
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "centralCatchAll",
          line: 7,
          suggestions: [
            {
              messageId: "addStatusMapping",
              data: { kinds: "a 4xx `status`" },
              output: koaErrorMiddlewareSuggested,
            },
          ],
        },
      ],
    },
    {
      name: "Next.js App Router: NextResponse.json with status 500 — no rethrow (no central error handler), a client-error suggestion",
      code: nextAppRoute,
      filename: nextAppFile,
      output: null,
      errors: [
        {
          ...catchAllNext("`catch` block"),
          line: 7,
          column: 12,
          endColumn: 75,
          suggestions: [
            { messageId: "addStatusMapping", data: { kinds: "a 4xx `status`" }, output: nextAppRouteSuggested },
          ],
        },
      ],
    },
    {
      name: "Next.js App Router with zod in the file: the suggestion answers a ZodError with 400",
      code: nextAppZodRoute,
      filename: nextAppFile,
      output: null,
      errors: [
        {
          ...catchAllNext("`catch` block"),
          line: 11,
          suggestions: [
            {
              messageId: "addStatusMapping",
              data: { kinds: "`ZodError`, a 4xx `status`" },
              output: nextAppZodRouteSuggested,
            },
          ],
        },
      ],
    },
    {
      name: "Next.js: ZodError imported by name, a bare catch {} and Response.json",
      code: lines(
        'import { ZodError } from "zod";',
        "export async function POST(request: Request) {",
        "  try {",
        "    return Response.json(await save(await request.json()));",
        "  } catch {",
        '    return Response.json({ error: "Failed" }, { status: 500 });',
        "  }",
        "}",
      ),
      filename: nextAppFile,
      output: null,
      errors: [
        {
          ...catchAllNext("`catch` block"),
          suggestions: [
            {
              messageId: "addStatusMapping",
              data: { kinds: "`ZodError`, a 4xx `status`" },
              output: lines(
                'import { ZodError } from "zod";',
                "export async function POST(request: Request) {",
                "  try {",
                "    return Response.json(await save(await request.json()));",
                "  } catch (err) {",
                "    if (err instanceof ZodError) {",
                '      return Response.json({ error: "Invalid request", issues: err.issues }, { status: 400 });',
                "    }",
                `    ${statusTest("err")}`,
                "      return Response.json({ error: err.message }, { status: err.status });",
                "    }",
                '    return Response.json({ error: "Failed" }, { status: 500 });',
                "  }",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Next.js: settings name zod and the file does not import it — the suggestion imports z",
      code: nextAppRoute,
      filename: nextAppFile,
      settings: { harden: { validation: { library: "zod" } } },
      output: null,
      errors: [
        {
          ...catchAllNext("`catch` block"),
          suggestions: [
            {
              messageId: "addStatusMapping",
              data: { kinds: "`ZodError`, a 4xx `status`" },
              output: nextAppRouteSuggested
                .replace(
                  'import { NextResponse } from "next/server.js";',
                  'import { NextResponse } from "next/server.js";\nimport { z } from "zod";',
                )
                .replace(
                  `    ${statusTest("error")}`,
                  lines(
                    "    if (error instanceof z.ZodError) {",
                    '      return NextResponse.json({ error: "Invalid request", issues: error.issues }, { status: 400 });',
                    "    }",
                    `    ${statusTest("error")}`,
                  ),
                ),
            },
          ],
        },
      ],
    },
    {
      name: "Next.js: valibot's ValiError",
      code: lines(
        'import * as v from "valibot";',
        "export async function POST(request) {",
        "  try { return Response.json(await save(await request.json())); } catch (e) {",
        '    return Response.json({ error: "Failed" }, { status: 500 });',
        "  }",
        "}",
      ),
      filename: "app/api/items/route.js",
      output: null,
      errors: [
        {
          ...catchAllNext("`catch` block"),
          suggestions: [
            {
              messageId: "addStatusMapping",
              data: { kinds: "`ValiError`, a 4xx `status`" },
              output: lines(
                'import * as v from "valibot";',
                "export async function POST(request) {",
                "  try { return Response.json(await save(await request.json())); } catch (e) {",
                "    if (e instanceof v.ValiError) {",
                '      return Response.json({ error: "Invalid request", issues: e.issues }, { status: 400 });',
                "    }",
                `    ${statusTest("e")}`,
                "      return Response.json({ error: e.message }, { status: e.status });",
                "    }",
                '    return Response.json({ error: "Failed" }, { status: 500 });',
                "  }",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Next.js App Router: a response that is not in a statement list gets no suggestion",
      code: lines(
        "export async function POST(request: Request) {",
        "  try { await work(request.url); } catch (error) {",
        '    if (!request.headers.get("x-quiet")) return new Response("Internal error", { status: 500 });',
        "    report(error);",
        "  }",
        '  return new Response("ok");',
        "}",
      ),
      filename: nextAppFile,
      output: null,
      errors: [{ ...catchAllNext("`catch` block"), line: 3, suggestions: [] }],
    },
    {
      name: "Next.js Pages API: res.status(500).json — no rethrow, a client-error suggestion",
      code: nextPagesRoute,
      filename: files.nextPages,
      output: null,
      errors: [
        {
          ...catchAllNext("`catch` block"),
          line: 7,
          column: 5,
          suggestions: [
            { messageId: "addStatusMapping", data: { kinds: "a 4xx `status`" }, output: nextPagesRouteSuggested },
          ],
        },
      ],
    },
    {
      name: "Next.js Pages API with joi: Joi.ValidationError answers 400 with its details",
      code: lines(
        'import Joi from "joi";',
        "export default async function handler(req, res) {",
        "  try {",
        "    res.json(await save(Joi.attempt(req.body, schema)));",
        "  } catch (err) {",
        '    return res.status(500).json({ error: "Internal error" });',
        "  }",
        "}",
      ),
      filename: "pages/api/items.js",
      output: null,
      errors: [
        {
          ...catchAllNext("`catch` block"),
          suggestions: [
            {
              messageId: "addStatusMapping",
              data: { kinds: "joi's `ValidationError`, a 4xx `status`" },
              output: lines(
                'import Joi from "joi";',
                "export default async function handler(req, res) {",
                "  try {",
                "    res.json(await save(Joi.attempt(req.body, schema)));",
                "  } catch (err) {",
                "    if (err instanceof Joi.ValidationError) {",
                '      return res.status(400).json({ error: "Invalid request", details: err.details });',
                "    }",
                `    ${statusTest("err")}`,
                "      return res.status(err.status).json({ error: err.message });",
                "    }",
                '    return res.status(500).json({ error: "Internal error" });',
                "  }",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Next.js with yup imported by its schema builders: the suggestion imports ValidationError",
      code: lines(
        'import { object, string } from "yup";',
        "const Item = object({ name: string().required() });",
        "export async function POST(request: Request) {",
        "  try { return Response.json(await save(await Item.validate(await request.json()))); } catch (error) {",
        '    return Response.json({ error: "Failed" }, { status: 500 });',
        "  }",
        "}",
      ),
      filename: nextAppFile,
      output: null,
      errors: [
        {
          ...catchAllNext("`catch` block"),
          suggestions: [
            {
              messageId: "addStatusMapping",
              data: { kinds: "yup's `ValidationError`, a 4xx `status`" },
              output: lines(
                'import { object, string, ValidationError } from "yup";',
                "const Item = object({ name: string().required() });",
                "export async function POST(request: Request) {",
                "  try { return Response.json(await save(await Item.validate(await request.json()))); } catch (error) {",
                "    if (error instanceof ValidationError) {",
                '      return Response.json({ error: "Invalid request", errors: error.errors }, { status: 400 });',
                "    }",
                `    ${statusTest("error")}`,
                "      return Response.json({ error: error.message }, { status: error.status });",
                "    }",
                '    return Response.json({ error: "Failed" }, { status: 500 });',
                "  }",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Next.js: a floating promise's .catch() gets no fix and no suggestion",
      code: lines(
        "export async function GET() {",
        "  work().catch(() => new Response(null, { status: 500 }));",
        '  return new Response("ok");',
        "}",
      ),
      filename: nextAppFile,
      output: null,
      errors: [{ ...catchAllNext("`.catch` callback"), suggestions: [] }],
    },
    {
      name: "NestJS: InternalServerErrorException in a controller",
      code: nestController,
      filename: files.nest,
      output: nestControllerFixed,
      errors: [{ ...catchAll("`catch` block", "throw err"), line: 10, column: 13 }],
    },
    {
      name: "NestJS: HttpException(…, HttpStatus.INTERNAL_SERVER_ERROR) in a service's .catch()",
      code: nestService,
      filename: "src/users/users.service.ts",
      output: nestServiceFixed,
      errors: [{ ...catchAll("`.catch` callback", "throw error"), line: 7, column: 13 }],
    },
    {
      name: "NestJS: @Res() in library-specific mode",
      code: lines(
        'import { Controller, Get, Res } from "@nestjs/common";',
        'import type { Response } from "express";',
        '@Controller("a")',
        "export class AController {",
        "  @Get()",
        "  async a(@Res() res: Response) {",
        "    try {",
        "      res.json(await work());",
        "    } catch (err) {",
        '      res.status(500).json({ error: "Internal error" });',
        "    }",
        "  }",
        "}",
      ),
      filename: files.nest,
      output: lines(
        'import { Controller, Get, Res } from "@nestjs/common";',
        'import type { Response } from "express";',
        '@Controller("a")',
        "export class AController {",
        "  @Get()",
        "  async a(@Res() res: Response) {",
        "    try {",
        "      res.json(await work());",
        "    } catch (err) {",
        "      throw err;",
        "    }",
        "  }",
        "}",
      ),
      errors: [catchAll("`catch` block", "throw err")],
    },

    // Client errors the handler does not answer can still reach the 500.
    pagesAnsweredInvalid(
      "Pages API: 4xx answered, but the body is parsed with a throwing .parse() inside the try",
      ["const input = Update.parse(req.body);", "return res.status(200).json(await db.doc.update({ data: input }));"],
      ["declare const Update: { parse(x: unknown): unknown };"],
    ),
    pagesAnsweredInvalid(
      "Pages API: 4xx answered, but a Prisma update by a client id throws P2025 for a missing record",
      [
        "await db.doc.update({ where: { id: req.query.docId as string }, data: { pinned: true } });",
        "return res.status(204).end();",
      ],
    ),
    pagesAnsweredInvalid(
      "Pages API: 4xx answered, but the rest of the raw body goes whole to a service that checks it",
      [
        "const { viewId, ...data } = req.body as { viewId: string; content: string };",
        "return res.status(201).json(await createMessage({ teamId: team.id, viewId, data }));",
      ],
      ["declare function createMessage(input: unknown): Promise<unknown>;"],
    ),
    pagesAnsweredInvalid(
      "Pages API: 4xx answered, but a helper declared in the file throws on bad content",
      ["checkContent((req.body as { content: string }).content);", "return res.status(201).json({ ok: true });"],
      ['function checkContent(content: string) { if (!content.trim()) throw new Error("Content cannot be empty"); }'],
    ),
    pagesAnsweredInvalid(
      "Pages API: 4xx answered, but a lookup that throws for a missing record",
      ["return res.status(200).json(await db.doc.findUniqueOrThrow({ where: { id: req.query.docId } }));"],
      [],
    ),
    {
      name: "Fastify: 400 answered inside the try, but the whole query goes to a helper that parses it",
      code: FASTIFY_JOURNEYS,
      filename: files.ts,
      output: null,
      errors: [
        {
          ...catchAll("`catch` block", "throw error"),
          line: 11,
          suggestions: [
            {
              messageId: "delegate",
              data: { delegate: "throw error" },
              output: FASTIFY_JOURNEYS.replace(
                '    return reply.status(500).send({ error: "Failed to get journeys" });',
                "    throw error;",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Next.js App Router: 401 answered, but the body is read with request.json(), which throws on malformed JSON",
      code: NEXT_APP_JSON,
      filename: files.nextApp,
      output: null,
      errors: [{ ...catchAllNext("`catch` block"), line: 11, suggestions: [appRouterStatusSuggestion(NEXT_APP_JSON)] }],
    },
    {
      name: "Pages API: a 404 answered in the GET branch does not answer the POST branch's input",
      code: PAGES_METHOD_BRANCHES,
      filename: files.nextPages,
      output: null,
      errors: [
        {
          ...catchAllNext("`catch` block"),
          line: 13,
          suggestions: [
            {
              messageId: "addStatusMapping",
              data: { kinds: "a 4xx `status`" },
              output: PAGES_METHOD_BRANCHES.replace(
                '    return res.status(500).json({ error: "Internal error" });',
                lines(
                  `    ${statusTest("err")}`,
                  "      return res.status(err.status).json({ error: err.message });",
                  "    }",
                  '    return res.status(500).json({ error: "Internal error" });',
                ),
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Express: reading err.message for the answer does not tell errors apart",
      code: EXPRESS_MESSAGE_BODY,
      filename: files.ts,
      output: null,
      errors: [
        {
          ...catchAll("`catch` block", "next(err)"),
          line: 9,
          suggestions: [
            {
              messageId: "delegate",
              data: { delegate: "next(err)" },
              output: EXPRESS_MESSAGE_BODY.replace(
                '    res.status(500).json({ error: err instanceof Error ? err.message : "Failed" });',
                "    next(err);",
              ),
            },
          ],
        },
      ],
    },
  ],
});

describe("no-catch-all-500 autofix outputs", () => {
  const cases = [
    { name: "Express inline", code: expressInline, filename: files.ts, output: expressInlineFixed },
    { name: "Express split status", code: expressSplitStatus, filename: files.ts, output: expressSplitStatusFixed },
    { name: "Express callback (CJS)", code: expressCallback, filename: files.cjs, output: expressCallbackFixed },
    { name: "Fastify", code: fastifyWithHandler, filename: files.ts, output: fastifyWithHandlerFixed },
    { name: "Hono", code: honoRoute, filename: files.ts, output: honoRouteFixed },
    { name: "Koa", code: koaRoute, filename: files.ts, output: koaRouteFixed },
    { name: "Nest controller", code: nestController, filename: files.nest, output: nestControllerFixed },
    { name: "Nest service", code: nestService, filename: "src/users/users.service.ts", output: nestServiceFixed },
  ];

  it.each(cases)("$name: re-lints with nothing left to fix", ({ code, filename, output }) => {
    const result = lintWithFix("no-catch-all-500", code, { filename });
    expect(result.output).toBe(output);
    expect(result.fatal).toEqual([]);
    expect(result.remainingFixable).toEqual([]);
  });

  // The Fastify fixture keeps its (reported, suggestion-only) error handler; everything else re-lints clean.
  it.each(cases.filter((c) => c.name !== "Fastify"))("$name: no report is left", ({ code, filename }) => {
    expect(lintWithFix("no-catch-all-500", code, { filename }).remaining).toEqual([]);
  });

  const typed = cases.filter((c) => c.filename !== files.cjs);
  it.each(typed)(
    "$name: the input and the output type-check against the framework's types",
    ({ code, filename, output }) => {
      const name = filename.endsWith(".ts") ? "server.ts" : "server.js";
      expect(getTypeErrors({ [name]: code, ...errorModules })).toEqual([]);
      expect(getTypeErrors({ [name]: output, ...errorModules })).toEqual([]);
    },
  );
});

describe("no-catch-all-500 client-error suggestions", () => {
  const cases = [
    { name: "Next.js App Router", code: nextAppRoute, output: nextAppRouteSuggested, filename: nextAppFile },
    {
      name: "Next.js App Router with zod",
      code: nextAppZodRoute,
      output: nextAppZodRouteSuggested,
      filename: nextAppFile,
    },
    { name: "Next.js Pages API", code: nextPagesRoute, output: nextPagesRouteSuggested, filename: files.nextPages },
    {
      name: "Express error handler typed `err: Error`, with zod",
      code: expressTypedErrorHandler,
      output: expressTypedErrorHandlerSuggested,
      filename: files.ts,
    },
    { name: "Hono onError with zod", code: honoOnErrorZod, output: honoOnErrorZodSuggested, filename: files.ts },
    { name: "Koa error middleware", code: koaErrorMiddleware, output: koaErrorMiddlewareSuggested, filename: files.ts },
  ];

  it.each(cases)(
    "$name: the input and the suggested code type-check against the framework's types",
    ({ code, output }) => {
      // One program for both: the files are modules, so their declarations do not clash.
      expect(getTypeErrors({ "input.ts": code, "output.ts": output })).toEqual([]);
    },
  );

  it.each(cases)(
    "$name: no autofix; the suggested code is not reported again, and its 4xx answers leak nothing",
    ({ code, output, filename }) => {
      const before = lintWithFix("no-catch-all-500", code, { filename });
      expect(before.output).toBe(code);
      expect(before.remaining).toHaveLength(1);
      expect(lintWithFix("no-catch-all-500", output, { filename }).remaining).toEqual([]);
      expect(lintWithFix("no-leaked-error-details", output, { filename }).remaining).toEqual([]);
    },
  );
});

describe("no-catch-all-500 in an app whose ids are ObjectIds", () => {
  const mongoTester = createRuleTester(OBJECT_ID_APP);
  const route = (lookup: string) =>
    lines(
      'import { NextResponse } from "next/server.js";',
      "declare function getSession(): Promise<{ userId: string } | null>;",
      "declare const db: { folder: { findUnique(q: unknown): Promise<{ userId: string } | null>; findMany(q: unknown): Promise<unknown[]> } };",
      "export async function GET(request: Request, { params }: { params: { id: string } }) {",
      "  try {",
      "    const session = await getSession();",
      '    if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });',
      `    const folder = await db.folder.findUnique({ where: { id: ${lookup} } });`,
      '    if (!folder || folder.userId !== session.userId) return NextResponse.json({ error: "Not found" }, { status: 404 });',
      "    return NextResponse.json(folder);",
      "  } catch (error) {",
      '    return NextResponse.json({ error: "Internal server error" }, { status: 500 });',
      "  }",
      "}",
    );
  mongoTester.run("no-catch-all-500", rule, {
    valid: [
      {
        name: "a lookup by the session's own id cannot be malformed by the client",
        code: route("session.userId"),
        filename: "app/api/folders/[id]/route.ts",
      },
    ],
    invalid: [
      {
        name: "a malformed id from the route throws a cast error inside the lookup",
        code: route("params.id"),
        filename: "app/api/folders/[id]/route.ts",
        output: null,
        errors: [
          { ...catchAllNext("`catch` block"), line: 12, suggestions: [appRouterStatusSuggestion(route("params.id"))] },
        ],
      },
    ],
  });
});

describe("no-catch-all-500: throws and request values that only a server fault can reach", () => {
  /** App Router GET that fetches a fixed upstream and filters its answer by `?q=`; `url` builds the upstream address. */
  const upstreamSearch = (url: string) =>
    lines(
      'import { NextResponse } from "next/server.js";',
      "export async function GET(request: Request) {",
      '  const query = new URL(request.url).searchParams.get("q");',
      "  try {",
      `    const response = await fetch(${url});`,
      '    if (!response.ok) throw new Error("Upstream answered " + response.status);',
      "    const items: { title: string }[] = await response.json();",
      "    const found = query ? items.filter((item) => item.title.toLowerCase().includes(query.toLowerCase())) : items;",
      "    return NextResponse.json({ items: found });",
      "  } catch (error) {",
      '    return NextResponse.json({ error: "Internal server error" }, { status: 500 });',
      "  }",
      "}",
    );
  /** App Router POST: 401 answered, then a throw whose guard tests `guard`. */
  const guardedThrow = (setup: string, guard: string) =>
    lines(
      'import { NextResponse } from "next/server.js";',
      "declare function getSession(): Promise<{ userId: string } | null>;",
      "declare function connectToDatabase(): Promise<{ db: { users: { findOne(q: unknown): Promise<{ id: string } | null> } } | null }>;",
      "declare function archive(userId: string): Promise<void>;",
      "export async function POST() {",
      "  try {",
      "    const session = await getSession();",
      '    if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });',
      "    const { db } = await connectToDatabase();",
      `    ${setup}`,
      `    if (${guard}) throw new Error("Request failed");`,
      "    await archive(session.userId);",
      "    return NextResponse.json({ ok: true });",
      "  } catch (error) {",
      '    return NextResponse.json({ error: "Internal server error" }, { status: 500 });',
      "  }",
      "}",
    );
  const invalid = (name: string, code: string) => ({
    name,
    code,
    filename: files.nextApp,
    output: null,
    errors: [{ ...catchAllNext("`catch` block"), suggestions: [appRouterStatusSuggestion(code)] }],
  });
  ruleTester.run("no-catch-all-500", rule, {
    valid: [
      {
        name: "Fastify: 403 and 404 answered; the throws hand on the rejections of settled queries",
        code: lines(
          'import type { FastifyReply, FastifyRequest } from "fastify";',
          "declare function canRead(req: FastifyRequest, site: string): Promise<boolean>;",
          "declare const warehouse: { query(q: { sql: string; params: unknown }): Promise<unknown[]> };",
          "export async function getVisit(req: FastifyRequest<{ Params: { site: string; visitId: string } }>, res: FastifyReply) {",
          "  const { site, visitId } = req.params;",
          '  if (!(await canRead(req, site))) return res.status(403).send({ error: "Forbidden" });',
          "  try {",
          "    const [visit, events] = await Promise.allSettled([",
          '      warehouse.query({ sql: "SELECT 1", params: { site, visitId } }),',
          '      warehouse.query({ sql: "SELECT 2", params: { site, visitId } }),',
          "    ]);",
          '    if (visit.status === "rejected") throw visit.reason;',
          '    if (events.status === "rejected") throw events.reason;',
          '    if (visit.value.length === 0) return res.status(404).send({ error: "Not found" });',
          "    return res.send({ visit: visit.value[0], events: events.value });",
          "  } catch (error) {",
          "    console.error(error);",
          '    return res.status(500).send({ error: "Failed to fetch the visit" });',
          "  }",
          "}",
        ),
        filename: files.ts,
      },
      {
        name: "App Router: the only throw is a fixed upstream failing, and `?q=` is only compared as text",
        code: upstreamSearch("`${process.env.HELP_URL}/api/articles`"),
        filename: files.nextApp,
      },
      {
        name: "App Router: a throw when the database connection comes back empty is a server fault",
        code: guardedThrow("const ready = true;", "!db"),
        filename: files.nextApp,
      },
      {
        name: "App Router: a throw when the configuration is missing is a server fault",
        code: guardedThrow("const ready = true;", "!process.env.ARCHIVE_BUCKET"),
        filename: files.nextApp,
      },
    ],
    invalid: [
      invalid(
        "App Router: a throw for a record the lookup did not find is a client error",
        guardedThrow("const user = await db?.users.findOne({ id: session.userId });", "!user"),
      ),
      invalid(
        "App Router: a throw that tests a lookup result beside the connection is still a client error",
        guardedThrow("const user = await db?.users.findOne({ id: session.userId });", "!db || !user"),
      ),
      invalid(
        "App Router: an upstream fetched with the client's query can fail for the client's reasons",
        upstreamSearch("`${process.env.HELP_URL}/api/articles?q=${query}`"),
      ),
    ],
  });
});

describe("no-catch-all-500 in an app whose ids are ObjectIds: values that cannot be malformed", () => {
  const mongoTester = createRuleTester(OBJECT_ID_APP);
  /** App Router POST in the shape of an approval: ids from the route checked with `check`, then a lookup and writes. */
  const approve = (check: string) =>
    lines(
      'import { NextResponse } from "next/server.js";',
      "declare const ObjectId: { new (id: string): object; isValid(id: string): boolean };",
      "declare function getSession(): Promise<{ userId: string } | null>;",
      "declare function connectToDatabase(): Promise<{ db: { groups: { findOne(q: unknown): Promise<unknown> } } | null }>;",
      "declare function getInvite(id: string): Promise<{ groupId: string; userId: string } | null>;",
      "declare function addMember(groupId: string, userId: string): Promise<void>;",
      "export async function POST(request: Request, { params }: { params: { id: string; inviteId: string } }) {",
      "  try {",
      "    const session = await getSession();",
      '    if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });',
      "    const { id: groupId, inviteId } = params;",
      `    if (${check}) return NextResponse.json({ error: "Invalid id" }, { status: 400 });`,
      "    const { db } = await connectToDatabase();",
      '    if (!db) throw new Error("Database connection failed");',
      "    const group = await db.groups.findOne({ _id: new ObjectId(groupId), admin: session.userId });",
      '    if (!group) return NextResponse.json({ error: "Admin access required" }, { status: 403 });',
      "    const invite = await getInvite(inviteId);",
      '    if (!invite || invite.groupId !== groupId) return NextResponse.json({ error: "Not found" }, { status: 404 });',
      "    await addMember(groupId, invite.userId.toString());",
      "    return NextResponse.json({ ok: true });",
      "  } catch (error) {",
      '    return NextResponse.json({ error: "Internal server error" }, { status: 500 });',
      "  }",
      "}",
    );
  const channelAuth = lines(
    'import { NextResponse } from "next/server.js";',
    "declare function getSession(): Promise<{ userId: string } | null>;",
    "declare const realtime: { authorize(socketId: string, channel: string, userId: string): unknown };",
    "export async function POST(request: Request) {",
    "  try {",
    "    const session = await getSession();",
    '    if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });',
    "    const form = await request.text();",
    '    const [socketId, channel] = form.split("&").map((pair) => pair.split("=")[1]);',
    "    return NextResponse.json(realtime.authorize(socketId, channel, session.userId));",
    "  } catch (error) {",
    '    return NextResponse.json({ error: "Internal server error" }, { status: 500 });',
    "  }",
    "}",
  );
  mongoTester.run("no-catch-all-500", rule, {
    valid: [
      {
        name: "ids checked with ObjectId.isValid, a value read back from a lookup, and a throw for a failed connection",
        code: approve("!ObjectId.isValid(groupId) || !ObjectId.isValid(inviteId)"),
        filename: "app/api/groups/[id]/invites/[inviteId]/approve/route.ts",
      },
      {
        name: "the request's own URL handed to `new URL` cannot be a malformed id",
        code: lines(
          'import { NextResponse } from "next/server.js";',
          "declare function getSession(): Promise<{ userId: string } | null>;",
          "declare const db: { folder: { findMany(q: unknown): Promise<unknown[]> } };",
          "export async function GET(req: Request) {",
          "  try {",
          "    const session = await getSession();",
          '    if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });',
          "    const { searchParams } = new URL(req.url);",
          '    const sort = searchParams.get("sort");',
          "    return NextResponse.json(await db.folder.findMany({ where: { userId: session.userId } }));",
          "  } catch (error) {",
          '    return NextResponse.json({ error: "Internal server error" }, { status: 500 });',
          "  }",
          "}",
        ),
        filename: "app/api/folders/route.ts",
      },
    ],
    invalid: [
      {
        name: "an id checked for presence only can still be malformed",
        code: approve("!groupId || !inviteId"),
        filename: "app/api/groups/[id]/invites/[inviteId]/approve/route.ts",
        output: null,
        errors: [
          {
            ...catchAllNext("`catch` block"),
            suggestions: [appRouterStatusSuggestion(approve("!groupId || !inviteId"))],
          },
        ],
      },
      {
        name: "a value read from the body with `await request.text()` is no record from the database",
        code: channelAuth,
        filename: "app/api/realtime/auth/route.ts",
        output: null,
        errors: [{ ...catchAllNext("`catch` block"), suggestions: [appRouterStatusSuggestion(channelAuth)] }],
      },
    ],
  });
});

describe("no-catch-all-500: route parameters are strings", () => {
  /** A Hono lookup by a route parameter with no 4xx anywhere, in the shape of a profile read. */
  const profile = (use: string) =>
    lines(
      'import { Hono } from "hono";',
      "declare const db: { user: { findFirst(q: unknown): Promise<{ name: string } | null> } };",
      "const users = new Hono();",
      'users.get("/:id", async (c) => {',
      '  const userId = c.req.param("id");',
      "  try {",
      `    const user = await db.user.findFirst({ where: { id: ${use} } });`,
      '    return c.json({ message: "ok", user });',
      "  } catch (err) {",
      "    console.error(err);",
      '    return c.json({ message: "Error in getting user" }, 500);',
      "  }",
      "});",
      "export default users;",
    );
  ruleTester.run("no-catch-all-500", rule, {
    valid: [
      {
        name: "Hono: a lookup by a route parameter finds a record or nothing; only server faults reach the catch",
        code: profile("userId"),
        filename: files.ts,
      },
    ],
    invalid: [
      {
        name: "Hono: a route parameter parsed inside the try can fail for the client's reasons",
        code: profile("BigInt(userId)"),
        filename: files.ts,
        output: null,
        errors: [
          {
            ...catchAll("`catch` block", "throw err"),
            line: 11,
            column: 12,
            suggestions: [
              {
                messageId: "delegate",
                data: { delegate: "throw err" },
                output: profile("BigInt(userId)").replace(
                  '    console.error(err);\n    return c.json({ message: "Error in getting user" }, 500);',
                  "    console.error(err);\n    throw err;",
                ),
              },
            ],
          },
        ],
      },
    ],
  });
});

describe("no-catch-all-500: request values only compared", () => {
  ruleTester.run("no-catch-all-500", rule, {
    valid: [
      {
        name: "Express: a logout that compares the request's token and saves the signed-in user: only server faults",
        code: lines(
          'import express from "express";',
          "const app = express();",
          'app.post("/logout", auth, async (req, res) => {',
          "  try {",
          "    req.user.tokens = req.user.tokens.filter((token) => token.token !== req.token);",
          "    await req.user.save();",
          "    res.send();",
          "  } catch (error) {",
          "    res.status(500).send();",
          "  }",
          "});",
        ),
        filename: files.ts,
      },
    ],
    invalid: [],
  });
});

describe("no-catch-all-500: a signed webhook", () => {
  /** A Stripe webhook: `verify` is where the signature check sits, before or inside the processing `try`. */
  const webhook = (verify: "before" | "inside") =>
    lines(
      'import express from "express";',
      'import Stripe from "stripe";',
      "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);",
      "const app = express();",
      'app.post("/api/stripe/webhook", express.raw({ type: "application/json" }), async (req, res) => {',
      "  let event: Stripe.Event;",
      ...(verify === "before"
        ? [
            "  try {",
            '    event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"] as string, process.env.STRIPE_WEBHOOK_SECRET!);',
            "  } catch (err) {",
            '    return res.status(400).send("Invalid signature");',
            "  }",
            "  try {",
          ]
        : [
            "  try {",
            '    event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"] as string, process.env.STRIPE_WEBHOOK_SECRET!);',
          ]),
      "    const user = await users.findByCustomer(String(event.data.object));",
      '    if (!user) throw new Error("Unknown customer");',
      "    await fulfil(event, user);",
      "    res.json({ received: true });",
      "  } catch (error) {",
      '    console.error("Error processing webhook:", error);',
      '    res.status(500).json({ error: "Webhook processing failed" });',
      "  }",
      "});",
    );
  const unverified = webhook("inside");
  ruleTester.run("no-catch-all-500", rule, {
    valid: [
      {
        name: "Express: after the signature check, a failed delivery answers 500 so Stripe retries it",
        code: webhook("before"),
        filename: files.ts,
      },
    ],
    invalid: [
      {
        name: "Express: a signature check inside the try sends a forged delivery's failure to the same 500",
        code: unverified,
        filename: files.ts,
        output: null,
        errors: [
          {
            ...catchAll("`catch` block", "next(error)"),
            line: 15,
            column: 5,
            suggestions: [
              {
                messageId: "delegate",
                data: { delegate: "next(error)" },
                output: unverified
                  .replace("async (req, res) => {", "async (req, res, next) => {")
                  .replace('    res.status(500).json({ error: "Webhook processing failed" });', "    next(error);"),
              },
            ],
          },
        ],
      },
    ],
  });
});

describe("no-catch-all-500: route parameters read inside the try", () => {
  /** An Express lookup whose key is read from the route parameters inside the `try`, with no 4xx anywhere. */
  const lookup = (key: string) =>
    lines(
      'import express from "express";',
      "const app = express();",
      'app.get("/api/projects/:projectId/payments", async (req, res, next) => {',
      "  try {",
      `    ${key}`,
      "    const payments = await storage.getPayments(projectId);",
      "    res.json(payments);",
      "  } catch (error) {",
      '    console.error("Error fetching payments:", error);',
      '    res.status(500).json({ error: "Failed to fetch payments" });',
      "  }",
      "});",
    );
  const parsed = lookup("const projectId = parseInt(req.params.projectId);");
  ruleTester.run("no-catch-all-500", rule, {
    valid: [
      {
        name: "Express: destructured from req.params inside the try, a lookup finds a record or nothing",
        code: lookup("const { projectId } = req.params;"),
        filename: files.ts,
      },
      {
        name: "Express: req.params.projectId read inside the try, a lookup finds a record or nothing",
        code: lookup("const projectId = req.params.projectId;"),
        filename: files.ts,
      },
    ],
    invalid: [
      {
        name: "Express: parseInt of a route parameter gives NaN for /abc, which an integer lookup rejects",
        code: parsed,
        filename: files.ts,
        output: null,
        errors: [
          {
            ...catchAll("`catch` block", "next(error)"),
            line: 10,
            column: 5,
            suggestions: [
              {
                messageId: "delegate",
                data: { delegate: "next(error)" },
                output: parsed.replace(
                  '    res.status(500).json({ error: "Failed to fetch payments" });',
                  "    next(error);",
                ),
              },
            ],
          },
        ],
      },
    ],
  });
});

describe("no-catch-all-500: a promise returned un-awaited skips the catch", () => {
  const lookup = (call: string) =>
    lines(
      'import { Controller, Get, HttpException, Query } from "@nestjs/common";',
      "declare const symbols: { lookup(q: { query: string; includeIndices: boolean }): Promise<string[]> };",
      '@Controller("symbol")',
      "export class SymbolController {",
      '  @Get("lookup")',
      '  async lookupSymbol(@Query("query") query = "", @Query("includeIndices") includeIndicesParam = "false") {',
      '    const includeIndices = includeIndicesParam === "true";',
      "    try {",
      `      return ${call};`,
      "    } catch {",
      '      throw new HttpException("Internal Server Error", 500);',
      "    }",
      "  }",
      "}",
    );
  ruleTester.run("no-catch-all-500", rule, {
    valid: [
      {
        name: "Nest: `return service.lookup({ … })` in an async method: rejections never reach this catch",
        code: lookup("symbols.lookup({ includeIndices, query })"),
        filename: files.nest,
      },
    ],
    invalid: [
      {
        name: "Nest: `return await` brings the rejection back into the catch",
        code: lookup("await symbols.lookup({ includeIndices, query })"),
        filename: files.nest,
        output: lookup("await symbols.lookup({ includeIndices, query })").replace(
          '    } catch {\n      throw new HttpException("Internal Server Error", 500);',
          "    } catch (err) {\n      throw err;",
        ),
        errors: [{ ...catchAll("`catch` block", "throw err"), line: 11, column: 13 }],
      },
    ],
  });
});

describe("no-catch-all-500: a helper that already ran on the request before the try", () => {
  const titles = (beforeTry: string) =>
    lines(
      'import type { FastifyReply, FastifyRequest } from "fastify";',
      "declare function parseFilters(query: unknown): string;",
      "declare function canRead(request: FastifyRequest, site: string): Promise<boolean>;",
      "declare function runQuery(sql: string): Promise<unknown[]>;",
      "type Request = FastifyRequest<{ Params: { site: string }; Querystring: { filters?: string; page?: string } }>;",
      "const buildQuery = (request: FastifyRequest<{ Querystring: { filters?: string } }>, count: boolean) => `SELECT ${count ? 'COUNT(*)' : '*'} WHERE ${parseFilters(request.query)}`;",
      "export async function getTitles(req: Request, res: FastifyReply) {",
      '  if (!(await canRead(req, req.params.site))) return res.status(403).send({ error: "Forbidden" });',
      beforeTry,
      "  try {",
      "    const items = await runQuery(buildQuery(req, false));",
      "    if (req.query.page === undefined) return res.send({ data: items });",
      "    const [total] = await runQuery(buildQuery(req, true));",
      "    return res.send({ data: items, total });",
      "  } catch (error) {",
      "    console.error(error);",
      '    return res.status(500).send({ error: "Failed to fetch titles" });',
      "  }",
      "}",
    );
  const ranBefore = titles("  const sql = buildQuery(req, false);");
  const firstInTry = titles("  const started = Date.now();");
  ruleTester.run("no-catch-all-500", rule, {
    valid: [
      {
        name: "Fastify: the query builder threw any input error before the try; inside it only the database can fail",
        code: ranBefore,
        filename: files.ts,
      },
    ],
    invalid: [
      {
        name: "Fastify: the query builder runs on the request for the first time inside the try",
        code: firstInTry,
        filename: files.ts,
        output: null,
        errors: [
          {
            ...catchAll("`catch` block", "throw error"),
            line: 17,
            column: 12,
            suggestions: [
              {
                messageId: "delegate",
                data: { delegate: "throw error" },
                output: firstInTry.replace(
                  '    return res.status(500).send({ error: "Failed to fetch titles" });',
                  "    throw error;",
                ),
              },
            ],
          },
        ],
      },
    ],
  });
});

describe("no-catch-all-500: a controller class whose methods a routes file registers", () => {
  const controller = (next: boolean) =>
    lines(
      `import type { ${next ? "Request, Response, NextFunction" : "Request, Response"} } from "express";`,
      "",
      "export class UsersController {",
      "  constructor(private readonly users: { create(input: unknown): Promise<unknown> }) {}",
      "",
      `  async create(req: Request, res: Response${next ? ", next: NextFunction" : ""}) {`,
      "    try {",
      "      res.status(201).json(await this.users.create(req.body));",
      "    } catch (error) {",
      next ? "      next(error);" : '      res.status(500).json({ error: "Could not create the user" });',
      "    }",
      "  }",
      "}",
    );
  ruleTester.run("no-catch-all-500", rule, {
    valid: [
      {
        name: "Express: the method hands the error on with next",
        code: controller(true),
        filename: "src/controllers/users.controller.ts",
      },
    ],
    invalid: [
      {
        name: 'Express: `router.post("/", users.create.bind(users))` in another file — the method is a handler by its signature',
        code: controller(false),
        filename: "src/controllers/users.controller.ts",
        output: null,
        errors: [
          {
            ...catchAll("`catch` block", "next(error)"),
            line: 10,
            column: 7,
            suggestions: [{ messageId: "delegate", data: { delegate: "next(error)" }, output: controller(true) }],
          },
        ],
      },
    ],
  });
});

describe("no-catch-all-500: values that are not ids in an app whose ids are ObjectIds", () => {
  const mongoTester = createRuleTester(OBJECT_ID_APP);
  const login = (lookup: string) =>
    lines(
      'import { NextResponse } from "next/server.js";',
      "declare const User: { findOne(q: unknown): Promise<{ checkPassword(p: string): Promise<boolean> } | null> };",
      "export async function POST(request: Request) {",
      "  const { email, password, userId } = (await request.json()) as { email?: string; password?: string; userId?: string };",
      '  if (!email || !password) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });',
      "  try {",
      `    const user = await User.findOne(${lookup});`,
      '    if (!user || !(await user.checkPassword(password))) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });',
      "    return NextResponse.json({ ok: true });",
      "  } catch (error) {",
      '    return NextResponse.json({ error: "Internal server error" }, { status: 500 });',
      "  }",
      "}",
    );
  mongoTester.run("no-catch-all-500", rule, {
    valid: [
      {
        name: "an email compared with a string field cannot throw a cast error; 401s are answered",
        code: login("{ email }"),
        filename: "app/api/login/route.ts",
      },
    ],
    invalid: [
      {
        name: "a client's value used as the `_id` can be a malformed ObjectId",
        code: login("{ _id: userId }"),
        filename: "app/api/login/route.ts",
        output: null,
        errors: [
          {
            ...catchAllNext("`catch` block"),
            line: 11,
            suggestions: [appRouterStatusSuggestion(login("{ _id: userId }"))],
          },
        ],
      },
    ],
  });
});

describe("no-catch-all-500: NestJS services followed to their modules", () => {
  // A controller whose quote service, and the provider it imports, throw no client error; its
  // accounts service throws `NotFoundException`; one method throws a 404 inside its own `try`.
  const NEST_SERVICES = path.resolve(import.meta.dirname, "../fixtures/nest-services");
  const filename = "src/quotes/quotes.controller.ts";
  const code = readFileSync(path.join(NEST_SERVICES, filename), "utf8");
  const rethrown = (text: string, line: number) => {
    const lines = text.split("\n");
    lines[line - 2] = lines[line - 2]!.replace("} catch {", "} catch (err) {");
    lines[line - 1] = lines[line - 1]!.replace(/throw new HttpException\(.*\);/u, "throw err;");
    return lines.join("\n");
  };
  createRuleTester(NEST_SERVICES).run("no-catch-all-500", rule, {
    valid: [],
    invalid: [
      {
        name: "a service that throws NotFoundException, and a 404 thrown in the try, reach the catch; a service whose modules throw no client error does not",
        code,
        filename,
        output: rethrown(rethrown(code, 27), 38),
        errors: [
          { ...catchAll("`catch` block", "throw err"), line: 27, column: 13 },
          { ...catchAll("`catch` block", "throw err"), line: 38, column: 13 },
        ],
      },
    ],
  });
});

describe("no-catch-all-500: what the server set, checks that answer, and session callbacks", () => {
  /** An Express handler with a `try` whose body is `tryBody`, answering 500 from its catch. */
  const handler = (tryBody: string[], declarations: string[] = []) =>
    lines(
      'import express from "express";',
      ...declarations,
      "const app = express();",
      'app.post("/events", async (req: any, res) => {',
      "  try {",
      ...tryBody.map((line) => `    ${line}`),
      "  } catch (error) {",
      '    res.status(500).json({ message: "Server error" });',
      "  }",
      "});",
    );
  const validateEvent =
    "declare function validateEvent(data: unknown): { isValid: boolean; message?: string; data?: object };";
  const createEvent = "declare function createEvent(data: unknown, userId: string): object;";
  const listEvents = "declare function listEvents(userId: string): object[];";
  const answeredCheck = handler(
    [
      "const result = validateEvent(req.body);",
      "if (!result.isValid) return res.status(400).json({ message: result.message });",
      "res.status(201).json(createEvent(result.data, req.user.id));",
    ],
    [validateEvent, createEvent],
  );
  const uncheckedResult = handler(
    ["const result = validateEvent(req.body);", "res.status(201).json(createEvent(result.data, req.user.id));"],
    [validateEvent, createEvent],
  );
  const sessionCallbacks = lines(
    'import express from "express";',
    "declare function register(body: unknown): Promise<{ id: string }>;",
    "const app = express();",
    'app.post("/api/logout", (req, res) => {',
    "  req.logout((err) => {",
    '    if (err) return res.status(500).json({ message: "Logout failed" });',
    "    req.session.destroy((error) => {",
    '      if (error) return res.status(500).json({ message: "Logout failed" });',
    "      res.json({ ok: true });",
    "    });",
    "  });",
    "});",
  );
  const queryCallback = lines(
    'import express from "express";',
    "declare const db: { query(sql: string, values: unknown[], cb: (err: Error | null) => void): void };",
    "const app = express();",
    'app.post("/api/tags", (req, res) => {',
    '  db.query("INSERT INTO tags (name) VALUES (?)", [req.body.name], (err) => {',
    '    if (err) return res.status(500).json({ message: "Failed" });',
    "    res.status(201).json({ ok: true });",
    "  });",
    "});",
  );
  /** The suggestion: `next` added to the handler, and the error handed to it in place of the 500. */
  const handedOn = (code: string, answer: string, delegate: string) => [
    {
      messageId: "delegate" as const,
      data: { delegate },
      output: code.replace(/\((req(?:: any)?), res\) =>/u, "($1, res, next) =>").replace(answer, delegate),
    },
  ];
  const answer = 'res.status(500).json({ message: "Server error" })';
  const updatedOr404 = handler(
    [
      "const updated = await updateEvent(req.params.id, req.body);",
      'if (!updated) return res.status(404).json({ message: "Not found" });',
      "res.json(updated);",
    ],
    ["declare function updateEvent(id: string, data: unknown): Promise<object | undefined>;"],
  );
  const throwingParse = handler(
    [
      "const event = EventSchema.parse(req.body);",
      'if (!event.title) return res.status(400).json({ message: "Title required" });',
      "res.json(createEvent(event, req.user.id));",
    ],
    ["declare const EventSchema: { parse(value: unknown): { title: string } };", createEvent],
  );
  const bodyUser = handler(['res.json(createEvent(req.body.user, "me"));'], [createEvent]);
  ruleTester.run("no-catch-all-500", rule, {
    valid: [
      {
        name: "Express: the try reads only what authentication set on the request (`req.user`)",
        code: handler(["res.json(listEvents(req.user.userId));"], [listEvents]),
        filename: files.ts,
      },
      {
        name: "Express: a check that returns its result, answered 400 when it fails, takes the raw body",
        code: answeredCheck,
        filename: files.ts,
      },
      {
        name: "Express: a parse that returns its errors, answered 400 when there are any, throws nothing to the catch",
        code: handler(
          [
            "const parsed = Papa.parse(String(req.body.csv));",
            'if (parsed.errors.length > 0) return res.status(400).json({ message: "Bad CSV" });',
            "res.json(await saveRows(parsed.data));",
          ],
          [
            "declare const Papa: { parse(text: string): { data: object[]; errors: object[] } };",
            "declare function saveRows(rows: object[]): Promise<number>;",
          ],
        ),
        filename: files.ts,
      },
      {
        name: "Express: the callbacks of req.logout and req.session.destroy only get session-store errors",
        code: sessionCallbacks,
        filename: files.ts,
      },
    ],
    invalid: [
      {
        name: "Express: a check whose result is never tested may still throw on the raw body",
        code: uncheckedResult,
        filename: files.ts,
        errors: [
          {
            ...catchAll("`catch` block", "next(error)"),
            line: 10,
            column: 5,
            suggestions: handedOn(uncheckedResult, answer, "next(error)"),
          },
        ],
      },
      {
        name: "Express: a 404 after a write that took the raw body answers a missing record, not a check of it",
        code: updatedOr404,
        filename: files.ts,
        errors: [
          {
            ...catchAll("`catch` block", "next(error)"),
            line: 10,
            column: 5,
            suggestions: handedOn(updatedOr404, answer, "next(error)"),
          },
        ],
      },
      {
        name: "Express: a schema parse throws whatever is tested after it; a field's test is no check of its result",
        code: throwingParse,
        filename: files.ts,
        errors: [
          {
            ...catchAll("`catch` block", "next(error)"),
            line: 11,
            column: 5,
            suggestions: handedOn(throwingParse, answer, "next(error)"),
          },
        ],
      },
      {
        name: "Express: a body value the client named `user` is still client input",
        code: bodyUser,
        filename: files.ts,
        errors: [
          {
            ...catchAll("`catch` block", "next(error)"),
            line: 8,
            column: 5,
            suggestions: handedOn(bodyUser, answer, "next(error)"),
          },
        ],
      },
      {
        name: "Express: a query callback's error can come from what the client sent",
        code: queryCallback,
        filename: files.ts,
        errors: [
          {
            ...catchAll("error callback", "next(err)"),
            line: 6,
            column: 21,
            suggestions: handedOn(queryCallback, 'res.status(500).json({ message: "Failed" })', "next(err)"),
          },
        ],
      },
    ],
  });
});

describe("no-catch-all-500: where `next(err)` lands in an Express app split across files", () => {
  // Two apps laid out alike: a router mounted by app.ts; only the second declares error middleware,
  // in its own module.
  const WITHOUT = path.resolve(import.meta.dirname, "../fixtures/express-without-error-middleware");
  const ELSEWHERE = path.resolve(import.meta.dirname, "../fixtures/express-error-middleware-elsewhere");
  const filename = "src/routes/users.ts";
  const code = readFileSync(path.join(WITHOUT, filename), "utf8");
  const send = '    res.status(500).json({ error: "Something went wrong" });';

  createRuleTester(WITHOUT).run("no-catch-all-500", rule, {
    valid: [],
    invalid: [
      {
        name: "no file of the app declares error middleware: answer client errors here",
        code,
        filename,
        errors: [
          {
            messageId: "catchAllUnhandled",
            data: { what: "`catch` block" },
            line: 12,
            column: 5,
            endLine: 12,
            endColumn: 60,
            suggestions: [
              {
                messageId: "addStatusMapping",
                data: { kinds: "a 4xx `status`" },
                output: code.replace(
                  send,
                  lines(
                    `    ${statusTest("err")}`,
                    "      res.status(err.status).json({ error: err.message });",
                    "      return;",
                    "    }",
                    send,
                  ),
                ),
              },
            ],
          },
        ],
      },
    ],
  });

  createRuleTester(ELSEWHERE).run("no-catch-all-500", rule, {
    valid: [],
    invalid: [
      {
        name: "error middleware in another module of the app: hand the error on",
        code,
        filename,
        errors: [
          {
            messageId: "catchAll",
            data: { what: "`catch` block", delegate: "next(err)" },
            line: 12,
            column: 5,
            suggestions: [
              {
                messageId: "delegate",
                data: { delegate: "next(err)" },
                output: code
                  .replace("async (req, res) =>", "async (req, res, next) =>")
                  .replace(send, "    next(err);"),
              },
            ],
          },
        ],
      },
    ],
  });
});
