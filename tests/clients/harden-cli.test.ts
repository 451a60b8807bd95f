import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { assertPluginBuilt, copyDemoApp, ROOT } from "./utils/demo-app.js";
import { cleanEnv, runNode, type RunResult } from "./utils/run-node.js";

const HARDEN_BIN = path.join(ROOT, "dist", "cli", "harden.js");
const FIXTURES = path.join(ROOT, "tests", "fixtures");

interface Endpoint {
  app: string;
  framework: string;
  method: string;
  path: string;
  pathComplete: boolean;
  file: string;
  line: number;
  auth: { status: string; by?: string; at?: string; reason?: string; through?: { mount: string; at: string } };
  input: { source: string; status: string; by?: string; at?: string; reason?: string }[] | null;
  errors: { status: string; by?: string; at?: string; errorHandler?: { by: string; at: string } };
}

const copies: string[] = [];

/**
 * A fixture app copied outside the repository (whose own ESLint config would otherwise be the project's),
 * with `extra` files written into it and the repository's `node_modules` beside it, as an installed app has.
 */
function copyFixture(name: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), `harden-cli-${name}-`));
  copies.push(dir);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  for (const [file, text] of Object.entries(extra)) writeFileSync(path.join(dir, file), text);
  return dir;
}

function harden(cwd: string, args: readonly string[]): Promise<RunResult> {
  return runNode([HARDEN_BIN, ...args], { cwd, env: cleanEnv() });
}

async function routesJson(cwd: string, args: readonly string[] = []): Promise<Endpoint[]> {
  const run = await harden(cwd, ["routes", "--format", "json", ...args]);
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { endpoints: Endpoint[] }).endpoints;
}

const brief = (endpoints: readonly Endpoint[]) => endpoints.map((e) => `${e.method} ${e.path} ${e.auth.status}`);

beforeAll(async () => {
  await assertPluginBuilt();
});

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** The demo app with the plugin installed in its own node_modules, as a user's app has it. */
function copyDemo(): string {
  const copy = copyDemoApp();
  copies.push(copy.dir);
  return copy.dir;
}

