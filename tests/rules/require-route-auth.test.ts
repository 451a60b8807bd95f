import * as espree from "espree";
import { describe, expect, it } from "vitest";

import rule from "../../src/rules/require-route-auth.js";
import { lintWithFix, lintWithSuggestions } from "../utils/lint-with-fix.js";
import { createRuleTester, files, withOptions } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";

const ruleTester = createRuleTester();
/** These cases check what counts as auth and as public: every route left open is reported, whatever it does. */
const ALL_ROUTES: [{ routes: "all" }] = [{ routes: "all" }];

const PROTECT = {
  express: "Put your auth middleware first in its chain, or `use` it on the app or router before the route.",
  koa: "Put your auth middleware first in its chain, or `use` it on the router before the route.",
  hono: "Put your auth middleware first in its chain, or `use` it on a path that covers the route, before it.",
  fastify:
    "Add your auth hook to its route options (`onRequest: [...]`), or `addHook` it in the plugin that registers the route.",
  next: "Check the session at the top of the handler and return 401 without one, or wrap the export in your auth wrapper.",
  nest: "Add `@UseGuards(...)` with your auth guard to the method or the controller.",
} as const;

type Framework = keyof typeof PROTECT;

function missing<Extra extends object>(route: string, framework: Framework, extra?: Extra) {
  return {
    messageId: "missingAuth" as const,
    data: {
      route,
      protect: PROTECT[framework],
      markPublic:
        framework === "nest"
          ? "mark it `@Public()` or list its path in `settings.harden.publicPaths`"
          : "list its path in `settings.harden.publicPaths`",
    },
    ...extra,
  };
}

type SuggestionId = "addMiddleware" | "addHook" | "addGuard" | "addSessionCheck";

function suggestion(messageId: SuggestionId, auth: string, output: string) {
  return [{ messageId, data: { auth }, output }];
}

/**
 * `code` with one edit and an import after its first line: the whole output of a suggestion that adds
 * configured auth to one route. Throws when `from` is not in `code`, so a typo cannot pass unnoticed.
 */
function withImport(code: string, importLine: string, from: string, to: string): string {
  if (!code.includes(from)) throw new Error(`not in the code: ${from}`);
  const [first, ...rest] = code.replace(from, to).split("\n");
  return [first, importLine, ...rest].join("\n");
}

const middlewareSettings = { harden: { auth: { middleware: { name: "requireAuth", source: "./src/auth.js" } } } };
const guardSettings = { harden: { auth: { guard: { name: "JwtAuthGuard", source: "./src/jwt-auth.guard.js" } } } };
// Next.js projects import their auth through the `@/` alias; it is written into each file as is.
const sessionSettings = { harden: { auth: { sessionCheck: { name: "auth", source: "@/auth" } } } };

const requireAuthImport = 'import { requireAuth } from "./auth.js";';

const fastifyRoutes = `import Fastify from "fastify";
const fastify = Fastify();
fastify.get("/a", async (request) => request.query);
fastify.get("/b", { schema: {} }, async (request) => request.query);
fastify.post("/c", {
  schema: {},
}, async (request) => request.query);
fastify.route({ method: "GET", url: "/d", handler: async (request) => request.query });
fastify.get("/e", { onRequest: [rateLimit] }, async (request) => request.query);
fastify.get("/f", { onRequest: async (request) => { request.log.info("hi"); } }, async (request) => request.query);
fastify.get("/g", { handler: async (request) => request.query });`;

