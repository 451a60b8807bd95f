import * as espree from "espree";
import { describe, expect, it } from "vitest";

import rule from "../../src/rules/no-print-debugging.js";
import { lintWithFix } from "../utils/lint-with-fix.js";
import { createRuleTester, files } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";

const ruleTester = createRuleTester();

/** `code` without its `line`-th line (1-based): what the "remove this call" suggestion leaves. */
function withoutLine(code: string, line: number): string {
  const lines = code.split("\n");
  lines.splice(line - 1, 1);
  return lines.join("\n");
}

function removeSuggestion(code: string, line: number, method = "log") {
  return [{ messageId: "removeCall" as const, data: { method }, output: withoutLine(code, line) }];
}


const pino = { harden: { logger: { name: "logger", source: "./src/logger.js", style: "pino" } } };
const winston = { harden: { logger: { name: "logger", source: "./src/logger.js", style: "winston" } } };

const expressTemplate = [
  'import express from "express";',
  "const app = express();",
  'app.post("/orders", async (req, res) => {',
  "  console.log(`Processing order ${order.id} for ${user.email}`);",
  "  res.json(order);",
  "});",
].join("\n");

const fastifyHandler = [
  'import Fastify from "fastify";',
  "const app = Fastify();",
  'app.get("/users/:id", async (request, reply) => {',
  '  console.log("fetching user", request.params);',
  "  return {};",
  "});",
].join("\n");

const honoHandler = [
  'import { Hono } from "hono";',
  "const app = new Hono();",
  'app.get("/a", (c) => {',
  '  c.var.logger.info("in a");',
  "  console.log(c.req.path);",
  '  return c.text("a");',
  "});",
].join("\n");

const koaHandler = [
  'import Router from "@koa/router";',
  "const router = new Router();",
  'router.get("/a", async (ctx) => {',
  '  ctx.log.info("a");',
  '  console.log("body", ctx.request.body);',
  "});",
].join("\n");

const nextHandler = 'export async function POST(request: Request) {\n  const body = await request.json();\n  console.log("signup", body.email);\n  return Response.json({});\n}';

