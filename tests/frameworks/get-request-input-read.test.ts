import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";

import {
  getNestInputParameter,
  getRequestInputBinding,
  getRequestInputRead,
  type RequestInputRead,
} from "../../src/frameworks/index.js";
import type { RuleContext } from "../../src/frameworks/types.js";
import { probeModel } from "../utils/probe-model.js";

/** Every read as `source kind text` (`text` is the read expression or the binding), plus ` async` / ` field=x`. */
function readsOf(code: string, filename = "src/server.ts"): string[] {
  const found: string[] = [];
  const describeRead = (context: RuleContext, read: RequestInputRead, extra = "") =>
    `${read.source} ${read.kind} ${context.sourceCode.getText(read.node)}${read.async ? " async" : ""}${read.field === undefined ? "" : ` field=${read.field}`}${extra} @${read.handler.framework}`;
  probeModel(
    code,
    (context) => ({
      MemberExpression(node: TSESTree.MemberExpression) {
        const read = getRequestInputRead(context, node);
        if (read) found.push(describeRead(context, read));
      },
      "ObjectPattern > Property"(node: TSESTree.Property) {
        const read = getRequestInputBinding(context, node);
        if (read) found.push(describeRead(context, read));
      },
      Decorator(node: TSESTree.Decorator) {
        const parameter = getNestInputParameter(context, node);
        if (parameter) found.push(describeRead(context, parameter.read, parameter.hasPipe ? " pipe" : ""));
      },
    }),
    filename,
  );
  return found;
}

describe("getRequestInputRead", () => {
  it("Express: body, query, params, headers of the handler's request, through casts and aliases of the request", () => {
    expect(
      readsOf(`import express from "express";
const app = express();
app.post("/a", (req, res) => {
  const input = req.body as Input;
  const r = req;
  send(req.query.page, r.params.id, req.headers["x-id"], req["body"]);
  req.body = {};
  res.json(res.body);
});
function notAHandler(req) { return req.body; }
`),
    ).toEqual([
      "body value req.body @express",
      "query value req.query @express",
      "params value r.params @express",
      "headers value req.headers @express",
      'body value req["body"] @express',
    ]);
  });

  it("Express: destructuring the request, in the parameter or in the body; error handlers are not read", () => {
    expect(
      readsOf(`import express from "express";
const app = express();
app.post("/a", ({ body, query: q }, res) => res.json(body));
app.post("/b", (req, res) => { const { body } = req; res.json(body); });
app.use((err, req, res, next) => { res.json(req.body); });
`),
    ).toEqual(["body binding body @express", "query binding q @express", "body binding body @express"]);
  });

  it("Fastify: request.body / query / params / headers", () => {
    expect(
      readsOf(`import Fastify from "fastify";
const fastify = Fastify();
fastify.post("/a", async (request, reply) => ({ a: request.body, b: request.query, c: request.params, d: request.headers }));
`),
    ).toEqual([
      "body value request.body @fastify",
      "query value request.query @fastify",
      "params value request.params @fastify",
      "headers value request.headers @fastify",
    ]);
  });

  it("Hono: the whole-object c.req methods, not single keys and not c.req.valid", () => {
    expect(
      readsOf(`import { Hono } from "hono";
const app = new Hono();
app.post("/a", async (c) => {
  const { req } = c;
  const r = c.req;
  use(await c.req.json(), await req.parseBody(), await r.formData(), c.req.query(), c.req.queries(), c.req.param(), c.req.header());
  use(c.req.query("page"), c.req.param("id"), c.req.header("x"), c.req.valid("json"), await c.req.text());
  return c.json(c.json);
});
`),
    ).toEqual([
      "body value c.req.json() async @hono",
      "body value req.parseBody() async @hono",
      "body value r.formData() async @hono",
      "query value c.req.query() @hono",
      "query value c.req.queries() @hono",
      "params value c.req.param() @hono",
      "headers value c.req.header() @hono",
    ]);
  });

  it("Koa: ctx.query / params / headers and ctx.request.body / query, also destructured; ctx.body is the response", () => {
    expect(
      readsOf(`import Koa from "koa";
const app = new Koa();
app.use(async (ctx) => {
  const { request } = ctx;
  use(ctx.query, ctx.params, ctx.headers, ctx.request.body, ctx.request.query, request.body);
  ctx.body = ctx.body;
});
app.use(async ({ query, request: { body } }) => use(query, body));
`),
    ).toEqual([
      "query value ctx.query @koa",
      "params value ctx.params @koa",
      "headers value ctx.headers @koa",
      "body value ctx.request.body @koa",
      "query value ctx.request.query @koa",
      "body value request.body @koa",
      "query binding query @koa",
      "body binding body @koa",
    ]);
  });

  it("Next.js App Router: request.json() and request.formData(); request.body is a stream there", () => {
    expect(
      readsOf(
        `export async function POST(request: Request) {
  use(await request.json(), await request.formData(), request.body, await request.text(), request.headers.get("x"));
}`,
        "app/api/users/route.ts",
      ),
    ).toEqual(["body value request.json() async @next", "body value request.formData() async @next"]);
  });

  it("Next.js Pages API: req.body and req.query like Express", () => {
    expect(
      readsOf(`export default function handler(req, res) { res.json([req.body, req.query]); }`, "pages/api/users.ts"),
    ).toEqual(["body value req.body @next", "query value req.query @next"]);
  });

  it("NestJS: @Body / @Query / @Param / @Headers parameters with their field and pipes, and @Req() req.body", () => {
    expect(
      readsOf(
        `import { Body, Controller, Headers, Param, Post, Query, Req } from "@nestjs/common";
@Controller("users")
export class UsersController {
  @Post() create(@Body() dto: CreateUserDto, @Query("page", ParseIntPipe) page: number, @Param("id") id, @Headers() headers, @Req() req) {
    return req.body;
  }
  helper(@Body() notARoute) {}
}`,
        "src/users/users.controller.ts",
      ),
    ).toEqual([
      "body binding dto: CreateUserDto @nest",
      "query binding page: number field=page pipe @nest",
      "params binding id field=id @nest",
      "headers binding headers @nest",
      "body value req.body @nest",
    ]);
  });

  it("needs the request of a handler: same names elsewhere are not input", () => {
    expect(
      readsOf(`const req = { body: 1 };
use(req.body);
export function helper(request) { return request.json(); }
`),
    ).toEqual([]);
  });
});
