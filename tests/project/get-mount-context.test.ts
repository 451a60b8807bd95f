import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { getAuthVocabulary } from "../../src/frameworks/get-auth-vocabulary.js";
import { getImporters, getProjectRoot } from "../../src/project/get-importers.js";
import { createMountLookup, isChainProtected, type MountChain } from "../../src/project/get-mount-context.js";
import { readProjectFile } from "../../src/project/read-project-file.js";
import { resolveSpecifier } from "../../src/project/resolve-specifier.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
const express = (file: string) => path.join(FIXTURES, "mounts-express", file);
const vocabulary = getAuthVocabulary({});

/** A chain as `path <- mount (file:line) [middleware]`, for comparing whole answers. */
function show(chains: MountChain[] | undefined): string[] | undefined {
  return chains?.map(
    (chain) =>
      `${chain.path ?? "?"}${chain.opaque ? " (opaque)" : ""}${chain.developmentOnly ? " (development only)" : ""} ${isChainProtected(chain, vocabulary) ? "protected" : "open"}: ${chain.steps
        .map(
          (step) =>
            `${step.text} @${path.basename(step.file)}:${step.line} [${step.middleware.map((m) => m.text).join(", ")}]`,
        )
        .join(" <- ")}`,
  );
}

describe("resolveSpecifier", () => {
  it("resolves relative specifiers, NodeNext `.js` names of `.ts` files and tsconfig `paths`", () => {
    const app = express("src/app.ts");
    expect(resolveSpecifier(app, "./routes/files.js")).toBe(express("src/routes/files.ts"));
    expect(resolveSpecifier(app, "@/routes/todos")).toBe(express("src/routes/todos.ts"));
  });

  it("answers undefined for dependencies and missing files", () => {
    const app = express("src/app.ts");
    expect(resolveSpecifier(app, "express")).toBeUndefined();
    expect(resolveSpecifier(app, "./routes/missing.js")).toBeUndefined();
  });
});

describe("getImporters", () => {
  it("finds the files that import a file, through aliases and CommonJS `require` of a folder", () => {
    expect(getImporters(express("src/routes/todos.ts"))).toEqual([express("src/app.ts")]);
    expect(getImporters(express("src/middleware/auth.ts"))).toEqual([express("src/app.ts")]);
    const cjs = path.join(FIXTURES, "mounts-express-cjs/src");
    expect(getImporters(path.join(cjs, "routes/index.js"))).toEqual([path.join(cjs, "app.js")]);
  });

  it("takes the project root from the nearest package.json", () => {
    expect(getProjectRoot(express("src/routes/todos.ts"))).toBe(path.join(FIXTURES, "mounts-express"));
  });
});

