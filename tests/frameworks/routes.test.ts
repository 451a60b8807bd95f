import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";

import { getDeclaredRoutes, getRouteMiddleware, getRouteRegistration } from "../../src/frameworks/index.js";
import type { RouteRegistration, RuleContext } from "../../src/frameworks/types.js";
import { probeModel } from "../utils/probe-model.js";

interface RouteSummary {
  framework: string;
  methods: string[];
  path: string | undefined;
  fullPath: string | undefined;
  receiver: string | undefined;
  chain: string[];
  handlerFunction: boolean;
  middleware: string[];
}

function summarize(context: RuleContext, route: RouteRegistration): RouteSummary {
  const text = (node: TSESTree.Node) => context.sourceCode.getText(node).split("\n")[0]!.slice(0, 40);
  return {
    framework: route.framework,
    methods: route.methods,
    path: route.path,
    fullPath: route.fullPath,
    receiver: route.receiver
      ? `${route.receiver.framework ?? "?"}:${route.receiver.kind}:${route.receiver.origin}`
      : undefined,
    chain: route.chain.map(text),
    handlerFunction: route.handlerFunction !== undefined,
    middleware: getRouteMiddleware(context, route).map((m) => `${m.via}:${text(m.node)}`),
  };
}

function routesOf(code: string, filename = "src/server.ts"): RouteSummary[] {
  const found: RouteSummary[] = [];
  probeModel(
    code,
    (context) => ({
      CallExpression(node) {
        const route = getRouteRegistration(context, node);
        if (route) found.push(summarize(context, route));
      },
      "Program:exit"() {
        for (const route of getDeclaredRoutes(context)) found.push(summarize(context, route));
      },
    }),
    filename,
  );
  return found;
}

describe("Express", () => {
  it("finds app and router routes with method, path, chain and handler", () => {
    const routes = routesOf(`
      import express from "express";
      const app = express();
      const requireAuth = (req, res, next) => next();
      app.get("/users", requireAuth, async (req, res) => { res.json([]); });
      app.post("/users", [requireAuth, validate], createUser);
      function createUser(req, res) { res.status(201).end(); }
    `);
    expect(routes).toEqual([
      {
        framework: "express",
        methods: ["GET"],
        path: "/users",
        fullPath: "/users",
        receiver: "express:app:created",
        chain: ["requireAuth", "async (req, res) => { res.json([]); }"],
        handlerFunction: true,
        middleware: ["chain:requireAuth"],
      },
      {
        framework: "express",
        methods: ["POST"],
        path: "/users",
        fullPath: "/users",
        receiver: "express:app:created",
        chain: ["requireAuth", "validate", "createUser"],
        handlerFunction: true,
        middleware: ["chain:requireAuth", "chain:validate"],
      },
    ]);
  });

  it("does not take the one-argument settings read app.get(name) for a route", () => {
    expect(
      routesOf(`import express from "express"; const app = express(); const env = app.get("env"); app.set("x", 1);`),
    ).toEqual([]);
  });

  it("reads .route(path).METHOD(...) chains", () => {
    const routes = routesOf(`
      const express = require("express");
      const router = express.Router();
      router.route("/items/:id").get(getItem).put(auth, putItem);
    `);
    expect(routes.map((r) => [r.methods, r.path, r.receiver, r.chain])).toEqual([
      [["PUT"], "/items/:id", "express:router:created", ["auth", "putItem"]],
      [["GET"], "/items/:id", "express:router:created", ["getItem"]],
    ]);
  });

  it("applies app.use middleware registered before a route, in order and by path prefix", () => {
    const routes = routesOf(`
      import express from "express";
      const app = express();
      app.get("/early", (req, res) => res.end());
      app.use(helmet());
      app.use("/api", requireAuth);
      app.get("/api/users", (req, res) => res.end());
      app.get("/apis", (req, res) => res.end());
    `);
    expect(routes.map((r) => [r.path, r.middleware])).toEqual([
      ["/early", []],
      ["/api/users", ["use:helmet()", "use:requireAuth"]],
      ["/apis", ["use:helmet()"]],
    ]);
  });

  it("joins the mount prefix and mount middleware of a router mounted in the same file", () => {
    const routes = routesOf(`
      import express, { Router } from "express";
      const app = express();
      const admin = Router();
      admin.get("/stats", (req, res) => res.end());
      app.use(cors());
      app.use("/admin", requireAuth, admin);
    `);
    expect(routes).toHaveLength(1);
    expect(routes[0]).toMatchObject({
      path: "/stats",
      fullPath: "/admin/stats",
      receiver: "express:router:created",
      middleware: ["mount:requireAuth", "mount:cors()"],
    });
  });

  it("recognises an app or router from another file by name only with an unmistakable shape", () => {
    const routes = routesOf(`
      import { router } from "./router";
      import { api } from "./client";
      router.get("/users", listUsers);
      api.post("/users", payload);
      api.get("/users", { params });
      cache.get("/users", fallback);
    `);
    expect(routes.map((r) => [r.path, r.receiver, r.framework])).toEqual([["/users", "?:unknown:name", "express"]]);
  });

  it("trusts a name-only receiver with an inline handler and infers the framework from its parameters", () => {
    const routes = routesOf(`
      export function register(app) {
        app.get("/health", (request, reply) => reply.send({ ok: true }));
        app.get("/koa", async (ctx) => { ctx.body = 1; });
      }
    `);
    expect(routes.map((r) => [r.path, r.framework])).toEqual([
      ["/health", "fastify"],
      ["/koa", "koa"],
    ]);
  });
});

