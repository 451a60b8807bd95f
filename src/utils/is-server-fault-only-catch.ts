import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { isFunctionNode } from "../frameworks/get-function-from-expression.js";
import { getHelperStatus } from "../frameworks/get-helper-status.js";
import { getRequestInputBinding, getRequestInputRead } from "../frameworks/get-request-input-read.js";
import { getResponseSend } from "../frameworks/get-response-send.js";
import { getStatusCode } from "../frameworks/get-status-code.js";
import type { HandlerInfo, RuleContext } from "../frameworks/types.js";
import { getNearestPackageManifest } from "./get-package-manifest.js";
import { CLIENT_EXCEPTION_CLASS, CLIENT_STATUS_NAME } from "./client-error-names.js";
import { getImportOrigin } from "./get-import-origin.js";
import { getRootIdentifier } from "./get-root-identifier.js";
import { isLoggerCall } from "./is-logger-call.js";
import { getLintedFilePath } from "../project/get-project-function.js";
import { mayThrowClientErrors } from "../project/may-throw-client-errors.js";
import { resolveSpecifier } from "../project/resolve-specifier.js";
import { forEachChild, walk } from "./walk-nodes.js";

/** Calls that throw when the input does not fit: schema `.parse()`, `validate()`, `assert*()`, `JSON.parse()`. */
const THROWING_CHECKS =
  /^(?:parse|parseAsync|validate|validateSync|validateAsync|validateOrReject|attempt|assert\w*)$/u;
/** Lookups that throw for a missing record: Prisma `findUniqueOrThrow`, TypeORM `findOneOrFail`, Lucid `firstOrFail`. */
const THROWING_LOOKUP = /Or(?:Throw|Fail)$/u;
/** Prisma's single-record writes, which throw (P2025) when the `where` matches nothing. */
const RECORD_WRITES = new Set(["update", "delete"]);
/** Ways to read the body that throw on a malformed one: `request.json()`, `c.req.parseBody()`. */
const BODY_PARSERS = new Set(["json", "formData", "parseBody"]);
/** Calls that take the raw input without throwing on its shape. */
const HARMLESS_CALLEES =
  /^(?:safe\w*|Number|String|Boolean|parseInt|parseFloat|stringify|keys|values|entries|isArray)$/u;
/** Koa `ctx` / Hono `c` members that read the request rather than write the response. */
const CONTEXT_INPUT = new Set([
  "req",
  "request",
  "params",
  "query",
  "querystring",
  "headers",
  "header",
  "cookies",
  "get",
  "url",
  "path",
  "href",
]);
/**
 * Request members the server sets, not the client: what authentication, the session or earlier middleware
 * put there (`req.user.id`, `req.session.cartId`, `req.locals`). A value read from them is the app's own.
 */
const SERVER_SET_MEMBERS = new Set(["user", "session", "auth", "locals", "log", "logger"]);
/** Calls that hand back infrastructure (a database handle, a client, a pool): a throw when they come back empty is a server fault. */
const CONNECTION_CALLS = /^(?:connect\w*|(?:get|create|open|init)\w*(?:Connection|Client|Pool|Db|DB|Database))$/u;
const EQUALITY_OPERATORS = new Set(["===", "!==", "==", "!="]);
/** String methods: they neither throw on a string's content nor hand it to anything that could. */
const STRING_METHODS = new Set([
  "toLowerCase",
  "toUpperCase",
  "toLocaleLowerCase",
  "toLocaleUpperCase",
  "trim",
  "includes",
  "startsWith",
  "endsWith",
  "indexOf",
  "localeCompare",
]);
/** ObjectId checks that answer a malformed id before it reaches a lookup: `ObjectId.isValid(id)`, `isValidObjectId(id)`. */
const OBJECT_ID_CHECKS = new Set(["isValid", "isValidObjectId"]);
/** Drivers whose ids are ObjectIds: a malformed id from the request throws a cast error inside the lookup. */
const OBJECT_ID_DRIVERS = ["mongoose", "mongodb", "@typegoose/typegoose", "@nestjs/mongoose"];

function getCalleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier
  )
    return callee.property.name;
  return undefined;
}

function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.AwaitExpression ||
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.ChainExpression
  ) {
    current = current.type === AST_NODE_TYPES.AwaitExpression ? current.argument : current.expression;
  }
  return current;
}

/** Per handler (for the lint of its file): several `catch` blocks of one handler share its flow. */
const flows = new WeakMap<HandlerInfo, RequestFlow>();

function getRequestFlow(context: RuleContext, handler: HandlerInfo): RequestFlow {
  let flow = flows.get(handler);
  if (!flow) {
    flow = new RequestFlow(context, handler);
    flows.set(handler, flow);
  }
  return flow;
}

/** What the handler's code takes from the request, as far as the file shows. */
class RequestFlow {
  /** Variables that hold something read from the request (a parameter, `const id = req.params.id`). */
  readonly derived = new Set<TSESLint.Scope.Variable>();
  /** Variables that hold a whole raw input object (`const body = await request.json()`, a rest of `req.body`). */
  readonly objects = new Set<TSESLint.Scope.Variable>();
  /** Variables that hold only route parameters (`const id = c.req.param("id")`): strings, whatever the client sends. */
  readonly pathParams = new Set<TSESLint.Scope.Variable>();

