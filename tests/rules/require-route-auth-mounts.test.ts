import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

import plugin from "../../src/index.js";
import rule from "../../src/rules/require-route-auth.js";
import { createRuleTester, withOptions } from "../utils/rule-tester.js";

/** These cases check what counts as auth and as public: every route left open is reported, whatever it does. */
const ALL_ROUTES: [{ routes: "all" }] = [{ routes: "all" }];

// Apps laid out as real ones are: routers in src/routes/, auth in src/middleware/, mounted in src/app.ts.
const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
const EXPRESS = path.join(FIXTURES, "mounts-express");
const EXPRESS_CJS = path.join(FIXTURES, "mounts-express-cjs");
const KOA = path.join(FIXTURES, "mounts-koa");
const HONO = path.join(FIXTURES, "mounts-hono");
const FASTIFY = path.join(FIXTURES, "mounts-fastify");

/** The case lints the fixture file's own text, so the model compares it with the file on disk. */
function fixture(project: string, filename: string) {
  return { code: readFileSync(path.join(project, filename), "utf8"), filename };
}

function mounted(
  route: string,
  mount: string,
  where: string,
  loc: { line: number; column: number; endLine: number; endColumn: number },
) {
  return { messageId: "missingAuthMounted" as const, data: { route, mount, where }, ...loc, suggestions: [] };
}

createRuleTester(EXPRESS).run(
  "require-route-auth: express routers mounted in another file",
  rule,
  withOptions(ALL_ROUTES, {
    valid: [
      {
        name: "auth in the mount call, imported through a tsconfig `paths` alias",
        ...fixture(EXPRESS, "src/routes/todos.ts"),
      },
      {
        name: "`app.use(requireAuth)` before the mount, router exported by name",
        ...fixture(EXPRESS, "src/routes/users.ts"),
      },
      {
        name: "the full path through the mount is listed in settings.harden.publicPaths",
        ...fixture(EXPRESS, "src/routes/reports.ts"),
        settings: { harden: { publicPaths: ["/api/reports/**"] } },
      },
    ],
    invalid: [
      {
        name: "mounted with no auth: the full path and the mount",
        ...fixture(EXPRESS, "src/routes/reports.ts"),
        errors: [
          mounted("GET /api/reports/:id", 'app.use("/api/reports", reports)', "src/app.ts:15", {
            line: 5,
            column: 9,
            endLine: 5,
            endColumn: 19,
          }),
        ],
      },
      {
        name: "mounted twice, once behind auth and once not: the open mount is named",
        ...fixture(EXPRESS, "src/routes/files.ts"),
        errors: [
          mounted("GET /shared/files/:name", 'app.use("/shared/files", files)', "src/app.ts:17", {
            line: 5,
            column: 7,
            endLine: 5,
            endColumn: 19,
          }),
        ],
      },
      {
        name: "middleware named like auth that only decodes a token and always calls next()",
        ...fixture(EXPRESS, "src/routes/notes.ts"),
        errors: [
          mounted("POST /api/notes", 'app.use("/api/notes", jwtMiddleware, notes)', "src/app.ts:18", {
            line: 5,
            column: 7,
            endLine: 5,
            endColumn: 15,
          }),
        ],
      },
      {
        name: "handlers imported from a controller: those that render a constant page are not reported",
        ...fixture(EXPRESS, "src/routes/pages.ts"),
        errors: [
          mounted("GET /stats", "site.use(pages)", "src/site.ts:7", { line: 9, column: 8, endLine: 9, endColumn: 20 }),
        ],
      },
      {
        name: "a router file that is not on disk (unsaved, or linted from text) keeps the in-file message",
        code: 'import { Router } from "express";\n\nconst orphan = Router();\norphan.get("/:id", (req, res) => res.json({ id: req.params.id }));\n\nexport default orphan;\n',
        filename: "src/routes/orphan.ts",
        errors: [
          {
            messageId: "missingAuth",
            data: {
              route: "GET /:id",
              protect:
                "Put your auth middleware first in its chain, or `use` it on the app or router before the route.",
              markPublic: "list its path in `settings.harden.publicPaths`",
            },
            line: 4,
            column: 8,
            endLine: 4,
            endColumn: 18,
            suggestions: [],
          },
        ],
      },
    ],
  }),
);

