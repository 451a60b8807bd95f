import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";

import { getDeclaredRoutes, getRouteRegistration } from "../../src/frameworks/index.js";
import { getAuthVocabulary, getNameParts } from "../../src/frameworks/get-auth-vocabulary.js";
import { getModuleAuthBindings } from "../../src/frameworks/get-module-auth-bindings.js";
import { getRouteAuth, isNestPathCovered } from "../../src/frameworks/get-route-auth.js";
import { getAuthNameInfo, getNameWords, isAnonymousName, isAuthName } from "../../src/frameworks/is-auth-name.js";
import { isAuthenticatingFunction } from "../../src/frameworks/is-authenticating-function.js";
import { isConstantHandler } from "../../src/frameworks/is-constant-handler.js";
import { isRoutePathComplete } from "../../src/frameworks/is-route-path-complete.js";
import type { RouteRegistration, RuleContext } from "../../src/frameworks/types.js";
import type { HardenSettings } from "../../src/utils/settings.js";
import { probeModel } from "../utils/probe-model.js";

function routesOf(code: string, filename = "src/server.ts"): { context: RuleContext; route: RouteRegistration }[] {
  const found: { context: RuleContext; route: RouteRegistration }[] = [];
  probeModel(
    code,
    (context) => ({
      CallExpression(node) {
        const route = getRouteRegistration(context, node);
        if (route) found.push({ context, route });
      },
      "Program:exit"() {
        for (const route of getDeclaredRoutes(context)) found.push({ context, route });
      },
    }),
    filename,
  );
  return found;
}

/** `METHOD path → status:via:text` for every route of `code`. */
function authOf(code: string, filename = "src/server.ts", settings: HardenSettings = {}): string[] {
  const vocabulary = getAuthVocabulary(settings);
  return routesOf(code, filename).map(({ context, route }) => {
    const auth = getRouteAuth(context, route, vocabulary);
    const text = auth ? context.sourceCode.getText(auth.node).split("\n")[0]!.slice(0, 40) : "";
    return `${route.methods.join("|")} ${route.fullPath} → ${auth ? `${auth.status}:${auth.via}:${text}` : "open"}`;
  });
}

describe("isAuthName / getAuthNameInfo: the word lists", () => {
  it("splits names into words, joining `logged in`, `sign in`, `api key`", () => {
    expect(getNameWords("ensureLoggedIn")).toEqual(["ensure", "logged", "in", "loggedin"]);
    expect(getNameWords("JWTAuthGuard")).toEqual(["jwt", "auth", "guard"]);
    expect(getNameWords("verifyJWT")).toEqual(["verify", "jwt"]);
    expect(getNameWords("x-api-key")).toEqual(["x", "api", "key", "apikey"]);
  });

  it("recognises auth middleware, guards and checks by their words", () => {
    const names = [
      "requireAuth",
      "isAuthenticated",
      "ensureLoggedIn",
      "verifyToken",
      "verifyJWT",
      "authenticateToken",
      "JwtAuthGuard",
      "RolesGuard",
      "protect",
      "protectRoute",
      "restrictTo",
      "adminOnly",
      "isAdmin",
      "requireRole",
      "checkPermission",
      "requireApiKey",
      "requireSignin",
      "loginRequired",
      "bearerAuth",
      "basicAuth",
      "expressjwt",
      "verifySession",
      "withAuth",
      "hasScopes",
      "RequireRole",
    ];
    expect(names.filter((name) => !isAuthName(name))).toEqual([]);
  });

  it("does not take rate limiters, callbacks, routers, CSRF, sessions or optional auth for auth", () => {
    const names = [
      "authLimiter",
      "loginLimiter",
      "oauthCallback",
      "authCallback",
      "authRouter",
      "authRoutes",
      "authController",
      "csrfProtection",
      "session",
      "cookieParser",
      "optionalAuth",
      "checkUser",
      "loadUser",
      "refreshToken",
      "generateToken",
      "ThrottlerGuard",
      "guestOnly",
      "helmet",
      "Roles",
    ];
    expect(names.filter((name) => isAuthName(name))).toEqual([]);
  });

  it("reads names that say anonymous callers are let in on purpose, and not names that merely deny", () => {
    const anonymous = [
      "publicRouter",
      "unprotectedRouter",
      "unauthedMiddleware",
      "unAuthenticatedRoutes",
      "anonymousOnly",
    ];
    expect(anonymous.filter((name) => !isAnonymousName(name))).toEqual([]);
    expect(anonymous.filter((name) => !getAuthNameInfo([name]).optional)).toEqual([]);
    const other = ["unauthorizedHandler", "requireAuth", "isAuthenticated", "publish", "apiRouter", "verifyPublicKey"];
    expect(other.filter((name) => isAnonymousName(name))).toEqual([]);
  });

  it("judges member paths by their last part, and by the object unless the last part vetoes it", () => {
    expect(getAuthNameInfo(["passport", "authenticate"])).toEqual({
      auth: true,
      enforcing: true,
      vetoed: false,
      optional: false,
    });
    expect(getAuthNameInfo(["auth", "required"])).toEqual({
      auth: true,
      enforcing: true,
      vetoed: false,
      optional: false,
    });
    expect(getAuthNameInfo(["jwt", "verify"])).toEqual({ auth: true, enforcing: true, vetoed: false, optional: false });
    expect(getAuthNameInfo(["jwt", "sign"])).toEqual({ auth: true, enforcing: false, vetoed: false, optional: false });
    expect(getAuthNameInfo(["auth", "optional"])).toEqual({
      auth: false,
      enforcing: false,
      vetoed: true,
      optional: true,
    });
    expect(getAuthNameInfo(["passport", "session"])).toEqual({
      auth: false,
      enforcing: false,
      vetoed: false,
      optional: false,
    });
    expect(getAuthNameInfo(["authController", "login"])).toEqual({
      auth: false,
      enforcing: false,
      vetoed: false,
      optional: false,
    });
  });

  it("reads name parts through calls and `new`", () => {
    const parts: (string[] | undefined)[] = [];
    probeModel(
      `admin.auth().verifyIdToken(t); new JwtAuthGuard(); passport.authenticate("jwt")(req, res, next);`,
      () => ({
        "ExpressionStatement > *"(node: TSESTree.Node) {
          parts.push(getNameParts(node));
        },
      }),
    );
    expect(parts).toEqual([["admin", "auth", "verifyIdToken"], ["JwtAuthGuard"], ["passport", "authenticate"]]);
  });
});