  constructor(
    private readonly context: RuleContext,
    private readonly handler: HandlerInfo,
  ) {
    const fn = handler.function;
    const sourceCode = context.sourceCode;
    const excluded = [handler.response, handler.next, handler.error, handler.context].filter(
      (param) => param !== undefined,
    );
    for (const variable of sourceCode.getDeclaredVariables(fn)) {
      const definition = variable.defs[0];
      if (definition?.type !== "Parameter") continue;
      const [start, end] = definition.name.range;
      if (!excluded.some((param) => param.range[0] <= start && end <= param.range[1])) this.derived.add(variable);
    }
    // Source order: a declarator sees the ones before it.
    const declarators: TSESTree.Node[] = [];
    walk(fn.body, sourceCode.visitorKeys, true, (node) => {
      if (node.type === AST_NODE_TYPES.VariableDeclarator || node.type === AST_NODE_TYPES.Property)
        declarators.push(node);
    });
    for (const param of fn.params) {
      walk(param, sourceCode.visitorKeys, false, (node) => {
        if (node.type === AST_NODE_TYPES.Property) declarators.push(node);
      });
    }
    declarators.sort((a, b) => a.range[0] - b.range[0]);
    for (const node of declarators) {
      if (node.type === AST_NODE_TYPES.Property) {
        // `const { body } = req`, `({ body }, res) => …`
        const read =
          node.parent.type === AST_NODE_TYPES.ObjectPattern ? getRequestInputBinding(context, node) : undefined;
        if (read?.kind === "binding" && read.node.type === AST_NODE_TYPES.Identifier)
          this.addVariable(this.objects, read.node);
        continue;
      }
      const declarator = node as TSESTree.VariableDeclarator;
      if (!declarator.init) continue;
      if (this.isDerived(declarator.init)) {
        const pathOnly = this.readsOnlyPathParams(declarator.init);
        for (const variable of sourceCode.getDeclaredVariables(declarator)) {
          this.derived.add(variable);
          if (pathOnly) this.pathParams.add(variable);
        }
      }
      if (!this.isInputObject(declarator.init)) continue;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) this.addVariable(this.objects, declarator.id);
      if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
        const rest = declarator.id.properties.find((property) => property.type === AST_NODE_TYPES.RestElement);
        if (rest?.argument.type === AST_NODE_TYPES.Identifier) this.addVariable(this.objects, rest.argument);
      }
    }
  }

  /** Whether every request read in the expression is a route parameter (`req.params.id`, `c.req.param("id")`, a variable holding one). */
  readsOnlyPathParams(expression: TSESTree.Node): boolean {
    let params = 0;
    const visit = (node: TSESTree.Node): boolean => {
      const member = node.type === AST_NODE_TYPES.CallExpression ? node.callee : node;
      // Hono's `c.req.param("id")`: one route parameter (the read model only knows the whole-object form).
      if (
        member !== node &&
        member.type === AST_NODE_TYPES.MemberExpression &&
        getCalleeName(member) === "param" &&
        this.isDerived(member.object)
      ) {
        if (isParsedAsString(node)) return false;
        params++;
        return true;
      }
      if (member.type === AST_NODE_TYPES.MemberExpression) {
        const read = getRequestInputRead(this.context, member);
        if (read?.kind === "value") {
          let value: TSESTree.Node = member;
          while (value.parent?.type === AST_NODE_TYPES.MemberExpression && value.parent.object === value)
            value = value.parent;
          if (read.source !== "params" || isParsedAsString(value)) return false;
          params++;
          return true;
        }
      }
      if (node.type === AST_NODE_TYPES.Identifier && this.isDerived(node)) {
        if (!this.refersTo(node, this.pathParams) || isParsedAsString(node)) return false;
        params++;
        return true;
      }
      let ok = true;
      forEachChild(node, this.context.sourceCode.visitorKeys, (child) => {
        if (ok && !isFunctionNode(child)) ok = visit(child);
      });
      return ok;
    };
    return visit(expression) && params > 0;
  }

  /** Whether the identifier holds only route parameters (see {@link readsOnlyPathParams}). */
  isPathParam(identifier: TSESTree.Identifier): boolean {
    return this.refersTo(identifier, this.pathParams);
  }

  private addVariable(set: Set<TSESLint.Scope.Variable>, identifier: TSESTree.Identifier): void {
    const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(identifier), identifier);
    if (variable) set.add(variable);
  }

  private refersTo(identifier: TSESTree.Identifier, set: ReadonlySet<TSESLint.Scope.Variable>): boolean {
    const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(identifier), identifier);
    return variable !== null && set.has(variable);
  }

  /** Whether the expression reads the request: a request parameter, a variable derived from one, `ctx.params`, `c.req`. */
  isDerived(expression: TSESTree.Node, ignore?: (variable: TSESLint.Scope.Variable) => boolean): boolean {
    const contextParam = this.handler.context;
    const contextName = contextParam?.type === AST_NODE_TYPES.Identifier ? contextParam.name : undefined;
    return walk(expression, this.context.sourceCode.visitorKeys, false, (node) => {
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      const parent = node.parent;
      // A property key, not a reference.
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed)
        return false;
      if (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && parent.value !== node)
        return false;
      if (
        parent?.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === node &&
        SERVER_SET_MEMBERS.has(getCalleeName(parent) ?? "") &&
        this.isRequestParam(node)
      )
        return false;
      if (contextName !== undefined && node.name === contextName && this.isContextParam(node)) {
        return (
          parent?.type === AST_NODE_TYPES.MemberExpression &&
          parent.object === node &&
          CONTEXT_INPUT.has(getCalleeName(parent) ?? "")
        );
      }
      if (!ignore) return this.refersTo(node, this.derived);
      const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(node), node);
      return variable !== null && this.derived.has(variable) && !ignore(variable);
    });
  }

  private isRequestParam(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(identifier), identifier);
    const param = this.handler.request;
    return param?.type === AST_NODE_TYPES.Identifier && variable?.defs[0]?.name === param;
  }

  private isContextParam(identifier: TSESTree.Identifier): boolean {
    const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(identifier), identifier);
    const param = this.handler.context;
    return variable?.defs[0]?.name === (param?.type === AST_NODE_TYPES.Identifier ? param : undefined);
  }

  /** `req.body`, `req.query`, `await request.json()`, or a variable holding one of them whole. */
  isInputObject(expression: TSESTree.Node): boolean {
    const node = unwrap(expression);
    if (node.type === AST_NODE_TYPES.Identifier) return this.refersTo(node, this.objects);
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const read = getRequestInputRead(this.context, node);
      return read?.kind === "value" && read.node === node && read.source !== "headers";
    }
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
      const read = getRequestInputRead(this.context, node.callee);
      return read?.kind === "value" && read.node === node;
    }
    return false;
  }
}

