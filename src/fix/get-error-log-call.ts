import type { LoggerStyle } from "../utils/find-logger.js";

/**
 * A call that logs a caught error under the `err` key with a constant message, in the logger's call
 * style: pino `logger.error({ err }, "db.user.create failed")`, winston
 * `logger.error("db.user.create failed", { err })`. `errorName` is the binding that holds the error.
 */
export function getErrorLogCall(logger: string, style: LoggerStyle, errorName: string, message: string): string {
  const fields = errorName === "err" ? "{ err }" : `{ err: ${errorName} }`;
  const text = JSON.stringify(message);
  return style === "winston" ? `${logger}.error(${text}, ${fields})` : `${logger}.error(${fields}, ${text})`;
}
