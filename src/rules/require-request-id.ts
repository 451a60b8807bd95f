import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getListStatement } from "../fix/get-list-statement.js";
import { getImportFixes } from "../fix/get-import-fixes.js";
import { getStatementTerminator } from "../fix/get-statement-terminator.js";
import { getIndentation } from "../fix/insert-statement.js";
import { findEnclosingHandler } from "../frameworks/get-handler-info.js";
import { getServerStart, mayStartServer, type ServerStart } from "../frameworks/get-server-start.js";
import type { HandlerInfo, Receiver } from "../frameworks/types.js";
import { getImportedAppFramework } from "../project/get-imported-app-framework.js";
import { getLintedFilePath } from "../project/get-project-function.js";
import { isNextMiddlewareFile } from "../project/get-next-middleware.js";
import { getRequestIdEvidence, isFastifyLoggerEnabled } from "../project/get-request-id-evidence.js";
import { hasProjectImport } from "../project/has-project-path-literal.js";
import { createRule } from "../utils/create-rule.js";
import { describeServerStart } from "../utils/describe-server-start.js";
import { getLoggerCall, LOGGER_CALL_SELECTOR } from "../utils/find-logger.js";
import { enablesFastifyLogger } from "../utils/get-request-id-mark.js";
import { isDevelopmentServer } from "../utils/is-development-server.js";
import { isInTestCode } from "../utils/is-in-test-code.js";
import { isTestFile } from "../utils/is-test-file.js";

type Options = [];
type MessageIds =
  | "missingRequestId"
  | "counterRequestId"
  | "missingInMiddleware"
  | "globalLogger"
  | "addRequestIdMiddleware"
  | "generateFastifyIds"
  | "useHonoRequestId"
  | "useRequestLogger";

type AppFramework = "express" | "fastify" | "hono" | "koa";

/** Packages that give Express's `req.log`: a request-scoped pino logger. */
const EXPRESS_REQUEST_LOGGERS = new Set(["pino-http", "express-pino-logger"]);

const RANDOM_UUID = { name: "randomUUID", source: "node:crypto", importKind: "named" } as const;