createRuleTester(EXPRESS_CJS).run(
  "require-route-auth: CommonJS express routers mounted by a router the app mounts",
  rule,
  withOptions(ALL_ROUTES, {
    valid: [
      {
        name: "`module.exports = router`, auth in the parent router's mount",
        ...fixture(EXPRESS_CJS, "src/routes/todo.js"),
      },
    ],
    invalid: [
      {
        name: 'mounted by `require("./routes")`\'s router with no auth on the way to the app',
        ...fixture(EXPRESS_CJS, "src/routes/open.js"),
        errors: [
          mounted("PUT /api/open/:id", 'router.use("/api/open", open)', "src/routes/index.js:10", {
            line: 5,
            column: 8,
            endLine: 5,
            endColumn: 18,
          }),
        ],
      },
    ],
  }),
);

createRuleTester(KOA).run(
  "require-route-auth: koa routers mounted in another file",
  rule,
  withOptions(ALL_ROUTES, {
    valid: [
      {
        name: "`app.use(requireAuth)` before `app.use(api.routes())`, which mounts the router",
        ...fixture(KOA, "src/routes/users.ts"),
      },
      { name: 'auth in `api.use("/orders", requireAuth, orders.routes())`', ...fixture(KOA, "src/routes/orders.ts") },
      {
        name: 'mounted only `if (env.ENVIRONMENT === "test")`: not served in production',
        ...fixture(KOA, "src/routes/test-errors.ts"),
      },
    ],
    invalid: [
      {
        name: "mounted before the app's auth, with its own `prefix`",
        ...fixture(KOA, "src/routes/status.ts"),
        errors: [
          mounted("GET /status/:id", "app.use(status.routes())", "src/app.ts:19", {
            line: 5,
            column: 8,
            endLine: 5,
            endColumn: 18,
          }),
        ],
      },
      {
        name: 'a Koa app mounted with koa-mount, `app.use(mount("/oauth", oauth))`: `/oauth/token` is public by default, `/oauth/clients` is not',
        ...fixture(KOA, "src/oauth/index.ts"),
        errors: [
          mounted("GET /oauth/clients", "app.use(router.routes())", "src/oauth/index.ts:15", {
            line: 11,
            column: 8,
            endLine: 11,
            endColumn: 22,
          }),
        ],
      },
    ],
  }),
);

createRuleTester(HONO).run(
  "require-route-auth: hono sub-apps mounted in another file",
  rule,
  withOptions(ALL_ROUTES, {
    valid: [
      {
        name: '`app.use("/users/*", authMiddleware)` before `app.route("/users", users)`',
        ...fixture(HONO, "src/routes/users.ts"),
      },
      {
        name: 'chains: `new Hono().get(…).delete(…)` bound to `reports`, mounted in `new Hono()….use("*", auth).route("/reports", reports)` bound to `v1`',
        ...fixture(HONO, "src/routes/reports.ts"),
      },
    ],
    invalid: [
      {
        name: "chains: a sub-app mounted in a chain before the chain's `use(auth)`",
        ...fixture(HONO, "src/routes/exports.ts"),
        errors: [
          mounted("GET /api/v1/exports/:id", 'v1.route("/exports", exportsApp)', "src/routes/v1.ts:7", {
            line: 3,
            column: 31,
            endLine: 3,
            endColumn: 41,
          }),
        ],
      },
      {
        name: "`app.route` with no auth pattern covering it, under `basePath`",
        ...fixture(HONO, "src/routes/posts.ts"),
        errors: [
          mounted("DELETE /api/posts/:id", 'app.route("/posts", posts)', "src/index.ts:12", {
            line: 5,
            column: 7,
            endLine: 5,
            endColumn: 20,
          }),
        ],
      },
    ],
  }),
);

