import { getProjectFiles, getProjectRoot } from "./get-importers.js";
import { declaresErrorMiddleware } from "./read-project-file.js";

/** A listing this long may have been cut short: the answer would be a guess. */
const MAX_FILES = 5000;

/**
 * Whether the project of `file` declares Express error middleware in any of its source files (see
 * `declaresErrorMiddleware`), which is where `next(err)` lands. `undefined` when the file belongs to no
 * project or the project is too large to tell.
 */
export function hasErrorMiddleware(file: string): boolean | undefined {
  const root = getProjectRoot(file);
  if (root === undefined) return undefined;
  const files = getProjectFiles(root);
  if (files.length >= MAX_FILES) return undefined;
  return files.some(declaresErrorMiddleware);
}
