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
/** express-validator starters that check named fields (and `checkSchema`, whose keys are the fields). */
const FIELD_STARTERS: Readonly<Record<string, true>> = {
  body: true,
  query: true,
  param: true,
  header: true,
  check: true,
};
const OTHER_VALIDATORS = new Set([
  "celebrate",
  "processRequest",
  "processRequestBody",
  "processRequestQuery",
  "processRequestParams",
]);
/**
 * Modules whose middleware checks every request against the app's API description before a route runs:
 * express-openapi-validator's `OpenApiValidator.middleware({ apiSpec })` validates body, query, path
 * parameters and headers against the OpenAPI document and refuses requests it does not describe.
 */
const REQUEST_VALIDATOR_MODULES = new Set(["express-openapi-validator"]);

/** Whether middleware made by `module` validates whole requests (see `REQUEST_VALIDATOR_MODULES`); `options` is its call's text, when known. */
export function isRequestValidatorModule(module: string | undefined, options = ""): boolean {
  return (
    module !== undefined && REQUEST_VALIDATOR_MODULES.has(module) && !/validateRequests\s*:\s*false/u.test(options)
  );
}

function isImportedFrom(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
  module: string,
): boolean {
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
    else if (key.type === AST_NODE_TYPES.MemberExpression && key.property.type === AST_NODE_TYPES.Identifier)
      name = key.property.name;
    const source = name === undefined ? undefined : SEGMENT_KEYS[name];
    if (source) found.add(source);
  }
  return found.size > 0 ? [...found] : undefined;
}

/**
 * The top-level fields an express-validator chain starter names: `body("email")`, `body(["a", "b"])`,
 * `check("profile.name")` (→ `profile`), `checkSchema({ email: {…} })`; `undefined` when it names none
 * it can be read from (`body()`, a variable, `oneOf([...])`), which then stands for the whole source.
 */
