/** A logger's call style (see `LoggerStyle`), or `console` for the fallback that only prints. */
export type LogCallStyle = "pino" | "winston" | "nest" | "console";

export type LogLevel = "info" | "debug" | "warn" | "error";

/** One value to log: the field name it goes under and its source text. */
export interface LogValue {
  key: string;
  text: string;
}

export interface LogCallParts {
  level: LogLevel;
  /** The constant message, when there is one. */
  message: string | undefined;
  /** The values, in argument order. */
  values: readonly LogValue[];
  /** Which of `values` is the error (logged where the logger serializes errors), if one is. */
  errorIndex: number | undefined;
}

/** NestJS's `Logger` has `log` where the others have `info`. */
const NEST_LEVELS: Readonly<Record<LogLevel, string>> = { info: "log", debug: "debug", warn: "warn", error: "error" };
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

function getObjectText(values: readonly LogValue[]): string {
  return `{ ${values.map((value) => (value.text === value.key ? value.key : `${value.key}: ${value.text}`)).join(", ")} }`;
}

/** The values with unique keys, none of them `reserved` (the key the error takes). */
function withUniqueKeys(values: readonly LogValue[], reserved: string | undefined): LogValue[] {
  const used = new Set<string>(reserved === undefined ? [] : [reserved]);
  return values.map((value) => {
    let key = value.key;
    for (let n = 2; used.has(key); n++) key = `${value.key}${n}`;
    used.add(key);
    return { key, text: value.text };
  });
}

/**
 * The text of a log call in the logger's style, with a constant message and every value kept:
 *
 * - pino: `logger.error({ orderId, err }, "Charge failed")`. The error goes under `err`, which pino's
 *   default serializers turn into type, message and stack.
 * - winston: `logger.error("Charge failed", err)`. Winston's logger copies a meta argument's `message`
 *   (appended to the message) and `stack`, with no format configured; an error nested in an object
 *   (`{ err }`) is written as `{}`. Other values go into the meta object, or with an error into a child
 *   logger's metadata: `logger.child({ orderId }).error("Charge failed", err)`.
 * - nest: `this.logger.error("Charge failed", err instanceof Error ? err.stack : String(err))`, the
 *   `(message, stack)` that NestJS's `Logger` prints; other values as an object before the stack.
 * - console: `console.error("Charge failed", err)`.
 *
 * `undefined` when the style cannot say it: nothing to log, or a NestJS call that would need a stack
 * below the error level. `method`: the logger's own method to call, when it is not the level's name.
 */
export function getLogCallText(
  logger: string,
  style: LogCallStyle,
  parts: LogCallParts,
  method?: string,
): string | undefined {
  const { level, message, values, errorIndex } = parts;
  const name = method ?? (style === "nest" ? NEST_LEVELS[level] : level);
  let error = errorIndex === undefined ? undefined : values[errorIndex];
  let others = values.filter((_, index) => index !== errorIndex);
  if (style === "nest" && error && !IDENTIFIER.test(error.text)) {
    // The stack expression repeats the error: only a plain binding can be read twice safely.
    others = [...values];
    error = undefined;
  }
  const fallbackMessage = values.map((value) => value.key).join(" ");
  const quoted = (text: string | undefined): string | undefined => (text ? JSON.stringify(text) : undefined);

  switch (style) {
    case "pino": {
      const fields = withUniqueKeys(values, error ? "err" : undefined).map((value, index) =>
        index === errorIndex ? { key: "err", text: value.text } : value,
      );
      const args = [fields.length > 0 ? getObjectText(fields) : undefined, quoted(message)].filter(
        (arg) => arg !== undefined,
      );
      return args.length > 0 ? `${logger}.${name}(${args.join(", ")})` : undefined;
    }
    case "winston": {
      const text = quoted(message ?? fallbackMessage);
      if (!text) return undefined;
      const fields = withUniqueKeys(others, undefined);
      if (!error) return `${logger}.${name}(${fields.length > 0 ? `${text}, ${getObjectText(fields)}` : text})`;
      const target = fields.length > 0 ? `${logger}.child(${getObjectText(fields)})` : logger;
      return `${target}.${name}(${text}, ${error.text})`;
    }
    case "nest": {
      const fields = withUniqueKeys(others, undefined);
      const object = fields.length > 0 ? getObjectText(fields) : undefined;
      if (!error) {
        const args = [quoted(message), object].filter((arg) => arg !== undefined);
        return args.length > 0 ? `${logger}.${name}(${args.join(", ")})` : undefined;
      }
      // Nest's `Logger` takes a stack only at the error level; elsewhere a trailing string is its context.
      if (level !== "error") return undefined;
      const text = quoted(message ?? fallbackMessage);
      if (!text) return undefined;
      const stack = `${error.text} instanceof Error ? ${error.text}.stack : String(${error.text})`;
      return `${logger}.${name}(${[text, object, stack].filter((arg) => arg !== undefined).join(", ")})`;
    }
    case "console": {
      const args = [quoted(message), ...values.map((value) => value.text)].filter((arg) => arg !== undefined);
      return args.length > 0 ? `${logger}.${level}(${args.join(", ")})` : undefined;
    }
  }
}