createRuleTester(FASTIFY).run(
  "require-route-auth: fastify plugins registered in another file",
  rule,
  withOptions(ALL_ROUTES, {
    valid: [
      {
        name: '`app.addHook("onRequest", app.authenticate)` in the plugin that registers this one',
        ...fixture(FASTIFY, "src/routes/api/todos.ts"),
      },
      {
        name: "registered before the parent's hook without `await`: loaded after the hook is added, so it runs it",
        ...fixture(FASTIFY, "src/routes/api/users.ts"),
      },
      {
        name: "an inline `preHandler` hook in the registering plugin that answers 401 and verifies the token",
        ...fixture(FASTIFY, "src/routes/account/profile.ts"),
      },
      {
        name: "`app.register(requireUser)` before it, a `fastify-plugin` plugin whose hook verifies the token; routes on `fastify.withTypeProvider()`",
        ...fixture(FASTIFY, "src/routes/billing/invoices.ts"),
      },
      {
        name: "the full path through both registrations is listed in settings.harden.publicPaths",
        ...fixture(FASTIFY, "src/routes/reports.ts"),
        settings: { harden: { publicPaths: ["/reports/**"] } },
      },
    ],
    invalid: [
      {
        name: "a named plugin registered with a prefix and no hook: the full path and the registration",
        ...fixture(FASTIFY, "src/routes/reports.ts"),
        errors: [
          mounted("GET /reports/:id", 'app.register(reportRoutes, { prefix: "/reports" })', "src/server.ts:12", {
            line: 4,
            column: 7,
            endLine: 4,
            endColumn: 17,
          }),
        ],
      },
      {
        name: "registered before the `fastify-plugin` plugin that adds the hook: loaded first, it does not run it",
        ...fixture(FASTIFY, "src/routes/billing/prices.ts"),
        errors: [
          mounted(
            "DELETE /billing/prices/:id",
            'app.register(priceRoutes, { prefix: "/prices" })',
            "src/routes/billing/index.ts:8",
            {
              line: 6,
              column: 7,
              endLine: 6,
              endColumn: 20,
            },
          ),
        ],
      },
      {
        name: "`await app.register(…)` before the parent's hook: loaded before the hook exists",
        ...fixture(FASTIFY, "src/routes/api/admin.ts"),
        errors: [
          mounted(
            "POST /api/admin/reindex",
            'app.register(adminRoutes, { prefix: "/admin" })',
            "src/routes/api/index.ts:9",
            {
              line: 6,
              column: 7,
              endLine: 6,
              endColumn: 22,
            },
          ),
        ],
      },
    ],
  }),
);

// A shop split as real apps are: by default only what no shop serves anonymously is reported, judged on
// the full path the mount gives the route, unless a router protects nothing and lets anyone delete.
const OPEN_SHOP = path.join(FIXTURES, "open-shop-express");

const PRODUCTS = fixture(OPEN_SHOP, "src/routes/products.ts");

/** The suggestion on a route of products.ts: the `requireAuth` its protected create uses, first in its chain. */
function addRequireAuth(start: string) {
  if (!PRODUCTS.code.includes(start)) throw new Error(`not in the code: ${start}`);
  return [
    {
      messageId: "addMiddleware" as const,
      data: { auth: "requireAuth" },
      output: PRODUCTS.code.replace(start, `${start}requireAuth, `),
    },
  ];
}

createRuleTester(OPEN_SHOP).run(
  "require-route-auth: routes that change data or name account data, across files",
  rule,
  {
    valid: [
      {
        name: "a router no file of the project loads: the server never serves it",
        ...fixture(OPEN_SHOP, "src/routes/legacy-admin.ts"),
      },
      {
        name: '\`routes: "all"\` too: the router is not served',
        ...fixture(OPEN_SHOP, "src/routes/legacy-admin.ts"),
        options: ALL_ROUTES,
      },
    ],
    invalid: [
      {
        name: "a catalogue whose create is protected: its reads are public by choice; its open delete is reported",
        ...PRODUCTS,
        errors: [
          {
            ...mounted("DELETE /api/products/:id", 'app.use("/api/products", products)', "src/app.ts:10", {
              line: 20,
              column: 10,
              endLine: 20,
              endColumn: 23,
            }),
            suggestions: addRequireAuth('products.delete("/:id", '),
          },
        ],
      },
      {
        name: "a read whose mount path names account data (`/api/orders`), though its own path is `/`",
        ...fixture(OPEN_SHOP, "src/routes/orders.ts"),
        errors: [
          mounted("GET /api/orders", 'app.use("/api/orders", orders)', "src/app.ts:11", {
            line: 7,
            column: 8,
            endLine: 7,
            endColumn: 15,
          }),
        ],
      },
      {
        name: "a router that protects nothing and lets anyone delete: its create too, not its read",
        ...fixture(OPEN_SHOP, "src/routes/classrooms.ts"),
        errors: [
          mounted("POST /api/classrooms", 'app.use("/api/classrooms", classrooms)', "src/app.ts:12", {
            line: 11,
            column: 12,
            endLine: 11,
            endColumn: 20,
          }),
          mounted("DELETE /api/classrooms/:id", 'app.use("/api/classrooms", classrooms)', "src/app.ts:12", {
            line: 15,
            column: 12,
            endLine: 15,
            endColumn: 25,
          }),
        ],
      },
      {
        name: '`routes: "all"` reports the catalogue\'s reads too',
        ...PRODUCTS,
        options: ALL_ROUTES,
        errors: [
          {
            ...mounted("GET /api/products", 'app.use("/api/products", products)', "src/app.ts:10", {
              line: 8,
              column: 10,
              endLine: 8,
              endColumn: 17,
            }),
            suggestions: addRequireAuth('products.get("/", '),
          },
          {
            ...mounted("GET /api/products/:id", 'app.use("/api/products", products)', "src/app.ts:10", {
              line: 12,
              column: 10,
              endLine: 12,
              endColumn: 20,
            }),
            suggestions: addRequireAuth('products.get("/:id", '),
          },
          {
            ...mounted("DELETE /api/products/:id", 'app.use("/api/products", products)', "src/app.ts:10", {
              line: 20,
              column: 10,
              endLine: 20,
              endColumn: 23,
            }),
            suggestions: addRequireAuth('products.delete("/:id", '),
          },
        ],
      },
    ],
  },
);

