import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getProcessEnvReadText } from "../fix/get-env-read-text.js";
import { getListStatement } from "../fix/get-list-statement.js";
import { getStatementTerminator } from "../fix/get-statement-terminator.js";
import { getIndentation } from "../fix/insert-statement.js";
import { getRequiredSource } from "../frameworks/get-binding-source.js";
import { getServerStart, mayStartServer, type ServerStart } from "../frameworks/get-server-start.js";
import { getStaticString } from "../frameworks/get-static-string.js";
import { createRule } from "../utils/create-rule.js";
import { isDevelopmentServer } from "../utils/is-development-server.js";
import { describeServerStart } from "../utils/describe-server-start.js";
import { isInTestCode } from "../utils/is-in-test-code.js";
import { isTestFile } from "../utils/is-test-file.js";
import { getUnwrappedExpression } from "../utils/get-unwrapped-expression.js";
import { isTypeScriptFile } from "../utils/is-typescript-file.js";

type Options = [
  {
    shutdownHelpers?: string[];
  },
];
type MessageIds = "missingShutdown" | "addShutdownHandler";

/** `process.on("SIGTERM", …)` and its siblings. */
const LISTENER_METHODS = new Set(["on", "once", "addListener", "prependListener", "prependOnceListener"]);
/** Signals the fix handles: SIGTERM from the orchestrator, SIGINT from Ctrl-C in a terminal. */
const SIGNALS = ["SIGTERM", "SIGINT"];
/**
 * Modules that install signal handling for a server: `@godaddy/terminus`, `http-terminator`,
 * `close-with-grace`, `lightship`, `http-graceful-shutdown`, `fastify-graceful-shutdown`, `exit-hook`,
 * `signal-exit`, and the project's own `./shutdown` / `./graceful` modules.
 */
const SHUTDOWN_MODULE =
  /graceful|shutdown|terminus|terminator|close-with-grace|lightship|exit-hook|signal-exit|^death$/iu;
/** Calls that install shutdown handling by name: `gracefulShutdown(server)`, `app.enableShutdownHooks()`, `createTerminus(…)`. */
const SHUTDOWN_CALL = /shutdown|graceful|terminus|terminator|closeWithGrace|lightship/iu;
const SERVER_NAMES = ["server", "httpServer", "appServer"];

type Strategy =
  /** The call's value (Express, Koa, `http.Server`, `@hono/node-server`) is the server: `server.close(cb)`. */
  | { kind: "close-server"; server: string; capture: TSESTree.Node | undefined; alias?: string; anchor: TSESTree.Node }
  /** Fastify: `await fastify.close()` on the instance. */
  | { kind: "close-fastify"; server: string; anchor: TSESTree.Node }
  /** NestJS: `app.enableShutdownHooks()` before the listen. */
  | { kind: "nest"; server: string; anchor: TSESTree.Node };

const unwrap = (node: TSESTree.Node): TSESTree.Node => getUnwrappedExpression(node, { await: true });

/** `this.server`, `this.deps.server`. */
function isThisMember(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return false;
  return node.object.type === AST_NODE_TYPES.ThisExpression || isThisMember(node.object);
}

/** `app`, `this.server`, `deps.app`: an expression that names the same object every time it is read. */
function isStableReference(node: TSESTree.Node): boolean {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression) return true;
  return current.type === AST_NODE_TYPES.MemberExpression && !current.computed && isStableReference(current.object);
}

function getCalleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier)
    return callee.property.name;
  return undefined;
}

