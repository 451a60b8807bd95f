import { ASTUtils, AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { getDecoratorName } from "./get-file-routes.js";
import { getParamTypeName } from "./get-framework-from-signature.js";
import { isFunctionNode } from "./get-function-from-expression.js";
import { getHandlerInfo } from "./get-handler-info.js";
import { getNextRouteFile } from "./get-next-route-file.js";
import { getMemberName, getPropertyKeyName, getStaticString } from "./get-static-string.js";
import type { FunctionNode, HandlerInfo, RuleContext } from "./types.js";

/** Where a piece of request input comes from. */
export type RequestInputSource = "body" | "query" | "params" | "headers";

/** One read of raw, unparsed-by-schema request input inside a handler. */
export interface RequestInputRead {
  source: RequestInputSource;
  /** The handler whose request the input belongs to. */
  handler: HandlerInfo;
  /**
   * `value`: `node` is an expression that evaluates to the input (`req.body`, `ctx.request.body`,
   * `c.req.json()`, `request.formData()` — calls are the CallExpression, before any `await`).
   * `binding`: `node` is the pattern the input is bound to (`{ body }` destructured from the request
   * or a handler parameter, a Nest `@Body() body` parameter).
   */
  kind: "value" | "binding";
  node: TSESTree.Node;
  /** Calls that return a promise of the input (`c.req.json()`, `request.json()`): the value needs `await`. */
  async: boolean;
  /** Nest `@Body("email")`: the one field the parameter selects. */
  field: string | undefined;
}

/** What an identifier stands for in a handler: the request itself, or one of the framework objects that lead to it. */
type RequestObjectKind = "request" | "koa-context" | "koa-request" | "hono-context" | "hono-request";

interface RequestObject {
  kind: RequestObjectKind;
  handler: HandlerInfo;
}

const REQUEST_PROPERTIES: ReadonlyMap<string, RequestInputSource> = new Map([
  ["body", "body"],
  ["query", "query"],
  ["params", "params"],
  ["headers", "headers"],
]);
const KOA_CONTEXT_PROPERTIES: ReadonlyMap<string, RequestInputSource> = new Map([
  ["query", "query"],
  ["params", "params"],
  ["headers", "headers"],
  ["header", "headers"],
]);
const KOA_REQUEST_PROPERTIES: ReadonlyMap<string, RequestInputSource> = new Map([
  ["body", "body"],
  ["query", "query"],
  ["headers", "headers"],
  ["header", "headers"],
]);
/**
 * Hono `HonoRequest` methods that return input whose type does not describe it. With an argument,
 * `query("k")`, `param("k")`, `header("k")` return `string | undefined`: TypeScript already makes the
 * code handle absence, so only the whole-object forms count.
 */
const HONO_METHODS: ReadonlyMap<string, { source: RequestInputSource; async: boolean; wholeOnly: boolean }> = new Map([
  ["json", { source: "body", async: true, wholeOnly: false }],
  ["parseBody", { source: "body", async: true, wholeOnly: false }],
  ["formData", { source: "body", async: true, wholeOnly: false }],
  ["query", { source: "query", async: false, wholeOnly: true }],
  ["queries", { source: "query", async: false, wholeOnly: true }],
  ["param", { source: "params", async: false, wholeOnly: true }],
  ["header", { source: "headers", async: false, wholeOnly: true }],
]);
/** Web `Request` methods a Next.js App Router handler parses its body with. */
const NEXT_APP_METHODS = new Set(["json", "formData"]);

/** The property names that can read input from one of `sources`: a cheap first filter for a rule that checks only those. */
export function getRequestInputPropertyNames(sources: ReadonlySet<RequestInputSource>): Set<string> {
  const names = new Set<string>();
  for (const map of [REQUEST_PROPERTIES, KOA_CONTEXT_PROPERTIES, KOA_REQUEST_PROPERTIES]) {
    for (const [name, source] of map) if (sources.has(source)) names.add(name);
  }
  for (const [name, method] of HONO_METHODS) if (sources.has(method.source)) names.add(name);
  if (sources.has("body")) for (const name of NEXT_APP_METHODS) names.add(name);
  return names;
}

/** Property names that can start a request-input read; rules use it as a cheap first filter. */
export const REQUEST_INPUT_PROPERTY_NAMES: ReadonlySet<string> = new Set([
  ...REQUEST_PROPERTIES.keys(),
  ...KOA_CONTEXT_PROPERTIES.keys(),
  ...KOA_REQUEST_PROPERTIES.keys(),
  ...HONO_METHODS.keys(),
  ...NEXT_APP_METHODS,
]);

/** The top-level parameter of `fn` that contains `name`, and the object-pattern keys leading to it. */
function getParameterPath(
  fn: FunctionNode,
  name: TSESTree.Identifier,
): { param: TSESTree.Parameter; path: string[] } | undefined {
  const path: string[] = [];
  let node: TSESTree.Node = name;
  for (let depth = 0; depth < 6; depth++) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (parent === fn) {
      return fn.params.includes(node as TSESTree.Parameter) ? { param: node as TSESTree.Parameter, path } : undefined;
    }
    if (parent.type === AST_NODE_TYPES.Property && parent.value === node) {
      const key = getPropertyKeyName(parent);
      if (key === undefined) return undefined;
      path.unshift(key);
    } else if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node) {
      // `{ body = {} }` and `req = defaultReq` keep the path.
    } else if (parent.type === AST_NODE_TYPES.TSParameterProperty || parent.type === AST_NODE_TYPES.ObjectPattern) {
      // Through to the enclosing property or parameter.
    } else {
      return undefined;
    }
    node = parent;
  }
  return undefined;
}

