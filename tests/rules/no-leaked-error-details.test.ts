import path from "node:path";

import { describe, expect, it } from "vitest";

import rule from "../../src/rules/no-leaked-error-details.js";
import { lintProjectFile, lintWithFix } from "../utils/lint-with-fix.js";
import { createRuleTester, files } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";

const ruleTester = createRuleTester();
const lines = (...parts: string[]) => parts.join("\n");
const leak = (what: string) => ({ messageId: "leak" as const, data: { what } });

const expressMessageAndStack = lines(
  'import express from "express";',
  "const app = express();",
  'app.post("/users", async (req, res) => {',
  "  try {",
  "    await save(req.body);",
  "  } catch (err) {",
  "    res.status(500).json({ error: err.message, stack: err.stack });",
  "  }",
  "});",
);
const expressMessageAndStackFixed = lines(
  'import express from "express";',
  "const app = express();",
  'app.post("/users", async (req, res) => {',
  "  try {",
  "    await save(req.body);",
  "  } catch (err) {",
  '    res.status(500).json({ error: "Internal server error" });',
  "  }",
  "});",
);

const expressErrorHandler = lines(
  'import express, { type NextFunction, type Request, type Response } from "express";',
  "const app = express();",
  "app.use((err: Error & { statusCode?: number }, req: Request, res: Response, next: NextFunction) => {",
  "  res.status(err.statusCode || 500).json({",
  "    message: err.message,",
  '    ...(process.env.NODE_ENV === "development" && { stack: err.stack }),',
  "  });",
  "});",
  "export default app;",
);
const expressErrorHandlerFixed = lines(
  'import express, { type NextFunction, type Request, type Response } from "express";',
  "const app = express();",
  "app.use((err: Error & { statusCode?: number }, req: Request, res: Response, next: NextFunction) => {",
  "  res.status(err.statusCode || 500).json({",
  '    message: (err.statusCode || 500) < 500 ? err.message : "Internal server error",',
  '    ...(process.env.NODE_ENV === "development" && { stack: err.stack }),',
  "  });",
  "});",
  "export default app;",
);

const expressAlias = lines(
  'import express from "express";',
  "const app = express();",
  "declare function work(): Promise<void>;",
  'app.get("/a", async (req, res) => {',
  "  try {",
  "    await work();",
  "  } catch (error) {",
  '    const message = error instanceof Error ? error.message : "Unknown error";',
  "    res.status(500).json({ message });",
  "  }",
  "});",
  "export default app;",
);
const expressAliasFixed = expressAlias.replace(
  "res.status(500).json({ message });",
  'res.status(500).json({ message: "Internal server error" });',
);

const fastifyHandler = lines(
  'import Fastify, { type FastifyError } from "fastify";',
  "const app = Fastify();",
  "app.setErrorHandler((error: FastifyError, request, reply) => {",
  "  request.log.error(error);",
  "  reply.status(500).send({ message: error.message });",
  "});",
  "export default app;",
);
const fastifyHandlerFixed = fastifyHandler.replace(
  "send({ message: error.message })",
  'send({ message: "Internal server error" })',
);

const honoOnError = lines(
  'import { Hono } from "hono";',
  "const app = new Hono();",
  "app.onError((err, c) => {",
  "  console.error(err);",
  "  return c.json({ error: err.message }, 500);",
  "});",
  "export default app;",
);
const honoOnErrorFixed = honoOnError.replace("{ error: err.message }", '{ error: "Internal server error" }');

const koaMiddleware = lines(
  'import Koa from "koa";',
  "const app = new Koa();",
  "app.use(async (ctx, next) => {",
  "  try {",
  "    await next();",
  "  } catch (err) {",
  "    const e = err as { status?: number; message: string };",
  "    ctx.status = e.status ?? 500;",
  "    ctx.body = { message: e.message };",
  "  }",
  "});",
  "export default app;",
);
const koaMiddlewareFixed = koaMiddleware.replace(
  "ctx.body = { message: e.message };",
  'ctx.body = { message: (e.status ?? 500) < 500 ? e.message : "Internal server error" };',
);

