import path from "node:path";

import { getProjectFiles, getProjectRoot } from "./get-importers.js";
import { getProjectFilePathLiterals, getProjectFileSpecifiers } from "./read-project-file.js";

/**
 * Whether some source file of the project of `file` writes a path literal that `matches` accepts —
 * `"/health"` in another file's route, `@Controller("health")`, `"/api/v1/readyz"` — as far as a scan of
 * the texts shows. Used where a route may live in any file (the health routes of an app whose routers,
 * plugins or controllers are in other files).
 */
export function hasProjectPathLiteral(file: string, matches: (literal: string) => boolean): boolean {
  const root = getProjectRoot(file) ?? path.dirname(file);
  return getProjectFiles(root).some((candidate) => getProjectFilePathLiterals(candidate).some(matches));
}

/** Whether some source file of the project of `file` imports a module `matches` accepts (`@nestjs/terminus`, `@fastify/under-pressure`). */
export function hasProjectImport(file: string, matches: (specifier: string) => boolean): boolean {
  const root = getProjectRoot(file) ?? path.dirname(file);
  return getProjectFiles(root).some((candidate) => getProjectFileSpecifiers(candidate).some(matches));
}