function getChainFields(name: string, root: TSESTree.CallExpression): string[] | undefined {
  const [first] = root.arguments;
  const fromPath = (path: string): string | undefined => {
    const field = /^[^.[*]+/u.exec(path)?.[0];
    return field === undefined || field === "" ? undefined : field;
  };
  if (name === "checkSchema") {
    if (first?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const fields: string[] = [];
    for (const property of first.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) return undefined;
      const key =
        property.key.type === AST_NODE_TYPES.Identifier
          ? property.key.name
          : property.key.type === AST_NODE_TYPES.Literal
            ? String(property.key.value)
            : undefined;
      const field = key === undefined ? undefined : fromPath(key);
      if (field === undefined) return undefined;
      fields.push(field);
    }
    return fields;
  }
  if (!(name in FIELD_STARTERS)) return undefined;
  const paths = first?.type === AST_NODE_TYPES.ArrayExpression ? first.elements : [first];
  const fields: string[] = [];
  for (const element of paths) {
    const field =
      element?.type === AST_NODE_TYPES.Literal && typeof element.value === "string"
        ? fromPath(element.value)
        : undefined;
    if (field === undefined) return undefined;
    fields.push(field);
  }
  return fields;
}

/** The call an express-validator chain starts with: `body("email")` in `body("email").isEmail().trim()`. */
function getChainRoot(call: TSESTree.CallExpression): TSESTree.CallExpression {
  let current = call;
  while (
    current.callee.type === AST_NODE_TYPES.MemberExpression &&
    current.callee.object.type === AST_NODE_TYPES.CallExpression
  ) {
    current = current.callee.object;
  }
  return current;
}

/** What a piece of route middleware validates. */
export interface MiddlewareValidation {
  /** Sources checked as a whole, by a schema. */
  sources: readonly RequestInputSource[];
  /** Sources of which only these top-level fields are checked (express-validator chains). */
  fields: Map<RequestInputSource, Set<string>>;
}

function whole(sources: readonly RequestInputSource[]): MiddlewareValidation {
  return { sources, fields: new Map() };
}

/**
 * What middleware written in another file validates, known only by its name parts
 * (`validate(authValidation.register)` → validate, `celebrate(…)`, `body("email").isEmail()` → body, isEmail):
 * the sources its name says (`validateQuery` → query; `validate` → all), or `undefined` when the name is no
 * validator's. An express-validator chain counts for its whole source here: its fields are not in view.
 */
export function getValidationFromName(
  parts: readonly string[],
  extraNames: ReadonlySet<string>,
): readonly RequestInputSource[] | undefined {
  const [first] = parts;
  if (first !== undefined && EXPRESS_VALIDATOR[first]) return EXPRESS_VALIDATOR[first];
  const name = parts.find((part) => isValidatorName(part, extraNames) || OTHER_VALIDATORS.has(part));
  if (name !== undefined) return getSourcesFromName(name);
  return extraNames.has(parts.join(".")) ? ALL_SOURCES : undefined;
}

export function mergeValidation(into: MiddlewareValidation, part: MiddlewareValidation): void {
  into.sources = [...new Set([...into.sources, ...part.sources])];
  for (const [source, fields] of part.fields) {
    const known = into.fields.get(source);
    if (known) for (const field of fields) known.add(field);
    else into.fields.set(source, new Set(fields));
  }
}

/**
 * The request sources a piece of route middleware validates, or `undefined` when it is not recognised
 * as validation: `celebrate({ body })`, `zValidator("json", s)` / Hono `validator("query", fn)`,
 * express-validator chains (`body("email").isEmail()`, `checkSchema(...)`: only the fields they name) and arrays of them,
 * and anything whose name says it validates (`validate(schema)`, `validateBody`, `validationMiddleware`)
 * or is listed in `extraNames`.
 */
export function getMiddlewareValidatedSources(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  extraNames: ReadonlySet<string>,
  depth = 0,
): MiddlewareValidation | undefined {
  if (depth > 3) return undefined;
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    const found: MiddlewareValidation = { sources: [], fields: new Map() };
    let any = false;
    for (const element of node.elements) {
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
      const part = getMiddlewareValidatedSources(sourceCode, element, extraNames, depth + 1);
      if (!part) continue;
      any = true;
      mergeValidation(found, part);
    }
    return any ? found : undefined;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const root = getChainRoot(node);
    const { name, path } = getCalleeNames(root.callee);
    if (name === undefined) return undefined;
    const starter = EXPRESS_VALIDATOR[name];
    if (
      starter &&
      root.callee.type === AST_NODE_TYPES.Identifier &&
      isImportedFrom(sourceCode, root.callee, "express-validator")
    ) {
      // A chain checks its own fields; the rest of the body is whatever the client sent.
      const fields = getChainFields(name, root);
      if (!fields) return { sources: starter, fields: new Map() };
      return { sources: [], fields: new Map(starter.map((source) => [source, new Set(fields)])) };
    }
    // `OpenApiValidator.middleware({ apiSpec })`
    const object = root.callee.type === AST_NODE_TYPES.MemberExpression ? root.callee.object : undefined;
    const module =
      object?.type === AST_NODE_TYPES.Identifier
        ? [...REQUEST_VALIDATOR_MODULES].find((candidate) => isImportedFrom(sourceCode, object, candidate))
        : undefined;
    if (isRequestValidatorModule(module, sourceCode.getText(root))) return whole(ALL_SOURCES);
    if (
      isValidatorName(name, extraNames) ||
      OTHER_VALIDATORS.has(name) ||
      (path !== undefined && extraNames.has(path))
    ) {
      return whole(getSourcesFromArguments(root) ?? getSourcesFromName(name));
    }
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
    const { name, path } = getCalleeNames(node);
    if (name === undefined) return undefined;
    if (isValidatorName(name, extraNames) || (path !== undefined && extraNames.has(path)))
      return whole(getSourcesFromName(name));
    if (node.type === AST_NODE_TYPES.Identifier) {
      // `const createUserRules = [body("email").isEmail(), …]` declared in this file.
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      const init =
        definition?.type === "Variable" && definition.node.type === AST_NODE_TYPES.VariableDeclarator
          ? definition.node.init
          : null;
      if (init && (init.type === AST_NODE_TYPES.ArrayExpression || init.type === AST_NODE_TYPES.CallExpression)) {
        return getMiddlewareValidatedSources(sourceCode, init, extraNames, depth + 1);
      }
    }
  }
  return undefined;
}