describe("require-route-auth: another file changes between two lints in one process", () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), "harden-route-auth-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("sees auth added to the mount at the next lint", () => {
    cpSync(EXPRESS, directory, { recursive: true });
    const linter = new Linter({ configType: "flat", cwd: directory });
    const config: Linter.Config[] = [
      {
        files: ["**/*.ts"],
        plugins: { harden: plugin },
        languageOptions: { parser: tsParser },
        rules: { "harden/require-route-auth": ["error", ...ALL_ROUTES] },
      },
    ];
    const filename = "src/routes/reports.ts";
    const code = readFileSync(path.join(directory, filename), "utf8");
    expect(linter.verify(code, config, { filename }).map((message) => message.message)).toEqual([
      '`GET /api/reports/:id` is reached through `app.use("/api/reports", reports)` (src/app.ts:15) with no authentication on the way: anyone can call it. Add auth to that mount or to the route, or list the path in `settings.harden.publicPaths` if it is public.',
    ]);
    const app = path.join(directory, "src/app.ts");
    writeFileSync(
      app,
      readFileSync(app, "utf8").replace(
        'app.use("/api/reports", reports)',
        'app.use("/api/reports", requireAuth, reports)',
      ),
    );
    expect(linter.verify(code, config, { filename })).toEqual([]);
  });
});

// A Next.js app whose handlers authenticate through a project helper: src/lib/request.ts checks the session.
const NEXT_HELPER = path.join(FIXTURES, "next-auth-helper");

function nextOpen(route: string, loc: { line: number; column: number; endLine: number; endColumn: number }) {
  return {
    messageId: "missingAuth" as const,
    data: {
      route,
      protect:
        "Check the session at the top of the handler and return 401 without one, or wrap the export in your auth wrapper.",
      markPublic: "list its path in `settings.harden.publicPaths`",
    },
    ...loc,
    suggestions: [],
  };
}

createRuleTester(NEXT_HELPER).run(
  "require-route-auth: handlers that call a project helper which authenticates",
  rule,
  withOptions(ALL_ROUTES, {
    valid: [
      {
        name: "`await parseRequest(request)` checks the session in src/lib/request.ts and answers 401",
        ...fixture(NEXT_HELPER, "src/app/api/teams/route.ts"),
      },
      {
        name: "the helper reached through a re-export under another name",
        ...fixture(NEXT_HELPER, "src/app/api/members/route.ts"),
      },
      {
        name: "the helper called with its auth switched off (`skipAuth: true`) marks the route public",
        ...fixture(NEXT_HELPER, "src/app/api/share/[id]/route.ts"),
      },
    ],
    invalid: [
      {
        name: "a helper of the project that does not authenticate",
        ...fixture(NEXT_HELPER, "src/app/api/echo/route.ts"),
        errors: [nextOpen("POST /api/echo", { line: 4, column: 23, endLine: 4, endColumn: 27 })],
      },
    ],
  }),
);

// A JavaScript Next.js pages app: handlers and wrappers in helpers/ and lib/, imported through the
// jsconfig.json `baseUrl` and an `export *` index.
const NEXT_PAGES = path.join(FIXTURES, "next-pages-handlers");

