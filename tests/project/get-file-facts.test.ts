import tsParser from "@typescript-eslint/parser";
import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";

import {
  describeLintedValueUse,
  type FunctionFacts,
  getFactsFromAst,
  getFileFacts,
} from "../../src/project/get-file-facts.js";

describe("getFileFacts", () => {
  it("keeps ESM imports and exports, skipping type-only ones", () => {
    const facts = getFileFacts(
      "/p/src/app.ts",
      `import express, { Router } from "express";
import type { Request } from "express";
import * as auth from "./auth.js";
import { type Foo, requireAuth as guard } from "@/middleware/auth";
export { default as users } from "./users.js";
const app = express();
export const api = Router();
export { app as server };
export default app;`,
    )!;
    expect([...facts.imports]).toEqual([
      ["express", { specifier: "express", imported: "default" }],
      ["Router", { specifier: "express", imported: "Router" }],
      ["auth", { specifier: "./auth.js", imported: "*" }],
      ["guard", { specifier: "@/middleware/auth", imported: "requireAuth" }],
    ]);
    expect([...facts.exports]).toEqual([
      ["api", "api"],
      ["server", "app"],
      ["default", "app"],
    ]);
    expect(facts.reexports).toEqual([{ exported: "users", specifier: "./users.js", imported: "default" }]);
    expect([...facts.receivers.keys()]).toEqual(["app", "api"]);
    expect(facts.specifiers).toEqual(
      expect.arrayContaining(["express", "./auth.js", "@/middleware/auth", "./users.js"]),
    );
  });

  it("keeps CommonJS requires and exports", () => {
    const facts = getFileFacts(
      "/p/src/routes/index.js",
      `const { Router } = require("express");
const todo = require("./todo");
const { requireAuth: guard } = require("../auth");
const router = Router();
module.exports = router;
module.exports.helper = guard;`,
    )!;
    expect(facts.imports.get("todo")).toEqual({ specifier: "./todo", imported: "default" });
    expect(facts.imports.get("guard")).toEqual({ specifier: "../auth", imported: "requireAuth" });
    expect(facts.receivers.has("router")).toBe(true);
    expect([...facts.exports]).toEqual([
      ["default", "router"],
      ["helper", "guard"],
    ]);
  });

  it("records use / route calls in registration order, with prefixes, routers and middleware", () => {
    const facts = getFileFacts(
      "/p/src/app.ts",
      `import Koa from "koa";
import Router from "@koa/router";
const app = new Koa();
const api = new Router({ prefix: "/api" });
api.use("/users", passport.authenticate("jwt"), users.routes());
app.use(status.routes()).use(status.allowedMethods());
this.server.route("/x", sub);`,
    )!;
    expect(facts.receivers.get("api")).toEqual({ prefix: "/api", framework: "koa" });
    expect(
      facts.calls.map((call) => [call.receiver, call.method, call.line, call.args.map((arg) => arg.kind)]),
    ).toEqual([
      ["api", "use", 5, ["path", "other", "routes"]],
      ["app", "use", 6, ["routes"]],
      ["app", "use", 6, ["allowed"]],
      ["this.server", "route", 7, ["path", "ref"]],
    ]);
    expect(facts.calls[0]!.args[1]).toEqual({
      kind: "other",
      parts: ["passport", "authenticate"],
      root: "passport",
      text: 'passport.authenticate("jwt")',
    });
  });

  it("counts a router passed where the model cannot follow it as an escape, not a mount", () => {
    const facts = getFileFacts(
      "/p/src/app.ts",
      `import users from "./users";
import posts from "./posts";
app.use("/users", users);
register(app, posts);
const all = [users];`,
    )!;
    expect(facts.escapes.get("users")).toBe(1);
    expect(facts.escapes.get("posts")).toBe(1);
  });

  const functionsCode = `export const requireAuth = (req, res, next) => { if (!req.user) return res.status(401).end(); next(); };
export const jwtMiddleware = async (ctx, next) => { ctx.state.user = decode(ctx); return next(); };
export const checkBody = (body) => { const { name } = body; return schema.parse(name); };
export const protectedHandler = withAuth(async (req, res) => res.json(await list()));
export const about = (req, res) => res.render("about", { title: "About" });
export default async function (ctx, next) { ctx.throw(403); }`;
  const functionsJudged = [
    ["*default*", { rejects: true, authenticates: false, paramCalls: [], answersConstant: false }],
    ["requireAuth", { rejects: true, authenticates: true, paramCalls: [], answersConstant: false }],
    ["jwtMiddleware", { rejects: false, authenticates: false, paramCalls: ["decode#1"], answersConstant: false }],
    ["checkBody", { rejects: false, authenticates: false, paramCalls: ["schema.parse#1"], answersConstant: false }],
    ["protectedHandler", { rejects: false, authenticates: true, paramCalls: [], answersConstant: false }],
    ["about", { rejects: false, authenticates: false, paramCalls: [], answersConstant: true }],
  ];
  const toEntries = (functions: ReadonlyMap<string, FunctionFacts>) =>
    [...functions].map(([name, { rejects, authenticates, paramCalls, answersConstant }]) => [
      name,
      { rejects, authenticates, paramCalls, answersConstant },
    ]);

  it("judges top-level functions: whether they turn a request away, authenticate it, hand their input on", () => {
    expect(toEntries(getFileFacts("/p/src/auth.ts", functionsCode)!.functions)).toEqual(functionsJudged);
  });

  it("judges the linted file's functions when asked, with the same answers", () => {
    const parsed = tsParser.parseForESLint(functionsCode, { range: true, loc: true, sourceType: "module" });
    const program = parsed.ast as unknown as TSESTree.Program;
    const facts = getFactsFromAst(program, functionsCode, parsed.visitorKeys);
    expect(toEntries(facts.functions)).toEqual(functionsJudged);
  });

  it("records where imported values are handed on, by the module of the callee", () => {
    const code = `import jwt from "jsonwebtoken";
import session from "express-session";
import { Strategy as JwtStrategy } from "passport-jwt";
import crypto from "node:crypto";
import { SECRET, KEY, TOKEN, OTHER } from "./settings.js";
export const sessions = session({ secret: SECRET as string, resave: false });
export const sign = async (sub: string) => jwt.sign({ sub }, await Promise.resolve(KEY));
export const verify = (token: string) => jwt.verify(token, KEY);
export const strategy = new JwtStrategy({ secretOrKey: TOKEN });
export const hmac = crypto.createHmac("sha256", TOKEN);
const copy = { OTHER };
export const key = OTHER;`;
    const facts = getFileFacts("/p/src/server.ts", code)!;
    expect(facts.importUses.get("SECRET")).toEqual(["express-session(0).secret"]);
    expect(facts.importUses.get("KEY")).toEqual(["*", "jsonwebtoken.verify(1)"]);
    expect(facts.importUses.get("TOKEN")).toEqual([
      "passport-jwt.Strategy(0).secretOrKey",
      "node:crypto.createHmac(1)",
    ]);
    expect(facts.importUses.get("OTHER")).toEqual(["*"]);
    // The linted file's own tree gives the same descriptions.
    const parsed = tsParser.parseForESLint(code, { range: true, loc: true, sourceType: "module" });
    const program = parsed.ast as unknown as TSESTree.Program;
    const parents = (node: TSESTree.Node, parent: TSESTree.Node | undefined) => {
      (node as { parent?: TSESTree.Node }).parent = parent;
      for (const [key, value] of Object.entries(node)) {
        if (key === "parent") continue;
        for (const child of Array.isArray(value) ? value : [value])
          if (child && typeof child === "object" && typeof child.type === "string") parents(child, node);
      }
    };
    parents(program, undefined);
    const uses = new Set<string>();
    const visit = (node: TSESTree.Node) => {
      if (node.type === "Identifier" && node.name === "TOKEN" && node.parent?.type !== "ImportSpecifier")
        uses.add(describeLintedValueUse(node, getFactsFromAst(program, code, parsed.visitorKeys).imports));
      for (const [key, value] of Object.entries(node)) {
        if (key === "parent") continue;
        for (const child of Array.isArray(value) ? value : [value])
          if (child && typeof child === "object" && typeof child.type === "string") visit(child);
      }
    };
    visit(program);
    expect([...uses]).toEqual(["passport-jwt.Strategy(0).secretOrKey", "node:crypto.createHmac(1)"]);
  });

  it("records what a registration of @fastify/autoload loads: its folder, prefix and folder prefixes", () => {
    const facts = getFileFacts(
      "/p/src/app.js",
      `const path = require("node:path");
const AutoLoad = require("@fastify/autoload");
const other = require("./other");
module.exports = async function (fastify, opts) {
  fastify.register(AutoLoad, { dir: path.join(__dirname, "routes", "v2"), options: { ...opts, prefix: "/api" } });
  fastify.register(AutoLoad, { dir: join(import.meta.url, "plugins"), dirNameRoutePrefix: false, options: Object.assign({}, opts) });
  fastify.register(AutoLoad, { dir: routesDir });
  fastify.register(other, { dir: path.join(__dirname, "x") });
};`,
    )!;
    expect(facts.calls.map((call) => call.autoload)).toEqual([
      { dir: "routes/v2", prefix: "/api", folderPrefixes: true },
      { dir: "plugins", prefix: "", folderPrefixes: false },
      undefined,
      undefined,
    ]);
  });

  it("records a Nest bootstrap's global prefix with its literal exclusions, and URI versioning", () => {
    const facts = (text: string) => getFileFacts("/p/src/main.ts", text)!;
    const bootstrap = (call: string) =>
      `import { NestFactory } from "@nestjs/core";\nconst app = await NestFactory.create(AppModule);\n${call}\n`;
    expect(facts(bootstrap("")).nestGlobalPrefix).toBeUndefined();
    expect(facts(bootstrap('app.setGlobalPrefix("api");')).nestGlobalPrefix).toEqual({ prefix: "api", exclude: [] });
    expect(
      facts(bootstrap('app.setGlobalPrefix("api/v2", { exclude: ["health", { path: "docs", method: 0 }] });'))
        .nestGlobalPrefix,
    ).toEqual({ prefix: "api/v2", exclude: ["health", "docs"] });
    expect(facts(bootstrap("app.setGlobalPrefix(config.prefix);")).nestGlobalPrefix).toBeNull();
    expect(facts(bootstrap('app.setGlobalPrefix("api", { exclude: routes });')).nestGlobalPrefix).toBeNull();
    expect(facts(bootstrap("app.enableVersioning({ type: VersioningType.URI });")).nestVersioning).toBe(true);
    expect(facts(bootstrap("")).nestVersioning).toBe(false);
  });

  it("records which imported functions are only called while a request is handled", () => {
    const facts = getFileFacts(
      "/p/src/routes.ts",
      `import { Router } from "express";
import { Controller, Post } from "@nestjs/common";
import { inRoute, inWrapped, inNext, inNest, bySignature, onLoad, passed, mixed } from "./helpers.js";
const router = Router();
router.post("/a", async (req, res) => { await inRoute(); res.end(); });
router.get("/b", asyncHandler(async (q, s) => { items.map(() => inWrapped()); s.end(); }));
export async function POST(request: Request) { return Response.json(await inNext()); }
@Controller("c")
export class C { @Post() create() { return inNest(); } }
export const update = async (req, res) => res.json(await bySignature());
onLoad();
router.use(passed);
export function start() { mixed(); }
router.get("/d", (req, res) => res.json(mixed()));`,
    )!;
    expect(Object.fromEntries(facts.requestTimeImports)).toEqual({
      Router: false,
      Controller: false,
      inRoute: true,
      inWrapped: true,
      inNext: true,
      inNest: true,
      bySignature: true,
      onLoad: false,
      passed: false,
      mixed: false,
    });
  });

  it("answers undefined for text that does not parse at all", () => {
    expect(getFileFacts("/p/src/broken.ts", "{{{{")).toBeUndefined();
  });
});
