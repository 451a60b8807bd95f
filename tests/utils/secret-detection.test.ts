import tsParser from "@typescript-eslint/parser";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";

import { getCredentialKind, getUrlCredentials } from "../../src/utils/get-credential-kind.js";
import { getEnvFallback, getStaticStringValue, isEnvFallbackValue } from "../../src/utils/get-env-fallback.js";
import { getDestructuredEnvReads, getEnvRead } from "../../src/utils/get-env-read.js";
import { isObviousNonSecret, isPlaceholderSecret, looksLikeTokenValue } from "../../src/utils/is-obvious-non-secret.js";
import {
  createSecretNameMatcher,
  DEFAULT_SECRET_PATTERN,
  isSecretName,
  toConstantCase,
} from "../../src/utils/is-secret-name.js";
import { isTestFile } from "../../src/utils/is-test-file.js";
import { lintWithFix } from "./lint-with-fix.js";

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Runs `visit` with a real rule context over `code`, for the helpers that need scope analysis. */
function withContext(
  code: string,
  visit: (context: Context, ast: TSESTree.Program) => void,
  filename = "src/server.ts",
): void {
  const linter = new Linter({ configType: "flat" });
  const probe = {
    create(context: Context) {
      return { Program: (node: TSESTree.Program) => visit(context, node) };
    },
  };
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.ts", "**/*.cjs"],
        plugins: { probe: { rules: { probe } } } as never,
        languageOptions: { parser: tsParser },
        rules: { "probe/probe": "error" },
      },
    ],
    { filename },
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
}

function* walk(node: unknown): Generator<TSESTree.Node> {
  if (!node || typeof node !== "object") return;
  if ("type" in node && typeof (node as { type: unknown }).type === "string") yield node as TSESTree.Node;
  for (const [key, value] of Object.entries(node)) {
    if (key === "parent") continue;
    if (Array.isArray(value)) for (const item of value) yield* walk(item);
    else if (value && typeof value === "object") yield* walk(value);
  }
}

function readsIn(code: string, filename?: string): string[] {
  const names: string[] = [];
  withContext(
    code,
    (context, ast) => {
      for (const node of walk(ast)) {
        const read = getEnvRead(context, node);
        if (read && node.type !== "ChainExpression") names.push(`${read.source}:${read.name}`);
      }
    },
    filename,
  );
  return names;
}

describe("toConstantCase", () => {
  it.each([
    ["stripeKey", "STRIPE_KEY"],
    ["jwtSecret", "JWT_SECRET"],
    ["APIKey", "API_KEY"],
    ["apiKey", "API_KEY"],
    ["JWT_SECRET", "JWT_SECRET"],
    ["jwt-secret", "JWT_SECRET"],
    ["x-api-key", "X_API_KEY"],
    ["oauth2Token", "OAUTH2_TOKEN"],
    ["__NEXT_PREVIEW_KEY", "NEXT_PREVIEW_KEY"],
    ["", ""],
  ])("%s → %s", (input, expected) => {
    expect(toConstantCase(input)).toBe(expected);
  });
});

describe("isSecretName", () => {
  it.each([
    "JWT_SECRET",
    "jwtSecret",
    "SESSION_SECRET",
    "CLIENT_SECRET",
    "DB_PASSWORD",
    "password",
    "MYSQL_PASSWD",
    "SMTP_PASS",
    "dbPass",
    "ADMIN_PWD",
    "GITHUB_TOKEN",
    "accessToken",
    "API_KEY",
    "apiKey",
    "APIKEY",
    "STRIPE_SECRET_KEY",
    "PRIVATE_KEY",
    "AWS_SECRET_ACCESS_KEY",
    "GOOGLE_CREDENTIALS",
    "SIGNING_KEY",
    "ENCRYPTION_KEY",
    "PASSWORD_SALT",
    "DATABASE_URL",
    "DB_URL",
    "SENTRY_DSN",
    "CONNECTION_STRING",
    "MONGO_URI",
    "MONGODB_URI",
    "REDIS_URL",
    "SECRET_KEY_BASE",
    "secretOrKey",
    "STRIPE_KEY",
  ])("%s is a secret", (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    "PORT",
    "LOG_LEVEL",
    "REQUEST_TIMEOUT",
    "NODE_ENV",
    "SALT_ROUNDS",
    "BCRYPT_SALT_ROUNDS",
    "JWT_EXPIRES_IN",
    "TOKEN_TTL",
    "ACCESS_TOKEN_EXPIRY",
    "PASSWORD_MIN_LENGTH",
    "MAX_TOKENS",
    "API_KEY_HEADER",
    "AWS_SECRET_NAME",
    "AWS_ACCESS_KEY_ID",
    "TOKEN_URL",
    "PASSWORD_RESET_URL",
    "PRIVATE_KEY_PATH",
    "NEXT_PUBLIC_API_KEY",
    "VAPID_PUBLIC_KEY",
    "PUBLISHABLE_KEY",
    "PWD",
    "passwordField",
    "tokenType",
    "email or password",
    "BYPASS",
    "KEY",
    "CACHE_KEY",
    "allPass",
    "SECOND_PASS",
    "passwordWords",
  ])("%s is not a secret", (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  it("tells connection strings apart", () => {
    const match = createSecretNameMatcher();
    expect(match("DATABASE_URL")).toBe("connection");
    expect(match("SENTRY_DSN")).toBe("connection");
    expect(match("JWT_SECRET")).toBe("secret");
  });

  it("replaces, extends and ignores with options", () => {
    expect(isSecretName("ACME_LICENSE", { additionalSecretPattern: "_LICENSE$" })).toBe(true);
    expect(isSecretName("JWT_SECRET", { additionalSecretPattern: "_LICENSE$" })).toBe(true);
    expect(isSecretName("JWT_SECRET", { secretPattern: "_LICENSE$" })).toBe(false);
    expect(isSecretName("myLicense", { secretPattern: "_LICENSE$" })).toBe(true);
    expect(isSecretName("DEMO_TOKEN", { ignorePattern: "^DEMO_" })).toBe(false);
  });

  it("names the option of an invalid pattern", () => {
    expect(() => createSecretNameMatcher({ additionalSecretPattern: "[" })).toThrow(/additionalSecretPattern/u);
  });
});

describe("getCredentialKind", () => {
  it.each([
    [["AKIA", "Q3EGRZ7PLMN4XK2B"].join(""), "an AWS access key ID"],
    [["ghp_", "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"].join(""), "a GitHub token"],
    [["sk_live_", "51HxYz2abcdEFGH1234ijklMNOP"].join(""), "a Stripe secret key"],
    [["xoxp-", "2048123456-4096123456-aBcDeFgHiJ"].join(""), "a Slack token"],
    [["postgres://app:", "Pa55w0rd@db.internal/app"].join(""), "a URL with a password"],
    [["redis://:", "Pa55w0rd@cache.internal:6379"].join(""), "a URL with a password"],
    // One of each remaining format: the prefix prefilter must let every one of them through.
    [["ASIA", "Q3EGRZ7PLMN4XK2B"].join(""), "an AWS access key ID"],
    [
      ["github_pat_", "11ABCDEFG0123456789abc_defGHIjklMNOpqrSTUvwxYZ0123456789abcdefghij"].join(""),
      "a GitHub fine-grained token",
    ],
    [["glpat-", "Zx9Yw8Vu7Ts6Rq5Po4Nm"].join(""), "a GitLab token"],
    [["rk_test_", "51HxYz2abcdEFGH1234ijklMNOP"].join(""), "a Stripe secret key"],
    [["whsec_", "Q3EGRZ7PLMN4XK2Babcdefgh12"].join(""), "a Stripe webhook secret"],
    [
      ["https://hooks.slack.com/services/", "T01ABCDEF/B02GHIJKL/Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2J"].join(""),
      "a Slack webhook URL",
    ],
    [["AIza", "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"].join(""), "a Google API key"],
    [["sk-ant-", "api03-", "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0Ed"].join(""), "an Anthropic API key"],
    [["sk-proj-", "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCbA9z8y7"].join(""), "an OpenAI API key"],
    [["npm_", "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"].join(""), "an npm token"],
    [["SG.", "Zx9Yw8Vu7Ts6Rq5Po4Nm3L.", "k2Jh1Gf0EdCbA9z8y7X6w5V4u3T2s1Qp0Or9Nn8Mm7L"].join(""), "a SendGrid API key"],
    [
      [
        "-----BEGIN RSA ",
        "PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCbA9z8y7X6w5V4u3T2s1Qp0Or9\n-----END RSA PRIVATE KEY-----",
      ].join(""),
      "a PEM private key",
    ],
  ])("%s is %s", (value, kind) => {
    expect(getCredentialKind(value)).toBe(kind);
  });

  it.each([
    "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
    "AKIAIOSFODNN7EXAMPLE",
    "sk_test_aaaaaaaaaaaaaaaaaaaaaaaa",
    "pk_live_51HxYz2abcdEFGH1234ijklMNOP",
    "postgres://localhost:5432/dev",
    "postgres://user:password@localhost/db",
    "postgres://app:${PASSWORD}@db/app",
    "https://user:pass@example.com/x",
    "see dotenv://:key_1234@dotenv.org/vault",
    "-----BEGIN PRIVATE KEY-----",
    "ghp_your_token_here_xxxxxxxxxxxxxxxxxxxxxxx",
  ])("%s is not a credential", (value) => {
    expect(getCredentialKind(value)).toBeUndefined();
  });

  it("parses userinfo by hand", () => {
    expect(getUrlCredentials("amqp://guest:Gu3st-Pw@mq.internal:5672")).toEqual({
      user: "guest",
      password: "Gu3st-Pw",
      host: "mq.internal:5672",
    });
  });
});

describe("isObviousNonSecret", () => {
  it.each([
    ["Password is required", "password"],
    ["Invalid password", "password"],
    ["invalid", "password"],
    ["incorrectPassword", "password"],
    ["password", "password"],
    ["string", "apiKey"],
    ["include", "credentials"],
    ["JWT_SECRET", "secret"],
    ["/auth/token", "token"],
    ["./keys/private.pem", "privateKey"],
    ["auth.password.required", "password"],
    ["[type=password]", "password"],
    ["[A-Za-z0-9._~+/-]+=*", "TOKEN_STRINGS"],
    ["previewModeSigningKey", "PREVIEW_SIGNING_KEY"],
    ["***", "password"],
    ["${DB_PASSWORD}", "password"],
    ["ab", "password"],
    ["$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy", "passwordHash"],
    ["$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", "password"],
    ["$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG", "password_hash"],
    ["pbkdf2_sha256$600000$s4lt$Zm9vYmFyYmF6cXV4", "password"],
  ])("%s for %s", (value, name) => {
    expect(isObviousNonSecret(value, name)).toBe(true);
  });

  it.each([
    ["hunter22", "password"],
    ["keyboard cat", "secret"],
    ["your-secret-key", "JWT_SECRET"],
    ["supersecret", "secret"],
    ["changeme", "password"],
    ["$2b$10$tooShort", "password"],
  ])("%s for %s is a secret", (value, name) => {
    expect(isObviousNonSecret(value, name)).toBe(false);
  });

  it("placeholders and token shapes", () => {
    expect(isPlaceholderSecret("<secret>")).toBe(true);
    expect(isPlaceholderSecret("secret")).toBe(false);
    expect(looksLikeTokenValue("a8f5f167f44f4964")).toBe(true);
    expect(looksLikeTokenValue("function")).toBe(false);
  });
});

describe("isTestFile", () => {
  it.each([
    "src/a.test.ts",
    "src/a.spec.js",
    "test/app.js",
    "src/__tests__/a.ts",
    "tests/fixtures/user.js",
    "e2e/login.ts",
    "bench/x.js",
  ])("%s is test code", (file) => expect(isTestFile({ filename: file, cwd: "/repo" })).toBe(true));
  it("judges the path inside the project only: a checkout under a tests/ folder is not test code", () => {
    expect(isTestFile({ filename: "/home/ci/tests/app/src/server.ts", cwd: "/home/ci/tests/app" })).toBe(false);
    expect(isTestFile({ filename: "/home/ci/tests/app/test/server.ts", cwd: "/home/ci/tests/app" })).toBe(true);
    expect(isTestFile({ filename: "src/server.test.ts", cwd: "/home/ci/tests/app" })).toBe(true);
  });

  it.each(["src/server.ts", "src/testing-utils.ts", "src/latest/app.ts", "src/seeds/admin.ts"])("%s is not", (file) =>
    expect(isTestFile({ filename: file, cwd: "/repo" })).toBe(false),
  );
});

describe("getEnvRead", () => {
  it("recognises every environment object", () => {
    expect(
      readsIn(
        [
          "process.env.A;",
          'process.env["B"];',
          "process.env[`C`];",
          "process.env?.D;",
          "import.meta.env.E;",
          "Bun.env.F;",
          'Deno.env.get("G");',
          "globalThis.process.env.H;",
        ].join("\n"),
      ),
    ).toEqual([
      "process.env:A",
      "process.env:B",
      "process.env:C",
      "process.env:D",
      "import.meta.env:E",
      "Bun.env:F",
      "Deno.env:G",
      "process.env:H",
    ]);
  });

  it("follows const aliases and process imports", () => {
    expect(readsIn('import { env } from "node:process";\nenv.A;')).toEqual(["process.env:A"]);
    expect(readsIn('import process from "node:process";\nprocess.env.A;')).toEqual(["process.env:A"]);
    expect(readsIn("const env = process.env;\nenv.A;")).toEqual(["process.env:A"]);
    expect(readsIn("const { env } = process;\nenv.A;")).toEqual(["process.env:A"]);
    expect(readsIn('const { env } = require("process");\nenv.A;', "src/a.cjs")).toEqual(["process.env:A"]);
  });

  it("ignores dynamic names, shadowed globals and other objects", () => {
    expect(readsIn("process.env[key];")).toEqual([]);
    expect(readsIn("function f(process) { return process.env.A; }")).toEqual([]);
    expect(readsIn("let env = process.env;\nenv = {};\nenv.A;")).toEqual([]);
    expect(readsIn("config.env.A;")).toEqual([]);
    expect(readsIn('const Deno = { env: new Map() };\nDeno.env.get("A");')).toEqual([]);
  });

  it("destructured reads", () => {
    withContext('const { A = "x", B: b, ...rest } = process.env;', (context, ast) => {
      const pattern = [...walk(ast)].find((n): n is TSESTree.ObjectPattern => n.type === "ObjectPattern");
      const reads = getDestructuredEnvReads(context, pattern!);
      expect(
        reads.map((r) => [r.name, r.binding?.name, getStaticStringValue(context, r.defaultValue ?? pattern!)]),
      ).toEqual([
        ["A", "A", "x"],
        ["B", "b", undefined],
      ]);
    });
  });
});

describe("getEnvFallback", () => {
  function fallbackOf(code: string) {
    let result: { reads: string[]; fallback: string; operator: string; replace: string | undefined } | undefined;
    withContext(code, (context, ast) => {
      for (const node of walk(ast)) {
        const read = getEnvRead(context, node);
        if (!read || node.type === "ChainExpression") continue;
        const fallback = getEnvFallback(context, read);
        if (!fallback || fallback.reads[0]?.node !== read.node) continue;
        result = {
          reads: fallback.reads.map((r) => r.name),
          fallback: context.sourceCode.getText(fallback.fallback),
          operator: fallback.operator,
          replace: fallback.replaceRange && context.sourceCode.text.slice(...fallback.replaceRange),
        };
      }
    });
    return result;
  }

  it.each([
    ['process.env.A || "v"', ["A"], '"v"', "||", 'process.env.A || "v"'],
    ['process.env.A ?? ""', ["A"], '""', "??", 'process.env.A ?? ""'],
    ['process.env.A ? process.env.A : "v"', ["A", "A"], '"v"', "?:", 'process.env.A ? process.env.A : "v"'],
    ['!process.env.A ? "v" : process.env.A', ["A", "A"], '"v"', "?:", '!process.env.A ? "v" : process.env.A'],
    ['process.env.A || process.env.B || "v"', ["A", "B"], '"v"', "||", 'process.env.B || "v"'],
    ['process.env.A ??= "v"', ["A"], '"v"', "??=", 'process.env.A ??= "v"'],
  ])("%s", (code, reads, fallback, operator, replace) => {
    expect(fallbackOf(`x = ${code};`)).toEqual({ reads, fallback, operator, replace });
  });

  it("has none when the chain ends in a read", () => {
    expect(fallbackOf("x = process.env.A || process.env.B;")).toBeUndefined();
    expect(fallbackOf("x = process.env.A;")).toBeUndefined();
  });

  it("recognises a fallback value from the literal", () => {
    const found: boolean[] = [];
    withContext(
      'a = process.env.A || "v"; b = isProd ? process.env.B : "w"; c = { C: "z" }; const { D = "d" } = process.env;',
      (context, ast) => {
        for (const node of walk(ast)) if (node.type === "Literal") found.push(isEnvFallbackValue(context, node));
      },
    );
    expect(found).toEqual([true, true, false, true]);
  });
});

/**
 * Every pattern the secret rules use runs on long adversarial inputs (repeated prefixes, near-misses,
 * unterminated structures) in well under the time a backtracking pattern would need. 100 000 characters
 * is enough for a quadratic pattern to take seconds.
 */
describe("regex safety", () => {
  const N = 100_000;
  const LIMIT_MS = 500;
  function fast(run: () => unknown): void {
    const start = performance.now();
    run();
    expect(performance.now() - start).toBeLessThan(LIMIT_MS);
  }

  const names = [
    "_".repeat(N),
    "SECRET_".repeat(N / 7),
    "TOKEN".repeat(N / 5),
    "A".repeat(N),
    `${"A_".repeat(N / 2)}LENGTH`,
    `SECRET${"_LENGTH".repeat(N / 7)}x`,
    "PUBLIC_".repeat(N / 7),
    "_UR".repeat(N / 3),
    "aA".repeat(N / 2),
    `${"A".repeat(N)}a`,
    "1a".repeat(N / 2),
  ];
  it.each(names.map((name) => [name.slice(0, 24), name]))(
    "secret-name matcher and toConstantCase: %s…",
    (_label, name) => {
      const custom = createSecretNameMatcher({ additionalSecretPattern: "_LICENSE$", ignorePattern: "^DEMO_" });
      fast(() => {
        toConstantCase(name);
        isSecretName(name);
        custom(name);
      });
    },
  );

  it("the default secret pattern is exported and linear on its own", () => {
    const regex = new RegExp(DEFAULT_SECRET_PATTERN, "u");
    fast(() => regex.test("_".repeat(N)));
    fast(() => regex.test("CONN_STR".repeat(N / 8)));
  });

  const values = [
    "AKIA".repeat(N / 4),
    "ghp_".repeat(N / 4),
    `ghp_${"a".repeat(N)}`,
    "github_pat_".repeat(N / 11),
    "glpat-".repeat(N / 6),
    "sk_live_".repeat(N / 8),
    `sk_live_${"a".repeat(N)}`,
    "whsec_".repeat(N / 6),
    "xoxb-".repeat(N / 5),
    "hooks.slack.com/services/T".repeat(N / 26),
    "AIza".repeat(N / 4),
    "sk-ant-abc01-".repeat(N / 13),
    "sk-".repeat(N / 3),
    `sk-${"-".repeat(N)}`,
    "npm_".repeat(N / 4),
    "SG.".repeat(N / 3),
    `SG.${"a".repeat(N)}`,
    "-----BEGIN ".repeat(N / 11),
    `-----BEGIN ${" ".repeat(N)}`,
    `-----BEGIN PRIVATE KEY-----${"A".repeat(N)}`,
    "://".repeat(N / 3),
    `a://${"b:".repeat(N / 2)}@`,
    "://a:b@".repeat(N / 7),
    `postgres://u:${"p".repeat(N)}@${"h".repeat(N)}`,
    `https://u:p@${"example.".repeat(N / 8)}`,
    "<".repeat(N),
    "x".repeat(N),
    `${"*".repeat(N)}a`,
    `${"A_".repeat(N / 2)}a`,
    `${"a.".repeat(N / 2)}!`,
    `${"/".repeat(N)} `,
    `${"[".repeat(N)}]+`,
    `${" ".repeat(N)}x`,
    "{{".repeat(N / 2),
    "${".repeat(N / 2),
    `${"$".repeat(N)}A`,
    `${"a-".repeat(N / 2)}!`,
    `${"ab ".repeat(N / 3)}.`,
    `${"a".repeat(N)} `,
  ];
  it.each(values.map((value) => [value.slice(0, 24), value]))(
    "credential and non-secret checks: %s…",
    (_label, value) => {
      fast(() => {
        getCredentialKind(value);
        getUrlCredentials(value);
        isObviousNonSecret(value, "password");
        isObviousNonSecret(value, "PREVIEW_SIGNING_KEY");
        isPlaceholderSecret(value);
        looksLikeTokenValue(value);
      });
    },
  );

  it("file names", () => {
    fast(() => isTestFile({ filename: `${"src/".repeat(N / 4)}a.ts`, cwd: "/repo" }));
    fast(() => isTestFile({ filename: ".test".repeat(N / 5), cwd: "/repo" }));
  });

  it("both rules on a file full of adversarial literals and names", () => {
    const code = [
      ...values.slice(0, 12).map((value, index) => `const password${index} = ${JSON.stringify(value)};`),
      `const ${"MOCK_".repeat(2000)}SECRET = "x1";`,
      `const ${"ENV_".repeat(2000)}schema = z.object({ JWT_SECRET: z.string().default("dev") });`,
      `const s = process.env.${"A_".repeat(2000)}SECRET || ${JSON.stringify("ghp_".repeat(5000))};`,
    ].join("\n");
    const start = performance.now();
    lintWithFix("no-hardcoded-secret", code);
    lintWithFix("no-secret-env-fallback", code);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