/** A 4xx status; 405 answers a method the route does not serve, which says nothing about the input. */
function isClientStatus(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status < 500 && status !== 405;
}

/**
 * Whether the handler answers a client error itself before this catch: a 4xx response (or Express
 * `next({ status: 404 })`, `next(createError(404))`) in the `try` block or in the statements that run
 * before it. A thrown 4xx inside the `try` lands in this very catch, so it does not count.
 */
function answersClientError(context: RuleContext, handler: HandlerInfo, tryStatement: TSESTree.TryStatement): boolean {
  const sourceCode = context.sourceCode;
  const nextParam = handler.next?.type === AST_NODE_TYPES.Identifier ? handler.next.name : undefined;
  const isAnswer = (node: TSESTree.Node, insideTry: boolean): boolean => {
    const send = getResponseSend(context, node);
    if (send && isClientStatus(send.status)) return !(insideTry && send.kind === "exception");
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    if (isClientStatus(getHelperStatus(node))) return !insideTry || node.parent.type !== AST_NODE_TYPES.ThrowStatement;
    if (nextParam === undefined || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== nextParam)
      return false;
    const argument = node.arguments[0] && unwrap(node.arguments[0]);
    if (argument?.type === AST_NODE_TYPES.ObjectExpression) {
      return argument.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          (getCalleeName(property.key) === "status" || getCalleeName(property.key) === "statusCode") &&
          isClientStatus(getStatusCode(context, property.value)),
      );
    }
    if (argument?.type === AST_NODE_TYPES.CallExpression || argument?.type === AST_NODE_TYPES.NewExpression) {
      return isClientStatus(getHelperStatus(argument)) || isClientStatus(getStatusCode(context, argument.arguments[0]));
    }
    return false;
  };
  if (walk(tryStatement.block, sourceCode.visitorKeys, false, (node) => isAnswer(node, true))) return true;
  for (
    let child: TSESTree.Node = tryStatement, current: TSESTree.Node | undefined = tryStatement.parent;
    current && child !== handler.function.body;
    child = current, current = current.parent
  ) {
    const list =
      current.type === AST_NODE_TYPES.BlockStatement
        ? current.body
        : current.type === AST_NODE_TYPES.SwitchCase
          ? current.consequent
          : undefined;
    if (!list) continue;
    for (const statement of list.slice(0, list.indexOf(child as TSESTree.Statement))) {
      // `if (req.method === "GET") { … }`: another method's branch answers another request.
      if (statement.type === AST_NODE_TYPES.IfStatement && isMethodDispatch(statement.test, sourceCode.visitorKeys))
        continue;
      if (walk(statement, sourceCode.visitorKeys, false, (node) => isAnswer(node, false))) return true;
    }
  }
  return false;
}

function isMethodDispatch(test: TSESTree.Expression, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  return walk(
    test,
    visitorKeys,
    false,
    (node) => node.type === AST_NODE_TYPES.MemberExpression && getCalleeName(node) === "method",
  );
}

/** Whether the app stores its records under ObjectIds (its `package.json` depends on a MongoDB driver). */
function usesObjectIds(context: RuleContext): boolean {
  const manifest = getNearestPackageManifest(context.filename, context.cwd);
  return manifest !== undefined && OBJECT_ID_DRIVERS.some((name) => manifest.runtimeDependencies.has(name));
}

/** The initialiser of the `const` an identifier refers to (`const { db } = await connect()` gives the call). */
function getInitializer(context: RuleContext, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier)?.defs[0];
  return definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init
    ? unwrap(definition.node.init)
    : undefined;
}

/** Whether an identifier is a member name or an object key rather than a reference. */
function isPropertyName(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression) return parent.property === node && !parent.computed;
  return parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && parent.value !== node;
}

/**
 * Whether a `throw` in the `try` stands for a server fault, as the file shows it: a rejection handed on
 * from a settled call (`throw result.reason`: the call is judged like any other call), or an error thrown
 * when infrastructure fails — the `if` around it tests nothing but a connection handle (`if (!db)` after
 * `connectToDatabase()`), an upstream response fetched without request input (`if (!response.ok)`) or the
 * configuration (`process.env.X`). A throw for what the request or a lookup decides
 * (`if (!user) throw new Error("Not found")`) is a client error reaching the catch.
 */