function getRoleKind(handler: HandlerInfo, param: TSESTree.Parameter): RequestObjectKind | undefined {
  if (handler.kind === "error-handler") return undefined;
  if (handler.request === param) return "request";
  if (handler.context === param) {
    if (handler.framework === "koa") return "koa-context";
    if (handler.framework === "hono") return "hono-context";
  }
  return undefined;
}

/** The object reached by following `path` keys from an object of `kind`. */
function follow(kind: RequestObjectKind, path: readonly string[]): RequestObjectKind | undefined {
  let current: RequestObjectKind | undefined = kind;
  for (const key of path) {
    if (current === "koa-context" && key === "request") current = "koa-request";
    else if (current === "hono-context" && key === "req") current = "hono-request";
    else return undefined;
  }
  return current;
}

/** The request object an expression evaluates to: a handler parameter, something destructured from it, or `ctx.request` / `c.req`. */
function getRequestObject(context: RuleContext, node: TSESTree.Node, depth = 0): RequestObject | undefined {
  if (depth > 4) return undefined;
  if (node.type === AST_NODE_TYPES.TSNonNullExpression || node.type === AST_NODE_TYPES.TSAsExpression) {
    return getRequestObject(context, node.expression, depth + 1);
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const key = getMemberName(node);
    const object = key === undefined ? undefined : getRequestObject(context, node.object, depth + 1);
    const kind = object && key !== undefined ? follow(object.kind, [key]) : undefined;
    return object && kind ? { kind, handler: object.handler } : undefined;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return undefined;
  if (definition.type === "Parameter" && isFunctionNode(definition.node)) {
    if (definition.name.type !== AST_NODE_TYPES.Identifier) return undefined;
    const found = getParameterPath(definition.node, definition.name);
    if (!found) return undefined;
    const handler = getHandlerInfo(context, definition.node);
    const role = handler && getRoleKind(handler, found.param);
    const kind = role && follow(role, found.path);
    return handler && kind ? { kind, handler } : undefined;
  }
  if (
    definition.type === "Variable" &&
    definition.node.type === AST_NODE_TYPES.VariableDeclarator &&
    definition.node.init
  ) {
    const declarator = definition.node;
    // Only `const`: a `let` may be reassigned to anything.
    if (definition.parent?.kind !== "const" || !declarator.init) return undefined;
    if (declarator.id === definition.name) return getRequestObject(context, declarator.init, depth + 1);
    const path = getPatternPath(declarator.id, definition.name);
    const object = path && getRequestObject(context, declarator.init, depth + 1);
    const kind = object && path ? follow(object.kind, path) : undefined;
    return object && kind ? { kind, handler: object.handler } : undefined;
  }
  return undefined;
}

/** The object-pattern keys from `pattern` down to `name`, or `undefined` when the way goes through arrays or rests. */
function getPatternPath(pattern: TSESTree.Node, name: TSESTree.Identifier): string[] | undefined {
  const path: string[] = [];
  let node: TSESTree.Node = name;
  while (node !== pattern) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.Property && parent.value === node) {
      const key = getPropertyKeyName(parent);
      if (key === undefined) return undefined;
      path.unshift(key);
    } else if (!(
      parent.type === AST_NODE_TYPES.ObjectPattern ||
      (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node)
    )) {
      return undefined;
    }
    node = parent;
  }
  return path;
}

