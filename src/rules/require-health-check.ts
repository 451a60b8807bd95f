import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getListStatement } from "../fix/get-list-statement.js";
import { getStatementTerminator } from "../fix/get-statement-terminator.js";
import { getIndentation } from "../fix/insert-statement.js";
import { getRequiredSource } from "../frameworks/get-binding-source.js";
import { getExternalRouteSources } from "../frameworks/get-external-route-sources.js";
import { hasProjectImport, hasProjectPathLiteral } from "../project/has-project-path-literal.js";
import { getLintedFilePath } from "../project/get-project-function.js";
import { getFunctionFromExpression } from "../frameworks/get-function-from-expression.js";
import { getRouteRegistration, ROUTE_METHODS } from "../frameworks/get-route-registration.js";
import { getServerStart, mayStartServer, type ServerStart } from "../frameworks/get-server-start.js";
import type { FunctionNode, Receiver } from "../frameworks/types.js";
import { createRule } from "../utils/create-rule.js";
import { isDevelopmentServer } from "../utils/is-development-server.js";
import { hasKubernetesManifests } from "../project/has-kubernetes-manifests.js";
import { describeServerStart } from "../utils/describe-server-start.js";
import { isInTestCode } from "../utils/is-in-test-code.js";
import { isTestFile } from "../utils/is-test-file.js";

type Options = [
  {
    livenessPaths?: string[];
    readinessPaths?: string[];
    requireReadiness?: "kubernetes" | "always" | "never" | boolean;
  },
];
type MessageIds = "missingBoth" | "missingLiveness" | "missingReadiness" | "addLivenessRoute" | "addReadinessRoute";

/**
 * Packages that serve health endpoints themselves (`@godaddy/terminus`, `lightship`,
 * `express-healthcheck`, `express-actuator`, `fastify-healthcheck`, `@fastify/under-pressure`), and the
 * project's own `./health` modules.
 */
const HEALTH_MODULE = /health|terminus|lightship|actuator|under-pressure/iu;

/** What serves the requests: an app created in this file, or a plain Node request listener. */
type Target =
  | {
      kind: "app";
      start: ServerStart;
      receiver: Receiver & { framework: "express" | "fastify" | "hono" | "koa" };
      elsewhere: true;
      /** Routers, plugins or sub-apps come from other files: whether a probe is missing is the project's answer, not this file's. */
      routesElsewhere: boolean;
    }
  | { kind: "listener"; start: ServerStart; listener: FunctionNode; elsewhere: false }
  /** An app whose routes are all in other files: an app imported here, a NestJS app. No route is added here. */
  | { kind: "external"; start: ServerStart; elsewhere: true };

function toSegments(path: string): string[] {
  return path
    .toLowerCase()
    .split("/")
    .filter((segment) => segment !== "");
}

/** `/health` matches `/health`, `/api/health`, `/health/live`: its segments appear, in order, in the path. */
function matchesPath(path: string, configured: readonly string[][]): boolean {
  const haystack = `/${toSegments(path).join("/")}/`;
  return configured.some((segments) => segments.length > 0 && haystack.includes(`/${segments.join("/")}/`));
}

