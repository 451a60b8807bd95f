import { describe, expect, it } from "vitest";

import rule from "../../src/rules/no-hardcoded-secret.js";
import { lintWithFix } from "../utils/lint-with-fix.js";
import { createRuleTester, files } from "../utils/rule-tester.js";
import { getTypeErrors } from "../utils/typecheck.js";
import { JS_REQUIRE_ENV, withRequireEnv } from "../utils/with-require-env.js";

const ruleTester = createRuleTester();

/** Token-shaped values assembled at run time, so this file does not itself look like it holds secrets. */
const tokens = {
  aws: ["AKIA", "Q3EGRZ7PLMN4XK2B"].join(""),
  github: ["ghp_", "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"].join(""),
  githubPat: ["github_pat_", "11ABCDEFG0a1b2c3d4e5f6_g7h8i9j0k1l2m3n4o5p6q7r8s9t0"].join(""),
  stripeLive: ["sk_live_", "51HxYz2abcdEFGH1234ijklMNOP"].join(""),
  stripeTest: ["sk_test_", "51HxYz2abcdEFGH1234ijklMNOP"].join(""),
  stripeRestricted: ["rk_live_", "51HxYz2abcdEFGH1234ijklMNOP"].join(""),
  slack: ["xoxb-", "2048123456-4096123456-aBcDeFgHiJkLmNoPqRsTuV"].join(""),
  google: ["AIza", "SyD4k9Xq2LmN8pR7tV3wZ6yB1cE5fG0hJ2K"].join(""),
  openai: ["sk-proj-", "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z"].join(""),
  anthropic: ["sk-ant-api03-", "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6h"].join(""),
  pem: [
    "-----BEGIN RSA ",
    "PRIVATE KEY-----\\nMIIEowIBAAKCAQEA3x9Qk2Lm8Np4Rt6Vw1Yz7Bc5Df3Gh9Jk2Lm4Np6Qr8St0Uv\\n-----END RSA ",
    "PRIVATE KEY-----",
  ].join(""),
  dbUrl: ["postgres://app:", "Pa55w0rd-x9@db.internal:5432/app"].join(""),
  mongoUrl: ["mongodb://admin:", "s3cr3tP4ss@db.internal:27017/app"].join(""),
};

const envSettings = { harden: { env: { name: "requireEnv", source: "./env.js" } } };

function suggestion(replaced: string, env: string, helper?: string) {
  const call = `requireEnv("${env}")`;
  return [{ messageId: "useEnv" as const, data: { call, env }, output: withRequireEnv(replaced, helper) }];
}

