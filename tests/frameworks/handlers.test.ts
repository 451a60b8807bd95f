import { describe, expect, it } from "vitest";

import { findEnclosingHandler, getHandlerInfo, getParamName } from "../../src/frameworks/index.js";
import type { FunctionNode } from "../../src/frameworks/types.js";
import { probeModel } from "../utils/probe-model.js";

interface HandlerSummary {
  line: number;
  framework: string;
  kind: string;
  origin: string;
  roles: string;
  path: string | undefined;
}

function handlersOf(code: string, filename = "src/server.ts"): HandlerSummary[] {
  const found: HandlerSummary[] = [];
  const onFunction = (context: Parameters<typeof getHandlerInfo>[0]) => (node: FunctionNode) => {
    const info = getHandlerInfo(context, node);
    if (!info) return;
    const roles = (["error", "request", "response", "context", "next"] as const)
      .filter((role) => info[role])
      .map((role) => `${role}=${getParamName(info[role]) ?? "?"}`)
      .join(" ");
    found.push({
      line: node.loc.start.line,
      framework: info.framework,
      kind: info.kind,
      origin: info.origin,
      roles,
      path: info.route?.fullPath,
    });
  };
  probeModel(
    code,
    (context) => ({
      ArrowFunctionExpression: onFunction(context),
      FunctionExpression: onFunction(context),
      FunctionDeclaration: onFunction(context),
    }),
    filename,
  );
  return found;
}

