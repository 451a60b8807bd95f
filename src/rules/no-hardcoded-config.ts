import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getEnvReadText } from "../fix/get-env-read-text.js";
import { mayRunInBrowser } from "../fix/may-run-in-browser.js";
import { getServerStart, getServerStartSelector, mayStartServer } from "../frameworks/get-server-start.js";
import { getPropertyKeyName, getStaticString } from "../frameworks/get-static-string.js";
import { createRule } from "../utils/create-rule.js";
import { getUrlCredentials } from "../utils/get-credential-kind.js";
import {
  DEFAULT_CONFIG_CLIENTS,
  getConfigClient,
  getClientImports,
  type ConfigClient,
} from "../utils/get-config-client.js";
import { ENV_CALL_SELECTOR, ENV_MEMBER_SELECTOR, getEnvRead } from "../utils/get-env-read.js";
import { getImportOrigin } from "../utils/get-import-origin.js";
import { isDevelopmentOnly } from "../utils/is-development-only.js";
import { isDevelopmentServer } from "../utils/is-development-server.js";
import { toConstantCase } from "../utils/is-secret-name.js";
import { getContainerPorts } from "../utils/get-container-ports.js";
import { isTestFile } from "../utils/is-test-file.js";

type Options = [
  {
    clients?: ConfigClient[];
    keys?: string[];
    timeouts?: boolean;
  },
];
type MessageIds = "port" | "setting" | "url" | "origin" | "useEnv";

type SettingKind = "timeout" | "pool size" | "retry count" | "host" | "port" | "setting";

interface Finding {
  /** The literal (or literal arithmetic) the fix replaces. */
  node: TSESTree.Node;
  messageId: MessageIds;
  /** What the message quotes: `port 3000`, `idleTimeoutMillis: 30000`, the URL. */
  data: Record<string, string>;
  /** The environment variable name derived from context, before de-duplication. */
  baseName: string;
  /** Numbers become `Number(env ?? n)`, strings `env ?? "s"`. */
  numeric: boolean;
  fixable: boolean;
}

/** Option keys that hold a pool size or a retry count (timeouts are recognised by name). */
const POOL_KEYS = new Set([
  "max",
  "min",
  "poolSize",
  "maxPoolSize",
  "minPoolSize",
  "connectionLimit",
  "maxConnections",
  "maxSockets",
]);
const RETRY_KEYS = new Set(["retries", "maxRetries", "retry"]);
const HOST_KEYS = new Set(["host", "hostname"]);
/** Keys of a `pool` object (Sequelize, Knex) whose numbers are durations. */
const POOL_DURATION_KEYS = new Set(["acquire", "idle", "evict"]);
const TIMEOUT_KEY = /timeout/iu;
/** Option keys whose objects carry request data, not client settings: `axios.get(url, { params: { max } })`. */
const DATA_KEYS = new Set([
  "params",
  "data",
  "body",
  "headers",
  "query",
  "json",
  "form",
  "searchParams",
  "variables",
  "where",
  "payload",
  "meta",
  "metadata",
]);

/**
 * Service URLs whose value differs per environment: data stores, brokers, and local HTTP services on
 * an explicit port. A bare `http://localhost` is the dummy base of `new URL(path, base)` / `new
 * Request(...)`, not a service.
 */
const SERVICE_URL =
  /^(?:(?:postgres(?:ql)?|mysql|mariadb|redis|rediss|mongodb(?:\+srv)?|amqps?|nats):\/\/[^/\s]|https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]):\d)/iu;
