import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import type { RuleModule } from "@typescript-eslint/utils/ts-eslint";
import { describe, expect, it } from "vitest";

import rule from "../../src/rules/no-debug-default-on.js";
import { lintWithFix } from "../utils/lint-with-fix.js";
import { createRuleTester, files, INDEX_SIGNATURE_PROJECTS } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";

const ruleTester = createRuleTester();
const ON = 'process.env.DEBUG?.toLowerCase() === "true"';

type MessageIds = typeof rule extends RuleModule<infer M, infer _O, infer _D> ? M : never;
type Options = typeof rule extends RuleModule<string, infer O, infer _D> ? O : never;

/**
 * RuleTester names JSX-enabled cases `file.tsx`, which this rule treats as code that may run in a
 * browser; the cases stand for server files unless they name another file.
 */
function serverValid(cases: readonly (string | ValidTestCase<Options>)[]): ValidTestCase<Options>[] {
  return cases.map((item) =>
    typeof item === "string" ? { code: item, filename: files.ts } : { filename: files.ts, ...item },
  );
}
function serverInvalid(cases: readonly InvalidTestCase<MessageIds, Options>[]): InvalidTestCase<MessageIds, Options>[] {
  return cases.map((item) => ({ filename: files.ts, ...item }));
}

const PRETTY =
  "pretty-prints every log line: production gets slow, coloured text instead of JSON its log platform can query";