ruleTester.run(
  "require-route-auth",
  rule,
  withOptions(ALL_ROUTES, {
    valid: [
      // ── Public by what the code says: names, documentation pages, static pages, shared secrets ──────
      {
        name: "koa: every path of an array is public by default (`**/.well-known/**`), also on a router mounted elsewhere",
        filename: files.ts,
        code: `import Router from "@koa/router";
const router = new Router();
router.get(["/.well-known/oauth-authorization-server", "/.well-known/oauth-authorization-server/mcp"], async (ctx) => {
  ctx.body = await loadMetadata(ctx.request.origin);
});
export default router;`,
      },
      {
        name: "public by default: status, version, contact, CSP reports, a resource named public, Auth.js endpoints",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.get("/api/v1/status", (req, res) => res.json(getStatus()));
app.get("/api/version", (req, res) => res.json({ version: pkg.version, commit: process.env.COMMIT }));
app.post("/contact", (req, res) => mailer.send(req.body).then(() => res.end()));
app.post("/api/csp-report", (req, res) => store(req.body).then(() => res.end()));
app.get("/api/v1/settings/public", (req, res) => res.json(settings.publicView()));
app.get("/api/public/provinces", (req, res) => res.json(provinces.list()));
app.listen(3000);`,
      },
      {
        name: "express: an API reference page made by swagger-ui-express, on a router mounted elsewhere",
        filename: files.js,
        code: `const express = require("express");
const swaggerUi = require("swagger-ui-express");
const router = express.Router();
router.use("/", swaggerUi.serve);
router.get("/", swaggerUi.setup(specs, { explorer: true }));
module.exports = router;`,
      },
      {
        name: "hono: Swagger UI and Scalar reference pages",
        filename: files.ts,
        code: `import { Hono } from "hono";
import { swaggerUI } from "@hono/swagger-ui";
import { Scalar } from "@scalar/hono-api-reference";
const app = new Hono();
app.get("/swagger", swaggerUI({ url: "/doc" }));
app.get("/scalar", Scalar({ url: "/doc" }));
export default app;`,
      },
      {
        name: "express: a page rendered from a template and constants, a file sent as is",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.get("/about", (req, res) => res.render("about", { title: "About" }));
app.get("/app", (req, res) => res.sendFile("index.html"));
app.listen(3000);`,
      },
      {
        name: "koa: a router named for anonymous callers (`unprotectedRouter`, `publicRouter`) is public on purpose",
        filename: files.ts,
        code: `import Koa from "koa";
import Router from "@koa/router";
const app = new Koa();
const unprotectedRouter = new Router();
unprotectedRouter.get("/catalog", async (ctx) => { ctx.body = await products.list(); });
const publicRouter = new Router();
publicRouter.get("/menu", async (ctx) => { ctx.body = await meals.list(); });
app.use(unprotectedRouter.routes()).use(publicRouter.routes());
app.listen(3000);`,
      },
      {
        name: "hono / koa: middleware that lets anonymous callers in on purpose (`unauthedMiddleware`, `auth({ optional: true })`)",
        filename: files.ts,
        code: `import { Hono } from "hono";
import Router from "@koa/router";
const app = new Hono();
app.get("/lists/:id/rss", unauthedMiddleware, async (c) => c.body(await feed(c.req.param("id"))));
const router = new Router();
router.post("/shares.info", auth({ optional: true }), async (ctx) => { ctx.body = await shares.find(ctx.request.body); });
export { app, router };`,
      },
      {
        name: "next pages api: a shared secret from the environment checked against the request, 401 otherwise",
        filename: "pages/api/revalidate.ts",
        code: `import type { NextApiRequest, NextApiResponse } from "next";
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.query.secret !== process.env.REVALIDATE_TOKEN) {
    return res.status(401).json({ message: "Invalid token" });
  }
  await res.revalidate(String(req.query.path));
  return res.json({ revalidated: true });
}`,
      },
      {
        name: "next pages api: a session fetched by a helper named for it, 401 without one",
        filename: "pages/api/links/download/jobs.ts",
        code: `import type { NextApiRequest, NextApiResponse } from "next";
import { getDataroomSessionByLinkId } from "@/lib/auth/dataroom-auth";
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getDataroomSessionByLinkId(req, String(req.query.linkId));
  if (!session) return res.status(401).json({ error: "Session required" });
  return res.json(await jobs.forViewer(session.viewId));
}`,
      },
      {
        name: "next app router: an empty stub handler reveals and changes nothing",
        filename: "app/api/files/[fileId]/share/route.ts",
        code: `export async function POST(request: Request) {
  // ... existing code ...
}`,
      },
      {
        name: "next pages api: the NextAuth catch-all handler is public by path",
        filename: "pages/api/auth/[...nextauth].ts",
        code: `import NextAuth from "next-auth";
export default async function handler(req, res) {
  return NextAuth(req, res, getAuthOptions(req));
}`,
      },
      // ── Express: what protects a route ────────────────────────────────────────────
      {
        name: "express: auth middleware in the route's own chain",
        filename: files.ts,
        code: `import express from "express";
import { requireAuth } from "./auth";
const app = express();
app.get("/users", requireAuth, (req, res) => res.json(req.query));
app.post("/users", [requireAuth, validate], (req, res) => res.status(201).end());`,
      },
      {
        name: "express: app.use(auth) before the routes",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.use(express.json());
app.use(isAuthenticated);
app.get("/orders", (req, res) => res.json(req.query));`,
      },
      {
        name: "express: a path-prefixed use covers the routes under its prefix",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.use("/api", authenticate);
app.get("/api/users", (req, res) => res.json(req.query));
app.delete("/api/users/:id", (req, res) => res.status(204).end());`,
      },
      {
        name: "express: a router mounted behind auth in the same file",
        filename: files.ts,
        code: `import express, { Router } from "express";
const app = express();
const admin = Router();
admin.get("/stats", (req, res) => res.json({}));
app.use("/admin", requireAuth, admin);`,
      },
      {
        name: "express: nested routers, auth used on the parent router before the mount",
        filename: files.ts,
        code: `import express from "express";
const app = express();
const api = express.Router();
api.use(verifyToken);
const users = express.Router();
users.get("/", (req, res) => res.json(req.query));
api.use("/users", users);
app.use("/api", api);`,
      },
      {
        name: "express (CommonJS): router.use(auth) in a router exported for mounting elsewhere",
        filename: files.cjs,
        code: `const express = require("express");
const router = express.Router();
router.use(ensureLoggedIn());
router.get("/profile", (req, res) => res.render("profile"));
module.exports = router;`,
      },
      {
        name: "express: app.all('*', auth) works as middleware for later routes",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.all("*", requireAuthentication);
app.get("/reports", (req, res) => res.json(req.query));`,
      },
      {
        name: "express 5: a named wildcard all('/api/*splat', auth) covers /api routes",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.all("/api/*splat", checkJwt);
app.get("/api/reports", (req, res) => res.json(req.query));`,
      },
      {
        name: "express: library middleware by name — passport, express-jwt, Auth0, Clerk",
        filename: files.ts,
        code: `import express from "express";
import passport from "passport";
import { expressjwt } from "express-jwt";
import { clerkMiddleware } from "@clerk/express";
const app = express();
app.get("/a", passport.authenticate("jwt", { session: false }), (req, res) => res.json(req.user));
app.get("/b", expressjwt({ secret: "k", algorithms: ["HS256"] }), (req, res) => res.json(req.query));
app.get("/c", clerkMiddleware(), (req, res) => res.json(req.query));
app.get("/d", requiredScopes("read:reports"), (req, res) => res.json(req.query));
app.get("/e", asyncHandler(protect), authController.restrictTo("admin"), (req, res) => res.json(req.query));
app.get("/f", auth.required, (req, res) => res.json(req.query));`,
      },
      {
        name: "express: inline middleware that answers a status held in a module constant",
        filename: files.ts,
        code: `import express from "express";
const DENIED = 403;
const app = express();
app.get(
  "/internal/jobs",
  (req, res, next) => {
    if (!req.headers.authorization) return res.status(DENIED).end();
    next();
  },
  (req, res) => res.json([]),
);`,
      },
      {
        name: "express: inline middleware that reads the Authorization header and answers 401",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.get(
  "/internal/jobs",
  (req, res, next) => {
    if (req.headers.authorization !== \`Bearer \${process.env.JOBS_TOKEN}\`) return res.sendStatus(401);
    next();
  },
  (req, res) => res.json([]),
);`,
      },
      {
        name: "express: a local middleware with a neutral name, recognised by what it does",
        filename: files.ts,
        code: `import express from "express";
const app = express();
function gate(req, res, next) {
  if (req.get("x-api-key") !== process.env.API_KEY) return res.status(403).json({ error: "Forbidden" });
  next();
}
app.use(gate);
app.post("/ingest", (req, res) => res.status(202).end());`,
      },
      {
        name: "express: a handler that checks the session itself and redirects to login",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.get("/dashboard", (req, res) => {
  if (!req.session.userId) return res.redirect("/login");
  res.render("dashboard");
});`,
      },
      {
        name: "express: a handler that is auth itself (OAuth start) and a callback",
        filename: files.ts,
        code: `import { Router } from "express";
import passport from "passport";
const router = Router();
router.get("/auth/google", passport.authenticate("google", { scope: ["profile"] }));
router.get("/auth/google/callback", passport.authenticate("google"), (req, res) => res.redirect("/"));`,
      },
      {
        name: "express: default public paths — root, health, login/signup, password reset, callbacks, well-known",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.get("/", (req, res) => res.send("ok"));
app.get("/healthz", (req, res) => res.send("ok"));
app.get("/api/health", (req, res) => res.send("ok"));
app.post("/api/v1/auth/login", (req, res) => res.json(req.query));
app.post("/auth/register", (req, res) => res.json(req.query));
app.post("/auth/logout", (req, res) => res.json(req.query));
app.post("/forgot-password", (req, res) => res.json(req.query));
app.post("/reset-password/:token", (req, res) => res.json(req.query));
app.get("/verify-email/:token", (req, res) => res.json(req.query));
app.get("/oauth/github/callback", (req, res) => res.json(req.query));
app.get("/.well-known/openid-configuration", (req, res) => res.json(req.query));
app.get("/favicon.ico", (req, res) => res.json(req.query));
app.get("/robots.txt", (req, res) => res.json(req.query));`,
      },
      {
        name: "express: the defaults ignore case, `-` and `_`, and cover the login flow below /login",
        filename: "src/routes/users.js",
        code: `const router = require("express").Router();
router.post("/forgotPassword", forgotPassword);
router.patch("/resetPassword/:token", resetPassword);
router.post("/refresh-tokens", refreshTokens);
router.post("/login/2fa", verifyTwoFactor);
router.get("/auth/email/confirm/:hash", confirmEmail);
module.exports = router;`,
      },
      {
        name: "express: settings.publicPaths (glob) and settings.harden.auth.protectedPaths",
        filename: files.ts,
        settings: { harden: { publicPaths: ["/webhooks/*", "/docs/**"], auth: { protectedPaths: ["/admin/**"] } } },
        code: `import express from "express";
const app = express();
app.post("/webhooks/stripe", (req, res) => res.json(req.query));
app.get("/docs/api/v1/intro", (req, res) => res.json(req.query));
app.get("/admin/users/:id", (req, res) => res.json(req.query));`,
      },
      {
        // Settings name the auth to add, but none of these takes it: sign-up and OAuth callbacks are public by
        // default, and a webhook authenticates its sender by signature.
        name: "express: with settings.harden.auth.middleware, sign-up, an OAuth callback and a webhook that checks its signature",
        filename: files.ts,
        settings: middlewareSettings,
        code: `import express from "express";
import Stripe from "stripe";
const app = express();
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
app.post("/signup", express.json(), createAccount);
app.get("/auth/google/callback", finishGoogleLogin);
app.post("/webhooks/stripe", express.raw({ type: "application/json" }), (req, res) => {
  const event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"], process.env.STRIPE_WEBHOOK_SECRET);
  res.json({ received: event.id });
});`,
      },
      {
        name: "express: public markers — a default wrapper and a configured one",
        filename: files.ts,
        settings: { harden: { auth: { publicMarkers: ["openRoute"] } } },
        code: `import express from "express";
const app = express();
app.get("/catalog", publicRoute((req, res) => res.json(req.query)));
app.get("/pricing", openRoute, (req, res) => res.json(req.query));`,
      },
      {
        name: "express: auth made optional is a declaration that the route is public",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.get("/articles", auth.optional, (req, res) => res.json(req.query));
app.get("/feed", optionalAuth, (req, res) => res.json(req.query));
app.get("/tags", softAuth(), (req, res) => res.json(req.query));`,
      },
      {
        name: "constant responses read nothing and reveal nothing: hello world, stubs, redirects",
        filename: files.ts,
        code: `import express from "express";
const app = express();
const router = express.Router();
router.get("/", (req, res) => res.send("Hello World!"));
router.get("/old-page", (req, res) => res.redirect(301, "/new-page"));
router.post("/teapot", (req, res) => {
  res.status(418).json({ error: "I'm a teapot" });
});
export default router;`,
      },
      {
        name: "express: settings.harden.auth.names adds project auth middleware names",
        filename: files.ts,
        settings: { harden: { auth: { names: ["gatekeeper", "acme.check"] } } },
        code: `import express from "express";
const app = express();
app.get("/a", gatekeeper, (req, res) => res.json(req.query));
app.get("/b", acme.check({ level: 2 }), (req, res) => res.json(req.query));`,
      },
      {
        name: "express: preflight OPTIONS and catch-all fallbacks are not endpoints",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.options("*", cors());
app.options("/api/users", (req, res) => res.sendStatus(204));
app.get("/{*splat}", (req, res) => res.sendFile("index.html"));
app.all("*", (req, res) => res.status(404).json({ error: "Not found" }));`,
      },
      {
        name: "express: routes registered only outside production (an environment test, or its `else`)",
        filename: files.ts,
        code: `import express from "express";
const app = express();
if (process.env.NODE_ENV === "test") {
  app.post("/test/reset", async (req, res) => res.json(await db.reset()));
}
if (config.env === "production") app.use(helmet());
else app.get("/dev/users", async (req, res) => res.json(await db.users.all()));`,
      },
      {
        name: "express: settings reads are not routes",
        filename: files.ts,
        code: `import express from "express";
const app = express();
const env = app.get("env");
app.set("trust proxy", 1);`,
      },
      {
        name: "express: a JavaScript file with classes parses with espree without crashing",
        filename: files.js,
        languageOptions: { parser: espree },
        code: `class Cache { get(key) { return key; } }
export default class Store { constructor(a) { this.a = a; } }`,
      },
      // ── Koa ──────────────────────────────────────────────────────────────────────
      {
        name: "koa: router.use(jwt()) before the routes, with the router prefix",
        filename: files.ts,
        code: `import Koa from "koa";
import Router from "@koa/router";
import jwt from "koa-jwt";
const app = new Koa();
const router = new Router({ prefix: "/v1" });
router.use(jwt({ secret: "s" }));
router.get("/me", async (ctx) => { ctx.body = ctx.state.user; });
app.use(router.routes());`,
      },
      {
        name: "koa: router.use(path, auth) and app.use(auth) before mounting a router",
        filename: files.ts,
        code: `import Koa from "koa";
import Router from "@koa/router";
const app = new Koa();
const router = new Router();
router.use(["/admin", "/billing"], requireAdmin);
router.get("/admin/users", async (ctx) => { ctx.body = []; });
router.get("/billing/invoices", async (ctx) => { ctx.body = []; });
app.use(passport.authenticate("jwt"));
app.use(router.routes());`,
      },
      // ── Hono ─────────────────────────────────────────────────────────────────────
      {
        name: "hono: middleware in the chain, app.use(pattern) before, basePath and mounted sub-apps",
        filename: files.ts,
        code: `import { Hono } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { jwt } from "hono/jwt";
const app = new Hono().basePath("/api");
app.get("/me", jwt({ secret: "s" }), (c) => c.json(c.get("jwtPayload")));
app.use("/admin/*", bearerAuth({ token: "t" }));
app.get("/admin/stats", (c) => c.json({}));
const books = new Hono();
books.post("/", (c) => c.json({}, 201));
app.use("/books/*", verifyFirebaseAuth());
app.route("/books", books);`,
      },
      {
        name: "hono: an inline middleware that reads the token cookie and answers 401",
        filename: files.ts,
        code: `import { Hono } from "hono";
import { getCookie } from "hono/cookie";
const app = new Hono();
app.use("*", async (c, next) => {
  if (!getCookie(c, "token")) return c.json({ error: "unauthorized" }, 401);
  await next();
});
app.get("/notes", (c) => c.json(c.req.query()));`,
      },
      // ── Fastify ──────────────────────────────────────────────────────────────────
      {
        name: "fastify: onRequest / preHandler / preValidation in route options and route({...})",
        filename: files.ts,
        code: `import Fastify from "fastify";
const fastify = Fastify();
fastify.get("/a", { onRequest: [fastify.authenticate] }, async (request) => request.query);
fastify.get("/b", { preHandler: fastify.auth([fastify.verifyJWT, fastify.verifyApiKey]) }, async (request) => request.query);
fastify.post("/c", { preValidation: async (request) => { await request.jwtVerify(); } }, async (request) => request.query);
fastify.route({ method: "DELETE", url: "/d/:id", onRequest: fastify.basicAuth, handler: async (request) => request.query });`,
      },
      {
        name: "fastify: addHook in a plugin applies to that plugin's routes, wherever it is added",
        filename: files.ts,
        code: `import Fastify from "fastify";
const app = Fastify();
app.register(async (instance) => {
  instance.get("/me", async (request) => request.user);
  instance.addHook("onRequest", async (request, reply) => {
    try { await request.jwtVerify(); } catch { reply.code(401).send({ error: "unauthorized" }); }
  });
}, { prefix: "/v1" });`,
      },
      {
        name: "fastify: a hook on the parent covers child plugins (encapsulation)",
        filename: files.ts,
        code: `import Fastify from "fastify";
const app = Fastify();
app.addHook("preHandler", verifySession);
async function users(instance) {
  instance.get("/", async () => []);
}
app.register(users, { prefix: "/users" });`,
      },
      {
        name: "fastify: a route plugin file that hooks auth on its own instance",
        filename: "src/routes/orders.ts",
        code: `import type { FastifyInstance } from "fastify";
export default async function orders(fastify: FastifyInstance) {
  fastify.addHook("onRequest", fastify.authenticate);
  fastify.get("/orders", async () => []);
}`,
      },
      {
        name: "fastify: config.public marks a route public for a global hook",
        filename: files.ts,
        code: `import Fastify from "fastify";
const fastify = Fastify();
fastify.get("/catalog", { config: { public: true } }, async () => []);`,
      },
      // ── Next.js ──────────────────────────────────────────────────────────────────
      {
        name: "next app router: the handler awaits a session check and returns 401",
        filename: "app/(dashboard)/api/projects/[id]/route.ts",
        code: `import { NextResponse } from "next/server";
import { auth } from "@/auth";
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await auth();
  if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  return NextResponse.json({ id: (await params).id });
}`,
      },
      {
        name: "next app router: getServerSession, currentUser + redirect, verifySession(), getToken",
        filename: "app/api/account/route.ts",
        code: `import { getServerSession } from "next-auth";
import { currentUser } from "@clerk/nextjs/server";
import { redirect } from "next/navigation";
import { getToken } from "next-auth/jwt";
export async function GET() {
  const session = await getServerSession(authOptions);
  if (!session) return new Response("Unauthorized", { status: 401 });
  return Response.json(session.user);
}
export async function POST() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return Response.json({ ok: true });
}
export async function PUT() {
  await verifySession();
  return Response.json({ ok: true });
}
export async function PATCH(req) {
  const token = await getToken({ req });
  if (!token) return Response.json({ error: "Unauthorized" }, { status: 401 });
  return Response.json({ ok: true });
}`,
      },
      {
        name: "next app router: exports wrapped by an auth HOF",
        filename: "app/api/items/route.ts",
        code: `export const GET = withAuth(async () => Response.json([]));
const handler = withApiAuthRequired(async () => Response.json({}));
export { handler as POST };`,
      },
      {
        name: "next app router: a cron route checking CRON_SECRET in the Authorization header",
        filename: "app/api/cron/cleanup/route.ts",
        code: `export async function GET(request: Request) {
  if (request.headers.get("authorization") !== \`Bearer \${process.env.CRON_SECRET}\`) {
    return new Response("Unauthorized", { status: 401 });
  }
  return Response.json({ ok: true });
}`,
      },
      {
        name: "next app router: public by path — the NextAuth catch-all handler, health, CORS preflight",
        filename: "app/api/auth/[...nextauth]/route.ts",
        code: `import NextAuth from "next-auth";
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };`,
      },
      {
        name: "next app router: a health route and OPTIONS",
        filename: "src/app/api/health/route.ts",
        code: `export function GET() { return Response.json({ ok: true }); }`,
      },
      {
        name: "next app router: a stub that reads the body and answers a constant does nothing to protect",
        filename: "app/api/support/send-message/route.ts",
        code: `import { NextRequest, NextResponse } from "next/server";
export async function POST(request: NextRequest) {
  try {
    const { message, contactId } = await request.json();
    return NextResponse.json({ success: true });
  } catch (error) {
    console.error("Error sending message:", error);
    return NextResponse.json({ error: "Failed to send message" }, { status: 500 });
  }
}`,
      },
      {
        name: "next pages api: the handler hands the request to a server whose request hook checks the session",
        filename: "pages/api/uploads/[[...file]].ts",
        code: `import { Server } from "@tus/server";
import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth";
const uploads = new Server({
  path: "/api/uploads",
  async onIncomingRequest(req) {
    const session = await getServerSession(req);
    if (!session) throw { status_code: 401, body: "Unauthorized" };
  },
});
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  return uploads.handle(req, res);
}`,
      },
      {
        name: "next app router: OPTIONS only",
        filename: "app/api/data/route.ts",
        code: `export function OPTIONS() { return new Response(null, { status: 204 }); }`,
      },
      {
        name: "next pages api: getServerSession + 401, and a wrapped default export",
        filename: "pages/api/me.ts",
        code: `import { getServerSession } from "next-auth/next";
export default async function handler(req, res) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).json({ message: "You must be logged in." });
  res.json(session.user);
}`,
      },
      {
        name: "next pages api: withApiAuthRequired(handler)",
        filename: "pages/api/orders/[id].ts",
        code: `export default withApiAuthRequired(async function handler(req, res) { res.json({}); });`,
      },
      {
        name: "next: an export that hands requests to a Hono app defined here is checked through the app's routes",
        filename: "app/api/[[...route]]/route.ts",
        code: `import { Hono } from "hono";
import { handle } from "hono/vercel";
const app = new Hono().basePath("/api");
app.get("/me", jwt({ secret: "s" }), (c) => c.json(c.get("jwtPayload")));
export const GET = handle(app);`,
      },
      {
        name: "next: `handle(app)` from hono/vercel with an app built as a chain and routes mounted from another package",
        filename: "app/api/[[...route]]/route.ts",
        code: `import { Hono } from "hono";
import { handle } from "hono/vercel";
import allApp from "@acme/api";
const app = new Hono().basePath("/api").route("/", allApp);
export const GET = handle(app);
export const POST = handle(app);`,
      },
      {
        name: "next: files that are not route handlers are not checked",
        filename: "app/dashboard/page.tsx",
        code: `export async function GET() { return new Response("x"); }`,
      },
      // ── NestJS ───────────────────────────────────────────────────────────────────
      {
        name: "nest: @UseGuards on the method and on the controller class",
        filename: files.nest,
        code: `import { Controller, Get, Post, UseGuards } from "@nestjs/common";
import { AuthGuard } from "@nestjs/passport";
@Controller("users")
export class UsersController {
  @UseGuards(JwtAuthGuard)
  @Get()
  findAll() { return this.users.findAll(); }
}
@UseGuards(AuthGuard("jwt"))
@Controller("orders")
export class OrdersController {
  @Get() findAll() { return this.users.findAll(); }
  @Post() create() { return this.users.create(); }
}`,
      },
      {
        name: "nest: @Public() on a method or class, SetMetadata(IS_PUBLIC_KEY, true), a configured marker",
        filename: files.nest,
        settings: { harden: { auth: { publicMarkers: ["Anonymous"] } } },
        code: `import { Controller, Get, SetMetadata } from "@nestjs/common";
@Controller("catalog")
export class CatalogController {
  @Public() @Get() list() { return this.projects.list(); }
  @SetMetadata(IS_PUBLIC_KEY, true) @Get("featured") featured() { return []; }
  @Anonymous() @Get("search") search() { return []; }
}
@Public()
@Controller("status")
export class StatusController {
  @Get("version") version() { return "1"; }
}`,
      },
      {
        name: "nest: custom auth decorators, and a method that throws UnauthorizedException",
        filename: files.nest,
        code: `import { Controller, Get, Req, UnauthorizedException } from "@nestjs/common";
@Controller("me")
export class MeController {
  @Auth(Role.Admin) @Get("admin") admin() { return {}; }
  @Get()
  me(@Req() req) {
    if (!req.user) throw new UnauthorizedException();
    return req.user;
  }
}`,
      },
      {
        name: "nest: health controller paths are public by default",
        filename: "src/health/health.controller.ts",
        code: `import { Controller, Get } from "@nestjs/common";
@Controller("health")
export class HealthController {
  @Get() check() { return { ok: true }; }
}`,
      },
    ],
    invalid: [
      {
        name: "koa: an array of paths is named path by path",
        filename: files.ts,
        code: `import Koa from "koa";
import Router from "@koa/router";
const app = new Koa();
const router = new Router();
router.get(["/reports", "/reports/latest"], async (ctx) => { ctx.body = await reports.list(ctx.query); });
app.use(router.routes());
app.listen(3000);`,
        output: null,
        errors: [
          missing("GET /reports, /reports/latest", "koa", {
            line: 5,
            column: 8,
            endLine: 5,
            endColumn: 43,
            suggestions: [],
          }),
        ],
      },
      {
        name: "a feature flag or a debug switch is not an environment: the route is served in production when it is on",
        filename: files.ts,
        code: `import express from "express";
const app = express();
if (process.env.ENABLE_EXPORTS === "true") {
  app.get("/exports", async (req, res) => res.json(await exportsStore.list()));
}
if (process.env.DEBUG) app.get("/debug/state", async (req, res) => res.json(await store.dump()));`,
        output: null,
        errors: [
          missing("GET /exports", "express", { line: 4, suggestions: [] }),
          missing("GET /debug/state", "express", { line: 6, suggestions: [] }),
        ],
      },
      {
        name: "next pages api: a server whose hooks check no session does not protect the handler that hands it the request",
        filename: "pages/api/uploads/[[...file]].ts",
        code: `import { Server } from "@tus/server";
import type { NextApiRequest, NextApiResponse } from "next";
const uploads = new Server({
  path: "/api/uploads",
  async onUploadFinish(req, upload) {
    return {};
  },
});
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  return uploads.handle(req, res);
}`,
        output: null,
        errors: [missing("ALL /api/uploads/:file*", "next", { line: 9, suggestions: [] })],
      },
      {
        name: "a middleware or router word that does not mean anonymous: `unauthorizedHandler` is not `unauthed`",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.get("/reports", unauthorizedHandler, (req, res) => res.json(reports.all()));
app.listen(3000);`,
        output: null,
        errors: [missing("GET /reports", "express", { line: 3, suggestions: [] })],
      },
      {
        name: "next pages api: the methods a handler answers, when it answers others with 405",
        filename: "pages/api/orders/[id].ts",
        code: `import type { NextApiRequest, NextApiResponse } from "next";
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  switch (req.method) {
    case "GET":
      return res.json(await orders.find(req.query.id));
    case "DELETE":
      await orders.remove(req.query.id);
      return res.status(204).end();
    default:
      res.setHeader("Allow", ["GET", "DELETE"]);
      return res.status(405).end();
  }
}`,
        output: null,
        errors: [missing("GET|DELETE /api/orders/:id", "next", { line: 2, suggestions: [] })],
      },
      {
        name: "next pages api: without a 405 for the rest, any method reaches the handler",
        filename: "pages/api/orders/index.ts",
        code: `import type { NextApiRequest, NextApiResponse } from "next";
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method === "POST") return res.status(201).json(await orders.create(req.body));
  return res.json(await orders.list());
}`,
        output: null,
        errors: [missing("ALL /api/orders", "next", { line: 2, suggestions: [] })],
      },
      {
        name: "next pages api: a secret compared with a value that is not from the environment is no credential",
        filename: "pages/api/export.ts",
        code: `import type { NextApiRequest, NextApiResponse } from "next";
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.query.format !== "csv") return res.status(400).end();
  return res.json(await orders.all());
}`,
        output: null,
        errors: [missing("ALL /api/export", "next", { line: 2, suggestions: [] })],
      },
      // ── Express ──────────────────────────────────────────────────────────────────
      {
        name: "express: a route with no auth, no settings, nothing to suggest",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.get("/users/:id", async (req, res) => {
  res.json(await db.user.findUnique({ where: { id: req.params.id } }));
});`,
        output: null,
        errors: [
          missing("GET /users/:id", "express", { line: 3, column: 5, endLine: 3, endColumn: 21, suggestions: [] }),
        ],
      },
      {
        name: "express: order matters — a route registered before app.use(auth) is open; the imported middleware is suggested",
        filename: files.ts,
        code: `import express from "express";
import { requireAuth } from "./middleware/auth";
const app = express();
app.get("/early", (req, res) => res.json(req.query));
app.use(requireAuth);
app.get("/late", (req, res) => res.json(req.query));`,
        output: null,
        errors: [
          missing("GET /early", "express", {
            line: 4,
            suggestions: suggestion(
              "addMiddleware",
              "requireAuth",
              `import express from "express";
import { requireAuth } from "./middleware/auth";
const app = express();
app.get("/early", requireAuth, (req, res) => res.json(req.query));
app.use(requireAuth);
app.get("/late", (req, res) => res.json(req.query));`,
            ),
          }),
        ],
      },
      {
        name: "express: use('/api', auth) does not cover /apis or /public",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.use("/api", requireAuth);
app.get("/apis", (req, res) => res.json(req.query));
app.get("/api/users", (req, res) => res.json(req.query));`,
        output: null,
        errors: [
          missing("GET /apis", "express", {
            line: 4,
            suggestions: suggestion(
              "addMiddleware",
              "requireAuth",
              `import express from "express";
const app = express();
app.use("/api", requireAuth);
app.get("/apis", requireAuth, (req, res) => res.json(req.query));
app.get("/api/users", (req, res) => res.json(req.query));`,
            ),
          }),
        ],
      },
      {
        name: "express: a router mounted without auth — the message names the full path",
        filename: files.ts,
        code: `import express, { Router } from "express";
const app = express();
const api = Router();
const users = Router();
users.delete("/:id", (req, res) => res.status(204).json(req.params));
api.use("/users", users);
app.use("/api/v1", api);`,
        output: null,
        errors: [
          missing("DELETE /api/v1/users/:id", "express", { line: 5, column: 7, endColumn: 20, suggestions: [] }),
        ],
      },
      {
        name: "express: middleware that is not auth — rate limits, sessions, passport setup, checkUser",
        filename: files.ts,
        code: `import express from "express";
import session from "express-session";
import passport from "passport";
const app = express();
app.use(session({ secret: "s" }));
app.use(passport.initialize());
app.use(passport.session());
app.use("/auth", authLimiter);
app.get("/auth/me", checkUser, (req, res) => res.json(req.user ?? null));`,
        output: null,
        errors: [missing("GET /auth/me", "express", { line: 9, suggestions: [] })],
      },
      {
        name: "express / hono: a router's or sub-app's `/` is relative to a mount this file does not show, not the site root",
        filename: files.ts,
        code: `import express from "express";
import { Hono } from "hono";
const app = express();
app.get("/", (req, res) => res.render("home", { user: req.user }));
export const products = express.Router();
products.get("/", (req, res) => res.json(req.query));
const books = new Hono();
books.get("/", (c) => c.json(c.req.query()));
export default books;`,
        output: null,
        errors: [
          missing("GET /", "express", { line: 6, suggestions: [] }),
          missing("GET /", "hono", { line: 8, suggestions: [] }),
        ],
      },
      {
        name: "express: default public paths match static prefixes only — /events/:id/register is not public",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.post("/events/:id/register", (req, res) => res.json(req.query));`,
        output: null,
        errors: [missing("POST /events/:id/register", "express", { suggestions: [] })],
      },
      {
        name: "express: a handler that reads the session but never rejects is open",
        filename: files.ts,
        code: `import express from "express";
const app = express();
app.get("/cart", (req, res) => res.json(req.session.cart ?? []));`,
        output: null,
        errors: [missing("GET /cart", "express", { suggestions: [] })],
      },
      {
        name: "express: settings.harden.auth.middleware is suggested first in the chain, with its import — never autofixed",
        filename: files.ts,
        settings: middlewareSettings,
        code: `import express from "express";
const app = express();
app.get("/users", (req, res) => res.json(req.query));
app.post("/users", [validate], (req, res) => res.status(201).json(req.body));
app.route("/items/:id").put((req, res) => res.json(req.query));`,
        output: null,
        errors: [
          missing("GET /users", "express", {
            line: 3,
            suggestions: suggestion(
              "addMiddleware",
              "requireAuth",
              `import express from "express";
import { requireAuth } from "./auth.js";
const app = express();
app.get("/users", requireAuth, (req, res) => res.json(req.query));
app.post("/users", [validate], (req, res) => res.status(201).json(req.body));
app.route("/items/:id").put((req, res) => res.json(req.query));`,
            ),
          }),
          missing("POST /users", "express", {
            line: 4,
            suggestions: suggestion(
              "addMiddleware",
              "requireAuth",
              `import express from "express";
import { requireAuth } from "./auth.js";
const app = express();
app.get("/users", (req, res) => res.json(req.query));
app.post("/users", [requireAuth, validate], (req, res) => res.status(201).json(req.body));
app.route("/items/:id").put((req, res) => res.json(req.query));`,
            ),
          }),
          missing("PUT /items/:id", "express", {
            line: 5,
            column: 25,
            endColumn: 28,
            suggestions: suggestion(
              "addMiddleware",
              "requireAuth",
              `import express from "express";
import { requireAuth } from "./auth.js";
const app = express();
app.get("/users", (req, res) => res.json(req.query));
app.post("/users", [validate], (req, res) => res.status(201).json(req.body));
app.route("/items/:id").put(requireAuth, (req, res) => res.json(req.query));`,
            ),
          }),
        ],
      },
      {
        name: "express (CommonJS): the suggestion adds a require",
        filename: files.cjs,
        settings: middlewareSettings,
        code: `const express = require("express");
const router = express.Router();
router.patch("/settings", (req, res) => res.json(req.query));
module.exports = router;`,
        output: null,
        errors: [
          missing("PATCH /settings", "express", {
            suggestions: suggestion(
              "addMiddleware",
              "requireAuth",
              `const express = require("express");
const { requireAuth } = require("./auth.js");
const router = express.Router();
router.patch("/settings", requireAuth, (req, res) => res.json(req.query));
module.exports = router;`,
            ),
          }),
        ],
      },
      {
        // The app mounts this router behind auth in another file (`app.use("/api/todos", authenticate, todoRoutes)`),
        // which the rule cannot see: it reports, and only suggests, so fix on save adds nothing twice.
        name: "express: a router file whose mount is in another file — reported with a suggestion, never autofixed",
        filename: "src/routes/todos.ts",
        settings: middlewareSettings,
        code: `import { Router } from "express";
import { db } from "../db";
const router = Router();
router.get("/", async (req, res) => res.json(await db.todo.findMany({ where: { userId: req.user.id } })));
router.delete("/:id", async (req, res) => res.json(await db.todo.delete({ where: { id: req.params.id } })));
export default router;`,
        output: null,
        errors: [
          missing("GET /", "express", {
            line: 4,
            suggestions: suggestion(
              "addMiddleware",
              "requireAuth",
              `import { Router } from "express";
import { db } from "../db";
import { requireAuth } from "../auth.js";
const router = Router();
router.get("/", requireAuth, async (req, res) => res.json(await db.todo.findMany({ where: { userId: req.user.id } })));
router.delete("/:id", async (req, res) => res.json(await db.todo.delete({ where: { id: req.params.id } })));
export default router;`,
            ),
          }),
          missing("DELETE /:id", "express", {
            line: 5,
            suggestions: suggestion(
              "addMiddleware",
              "requireAuth",
              `import { Router } from "express";
import { db } from "../db";
import { requireAuth } from "../auth.js";
const router = Router();
router.get("/", async (req, res) => res.json(await db.todo.findMany({ where: { userId: req.user.id } })));
router.delete("/:id", requireAuth, async (req, res) => res.json(await db.todo.delete({ where: { id: req.params.id } })));
export default router;`,
            ),
          }),
        ],
      },
      {
        // A webhook's caller is the provider, which has no user session: the fix is a signature check (see the
        // valid case), so the report stands, and adding the middleware stays a human's choice.
        name: "express: with settings.harden.auth.middleware, a webhook without a signature check is reported with a suggestion only",
        filename: files.ts,
        settings: middlewareSettings,
        code: `import express from "express";
const app = express();
app.post("/webhooks/stripe", express.raw({ type: "application/json" }), handleStripeEvent);
app.post("/signup", express.json(), createAccount);
app.get("/auth/google/callback", finishGoogleLogin);`,
        output: null,
        errors: [
          missing("POST /webhooks/stripe", "express", {
            line: 3,
            suggestions: suggestion(
              "addMiddleware",
              "requireAuth",
              `import express from "express";
import { requireAuth } from "./auth.js";
const app = express();
app.post("/webhooks/stripe", requireAuth, express.raw({ type: "application/json" }), handleStripeEvent);
app.post("/signup", express.json(), createAccount);
app.get("/auth/google/callback", finishGoogleLogin);`,
            ),
          }),
        ],
      },
      {
        name: "express: the suggestion copies the auth middleware another route of this file uses",
        filename: files.ts,
        code: `import { Router } from "express";
import passport from "passport";
const router = Router();
router.get("/me", passport.authenticate("jwt", { session: false }), (req, res) => res.json(req.user));
router.put("/me", (req, res) => res.json(req.body));`,
        output: null,
        errors: [
          missing("PUT /me", "express", {
            line: 5,
            suggestions: suggestion(
              "addMiddleware",
              'passport.authenticate("jwt", { session: false })',
              `import { Router } from "express";
import passport from "passport";
const router = Router();
router.get("/me", passport.authenticate("jwt", { session: false }), (req, res) => res.json(req.user));
router.put("/me", passport.authenticate("jwt", { session: false }), (req, res) => res.json(req.body));`,
            ),
          }),
        ],
      },
      {
        name: "express: a path built from a prefix variable is labelled as written",
        filename: files.js,
        code: `const express = require("express");
const app = express();
app.get(\`\${API}/users\`, (req, res) => res.json(req.query));
app.post(\`\${API}/auth/login\`, (req, res) => res.json(req.query));`,
        output: null,
        errors: [missing("GET `${API}/users`", "express", { line: 3, suggestions: [] })],
      },
      // ── Koa ──────────────────────────────────────────────────────────────────────
      {
        name: "koa: a router mounted before app.use(jwt) is open; named routes get the middleware before the handler",
        filename: files.ts,
        settings: middlewareSettings,
        code: `import Koa from "koa";
import Router from "@koa/router";
const app = new Koa();
const open = new Router();
open.get("user", "/users/:id", async (ctx) => { ctx.body = ctx.params; });
app.use(open.routes());
app.use(jwt({ secret: "s" }));
const closed = new Router();
closed.get("/me", async (ctx) => { ctx.body = ctx.state.user; });
app.use(closed.routes());`,
        output: null,
        errors: [
          missing("GET /users/:id", "koa", {
            line: 5,
            suggestions: suggestion(
              "addMiddleware",
              "requireAuth",
              `import Koa from "koa";
import Router from "@koa/router";
import { requireAuth } from "./auth.js";
const app = new Koa();
const open = new Router();
open.get("user", "/users/:id", requireAuth, async (ctx) => { ctx.body = ctx.params; });
app.use(open.routes());
app.use(jwt({ secret: "s" }));
const closed = new Router();
closed.get("/me", async (ctx) => { ctx.body = ctx.state.user; });
app.use(closed.routes());`,
            ),
          }),
        ],
      },
      // ── Hono ─────────────────────────────────────────────────────────────────────
      {
        name: "hono: a route before app.use('*', auth), and one outside the middleware's pattern",
        filename: files.ts,
        settings: middlewareSettings,
        code: `import { Hono } from "hono";
const app = new Hono();
app.get("/early", (c) => c.json(c.req.query()));
app.use("/admin/*", bearerAuth({ token: "t" }));
app.get("/reports", (c) => c.json(c.req.query()));
app.get("/admin/reports", (c) => c.json(c.req.query()));`,
        output: null,
        errors: [
          missing("GET /early", "hono", {
            line: 3,
            suggestions: suggestion(
              "addMiddleware",
              "requireAuth",
              `import { Hono } from "hono";
import { requireAuth } from "./auth.js";
const app = new Hono();
app.get("/early", requireAuth, (c) => c.json(c.req.query()));
app.use("/admin/*", bearerAuth({ token: "t" }));
app.get("/reports", (c) => c.json(c.req.query()));
app.get("/admin/reports", (c) => c.json(c.req.query()));`,
            ),
          }),
          missing("GET /reports", "hono", {
            line: 5,
            suggestions: suggestion(
              "addMiddleware",
              "requireAuth",
              `import { Hono } from "hono";
import { requireAuth } from "./auth.js";
const app = new Hono();
app.get("/early", (c) => c.json(c.req.query()));
app.use("/admin/*", bearerAuth({ token: "t" }));
app.get("/reports", requireAuth, (c) => c.json(c.req.query()));
app.get("/admin/reports", (c) => c.json(c.req.query()));`,
            ),
          }),
        ],
      },
      // ── Fastify ──────────────────────────────────────────────────────────────────
      {
        name: "fastify: a sibling plugin does not get another plugin's hook",
        filename: files.ts,
        code: `import Fastify from "fastify";
const app = Fastify();
app.register(async (instance) => {
  instance.addHook("onRequest", instance.authenticate);
  instance.get("/private", async (request) => request.query);
});
app.register(async (instance) => {
  instance.get("/other", async (request) => request.query);
});`,
        output: null,
        errors: [missing("GET /other", "fastify", { line: 8, suggestions: [] })],
      },
      {
        name: "fastify: the suggestion reuses a hook of the same instance",
        filename: files.ts,
        code: `import Fastify from "fastify";
const fastify = Fastify();
fastify.get("/a", { onRequest: [fastify.authenticate] }, async (request) => request.query);
fastify.get("/b", async (request) => request.query);`,
        output: null,
        errors: [
          missing("GET /b", "fastify", {
            line: 4,
            suggestions: suggestion(
              "addHook",
              "fastify.authenticate",
              `import Fastify from "fastify";
const fastify = Fastify();
fastify.get("/a", { onRequest: [fastify.authenticate] }, async (request) => request.query);
fastify.get("/b", { onRequest: [fastify.authenticate] }, async (request) => request.query);`,
            ),
          }),
        ],
      },
      {
        name: "fastify: the suggestion puts onRequest in the route options, merging into existing options and hooks",
        filename: files.ts,
        settings: middlewareSettings,
        code: fastifyRoutes,
        output: null,
        errors: [
          ["GET /a", 3, 'fastify.get("/a", async', 'fastify.get("/a", { onRequest: [requireAuth] }, async'],
          ["GET /b", 4, "{ schema: {} }", "{ onRequest: [requireAuth], schema: {} }"],
          ["POST /c", 5, "{\n  schema: {},\n}", "{\n  onRequest: [requireAuth],\n  schema: {},\n}"],
          ["GET /d", 8, '{ method: "GET"', '{ onRequest: [requireAuth], method: "GET"'],
          ["GET /e", 9, "[rateLimit]", "[requireAuth, rateLimit]"],
          [
            "GET /f",
            10,
            '{ onRequest: async (request) => { request.log.info("hi"); } }',
            '{ onRequest: [requireAuth, async (request) => { request.log.info("hi"); }] }',
          ],
          ["GET /g", 11, "{ handler:", "{ onRequest: [requireAuth], handler:"],
        ].map(([route, line, from, to]) =>
          missing(route as string, "fastify", {
            line: line as number,
            suggestions: suggestion(
              "addHook",
              "requireAuth",
              withImport(fastifyRoutes, requireAuthImport, from as string, to as string),
            ),
          }),
        ),
      },
      {
        name: "fastify: no suggestion where the options or the hook are variables",
        filename: files.ts,
        settings: middlewareSettings,
        code: `import Fastify from "fastify";
const fastify = Fastify();
fastify.get("/a", sharedOptions, async (request) => request.query);
fastify.get("/b", { onRequest: hooks }, async (request) => request.query);`,
        output: null,
        errors: [
          missing("GET /a", "fastify", { line: 3, suggestions: [] }),
          missing("GET /b", "fastify", { line: 4, suggestions: [] }),
        ],
      },
      // ── Next.js ──────────────────────────────────────────────────────────────────
      {
        name: "next app router: route groups and dynamic segments in the path; no session check",
        filename: "src/app/(dashboard)/api/projects/[projectId]/tasks/[...slug]/route.ts",
        code: `import { NextResponse } from "next/server";
export async function GET() {
  return NextResponse.json(await listNotes());
}
export async function DELETE() {
  const session = await auth();
  return NextResponse.json({ deletedBy: session?.user });
}`,
        output: null,
        errors: [
          missing("GET /api/projects/:projectId/tasks/:slug*", "next", {
            line: 2,
            column: 23,
            endColumn: 26,
            suggestions: [],
          }),
          missing("DELETE /api/projects/:projectId/tasks/:slug*", "next", { line: 5, suggestions: [] }),
        ],
      },
      {
        name: "next app router: the suggestion awaits the configured session check at the top of the handler",
        filename: "app/api/notes/route.ts",
        settings: sessionSettings,
        code: `import { NextResponse } from "next/server";

export async function GET() {
  return NextResponse.json(await listNotes());
}

export const POST = async (request: Request) => NextResponse.json(await request.json(), { status: 201 });

export function DELETE() { return Response.json(removeNotes()); }`,
        output: null,
        errors: [
          missing("GET /api/notes", "next", {
            suggestions: suggestion(
              "addSessionCheck",
              "await auth()",
              `import { NextResponse } from "next/server";
import { auth } from "@/auth";

export async function GET() {
  const session = await auth();
  if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  return NextResponse.json(await listNotes());
}

export const POST = async (request: Request) => NextResponse.json(await request.json(), { status: 201 });

export function DELETE() { return Response.json(removeNotes()); }`,
            ),
          }),
          missing("POST /api/notes", "next", {
            suggestions: suggestion(
              "addSessionCheck",
              "await auth()",
              `import { NextResponse } from "next/server";
import { auth } from "@/auth";

export async function GET() {
  return NextResponse.json(await listNotes());
}

export const POST = async (request: Request) => {
  const session = await auth();
  if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  return NextResponse.json(await request.json(), { status: 201 });
};

export function DELETE() { return Response.json(removeNotes()); }`,
            ),
          }),
          missing("DELETE /api/notes", "next", {
            suggestions: suggestion(
              "addSessionCheck",
              "await auth()",
              `import { NextResponse } from "next/server";
import { auth } from "@/auth";

export async function GET() {
  return NextResponse.json(await listNotes());
}

export const POST = async (request: Request) => NextResponse.json(await request.json(), { status: 201 });

export async function DELETE() {
  const session = await auth();
  if (!session) return NextResponse.json({ error: "Unauthorized" }, { status: 401 });
  return Response.json(removeNotes());
}`,
            ),
          }),
        ],
      },
      {
        name: "next app router: without NextResponse the 401 is a plain Response; a taken name is not reused",
        filename: "app/api/files/route.js",
        settings: sessionSettings,
        code: `export async function GET(request) {
  const session = request.nextUrl.searchParams.get("s");
  return Response.json({ session });
}`,
        output: null,
        errors: [
          missing("GET /api/files", "next", {
            suggestions: suggestion(
              "addSessionCheck",
              "await auth()",
              `import { auth } from "@/auth";
export async function GET(request) {
  const authSession = await auth();
  if (!authSession) return new Response("Unauthorized", { status: 401 });
  const session = request.nextUrl.searchParams.get("s");
  return Response.json({ session });
}`,
            ),
          }),
        ],
      },
      {
        name: "next app router: without settings, an imported Auth.js auth() is suggested",
        filename: "app/api/billing/route.ts",
        code: `import { auth } from "@/auth";
export async function POST() {
  return Response.json(await charge());
}`,
        output: null,
        errors: [
          missing("POST /api/billing", "next", {
            suggestions: suggestion(
              "addSessionCheck",
              "await auth()",
              `import { auth } from "@/auth";
export async function POST() {
  const session = await auth();
  if (!session) return new Response("Unauthorized", { status: 401 });
  return Response.json(await charge());
}`,
            ),
          }),
        ],
      },
      {
        name: "next pages api: the suggestion checks the session with (req, res) and ends with 401",
        filename: "pages/api/users/[id].ts",
        settings: sessionSettings,
        code: `import type { NextApiRequest, NextApiResponse } from "next";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ id: req.query.id });
}`,
        output: null,
        errors: [
          missing("ALL /api/users/:id", "next", {
            line: 3,
            column: 31,
            endColumn: 38,
            suggestions: suggestion(
              "addSessionCheck",
              "await auth(req, res)",
              `import type { NextApiRequest, NextApiResponse } from "next";
import { auth } from "@/auth";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await auth(req, res);
  if (!session) { res.status(401).end(); return; }
  res.status(200).json({ id: req.query.id });
}`,
            ),
          }),
        ],
      },
      {
        name: "next: no suggestion when a sync handler declares a non-Promise return type",
        filename: "app/api/ping-me/route.ts",
        settings: sessionSettings,
        code: `export function GET(): Response { return new Response(readStatus()); }`,
        output: null,
        errors: [missing("GET /api/ping-me", "next", { suggestions: [] })],
      },
      // ── NestJS ───────────────────────────────────────────────────────────────────
      {
        name: "nest: a controller without guards; the suggestion adds @UseGuards and its imports",
        filename: files.nest,
        settings: guardSettings,
        code: `import { Controller, Get, Post } from "@nestjs/common";

@Controller("users")
export class UsersController {
  @Get()
  findAll() {
    return this.users.findAll();
  }

  @Post() create() { return this.users.create(); }
}`,
        output: null,
        errors: [
          missing("GET /users", "nest", {
            line: 5,
            column: 3,
            endColumn: 9,
            suggestions: suggestion(
              "addGuard",
              "JwtAuthGuard",
              `import { Controller, Get, Post, UseGuards } from "@nestjs/common";
import { JwtAuthGuard } from "../jwt-auth.guard.js";

@Controller("users")
export class UsersController {
  @UseGuards(JwtAuthGuard)
  @Get()
  findAll() {
    return this.users.findAll();
  }

  @Post() create() { return this.users.create(); }
}`,
            ),
          }),
          missing("POST /users", "nest", {
            line: 10,
            column: 3,
            endColumn: 10,
            suggestions: suggestion(
              "addGuard",
              "JwtAuthGuard",
              `import { Controller, Get, Post, UseGuards } from "@nestjs/common";
import { JwtAuthGuard } from "../jwt-auth.guard.js";

@Controller("users")
export class UsersController {
  @Get()
  findAll() {
    return this.users.findAll();
  }

  @UseGuards(JwtAuthGuard) @Post() create() { return this.users.create(); }
}`,
            ),
          }),
        ],
      },
      {
        name: "nest: a throttler guard is not auth — the suggestion puts the auth guard first in the existing @UseGuards",
        filename: files.nest,
        settings: guardSettings,
        code: `import { Controller, Post, UseGuards } from "@nestjs/common";
import { ThrottlerGuard } from "@nestjs/throttler";
import { JwtAuthGuard } from "../jwt-auth.guard.js";
@Controller("comments")
export class CommentsController {
  @UseGuards(ThrottlerGuard)
  @Post()
  create() { return this.users.create(); }
}`,
        output: null,
        errors: [
          missing("POST /comments", "nest", {
            line: 7,
            suggestions: suggestion(
              "addGuard",
              "JwtAuthGuard",
              `import { Controller, Post, UseGuards } from "@nestjs/common";
import { ThrottlerGuard } from "@nestjs/throttler";
import { JwtAuthGuard } from "../jwt-auth.guard.js";
@Controller("comments")
export class CommentsController {
  @UseGuards(JwtAuthGuard, ThrottlerGuard)
  @Post()
  create() { return this.users.create(); }
}`,
            ),
          }),
        ],
      },
      {
        // No quoted framework module and no path starting with `/`: only `Controller` lets the file through the text gate.
        name: "nest: decorators re-exported from a local module",
        filename: files.nest,
        code: `import { Controller, Get } from "./nest";
@Controller("reports")
export class ReportsController {
  @Get() list() { return this.reports.list(); }
}`,
        output: null,
        errors: [missing("GET /reports", "nest", { line: 4, suggestions: [] })],
      },
      {
        name: "nest: @ApiBearerAuth documents auth but does not enforce it; the guard of another method is suggested",
        filename: files.nest,
        code: `import { Controller, Get, UseGuards } from "@nestjs/common";
import { ApiBearerAuth } from "@nestjs/swagger";
@Controller("projects")
export class ProjectsController {
  @UseGuards(JwtAuthGuard) @Get() list() { return this.projects.list(); }
  @ApiBearerAuth() @Get(":id") one() { return this.projects.one(); }
}`,
        output: null,
        errors: [
          missing("GET /projects/:id", "nest", {
            line: 6,
            column: 20,
            suggestions: suggestion(
              "addGuard",
              "JwtAuthGuard",
              `import { Controller, Get, UseGuards } from "@nestjs/common";
import { ApiBearerAuth } from "@nestjs/swagger";
@Controller("projects")
export class ProjectsController {
  @UseGuards(JwtAuthGuard) @Get() list() { return this.projects.list(); }
  @UseGuards(JwtAuthGuard) @ApiBearerAuth() @Get(":id") one() { return this.projects.one(); }
}`,
            ),
          }),
        ],
      },
    ],
  }),
);