function isServerFaultThrow(context: RuleContext, flow: RequestFlow, statement: TSESTree.ThrowStatement): boolean {
  const argument = unwrap(statement.argument);
  if (
    argument.type === AST_NODE_TYPES.MemberExpression &&
    getCalleeName(argument) === "reason" &&
    argument.object.type === AST_NODE_TYPES.Identifier
  )
    return true;
  const block = statement.parent.type === AST_NODE_TYPES.BlockStatement ? statement.parent : undefined;
  const guard = (block ?? statement).parent;
  if (guard?.type !== AST_NODE_TYPES.IfStatement || guard.consequent !== (block ?? statement)) return false;
  let infrastructure = false;
  const decidedElsewhere = walk(guard.test, context.sourceCode.visitorKeys, false, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier || isPropertyName(node)) return false;
    if (
      node.name === "process" &&
      node.parent.type === AST_NODE_TYPES.MemberExpression &&
      getCalleeName(node.parent) === "env"
    ) {
      infrastructure = true;
      return false;
    }
    const init = getInitializer(context, node);
    const name = init?.type === AST_NODE_TYPES.CallExpression ? getCalleeName(init.callee) : undefined;
    const isInfrastructure =
      init?.type === AST_NODE_TYPES.CallExpression &&
      name !== undefined &&
      (CONNECTION_CALLS.test(name) || (name === "fetch" && !init.arguments.some((value) => flow.isDerived(value))));
    if (!isInfrastructure) return true;
    infrastructure = true;
    return false;
  });
  return infrastructure && !decidedElsewhere;
}

/**
 * On MongoDB, whether a request value handed to a call can be a malformed ObjectId. Not when the handler
 * checks it first (`ObjectId.isValid(id)`), when it was read back from a lookup (`await getRequest(id)`:
 * the database issued its ids), or when it is the request's own URL (`new URL(request.url)`).
 */
function mayBeMalformedId(
  context: RuleContext,
  flow: RequestFlow,
  argument: TSESTree.Node,
  checked: ReadonlySet<TSESLint.Scope.Variable>,
): boolean {
  const value = unwrap(argument);
  if (
    value.type === AST_NODE_TYPES.MemberExpression &&
    (getCalleeName(value) === "url" || getCalleeName(value) === "nextUrl") &&
    value.object.type === AST_NODE_TYPES.Identifier
  ) {
    if (ASTUtils.findVariable(context.sourceCode.getScope(value.object), value.object)?.defs[0]?.type === "Parameter")
      return false;
  }
  const isSafe = (variable: TSESLint.Scope.Variable, depth: number): boolean => {
    if (checked.has(variable)) return true;
    const definition = variable.defs[0];
    if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || !definition.node.init || depth > 3) return false;
    const init = definition.node.init;
    // A record read back from the database: an awaited call that is not a method of the request (`request.text()`).
    const call = unwrap(init);
    if (
      init.type === AST_NODE_TYPES.AwaitExpression &&
      call.type === AST_NODE_TYPES.CallExpression &&
      !flow.isInputObject(init) &&
      !(call.callee.type === AST_NODE_TYPES.MemberExpression && flow.isDerived(call.callee.object))
    ) {
      return true;
    }
    return !flow.isDerived(init, (inner) => inner !== variable && isSafe(inner, depth + 1));
  };
  return flow.isDerived(value, (variable) => isSafe(variable, 0));
}

/** `id`, `_id`, `user_id`, `todoId`, `userID`: a name for an id. */
const ID_NAME = /(?:^|_)id$|[a-z]Id$|ID$/u;

/**
 * The parts of a call's argument that are used as ids: a value named for one (`findById(todoId)`,
 * `remove({ _id: id })`, `findUnique({ where: { id } })`), or anything handed to a `…ById` call. An email or a title passed to a query is
 * compared with a string field, which no client value can make throw.
 */
function getIdValues(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argument: TSESTree.Node,
  depth = 0,
): TSESTree.Node[] {
  const value = unwrap(argument);
  // `{ _id: id }`, Prisma's `{ where: { id } }`
  if (depth > 4) return [];
  // `cond ? { folderId } : { folderId: null }`, `folderId && { folderId }`
  if (value.type === AST_NODE_TYPES.ConditionalExpression)
    return [...getIdValues(call, value.consequent, depth + 1), ...getIdValues(call, value.alternate, depth + 1)];
  if (value.type === AST_NODE_TYPES.LogicalExpression) return getIdValues(call, value.right, depth + 1);
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    return value.properties.flatMap((property) => {
      if (property.type === AST_NODE_TYPES.SpreadElement) return getIdValues(call, property.argument, depth + 1);
      if (ID_NAME.test(getCalleeName(property.key) ?? "")) return [property.value];
      return unwrap(property.value).type === AST_NODE_TYPES.ObjectExpression
        ? getIdValues(call, property.value, depth + 1)
        : [];
    });
  }
  const own =
    value.type === AST_NODE_TYPES.Identifier
      ? value.name
      : value.type === AST_NODE_TYPES.MemberExpression
        ? getCalleeName(value)
        : undefined;
  if ((own !== undefined && ID_NAME.test(own)) || /ById$/u.test(getCalleeName(call.callee) ?? "")) return [value];
  return [];
}

