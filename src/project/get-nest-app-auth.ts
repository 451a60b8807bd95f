import path from "node:path";

import type { NestMiddlewareFact } from "./get-file-facts.js";
import { getProjectFiles, getProjectRoot } from "./get-importers.js";
import { getProjectFileSpecifiers, readProjectFile } from "./read-project-file.js";

/** What a NestJS app applies to routes from outside their controllers. */
export interface NestAppAuth {
  /** Guards every route passes: `APP_GUARD` providers and `app.useGlobalGuards(...)`. */
  globalGuards: string[];
  /** Middleware bound in modules with `consumer.apply(...).forRoutes(...)`. */
  middleware: NestMiddlewareFact[];
  /** `app.setGlobalPrefix(...)` of its bootstrap: `undefined` when none; `null` when it is not a literal. */
  globalPrefix: { prefix: string; exclude: string[] } | null | undefined;
  /** `app.enableVersioning(...)`: a route may be served under a version segment (`/v1/...`). */
  versioning: boolean;
}

/**
 * The files that can hold them: `APP_GUARD` and `NestFactory` come from `@nestjs/core`, and middleware is
 * bound in a module's `configure(consumer)` (`*.module.ts` by the framework's convention).
 */
function isCandidate(file: string): boolean {
  return /\.module\.[cm]?[jt]s$/u.test(file) || getProjectFileSpecifiers(file).includes("@nestjs/core");
}

/**
 * The app-wide auth of the NestJS project `file` belongs to, read from its module and bootstrap files
 * (each checked against its modification time and size on every use).
 */
export function getNestAppAuth(file: string): NestAppAuth {
  const root = getProjectRoot(file) ?? path.dirname(file);
  const auth: NestAppAuth = { globalGuards: [], middleware: [], globalPrefix: undefined, versioning: false };
  for (const candidate of getProjectFiles(root)) {
    if (!isCandidate(candidate)) continue;
    const facts = readProjectFile(candidate);
    if (!facts) continue;
    auth.globalGuards.push(...facts.nestGlobalGuards);
    auth.middleware.push(...facts.nestMiddleware);
    if (facts.nestGlobalPrefix !== undefined) auth.globalPrefix ??= facts.nestGlobalPrefix;
    auth.versioning ||= facts.nestVersioning;
  }
  return auth;
}
