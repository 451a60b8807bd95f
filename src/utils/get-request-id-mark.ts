/**
 * What a file's text shows about request ids:
 * - `unique`: something gives each request an id that is unique across processes, or carries one the
 *   platform sets — a request-id package (`express-request-id`, `cls-rtracer`, `koa-requestid`,
 *   `hono/request-id`), tracing that stamps trace ids on log lines (OpenTelemetry, `dd-trace`), an id
 *   generator option (`genReqId` of Fastify / pino-http / nestjs-pino, Fastify's `requestIdHeader`,
 *   nestjs-cls's `generateId: true`), a request-id header it sets or forwards (`"x-request-id"`,
 *   `"x-correlation-id"`, `"traceparent"`), or an id it puts on the request (`req.requestId = …`,
 *   `c.set("requestId", …)`);
 * - `counter`: a request logger whose default ids count per process (`pino-http`, `nestjs-pino`,
 *   `koa-pino-logger`): every line carries an id, but `req-1` repeats on each instance and restart.
 */
export interface RequestIdMark {
  kind: "unique" | "counter";
  /** The text that shows it, as written: `genReqId`, `"x-request-id"`, `pino-http`. */
  text: string;
}

const UNIQUE_SOURCES = new RegExp(
  String.raw`(["'])((?:express-request-id|request-id|express-correlation-id|correlation-id|cls-rtracer|koa-requestid|koa-request-id|koa-x-request-id|hono\/request-id|dd-trace|elastic-apm-node|@opentelemetry\/(?:sdk-node|api|auto-instrumentations-node|instrumentation-[\w-]+))(?:\/[\w./-]+)?)\1`,
  "u",
);
const UNIQUE_OPTION = /\b(?:genReqId|requestIdHeader)\b|\bgenerateId\s*:\s*true\b/u;
const REQUEST_ID_HEADER =
  /(["'`])(x-request-id|x-correlation-id|x-trace-id|x-amzn-trace-id|x-cloud-trace-context|traceparent|request-id)\1/iu;
const REQUEST_ID_ASSIGNMENT =
  /\b(?:req|request|ctx\.state|res\.locals)\.(?:id|requestId|reqId|correlationId|traceId)\s*=(?!=)|\.set\(\s*(["'])(?:requestId|correlationId)\1/u;
const COUNTER_SOURCES = /(["'])(pino-http|express-pino-logger|nestjs-pino|koa-pino-logger|hono-pino)\1/u;

/** The strongest request-id evidence in `text`, by a scan (no parse); `undefined` when there is none. */
export function getRequestIdMark(text: string): RequestIdMark | undefined {
  const unique =
    UNIQUE_SOURCES.exec(text)?.[2] ??
    UNIQUE_OPTION.exec(text)?.[0] ??
    REQUEST_ID_HEADER.exec(text)?.[0] ??
    REQUEST_ID_ASSIGNMENT.exec(text)?.[0];
  if (unique !== undefined) return { kind: "unique", text: unique };
  const counter = COUNTER_SOURCES.exec(text)?.[2];
  return counter === undefined ? undefined : { kind: "counter", text: counter };
}

/**
 * Whether `text`, in a file that imports Fastify, gives the Fastify factory a logger:
 * `Fastify({ logger: true })`, `logger: getLoggerOptions()`, `loggerInstance: pino()`. Without one,
 * `request.log` writes nothing.
 */
export function enablesFastifyLogger(text: string): boolean {
  return /\b(?:logger|loggerInstance)\s*:\s*(?!false\b|undefined\b|null\b)[\w{(!]/u.test(text);
}