describe("getHandlerInfo", () => {
  it("Express: route handler, middleware, wrapped handler, referenced function and error middleware", () => {
    expect(
      handlersOf(`import express from "express";
const app = express();
app.get("/a", (req, res, next) => next(), (req, res) => res.end());
app.post("/b", asyncHandler(async (req, res) => { res.end(); }));
app.get("/c", listUsers);
function listUsers(request, response) {}
app.use((err, req, res, next) => { res.status(500).end(); });
const unrelated = (a, b) => a + b;
`),
    ).toEqual([
      {
        line: 3,
        framework: "express",
        kind: "middleware",
        origin: "registration",
        roles: "request=req response=res next=next",
        path: "/a",
      },
      {
        line: 3,
        framework: "express",
        kind: "route",
        origin: "registration",
        roles: "request=req response=res",
        path: "/a",
      },
      {
        line: 4,
        framework: "express",
        kind: "route",
        origin: "registration",
        roles: "request=req response=res",
        path: "/b",
      },
      {
        line: 6,
        framework: "express",
        kind: "route",
        origin: "registration",
        roles: "request=request response=response",
        path: "/c",
      },
      {
        line: 7,
        framework: "express",
        kind: "error-handler",
        origin: "registration",
        roles: "error=err request=req response=res next=next",
        path: undefined,
      },
    ]);
  });

  it("Express: a wrapped handler bound to a name and registered by that name", () => {
    expect(
      handlersOf(`import { Router } from "express";
const router = Router();
const createUser = asyncHandler(async (req, res) => { res.end(); });
router.post("/users", createUser);
`),
    ).toEqual([
      {
        line: 3,
        framework: "express",
        kind: "route",
        origin: "registration",
        roles: "request=req response=res",
        path: "/users",
      },
    ]);
  });

  it("Express controllers in their own file are recognised by signature", () => {
    expect(
      handlersOf(`import type { Request, Response } from "express";
export const createUser = async (req: Request, res: Response) => { res.json({}); };
export function errorHandler(err, req, res, next) {}
export const map = (items, fn) => items.map(fn);
`),
    ).toEqual([
      {
        line: 2,
        framework: "express",
        kind: "route",
        origin: "signature",
        roles: "request=req response=res",
        path: undefined,
      },
      {
        line: 3,
        framework: "express",
        kind: "error-handler",
        origin: "signature",
        roles: "error=err request=req response=res next=next",
        path: undefined,
      },
    ]);
  });

  it("Express controller classes: methods registered in a routes file are recognised by signature", () => {
    expect(
      handlersOf(`import type { NextFunction, Request, Response } from "express";
export class UsersController {
  constructor(private readonly users: { create(input: unknown): Promise<unknown> }) {}
  async create(req: Request, res: Response) { res.status(201).json(await this.users.create(req.body)); }
  static async list(request, response) { response.json([]); }
  use(req: Request, res: Response, next: NextFunction) { next(); }
  private format(user, options) { return user; }
}
`),
    ).toEqual([
      {
        line: 4,
        framework: "express",
        kind: "route",
        origin: "signature",
        roles: "request=req response=res",
        path: undefined,
      },
      {
        line: 5,
        framework: "express",
        kind: "route",
        origin: "signature",
        roles: "request=request response=response",
        path: undefined,
      },
    ]);
  });

  it("Fastify: route handler, options handler, hook and setErrorHandler", () => {
    expect(
      handlersOf(`import Fastify from "fastify";
const app = Fastify();
app.get("/a", async (request, reply) => reply.send({}));
app.route({ method: "POST", url: "/b", preHandler: async (request) => {}, handler: async (request, reply) => ({}) });
app.addHook("onRequest", async (request, reply) => {});
app.setErrorHandler((error, request, reply) => { reply.status(500).send(); });
`),
    ).toEqual([
      {
        line: 3,
        framework: "fastify",
        kind: "route",
        origin: "registration",
        roles: "request=request response=reply",
        path: "/a",
      },
      {
        line: 4,
        framework: "fastify",
        kind: "middleware",
        origin: "registration",
        roles: "request=request",
        path: "/b",
      },
      {
        line: 4,
        framework: "fastify",
        kind: "route",
        origin: "registration",
        roles: "request=request response=reply",
        path: "/b",
      },
      {
        line: 5,
        framework: "fastify",
        kind: "middleware",
        origin: "registration",
        roles: "request=request response=reply",
        path: undefined,
      },
      {
        line: 6,
        framework: "fastify",
        kind: "error-handler",
        origin: "registration",
        roles: "error=error request=request response=reply",
        path: undefined,
      },
    ]);
  });

  it("Hono: handler, middleware and onError", () => {
    expect(
      handlersOf(`import { Hono } from "hono";
const app = new Hono();
app.use("*", async (c, next) => { await next(); });
app.get("/a", (c) => c.json({}));
app.onError((err, c) => c.json({ error: "x" }, 500));
`),
    ).toEqual([
      {
        line: 3,
        framework: "hono",
        kind: "middleware",
        origin: "registration",
        roles: "context=c next=next",
        path: undefined,
      },
      { line: 4, framework: "hono", kind: "route", origin: "registration", roles: "context=c", path: "/a" },
      {
        line: 5,
        framework: "hono",
        kind: "error-handler",
        origin: "registration",
        roles: "error=err context=c",
        path: undefined,
      },
    ]);
  });

  it("Koa: router handler, plain middleware and the try/await next() error middleware", () => {
    expect(
      handlersOf(`import Koa from "koa";
import Router from "@koa/router";
const app = new Koa();
const router = new Router();
app.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.status = 500; } });
app.use(async (ctx, next) => { await next(); });
router.get("/a", async (ctx) => { ctx.body = 1; });
`),
    ).toEqual([
      {
        line: 5,
        framework: "koa",
        kind: "error-handler",
        origin: "registration",
        roles: "context=ctx next=next",
        path: undefined,
      },
      {
        line: 6,
        framework: "koa",
        kind: "middleware",
        origin: "registration",
        roles: "context=ctx next=next",
        path: undefined,
      },
      { line: 7, framework: "koa", kind: "route", origin: "registration", roles: "context=ctx", path: "/a" },
    ]);
  });

  it("does not trust (c) or (ctx) without the framework in the file", () => {
    expect(handlersOf(`export const f = (c) => c.x; export const g = async (ctx, next) => next();`)).toEqual([]);
  });

  it("Next.js App Router and Pages API handlers", () => {
    expect(
      handlersOf(
        `export async function GET(request: Request, { params }) { return Response.json({}); }`,
        "app/users/route.ts",
      ),
    ).toEqual([
      { line: 1, framework: "next", kind: "route", origin: "registration", roles: "request=request", path: "/users" },
    ]);
    expect(handlersOf(`export default async function handler(req, res) { res.json({}); }`, "pages/api/me.ts")).toEqual([
      {
        line: 1,
        framework: "next",
        kind: "route",
        origin: "registration",
        roles: "request=req response=res",
        path: "/api/me",
      },
    ]);
  });

  it("NestJS controller methods with @Req / @Res parameters", () => {
    expect(
      handlersOf(
        `import { Controller, Get, Req, Res } from "@nestjs/common";
@Controller("cats")
export class CatsController {
  @Get() findAll(@Req() request: Request, @Res() res) {}
}
`,
        "src/cats.controller.ts",
      ),
    ).toEqual([
      {
        line: 4,
        framework: "nest",
        kind: "route",
        origin: "registration",
        roles: "request=request response=res",
        path: "/cats",
      },
    ]);
  });
});

describe("findEnclosingHandler", () => {
  it("finds the handler around a nested callback", () => {
    const found: string[] = [];
    probeModel(
      `import express from "express";
const app = express();
app.get("/a", (req, res) => { db.query().then((rows) => { res.json(rows); }).catch((e) => {}); });
const outside = () => 1;
`,
      (context) => ({
        CatchClause() {},
        ReturnStatement() {},
        "CallExpression[callee.property.name='json']"(node: Parameters<typeof findEnclosingHandler>[1]) {
          found.push(findEnclosingHandler(context, node)?.route?.path ?? "none");
        },
        "ArrowFunctionExpression[body.type='Literal']"(node: Parameters<typeof findEnclosingHandler>[1]) {
          found.push(findEnclosingHandler(context, node)?.route?.path ?? "none");
        },
      }),
    );
    expect(found).toEqual(["/a", "none"]);
  });
});