describe("harden routes", () => {
  let express: string;
  beforeAll(() => {
    express = copyFixture("mounts-express");
  });

  it("prints an Express app's endpoints across files: full paths, the auth at each mount, the file", async () => {
    const run = await harden(express, ["routes"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(
      [
        ". (express) · 9 endpoints: 3 protected, 2 public, 4 without auth",
        "  0 with raw input, 0 answering 500 to every error; no error handler of its own",
        "  METHOD PATH                AUTH                              INPUT ERRORS  DEFINED AT",
        "  GET    /api/todos/:id      protected requireAuth (app.ts:14) –     default src/routes/todos.ts:5",
        "  GET    /api/reports/:id    none      mounted at app.ts:15    –     default src/routes/reports.ts:5",
        "  GET    /api/files/:name    protected requireAuth (app.ts:16) –     default src/routes/files.ts:5",
        "  GET    /shared/files/:name none      mounted at app.ts:17    –     default src/routes/files.ts:5",
        "  POST   /api/notes          none      mounted at app.ts:18    ok    default src/routes/notes.ts:5",
        "  DELETE /api/users/:id      protected requireAuth (app.ts:21) –     default src/routes/users.ts:5",
        "  GET    /api-examples       public    answers a constant      –     default src/routes/pages.ts:7",
        "  GET    /about              public    answers a constant      –     default src/routes/pages.ts:8",
        "  GET    /stats              none      mounted at site.ts:7    –     default src/routes/pages.ts:9",
        "",
      ].join("\n"),
    );
    for (const line of run.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("the demo app: routers behind auth at their mount, one mounted without it, a sign-up", async () => {
    const run = await harden(copyDemo(), ["routes"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        ". (express) · 7 endpoints: 4 protected, 1 public, 2 without auth",
        "  4 with raw input, 1 answering 500 to every error; errors go to app.use(…) (src/server.ts:15)",
        "  METHOD PATH                 AUTH                         INPUT     ERRORS  DEFINED AT",
        "  GET    /api/users           none      mounted at server… –         handler src/routes/users.ts:15",
        "  POST   /api/users           public    sign-up: creates … raw body  500-all src/routes/users.ts:25",
        "  DELETE /api/users/:id       none      mounted at server… –         handler src/routes/users.ts:40",
        "  POST   /api/orders          protected requireAuth        raw body  handler src/routes/orders.ts:12",
        "  GET    /api/orders/search   protected requireAuth        raw query handler src/routes/orders.ts:23",
        "  GET    /api/admin/users     protected requireAuth        raw query handler src/routes/admin.ts:7",
        "  DELETE /api/admin/users/:id protected requireAuth        –         handler src/routes/admin.ts:8",
        "",
      ].join("\n"),
    );
  });

  it("--format json: the documented schema, with the mount a route is reached through", async () => {
    const run = await harden(express, ["routes", "--format", "json"]);
    expect(run.status, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout) as { version: number; summary: unknown; endpoints: Endpoint[] };
    expect(output.version).toBe(1);
    expect(output.summary).toEqual({
      total: 9,
      protected: 3,
      public: 2,
      none: 4,
      unserved: 0,
      rawInput: 0,
      catchAll500: 0,
    });
    expect(output.endpoints.filter((e) => e.path.includes("/files/") || e.path === "/api/notes")).toEqual([
      {
        app: ".",
        framework: "express",
        method: "GET",
        path: "/api/files/:name",
        pathComplete: true,
        file: "src/routes/files.ts",
        line: 5,
        auth: { status: "protected", by: "requireAuth", at: "src/app.ts:16" },
        input: [],
        errors: { status: "framework-default" },
      },
      {
        app: ".",
        framework: "express",
        method: "GET",
        path: "/shared/files/:name",
        pathComplete: true,
        file: "src/routes/files.ts",
        line: 5,
        auth: { status: "none", through: { mount: 'app.use("/shared/files", files)', at: "src/app.ts:17" } },
        input: [],
        errors: { status: "framework-default" },
      },
      {
        app: ".",
        framework: "express",
        method: "POST",
        path: "/api/notes",
        pathComplete: true,
        file: "src/routes/notes.ts",
        line: 5,
        // Named like auth, but `jwtMiddleware` only decodes a token and always calls `next()`.
        auth: {
          status: "none",
          through: { mount: 'app.use("/api/notes", jwtMiddleware, notes)', at: "src/app.ts:18" },
        },
        // `res.status(201).json(req.body)` echoes the body: nothing relies on its shape.
        input: [{ source: "body", status: "not-relied-on" }],
        errors: { status: "framework-default" },
      },
    ]);
  });

  it("--format markdown: a table per app, for a pull request", async () => {
    const dir = copyFixture("nest-global-guard");
    const run = await harden(dir, ["routes", "--format", "markdown"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        "### `.` (nest)",
        "",
        "3 endpoints: 3 protected, 0 public, 0 without auth; 0 with raw input, 0 answering 500 to every error; no error handler of its own.",
        "",
        "| Method | Path | Auth | Input | Errors | Defined at |",
        "| --- | --- | --- | --- | --- | --- |",
        "| GET | `/users/:id` | protected — JwtAuthGuard (global guard) | – | the framework's default error handler | `src/users/users.controller.ts:5` |",
        "| POST | `/users` | protected — JwtAuthGuard (global guard) | body: read, but nothing relies on its shape | the framework's default error handler | `src/users/users.controller.ts:10` |",
        "| DELETE | `/users/:id` | protected — JwtAuthGuard (global guard) | – | the framework's default error handler | `src/users/users.controller.ts:15` |",
        "",
      ].join("\n"),
    );
  });

  it("Fastify: prefixes of register, hooks of parent plugins and autohooks", async () => {
    expect(brief(await routesJson(copyFixture("mounts-fastify")))).toEqual([
      "GET /reports/:id none",
      "POST /api/admin/reindex none",
      "GET /api/users/:id protected",
      "GET /api/todos protected",
      "DELETE /api/todos/:id protected",
      "GET /account/profile protected",
      "DELETE /billing/prices/:id none",
      "GET /billing/invoices/:id protected",
    ]);
    const autoloaded = await routesJson(copyFixture("fastify-autohooks"));
    expect(autoloaded.find((e) => e.path === "/v1/api/tasks/:id")?.auth).toEqual({
      status: "protected",
      by: "onRequest hook of autohooks",
      at: "src/routes/api/autohooks.ts",
    });
  });

  it("Hono: app.route prefixes and use() patterns in the parent", async () => {
    expect(brief(await routesJson(copyFixture("mounts-hono")))).toEqual([
      "GET /api/users/:id protected",
      "DELETE /api/posts/:id none",
      "GET /api/v1/exports/:id none",
      "GET /api/v1/reports protected",
      "DELETE /api/v1/reports/:id protected",
    ]);
  });

  it("Koa: routers mounted with routes(), and a route whose prefix is not known", async () => {
    const endpoints = await routesJson(copyFixture("mounts-koa"));
    expect(brief(endpoints)).toEqual([
      "GET /status/:id none",
      "POST /oauth/token public",
      "GET /oauth/clients none",
      "POST /api/orders protected",
      "GET /api/users/:id protected",
      "POST /test/error public",
    ]);
    expect(endpoints.find((e) => e.path === "/oauth/token")?.auth).toEqual({
      status: "public",
      reason: "default-public-path",
    });
    expect(endpoints.find((e) => e.path === "/test/error")?.pathComplete).toBe(false);
  });

  it("Next.js: middleware.ts with a matcher protects one route handler", async () => {
    const endpoints = await routesJson(copyFixture("next-middleware-app"));
    expect(brief(endpoints)).toEqual(["GET /api/admin/users protected", "POST /api/posts none"]);
    expect(endpoints[0]?.auth).toEqual({
      status: "protected",
      by: "middleware (config.matcher)",
      at: "src/middleware.ts",
    });
  });

  it("NestJS: middleware bound with forRoutes, and the reads a module leaves open on purpose", async () => {
    const endpoints = await routesJson(copyFixture("nest-module-middleware"));
    expect(brief(endpoints)).toEqual([
      "GET /articles public",
      "GET /articles/feed protected",
      "GET /articles/:slug public",
      "POST /articles protected",
      "PUT /articles/:slug protected",
      "DELETE /articles/:slug none",
      "POST /tags protected",
      "GET /tags/popular none",
      "GET /user protected",
      "PUT /user protected",
      "POST /users/reset-link none",
    ]);
    expect(endpoints[1]?.auth).toEqual({ status: "protected", by: "AuthMiddleware (forRoutes)" });
  });

  it("NestJS: the bootstrap's global prefix, except the paths it excludes; unknown under URI versioning", async () => {
    const main = (call: string) => ({
      "src/main.ts": [
        'import { NestFactory } from "@nestjs/core";',
        'import { AppModule } from "./app.module";',
        "",
        "async function bootstrap() {",
        "  const app = await NestFactory.create(AppModule);",
        `  ${call}`,
        "  await app.listen(3000);",
        "}",
        "void bootstrap();",
        "",
      ].join("\n"),
    });
    const prefixed = await routesJson(
      copyFixture("nest-global-guard", main('app.setGlobalPrefix("api", { exclude: ["users"] });')),
    );
    expect(prefixed.map((e) => [e.method, e.path, e.pathComplete])).toEqual([
      ["GET", "/api/users/:id", true],
      ["POST", "/users", true],
      ["DELETE", "/api/users/:id", true],
    ]);
    const versioned = await routesJson(
      copyFixture("nest-global-guard", main("app.enableVersioning({ type: VersioningType.URI });")),
    );
    expect(versioned.map((e) => [e.path, e.pathComplete])).toEqual([
      ["/users/:id", false],
      ["/users", false],
      ["/users/:id", false],
    ]);
    // A wildcard exclusion (`users/(.*)`) keeps the controller's paths as written; versioning still leaves
    // a segment unknown.
    const excludedVersioned = await routesJson(
      copyFixture(
        "nest-global-guard",
        main('app.setGlobalPrefix("api", { exclude: ["users/(.*)"] });\n  app.enableVersioning();'),
      ),
    );
    expect(excludedVersioned.map((e) => [e.path, e.pathComplete])).toEqual([
      ["/users/:id", false],
      ["/users", false],
      ["/users/:id", false],
    ]);
  });

  it("a sign-in is public: a handler that checks the credentials it is sent on a public path, an auth library's endpoint", async () => {
    const express = await routesJson(
      copyFixture("mounts-express", {
        "src/admin.ts": [
          'import express from "express";',
          'import passport from "passport";',
          "",
          "const admin = express();",
          "admin.use(express.json());",
          'admin.post("/login", (req, res) => {',
          '  if (req.body.password !== process.env.ADMIN_PASSWORD) return res.status(401).json({ error: "Unauthorized" });',
          "  res.json({ ok: true });",
          "});",
          'admin.post("/session", passport.authenticate("local"));',
          'admin.get("/auth/me", (req, res) => {',
          "  if (!req.headers.authorization) return res.status(401).end();",
          "  res.json({ user: req.headers.authorization });",
          "});",
          "admin.listen(3001);",
          "",
        ].join("\n"),
      }),
    );
    expect(express.filter((e) => e.file === "src/admin.ts").map((e) => [e.path, e.auth])).toEqual([
      ["/login", { status: "public", reason: "sign-in" }],
      [
        "/session",
        { status: "public", reason: "sign-in", by: 'passport.authenticate("local")', at: "src/admin.ts:10" },
      ],
      // A read on a public path that answers 401 without credentials protects itself.
      ["/auth/me", { status: "protected", by: "its handler checks the caller", at: "src/admin.ts:11" }],
    ]);
    const dir = copyFixture("next-middleware-app");
    mkdirSync(path.join(dir, "src/pages/api/auth"), { recursive: true });
    writeFileSync(
      path.join(dir, "src/pages/api/auth/[...nextauth].ts"),
      'import NextAuth from "next-auth";\n\nexport default NextAuth({ providers: [] });\n',
    );
    // A wrapper around the handler protects it; it is not a sign-in.
    mkdirSync(path.join(dir, "src/app/api/billing"), { recursive: true });
    writeFileSync(
      path.join(dir, "src/app/api/billing/route.ts"),
      'import { withAuth } from "@/lib/with-auth";\n\nexport const GET = withAuth(async () => Response.json({ plan: "pro" }));\n',
    );
    const next = await routesJson(dir);
    expect(next.find((e) => e.path === "/api/billing")?.auth).toEqual({
      status: "protected",
      by: 'withAuth(async () => Response.json({ plan: "pro" }))',
      at: "src/app/api/billing/route.ts:3",
    });
    const nextAuth = next.find((e) => e.file === "src/pages/api/auth/[...nextauth].ts");
    expect([nextAuth?.method, nextAuth?.path, nextAuth?.auth]).toEqual([
      "ALL",
      "/api/auth/:nextauth*",
      {
        status: "public",
        reason: "sign-in",
        by: "NextAuth({ providers: [] })",
        at: "src/pages/api/auth/[...nextauth].ts:3",
      },
    ]);
  });

  describe("input and errors: what checks each handler's input, and what answers when it fails", () => {
    const inputAndErrors = (endpoints: readonly Endpoint[]) =>
      endpoints.map((e) => ({ route: `${e.method} ${e.path}`, input: e.input, errors: e.errors }));

    it("Express: a validator in the routes file for a controller's handler; the app's error middleware", async () => {
      const dir = copyFixture("controllers-express", {
        "src/app.js": [
          'const express = require("express");',
          "",
          'const users = require("./routes/users.route");',
          "",
          "const app = express();",
          "app.use(express.json());",
          'app.use("/users", users);',
          "app.use((err, req, res, next) => {",
          '  res.status(err.status ?? 500).json({ error: err.status ? err.message : "Internal error" });',
          "});",
          "",
          "app.listen(Number(process.env.PORT ?? 3000));",
          "",
        ].join("\n"),
      });
      const handler = { status: "error-handler", by: "app.use(…)", at: "src/app.js:8" };
      expect(inputAndErrors(await routesJson(dir))).toEqual([
        {
          route: "POST /users",
          input: [
            {
              source: "body",
              status: "validated",
              by: "validate(schemas.createUser)",
              at: "src/routes/users.route.js:9",
            },
          ],
          errors: handler,
        },
        {
          route: "PATCH /users/:id",
          input: [{ source: "body", status: "raw", at: "src/controllers/users.controller.js:8" }],
          errors: handler,
        },
      ]);
    });

    it("Express: a catch that answers 500 to everything bypasses the app's error handler in another file", async () => {
      const [endpoint] = await routesJson(copyFixture("express-error-middleware-elsewhere"));
      expect(endpoint?.errors).toEqual({
        status: "catch-all-500",
        at: "src/routes/users.ts:12",
        errorHandler: { by: "app.use(errorHandler)", at: "src/app.ts:9" },
      });
    });

    it("Koa: validate(schema) on one route of a controller, none on the other; no error middleware", async () => {
      const endpoints = await routesJson(copyFixture("controllers-koa"));
      expect(inputAndErrors(endpoints)).toEqual([
        {
          route: "POST /register",
          input: [{ source: "body", status: "raw", at: "src/api/auth/auth.ctrl.js:4" }],
          errors: { status: "framework-default" },
        },
        {
          route: "POST /login",
          input: [{ source: "body", status: "validated", by: "validate(loginSchema)", at: "src/api/auth/index.js:10" }],
          errors: { status: "framework-default" },
        },
        { route: "GET /check", input: [], errors: { status: "framework-default" } },
        { route: "GET /stats", input: [], errors: { status: "framework-default" } },
      ]);
    });

    it("Fastify: a route schema, a query used raw; setErrorHandler in the server file", async () => {
      const dir = copyFixture("mounts-fastify", {
        "src/routes/reports.ts": [
          'import type { FastifyInstance } from "fastify";',
          "",
          "const createReport = {",
          '  body: { type: "object", required: ["title"], properties: { title: { type: "string" } } },',
          "};",
          "",
          "export async function reportRoutes(app: FastifyInstance) {",
          '  app.get("/:id", async (request) => ({ id: (request.params as { id: string }).id }));',
          '  app.post("/", { schema: createReport }, async (request) => ({ title: (request.body as { title: string }).title }));',
          '  app.get("/", async (request) => {',
          "    const { from } = request.query as { from: string };",
          "    return { from: from.slice(0, 10) };",
          "  });",
          "}",
          "",
        ].join("\n"),
        "src/server.ts": [
          'import Fastify from "fastify";',
          "",
          'import { reportRoutes } from "./routes/reports.js";',
          "",
          "const app = Fastify({ logger: true });",
          "",
          "app.setErrorHandler((error, request, reply) => {",
          "  request.log.error(error);",
          '  reply.status(error.statusCode ?? 500).send({ error: error.statusCode ? error.message : "Internal error" });',
          "});",
          'app.register(reportRoutes, { prefix: "/reports" });',
          "",
          'await app.listen({ port: Number(process.env.PORT ?? 3000), host: "0.0.0.0" });',
          "",
        ].join("\n"),
      });
      const reports = (await routesJson(dir)).filter((e) => e.path.startsWith("/reports"));
      const handler = { status: "error-handler", by: "app.setErrorHandler(…)", at: "src/server.ts:7" };
      expect(inputAndErrors(reports)).toEqual([
        { route: "GET /reports/:id", input: [], errors: handler },
        {
          route: "POST /reports",
          input: [{ source: "body", status: "validated", by: "schema", at: "src/routes/reports.ts:9" }],
          errors: handler,
        },
        {
          route: "GET /reports",
          input: [{ source: "query", status: "raw", at: "src/routes/reports.ts:11" }],
          errors: handler,
        },
      ]);
    });

    it("Hono: zValidator before a handler that reads c.req.valid(); app.onError in the parent app", async () => {
      const dir = copyFixture("mounts-hono", {
        "src/routes/posts.ts": [
          'import { zValidator } from "@hono/zod-validator";',
          'import { Hono } from "hono";',
          'import { z } from "zod";',
          "",
          "const posts = new Hono();",
          "const NewPost = z.object({ title: z.string() });",
          "",
          'posts.post("/", zValidator("json", NewPost), (c) => c.json(c.req.valid("json"), 201));',
          'posts.put("/:id", async (c) => c.json(await db.posts.update(c.req.param("id"), await c.req.json())));',
          "",
          "export default posts;",
          "",
        ].join("\n"),
        "src/index.ts": [
          'import { Hono } from "hono";',
          "",
          'import posts from "./routes/posts";',
          "",
          'const app = new Hono().basePath("/api");',
          "",
          'app.route("/posts", posts);',
          'app.onError((error, c) => c.json({ error: "Internal error" }, 500));',
          "",
          "export default app;",
          "",
        ].join("\n"),
      });
      const handler = { status: "error-handler", by: "app.onError(…)", at: "src/index.ts:8" };
      expect(inputAndErrors((await routesJson(dir)).filter((e) => e.path.startsWith("/api/posts")))).toEqual([
        {
          route: "POST /api/posts",
          input: [
            { source: "body", status: "validated", by: 'zValidator("json", NewPost)', at: "src/routes/posts.ts:8" },
          ],
          errors: handler,
        },
        {
          route: "PUT /api/posts/:id",
          input: [{ source: "body", status: "raw", at: "src/routes/posts.ts:9" }],
          errors: handler,
        },
      ]);
    });

    it("Next.js: a schema parse in the route handler, and its catch that answers 500 to every error", async () => {
      const dir = copyFixture("next-middleware-app", {
        "src/app/api/posts/route.ts": [
          'import { z } from "zod";',
          "",
          'import { db } from "../../../lib/db";',
          "",
          "const NewPost = z.object({ title: z.string() });",
          "",
          "export async function POST(request: Request) {",
          "  try {",
          "    return Response.json(await db.posts.create(NewPost.parse(await request.json())));",
          "  } catch {",
          '    return Response.json({ error: "Could not create the post" }, { status: 500 });',
          "  }",
          "}",
          "",
        ].join("\n"),
      });
      expect(inputAndErrors(await routesJson(dir))).toEqual([
        { route: "GET /api/admin/users", input: [], errors: { status: "framework-default" } },
        {
          route: "POST /api/posts",
          input: [{ source: "body", status: "validated", by: "NewPost.parse", at: "src/app/api/posts/route.ts:9" }],
          errors: { status: "catch-all-500", at: "src/app/api/posts/route.ts:11" },
        },
      ]);
    });

    it("NestJS: a DTO class, an inline type whose field is used, a global exception filter", async () => {
      const dir = copyFixture("nest-global-guard", {
        "src/users/users.controller.ts": [
          'import { Body, Controller, Get, Put, Param, Query } from "@nestjs/common";',
          "",
          'import { UpdateUserDto } from "./update-user.dto";',
          "",
          '@Controller("users")',
          "export class UsersController {",
          "  @Get()",
          "  search(@Query() query: { name: string }) {",
          "    return { name: query.name.trim() };",
          "  }",
          "",
          '  @Put(":id")',
          '  update(@Param("id") id: string, @Body() body: UpdateUserDto) {',
          "    return { id, ...body };",
          "  }",
          "}",
          "",
        ].join("\n"),
        "src/users/update-user.dto.ts": [
          'import { IsString } from "class-validator";',
          "",
          "export class UpdateUserDto {",
          "  @IsString()",
          "  name!: string;",
          "}",
          "",
        ].join("\n"),
        "src/main.ts": [
          'import { NestFactory } from "@nestjs/core";',
          'import { AppModule } from "./app.module";',
          'import { HttpErrorFilter } from "./http-error.filter";',
          "",
          "async function bootstrap() {",
          "  const app = await NestFactory.create(AppModule);",
          "  app.useGlobalFilters(new HttpErrorFilter());",
          "  await app.listen(process.env.PORT ?? 3000);",
          "}",
          "void bootstrap();",
          "",
        ].join("\n"),
      });
      const handler = {
        status: "error-handler",
        by: "app.useGlobalFilters(new HttpErrorFilter())",
        at: "src/main.ts:7",
      };
      expect(inputAndErrors(await routesJson(dir))).toEqual([
        {
          route: "GET /users",
          input: [{ source: "query", status: "raw", at: "src/users/users.controller.ts:8" }],
          errors: handler,
        },
        {
          route: "PUT /users/:id",
          input: [{ source: "body", status: "validated", by: "UpdateUserDto", at: "src/users/users.controller.ts:13" }],
          errors: handler,
        },
      ]);
    });
  });

  it("a router no file loads is listed as not served", async () => {
    const endpoints = await routesJson(copyFixture("controllers-express"));
    expect(endpoints.map((e) => e.auth)).toEqual([
      { status: "unserved", reason: "not-loaded" },
      { status: "unserved", reason: "not-loaded" },
    ]);
  });

  it("reads settings.harden from the project's own ESLint config", async () => {
    const dir = copyFixture("mounts-express", {
      "eslint.config.mjs": [
        'import parser from "@typescript-eslint/parser";',
        "export default [",
        '  { files: ["**/*.ts"], languageOptions: { parser } },',
        '  { settings: { harden: { publicPaths: ["/shared/**"], auth: { protectedPaths: ["/api/reports/**"] } } } },',
        "];",
        "",
      ].join("\n"),
    });
    const endpoints = await routesJson(dir);
    expect(endpoints.find((e) => e.path === "/shared/files/:name")?.auth).toEqual({
      status: "public",
      reason: "public-paths-setting",
    });
    expect(endpoints.find((e) => e.path === "/api/reports/:id")?.auth).toEqual({
      status: "protected",
      by: "settings.harden.auth.protectedPaths",
    });
  });

  it("leaves test files out, names files it cannot parse, and lists the rest", async () => {
    const dir = copyFixture("mounts-express", {
      "src/routes/todos.test.ts": 'import express from "express";\nexpress.Router().delete("/all", () => {});\n',
      "src/routes/broken.ts": "export const = ;\n",
    });
    const run = await harden(dir, ["routes", "--format", "json"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^harden: src\/routes\/broken\.ts: Parsing error: .+ \(what it holds is missing\)\n$/u);
    const output = JSON.parse(run.stdout) as { endpoints: Endpoint[]; unparsed: { file: string }[] };
    expect(output.endpoints).toHaveLength(9);
    expect(output.unparsed.map((entry) => entry.file)).toEqual(["src/routes/broken.ts"]);
  });

  it("falls back to typescript-eslint's parser when the project's config cannot be loaded", async () => {
    const dir = copyFixture("mounts-hono", {
      "eslint.config.mjs": 'import missing from "eslint-plugin-not-installed";\nexport default [missing];\n',
    });
    const run = await harden(dir, ["routes", "--format", "json"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("harden: could not use ");
    expect(run.stderr).toContain("eslint-plugin-not-installed");
    expect((JSON.parse(run.stdout) as { endpoints: Endpoint[] }).endpoints).toHaveLength(5);
  });

  it("--fail-on unauthenticated: exit 1 when an endpoint has no auth, 0 when every one has", async () => {
    const failing = await harden(express, ["routes", "--fail-on", "unauthenticated"]);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toBe("harden: 4 endpoints without auth (--fail-on unauthenticated)\n");
    const passing = await harden(copyFixture("nest-global-guard"), ["routes", "--fail-on", "unauthenticated"]);
    expect(passing.status, passing.stderr).toBe(0);
  });

  it("--fail-on unvalidated: exit 1 when a handler uses input raw; both checks at once name each failure", async () => {
    const both = await harden(copyDemo(), ["routes", "--fail-on", "unauthenticated,unvalidated"]);
    expect(both.status).toBe(1);
    expect(both.stderr).toBe(
      [
        "harden: 2 endpoints without auth (--fail-on unauthenticated)",
        "harden: 4 endpoints with raw input (--fail-on unvalidated)",
        "",
      ].join("\n"),
    );
    // The body of `POST /api/notes` is echoed back: nothing relies on its shape.
    const passing = await harden(express, ["routes", "--fail-on", "unvalidated"]);
    expect(passing.status, passing.stderr).toBe(0);
  });

  it("on a terminal, counts the files on stderr and clears the line before the table", async () => {
    // util-linux `script` runs the command on a pseudo-terminal, as a user's shell does.
    const run = await new Promise<RunResult>((resolve, reject) => {
      const child = spawn("script", ["-qec", `"${process.execPath}" "${HARDEN_BIN}" routes`, "/dev/null"], {
        cwd: express,
        env: cleanEnv(),
      });
      let stdout = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, stdout, stderr: "" }));
    });
    expect(run.status).toBe(0);
    // The first count is written at once, later ones at most every 100 ms; the line is cleared before the table.
    expect(run.stdout).toMatch(
      /^\rharden: 1 file linted(?:\rharden: \d+ files linted)*\r\u001B\[K\. \(express\) · 9 endpoints/u,
    );
  });

  it("exits 2 on a usage error, with the usage", async () => {
    for (const args of [
      ["routes", "--format", "xml"],
      ["routes", "--fail-on", "slow"],
      ["lint"],
      ["routes", "--nope"],
    ]) {
      const run = await harden(express, args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/^harden: .+\n\nUsage: harden routes/u);
      expect(run.stdout).toBe("");
    }
  });
});

describe("harden report", () => {
  it("answers the checklist with counts per rule and the worst files; exit 1 when a check fails", async () => {
    // The demo's config registers its own installed copy of the plugin: the report runs that copy's rules.
    const run = await harden(copyDemo(), ["report"]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(
      [
        "harden report · 10 files · 7 endpoints (4 protected, 1 public, 2 without auth)",
        "",
        "✗ Requests can be traced through the logs: 7 findings",
        "    no-print-debugging 5 · no-interpolated-log-message 1 · require-request-id 1",
        "    most in src/routes/orders.ts (3), src/server.ts (2), src/controllers/admin.ts (1)",
        "✗ Errors say what went wrong, to the logs and the client: 8 findings",
        "    no-catch-all-500 2 · no-swallowed-error 2 · no-leaked-error-details 4",
        "    most in src/routes/users.ts (3), src/server.ts (3), src/routes/orders.ts (2)",
        "✗ Settings come from the environment, checked at startup: 10 findings",
        "    no-hardcoded-secret 3 · no-secret-env-fallback 2 · no-hardcoded-config 2 · no-debug-default-on 2 · no-env-read-in-handler 1",
        "    most in src/config.ts (6), src/db.ts (2), src/routes/orders.ts (1)",
        "✗ Auth on every endpoint that needs it: 2 findings",
        "    require-route-auth 2",
        "    most in src/routes/users.ts (2)",
        "✗ Request input is validated: 4 findings",
        "    no-unvalidated-input 4",
        "    most in src/routes/orders.ts (2), src/controllers/admin.ts (1), src/routes/users.ts (1)",
        "✗ Health and readiness routes, graceful shutdown: 2 findings",
        "    require-health-check 1 · require-graceful-shutdown 1",
        "    most in src/server.ts (2)",
        "",
        "6 of 6 checks failed: `npx eslint` with harden's strict config shows each finding.",
        "Every endpoint and who may call it: `npx harden routes`. The rules: https://github.com/harden-eslint/eslint-plugin-harden#rules",
        "",
      ].join("\n"),
    );
  });

  it("--format json: one object per check, with the rules' pages", async () => {
    const run = await harden(copyDemo(), ["report", "--format", "json"]);
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as {
      version: number;
      passed: boolean;
      checks: { id: string; passed: boolean; findings: number; rules: { rule: string; docs: string }[] }[];
    };
    expect(report.version).toBe(1);
    expect(report.passed).toBe(false);
    expect(report.checks.map((check) => [check.id, check.passed, check.findings])).toEqual([
      ["logs", false, 7],
      ["errors", false, 8],
      ["config", false, 10],
      ["auth", false, 2],
      ["input", false, 4],
      ["lifecycle", false, 2],
    ]);
    expect(report.checks[0]?.rules[0]?.docs).toBe(
      "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/no-print-debugging.md",
    );
  });

  it("exit 0 when every check passes, and says which endpoints without auth it judged public", async () => {
    const run = await harden(copyFixture("mounts-express"), ["report"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        "harden report · 11 files · 9 endpoints (3 protected, 2 public, 4 without auth)",
        "",
        "✓ Requests can be traced through the logs",
        "✓ Errors say what went wrong, to the logs and the client",
        "✓ Settings come from the environment, checked at startup",
        "✓ Auth on every endpoint that needs it (4 without auth look public: `npx harden routes`)",
        "✓ Request input is validated",
        "✓ Health and readiness routes, graceful shutdown",
        "",
        "Every check passed.",
        "Every endpoint and who may call it: `npx harden routes`. The rules: https://github.com/harden-eslint/eslint-plugin-harden#rules",
        "",
      ].join("\n"),
    );
  });
});