// `next/server.js`: the type check resolves like Node (NodeNext), which needs the extension for next's subpaths.
const nextAppRoute = lines(
  'import { NextResponse } from "next/server.js";',
  "declare function work(): Promise<unknown>;",
  "export async function GET() {",
  "  try {",
  "    return NextResponse.json(await work());",
  "  } catch (error) {",
  '    return NextResponse.json({ error: error instanceof Error ? error.message : "Unknown error" }, { status: 500 });',
  "  }",
  "}",
);
const nextAppRouteFixed = nextAppRoute.replace(
  '{ error: error instanceof Error ? error.message : "Unknown error" }',
  '{ error: "Internal server error" }',
);

const nextPagesRoute = lines(
  'import type { NextApiRequest, NextApiResponse } from "next";',
  "declare function work(): Promise<unknown>;",
  "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
  "  try {",
  "    res.status(200).json(await work());",
  "  } catch (err) {",
  "    res.status(500).json({ error: String(err) });",
  "  }",
  "}",
);
const nextPagesRouteFixed = nextPagesRoute.replace("{ error: String(err) }", '{ error: "Internal server error" }');

const nestService = lines(
  'import { Injectable, InternalServerErrorException } from "@nestjs/common";',
  "declare function work(): Promise<string>;",
  "@Injectable()",
  "export class UsersService {",
  "  async create() {",
  "    try {",
  "      return await work();",
  "    } catch (error) {",
  "      throw new InternalServerErrorException(`Could not create user: ${(error as Error).message}`);",
  "    }",
  "  }",
  "}",
);
const nestServiceFixed = nestService.replace(
  "`Could not create user: ${(error as Error).message}`",
  '"Internal server error"',
);

