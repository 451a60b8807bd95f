import { existsSync } from "node:fs";
import path from "node:path";

import { getRequestIdMark, type RequestIdMark } from "../utils/get-request-id-mark.js";
import { getProjectFiles, getProjectRoot } from "./get-importers.js";
import { enablesProjectFileFastifyLogger, getProjectFileRequestIdMark } from "./read-project-file.js";

/** Request-id evidence and the file that shows it. */
export interface RequestIdEvidence extends RequestIdMark {
  file: string;
}

/**
 * The strongest request-id evidence of the project of `file` (see `getRequestIdMark`): `text`, the file's
 * own source as it is linted, first, then the project's other source files as they are on disk. A
 * request-id middleware, a header set or forwarded, an id generator option anywhere in the project
 * counts: where it is mounted is the app's own business. `undefined` when nothing shows an id.
 */
export function getRequestIdEvidence(file: string, text: string): RequestIdEvidence | undefined {
  const own = getRequestIdMark(text);
  if (own?.kind === "unique") return { ...own, file };
  let counter: RequestIdEvidence | undefined = own && { ...own, file };
  const root = getProjectRoot(file) ?? path.dirname(file);
  // Vercel gives every request an id: its function logs carry it, and each response returns it (`x-vercel-id`).
  const vercel = path.join(root, "vercel.json");
  if (existsSync(vercel)) return { kind: "unique", text: "vercel.json", file: vercel };
  for (const candidate of getProjectFiles(root)) {
    if (candidate === file) continue;
    const mark = getProjectFileRequestIdMark(candidate);
    if (mark?.kind === "unique") return { ...mark, file: candidate };
    if (mark) counter ??= { ...mark, file: candidate };
  }
  return counter;
}

/**
 * Whether some file of the project of `file` creates a Fastify app with a logger, so `request.log` writes
 * lines (with the request's id) — by a scan of the texts.
 */
export function isFastifyLoggerEnabled(file: string): boolean {
  const root = getProjectRoot(file) ?? path.dirname(file);
  return getProjectFiles(root).some((candidate) => enablesProjectFileFastifyLogger(candidate));
}
