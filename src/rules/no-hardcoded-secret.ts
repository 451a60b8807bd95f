import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getMemberName, getStaticString } from "../frameworks/get-static-string.js";
import { isNextAppFile } from "../frameworks/is-next-app-file.js";
import {
  canCallRequireEnv,
  getRequireEnvCall,
  getRequireEnvFixes,
  getRequireEnvHelperFixes,
  getRequireWhereUsedFix,
} from "../fix/get-require-env-fixes.js";
import { createRule } from "../utils/create-rule.js";
import { getAssignedName, type AssignedName } from "../utils/get-assigned-name.js";
import { getCredentialKind, getUrlCredentials } from "../utils/get-credential-kind.js";
import { isEnvFallbackValue } from "../utils/get-env-fallback.js";
import { getEnvObjectSource } from "../utils/get-env-read.js";
import {
  createSecretNameMatcher,
  secretNameOptionsSchema,
  toConstantCase,
  type SecretNameKind,
  type SecretNameOptions,
} from "../utils/is-secret-name.js";
import { isEvaluatedOnImport } from "../utils/is-evaluated-on-import.js";
import {
  isInertCredential,
  isObviousNonSecret,
  isPlaceholderSecret,
  looksLikeTokenValue,
} from "../utils/is-obvious-non-secret.js";
import { isTestFile } from "../utils/is-test-file.js";

type Options = [SecretNameOptions];
type MessageIds =
  | "secretName"
  | "secretComparison"
  | "secretPosition"
  | "credentialFormat"
  | "useEnv"
  | "useEnvWhereUsed"
  | "useEnvOnImport";

/** A literal in a position that only ever holds a secret. */
interface Position {
  /** "the JWT signing secret" */
  what: string;
  /** The variable the suggestion reads instead. */
  env: string;
}

/** A value with something other than whitespace in it (the same test as `value.trim() !== ""`, without the copy). */
const NON_BLANK = /\S/u;
/** Names that declare their values fake: `PLACEHOLDER_SECRETS`, `mockUser`, `EXAMPLE_CONFIG`, `dummyPassword`. */
const FAKE_NAME = /(?:^|_)(?:PLACEHOLDERS?|EXAMPLES?|DUMMY|FAKE|MOCKS?|MOCKED|SAMPLES?|FIXTURES?|STUBS?|TEST)(?=_|$)/u;
const JWT_OBJECTS = /^(?:jwt|jsonwebtoken|jsonWebToken|JWT)$/u;
const JWT_MODULES = new Set(["jsonwebtoken", "hono/jwt", "hono/utils/jwt/jwt"]);

/** `new X(secret)` / `X(secret)` where X is an SDK client that takes its key as an argument. */
const CLIENT_ARGUMENTS: ReadonlyMap<string, { index: number; position: Position }> = new Map([
  ["Stripe", { index: 0, position: { what: "Stripe API key", env: "STRIPE_SECRET_KEY" } }],
  ["stripe", { index: 0, position: { what: "Stripe API key", env: "STRIPE_SECRET_KEY" } }],
  ["Resend", { index: 0, position: { what: "Resend API key", env: "RESEND_API_KEY" } }],
  ["twilio", { index: 1, position: { what: "Twilio auth token", env: "TWILIO_AUTH_TOKEN" } }],
  ["Twilio", { index: 1, position: { what: "Twilio auth token", env: "TWILIO_AUTH_TOKEN" } }],
  ["cookieParser", { index: 0, position: { what: "cookie signing secret", env: "COOKIE_SECRET" } }],
  ["Sequelize", { index: 2, position: { what: "database password", env: "DB_PASSWORD" } }],
]);

const CRYPTO_KEY_ARGUMENTS: ReadonlyMap<string, Position> = new Map([
  ["createHmac", { what: "HMAC key", env: "HMAC_SECRET" }],
  ["createCipheriv", { what: "encryption key", env: "ENCRYPTION_KEY" }],
  ["createDecipheriv", { what: "encryption key", env: "ENCRYPTION_KEY" }],
]);