ruleTester.run("no-leaked-error-details", rule, {
  valid: [
    {
      name: "Express: a 4xx built from an error classified as a client error",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/a", async (req, res) => {',
        "  try { await save(req.body); } catch (err) {",
        "    if (err instanceof ValidationError) return res.status(400).json({ error: err.message });",
        '    res.status(500).json({ error: "Internal server error" });',
        "  }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Express: a 4xx status is the code's own statement that the message is for the client",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/a", (req, res) => {',
        "  try { parse(req.body); } catch (err) { res.status(400).json({ error: err.message }); }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Express: fields that are not the error's details, and the error passed to a function",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/a", async (req, res) => {',
        "  try { await save(req.body); } catch (err) {",
        "    logger.error({ err }, err.message);",
        '    res.status(500).json({ error: "Internal server error", code: err.code, detail: toPublicError(err) });',
        "  }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Express: the stack only in development",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "app.use((err, req, res, next) => {",
        '  res.status(500).json({ error: "Internal server error", stack: process.env.NODE_ENV === "development" ? err.stack : undefined });',
        "});",
        "app.use((err, req, res, next) => {",
        "  if (isDev) return res.status(500).send(err.stack);",
        "  res.sendStatus(500);",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Express: the AppError pattern — early exit for unknown errors, then the client error's message",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "app.use((err, req, res, next) => {",
        '  if (!(err instanceof AppError)) return res.status(500).json({ error: "Internal server error" });',
        "  res.status(err.statusCode).json({ error: err.message });",
        "});",
        "app.use((err, req, res, next) => {",
        "  const status = err.status ?? 500;",
        '  res.status(status).json({ error: status < 500 ? err.message : "Internal server error" });',
        "});",
        "app.use((err, req, res, next) => {",
        '  res.status(err.status || 500).json({ error: err.expose ? err.message : "Internal server error" });',
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Express: not a caught error, and not a response",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/a", (req, res) => {',
        "  const result = schema.safeParse(req.body);",
        "  if (!result.success) return res.status(500).json({ error: result.error.message });",
        "  try { run(); } catch (err) { console.error(err.message); audit.send({ error: err.message }); }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Fastify: a 400 from the error handler",
      code: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        "app.setErrorHandler((error, request, reply) => {",
        "  if (error.validation) return reply.code(400).send({ error: error.message });",
        '  reply.code(500).send({ error: "Internal server error" });',
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Fastify: reply.send(err) hands the error to the error handler instead of serialising it",
      code: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        'app.get("/a", (request, reply) => {',
        "  load().then((data) => reply.send(data)).catch((err) => reply.send(err));",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Hono: HTTPException messages with a 4xx",
      code: lines(
        'import { Hono } from "hono";',
        'import { HTTPException } from "hono/http-exception";',
        "const app = new Hono();",
        'app.post("/a", async (c) => {',
        "  try { return c.json(await save(await c.req.json())); } catch (err) {",
        "    throw new HTTPException(422, { message: err.message });",
        "  }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Koa: ctx.throw hides the message of a 5xx; a 4xx message is exposed on purpose",
      code: lines(
        'import Router from "@koa/router";',
        "const router = new Router();",
        'router.get("/a", async (ctx) => {',
        "  try { ctx.body = await work(); } catch (err) { ctx.throw(500, err.message); }",
        "});",
        'router.post("/b", async (ctx) => {',
        "  try { ctx.body = await save(ctx.request.body); } catch (err) { ctx.throw(400, err.message); }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Next.js: a Zod error's issues with a 400",
      code: lines(
        'import { NextResponse } from "next/server";',
        'import { ZodError } from "zod";',
        "export async function POST(request: Request) {",
        "  try { return NextResponse.json(await save(await request.json())); } catch (error) {",
        "    if (error instanceof ZodError) return NextResponse.json({ error: error.message }, { status: 400 });",
        '    return NextResponse.json({ error: "Internal server error" }, { status: 500 });',
        "  }",
        "}",
      ),
      filename: files.nextApp,
    },
    {
      name: "NestJS: a BadRequestException with the validation message",
      code: lines(
        'import { BadRequestException, Controller, Post } from "@nestjs/common";',
        '@Controller("a")',
        "export class AController {",
        "  @Post() a() { try { return parse(); } catch (e) { throw new BadRequestException(e.message); } }",
        "}",
      ),
      filename: files.nest,
    },
  ],
  invalid: [
    {
      name: "Express: message and stack in a 500 — the message becomes generic and the stack goes",
      code: expressMessageAndStack,
      filename: files.ts,
      // The two edits touch, so ESLint applies them in two passes.
      output: [expressMessageAndStack.replace("err.message", '"Internal server error"'), expressMessageAndStackFixed],
      errors: [
        { ...leak("the error's message"), line: 7, column: 35, endLine: 7, endColumn: 46 },
        { ...leak("the error's stack trace"), line: 7, column: 55, endLine: 7, endColumn: 64 },
      ],
    },
    {
      name: "Express: a status from the error — only server errors get the generic message",
      code: expressErrorHandler,
      filename: files.ts,
      output: expressErrorHandlerFixed,
      errors: [{ ...leak("the error's message"), line: 5, column: 14 }],
    },
    {
      name: "Express: a local holding the message, sent with a shorthand property",
      code: expressAlias,
      filename: files.ts,
      output: expressAliasFixed,
      errors: [{ ...leak("`message`, which holds the error's message,"), line: 9, column: 28 }],
    },
    {
      name: "Express: the template in the unclassified branch; the 400 above is fine",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/c", async (req, res) => {',
        "  try { await x(); } catch (e) {",
        "    if (e instanceof ValidationError) return res.status(400).json({ error: e.message });",
        "    res.status(500).send(`Failed: ${e}`);",
        "  }",
        "});",
      ),
      filename: files.ts,
      output: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/c", async (req, res) => {',
        "  try { await x(); } catch (e) {",
        "    if (e instanceof ValidationError) return res.status(400).json({ error: e.message });",
        '    res.status(500).send("Internal server error");',
        "  }",
        "});",
      ),
      errors: [{ ...leak("the caught error"), line: 6, column: 37 }],
    },
    {
      name: "Express: the whole error as the body, and spread into it",
      code: lines(
        "const express = require('express');",
        "const app = express();",
        "app.use(function (err, req, res, next) {",
        "  if (req.xhr) return res.status(500).json(err);",
        "  res.status(500).send({ ...err, ok: false });",
        "});",
      ),
      filename: files.cjs,
      output: lines(
        "const express = require('express');",
        "const app = express();",
        "app.use(function (err, req, res, next) {",
        "  if (req.xhr) return res.status(500).json({ error: 'Internal server error' });",
        "  res.status(500).send({ ok: false });",
        "});",
      ),
      errors: [
        { ...leak("the caught error"), line: 4, column: 44 },
        { ...leak("the error's fields"), line: 5, column: 26, endColumn: 32 },
      ],
    },
    {
      name: "Express: a 200 with the message, an error-first callback, toString() and JSON.stringify",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/a", (req, res) => {',
        "  db.query(sql, (err, rows) => {",
        "    if (err) return res.send({ success: false, error: err.toString() });",
        "    res.json(rows);",
        "  });",
        "});",
        'app.get("/b", async (req, res) => {',
        "  try { await x(); } catch (error) { res.status(500).end(JSON.stringify(error)); }",
        "});",
      ),
      filename: files.ts,
      output: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/a", (req, res) => {',
        "  db.query(sql, (err, rows) => {",
        '    if (err) return res.send({ success: false, error: "Internal server error" });',
        "    res.json(rows);",
        "  });",
        "});",
        'app.get("/b", async (req, res) => {',
        '  try { await x(); } catch (error) { res.status(500).end(JSON.stringify({ error: "Internal server error" })); }',
        "});",
      ),
      errors: [
        { ...leak("the error as text"), line: 5, column: 55 },
        { ...leak("the serialised error"), line: 10, column: 58 },
      ],
    },
    {
      name: "Express with pino-http: a suggestion adds req.id to the body",
      code: lines(
        'import express from "express";',
        'import pinoHttp from "pino-http";',
        "const app = express();",
        "app.use(pinoHttp());",
        'app.get("/a", async (req, res) => {',
        "  try { await x(); } catch (err) { res.status(500).json({ error: err.message }); }",
        "});",
      ),
      filename: files.ts,
      output: lines(
        'import express from "express";',
        'import pinoHttp from "pino-http";',
        "const app = express();",
        "app.use(pinoHttp());",
        'app.get("/a", async (req, res) => {',
        '  try { await x(); } catch (err) { res.status(500).json({ error: "Internal server error" }); }',
        "});",
      ),
      errors: [
        {
          ...leak("the error's message"),
          suggestions: [
            {
              messageId: "addRequestId",
              data: { requestId: "req.id" },
              output: lines(
                'import express from "express";',
                'import pinoHttp from "pino-http";',
                "const app = express();",
                "app.use(pinoHttp());",
                'app.get("/a", async (req, res) => {',
                '  try { await x(); } catch (err) { res.status(500).json({ error: "Internal server error", requestId: req.id }); }',
                "});",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Express: a status computed by a call is not repeated — the generic message is a suggestion",
      code: lines(
        'import express from "express";',
        "const app = express();",
        "app.use((err, req, res, next) => {",
        "  res.status(statusOf(err)).json({ error: err.message });",
        "});",
      ),
      filename: files.js,
      output: null,
      errors: [
        {
          ...leak("the error's message"),
          suggestions: [
            {
              messageId: "useGenericMessage",
              data: { message: '"Internal server error"' },
              output: lines(
                'import express from "express";',
                "const app = express();",
                "app.use((err, req, res, next) => {",
                '  res.status(statusOf(err)).json({ error: "Internal server error" });',
                "});",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a local object that holds the message is reported, but replacing it would change the body's shape: no fix",
      code: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        "app.setErrorHandler((error, request, reply) => {",
        "  const body = { message: error.message, statusCode: error.statusCode || 500 };",
        "  reply.code(body.statusCode).send(body);",
        "});",
      ),
      filename: files.ts,
      output: null,
      errors: [{ ...leak("`body`, which holds the error's message,"), line: 5, column: 36, suggestions: [] }],
    },
    {
      name: "Fastify: the error handler, with request.id offered",
      code: fastifyHandler,
      filename: files.ts,
      output: fastifyHandlerFixed,
      errors: [
        {
          ...leak("the error's message"),
          line: 5,
          column: 37,
          suggestions: [
            {
              messageId: "addRequestId",
              data: { requestId: "request.id" },
              output: fastifyHandler.replace(
                "send({ message: error.message })",
                'send({ message: "Internal server error", requestId: request.id })',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Fastify: a route's catch",
      code: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        'app.get("/a", async (request, reply) => {',
        "  try { return await work(); } catch (err) { return reply.code(500).send({ error: `Lookup failed: ${err.message}` }); }",
        "});",
      ),
      filename: files.ts,
      output: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        'app.get("/a", async (request, reply) => {',
        '  try { return await work(); } catch (err) { return reply.code(500).send({ error: "Internal server error" }); }',
        "});",
      ),
      errors: [
        {
          ...leak("the error's message"),
          suggestions: [
            {
              messageId: "addRequestId",
              data: { requestId: "request.id" },
              output: lines(
                'import Fastify from "fastify";',
                "const app = Fastify();",
                'app.get("/a", async (request, reply) => {',
                '  try { return await work(); } catch (err) { return reply.code(500).send({ error: "Internal server error", requestId: request.id }); }',
                "});",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Hono: onError",
      code: honoOnError,
      filename: files.ts,
      output: honoOnErrorFixed,
      errors: [{ ...leak("the error's message"), line: 5, column: 26 }],
    },
    {
      name: "Hono: HTTPException(500) with the message, and the requestId middleware offered",
      code: lines(
        'import { Hono } from "hono";',
        'import { HTTPException } from "hono/http-exception";',
        'import { requestId } from "hono/request-id";',
        "const app = new Hono();",
        'app.use("*", requestId());',
        'app.get("/a", async (c) => {',
        "  try { return c.json(await work()); } catch (e) {",
        "    throw new HTTPException(500, { message: e.message });",
        "  }",
        "});",
        "app.onError((err, c) => c.json({ error: err.message, at: Date.now() }, 500));",
      ),
      filename: files.ts,
      output: lines(
        'import { Hono } from "hono";',
        'import { HTTPException } from "hono/http-exception";',
        'import { requestId } from "hono/request-id";',
        "const app = new Hono();",
        'app.use("*", requestId());',
        'app.get("/a", async (c) => {',
        "  try { return c.json(await work()); } catch (e) {",
        '    throw new HTTPException(500, { message: "Internal server error" });',
        "  }",
        "});",
        'app.onError((err, c) => c.json({ error: "Internal server error", at: Date.now() }, 500));',
      ),
      errors: [
        { ...leak("the error's message"), line: 8, column: 45, suggestions: [] },
        {
          ...leak("the error's message"),
          line: 11,
          suggestions: [
            {
              messageId: "addRequestId",
              data: { requestId: 'c.get("requestId")' },
              output: lines(
                'import { Hono } from "hono";',
                'import { HTTPException } from "hono/http-exception";',
                'import { requestId } from "hono/request-id";',
                "const app = new Hono();",
                'app.use("*", requestId());',
                'app.get("/a", async (c) => {',
                "  try { return c.json(await work()); } catch (e) {",
                "    throw new HTTPException(500, { message: e.message });",
                "  }",
                "});",
                'app.onError((err, c) => c.json({ error: "Internal server error", at: Date.now(), requestId: c.get("requestId") }, 500));',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Koa: the error middleware with a status from the error",
      code: koaMiddleware,
      filename: files.ts,
      output: koaMiddlewareFixed,
      errors: [{ ...leak("the error's message"), line: 9, column: 27 }],
    },
    {
      name: "Next.js App Router: the instanceof-Error idiom is replaced whole",
      code: nextAppRoute,
      filename: files.nextApp,
      output: nextAppRouteFixed,
      errors: [{ ...leak("the error's message"), line: 7, column: 64 }],
    },
    {
      name: "Next.js App Router: new Response with a stringified body, and a 200 with the message",
      code: lines(
        "export async function POST(request: Request) {",
        "  try { await work(); } catch (e) {",
        '    if (request.headers.get("accept") === "text/plain") return new Response(JSON.stringify({ error: (e as Error).message }), { status: 500 });',
        "    return Response.json({ ok: false, reason: (e as Error).message });",
        "  }",
        '  return new Response("ok");',
        "}",
      ),
      filename: files.nextApp,
      output: lines(
        "export async function POST(request: Request) {",
        "  try { await work(); } catch (e) {",
        '    if (request.headers.get("accept") === "text/plain") return new Response(JSON.stringify({ error: "Internal server error" }), { status: 500 });',
        '    return Response.json({ ok: false, reason: "Internal server error" });',
        "  }",
        '  return new Response("ok");',
        "}",
      ),
      errors: [leak("the error's message"), leak("the error's message")],
    },
    {
      name: "Next.js Pages API: String(err)",
      code: nextPagesRoute,
      filename: files.nextPages,
      output: nextPagesRouteFixed,
      errors: [{ ...leak("the error as text"), line: 7, column: 35 }],
    },
    {
      name: "NestJS: InternalServerErrorException with the message in a template",
      code: nestService,
      filename: "src/users/users.service.ts",
      output: nestServiceFixed,
      errors: [{ ...leak("the error's message"), line: 9, column: 72 }],
    },
    {
      name: "NestJS: HttpException with the error's own status keeps 4xx messages",
      code: lines(
        'import { Controller, Get, HttpException } from "@nestjs/common";',
        '@Controller("a")',
        "export class AController {",
        "  @Get() async a() { try { return await work(); } catch (err) { throw new HttpException(err.message, err.status); } }",
        "}",
      ),
      filename: files.nest,
      output: lines(
        'import { Controller, Get, HttpException } from "@nestjs/common";',
        '@Controller("a")',
        "export class AController {",
        '  @Get() async a() { try { return await work(); } catch (err) { throw new HttpException(err.status < 500 ? err.message : "Internal server error", err.status); } }',
        "}",
      ),
      errors: [leak("the error's message")],
    },
  ],
});

describe("no-leaked-error-details autofix outputs", () => {
  const cases = [
    {
      name: "Express message and stack",
      code: expressMessageAndStack,
      filename: files.ts,
      output: expressMessageAndStackFixed,
      typed: false,
    },
    {
      name: "Express error handler",
      code: expressErrorHandler,
      filename: files.ts,
      output: expressErrorHandlerFixed,
      typed: true,
    },
    { name: "Express alias", code: expressAlias, filename: files.ts, output: expressAliasFixed, typed: true },
    { name: "Fastify", code: fastifyHandler, filename: files.ts, output: fastifyHandlerFixed, typed: true },
    { name: "Hono", code: honoOnError, filename: files.ts, output: honoOnErrorFixed, typed: true },
    { name: "Koa", code: koaMiddleware, filename: files.ts, output: koaMiddlewareFixed, typed: true },
    { name: "Next.js App", code: nextAppRoute, filename: files.nextApp, output: nextAppRouteFixed, typed: true },
    {
      name: "Next.js Pages",
      code: nextPagesRoute,
      filename: files.nextPages,
      output: nextPagesRouteFixed,
      typed: true,
    },
    { name: "Nest", code: nestService, filename: "src/users/users.service.ts", output: nestServiceFixed, typed: true },
  ];

  it.each(cases)("$name: re-lints clean", ({ code, filename, output }) => {
    const result = lintWithFix("no-leaked-error-details", code, { filename });
    expect(result.output).toBe(output);
    expect(result.fatal).toEqual([]);
    expect(result.remainingFixable).toEqual([]);
    expect(result.remaining).toEqual([]);
  });

  it.each(cases.filter((c) => c.typed))(
    "$name: the input and the output type-check against the framework's types",
    ({ code, output }) => {
      expect(getTypeErrors({ "server.ts": code })).toEqual([]);
      expect(getTypeErrors({ "server.ts": output })).toEqual([]);
    },
  );
});

describe("no-leaked-error-details on an endpoint only the app's own jobs can call", () => {
  /** Pages API job endpoint: refuses with 401 when `test` holds, then sends the error's message from its catch. */
  const job = (test: string, refusal = 'res.status(401).json({ message: "Unauthorized" })') =>
    lines(
      'import type { NextApiRequest, NextApiResponse } from "next";',
      "declare function notify(id: string): Promise<void>;",
      "export default async function handle(req: NextApiRequest, res: NextApiResponse) {",
      '  const token = req.headers.authorization?.split(" ")[1];',
      `  if (${test}) {`,
      `    ${refusal};`,
      "    return;",
      "  }",
      "  try {",
      "    await notify(req.body.id);",
      "    res.status(200).json({ ok: true });",
      "  } catch (error) {",
      "    res.status(500).json({ message: (error as Error).message });",
      "  }",
      "}",
    );
  const leaked = (code: string) => ({
    code,
    filename: files.nextPages,
    output: code.replace("{ message: (error as Error).message }", '{ message: "Internal server error" }'),
    errors: [leak("the error's message")],
  });
  ruleTester.run("no-leaked-error-details", rule, {
    valid: [
      {
        name: "a bearer token compared with a secret from the environment, 401 otherwise",
        code: job("token !== process.env.INTERNAL_API_KEY"),
        filename: files.nextPages,
      },
      {
        name: "the secret read into a local first, and a missing secret refused too (403)",
        code: job("!secret || token !== secret", 'res.status(403).json({ message: "Forbidden" })').replace(
          "  const token =",
          "  const secret = process.env.JOB_SECRET;\n  const token =",
        ),
        filename: files.nextPages,
      },
    ],
    invalid: [
      { name: "a token compared with a constant is no server-side secret", ...leaked(job('token !== "public"')) },
      {
        name: "a gate on something other than a header does not make the endpoint internal",
        ...leaked(job("req.query.key !== process.env.INTERNAL_API_KEY")),
      },
      {
        name: "a refusal that is not 401/403 is no gate",
        ...leaked(job("token !== process.env.INTERNAL_API_KEY", 'res.status(200).json({ message: "Skipped" })')),
      },
    ],
  });
});

describe("no-leaked-error-details on Express 4's deprecated res.send(body, status)", () => {
  const create = (status: string) =>
    lines(
      'import express from "express";',
      "const app = express();",
      'app.post("/users", async (req, res) => {',
      "  try {",
      "    await schema.validateAsync(req.body);",
      "    res.send(await User.create(req.body));",
      "  } catch (error) {",
      `    res.send(error, ${status});`,
      "  }",
      "});",
    );
  ruleTester.run("no-leaked-error-details", rule, {
    valid: [{ name: "a 400 with the validation error", code: create("400"), filename: files.ts }],
    invalid: [
      {
        name: "a 500 with the error",
        code: create("500"),
        filename: files.ts,
        output: create("500").replace("res.send(error, 500)", 'res.send({ error: "Internal server error" }, 500)'),
        errors: [{ ...leak("the caught error"), line: 8 }],
      },
    ],
  });
});

describe("no-leaked-error-details on an endpoint whose secret gate opens its try", () => {
  /** Express refund endpoint: the header gate is inside the `try`, before the work (`before`). */
  const refund = (before: string) =>
    lines(
      'import express from "express";',
      "const app = express();",
      'app.post("/api/admin/refund", async (req, res) => {',
      "  try {",
      before,
      '    const key = req.headers["x-admin-key"];',
      "    if (key !== process.env.ADMIN_API_KEY) {",
      '      return res.status(401).json({ error: "Unauthorized" });',
      "    }",
      "    await refunds.create(req.body.paymentId);",
      "    res.json({ ok: true });",
      "  } catch (error) {",
      '    res.status(500).json({ error: "Refund failed", details: (error as Error).message });',
      "  }",
      "});",
    );
  ruleTester.run("no-leaked-error-details", rule, {
    valid: [
      {
        name: "the gate is the try's first check: only the operator's failed refunds reach the catch",
        code: refund("    const started = Date.now();"),
        filename: files.ts,
      },
    ],
    invalid: [
      {
        name: "work before the gate in the try: its failure reaches the catch ungated",
        code: refund("    await audit.record(req.ip);"),
        filename: files.ts,
        output: refund("    await audit.record(req.ip);").replace(
          '{ error: "Refund failed", details: (error as Error).message }',
          '{ error: "Refund failed", details: "Internal server error" }',
        ),
        errors: [leak("the error's message")],
      },
    ],
  });
});

describe("no-leaked-error-details on an endpoint only the app's admins can call", () => {
  /** Fastify admin listing: refuses with 401 when `test` holds, then sends the error's message from its catch. */
  const admin = (setup: string, test: string) =>
    lines(
      'import type { FastifyReply, FastifyRequest } from "fastify";',
      "declare function getIsUserAdmin(request: FastifyRequest): Promise<boolean>;",
      "declare function getSession(request: FastifyRequest): Promise<{ user: { role: string } } | null>;",
      "declare function listOrganizations(): Promise<unknown[]>;",
      "export async function getAdminOrganizations(request: FastifyRequest, reply: FastifyReply) {",
      `  ${setup}`,
      `  if (${test}) {`,
      '    return reply.status(401).send({ error: "Unauthorized" });',
      "  }",
      "  try {",
      "    return reply.send(await listOrganizations());",
      "  } catch (error) {",
      '    return reply.status(500).send({ error: "Failed to list organizations", details: String(error) });',
      "  }",
      "}",
    );
  ruleTester.run("no-leaked-error-details", rule, {
    valid: [
      {
        name: "401 unless an admin helper says so",
        code: admin("const isAdmin = await getIsUserAdmin(request);", "!isAdmin"),
        filename: files.ts,
      },
      {
        name: "401 unless the session's role is admin",
        code: admin("const session = await getSession(request);", 'session?.user.role !== "admin"'),
        filename: files.ts,
      },
    ],
    invalid: [
      {
        name: "401 for a missing session only: every signed-in user sees the details",
        code: admin("const session = await getSession(request);", "!session"),
        filename: files.ts,
        output: admin("const session = await getSession(request);", "!session").replace(
          "details: String(error)",
          'details: "Internal server error"',
        ),
        errors: [
          {
            ...leak("the error as text"),
            line: 13,
            column: 85,
            suggestions: [
              {
                messageId: "addRequestId",
                data: { requestId: "request.id" },
                output: admin("const session = await getSession(request);", "!session").replace(
                  "details: String(error) }",
                  'details: "Internal server error", requestId: request.id }',
                ),
              },
            ],
          },
        ],
      },
    ],
  });
});

describe("no-leaked-error-details: a server-rendered view shows only the locals its templates print", () => {
  const project = path.resolve(import.meta.dirname, "../fixtures/rendered-views");

  it("reports the error handed to a view that prints it, itself or through a partial, or that cannot be read", () => {
    expect(
      lintProjectFile("no-leaked-error-details", project, "src/routers/admin.js").map(
        ({ messageId, line, column }) => ({
          messageId,
          line,
          column,
        }),
      ),
    ).toEqual([
      { messageId: "leak", line: 21, column: 41 },
      { messageId: "leak", line: 31, column: 43 },
      { messageId: "leak", line: 40, column: 43 },
    ]);
  });
});
