import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import rule from "../../src/rules/no-swallowed-error.js";
import { lintProjectFile, lintWithFix } from "../utils/lint-with-fix.js";
import { createRuleTester, files } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";

const ruleTester = createRuleTester();

const pino = { harden: { logger: { name: "logger", source: "./src/logger.js", style: "pino" } } };
const winston = { harden: { logger: { name: "logger", source: "./src/logger.js", style: "winston" } } };
const assumed = "a structured logger";
const strict = [{ includeUnusedOutsideHandlers: true }] as const;

const lines = (...text: string[]): string => text.join("\n");

const koaFeed = lines(
  'import Router from "@koa/router";',
  'import { logger } from "./logger.js";',
  "const router = new Router();",
  'router.get("/feed", async (ctx) => {',
  "  try {",
  "    ctx.body = await feed.load(ctx.state.user);",
  "  } catch (err) {",
  "    ctx.body = [];",
  "  }",
  "});",
);

ruleTester.run("no-swallowed-error", rule, {
  valid: [
    {
      name: "an Angular component's empty catch runs in the browser, not the server",
      code: lines(
        'import { Component, Input } from "@angular/core";',
        '@Component({ selector: "gf-value", template: "{{ formatted }}" })',
        "export class ValueComponent {",
        "  @Input() value = 0;",
        '  formatted = "";',
        "  ngOnChanges() {",
        "    try {",
        "      this.formatted = formatNumber(this.value);",
        "    } catch {}",
        "  }",
        "}",
      ),
      filename: "libs/ui/src/lib/value/value.component.ts",
    },
    {
      name: "a React hook in a .ts file: its failed request stays in the user's devtools",
      code: lines(
        'import { useEffect, useState } from "react";',
        "export function useStatus(id: string) {",
        "  const [status, setStatus] = useState<string>();",
        "  useEffect(() => {",
        "    fetch(`/api/status/${id}`)",
        "      .then((response) => response.json())",
        "      .then((body) => setStatus(body.status))",
        "      .catch(() => {});",
        "  }, [id]);",
        "  return status;",
        "}",
      ),
      filename: "ee/features/ai/hooks/use-status.ts",
    },
    // The error is referenced: logged, rethrown, passed on, wrapped as `cause`, inspected.
    {
      name: "Express: the catch logs the error before answering",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/users", async (req, res) => {',
        "  try {",
        "    res.json(await createUser(req.body));",
        "  } catch (err) {",
        '    req.log.error({ err }, "createUser failed");',
        '    res.status(500).json({ error: "Internal error" });',
        "  }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "NestJS: a parse of an optional setting read from ConfigService, whose get cannot fail",
      code: lines(
        "export function getLogLevels(configService: ConfigService): string[] | undefined {",
        "  let levels: string[] | undefined;",
        "  try {",
        '    levels = JSON.parse(configService.get<string>("LOG_LEVELS"));',
        "  } catch {}",
        "  return levels;",
        "}",
      ),
      filename: files.ts,
    },
    {
      name: "best-effort cleanup in a finally block",
      code: lines(
        "export class CacheProbe {",
        "  async isHealthy(): Promise<boolean> {",
        "    try {",
        '      await this.set("probe", "1");',
        "      return true;",
        "    } catch (error) {",
        "      this.logger.error(error);",
        "      return false;",
        "    } finally {",
        "      try {",
        '        await this.remove("probe");',
        "      } catch {}",
        "    }",
        "  }",
        "}",
      ),
      filename: files.ts,
    },
    {
      name: "Next.js: a helper given the request and an id is not a handler",
      code: lines(
        'import type { NextApiRequest } from "next";',
        "export async function getSession(req: NextApiRequest, linkId: string) {",
        "  const token = req.cookies[`session_${linkId}`];",
        "  try {",
        "    return SessionSchema.parse(JSON.parse(await redis.get(token)));",
        "  } catch (error) {",
        "    await redis.del(token);",
        "    return null;",
        "  }",
        "}",
      ),
      filename: "lib/auth/session.ts",
    },
    {
      name: "Express: a try that only writes to the response, which reports failures as events",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/items", (req, res) => {',
        "  try {",
        '    res.write("[");',
        '    res.end("]");',
        "  } catch {}",
        "});",
      ),
      filename: files.ts,
    },
    { name: "rethrown", code: "try { run(); } catch (err) { throw err; }", filename: files.ts },
    {
      name: "wrapped as cause",
      code: 'try { run(); } catch (err) { throw new Error("Saving failed", { cause: err }); }',
      filename: files.ts,
    },
    {
      name: "passed to next",
      code: 'app.get("/a", async (req, res, next) => { try { await run(); } catch (err) { next(err); } });',
      filename: files.ts,
    },
    {
      name: "inspected",
      code: "try { run(); } catch (error) { if (!(error instanceof NotFound)) throw error; }",
      filename: files.ts,
    },
    {
      name: "destructured and used",
      code: "try { run(); } catch ({ message }) { report(message); }",
      filename: files.js,
    },
    {
      name: "Koa: the central error middleware uses the error",
      code: lines(
        'import Koa from "koa";',
        "const app = new Koa();",
        "app.use(async (ctx, next) => {",
        "  try {",
        "    await next();",
        "  } catch (err) {",
        "    ctx.status = err.status ?? 500;",
        '    ctx.app.emit("error", err, ctx);',
        "  }",
        "});",
      ),
      filename: files.js,
    },
    // An empty catch that explains itself, as core `no-empty` allows.
    {
      name: "empty catch with a block comment",
      code: "try { fs.unlinkSync(tmp); } catch { /* already gone: nothing to clean up */ }",
      filename: files.ts,
    },
    {
      name: "empty catch with a line comment",
      code: "try {\n  fs.unlinkSync(tmp);\n} catch (err) {\n  // already gone: nothing to clean up\n}",
      filename: files.ts,
    },
    {
      name: ".catch with an explaining comment",
      code: "cache.warm().catch(() => { /* best effort: the cache refills on the next read */ });",
      filename: files.ts,
    },
    {
      name: ".catch(() => null) with an explaining comment",
      code: "const user = await findUser(id).catch(() => null /* a missing user is a 404 below */);",
      filename: files.ts,
    },
    // Rejection handlers that pass the error on.
    {
      name: ".catch(next)",
      code: "app.get('/a', (req, res, next) => { load().then((d) => res.json(d)).catch(next); });",
      filename: files.js,
    },
    { name: ".catch(handleError)", code: "load().catch(handleError);", filename: files.ts },
    {
      name: ".catch with a logging callback",
      code: 'load().catch((err) => logger.warn({ err }, "load failed"));',
      filename: files.ts,
    },
    {
      name: ".then with a using rejection callback",
      code: "load().then(show, (err) => report(err));",
      filename: files.ts,
    },
    { name: ".then with one argument", code: "load().then(() => {});", filename: files.ts },
    {
      name: "a function callback that reads arguments",
      code: "load().catch(function () { report(arguments[0]); });",
      filename: files.js,
    },
    {
      name: ".catch with a non-function value (a zod default)",
      code: 'const name = z.string().catch("anonymous");',
      filename: files.ts,
    },
    // The `fs.access(p).then(() => true, () => false)` probe: the result says it failed.
    {
      name: "success probe with .then(ok, fail)",
      code: "const exists = await fs.access(path).then(() => true, () => false);",
      filename: files.ts,
    },
    {
      name: "success probe with .then(ok).catch(fail)",
      code: "const exists = await fs.access(path).then(() => true).catch(() => false);",
      filename: files.ts,
    },
    // Outside request handlers, an unused binding is only flagged with `includeUnusedOutsideHandlers`.
    {
      name: "a fallback outside a handler",
      code: "function readConfig(text) {\n  try {\n    return JSON.parse(text);\n  } catch {\n    return {};\n  }\n}",
      filename: files.js,
    },
    {
      name: "a .catch fallback outside a handler",
      code: "const manifest = await readFile(p).catch(() => '{}');",
      filename: files.ts,
    },
    {
      name: "the option set to false",
      code: "function f() { try { a(); } catch (e) { return null; } }",
      options: [{ includeUnusedOutsideHandlers: false }],
      filename: files.ts,
    },
    // In a handler, a catch that answers with a 4xx translated the failure into an answer on purpose.
    {
      name: "Express: invalid JSON becomes a 400",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/import", (req, res) => {',
        "  let data;",
        "  try {",
        "    data = JSON.parse(req.body.payload);",
        "  } catch {",
        '    return res.status(400).json({ error: "payload is not valid JSON" });',
        "  }",
        "  res.json(data);",
        "});",
      ),
      filename: files.js,
    },
    {
      name: "Fastify: a bad token becomes a 401",
      code: 'import Fastify from "fastify";\nconst app = Fastify();\napp.get("/me", async (request, reply) => {\n  try { return verify(request.headers.authorization); } catch { return reply.code(401).send({ error: "invalid token" }); }\n});',
      filename: files.ts,
    },
    {
      name: "Hono: invalid JSON becomes a 400",
      code: 'import { Hono } from "hono";\nconst app = new Hono();\napp.post("/a", async (c) => {\n  let body;\n  try { body = await c.req.json(); } catch { return c.json({ error: "invalid JSON" }, 400); }\n  return c.json(body);\n});',
      filename: files.ts,
    },
    {
      name: "Koa: ctx.throw(400)",
      code: 'import Router from "@koa/router";\nconst router = new Router();\nrouter.post("/a", async (ctx) => {\n  try { ctx.body = JSON.parse(ctx.request.rawBody); } catch { ctx.throw(400, "invalid JSON"); }\n});',
      filename: files.js,
    },
    {
      name: "Next.js App route: NextResponse.json(..., { status: 400 })",
      code: lines(
        'import { NextResponse } from "next/server";',
        "export async function POST(request: Request) {",
        "  let body: unknown;",
        "  try {",
        "    body = await request.json();",
        "  } catch {",
        '    return NextResponse.json({ error: "Invalid JSON" }, { status: 400 });',
        "  }",
        "  return NextResponse.json(body);",
        "}",
      ),
      filename: files.nextApp,
    },
    {
      name: "Next.js Pages API: res.status(422)",
      code: 'export default function handler(req, res) {\n  try { res.json(schema.parse(req.body)); } catch { res.status(422).json({ error: "invalid body" }); }\n}',
      filename: files.nextPages,
    },
    {
      name: "NestJS: throw new NotFoundException()",
      code: lines(
        'import { Controller, Get, NotFoundException, Param } from "@nestjs/common";',
        '@Controller("users")',
        "export class UsersController {",
        '  @Get(":id")',
        '  async findOne(@Param("id") id: string) {',
        "    try {",
        "      return await this.usersService.findOne(id);",
        "    } catch {",
        "      throw new NotFoundException();",
        "    }",
        "  }",
        "}",
      ),
      filename: files.nest,
    },
    {
      name: "Fastify: a status helper (@fastify/sensible reply.notFound()) counts as a 4xx answer",
      code: 'import Fastify from "fastify";\nconst app = Fastify();\napp.get("/files", async (request, reply) => {\n  try { return await storage.read(request.query.name); } catch { return reply.notFound(); }\n});',
      filename: files.ts,
    },
    // A 500 for whatever was caught is `no-catch-all-500`'s report, not a second one here.
    {
      name: "Express: a catch-all 500 is left to no-catch-all-500",
      code: 'import express from "express";\nconst app = express();\napp.post("/users", async (req, res) => {\n  try { res.json(await createUser(req.body)); } catch { res.status(500).json({ error: "Something went wrong" }); }\n});',
      filename: files.ts,
    },
    {
      name: "Koa: the central error middleware answering 500 is left to no-catch-all-500",
      code: 'import Koa from "koa";\nconst app = new Koa();\napp.use(async (ctx, next) => {\n  try { await next(); } catch (err) { ctx.status = 500; ctx.body = { error: "Internal error" }; }\n});',
      filename: files.js,
    },
    {
      name: "NestJS: InternalServerErrorException without the cause is left to no-catch-all-500",
      code: 'import { Controller, Get, InternalServerErrorException } from "@nestjs/common";\n@Controller("users")\nexport class UsersController {\n  @Get()\n  async findAll() {\n    try { return await this.users.findAll(); } catch { throw new InternalServerErrorException("Failed to list users"); }\n  }\n}',
      filename: files.nest,
    },
    {
      name: "a catch the un-awaited returned promise skips never runs, so it drops nothing",
      code: 'export async function GET() {\n  try {\n    return loadStats();\n  } catch {\n    return Response.json({ error: "Failed" }, { status: 500 });\n  }\n}',
      filename: files.nextApp,
    },
    {
      name: "Next.js: a .catch answering 500 is left to no-catch-all-500",
      code: "export async function GET() {\n  return loadStats().then((s) => Response.json(s)).catch(() => new Response(null, { status: 500 }));\n}",
      filename: files.nextApp,
    },
    // Handled on purpose: the failure is the answer, or it is turned into one.
    {
      name: "an empty catch around JSON.parse keeps the raw value: the parse failing is the answer",
      code: "let value: unknown = raw;\ntry {\n  value = JSON.parse(raw);\n} catch {}",
      filename: files.ts,
    },
    {
      name: "an empty catch around a decrypt probe, checked right after",
      code: "let payload;\ntry { payload = cipherDecode(token, salt); } catch (e) {}\nif (!payload) return false;",
      filename: files.ts,
    },
    {
      name: "strict: new URL as a validity probe (string methods around it do not fail)",
      code: "export function isUrl(value: string) {\n  try {\n    new URL(value.trim().toLowerCase());\n    return true;\n  } catch {\n    return false;\n  }\n}",
      filename: files.ts,
      options: strict,
    },
    {
      name: "strict: ip.parse probe with a fallback value",
      code: "export function normalize(ip: string) {\n  try {\n    ipaddr.parse(ip);\n    return ip;\n  } catch {\n    return stripPort(ip);\n  }\n}",
      filename: files.ts,
      options: strict,
    },
    {
      name: "strict: fs.stat as an existence check, in a .catch",
      code: "export async function exists(file: string) {\n  const stats = await fs.promises.stat(file).catch(() => null);\n  return stats !== null;\n}",
      filename: files.ts,
      options: strict,
    },
    {
      name: "an empty catch around a cache read: a miss falls back to the real work",
      code: "export async function getRates() {\n  try {\n    const cached = await this.redisCache.get(KEY);\n    return JSON.parse(cached).rates;\n  } catch {}\n  return computeRates();\n}",
      filename: files.ts,
    },
    {
      name: "Express: reading an upstream error body falls back to a generic message",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/file", async (req, res) => {',
        "  const upstream = await fetch(signerUrl);",
        "  let detail;",
        "  try {",
        "    detail = await upstream.json();",
        "  } catch {",
        '    detail = { message: "Request failed" };',
        "  }",
        "  res.status(502).json(detail);",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Express: a failed lookup forwarded as next({ status: 404 })",
      code: lines(
        'import express from "express";',
        "const router = express.Router();",
        'router.get("/:id", async (req, res, next) => {',
        "  try {",
        "    const user = await users.findOneOrFail({ where: { id: Number(req.params.id) } });",
        "    return res.status(200).json(user);",
        "  } catch (e) {",
        '    next({ status: 404, message: "User not found." });',
        "  }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "Koa: `_err` marks the error as left alone on purpose; the bad token becomes a redirect",
      code: lines(
        'import Router from "@koa/router";',
        "const router = new Router();",
        'router.get("/email/confirm", async (ctx) => {',
        "  try {",
        "    await confirmEmail(ctx.query.code);",
        "  } catch (_err) {",
        '    ctx.redirect("/?notice=expired-token");',
        "    return;",
        "  }",
        '  ctx.body = "ok";',
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "strict: a failed token lookup rethrown as the app's 401 error",
      code: 'export async function authenticate(token: string) {\n  try {\n    return await tokens.findByAccessToken(token, { rejectOnEmpty: true });\n  } catch (e) {\n    throw AuthenticationError("Invalid access token");\n  }\n}',
      filename: files.ts,
      options: strict,
    },
    {
      name: "strict: a failed login answered UNAUTHORIZED after an audit event",
      code: 'export async function exchange(email: string, password: string) {\n  try {\n    return await checkCredentials(email, password);\n  } catch {\n    audit({ event: "login_failed", email });\n    throw new TRPCError({ code: "UNAUTHORIZED" });\n  }\n}',
      filename: files.ts,
      options: strict,
    },
    {
      name: "strict: outside a handler, a comment in the catch explains the fallback",
      code: "export async function reachable(urls: string[]) {\n  for (const url of urls) {\n    try {\n      await ping(url);\n      return true;\n    } catch {\n      // Timeout or TLS error: try the next URL\n      continue;\n    }\n  }\n  return false;\n}",
      filename: files.ts,
      options: strict,
    },
    {
      name: 'the strict setting ("logged") leaves a silent fallback outside handlers alone',
      code: "export async function loadProfile(id: string) {\n  try {\n    return await profiles.load(id);\n  } catch {\n    return undefined;\n  }\n}",
      filename: files.ts,
      options: [{ includeUnusedOutsideHandlers: "logged" }],
    },
    // The failure comes back: the same client is called next, and that call's failure is reported.
    {
      name: "Express: a status probe falls back to the body's value; the next call to the client fails loudly into a catch that logs",
      code: lines(
        'import express from "express";',
        'import { logger } from "./logger.js";',
        "const router = express.Router();",
        'router.post("/test", async (req, res, next) => {',
        "  try {",
        "    const client = new MediaClient(req.body.url);",
        "    const base = await client.status().then((s) => s.base).catch(() => req.body.base);",
        "    const profiles = await client.profiles();",
        "    return res.json({ profiles, base });",
        "  } catch (e) {",
        '    logger.error("Test failed", { message: e.message });',
        '    next({ status: 500, message: "Connection failed" });',
        "  }",
        "});",
      ),
      filename: files.ts,
    },
    {
      name: "strict: an inner catch assigns a fallback inside an outer try that logs the next call's failure",
      code: lines(
        "export async function resolveSymbol(client: Client, code: string) {",
        "  try {",
        "    let symbol = code;",
        "    try {",
        "      symbol = (await client.search(code)).symbol;",
        "    } catch {",
        "      symbol = code;",
        "    }",
        "    return await client.profile(symbol);",
        "  } catch (error) {",
        "    logger.error(error);",
        "    return undefined;",
        "  }",
        "}",
      ),
      filename: files.ts,
      options: strict,
    },
    {
      name: "deleting a row that may not exist before the final delete, which still throws",
      code: lines(
        "export class Users {",
        "  constructor(private readonly db: Db) {}",
        "  async remove(id: string) {",
        "    try {",
        "      await this.db.settings.delete({ where: { userId: id } });",
        "    } catch {}",
        "    return this.db.user.delete({ where: { id } });",
        "  }",
        "}",
      ),
      filename: files.ts,
    },
    {
      name: "JSON.parse of a cached value: a corrupt entry falls through to the fetch",
      code: lines(
        "export async function getQuotes(items: Item[]) {",
        "  const toFetch: Item[] = [];",
        "  for (const item of items) {",
        "    const cached = await this.redisCacheService.get(keyOf(item));",
        "    if (cached) {",
        "      try {",
        "        const quote = JSON.parse(cached);",
        "        quotes[idOf(item)] = { ...quote, symbol: item.symbol };",
        "        continue;",
        "      } catch {}",
        "    }",
        "    toFetch.push(item);",
        "  }",
        "  return fetchQuotes(toFetch);",
        "}",
      ),
      filename: files.ts,
    },
    {
      name: "Koa: a try that only reads and assigns properties cannot fail",
      code: lines(
        'import Router from "@koa/router";',
        "const router = new Router();",
        'router.post("/import", async (ctx) => {',
        "  let merge = ctx.params.merge;",
        '  let warning = "";',
        "  try {",
        "    if (!merge && ctx.params.dataSync) {",
        '      warning = "dataSync is deprecated: use merge";',
        "      merge = ctx.params.dataSync;",
        "    }",
        "  } catch (e) {}",
        "  ctx.body = await importData(ctx.params.json, merge, warning);",
        "});",
      ),
      filename: files.js,
    },
    {
      name: "outside a handler, an empty catch keeps the value declared before the try: the fallback is stated there",
      code: lines(
        "export class Prices {",
        "  constructor(private readonly provider: Provider) {}",
        "  async getForDate(id: string, day: string) {",
        "    let history: History = { [id]: {} };",
        "    try {",
        "      history = await this.provider.getHistory(id, day);",
        "    } catch {}",
        "    return { price: history?.[id]?.[day]?.price };",
        "  }",
        "}",
      ),
      filename: files.ts,
    },
    // The rejection reaches the caller through another use of the same promise.
    {
      name: "a promise-chain lock: the tail ignores the rejection, the same promise is returned to the caller",
      code: lines(
        "export class Renderer {",
        "  private static queue: Promise<void> = Promise.resolve();",
        "  private static runExclusive<T>(task: () => Promise<T>): Promise<T> {",
        "    const result = Renderer.queue.then(task, task);",
        "    Renderer.queue = result.then(",
        "      () => undefined,",
        "      () => undefined",
        "    );",
        "    return result;",
        "  }",
        "}",
      ),
      filename: files.ts,
    },
    {
      name: "a lock tail made with .catch, the same promise awaited by the caller",
      code: lines(
        "let tail = Promise.resolve();",
        "export async function serialize(job) {",
        "  const run = tail.then(job);",
        "  tail = run.catch(() => {});",
        "  return await run;",
        "}",
      ),
      filename: files.js,
    },
    {
      name: "a promise kept on the instance: marked handled in the constructor, awaited by the methods",
      code: lines(
        "export class Calculator {",
        "  private ready: Promise<void>;",
        "  constructor(private readonly store: Store) {",
        "    this.ready = this.load();",
        "    this.ready.catch(() => undefined);",
        "  }",
        "  async total() {",
        "    await this.ready;",
        "    return this.store.sum();",
        "  }",
        "  private async load() {",
        "    await this.store.fill();",
        "  }",
        "}",
      ),
      filename: files.ts,
    },
    // A method called to learn what a value is; the catch keeps the value as it was.
    {
      name: "a shape probe: `params.toObject()` fails on a plain array, which is used as it is",
      code: lines(
        "export function mergeParams(params, values) {",
        "  try {",
        "    params = params.toObject();",
        "  } catch (e) { }",
        "  return params.map((item) => ({ ...item, value: values[item.name] }));",
        "}",
      ),
      filename: files.js,
    },
    {
      name: "strict (true): a shape probe whose catch assigns the value itself",
      code: lines(
        "export function toPlain(doc) {",
        "  let plain;",
        "  try {",
        "    plain = doc.toObject();",
        "  } catch (e) {",
        "    plain = doc;",
        "  }",
        "  return plain;",
        "}",
      ),
      filename: files.js,
      options: strict,
    },
    {
      name: "strict (true): a shape probe whose catch returns the value itself",
      code: "export function toJson(value) {\n  try {\n    return value.toJSON();\n  } catch (e) {\n    return value;\n  }\n}",
      filename: files.js,
      options: strict,
    },
    // Not a catch at all.
    { name: "try/finally", code: "try { run(); } finally { cleanup(); }", filename: files.ts },
  ],
  invalid: [
    // A lock tail only ignores the rejection when the same promise reaches a caller.
    {
      name: "a chained promise whose rejection nobody receives: the tail drops it and nothing returns it",
      code: "let tail = Promise.resolve();\nexport function enqueue(job) {\n  const run = tail.then(job);\n  tail = run.catch(() => {});\n}",
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => {}", operation: "the promise", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: "console.error(err)" },
              output:
                "let tail = Promise.resolve();\nexport function enqueue(job) {\n  const run = tail.then(job);\n  tail = run.catch((err) => { console.error(err); });\n}",
            },
          ],
        },
      ],
    },
    {
      name: "a promise kept on the instance that no method awaits or returns",
      code: "export class Warmup {\n  private ready: Promise<void>;\n  constructor(private readonly store: Store) {\n    this.ready = this.store.fill();\n    this.ready.catch(() => undefined);\n  }\n}",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => undefined", operation: "the promise", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: "console.error(err)" },
              output:
                "export class Warmup {\n  private ready: Promise<void>;\n  constructor(private readonly store: Store) {\n    this.ready = this.store.fill();\n    this.ready.catch((err) => { console.error(err); return undefined; });\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      name: "an empty catch around the work, next to a finally: not cleanup",
      code: "export async function run(store) {\n  try {\n    await store.flush();\n  } catch {} finally {\n    store.release();\n  }\n}",
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`store.flush`", logger: assumed },
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("store.flush failed", err)' },
              output:
                'export async function run(store) {\n  try {\n    await store.flush();\n  } catch (err) {\n    console.error("store.flush failed", err);\n  } finally {\n    store.release();\n  }\n}',
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output:
                "export async function run(store) {\n  try {\n    await store.flush();\n  } catch (err) {\n    throw err;\n  } finally {\n    store.release();\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      name: "a config read other than NestJS's ConfigService.get can fail: config.getOrThrow",
      code: 'export function read(configService) {\n  try {\n    return JSON.parse(configService.getOrThrow("LEVELS"));\n  } catch {}\n}',
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`configService.getOrThrow`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("configService.getOrThrow failed", err)' },
              output:
                'export function read(configService) {\n  try {\n    return JSON.parse(configService.getOrThrow("LEVELS"));\n  } catch (err) {\n    console.error("configService.getOrThrow failed", err);\n  }\n}',
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output:
                'export function read(configService) {\n  try {\n    return JSON.parse(configService.getOrThrow("LEVELS"));\n  } catch (err) {\n    throw err;\n  }\n}',
            },
          ],
        },
      ],
    },
    {
      name: "Next.js: a function given the response answers the request, as the handler it was split from",
      code: lines(
        'import type { NextApiResponse } from "next";',
        "async function listLinks(teamId: string, res: NextApiResponse) {",
        "  try {",
        "    return res.json(await db.link.findMany({ where: { teamId } }));",
        "  } catch (err) {",
        '    return res.status(503).json({ error: "Try again later" });',
        "  }",
        "}",
      ),
      filename: "pages/api/links.ts",
      output: null,
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`catch` block", operation: "`db.link.findMany`", logger: assumed },
          line: 5,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("db.link.findMany failed", err)' },
              output: lines(
                'import type { NextApiResponse } from "next";',
                "async function listLinks(teamId: string, res: NextApiResponse) {",
                "  try {",
                "    return res.json(await db.link.findMany({ where: { teamId } }));",
                "  } catch (err) {",
                '    console.error("db.link.findMany failed", err);',
                '    return res.status(503).json({ error: "Try again later" });',
                "  }",
                "}",
              ),
            },
          ],
        },
      ],
    },
    // A shape probe is a synchronous call without arguments that leaves the value as it was.
    {
      name: "not a shape probe: an awaited save whose failure the empty catch drops",
      code: "export async function touch(user) {\n  try {\n    user = await user.save();\n  } catch (e) {}\n  return user;\n}",
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`user.save`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("user.save failed", e)' },
              output:
                'export async function touch(user) {\n  try {\n    user = await user.save();\n  } catch (e) {\n    console.error("user.save failed", e);\n  }\n  return user;\n}',
            },
            {
              messageId: "rethrow",
              data: { name: "e" },
              output:
                "export async function touch(user) {\n  try {\n    user = await user.save();\n  } catch (e) {\n    throw e;\n  }\n  return user;\n}",
            },
          ],
        },
      ],
    },
    {
      name: "strict (true): not a shape probe: the catch falls back to another value",
      code: "export function toPlain(doc) {\n  try {\n    return doc.toObject();\n  } catch (e) {\n    return {};\n  }\n}",
      filename: files.js,
      options: strict,
      output: null,
      errors: [
        {
          messageId: "unusedOutsideHandler",
          data: { what: "`catch` block", operation: "`doc.toObject`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("doc.toObject failed", e)' },
              output:
                'export function toPlain(doc) {\n  try {\n    return doc.toObject();\n  } catch (e) {\n    console.error("doc.toObject failed", e);\n    return {};\n  }\n}',
            },
          ],
        },
      ],
    },
    // Probes only count when every call that can fail in the `try` is one.
    {
      name: "a parse followed by a save: the save failing is not the answer",
      code: "try {\n  const order = JSON.parse(body);\n  await orders.save(order);\n} catch {}",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`orders.save`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("orders.save failed", err)' },
              output:
                'try {\n  const order = JSON.parse(body);\n  await orders.save(order);\n} catch (err) {\n  console.error("orders.save failed", err);\n}',
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output:
                "try {\n  const order = JSON.parse(body);\n  await orders.save(order);\n} catch (err) {\n  throw err;\n}",
            },
          ],
        },
      ],
    },
    {
      name: "the message names the call that can fail (`new URL`), not a string method inside it",
      code: "try {\n  const host = new URL(value.toLowerCase()).host;\n  hosts.add(host);\n} catch {}",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`new URL`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("new URL failed", err)' },
              output:
                'try {\n  const host = new URL(value.toLowerCase()).host;\n  hosts.add(host);\n} catch (err) {\n  console.error("new URL failed", err);\n}',
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output:
                "try {\n  const host = new URL(value.toLowerCase()).host;\n  hosts.add(host);\n} catch (err) {\n  throw err;\n}",
            },
          ],
        },
      ],
    },
    {
      name: 'strict ("logged"): a .catch that logs the failure but drops the error',
      code: 'export function send(request: Request) {\n  service.add(request).catch(async () => {\n    request.status = "failed";\n    logger.warn("Sending the request failed", { id: request.id });\n  });\n}',
      filename: files.ts,
      options: [{ includeUnusedOutsideHandlers: "logged" }],
      output: null,
      errors: [
        {
          messageId: "unusedOutsideHandler",
          data: { what: "`.catch` callback", operation: "`service.add`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("service.add failed", err)' },
              output:
                'export function send(request: Request) {\n  service.add(request).catch(async (err) => {\n    console.error("service.add failed", err);\n    request.status = "failed";\n    logger.warn("Sending the request failed", { id: request.id });\n  });\n}',
            },
          ],
        },
      ],
    },
    {
      name: 'strict ("logged"): middleware outside a known handler that drops the error and calls next()',
      code: 'export const auth = async (ctx, next) => {\n  try {\n    const claims = jwt.verify(ctx.cookies.get("token"), secret);\n    ctx.state.user = await User.findById(claims.id);\n    return next();\n  } catch (e) {\n    return next();\n  }\n};',
      filename: files.js,
      options: [{ includeUnusedOutsideHandlers: "logged" }],
      output: null,
      errors: [
        {
          messageId: "unusedOutsideHandler",
          data: { what: "`catch` block", operation: "`User.findById`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("User.findById failed", e)' },
              output:
                'export const auth = async (ctx, next) => {\n  try {\n    const claims = jwt.verify(ctx.cookies.get("token"), secret);\n    ctx.state.user = await User.findById(claims.id);\n    return next();\n  } catch (e) {\n    console.error("User.findById failed", e);\n    return next();\n  }\n};',
            },
          ],
        },
      ],
    },
    {
      name: "a 500 that only server faults can reach (no-catch-all-500 is quiet there) still drops the error",
      code: lines(
        'import type { NextApiRequest, NextApiResponse } from "next";',
        "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
        "  const session = await getSession(req);",
        '  if (!session) return res.status(401).json({ error: "Unauthorized" });',
        "  try {",
        "    const teams = await prisma.team.findMany({ where: { userId: session.userId } });",
        "    return res.json(teams);",
        "  } catch (err) {",
        '    return res.status(500).json({ error: "Internal error" });',
        "  }",
        "}",
      ),
      filename: "pages/api/teams.ts",
      output: null,
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`catch` block", operation: "`prisma.team.findMany`", logger: assumed },
          line: 8,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("prisma.team.findMany failed", err)' },
              output: lines(
                'import type { NextApiRequest, NextApiResponse } from "next";',
                "export default async function handler(req: NextApiRequest, res: NextApiResponse) {",
                "  const session = await getSession(req);",
                '  if (!session) return res.status(401).json({ error: "Unauthorized" });',
                "  try {",
                "    const teams = await prisma.team.findMany({ where: { userId: session.userId } });",
                "    return res.json(teams);",
                "  } catch (err) {",
                '    console.error("prisma.team.findMany failed", err);',
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
      name: "a 5xx forwarded with next() without the error is still the cause lost",
      code: lines(
        'import express from "express";',
        "const router = express.Router();",
        'router.post("/", async (req, res, next) => {',
        "  try {",
        "    res.json(await jobs.create(req.body));",
        "  } catch (e) {",
        '    next({ status: 503, message: "Try again later" });',
        "  }",
        "});",
      ),
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`catch` block", operation: "`jobs.create`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("jobs.create failed", e)' },
              output:
                'import express from "express";\nconst router = express.Router();\nrouter.post("/", async (req, res, next) => {\n  try {\n    res.json(await jobs.create(req.body));\n  } catch (e) {\n    console.error("jobs.create failed", e);\n    next({ status: 503, message: "Try again later" });\n  }\n});',
            },
          ],
        },
      ],
    },
    // ── Empty catch blocks ──────────────────────────────────────────────────────────────────
    {
      name: "Express: an empty catch in a handler, no logger known: log and rethrow are suggestions",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/signup", async (req, res) => {',
        "  try {",
        "    await mailer.sendWelcome(req.body.email);",
        "  } catch (e) {}",
        "  res.status(201).end();",
        "});",
      ),
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`mailer.sendWelcome`", logger: assumed },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 14,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("mailer.sendWelcome failed", e)' },
              output: lines(
                'import express from "express";',
                "const app = express();",
                'app.post("/signup", async (req, res) => {',
                "  try {",
                "    await mailer.sendWelcome(req.body.email);",
                "  } catch (e) {",
                '    console.error("mailer.sendWelcome failed", e);',
                "  }",
                "  res.status(201).end();",
                "});",
              ),
            },
            {
              messageId: "rethrow",
              data: { name: "e" },
              output: lines(
                'import express from "express";',
                "const app = express();",
                'app.post("/signup", async (req, res) => {',
                "  try {",
                "    await mailer.sendWelcome(req.body.email);",
                "  } catch (e) {",
                "    throw e;",
                "  }",
                "  res.status(201).end();",
                "});",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "an empty catch without a binding, settings logger: the binding and the import are added",
      code: lines('import { db } from "./db.js";', "", "try {", "    await db.migrate();", "} catch {}"),
      filename: files.ts,
      settings: pino,
      output: lines(
        'import { db } from "./db.js";',
        'import { logger } from "./logger.js";',
        "",
        "try {",
        "    await db.migrate();",
        "} catch (err) {",
        '    logger.error({ err }, "db.migrate failed");',
        "}",
      ),
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`db.migrate`", logger: "`logger`" },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 8,
          suggestions: [
            {
              messageId: "rethrow",
              data: { name: "err" },
              output: lines(
                'import { db } from "./db.js";',
                "",
                "try {",
                "    await db.migrate();",
                "} catch (err) {",
                "    throw err;",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a one-line try keeps the fix on one line; `error` when `err` is taken",
      code: "const err = 1;\ntry { cache.clear(); } catch {}",
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`cache.clear`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("cache.clear failed", error)' },
              output:
                'const err = 1;\ntry { cache.clear(); } catch (error) { console.error("cache.clear failed", error); }',
            },
            {
              messageId: "rethrow",
              data: { name: "error" },
              output: "const err = 1;\ntry { cache.clear(); } catch (error) { throw error; }",
            },
          ],
        },
      ],
    },
    {
      name: "a TODO comment is not an explanation; the comment is kept",
      code: "try { sync(); } catch (err) { /* TODO: handle */ }",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`sync`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("sync failed", err)' },
              output: 'try { sync(); } catch (err) { /* TODO: handle */ console.error("sync failed", err); }',
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output: "try { sync(); } catch (err) { /* TODO: handle */ throw err; }",
            },
          ],
        },
      ],
    },
    {
      name: "a TODO line comment: the statement goes on the next line",
      code: "try {\n  sync();\n} catch (err) {\n  // TODO\n}",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("sync failed", err)' },
              output: 'try {\n  sync();\n} catch (err) {\n  // TODO\n  console.error("sync failed", err);\n}',
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output: "try {\n  sync();\n} catch (err) {\n  // TODO\n  throw err;\n}",
            },
          ],
        },
      ],
    },
    {
      name: "FIXME and @ts- directives are not explanations either",
      code: "try { a(); } catch { // FIXME\n}\ntry { b(); } catch { /* @ts-ignore */ }",
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          line: 1,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("a failed", err)' },
              output:
                'try { a(); } catch (err) { // FIXME\nconsole.error("a failed", err);\n}\ntry { b(); } catch { /* @ts-ignore */ }',
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output: "try { a(); } catch (err) { // FIXME\nthrow err;\n}\ntry { b(); } catch { /* @ts-ignore */ }",
            },
          ],
        },
        {
          messageId: "emptyCatch",
          line: 3,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("b failed", err)' },
              output:
                'try { a(); } catch { // FIXME\n}\ntry { b(); } catch (err) { /* @ts-ignore */ console.error("b failed", err); }',
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output: "try { a(); } catch { // FIXME\n}\ntry { b(); } catch (err) { /* @ts-ignore */ throw err; }",
            },
          ],
        },
      ],
    },
    {
      name: "no call in the try block, only an awaited promise: a generic message; the settings logger, already imported, is used (autofix)",
      code: 'import { logger } from "./lib/logger.js";\ntry {\n  value = await pending;\n} catch (e) {\n}',
      filename: files.ts,
      settings: pino,
      output:
        'import { logger } from "./lib/logger.js";\ntry {\n  value = await pending;\n} catch (e) {\n  logger.error({ err: e }, "Unexpected error");\n}',
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "the `try` block", logger: "`logger`" },
          suggestions: [
            {
              messageId: "rethrow",
              data: { name: "e" },
              output:
                'import { logger } from "./lib/logger.js";\ntry {\n  value = await pending;\n} catch (e) {\n  throw e;\n}',
            },
          ],
        },
      ],
    },
    {
      name: "semicolon-less files stay semicolon-less",
      code: 'import pino from "pino"\nconst log = pino()\ntry { await flush() } catch {}',
      filename: files.ts,
      output:
        'import pino from "pino"\nconst log = pino()\ntry { await flush() } catch (err) { log.error({ err }, "flush failed") }',
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`flush`", logger: "`log`" },
          suggestions: [
            {
              messageId: "rethrow",
              data: { name: "err" },
              output: 'import pino from "pino"\nconst log = pino()\ntry { await flush() } catch (err) { throw err }',
            },
          ],
        },
      ],
    },
    {
      name: "winston logger in a CommonJS file: required, message first, the error as the meta argument",
      code: 'const express = require("express");\nasync function start() {\n  try {\n    await queue.connect();\n  } catch (err) {}\n}',
      filename: files.cjs,
      settings: winston,
      output:
        'const express = require("express");\nconst { logger } = require("./logger.js");\nasync function start() {\n  try {\n    await queue.connect();\n  } catch (err) {\n    logger.error("queue.connect failed", err);\n  }\n}',
      errors: [
        {
          messageId: "emptyCatch",
          suggestions: [
            {
              messageId: "rethrow",
              data: { name: "err" },
              output:
                'const express = require("express");\nasync function start() {\n  try {\n    await queue.connect();\n  } catch (err) {\n    throw err;\n  }\n}',
            },
          ],
        },
      ],
    },
    {
      name: "a destructuring pattern that reads nothing: flagged without a fix",
      code: "try { run(); } catch ({ code }) {}",
      filename: files.js,
      output: null,
      errors: [{ messageId: "emptyCatch", suggestions: [] }],
    },

    // ── Discarding rejection callbacks ──────────────────────────────────────────────────────
    {
      name: "a floating .catch(() => {}): log suggestion, no propagate (the rejection would be unhandled)",
      code: "sendWelcomeEmail(user).catch(() => {});",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => {}", operation: "`sendWelcomeEmail`", logger: assumed },
          line: 1,
          column: 30,
          endLine: 1,
          endColumn: 38,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("sendWelcomeEmail failed", err)' },
              output: 'sendWelcomeEmail(user).catch((err) => { console.error("sendWelcomeEmail failed", err); });',
            },
          ],
        },
      ],
    },
    {
      name: "await x.catch(() => null) with a settings logger: autofix keeps the null; propagate is a suggestion",
      code: "const user = await db.user.findUnique({ where: { id } }).catch(() => null);",
      filename: files.ts,
      settings: pino,
      output:
        'import { logger } from "./logger.js";\nconst user = await db.user.findUnique({ where: { id } }).catch((err) => { logger.error({ err }, "db.user.findUnique failed"); return null; });',
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => null", operation: "`db.user.findUnique`", logger: "`logger`" },
          suggestions: [
            {
              messageId: "propagate",
              data: { method: "catch" },
              output: "const user = await db.user.findUnique({ where: { id } });",
            },
          ],
        },
      ],
    },
    {
      name: "() => undefined, () => false, function () {} and a lone return are discards too",
      code: "a().catch(() => undefined);\nb().catch(() => false);\nc().catch(function () {});\nd().catch(() => { return; });\ne().catch(() => void 0);",
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => undefined", operation: "`a`", logger: assumed },
          line: 1,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("a failed", err)' },
              output:
                'a().catch((err) => { console.error("a failed", err); return undefined; });\nb().catch(() => false);\nc().catch(function () {});\nd().catch(() => { return; });\ne().catch(() => void 0);',
            },
          ],
        },
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => false", operation: "`b`", logger: assumed },
          line: 2,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("b failed", err)' },
              output:
                'a().catch(() => undefined);\nb().catch((err) => { console.error("b failed", err); return false; });\nc().catch(function () {});\nd().catch(() => { return; });\ne().catch(() => void 0);',
            },
          ],
        },
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "function () {}", operation: "`c`", logger: assumed },
          line: 3,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("c failed", err)' },
              output:
                'a().catch(() => undefined);\nb().catch(() => false);\nc().catch(function (err) { console.error("c failed", err); });\nd().catch(() => { return; });\ne().catch(() => void 0);',
            },
          ],
        },
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => { return; }", operation: "`d`", logger: assumed },
          line: 4,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("d failed", err)' },
              output:
                'a().catch(() => undefined);\nb().catch(() => false);\nc().catch(function () {});\nd().catch((err) => { console.error("d failed", err); return; });\ne().catch(() => void 0);',
            },
          ],
        },
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => void 0", operation: "`e`", logger: assumed },
          line: 5,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("e failed", err)' },
              output:
                'a().catch(() => undefined);\nb().catch(() => false);\nc().catch(function () {});\nd().catch(() => { return; });\ne().catch((err) => { console.error("e failed", err); return void 0; });',
            },
          ],
        },
      ],
    },
    {
      name: "an unused parameter does not make a discard a use",
      code: "load().catch((e) => {});",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "(e) => {}", operation: "`load`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("load failed", e)' },
              output: 'load().catch((e) => { console.error("load failed", e); });',
            },
          ],
        },
      ],
    },
    {
      name: ".catch(noop) and .catch(_.noop)",
      code: "reader.cancel().catch(noop);\nreturn stream.close().catch(_.noop);",
      filename: files.cjs,
      languageOptions: { parserOptions: { ecmaFeatures: { globalReturn: true } } },
      output: null,
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "noop", operation: "`reader.cancel`", logger: assumed },
          line: 1,
          column: 23,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("reader.cancel failed", err)' },
              output:
                'reader.cancel().catch((err) => { console.error("reader.cancel failed", err); });\nreturn stream.close().catch(_.noop);',
            },
          ],
        },
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "_.noop", operation: "`stream.close`", logger: assumed },
          line: 2,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("stream.close failed", err)' },
              output:
                'reader.cancel().catch(noop);\nreturn stream.close().catch((err) => { console.error("stream.close failed", err); });',
            },
            {
              messageId: "propagate",
              data: { method: "catch" },
              output: "reader.cancel().catch(noop);\nreturn stream.close();",
            },
          ],
        },
      ],
    },
    {
      name: "the rejection callback of .then(ok, fail): propagate drops only that argument",
      code: "async function load() {\n  return fetchJson(url).then(parse, () => {});\n}",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "then", handler: "() => {}", operation: "`fetchJson`", logger: assumed },
          line: 2,
          column: 37,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("fetchJson failed", err)' },
              output:
                'async function load() {\n  return fetchJson(url).then(parse, (err) => { console.error("fetchJson failed", err); });\n}',
            },
            {
              messageId: "propagate",
              data: { method: "then" },
              output: "async function load() {\n  return fetchJson(url).then(parse);\n}",
            },
          ],
        },
      ],
    },
    {
      name: "a promise held in a variable: the generic message",
      code: "pending.catch(() => {});",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => {}", operation: "the promise", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: "console.error(err)" },
              output: "pending.catch((err) => { console.error(err); });",
            },
          ],
        },
      ],
    },
    {
      name: "a success probe whose rejection callback returns null is still a discard",
      code: "const ok = await ping().then(() => true, () => null);",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "then", handler: "() => null", operation: "`ping`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("ping failed", err)' },
              output:
                'const ok = await ping().then(() => true, (err) => { console.error("ping failed", err); return null; });',
            },
            { messageId: "propagate", data: { method: "then" }, output: "const ok = await ping().then(() => true);" },
          ],
        },
      ],
    },

    // ── Unused bindings in request handlers ─────────────────────────────────────────────────
    {
      name: "Express: a fallback answer that hides the failure; settings logger: autofix",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/users", async (req, res) => {',
        "  try {",
        "    const users = await db.user.findMany();",
        "    res.json(users);",
        "  } catch {",
        "    res.json([]);",
        "  }",
        "});",
      ),
      filename: files.ts,
      settings: pino,
      output: lines(
        'import express from "express";',
        'import { logger } from "./logger.js";',
        "const app = express();",
        'app.get("/users", async (req, res) => {',
        "  try {",
        "    const users = await db.user.findMany();",
        "    res.json(users);",
        "  } catch (err) {",
        '    logger.error({ err }, "db.user.findMany failed");',
        "    res.json([]);",
        "  }",
        "});",
      ),
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`catch` block", operation: "`db.user.findMany`", logger: "`logger`" },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 10,
          suggestions: [],
        },
      ],
    },
    {
      name: "Express in JavaScript: a named but unused binding; a 400 beside a 503 stays flagged",
      code: lines(
        'const express = require("express");',
        "const router = express.Router();",
        'router.put("/orders/:id", async (req, res) => {',
        "  try {",
        "    await orders.update(req.params.id, req.body);",
        "    res.sendStatus(204);",
        "  } catch (error) {",
        "    if (!req.body) return res.status(400).end();",
        "    res.status(503).end();",
        "  }",
        "});",
      ),
      filename: files.cjs,
      output: null,
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`catch` block", operation: "`orders.update`", logger: assumed },
          line: 7,
          column: 5,
          endColumn: 18,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("orders.update failed", error)' },
              output: lines(
                'const express = require("express");',
                "const router = express.Router();",
                'router.put("/orders/:id", async (req, res) => {',
                "  try {",
                "    await orders.update(req.params.id, req.body);",
                "    res.sendStatus(204);",
                "  } catch (error) {",
                '    console.error("orders.update failed", error);',
                "    if (!req.body) return res.status(400).end();",
                "    res.status(503).end();",
                "  }",
                "});",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Express: a comment does not excuse a catch that answers without the error",
      code: 'app.get("/a", async (req, res) => {\n  try { await load(); } catch (error) {\n    // Return error response\n    res.status(502).send("Upstream error");\n  }\n});',
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "unusedInHandler",
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("load failed", error)' },
              output:
                'app.get("/a", async (req, res) => {\n  try { await load(); } catch (error) {\n    // Return error response\n    console.error("load failed", error);\n    res.status(502).send("Upstream error");\n  }\n});',
            },
          ],
        },
      ],
    },
    {
      name: "Express: a generic Error thrown without the cause",
      code: 'app.post("/pay", async (req, res) => {\n  try {\n    await stripe.charges.create(req.body);\n  } catch {\n    throw new Error("Payment failed");\n  }\n  res.end();\n});',
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`catch` block", operation: "`stripe.charges.create`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("stripe.charges.create failed", err)' },
              output:
                'app.post("/pay", async (req, res) => {\n  try {\n    await stripe.charges.create(req.body);\n  } catch (err) {\n    console.error("stripe.charges.create failed", err);\n    throw new Error("Payment failed");\n  }\n  res.end();\n});',
            },
          ],
        },
      ],
    },
    {
      name: "Fastify: request.log is the logger, so the fix is an autofix",
      code: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        'app.get("/users/:id", async (request, reply) => {',
        "  try {",
        "    return await users.find(request.params.id);",
        "  } catch {",
        "    return { user: null };",
        "  }",
        "});",
      ),
      filename: files.ts,
      output: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        'app.get("/users/:id", async (request, reply) => {',
        "  try {",
        "    return await users.find(request.params.id);",
        "  } catch (err) {",
        '    request.log.error({ err }, "users.find failed");',
        "    return { user: null };",
        "  }",
        "});",
      ),
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`catch` block", operation: "`users.find`", logger: "`request.log`" },
          line: 6,
          column: 5,
          endColumn: 10,
        },
      ],
    },
    {
      name: "Fastify: a .catch callback with an object body in a handler",
      code: 'import Fastify from "fastify";\nconst app = Fastify();\napp.get("/status", async (req, reply) => {\n  return reply.send(await probe().catch((e) => ({ ok: false })));\n});',
      filename: files.ts,
      output:
        'import Fastify from "fastify";\nconst app = Fastify();\napp.get("/status", async (req, reply) => {\n  return reply.send(await probe().catch((e) => { req.log.error({ err: e }, "probe failed"); return { ok: false }; }));\n});',
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`.catch` callback", operation: "`probe`", logger: "`req.log`" },
          line: 4,
          column: 41,
          endColumn: 63,
        },
      ],
    },
    {
      name: "Hono: c.var.logger when the handler uses it; a same-line statement keeps its line",
      code: lines(
        'import { Hono } from "hono";',
        "const app = new Hono();",
        'app.post("/orders", async (c) => {',
        '  c.var.logger.info("creating order");',
        "  try {",
        "    return c.json(await orders.create(await c.req.json()), 201);",
        "  } catch { return c.json({ queued: false }, 202); }",
        "});",
      ),
      filename: files.ts,
      output: lines(
        'import { Hono } from "hono";',
        "const app = new Hono();",
        'app.post("/orders", async (c) => {',
        '  c.var.logger.info("creating order");',
        "  try {",
        "    return c.json(await orders.create(await c.req.json()), 201);",
        '  } catch (err) { c.var.logger.error({ err }, "orders.create failed"); return c.json({ queued: false }, 202); }',
        "});",
      ),
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`catch` block", operation: "`orders.create`", logger: "`c.var.logger`" },
          line: 7,
        },
      ],
    },
    {
      name: "Koa: a logger imported from a local module, its style unknown: logging is a suggestion in each call order",
      code: koaFeed,
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`catch` block", operation: "`feed.load`", logger: "`logger`" },
          line: 7,
          column: 5,
          endColumn: 16,
          suggestions: [
            {
              messageId: "logErrorLike",
              data: { call: 'logger.error({ err }, "feed.load failed")', logger: "logger", style: "pino" },
              output: koaFeed.replace(
                "  } catch (err) {\n",
                '  } catch (err) {\n    logger.error({ err }, "feed.load failed");\n',
              ),
            },
            {
              messageId: "logErrorLike",
              data: { call: 'logger.error("feed.load failed", err)', logger: "logger", style: "winston" },
              output: koaFeed.replace(
                "  } catch (err) {\n",
                '  } catch (err) {\n    logger.error("feed.load failed", err);\n',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Koa: .catch with an expression body in a route",
      code: 'import Router from "@koa/router";\nconst router = new Router();\nrouter.get("/feed", async (ctx) => {\n  ctx.body = await feed.load().catch(() => []);\n});',
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`.catch` callback", operation: "`feed.load`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("feed.load failed", err)' },
              output:
                'import Router from "@koa/router";\nconst router = new Router();\nrouter.get("/feed", async (ctx) => {\n  ctx.body = await feed.load().catch((err) => { console.error("feed.load failed", err); return []; });\n});',
            },
          ],
        },
      ],
    },
    {
      name: "Next.js App route: a 503 without the error; settings logger with its style",
      code: lines(
        'import { NextResponse } from "next/server";',
        "export async function POST(request: Request) {",
        "  try {",
        "    const user = await prisma.user.create({ data: await request.json() });",
        "    return NextResponse.json(user, { status: 201 });",
        "  } catch (error) {",
        '    return NextResponse.json({ error: "Try again later" }, { status: 503 });',
        "  }",
        "}",
      ),
      filename: files.nextApp,
      settings: { harden: { logger: { name: "logger", source: "@/lib/logger", style: "pino" } } },
      output: lines(
        'import { NextResponse } from "next/server";',
        'import { logger } from "@/lib/logger";',
        "export async function POST(request: Request) {",
        "  try {",
        "    const user = await prisma.user.create({ data: await request.json() });",
        "    return NextResponse.json(user, { status: 201 });",
        "  } catch (error) {",
        '    logger.error({ err: error }, "prisma.user.create failed");',
        '    return NextResponse.json({ error: "Try again later" }, { status: 503 });',
        "  }",
        "}",
      ),
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`catch` block", operation: "`prisma.user.create`", logger: "`logger`" },
          line: 6,
          column: 5,
          endColumn: 18,
        },
      ],
    },
    {
      name: "Next.js Pages API: the default export handler answers an empty list; the settings style applies to the imported logger",
      code: 'import { logger } from "../../lib/logger";\nexport default async function handler(req, res) {\n  try {\n    res.json(await stripe.charges.list());\n  } catch (e) {\n    res.status(200).json({ data: [] });\n  }\n}',
      filename: files.nextPages,
      settings: pino,
      output:
        'import { logger } from "../../lib/logger";\nexport default async function handler(req, res) {\n  try {\n    res.json(await stripe.charges.list());\n  } catch (e) {\n    logger.error({ err: e }, "stripe.charges.list failed");\n    res.status(200).json({ data: [] });\n  }\n}',
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`catch` block", operation: "`stripe.charges.list`", logger: "`logger`" },
        },
      ],
    },
    {
      name: "NestJS: a controller that returns an empty list on failure; no logger known",
      code: lines(
        'import { Controller, Get } from "@nestjs/common";',
        '@Controller("users")',
        "export class UsersController {",
        "  @Get()",
        "  async findAll() {",
        "    try {",
        "      return await this.usersService.findAll();",
        "    } catch {",
        "      return [];",
        "    }",
        "  }",
        "}",
      ),
      filename: files.nest,
      output: null,
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`catch` block", operation: "`usersService.findAll`", logger: assumed },
          line: 8,
          column: 7,
          endColumn: 12,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("usersService.findAll failed", err)' },
              output: lines(
                'import { Controller, Get } from "@nestjs/common";',
                '@Controller("users")',
                "export class UsersController {",
                "  @Get()",
                "  async findAll() {",
                "    try {",
                "      return await this.usersService.findAll();",
                "    } catch (err) {",
                '      console.error("usersService.findAll failed", err);',
                "      return [];",
                "    }",
                "  }",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "a handler defined for registration elsewhere (Express signature), with a TS-annotated binding",
      code: 'import type { Request, Response } from "express";\nexport const getUser = async (req: Request, res: Response) => {\n  try {\n    res.json(await users.get(req.params.id));\n  } catch (e: unknown) {\n    res.json(null);\n    metrics.increment("users.error");\n  }\n};',
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "unusedInHandler",
          line: 5,
          column: 5,
          endColumn: 23,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("users.get failed", e)' },
              output:
                'import type { Request, Response } from "express";\nexport const getUser = async (req: Request, res: Response) => {\n  try {\n    res.json(await users.get(req.params.id));\n  } catch (e: unknown) {\n    console.error("users.get failed", e);\n    res.json(null);\n    metrics.increment("users.error");\n  }\n};',
            },
          ],
        },
      ],
    },
    {
      name: "an outer `err` used in the catch body: the new binding is `error`, so the outer one is not shadowed",
      code: 'app.get("/a", (req, res) => {\n  const err = "E_LOAD";\n  try { load(); } catch { res.json({ code: err }); }\n});',
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "unusedInHandler",
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("load failed", error)' },
              output:
                'app.get("/a", (req, res) => {\n  const err = "E_LOAD";\n  try { load(); } catch (error) { console.error("load failed", error); res.json({ code: err }); }\n});',
            },
          ],
        },
      ],
    },

    // ── includeUnusedOutsideHandlers (strict) ───────────────────────────────────────────────
    {
      name: "strict: an unused binding outside a handler",
      code: 'export function readConfig(file: string) {\n  try {\n    return JSON.parse(readFileSync(file, "utf8"));\n  } catch (e) {\n    return {};\n  }\n}',
      filename: files.ts,
      options: strict,
      output: null,
      errors: [
        {
          messageId: "unusedOutsideHandler",
          data: { what: "`catch` block", operation: "`readFileSync`", logger: assumed },
          line: 4,
          column: 5,
          endColumn: 14,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("readFileSync failed", e)' },
              output:
                'export function readConfig(file: string) {\n  try {\n    return JSON.parse(readFileSync(file, "utf8"));\n  } catch (e) {\n    console.error("readFileSync failed", e);\n    return {};\n  }\n}',
            },
          ],
        },
      ],
    },
    {
      name: "strict: a new error thrown without the cause",
      code: 'try { await charge(order); } catch { throw new Error("Payment failed"); }',
      filename: files.ts,
      options: strict,
      settings: pino,
      output:
        'import { logger } from "./logger.js";\ntry { await charge(order); } catch (err) { logger.error({ err }, "charge failed"); throw new Error("Payment failed"); }',
      errors: [
        {
          messageId: "unusedOutsideHandler",
          data: { what: "`catch` block", operation: "`charge`", logger: "`logger`" },
        },
      ],
    },
    {
      name: "strict: a .catch fallback outside a handler",
      code: "const manifest = await readFile(p).catch(() => '{}');",
      filename: files.ts,
      options: strict,
      output: null,
      errors: [
        {
          messageId: "unusedOutsideHandler",
          data: { what: "`.catch` callback", operation: "`readFile`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("readFile failed", err)' },
              output:
                "const manifest = await readFile(p).catch((err) => { console.error(\"readFile failed\", err); return '{}'; });",
            },
          ],
        },
      ],
    },
    {
      name: "a declaration without a value states no fallback: the empty catch still hides the failure",
      code: lines(
        "export class Rates {",
        "  constructor(private readonly marketData: MarketData) {}",
        "  async rate(symbol: string) {",
        "    let rate: number;",
        "    try {",
        "      rate = (await this.marketData.get(symbol))?.price;",
        "    } catch {}",
        "    return rate;",
        "  }",
        "}",
      ),
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`marketData.get`", logger: assumed },
          line: 7,
          column: 7,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("marketData.get failed", err)' },
              output: lines(
                "export class Rates {",
                "  constructor(private readonly marketData: MarketData) {}",
                "  async rate(symbol: string) {",
                "    let rate: number;",
                "    try {",
                "      rate = (await this.marketData.get(symbol))?.price;",
                "    } catch (err) {",
                '      console.error("marketData.get failed", err);',
                "    }",
                "    return rate;",
                "  }",
                "}",
              ),
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output: lines(
                "export class Rates {",
                "  constructor(private readonly marketData: MarketData) {}",
                "  async rate(symbol: string) {",
                "    let rate: number;",
                "    try {",
                "      rate = (await this.marketData.get(symbol))?.price;",
                "    } catch (err) {",
                "      throw err;",
                "    }",
                "    return rate;",
                "  }",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Express: in a handler a declared default does not excuse the empty catch",
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/prices/:id", async (req, res) => {',
        "  let history = {};",
        "  try {",
        "    history = await provider.getHistory(req.params.id);",
        "  } catch {}",
        "  res.json(history);",
        "});",
      ),
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`provider.getHistory`", logger: assumed },
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("provider.getHistory failed", err)' },
              output: lines(
                'import express from "express";',
                "const app = express();",
                'app.get("/prices/:id", async (req, res) => {',
                "  let history = {};",
                "  try {",
                "    history = await provider.getHistory(req.params.id);",
                "  } catch (err) {",
                '    console.error("provider.getHistory failed", err);',
                "  }",
                "  res.json(history);",
                "});",
              ),
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output: lines(
                'import express from "express";',
                "const app = express();",
                'app.get("/prices/:id", async (req, res) => {',
                "  let history = {};",
                "  try {",
                "    history = await provider.getHistory(req.params.id);",
                "  } catch (err) {",
                "    throw err;",
                "  }",
                "  res.json(history);",
                "});",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "Express: a fallback whose client is not called again: nothing else reports its outage",
      code: lines(
        'import express from "express";',
        "const router = express.Router();",
        'router.post("/test", async (req, res, next) => {',
        "  try {",
        "    const base = await client.status().then((s) => s.base).catch(() => req.body.base);",
        "    const profiles = await catalog.profiles();",
        "    return res.json({ profiles, base });",
        "  } catch (e) {",
        "    next(e);",
        "  }",
        "});",
      ),
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`.catch` callback", operation: "`client.status`", logger: assumed },
          line: 5,
          column: 66,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("client.status failed", err)' },
              output:
                'import express from "express";\nconst router = express.Router();\nrouter.post("/test", async (req, res, next) => {\n  try {\n    const base = await client.status().then((s) => s.base).catch((err) => { console.error("client.status failed", err); return req.body.base; });\n    const profiles = await catalog.profiles();\n    return res.json({ profiles, base });\n  } catch (e) {\n    next(e);\n  }\n});',
            },
          ],
        },
      ],
    },
    {
      name: "a delete whose client is not called again after the catch",
      code: lines(
        "export class Users {",
        "  constructor(private readonly db: Db, private readonly activities: Activities) {}",
        "  async remove(id: string) {",
        "    try {",
        "      await this.activities.deleteAll({ userId: id });",
        "    } catch {}",
        "    return this.db.user.delete({ where: { id } });",
        "  }",
        "}",
      ),
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`activities.deleteAll`", logger: assumed },
          line: 6,
          column: 7,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("activities.deleteAll failed", err)' },
              output:
                'export class Users {\n  constructor(private readonly db: Db, private readonly activities: Activities) {}\n  async remove(id: string) {\n    try {\n      await this.activities.deleteAll({ userId: id });\n    } catch (err) {\n      console.error("activities.deleteAll failed", err);\n    }\n    return this.db.user.delete({ where: { id } });\n  }\n}',
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output:
                "export class Users {\n  constructor(private readonly db: Db, private readonly activities: Activities) {}\n  async remove(id: string) {\n    try {\n      await this.activities.deleteAll({ userId: id });\n    } catch (err) {\n      throw err;\n    }\n    return this.db.user.delete({ where: { id } });\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      name: "the next call to the client is swallowed too: the outage is reported nowhere",
      code: lines(
        "export async function remove(db: Db, id: string) {",
        "  try {",
        "    await db.settings.delete({ where: { userId: id } });",
        "  } catch {}",
        "  try {",
        "    await db.user.delete({ where: { id } });",
        "  } catch {}",
        "}",
      ),
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`db.settings.delete`", logger: assumed },
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("db.settings.delete failed", err)' },
              output:
                'export async function remove(db: Db, id: string) {\n  try {\n    await db.settings.delete({ where: { userId: id } });\n  } catch (err) {\n    console.error("db.settings.delete failed", err);\n  }\n  try {\n    await db.user.delete({ where: { id } });\n  } catch {}\n}',
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output:
                "export async function remove(db: Db, id: string) {\n  try {\n    await db.settings.delete({ where: { userId: id } });\n  } catch (err) {\n    throw err;\n  }\n  try {\n    await db.user.delete({ where: { id } });\n  } catch {}\n}",
            },
          ],
        },
        {
          messageId: "emptyCatch",
          data: { operation: "`db.user.delete`", logger: assumed },
          line: 7,
          column: 5,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("db.user.delete failed", err)' },
              output:
                'export async function remove(db: Db, id: string) {\n  try {\n    await db.settings.delete({ where: { userId: id } });\n  } catch {}\n  try {\n    await db.user.delete({ where: { id } });\n  } catch (err) {\n    console.error("db.user.delete failed", err);\n  }\n}',
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output:
                "export async function remove(db: Db, id: string) {\n  try {\n    await db.settings.delete({ where: { userId: id } });\n  } catch {}\n  try {\n    await db.user.delete({ where: { id } });\n  } catch (err) {\n    throw err;\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      name: "JSON.parse of a value read from the database, not a cache",
      code: lines(
        "export async function getQuote(item: Item) {",
        "  const stored = await this.quoteStore.get(keyOf(item));",
        "  try {",
        "    const quote = JSON.parse(stored);",
        "    return { ...quote, id: idOf(item) };",
        "  } catch {}",
        "  return fetchQuote(item);",
        "}",
      ),
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`JSON.parse`", logger: assumed },
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("JSON.parse failed", err)' },
              output:
                'export async function getQuote(item: Item) {\n  const stored = await this.quoteStore.get(keyOf(item));\n  try {\n    const quote = JSON.parse(stored);\n    return { ...quote, id: idOf(item) };\n  } catch (err) {\n    console.error("JSON.parse failed", err);\n  }\n  return fetchQuote(item);\n}',
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output:
                "export async function getQuote(item: Item) {\n  const stored = await this.quoteStore.get(keyOf(item));\n  try {\n    const quote = JSON.parse(stored);\n    return { ...quote, id: idOf(item) };\n  } catch (err) {\n    throw err;\n  }\n  return fetchQuote(item);\n}",
            },
          ],
        },
      ],
    },
  ],
});

