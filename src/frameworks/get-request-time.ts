import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getLintedFilePath } from "../project/get-project-function.js";
import { isCalledOnlyWhileHandling } from "../project/is-called-while-handling.js";
import { findEnclosingHandler } from "./get-handler-info.js";
import { isFunctionNode } from "./get-function-from-expression.js";
import type { FunctionNode, HandlerInfo, RuleContext } from "./types.js";

/**
 * Why code runs while a request is handled: it is written in (or only called from) a handler of this
 * file, or it is in a function this file exports that other files only call from their handlers.
 */
export type RequestTime = { kind: "handler"; handler: HandlerInfo } | { kind: "imported"; exported: string[] };

/** How many module-level functions deep a call chain from a handler is followed in the file. */
const MAX_DEPTH = 3;

const byFunction = new WeakMap<FunctionNode, RequestTime | null>();

interface ModuleFunction {
  fn: FunctionNode;
  /** The name it is declared under in the module. */
  id: TSESTree.Identifier;
  /** The names it is exported as where it is declared (`export function f`, `export const f =`). */
  exported: string[];
}

/** The module-level function `node` is written in (directly or in a function nested in it). */
function getModuleFunction(node: TSESTree.Node): ModuleFunction | undefined {
  let outermost: FunctionNode | undefined;
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) outermost = current;
  if (!outermost) return undefined;
  const parent = outermost.parent;
  if (outermost.type === AST_NODE_TYPES.FunctionDeclaration) {
    if (!outermost.id) return undefined;
    if (parent?.type === AST_NODE_TYPES.Program) return { fn: outermost, id: outermost.id, exported: [] };
    if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration)
      return { fn: outermost, id: outermost.id, exported: [outermost.id.name] };
    return undefined;
  }
  // `const helper = async () => {…}` at module level, or exported so.
  if (
    parent?.type !== AST_NODE_TYPES.VariableDeclarator ||
    parent.init !== outermost ||
    parent.id.type !== AST_NODE_TYPES.Identifier
  )
    return undefined;
  const statement = parent.parent.parent;
  if (statement.type === AST_NODE_TYPES.Program) return { fn: outermost, id: parent.id, exported: [] };
  if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration)
    return { fn: outermost, id: parent.id, exported: [parent.id.name] };
  return undefined;
}

/** `helper(…)` / `await helper(…)`: a use that runs the function where it stands, and hands it nowhere. */
function isCallOf(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier;
}

/** `export { helper }`, `export { helper as sendMail }`: the name it is exported as. */
function getExportedName(reference: TSESLint.Scope.Reference): string | undefined {
  const parent = reference.identifier.parent;
  if (parent?.type !== AST_NODE_TYPES.ExportSpecifier || parent.local !== reference.identifier) return undefined;
  return parent.exported.type === AST_NODE_TYPES.Identifier ? parent.exported.name : parent.exported.value;
}

function getAt(context: RuleContext, node: TSESTree.Node, depth: number): RequestTime | undefined {
  const handler = findEnclosingHandler(context, node);
  if (handler) return { kind: "handler", handler };
  if (depth >= MAX_DEPTH) return undefined;
  const declared = getModuleFunction(node);
  if (!declared) return undefined;
  const { fn, id } = declared;
  const cached = byFunction.get(fn);
  if (cached !== undefined) return cached ?? undefined;
  // Settled as "not request time" while its callers are followed, so a recursive call ends the walk.
  byFunction.set(fn, null);
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
  const exported = [...declared.exported];
  const calls: TSESTree.Node[] = [];
  let found: RequestTime | undefined;
  let settled = true;
  for (const reference of variable?.references ?? []) {
    if (reference.identifier === id || reference.init) continue;
    const name = getExportedName(reference);
    if (name !== undefined) exported.push(name);
    else if (isCallOf(reference.identifier)) calls.push(reference.identifier);
    else settled = false;
  }
  if (settled && calls.length + exported.length > 0) {
    let imported: RequestTime | undefined;
    for (const call of calls) {
      const caller = getAt(context, call, depth + 1);
      if (!caller) {
        settled = false;
        break;
      }
      if (caller.kind === "handler") found ??= caller;
      else imported ??= caller;
    }
    if (settled && exported.length > 0) {
      const file = getLintedFilePath(context);
      if (exported.every((name) => isCalledOnlyWhileHandling(file, name))) imported ??= { kind: "imported", exported };
      else settled = false;
    }
    found ??= imported;
  } else {
    settled = false;
  }
  const answer = settled ? found : undefined;
  byFunction.set(fn, answer ?? null);
  return answer;
}

/**
 * Why the code at `node` runs on each request, or `undefined` when it may run at other times. It is
 * written in a handler (route, middleware, hook or error handler); or in a module-level function each use
 * of which is a call from request-time code of this file (followed up to three functions deep) or, for
 * a function the file exports, a call from a handler of the file that imports it (see
 * `isCalledOnlyWhileHandling`). A function passed on as a value, called where the module loads, or
 * imported where the model cannot follow it may run at any time.
 */
export function getRequestTime(context: RuleContext, node: TSESTree.Node): RequestTime | undefined {
  return getAt(context, node, 0);
}
