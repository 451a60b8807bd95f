import type { TSESTree } from "@typescript-eslint/utils";

import type { RuleContext } from "../frameworks/types.js";
import type { FunctionFacts } from "./get-file-facts.js";
import {
  findProjectFunction,
  findProjectMember,
  getLintedFileFacts,
  getLintedFilePath,
} from "./get-project-function.js";

const answers = new WeakMap<TSESTree.Program, Map<string, FunctionFacts | undefined>>();

/**
 * The facts of `name` (or its `member`, for a namespace import: `authCtrl.check`) when the linted file
 * imports it from another file of the project and it is a function there; `undefined` otherwise.
 */
export function getImportedFunctionFacts(
  context: RuleContext,
  name: string,
  member?: string,
): FunctionFacts | undefined {
  const ast = context.sourceCode.ast;
  let byName = answers.get(ast);
  if (!byName) {
    byName = new Map();
    answers.set(ast, byName);
  }
  const key = member === undefined ? name : `${name}.${member}`;
  if (byName.has(key)) return byName.get(key);
  const facts = getLintedFileFacts(context.sourceCode);
  const file = getLintedFilePath(context);
  // Only imports: a function of this file is read by the in-file checks themselves.
  const found = !facts.imports.has(name)
    ? undefined
    : member === undefined
      ? findProjectFunction(file, name, facts)
      : findProjectMember(file, name, member, facts);
  const answer = found?.facts.functions.get(found.local);
  byName.set(key, answer);
  return answer;
}

/**
 * Whether `name` (or its `member`, for a namespace import), imported by the linted file from another file
 * of the project, is a function that authenticates the request (see `FunctionFacts.authenticates`): a
 * `parseRequest(request)` that checks the session and answers 401 protects the handler that calls it, as
 * much as an inline check would.
 */
export function isImportedAuthenticator(context: RuleContext, name: string, member?: string): boolean {
  return getImportedFunctionFacts(context, name, member)?.authenticates === true;
}

/** The names the linted file imports from other files of the project, whichever they are. */
export function getImportedNames(context: RuleContext): readonly string[] {
  return [...getLintedFileFacts(context.sourceCode).imports.keys()];
}