const optionalLogger = lines(
  'import type { Logger } from "pino";',
  "export function settle(p: Promise<void>, logger?: Logger) {",
  "  return logger ? p.catch((err) => logger.error(err)) : p.catch(() => {});",
  "}",
);

const nestService = lines(
  'import { Injectable, Logger } from "@nestjs/common";',
  "@Injectable()",
  "export class UsersService {",
  "  private readonly logger = new Logger(UsersService.name);",
  "  async sync() {",
  "    try {",
  "      await this.api.sync();",
  "    } catch {}",
  "    this.queue.drain().catch(function () {});",
  "  }",
  "}",
);

ruleTester.run("no-swallowed-error: which logger the fix may call, and how", rule, {
  valid: [],
  invalid: [
    {
      name: "an optional logger parameter, in the branch where it is absent: no logger call; console.error is a suggestion",
      code: optionalLogger,
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => {}", operation: "the promise", logger: assumed },
          line: 3,
          suggestions: [
            {
              messageId: "logError",
              data: { call: "console.error(err)" },
              output: optionalLogger.replace("p.catch(() => {})", "p.catch((err) => { console.error(err); })"),
            },
          ],
        },
      ],
    },
    {
      name: "a variable typed `| undefined` is not called either",
      code: 'import pino, { type Logger } from "pino";\nlet logger: Logger | undefined = pino();\nsend().catch(() => {});',
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => {}", operation: "`send`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("send failed", err)' },
              output:
                'import pino, { type Logger } from "pino";\nlet logger: Logger | undefined = pino();\nsend().catch((err) => { console.error("send failed", err); });',
            },
          ],
        },
      ],
    },
    {
      name: "a JavaScript logger parameter tested falsy: not called there",
      code: "export function settle(p, logger) {\n  if (!logger) p.catch(() => {});\n}",
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => {}", operation: "the promise", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: "console.error(err)" },
              output:
                "export function settle(p, logger) {\n  if (!logger) p.catch((err) => { console.error(err); });\n}",
            },
          ],
        },
      ],
    },
    {
      name: "pino made in the file: autofix in pino's (fields, message) order",
      code: 'import pino from "pino";\nconst logger = pino();\ntry { await db.migrate(); } catch {}',
      filename: files.ts,
      output:
        'import pino from "pino";\nconst logger = pino();\ntry { await db.migrate(); } catch (err) { logger.error({ err }, "db.migrate failed"); }',
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`db.migrate`", logger: "`logger`" },
          suggestions: [
            {
              messageId: "rethrow",
              data: { name: "err" },
              output:
                'import pino from "pino";\nconst logger = pino();\ntry { await db.migrate(); } catch (err) { throw err; }',
            },
          ],
        },
      ],
    },
    {
      name: "winston's createLogger: autofix with the error as the meta argument",
      code: 'import { createLogger } from "winston";\nconst logger = createLogger({});\nsend().catch(() => {});',
      filename: files.ts,
      output:
        'import { createLogger } from "winston";\nconst logger = createLogger({});\nsend().catch((err) => { logger.error("send failed", err); });',
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => {}", operation: "`send`", logger: "`logger`" },
          suggestions: [],
        },
      ],
    },
    {
      name: "a parameter typed with winston's Logger: winston style",
      code: 'import type { Logger } from "winston";\nexport function start(logger: Logger) {\n  queue.connect().catch(() => {});\n}',
      filename: files.ts,
      output:
        'import type { Logger } from "winston";\nexport function start(logger: Logger) {\n  queue.connect().catch((err) => { logger.error("queue.connect failed", err); });\n}',
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => {}", operation: "`queue.connect`", logger: "`logger`" },
        },
      ],
    },
    {
      name: "NestJS: this.logger made by new Logger() logs (message, stack); a `function` callback has its own `this`, so it gets the static Logger",
      code: nestService,
      filename: files.nest,
      output: lines(
        'import { Injectable, Logger } from "@nestjs/common";',
        "@Injectable()",
        "export class UsersService {",
        "  private readonly logger = new Logger(UsersService.name);",
        "  async sync() {",
        "    try {",
        "      await this.api.sync();",
        "    } catch (err) {",
        '      this.logger.error("api.sync failed", err instanceof Error ? err.stack : String(err));',
        "    }",
        '    this.queue.drain().catch(function (err) { Logger.error("queue.drain failed", err instanceof Error ? err.stack : String(err)); });',
        "  }",
        "}",
      ),
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`api.sync`", logger: "`this.logger`" },
          line: 8,
          suggestions: [
            {
              messageId: "rethrow",
              data: { name: "err" },
              output: nestService.replace("    } catch {}", "    } catch (err) {\n      throw err;\n    }"),
            },
          ],
        },
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "function () {}", operation: "`queue.drain`", logger: "`Logger`" },
          line: 9,
          suggestions: [],
        },
      ],
    },
    {
      name: "a constructor parameter typed PinoLogger (nestjs-pino): pino style; not inside a `function`, whose `this` is another",
      code: lines(
        'import { PinoLogger } from "nestjs-pino";',
        "export class Jobs {",
        "  constructor(private readonly logger: PinoLogger) {}",
        "  run() {",
        "    queue.drain().catch(() => {});",
        "    queue.close().catch(function () {});",
        "  }",
        "}",
      ),
      filename: files.ts,
      output: lines(
        'import { PinoLogger } from "nestjs-pino";',
        "export class Jobs {",
        "  constructor(private readonly logger: PinoLogger) {}",
        "  run() {",
        '    queue.drain().catch((err) => { this.logger.error({ err }, "queue.drain failed"); });',
        "    queue.close().catch(function () {});",
        "  }",
        "}",
      ),
      errors: [
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "() => {}", operation: "`queue.drain`", logger: "`this.logger`" },
          line: 5,
        },
        {
          messageId: "discardedRejection",
          data: { method: "catch", handler: "function () {}", operation: "`queue.close`", logger: assumed },
          line: 6,
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("queue.close failed", err)' },
              output: lines(
                'import { PinoLogger } from "nestjs-pino";',
                "export class Jobs {",
                "  constructor(private readonly logger: PinoLogger) {}",
                "  run() {",
                "    queue.drain().catch(() => {});",
                '    queue.close().catch(function (err) { console.error("queue.close failed", err); });',
                "  }",
                "}",
              ),
            },
          ],
        },
      ],
    },
    {
      name: "NestJS: a controller without its own logger uses the imported static Logger",
      code: lines(
        'import { Controller, Get, Logger } from "@nestjs/common";',
        '@Controller("users")',
        "export class UsersController {",
        "  @Get()",
        "  async findAll() {",
        "    try { return await this.usersService.findAll(); } catch { return []; }",
        "  }",
        "}",
      ),
      filename: files.nest,
      output: lines(
        'import { Controller, Get, Logger } from "@nestjs/common";',
        '@Controller("users")',
        "export class UsersController {",
        "  @Get()",
        "  async findAll() {",
        '    try { return await this.usersService.findAll(); } catch (err) { Logger.error("usersService.findAll failed", err instanceof Error ? err.stack : String(err)); return []; }',
        "  }",
        "}",
      ),
      errors: [
        {
          messageId: "unusedInHandler",
          data: { what: "`catch` block", operation: "`usersService.findAll`", logger: "`Logger`" },
        },
      ],
    },
    {
      name: "settings logger without a style: the import and the call are suggestions in each order",
      code: "try { await db.migrate(); } catch {}",
      filename: files.ts,
      settings: { harden: { logger: { name: "logger", source: "#lib/logger" } } },
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`db.migrate`", logger: "`logger`" },
          suggestions: [
            {
              messageId: "logErrorLike",
              data: { call: 'logger.error({ err }, "db.migrate failed")', logger: "logger", style: "pino" },
              output:
                'import { logger } from "#lib/logger";\ntry { await db.migrate(); } catch (err) { logger.error({ err }, "db.migrate failed"); }',
            },
            {
              messageId: "logErrorLike",
              data: { call: 'logger.error("db.migrate failed", err)', logger: "logger", style: "winston" },
              output:
                'import { logger } from "#lib/logger";\ntry { await db.migrate(); } catch (err) { logger.error("db.migrate failed", err); }',
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output: "try { await db.migrate(); } catch (err) { throw err; }",
            },
          ],
        },
      ],
    },
    {
      name: "settings logger without a source is only called where its name is in scope",
      code: "try { await db.migrate(); } catch {}",
      filename: files.ts,
      settings: { harden: { logger: { name: "logger", style: "pino" } } },
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          data: { operation: "`db.migrate`", logger: assumed },
          suggestions: [
            {
              messageId: "logError",
              data: { call: 'console.error("db.migrate failed", err)' },
              output: 'try { await db.migrate(); } catch (err) { console.error("db.migrate failed", err); }',
            },
            {
              messageId: "rethrow",
              data: { name: "err" },
              output: "try { await db.migrate(); } catch (err) { throw err; }",
            },
          ],
        },
      ],
    },
    {
      name: "a local console is not the global one: no log suggestion",
      code: 'import { console } from "./fake-console.js";\ntry { await db.migrate(); } catch {}',
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "emptyCatch",
          suggestions: [
            {
              messageId: "rethrow",
              data: { name: "err" },
              output:
                'import { console } from "./fake-console.js";\ntry { await db.migrate(); } catch (err) { throw err; }',
            },
          ],
        },
      ],
    },
  ],
});