/** The variables the handler checks with `ObjectId.isValid(…)` / `isValidObjectId(…)`. */
function getCheckedIds(context: RuleContext, handler: HandlerInfo): Set<TSESLint.Scope.Variable> {
  const checked = new Set<TSESLint.Scope.Variable>();
  walk(handler.function.body, context.sourceCode.visitorKeys, false, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || !OBJECT_ID_CHECKS.has(getCalleeName(node.callee) ?? "")) return;
    const [argument] = node.arguments;
    if (argument?.type !== AST_NODE_TYPES.Identifier) return;
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(argument), argument);
    if (variable) checked.add(variable);
  });
  return checked;
}

/**
 * Calls that read a string's content: `BigInt("x")`, `new URL("x")`, `decodeURIComponent("%")` throw
 * on it; `parseInt("abc")` and `Number("abc")` give `NaN`, which a lookup by an integer key rejects.
 */
const STRING_PARSERS = new Set([
  "BigInt",
  "URL",
  "decodeURIComponent",
  "decodeURI",
  "parseInt",
  "parseFloat",
  "Number",
]);

/** Whether the value's content is parsed where it is used (see {@link STRING_PARSERS}, and a unary `+`). */
function isParsedAsString(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.UnaryExpression) return parent.operator === "+" || parent.operator === "-";
  return (
    (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    parent.callee !== node &&
    STRING_PARSERS.has(getCalleeName(parent.callee) ?? "")
  );
}

/**
 * Whether a request value is used in the `try` only where it cannot fail: as a condition
 * (`query ? … : …`), with string methods (`title.includes(query.toLowerCase())`), or as (part of) the
 * response body.
 */
function isInertUse(context: RuleContext, node: TSESTree.Identifier): boolean {
  // `const filtered = …` declares a value: what it is computed from is checked where it is read.
  let binding: TSESTree.Node = node;
  while (
    binding.parent.type === AST_NODE_TYPES.ObjectPattern ||
    binding.parent.type === AST_NODE_TYPES.ArrayPattern ||
    binding.parent.type === AST_NODE_TYPES.RestElement ||
    (binding.parent.type === AST_NODE_TYPES.Property &&
      binding.parent.value === binding &&
      binding.parent.parent.type === AST_NODE_TYPES.ObjectPattern)
  ) {
    binding = binding.parent;
  }
  if (binding.parent.type === AST_NODE_TYPES.VariableDeclarator && binding.parent.id === binding) return true;
  let value: TSESTree.Node = node;
  while (
    value.parent.type === AST_NODE_TYPES.Property ||
    value.parent.type === AST_NODE_TYPES.ObjectExpression ||
    value.parent.type === AST_NODE_TYPES.ArrayExpression ||
    value.parent.type === AST_NODE_TYPES.SpreadElement
  ) {
    value = value.parent;
  }
  if (
    value.parent.type === AST_NODE_TYPES.CallExpression &&
    value.parent.callee !== value &&
    getResponseSend(context, value.parent)
  )
    return true;
  // `req.token`, `req.query.scope`: what is done with the value read decides, not the read.
  let use: TSESTree.Node = node;
  while (
    use.parent?.type === AST_NODE_TYPES.MemberExpression &&
    use.parent.object === use &&
    !use.parent.computed &&
    !(use.parent.parent.type === AST_NODE_TYPES.CallExpression && use.parent.parent.callee === use.parent)
  )
    use = use.parent;
  const parent = use.parent!;
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === use;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === "!";
    // A comparison cannot fail, whatever the client sent.
    case AST_NODE_TYPES.BinaryExpression:
      return EQUALITY_OPERATORS.has(parent.operator);
    case AST_NODE_TYPES.MemberExpression:
      return (
        parent.object === use &&
        STRING_METHODS.has(getCalleeName(parent) ?? "") &&
        parent.parent.type === AST_NODE_TYPES.CallExpression &&
        parent.parent.callee === parent
      );
    case AST_NODE_TYPES.CallExpression:
      return parent.callee !== use && STRING_METHODS.has(getCalleeName(parent.callee) ?? "");
    default:
      return false;
  }
}

/**
 * Helpers the handler calls with the request or values read from it (`buildQuery(req)`) in the statements that always run
 * before the `try`: whatever that input can make them throw has been thrown before the `try` is reached, so
 * calling them again inside it (`buildQuery(req, true)`) adds no client error.
 */
function getHelpersRunOnInputBefore(
  context: RuleContext,
  flow: RequestFlow,
  handler: HandlerInfo,
  tryStatement: TSESTree.TryStatement,
): Set<string> {
  const names = new Set<string>();
  let statement: TSESTree.Node = tryStatement;
  while (statement !== handler.function.body && statement.parent) {
    const parent: TSESTree.Node = statement.parent;
    if (parent.type === AST_NODE_TYPES.BlockStatement) {
      for (const sibling of parent.body) {
        if (sibling === statement) break;
        if (sibling.type !== AST_NODE_TYPES.VariableDeclaration && sibling.type !== AST_NODE_TYPES.ExpressionStatement)
          continue;
        walk(sibling, context.sourceCode.visitorKeys, false, (node) => {
          if (
            node.type === AST_NODE_TYPES.CallExpression &&
            node.callee.type === AST_NODE_TYPES.Identifier &&
            node.arguments.some((argument) => flow.isInputObject(argument) || flow.isDerived(argument))
          ) {
            names.add(node.callee.name);
          }
        });
      }
    } else if (parent.type !== AST_NODE_TYPES.TryStatement) {
      // Inside an `if` or a loop the statements before are not sure to have run.
      break;
    }
    statement = parent;
  }
  return names;
}

