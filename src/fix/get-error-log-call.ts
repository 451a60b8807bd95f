import { getLogCallText, type LogCallStyle } from "./get-log-call-text.js";

/**
 * A call that logs a caught error with a constant message where the logger serializes errors: pino
 * `logger.error({ err }, "db.user.create failed")`, winston `logger.error("db.user.create failed", err)`,
 * NestJS `this.logger.error("db.user.create failed", err instanceof Error ? err.stack : String(err))`,
 * console `console.error("db.user.create failed", err)`. `errorName` is the binding that holds the error;
 * without a `message`, only the console form leaves it out.
 */
export function getErrorLogCall(
  logger: string,
  style: LogCallStyle,
  errorName: string,
  message: string | undefined,
): string {
  const parts = { level: "error", message, values: [{ key: errorName, text: errorName }], errorIndex: 0 } as const;
  return getLogCallText(logger, style, parts) ?? `${logger}.error(${errorName})`;
}