ruleTester.run("no-debug-default-on", rule, {
  valid: serverValid([
    // Off unless explicitly on: the shapes the fix produces.
    `const debug = ${ON};`,
    'const debug = process.env.DEBUG === "true";',
    'const debug = process.env.DEBUG === "1";',
    { code: 'const DEBUG: boolean = process.env["DEBUG"] === "true";', filename: files.ts },
    // Defaults that keep debug off.
    "const debug = process.env.DEBUG || false;",
    'const debug = process.env.DEBUG ?? "false";',
    'const { DEBUG = "false" } = process.env;',
    // Comparisons that are off unless on.
    'const debug = process.env.DEBUG !== "true";',
    'const quiet = process.env.DEBUG === "false";',
    "const debug = process.env.DEBUG !== undefined;",
    // Not debug switches (deliberately not flagged, see the docs).
    'const env = process.env.NODE_ENV || "development";',
    'const dev = process.env.NODE_ENV !== "production";',
    'const level = process.env.LOG_LEVEL || "debug";',
    'const namespaces = process.env.DEBUG || "app:*";',
    "const x = process.env.DEBUGGER || true;",
    "const x = process.env.NO_DEBUGGING || true;",
    "const x = process.env[name] || true;",
    'const process = { env: { DEBUG: "" } };\nconst x = process.env.DEBUG || true;',
    "const verbose = true;",
    "const DEBUG = false;",
    // Local, not module-level, and flags the code flips later.
    "function run() {\n  const debug = true;\n  return debug;\n}",
    "let debug = true;\nexport function quiet() {\n  debug = false;\n}",
    // `debug: true` that is data, not setup.
    'app.get("/", (req, res) => res.json({ debug: true }));',
    'logger.info({ debug: true }, "state");',
    "function options() {\n  return { debug: true };\n}",
    "const debug = { value: true };",
    // Development-only sections and files.
    'module.exports = {\n  development: { client: "pg", debug: true },\n  production: { client: "pg" },\n};',
    { code: "module.exports = { debug: true };", filename: "config/development.js" },
    { code: "export const DEBUG = true;", filename: "src/config.local.ts" },
    { code: 'export const debug = process.env.DEBUG !== "false";', filename: "config/development.ts" },
    "module.exports = {\n  dev: { debug: process.env.DEBUG || true },\n};",
    // Guarded setup.
    'import mongoose from "mongoose";\nif (process.env.NODE_ENV !== "production") mongoose.set("debug", true);',
    'import mongoose from "mongoose";\nmongoose.set("debug", false);',
    'import mongoose from "mongoose";\nmongoose.set("strictQuery", true);',
    'import express from "express";\nimport errorhandler from "errorhandler";\nconst app = express();\nif (process.env.NODE_ENV === "development") {\n  app.use(errorhandler());\n}',
    'import express from "express";\nimport errorhandler from "errorhandler";\nconst app = express();\nconst dev = app.get("env") === "development";\ndev && app.use(errorhandler());',
    // A project's own error handler is not the `errorhandler` package.
    'import express from "express";\nimport { errorHandler } from "./errors";\nconst app = express();\napp.use(errorHandler);',
    // `set("debug")` on anything but mongoose.
    'import express from "express";\nconst app = express();\napp.set("debug", true);',
    // Express / Koa in production mode, or taken from the environment.
    'import express from "express";\nconst app = express();\napp.set("env", "production");',
    'import express from "express";\nconst app = express();\napp.set("env", process.env.NODE_ENV);',
    'import express from "express";\nconst router = express.Router();\nrouter.set("env", "development");',
    'import Koa from "koa";\nconst app = new Koa();\napp.env = "production";',
    'const settings = {};\nsettings.env = "development";',
    // Development log output behind a decision: a TTY check, the production mode, a development flag.
    'import Fastify from "fastify";\nfunction loggerOptions() {\n  if (process.stdout.isTTY) {\n    return { level: "info", transport: { target: "pino-pretty" } };\n  }\n  return { level: "info" };\n}\nconst app = Fastify({ logger: loggerOptions() });',
    'import pino from "pino";\nimport pretty from "pino-pretty";\nexport const logger = pino({ level: "info" }, process.env.NODE_ENV === "production" ? undefined : pretty());',
    'import { PrismaClient } from "@prisma/client";\nimport { IS_DEV } from "./env";\nexport const prisma = new PrismaClient({ log: IS_DEV ? ["query"] : [] });',
    'import { PrismaClient } from "@prisma/client";\nexport const prisma = new PrismaClient({ log: ["warn", "error"] });',
    'import { DataSource } from "typeorm";\nexport const db = new DataSource({ type: "postgres", logging: ["error"] });',
    'import { DataSource } from "typeorm";\nexport const db = new DataSource({ type: "postgres", logging: process.env.NODE_ENV !== "production" });',
    'import Database from "better-sqlite3";\nexport const db = new Database("app.db", { verbose: process.env.SQL_TRACE === "1" ? console.log : undefined });',
    'import pino from "pino";\nexport const logger = pino({ transport: { target: "pino/file", options: { destination: 1 } } });',
    'module.exports = {\n  development: { dialect: "postgres", logging: true },\n  production: { dialect: "postgres", logging: false },\n};',
    // The log level and pretty-printing as data, not setup.
    'app.get("/", (req, res) => res.json({ logging: true }));',
    // Test files are left alone.
    { code: "const DEBUG = true;", filename: "src/server.test.ts" },
    { code: "const x = process.env.DEBUG || true;", filename: "src/__tests__/helpers.ts" },
    { code: "const DEBUG = true;", filename: "test/setup.js" },
  ]),
  invalid: serverInvalid([
    {
      name: "|| true: autofix to off unless explicitly on",
      code: "const debug = process.env.DEBUG || true;",
      output: `const debug = ${ON};`,
      errors: [
        {
          messageId: "envDefaultOn",
          data: { text: "process.env.DEBUG || true", name: "DEBUG", fixed: ON },
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 40,
        },
      ],
    },
    {
      name: '?? "true" tested for truthiness only: autofix',
      code: 'const debug = process.env.DEBUG ?? "true";\nif (debug) enableDebugRoutes();\nconst x = !debug;',
      output: `const debug = ${ON};\nif (debug) enableDebugRoutes();\nconst x = !debug;`,
      errors: [{ messageId: "envDefaultOn", data: { text: 'process.env.DEBUG ?? "true"', name: "DEBUG", fixed: ON } }],
    },
    {
      name: '?? "true" in an if test: autofix',
      code: 'if (process.env.APP_DEBUG ?? "true") enableDebugRoutes();',
      output: 'if (process.env.APP_DEBUG?.toLowerCase() === "true") enableDebugRoutes();',
      errors: [{ messageId: "envDefaultOn", line: 1, column: 5 }],
    },
    {
      name: '?? "true" whose string value is compared elsewhere: suggestion only (the type would change)',
      code: 'const debug = process.env.DEBUG ?? "true";\nif (debug === "true") enableDebugRoutes();',
      output: null,
      errors: [
        {
          messageId: "envDefaultOn",
          suggestions: [
            {
              messageId: "offUnlessOn",
              data: { fixed: ON },
              output: `const debug = ${ON};\nif (debug === "true") enableDebugRoutes();`,
            },
          ],
        },
      ],
    },
    {
      name: '|| "1": a 0/1 switch compares against "1"',
      code: 'const config = { debug: process.env.DEBUG || "1" };',
      output: null,
      errors: [
        {
          messageId: "envDefaultOn",
          data: { text: 'process.env.DEBUG || "1"', name: "DEBUG", fixed: 'process.env.DEBUG === "1"' },
          suggestions: [
            {
              messageId: "offUnlessOn",
              data: { fixed: 'process.env.DEBUG === "1"' },
              output: 'const config = { debug: process.env.DEBUG === "1" };',
            },
          ],
        },
      ],
    },
    {
      name: 'the comparison is the switch: (env ?? "true") === "true"',
      code: 'const debug = (process.env.DEBUG ?? "true") === "true";',
      output: `const debug = ${ON};`,
      errors: [{ messageId: "envDefaultOn", column: 16 }],
    },
    {
      name: 'the comparison is the switch: (env || "1") !== "0"',
      code: 'const debug = (process.env.DEBUG || "1") !== "0";',
      output: 'const debug = process.env.DEBUG === "1";',
      errors: [{ messageId: "envDefaultOn" }],
    },
    {
      name: "an inverted comparison is reported without a fix",
      code: 'const quiet = (process.env.DEBUG ?? "true") === "false";',
      output: null,
      errors: [{ messageId: "envDefaultOn", data: { text: 'process.env.DEBUG ?? "true"', name: "DEBUG", fixed: ON } }],
    },
    {
      name: '!== "false"',
      code: 'const debug = process.env.DEBUG !== "false";',
      output: `const debug = ${ON};`,
      errors: [
        {
          messageId: "envNegatedOff",
          data: { text: 'process.env.DEBUG !== "false"', name: "DEBUG", off: '"false"', fixed: ON },
          line: 1,
          column: 15,
          endColumn: 44,
        },
      ],
    },
    {
      name: '|| true and !== "false" in CommonJS',
      code: 'const verbose = process.env.DEBUG || true;\nmodule.exports = { verbose, trace: process.env.DEBUG_TRACE !== "false" };',
      filename: files.cjs,
      output: `const verbose = ${ON};\nmodule.exports = { verbose, trace: process.env.DEBUG_TRACE?.toLowerCase() === "true" };`,
      errors: [
        { messageId: "envDefaultOn", line: 1 },
        { messageId: "envNegatedOff", line: 2 },
      ],
    },
    {
      name: '?? "true" in an ESM JavaScript file',
      code: 'export const debug = Boolean(process.env.DEBUG ?? "true");',
      filename: files.js,
      output: `export const debug = Boolean(${ON});`,
      errors: [{ messageId: "envDefaultOn" }],
    },
    {
      name: '!== "false" after toLowerCase keeps the original read',
      code: 'const debug = process.env.DEBUG?.toLowerCase() !== "false";',
      output: `const debug = ${ON};`,
      errors: [{ messageId: "envNegatedOff" }],
    },
    {
      name: 'yoda "0" != env, on a DEBUG_* name',
      code: 'const sql = "0" != process.env.DEBUG_SQL;',
      output: 'const sql = process.env.DEBUG_SQL === "1";',
      errors: [
        {
          messageId: "envNegatedOff",
          data: {
            text: '"0" != process.env.DEBUG_SQL',
            name: "DEBUG_SQL",
            off: '"0"',
            fixed: 'process.env.DEBUG_SQL === "1"',
          },
        },
      ],
    },
    {
      name: '!== "off" under a negation keeps its parentheses',
      code: 'const quiet = !(process.env.DEBUG !== "off");',
      output: 'const quiet = !(process.env.DEBUG?.toLowerCase() === "on");',
      errors: [{ messageId: "envNegatedOff" }],
    },
    {
      name: "import.meta.env, Bun.env and Deno.env reads keep their form",
      code: 'const a = import.meta.env.DEBUG || true;\nconst b = Bun.env.DEBUG !== "false";\nconst c = Deno.env.get("DEBUG") !== "false";',
      output:
        'const a = import.meta.env.DEBUG?.toLowerCase() === "true";\nconst b = Bun.env.DEBUG?.toLowerCase() === "true";\nconst c = Deno.env.get("DEBUG")?.toLowerCase() === "true";',
      errors: [{ messageId: "envDefaultOn" }, { messageId: "envNegatedOff" }, { messageId: "envNegatedOff" }],
    },
    {
      name: "bracket reads",
      code: 'const debug = process.env["DEBUG"] || true;',
      output: 'const debug = process.env["DEBUG"]?.toLowerCase() === "true";',
      errors: [{ messageId: "envDefaultOn" }],
    },
    {
      name: "a destructuring default is a suggestion: removing it changes the type",
      code: 'const { DEBUG = "true", PORT } = process.env;',
      output: null,
      errors: [
        {
          messageId: "envDefaultOnDestructured",
          data: { name: "DEBUG", value: '"true"' },
          column: 9,
          endColumn: 23,
          suggestions: [
            { messageId: "removeDefault", data: { value: '"true"' }, output: "const { DEBUG, PORT } = process.env;" },
          ],
        },
      ],
    },
    {
      name: "module-level const DEBUG = true (TS, ESM)",
      code: 'import express from "express";\nconst DEBUG = true;\nexport const app = express();',
      output: `import express from "express";\nconst DEBUG = ${ON};\nexport const app = express();`,
      errors: [{ messageId: "constantOn", data: { name: "DEBUG", fixed: ON }, line: 2, column: 15, endColumn: 19 }],
    },
    {
      name: "a true under a TypeScript wrapper: const DEBUG = true as boolean; { debug: true as const }",
      code: "const DEBUG = true as boolean;\nexport default { debug: true as const };",
      output: `const DEBUG = ${ON};\nexport default { debug: ${ON} };`,
      errors: [
        { messageId: "constantOn", data: { name: "DEBUG", fixed: ON }, line: 1, column: 15, endColumn: 30 },
        { messageId: "optionOn", data: { key: "debug", fixed: ON }, line: 2, column: 18, endColumn: 38 },
      ],
    },
    {
      name: "exported isDebug derives DEBUG; debugMode derives DEBUG_MODE",
      code: "export const isDebug = true;\nexport let debugMode = true;",
      output: `export const isDebug = ${ON};\nexport let debugMode = process.env.DEBUG_MODE?.toLowerCase() === "true";`,
      errors: [
        { messageId: "constantOn", data: { name: "isDebug", fixed: ON } },
        {
          messageId: "constantOn",
          data: { name: "debugMode", fixed: 'process.env.DEBUG_MODE?.toLowerCase() === "true"' },
        },
      ],
    },
    {
      name: "CommonJS var DEBUG = true",
      code: "var DEBUG = true;\nmodule.exports = { DEBUG };",
      filename: files.cjs,
      output: `var DEBUG = ${ON};\nmodule.exports = { DEBUG };`,
      errors: [{ messageId: "constantOn" }],
    },
    {
      name: "the fix follows a file that reads the environment with brackets",
      code: 'const port = process.env["PORT"];\nconst DEBUG = true;',
      output: 'const port = process.env["PORT"];\nconst DEBUG = process.env["DEBUG"]?.toLowerCase() === "true";',
      errors: [
        { messageId: "constantOn", data: { name: "DEBUG", fixed: 'process.env["DEBUG"]?.toLowerCase() === "true"' } },
      ],
    },
    {
      name: "debug: true in a client's options (knex, ESM JS)",
      code: 'import knex from "knex";\nexport const db = knex({ client: "pg", debug: true });',
      filename: files.js,
      output: `import knex from "knex";\nexport const db = knex({ client: "pg", debug: ${ON} });`,
      errors: [{ messageId: "optionOn", data: { key: "debug", fixed: ON }, line: 2, column: 40, endColumn: 51 }],
    },
    {
      name: "debug: true nested in constructor options (Apollo)",
      code: "const server = new ApolloServer({ schema, options: { debug: true } });",
      output: `const server = new ApolloServer({ schema, options: { debug: ${ON} } });`,
      errors: [{ messageId: "optionOn" }],
    },
    {
      name: "DEBUG: true in module.exports config (CJS) and export default",
      code: "module.exports = { port: 3000, DEBUG: true };",
      filename: files.cjs,
      output: `module.exports = { port: 3000, DEBUG: ${ON} };`,
      errors: [{ messageId: "optionOn", data: { key: "DEBUG", fixed: ON } }],
    },
    {
      name: "export default config with a debug mode key",
      code: "export default { debugMode: true };",
      output: 'export default { debugMode: process.env.DEBUG_MODE?.toLowerCase() === "true" };',
      errors: [
        {
          messageId: "optionOn",
          data: { key: "debugMode", fixed: 'process.env.DEBUG_MODE?.toLowerCase() === "true"' },
        },
      ],
    },
    {
      name: "module-level config object",
      code: "const config = { db: { debug: true } } as const;",
      output: `const config = { db: { debug: ${ON} } } as const;`,
      errors: [{ messageId: "optionOn" }],
    },
    {
      name: 'app.set("env", "development") (Express, ESM)',
      code: 'import express from "express";\nconst app = express();\napp.set("env", "development");',
      output:
        'import express from "express";\nconst app = express();\napp.set("env", process.env.NODE_ENV ?? "production");',
      errors: [{ messageId: "expressEnv", data: { value: '"development"' }, line: 3, column: 1, endColumn: 30 }],
    },
    {
      name: 'app.set("env", ...) (Express, CJS)',
      code: 'const express = require("express");\nconst app = express();\napp.set("env", "dev");',
      filename: files.cjs,
      output:
        'const express = require("express");\nconst app = express();\napp.set("env", process.env.NODE_ENV ?? "production");',
      errors: [{ messageId: "expressEnv", data: { value: '"dev"' } }],
    },
    {
      name: "an app imported from another file, by name",
      code: 'import app from "./app";\napp.set("env", "development");',
      output: 'import app from "./app";\napp.set("env", process.env.NODE_ENV ?? "production");',
      errors: [{ messageId: "expressEnv" }],
    },
    {
      name: 'Koa app.env = "development"',
      code: 'import Koa from "koa";\nconst app = new Koa();\napp.env = "development";',
      output: 'import Koa from "koa";\nconst app = new Koa();\napp.env = process.env.NODE_ENV ?? "production";',
      errors: [{ messageId: "koaEnv", data: { value: '"development"' } }],
    },
    {
      name: "pino-pretty as the transport of a Nest module's pino-http, unconditionally: a suggestion gates the transport",
      code: [
        'import { Module } from "@nestjs/common";',
        'import { LoggerModule } from "nestjs-pino";',
        "@Module({",
        "  imports: [",
        '    LoggerModule.forRoot({ pinoHttp: { transport: { target: "pino-pretty", options: { singleLine: true } } } }),',
        "  ],",
        "})",
        "export class AppModule {}",
      ].join("\n"),
      output: null,
      errors: [
        {
          messageId: "developmentLogging",
          data: { code: 'target: "pino-pretty"', effect: PRETTY },
          line: 5,
          column: 53,
          suggestions: [
            {
              messageId: "onlyInDevelopment",
              data: {
                fixed:
                  'process.env.NODE_ENV === "development" ? { target: "pino-pretty", options: { singleLine: true } } : undefined',
              },
              output: [
                'import { Module } from "@nestjs/common";',
                'import { LoggerModule } from "nestjs-pino";',
                "@Module({",
                "  imports: [",
                '    LoggerModule.forRoot({ pinoHttp: { transport: process.env.NODE_ENV === "development" ? { target: "pino-pretty", options: { singleLine: true } } : undefined } }),',
                "  ],",
                "})",
                "export class AppModule {}",
              ].join("\n"),
            },
          ],
        },
      ],
    },
    {
      name: "pino-pretty among pino's transport targets (Fastify logger)",
      code: 'import Fastify from "fastify";\nconst app = Fastify({ logger: { transport: { targets: [{ target: "pino-pretty" }] } } });',
      output: null,
      errors: [
        {
          messageId: "developmentLogging",
          data: { code: 'target: "pino-pretty"', effect: PRETTY },
          suggestions: [
            {
              messageId: "onlyInDevelopment",
              data: {
                fixed: 'process.env.NODE_ENV === "development" ? { targets: [{ target: "pino-pretty" }] } : undefined',
              },
              output:
                'import Fastify from "fastify";\nconst app = Fastify({ logger: { transport: process.env.NODE_ENV === "development" ? { targets: [{ target: "pino-pretty" }] } : undefined } });',
            },
          ],
        },
      ],
    },
    {
      name: "a pino-pretty stream passed straight to pino (Hono middleware)",
      code: 'import pino from "pino";\nimport pretty from "pino-pretty";\nexport const logger = pino({ level: "info" }, pretty());',
      output: null,
      errors: [
        {
          messageId: "developmentLogging",
          data: { code: "pretty()", effect: PRETTY },
          line: 3,
          column: 47,
          suggestions: [
            {
              messageId: "onlyInDevelopment",
              data: { fixed: 'process.env.NODE_ENV === "development" ? pretty() : undefined' },
              output:
                'import pino from "pino";\nimport pretty from "pino-pretty";\nexport const logger = pino({ level: "info" }, process.env.NODE_ENV === "development" ? pretty() : undefined);',
            },
          ],
        },
      ],
    },
    {
      name: "Prisma's query log, as a level and as an event",
      code: 'import { PrismaClient } from "@prisma/client";\nexport const prisma = new PrismaClient({ log: ["query", "error"] });\nexport const events = new PrismaClient({ log: [{ level: "query", emit: "event" }] });',
      output: null,
      errors: [
        {
          messageId: "developmentLogging",
          data: { code: 'log: ["query", "error"]', effect: "logs every database query" },
          line: 2,
          suggestions: [
            {
              messageId: "onlyInDevelopment",
              data: { fixed: 'process.env.NODE_ENV === "development" ? ["query", "error"] : []' },
              output:
                'import { PrismaClient } from "@prisma/client";\nexport const prisma = new PrismaClient({ log: process.env.NODE_ENV === "development" ? ["query", "error"] : [] });\nexport const events = new PrismaClient({ log: [{ level: "query", emit: "event" }] });',
            },
          ],
        },
        {
          messageId: "developmentLogging",
          data: { code: 'log: [{ level: "query", emit: "event" }]', effect: "logs every database query" },
          line: 3,
          suggestions: [
            {
              messageId: "onlyInDevelopment",
              data: { fixed: 'process.env.NODE_ENV === "development" ? [{ level: "query", emit: "event" }] : []' },
              output:
                'import { PrismaClient } from "@prisma/client";\nexport const prisma = new PrismaClient({ log: ["query", "error"] });\nexport const events = new PrismaClient({ log: process.env.NODE_ENV === "development" ? [{ level: "query", emit: "event" }] : [] });',
            },
          ],
        },
      ],
    },
    {
      name: "TypeORM logging: true in a Nest module",
      code: 'import { TypeOrmModule } from "@nestjs/typeorm";\nexport const database = TypeOrmModule.forRoot({ type: "postgres", logging: true });',
      output: null,
      errors: [
        {
          messageId: "developmentLogging",
          data: { code: "logging: true", effect: "logs every database query" },
          suggestions: [
            {
              messageId: "onlyInDevelopment",
              data: { fixed: 'process.env.NODE_ENV === "development"' },
              output:
                'import { TypeOrmModule } from "@nestjs/typeorm";\nexport const database = TypeOrmModule.forRoot({ type: "postgres", logging: process.env.NODE_ENV === "development" });',
            },
          ],
        },
      ],
    },
    {
      name: "better-sqlite3 verbose: console.log (CommonJS)",
      code: 'const Database = require("better-sqlite3");\nconst db = new Database("app.db", { verbose: console.log });',
      filename: files.cjs,
      output: null,
      errors: [
        {
          messageId: "developmentLogging",
          data: { code: "verbose: console.log", effect: "prints every SQL statement" },
          suggestions: [
            {
              messageId: "onlyInDevelopment",
              data: { fixed: 'process.env.NODE_ENV === "development" ? console.log : undefined' },
              output:
                'const Database = require("better-sqlite3");\nconst db = new Database("app.db", { verbose: process.env.NODE_ENV === "development" ? console.log : undefined });',
            },
          ],
        },
      ],
    },
    {
      name: 'mongoose.set("debug", true) (ESM)',
      code: 'import mongoose from "mongoose";\nmongoose.set("debug", true);',
      output: `import mongoose from "mongoose";\nmongoose.set("debug", ${ON});`,
      errors: [{ messageId: "mongooseDebug", data: { fixed: ON }, line: 2, column: 1 }],
    },
    {
      name: 'mongoose.set("debug", true) (CJS)',
      code: 'const mongoose = require("mongoose");\nmongoose.set("debug", true);',
      filename: files.cjs,
      output: `const mongoose = require("mongoose");\nmongoose.set("debug", ${ON});`,
      errors: [{ messageId: "mongooseDebug" }],
    },
    {
      name: "errorhandler() mounted unconditionally (ESM) is wrapped in a development check",
      code: 'import express from "express";\nimport errorhandler from "errorhandler";\nconst app = express();\napp.use(errorhandler());',
      output:
        'import express from "express";\nimport errorhandler from "errorhandler";\nconst app = express();\nif (process.env.NODE_ENV === "development") {\n  app.use(errorhandler());\n}',
      errors: [{ messageId: "errorhandler", line: 4, column: 9, endColumn: 23 }],
    },
    {
      name: "errorhandler (CJS, indented in a setup function, with options)",
      code: 'const errorhandler = require("errorhandler");\nfunction setup(app) {\n  app.use(errorhandler({ log: true }));\n}',
      filename: files.cjs,
      output:
        'const errorhandler = require("errorhandler");\nfunction setup(app) {\n  if (process.env.NODE_ENV === "development") {\n    app.use(errorhandler({ log: true }));\n  }\n}',
      errors: [{ messageId: "errorhandler" }],
    },
    {
      name: "errorhandler passed by reference in a chain: reported, not rewritten",
      code: 'import errorhandler from "errorhandler";\nserver.use(json()).use(errorhandler);',
      output: null,
      errors: [{ messageId: "errorhandler", column: 24 }],
    },
    {
      name: "names option adds a project switch",
      code: "const verbose = process.env.VERBOSE_ERRORS || true;\nconst showStack = true;",
      options: [{ names: ["VERBOSE_ERRORS", "showStack"] }],
      output:
        'const verbose = process.env.VERBOSE_ERRORS?.toLowerCase() === "true";\nconst showStack = process.env.SHOW_STACK?.toLowerCase() === "true";',
      errors: [{ messageId: "envDefaultOn" }, { messageId: "constantOn" }],
    },
    {
      name: 'a "use client" module has no `process` in the browser: a suggestion, not an autofix',
      code: '"use client";\nexport const DEBUG = true;',
      output: null,
      errors: [
        {
          messageId: "constantOn",
          suggestions: [
            { messageId: "offUnlessOn", data: { fixed: ON }, output: `"use client";\nexport const DEBUG = ${ON};` },
          ],
        },
      ],
    },
    {
      name: "an env read the code already makes is kept, even in a component",
      code: 'export const debug = import.meta.env.VITE_DEBUG !== "false";',
      filename: "src/App.tsx",
      output: 'export const debug = import.meta.env.VITE_DEBUG?.toLowerCase() === "true";',
      errors: [{ messageId: "envNegatedOff" }],
    },
  ]),
});