const SCHEME_ENV_NAMES: ReadonlyMap<string, string> = new Map([
  ["postgres", "DATABASE_URL"],
  ["postgresql", "DATABASE_URL"],
  ["mysql", "DATABASE_URL"],
  ["mariadb", "DATABASE_URL"],
  ["mongodb", "MONGODB_URI"],
  ["mongodb+srv", "MONGODB_URI"],
  ["redis", "REDIS_URL"],
  ["rediss", "REDIS_URL"],
  ["amqp", "AMQP_URL"],
  ["amqps", "AMQP_URL"],
  ["nats", "NATS_URL"],
]);
/** Context names too generic to name a variable on their own: `{ url: "redis://…" }` → `REDIS_URL`. */
const GENERIC_URL_NAMES = new Set([
  "URL",
  "URI",
  "CONNECTION_STRING",
  "CONNECTION",
  "CONN",
  "HOST",
  "SERVER",
  "TARGET",
  "NODES",
]);
const URL_NAME_SUFFIXES = ["URL", "URI", "HOST", "ORIGIN", "ORIGINS", "ENDPOINT", "DSN", "ADDRESS", "ADDR", "SERVER"];
/** Calls whose string arguments are messages or patterns, not settings. */
/** Names of origin allow-lists (`cors({ origin })`, `trustedOrigins`): URLs the app accepts requests from, not ones it connects to. */
const ORIGIN_NAME = /(?:^|_)ORIGINS?$/u;
/** Methods that send a response: a URL in their body is a link for the client, not a service of the app. */
const RESPONSE_METHODS = new Set(["json", "send", "jsonp"]);
const NON_SETTING_METHODS = new Set([
  "log",
  "info",
  "warn",
  "error",
  "debug",
  "trace",
  "fatal",
  "startsWith",
  "endsWith",
  "includes",
  "indexOf",
  "lastIndexOf",
  "replace",
  "replaceAll",
  "match",
  "matchAll",
  "split",
  "test",
  "exec",
  "concat",
]);
/** Receivers that name only the app (`app.listen` → `PORT`); any other name prefixes the port variable. */
const GENERIC_SERVER_NAMES = new Set(["APP", "SERVER", "FASTIFY", "INSTANCE", "API", "HTTP", "MAIN", "WEB", ""]);

function getScheme(url: string): string {
  return url.slice(0, url.indexOf("://")).toLowerCase();
}

/** A number written as a literal or literal arithmetic (`30 * 1000`), the way timeouts are. */
function isNumericConstant(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === "number";
    case AST_NODE_TYPES.UnaryExpression:
      return (node.operator === "-" || node.operator === "+") && isNumericConstant(node.argument);
    case AST_NODE_TYPES.BinaryExpression:
      return (
        ["*", "+", "-", "/"].includes(node.operator) &&
        node.left.type !== AST_NODE_TYPES.PrivateIdentifier &&
        isNumericConstant(node.left) &&
        isNumericConstant(node.right)
      );
    default:
      return false;
  }
}

function isPortZero(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && (node.value === 0 || node.value === "0");
}

function isZeroOrOne(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && (node.value === 0 || node.value === 1);
}

function joinName(prefix: string, name: string): string {
  if (prefix === "" || name === prefix || name.startsWith(`${prefix}_`)) return name;
  return `${prefix}_${name}`;
}

/** `idleTimeoutMillis` → `IDLE_TIMEOUT_MS`, `timeout` → `TIMEOUT_MS`, `timeoutSeconds` stays. */
function withTimeoutUnit(constant: string, unit: "ms" | "s"): string {
  for (const suffix of ["_MILLISECONDS", "_MILLIS", "_MS"]) {
    if (constant.endsWith(suffix)) return `${constant.slice(0, -suffix.length)}_MS`;
  }
  for (const suffix of ["_SECONDS", "_SECS", "_SEC", "_S"]) if (constant.endsWith(suffix)) return constant;
  return `${constant}${unit === "s" ? "_SECONDS" : "_MS"}`;
}

const clientsByOptions = new Map<string, readonly ConfigClient[]>();

/**
 * The default clients plus the configured ones, once per configured list. Keyed by value: ESLint merges
 * `meta.defaultOptions` into a new options object for every file.
 */
function getClients(options: Options[0]): readonly ConfigClient[] {
  if (!options.clients || options.clients.length === 0) return DEFAULT_CONFIG_CLIENTS;
  const key = JSON.stringify(options.clients);
  let clients = clientsByOptions.get(key);
  if (!clients) {
    clients = [...DEFAULT_CONFIG_CLIENTS, ...options.clients];
    clientsByOptions.set(key, clients);
  }
  return clients;
}