ruleTester.run("no-print-debugging", rule, {
  valid: [
    // A structured logger is the point.
    { code: 'logger.info({ orderId }, "Processing order");', filename: files.ts },
    // console.error / console.warn are for recommended's users to keep; strict flags them.
    { code: 'try { run(); } catch (err) { console.error("boot failed", err); }', filename: files.ts },
    { code: 'console.warn("deprecated option");', filename: files.ts },
    // A local binding named console is not the global console.
    { code: 'import { console } from "./fake-console.js";\nconsole.log("x");', filename: files.ts },
    { code: "function f(console) { console.log(1); }", filename: files.js },
    // Allowed methods.
    { code: "console.table(rows);", options: [{ allow: ["table"] }], filename: files.ts },
    // Not console.
    { code: 'window.console2.log("x"); myConsole.log("x");', filename: files.ts },
    { code: 'console.error("x");', options: [{ includeErrorAndWarn: false }], filename: files.ts },
    // A hashbang marks a command-line program, whose console output is its interface.
    { code: '#!/usr/bin/env node\nconsole.log("Installing dependencies...");', filename: "bin/create-app.js" },
  ],
  invalid: [
    {
      name: "Express: template literal with a settings logger (pino): values become named fields",
      code: expressTemplate,
      filename: files.ts,
      settings: pino,
      output: [
        'import express from "express";',
        'import { logger } from "./logger.js";',
        "const app = express();",
        'app.post("/orders", async (req, res) => {',
        '  logger.info({ orderId: order.id, userEmail: user.email }, "Processing order");',
        "  res.json(order);",
        "});",
      ].join("\n"),
      errors: [{ messageId: "console", data: { method: "log", logger: "`logger`" }, line: 4, column: 3, endLine: 4, endColumn: 64, suggestions: removeSuggestion(expressTemplate, 4) }],
    },
    {
      name: "winston style puts the message first",
      code: 'import { db } from "./db.js";\nconsole.log("Saved user", user.id, err);',
      filename: files.ts,
      settings: winston,
      output: 'import { db } from "./db.js";\nimport { logger } from "./logger.js";\nlogger.info("Saved user", { userId: user.id, err });',
      errors: [{ messageId: "console", data: { method: "log", logger: "`logger`" }, line: 2, column: 1, suggestions: [{ messageId: "removeCall", data: { method: "log" }, output: 'import { db } from "./db.js";\n' }] }],
    },
    {
      name: "a logger already imported is used and not imported again; debug maps to debug",
      code: 'import { logger } from "./lib/logger.js";\nconsole.debug("cache miss", key);',
      filename: files.ts,
      output: 'import { logger } from "./lib/logger.js";\nlogger.debug({ key }, "cache miss");',
      errors: [{ messageId: "console", data: { method: "debug", logger: "`logger`" }, suggestions: [{ messageId: "removeCall", data: { method: "debug" }, output: 'import { logger } from "./lib/logger.js";\n' }] }],
    },
    {
      name: "a winston logger created in the file is called in winston style",
      code: 'const winston = require("winston");\nconst logger = winston.createLogger({});\nconsole.info("started on port " + port);',
      filename: files.cjs,
      output: 'const winston = require("winston");\nconst logger = winston.createLogger({});\nlogger.info("started on port", { port });',
      errors: [{ messageId: "console", data: { method: "info", logger: "`logger`" }, suggestions: [{ messageId: "removeCall", data: { method: "info" }, output: 'const winston = require("winston");\nconst logger = winston.createLogger({});\n' }] }],
    },
    {
      name: "CommonJS file: the settings logger is required, not imported",
      code: 'const express = require("express");\nconsole.log("ready");',
      filename: files.cjs,
      settings: pino,
      output: 'const express = require("express");\nconst { logger } = require("./logger.js");\nlogger.info("ready");',
      errors: [{ messageId: "console", suggestions: [{ messageId: "removeCall", data: { method: "log" }, output: 'const express = require("express");\n' }] }],
    },
    {
      name: "Fastify: the request-scoped logger (request.log) is preferred inside a handler",
      code: fastifyHandler,
      filename: files.ts,
      settings: pino,
      output: [
        'import Fastify from "fastify";',
        "const app = Fastify();",
        'app.get("/users/:id", async (request, reply) => {',
        '  request.log.info({ requestParams: request.params }, "fetching user");',
        "  return {};",
        "});",
      ].join("\n"),
      errors: [{ messageId: "console", data: { method: "log", logger: "`request.log`" }, suggestions: removeSuggestion(fastifyHandler, 4) }],
    },
    {
      name: "Hono: c.var.logger when the handler already uses it",
      code: honoHandler,
      filename: files.ts,
      output: [
        'import { Hono } from "hono";',
        "const app = new Hono();",
        'app.get("/a", (c) => {',
        '  c.var.logger.info("in a");',
        "  c.var.logger.info({ reqPath: c.req.path });",
        '  return c.text("a");',
        "});",
      ].join("\n"),
      errors: [{ messageId: "console", data: { method: "log", logger: "`c.var.logger`" }, suggestions: removeSuggestion(honoHandler, 5) }],
    },
    {
      name: "Koa: ctx.log when the middleware already uses it",
      code: koaHandler,
      filename: files.ts,
      output: [
        'import Router from "@koa/router";',
        "const router = new Router();",
        'router.get("/a", async (ctx) => {',
        '  ctx.log.info("a");',
        '  ctx.log.info({ requestBody: ctx.request.body }, "body");',
        "});",
      ].join("\n"),
      errors: [{ messageId: "console", data: { method: "log", logger: "`ctx.log`" }, suggestions: removeSuggestion(koaHandler, 5) }],
    },
    {
      name: "Next.js route handler with a settings logger",
      code: nextHandler,
      filename: files.nextApp,
      settings: pino,
      // The root-relative settings source is written relative to app/api/users/.
      output: 'import { logger } from "../../../src/logger.js";\nexport async function POST(request: Request) {\n  const body = await request.json();\n  logger.info({ bodyEmail: body.email }, "signup");\n  return Response.json({});\n}',
      errors: [{ messageId: "console", suggestions: removeSuggestion(nextHandler, 3) }],
    },
    {
      name: "NestJS controller with no logger known: the rewrite and removal are suggestions only",
      code: [
        'import { Controller, Get } from "@nestjs/common";',
        '@Controller("cats")',
        "export class CatsController {",
        "  @Get()",
        "  findAll() {",
        '    console.log("listing cats");',
        "    return [];",
        "  }",
        "}",
      ].join("\n"),
      filename: files.nest,
      output: null,
      errors: [
        {
          messageId: "console",
          data: { method: "log", logger: "the app's structured logger" },
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: "useLogger",
              data: { call: 'logger.info("listing cats")' },
              output: [
                'import { Controller, Get } from "@nestjs/common";',
                '@Controller("cats")',
                "export class CatsController {",
                "  @Get()",
                "  findAll() {",
                '    logger.info("listing cats");',
                "    return [];",
                "  }",
                "}",
              ].join("\n"),
            },
            {
              messageId: "removeCall",
              data: { method: "log" },
              output: [
                'import { Controller, Get } from "@nestjs/common";',
                '@Controller("cats")',
                "export class CatsController {",
                "  @Get()",
                "  findAll() {",
                "    return [];",
                "  }",
                "}",
              ].join("\n"),
            },
          ],
        },
      ],
    },
    {
      name: "a function named logger is not a logger object: suggestions only",
      code: 'export const logger = (fn = console.log) => fn;\nconsole.log("x");',
      filename: files.ts,
      output: null,
      errors: [
        { messageId: "console", data: { method: "log", logger: "the app's structured logger" }, line: 1, column: 29 },
        {
          messageId: "console",
          data: { method: "log", logger: "the app's structured logger" },
          line: 2,
          suggestions: [
            { messageId: "useLogger", data: { call: 'logger.info("x")' }, output: 'export const logger = (fn = console.log) => fn;\nlogger.info("x");' },
            { messageId: "removeCall", data: { method: "log" }, output: "export const logger = (fn = console.log) => fn;\n" },
          ],
        },
      ],
    },
    {
      name: "removal keeps arguments with side effects",
      code: "console.log(counter++, save(user), user.name);",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "console",
          suggestions: [
            { messageId: "useLogger", data: { call: "logger.info({ value: counter++, save: save(user), userName: user.name })" }, output: "logger.info({ value: counter++, save: save(user), userName: user.name });" },
            { messageId: "removeCall", data: { method: "log" }, output: "counter++; save(user);" },
          ],
        },
      ],
    },
    {
      name: "an arrow body stays a valid expression",
      code: "items.forEach((item) => console.log(item));",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "console",
          suggestions: [
            { messageId: "useLogger", data: { call: "logger.info({ item })" }, output: "items.forEach((item) => logger.info({ item }));" },
            { messageId: "removeCall", data: { method: "log" }, output: "items.forEach((item) => undefined);" },
          ],
        },
      ],
    },
    {
      name: "a statement that is an if's only body becomes an empty block",
      code: "if (verbose) console.log(state);",
      filename: files.ts,
      output: null,
      errors: [
        {
          messageId: "console",
          suggestions: [
            { messageId: "useLogger", data: { call: "logger.info({ state })" }, output: "if (verbose) logger.info({ state });" },
            { messageId: "removeCall", data: { method: "log" }, output: "if (verbose) {}" },
          ],
        },
      ],
    },
    {
      name: "console.time has no log equivalent: removal only",
      code: 'console.time("query");',
      filename: files.ts,
      settings: pino,
      output: null,
      errors: [{ messageId: "console", data: { method: "time", logger: "`logger`" }, suggestions: [{ messageId: "removeCall", data: { method: "time" }, output: "" }] }],
    },
    {
      name: "strict: console.error with an Error becomes err, format specifiers are dropped",
      code: 'import { logger } from "./logger.js";\nconsole.error("Failed to charge %s:", orderId, error);',
      filename: files.ts,
      options: [{ includeErrorAndWarn: true }],
      output: 'import { logger } from "./logger.js";\nlogger.error({ orderId, err: error }, "Failed to charge");',
      errors: [{ messageId: "console", data: { method: "error", logger: "`logger`" }, suggestions: [{ messageId: "removeCall", data: { method: "error" }, output: 'import { logger } from "./logger.js";\n' }] }],
    },
    {
      name: "a console method passed as a callback is flagged without a fix",
      code: "promise.then(console.log);",
      filename: files.ts,
      output: null,
      errors: [{ messageId: "console", data: { method: "log", logger: "the app's structured logger" }, line: 1, column: 14, endColumn: 25 }],
    },
    {
      name: "computed access and spread arguments: flagged, no rewrite",
      code: 'console["log"](...args);',
      filename: files.ts,
      settings: pino,
      output: null,
      errors: [{ messageId: "console", suggestions: [{ messageId: "removeCall", data: { method: "log" }, output: "" }] }],
    },
    {
      name: "debugger is still flagged in a command-line program",
      code: "#!/usr/bin/env node\ndebugger;\nrun();",
      filename: "bin/cli.js",
      output: "#!/usr/bin/env node\nrun();",
      errors: [{ messageId: "debugger", line: 2 }],
    },
    {
      name: "debugger is removed with its line",
      code: "function f() {\n  debugger;\n  return 1;\n}",
      filename: files.js,
      output: "function f() {\n  return 1;\n}",
      errors: [{ messageId: "debugger", line: 2, column: 3, endLine: 2, endColumn: 12 }],
    },
    {
      name: "debugger as an if's only statement becomes an empty block",
      code: "if (x) debugger;",
      filename: files.js,
      output: "if (x) {}",
      errors: [{ messageId: "debugger" }],
    },
    {
      name: "semicolon-less files stay semicolon-less and ASI-safe",
      code: 'const a = 1\nconsole.log([a].length)\n;[a].forEach(run)',
      filename: files.js,
      output: null,
      errors: [
        {
          messageId: "console",
          suggestions: [
            { messageId: "useLogger", data: { call: "logger.info({ length: [a].length })" }, output: 'const a = 1\nlogger.info({ length: [a].length })\n;[a].forEach(run)' },
            { messageId: "removeCall", data: { method: "log" }, output: "const a = 1\n;[a].forEach(run)" },
          ],
        },
      ],
    },
  ],
});