const shims = {
  "shims.d.ts": [
    'declare module "mongoose" {',
    "  const mongoose: { set(key: string, value: unknown): void };",
    "  export default mongoose;",
    "}",
    'declare module "errorhandler" {',
    '  import type { ErrorRequestHandler } from "express";',
    "  function errorhandler(options?: { log?: boolean }): ErrorRequestHandler;",
    "  export default errorhandler;",
    "}",
  ].join("\n"),
};

// Projects whose tsconfig sets `noPropertyAccessFromIndexSignature` (see INDEX_SIGNATURE_PROJECTS).
createRuleTester(INDEX_SIGNATURE_PROJECTS).run('no-debug-default-on: projects that require process.env["NAME"]', rule, {
  valid: [],
  invalid: [
    {
      name: "const DEBUG = true in a project under noPropertyAccessFromIndexSignature: a bracketed read",
      code: 'import express from "express";\nconst DEBUG = true;\nexport const app = express();',
      filename: "strict/src/server.ts",
      output:
        'import express from "express";\nconst DEBUG = process.env["DEBUG"]?.toLowerCase() === "true";\nexport const app = express();',
      errors: [
        { messageId: "constantOn", data: { name: "DEBUG", fixed: 'process.env["DEBUG"]?.toLowerCase() === "true"' } },
      ],
    },
  ],
});

