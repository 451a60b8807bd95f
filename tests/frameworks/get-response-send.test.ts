import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";

import { getResponseSend, getStatusCode } from "../../src/frameworks/index.js";
import { probeModel } from "../utils/probe-model.js";

interface SendSummary {
  framework: string;
  kind: string;
  node: string;
  status: number | undefined;
  statusNode: string | undefined;
  body: string[];
  format: string;
  receiver: string | undefined;
  handler: string | undefined;
}

function sendsOf(code: string, filename = "src/server.ts"): SendSummary[] {
  const found: SendSummary[] = [];
  probeModel(
    code,
    (context) => {
      const text = (n: TSESTree.Node | undefined) => (n ? context.sourceCode.getText(n) : undefined);
      const visit = (node: TSESTree.Node) => {
        const send = getResponseSend(context, node);
        if (!send) return;
        found.push({
          framework: send.framework,
          kind: send.kind,
          node: text(send.node) ?? "",
          status: send.status,
          statusNode: text(send.statusNode),
          body: send.bodyNodes.map((b) => text(b) ?? ""),
          format: send.bodyFormat,
          receiver: send.receiver?.name,
          handler: send.handler ? `${send.handler.framework}:${send.handler.kind}` : undefined,
        });
      };
      return { CallExpression: visit, NewExpression: visit, AssignmentExpression: visit };
    },
    filename,
  );
  return found;
}