describe("getRouteAuth: Express / Koa / Hono / Fastify", () => {
  it("finds auth in the chain, in earlier use(), in a mount, and by what an inline middleware does", () => {
    expect(
      authOf(`
        import express from "express";
        const app = express();
        app.get("/a", passport.authenticate("jwt", { session: false }), (req, res) => res.json(req.user));
        app.get("/b", (req, res, next) => { if (!req.headers.authorization) return res.sendStatus(401); next(); }, (req, res) => res.json(req.query));
        app.get("/c", authLimiter, (req, res) => res.json(req.query));
        app.use("/admin", requireAdmin);
        app.get("/admin/x", (req, res) => res.json(req.query));
        app.get("/d", auth.optional, (req, res) => res.json(req.query));
        app.get("/e", publicRoute((req, res) => res.json(req.query)));
        app.get("/f", (req, res) => { if (!req.session.user) return res.redirect("/login"); res.render("f"); });
      `),
    ).toEqual([
      'GET /a → protected:middleware:passport.authenticate("jwt", { session: ',
      "GET /b → protected:middleware:(req, res, next) => { if (!req.headers.a",
      "GET /c → open",
      "GET /admin/x → protected:middleware:requireAdmin",
      "GET /d → public:marker:auth.optional",
      "GET /e → public:marker:publicRoute((req, res) => res.json(req.q",
      "GET /f → protected:handler:(req, res) => { if (!req.session.user) r",
    ]);
  });

  it("does not take a handler of an auth controller for auth, but a handler that is auth itself", () => {
    expect(
      authOf(`
        import { Router } from "express";
        const router = Router();
        router.post("/password", auth.changePassword);
        router.get("/google", passport.authenticate("google"));
      `),
    ).toEqual(["POST /password → open", 'GET /google → protected:handler:passport.authenticate("google")']);
  });

  it("uses settings.harden.auth names and public markers", () => {
    expect(
      authOf(
        `
        import express from "express";
        const app = express();
        app.get("/a", gatekeeper, (req, res) => res.json(req.query));
        app.get("/b", acme.check(), (req, res) => res.json(req.query));
        app.get("/c", openRoute, (req, res) => res.json(req.query));
      `,
        "src/server.ts",
        { auth: { names: ["gatekeeper", "acme.check"], publicMarkers: ["openRoute"] } },
      ),
    ).toEqual([
      "GET /a → protected:middleware:gatekeeper",
      "GET /b → protected:middleware:acme.check()",
      "GET /c → public:marker:openRoute",
    ]);
  });

  it("Fastify: hooks in options, plugin-scope addHook, and config.public", () => {
    expect(
      authOf(`
        import Fastify from "fastify";
        const app = Fastify();
        app.get("/a", { preHandler: app.auth([app.verifyJWT]) }, async (request) => request.user);
        app.get("/b", { config: { public: true } }, async (request) => request.query);
        app.register(async (child) => {
          child.get("/c", async (request) => request.user);
          child.addHook("onRequest", async (request) => { await request.jwtVerify(); });
        });
        app.get("/d", async (request) => request.query);
      `),
    ).toEqual([
      "GET /a → protected:middleware:app.auth([app.verifyJWT])",
      "GET /b → public:marker:public: true",
      "GET /c → protected:middleware:async (request) => { await request.jwtVe",
      "GET /d → open",
    ]);
  });
});

