import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { getCalleeNames } from "./get-callee-names.js";

const LEVELS = new Set(["log", "info", "debug", "warn", "error", "trace", "fatal", "verbose", "silly", "http", "dir"]);
const LOGGER_OBJECT = /^(?:console|log|logger|Logger|debug)$|(?:Logger|Log)$/u;

/**
 * Whether `call` writes a log line: `console.log(...)`, `logger.info(...)`, `req.log.debug(...)`,
 * `fastify.log.warn(...)`, `this.logger.error(...)`, `debug(...)` / `log(...)`.
 */
export function isLoggerCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === "log" || callee.name === "debug";
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const { name } = getCalleeNames(callee);
  if (name === undefined || !LEVELS.has(name)) return false;
  const object = callee.object;
  if (object.type === AST_NODE_TYPES.Identifier) return LOGGER_OBJECT.test(object.name);
  if (
    object.type === AST_NODE_TYPES.MemberExpression &&
    !object.computed &&
    object.property.type === AST_NODE_TYPES.Identifier
  ) {
    return LOGGER_OBJECT.test(object.property.name);
  }
  return false;
}
