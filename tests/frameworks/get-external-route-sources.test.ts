import { describe, expect, it } from "vitest";

import { getExternalRouteSources, getServerStart } from "../../src/frameworks/index.js";
import { probeModel } from "../utils/probe-model.js";

/** The text of every external route source of the app each server start serves. */
function sourcesOf(code: string, filename = "src/server.ts"): string[][] {
  const found: string[][] = [];
  probeModel(
    code,
    (context) => ({
      CallExpression(node) {
        const start = getServerStart(context, node);
        if (!start?.receiver) return;
        found.push(getExternalRouteSources(context, start.receiver).map((n) => context.sourceCode.getText(n)));
      },
    }),
    filename,
  );
  return found;
}

describe("getExternalRouteSources", () => {
  it("is empty when every route is in this file, including routers of this file", () => {
    const code = [
      'import express from "express";',
      'import cors from "cors";',
      'import { requestLogger } from "./logger.js";',
      "const app = express();",
      "const api = express.Router();",
      'api.get("/users", h);',
      "app.use(cors());",
      "app.use(requestLogger);",
      "app.use(express.json());",
      'app.use("/api", api);',
      "app.listen(3000);",
    ].join("\n");
    expect(sourcesOf(code)).toEqual([[]]);
  });

  it("finds project routers mounted at a path, by router name without one, and required inline", () => {
    const code = [
      'const express = require("express");',
      'const users = require("./routes/users");',
      'const { adminRouter } = require("../admin");',
      "const app = express();",
      'app.use("/users", users);',
      "app.use(adminRouter);",
      'app.use("/v2", require("./v2"));',
      'app.use("/static", express.static("public"));',
      "app.listen(3000);",
    ].join("\n");
    expect(sourcesOf(code, "src/server.cjs")).toEqual([["users", "adminRouter", 'require("./v2")']]);
  });

  it("follows routers of this file to the project routers they mount", () => {
    const code = [
      'import express from "express";',
      'import { ordersRouter } from "@/routes/orders";',
      "const app = express();",
      "const api = express.Router();",
      'api.use("/orders", ordersRouter);',
      'app.use("/api", api);',
      "app.listen(3000);",
    ].join("\n");
    expect(sourcesOf(code)).toEqual([["ordersRouter"]]);
  });

  it("finds the app handed to a function from another file", () => {
    const code = [
      'import express from "express";',
      'import { registerRoutes } from "./routes.js";',
      'import helmet from "helmet";',
      "const app = express();",
      "registerRoutes(app);",
      'require("./legacy")(app);',
      "helmet(app);",
      "setup({ app });",
      "app.listen(3000);",
    ].join("\n");
    expect(sourcesOf(code)).toEqual([["registerRoutes(app)", 'require("./legacy")(app)']]);
  });

  it("finds Fastify plugins from other files, autoload, and plugins registered inside inline plugins", () => {
    const code = [
      'import Fastify from "fastify";',
      'import autoload from "@fastify/autoload";',
      'import cors from "@fastify/cors";',
      'import { userRoutes } from "./users.js";',
      "const app = Fastify();",
      "app.register(cors);",
      'app.register(autoload, { dir: "routes" });',
      'app.register(import("./db.js"));',
      "app.register(async (instance) => {",
      "  instance.register(userRoutes);",
      "});",
      "await app.listen({ port: 3000 });",
    ].join("\n");
    expect(sourcesOf(code)).toEqual([["autoload", 'import("./db.js")', "userRoutes"]]);
  });

  it("finds Koa routers from other files mounted through routes(), and sub-apps behind koa-mount", () => {
    const code = [
      'import Koa from "koa";',
      'import mount from "koa-mount";',
      'import router from "./router.js";',
      'import { admin } from "./admin.js";',
      "const app = new Koa();",
      "app.use(router.routes());",
      'app.use(mount("/admin", admin));',
      "app.listen(3000);",
    ].join("\n");
    expect(sourcesOf(code)).toEqual([["router.routes()", 'mount("/admin", admin)']]);
  });

  it("finds Hono sub-apps from other files", () => {
    const code = [
      'import { Hono } from "hono";',
      'import { serve } from "@hono/node-server";',
      'import { books } from "./books.js";',
      "const app = new Hono();",
      'app.route("/books", books);',
      "serve({ fetch: app.fetch, port: 3000 });",
    ].join("\n");
    expect(sourcesOf(code)).toEqual([["books"]]);
  });
});