describe("no-debug-default-on autofix is safe on save", () => {
  const app = [
    'import express from "express";',
    'import errorhandler from "errorhandler";',
    'import mongoose from "mongoose";',
    "",
    "const DEBUG = true;",
    "const verbose = process.env.DEBUG || true;",
    'const trace = process.env.DEBUG_TRACE !== "false";',
    'const stack = (process.env.DEBUG_STACK ?? "true") === "true";',
    "",
    "const app = express();",
    'app.set("env", "development");',
    'mongoose.set("debug", true);',
    "app.use(errorhandler());",
    "",
    "if (DEBUG && verbose && trace && stack) {",
    '  app.get("/debug", (req, res) => {',
    "    res.json({ ok: true });",
    "  });",
    "}",
    "export default app;",
    "",
  ].join("\n");

  it("fixes every form in one run, re-lints clean and type-checks", () => {
    expect(getTypeErrors({ "server.ts": app, ...shims })).toEqual([]);
    const result = lintWithFix("no-debug-default-on", app);
    expect(result.fatal).toEqual([]);
    expect(result.remaining).toEqual([]);
    expect(result.output).toBe(
      [
        'import express from "express";',
        'import errorhandler from "errorhandler";',
        'import mongoose from "mongoose";',
        "",
        `const DEBUG = ${ON};`,
        `const verbose = ${ON};`,
        'const trace = process.env.DEBUG_TRACE?.toLowerCase() === "true";',
        'const stack = process.env.DEBUG_STACK?.toLowerCase() === "true";',
        "",
        "const app = express();",
        'app.set("env", process.env.NODE_ENV ?? "production");',
        `mongoose.set("debug", ${ON});`,
        'if (process.env.NODE_ENV === "development") {',
        "  app.use(errorhandler());",
        "}",
        "",
        "if (DEBUG && verbose && trace && stack) {",
        '  app.get("/debug", (req, res) => {',
        "    res.json({ ok: true });",
        "  });",
        "}",
        "export default app;",
        "",
      ].join("\n"),
    );
    expect(getTypeErrors({ "server.ts": result.output, ...shims })).toEqual([]);
  });

  it("a truthiness-only string default and a Koa env type-check after the fix", () => {
    const code = [
      'import Koa from "koa";',
      'const debug = process.env.DEBUG ?? "true";',
      "const app = new Koa();",
      'app.env = "development";',
      'if (debug) app.use(async (ctx) => { ctx.body = "debug"; });',
      "",
    ].join("\n");
    expect(getTypeErrors({ "server.ts": code })).toEqual([]);
    const result = lintWithFix("no-debug-default-on", code);
    expect(result.remaining).toEqual([]);
    expect(result.output).toContain(`const debug = ${ON};`);
    expect(result.output).toContain('app.env = process.env.NODE_ENV ?? "production";');
    expect(getTypeErrors({ "server.ts": result.output })).toEqual([]);
  });

  it("debug options keep their boolean type", () => {
    const code = 'import knex from "knex";\nexport const db = knex({ client: "pg", debug: true });\n';
    const knexShim = {
      "knex.d.ts":
        'declare module "knex" {\n  export default function knex(config: { client: string; debug?: boolean }): unknown;\n}',
    };
    expect(getTypeErrors({ "server.ts": code, ...knexShim })).toEqual([]);
    const result = lintWithFix("no-debug-default-on", code);
    expect(result.remaining).toEqual([]);
    expect(getTypeErrors({ "server.ts": result.output, ...knexShim })).toEqual([]);
  });

  it("CommonJS fixes re-lint clean", () => {
    const code =
      'const errorhandler = require("errorhandler");\nconst express = require("express");\nconst app = express();\nvar DEBUG = true;\napp.use(errorhandler());\n';
    const result = lintWithFix("no-debug-default-on", code, { filename: "src/server.cjs" });
    expect(result.fatal).toEqual([]);
    expect(result.remaining).toEqual([]);
    expect(result.output).toBe(
      `const errorhandler = require("errorhandler");\nconst express = require("express");\nconst app = express();\nvar DEBUG = ${ON};\nif (process.env.NODE_ENV === "development") {\n  app.use(errorhandler());\n}\n`,
    );
  });
});

describe("no-debug-default-on regular expressions are linear", () => {
  it("long adversarial names finish fast", () => {
    const long = `${"DEBUG_".repeat(20_000)}X`;
    const identifier = `is${"_debug".repeat(20_000)}mode!`;
    const code = [
      `const a = process.env.${long} || true;`,
      `const ${identifier.replace("!", "")} = true;`,
      `const b = process.env.${"_".repeat(50_000)}DEBUGGER || true;`,
      `const c = { ${"debug_".repeat(20_000)}on: true };`,
    ].join("\n");
    const started = performance.now();
    const result = lintWithFix("no-debug-default-on", code);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.fatal).toEqual([]);
  });
});
