import * as espree from "espree";
import { Linter } from "eslint";
import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";

import {
  getDeclaredRoutes,
  getHandlerInfo,
  getRouteMiddleware,
  getRouteRegistration,
} from "../../src/frameworks/index.js";
import { isCatchAllPath, isPathCoveredBy, isWildcardRoutePath } from "../../src/frameworks/is-path-covered-by.js";
import type { RuleContext } from "../../src/frameworks/types.js";
import { probeModel } from "../utils/probe-model.js";

/** `path → middleware` for every call-registered route, middleware as `via:text`. */
function middlewareOf(code: string, filename = "src/server.ts"): [string | undefined, string[]][] {
  const found: [string | undefined, string[]][] = [];
  probeModel(
    code,
    (context: RuleContext) => ({
      CallExpression(node) {
        const route = getRouteRegistration(context, node);
        if (!route) return;
        const text = (n: TSESTree.Node) => context.sourceCode.getText(n);
        found.push([route.fullPath, getRouteMiddleware(context, route).map((m) => `${m.via}:${text(m.node)}`)]);
      },
    }),
    filename,
  );
  return found;
}

describe("getRouteMiddleware: wildcard routes registered before a route work as middleware", () => {
  it("app.all('*', auth) and Express 5 named wildcards apply to later matching routes only", () => {
    expect(
      middlewareOf(`
        import express from "express";
        const app = express();
        app.get("/before", (req, res) => res.json(req.query));
        app.all("*", requireAuth);
        app.get("/after", (req, res) => res.json(req.query));
        app.get("/api/*splat", apiKey);
        app.get("/api/items", (req, res) => res.json(req.query));
        app.post("/api/items", (req, res) => res.json(req.body));
      `),
    ).toEqual([
      ["/before", []],
      ["/*", []],
      ["/after", ["use:requireAuth"]],
      ["/api/*splat", ["use:requireAuth"]],
      ["/api/items", ["use:requireAuth", "use:apiKey"]],
      // `get` wildcards only run for GET requests.
      ["/api/items", ["use:requireAuth"]],
    ]);
  });

  it("does not treat a Fastify wildcard route as middleware", () => {
    expect(
      middlewareOf(`
        import Fastify from "fastify";
        const app = Fastify();
        app.all("*", async (request, reply) => reply.code(404).send());
        app.get("/x", async (request) => request.query);
      `),
    ).toEqual([
      ["/*", []],
      ["/x", []],
    ]);
  });
});

describe("getRouteMiddleware: use() paths and mounted routers", () => {
  it("reads Koa router.use([paths], mw) and skips mounted routers' routes() as middleware", () => {
    expect(
      middlewareOf(`
        import Koa from "koa";
        import Router from "@koa/router";
        const app = new Koa();
        const router = new Router();
        router.use(["/admin", "/billing"], requireAdmin);
        router.get("/admin/users", async (ctx) => { ctx.body = ctx.params; });
        router.get("/public", async (ctx) => { ctx.body = ctx.params; });
        const open = new Router();
        open.get("/docs", async (ctx) => { ctx.body = ctx.params; });
        app.use(open.routes());
        app.use(open.allowedMethods());
        app.use(jwt({ secret: "s" }));
        const closed = new Router();
        closed.get("/me", async (ctx) => { ctx.body = ctx.state.user; });
        app.use(closed.routes());
      `),
    ).toEqual([
      ["/admin/users", ["use:requireAdmin"]],
      ["/public", []],
      ["/docs", []],
      ["/me", ['mount:jwt({ secret: "s" })']],
    ]);
  });

  it("keeps router.use(auth) of a router exported for mounting in another file", () => {
    expect(
      middlewareOf(
        `
        const express = require("express");
        const router = express.Router();
        router.use(protect);
        router.get("/me", (req, res) => res.json(req.user));
        module.exports = router;
      `,
        "src/routes/users.cjs",
      ),
    ).toEqual([["/me", ["use:protect"]]]);
  });

  it("reads addHook on a Fastify instance known only by name (a route file without imports)", () => {
    expect(
      middlewareOf(`
        export default async function routes(fastify) {
          fastify.get("/orders", async (request) => request.query);
          fastify.addHook("onRequest", fastify.authenticate);
        }
      `),
    ).toEqual([["/orders", ["use:fastify.authenticate"]]]);
  });
});

describe("getRouteRegistration: @koa/router named routes", () => {
  it("takes the second string as the path and the rest as the chain", () => {
    const found: string[] = [];
    probeModel(
      `import Router from "@koa/router";
       const router = new Router();
       router.get("user", "/users/:id", auth, async (ctx) => { ctx.body = ctx.params; });`,
      (context) => ({
        CallExpression(node) {
          const route = getRouteRegistration(context, node);
          if (route)
            found.push(`${route.path} ${route.chain.map((n) => context.sourceCode.getText(n).slice(0, 5)).join(",")}`);
        },
      }),
    );
    expect(found).toEqual(["/users/:id auth,async"]);
  });
});

describe("path patterns", () => {
  it("isPathCoveredBy understands Express 5 and path-to-regexp wildcards", () => {
    expect(isPathCoveredBy("/api/users", "/api/*splat")).toBe(true);
    expect(isPathCoveredBy("/api/users", "/api/{*splat}")).toBe(true);
    expect(isPathCoveredBy("/api/users", "/api/(.*)")).toBe(true);
    expect(isPathCoveredBy("/apis", "/api/*splat")).toBe(false);
    expect(isPathCoveredBy("/api", "/api")).toBe(true);
    expect(isPathCoveredBy("/apis", "/api")).toBe(false);
    expect(isPathCoveredBy("/posts/1", "/posts*")).toBe(true);
  });

  it("isWildcardRoutePath and isCatchAllPath tell fallbacks from endpoints", () => {
    expect(["*", "/*", "/api/*", "/*splat", "/{*splat}", "(.*)"].map(isWildcardRoutePath)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["/api", "/docs/:slug*", "/users/:id"].map(isWildcardRoutePath)).toEqual([false, false, false]);
    expect(["*", "/*", "/*splat", "/{*splat}", "(.*)"].map(isCatchAllPath)).toEqual([true, true, true, true, true]);
    expect(["/", "/api/*", "/:slug*", "/users"].map(isCatchAllPath)).toEqual([false, false, false, false]);
  });
});

describe("espree ASTs (the default parser of .js files)", () => {
  it("getDeclaredRoutes and getHandlerInfo do not crash on classes without `decorators`", () => {
    const linter = new Linter({ configType: "flat" });
    const seen: number[] = [];
    const messages = linter.verify(
      "class A { m(x) { return x; } }\nexport default class B { constructor(a) { this.a = a; } }\n",
      [
        {
          files: ["**/*.js"],
          languageOptions: { parser: espree },
          plugins: {
            probe: {
              rules: {
                probe: {
                  meta: { schema: [] },
                  create: (context) => ({
                    FunctionExpression(node) {
                      getHandlerInfo(context as unknown as RuleContext, node as unknown as TSESTree.FunctionExpression);
                    },
                    "Program:exit"() {
                      seen.push(getDeclaredRoutes(context as unknown as RuleContext).length);
                    },
                  }),
                },
              },
            },
          },
          rules: { "probe/probe": "error" },
        },
      ],
      { filename: "src/store.js" },
    );
    expect(messages).toEqual([]);
    expect(seen).toEqual([0]);
  });
});