/**
 * `.cjs` files as ESLint lints them by default: espree with `sourceType: "commonjs"`, where the file's
 * top-level bindings live in a function scope around the Program (as in Node's module wrapper). The
 * parser option is what ESLint hands espree; RuleTester would otherwise parse as a module.
 */
const commonjs = { parser: espree, sourceType: "commonjs", parserOptions: { sourceType: "commonjs" } } as const;
const defaultLogger = { harden: { logger: { name: "logger", source: "./src/logger.js", importKind: "default" } } };
const handler = ['app.get("/health", (req, res) => {', '  console.log("health check");', '  res.send("ok");', "});"];
const fixedHandler = handler.join("\n").replace('console.log("health check")', 'logger.info("health check")');

/** A CommonJS Express file that starts with `prelude`, and the error its console call gives. */
function cjsCase(name: string, prelude: readonly string[], fixedPrelude: readonly string[] = prelude, settings: Record<string, unknown> = pino) {
  const code = [...prelude, ...handler].join("\n");
  const line = prelude.length + 2;
  return {
    name,
    code,
    filename: files.cjs,
    languageOptions: commonjs,
    settings,
    output: [...fixedPrelude, fixedHandler].join("\n"),
    errors: [{ messageId: "console" as const, data: { method: "log", logger: "`logger`" }, line, suggestions: removeSuggestion(code, line) }],
  };
}

