import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { getDeclaredRoutes, getDecoratorName } from "./get-file-routes.js";
import { getFrameworkImports } from "./get-framework-imports.js";
import { getFrameworkFromSignature, getParamName } from "./get-framework-from-signature.js";
import { isFunctionNode } from "./get-function-from-expression.js";
import { getReceiver } from "./get-receiver.js";
import { getRouteRegistration } from "./get-route-registration.js";
import { getHandlerRegistrations, type HandlerRegistration } from "../project/get-handler-registrations.js";
import { getLintedFilePath } from "../project/get-project-function.js";
import type { Framework, FunctionNode, HandlerInfo, HandlerKind, RouteRegistration, RuleContext } from "./types.js";

const FASTIFY_REQUEST_HOOKS = new Set([
  "onRequest",
  "preParsing",
  "preValidation",
  "preHandler",
  "preSerialization",
  "onSend",
]);

function withRoles(
  framework: Framework,
  kind: HandlerKind,
  fn: FunctionNode,
  route: RouteRegistration | undefined,
  origin: HandlerInfo["origin"],
): HandlerInfo {
  const [a, b, c, d] = fn.params;
  const info: HandlerInfo = {
    framework,
    kind,
    function: fn,
    route,
    origin,
    error: undefined,
    request: undefined,
    response: undefined,
    context: undefined,
    next: undefined,
  };
  switch (framework) {
    case "express":
      if (kind === "error-handler") Object.assign(info, { error: a, request: b, response: c, next: d });
      else Object.assign(info, { request: a, response: b, next: c });
      break;
    case "fastify":
      if (kind === "error-handler") Object.assign(info, { error: a, request: b, response: c });
      else Object.assign(info, { request: a, response: b });
      break;
    case "hono":
      if (kind === "error-handler") Object.assign(info, { error: a, context: b });
      else Object.assign(info, { context: a, next: b });
      break;
    case "koa":
      Object.assign(info, { context: a, next: b });
      break;
    case "next":
      // App Router `(request, { params })`; Pages API `(req, res)`.
      Object.assign(info, {
        request: a,
        response:
          fn.params.length >= 2 &&
          getParamName(b) !== "context" &&
          getParamName(b) !== "ctx" &&
          b?.type !== AST_NODE_TYPES.ObjectPattern
            ? b
            : undefined,
      });
      break;
    case "nest":
      for (const param of fn.params) {
        const decorators = ("decorators" in param ? param.decorators : undefined) ?? [];
        for (const decorator of decorators) {
          const name = getDecoratorName(decorator);
          if (name === "Req" || name === "Request") info.request = param;
          if (name === "Res" || name === "Response") info.response = param;
          if (name === "Next") info.next = param;
        }
      }
      break;
  }
  return info;
}

function getCalleeProperty(call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier
    ? callee.property.name
    : undefined;
}

/** A Koa middleware that wraps `await next()` in `try`: the app's central error handler. */
function wrapsNextInTry(fn: FunctionNode): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  return fn.body.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.TryStatement &&
      statement.handler !== null &&
      statement.block.body.some(
        (inner) =>
          inner.type === AST_NODE_TYPES.ExpressionStatement &&
          inner.expression.type === AST_NODE_TYPES.AwaitExpression &&
          inner.expression.argument.type === AST_NODE_TYPES.CallExpression &&
          inner.expression.argument.callee.type === AST_NODE_TYPES.Identifier &&
          inner.expression.argument.callee.name === getParamName(fn.params[1]),
      ),
  );
}