export default createRule<Options, MessageIds>({
  name: "no-hardcoded-config",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow hardcoded ports, pool sizes and service URLs where the environment should decide them.",
      recommended: "strict",
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/no-hardcoded-config.md",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          clients: {
            type: "array",
            description:
              "More client constructors / factories whose options objects hold operational settings, added to the built-in list (pg, mysql2, knex, Sequelize, Mongoose, ioredis, redis, axios, undici, Fastify, `http.createServer`…).",
            items: {
              type: "object",
              properties: {
                source: {
                  type: "string",
                  minLength: 1,
                  description: 'The module the client is imported from, e.g. `"@acme/db"`.',
                },
                names: {
                  type: "array",
                  items: { type: "string", minLength: 1 },
                  minItems: 1,
                  uniqueItems: true,
                  description:
                    'Exported paths that take the options: `"default"` (the default export called), `"createPool"`, `"Client"`, `"Db.connect"`.',
                },
                envPrefix: {
                  type: "string",
                  pattern: "^[A-Z][A-Z0-9_]*$",
                  description: 'Prefix of the environment variables the fix derives, e.g. `"DB"` → `DB_POOL_MAX`.',
                },
                timeoutUnit: {
                  type: "string",
                  enum: ["ms", "s"],
                  description: 'Unit of the client\'s bare `timeout` options (default `"ms"`).',
                },
              },
              required: ["source", "names", "envPrefix"],
              additionalProperties: false,
            },
          },
          keys: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description:
              "More option keys that hold operational numbers in those clients' options, added to pool sizes (`max`, `min`, `poolSize`, `connectionLimit`…), retries, `host`, `port` and, with `timeouts`, timeouts (`*timeout*`).",
          },
          timeouts: {
            type: "boolean",
            description:
              "Also report timeouts in those clients' options and `AbortSignal.timeout(n)` (default `false`).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ clients: [], keys: [], timeouts: false }],
    messages: {
      port: "The port {{value}} is hardcoded: every environment assigns its own (container platforms set `PORT`), and a fixed one collides or is ignored. Read it from `{{name}}`, keeping {{value}} as the default.",
      setting:
        "`{{code}}` hardcodes a {{kind}} that suits a laptop, not production, and changing it should not need a release. Read it from `{{name}}`, keeping {{value}} as the default.",
      url: "The service URL {{value}} is hardcoded, so every environment connects to the same place, production included. Read it from `{{name}}`, keeping this value as the default for local runs.",
      origin:
        "The allowed origin {{value}} is hardcoded, so production trusts the same frontends as development. Read it from `{{name}}`, keeping this value as the default for local runs.",
      useEnv: "Read it from the environment: `{{replacement}}`.",
    },
  },
  create(context, [options]) {
    if (isTestFile(context)) return {};
    const filename = context.filename;
    const sourceCode = context.sourceCode;
    const clients = getClients(options);
    const clientImports = getClientImports(sourceCode.ast, clients);
    const extraKeys = new Set(options.keys);
    const findings = new Map<TSESTree.Node, Finding>();
    /** Names the file already reads, with the default each read falls back to (`undefined`: none). */
    const existingReads = new Map<string, string | undefined | null>();

    function add(finding: Finding): void {
      if (findings.has(finding.node) || isDevelopmentOnly(finding.node, filename)) return;
      findings.set(finding.node, finding);
    }

    /** A `const` the identifier is bound to in this file, with a literal initialiser. */
    function resolveConstant(node: TSESTree.Node): { init: TSESTree.Expression; name: string } | undefined {
      if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
      if (!variable || variable.defs.length !== 1) return undefined;
      const definition = variable.defs[0];
      if (definition?.type !== "Variable" || definition.node.type !== AST_NODE_TYPES.VariableDeclarator)
        return undefined;
      const declarator = definition.node;
      if (declarator.parent.kind !== "const" || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init)
        return undefined;
      return { init: declarator.init, name: declarator.id.name };
    }

    /** A replaceable literal value: the node itself, or the initialiser of the `const` it names. */
    function getLiteralValue(
      node: TSESTree.Node,
    ): { node: TSESTree.Node; numeric: boolean; constName: string | undefined } | undefined {
      const resolved = resolveConstant(node);
      let target: TSESTree.Node = resolved ? resolved.init : node;
      while (
        target.type === AST_NODE_TYPES.TSAsExpression ||
        target.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        target.type === AST_NODE_TYPES.TSNonNullExpression
      ) {
        target = target.expression;
      }
      if (isNumericConstant(target)) return { node: target, numeric: true, constName: resolved?.name };
      if (getStaticString(target) !== undefined) return { node: target, numeric: false, constName: resolved?.name };
      return undefined;
    }

    /** The port the app's image exposes: fixed inside the container, mapped by the platform. */
    function isContainerPort(node: TSESTree.Node): boolean {
      const port = Number(node.type === AST_NODE_TYPES.Literal ? node.value : Number.NaN);
      return Number.isInteger(port) && getContainerPorts(filename, context.cwd).has(port);
    }

    function isFixable(node: TSESTree.Node): boolean {
      const parent = node.parent;
      // `3000 as const` cannot take a call; the value stays, reported without a fix.
      if (
        parent?.type === AST_NODE_TYPES.TSAsExpression &&
        parent.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference
      ) {
        const name = parent.typeAnnotation.typeName;
        if (name.type === AST_NODE_TYPES.Identifier && name.name === "const") return false;
      }
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), "process");
      return !variable || variable.defs.length === 0 || getImportOrigin(variable)?.source.endsWith("process") === true;
    }

    function checkServerStart(call: TSESTree.CallExpression): void {
      const start = getServerStart(context, call);
      if (!start?.portNode) return;
      const value = getLiteralValue(start.portNode);
      // Port 0 asks the OS for any free port: the same in every environment.
      if (!value || isPortZero(value.node) || isContainerPort(value.node) || isDevelopmentServer(context)) return;
      let baseName: string;
      if (value.constName === undefined) {
        const server = start.server;
        const serverName =
          server?.type === AST_NODE_TYPES.Identifier
            ? server.name
            : server?.type === AST_NODE_TYPES.MemberExpression && server.property.type === AST_NODE_TYPES.Identifier
              ? server.property.name
              : "";
        const stem = toConstantCase(serverName).replace(/_?(?:APP|SERVER|INSTANCE)$/u, "");
        baseName = GENERIC_SERVER_NAMES.has(stem) ? "PORT" : `${stem}_PORT`;
      } else {
        baseName = toConstantCase(value.constName);
      }
      add({
        node: value.node,
        messageId: "port",
        data: { value: sourceCode.getText(value.node) },
        baseName,
        numeric: value.numeric,
        fixable: isFixable(value.node),
      });
    }

    function getSettingKind(key: string, parentKey: string | undefined): SettingKind | undefined {
      if (TIMEOUT_KEY.test(key) || (parentKey === "pool" && POOL_DURATION_KEYS.has(key)))
        return options.timeouts === true ? "timeout" : undefined;
      if (POOL_KEYS.has(key)) return "pool size";
      if (RETRY_KEYS.has(key)) return "retry count";
      if (HOST_KEYS.has(key)) return "host";
      if (key === "port") return "port";
      return extraKeys.has(key) ? "setting" : undefined;
    }

    function getSettingName(
      client: ConfigClient,
      key: string,
      parentKey: string | undefined,
      kind: SettingKind,
    ): string {
      let name = toConstantCase(key);
      if (kind === "timeout") name = withTimeoutUnit(name, client.timeoutUnit ?? "ms");
      if (key === "max" || key === "min" || parentKey === "pool") name = joinName("POOL", name);
      return joinName(client.envPrefix, name);
    }

    function checkOptions(
      object: TSESTree.ObjectExpression,
      client: ConfigClient,
      parentKey: string | undefined,
      depth: number,
    ): void {
      for (const property of object.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.kind !== "init") continue;
        const key = getPropertyKeyName(property);
        if (key === undefined) continue;
        const value = property.value;
        if (value.type === AST_NODE_TYPES.ObjectExpression) {
          if (depth < 3 && !DATA_KEYS.has(key)) checkOptions(value, client, key, depth + 1);
          continue;
        }
        const kind = getSettingKind(key, parentKey);
        if (!kind) continue;
        const literal = getLiteralValue(value);
        if (!literal) continue;
        // Hosts are strings (a URL string is the URL check's business), ports numbers or digit strings,
        // every other setting a number.
        const text = literal.numeric ? undefined : (getStaticString(literal.node) ?? "");
        if (kind === "port" && isPortZero(literal.node)) continue;
        // `max: 1` (one connection, e.g. for migrations), `min: 0`, `retries: 0` are decisions, not capacity.
        if ((kind === "pool size" || kind === "retry count") && isZeroOrOne(literal.node)) continue;
        if (
          kind === "host"
            ? text === undefined || text === "" || text.includes("://")
            : kind === "port"
              ? text !== undefined && !/^\d+$/u.test(text)
              : text !== undefined
        ) {
          continue;
        }
        add({
          node: literal.node,
          messageId: "setting",
          data: { code: `${key}: ${sourceCode.getText(literal.node)}`, value: sourceCode.getText(literal.node), kind },
          baseName:
            literal.constName === undefined
              ? getSettingName(client, key, parentKey, kind)
              : toConstantCase(literal.constName),
          numeric: literal.numeric,
          fixable: isFixable(literal.node),
        });
      }
    }

    /** The options object an argument stands for: inline, or a `const` declared in this file. */
    function getOptionsObject(argument: TSESTree.Node): TSESTree.ObjectExpression | undefined {
      if (argument.type === AST_NODE_TYPES.ObjectExpression) return argument;
      const resolved = resolveConstant(argument);
      return resolved?.init.type === AST_NODE_TYPES.ObjectExpression ? resolved.init : undefined;
    }

    function checkClientCall(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
      if (
        !call.arguments.some(
          (argument) =>
            argument.type === AST_NODE_TYPES.ObjectExpression || argument.type === AST_NODE_TYPES.Identifier,
        )
      )
        return;
      const client = getConfigClient(context, call, clients, clientImports);
      if (!client) return;
      const dataIndex = getDataArgumentIndex(call);
      for (const [index, argument] of call.arguments.entries()) {
        if (index === dataIndex) continue;
        const object = getOptionsObject(argument);
        if (object) checkOptions(object, client, undefined, 0);
      }
    }

    function checkAbortSignalTimeout(call: TSESTree.CallExpression): void {
      const callee = call.callee;
      if (
        callee.type !== AST_NODE_TYPES.MemberExpression ||
        callee.computed ||
        callee.object.type !== AST_NODE_TYPES.Identifier ||
        callee.object.name !== "AbortSignal" ||
        callee.property.type !== AST_NODE_TYPES.Identifier ||
        callee.property.name !== "timeout"
      ) {
        return;
      }
      const argument = call.arguments[0];
      if (!argument || ASTUtils.findVariable(sourceCode.getScope(callee.object), callee.object)?.defs.length) return;
      const literal = getLiteralValue(argument);
      if (!literal?.numeric) return;
      add({
        node: literal.node,
        messageId: "setting",
        data: {
          code: `AbortSignal.timeout(${sourceCode.getText(literal.node)})`,
          value: sourceCode.getText(literal.node),
          kind: "timeout",
        },
        baseName: literal.constName === undefined ? "REQUEST_TIMEOUT_MS" : toConstantCase(literal.constName),
        numeric: true,
        fixable: isFixable(literal.node),
      });
    }

    /** The name the code gives the value: the variable, property or assigned member it initialises. */
    function getContextName(node: TSESTree.Node): string | undefined {
      let target = node;
      while (
        target.parent?.type === AST_NODE_TYPES.ArrayExpression ||
        target.parent?.type === AST_NODE_TYPES.TSAsExpression ||
        target.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression
      ) {
        target = target.parent;
      }
      const parent = target.parent;
      if (!parent) return undefined;
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier)
        return parent.id.name;
      if (
        (parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.PropertyDefinition) &&
        parent.value === target
      )
        return getPropertyKeyName(parent);
      if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
        const property = parent.left.property;
        return property.type === AST_NODE_TYPES.Identifier ? property.name : getStaticString(property);
      }
      return undefined;
    }

    /** Value positions where a URL is a setting: initialisers, property values, arguments, array elements. */
    function isSettingPosition(node: TSESTree.Node): boolean {
      const parent = node.parent;
      if (!parent) return false;
      switch (parent.type) {
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
          return parent.expression === node && isSettingPosition(parent);
        case AST_NODE_TYPES.VariableDeclarator:
          return parent.init === node;
        case AST_NODE_TYPES.Property:
          return (
            parent.value === node &&
            parent.parent.type === AST_NODE_TYPES.ObjectExpression &&
            !isResponseBody(parent.parent)
          );
        case AST_NODE_TYPES.PropertyDefinition:
          return parent.value === node;
        case AST_NODE_TYPES.ArrayExpression:
          return isSettingPosition(parent);
        case AST_NODE_TYPES.AssignmentExpression:
          // `process.env.REDIS_URL = "…"` sets a default for the environment itself: a fallback.
          return parent.operator === "=" && parent.right === node && !getEnvRead(context, parent.left);
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression: {
          if (!parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
          const callee = parent.callee;
          // `new URL(req.url, "http://localhost")`: a base for parsing, not a service.
          if (callee.type === AST_NODE_TYPES.Identifier && callee.name === "URL" && parent.arguments[0] !== node)
            return false;
          if (callee.type === AST_NODE_TYPES.Identifier && (callee.name === "require" || callee.name === "String"))
            return false;
          // `this[kFactory]("http://localhost:9999")`: library internals (mocks, dispatch tables), not app setup.
          if (callee.type === AST_NODE_TYPES.MemberExpression && callee.computed) return false;
          if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier) {
            if (NON_SETTING_METHODS.has(callee.property.name)) return false;
            if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === "console") return false;
          }
          return true;
        }
        default:
          return false;
      }
    }

    /** `res.json({ docs: "https://…" })`, `c.json([{ url }])`: the object (or one it is nested in) is a response body. */
    function isResponseBody(object: TSESTree.ObjectExpression): boolean {
      let node: TSESTree.Node = object;
      while (
        node.parent?.type === AST_NODE_TYPES.ArrayExpression ||
        (node.parent?.type === AST_NODE_TYPES.Property && node.parent.value === node) ||
        (node.parent?.type === AST_NODE_TYPES.ObjectExpression && node.type === AST_NODE_TYPES.Property)
      ) {
        node = node.parent;
      }
      const call = node.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== node) return false;
      const callee = call.callee;
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.property.type === AST_NODE_TYPES.Identifier &&
        RESPONSE_METHODS.has(callee.property.name)
      );
    }

    function checkUrl(node: TSESTree.StringLiteral | TSESTree.TemplateLiteral, value: string): void {
      // A URL with a real password is a credential: `no-hardcoded-secret` reports it, with the same test.
      if (!SERVICE_URL.test(value) || getUrlCredentials(value) !== undefined || !isSettingPosition(node)) return;
      const scheme = getScheme(value);
      const context = getContextName(node);
      const contextName = context === undefined ? "" : toConstantCase(context);
      let baseName: string;
      // `a`, `db`, `url`: too short or too generic to name a variable; the scheme names it better.
      if (contextName.length > 2 && !GENERIC_URL_NAMES.has(contextName)) {
        baseName = URL_NAME_SUFFIXES.some((suffix) => contextName === suffix || contextName.endsWith(`_${suffix}`))
          ? contextName
          : `${contextName}_URL`;
      } else {
        baseName = SCHEME_ENV_NAMES.get(scheme) ?? "SERVICE_URL";
      }
      add({
        node,
        messageId: ORIGIN_NAME.test(contextName) ? "origin" : "url",
        data: { value: sourceCode.getText(node) },
        baseName,
        numeric: false,
        fixable: isFixable(node),
      });
    }

    function recordEnvRead(node: TSESTree.Node): void {
      const read = getEnvRead(context, node);
      if (!read) return;
      const parent = read.expression.parent;
      let fallback: string | undefined;
      if (
        parent.type === AST_NODE_TYPES.LogicalExpression &&
        parent.left === read.expression &&
        parent.operator !== "&&"
      ) {
        const right = parent.right;
        fallback = right.type === AST_NODE_TYPES.Literal ? String(right.value) : sourceCode.getText(right);
      }
      const previous = existingReads.get(read.name);
      if (previous === undefined || fallback === undefined) existingReads.set(read.name, previous ?? fallback);
      else if (previous !== fallback) existingReads.set(read.name, null);
    }

    function getDefaultKey(finding: Finding): string {
      const node = finding.node;
      if (node.type === AST_NODE_TYPES.Literal) return String(node.value);
      return getStaticString(node) ?? sourceCode.getText(node);
    }

    const onUrlLiteral = (node: TSESTree.StringLiteral): void => checkUrl(node, node.value);
    const listeners: TSESLint.RuleListener = {
      // Each check listens only to the nodes of its shape.
      "Literal[value=/:\\/\\//u]": onUrlLiteral,
      TemplateLiteral(node) {
        const value = node.expressions.length === 0 ? node.quasis[0]?.value.cooked : undefined;
        if (value?.includes("://") && node.parent.type !== AST_NODE_TYPES.TaggedTemplateExpression)
          checkUrl(node, value);
      },
      // Reads the file already makes, so a fix reuses their names: `process.env.X`, `import.meta.env.X`,
      // `Bun.env.X`, `env.X` on an alias, `Deno.env.get("X")`. The selectors keep the listener off the
      // many member expressions that cannot be one.
      [ENV_MEMBER_SELECTOR]: recordEnvRead,
      [ENV_CALL_SELECTOR]: recordEnvRead,
      "Program:exit"() {
        if (findings.size === 0) return;
        const envReadText = getEnvReadText(context);
        // Bundled for the browser there is no `process`: the same edit, applied by a human.
        const browserUnsafe = mayRunInBrowser(sourceCode, filename) && envReadText("PORT").startsWith("process.");
        // Same name, same default → one variable; same name, another default → a suffixed name.
        const assigned = new Map<string, string | undefined | null>(existingReads);
        const ordered = [...findings.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
        for (const finding of ordered) {
          const key = getDefaultKey(finding);
          let name = finding.baseName;
          for (let suffix = 2; ; suffix++) {
            if (!assigned.has(name)) {
              assigned.set(name, key);
              break;
            }
            const taken = assigned.get(name);
            if (taken === undefined) {
              // Read elsewhere without a default: this value becomes its default.
              assigned.set(name, key);
              break;
            }
            if (taken === key) break;
            name = `${finding.baseName}_${suffix}`;
          }
          const read = envReadText(name);
          const valueText = sourceCode.getText(finding.node);
          const replacement = finding.numeric ? `Number(${read} ?? ${valueText})` : `${read} ?? ${valueText}`;
          const node = finding.node;
          const text = finding.numeric || canTakeFallback(node, sourceCode) ? replacement : `(${replacement})`;
          const fix = (fixer: TSESLint.RuleFixer) => fixer.replaceText(node, text);
          context.report({
            node,
            messageId: finding.messageId,
            data: { ...finding.data, name },
            fix: finding.fixable && !browserUnsafe ? fix : null,
            suggest:
              finding.fixable && browserUnsafe ? [{ messageId: "useEnv", data: { replacement: text }, fix }] : [],
          });
        }
      },
    };
    if (mayStartServer(sourceCode)) listeners[getServerStartSelector(sourceCode)] = checkServerStart;
    // Every call is looked at only in a file that imports one of the clients.
    if (clientImports.size > 0) {
      listeners.CallExpression = checkClientCall;
      listeners.NewExpression = checkClientCall;
    }
    if (options.timeouts === true) {
      listeners[
        "CallExpression[callee.type='MemberExpression'][callee.object.name='AbortSignal'][callee.property.name='timeout']"
      ] = checkAbortSignalTimeout;
    }
    return listeners;
  },
});

/** `axios.post(url, data, config)`: the request body of an HTTP client's write methods is data. */
function getDataArgumentIndex(call: TSESTree.CallExpression | TSESTree.NewExpression): number | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  return ["post", "put", "patch"].includes(callee.property.name) && call.arguments.length >= 2 ? 1 : undefined;
}

/** Where `a ?? b` can replace `node` without parentheses. */
function canTakeFallback(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (ASTUtils.isParenthesized(node, sourceCode)) return true;
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.AssignmentExpression:
      return true;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee !== node;
    default:
      return false;
  }
}
