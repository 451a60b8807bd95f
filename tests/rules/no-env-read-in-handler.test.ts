import path from "node:path";

import { describe, expect, it } from "vitest";

import rule from "../../src/rules/no-env-read-in-handler.js";
import { createRuleTester, files } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";
import { JS_REQUIRE_ENV, withRequireEnv } from "../utils/with-require-env.js";

const ruleTester = createRuleTester();
const lines = (...text: string[]): string => text.join("\n");

const read = (name: string) => ({ messageId: "readInHandler", data: { name } }) as const;
const atStartup = (name: string, output: string, call = `requireEnv("${name}")`) =>
  ({ messageId: "readAtStartup", data: { name, call }, output }) as const;

const envSettings = { harden: { env: { name: "requireEnv", source: "./src/env.js" } } };

const EXPRESS_VERIFY = [
  'import express from "express";',
  'import jwt from "jsonwebtoken";',
  "",
  "const app = express();",
  "",
  'app.get("/me", (req, res) => {',
  '  const user = jwt.verify(req.headers.authorization ?? "", process.env.JWT_SECRET!);',
  "  res.json(user);",
  "});",
];
const EXPRESS_VERIFY_FIXED = [
  ...EXPRESS_VERIFY.slice(0, 5),
  'const JWT_SECRET = requireEnv("JWT_SECRET");',
  "",
  EXPRESS_VERIFY[5]!,
  '  const user = jwt.verify(req.headers.authorization ?? "", JWT_SECRET);',
  ...EXPRESS_VERIFY.slice(7),
];

const MAIL = lines(
  'import express from "express";',
  'import nodemailer from "nodemailer";',
  "function sendMail(to: string) {",
  "  const transport = nodemailer.createTransport({",
  '    service: "SendGrid",',
  "    auth: { user: process.env.SENDGRID_USER, pass: process.env.SENDGRID_PASSWORD },",
  "  });",
  '  return transport.sendMail({ to, subject: "Welcome" });',
  "}",
  "const app = express();",
  'app.post("/signup", async (req, res) => { await sendMail(req.body.email); res.sendStatus(201); });',
);