/** The handler role of a function that is passed (directly, in an array, or through a wrapper) to `call`. */
function fromCallArgument(
  context: RuleContext,
  fn: FunctionNode,
  call: TSESTree.CallExpression,
): HandlerInfo | undefined {
  const route = getRouteRegistration(context, call);
  if (route) {
    const isHandler = route.handlerFunction === fn || route.handler === fn;
    return withRoles(route.framework, isHandler ? "route" : "middleware", fn, route, "registration");
  }
  const property = getCalleeProperty(call);
  if (property === undefined || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const imports = getFrameworkImports(context.sourceCode);
  switch (property) {
    case "use": {
      const receiver = getReceiver(context, call.callee.object, true);
      if (!receiver) return undefined;
      const framework = receiver.framework ?? getFrameworkFromSignature(fn);
      if (!framework) return undefined;
      if (framework === "express" && fn.params.length === 4)
        return withRoles("express", "error-handler", fn, undefined, "registration");
      if (framework === "koa" && wrapsNextInTry(fn))
        return withRoles("koa", "error-handler", fn, undefined, "registration");
      return withRoles(framework, "middleware", fn, undefined, "registration");
    }
    case "setErrorHandler":
      return withRoles("fastify", "error-handler", fn, undefined, "registration");
    case "onError":
      if (!imports.frameworks.has("hono") && getReceiver(context, call.callee.object, false)?.framework !== "hono")
        return undefined;
      return withRoles("hono", "error-handler", fn, undefined, "registration");
    case "notFound":
      if (!imports.frameworks.has("hono")) return undefined;
      return withRoles("hono", "route", fn, undefined, "registration");
    case "addHook": {
      const hook = call.arguments[0];
      if (hook?.type !== AST_NODE_TYPES.Literal || !FASTIFY_REQUEST_HOOKS.has(String(hook.value))) return undefined;
      return withRoles("fastify", "middleware", fn, undefined, "registration");
    }
    default:
      return undefined;
  }
}

/** The call a function is an argument of, looking through arrays and one-function wrappers. */
function getRegisteringCall(fn: TSESTree.Node): TSESTree.CallExpression | undefined {
  let node: TSESTree.Node = fn;
  for (let depth = 0; depth < 3; depth++) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.ArrayExpression) {
      node = parent;
      continue;
    }
    if (
      parent.type !== AST_NODE_TYPES.CallExpression ||
      !parent.arguments.includes(node as TSESTree.CallExpressionArgument)
    ) {
      return undefined;
    }
    // `asyncHandler(fn)` as an argument of the route call: look one call further out.
    const outer = parent.parent;
    if (
      parent.arguments.length === 1 &&
      parent.callee.type === AST_NODE_TYPES.Identifier &&
      outer?.type === AST_NODE_TYPES.CallExpression &&
      outer.arguments.includes(parent)
    ) {
      node = parent;
      continue;
    }
    return parent;
  }
  return undefined;
}

function fromRouteOptionsProperty(context: RuleContext, fn: FunctionNode): HandlerInfo | undefined {
  const property = fn.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.key.type !== AST_NODE_TYPES.Identifier) return undefined;
  const object = property.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const call = object.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const route = getRouteRegistration(context, call);
  if (!route || route.options !== object) return undefined;
  if (property.key.name === "handler") return withRoles("fastify", "route", fn, route, "registration");
  if (FASTIFY_REQUEST_HOOKS.has(property.key.name))
    return withRoles("fastify", "middleware", fn, route, "registration");
  return undefined;
}

function fromDeclaredRoutes(context: RuleContext, fn: FunctionNode): HandlerInfo | undefined {
  for (const route of getDeclaredRoutes(context)) {
    if (route.handlerFunction === fn) return withRoles(route.framework, "route", fn, route, "registration");
  }
  return undefined;
}

/**
 * The expression that holds a function where it is bound: `asyncHandler(async (req, res) => {})` for a
 * function wrapped by a one-function call (`const createUser = catchAsync(...)` binds the wrapped function
 * too), else the function itself.
 */
function getHolder(fn: FunctionNode): TSESTree.Node {
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments.at(-1) === fn &&
    parent.arguments.filter(isFunctionNode).length === 1
    ? parent
    : fn;
}

/** A local function referenced as a handler somewhere in this file: `app.get("/x", listUsers)`. */
function fromReferences(context: RuleContext, fn: FunctionNode): HandlerInfo | undefined {
  const holder = getHolder(fn);
  const binding =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn
      : holder.parent?.type === AST_NODE_TYPES.VariableDeclarator && holder.parent.init === holder
        ? holder.parent
        : undefined;
  if (!binding) return undefined;
  const variable = context.sourceCode.getDeclaredVariables(binding)[0];
  for (const ref of variable?.references ?? []) {
    if (ref.init) continue;
    const call = getRegisteringCall(ref.identifier);
    const info = call && fromCallArgument(context, fn, call);
    if (info) return info;
  }
  return undefined;
}

/**
 * `getSession(req: NextApiRequest, linkId: string)`: a Next.js handler's second parameter is the response
 * (Pages) or the route's context (App Router), never a string or a number; this is a helper given the request.
 */
function isPrimitiveTyped(param: TSESTree.Parameter | undefined): boolean {
  const target = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  const annotation = target && "typeAnnotation" in target ? target.typeAnnotation?.typeAnnotation : undefined;
  return (
    annotation?.type === AST_NODE_TYPES.TSStringKeyword ||
    annotation?.type === AST_NODE_TYPES.TSNumberKeyword ||
    annotation?.type === AST_NODE_TYPES.TSBooleanKeyword
  );
}