ruleTester.run("no-hardcoded-secret", rule, {
  valid: [
    // Env fallbacks are no-secret-env-fallback's report.
    'const s = process.env.JWT_SECRET || "dev-secret";',
    'const s = process.env.SESSION_SECRET ? process.env.SESSION_SECRET : "keyboard cat";',
    'const s = isProduction ? process.env.JWT_SECRET : "dev-secret";',
    'const { JWT_SECRET = "dev-secret" } = process.env;',
    'process.env.JWT_SECRET ??= "dev-secret";',
    'const env = cleanEnv(process.env, { JWT_SECRET: str({ default: "dev-secret" }) });',
    'export const env = z.object({ JWT_SECRET: z.string().default("dev-secret") }).parse(process.env);',
    'export const env = createEnv({ server: { AUTH_SECRET: z.string().default("dev-secret") }, runtimeEnv: process.env });',
    `const url = process.env.DATABASE_URL ?? "${tokens.dbUrl}";`,
    // Empty strings and form defaults.
    'const form = { email: "", password: "" };',
    'const JWT_SECRET = "";',
    // Not secrets: types, modes, labels, messages, error codes, selectors, password hashes.
    'const demoUser = { username: "demo", passwordHash: "$2b$12$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy" };',
    'await db.insert(users).values({ email, password: "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG" });',
    'const input = { type: "password", autoComplete: "current-password" };',
    'const field = { name: "password", label: "Password" };',
    'const messages = { password: "Password is required", confirmPassword: "Passwords must match." };',
    'const errors = { password: "Invalid password" };',
    'const errors = { password: "invalid" };',
    'throw invalidLogin({ password: "incorrectEmailOrPassword" });',
    'fetch(url, { credentials: "include" });',
    'const selectors = { password: "[type=password]" };',
    'const TOKEN_TYPE = "Bearer";',
    'const PASSWORD_FIELD = "password";',
    'const tokenUrl = "https://oauth2.example.com/token";',
    'const privateKeyPath = "./keys/private.pem";',
    'const config = { secret: "JWT_SECRET" };',
    'const PREVIEW_SIGNING_KEY = "previewModeSigningKey";',
    'const TOKEN_STRINGS = "[A-Za-z0-9._~+/-]+=*";',
    'const headers = { "x-api-key": "<your-api-key>" };',
    'const masked = { password: "***" };',
    'const template = { apiKey: "${API_KEY}" };',
    // Lexer and parser tokens.
    'if (token === "function") {}',
    'if (this.curContext().token !== "space") {}',
    "currentToken = ['space', css.slice(pos, next)];",
    // Declared fake, a parameter's default, a dictionary key.
    'const PLACEHOLDER_SECRETS = { AUTH_JWT_SECRET: "secret", AUTH_REFRESH_SECRET: "secret_for_refresh" } as const;',
    'const mockUser = { email: "a@b.c", password: "hunter22" };',
    'function describeToken(token = "item") { return token; }',
    'const messages = { "email or password": ["is invalid"] };',
    // A connection string without a password is configuration (no-hardcoded-config), not a secret.
    'const DATABASE_URL = "postgres://localhost:5432/dev";',
    'const REDIS_URL = "redis://localhost:6379";',
    // Documentation-shaped values.
    'const url = "postgres://user:password@localhost:5432/db";',
    'const url = "mongodb://<user>:<password>@cluster0.mongodb.net/app";',
    'throw new Error("Must look like dotenv://:key_1234@dotenv.org/vault/.env.vault");',
    'const example = "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx";',
    'const example = "AKIAIOSFODNN7EXAMPLE";',
    'const publishable = "pk_live_51HxYz2abcdEFGH1234ijklMNOP";',
    // Stripe.js in the browser takes the publishable key.
    'const stripe = Stripe("pk_test_BUkd0ZXAj6m0q0jMyRgBxNns00PPtgvjjr");',
    'const config = { stripeKey: "pk_live_51HxYz2abcdEFGH1234ijklMNOP" };',
    'if (key.includes("-----BEGIN PRIVATE KEY-----")) {}',
    // JSX props and a type position.
    'const el = <input type="password" name="password" />;',
    'type Mode = "password" | "token";',
    // Places where a string is a name, not a value: even a token-shaped one is not a credential there.
    `import key from "${tokens.github}";`,
    `const key = require("${tokens.github}");`,
    `const handlers = { "${tokens.aws}": run };`,
    `const handler = handlers["${tokens.aws}"];`,
    `switch (kind) { case "${tokens.github}": break; }`,
    `if (typeof token === "${tokens.github}") {}`,
    // Names that only contain a secret word: a cookie's name, a log field, a rotation period, an id prefix.
    'const refreshCookieKey = "refresh_token";',
    'addLogFields({ "apiKey.source": "exchange" });',
    'const salt = saltRotation === "day" ? startOfDay(now) : startOfMonth(now);',
    'const prefixes = { webhook: "wh", webhookSecret: "whsec", token: "pmk" };',
    // A placeholder for another service's credential authenticates nothing there.
    'const provider = { id: "saml", clientId: "dummy", clientSecret: "dummy" };',
    'const body = new URLSearchParams({ grant_type: "authorization_code", client_id: "dummy", client_secret: "dummy" });',
    // Test code.
    { code: 'const JWT_SECRET = "supersecret123";', filename: "src/auth.spec.ts" },
    { code: 'const user = { password: "hunter22" };', filename: "tests/fixtures/user.ts" },
    { code: `const key = "${tokens.github}";`, filename: "src/__tests__/github.ts" },
    // Options.
    { code: 'const DEMO_SECRET = "demo-secret-value";', options: [{ ignorePattern: "^DEMO_" }] },
    { code: 'const JWT_SECRET = "supersecret123";', options: [{ secretPattern: "^ONLY_THIS$" }] },
  ],
  invalid: [
    {
      // Secret-named variables, ESM TypeScript.
      code: ['import express from "express";', 'const JWT_SECRET = "supersecret123";'].join("\n"),
      filename: files.ts,
      errors: [
        {
          messageId: "secretName",
          data: { name: "JWT_SECRET", env: "JWT_SECRET" },
          line: 2,
          column: 20,
          endColumn: 36,
          suggestions: suggestion(
            ['import express from "express";', 'const JWT_SECRET = requireEnv("JWT_SECRET");'].join("\n"),
            "JWT_SECRET",
          ),
        },
      ],
    },
    {
      // Secret-named properties; the env name is derived from the identifier.
      code: 'const user = { email: "admin@example.com", password: "hunter22" };',
      errors: [
        {
          messageId: "secretName",
          data: { name: "password", env: "PASSWORD" },
          column: 54,
          suggestions: suggestion(
            'const user = { email: "admin@example.com", password: requireEnv("PASSWORD") };',
            "PASSWORD",
          ),
        },
      ],
    },
    {
      // A weak value that names itself is still the key; a dummy one for a secret the app signs with still signs.
      code: 'const encryptionKey = "my-secret-key";\nconst JWT_SECRET = "dummy";',
      errors: [
        {
          messageId: "secretName",
          data: { name: "encryptionKey", env: "ENCRYPTION_KEY" },
          line: 1,
          suggestions: suggestion(
            'const encryptionKey = requireEnv("ENCRYPTION_KEY");\nconst JWT_SECRET = "dummy";',
            "ENCRYPTION_KEY",
          ),
        },
        {
          messageId: "secretName",
          data: { name: "JWT_SECRET", env: "JWT_SECRET" },
          line: 2,
          suggestions: suggestion(
            'const encryptionKey = "my-secret-key";\nconst JWT_SECRET = requireEnv("JWT_SECRET");',
            "JWT_SECRET",
          ),
        },
      ],
    },
    {
      // A short salt is still a salt.
      code: 'const defaultSalt = "abcde";',
      errors: [
        {
          messageId: "secretName",
          data: { name: "defaultSalt", env: "DEFAULT_SALT" },
          suggestions: suggestion('const defaultSalt = requireEnv("DEFAULT_SALT");', "DEFAULT_SALT"),
        },
      ],
    },
    {
      code: 'export const config = { apiKey: "abc123def456" };',
      errors: [
        {
          messageId: "secretName",
          data: { name: "apiKey", env: "API_KEY" },
          suggestions: suggestion('export const config = { apiKey: requireEnv("API_KEY") };', "API_KEY"),
        },
      ],
    },
    {
      code: `const stripeKey = "${tokens.stripeTest}";`,
      errors: [
        {
          messageId: "credentialFormat",
          data: { kind: "a Stripe secret key", env: "STRIPE_KEY" },
          suggestions: suggestion('const stripeKey = requireEnv("STRIPE_KEY");', "STRIPE_KEY"),
        },
      ],
    },
    {
      code: 'class Mailer { private readonly apiKey = "abc123def456"; }',
      errors: [
        {
          messageId: "secretName",
          data: { name: "apiKey", env: "API_KEY" },
          suggestions: suggestion('class Mailer { private readonly apiKey = requireEnv("API_KEY"); }', "API_KEY"),
        },
      ],
    },
    {
      code: 'this.password = "hunter22";',
      errors: [
        {
          messageId: "secretName",
          data: { name: "password", env: "PASSWORD" },
          suggestions: suggestion('this.password = requireEnv("PASSWORD");', "PASSWORD"),
        },
      ],
    },
    {
      // Setting the environment from the code: reported, nothing to suggest.
      code: 'process.env.JWT_SECRET = "dev-secret";',
      errors: [{ messageId: "secretName", data: { name: "JWT_SECRET", env: "JWT_SECRET" }, suggestions: [] }],
    },
    {
      // Known secret positions: jsonwebtoken, express-session, crypto, SDK clients.
      code: ['import jwt from "jsonwebtoken";', 'export const token = jwt.sign({ sub: 1 }, "secret");'].join("\n"),
      errors: [
        {
          messageId: "secretPosition",
          data: { what: "JWT signing secret", env: "JWT_SECRET" },
          line: 2,
          column: 43,
          suggestions: suggestion(
            [
              'import jwt from "jsonwebtoken";',
              'export const token = jwt.sign({ sub: 1 }, requireEnv("JWT_SECRET"));',
            ].join("\n"),
            "JWT_SECRET",
          ),
        },
      ],
    },
    {
      code: ['import { verify } from "jsonwebtoken";', 'const payload = verify(token, "my-secret");'].join("\n"),
      errors: [
        {
          messageId: "secretPosition",
          data: { what: "JWT signing secret", env: "JWT_SECRET" },
          suggestions: suggestion(
            ['import { verify } from "jsonwebtoken";', 'const payload = verify(token, requireEnv("JWT_SECRET"));'].join(
              "\n",
            ),
            "JWT_SECRET",
          ),
        },
      ],
    },
    {
      code: [
        'import session from "express-session";',
        'app.use(session({ secret: "keyboard cat", resave: false }));',
      ].join("\n"),
      errors: [
        {
          messageId: "secretName",
          data: { name: "secret", env: "SESSION_SECRET" },
          suggestions: suggestion(
            [
              'import session from "express-session";',
              'app.use(session({ secret: requireEnv("SESSION_SECRET"), resave: false }));',
            ].join("\n"),
            "SESSION_SECRET",
          ),
        },
      ],
    },
    {
      code: [
        'import crypto from "node:crypto";',
        'const mac = crypto.createHmac("sha256", "hmac-key-xyz").update(body).digest("hex");',
      ].join("\n"),
      errors: [
        {
          messageId: "secretPosition",
          data: { what: "HMAC key", env: "HMAC_SECRET" },
          suggestions: suggestion(
            [
              'import crypto from "node:crypto";',
              'const mac = crypto.createHmac("sha256", requireEnv("HMAC_SECRET")).update(body).digest("hex");',
            ].join("\n"),
            "HMAC_SECRET",
          ),
        },
      ],
    },
    {
      code: 'const cipher = createCipheriv("aes-256-cbc", "0123456789abcdef0123456789abcdef", iv);',
      errors: [
        {
          messageId: "secretPosition",
          data: { what: "encryption key", env: "ENCRYPTION_KEY" },
          suggestions: suggestion(
            'const cipher = createCipheriv("aes-256-cbc", requireEnv("ENCRYPTION_KEY"), iv);',
            "ENCRYPTION_KEY",
          ),
        },
      ],
    },
    {
      code: 'const stripe = new Stripe("sk_test_abc");',
      errors: [
        {
          messageId: "secretPosition",
          data: { what: "Stripe API key", env: "STRIPE_SECRET_KEY" },
          suggestions: suggestion('const stripe = new Stripe(requireEnv("STRIPE_SECRET_KEY"));', "STRIPE_SECRET_KEY"),
        },
      ],
    },
    {
      code: 'const openai = new OpenAI({ apiKey: "not-a-known-format" });',
      errors: [
        {
          messageId: "secretName",
          data: { name: "apiKey", env: "OPENAI_API_KEY" },
          suggestions: suggestion(
            'const openai = new OpenAI({ apiKey: requireEnv("OPENAI_API_KEY") });',
            "OPENAI_API_KEY",
          ),
        },
      ],
    },
    {
      name: "a client class names the service a generic key belongs to; a generic class name does not",
      code: 'const nexmo = new Nexmo({ apiKey: "cd5f218a", apiSecret: "stGay2K87caSUME6" });\nconst sdk = new Sdk({ apiKey: "cd5f218a" });',
      errors: [
        {
          messageId: "secretName",
          data: { name: "apiKey", env: "NEXMO_API_KEY" },
          suggestions: suggestion(
            'const nexmo = new Nexmo({ apiKey: requireEnv("NEXMO_API_KEY"), apiSecret: "stGay2K87caSUME6" });\nconst sdk = new Sdk({ apiKey: "cd5f218a" });',
            "NEXMO_API_KEY",
          ),
        },
        {
          messageId: "secretName",
          data: { name: "apiSecret", env: "NEXMO_API_SECRET" },
          suggestions: suggestion(
            'const nexmo = new Nexmo({ apiKey: "cd5f218a", apiSecret: requireEnv("NEXMO_API_SECRET") });\nconst sdk = new Sdk({ apiKey: "cd5f218a" });',
            "NEXMO_API_SECRET",
          ),
        },
        {
          messageId: "secretName",
          data: { name: "apiKey", env: "API_KEY" },
          suggestions: suggestion(
            'const nexmo = new Nexmo({ apiKey: "cd5f218a", apiSecret: "stGay2K87caSUME6" });\nconst sdk = new Sdk({ apiKey: requireEnv("API_KEY") });',
            "API_KEY",
          ),
        },
      ],
    },
    {
      code: 'app.use(cookieParser("cookie-secret"));',
      errors: [
        {
          messageId: "secretPosition",
          data: { what: "cookie signing secret", env: "COOKIE_SECRET" },
          suggestions: suggestion('app.use(cookieParser(requireEnv("COOKIE_SECRET")));', "COOKIE_SECRET"),
        },
      ],
    },
    {
      code: 'sgMail.setApiKey("SG.abc");',
      errors: [
        {
          messageId: "secretPosition",
          data: { what: "api key passed to `setApiKey`", env: "SENDGRID_API_KEY" },
          suggestions: suggestion('sgMail.setApiKey(requireEnv("SENDGRID_API_KEY"));', "SENDGRID_API_KEY"),
        },
      ],
    },
    {
      code: 'const transport = nodemailer.createTransport({ auth: { user: "me@example.com", pass: "mailpass1" } });',
      errors: [
        {
          messageId: "secretName",
          data: { name: "pass", env: "SMTP_PASS" },
          suggestions: suggestion(
            'const transport = nodemailer.createTransport({ auth: { user: "me@example.com", pass: requireEnv("SMTP_PASS") } });',
            "SMTP_PASS",
          ),
        },
      ],
    },
    {
      code: 'const pool = mysql.createPool({ host: "db", user: "app", password: "Pa55w0rd!" });',
      errors: [
        {
          messageId: "secretName",
          data: { name: "password", env: "DB_PASSWORD" },
          suggestions: suggestion(
            'const pool = mysql.createPool({ host: "db", user: "app", password: requireEnv("DB_PASSWORD") });',
            "DB_PASSWORD",
          ),
        },
      ],
    },
    {
      code: 'const sequelize = new Sequelize("app", "root", "r00tpw");',
      errors: [
        {
          messageId: "secretPosition",
          data: { what: "database password", env: "DB_PASSWORD" },
          suggestions: suggestion(
            'const sequelize = new Sequelize("app", "root", requireEnv("DB_PASSWORD"));',
            "DB_PASSWORD",
          ),
        },
      ],
    },
    {
      code: 'const client = twilio("AC123", "twilio-auth-token-1");',
      errors: [
        {
          messageId: "secretPosition",
          data: { what: "Twilio auth token", env: "TWILIO_AUTH_TOKEN" },
          suggestions: suggestion(
            'const client = twilio("AC123", requireEnv("TWILIO_AUTH_TOKEN"));',
            "TWILIO_AUTH_TOKEN",
          ),
        },
      ],
    },
    {
      // Tutorial placeholders run in production just the same.
      code: 'app.use(session({ secret: "your-secret-key" }));',
      errors: [
        {
          messageId: "secretName",
          data: { name: "secret", env: "SESSION_SECRET" },
          suggestions: suggestion('app.use(session({ secret: requireEnv("SESSION_SECRET") }));', "SESSION_SECRET"),
        },
      ],
    },
    {
      // Koa signs cookies with `app.keys`; a two-key array has no single variable to suggest.
      code: 'app.keys = ["im a newer secret", "i like turtle"];',
      errors: [
        {
          messageId: "secretPosition",
          data: { what: "cookie signing key", env: "COOKIE_KEYS" },
          column: 13,
          suggestions: [],
        },
        {
          messageId: "secretPosition",
          data: { what: "cookie signing key", env: "COOKIE_KEYS" },
          column: 34,
          suggestions: [],
        },
      ],
    },
    {
      // Framework configuration: Fastify, NestJS, Hono.
      code: ['import fastifyJwt from "@fastify/jwt";', 'app.register(fastifyJwt, { secret: "supersecret" });'].join(
        "\n",
      ),
      errors: [
        {
          messageId: "secretName",
          data: { name: "secret", env: "JWT_SECRET" },
          suggestions: suggestion(
            [
              'import fastifyJwt from "@fastify/jwt";',
              'app.register(fastifyJwt, { secret: requireEnv("JWT_SECRET") });',
            ].join("\n"),
            "JWT_SECRET",
          ),
        },
      ],
    },
    {
      code: [
        'import { JwtModule } from "@nestjs/jwt";',
        'export const auth = JwtModule.register({ secret: "secretKey" });',
      ].join("\n"),
      filename: files.nest,
      errors: [
        {
          messageId: "secretName",
          data: { name: "secret", env: "JWT_SECRET" },
          suggestions: suggestion(
            [
              'import { JwtModule } from "@nestjs/jwt";',
              'export const auth = JwtModule.register({ secret: requireEnv("JWT_SECRET") });',
            ].join("\n"),
            "JWT_SECRET",
          ),
        },
      ],
    },
    {
      code: [
        'import { jwt } from "hono/jwt";',
        'app.use("/api/*", jwt({ secret: "it-is-very-secret", alg: "HS256" }));',
      ].join("\n"),
      errors: [
        {
          messageId: "secretName",
          data: { name: "secret", env: "JWT_SECRET" },
          suggestions: suggestion(
            [
              'import { jwt } from "hono/jwt";',
              'app.use("/api/*", jwt({ secret: requireEnv("JWT_SECRET"), alg: "HS256" }));',
            ].join("\n"),
            "JWT_SECRET",
          ),
        },
      ],
    },
    {
      // In a Next.js route handler the module level runs when `next build` imports the file: reading the
      // secret where it is used comes first, and the module-level read says what it costs.
      code: [
        'import { NextResponse } from "next/server";',
        'const WEBHOOK_SECRET = "whsec-local-123";',
        "export async function POST() { return NextResponse.json({ ok: WEBHOOK_SECRET.length }); }",
      ].join("\n"),
      filename: files.nextApp,
      errors: [
        {
          messageId: "secretName",
          data: { name: "WEBHOOK_SECRET", env: "WEBHOOK_SECRET" },
          line: 2,
          suggestions: [
            {
              messageId: "useEnvWhereUsed",
              data: { call: 'requireEnv("WEBHOOK_SECRET")', env: "WEBHOOK_SECRET", binding: "WEBHOOK_SECRET" },
              output: withRequireEnv(
                [
                  'import { NextResponse } from "next/server";',
                  'export async function POST() { return NextResponse.json({ ok: requireEnv("WEBHOOK_SECRET").length }); }',
                ].join("\n"),
              ),
            },
            {
              messageId: "useEnvOnImport",
              data: { call: 'requireEnv("WEBHOOK_SECRET")', env: "WEBHOOK_SECRET" },
              output: withRequireEnv(
                [
                  'import { NextResponse } from "next/server";',
                  'const WEBHOOK_SECRET = requireEnv("WEBHOOK_SECRET");',
                  "export async function POST() { return NextResponse.json({ ok: WEBHOOK_SECRET.length }); }",
                ].join("\n"),
              ),
            },
          ],
        },
      ],
    },
    {
      // An exported client configured at import in a Next.js module: only the module-level read, with its cost.
      code: [
        'import { cookies } from "next/headers";',
        'export const stripe = new Stripe("stripe-test-key-123");',
      ].join("\n"),
      filename: "lib/stripe.ts",
      settings: envSettings,
      errors: [
        {
          messageId: "secretPosition",
          data: { what: "Stripe API key", env: "STRIPE_SECRET_KEY" },
          suggestions: [
            {
              messageId: "useEnvOnImport",
              data: { call: 'requireEnv("STRIPE_SECRET_KEY")', env: "STRIPE_SECRET_KEY" },
              output: [
                'import { cookies } from "next/headers";',
                'import { requireEnv } from "../env.js";',
                'export const stripe = new Stripe(requireEnv("STRIPE_SECRET_KEY"));',
              ].join("\n"),
            },
          ],
        },
      ],
    },
    {
      // A hardcoded credential check.
      code: 'if (req.body.password === "admin123") grantAccess();',
      errors: [
        {
          messageId: "secretComparison",
          data: { name: "password", env: "PASSWORD" },
          suggestions: suggestion('if (req.body.password === requireEnv("PASSWORD")) grantAccess();', "PASSWORD"),
        },
      ],
    },
    {
      code: 'if (req.headers["x-api-key"] !== "k3y-1234-abcd") return res.sendStatus(401);',
      errors: [
        {
          messageId: "secretComparison",
          data: { name: "x-api-key", env: "X_API_KEY" },
          suggestions: suggestion(
            'if (req.headers["x-api-key"] !== requireEnv("X_API_KEY")) return res.sendStatus(401);',
            "X_API_KEY",
          ),
        },
      ],
    },
    {
      // A token name with a token-shaped value.
      code: 'const accessToken = "a8f5f167f44f4964e6c998dee827110c";',
      errors: [
        {
          messageId: "secretName",
          data: { name: "accessToken", env: "ACCESS_TOKEN" },
          suggestions: suggestion('const accessToken = requireEnv("ACCESS_TOKEN");', "ACCESS_TOKEN"),
        },
      ],
    },
    // Well-known token formats, anywhere.
    ...(
      [
        [tokens.aws, "an AWS access key ID", "AWS_ACCESS_KEY_ID"],
        [tokens.github, "a GitHub token", "GITHUB_TOKEN"],
        [tokens.githubPat, "a GitHub fine-grained token", "GITHUB_TOKEN"],
        [tokens.stripeLive, "a Stripe secret key", "STRIPE_SECRET_KEY"],
        [tokens.stripeRestricted, "a Stripe secret key", "STRIPE_SECRET_KEY"],
        [tokens.slack, "a Slack token", "SLACK_TOKEN"],
        [tokens.google, "a Google API key", "GOOGLE_API_KEY"],
        [tokens.openai, "an OpenAI API key", "OPENAI_API_KEY"],
        [tokens.anthropic, "an Anthropic API key", "ANTHROPIC_API_KEY"],
        [tokens.mongoUrl, "a URL with a password", "DATABASE_URL"],
      ] as const
    ).map(([value, kind, env]) => ({
      code: `client.connect("${value}");`,
      errors: [
        {
          messageId: "credentialFormat" as const,
          data: { kind, env },
          suggestions: suggestion(`client.connect(requireEnv("${env}"));`, env),
        },
      ],
    })),
    {
      // A PEM private key in a template literal.
      code: `const privateKey = \`${tokens.pem}\`;`,
      errors: [
        {
          messageId: "credentialFormat",
          data: { kind: "a PEM private key", env: "PRIVATE_KEY" },
          suggestions: suggestion('const privateKey = requireEnv("PRIVATE_KEY");', "PRIVATE_KEY"),
        },
      ],
    },
    {
      // The name wins over the format for the variable.
      code: `export const DATABASE_URL = "${tokens.dbUrl}";`,
      errors: [
        {
          messageId: "credentialFormat",
          data: { kind: "a URL with a password", env: "DATABASE_URL" },
          suggestions: suggestion('export const DATABASE_URL = requireEnv("DATABASE_URL");', "DATABASE_URL"),
        },
      ],
    },
    {
      // Interpolated template: the written part holds the password; nothing to replace.
      code: "const url = `postgres://app:Pa55w0rd-x9@${host}:5432/app`;",
      errors: [
        {
          messageId: "credentialFormat",
          data: { kind: "a URL with a password", env: "DATABASE_URL" },
          suggestions: [],
        },
      ],
    },
    {
      // JSX attribute: the suggestion wraps the call in braces.
      code: `const el = <Widget token="${tokens.github}" />;`,
      filename: "src/widget.tsx",
      errors: [
        {
          messageId: "credentialFormat",
          data: { kind: "a GitHub token", env: "GITHUB_TOKEN" },
          suggestions: suggestion('const el = <Widget token={requireEnv("GITHUB_TOKEN")} />;', "GITHUB_TOKEN"),
        },
      ],
    },
    {
      // Where a call cannot stand (string enums, `as const`): reported without a suggestion.
      code: `enum Keys { GitHub = "${tokens.github}" }`,
      errors: [
        { messageId: "credentialFormat", data: { kind: "a GitHub token", env: "GITHUB_TOKEN" }, suggestions: [] },
      ],
    },
    {
      code: `const key = "${tokens.aws}" as const;`,
      errors: [
        {
          messageId: "credentialFormat",
          data: { kind: "an AWS access key ID", env: "AWS_ACCESS_KEY_ID" },
          suggestions: [],
        },
      ],
    },
    {
      // A tutorial's sentence that asks to be replaced is still the key tokens are signed with (next.config.js).
      code: [
        "module.exports = {",
        "  serverRuntimeConfig: {",
        '    secret: "Signs the login tokens. Replace it with your own value before you deploy",',
        "  },",
        "};",
      ].join("\n"),
      filename: "next.config.js",
      languageOptions: { parserOptions: { sourceType: "commonjs" } },
      errors: [
        {
          messageId: "secretName",
          data: { name: "secret", env: "SECRET" },
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: "useEnv",
              data: { call: 'requireEnv("SECRET")', env: "SECRET" },
              output: [
                JS_REQUIRE_ENV,
                "",
                "module.exports = {",
                "  serverRuntimeConfig: {",
                '    secret: requireEnv("SECRET"),',
                "  },",
                "};",
              ].join("\n"),
            },
          ],
        },
      ],
    },
    {
      // CommonJS JavaScript: the helper goes after the requires, without types.
      code: ['const express = require("express");', 'const stripe = require("stripe")("sk_test_abc");'].join("\n"),
      filename: files.cjs,
      languageOptions: { parserOptions: { sourceType: "commonjs" } },
      errors: [
        {
          messageId: "secretPosition",
          data: { what: "Stripe API key", env: "STRIPE_SECRET_KEY" },
          suggestions: [
            {
              messageId: "useEnv",
              data: { call: 'requireEnv("STRIPE_SECRET_KEY")', env: "STRIPE_SECRET_KEY" },
              output: [
                'const express = require("express");',
                "",
                JS_REQUIRE_ENV,
                "",
                'const stripe = require("stripe")(requireEnv("STRIPE_SECRET_KEY"));',
              ].join("\n"),
            },
          ],
        },
      ],
    },
    {
      // settings.harden.env: the project's helper is imported.
      code: ['import express from "express";', 'const JWT_SECRET = "supersecret123";'].join("\n"),
      settings: envSettings,
      errors: [
        {
          messageId: "secretName",
          data: { name: "JWT_SECRET", env: "JWT_SECRET" },
          suggestions: [
            {
              messageId: "useEnv",
              data: { call: 'requireEnv("JWT_SECRET")', env: "JWT_SECRET" },
              output: [
                'import express from "express";',
                'import { requireEnv } from "./env.js";',
                'const JWT_SECRET = requireEnv("JWT_SECRET");',
              ].join("\n"),
            },
          ],
        },
      ],
    },
    {
      // Options: more secret names.
      code: 'const LICENSE = "abc-123-def";',
      options: [{ additionalSecretPattern: "^LICENSE$" }],
      errors: [
        {
          messageId: "secretName",
          data: { name: "LICENSE", env: "LICENSE" },
          suggestions: suggestion('const LICENSE = requireEnv("LICENSE");', "LICENSE"),
        },
      ],
    },
  ],
});