/** The env variable a bare generic name gets, prefixed by the client it configures: `new OpenAI({ apiKey })` → `OPENAI_API_KEY`. */
const CLIENT_PREFIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/openai/iu, "OPENAI"],
  [/anthropic/iu, "ANTHROPIC"],
  [/stripe/iu, "STRIPE"],
  [/^(?:session|expressSession|cookieSession|fastifySession|koaSession)$/iu, "SESSION"],
  [/jwt/iu, "JWT"],
  [/^(?:createTransport|nodemailer|createTransporter)$/iu, "SMTP"],
  [/redis|ioredis/iu, "REDIS"],
  [
    /^(?:mysql|mysql2|pg|Pool|Client|createPool|createConnection|knex|Sequelize|mongoose|connect|DataSource|MikroORM)$/iu,
    "DB",
  ],
];
/** Client classes whose name says nothing of the service they reach. */
const GENERIC_CLASS_NAMES = new Set([
  "Client",
  "Server",
  "Api",
  "API",
  "Sdk",
  "SDK",
  "Service",
  "Agent",
  "Config",
  "Auth",
]);
const GENERIC_NAMES = new Set([
  "SECRET",
  "SECRETS",
  "PASSWORD",
  "PASS",
  "PWD",
  "PASSWD",
  "TOKEN",
  "KEY",
  "API_KEY",
  "APIKEY",
  "API_SECRET",
  "SECRET_KEY",
  "ACCESS_TOKEN",
  "AUTH_TOKEN",
  "CLIENT_SECRET",
  "PRIVATE_KEY",
  "CREDENTIALS",
  "AUTH",
  "SECRET_OR_KEY",
  "SECRET_OR_PRIVATE_KEY",
]);

/** The env variable to suggest for a value recognised only by its format. */
const KIND_ENV_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["AWS", "AWS_ACCESS_KEY_ID"],
  ["GitHub", "GITHUB_TOKEN"],
  ["GitLab", "GITLAB_TOKEN"],
  ["Stripe webhook", "STRIPE_WEBHOOK_SECRET"],
  ["Stripe", "STRIPE_SECRET_KEY"],
  ["Slack webhook", "SLACK_WEBHOOK_URL"],
  ["Slack", "SLACK_TOKEN"],
  ["Google", "GOOGLE_API_KEY"],
  ["Anthropic", "ANTHROPIC_API_KEY"],
  ["OpenAI", "OPENAI_API_KEY"],
  ["npm", "NPM_TOKEN"],
  ["SendGrid", "SENDGRID_API_KEY"],
  ["PEM", "PRIVATE_KEY"],
  ["URL", "DATABASE_URL"],
];

function getCalleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return getMemberName(callee);
  return undefined;
}

function isRequireOf(node: TSESTree.Node, module: string): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === "require" &&
    getStaticString(node.arguments[0]) === module
  );
}

function getExpressionName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return getMemberName(node);
  if (node.type === AST_NODE_TYPES.ChainExpression) return getExpressionName(node.expression);
  if (node.type === AST_NODE_TYPES.TSNonNullExpression || node.type === AST_NODE_TYPES.TSAsExpression)
    return getExpressionName(node.expression);
  return undefined;
}

/**
 * The string literals that hold a value: non-blank (ESLint skips numbers, booleans, `null` and blank
 * strings for us), and not a module specifier (`import`/`export … from`, `import()`, `require()`,
 * `import x = require()`, `declare module "x"`), a directive, a type (`type Mode = "dev"`,
 * `typeof x === "string"`), an object key (`{ "x": … }`, `o["x"]`) or a `case` label. Filtered by
 * the selector, so the rule is not called for the many strings that sit in those places (over a
 * third of all strings in server code).
 */
const CHECKED_STRING_SELECTOR = [
  "Literal[value=/\\S/u]:not(",
  [
    ".source",
    "CallExpression[callee.type='Identifier'][callee.name='require'] > .arguments",
    "TSExternalModuleReference > .expression",
    "TSModuleDeclaration > .id",
    "ExpressionStatement[directive] > .expression",
    "TSLiteralType > .literal",
    "Property > .key",
    "MemberExpression > .property",
    "SwitchCase > .test",
    "BinaryExpression[left.operator='typeof'] > .right",
    "BinaryExpression[right.operator='typeof'] > .left",
  ].join(", "),
  ")",
].join("");

