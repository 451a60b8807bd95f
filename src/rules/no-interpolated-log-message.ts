import path from "node:path";

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getLogCallText, type LogCallParts, type LogCallStyle } from "../fix/get-log-call-text.js";
import { getLogArguments } from "../fix/get-structured-log-call.js";
import { isFunctionNode } from "../frameworks/get-function-from-expression.js";
import { getServerStart } from "../frameworks/get-server-start.js";
import type { RuleContext } from "../frameworks/types.js";
import { createRule } from "../utils/create-rule.js";
import { getLoggerCall, LOGGER_CALL_SELECTOR, type LoggerCall } from "../utils/find-logger.js";
import { getCalleeNames } from "../utils/get-callee-names.js";
import { getCaughtError, getCaughtErrorValue, getCaughtErrorVariables } from "../utils/get-caught-error.js";
import { isDebugGuarded } from "../utils/is-debug-guarded.js";
import { isEvaluatedOnImport } from "../utils/is-evaluated-on-import.js";
import { isScriptCode } from "../utils/is-script-code.js";

type MessageIds = "interpolated" | "useFields" | "useFieldsLike";

/** How the message is built from values. */
type Interpolation = "template" | "concatenation" | "format";

const FORMAT_PLACEHOLDER = /%[sdifoOj]/u;

/** Whether `node` is text known when the code is written: a string literal, a template without values. */
function isConstantText(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === "string";
  return node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0;
}

const CONSTANT_NAME = /^[A-Z][\dA-Z]*(?:_[\dA-Z]+)*$/u;

/**
 * A value that is the same on every call: a literal, a constant's name (`MONITOR_ID`), or a choice between
 * such values (`is4k ? "4K " : ""`). A message built only from them has a few fixed wordings.
 */
function isConstantValue(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal || isConstantText(node)) return true;
  if (node.type === AST_NODE_TYPES.Identifier) return CONSTANT_NAME.test(node.name);
  if (node.type === AST_NODE_TYPES.ConditionalExpression)
    return isConstantValue(node.consequent) && isConstantValue(node.alternate);
  return false;
}

/** The operands of a `+` chain: `"a " + b + " c"` → `"a "`, `b`, `" c"`. */
function getConcatenated(node: TSESTree.Node): TSESTree.Node[] {
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === "+")
    return [...getConcatenated(node.left), ...getConcatenated(node.right)];
  return [node];
}

/**
 * How a message argument is built from values: a template literal with `${}`, a `+` of text and values, a
 * `util.format` call or (`formatArgs`: values follow it) a `%s` format string.
 */
function getInterpolation(message: TSESTree.Node, formatArgs: boolean): Interpolation | undefined {
  if (message.type === AST_NODE_TYPES.TemplateLiteral)
    return message.expressions.some((expression) => !isConstantValue(expression)) ? "template" : undefined;
  if (message.type === AST_NODE_TYPES.BinaryExpression && message.operator === "+") {
    const parts = getConcatenated(message);
    return parts.some(isConstantText) && parts.some((part) => !isConstantValue(part)) ? "concatenation" : undefined;
  }
  if (message.type === AST_NODE_TYPES.CallExpression) {
    const { name, path } = getCalleeNames(message.callee);
    return (path === "util.format" || name === "format") &&
      message.arguments.length > 1 &&
      isConstantText(message.arguments[0]!)
      ? "format"
      : undefined;
  }
  if (formatArgs && message.type === AST_NODE_TYPES.Literal && typeof message.value === "string")
    return FORMAT_PLACEHOLDER.test(message.value) ? "format" : undefined;
  return undefined;
}

/** Whether an argument reads as a log message: text, or text built with `+`, a template or `util.format`. */
function isTextArgument(node: TSESTree.Node): boolean {
  return (
    isConstantText(node) ||
    node.type === AST_NODE_TYPES.TemplateLiteral ||
    (node.type === AST_NODE_TYPES.BinaryExpression &&
      node.operator === "+" &&
      getConcatenated(node).some(isConstantText))
  );
}

/**
 * The message argument of a logger call and how it is built, when values build it: the first argument,
 * or the second after one that is not text — pino's `(fields, message)` and `(err, message)` — or, for a
 * logger whose style is not known, after a constant category (`Logger.info("task", \`Running ${id}\`)`). pino formats the `%s` of its message
 * with the values after it; NestJS never does.
 */