describe("no-hardcoded-secret", () => {
  it("offers suggestions only, never an autofix: a committed secret must be rotated first", () => {
    const code = 'import jwt from "jsonwebtoken";\nexport const token = jwt.sign({ sub: 1 }, "secret");';
    const result = lintWithFix("no-hardcoded-secret", code);
    expect(result.output).toBe(code);
    expect(result.remaining).toHaveLength(1);
    expect(rule.meta.fixable).toBeUndefined();
  });

  it("does not report what no-secret-env-fallback reports", () => {
    const code = 'export const secret: string = process.env.JWT_SECRET || "supersecret123";';
    expect(lintWithFix("no-hardcoded-secret", code).remaining).toEqual([]);
    const fixed = lintWithFix("no-secret-env-fallback", code, { settings: envSettings });
    expect(fixed.remaining).toEqual([]);
    expect(fixed.output).not.toBe(code);
  });

  it("suggestion output type-checks", () => {
    const code = 'export const JWT_SECRET: string = "supersecret123";';
    const output = withRequireEnv('export const JWT_SECRET: string = requireEnv("JWT_SECRET");');
    expect(getTypeErrors({ "server.ts": code })).toEqual([]);
    expect(getTypeErrors({ "server.ts": output })).toEqual([]);
  });
});
