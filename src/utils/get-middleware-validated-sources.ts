import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import type { RequestInputSource } from "../frameworks/get-request-input-read.js";
import { getCalleeNames } from "./get-callee-names.js";
import { isValidatorName } from "./is-validator-call.js";

export const ALL_SOURCES: readonly RequestInputSource[] = ["body", "query", "params", "headers"];

/** Hono `validator(target, …)` / `zValidator(target, schema)` targets. */
const HONO_TARGETS: Readonly<Record<string, RequestInputSource>> = {
  json: "body",
  form: "body",
  query: "query",
  param: "params",
  header: "headers",
};
/** celebrate `Segments.*` / validate-middleware option keys. */
const SEGMENT_KEYS: Readonly<Record<string, RequestInputSource>> = {
  body: "body",
  BODY: "body",
  query: "query",
  QUERY: "query",
  querystring: "query",
  params: "params",
  PARAMS: "params",
  headers: "headers",
  HEADERS: "headers",
};
/** express-validator's chain starters and what they check. */
const EXPRESS_VALIDATOR: Readonly<Record<string, readonly RequestInputSource[]>> = {
  body: ["body"],
  query: ["query"],
  param: ["params"],
  header: ["headers"],
  check: ALL_SOURCES,
  checkSchema: ALL_SOURCES,
  checkExact: ALL_SOURCES,
  oneOf: ALL_SOURCES,
  buildCheckFunction: ALL_SOURCES,
};
const OTHER_VALIDATORS = new Set(["celebrate", "processRequest", "processRequestBody", "processRequestQuery", "processRequestParams"]);

function isImportedFrom(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier, module: string): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (definition?.type === "ImportBinding") {
    const declaration = definition.node.parent;
    return declaration?.type === AST_NODE_TYPES.ImportDeclaration && declaration.source.value === module;
  }
  if (definition?.type === "Variable" && definition.node.type === AST_NODE_TYPES.VariableDeclarator) {
    const init = definition.node.init;
    return (
      init?.type === AST_NODE_TYPES.CallExpression &&
      init.callee.type === AST_NODE_TYPES.Identifier &&
      init.callee.name === "require" &&
      init.arguments[0]?.type === AST_NODE_TYPES.Literal &&
      init.arguments[0].value === module
    );
  }
  return false;
}

/** Sources named in a name: `validateBody` → body, `validateQuery` → query; none → every source. */
function getSourcesFromName(name: string): readonly RequestInputSource[] {
  const found: RequestInputSource[] = [];
  if (/Body|Json|Form/u.test(name)) found.push("body");
  if (/Query/u.test(name)) found.push("query");
  if (/Param/u.test(name)) found.push("params");
  if (/Header/u.test(name)) found.push("headers");
  return found.length > 0 ? found : ALL_SOURCES;
}

/** Sources named by the arguments: a Hono target string, or `{ body: …, [Segments.QUERY]: … }` keys. */
function getSourcesFromArguments(call: TSESTree.CallExpression): readonly RequestInputSource[] | undefined {
  const [first] = call.arguments;
  if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === "string") {
    const target = HONO_TARGETS[first.value];
    return target ? [target] : [];
  }
  if (first?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const found = new Set<RequestInputSource>();
  for (const property of first.properties) {
    if (property.type !== AST_NODE_TYPES.Property) return undefined;
    const key = property.key;
    let name: string | undefined;
    if (!property.computed && key.type === AST_NODE_TYPES.Identifier) name = key.name;
    else if (key.type === AST_NODE_TYPES.Literal && typeof key.value === "string") name = key.value;
    else if (key.type === AST_NODE_TYPES.MemberExpression && key.property.type === AST_NODE_TYPES.Identifier) name = key.property.name;
    const source = name === undefined ? undefined : SEGMENT_KEYS[name];
    if (source) found.add(source);
  }
  return found.size > 0 ? [...found] : undefined;
}

/** The call an express-validator chain starts with: `body("email")` in `body("email").isEmail().trim()`. */
function getChainRoot(call: TSESTree.CallExpression): TSESTree.CallExpression {
  let current = call;
  while (current.callee.type === AST_NODE_TYPES.MemberExpression && current.callee.object.type === AST_NODE_TYPES.CallExpression) {
    current = current.callee.object;
  }
  return current;
}

/**
 * The request sources a piece of route middleware validates, or `undefined` when it is not recognised
 * as validation: `celebrate({ body })`, `zValidator("json", s)` / Hono `validator("query", fn)`,
 * express-validator chains (`body("email").isEmail()`, `checkSchema(...)`) and arrays of them,
 * and anything whose name says it validates (`validate(schema)`, `validateBody`, `validationMiddleware`)
 * or is listed in `extraNames`.
 */
export function getMiddlewareValidatedSources(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  extraNames: ReadonlySet<string>,
  depth = 0,
): readonly RequestInputSource[] | undefined {
  if (depth > 3) return undefined;
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    const found = new Set<RequestInputSource>();
    for (const element of node.elements) {
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
      for (const source of getMiddlewareValidatedSources(sourceCode, element, extraNames, depth + 1) ?? []) found.add(source);
    }
    return found.size > 0 ? [...found] : undefined;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const root = getChainRoot(node);
    const { name, path } = getCalleeNames(root.callee);
    if (name === undefined) return undefined;
    const starter = EXPRESS_VALIDATOR[name];
    if (starter && root.callee.type === AST_NODE_TYPES.Identifier && isImportedFrom(sourceCode, root.callee, "express-validator")) return starter;
    if (isValidatorName(name, extraNames) || OTHER_VALIDATORS.has(name) || (path !== undefined && extraNames.has(path))) {
      return getSourcesFromArguments(root) ?? getSourcesFromName(name);
    }
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
    const { name, path } = getCalleeNames(node);
    if (name === undefined) return undefined;
    if (isValidatorName(name, extraNames) || (path !== undefined && extraNames.has(path))) return getSourcesFromName(name);
    if (node.type === AST_NODE_TYPES.Identifier) {
      // `const createUserRules = [body("email").isEmail(), …]` declared in this file.
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      const init = definition?.type === "Variable" && definition.node.type === AST_NODE_TYPES.VariableDeclarator ? definition.node.init : null;
      if (init && (init.type === AST_NODE_TYPES.ArrayExpression || init.type === AST_NODE_TYPES.CallExpression)) {
        return getMiddlewareValidatedSources(sourceCode, init, extraNames, depth + 1);
      }
    }
  }
  return undefined;
}
