import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import path from "node:path";

import { getFactsFromAst, type FileFacts } from "./get-file-facts.js";
import { readProjectFile } from "./read-project-file.js";
import { resolveSpecifier } from "./resolve-specifier.js";

/** A top-level function of a project file, where it is defined. */
export interface ProjectFunction {
  file: string;
  local: string;
  facts: FileFacts;
}

/** Imports and re-exports followed from a use to a definition. */
const MAX_DEPTH = 3;

/**
 * Where `local` of `file` is defined as a top-level function: in the file itself, or through its imports
 * and re-exports into other project files. `undefined` for a dependency, a namespace import, or anything
 * not found within a few hops.
 */
export function findProjectFunction(
  file: string,
  local: string,
  facts: FileFacts | undefined = readProjectFile(file),
  depth = 0,
): ProjectFunction | undefined {
  if (!facts) return undefined;
  if (facts.functions.has(local)) return { file, local, facts };
  const imported = facts.imports.get(local);
  if (!imported || imported.imported === "*" || depth >= MAX_DEPTH) return undefined;
  const target = resolveSpecifier(file, imported.specifier);
  if (target === undefined) return undefined;
  return findExported(target, imported.imported, depth + 1);
}

/** `authCtrl.check` where `import * as authCtrl from "./auth.ctrl"`: the function the namespace's member names. */
export function findProjectMember(
  file: string,
  namespace: string,
  member: string,
  facts: FileFacts | undefined = readProjectFile(file),
): ProjectFunction | undefined {
  const imported = facts?.imports.get(namespace);
  if (imported?.imported !== "*") return undefined;
  const target = resolveSpecifier(file, imported.specifier);
  return target === undefined ? undefined : findExported(target, member, 1);
}

/**
 * The function `import { imported } from "specifier"` in `file` names, when it is a top-level function of
 * another project file: read from the import itself, without the importing file's facts.
 */
export function findImportedFunction(file: string, specifier: string, imported: string): ProjectFunction | undefined {
  const target = resolveSpecifier(file, specifier);
  return target === undefined ? undefined : findExported(target, imported, 1);
}

function findExported(file: string, exported: string, depth: number): ProjectFunction | undefined {
  const facts = readProjectFile(file);
  if (!facts) return undefined;
  const local = facts.exports.get(exported);
  if (local !== undefined) return findProjectFunction(file, local, facts, depth);
  if (depth >= MAX_DEPTH) return undefined;
  for (const reexport of facts.reexports) {
    if (reexport.exported !== exported || reexport.imported === "*") continue;
    const next = resolveSpecifier(file, reexport.specifier);
    if (next !== undefined) return findExported(next, reexport.imported, depth + 1);
  }
  // `export * from "./api-handler"`: any of those files may hold it (never the default).
  if (exported === "default") return undefined;
  for (const reexport of facts.reexports) {
    if (reexport.exported !== "*") continue;
    const next = resolveSpecifier(file, reexport.specifier);
    const found = next === undefined ? undefined : findExported(next, exported, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const lintedFacts = new WeakMap<TSESTree.Program, FileFacts>();

/** The facts of the file being linted, from ESLint's AST of its current text: built once per lint. */
export function getLintedFileFacts(sourceCode: Readonly<TSESLint.SourceCode>): FileFacts {
  let facts = lintedFacts.get(sourceCode.ast);
  if (!facts) {
    facts = getFactsFromAst(sourceCode.ast, sourceCode.text, sourceCode.visitorKeys);
    lintedFacts.set(sourceCode.ast, facts);
  }
  return facts;
}

/** The absolute path of the file being linted. */
export function getLintedFilePath(context: Readonly<{ cwd: string; physicalFilename: string }>): string {
  // ESLint gives the path absolute and normalized; resolving it again is the costly way to the same string.
  const file = context.physicalFilename;
  return path.isAbsolute(file) ? file : path.resolve(context.cwd, file);
}