describe("no-swallowed-error autofix is safe on save", () => {
  const loggerModule = 'import pino from "pino";\nexport const logger = pino();\n';

  it("Express: re-lints clean, and the output type-checks", () => {
    const code = lines(
      'import express from "express";',
      "const app = express();",
      "async function createUser(data: unknown) {",
      "  return { id: 1, data };",
      "}",
      "async function warmCache() {}",
      'app.post("/users", async (req, res) => {',
      "  try {",
      "    await warmCache();",
      "  } catch {}",
      "  try {",
      "    res.status(201).json(await createUser(req.body));",
      "  } catch {",
      "    res.status(202).json({ queued: true });",
      "  }",
      "  warmCache().catch(() => {});",
      "  const fallback = await createUser(null).catch(() => null);",
      "  void fallback;",
      "});",
      "export default app;",
    );
    const result = lintWithFix("no-swallowed-error", code, { settings: pino });
    expect(result.fatal).toEqual([]);
    expect(result.remainingFixable).toEqual([]);
    expect(result.remaining).toEqual([]);
    expect(result.output).toBe(
      lines(
        'import express from "express";',
        'import { logger } from "./logger.js";',
        "const app = express();",
        "async function createUser(data: unknown) {",
        "  return { id: 1, data };",
        "}",
        "async function warmCache() {}",
        'app.post("/users", async (req, res) => {',
        "  try {",
        "    await warmCache();",
        "  } catch (err) {",
        '    logger.error({ err }, "warmCache failed");',
        "  }",
        "  try {",
        "    res.status(201).json(await createUser(req.body));",
        "  } catch (err) {",
        '    logger.error({ err }, "createUser failed");',
        "    res.status(202).json({ queued: true });",
        "  }",
        '  warmCache().catch((err) => { logger.error({ err }, "warmCache failed"); });',
        '  const fallback = await createUser(null).catch((err) => { logger.error({ err }, "createUser failed"); return null; });',
        "  void fallback;",
        "});",
        "export default app;",
      ),
    );
    expect(getTypeErrors({ "server.ts": code, "logger.ts": loggerModule })).toEqual([]);
    expect(getTypeErrors({ "server.ts": result.output, "logger.ts": loggerModule })).toEqual([]);
  });

  it("Fastify: request.log output type-checks against Fastify's types", () => {
    const code = lines(
      'import Fastify from "fastify";',
      "const app = Fastify();",
      "async function findUser(id: string) {",
      "  return { id };",
      "}",
      'app.get<{ Params: { id: string } }>("/users/:id", async (request, reply) => {',
      "  try {",
      "    return await findUser(request.params.id);",
      "  } catch {",
      "    return { id: request.params.id, found: false };",
      "  }",
      "});",
      "export default app;",
    );
    const result = lintWithFix("no-swallowed-error", code);
    expect(result.remaining).toEqual([]);
    expect(result.output).toContain('  } catch (err) {\n    request.log.error({ err }, "findUser failed");\n');
    expect(getTypeErrors({ "server.ts": code })).toEqual([]);
    expect(getTypeErrors({ "server.ts": result.output })).toEqual([]);
  });

  it("Next.js App route with a winston logger: the output type-checks", () => {
    const code = lines(
      "async function save(data: unknown) {",
      "  return { data };",
      "}",
      "export async function POST(request: Request) {",
      "  try {",
      "    return Response.json(await save(await request.json()), { status: 201 });",
      "  } catch (error) {",
      '    return Response.json({ error: "Try again later" }, { status: 503 });',
      "  }",
      "}",
    );
    // Next.js projects import their logger through the `@/` alias, written into each file as is.
    const result = lintWithFix("no-swallowed-error", code, {
      filename: files.nextApp,
      settings: { harden: { logger: { name: "logger", source: "@/logger", style: "winston" } } },
    });
    expect(result.remaining).toEqual([]);
    expect(result.output).toBe(
      lines(
        'import { logger } from "@/logger";',
        "async function save(data: unknown) {",
        "  return { data };",
        "}",
        "export async function POST(request: Request) {",
        "  try {",
        "    return Response.json(await save(await request.json()), { status: 201 });",
        "  } catch (error) {",
        '    logger.error("save failed", error);',
        '    return Response.json({ error: "Try again later" }, { status: 503 });',
        "  }",
        "}",
      ),
    );
    const winstonModule = 'import winston from "winston";\nexport const logger = winston.createLogger({});\n';
    expect(getTypeErrors({ "route.ts": code, "logger.ts": winstonModule })).toEqual([]);
    expect(getTypeErrors({ "route.ts": result.output, "logger.ts": winstonModule })).toEqual([]);
  });

  it("strict: a converted expression body keeps its value and type", () => {
    const code = lines(
      'import { logger } from "./logger.js";',
      "async function readManifest(): Promise<string> {",
      '  return "{}";',
      "}",
      "export const manifest: Promise<string | { empty: true }> = readManifest().catch(() => ({ empty: true as const }));",
    );
    const result = lintWithFix("no-swallowed-error", code, {
      settings: pino,
      options: [{ includeUnusedOutsideHandlers: true }],
    });
    expect(result.remaining).toEqual([]);
    expect(result.output).toContain(
      '.catch((err) => { logger.error({ err }, "readManifest failed"); return { empty: true as const }; });',
    );
    expect(getTypeErrors({ "server.ts": code, "logger.ts": loggerModule })).toEqual([]);
    expect(getTypeErrors({ "server.ts": result.output, "logger.ts": loggerModule })).toEqual([]);
  });

  it("an optional logger: the output calls no logger where it is absent, and type-checks", () => {
    const code = lines(
      'import type { Logger } from "pino";',
      "export function settle(p: Promise<void>, logger?: Logger) {",
      "  return logger ? p.catch((err) => logger.error(err)) : p.catch(() => {});",
      "}",
      "",
    );
    const result = lintWithFix("no-swallowed-error", code);
    expect(result.output).toBe(code);
    const [finding] = result.remaining;
    const [suggestion] = finding?.suggestions ?? [];
    const suggested =
      code.slice(0, suggestion!.fix.range[0]) + suggestion!.fix.text + code.slice(suggestion!.fix.range[1]);
    expect(suggested).toBe(code.replace("p.catch(() => {})", "p.catch((err) => { console.error(err); })"));
    // Calling the absent logger there is what the fix must not write: it does not even compile.
    const withLogger = code.replace(
      "p.catch(() => {})",
      'p.catch((err) => { logger.error({ err }, "Unexpected error"); })',
    );
    expect(getTypeErrors({ "in.ts": code, "suggested.ts": suggested })).toEqual([]);
    expect(getTypeErrors({ "with-logger.ts": withLogger })).toEqual([
      expect.stringContaining("'logger' is possibly 'undefined'"),
    ]);
  });

  it("pino, winston and NestJS loggers made in the file: the outputs type-check against their own types", () => {
    const pinoCode = lines(
      'import pino from "pino";',
      "const logger = pino();",
      "declare const db: { migrate(): Promise<void> };",
      "export async function migrate() {",
      "  try {",
      "    await db.migrate();",
      "  } catch {}",
      "}",
      "",
    );
    const winstonCode = lines(
      'import { createLogger } from "winston";',
      "const logger = createLogger({});",
      "declare function send(): Promise<void>;",
      "send().catch(() => {});",
      "",
    );
    const nestCode = lines(
      'import { Controller, Get, Injectable, Logger } from "@nestjs/common";',
      "@Injectable()",
      "export class UsersService {",
      "  private readonly logger = new Logger(UsersService.name);",
      "  constructor(private readonly api: { sync(): Promise<void>; list(): Promise<string[]> }) {}",
      "  async sync() {",
      "    try {",
      "      await this.api.sync();",
      "    } catch {}",
      "  }",
      "  list() {",
      "    return this.api.list();",
      "  }",
      "}",
      '@Controller("users")',
      "export class UsersController {",
      "  constructor(private readonly usersService: UsersService) {}",
      "  @Get()",
      "  async findAll() {",
      "    try {",
      "      return await this.usersService.list();",
      "    } catch {",
      "      return [];",
      "    }",
      "  }",
      "}",
      "",
    );
    const pinoResult = lintWithFix("no-swallowed-error", pinoCode);
    const winstonResult = lintWithFix("no-swallowed-error", winstonCode);
    const nestResult = lintWithFix("no-swallowed-error", nestCode, { filename: files.nest });
    expect(pinoResult.output).toContain('  } catch (err) {\n    logger.error({ err }, "db.migrate failed");\n  }\n');
    expect(winstonResult.output).toContain('send().catch((err) => { logger.error("send failed", err); });');
    expect(nestResult.output).toContain(
      '      this.logger.error("api.sync failed", err instanceof Error ? err.stack : String(err));\n',
    );
    expect(nestResult.output).toContain(
      '      Logger.error("usersService.list failed", err instanceof Error ? err.stack : String(err));\n',
    );
    for (const result of [pinoResult, winstonResult, nestResult]) {
      expect(result.fatal).toEqual([]);
      expect(result.remainingFixable).toEqual([]);
    }
    expect(
      getTypeErrors({
        "pino-in.ts": pinoCode,
        "pino-out.ts": pinoResult.output,
        "winston-in.ts": winstonCode,
        "winston-out.ts": winstonResult.output,
        "nest-in.ts": nestCode,
        "nest-out.ts": nestResult.output,
      }),
    ).toEqual([]);
  });

  it("never autofixes when no logger is known", () => {
    const code = "try { run(); } catch {}\nload().catch(() => {});\n";
    const result = lintWithFix("no-swallowed-error", code);
    expect(result.output).toBe(code);
    expect(result.remaining.map((m) => m.messageId)).toEqual(["emptyCatch", "discardedRejection"]);
  });
});