const expressAuth =
  'import type { RequestHandler } from "express";\nexport const requireAuth: RequestHandler = (_req, _res, next) => next();\n';
const fastifyAuth =
  'import type { FastifyReply, FastifyRequest } from "fastify";\nexport async function requireAuth(_request: FastifyRequest, _reply: FastifyReply): Promise<void> {}\n';
const honoAuth =
  'import type { MiddlewareHandler } from "hono";\nexport const requireAuth: MiddlewareHandler = async (_c, next) => {\n  await next();\n};\n';
const koaAuth =
  'import type { Middleware } from "koa";\nexport const requireAuth: Middleware = async (_ctx, next) => {\n  await next();\n};\n';
const nestGuard =
  'import { Injectable, type CanActivate } from "@nestjs/common";\n@Injectable()\nexport class JwtAuthGuard implements CanActivate {\n  canActivate(): boolean {\n    return true;\n  }\n}\n';
const ARTISTS_APP = `import express from "express";
const app = express();
app.get("/api/artists", async (_req, res) => res.json(await db.artist.findMany()));
app.post("/api/artists", requireAdmin, async (req, res) => res.json(await db.artist.create(req.body)));
app.delete("/api/artists/:id", async (req, res) => res.json(await db.artist.delete(req.params.id)));
app.put("/api/artists/:id", async (req, res) => res.json(await db.artist.update(req.params.id, req.body)));
app.get("/api/settings", async (_req, res) => res.json(await db.setting.findMany()));
app.get("/api/orderInfos", async (_req, res) => res.json(await db.orderInfo.findMany()));
app.post("/api/admin/users", async (req, res) => res.status(201).json(await users.create(req.body)));`;

