import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import type { Framework, RuleContext } from "../frameworks/types.js";
import { getLintedFileFacts, getLintedFilePath } from "./get-project-function.js";
import { getProjectFileSpecifiers, readProjectFile } from "./read-project-file.js";
import { resolveSpecifier } from "./resolve-specifier.js";

/**
 * The framework of an app this file imports from another file of the project and starts there
 * (`import app from "./app"; app.listen(port)`): what created the exported binding in that file —
 * `express()`, `new Koa()`, `new Hono()` — or, for a file that imports Fastify, Fastify. `undefined` when
 * `server` is not such an import.
 */
export function getImportedAppFramework(
  context: RuleContext,
  server: TSESTree.Node | undefined,
): Framework | undefined {
  if (server?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const imported = getLintedFileFacts(context.sourceCode).imports.get(server.name);
  if (!imported || imported.imported === "*") return undefined;
  const target = resolveSpecifier(getLintedFilePath(context), imported.specifier);
  if (target === undefined) return undefined;
  const facts = readProjectFile(target);
  const local = facts?.exports.get(imported.imported);
  const receiver = local === undefined ? undefined : facts?.receivers.get(local);
  if (receiver) return receiver.framework;
  return getProjectFileSpecifiers(target).includes("fastify") ? "fastify" : undefined;
}