describe("no-swallowed-error: a helper of another file that catches its own failures", () => {
  const project = path.resolve(import.meta.dirname, "../fixtures/fail-open-helpers");

  it("reports the catch around a helper that lets its failure through, not the one around a helper that fails open", () => {
    expect(
      lintProjectFile("no-swallowed-error", project, "src/routes/sign-in.ts").map(({ messageId, line, message }) => ({
        messageId,
        line,
        message,
      })),
    ).toEqual([
      {
        messageId: "emptyCatch",
        line: 22,
        message:
          "Empty `catch`: when `consumeToken` fails, the error vanishes with no log or stack trace. Log it with a structured logger or rethrow it; if ignoring it is intended, say why in a comment.",
      },
    ]);
  });
});

describe("no-swallowed-error: a NestJS controller whose services throw no client error", () => {
  // no-catch-all-500 is quiet on `getQuotes` (only server faults reach its catch); the services a
  // controller calls are not followed for whether they log, so the dropped error is not reported either.
  const NEST_SERVICES = path.resolve(import.meta.dirname, "../fixtures/nest-services");
  const filename = "src/quotes/quotes.controller.ts";
  createRuleTester(NEST_SERVICES).run("no-swallowed-error", rule, {
    valid: [
      {
        name: "catches answering 500 in a Nest controller",
        code: readFileSync(path.join(NEST_SERVICES, filename), "utf8"),
        filename,
      },
    ],
    invalid: [],
  });
});