/**
 * Whether a call is a check that answers rather than throws: what its result says of the input is tested
 * and the failed test answers 400 or 422 (`const result = validateEventData(req.body); if (!result.isValid)
 * return res.status(400)…`, `Papa.parse(text)` and `if (parsed.errors.length > 0)`). What bad input does to it is answered there, not in the `catch`. A 404 after
 * a write (`if (!updated) return res.status(404)`) answers a missing record, not a check of the input.
 */
/** What a check's result says of the input: `success`, `error(s)`, `issues`, `isValid`, `valid`, `ok`. */
const CHECK_RESULT_MEMBERS = new Set(["success", "error", "errors", "issues", "isValid", "valid", "ok"]);

function isAnsweredCheck(context: RuleContext, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent?.type === AST_NODE_TYPES.AwaitExpression || node.parent?.type === AST_NODE_TYPES.TSAsExpression)
    node = node.parent;
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node) return false;
  const sourceCode = context.sourceCode;
  return sourceCode.getDeclaredVariables(declarator).some((variable) =>
    variable.references.some((reference) => {
      // The test reads what the result says of the input: `result.isValid`, `parsed.errors.length`.
      const member = reference.identifier.parent;
      if (
        member?.type !== AST_NODE_TYPES.MemberExpression ||
        member.object !== reference.identifier ||
        !CHECK_RESULT_MEMBERS.has(getCalleeName(member) ?? "")
      )
        return false;
      let child: TSESTree.Node = reference.identifier;
      let parent: TSESTree.Node | undefined = child.parent;
      while (parent && parent.type !== AST_NODE_TYPES.IfStatement && !isFunctionNode(parent)) {
        child = parent;
        parent = parent.parent;
      }
      return (
        parent?.type === AST_NODE_TYPES.IfStatement &&
        parent.test === child &&
        walk(parent.consequent, sourceCode.visitorKeys, false, (inner) => {
          const send = getResponseSend(context, inner);
          return send !== undefined && send.kind !== "exception" && (send.status === 400 || send.status === 422);
        })
      );
    }),
  );
}

/**
 * Whether something in the `try` block can throw a client error, as far as the file shows: a `throw`
 * other than a server fault's (see {@link isServerFaultThrow});
 * a check that throws on bad input (`schema.parse(…)`, `validate(…)`, `assert…(…)`, `JSON.parse`);
 * a lookup that throws for a missing record (`…OrThrow`, `…OrFail`, Prisma `update` / `delete` with a
 * `where`); reading a body that may be malformed (`await request.json()`); the raw request input handed
 * whole to other code (`service.create(req.body)`), which is where such input is usually checked; and,
 * on MongoDB, a request value handed to a call that may be a malformed id (see {@link mayBeMalformedId}). Functions
 * declared in the file and called there are followed.
 */
function mayThrowClientError(
  context: RuleContext,
  flow: RequestFlow,
  handler: HandlerInfo,
  tryStatement: TSESTree.TryStatement,
): boolean {
  const sourceCode = context.sourceCode;
  let objectIds: boolean | undefined;
  let checkedIds: Set<TSESLint.Scope.Variable> | undefined;
  const visited = new Set<TSESTree.Node>();
  const ranBefore = getHelpersRunOnInputBefore(context, flow, handler, tryStatement);
  const check = (root: TSESTree.Node): boolean =>
    walk(root, sourceCode.visitorKeys, true, (node) => {
      if (node.type === AST_NODE_TYPES.ThrowStatement) return !isServerFaultThrow(context, flow, node);
      if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return false;
      if (node.type === AST_NODE_TYPES.CallExpression && isLoggerCall(node)) return false;
      if (getResponseSend(context, node)) return false;
      const name = getCalleeName(node.callee);
      if (name !== undefined && THROWING_CHECKS.test(name) && !isAnsweredCheck(context, node)) return true;
      if (name !== undefined && THROWING_LOOKUP.test(name)) return true;
      if (name !== undefined && RECORD_WRITES.has(name) && node.callee.type === AST_NODE_TYPES.MemberExpression) {
        const argument = node.arguments[0];
        if (
          argument?.type === AST_NODE_TYPES.ObjectExpression &&
          argument.properties.some(
            (property) => property.type === AST_NODE_TYPES.Property && getCalleeName(property.key) === "where",
          )
        ) {
          return true;
        }
      }
      if (name !== undefined && BODY_PARSERS.has(name) && node.arguments.length === 0 && flow.isInputObject(node))
        return true;
      if (node.callee.type === AST_NODE_TYPES.Identifier && ranBefore.has(node.callee.name)) return false;
      if (name === undefined || !HARMLESS_CALLEES.test(name)) {
        for (const argument of node.arguments) {
          const values =
            argument.type === AST_NODE_TYPES.ObjectExpression
              ? argument.properties.map((property) =>
                  property.type === AST_NODE_TYPES.Property ? property.value : property.argument,
                )
              : [argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument];
          if (values.some((value) => flow.isInputObject(value)) && !isAnsweredCheck(context, node)) return true;
          if (
            (objectIds ??= usesObjectIds(context)) &&
            getIdValues(node, argument).some((value) =>
              mayBeMalformedId(context, flow, value, (checkedIds ??= getCheckedIds(context, handler))),
            )
          ) {
            return true;
          }
        }
      }
      // A helper declared in this file: what it throws lands here too.
      if (node.callee.type === AST_NODE_TYPES.Identifier) {
        const definition = ASTUtils.findVariable(sourceCode.getScope(node.callee), node.callee)?.defs[0]?.node;
        const fn =
          definition && isFunctionNode(definition)
            ? definition
            : definition?.type === AST_NODE_TYPES.VariableDeclarator &&
                definition.init &&
                isFunctionNode(definition.init)
              ? definition.init
              : undefined;
        if (fn && !visited.has(fn)) {
          visited.add(fn);
          if (check(fn.body)) return true;
        }
      }
      return false;
    });
  return check(tryStatement.block);
}