export default createRule<Options, MessageIds>({
  name: "require-request-id",
  meta: {
    type: "suggestion",
    docs: {
      description:
        "Require an id for every request, written on its log lines and returned to the client, so a user's error can be found in the logs.",
      recommended: "recommended",
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/require-request-id.md",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      missingRequestId:
        'The server started by `{{start}}` gives requests no id: a user\'s "I got an error" cannot be traced to a log line. Give each request an id, write it on every log line and return it in a response header.',
      counterRequestId:
        "The server started by `{{start}}` numbers requests with {{what}}, a per-process counter: the same ids come back on every instance and restart, and clients never see them. Generate unique ids (`genReqId`) and return them in a response header.",
      missingInMiddleware:
        'No request in this app gets an id: a user\'s "I got an error" cannot be traced to a log line. Set an `x-request-id` header on the request and the response here, and log it.',
      globalLogger:
        "`{{logger}}` writes this line without the request's id, so it cannot be traced to the request: the handler has `{{requestLogger}}`, which adds the id to every line. Log with `{{requestLogger}}`.",
      addRequestIdMiddleware:
        "Add a middleware that gives each request an id from `randomUUID()` and returns it in the `x-request-id` header.",
      generateFastifyIds:
        "Generate request ids with `randomUUID()` (`genReqId`) and return them in the `x-request-id` header.",
      useHonoRequestId: "Add Hono's `requestId()` middleware, which sets the `X-Request-Id` header.",
      useRequestLogger: "Log with `{{requestLogger}}`.",
    },
  },
  create(context) {
    if (isTestFile(context)) return {};
    const sourceCode = context.sourceCode;
    const file = getLintedFilePath(context);
    const starts: ServerStart[] = [];

    /** The statement that creates the app, when this file shows one a fix can add to. */
    function getAppStatement(receiver: Receiver, start: ServerStart): TSESTree.Node | undefined {
      const declaration = receiver.declaration;
      if (declaration?.type !== AST_NODE_TYPES.VariableDeclarator || declaration.id.type !== AST_NODE_TYPES.Identifier)
        return undefined;
      const statement = getListStatement(declaration);
      return statement && statement.range[1] <= start.call.range[0] ? statement : undefined;
    }

    function getMiddlewareLines(framework: "express" | "koa", app: string): string[] {
      const t = getStatementTerminator(sourceCode);
      if (framework === "express") {
        return [
          `${app}.use((req, res, next) => {`,
          `  res.locals.requestId = randomUUID()${t}`,
          `  res.setHeader("x-request-id", res.locals.requestId)${t}`,
          `  next()${t}`,
          `})${t}`,
        ];
      }
      return [
        `${app}.use(async (ctx, next) => {`,
        `  ctx.state.requestId = randomUUID()${t}`,
        `  ctx.set("x-request-id", ctx.state.requestId)${t}`,
        `  await next()${t}`,
        `})${t}`,
      ];
    }

    function insertAfter(statement: TSESTree.Node, lines: string[]): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
      const indent = getIndentation(sourceCode, statement);
      const text = lines.map((line) => `${indent}${line}`).join("\n");
      return (fixer) => fixer.insertTextAfter(statement, `\n\n${text}`);
    }

    /** What adds request ids to the app the file creates: its framework's built-in, or a few lines of its own. */
    function getSuggestions(start: ServerStart, framework: AppFramework): TSESLint.ReportSuggestionArray<MessageIds> {
      const receiver = start.receiver;
      if (!receiver || receiver.origin !== "created" || !receiver.name) return [];
      const statement = getAppStatement(receiver, start);
      if (!statement) return [];
      const app = receiver.name;
      const t = getStatementTerminator(sourceCode);
      if (framework === "express" || framework === "koa") {
        const insert = insertAfter(statement, getMiddlewareLines(framework, app));
        return [
          {
            messageId: "addRequestIdMiddleware",
            fix: (fixer) => [...getImportFixes(fixer, sourceCode, RANDOM_UUID), insert(fixer)],
          },
        ];
      }
      if (framework === "hono") {
        const insert = insertAfter(statement, [`${app}.use(requestId())${t}`]);
        return [
          {
            messageId: "useHonoRequestId",
            fix: (fixer) => [
              ...getImportFixes(fixer, sourceCode, { name: "requestId", source: "hono/request-id" }),
              insert(fixer),
            ],
          },
        ];
      }
      // Fastify: the factory's own option, and a hook that returns the id.
      const declaration = receiver.declaration as TSESTree.VariableDeclarator;
      const factory = declaration.init;
      if (factory?.type !== AST_NODE_TYPES.CallExpression) return [];
      const options = factory.arguments[0];
      if (options && options.type !== AST_NODE_TYPES.ObjectExpression) return [];
      const option = "genReqId: () => randomUUID()";
      const hook = insertAfter(statement, [
        `${app}.addHook("onRequest", async (request, reply) => {`,
        `  reply.header("x-request-id", request.id)${t}`,
        `})${t}`,
      ]);
      return [
        {
          messageId: "generateFastifyIds",
          fix: (fixer) => {
            const fixes = [...getImportFixes(fixer, sourceCode, RANDOM_UUID)];
            if (!options) {
              const close = sourceCode.getLastToken(factory);
              if (close) fixes.push(fixer.insertTextBefore(close, `{ ${option} }`));
            } else {
              const last = options.properties.at(-1);
              const open = sourceCode.getFirstToken(options);
              if (last) fixes.push(fixer.insertTextAfter(last, `, ${option}`));
              else if (open) fixes.push(fixer.insertTextAfter(open, ` ${option} `));
            }
            fixes.push(hook(fixer));
            return fixes;
          },
        },
      ];
    }

    /** Whether a Fastify app of this file is made with a logger (its own options), or one of the project's is. */
    let fastifyLogger: boolean | undefined;
    function hasFastifyLogger(): boolean {
      fastifyLogger ??= enablesFastifyLogger(sourceCode.text) || isFastifyLoggerEnabled(file);
      return fastifyLogger;
    }

    let expressRequestLogger: boolean | undefined;
    function hasExpressRequestLogger(): boolean {
      expressRequestLogger ??= hasProjectImport(file, (specifier) => EXPRESS_REQUEST_LOGGERS.has(specifier));
      return expressRequestLogger;
    }

    /** The handler's own logger, when it has one: Fastify's `request.log`, pino-http's `req.log`. */
    function getRequestLogger(handler: HandlerInfo, call: TSESTree.CallExpression): string | undefined {
      const request = handler.request;
      if (request?.type !== AST_NODE_TYPES.Identifier) return undefined;
      // The name must reach the handler's parameter from the call.
      const variable = ASTUtils.findVariable(sourceCode.getScope(call), request.name);
      if (!variable?.defs.some((definition) => definition.name === request)) return undefined;
      if (handler.framework === "fastify") return hasFastifyLogger() ? `${request.name}.log` : undefined;
      if (handler.framework === "express") return hasExpressRequestLogger() ? `${request.name}.log` : undefined;
      return undefined;
    }

    function checkLoggerCall(call: TSESTree.CallExpression): void {
      const logger = getLoggerCall(context, call);
      if (!logger || logger.style === "nest" || logger.style === "winston") return;
      const handler = findEnclosingHandler(context, call);
      if (!handler) return;
      const requestLogger = getRequestLogger(handler, call);
      if (!requestLogger || logger.expression === requestLogger) return;
      // `request.log.child(…)`, a logger the handler made from the request's own.
      if (logger.expression.startsWith(`${requestLogger}.`)) return;
      const callee = call.callee as TSESTree.MemberExpression;
      const fix = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix => fixer.replaceText(callee.object, requestLogger);
      // Fastify always gives its handlers `request.log`; pino-http only after its middleware ran.
      const safe = logger.style === "pino" && handler.framework === "fastify";
      context.report({
        node: callee.object,
        messageId: "globalLogger",
        data: { logger: logger.expression, requestLogger },
        fix: safe ? fix : null,
        suggest: safe ? [] : [{ messageId: "useRequestLogger", data: { requestLogger }, fix }],
      });
    }

    /** A Next.js `middleware.ts` / `proxy.ts`: its exported function, reported when no request gets an id. */
    function checkNextMiddleware(program: TSESTree.Program): void {
      if (!isNextMiddlewareFile(file)) return;
      const exported = program.body.find(
        (statement) =>
          statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
          (statement.type === AST_NODE_TYPES.ExportNamedDeclaration &&
            statement.declaration?.type === AST_NODE_TYPES.FunctionDeclaration &&
            (statement.declaration.id?.name === "middleware" || statement.declaration.id?.name === "proxy")),
      );
      const importsNext = program.body.some(
        (statement) =>
          statement.type === AST_NODE_TYPES.ImportDeclaration && /^next(?:\/|-auth|$)/u.test(statement.source.value),
      );
      if (!exported || !importsNext) return;
      if (getRequestIdEvidence(file, sourceCode.text)?.kind === "unique") return;
      const node =
        exported.type === AST_NODE_TYPES.ExportNamedDeclaration &&
        exported.declaration?.type === AST_NODE_TYPES.FunctionDeclaration
          ? (exported.declaration.id ?? exported)
          : exported;
      context.report({ node, messageId: "missingInMiddleware" });
    }

    return {
      [LOGGER_CALL_SELECTOR]: checkLoggerCall,
      ...(mayStartServer(sourceCode)
        ? {
            CallExpression(node: TSESTree.CallExpression) {
              const start = getServerStart(context, node);
              // `Bun.serve` / `Deno.serve`: other runtimes, outside this rule's frameworks.
              if (!start || (start.kind === "serve" && node.callee.type === AST_NODE_TYPES.MemberExpression)) return;
              if (!isInTestCode(node)) starts.push(start);
            },
          }
        : {}),
      "Program:exit"(program) {
        if (starts.length === 0) {
          checkNextMiddleware(program);
          return;
        }
        if (isDevelopmentServer(context)) return;
        const seen = new Set<TSESTree.Node>();
        let evidence: ReturnType<typeof getRequestIdEvidence> | null = null;
        for (const start of starts) {
          const framework =
            start.framework ??
            (start.receiver?.kind === "app" ? start.receiver.framework : undefined) ??
            getImportedAppFramework(context, start.server);
          if (framework === undefined || framework === "next") continue;
          // One report per app, on the first place it is started.
          const key = start.receiver?.declaration ?? start.call;
          if (seen.has(key)) continue;
          seen.add(key);
          if (evidence === null) evidence = getRequestIdEvidence(file, sourceCode.text);
          if (evidence?.kind === "unique") return;
          const startText = describeServerStart(sourceCode, start);
          if (framework === "fastify" && hasFastifyLogger()) {
            const what = "Fastify's built-in ids";
            const suggest = getSuggestions(start, framework);
            context.report({
              node: start.call,
              messageId: "counterRequestId",
              data: { start: startText, what },
              suggest,
            });
          } else if (evidence?.kind === "counter") {
            // The request logger's own `genReqId` option is the fix, wherever the project sets the logger up.
            const what = `${evidence.text}'s default ids`;
            context.report({ node: start.call, messageId: "counterRequestId", data: { start: startText, what } });
          } else {
            // Fastify's ids reach no log line while its logger is off.
            const suggest = framework === "nest" ? [] : getSuggestions(start, framework);
            context.report({ node: start.call, messageId: "missingRequestId", data: { start: startText }, suggest });
          }
        }
      },
    };
  },
});
