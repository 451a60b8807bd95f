import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getObjectProperty } from "../frameworks/get-route-registration.js";
import { isFunctionNode } from "../frameworks/get-function-from-expression.js";
import type { RouteRegistration } from "../frameworks/types.js";

export type FastifyHook = "onRequest" | "preParsing" | "preValidation" | "preHandler";

type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

/** Whether an existing hook value is one function (not an array of them), so it can join a new array. */
function isSingleHook(sourceCode: Readonly<TSESLint.SourceCode>, value: TSESTree.Node): boolean {
  if (
    isFunctionNode(value) ||
    value.type === AST_NODE_TYPES.MemberExpression ||
    value.type === AST_NODE_TYPES.CallExpression
  )
    return true;
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(value), value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === "FunctionName") return true;
  return (
    definition?.type === "Variable" &&
    definition.node.type === AST_NODE_TYPES.VariableDeclarator &&
    (isFunctionNode(definition.node.init) || definition.node.init?.type === AST_NODE_TYPES.CallExpression)
  );
}

/** Adds `hook: [text]` to a Fastify route options object, merging into an existing hook. */
function getOptionsFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: TSESTree.ObjectExpression,
  hook: FastifyHook,
  text: string,
): Fix | undefined {
  const existing = getObjectProperty(options, hook);
  if (existing) {
    const value = existing.value;
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      const first = value.elements[0];
      return first
        ? (fixer) => [fixer.insertTextBefore(first, `${text}, `)]
        : (fixer) => [fixer.replaceText(value, `[${text}]`)];
    }
    if (!isSingleHook(sourceCode, value)) return undefined;
    if (existing.shorthand)
      return (fixer) => [fixer.replaceText(existing, `${hook}: [${text}, ${sourceCode.getText(value)}]`)];
    return (fixer) => [fixer.replaceText(value, `[${text}, ${sourceCode.getText(value)}]`)];
  }
  const first = options.properties[0];
  if (!first) return (fixer) => [fixer.replaceText(options, `{ ${hook}: [${text}] }`)];
  const opening = sourceCode.getFirstToken(options)!;
  if (first.loc.start.line === opening.loc.end.line) {
    return (fixer) => [fixer.insertTextBefore(first, `${hook}: [${text}], `)];
  }
  const line = sourceCode.lines[first.loc.start.line - 1] ?? "";
  const indent = /^\s*/u.exec(line)?.[0] ?? "";
  return (fixer) => [fixer.insertTextBefore(first, `${hook}: [${text}],\n${indent}`)];
}

/**
 * The edit that runs `text` (an expression naming a middleware / hook) before `route`'s handler, where
 * the framework expects it: first in the chain for Express, Koa and Hono
 * (`app.get("/x", requireAuth, handler)`); in the route options for Fastify (`{ onRequest: [requireAuth] }`,
 * merged into existing options or an existing hook). `undefined` when there is no safe place: a
 * Fastify route whose options are a variable, or whose hook is a variable that may hold an array.
 */
export function getRouteMiddlewareFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  route: RouteRegistration,
  text: string,
  fastifyHook: FastifyHook = "onRequest",
): Fix | undefined {
  if (route.framework === "next" || route.framework === "nest") return undefined;
  if (route.framework === "fastify") {
    if (route.options) return getOptionsFix(sourceCode, route.options, fastifyHook, text);
    const call = route.node;
    // `fastify.get(path, handler)`: options go between the two.
    const handler = route.chain[0];
    if (
      handler &&
      call.type === AST_NODE_TYPES.CallExpression &&
      call.arguments.length === 2 &&
      route.chain.length === 1 &&
      call.arguments[1] === handler
    ) {
      return (fixer) => [fixer.insertTextBefore(handler, `{ ${fastifyHook}: [${text}] }, `)];
    }
    return undefined;
  }
  const first = route.chain[0];
  if (!first) return undefined;
  return (fixer) => [fixer.insertTextBefore(first, `${text}, `)];
}