/** `HttpException(…, HttpStatus.NOT_FOUND)`, `new NotFoundException()`: a 4xx thrown as written. */
const CLIENT_EXCEPTION = new RegExp(`${CLIENT_EXCEPTION_CLASS}|\\b4\\d\\d\\b|${CLIENT_STATUS_NAME}`, "u");

/**
 * Where an imported binding of the linted file comes from: `{ file }`, the project file, or `{ file:
 * undefined }` for a package; `undefined` when the binding is not an import.
 */
function getImportSource(
  context: RuleContext,
  variable: TSESLint.Scope.Variable | null | undefined,
): { file: string | undefined } | undefined {
  const origin = getImportOrigin(variable);
  return origin && { file: resolveSpecifier(getLintedFilePath(context), origin.source) };
}

/** `private readonly users: UsersService` in the constructor, or a property typed so: the class a member of `this` holds. */
function getInjectedType(classBody: TSESTree.ClassBody, member: string): TSESTree.Identifier | undefined {
  const typeName = (annotation: TSESTree.TSTypeAnnotation | undefined) =>
    annotation?.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeAnnotation.typeName.type === AST_NODE_TYPES.Identifier
      ? annotation.typeAnnotation.typeName
      : undefined;
  for (const element of classBody.body) {
    if (
      element.type === AST_NODE_TYPES.PropertyDefinition &&
      element.key.type === AST_NODE_TYPES.Identifier &&
      element.key.name === member
    )
      return typeName(element.typeAnnotation);
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== "constructor") continue;
    for (const param of element.value.params) {
      if (
        param.type === AST_NODE_TYPES.TSParameterProperty &&
        param.parameter.type === AST_NODE_TYPES.Identifier &&
        param.parameter.name === member
      )
        return typeName(param.parameter.typeAnnotation);
    }
  }
  return undefined;
}

/**
 * A NestJS controller method's `catch` that only server faults can reach. Nest answers an error that is
 * not an `HttpException` with 500 anyway, and validates the body before the method runs (DTOs and
 * pipes): a catch that answers 500 loses something only when code in its `try` throws a 4xx — the
 * method itself (`throw new NotFoundException()`), a lookup that throws for a missing record
 * (`findUniqueOrThrow`), or a service or helper of the project whose module, or a module it imports,
 * throws one (see `mayThrowClientErrors`). A service that cannot be followed to its file counts as
 * one that may.
 */
function isNestServerFaultOnlyCatch(context: RuleContext, handler: HandlerInfo, tryStatement: TSESTree.TryStatement) {
  const sourceCode = context.sourceCode;
  const method = handler.function.parent;
  const classBody = method?.type === AST_NODE_TYPES.MethodDefinition ? method.parent : undefined;
  if (classBody?.type !== AST_NODE_TYPES.ClassBody) return false;
  const visited = new Set<TSESTree.Node>();
  const mayThrow = (root: TSESTree.Node): boolean =>
    walk(root, sourceCode.visitorKeys, true, (node) => {
      if (node.type === AST_NODE_TYPES.ThrowStatement)
        return node.argument !== null && CLIENT_EXCEPTION.test(sourceCode.getText(node.argument));
      if (node.type === AST_NODE_TYPES.NewExpression) return CLIENT_EXCEPTION.test(sourceCode.getText(node.callee));
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const name = getCalleeName(node.callee);
      if (name !== undefined && (THROWING_CHECKS.test(name) || THROWING_LOOKUP.test(name))) return true;
      const callee = node.callee;
      // `this.service.method(…)`: the service's module decides.
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.object.type === AST_NODE_TYPES.MemberExpression &&
        callee.object.object.type === AST_NODE_TYPES.ThisExpression &&
        callee.object.property.type === AST_NODE_TYPES.Identifier
      ) {
        const type = getInjectedType(classBody, callee.object.property.name);
        const file = type && getImportSource(context, ASTUtils.findVariable(sourceCode.getScope(type), type))?.file;
        return file === undefined || mayThrowClientErrors(file);
      }
      if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression)
        return thisMethodMayThrow(callee);
      const root = getRootIdentifier(callee);
      return root === undefined || nameMayThrow(root, callee === root);
    });
  /**
   * What a call through `name` may throw: a project module's (followed), a package's (it may, for what it
   * is handed), a function of this file (read), a value of the method itself (`result.map(…)`: no), a
   * JavaScript global (`Number(…)`: no); anything else is unknown, which may.
   */
  const nameMayThrow = (name: TSESTree.Identifier, isCallee: boolean): boolean => {
    const variable = ASTUtils.findVariable(sourceCode.getScope(name), name);
    if (!variable || variable.defs.length === 0) return !(name.name in globalThis);
    const imported = getImportSource(context, variable);
    if (imported) return imported.file === undefined || mayThrowClientErrors(imported.file);
    const definition = variable.defs[0]!.node;
    const fn = isFunctionNode(definition)
      ? definition
      : definition.type === AST_NODE_TYPES.VariableDeclarator && definition.init && isFunctionNode(definition.init)
        ? definition.init
        : undefined;
    if (fn && isCallee) {
      if (visited.has(fn)) return false;
      visited.add(fn);
      return mayThrow(fn.body);
    }
    // A value of the method (a parameter, a local): its methods are the language's or the library's own.
    let scope: TSESTree.Node | null | undefined = definition;
    while (scope && scope !== handler.function) scope = scope.parent;
    return scope !== handler.function;
  };
  /** `this.check(…)`: another method of the controller, read once. */
  const thisMethodMayThrow = (callee: TSESTree.Node): boolean => {
    if (
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      callee.object.type !== AST_NODE_TYPES.ThisExpression ||
      callee.property.type !== AST_NODE_TYPES.Identifier
    )
      return false;
    const name = callee.property.name;
    const target = classBody.body.find(
      (element): element is TSESTree.MethodDefinition =>
        element.type === AST_NODE_TYPES.MethodDefinition &&
        element.key.type === AST_NODE_TYPES.Identifier &&
        element.key.name === name,
    );
    if (!target?.value.body || visited.has(target)) return false;
    visited.add(target);
    return mayThrow(target.value.body);
  };
  return !mayThrow(tryStatement.block);
}