function fromSignature(context: RuleContext, fn: FunctionNode): HandlerInfo | undefined {
  const framework = getFrameworkFromSignature(fn);
  if (!framework) return undefined;
  const imports = getFrameworkImports(context.sourceCode);
  // `(c)` and `(ctx)` are too common to trust without the framework in the file.
  if ((framework === "hono" || framework === "koa") && !imports.frameworks.has(framework)) return undefined;
  if (framework === "next" && (fn.params.length > 2 || isPrimitiveTyped(fn.params[1]))) return undefined;
  const kind: HandlerKind = framework === "express" && fn.params.length === 4 ? "error-handler" : "route";
  return withRoles(framework, kind, fn, undefined, "signature");
}

/**
 * A method of a controller class, registered in another file (`router.post("/", users.create)`,
 * `authController.login.bind(authController)`): known by its signature, like an exported function.
 * A middleware class's `use(req, res, next)` (NestJS `NestMiddleware`) and constructors are not handlers.
 */
function fromControllerMethod(context: RuleContext, method: TSESTree.MethodDefinition): HandlerInfo | undefined {
  if (
    method.kind !== "method" ||
    method.computed ||
    (method.key.type === AST_NODE_TYPES.Identifier && method.key.name === "use")
  )
    return undefined;
  return fromSignature(context, method.value as FunctionNode);
}

/**
 * The names the file exports `fn` by: `export const register = async (ctx) => {}`, `export function`,
 * `const createUser = catchAsync(async (req, res) => {})` listed in `module.exports = { createUser }`,
 * `exports.login = async (ctx) => {}`.
 */
function getExportedNames(context: RuleContext, fn: FunctionNode): string[] {
  const holder = getHolder(fn);
  let local: string | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) local = fn.id?.name;
  else if (
    holder.parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    holder.parent.init === holder &&
    holder.parent.id.type === AST_NODE_TYPES.Identifier
  ) {
    local = holder.parent.id.name;
  } else if (holder.parent?.type === AST_NODE_TYPES.AssignmentExpression && holder.parent.right === holder) {
    const target = holder.parent.left;
    // `exports.login = …`, `module.exports.login = …`
    if (
      target.type === AST_NODE_TYPES.MemberExpression &&
      !target.computed &&
      target.property.type === AST_NODE_TYPES.Identifier
    )
      return [target.property.name];
  }
  if (local === undefined) return [];
  return getModuleExports(context.sourceCode.ast).get(local) ?? [];
}

const exportsByProgram = new WeakMap<TSESTree.Program, Map<string, string[]>>();

/**
 * Local binding → the names the module exports it by, from its top-level statements: `export const`,
 * `export function`, `export { a as b }`, `export default a`, `module.exports = { a, b: c }`,
 * `module.exports = a`, `module.exports.b = a`, `exports.b = a`.
 */
function getModuleExports(program: TSESTree.Program): Map<string, string[]> {
  let found = exportsByProgram.get(program);
  if (found) return found;
  const byLocal = new Map<string, string[]>();
  found = byLocal;
  exportsByProgram.set(program, byLocal);
  const add = (local: string, exported: string) => {
    const list = byLocal.get(local);
    if (list) list.push(exported);
    else byLocal.set(local, [exported]);
  };
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations)
          if (declarator.id.type === AST_NODE_TYPES.Identifier) add(declarator.id.name, declarator.id.name);
      } else if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) {
        add(declaration.id.name, declaration.id.name);
      }
      if (statement.source === null) {
        for (const specifier of statement.specifiers) {
          if (specifier.local.type !== AST_NODE_TYPES.Identifier) continue;
          add(
            specifier.local.name,
            specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value,
          );
        }
      }
    } else if (
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration &&
      statement.declaration.type === AST_NODE_TYPES.Identifier
    ) {
      add(statement.declaration.name, "default");
    } else if (
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.AssignmentExpression
    ) {
      const { left, right } = statement.expression;
      const target =
        left.type === AST_NODE_TYPES.MemberExpression &&
        !left.computed &&
        left.property.type === AST_NODE_TYPES.Identifier
          ? left
          : undefined;
      if (!target) continue;
      const object = target.object;
      const isModuleExports =
        object.type === AST_NODE_TYPES.Identifier &&
        object.name === "module" &&
        (target.property as TSESTree.Identifier).name === "exports";
      if (isModuleExports && right.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of right.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
          const key =
            property.key.type === AST_NODE_TYPES.Identifier && !property.computed
              ? property.key.name
              : property.key.type === AST_NODE_TYPES.Literal
                ? String(property.key.value)
                : undefined;
          if (key !== undefined) add(property.value.name, key);
        }
      } else if (isModuleExports && right.type === AST_NODE_TYPES.Identifier) {
        add(right.name, "default");
      } else if (right.type === AST_NODE_TYPES.Identifier) {
        // `exports.b = a`, `module.exports.b = a`
        const isExports =
          (object.type === AST_NODE_TYPES.Identifier && object.name === "exports") ||
          (object.type === AST_NODE_TYPES.MemberExpression &&
            object.object.type === AST_NODE_TYPES.Identifier &&
            object.object.name === "module" &&
            !object.computed &&
            object.property.type === AST_NODE_TYPES.Identifier &&
            object.property.name === "exports");
        if (isExports) add(right.name, (target.property as TSESTree.Identifier).name);
      }
    }
  }
  return byLocal;
}

