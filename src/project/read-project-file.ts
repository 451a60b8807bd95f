import { readFileSync, statSync } from "node:fs";

import { CLIENT_EXCEPTION_CLASS, CLIENT_STATUS_NAME } from "../utils/client-error-names.js";
import { enablesFastifyLogger, getRequestIdMark, type RequestIdMark } from "../utils/get-request-id-mark.js";
import { getFileFacts, type FileFacts } from "./get-file-facts.js";
import { isSingleRun } from "./is-single-run.js";

/**
 * One project file as the model knows it: the module specifiers its text names (found by a scan, for
 * deciding cheaply whether it may import a file) and, once asked, its parsed facts. In a long-running
 * process both are dropped when the file's modification time or size changes: every use checks them,
 * because an editor re-lints a file after another one is saved and a stale answer would be wrong until a
 * restart. A one-time run reads each file once (see {@link isSingleRun}).
 */
interface Entry {
  mtimeMs: number;
  size: number;
  specifiers: string[] | undefined;
  /** String literals shaped like route paths (`"/health"`, `'api/v1/status'`, `"healthz"`), from the same scan. */
  pathLiterals: string[] | undefined;
  /** Whether its code writes a client error being thrown (see {@link mayFileThrowClientErrors}), from the same scan. */
  throwsClientErrors: boolean | undefined;
  /** Whether it declares Express error middleware (see {@link declaresErrorMiddleware}), from the same scan. */
  errorMiddleware: boolean | undefined;
  /** What it shows about request ids (see {@link getRequestIdMark}), from the same scan; `null` for nothing. */
  requestIdMark: RequestIdMark | null | undefined;
  /** Whether it imports Fastify and gives the factory a logger, from the same scan. */
  fastifyLogger: boolean | undefined;
  /** `null`: the file does not parse. */
  facts: FileFacts | null | undefined;
}

/** Bounds the memory kept: a monorepo larger than this re-reads files, it does not grow without end. */
const MAX_ENTRIES = 20_000;
const entries = new Map<string, Entry>();