ruleTester.run("no-env-read-in-handler", rule, {
  valid: [
    // Read once when the module loads: a missing variable shows at startup (or is no-secret-env-fallback's).
    lines(
      'import express from "express";',
      "const secret = process.env.JWT_SECRET;",
      "const app = express();",
      'app.get("/me", (req, res) => res.json({ secret: secret?.length }));',
    ),
    // Optional settings: a default, a test, a comparison, an optional chain.
    lines(
      'import express from "express";',
      "const app = express();",
      'app.get("/a", (req, res) => res.redirect(process.env.HOME_URL || "/"));',
      'app.get("/b", (req, res) => res.json({ beta: process.env.BETA === "true" }));',
      'app.get("/c", (req, res) => { if (process.env.MAINTENANCE) return res.sendStatus(503); res.end(); });',
      'app.get("/d", (req, res) => res.json(process.env.ORIGINS?.split(",")));',
      'app.get("/e", (req, res) => res.json({ on: !!process.env.FEATURE_X }));',
    ),
    // The handler decides what to do without it: an optional feature.
    lines(
      'import express from "express";',
      "const app = express();",
      'app.post("/notify", async (req, res) => {',
      "  const webhook = process.env.SLACK_WEBHOOK_URL;",
      "  if (!webhook) return res.json({ sent: false });",
      '  await fetch(webhook, { method: "POST", body: JSON.stringify(req.body) });',
      "  res.json({ sent: true });",
      "});",
    ),
    // Tested before it is used, in the same handler; tested in a chain of conditions.
    lines(
      'import express from "express";',
      "const app = express();",
      'app.post("/report", async (req, res) => {',
      "  if (process.env.REPORT_URL) await fetch(`${process.env.REPORT_URL}/daily`);",
      '  if (process.env.NODE_ENV !== "production" || process.env.DISABLE_TELEMETRY || process.env.PRIVATE_MODE) return res.end();',
      "  res.sendStatus(204);",
      "});",
    ),
    // Sent back as a field, stored, returned: a missing value is a missing field, not a failure.
    lines(
      'import express from "express";',
      "const app = express();",
      'app.get("/config", (req, res) => res.json({ faviconUrl: process.env.FAVICON_URL }));',
      "app.use((req, res, next) => { res.locals.baseUrl = process.env.ORIGIN_URI; next(); });",
    ),
    // Set by the runtime or the platform.
    lines(
      'import express from "express";',
      "const app = express();",
      'app.get("/v", (req, res) => res.send(`${process.env.NODE_ENV} ${process.env.VERCEL_GIT_COMMIT_SHA}`));',
    ),
    // Code that runs at startup: the function that builds the app, a function called on import.
    lines(
      'import express from "express";',
      'import Stripe from "stripe";',
      "export function createApp() {",
      "  const stripe = new Stripe(process.env.STRIPE_KEY!);",
      "  const app = express();",
      '  app.post("/pay", async (req, res) => res.json(await stripe.charges.list()));',
      "  return app;",
      "}",
    ),
    // A helper the file exports may be called from anywhere: not followed.
    lines(
      'import express from "express";',
      'import Stripe from "stripe";',
      "export const getStripe = () => new Stripe(process.env.STRIPE_KEY!);",
      "const app = express();",
      'app.post("/pay", async (req, res) => res.json(await getStripe().charges.list()));',
    ),
    // A helper also called where the module loads.
    lines(
      'import express from "express";',
      'import Stripe from "stripe";',
      "function getStripe() { return new Stripe(process.env.STRIPE_KEY!); }",
      "getStripe();",
      "const app = express();",
      'app.post("/pay", async (req, res) => res.json(await getStripe().charges.list()));',
    ),
    // `ignore`: read per request on purpose.
    {
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/x", (req, res) => res.send(sign(process.env.ROTATING_KEY!)));',
        "declare function sign(key: string): string;",
      ),
      options: [{ ignore: ["ROTATING_KEY"] }],
    },
    // Not a request handler.
    lines("export function sendReport() {", "  return fetch(`${process.env.REPORT_URL}/daily`);", "}"),
    // Tests start throwaway handlers.
    {
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.get("/x", (req, res) => res.send(process.env.KEY!.length));',
      ),
      filename: "src/server.test.ts",
    },
  ],
  invalid: [
    {
      // Express: passed to a signer, asserted with `!`.
      code: EXPRESS_VERIFY.join("\n"),
      filename: files.ts,
      errors: [
        {
          ...read("JWT_SECRET"),
          line: 7,
          column: 60,
          endColumn: 82,
          suggestions: [atStartup("JWT_SECRET", withRequireEnv(EXPRESS_VERIFY_FIXED.join("\n")))],
        },
      ],
    },
    {
      // The project's helper from `settings.harden.env` is imported.
      code: EXPRESS_VERIFY.join("\n"),
      filename: files.ts,
      settings: envSettings,
      errors: [
        {
          ...read("JWT_SECRET"),
          suggestions: [
            atStartup(
              "JWT_SECRET",
              [
                EXPRESS_VERIFY[0],
                EXPRESS_VERIFY[1],
                'import { requireEnv } from "./env.js";',
                ...EXPRESS_VERIFY_FIXED.slice(2),
              ].join("\n"),
            ),
          ],
        },
      ],
    },
    {
      // A second read of a variable the module already requires: the suggestion uses it.
      code: lines(
        'import express from "express";',
        "const app = express();",
        'const JWT_SECRET = requireEnv("JWT_SECRET");',
        'app.get("/a", (req, res) => res.send(sign(JWT_SECRET)));',
        'app.get("/b", (req, res) => res.send(sign(process.env.JWT_SECRET as string)));',
        "declare function sign(key: string): string;",
        "declare function requireEnv(name: string): string;",
      ),
      errors: [
        {
          ...read("JWT_SECRET"),
          line: 5,
          suggestions: [
            atStartup(
              "JWT_SECRET",
              lines(
                'import express from "express";',
                "const app = express();",
                'const JWT_SECRET = requireEnv("JWT_SECRET");',
                'app.get("/a", (req, res) => res.send(sign(JWT_SECRET)));',
                'app.get("/b", (req, res) => res.send(sign(JWT_SECRET)));',
                "declare function sign(key: string): string;",
                "declare function requireEnv(name: string): string;",
              ),
            ),
          ],
        },
      ],
    },
    {
      // Express in CommonJS, through a middleware, in a callback API; one report per variable and handler.
      code: lines(
        'const jwt = require("jsonwebtoken");',
        "",
        "const verifyToken = (req, res, next) => {",
        "  jwt.verify(req.headers.token, process.env.JWT_SEC, (err, user) => {",
        '    if (err) return res.status(403).json("Token is not valid!");',
        "    req.user = user;",
        "    next(jwt.decode(req.headers.token, process.env.JWT_SEC));",
        "  });",
        "};",
        "",
        "module.exports = { verifyToken };",
        'require("express").Router().get("/me", verifyToken);',
      ),
      filename: files.cjs,
      errors: [
        {
          ...read("JWT_SEC"),
          line: 4,
          suggestions: [
            atStartup(
              "JWT_SEC",
              lines(
                'const jwt = require("jsonwebtoken");',
                "",
                JS_REQUIRE_ENV,
                "",
                "",
                'const JWT_SEC = requireEnv("JWT_SEC");',
                "",
                "const verifyToken = (req, res, next) => {",
                "  jwt.verify(req.headers.token, JWT_SEC, (err, user) => {",
                '    if (err) return res.status(403).json("Token is not valid!");',
                "    req.user = user;",
                "    next(jwt.decode(req.headers.token, JWT_SEC));",
                "  });",
                "};",
                "",
                "module.exports = { verifyToken };",
                'require("express").Router().get("/me", verifyToken);',
              ),
            ),
          ],
        },
      ],
    },
    {
      // A same-file helper only handlers call, with the options it builds a client from.
      code: MAIL,
      errors: [
        {
          ...read("SENDGRID_USER"),
          line: 6,
          column: 19,
          suggestions: [
            atStartup(
              "SENDGRID_USER",
              withRequireEnv(
                MAIL.replace(
                  "function sendMail",
                  'const SENDGRID_USER = requireEnv("SENDGRID_USER");\n\nfunction sendMail',
                ).replace("user: process.env.SENDGRID_USER", "user: SENDGRID_USER"),
              ),
            ),
          ],
        },
        {
          ...read("SENDGRID_PASSWORD"),
          line: 6,
          column: 52,
          suggestions: [
            atStartup(
              "SENDGRID_PASSWORD",
              withRequireEnv(
                MAIL.replace(
                  "function sendMail",
                  'const SENDGRID_PASSWORD = requireEnv("SENDGRID_PASSWORD");\n\nfunction sendMail',
                ).replace("pass: process.env.SENDGRID_PASSWORD", "pass: SENDGRID_PASSWORD"),
              ),
            ),
          ],
        },
      ],
    },
    {
      // Checked, but only to fail the request: the deploy still succeeds without it.
      code: lines(
        'import express from "express";',
        "const app = express();",
        'app.post("/hook", (req, res) => {',
        "  const secret = process.env.WEBHOOK_SECRET;",
        '  if (!secret) return res.status(500).json({ error: "not configured" });',
        "  res.json({ ok: verify(req.body, secret) });",
        "});",
        "declare function verify(body: unknown, secret: string): boolean;",
      ),
      errors: [
        {
          ...read("WEBHOOK_SECRET"),
          line: 4,
          column: 18,
          suggestions: [
            atStartup(
              "WEBHOOK_SECRET",
              withRequireEnv(
                lines(
                  'import express from "express";',
                  "const app = express();",
                  'const WEBHOOK_SECRET = requireEnv("WEBHOOK_SECRET");',
                  "",
                  'app.post("/hook", (req, res) => {',
                  "  const secret = WEBHOOK_SECRET;",
                  '  if (!secret) return res.status(500).json({ error: "not configured" });',
                  "  res.json({ ok: verify(req.body, secret) });",
                  "});",
                  "declare function verify(body: unknown, secret: string): boolean;",
                ),
              ),
            ),
          ],
        },
      ],
    },
    {
      // A secret compared with what the request sends: unset, a request without the header matches.
      code: lines(
        'import { Hono } from "hono";',
        "const app = new Hono();",
        'app.post("/admin/refund", (c) => {',
        '  if (c.req.header("x-admin-key") !== process.env.ADMIN_API_KEY) return c.json({ error: "forbidden" }, 403);',
        "  return c.json({ ok: true });",
        "});",
        'app.get("/flags", (c) => c.json({ beta: process.env.BETA === "on" }));',
      ),
      errors: [
        {
          ...read("ADMIN_API_KEY"),
          line: 4,
          suggestions: [
            atStartup(
              "ADMIN_API_KEY",
              withRequireEnv(
                lines(
                  'import { Hono } from "hono";',
                  "const app = new Hono();",
                  'const ADMIN_API_KEY = requireEnv("ADMIN_API_KEY");',
                  "",
                  'app.post("/admin/refund", (c) => {',
                  '  if (c.req.header("x-admin-key") !== ADMIN_API_KEY) return c.json({ error: "forbidden" }, 403);',
                  "  return c.json({ ok: true });",
                  "});",
                  'app.get("/flags", (c) => c.json({ beta: process.env.BETA === "on" }));',
                ),
              ),
            ),
          ],
        },
      ],
    },
    {
      // Fastify: built into a URL.
      code: lines(
        'import Fastify from "fastify";',
        "const app = Fastify();",
        'app.get("/rates", async () => {',
        "  const response = await fetch(`${process.env.RATES_API_URL}/latest`);",
        "  return response.json();",
        "});",
      ),
      errors: [
        {
          ...read("RATES_API_URL"),
          line: 4,
          suggestions: [
            atStartup(
              "RATES_API_URL",
              withRequireEnv(
                lines(
                  'import Fastify from "fastify";',
                  "const app = Fastify();",
                  'const RATES_API_URL = requireEnv("RATES_API_URL");',
                  "",
                  'app.get("/rates", async () => {',
                  "  const response = await fetch(`${RATES_API_URL}/latest`);",
                  "  return response.json();",
                  "});",
                ),
              ),
            ),
          ],
        },
      ],
    },
    {
      // Hono: destructured in the handler; reported without a suggestion.
      code: lines(
        'import { Hono } from "hono";',
        "const app = new Hono();",
        'app.post("/ai", async (c) => {',
        "  const { OPENAI_API_KEY } = process.env;",
        '  const response = await fetch("https://api.openai.com/v1/models", { headers: { authorization: `Bearer ${OPENAI_API_KEY}` } });',
        "  return c.json(await response.json());",
        "});",
      ),
      errors: [{ ...read("OPENAI_API_KEY"), line: 4, column: 11, suggestions: [] }],
    },
    {
      // Koa with @koa/router.
      code: lines(
        'import Router from "@koa/router";',
        "const router = new Router();",
        'router.get("/s/:id", (ctx) => {',
        "  ctx.body = { url: new URL(`/s/${ctx.params.id}`, process.env.PUBLIC_URL).href };",
        "});",
      ),
      errors: [{ ...read("PUBLIC_URL"), line: 4 }].map((error) => ({
        ...error,
        suggestions: [
          atStartup(
            "PUBLIC_URL",
            withRequireEnv(
              lines(
                'import Router from "@koa/router";',
                "const router = new Router();",
                'const PUBLIC_URL = requireEnv("PUBLIC_URL");',
                "",
                'router.get("/s/:id", (ctx) => {',
                "  ctx.body = { url: new URL(`/s/${ctx.params.id}`, PUBLIC_URL).href };",
                "});",
              ),
            ),
          ),
        ],
      })),
    },
    {
      // Next.js route handler: reported; no suggestion, since `next build` also loads the module.
      code: lines(
        "export async function POST(request: Request) {",
        "  await fetch(`${process.env.NEXTAUTH_URL}/api/revalidate?secret=${process.env.REVALIDATE_TOKEN}`);",
        "  return Response.json({ ok: true });",
        "}",
      ),
      filename: files.nextApp,
      errors: [
        { ...read("NEXTAUTH_URL"), line: 2, column: 18, suggestions: [] },
        { ...read("REVALIDATE_TOKEN"), line: 2, column: 68, suggestions: [] },
      ],
    },
    {
      // NestJS controller method.
      code: lines(
        'import { Controller, Post } from "@nestjs/common";',
        '@Controller("billing")',
        "export class BillingController {",
        '  @Post("portal")',
        "  portal() {",
        "    return { url: `${process.env.APP_URL}/billing` };",
        "  }",
        "}",
      ),
      filename: files.nest,
      errors: [
        {
          ...read("APP_URL"),
          line: 6,
          suggestions: [
            atStartup(
              "APP_URL",
              withRequireEnv(
                lines(
                  'import { Controller, Post } from "@nestjs/common";',
                  'const APP_URL = requireEnv("APP_URL");',
                  "",
                  '@Controller("billing")',
                  "export class BillingController {",
                  '  @Post("portal")',
                  "  portal() {",
                  "    return { url: `${APP_URL}/billing` };",
                  "  }",
                  "}",
                ),
              ),
            ),
          ],
        },
      ],
    },
  ],
});