ruleTester.run("no-print-debugging: CommonJS files that already require the logger", rule, {
  valid: [],
  invalid: [
    cjsCase("a destructured require of the same name", ['"use strict";', 'const express = require("express");', 'const { logger } = require("../lib/logger");', "const app = express();"]),
    cjsCase("a default require of the logger module", ['const express = require("express");', 'const logger = require("./logger");', "const app = express();"], undefined, defaultLogger),
    cjsCase("a logger made on the spot", ['const express = require("express");', 'const logger = require("pino")();', "const app = express();"]),
    cjsCase("a `let` binding", ['const express = require("express");', 'let logger = require("./logger.js").logger;', "const app = express();"]),
    cjsCase("a `var` binding", ['var express = require("express");', 'var logger = require("./logger.js");', "var app = express();"], undefined, defaultLogger),
    cjsCase("the default export destructured under the name", ['const express = require("express");', 'const { default: logger } = require("./logger.js");', "const app = express();"], undefined, defaultLogger),
    cjsCase(
      "the module destructured under other names: the name is added to the pattern",
      ['const express = require("express");', 'const { child, logger: baseLogger } = require("./logger.js");', "const app = express();"],
      ['const express = require("express");', 'const { child, logger: baseLogger, logger } = require("./logger.js");', "const app = express();"],
    ),
    cjsCase(
      "the module required whole under another name: a require of the name is added",
      ['const express = require("express");', 'const log = require("./logger.js");', "const app = express();"],
      ['const express = require("express");', 'const log = require("./logger.js");', 'const { logger } = require("./logger.js");', "const app = express();"],
    ),
    cjsCase(
      "no require yet: the require goes after the directive",
      ['"use strict";', "", "const app = createApp();"],
      ['"use strict";', 'const { logger } = require("./logger.js");', "", "const app = createApp();"],
    ),
    cjsCase(
      "no require or directive: a require, not an import, on top",
      ["const app = createApp();"],
      ['const { logger } = require("./logger.js");', "const app = createApp();"],
    ),
    cjsCase(
      "the require goes after the file's requires, including those run for their effect",
      ['"use strict";', 'require("dotenv").config();', 'const express = require("express");', 'const helmet = require("helmet")();', "const app = express();"],
      ['"use strict";', 'require("dotenv").config();', 'const express = require("express");', 'const helmet = require("helmet")();', 'const { logger } = require("./logger.js");', "const app = express();"],
    ),
    {
      ...cjsCase("typescript-eslint with `globalReturn` wraps the file the same way", ['const express = require("express");', 'const { logger } = require("./logger.js");', "const app = express();"]),
      languageOptions: { parserOptions: { sourceType: "commonjs" as const, ecmaFeatures: { globalReturn: true } } },
    },
  ],
});