describe("createMountLookup", () => {
  it("express: the mount's middleware, earlier `app.use`, a router mounted twice, middleware that only decodes", () => {
    expect(show(createMountLookup(express("src/routes/todos.ts")).getChains("router", "/:id"))).toEqual([
      '/api/todos/:id protected: app.use("/api/todos", requireAuth, todos) @app.ts:14 [express.json(), requireAuth]',
    ]);
    expect(show(createMountLookup(express("src/routes/users.ts")).getChains("usersRouter", "/:id"))).toEqual([
      '/api/users/:id protected: app.use("/api/users", usersRouter) @app.ts:21 [express.json(), requireAuth]',
    ]);
    expect(show(createMountLookup(express("src/routes/files.ts")).getChains("files", "/:name"))).toEqual([
      '/api/files/:name protected: app.use("/api/files", requireAuth, files) @app.ts:16 [express.json(), requireAuth]',
      '/shared/files/:name open: app.use("/shared/files", files) @app.ts:17 [express.json()]',
    ]);
    expect(show(createMountLookup(express("src/routes/notes.ts")).getChains("notes", "/"))).toEqual([
      '/api/notes open: app.use("/api/notes", jwtMiddleware, notes) @app.ts:18 [express.json(), jwtMiddleware]',
    ]);
  });

  it("express CommonJS: a router mounted by a router that the app mounts", () => {
    const file = path.join(FIXTURES, "mounts-express-cjs/src/routes/open.js");
    expect(show(createMountLookup(file).getChains("router", "/:id"))).toEqual([
      '/api/open/:id open: router.use("/api/open", open) @index.js:10 [] <- app.use(router) @app.js:7 [express.json()]',
    ]);
  });

  it("koa: `new Router({ prefix })`, `routes()` mounts and `app.use(auth)` before the mount", () => {
    const koa = (file: string) => path.join(FIXTURES, "mounts-koa/src", file);
    expect(show(createMountLookup(koa("routes/users.ts")).getChains("users", "/:id"))).toEqual([
      '/api/users/:id protected: api.use("/users", users.routes()) @app.ts:17 [] <- app.use(api.routes()) @app.ts:25 [requireAuth]',
    ]);
    expect(show(createMountLookup(koa("routes/status.ts")).getChains("status", "/:id"))).toEqual([
      "/status/:id open: app.use(status.routes()) @app.ts:19 []",
    ]);
    // Mounted only when the environment is "test".
    expect(show(createMountLookup(koa("routes/test-errors.ts")).getChains("router", "/test/error"))).toEqual([
      "/test/error (development only) open: app.use(testErrors.routes()) @app.ts:22 []",
    ]);
    // koa-mount: a Koa app mounted under a prefix, its router's routes under it.
    expect(show(createMountLookup(koa("oauth/index.ts")).getChains("router", "/clients"))).toEqual([
      '/oauth/clients open: app.use(router.routes()) @index.ts:15 [] <- app.use(mount("/oauth", oauth)) @app.ts:20 []',
    ]);
  });

  it('hono: `app.route(prefix, sub)` behind `app.use("/users/*", auth)`, and `basePath`', () => {
    const hono = (file: string) => path.join(FIXTURES, "mounts-hono/src", file);
    expect(show(createMountLookup(hono("routes/users.ts")).getChains("users", "/:id"))).toEqual([
      '/api/users/:id protected: app.route("/users", users) @index.ts:11 [authMiddleware]',
    ]);
    expect(show(createMountLookup(hono("routes/posts.ts")).getChains("posts", "/:id"))).toEqual([
      '/api/posts/:id open: app.route("/posts", posts) @index.ts:12 []',
    ]);
  });

  it("fastify: `register(plugin, { prefix })` through nested plugins, with the hooks each registering plugin adds", () => {
    const fastify = (file: string) => path.join(FIXTURES, "mounts-fastify/src", file);
    expect(show(createMountLookup(fastify("routes/api/todos.ts")).getChains("todoRoutes", "/:id"))).toEqual([
      '/api/todos/:id protected: app.register(todoRoutes, { prefix: "/todos" }) @index.ts:13 [app.authenticate] <- app.register(apiRoutes, { prefix: "/api" }) @server.ts:13 []',
    ]);
    // Loaded before the hook is added (`await`), and loaded after it (no `await`).
    expect(show(createMountLookup(fastify("routes/api/admin.ts")).getChains("adminRoutes", "/reindex"))).toEqual([
      '/api/admin/reindex open: app.register(adminRoutes, { prefix: "/admin" }) @index.ts:9 [] <- app.register(apiRoutes, { prefix: "/api" }) @server.ts:13 []',
    ]);
    expect(show(createMountLookup(fastify("routes/api/users.ts")).getChains("userRoutes", "/:id"))).toEqual([
      '/api/users/:id protected: app.register(userRoutes, { prefix: "/users" }) @index.ts:11 [app.authenticate] <- app.register(apiRoutes, { prefix: "/api" }) @server.ts:13 []',
    ]);
    // A `fastify-plugin` plugin registered before it adds its hook to the registering plugin.
    expect(show(createMountLookup(fastify("routes/billing/invoices.ts")).getChains("invoiceRoutes", "/:id"))).toEqual([
      '/billing/invoices/:id protected: app.register(invoiceRoutes, { prefix: "/invoices" }) @index.ts:10 [async (request) => { await request.jwtVerify(); }] <- app.register(billingRoutes, { prefix: "/billing" }) @server.ts:15 []',
    ]);
    expect(show(createMountLookup(fastify("routes/reports.ts")).getChains("reportRoutes", "/:id"))).toEqual([
      '/reports/:id open: app.register(reportRoutes, { prefix: "/reports" }) @server.ts:12 []',
    ]);
  });

  it("answers undefined for a router nothing mounts", () => {
    expect(createMountLookup(express("src/app.ts")).getChains("app", "/")).toBeUndefined();
  });
});

describe("staleness", () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), "harden-mounts-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("sees an importer drop or rename its import before the project is listed again", () => {
    const project = mkdtempSync(path.join(os.tmpdir(), "harden-importers-"));
    try {
      cpSync(path.join(FIXTURES, "mounts-express"), project, { recursive: true });
      const reports = path.join(project, "src/routes/reports.ts");
      const app = path.join(project, "src/app.ts");
      expect(getImporters(reports)).toEqual([app]);
      const text = readFileSync(app, "utf8");
      // The listing's index still names app.ts under `reports`: its specifiers are split again.
      writeFileSync(app, text.replace("./routes/reports.js", "./routes/reports-v2.js"));
      expect(getImporters(reports)).toEqual([]);
      writeFileSync(app, text);
      expect(getImporters(reports)).toEqual([app]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it("sees a change to the mounting file at the next question", () => {
    cpSync(path.join(FIXTURES, "mounts-express"), directory, { recursive: true });
    const reports = path.join(directory, "src/routes/reports.ts");
    const app = path.join(directory, "src/app.ts");
    expect(show(createMountLookup(reports).getChains("reports", "/:id"))).toEqual([
      '/api/reports/:id open: app.use("/api/reports", reports) @app.ts:15 [express.json()]',
    ]);
    const before = readProjectFile(app);
    writeFileSync(
      app,
      readFileSync(app, "utf8").replace(
        'app.use("/api/reports", reports)',
        'app.use("/api/reports", requireAuth, reports)',
      ),
    );
    expect(readProjectFile(app)).not.toBe(before);
    expect(show(createMountLookup(reports).getChains("reports", "/:id"))).toEqual([
      '/api/reports/:id protected: app.use("/api/reports", requireAuth, reports) @app.ts:15 [express.json(), requireAuth]',
    ]);
  });
});
