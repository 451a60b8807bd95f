import { ASTUtils, AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { isFunctionNode } from "../frameworks/get-function-from-expression.js";
import { getHandlerInfo } from "../frameworks/get-handler-info.js";
import { getResponseSend, type ResponseSend } from "../frameworks/get-response-send.js";
import { isSignedWebhookHandler } from "../frameworks/is-signed-webhook-handler.js";
import type { Framework, HandlerInfo, RuleContext } from "../frameworks/types.js";
import {
  getCaughtError,
  getCaughtErrorVariables,
  isReferenceTo,
  unwrapExpression,
  type CaughtError,
} from "../utils/get-caught-error.js";
import { isBypassedByReturnedPromise } from "../utils/is-bypassed-by-returned-promise.js";
import { isErrorDiscriminated } from "../utils/is-error-discriminated.js";
import { isServerFaultOnlyCallback, isServerFaultOnlyCatch } from "../utils/is-server-fault-only-catch.js";
import { walk } from "../utils/walk-nodes.js";
import { getLintedFilePath } from "./get-project-function.js";
import { hasErrorMiddleware } from "./has-error-middleware.js";

/** `app.use(errorHandler)`, `app.use(handleErrors())`: middleware from another file whose name says it handles errors. */
const ERROR_HANDLER_NAME = /error/iu;

/** The central error handlers a file installs. */
export interface ShownErrorHandlers {
  /** Frameworks whose error handler the file installs (Express / Koa error middleware, Fastify `setErrorHandler`, Hono `onError`, Nest `useGlobalFilters`). */
  frameworks: Set<Framework>;
  /** `app.use(errorHandler)` with middleware from another file whose name says it handles errors. */
  named: boolean;
  /** The calls that install them; `framework` is unknown for one known by its name only. */
  installs: { framework: Framework | undefined; node: TSESTree.CallExpression }[];
}

/** A response that answers 500 to every error a catch receives. */
export interface CatchAll500 {
  send: ResponseSend;
  caught: CaughtError;
  /** The handler the response is sent from. */
  handler: HandlerInfo | undefined;
  /**
   * No error handler of the app would receive a handed-on error: a Next.js handler, or Express with no error
   * middleware in this file or anywhere in the project.
   */
  unhandled: boolean;
}

export interface ErrorHandling {
  /** The catch-all 500 a response send (see `RESPONSE_SEND_SELECTOR`) is, if it is one; each status setter once. */
  getCatchAll500(node: TSESTree.Node): CatchAll500 | undefined;
  getShownErrorHandlers(): ShownErrorHandlers;
  /**
   * Whether this file shows where a handed-on error lands, so the response stays the app's own: its error
   * handler, or for Express and Koa error middleware imported by a name that says so.
   */
  isErrorHandlerShown(framework: Framework): boolean;
}

/**
 * How a file's handlers answer errors: the responses that answer 500 to every error caught, and the central
 * error handlers the file installs. Without one, the framework's default answers: Express' final handler an
 * HTML page with the stack trace unless `NODE_ENV=production`, Fastify `error.message` as JSON, Hono and Koa
 * a plain-text "Internal Server Error" — and whether the app has its own handler in another file, one file
 * cannot show.
 */
export function createErrorHandling(context: RuleContext): ErrorHandling {
  const sourceCode = context.sourceCode;
  /** Status setters already found: `res.status(500); if (a) res.json(x); else res.send(y)` is one response. */
  const seenStatus = new Set<TSESTree.Node>();

  /** Whether the catch already hands the error on somewhere: `throw err`, `next(err)`. */
  function delegatesAlready(caught: CaughtError, send: ResponseSend): boolean {
    const variables = getCaughtErrorVariables(context, caught);
    if (variables.length === 0) return false;
    const nextName = caught.handler?.next?.type === AST_NODE_TYPES.Identifier ? caught.handler.next.name : "next";
    const isError = (node: TSESTree.Node | undefined) =>
      node !== undefined && isReferenceTo(unwrapExpression(node), variables);
    return walk(caught.body, sourceCode.visitorKeys, false, (node) => {
      // Fastify's `reply.send(err)` hands an Error to the error handler, like `next(err)`.
      if (
        node.type === AST_NODE_TYPES.CallExpression ||
        node.type === AST_NODE_TYPES.NewExpression ||
        node.type === AST_NODE_TYPES.AssignmentExpression
      ) {
        const other = getResponseSend(context, node);
        if (
          other?.framework === "fastify" &&
          other.kind === "call" &&
          other.bodyNodes.length === 1 &&
          isError(other.bodyNodes[0])
        )
          return true;
      }
      // `throw new AppError("…", { cause: err })` hands the error on too; the thrown 500 itself does not.
      if (node.type === AST_NODE_TYPES.ThrowStatement) {
        return (
          node.argument !== send.node &&
          walk(node.argument, sourceCode.visitorKeys, false, (inner) => isReferenceTo(inner, variables))
        );
      }
      return (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.Identifier &&
        node.callee.name === nextName &&
        node.arguments.some((arg) => isReferenceTo(arg, variables))
      );
    });
  }

  /** Frameworks whose central error handler this file installs; `named` for `app.use(errorHandler)` from elsewhere. */
  let shownErrorHandlers: ShownErrorHandlers | undefined;

  function getShownErrorHandlers(): ShownErrorHandlers {
    if (shownErrorHandlers) return shownErrorHandlers;
    const found: ShownErrorHandlers = { frameworks: new Set<Framework>(), named: false, installs: [] };
    const addIfErrorHandler = (fn: TSESTree.Node | undefined, call: TSESTree.CallExpression) => {
      const info = fn && isFunctionNode(fn) ? getHandlerInfo(context, fn) : undefined;
      if (info?.kind === "error-handler" && info.origin === "registration") {
        found.frameworks.add(info.framework);
        found.installs.push({ framework: info.framework, node: call });
      }
    };
    walk(sourceCode.ast, sourceCode.visitorKeys, true, (node) => {
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        node.callee.property.type === AST_NODE_TYPES.Identifier
      ) {
        const method = node.callee.property.name;
        if (method === "setErrorHandler" || method === "onError" || method === "useGlobalFilters") {
          const framework = method === "onError" ? "hono" : method === "useGlobalFilters" ? "nest" : "fastify";
          found.frameworks.add(framework);
          found.installs.push({ framework, node });
        }
        if (method === "use") {
          for (const arg of node.arguments) {
            if (isFunctionNode(arg)) addIfErrorHandler(arg, node);
            const called = arg.type === AST_NODE_TYPES.CallExpression ? arg.callee : arg;
            const name = called.type === AST_NODE_TYPES.MemberExpression ? called.property : called;
            if (name.type !== AST_NODE_TYPES.Identifier) continue;
            if (ERROR_HANDLER_NAME.test(name.name)) {
              found.named = true;
              found.installs.push({ framework: undefined, node });
            }
            const definition =
              arg.type === AST_NODE_TYPES.Identifier
                ? ASTUtils.findVariable(sourceCode.getScope(arg), arg)?.defs[0]?.node
                : undefined;
            addIfErrorHandler(
              definition?.type === AST_NODE_TYPES.VariableDeclarator ? (definition.init ?? undefined) : definition,
              node,
            );
          }
        }
      }
    });
    shownErrorHandlers = found;
    return found;
  }
  /** Whether any file of the app declares Express error middleware: asked once per lint of the file. */
  let appErrorMiddleware: { known: boolean | undefined } | undefined;
  function hasAppErrorMiddleware(): boolean | undefined {
    appErrorMiddleware ??= { known: hasErrorMiddleware(getLintedFilePath(context)) };
    return appErrorMiddleware.known;
  }

  /**
   * Whether this file shows where a handed-on error lands, so the response stays the app's own: its error
   * handler (Express / Koa error middleware, Fastify `setErrorHandler`, Hono `onError`), or for Express and
   * Koa error middleware imported by a name that says so. Without it the framework's default answers:
   * Express' final handler an HTML page with the stack trace unless `NODE_ENV=production`, Fastify
   * `error.message` as JSON, Hono and Koa a plain-text "Internal Server Error" in place of the JSON body —
   * and whether the app has its own handler in another file, this file cannot show.
   */
  function isErrorHandlerShown(framework: Framework): boolean {
    const shown = getShownErrorHandlers();
    return shown.frameworks.has(framework) || (shown.named && (framework === "express" || framework === "koa"));
  }

  /** A plain Node request listener (`http.createServer(listener)`) has no error handler to hand errors to. */
  function isServerListener(handler: HandlerInfo): boolean {
    if (handler.origin !== "signature") return false;
    const fn = handler.function;
    const isCreateServerArgument = (node: TSESTree.Node) => {
      const call = node.parent;
      if (
        call?.type !== AST_NODE_TYPES.CallExpression ||
        !call.arguments.includes(node as TSESTree.CallExpressionArgument)
      )
        return false;
      const callee = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.property : call.callee;
      return (
        callee.type === AST_NODE_TYPES.Identifier &&
        (callee.name === "createServer" || callee.name === "createSecureServer")
      );
    };
    if (isCreateServerArgument(fn)) return true;
    const binding =
      fn.type === AST_NODE_TYPES.FunctionDeclaration
        ? fn
        : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator
          ? fn.parent
          : undefined;
    const variable = binding && sourceCode.getDeclaredVariables(binding)[0];
    return variable?.references.some((ref) => isCreateServerArgument(ref.identifier)) ?? false;
  }

  /** A `try` directly in the handler whose catch only server faults can reach (see `isServerFaultOnlyCatch`). */
  function isServerFaultOnly(send: ResponseSend, caught: CaughtError): boolean {
    if (caught.owner.type === AST_NODE_TYPES.CatchClause && isBypassedByReturnedPromise(caught.owner)) return true;
    const handler = send.handler ?? caught.handler;
    if (caught.central || !handler) return false;
    if (caught.kind === "callback") return isServerFaultOnlyCallback(context, handler, caught.owner);
    if (caught.owner.type !== AST_NODE_TYPES.CatchClause) return false;
    return isServerFaultOnlyCatch(context, handler, caught.owner);
  }

  function getCatchAll500(node: TSESTree.Node): CatchAll500 | undefined {
    const send = getResponseSend(context, node);
    if (send?.status !== 500) return undefined;
    if (send.statusNode && seenStatus.has(send.statusNode)) return undefined;
    const caught = getCaughtError(context, send.node);
    if (!caught) return undefined;
    if (!send.handler && !caught.handler && send.framework !== "nest") return undefined;
    if (send.handler && isServerListener(send.handler)) return undefined;
    // A provider retries a webhook answered 5xx; a 4xx would drop the event for good.
    if (send.handler && isSignedWebhookHandler(context, send.handler, send.node)) return undefined;
    if (isErrorDiscriminated(context, caught, send.node)) return undefined;
    if (!caught.central && delegatesAlready(caught, send)) return undefined;
    if (isServerFaultOnly(send, caught)) return undefined;
    if (send.statusNode) seenStatus.add(send.statusNode);
    const handler = send.handler ?? caught.handler;
    const framework = handler?.framework;
    // With no error middleware anywhere in the project, `next(err)` reaches Express's default handler.
    const unhandled =
      !caught.central &&
      (framework === "next" ||
        (framework === "express" && !isErrorHandlerShown("express") && hasAppErrorMiddleware() === false));
    return { send, caught, handler, unhandled };
  }

  return { getCatchAll500, getShownErrorHandlers, isErrorHandlerShown };
}