createRuleTester(NEXT_PAGES).run(
  "require-route-auth: next pages handlers and wrappers from other files",
  rule,
  withOptions(ALL_ROUTES, {
    valid: [
      {
        name: "`export default apiHandler({ get })`: the wrapper runs `jwtMiddleware(req, res)` before the handler",
        ...fixture(NEXT_PAGES, "pages/api/users/index.js"),
      },
      {
        name: "`export default limitsHandler`: the imported handler checks the session and answers 401",
        ...fixture(NEXT_PAGES, "pages/api/teams/limits.js"),
      },
      {
        name: "the handler calls a module's dispatcher whose table of handlers all check the session",
        ...fixture(NEXT_PAGES, "pages/api/teams/[teamId]/notes.js"),
      },
    ],
    invalid: [
      {
        name: "a wrapper of the project that runs no auth",
        ...fixture(NEXT_PAGES, "pages/api/users/export.js"),
        errors: [nextOpen("GET /api/users/export", { line: 3, column: 1, endLine: 5, endColumn: 4 })],
      },
      {
        name: "a dispatcher whose table holds one handler that checks nothing",
        ...fixture(NEXT_PAGES, "pages/api/teams/[teamId]/drafts.js"),
        errors: [nextOpen("ALL /api/teams/:teamId/drafts", { line: 3, column: 31, endLine: 3, endColumn: 38 })],
      },
      {
        name: "an imported handler that checks nothing",
        ...fixture(NEXT_PAGES, "pages/api/teams/orders.js"),
        errors: [nextOpen("ALL /api/teams/orders", { line: 3, column: 1, endLine: 3, endColumn: 30 })],
      },
    ],
  }),
);

// A Koa app whose handlers live in a controller module imported as a namespace (`import * as authCtrl`).
const CONTROLLERS_KOA = path.join(FIXTURES, "controllers-koa");

createRuleTester(CONTROLLERS_KOA).run(
  "require-route-auth: koa handlers of a controller module",
  rule,
  withOptions(ALL_ROUTES, {
    valid: [],
    invalid: [
      {
        name: "`authCtrl.check` answers 401 without `ctx.state.user` in auth.ctrl.js; `authCtrl.stats` checks nothing",
        ...fixture(CONTROLLERS_KOA, "src/api/auth/index.js"),
        errors: [
          mounted("GET /stats", "app.use(auth.routes())", "src/main.js:6", {
            line: 12,
            column: 6,
            endLine: 12,
            endColumn: 18,
          }),
        ],
      },
    ],
  }),
);

// NestJS apps whose auth is applied outside the controllers: a global guard, module middleware.
const NEST_GLOBAL = path.join(FIXTURES, "nest-global-guard");
const NEST_MIDDLEWARE = path.join(FIXTURES, "nest-module-middleware");

function nestOpen(route: string, loc: { line: number; column: number; endLine: number; endColumn: number }) {
  return {
    messageId: "missingAuth" as const,
    data: {
      route,
      protect: "Add `@UseGuards(...)` with your auth guard to the method or the controller.",
      markPublic: "mark it `@Public()` or list its path in `settings.harden.publicPaths`",
    },
    ...loc,
    suggestions: [],
  };
}

createRuleTester(NEST_GLOBAL).run(
  "require-route-auth: a NestJS app with a global auth guard",
  rule,
  withOptions(ALL_ROUTES, {
    valid: [
      {
        name: "`{ provide: APP_GUARD, useClass: JwtAuthGuard }` in src/app.module.ts covers every controller",
        ...fixture(NEST_GLOBAL, "src/users/users.controller.ts"),
      },
    ],
    invalid: [],
  }),
);

createRuleTester(NEST_MIDDLEWARE).run(
  "require-route-auth: NestJS middleware bound in modules",
  rule,
  withOptions(ALL_ROUTES, {
    valid: [],
    invalid: [
      {
        name: "`forRoutes({ path, method })` covers GET and PUT /user, not POST /users/reset-link; a global ThrottlerGuard is no auth",
        ...fixture(NEST_MIDDLEWARE, "src/user/user.controller.ts"),
        errors: [nestOpen("POST /users/reset-link", { line: 17, column: 3, endLine: 17, endColumn: 28 })],
      },
      {
        name: "`forRoutes` by path and method: the reads it leaves out (`GET /articles`, `GET /articles/:slug`) are public by that choice, a write it leaves out is not",
        ...fixture(NEST_MIDDLEWARE, "src/article/article.controller.ts"),
        errors: [nestOpen("DELETE /articles/:slug", { line: 39, column: 3, endLine: 39, endColumn: 19 })],
      },
      {
        name: "`forRoutes(TagController)` covers the controller except what `exclude` takes out",
        ...fixture(NEST_MIDDLEWARE, "src/tag/tag.controller.ts"),
        errors: [nestOpen("GET /tags/popular", { line: 12, column: 3, endLine: 12, endColumn: 18 })],
      },
    ],
  }),
);