export default createRule<Options, MessageIds>({
  name: "no-hardcoded-secret",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow secrets, API keys and credentials written into the code; read them from the environment.",
      recommended: "recommended",
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/no-hardcoded-secret.md",
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: secretNameOptionsSchema,
        additionalProperties: false,
      },
    ],
    defaultOptions: [{}],
    messages: {
      secretName:
        "`{{name}}` is set to a secret written into the code: anyone with the repository or its history has it, and rotating it takes a deploy. Rotate it; read `{{env}}` instead.",
      secretComparison:
        "`{{name}}` is compared with a secret written into the code: anyone with the repository or its history passes this check. Rotate it; read `{{env}}` instead.",
      secretPosition:
        "The {{what}} is written into the code: anyone with the repository or its history has it, and rotating it takes a deploy. Rotate it; read `{{env}}` instead.",
      credentialFormat:
        "This string looks like {{kind}}: a credential in the code is exposed to anyone with the repository or its history. Rotate it now; read `{{env}}` instead.",
      useEnv:
        "Read it from the environment with `{{call}}` (after rotating the secret and setting `{{env}}` in every environment).",
      useEnvWhereUsed:
        "Read it from the environment where `{{binding}}` is used: `{{call}}` in the functions that use it, so importing the module does not need `{{env}}` (after rotating the secret and setting `{{env}}` in every environment).",
      useEnvOnImport:
        "Read it from the environment here with `{{call}}` (after rotating the secret): it throws when the module is imported, so `next build` fails wherever `{{env}}` is not set.",
    },
  },
  create(context, [options]) {
    // First, so an invalid pattern option fails on every file, test files included.
    const matchSecret = createSecretNameMatcher(options);
    if (isTestFile(context)) return {};
    const sourceCode = context.sourceCode;
    let nextAppOfFile: boolean | undefined;

    function isImportedFrom(identifier: TSESTree.Identifier, modules: ReadonlySet<string>): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const definition = variable?.defs[0];
      if (definition?.type === "ImportBinding") {
        return modules.has((definition.parent as TSESTree.ImportDeclaration).source.value);
      }
      const declarator = definition?.node;
      return (
        declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
        declarator.init !== null &&
        [...modules].some((m) => isRequireOf(declarator.init as TSESTree.Node, m))
      );
    }

    /** `jwt.sign(p, "…")`, `createHmac(alg, "…")`, `new Stripe("…")`, `cookieParser("…")`, `client.setApiKey("…")`. */
    function getCallPosition(value: TSESTree.Node): Position | undefined {
      const call = value.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) return undefined;
      const index = call.arguments.indexOf(value as TSESTree.CallExpressionArgument);
      if (index < 0) return undefined;
      const callee = call.callee;
      const name = getCalleeName(callee);
      if ((name === "sign" || name === "verify") && index === 1) {
        if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          callee.object.type === AST_NODE_TYPES.Identifier &&
          JWT_OBJECTS.test(callee.object.name)
        ) {
          return { what: "JWT signing secret", env: "JWT_SECRET" };
        }
        if (callee.type === AST_NODE_TYPES.Identifier && isImportedFrom(callee, JWT_MODULES))
          return { what: "JWT signing secret", env: "JWT_SECRET" };
      }
      if (name !== undefined && index === 1 && CRYPTO_KEY_ARGUMENTS.has(name)) return CRYPTO_KEY_ARGUMENTS.get(name);
      const client = name === undefined ? undefined : CLIENT_ARGUMENTS.get(name);
      if (client && client.index === index && (callee.type === AST_NODE_TYPES.Identifier || name === "cookieParser"))
        return client.position;
      // `require("stripe")("sk_…")`
      if (callee.type === AST_NODE_TYPES.CallExpression && index === 0) {
        if (isRequireOf(callee, "stripe")) return CLIENT_ARGUMENTS.get("Stripe")?.position;
      }
      // `sgMail.setApiKey("…")`, `client.setToken("…")`
      if (
        name !== undefined &&
        index === 0 &&
        callee.type === AST_NODE_TYPES.MemberExpression &&
        /^set[A-Z]/u.test(name) &&
        matchSecret(name.slice(3)) === "secret"
      ) {
        const subject = callee.object.type === AST_NODE_TYPES.Identifier ? callee.object.name : "";
        const prefix = /sg|sendgrid/iu.test(subject) ? "SENDGRID" : toConstantCase(subject);
        const env = [prefix, toConstantCase(name.slice(3))].filter(Boolean).join("_");
        return {
          what: `${toConstantCase(name.slice(3)).toLowerCase().replaceAll("_", " ")} passed to \`${name}\``,
          env,
        };
      }
      return undefined;
    }

    /** Koa's `app.keys = ["…"]` signs cookies. */
    function getArrayPosition(
      value: TSESTree.Node,
    ): { position?: Position; array: TSESTree.ArrayExpression } | undefined {
      const array = value.parent;
      if (array?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
      const parent = array.parent;
      if (
        parent.type === AST_NODE_TYPES.AssignmentExpression &&
        parent.right === array &&
        parent.left.type === AST_NODE_TYPES.MemberExpression &&
        getMemberName(parent.left) === "keys"
      ) {
        const object = parent.left.object;
        if (object.type === AST_NODE_TYPES.Identifier && /app$/iu.test(object.name))
          return { position: { what: "cookie signing key", env: "COOKIE_KEYS" }, array };
      }
      return { array };
    }

    /** The call or `new` whose options an object literal is: `session({ secret })`, `new OpenAI({ apiKey })`. */
    function getConfiguredCall(property: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
      let node: TSESTree.Node | undefined = property.parent;
      for (let depth = 0; node && depth < 4; depth++) {
        if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) return node;
        node = node.parent;
      }
      return undefined;
    }

    /** A prefix from the call an object literal configures: `new OpenAI({ apiKey })` → `OPENAI`. */
    function getClientPrefix(property: TSESTree.Node): string | undefined {
      const call = getConfiguredCall(property);
      if (!call) return undefined;
      const names = [getCalleeName(call.callee)];
      if (call.callee.type === AST_NODE_TYPES.MemberExpression) names.push(getExpressionName(call.callee.object));
      // Fastify / Nest plugins: `app.register(fastifyJwt, { secret })`
      const plugin = call.arguments[0];
      if (names[0] === "register" && plugin?.type === AST_NODE_TYPES.Identifier) names.unshift(plugin.name);
      for (const name of names) {
        if (name === undefined) continue;
        const found = CLIENT_PREFIXES.find(([pattern]) => pattern.test(name));
        if (found) return found[1];
      }
      return undefined;
    }

    /** `new Nexmo({ apiKey })` → `NEXMO`: the class an object literal configures, when its name is not generic. */
    function getClassPrefix(property: TSESTree.Node): string | undefined {
      const call = getConfiguredCall(property);
      const name =
        call?.type === AST_NODE_TYPES.NewExpression && call.callee.type === AST_NODE_TYPES.Identifier
          ? call.callee.name
          : undefined;
      return name !== undefined && /^[A-Z][a-z]/u.test(name) && !GENERIC_CLASS_NAMES.has(name)
        ? toConstantCase(name)
        : undefined;
    }

    function getEnvName(name: string, node: TSESTree.Node): string {
      const constant = toConstantCase(name).replace(/^[\d_]+/u, "") || "SECRET";
      if (!GENERIC_NAMES.has(constant)) return constant;
      const prefix = getClientPrefix(node) ?? getClassPrefix(node);
      return prefix && !constant.startsWith(`${prefix}_`) ? `${prefix}_${constant}` : constant;
    }

    /** `{ user: "x", pass: "…" }`: nodemailer / basic-auth credentials. */
    function isCredentialPair(property: TSESTree.Node, name: string): boolean {
      if (!/^(?:pass|pwd|passwd|pw)$/iu.test(name) || property.parent?.type !== AST_NODE_TYPES.ObjectExpression)
        return false;
      return property.parent.properties.some(
        (p) =>
          p.type === AST_NODE_TYPES.Property &&
          !p.computed &&
          p.key.type === AST_NODE_TYPES.Identifier &&
          /^(?:user|username|login|email)$/iu.test(p.key.name),
      );
    }

    /** `function f(token = "item")`: a parameter's default is an API's default argument, not configuration. */
    function isParameterDefault(node: TSESTree.Node): boolean {
      const parent = node.parent;
      return (
        node.type === AST_NODE_TYPES.AssignmentPattern &&
        (parent?.type === AST_NODE_TYPES.FunctionDeclaration ||
          parent?.type === AST_NODE_TYPES.FunctionExpression ||
          parent?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
          parent?.type === AST_NODE_TYPES.TSParameterProperty)
      );
    }

    /** Whether the suggestion can swap the literal for a call (not in a string enum or `as const`). */
    function canReplace(node: TSESTree.Node): boolean {
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.TSEnumMember) return false;
      if (
        parent?.type === AST_NODE_TYPES.TSAsExpression &&
        parent.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference
      ) {
        const typeName = parent.typeAnnotation.typeName;
        if (typeName.type === AST_NODE_TYPES.Identifier && typeName.name === "const") return false;
      }
      if (
        parent?.type === AST_NODE_TYPES.AssignmentExpression &&
        parent.left.type === AST_NODE_TYPES.MemberExpression &&
        getEnvObjectSource(context, parent.left.object)
      )
        return false;
      return canCallRequireEnv(context, node);
    }

    function report(
      node: TSESTree.Literal | TSESTree.TemplateLiteral,
      messageId: MessageIds,
      data: Record<string, string>,
      env: string,
      replaceable: boolean,
    ): void {
      // Checked last, only for a would-be report: it walks the parents and may look up scopes.
      if (isEnvFallbackValue(context, node)) return;
      context.report({
        node,
        messageId,
        data: { ...data, env },
        suggest: replaceable && canReplace(node) ? getSuggestions(node, env) : [],
      });
    }

    function getSuggestions(
      node: TSESTree.Literal | TSESTree.TemplateLiteral,
      env: string,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const call = getRequireEnvCall(context, env);
      const fix: TSESLint.ReportFixFunction = (fixer) =>
        node.parent?.type === AST_NODE_TYPES.JSXAttribute
          ? [fixer.replaceText(node, `{${call}}`), ...getRequireEnvHelperFixes(fixer, context)]
          : getRequireEnvFixes(fixer, context, node, env);
      // Where `next build` imports the module, a read that throws there fails the build: say so, and
      // offer to read the secret where it is used instead.
      if (!isEvaluatedOnImport(node) || !(nextAppOfFile ??= isNextAppFile(context)))
        return [{ messageId: "useEnv", data: { call, env }, fix }];
      const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const declarator = node.parent;
      if (
        declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
        declarator.init === node &&
        declarator.id.type === AST_NODE_TYPES.Identifier
      ) {
        const binding = declarator.id.name;
        const whereUsed = getRequireWhereUsedFix(context, declarator, binding, env);
        if (whereUsed) suggestions.push({ messageId: "useEnvWhereUsed", data: { call, env, binding }, fix: whereUsed });
      }
      suggestions.push({ messageId: "useEnvOnImport", data: { call, env }, fix });
      return suggestions;
    }

    /** Per array: whether every element is a static string. Asked once per element, so remembered. */
    const stringArrays = new Map<TSESTree.ArrayExpression, boolean>();

    /** The name the value (or the all-strings array it is in) is assigned to. */
    function getAssigned(
      node: TSESTree.Node,
      parentArray: TSESTree.ArrayExpression | undefined,
    ): AssignedName | undefined {
      if (!parentArray) return getAssignedName(node);
      // `secret: ["old", "new"]` holds secrets; `currentToken = ["word", css.slice(a, b)]` is a tuple.
      let holdsOnlyStrings = stringArrays.get(parentArray);
      if (holdsOnlyStrings === undefined) {
        holdsOnlyStrings = parentArray.elements.every(
          (element) => element !== null && getStaticString(element) !== undefined,
        );
        stringArrays.set(parentArray, holdsOnlyStrings);
      }
      return holdsOnlyStrings ? getAssignedName(parentArray) : undefined;
    }

    // Cheapest and most selective tests first: almost every string in a file is none of these.
    function check(node: TSESTree.Literal | TSESTree.TemplateLiteral, value: string): void {
      if (!NON_BLANK.test(value)) return;
      const kind = getCredentialKind(value);
      const parentArray = node.parent?.type === AST_NODE_TYPES.ArrayExpression ? node.parent : undefined;
      const arrayInfo = getArrayPosition(node);
      const replaceable = !arrayInfo || arrayInfo.array.elements.length === 1;

      if (kind) {
        const assigned = getAssigned(node, parentArray);
        const byName = assigned && matchSecret(assigned.name) ? getEnvName(assigned.name, assigned.node) : undefined;
        const env = byName ?? KIND_ENV_NAMES.find(([word]) => kind.includes(word))?.[1] ?? "SECRET";
        report(node, "credentialFormat", { kind }, env, replaceable);
        return;
      }
      const position = getCallPosition(node) ?? arrayInfo?.position;
      if (position) {
        if (!isPlaceholderSecret(value))
          report(node, "secretPosition", { what: position.what }, position.env, replaceable);
        return;
      }
      const assigned = getAssigned(node, parentArray);
      if (assigned && !isParameterDefault(assigned.node)) {
        const nameKind: SecretNameKind | undefined =
          matchSecret(assigned.name) ?? (isCredentialPair(assigned.node, assigned.name) ? "secret" : undefined);
        if (!nameKind || isDeclaredFake(assigned.node) || !isSecretValue(value, assigned.name, nameKind, assigned.node))
          return;
        const env = getEnvName(assigned.name, assigned.node);
        report(node, "secretName", { name: assigned.name }, env, replaceable);
        return;
      }
      // `password === "hunter2"`: a credential check against a literal.
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.BinaryExpression && ["===", "!==", "==", "!="].includes(parent.operator)) {
        const other = parent.left === node ? parent.right : parent.left;
        const name = getExpressionName(other);
        if (name === undefined) return;
        const nameKind = matchSecret(name);
        if (!nameKind || !isSecretValue(value, name, nameKind, other)) return;
        report(node, "secretComparison", { name }, getEnvName(name, other), true);
      }
    }

    /**
     * `const PLACEHOLDER_SECRETS = { JWT_SECRET: "secret" }`, `const mockUser = { password: "x" }`: values
     * the code itself declares to be fake (often to refuse them at startup).
     */
    function isDeclaredFake(node: TSESTree.Node): boolean {
      let current: TSESTree.Node | undefined = node;
      for (let depth = 0; current && depth < 6; depth++) {
        if (current.type === AST_NODE_TYPES.VariableDeclarator) {
          return current.id.type === AST_NODE_TYPES.Identifier && FAKE_NAME.test(toConstantCase(current.id.name));
        }
        if (current.type === AST_NODE_TYPES.AssignmentExpression || current.type === AST_NODE_TYPES.PropertyDefinition)
          return false;
        current = current.parent;
      }
      return false;
    }

    /** `accessToken`, `currentToken`: a secret only because of TOKEN, which is also what lexers call their tokens. */
    function isTokenOnlyName(name: string): boolean {
      const segments = toConstantCase(name).split("_");
      if (!segments.includes("TOKEN")) return false;
      const rest = segments.filter((segment) => segment !== "TOKEN").join("_");
      return rest === "" || matchSecret(rest) === undefined;
    }

    function isSecretValue(value: string, name: string, kind: SecretNameKind, node: TSESTree.Node): boolean {
      if (kind === "connection") return getUrlCredentials(value) !== undefined;
      if (isTokenOnlyName(name) && !looksLikeTokenValue(value)) return false;
      // `clientSecret: "dummy"`: a placeholder for another service's credential authenticates nothing there.
      if (isInertCredential(value, name)) return false;
      // In the options of a known client (`session({ secret })`, `new OpenAI({ apiKey })`) even `"secret"` is the secret.
      if (getClientPrefix(node) !== undefined) return !isPlaceholderSecret(value);
      return !isObviousNonSecret(value, name);
    }

    const onString = (node: TSESTree.StringLiteral): void => check(node, node.value);
    return {
      [CHECKED_STRING_SELECTOR]: onString,
      TemplateLiteral(node) {
        if (node.parent.type === AST_NODE_TYPES.TaggedTemplateExpression) return;
        if (node.expressions.length === 0) {
          const value = node.quasis[0]?.value.cooked;
          if (value) check(node, value);
          return;
        }
        // With interpolations only the written parts can hold a credential; there is no value to replace.
        for (const [index, quasi] of node.quasis.entries()) {
          // An interpolation stands for some value: `postgres://app:pw@${host}` still writes out the password.
          const text = (quasi.value.cooked ?? quasi.value.raw) + (index < node.expressions.length ? "0" : "");
          const kind = getCredentialKind(text);
          if (kind && !isEnvFallbackValue(context, node)) {
            context.report({
              node,
              messageId: "credentialFormat",
              data: { kind, env: KIND_ENV_NAMES.find(([word]) => kind.includes(word))?.[1] ?? "SECRET" },
            });
            return;
          }
        }
      },
    };
  },
});