/** {@link ARTISTS_APP} with `requireAdmin` put first in the chain of the route registered by `start`. */
function withAdmin(start: string): string {
  if (!ARTISTS_APP.includes(start)) throw new Error(`not in the code: ${start}`);
  return ARTISTS_APP.replace(start, `${start}requireAdmin, `);
}

// By default only what no product serves anonymously is reported: a write, or a path that names account
// data. Reads and creates of anything else (a catalogue, a contact form, analytics) are the product's call.
ruleTester.run("require-route-auth: by default, routes that change data or name account data", rule, {
  valid: [
    {
      name: "express: a public catalogue's reads, a contact form and analytics ingest",
      filename: files.ts,
      code: `import express from "express";
const app = express();
app.get("/api/artists", async (_req, res) => res.json(await db.artist.findMany()));
app.get("/api/events/:id", async (req, res) => res.json(await db.event.find(req.params.id)));
app.post("/api/enquiries", async (req, res) => res.status(201).json(await db.enquiry.create(req.body)));
app.post("/api/record_view", async (req, res) => res.json(await analytics.record(req.body)));`,
    },
    {
      name: "express: a sign-up creates in the users collection, public on purpose",
      filename: files.ts,
      code: `import express from "express";
const app = express();
app.post("/users", async (req, res) => res.status(201).json(await users.create(req.body)));
app.post("/api/v1/accounts", async (req, res) => res.status(201).json(await accounts.create(req.body)));
app.post("/api/user/create", async (req, res) => res.status(201).json(await users.create(req.body)));`,
    },
    {
      name: "nest: a read of tags",
      filename: files.nest,
      code: `import { Controller, Get } from "@nestjs/common";
@Controller("tags")
export class TagsController {
  @Get()
  findAll() {
    return this.tags.findAll();
  }
}`,
    },
    {
      name: "next app router: a share link's read",
      filename: "app/api/share/[slug]/route.ts",
      code: `export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return Response.json(await shares.find((await params).slug));
}`,
    },
  ],
  invalid: [
    {
      name: "express: a delete and an update change data; account data is read by path; the catalogue's read, beside a protected create, is not reported",
      filename: files.ts,
      code: ARTISTS_APP,
      output: null,
      errors: [
        missing("DELETE /api/artists/:id", "express", {
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 30,
          suggestions: suggestion("addMiddleware", "requireAdmin", withAdmin('app.delete("/api/artists/:id", ')),
        }),
        missing("PUT /api/artists/:id", "express", {
          line: 6,
          suggestions: suggestion("addMiddleware", "requireAdmin", withAdmin('app.put("/api/artists/:id", ')),
        }),
        missing("GET /api/settings", "express", {
          line: 7,
          suggestions: suggestion("addMiddleware", "requireAdmin", withAdmin('app.get("/api/settings", ')),
        }),
        missing("GET /api/orderInfos", "express", {
          line: 8,
          suggestions: suggestion("addMiddleware", "requireAdmin", withAdmin('app.get("/api/orderInfos", ')),
        }),
        missing("POST /api/admin/users", "express", {
          line: 9,
          suggestions: suggestion("addMiddleware", "requireAdmin", withAdmin('app.post("/api/admin/users", ')),
        }),
      ],
    },
    {
      name: "express: a file that protects none of its routes and lets anyone delete: its creates too, not its read or its sign-up",
      filename: files.ts,
      code: `import express from "express";
const app = express();
app.get("/classrooms", async (_req, res) => res.json(await db.classroom.findMany()));
app.post("/classrooms", async (req, res) => res.status(201).json(await db.classroom.create(req.body)));
app.delete("/classrooms/:id", async (req, res) => res.json(await db.classroom.delete(req.params.id)));
app.post("/users", async (req, res) => res.status(201).json(await users.create(req.body)));`,
      output: null,
      errors: [
        missing("POST /classrooms", "express", { line: 4, suggestions: [] }),
        missing("DELETE /classrooms/:id", "express", { line: 5, suggestions: [] }),
      ],
    },
    {
      name: "fastify: a patch",
      filename: files.ts,
      code: `import Fastify from "fastify";
const fastify = Fastify();
fastify.patch("/classrooms/:id", async (request) => classrooms.update(request.params, request.body));`,
      output: null,
      errors: [missing("PATCH /classrooms/:id", "fastify", { line: 3, suggestions: [] })],
    },
    {
      name: "hono: a user read by id",
      filename: files.ts,
      code: `import { Hono } from "hono";
const app = new Hono();
app.get("/api/v1/user/:id", async (c) => c.json(await users.find(c.req.param("id"))));`,
      output: null,
      errors: [missing("GET /api/v1/user/:id", "hono", { line: 3, suggestions: [] })],
    },
    {
      name: "koa: the caller's own record, `/me`",
      filename: files.ts,
      code: `import Router from "@koa/router";
const router = new Router();
router.get("/me", async (ctx) => { ctx.body = await users.find(ctx.query.id); });`,
      output: null,
      errors: [missing("GET /me", "koa", { line: 3, suggestions: [] })],
    },
    {
      name: "next app router: a team's data, named by the file's path",
      filename: "app/api/teams/[teamId]/documents/status/route.ts",
      code: `export async function GET(request: Request, { params }: { params: Promise<{ teamId: string }> }) {
  return Response.json(await documents.status((await params).teamId));
}`,
      output: null,
      errors: [missing("GET /api/teams/:teamId/documents/status", "next", { line: 1, suggestions: [] })],
    },
    {
      name: "next pages api: the methods come from `[...].includes(req.method)` before a 405",
      filename: "pages/api/form/[id].js",
      code: `export default async function handler(req, res) {
  if (["GET", "DELETE"].includes(req.method)) {
    res.status(200).json(req.method === "DELETE" ? await forms.remove(req.query) : await forms.find(req.query));
  } else {
    res.status(405).json({ message: "Method not allowed" });
  }
}`,
      output: null,
      errors: [missing("GET|DELETE /api/form/:id", "next", { line: 1, suggestions: [] })],
    },
    {
      name: "nest: a delete in a controller with no guard",
      filename: files.nest,
      code: `import { Controller, Delete, Param } from "@nestjs/common";
@Controller("articles")
export class ArticlesController {
  @Delete(":slug")
  remove(@Param("slug") slug: string) {
    return this.articles.remove(slug);
  }
}`,
      output: null,
      errors: [missing("DELETE /articles/:slug", "nest", { line: 4, suggestions: [] })],
    },
  ],
});