describe("Fastify", () => {
  it("reads shorthand routes with options, route({...}), hooks and plugin prefixes", () => {
    const routes = routesOf(`
      import Fastify from "fastify";
      const fastify = Fastify({ logger: true });
      fastify.addHook("onRequest", verifyJwt);
      fastify.get("/a", { preHandler: [auth] , schema: {} }, async (request, reply) => ({}));
      fastify.route({ method: ["GET", "POST"], url: "/b", onRequest: check, handler: async () => ({}) });
      async function users(app, opts) {
        app.get("/", async () => []);
      }
      fastify.register(users, { prefix: "/users" });
    `);
    expect(routes.map((r) => [r.framework, r.methods, r.fullPath, r.receiver, r.middleware])).toEqual([
      ["fastify", ["GET"], "/a", "fastify:app:created", ["options:auth", "use:verifyJwt"]],
      ["fastify", ["GET", "POST"], "/b", "fastify:app:created", ["options:check", "use:verifyJwt"]],
      // Encapsulation: a hook on the parent applies to plugins registered on it.
      ["fastify", ["GET"], "/users", "fastify:plugin:plugin", ["mount:verifyJwt"]],
    ]);
  });

  it("reads fastify.get(path, { handler }) and CommonJS require('fastify')()", () => {
    const routes = routesOf(
      `
      const fastify = require("fastify")({ logger: true });
      fastify.get("/x", { handler: async (request) => request.query });
    `,
      "src/server.cjs",
    );
    expect(routes.map((r) => [r.framework, r.path, r.handlerFunction, r.receiver])).toEqual([
      ["fastify", "/x", true, "fastify:app:created"],
    ]);
  });
});

describe("Hono", () => {
  it("reads chains, on(), path-pattern use, basePath and route() mounts", () => {
    const routes = routesOf(`
      import { Hono } from "hono";
      const app = new Hono().basePath("/api");
      app.use("/admin/*", bearerAuth({ token }));
      app.get("/admin/stats", (c) => c.json({}));
      app.on(["PUT", "DELETE"], "/posts/:id", auth, (c) => c.text("ok"));
      app.get("/a", (c) => c.text("a")).post("/b", (c) => c.text("b"));
      const books = new Hono();
      books.get("/", (c) => c.json([]));
      app.route("/books", books);
    `);
    expect(routes.map((r) => [r.methods, r.fullPath, r.middleware])).toEqual([
      [["GET"], "/api/admin/stats", ["use:bearerAuth({ token })"]],
      [["PUT", "DELETE"], "/api/posts/:id", ["chain:auth"]],
      [["POST"], "/api/b", []],
      [["GET"], "/api/a", []],
      [["GET"], "/api/books", []],
    ]);
  });
});

describe("Koa", () => {
  it("reads @koa/router routes with the router prefix and use-before order", () => {
    const routes = routesOf(`
      import Koa from "koa";
      import Router from "@koa/router";
      const app = new Koa();
      const router = new Router({ prefix: "/v1" });
      router.use(jwt({ secret }));
      router.get("/me", async (ctx) => { ctx.body = ctx.state.user; });
      app.use(router.routes());
    `);
    expect(routes.map((r) => [r.framework, r.fullPath, r.receiver, r.middleware])).toEqual([
      ["koa", "/v1/me", "koa:router:created", ["use:jwt({ secret })"]],
    ]);
  });
});

describe("Next.js", () => {
  it("derives App Router paths, dropping route groups and naming dynamic segments", () => {
    const code = `
      import { NextResponse } from "next/server";
      export async function GET(request: Request) { return NextResponse.json([]); }
      export const POST = withAuth(async (request: Request) => NextResponse.json({}));
      const handler = async () => new Response("ok");
      export { handler as DELETE };
      export function helper() {}
    `;
    const routes = routesOf(code, "src/app/(shop)/products/[id]/reviews/[...slug]/route.ts");
    expect(routes.map((r) => [r.framework, r.methods, r.fullPath, r.handlerFunction])).toEqual([
      ["next", ["GET"], "/products/:id/reviews/:slug*", true],
      ["next", ["POST"], "/products/:id/reviews/:slug*", true],
      ["next", ["DELETE"], "/products/:id/reviews/:slug*", true],
    ]);
  });

  it("treats the default export under pages/api as a route, index files at the folder path", () => {
    const routes = routesOf(
      `export default function handler(req, res) { res.status(200).json({}); }`,
      "pages/api/users/index.ts",
    );
    expect(routes.map((r) => [r.framework, r.methods, r.fullPath])).toEqual([["next", ["ALL"], "/api/users"]]);
  });

  it("finds no routes in other files", () => {
    expect(routesOf(`export async function GET() { return new Response(); }`, "src/app/page.tsx")).toEqual([]);
  });
});

describe("NestJS", () => {
  it("reads @Controller prefixes and route decorators", () => {
    const routes = routesOf(
      `
      import { Controller, Get, Post, Body } from "@nestjs/common";
      @Controller("users")
      export class UsersController {
        @Get(":id") findOne() {}
        @Post() create(@Body() dto: CreateUserDto) {}
        helper() {}
      }
    `,
      "src/users/users.controller.ts",
    );
    expect(routes.map((r) => [r.framework, r.methods, r.fullPath, r.handlerFunction])).toEqual([
      ["nest", ["GET"], "/users/:id", true],
      ["nest", ["POST"], "/users", true],
    ]);
  });
});
