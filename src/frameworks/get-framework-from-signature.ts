import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import type { Framework, FunctionNode } from "./types.js";

export function getParamName(param: TSESTree.Parameter | undefined): string | undefined {
  if (!param) return undefined;
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return target.type === AST_NODE_TYPES.Identifier ? target.name : undefined;
}

export function getParamTypeName(param: TSESTree.Parameter | undefined): string | undefined {
  if (!param) return undefined;
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  const annotation = "typeAnnotation" in target ? target.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const name = annotation.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return name.right.name;
  return undefined;
}

const TYPE_TO_FRAMEWORK: Readonly<Record<string, Framework>> = {
  FastifyRequest: "fastify",
  FastifyReply: "fastify",
  NextRequest: "next",
  NextApiRequest: "next",
  NextApiResponse: "next",
  ParameterizedContext: "koa",
  RouterContext: "koa",
};

/**
 * The framework a function's parameters say it is a handler of, or `undefined` when they say
 * nothing clear: `(req, res[, next])` and `(err, req, res, next)` Express, `(request, reply)` Fastify,
 * `(c[, next])` Hono, `(ctx[, next])` Koa, or the framework types on them.
 */
export function getFrameworkFromSignature(fn: FunctionNode): Framework | undefined {
  const params = fn.params;
  for (const param of params.slice(0, 2)) {
    const typeName = getParamTypeName(param);
    const framework = typeName === undefined ? undefined : TYPE_TO_FRAMEWORK[typeName];
    if (framework) return framework;
  }
  const names = params.map(getParamName);
  const [first, second, third, fourth] = names;
  if (
    params.length === 4 &&
    /^(?:err|error|e|ex|exception)$/u.test(first ?? "") &&
    /^req/u.test(second ?? "") &&
    /^res/u.test(third ?? "")
  ) {
    return "express";
  }
  if (
    params.length >= 2 &&
    params.length <= 3 &&
    /^req(?:uest)?$/u.test(first ?? "") &&
    /^res(?:ponse)?$/u.test(second ?? "")
  ) {
    return third === undefined || /^next$/u.test(third) ? "express" : undefined;
  }
  if (params.length === 2 && /^(?:req|request)$/u.test(first ?? "") && second === "reply") return "fastify";
  if (params.length >= 1 && params.length <= 2 && first === "ctx" && (second === undefined || second === "next")) {
    return getParamTypeName(params[0]) === "Context" ? undefined : "koa";
  }
  if (params.length >= 1 && params.length <= 2 && first === "c" && (second === undefined || second === "next")) {
    return getParamTypeName(params[0]) === "Context" || fourth === undefined ? "hono" : undefined;
  }
  return undefined;
}