function isNextPages(context: RuleContext, handler: HandlerInfo): boolean {
  if (handler.response !== undefined) return true;
  const type = getParamTypeName(handler.request);
  if (type === "NextApiRequest") return true;
  return getNextRouteFile(context.filename)?.router === "pages";
}

function getCall(member: TSESTree.MemberExpression): TSESTree.CallExpression | undefined {
  const parent = member.parent;
  return parent.type === AST_NODE_TYPES.CallExpression && parent.callee === member ? parent : undefined;
}

function isAssignmentTarget(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return (
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) ||
    (parent.type === AST_NODE_TYPES.UpdateExpression && parent.argument === member) ||
    (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "delete")
  );
}

/**
 * The raw request input `member` reads, for each framework's shape:
 * Express / Pages API / Fastify / Nest `@Req()` `req.body|query|params|headers`; Koa `ctx.query|params|headers`
 * and `ctx.request.body|query|headers`; Hono `c.req.json()|parseBody()|formData()|query()|queries()|param()|header()`
 * (whole-object forms only); Next.js App Router `request.json()|formData()`. The request is followed
 * through parameters, destructuring (`const { request } = ctx`) and `const` aliases of `ctx.request` / `c.req`.
 * Assignments (`req.body = x`) are writes, not reads.
 */
export function getRequestInputRead(
  context: RuleContext,
  member: TSESTree.MemberExpression,
): RequestInputRead | undefined {
  const name = getMemberName(member);
  if (name === undefined || !REQUEST_INPUT_PROPERTY_NAMES.has(name) || isAssignmentTarget(member)) return undefined;
  const object = getRequestObject(context, member.object);
  if (!object) return undefined;
  const { handler } = object;
  const read = (source: RequestInputSource, node: TSESTree.Node, async = false): RequestInputRead => ({
    source,
    handler,
    kind: "value",
    node,
    async,
    field: undefined,
  });
  switch (object.kind) {
    case "request": {
      if (handler.framework === "next" && !isNextPages(context, handler)) {
        const call = getCall(member);
        return call && NEXT_APP_METHODS.has(name) && call.arguments.length === 0 ? read("body", call, true) : undefined;
      }
      const source = REQUEST_PROPERTIES.get(name);
      return source && !getCall(member) ? read(source, member) : undefined;
    }
    case "koa-context": {
      const source = KOA_CONTEXT_PROPERTIES.get(name);
      return source && !getCall(member) ? read(source, member) : undefined;
    }
    case "koa-request": {
      const source = KOA_REQUEST_PROPERTIES.get(name);
      return source && !getCall(member) ? read(source, member) : undefined;
    }
    case "hono-request": {
      const method = HONO_METHODS.get(name);
      const call = getCall(member);
      if (!method || !call) return undefined;
      if (method.wholeOnly && call.arguments.length > 0) return undefined;
      return read(method.source, call, method.async);
    }
    default:
      return undefined;
  }
}

/**
 * Raw request input bound by destructuring the request: `({ body }, res) => {}`,
 * `const { body, query } = req`, `const { query } = ctx`, `const { request: { body } } = ctx`.
 * `property` is the pattern property; the read's `node` is its value (the binding).
 */