describe("no-env-read-in-handler suggestion", () => {
  it("type-checks where the handler did", () => {
    const before = EXPRESS_VERIFY.join("\n");
    const after = withRequireEnv(EXPRESS_VERIFY_FIXED.join("\n"));
    expect(getTypeErrors({ "server.ts": before })).toEqual([]);
    expect(getTypeErrors({ "server.ts": after })).toEqual([]);
  });
});

// Helpers in files of their own: followed to the files that import them.
const ENV_HELPERS = path.resolve(import.meta.dirname, "../fixtures/env-helpers");
const MAIL_HELPER = lines(
  'import nodemailer from "nodemailer";',
  "",
  "export async function sendWelcome(to: string) {",
  "  const transport = nodemailer.createTransport({ auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } });",
  '  await transport.sendMail({ to, subject: "Welcome" });',
  "}",
);
const mailHelperWith = (name: string) =>
  withRequireEnv(
    MAIL_HELPER.replace(
      "export async function",
      `const ${name} = requireEnv("${name}");\n\nexport async function`,
    ).replace(`process.env.${name}`, name),
  );

createRuleTester(ENV_HELPERS).run("no-env-read-in-handler: helpers other files call", rule, {
  valid: [
    {
      // Also called by a job where it is imported: not only while a request is handled.
      code: lines("export async function sendReport() {", "  await fetch(`${process.env.REPORT_URL}/daily`);", "}"),
      filename: "src/lib/report.ts",
    },
  ],
  invalid: [
    {
      // Only the route handler of src/routes/users.ts calls it.
      code: MAIL_HELPER,
      filename: "src/lib/mail.ts",
      errors: [
        {
          ...read("SMTP_USER"),
          line: 4,
          suggestions: [atStartup("SMTP_USER", mailHelperWith("SMTP_USER"))],
        },
        {
          ...read("SMTP_PASS"),
          line: 4,
          suggestions: [atStartup("SMTP_PASS", mailHelperWith("SMTP_PASS"))],
        },
      ],
    },
  ],
});