/** Passport's `req.login` / `req.logout`: their callback's error comes from the session store or the user's serialisation. */
const REQUEST_SESSION_CALLS = new Set(["login", "logIn", "logout", "logOut"]);
/** express-session's `req.session.save` / `regenerate` / `destroy` / `reload`: their callback's error is the store's. */
const SESSION_STORE_CALLS = new Set(["save", "regenerate", "destroy", "reload"]);

/**
 * Whether only server faults can reach this error-first callback: the callback of a session call on the
 * handler's request (`req.login(user, (err) => …)`, `req.session.destroy((err) => …)`), whose error comes
 * from the session store, never from what the client sent.
 */
export function isServerFaultOnlyCallback(
  context: RuleContext,
  handler: HandlerInfo,
  callback: TSESTree.Node,
): boolean {
  const call = callback.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression)
    return false;
  const name = getCalleeName(call.callee) ?? "";
  let receiver: TSESTree.Node = call.callee.object;
  if (SESSION_STORE_CALLS.has(name)) {
    if (receiver.type !== AST_NODE_TYPES.MemberExpression || getCalleeName(receiver) !== "session") return false;
    receiver = receiver.object;
  } else if (!REQUEST_SESSION_CALLS.has(name)) {
    return false;
  }
  const request = handler.request;
  if (receiver.type !== AST_NODE_TYPES.Identifier || request?.type !== AST_NODE_TYPES.Identifier) return false;
  return ASTUtils.findVariable(context.sourceCode.getScope(receiver), receiver)?.defs[0]?.name === request;
}

/**
 * Whether only server faults can reach this `catch`: the handler answers client errors itself (a 4xx
 * for bad input or a missing record, before or inside the `try`) — or its `try` uses nothing from the
 * request beyond conditions, string methods and the response body, like a health check — and nothing
 * left in the `try` can throw a client error as far as the file shows (see {@link mayThrowClientError}).
 * A 500 there is the right answer.
 */
export function isServerFaultOnlyCatch(
  context: RuleContext,
  handler: HandlerInfo,
  catchClause: TSESTree.CatchClause,
): boolean {
  // A central error handler (Koa's `try { await next() } catch`) receives every error, client ones too.
  if (handler.kind === "error-handler") return false;
  // Only a `try` in the handler's own body: a nested function's catch answers for that function.
  let owner: TSESTree.Node | undefined = catchClause.parent;
  while (owner && !isFunctionNode(owner)) owner = owner.parent;
  if (owner !== handler.function) return false;
  const tryStatement = catchClause.parent;
  if (handler.framework === "nest") return isNestServerFaultOnlyCatch(context, handler, tryStatement);
  const flow = getRequestFlow(context, handler);
  if (mayThrowClientError(context, flow, handler, tryStatement)) return false;
  if (answersClientError(context, handler, tryStatement)) return true;
  // No 4xx anywhere: what fails before the `try` does not reach this catch, and inside it the request's
  // values may only be tested or handled as strings (`title.includes(query)`): then nothing the client
  // sends can fail there, as with a health check or a proxy of a fixed upstream.
  return !walk(
    tryStatement.block,
    context.sourceCode.visitorKeys,
    true,
    (node) =>
      node.type === AST_NODE_TYPES.Identifier &&
      flow.isDerived(node) &&
      !isInertUse(context, node) &&
      // A route parameter is a string: a lookup by it finds a record or nothing. Only a parse of its
      // content can fail (`BigInt(id)`, `new URL(id)`); malformed ObjectIds are handled above.
      !(flow.isPathParam(node) && !isParsedAsString(node)) &&
      !isRouteParamRead(flow, node),
  );
}

/**
 * Whether the identifier is the request in a read of route parameters that nothing parses:
 * `req.params.id`, `const { id } = req.params`, `ctx.params.id`, `c.req.param("id")`. What the read
 * is bound to is judged where it is used (see {@link RequestFlow.isPathParam}).
 */
function isRouteParamRead(flow: RequestFlow, node: TSESTree.Identifier): boolean {
  let read: TSESTree.Node = node;
  while (
    (read.parent?.type === AST_NODE_TYPES.MemberExpression && read.parent.object === read) ||
    (read.parent?.type === AST_NODE_TYPES.CallExpression && read.parent.callee === read)
  ) {
    read = read.parent;
  }
  return read !== node && flow.readsOnlyPathParams(read) && !isParsedAsString(read);
}