/** `import … from "x"`, `export … from "x"`, `require("x")`, `import("x")`. */
const SPECIFIER = /\b(?:from|require|import)\s*\(?\s*(["'`])([^"'`\n]+)\1/gu;

function getEntry(file: string): Entry | undefined {
  const known = entries.get(file);
  if (known && isSingleRun()) return known;
  let stats;
  try {
    stats = statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!stats?.isFile()) {
    entries.delete(file);
    return undefined;
  }
  if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) return known;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const entry: Entry = {
    mtimeMs: stats.mtimeMs,
    size: stats.size,
    specifiers: undefined,
    pathLiterals: undefined,
    throwsClientErrors: undefined,
    errorMiddleware: undefined,
    requestIdMark: undefined,
    fastifyLogger: undefined,
    facts: undefined,
  };
  entries.set(file, entry);
  return entry;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** A quoted string that may be a route path: letters, digits, `/`, `-`, `_`, `:`, `.`, `*`, short. */
const PATH_LITERAL = /(["'`])(\/?[\w:.*-]+(?:\/[\w:.*-]+)*\/?)\1/gu;

/** What a client error is thrown as (see {@link mayFileThrowClientErrors}). */
const CLIENT_ERROR_THROW = new RegExp(
  `${CLIENT_EXCEPTION_CLASS}|\\bnew\\s+HttpException\\s*\\((?:[^()]|\\([^()]*\\))*(?:\\b4\\d\\d\\b|${CLIENT_STATUS_NAME})|\\w(?:OrThrow|OrFail)\\s*\\(`,
  "u",
);

/**
 * Error middleware as Express recognises it, by its four parameters (Express goes by the count), the
 * first one named for an error: `(err, req, res, next)`, `(error: Error, _req: Request, res: Response,
 * _next: NextFunction)`, comments between them included; a function typed `ErrorRequestHandler`; or an
 * error-handling package (`errorhandler`).
 */
const ERROR_MIDDLEWARE =
  /\(\s*_?(?:err|error|e|er|ex|exception)\b[^()]*?,[^()]*?,[^()]*?,[^(),]*?[\w$]|\bErrorRequestHandler\b|(["'])(?:errorhandler|strong-error-handler|api-error-handler)\1/u;

/** The scans of a file's text, done together: one read. */
function scan(entry: Entry, file: string): void {
  const text = readText(file) ?? "";
  const specifiers = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) specifiers.add(match[2]!);
  entry.specifiers = [...specifiers];
  const literals = new Set<string>();
  for (const match of text.matchAll(PATH_LITERAL)) if (match[2]!.length <= 80) literals.add(match[2]!);
  entry.pathLiterals = [...literals];
  entry.throwsClientErrors = CLIENT_ERROR_THROW.test(text);
  entry.errorMiddleware = ERROR_MIDDLEWARE.test(text);
  entry.requestIdMark = getRequestIdMark(text) ?? null;
  entry.fastifyLogger = specifiers.has("fastify") && enablesFastifyLogger(text);
}

/** The module specifiers `file` names, by a scan of its text (no parse). */
export function getProjectFileSpecifiers(file: string): string[] {
  const entry = getEntry(file);
  if (!entry) return [];
  if (entry.specifiers === undefined) scan(entry, file);
  return entry.specifiers!;
}

/** The string literals of `file` shaped like route paths, by a scan of its text (no parse). */
export function getProjectFilePathLiterals(file: string): string[] {
  const entry = getEntry(file);
  if (!entry) return [];
  if (entry.pathLiterals === undefined) scan(entry, file);
  return entry.pathLiterals!;
}

/**
 * Whether `file`'s code can throw an error the client caused, by what it writes: a 4xx HTTP exception
 * (`throw new NotFoundException()`, `new HttpException(msg, HttpStatus.CONFLICT)`) or a lookup that throws
 * for a missing record (`findUniqueOrThrow`, `findOneOrFail`). By a scan of its text (no parse); `true`
 * when it cannot be read.
 */
export function mayFileThrowClientErrors(file: string): boolean {
  const entry = getEntry(file);
  if (!entry) return true;
  if (entry.throwsClientErrors === undefined) scan(entry, file);
  return entry.throwsClientErrors!;
}

/**
 * Whether `file` declares Express error middleware (see {@link ERROR_MIDDLEWARE}), by a scan of its text
 * (no parse). `false` when it cannot be read.
 */
export function declaresErrorMiddleware(file: string): boolean {
  const entry = getEntry(file);
  if (!entry) return false;
  if (entry.errorMiddleware === undefined) scan(entry, file);
  return entry.errorMiddleware!;
}

/** What `file` shows about request ids (see {@link getRequestIdMark}), by a scan of its text (no parse). */
export function getProjectFileRequestIdMark(file: string): RequestIdMark | undefined {
  const entry = getEntry(file);
  if (!entry) return undefined;
  if (entry.requestIdMark === undefined) scan(entry, file);
  return entry.requestIdMark ?? undefined;
}

/** Whether `file` imports Fastify and gives the factory a logger (see {@link enablesFastifyLogger}), by a scan of its text. */
export function enablesProjectFileFastifyLogger(file: string): boolean {
  const entry = getEntry(file);
  if (!entry) return false;
  if (entry.fastifyLogger === undefined) scan(entry, file);
  return entry.fastifyLogger!;
}

/** The facts of `file` as it is on disk; `undefined` when it is missing or does not parse. */
export function readProjectFile(file: string): FileFacts | undefined {
  const entry = getEntry(file);
  if (!entry) return undefined;
  if (entry.facts === undefined) {
    const source = readText(file);
    entry.facts = source === undefined ? null : (getFileFacts(file, source) ?? null);
  }
  return entry.facts ?? undefined;
}
