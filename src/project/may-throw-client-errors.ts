import { getProjectFileSpecifiers, mayFileThrowClientErrors } from "./read-project-file.js";
import { resolveSpecifier } from "./resolve-specifier.js";

/** How far the imports of a module are followed, and how many files are read at most. */
const MAX_DEPTH = 2;
const MAX_FILES = 300;

/**
 * Whether code of the project file `file`, or of the project files it imports (two levels down), can throw
 * an error the client caused (see `mayFileThrowClientErrors`), by scans of their text. A NestJS service whose module and
 * dependencies throw none hands a controller only server faults. `true` when a file cannot be read or
 * there are more files than are read: unknown is treated as "may".
 */
export function mayThrowClientErrors(file: string): boolean {
  const seen = new Set<string>([file]);
  let level = [file];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const current of level) {
      if (mayFileThrowClientErrors(current)) return true;
      if (depth === MAX_DEPTH) continue;
      for (const specifier of getProjectFileSpecifiers(current)) {
        const target = resolveSpecifier(current, specifier);
        if (target === undefined || seen.has(target)) continue;
        if (seen.size >= MAX_FILES) return true;
        seen.add(target);
        next.push(target);
      }
    }
    level = next;
  }
  return false;
}