export function getRequestInputBinding(
  context: RuleContext,
  property: TSESTree.Property,
): RequestInputRead | undefined {
  const pattern = property.parent;
  if (pattern?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const key = getPropertyKeyName(property);
  if (key === undefined || !REQUEST_INPUT_PROPERTY_NAMES.has(key)) return undefined;
  let object: RequestObject | undefined;
  const holder =
    pattern.parent.type === AST_NODE_TYPES.AssignmentPattern && pattern.parent.left === pattern
      ? pattern.parent
      : pattern;
  if (isFunctionNode(holder.parent) && holder.parent.params.includes(holder as TSESTree.Parameter)) {
    const handler = getHandlerInfo(context, holder.parent);
    const kind = handler && getRoleKind(handler, holder as TSESTree.Parameter);
    object = handler && kind ? { kind, handler } : undefined;
  } else if (
    holder.parent.type === AST_NODE_TYPES.VariableDeclarator &&
    holder.parent.id === holder &&
    holder.parent.init
  ) {
    object = getRequestObject(context, holder.parent.init);
  } else if (
    holder.parent.type === AST_NODE_TYPES.Property &&
    holder.parent.value === holder &&
    holder.parent.parent.type === AST_NODE_TYPES.ObjectPattern
  ) {
    // `{ request: { body } }`: the outer property leads to the object this pattern destructures.
    const outerKey = getPropertyKeyName(holder.parent);
    const outer = outerKey === undefined ? undefined : getPatternObject(context, holder.parent.parent);
    const kind = outer && outerKey !== undefined ? follow(outer.kind, [outerKey]) : undefined;
    object = outer && kind ? { kind, handler: outer.handler } : undefined;
  }
  if (!object) return undefined;
  let source: RequestInputSource | undefined;
  if (object.kind === "request") {
    source =
      object.handler.framework === "next" && !isNextPages(context, object.handler)
        ? undefined
        : REQUEST_PROPERTIES.get(key);
  } else if (object.kind === "koa-context") source = KOA_CONTEXT_PROPERTIES.get(key);
  else if (object.kind === "koa-request") source = KOA_REQUEST_PROPERTIES.get(key);
  if (!source) return undefined;
  return { source, handler: object.handler, kind: "binding", node: property.value, async: false, field: undefined };
}

/** The request object an object pattern destructures (a handler parameter or a `const` declarator's init). */
function getPatternObject(context: RuleContext, pattern: TSESTree.ObjectPattern): RequestObject | undefined {
  const holder =
    pattern.parent.type === AST_NODE_TYPES.AssignmentPattern && pattern.parent.left === pattern
      ? pattern.parent
      : pattern;
  if (isFunctionNode(holder.parent) && holder.parent.params.includes(holder as TSESTree.Parameter)) {
    const handler = getHandlerInfo(context, holder.parent);
    const kind = handler && getRoleKind(handler, holder as TSESTree.Parameter);
    return handler && kind ? { kind, handler } : undefined;
  }
  if (holder.parent.type === AST_NODE_TYPES.VariableDeclarator && holder.parent.id === holder && holder.parent.init) {
    return getRequestObject(context, holder.parent.init);
  }
  return undefined;
}

const NEST_DECORATORS: ReadonlyMap<string, RequestInputSource> = new Map([
  ["Body", "body"],
  ["Query", "query"],
  ["Param", "params"],
  ["Headers", "headers"],
]);

/** A Nest parameter decorator that binds request input, with what it says about validation. */
export interface NestInputParameter {
  read: RequestInputRead;
  /** A pipe is passed (`@Body(new ZodValidationPipe(schema))`, `@Query("page", ParseIntPipe)`): the pipe validates. */
  hasPipe: boolean;
}

/**
 * Nest `@Body()`, `@Query()`, `@Param()`, `@Headers()` on a parameter of a controller route method.
 * The read is a `binding` of the parameter; `field` is the decorator's property name argument.
 */
export function getNestInputParameter(
  context: RuleContext,
  decorator: TSESTree.Decorator,
): NestInputParameter | undefined {
  const name = getDecoratorName(decorator);
  const source = name === undefined ? undefined : NEST_DECORATORS.get(name);
  if (!source) return undefined;
  const param = decorator.parent;
  const fn = param.parent;
  if (!isFunctionNode(fn) || !fn.params.includes(param as TSESTree.Parameter)) return undefined;
  const handler = getHandlerInfo(context, fn);
  if (handler?.framework !== "nest" || handler.kind !== "route") return undefined;
  const args = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.arguments : [];
  const field = getStaticString(args[0]);
  const hasPipe = args.some((arg) => getStaticString(arg) === undefined);
  return {
    read: { source, handler, kind: "binding", node: param, async: false, field },
    hasPipe,
  };
}