function formatPaths(paths: readonly string[]): string {
  const quoted = paths.map((path) => `\`${path}\``);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

const READINESS_TODO = [
  "// TODO: check what this app needs to serve traffic (database, cache, upstream APIs),",
  '// e.g. `await db.query("SELECT 1")`. A check that throws answers 503.',
];

export default createRule<Options, MessageIds>({
  name: "require-health-check",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require liveness and readiness routes on the app a file starts.",
      recommended: "strict",
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/require-health-check.md",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          livenessPaths: {
            type: "array",
            items: { type: "string", pattern: "^/[^/]" },
            minItems: 1,
            uniqueItems: true,
            description:
              "Paths that count as a liveness route; the fix adds the first. A route counts when these segments appear in its full path (`/api/health`, `/health/live`).",
          },
          readinessPaths: {
            type: "array",
            items: { type: "string", pattern: "^/[^/]" },
            minItems: 1,
            uniqueItems: true,
            description: "Paths that count as a readiness route; the suggestion adds the first.",
          },
          requireReadiness: {
            oneOf: [
              {
                type: "string",
                enum: ["kubernetes", "always", "never"],
                description: "Where the repository deploys to Kubernetes, always, or never.",
              },
              { type: "boolean", description: '`true` is `"always"`, `false` is `"never"`.' },
            ],
            description:
              'When to require a readiness route too: where the repository deploys to Kubernetes (`"kubernetes"`), always (`"always"` or `true`), or never (`"never"` or `false`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [
      {
        livenessPaths: ["/health", "/healthz", "/livez"],
        readinessPaths: ["/ready", "/readyz"],
        requireReadiness: "kubernetes",
      },
    ],
    messages: {
      missingBoth:
        "The server started by `{{start}}` has no liveness route ({{liveness}}) and no readiness route ({{readiness}}): a hung process is never restarted, and traffic reaches instances whose database is down. Add both.",
      missingLiveness:
        "The server started by `{{start}}` has no liveness route ({{liveness}}): a hung process is never restarted. Add one that answers 200 while the process runs.",
      missingReadiness:
        "The server started by `{{start}}` has no readiness route ({{readiness}}): traffic reaches instances still starting or whose database is down. Add one that answers 503 while a dependency is down.",
      addLivenessRoute: "Add a `{{path}}` liveness route that answers 200 while the process runs.",
      addReadinessRoute:
        "Add a `{{path}}` readiness route with a marked place to check the app's dependencies (a failed check answers 503).",
    },
  },
  create(context, [options]) {
    // Tests start throwaway servers; the configs leave test files out, and so does the rule.
    // Every report is on a server start, and a file without `listen(` or `serve` has none.
    if (isTestFile(context) || !mayStartServer(context.sourceCode)) return {};
    const sourceCode = context.sourceCode;
    const livenessPaths = options.livenessPaths ?? [];
    const readinessPaths = options.readinessPaths ?? [];
    const liveness = livenessPaths.map(toSegments);
    const readiness = readinessPaths.map(toSegments);
    const starts: ServerStart[] = [];
    const routeCalls: TSESTree.CallExpression[] = [];
    let hasLiveness = false;
    let hasReadiness = false;
    let servedByPackage = false;

    function notePath(path: string | undefined): void {
      if (path === undefined || !path.startsWith("/")) return;
      if (!hasLiveness && matchesPath(path, liveness)) hasLiveness = true;
      if (!hasReadiness && matchesPath(path, readiness)) hasReadiness = true;
    }

    function getTarget(start: ServerStart): Target | undefined {
      const receiver = start.receiver;
      if (start.framework === "nest") return { kind: "external", start, elsewhere: true };
      if (receiver) {
        if (receiver.kind !== "app") return undefined;
        const framework = receiver.framework;
        if (framework !== "express" && framework !== "fastify" && framework !== "hono" && framework !== "koa")
          return undefined;
        // An app imported from another file has its routes there.
        if (receiver.origin !== "created") return { kind: "external", start, elsewhere: true };
        // Its routers, plugins and sub-apps may come from any file: the project is asked before reporting.
        return {
          kind: "app",
          start,
          receiver: { ...receiver, framework },
          elsewhere: true,
          routesElsewhere: getExternalRouteSources(context, receiver).length > 0,
        };
      }
      if (start.kind !== "listen" || start.framework !== undefined) return undefined;
      const listener = getFunctionFromExpression(context, start.requestListener);
      return listener ? { kind: "listener", start, listener, elsewhere: false } : undefined;
    }

    /**
     * A readiness route apart from the liveness route matters where Kubernetes sends traffic only to pods
     * whose readiness probe passes. Docker Compose and most platforms (a PaaS health check path) probe one
     * route for everything, which the liveness route serves.
     */
    function isReadinessRequired(): boolean {
      const setting = options.requireReadiness;
      if (setting === true || setting === "always") return true;
      if (setting === false || setting === "never") return false;
      return hasKubernetesManifests(getLintedFilePath(context));
    }

    /** Routes in other files: a path literal of a probe anywhere in the project's source (`"/health"`, `@Controller("health")`). */
    let projectProbes: { liveness: boolean; readiness: boolean } | undefined;
    function getProjectProbes(): { liveness: boolean; readiness: boolean } {
      const file = getLintedFilePath(context);
      projectProbes ??= {
        liveness: hasProjectPathLiteral(file, (literal) => matchesPath(literal, liveness)),
        readiness: hasProjectPathLiteral(file, (literal) => matchesPath(literal, readiness)),
      };
      return projectProbes;
    }

    /** `app.get("/health", …)` after `const app = express()`: before any middleware that could shadow or guard it. */
    function getAppAnchor(receiver: Receiver): TSESTree.Node | undefined {
      const declaration = receiver.declaration;
      if (declaration?.type !== AST_NODE_TYPES.VariableDeclarator || declaration.id.type !== AST_NODE_TYPES.Identifier)
        return undefined;
      return getListStatement(declaration);
    }

    function getRouteText(target: Target & { kind: "app" }, path: string, probe: "liveness" | "readiness"): string[] {
      const t = getStatementTerminator(sourceCode);
      const app = target.receiver.name ?? "app";
      const p = JSON.stringify(path);
      switch (target.receiver.framework) {
        case "express":
          if (probe === "liveness")
            return [`${app}.get(${p}, (_req, res) => {`, `  res.json({ status: "ok" })${t}`, `})${t}`];
          return [
            `${app}.get(${p}, async (_req, res) => {`,
            "  try {",
            ...READINESS_TODO.map((line) => `    ${line}`),
            `    res.json({ status: "ready" })${t}`,
            "  } catch {",
            `    res.status(503).json({ status: "unavailable" })${t}`,
            "  }",
            `})${t}`,
          ];
        case "fastify":
          if (probe === "liveness") return [`${app}.get(${p}, async () => ({ status: "ok" }))${t}`];
          return [
            `${app}.get(${p}, async (_request, reply) => {`,
            "  try {",
            ...READINESS_TODO.map((line) => `    ${line}`),
            `    return { status: "ready" }${t}`,
            "  } catch {",
            `    return reply.code(503).send({ status: "unavailable" })${t}`,
            "  }",
            `})${t}`,
          ];
        case "hono":
          if (probe === "liveness") return [`${app}.get(${p}, (c) => c.json({ status: "ok" }))${t}`];
          return [
            `${app}.get(${p}, async (c) => {`,
            "  try {",
            ...READINESS_TODO.map((line) => `    ${line}`),
            `    return c.json({ status: "ready" })${t}`,
            "  } catch {",
            `    return c.json({ status: "unavailable" }, 503)${t}`,
            "  }",
            `})${t}`,
          ];
        case "koa":
          if (probe === "liveness") {
            return [
              `${app}.use(async (ctx, next) => {`,
              `  if (ctx.path !== ${p}) return next()${t}`,
              `  ctx.body = { status: "ok" }${t}`,
              `})${t}`,
            ];
          }
          return [
            `${app}.use(async (ctx, next) => {`,
            `  if (ctx.path !== ${p}) return next()${t}`,
            "  try {",
            ...READINESS_TODO.map((line) => `    ${line}`),
            `    ctx.body = { status: "ready" }${t}`,
            "  } catch {",
            `    ctx.status = 503${t}`,
            `    ctx.body = { status: "unavailable" }${t}`,
            "  }",
            `})${t}`,
          ];
      }
    }

    function getListenerText(req: string, res: string, path: string, probe: "liveness" | "readiness"): string[] {
      const t = getStatementTerminator(sourceCode);
      const p = JSON.stringify(path);
      const json = `{ "content-type": "application/json" }`;
      if (probe === "liveness") {
        return [
          `if (${req}.url === ${p}) {`,
          `  ${res}.writeHead(200, ${json})${t}`,
          `  ${res}.end(JSON.stringify({ status: "ok" }))${t}`,
          `  return${t}`,
          "}",
        ];
      }
      return [
        `if (${req}.url === ${p}) {`,
        "  // TODO: set `ready` from what this server needs to serve traffic (database, cache, upstream APIs).",
        `  const ready = true${t}`,
        `  ${res}.writeHead(ready ? 200 : 503, ${json})${t}`,
        `  ${res}.end(JSON.stringify({ status: ready ? "ready" : "unavailable" }))${t}`,
        `  return${t}`,
        "}",
      ];
    }

    function getFix(target: Target, probe: "liveness" | "readiness"): TSESLint.ReportFixFunction | undefined {
      const path = (probe === "liveness" ? livenessPaths : readinessPaths)[0];
      if (path === undefined) return undefined;
      if (target.kind === "app") {
        const anchor = getAppAnchor(target.receiver);
        if (!anchor || anchor.range[1] > target.start.call.range[0]) return undefined;
        const indent = getIndentation(sourceCode, anchor);
        const text = getRouteText(target, path, probe)
          .map((line) => `${indent}${line}`)
          .join("\n");
        return (fixer) => fixer.insertTextAfter(anchor, `\n\n${text}`);
      }
      if (target.kind === "external") return undefined;
      const { listener } = target;
      const [req, res] = listener.params;
      if (
        listener.body.type !== AST_NODE_TYPES.BlockStatement ||
        req?.type !== AST_NODE_TYPES.Identifier ||
        res?.type !== AST_NODE_TYPES.Identifier
      ) {
        return undefined;
      }
      const body = listener.body;
      const first = body.body[0];
      const indent =
        first && first.loc.start.line > body.loc.start.line
          ? getIndentation(sourceCode, first)
          : `${getIndentation(sourceCode, body)}  `;
      const text = getListenerText(req.name, res.name, path, probe)
        .map((line) => `${indent}${line}`)
        .join("\n");
      const open = sourceCode.getFirstToken(body);
      if (!open) return undefined;
      return (fixer) => fixer.insertTextAfter(open, `\n${text}${first ? "" : `\n${getIndentation(sourceCode, body)}`}`);
    }

    return {
      ImportDeclaration(node) {
        if (HEALTH_MODULE.test(node.source.value)) servedByPackage = true;
      },
      // Paths start with `/`: ESLint skips the other literals for us.
      "Literal[value=/^\\//u]"(node: TSESTree.StringLiteral) {
        notePath(node.value);
      },
      TemplateLiteral(node) {
        if (node.expressions.length === 0) notePath(node.quasis[0]?.value.cooked ?? undefined);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === AST_NODE_TYPES.Identifier && callee.name === "require") {
          const source = getRequiredSource(node);
          if (source !== undefined && HEALTH_MODULE.test(source)) servedByPackage = true;
          return;
        }
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const property = callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : "";
          // Routes are resolved only if the file turns out to start a server.
          if (ROUTE_METHODS.has(property) || property === "route" || property === "on") {
            routeCalls.push(node);
            return;
          }
        } else if (callee.type !== AST_NODE_TYPES.Identifier) {
          return;
        }
        const start = getServerStart(context, node);
        // `Bun.serve` / `Deno.serve`: other runtimes, outside this rule's frameworks.
        if (!start || (start.kind === "serve" && callee.type === AST_NODE_TYPES.MemberExpression) || isInTestCode(node))
          return;
        starts.push(start);
      },
      "Program:exit"() {
        if (starts.length === 0 || servedByPackage || isDevelopmentServer(context)) return;
        for (const call of routeCalls) {
          if (hasLiveness && hasReadiness) break;
          notePath(getRouteRegistration(context, call)?.fullPath);
        }
        const missingLiveness = !hasLiveness;
        const missingReadiness = !hasReadiness && isReadinessRequired();
        if (!missingLiveness && !missingReadiness) return;
        const seen = new Set<TSESTree.Node>();
        for (const start of starts) {
          const target = getTarget(start);
          if (!target) continue;
          // One report per app, on the first place it is started.
          const key =
            target.kind === "app"
              ? (target.receiver.declaration ?? start.call)
              : target.kind === "listener"
                ? target.listener
                : start.call;
          if (seen.has(key)) continue;
          seen.add(key);
          let lacksLiveness = missingLiveness;
          let lacksReadiness = missingReadiness;
          if (target.elsewhere) {
            // A health package set up in another file (`@fastify/under-pressure` in a plugin, `@nestjs/terminus`).
            if (hasProjectImport(getLintedFilePath(context), (specifier) => HEALTH_MODULE.test(specifier))) continue;
            const probes = getProjectProbes();
            lacksLiveness &&= !probes.liveness;
            lacksReadiness &&= !probes.readiness;
            if (!lacksLiveness && !lacksReadiness) continue;
          }
          const readinessFix = lacksReadiness ? getFix(target, "readiness") : undefined;
          const livenessFix = lacksLiveness ? getFix(target, "liveness") : undefined;
          // Routes from other files: that no probe exists is the project's answer, so adding one is offered, not applied.
          const offerLiveness = livenessFix !== undefined && target.kind === "app" && target.routesElsewhere;
          const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
          if (offerLiveness)
            suggest.push({ messageId: "addLivenessRoute", data: { path: livenessPaths[0] }, fix: livenessFix });
          if (readinessFix)
            suggest.push({ messageId: "addReadinessRoute", data: { path: readinessPaths[0] }, fix: readinessFix });
          context.report({
            node: start.call,
            messageId:
              lacksLiveness && lacksReadiness ? "missingBoth" : lacksLiveness ? "missingLiveness" : "missingReadiness",
            data: {
              start: describeServerStart(sourceCode, start),
              liveness: formatPaths(livenessPaths),
              readiness: formatPaths(readinessPaths),
            },
            fix: offerLiveness ? null : (livenessFix ?? null),
            suggest,
          });
        }
      },
    };
  },
});