describe("no-swallowed-error: a 4xx from a catch only server faults can reach", () => {
  /** A Hono handler that answers bad input with 400 first; its catch answers `status` to whatever the write threw. */
  const createPost = (status: number) =>
    lines(
      'import { Hono } from "hono";',
      "declare const db: { post: { create(args: { data: { title: string } }): Promise<{ id: string }> } };",
      "declare const PostInput: { safeParse(value: unknown): { success: boolean; data?: { title: string } } };",
      "const app = new Hono();",
      'app.post("/posts", async (c) => {',
      "  const parsed = PostInput.safeParse(await c.req.json());",
      '  if (!parsed.success || !parsed.data) return c.json({ message: "Invalid post" }, 400);',
      "  try {",
      "    const post = await db.post.create({ data: { title: parsed.data.title } });",
      "    return c.json({ id: post.id });",
      "  } catch (e) {",
      `    return c.json({ message: "Could not create the post" }, ${status});`,
      "  }",
      "});",
    );
  const outage = createPost(411);
  const postById = lines(
    'import { Hono } from "hono";',
    "declare const db: { post: { findFirst(args: { where: { id: string } }): Promise<{ id: string } | null> } };",
    "const app = new Hono();",
    'app.get("/posts/:id", async (c) => {',
    "  try {",
    '    const post = await db.post.findFirst({ where: { id: c.req.param("id") } });',
    "    return c.json({ post });",
    "  } catch (e) {",
    '    return c.json({ message: "error while fetching post" }, 411);',
    "  }",
    "});",
  );
  ruleTester.run("no-swallowed-error", rule, {
    valid: [
      {
        name: "Hono: a 401 stays a deliberate answer even where only server faults reach the catch",
        code: createPost(401),
        filename: files.ts,
      },
      {
        name: "Hono: a 4xx from a catch that malformed JSON can reach is an answer the client can act on",
        code: lines(
          'import { Hono } from "hono";',
          "declare const db: { post: { create(args: { data: unknown }): Promise<{ id: string }> } };",
          "const app = new Hono();",
          'app.post("/posts", async (c) => {',
          '  if (c.req.header("content-type") !== "application/json") return c.json({ message: "JSON only" }, 415);',
          "  try {",
          "    const post = await db.post.create({ data: await c.req.json() });",
          "    return c.json({ id: post.id });",
          "  } catch (e) {",
          '    return c.json({ message: "Invalid post" }, 400);',
          "  }",
          "});",
        ),
        filename: files.ts,
      },
    ],
    invalid: [
      {
        name: "Hono: bad input is answered before the try, so the catch's 411 disguises a failed write",
        code: outage,
        filename: files.ts,
        errors: [
          {
            messageId: "unusedInHandler",
            data: { what: "`catch` block", operation: "`db.post.create`", logger: assumed },
            line: 11,
            column: 5,
            suggestions: [
              {
                messageId: "logError",
                data: { call: 'console.error("db.post.create failed", e)' },
                output: outage.replace(
                  "  } catch (e) {\n",
                  '  } catch (e) {\n    console.error("db.post.create failed", e);\n',
                ),
              },
            ],
          },
        ],
      },
      {
        name: "Hono: a lookup by a route parameter read inside the try finds a record or nothing; its 411 disguises a failed read",
        code: postById,
        filename: files.ts,
        errors: [
          {
            messageId: "unusedInHandler",
            data: { what: "`catch` block", operation: "`db.post.findFirst`", logger: assumed },
            line: 8,
            column: 5,
            suggestions: [
              {
                messageId: "logError",
                data: { call: 'console.error("db.post.findFirst failed", e)' },
                output: postById.replace(
                  "  } catch (e) {\n",
                  '  } catch (e) {\n    console.error("db.post.findFirst failed", e);\n',
                ),
              },
            ],
          },
        ],
      },
    ],
  });
});