describe("no-print-debugging autofix is safe on save", () => {
  const express = [
    'import express from "express";',
    "const app = express();",
    'app.post("/orders", async (req, res) => {',
    "  const order = { id: 1 };",
    "  console.log(`Processing order ${order.id} for ${req.ip}`);",
    '  console.log("payload", req.body, new Error("x"));',
    "  debugger;",
    "  res.json(order);",
    "});",
    "export default app;",
  ].join("\n");
  const loggerModule = 'import pino from "pino";\nexport const logger = pino();\n';

  it("re-lints with nothing left to fix, and the output type-checks", () => {
    const result = lintWithFix("no-print-debugging", express, { settings: pino });
    expect(result.fatal).toEqual([]);
    expect(result.remainingFixable).toEqual([]);
    expect(result.remaining).toEqual([]);
    expect(result.output).toBe(
      [
        'import express from "express";',
        'import { logger } from "./logger.js";',
        "const app = express();",
        'app.post("/orders", async (req, res) => {',
        "  const order = { id: 1 };",
        '  logger.info({ orderId: order.id, reqIp: req.ip }, "Processing order");',
        '  logger.info({ reqBody: req.body, err: new Error("x") }, "payload");',
        "  res.json(order);",
        "});",
        "export default app;",
      ].join("\n"),
    );
    expect(getTypeErrors({ "server.ts": express.replace("debugger;", ""), "logger.ts": loggerModule })).toEqual([]);
    expect(getTypeErrors({ "server.ts": result.output, "logger.ts": loggerModule })).toEqual([]);
  });

  it("winston-style output type-checks against winston's types", () => {
    const code = 'import { logger } from "./logger.js";\nconst user = { id: 1 };\nconsole.log("Saved user", user.id);\n';
    const result = lintWithFix("no-print-debugging", code, { settings: winston });
    expect(result.output).toBe('import { logger } from "./logger.js";\nconst user = { id: 1 };\nlogger.info("Saved user", { userId: user.id });\n');
    expect(result.remainingFixable).toEqual([]);
    expect(getTypeErrors({ "server.ts": result.output, "logger.ts": 'import winston from "winston";\nexport const logger = winston.createLogger({});\n' })).toEqual([]);
  });

  it("never autofixes when no logger is known", () => {
    const result = lintWithFix("no-print-debugging", 'console.log("x");\n');
    expect(result.output).toBe('console.log("x");\n');
    expect(result.remaining).toHaveLength(1);
  });
});