describe("getResponseSend", () => {
  it("Express: status chains, sendStatus, a status set by an earlier statement, render and end", () => {
    expect(
      sendsOf(`import express from "express";
const app = express();
app.get("/a", (req, res) => {
  res.status(500).json({ error: "x" });
  res.sendStatus(503);
  res.status(500);
  res.render("error", { message: "m" });
  res.set("X-A", "1").status(404).end();
  res.json({ ok: true });
  res.statusCode = 502;
  res.send("down");
});
app.use((err, req, res, next) => { res.status(err.status || 500).send(err.message); });
`),
    ).toEqual([
      {
        framework: "express",
        kind: "call",
        node: 'res.status(500).json({ error: "x" })',
        status: 500,
        statusNode: "500",
        body: ['{ error: "x" }'],
        format: "json",
        receiver: "res",
        handler: "express:route",
      },
      {
        framework: "express",
        kind: "call",
        node: "res.sendStatus(503)",
        status: 503,
        statusNode: "503",
        body: [],
        format: "any",
        receiver: "res",
        handler: "express:route",
      },
      {
        framework: "express",
        kind: "call",
        node: 'res.render("error", { message: "m" })',
        status: 500,
        statusNode: "500",
        body: ['{ message: "m" }'],
        format: "any",
        receiver: "res",
        handler: "express:route",
      },
      {
        framework: "express",
        kind: "call",
        node: 'res.set("X-A", "1").status(404).end()',
        status: 404,
        statusNode: "404",
        body: [],
        format: "text",
        receiver: "res",
        handler: "express:route",
      },
      // A complete response ends the search for an earlier status.
      {
        framework: "express",
        kind: "call",
        node: "res.json({ ok: true })",
        status: undefined,
        statusNode: undefined,
        body: ["{ ok: true }"],
        format: "json",
        receiver: "res",
        handler: "express:route",
      },
      {
        framework: "express",
        kind: "call",
        node: 'res.send("down")',
        status: 502,
        statusNode: "502",
        body: ['"down"'],
        format: "any",
        receiver: "res",
        handler: "express:route",
      },
      {
        framework: "express",
        kind: "call",
        node: "res.status(err.status || 500).send(err.message)",
        status: undefined,
        statusNode: "err.status || 500",
        body: ["err.message"],
        format: "any",
        receiver: "res",
        handler: "express:error-handler",
      },
    ]);
  });

  it("Express: only the handler's own response parameter counts", () => {
    expect(
      sendsOf(`import express from "express";
const app = express();
app.get("/a", async (req, res) => {
  const r = await fetch("/x");
  r.json();
  helper.status(500).json({});
});
function sendError(res, err) { res.status(500).json({ error: err.message }); }
`),
    ).toEqual([]);
  });

  it("Express 4's deprecated two-argument sends, in either order", () => {
    const sends = sendsOf(`import express from "express";
const app = express();
app.post("/a", async (req, res) => {
  res.json(500, { error: "x" });
  res.send(req.body, 400);
  res.send("hello", "world");
});
`);
    expect(sends.map(({ node, status, statusNode, body }) => ({ node, status, statusNode, body }))).toEqual([
      { node: 'res.json(500, { error: "x" })', status: 500, statusNode: "500", body: ['{ error: "x" }'] },
      { node: "res.send(req.body, 400)", status: 400, statusNode: "400", body: ["req.body"] },
      { node: 'res.send("hello", "world")', status: undefined, statusNode: undefined, body: ['"hello"'] },
    ]);
  });

  it("Express: a status earlier in an enclosing block, and named status constants", () => {
    expect(
      sendsOf(`import express from "express";
import { StatusCodes } from "http-status-codes";
const INTERNAL = 500;
const app = express();
app.get("/a", (req, res) => {
  res.status(StatusCodes.INTERNAL_SERVER_ERROR);
  if (req.query.html) { res.render("500"); }
  res.status(INTERNAL).json({});
});
`),
    ).toEqual([
      {
        framework: "express",
        kind: "call",
        node: 'res.render("500")',
        status: 500,
        statusNode: "StatusCodes.INTERNAL_SERVER_ERROR",
        body: [],
        format: "any",
        receiver: "res",
        handler: "express:route",
      },
      {
        framework: "express",
        kind: "call",
        node: "res.status(INTERNAL).json({})",
        status: 500,
        statusNode: "INTERNAL",
        body: ["{}"],
        format: "json",
        receiver: "res",
        handler: "express:route",
      },
    ]);
  });

  it("Fastify: code/status chains, a bare send and @fastify/sensible shortcuts", () => {
    expect(
      sendsOf(`import Fastify from "fastify";
const app = Fastify();
app.get("/a", async (request, reply) => {
  reply.code(500).send({ error: "x" });
  reply.status(400).header("x", "y").send();
  reply.send({ ok: true });
  reply.internalServerError("boom");
});
app.setErrorHandler((error, request, reply) => { reply.status(500).send({ error: error.message }); });
`),
    ).toEqual([
      {
        framework: "fastify",
        kind: "call",
        node: 'reply.code(500).send({ error: "x" })',
        status: 500,
        statusNode: "500",
        body: ['{ error: "x" }'],
        format: "any",
        receiver: "reply",
        handler: "fastify:route",
      },
      {
        framework: "fastify",
        kind: "call",
        node: 'reply.status(400).header("x", "y").send()',
        status: 400,
        statusNode: "400",
        body: [],
        format: "any",
        receiver: "reply",
        handler: "fastify:route",
      },
      {
        framework: "fastify",
        kind: "call",
        node: "reply.send({ ok: true })",
        status: undefined,
        statusNode: undefined,
        body: ["{ ok: true }"],
        format: "any",
        receiver: "reply",
        handler: "fastify:route",
      },
      {
        framework: "fastify",
        kind: "call",
        node: 'reply.internalServerError("boom")',
        status: 500,
        statusNode: "reply.internalServerError",
        body: ['"boom"'],
        format: "text",
        receiver: "reply",
        handler: "fastify:route",
      },
      {
        framework: "fastify",
        kind: "call",
        node: "reply.status(500).send({ error: error.message })",
        status: 500,
        statusNode: "500",
        body: ["{ error: error.message }"],
        format: "any",
        receiver: "reply",
        handler: "fastify:error-handler",
      },
    ]);
  });

  it("Hono: status argument, ResponseInit, c.status() before, onError and HTTPException", () => {
    expect(
      sendsOf(`import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
const app = new Hono();
app.get("/a", async (c) => {
  c.json({ error: "x" }, 500);
  c.text("down", { status: 503 });
  c.status(500);
  c.html("<p>oops</p>");
  c.req.json();
  throw new HTTPException(500, { message: "boom" });
});
app.onError((err, c) => c.json({ error: err.message }, 500));
`),
    ).toEqual([
      {
        framework: "hono",
        kind: "call",
        node: 'c.json({ error: "x" }, 500)',
        status: 500,
        statusNode: "500",
        body: ['{ error: "x" }'],
        format: "json",
        receiver: "c",
        handler: "hono:route",
      },
      {
        framework: "hono",
        kind: "call",
        node: 'c.text("down", { status: 503 })',
        status: 503,
        statusNode: "503",
        body: ['"down"'],
        format: "text",
        receiver: "c",
        handler: "hono:route",
      },
      {
        framework: "hono",
        kind: "call",
        node: 'c.html("<p>oops</p>")',
        status: 500,
        statusNode: "500",
        body: ['"<p>oops</p>"'],
        format: "text",
        receiver: "c",
        handler: "hono:route",
      },
      {
        framework: "hono",
        kind: "exception",
        node: 'new HTTPException(500, { message: "boom" })',
        status: 500,
        statusNode: "500",
        body: ['"boom"'],
        format: "text",
        receiver: undefined,
        handler: "hono:route",
      },
      {
        framework: "hono",
        kind: "call",
        node: "c.json({ error: err.message }, 500)",
        status: 500,
        statusNode: "500",
        body: ["{ error: err.message }"],
        format: "json",
        receiver: "c",
        handler: "hono:error-handler",
      },
    ]);
  });

  it("Koa: ctx.status with the ctx.body beside it, a lone ctx.body, ctx.throw", () => {
    expect(
      sendsOf(`import Koa from "koa";
import Router from "@koa/router";
const app = new Koa();
const router = new Router();
router.get("/a", async (ctx) => {
  ctx.status = 500;
  ctx.body = { error: "x" };
});
router.get("/b", async (ctx) => {
  ctx.body = { ok: true };
  ctx.throw(500, "boom");
  ctx.throw(400, "bad input");
});
router.get("/c", async (ctx) => { ctx.response.status = 503; });
app.use(async (ctx, next) => { try { await next(); } catch (err) { ctx.status = err.status || 500; ctx.body = err.message; } });
`),
    ).toEqual([
      {
        framework: "koa",
        kind: "assignment",
        node: "ctx.status = 500",
        status: 500,
        statusNode: "500",
        body: ['{ error: "x" }'],
        format: "any",
        receiver: "ctx",
        handler: "koa:route",
      },
      {
        framework: "koa",
        kind: "assignment",
        node: "ctx.body = { ok: true }",
        status: undefined,
        statusNode: undefined,
        body: ["{ ok: true }"],
        format: "any",
        receiver: "ctx",
        handler: "koa:route",
      },
      // Koa does not expose the message of a 5xx `ctx.throw`.
      {
        framework: "koa",
        kind: "exception",
        node: 'ctx.throw(500, "boom")',
        status: 500,
        statusNode: "500",
        body: [],
        format: "text",
        receiver: "ctx",
        handler: "koa:route",
      },
      {
        framework: "koa",
        kind: "exception",
        node: 'ctx.throw(400, "bad input")',
        status: 400,
        statusNode: "400",
        body: ['"bad input"'],
        format: "text",
        receiver: "ctx",
        handler: "koa:route",
      },
      {
        framework: "koa",
        kind: "assignment",
        node: "ctx.response.status = 503",
        status: 503,
        statusNode: "503",
        body: [],
        format: "any",
        receiver: "ctx",
        handler: "koa:route",
      },
      {
        framework: "koa",
        kind: "assignment",
        node: "ctx.status = err.status || 500",
        status: undefined,
        statusNode: "err.status || 500",
        body: ["err.message"],
        format: "any",
        receiver: "ctx",
        handler: "koa:error-handler",
      },
    ]);
  });

  it("Koa: `ctx` without Koa in the file is not a context", () => {
    expect(sendsOf(`export const f = async (ctx) => { ctx.status = 500; ctx.body = "x"; };`)).toEqual([]);
  });

  it("Next.js App Router: NextResponse.json, Response.json and new Response with and without a status", () => {
    expect(
      sendsOf(
        `import { NextResponse } from "next/server";
export async function GET(request: Request) {
  NextResponse.json({ error: "x" }, { status: 500 });
  Response.json({ ok: true });
  new Response("down", { status: 503, headers: {} });
  new NextResponse(null, init);
  return NextResponse.json({ ok: true }, { headers: {} });
}
`,
        "app/api/users/route.ts",
      ),
    ).toEqual([
      {
        framework: "next",
        kind: "response-object",
        node: 'NextResponse.json({ error: "x" }, { status: 500 })',
        status: 500,
        statusNode: "500",
        body: ['{ error: "x" }'],
        format: "json",
        receiver: undefined,
        handler: "next:route",
      },
      {
        framework: "next",
        kind: "response-object",
        node: "Response.json({ ok: true })",
        status: 200,
        statusNode: undefined,
        body: ["{ ok: true }"],
        format: "json",
        receiver: undefined,
        handler: "next:route",
      },
      {
        framework: "next",
        kind: "response-object",
        node: 'new Response("down", { status: 503, headers: {} })',
        status: 503,
        statusNode: "503",
        body: ['"down"'],
        format: "text",
        receiver: undefined,
        handler: "next:route",
      },
      {
        framework: "next",
        kind: "response-object",
        node: "new NextResponse(null, init)",
        status: undefined,
        statusNode: undefined,
        body: ["null"],
        format: "text",
        receiver: undefined,
        handler: "next:route",
      },
      {
        framework: "next",
        kind: "response-object",
        node: "NextResponse.json({ ok: true }, { headers: {} })",
        status: 200,
        statusNode: undefined,
        body: ["{ ok: true }"],
        format: "json",
        receiver: undefined,
        handler: "next:route",
      },
    ]);
  });

  it("a local class named Response is not the Web Response", () => {
    expect(
      sendsOf(`class Response {}\nexport async function GET() { return new Response(); }`, "app/x/route.ts"),
    ).toEqual([]);
  });

  it("Next.js Pages API: res.status(500).json", () => {
    expect(
      sendsOf(
        `export default async function handler(req, res) { res.status(500).json({ error: "x" }); }`,
        "pages/api/users.ts",
      ),
    ).toEqual([
      {
        framework: "next",
        kind: "call",
        node: 'res.status(500).json({ error: "x" })',
        status: 500,
        statusNode: "500",
        body: ['{ error: "x" }'],
        format: "json",
        receiver: "res",
        handler: "next:route",
      },
    ]);
  });

  it("NestJS: thrown exceptions (in a controller or a service), HttpException with HttpStatus, and @Res()", () => {
    expect(
      sendsOf(
        `import { Controller, Get, HttpException, HttpStatus, InternalServerErrorException, NotFoundException, Res } from "@nestjs/common";
@Controller("users")
export class UsersController {
  @Get() find(@Res() res) {
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ error: "x" });
    throw new HttpException("boom", HttpStatus.INTERNAL_SERVER_ERROR);
  }
}
export class UsersService {
  find() {
    const e = new InternalServerErrorException("not thrown");
    throw new NotFoundException("no user", { description: "missing" });
  }
}
`,
        "src/users/users.controller.ts",
      ),
    ).toEqual([
      {
        framework: "nest",
        kind: "call",
        node: 'res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ error: "x" })',
        status: 500,
        statusNode: "HttpStatus.INTERNAL_SERVER_ERROR",
        body: ['{ error: "x" }'],
        format: "json",
        receiver: "res",
        handler: "nest:route",
      },
      {
        framework: "nest",
        kind: "exception",
        node: 'new HttpException("boom", HttpStatus.INTERNAL_SERVER_ERROR)',
        status: 500,
        statusNode: "HttpStatus.INTERNAL_SERVER_ERROR",
        body: ['"boom"'],
        format: "any",
        receiver: undefined,
        handler: "nest:route",
      },
      {
        framework: "nest",
        kind: "exception",
        node: 'new NotFoundException("no user", { description: "missing" })',
        status: 404,
        statusNode: "NotFoundException",
        body: ['"no user"', '"missing"'],
        format: "any",
        receiver: undefined,
        handler: undefined,
      },
    ]);
  });

  it("an exception class of the same name from elsewhere is not Nest's", () => {
    expect(
      sendsOf(
        `import { NotFoundException } from "./errors";\nexport function f() { throw new NotFoundException("x"); }`,
      ),
    ).toEqual([]);
  });
});

describe("getStatusCode", () => {
  it("reads literals, enum-style constants, imported constants and local consts", () => {
    const values: (number | undefined)[] = [];
    probeModel(
      `import { INTERNAL_SERVER_ERROR } from "http-status-codes";
const FIVE = 500;
let dynamic = 500;
f(500, 99, HttpStatus.NOT_FOUND, HttpStatusCode.InternalServerError, constants.HTTP_STATUS_BAD_GATEWAY, INTERNAL_SERVER_ERROR, FIVE, dynamic, err.status || 500, 500 as const, "500");
`,
      (context) => ({
        "CallExpression[callee.name='f']"(node: TSESTree.CallExpression) {
          for (const arg of node.arguments) values.push(getStatusCode(context, arg));
        },
      }),
    );
    expect(values).toEqual([500, undefined, 404, 500, 502, 500, 500, undefined, undefined, 500, undefined]);
  });
});