/**
 * A function this file exports that another file of the project registers as a route handler
 * (`router.post("/register", authCtrl.register)`): a handler of the framework that file's router belongs to,
 * even when its parameters (`(ctx)`, `(c)`) say nothing without the framework imported here.
 */
function fromProjectRegistrations(
  context: RuleContext,
  fn: FunctionNode,
  bySignature: HandlerInfo | undefined,
): HandlerInfo | undefined {
  // Only module-level functions can be exported.
  let scope: TSESTree.Node | undefined = fn.parent;
  while (scope && !isFunctionNode(scope) && scope.type !== AST_NODE_TYPES.Program) scope = scope.parent;
  if (scope?.type !== AST_NODE_TYPES.Program) return undefined;
  const names = getExportedNames(context, fn);
  if (names.length === 0) return undefined;
  const byName = getFileHandlerRegistrations(context);
  const registrations = names.flatMap((name) => byName.get(name) ?? []);
  const framework =
    bySignature?.framework ?? registrations.find((registration) => registration.framework !== undefined)?.framework;
  if (registrations.length === 0 || framework === undefined) return undefined;
  return { ...withRoles(framework, "route", fn, undefined, "registration"), registrations };
}

const registrationsByProgram = new WeakMap<TSESTree.Program, ReadonlyMap<string, HandlerRegistration[]>>();

/** The routes of other files that register this file's exports: looked up once per lint of the file. */
export function getFileHandlerRegistrations(context: RuleContext): ReadonlyMap<string, HandlerRegistration[]> {
  const program = context.sourceCode.ast;
  let found = registrationsByProgram.get(program);
  if (!found) {
    found = getHandlerRegistrations(getLintedFilePath(context));
    registrationsByProgram.set(program, found);
  }
  return found;
}

const cache = new WeakMap<FunctionNode, HandlerInfo | null>();

/**
 * What a function is to the server framework, or `undefined` if it is not a request handler:
 * a route handler or middleware registered in this file (inline, by reference, or through a wrapper),
 * a central error handler (`(err, req, res, next)`, `setErrorHandler`, `onError`, Koa try/next),
 * a Next.js route export, a Nest controller method, or — by its signature alone — a handler defined
 * for registration elsewhere (`export const createUser = async (req: Request, res: Response) => {}`, a
 * controller class's `async create(req, res) {}`).
 */
export function getHandlerInfo(context: RuleContext, fn: FunctionNode): HandlerInfo | undefined {
  const cached = cache.get(fn);
  if (cached !== undefined) return cached ?? undefined;
  let info: HandlerInfo | undefined;
  if (fn.parent?.type === AST_NODE_TYPES.MethodDefinition) {
    info = fromDeclaredRoutes(context, fn) ?? fromControllerMethod(context, fn.parent);
  } else {
    const call = getRegisteringCall(fn);
    info =
      (call && fromCallArgument(context, fn, call)) ??
      fromRouteOptionsProperty(context, fn) ??
      fromDeclaredRoutes(context, fn) ??
      fromReferences(context, fn);
    if (!info) {
      const bySignature = fromSignature(context, fn);
      info = fromProjectRegistrations(context, fn, bySignature) ?? bySignature;
    }
  }
  cache.set(fn, info ?? null);
  return info;
}

/** The innermost request handler whose body contains `node` (the function itself counts). */
export function findEnclosingHandler(context: RuleContext, node: TSESTree.Node): HandlerInfo | undefined {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (isFunctionNode(current)) {
      const info = getHandlerInfo(context, current);
      if (info) return info;
    }
  }
  return undefined;
}