export default createRule<Options, MessageIds>({
  name: "require-graceful-shutdown",
  meta: {
    type: "problem",
    docs: {
      description: "Require a SIGTERM handler that lets in-flight requests finish in files that start a server.",
      recommended: "strict",
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/require-graceful-shutdown.md",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          shutdownHelpers: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description:
              'Names of the project\'s own functions that install shutdown handling when called, e.g. `["onShutdown"]`. Calls named like `gracefulShutdown` / `setupShutdown` always count.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ shutdownHelpers: [] }],
    messages: {
      missingShutdown:
        "`{{start}}` starts a server, but nothing in this file handles SIGTERM: every deploy cuts off the requests in flight. Close the server on SIGTERM so they finish, with a timer that forces the exit.",
      addShutdownHandler:
        "Close `{{server}}` on SIGTERM and SIGINT, wait for in-flight requests, then exit (forced after SHUTDOWN_TIMEOUT_MS).",
    },
  },
  create(context, [options]) {
    // Tests start throwaway servers; the configs leave test files out, and so does the rule.
    // Every report is on a server start, and a file without `listen(` or `serve` has none.
    if (isTestFile(context) || !mayStartServer(context.sourceCode)) return {};
    const sourceCode = context.sourceCode;
    const helpers = new Set(options.shutdownHelpers);
    const starts: ServerStart[] = [];
    const handledSignals = new Set<string>();
    let handledByHelper = false;
    let signalFromVariable = false;
    /** `server` in `server.close()` / `server.stop()`: objects whose lifecycle this file manages. */
    const closedObjects = new Set<string>();

    function isNameFree(scope: TSESLint.Scope.Scope, name: string): boolean {
      if (scope.through.some((reference) => reference.identifier.name === name)) return false;
      for (let current: TSESLint.Scope.Scope | null = scope; current; current = current.upper) {
        if (current.set.has(name)) return false;
      }
      return true;
    }

    /** Where the server object comes from, and whether the listen's value must be captured for it. */
    function getStrategy(start: ServerStart): Strategy | undefined {
      const anchor = getListStatement(start.call);
      if (!anchor) return undefined;
      if (
        start.kind === "listen" &&
        start.server &&
        (start.framework === "nest" || start.framework === "fastify" || isFastifyByName(start))
      ) {
        if (!isStableReference(start.server)) return undefined;
        const server = sourceCode.getText(unwrap(start.server));
        return start.framework === "nest"
          ? { kind: "nest", server, anchor }
          : { kind: "close-fastify", server, anchor };
      }
      // `server.listen()` on a `http.createServer(...)` server bound to a name: close that name.
      const object = start.server && unwrap(start.server);
      if (object?.type === AST_NODE_TYPES.Identifier && object.name !== start.receiver?.name) {
        return { kind: "close-server", server: object.name, capture: undefined, anchor };
      }
      // Otherwise the call's value is the server: `app.listen()`, `createServer(app).listen()`, `serve()`.
      const value = getValueNode(start.call);
      const parent = value.parent;
      if (
        parent?.type === AST_NODE_TYPES.VariableDeclarator &&
        parent.init === value &&
        parent.id.type === AST_NODE_TYPES.Identifier
      ) {
        return { kind: "close-server", server: parent.id.name, capture: undefined, anchor };
      }
      if (
        parent?.type === AST_NODE_TYPES.AssignmentExpression &&
        parent.operator === "=" &&
        parent.right === value &&
        parent.parent.type === AST_NODE_TYPES.ExpressionStatement
      ) {
        if (parent.left.type === AST_NODE_TYPES.Identifier)
          return { kind: "close-server", server: parent.left.name, capture: undefined, anchor };
        // `this.server = app.listen()`: a field typed `Server | undefined` is not narrowed inside the
        // handler, so the handler closes a local alias taken right after the assignment.
        if (!isThisMember(parent.left)) return undefined;
        const name = SERVER_NAMES.find((candidate) => isNameFree(sourceCode.getScope(anchor), candidate));
        return name
          ? { kind: "close-server", server: name, capture: undefined, alias: sourceCode.getText(parent.left), anchor }
          : undefined;
      }
      if (parent?.type === AST_NODE_TYPES.ExpressionStatement && parent === anchor) {
        const scope = sourceCode.getScope(anchor);
        const name = SERVER_NAMES.find((candidate) => isNameFree(scope, candidate));
        return name ? { kind: "close-server", server: name, capture: value, anchor } : undefined;
      }
      return undefined;
    }

    function isFastifyByName(start: ServerStart): boolean {
      if (start.framework !== undefined || start.receiver?.origin !== "name" || !start.server) return false;
      return /fastify/iu.test(sourceCode.getText(start.server));
    }

    function getHandlerText(strategy: Strategy, signals: readonly string[], indent: string): string {
      const t = getStatementTerminator(sourceCode);
      const { server } = strategy;
      const timeout = `Number(${getProcessEnvReadText(context)("SHUTDOWN_TIMEOUT_MS")} ?? 10_000)`;
      const body =
        strategy.kind === "close-fastify"
          ? [
              `setTimeout(() => process.exit(1), ${timeout}).unref()${t}`,
              "try {",
              `  await ${server}.close()${t}`,
              `  process.exit(0)${t}`,
              "} catch {",
              `  process.exit(1)${t}`,
              "}",
            ]
          : [
              `setTimeout(() => process.exit(1), ${timeout}).unref()${t}`,
              `${server}.close((error) => process.exit(error ? 1 : 0))${t}`,
            ];
      const listener = strategy.kind === "close-fastify" ? "async () =>" : "() =>";
      const lines = [
        "// Graceful shutdown: stop taking connections, let in-flight requests finish, then exit.",
        "// The unref()'d timer forces the exit if they take longer than SHUTDOWN_TIMEOUT_MS.",
      ];
      if (strategy.kind === "close-server" && strategy.alias) lines.push(`const ${server} = ${strategy.alias}${t}`);
      if (signals.length === 1) {
        lines.push(`process.once(${JSON.stringify(signals[0])}, ${listener} {`, ...body.map((l) => `  ${l}`), `})${t}`);
      } else {
        lines.push(
          // `as const` keeps each signal a `Signals` literal: typed as `string`, `process.once(signal, …)`
          // matches no overload under @types/node versions without a string-event fallback.
          `for (const signal of [${signals.map((s) => JSON.stringify(s)).join(", ")}]${isTypeScriptFile(context.filename) ? " as const" : ""}) {`,
          `  process.once(signal, ${listener} {`,
          ...body.map((l) => `    ${l}`),
          `  })${t}`,
          "}",
        );
      }
      return lines.map((line) => `${indent}${line}`).join("\n");
    }

    function getFix(strategy: Strategy): TSESLint.ReportFixFunction {
      return (fixer) => {
        const indent = getIndentation(sourceCode, strategy.anchor);
        if (strategy.kind === "nest") {
          const t = getStatementTerminator(sourceCode);
          return fixer.insertTextBefore(strategy.anchor, `${strategy.server}.enableShutdownHooks()${t}\n${indent}`);
        }
        const signals = SIGNALS.filter((signal) => !handledSignals.has(signal));
        const fixes = [fixer.insertTextAfter(strategy.anchor, `\n\n${getHandlerText(strategy, signals, indent)}`)];
        if (strategy.kind === "close-server" && strategy.capture) {
          fixes.push(fixer.insertTextBefore(strategy.capture, `const ${strategy.server} = `));
        }
        return fixes;
      };
    }

    /** The node that carries the call's value: the call, or the `await` / `as` around it. */
    function getValueNode(call: TSESTree.CallExpression): TSESTree.Node {
      let value: TSESTree.Node = call;
      while (value.parent && unwrap(value.parent) === call) value = value.parent;
      return value;
    }

    /**
     * `return server.listen(...args)` in a `listen()` wrapper or a `start()` that hands the server to
     * its caller: the caller owns the server, and its shutdown belongs where it is called.
     */
    function isReturned(call: TSESTree.CallExpression): boolean {
      const value = getValueNode(call);
      const parent = value.parent;
      if (parent?.type === AST_NODE_TYPES.ReturnStatement) return true;
      if (parent?.type !== AST_NODE_TYPES.ArrowFunctionExpression || parent.body !== value) return false;
      // `db.connect().then(() => app.listen(3000))` still starts the app here.
      const outer = parent.parent;
      return !(outer.type === AST_NODE_TYPES.CallExpression && outer.arguments.includes(parent));
    }

    /**
     * The file closes the server itself (`server.close()` in an exported `stop()`, a free-port probe that
     * closes at once, `fastify.close()` in a shutdown function called from elsewhere): it manages the
     * server's lifecycle, and signal handling may live with whoever calls it.
     */
    function isClosedHere(start: ServerStart): boolean {
      if (start.server && closedObjects.has(sourceCode.getText(unwrap(start.server)))) return true;
      const parent = getValueNode(start.call).parent;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier)
        return closedObjects.has(parent.id.name);
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression)
        return closedObjects.has(sourceCode.getText(parent.left));
      return false;
    }

    /** `function listenOn(server, options) { server.listen(options) }`: a helper listening on what its caller created. */
    function isParameter(server: TSESTree.Node | undefined): boolean {
      const node = server && unwrap(server);
      if (node?.type !== AST_NODE_TYPES.Identifier) return false;
      return ASTUtils.findVariable(sourceCode.getScope(node), node)?.defs[0]?.type === "Parameter";
    }

    function isHandled(): boolean {
      if (handledByHelper || handledSignals.has("SIGTERM")) return true;
      // `for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, …)` and signal lists in constants.
      if (signalFromVariable && sourceCode.text.includes("SIGTERM")) return true;
      // fastify-cli / close-with-grace option: the CLI closes the app on signals.
      return sourceCode.text.includes("closeGraceDelay");
    }

    return {
      ImportDeclaration(node) {
        if (SHUTDOWN_MODULE.test(node.source.value)) handledByHelper = true;
      },
      CallExpression(node) {
        const callee = node.callee;
        const name = getCalleeName(callee);
        if (name === undefined) return;
        if (name === "require") {
          const source = getRequiredSource(node);
          if (source !== undefined && SHUTDOWN_MODULE.test(source)) handledByHelper = true;
          return;
        }
        if (SHUTDOWN_CALL.test(name) || helpers.has(name)) {
          handledByHelper = true;
          return;
        }
        if (
          LISTENER_METHODS.has(name) &&
          callee.type === AST_NODE_TYPES.MemberExpression &&
          callee.object.type === AST_NODE_TYPES.Identifier &&
          callee.object.name === "process"
        ) {
          const signal = getStaticString(node.arguments[0]);
          if (signal === undefined) signalFromVariable = true;
          else handledSignals.add(signal);
          return;
        }
        if ((name === "close" || name === "stop") && callee.type === AST_NODE_TYPES.MemberExpression) {
          closedObjects.add(sourceCode.getText(unwrap(callee.object)));
          return;
        }
        if (name !== "listen" && name !== "serve") return;
        const start = getServerStart(context, node);
        // `Bun.serve` / `Deno.serve` run on runtimes with their own shutdown story.
        if (!start || (start.kind === "serve" && callee.type === AST_NODE_TYPES.MemberExpression)) return;
        if (isInTestCode(node)) return;
        starts.push(start);
      },
      "Program:exit"() {
        if (starts.length === 0 || isHandled() || isDevelopmentServer(context)) return;
        const handlesNoSignal = handledSignals.size === 0 && !signalFromVariable;
        const flagged = starts.filter(
          (start) => !isReturned(start.call) && !isParameter(start.server) && !(handlesNoSignal && isClosedHere(start)),
        );
        if (flagged.length === 0) return;
        // One handler per file closes one server: with several, the fix would close only one of them.
        const strategy =
          flagged.length === 1 && starts.length === 1 && flagged[0] ? getStrategy(flagged[0]) : undefined;
        for (const start of flagged) {
          const data = { start: describeServerStart(sourceCode, start) };
          if (!strategy) {
            context.report({ node: start.call, messageId: "missingShutdown", data });
            continue;
          }
          const fix = getFix(strategy);
          // An app known only by name (imported from another file) may not be what its name suggests.
          const certain = start.framework !== undefined || start.receiver === undefined;
          context.report({
            node: start.call,
            messageId: "missingShutdown",
            data,
            fix: certain ? fix : null,
            suggest: certain ? [] : [{ messageId: "addShutdownHandler", data: { server: strategy.server }, fix }],
          });
        }
      },
    };
  },
});