describe("getRouteAuth: Next.js and NestJS", () => {
  it("Next.js: a session check that rejects, a wrapper, and a session read that does not reject", () => {
    expect(
      authOf(
        `
        import { auth } from "@/auth";
        export async function GET() { const s = await auth(); if (!s) return new Response("no", { status: 401 }); return Response.json(s); }
        export const POST = withAuth(async () => Response.json({}));
        export async function PUT() { const s = await auth(); return Response.json(s); }
      `,
        "app/api/x/route.ts",
      ),
    ).toEqual([
      "GET /api/x → protected:handler:async function GET() { const s = await a",
      "POST /api/x → protected:handler:withAuth(async () => Response.json({}))",
      "PUT /api/x → open",
    ]);
  });

  it("NestJS: guards on method and class, throttler guards, @Public and SetMetadata, swagger decorators", () => {
    expect(
      authOf(
        `
        import { Controller, Get, UseGuards, SetMetadata } from "@nestjs/common";
        @Controller("a")
        export class A {
          @UseGuards(JwtAuthGuard) @Get("1") one() { return this.s.one(); }
          @UseGuards(ThrottlerGuard) @Get("2") two() { return this.s.two(); }
          @Public() @Get("3") three() { return this.s.three(); }
          @SetMetadata(IS_PUBLIC_KEY, true) @Get("4") four() { return this.s.four(); }
          @ApiBearerAuth() @Get("5") five() { return this.s.five(); }
        }
        @UseGuards(AuthGuard("jwt"))
        @Controller("b")
        export class B { @Get() list() { return this.s.list(); } @Public() @Get("open") open() { return this.s.open(); } }
      `,
        "src/a.controller.ts",
      ),
    ).toEqual([
      "GET /a/1 → protected:guard:@UseGuards(JwtAuthGuard)",
      "GET /a/2 → open",
      "GET /a/3 → public:marker:@Public()",
      "GET /a/4 → public:marker:@SetMetadata(IS_PUBLIC_KEY, true)",
      "GET /a/5 → open",
      'GET /b → protected:guard:@UseGuards(AuthGuard("jwt"))',
      "GET /b/open → public:marker:@Public()",
    ]);
  });
});

describe("isAuthenticatingFunction", () => {
  function check(code: string): boolean[] {
    const results: boolean[] = [];
    const vocabulary = getAuthVocabulary({});
    probeModel(code, (context) => ({
      "Program > ExpressionStatement > ArrowFunctionExpression"(node: TSESTree.ArrowFunctionExpression) {
        results.push(isAuthenticatingFunction(context, node, vocabulary));
      },
    }));
    return results;
  }

  it("needs an enforcing call, or a credential read together with a denial", () => {
    expect(
      check(`
        (async (request) => { await request.jwtVerify(); });
        ((req, res, next) => jwt.verify(req.cookies.token, secret, (err) => err ? res.sendStatus(403) : next()));
        ((req, res, next) => { if (req.get("x-api-key") !== key) throw new UnauthorizedError(); next(); });
        ((ctx, next) => { ctx.assert(ctx.state.user, 401); return next(); });
        (async () => { const user = await currentUser(); if (!user) redirect("/sign-in"); });
        ((req, res) => { const sig = req.headers["stripe-signature"]; stripe.webhooks.constructEvent(req.body, sig, secret); });
        ((req, res) => res.json(req.user));
        ((req, res) => res.status(403).json({ error: "read only" }));
        (async () => { const token = jwt.sign({ id: 1 }, secret); return token; });
      `),
    ).toEqual([true, true, true, true, true, true, false, false, false]);
  });

  it("reads past its text gate for auth names written apart and for the project's own names", () => {
    expect(
      check(`
        ((req, res, next) => { if (!is_logged_in(req)) return res.sendStatus(401); next(); });
        ((req, res, next) => { if (!check_api_key(req)) return res.sendStatus(401); next(); });
        ((req, res, next) => (sign_in_required(req) ? next() : res.sendStatus(401)));
        ((req, res, next) => (gatekeeper(req) ? next() : res.sendStatus(401)));
        ((req, res) => res.send("hi"));
      `),
    ).toEqual([true, true, true, false, false]);
    const vocabulary = getAuthVocabulary({ auth: { names: ["gatekeeper"] } });
    const results: boolean[] = [];
    probeModel("((req, res, next) => (gatekeeper(req) ? next() : res.sendStatus(401)));", (context) => ({
      ArrowFunctionExpression(node) {
        results.push(isAuthenticatingFunction(context, node, vocabulary));
      },
    }));
    expect(results).toEqual([true]);
  });
});

