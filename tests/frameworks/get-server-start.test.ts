import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";

import { getServerStart } from "../../src/frameworks/index.js";
import { mayStartServer } from "../../src/frameworks/get-server-start.js";
import { probeModel } from "../utils/probe-model.js";

interface StartSummary {
  framework: string | undefined;
  kind: string;
  receiver: string | undefined;
  server: string | undefined;
  port: string | undefined;
  options: boolean;
}

function startsOf(code: string, filename = "src/server.ts"): StartSummary[] {
  const found: StartSummary[] = [];
  probeModel(
    code,
    (context) => ({
      CallExpression(node) {
        const start = getServerStart(context, node);
        if (!start) return;
        const text = (n: TSESTree.Node | undefined) => (n ? context.sourceCode.getText(n) : undefined);
        expect(start.call).toBe(node);
        found.push({
          framework: start.framework,
          kind: start.kind,
          receiver: start.receiver
            ? `${start.receiver.framework ?? "?"}:${start.receiver.kind}:${start.receiver.origin}`
            : undefined,
          server: text(start.server),
          port: text(start.portNode),
          options: start.optionsNode !== undefined,
        });
      },
    }),
    filename,
  );
  return found;
}

describe("getServerStart", () => {
  it("recognises an Express app's listen with a port and a callback", () => {
    expect(startsOf(`import express from "express";\nconst app = express();\napp.listen(3000, () => {});`)).toEqual([
      {
        framework: "express",
        kind: "listen",
        receiver: "express:app:created",
        server: "app",
        port: "3000",
        options: false,
      },
    ]);
  });

  it("recognises CommonJS Express and the value the listen returns", () => {
    expect(
      startsOf(
        `const express = require("express");\nconst app = express();\nconst server = app.listen(process.env.PORT);`,
        "src/server.cjs",
      ),
    ).toEqual([
      {
        framework: "express",
        kind: "listen",
        receiver: "express:app:created",
        server: "app",
        port: "process.env.PORT",
        options: false,
      },
    ]);
  });

  it("recognises a Koa app", () => {
    expect(startsOf(`import Koa from "koa";\nconst app = new Koa();\napp.listen(PORT);`)).toEqual([
      { framework: "koa", kind: "listen", receiver: "koa:app:created", server: "app", port: "PORT", options: false },
    ]);
  });

  it("recognises Fastify's options object and its legacy positional port", () => {
    expect(
      startsOf(
        `import Fastify from "fastify";\nconst fastify = Fastify();\nawait fastify.listen({ port: 8080, host: "0.0.0.0" });\nfastify.listen(3000, (err) => {});`,
      ),
    ).toEqual([
      {
        framework: "fastify",
        kind: "listen",
        receiver: "fastify:app:created",
        server: "fastify",
        port: "8080",
        options: true,
      },
      {
        framework: "fastify",
        kind: "listen",
        receiver: "fastify:app:created",
        server: "fastify",
        port: "3000",
        options: false,
      },
    ]);
  });

  it("recognises a listen without a port", () => {
    expect(
      startsOf(`import express from "express";\nconst app = express();\napp.listen();\napp.listen(() => {});`),
    ).toEqual([
      {
        framework: "express",
        kind: "listen",
        receiver: "express:app:created",
        server: "app",
        port: undefined,
        options: false,
      },
      {
        framework: "express",
        kind: "listen",
        receiver: "express:app:created",
        server: "app",
        port: undefined,
        options: false,
      },
    ]);
  });

  it("recognises @hono/node-server's serve with options and with the app alone", () => {
    const code = `import { Hono } from "hono";\nimport { serve } from "@hono/node-server";\nconst app = new Hono();\nserve({ fetch: app.fetch, port: 8787 });\nserve(app);`;
    expect(startsOf(code)).toEqual([
      {
        framework: "hono",
        kind: "serve",
        receiver: "hono:app:created",
        server: undefined,
        port: "8787",
        options: true,
      },
      {
        framework: "hono",
        kind: "serve",
        receiver: "hono:app:created",
        server: undefined,
        port: undefined,
        options: false,
      },
    ]);
  });

  it("recognises serve under another local name, but not a serve from elsewhere", () => {
    const code = `import { Hono } from "hono";\nimport { serve as start } from "@hono/node-server";\nimport { serve } from "./static";\nconst app = new Hono();\nstart({ fetch: app.fetch, port: 1 });\nserve({ port: 2 });`;
    expect(startsOf(code).map((s) => s.port)).toEqual(["1"]);
  });

  it("recognises http.createServer(app).listen and server.listen of such a server", () => {
    const code = [
      `import http from "node:http";`,
      `import express from "express";`,
      `const app = express();`,
      `http.createServer(app).listen(3000);`,
      `const server = http.createServer(app);`,
      `server.listen({ port: 4000 });`,
    ].join("\n");
    expect(startsOf(code)).toEqual([
      {
        framework: "express",
        kind: "listen",
        receiver: "express:app:created",
        server: "http.createServer(app)",
        port: "3000",
        options: false,
      },
      {
        framework: "express",
        kind: "listen",
        receiver: "express:app:created",
        server: "server",
        port: "4000",
        options: true,
      },
    ]);
  });

  it("recognises https, named createServer, require and a Koa callback", () => {
    const code = [
      `const https = require("https");`,
      `const { createServer } = require("http");`,
      `const Koa = require("koa");`,
      `const app = new Koa();`,
      `https.createServer({ key, cert }, app.callback()).listen(443);`,
      `createServer((req, res) => res.end()).listen(8080);`,
    ].join("\n");
    expect(startsOf(code, "src/server.cjs")).toEqual([
      {
        framework: "koa",
        kind: "listen",
        receiver: "koa:app:created",
        server: "https.createServer({ key, cert }, app.callback())",
        port: "443",
        options: false,
      },
      {
        framework: undefined,
        kind: "listen",
        receiver: undefined,
        server: "createServer((req, res) => res.end())",
        port: "8080",
        options: false,
      },
    ]);
  });

  it("gives the request listener of a Node server that wraps no app", () => {
    const listeners: (string | undefined)[] = [];
    probeModel(
      [
        `import http from "node:http";`,
        `import express from "express";`,
        `const app = express();`,
        `http.createServer((req, res) => res.end()).listen(1);`,
        `const server = http.createServer({ keepAliveTimeout: 1 }, handle);`,
        `server.listen(2);`,
        `http.createServer(app).listen(3);`,
        `http.createServer().listen(4);`,
      ].join("\n"),
      (context) => ({
        CallExpression(node) {
          const start = getServerStart(context, node);
          if (start) listeners.push(start.requestListener && context.sourceCode.getText(start.requestListener));
        },
      }),
    );
    expect(listeners).toEqual(["(req, res) => res.end()", "handle", undefined, undefined]);
  });

  it("recognises a Nest app from NestFactory.create", () => {
    const code = `import { NestFactory } from "@nestjs/core";\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}`;
    expect(startsOf(code)).toEqual([
      { framework: "nest", kind: "listen", receiver: undefined, server: "app", port: "3000", options: false },
    ]);
  });

  it("recognises an app imported from another file by its name", () => {
    const code = `import app from "./app";\napp.listen(3000);\nthis.server.listen(4000);`;
    expect(startsOf(code)).toEqual([
      { framework: undefined, kind: "listen", receiver: "?:unknown:name", server: "app", port: "3000", options: false },
      {
        framework: undefined,
        kind: "listen",
        receiver: "?:unknown:name",
        server: "this.server",
        port: "4000",
        options: false,
      },
    ]);
  });

  it("recognises Bun.serve and Deno.serve", () => {
    expect(
      startsOf(
        `Bun.serve({ port: 3000, fetch(req) { return new Response("ok"); } });\nDeno.serve({ port: 8000 }, handler);`,
      ),
    ).toEqual([
      { framework: undefined, kind: "serve", receiver: undefined, server: undefined, port: "3000", options: true },
      { framework: undefined, kind: "serve", receiver: undefined, server: undefined, port: "8000", options: true },
    ]);
  });

  it("does not take a socket path for a port", () => {
    expect(
      startsOf(
        `import express from "express";\nconst app = express();\napp.listen("/tmp/app.sock");\napp.listen("8080");`,
      ).map((s) => s.port),
    ).toEqual([undefined, `"8080"`]);
  });

  it("ignores listen on routers, Hono apps, emitters and unknown names", () => {
    const code = [
      `import express, { Router } from "express";`,
      `import { Hono } from "hono";`,
      `const router = Router();`,
      `router.listen(3000);`,
      `const hono = new Hono();`,
      `hono.listen(3000);`,
      `emitter.listen(3000);`,
      `socket.listen("message");`,
      `const userRouter = express.Router();`,
      `userRouter.listen(1);`,
      `listen(3000);`,
      `app["listen"](3000);`,
    ].join("\n");
    expect(startsOf(code)).toEqual([]);
  });

  it("ignores createServer from other modules and local Bun bindings", () => {
    const code = [
      `import { createServer } from "vite";`,
      `import http from "./http";`,
      `createServer().listen(5173);`,
      `http.createServer(app).listen(1);`,
      `const Bun = { serve() {} };`,
      `Bun.serve({ port: 2 });`,
    ].join("\n");
    expect(startsOf(code)).toEqual([]);
  });

  it("ignores plain calls named serve when no Hono package is imported", () => {
    expect(startsOf(`import { serve } from "./serve";\nserve({ fetch, port: 3000 });`)).toEqual([]);
  });

  it("stays linear on long names and port strings", () => {
    const long = "x".repeat(100_000);
    const code = `${long}App.listen("${"1".repeat(100_000)}x");\n${long}.listen(1);\nthis.${long}Server.listen(2);`;
    const started = performance.now();
    expect(startsOf(code).map((s) => s.port)).toEqual([undefined, "2"]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("mayStartServer: the one check the server-start rules make of a file", () => {
  /** The check, through a real ESLint context. */
  function mayStart(code: string): boolean {
    let answer: boolean | undefined;
    probeModel(code, (context) => ({ Program: () => void (answer = mayStartServer(context.sourceCode)) }));
    return answer!;
  }
  // Every shape getServerStart accepts passes the check: a file it says no to has no start.
  it.each([
    'import express from "express";\nexpress().listen(3000);',
    'import express from "express";\nconst app = express();\napp.listen?.(3000);',
    'import http from "node:http";\nhttp.createServer(handler).listen (8080);',
    'import Fastify from "fastify";\nconst app = Fastify();\nawait app.listen({ port: 3000 });',
    'import { Hono } from "hono";\nimport { serve } from "@hono/node-server";\nserve({ fetch: new Hono().fetch, port: 3000 });',
    'import { Hono } from "hono";\nimport { serve as start } from "@hono/node-server";\nstart({ fetch: new Hono().fetch, port: 3000 });',
    "Bun.serve({ port: 3000, fetch: handler });",
  ])("passes a file that starts a server: %s", (code) => {
    expect(mayStart(code)).toBe(true);
    expect(startsOf(code).length).toBeGreaterThan(0);
  });

  it.each([
    'const server = http.createServer(handler);\nserver.on("listening", onListening);',
    'emitter.addListener("data", observe);\nconst listeners = [];\npreserve(reserved);',
  ])("stops a file that cannot start one: %s", (code) => {
    expect(mayStart(code)).toBe(false);
    expect(startsOf(code)).toEqual([]);
  });
});