// Next.js apps whose middleware.ts authenticates the paths its matcher selects.
const NEXT_MIDDLEWARE_PAGES = path.join(FIXTURES, "next-middleware-pages");
const NEXT_MIDDLEWARE_APP = path.join(FIXTURES, "next-middleware-app");

createRuleTester(NEXT_MIDDLEWARE_PAGES).run(
  "require-route-auth: a Pages app whose middleware.ts checks the token",
  rule,
  withOptions(ALL_ROUTES, {
    valid: [
      {
        name: "matched by `/((?!_next/static|…).*)` and redirected to /auth/login without a token",
        ...fixture(NEXT_MIDDLEWARE_PAGES, "pages/api/teams/index.ts"),
      },
      {
        name: "listed in the middleware's own `unAuthenticatedRoutes`: public by the app's decision",
        ...fixture(NEXT_MIDDLEWARE_PAGES, "pages/api/hello.ts"),
      },
    ],
    invalid: [],
  }),
);

createRuleTester(NEXT_MIDDLEWARE_APP).run(
  "require-route-auth: an App Router app with a middleware in src and withAuth",
  rule,
  withOptions(ALL_ROUTES, {
    valid: [
      {
        name: "`/api/admin/:path*` in the matcher of `export default withAuth(...)`",
        ...fixture(NEXT_MIDDLEWARE_APP, "src/app/api/admin/users/route.ts"),
      },
    ],
    invalid: [
      {
        name: "a route the matcher does not select",
        ...fixture(NEXT_MIDDLEWARE_APP, "src/app/api/posts/route.ts"),
        errors: [nextOpen("POST /api/posts", { line: 3, column: 23, endLine: 3, endColumn: 27 })],
      },
    ],
  }),
);

// A Fastify app loaded with @fastify/autoload: src/app.ts loads src/routes under `/v1`, each plugin under its
// folder's path; src/routes/api/autohooks.ts checks the session for every route below it. src/admin-app.ts
// (registered under `/admin`) adds an auth hook, then loads src/admin without folder prefixes.
const FASTIFY_AUTOHOOKS = path.join(FIXTURES, "fastify-autohooks");

createRuleTester(FASTIFY_AUTOHOOKS).run(
  "require-route-auth: Fastify plugins loaded by autoload",
  rule,
  withOptions(ALL_ROUTES, {
    valid: [
      {
        name: "src/routes/api/tasks/index.ts: the `onRequest` hook of src/routes/api/autohooks.ts answers 401",
        ...fixture(FASTIFY_AUTOHOOKS, "src/routes/api/tasks/index.ts"),
      },
      {
        name: "src/routes/public/index.ts: served under /v1/public, a default public path",
        ...fixture(FASTIFY_AUTOHOOKS, "src/routes/public/index.ts"),
      },
      {
        name: "src/admin/exports/index.ts: the plugin that registers autoload adds an auth hook first",
        ...fixture(FASTIFY_AUTOHOOKS, "src/admin/exports/index.ts"),
      },
      {
        name: "the full path, folder included, is listed in settings.harden.publicPaths",
        ...fixture(FASTIFY_AUTOHOOKS, "src/routes/reports/index.ts"),
        settings: { harden: { publicPaths: ["/v1/reports/**"] } },
      },
    ],
    invalid: [
      {
        name: "a route folder no autohooks file covers: the path autoload serves it at, and the registration",
        ...fixture(FASTIFY_AUTOHOOKS, "src/routes/reports/index.ts"),
        errors: [
          mounted("DELETE /v1/reports/:id", "fastify.register(fastifyAutoload, …)", "src/app.ts:8", {
            line: 6,
            column: 11,
            endLine: 6,
            endColumn: 52,
          }),
        ],
      },
    ],
  }),
);