describe("getModuleAuthBindings", () => {
  it("lists project auth middleware, guards and session checks, not packages' factories", () => {
    let found: unknown[] = [];
    probeModel(
      `
        import { requireAuth, requireRole } from "./middleware/auth";
        import { JwtAuthGuard } from "../auth/jwt-auth.guard";
        import { auth } from "@/auth";
        import jwt from "jsonwebtoken";
        import { auth as oidc } from "express-openid-connect";
        const { protect } = require("../controllers/authController");
        const verifyToken = (req, res, next) => next();
        const passportJwt = require("passport-jwt");
      `,
      (context) => ({
        "Program:exit"() {
          found = getModuleAuthBindings(context, getAuthVocabulary({}));
        },
      }),
    );
    expect(found).toEqual([
      { name: "requireAuth", kind: "middleware", source: "./middleware/auth" },
      { name: "JwtAuthGuard", kind: "guard", source: "../auth/jwt-auth.guard" },
      { name: "auth", kind: "session-check", source: "@/auth" },
      { name: "protect", kind: "middleware", source: "../controllers/authController" },
      { name: "verifyToken", kind: "middleware", source: undefined },
    ]);
  });
});

describe("isConstantHandler and isRoutePathComplete", () => {
  it("constant answers, also of stubs that read the request and ignore it; not handlers that use it or call anything", () => {
    const results = routesOf(`
      import express from "express";
      const app = express();
      app.get("/a", (req, res) => res.send("Hello World!"));
      app.get("/b", (req, res) => { res.status(204).end(); });
      app.get("/c", (req, res) => res.redirect("/login"));
      app.get("/d", (req, res) => res.json(req.query));
      app.get("/e", (req, res) => res.json(listUsers()));
      app.get("/f", asyncHandler(async (req, res) => res.send("x")));
      app.post("/g", async (req, res) => {
        try {
          const { message } = req.body;
          res.json({ success: true });
        } catch (error) {
          console.error("Error sending message:", error);
          res.status(500).json({ error: "Failed to send message" });
        }
      });
      app.post("/h", async (req, res) => { const { message } = req.body; await send(message); res.json({ ok: true }); });
      app.post("/i", async (req, res) => { const user = await req.user.save(); res.json({ ok: true }); });
    `).map(({ context, route }) => isConstantHandler(context, route));
    expect(results).toEqual([true, true, true, false, false, false, true, false, false]);
  });

  it("a path is complete when its mounts end at an app created here", () => {
    const results = routesOf(`
      import express from "express";
      import { Hono } from "hono";
      const app = express();
      const admin = express.Router();
      admin.get("/", (req, res) => res.json(req.query));
      app.use("/admin", admin);
      app.get("/", (req, res) => res.json(req.query));
      export const orphan = express.Router();
      orphan.get("/", (req, res) => res.json(req.query));
      const books = new Hono();
      books.get("/", (c) => c.json(c.req.query()));
    `).map(({ context, route }) => `${route.fullPath} ${isRoutePathComplete(context, route)}`);
    expect(results).toEqual(["/admin true", "/ true", "/ false", "/ false"]);
  });
});

describe("isNestPathCovered", () => {
  it("matches Nest route patterns: exact paths, trailing wildcards in every syntax, and catch-alls", () => {
    const covers = (pattern: string) =>
      ["/users", "/users/:id", "/articles/feed"].filter((path) => isNestPathCovered(pattern, path));
    expect(covers("users")).toEqual(["/users"]);
    expect(covers("/users/")).toEqual(["/users"]);
    expect(covers("users/*")).toEqual(["/users", "/users/:id"]);
    expect(covers("users/(.*)")).toEqual(["/users", "/users/:id"]);
    expect(covers("users/*path")).toEqual(["/users", "/users/:id"]);
    expect(covers("articles")).toEqual([]);
    for (const everything of ["*", "/*", "(.*)", "*splat", ""])
      expect(covers(everything), everything).toEqual(["/users", "/users/:id", "/articles/feed"]);
  });
});