function findMessage(
  logger: LoggerCall,
  args: readonly TSESTree.CallExpressionArgument[],
): { node: TSESTree.Node; index: number; interpolation: Interpolation } | undefined {
  for (const index of [0, 1]) {
    const node = args[index];
    if (!node || node.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const interpolation = getInterpolation(node, logger.style !== "nest" && args.length > index + 1);
    if (interpolation) return { node, index, interpolation };
    // Text that is not built from values is the message, unless it is a category before the message.
    const category =
      logger.style === undefined &&
      index === 0 &&
      isConstantText(node) &&
      args[1]?.type === AST_NODE_TYPES.TemplateLiteral;
    if (isTextArgument(node) && !category) return undefined;
    if (logger.style === "winston" || logger.style === "nest") return undefined;
  }
  return undefined;
}

/**
 * Whether the rewrite keeps every argument: pino `(message)` / `(fields, message)` / `(message, ...values)`,
 * winston `(message)` / `(message, { meta })`, NestJS `(message)` (a second argument is its context).
 */
function isRewritable(
  style: LogCallStyle | undefined,
  args: readonly TSESTree.CallExpressionArgument[],
  index: number,
): boolean {
  if (args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return false;
  if (style === "nest") return args.length === 1;
  if (style === "winston")
    return args.length === 1 || (args.length === 2 && args[1]!.type === AST_NODE_TYPES.ObjectExpression);
  if (index === 1) return args.length === 2 && !isTextArgument(args[0]!);
  return true;
}

/** Events of a server or the process that fire as it starts or stops. */
const LIFECYCLE_EVENTS = new Set([
  "listening",
  "close",
  "exit",
  "beforeExit",
  "SIGTERM",
  "SIGINT",
  "SIGHUP",
  "SIGQUIT",
]);
/** Modules that only start or stop the app: `main.ts`, `startup.ts`, `ShutdownHelper.ts`, `bootstrap.js`. */
const LIFECYCLE_FILE = /^(?:main|startup|bootstrap|shutdown)$|shutdown/iu;

/**
 * A line written once, as the server starts or stops: code run on import, a callback of the server's
 * start (`app.listen(port, () => logger.info(\`Listening on ${port}\`))`) or of a start or stop event
 * (`server.on("listening", …)`, `process.on("SIGTERM", …)`), or a module that only starts or stops the
 * app. Nothing searches across such lines.
 */
function isLifecycleLog(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const name = path.basename(context.filename).replace(/\.[^.]+$/u, "");
  if (LIFECYCLE_FILE.test(name) || isEvaluatedOnImport(call)) return true;
  for (let fn: TSESTree.Node | undefined = call.parent; fn; fn = fn.parent) {
    if (!isFunctionNode(fn)) continue;
    const owner = fn.parent;
    if (
      owner?.type !== AST_NODE_TYPES.CallExpression ||
      !owner.arguments.includes(fn as TSESTree.CallExpressionArgument)
    )
      continue;
    if (getServerStart(context, owner) !== undefined) return true;
    const { name: method } = getCalleeNames(owner.callee);
    const event = owner.arguments[0];
    if (
      (method === "on" || method === "once") &&
      event?.type === AST_NODE_TYPES.Literal &&
      typeof event.value === "string" &&
      LIFECYCLE_EVENTS.has(event.value)
    )
      return true;
  }
  return false;
}

const LEVELS: Readonly<Record<string, LogCallParts["level"]>> = {
  trace: "debug",
  debug: "debug",
  verbose: "debug",
  info: "info",
  log: "info",
  warn: "warn",
  error: "error",
  fatal: "error",
};

export default createRule<[], MessageIds>({
  name: "no-interpolated-log-message",
  meta: {
    type: "suggestion",
    docs: {
      description:
        "Require structured log messages to be constant, with the values that vary passed as fields, so log lines can be searched and grouped.",
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/no-interpolated-log-message.md",
      recommended: "recommended",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      interpolated:
        "This log message is built from values ({{how}}): each call writes a different message, so its lines cannot be searched or counted by message. Log a constant message with the values as fields.",
      useFields: "Log a constant message with the values as fields: `{{call}}`.",
      useFieldsLike: "If `{{logger}}` is {{style}}-style, log `{{call}}`.",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;

    function getParts(call: TSESTree.CallExpression, level: LogCallParts["level"]): LogCallParts | undefined {
      const caught = getCaughtError(context, call);
      const variables = caught ? getCaughtErrorVariables(context, caught) : [];
      const args = getLogArguments(sourceCode, call.arguments, (value) =>
        variables.length > 0 ? getCaughtErrorValue(sourceCode, value, variables) : undefined,
      );
      if (!args?.message) return undefined;
      return { level, message: args.message, values: args.values, errorIndex: args.errorIndex };
    }

    function onLoggerCall(call: TSESTree.CallExpression): void {
      const logger = getLoggerCall(context, call);
      if (!logger) return;
      const message = findMessage(logger, call.arguments);
      if (!message || isScriptCode(call) || isDebugGuarded(sourceCode, call) || isLifecycleLog(context, call)) return;
      const level = LEVELS[logger.method]!;
      const how =
        message.interpolation === "template"
          ? "a template literal"
          : message.interpolation === "concatenation"
            ? "`+`"
            : "format placeholders";
      const parts = isRewritable(logger.style, call.arguments, message.index) ? getParts(call, level) : undefined;
      // The method stays as written: `fatal`, `verbose` and NestJS's `log` are the logger's own.
      const rewrite = (style: LogCallStyle): string | undefined =>
        parts && getLogCallText(logger.expression, style, parts, logger.method);
      let fix: TSESLint.ReportFixFunction | null = null;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (logger.style) {
        const text = rewrite(logger.style);
        if (text !== undefined) fix = (fixer) => fixer.replaceText(call, text);
      } else {
        const pino = rewrite("pino");
        const winston = rewrite("winston");
        if (pino !== undefined && winston !== undefined) {
          if (pino === winston)
            suggest.push({
              messageId: "useFields",
              data: { call: pino },
              fix: (fixer) => fixer.replaceText(call, pino),
            });
          else
            for (const [style, text] of [
              ["pino", pino],
              ["winston", winston],
            ] as const)
              suggest.push({
                messageId: "useFieldsLike",
                data: { logger: logger.expression, style, call: text },
                fix: (fixer) => fixer.replaceText(call, text),
              });
        }
      }
      context.report({ node: message.node, messageId: "interpolated", data: { how }, fix, suggest });
    }

    return { [LOGGER_CALL_SELECTOR]: onLoggerCall };
  },
});