const nextAuth =
  "export async function auth(..._args: unknown[]): Promise<{ user: { id: string } } | null> {\n  return null;\n}\n";

/**
 * Applies every report's suggestion, one by one: no pass may offer an autofix, and the result parses,
 * type-checks where the input did and re-lints clean.
 */
function suggestAndCheck(
  code: string,
  options: { filename: string; settings: Record<string, unknown> },
  modules: Record<string, string>,
) {
  const result = lintWithSuggestions("require-route-auth", code, { ...options, options: ALL_ROUTES });
  expect(result.autofixes).toEqual([]);
  expect(result.fatal).toEqual([]);
  expect(result.remaining).toEqual([]);
  const name = options.filename.split("/").at(-1)!;
  expect(getTypeErrors({ [name]: code, ...modules })).toEqual([]);
  expect(getTypeErrors({ [name]: result.output, ...modules })).toEqual([]);
  return result.output;
}

describe("require-route-auth suggestions are safe to apply, and nothing is applied on save", () => {
  it("express: the suggested middleware type-checks and re-lints clean", () => {
    const code = `import express from "express";
const app = express();
app.get("/users", (_req, res) => {
  res.json([]);
});
app.post("/users", express.json(), (req, res) => {
  res.status(201).json(req.body);
});
export default app;
`;
    const output = suggestAndCheck(
      code,
      { filename: "src/server.ts", settings: middlewareSettings },
      { "auth.ts": expressAuth },
    );
    expect(output).toContain('app.post("/users", requireAuth, express.json(), (req, res) => {');
  });

  it("fastify: onRequest in new, merged and route() options type-checks", () => {
    const code = `import Fastify from "fastify";
const fastify = Fastify();
fastify.get("/a", async (request) => request.query);
fastify.get("/b", { schema: { querystring: { type: "object" } } }, async (request) => request.query);
fastify.route({ method: "DELETE", url: "/c/:id", handler: async (request) => request.params });
export default fastify;
`;
    const output = suggestAndCheck(
      code,
      { filename: "src/server.ts", settings: middlewareSettings },
      { "auth.ts": fastifyAuth },
    );
    expect(output).toContain('fastify.route({ onRequest: [requireAuth], method: "DELETE"');
  });

  it("hono: the suggested middleware type-checks", () => {
    const code = `import { Hono } from "hono";
const app = new Hono();
app.get("/notes", (c) => c.json(c.req.query()));
export default app;
`;
    suggestAndCheck(code, { filename: "src/server.ts", settings: middlewareSettings }, { "auth.ts": honoAuth });
  });

  it("koa router: the suggested middleware type-checks", () => {
    const code = `import Router from "@koa/router";
const router = new Router();
router.get("/me", async (ctx) => {
  ctx.body = ctx.params;
});
export default router;
`;
    suggestAndCheck(code, { filename: "src/server.ts", settings: middlewareSettings }, { "auth.ts": koaAuth });
  });

  it("nest: @UseGuards(JwtAuthGuard) and its imports type-check", () => {
    const code = `import { Controller, Get, Post } from "@nestjs/common";

@Controller("users")
export class UsersController {
  private readonly users: string[] = [];

  @Get()
  findAll() {
    return this.users;
  }

  @Post()
  create() {
    return this.users.length;
  }
}
`;
    suggestAndCheck(
      code,
      { filename: "src/users.controller.ts", settings: guardSettings },
      { "jwt-auth.guard.ts": nestGuard },
    );
  });

  it("next app router: the session check type-checks, also in an expression-bodied arrow", () => {
    // `next/server.js`: the type-check harness resolves like Node (NodeNext), not like Next's bundler.
    const code = `import { NextResponse } from "next/server.js";

export async function GET(request: Request) {
  return NextResponse.json({ url: request.url });
}

export const POST = async (request: Request) => NextResponse.json(await request.json(), { status: 201 });
`;
    suggestAndCheck(code, { filename: "app/api/notes/route.ts", settings: sessionSettings }, { "auth.ts": nextAuth });
  });

  it("next pages api: the session check type-checks with a typed response", () => {
    const code = `import type { NextApiRequest, NextApiResponse } from "next";

type Data = { id: string };

export default async function handler(req: NextApiRequest, res: NextApiResponse<Data>): Promise<void> {
  res.status(200).json({ id: String(req.query.id) });
}
`;
    suggestAndCheck(code, { filename: "pages/api/users.ts", settings: sessionSettings }, { "auth.ts": nextAuth });
  });

  it("fix on save leaves the file as it is, even with settings.harden.auth.middleware", () => {
    const code =
      'import { Router } from "express";\nconst router = Router();\nrouter.get("/", (req, res) => res.json(req.query));\nexport default router;\n';
    const result = lintWithFix("require-route-auth", code, {
      filename: "src/routes/todos.ts",
      settings: middlewareSettings,
      options: ALL_ROUTES,
    });
    expect(result.output).toBe(code);
    expect(result.remaining.map((m) => [m.messageId, m.suggestions?.map((s) => s.messageId)])).toEqual([
      ["missingAuth", ["addMiddleware"]],
    ]);
  });

  it("leaves nothing to report in a file where every route is protected or public", () => {
    const result = lintWithFix(
      "require-route-auth",
      'import express from "express";\nconst app = express();\napp.get("/health", (_req, res) => res.send("ok"));\napp.get("/me", requireAuth, (_req, res) => res.json(req.query));\n',
      { settings: middlewareSettings },
    );
    expect(result.remaining).toEqual([]);
  });
});
