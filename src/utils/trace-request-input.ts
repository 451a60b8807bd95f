import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getCalleeNames } from "./get-callee-names.js";
import { isLoggerCall } from "./is-logger-call.js";
import { isValidatorCall } from "./is-validator-call.js";

export type InputValueType = "string" | "number" | "boolean" | "array";

/** What the code's use of an input value says about its type. */
export interface InputShape {
  types: Set<InputValueType>;
  /** For an array declared with a keyword element type (`string[]`), that type. */
  element?: InputValueType | undefined;
  /** Fields read from it, in order of first read. */
  fields: Map<string, InputShape>;
  /**
   * The code expects it may be missing: a default (`{ page = 1 }`, `x ?? y`), a check against `undefined`,
   * a truthiness test (`if (!x)`, `x && …`) or optional chaining (`x?.trim()`).
   */
  optional: boolean;
}

/** How one piece of request input is used inside its handler. */
export interface InputUsage {
  /** The whole input flows into a schema validator. */
  validated: boolean;
  /**
   * Whether some validator the whole input flows into hands its result on (`const data = schema.parse(x)`),
   * or is not one whose result is what to use; `false` while every one is a zod-style parse whose result
   * only says whether the input passed (`const { success } = schema.safeParse(x)`).
   */
  parseResultUsed: boolean;
  /** The first validator call the whole input flows into: what validates it. */
  validator?: TSESTree.CallExpression;
  /** The first zod-style parse of the whole input whose result is only tested for success, or dropped. */
  discardedParse?: TSESTree.CallExpression;
  /** Top-level fields the code narrows itself: `typeof`, `Array.isArray`, `Number(x)`, a validator call on the field. */
  checkedFields: Set<string>;
  /**
   * Uses that trust the input's shape; `path` is empty for the whole object, else starts at the top-level
   * field. `site` is where the value is passed on as it is (a call argument, a property value, a spread).
   */
  rawUses: { origin: TSESTree.Node; path: readonly string[]; site?: TSESTree.Node }[];
  /** The input is written to (`req.body.x = 1`): rewriting its reads is not safe. */
  writes: boolean;
  shape: InputShape;
}

export function createInputUsage(): InputUsage {
  return {
    validated: false,
    parseResultUsed: false,
    checkedFields: new Set(),
    rawUses: [],
    writes: false,
    shape: createShape(),
  };
}

function createShape(): InputShape {
  return { types: new Set(), fields: new Map(), optional: false };
}

const STRING_METHODS = new Set([
  "toLowerCase",
  "toUpperCase",
  "toLocaleLowerCase",
  "toLocaleUpperCase",
  "trim",
  "trimStart",
  "trimEnd",
  "startsWith",
  "endsWith",
  "split",
  "replace",
  "replaceAll",
  "match",
  "matchAll",
  "padStart",
  "padEnd",
  "charAt",
  "charCodeAt",
  "codePointAt",
  "localeCompare",
  "normalize",
  "substring",
  "substr",
  "search",
]);
const ARRAY_METHODS = new Set([
  "map",
  "filter",
  "forEach",
  "reduce",
  "reduceRight",
  "some",
  "every",
  "find",
  "findIndex",
  "findLast",
  "flatMap",
  "flat",
  "join",
  "push",
  "sort",
  "toSorted",
]);
const NUMBER_METHODS = new Set(["toFixed", "toPrecision", "toExponential"]);
const ARITHMETIC = new Set(["-", "*", "/", "%", "**", "<<", ">>", ">>>", "&", "|", "^"]);
const RELATIONAL = new Set(["<", ">", "<=", ">="]);
const EQUALITY = new Set(["===", "!==", "==", "!="]);
/** Explicit conversions: the code decides the type itself. */
const COERCIONS = new Set([
  "Number",
  "String",
  "Boolean",
  "BigInt",
  "parseInt",
  "parseFloat",
  "Number.parseInt",
  "Number.parseFloat",
]);
/** Conversions whose parameter is typed `string`: a schema number would not type-check as their argument. */
const STRING_PARSERS = new Set(["parseInt", "parseFloat", "Number.parseInt", "Number.parseFloat"]);
const NUMBER_CHECKS = new Set([
  "Number.isInteger",
  "Number.isFinite",
  "Number.isSafeInteger",
  "Number.isNaN",
  "isNaN",
  "isFinite",
]);
/** Calls that hand their argument back, converted: the input keeps flowing through them. */
const PASS_THROUGH = new Set(["JSON.parse", "plainToInstance", "plainToClass", "structuredClone", "Object.freeze"]);
const MAX_DEPTH = 12;

function getShape(usage: InputUsage, path: readonly string[]): InputShape {
  let shape = usage.shape;
  for (const key of path) {
    let next = shape.fields.get(key);
    if (!next) {
      next = createShape();
      shape.fields.set(key, next);
    }
    shape = next;
  }
  return shape;
}

function getMemberKey(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  if (member.computed && member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === "string") {
    return member.property.value;
  }
  return undefined;
}

function getLiteralType(node: TSESTree.Node): InputValueType | undefined {
  if (node.type === AST_NODE_TYPES.Literal) {
    if (typeof node.value === "string") return "string";
    if (typeof node.value === "number") return "number";
    if (typeof node.value === "boolean") return "boolean";
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return "string";
  if (
    node.type === AST_NODE_TYPES.UnaryExpression &&
    node.operator === "-" &&
    node.argument.type === AST_NODE_TYPES.Literal &&
    typeof node.argument.value === "number"
  ) {
    return "number";
  }
  return undefined;
}

const RESPONSE_METHODS = new Set(["json", "send", "jsonp", "end", "write", "text", "html"]);

/**
 * Where a value ends up when it is only wrapped on the way (in an object, array, template, `+` string or
 * spread): the call it is an argument of, the assignment it is the value of, or the `return` it is.
 */
function getConsumer(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node;
  for (let depth = 0; depth < 6; depth++) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return undefined;
    if (
      parent.type === AST_NODE_TYPES.Property ||
      parent.type === AST_NODE_TYPES.ObjectExpression ||
      parent.type === AST_NODE_TYPES.ArrayExpression ||
      parent.type === AST_NODE_TYPES.TemplateLiteral ||
      parent.type === AST_NODE_TYPES.SpreadElement ||
      (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === "+")
    ) {
      current = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.CallExpression) return parent.callee === current ? undefined : parent;
    if (parent.type === AST_NODE_TYPES.AssignmentExpression) return parent.right === current ? parent : undefined;
    if (parent.type === AST_NODE_TYPES.ReturnStatement) return parent;
    if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === current) return parent;
    return undefined;
  }
  return undefined;
}

/**
 * Logged (`logger.info({ body })`) or sent straight back to the client (`res.json(req.body)`,
 * `reply.send({ id: req.params.id })`, `c.json(body)`, `ctx.body = ctx.request.body`, returned from the
 * handler): the value is passed along as data, nothing relies on its shape.
 */
function isLoggedOrEchoed(tracer: Tracer, node: TSESTree.Node): boolean {
  const consumer = getConsumer(node);
  if (!consumer) return false;
  if (consumer.type === AST_NODE_TYPES.CallExpression) {
    if (isLoggerCall(consumer)) return true;
    const { name, root } = getCalleeNames(consumer.callee);
    return name !== undefined && root !== undefined && RESPONSE_METHODS.has(name) && tracer.responders.has(root);
  }
  if (consumer.type === AST_NODE_TYPES.AssignmentExpression) {
    const target = consumer.left;
    return (
      target.type === AST_NODE_TYPES.MemberExpression &&
      target.object.type === AST_NODE_TYPES.Identifier &&
      tracer.responders.has(target.object.name) &&
      !target.computed &&
      target.property.type === AST_NODE_TYPES.Identifier &&
      target.property.name === "body"
    );
  }
  const fn = consumer.type === AST_NODE_TYPES.ReturnStatement ? getEnclosingFunction(consumer) : consumer;
  return fn !== undefined && fn === tracer.handler;
}

function getEnclosingFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.ArrowFunctionExpression
    ) {
      return current;
    }
  }
  return undefined;
}

/** Literals only: the values an allow-list admits. */
function isLiteralList(node: TSESTree.Node | null | undefined): boolean {
  return (
    node?.type === AST_NODE_TYPES.ArrayExpression &&
    node.elements.length > 0 &&
    node.elements.every((element) => element?.type === AST_NODE_TYPES.Literal)
  );
}

/**
 * `["user", "admin"].includes(role)`, `ROLES.includes(role)`, `new Set([…]).has(role)`: the value is
 * compared with a fixed list, so only one of those literals gets past the check.
 */
function isAllowListCheck(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  argument: TSESTree.Node,
): boolean {
  const callee = call.callee;
  if (call.arguments[0] !== argument || callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed)
    return false;
  const method = callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : "";
  if (method !== "includes" && method !== "has" && method !== "indexOf") return false;
  let list: TSESTree.Node | null | undefined = callee.object;
  if (list.type === AST_NODE_TYPES.Identifier) {
    const definition = ASTUtils.findVariable(sourceCode.getScope(list), list)?.defs[0];
    list =
      definition?.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.parent.kind === "const"
        ? definition.node.init
        : undefined;
  }
  if (list?.type === AST_NODE_TYPES.TSAsExpression) list = list.expression;
  if (list?.type === AST_NODE_TYPES.NewExpression)
    return (
      method === "has" &&
      list.callee.type === AST_NODE_TYPES.Identifier &&
      list.callee.name === "Set" &&
      isLiteralList(list.arguments[0])
    );
  return method !== "has" && isLiteralList(list);
}

function isConditionTest(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node;
    case AST_NODE_TYPES.ForStatement:
      return parent.test === node;
    case AST_NODE_TYPES.LogicalExpression:
      return parent.operator === "&&" && parent.left === node;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === "!";
    default:
      return false;
  }
}

interface Tracer {
  sourceCode: Readonly<TSESLint.SourceCode>;
  usage: InputUsage;
  validators: ReadonlySet<string>;
  /** The handler function: what it returns is its response. */
  handler: TSESTree.Node | undefined;
  /** Names of the handler's response / context parameters (`res`, `reply`, `c`, `ctx`). */
  responders: ReadonlySet<string>;
  visited: Set<TSESLint.Scope.Variable>;
}

function markRaw(tracer: Tracer, origin: TSESTree.Node, path: readonly string[], site?: TSESTree.Node): void {
  tracer.usage.rawUses.push(site ? { origin, path, site } : { origin, path });
}

/** zod and valibot: what they return is the input with unknown fields dropped, defaults set, transforms run. */
const PARSE_METHODS = new Set(["parse", "parseAsync", "safeParse", "safeParseAsync"]);
/** What a safe parse's result says of the input, not the parsed input itself. */
const OUTCOME_KEYS = new Set(["success", "error", "issues"]);

function isOutcomeRead(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (
    parent?.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === node &&
    !parent.computed &&
    parent.property.type === AST_NODE_TYPES.Identifier &&
    OUTCOME_KEYS.has(parent.property.name)
  );
}

/**
 * Whether a zod-style parse's result is thrown away or only tested for success: `schema.parse(x);`,
 * `const { success } = schema.safeParse(x)`, `if (!schema.safeParse(x).success)`, a result variable
 * read only for `.success` / `.error`. `undefined` for a call that is not such a parse.
 */
function isParseResultDropped(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
): boolean | undefined {
  const { name, root } = getCalleeNames(call.callee);
  if (
    call.callee.type !== AST_NODE_TYPES.MemberExpression ||
    name === undefined ||
    !PARSE_METHODS.has(name) ||
    root === "JSON"
  ) {
    return undefined;
  }
  let result: TSESTree.Node = call;
  while (result.parent?.type === AST_NODE_TYPES.AwaitExpression) result = result.parent;
  const parent = result.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return true;
  if (isOutcomeRead(result)) return true;
  if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== result) return false;
  if (parent.id.type === AST_NODE_TYPES.ObjectPattern) {
    return parent.id.properties.every(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        OUTCOME_KEYS.has(property.key.name),
    );
  }
  if (parent.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(parent), parent.id);
  return (
    variable !== null &&
    variable.references.every((reference) => reference.init === true || isOutcomeRead(reference.identifier))
  );
}

function markChecked(tracer: Tracer, path: readonly string[], validator?: TSESTree.CallExpression): void {
  if (path.length === 0) {
    tracer.usage.validated = true;
    tracer.usage.validator ??= validator;
  } else tracer.usage.checkedFields.add(path[0]!);
}

function addType(tracer: Tracer, path: readonly string[], type: InputValueType): void {
  getShape(tracer.usage, path).types.add(type);
}

function markOptional(tracer: Tracer, path: readonly string[]): void {
  if (path.length > 0) getShape(tracer.usage, path).optional = true;
}

/**
 * The input value type a type annotation declares: `string`, `number`, `boolean`, arrays (`T[]`,
 * `Array<T>`), string literals; a union of one of them with `undefined` or `null`. Anything else says
 * nothing one type could.
 */
export function getDeclaredValueType(type: TSESTree.TypeNode | undefined): InputValueType | undefined {
  switch (type?.type) {
    case AST_NODE_TYPES.TSStringKeyword:
      return "string";
    case AST_NODE_TYPES.TSNumberKeyword:
      return "number";
    case AST_NODE_TYPES.TSBooleanKeyword:
      return "boolean";
    case AST_NODE_TYPES.TSArrayType:
      return "array";
    case AST_NODE_TYPES.TSLiteralType:
      return type.literal.type === AST_NODE_TYPES.Literal && typeof type.literal.value === "string"
        ? "string"
        : undefined;
    case AST_NODE_TYPES.TSTypeReference:
      return type.typeName.type === AST_NODE_TYPES.Identifier &&
        (type.typeName.name === "Array" || type.typeName.name === "ReadonlyArray")
        ? "array"
        : undefined;
    case AST_NODE_TYPES.TSUnionType: {
      // `string | undefined` takes a string; `string | number` says nothing one type could.
      const members = type.types.filter(
        (member) => member.type !== AST_NODE_TYPES.TSUndefinedKeyword && member.type !== AST_NODE_TYPES.TSNullKeyword,
      );
      const types = new Set(members.map(getDeclaredValueType));
      return types.size === 1 ? [...types][0] : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The keyword type of the parameter `argument` is passed to, when the callee is a function of this file
 * with that parameter annotated: `declare function login(email: string)` makes `login(body.email)` a string.
 */
function getParameterType(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  argument: TSESTree.Node,
): InputValueType | undefined {
  if (call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  if (index < 0 || call.arguments.slice(0, index).some((other) => other.type === AST_NODE_TYPES.SpreadElement))
    return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(call), call.callee);
  // Overloads declare the name more than once, each with its own parameter types; a callback parameter
  // (`next`, `done`) has the enclosing function as its definition node, whose parameters are not its own.
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  let fn: TSESTree.Node | null | undefined;
  if (definition?.type === "FunctionName") fn = definition.node;
  else if (definition?.type === "Variable" && definition.node.type === AST_NODE_TYPES.VariableDeclarator)
    fn = definition.node.init;
  if (
    fn?.type !== AST_NODE_TYPES.FunctionDeclaration &&
    fn?.type !== AST_NODE_TYPES.TSDeclareFunction &&
    fn?.type !== AST_NODE_TYPES.FunctionExpression &&
    fn?.type !== AST_NODE_TYPES.ArrowFunctionExpression
  ) {
    return undefined;
  }
  const parameter = fn.params[index];
  const target = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  return target?.type === AST_NODE_TYPES.Identifier
    ? getDeclaredValueType(target.typeAnnotation?.typeAnnotation)
    : undefined;
}

function traceVariable(
  tracer: Tracer,
  variable: TSESLint.Scope.Variable | null | undefined,
  origin: TSESTree.Node,
  path: readonly string[],
  depth: number,
): void {
  if (!variable || tracer.visited.has(variable)) return;
  tracer.visited.add(variable);
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) {
      if (path.length > 0) tracer.usage.writes = true;
      continue;
    }
    traceValue(tracer, reference.identifier, origin, path, depth + 1);
  }
}

/** Follows input bound to a pattern: `const body = …`, `const { email, profile: { name } } = …`, a parameter. */
function traceBinding(
  tracer: Tracer,
  pattern: TSESTree.Node,
  origin: TSESTree.Node,
  path: readonly string[],
  depth = 0,
): void {
  if (depth > MAX_DEPTH) return;
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(tracer.sourceCode.getScope(pattern), pattern);
      traceVariable(tracer, variable, origin, path, depth);
      return;
    }
    case AST_NODE_TYPES.AssignmentPattern:
      if (path.length > 0) getShape(tracer.usage, path).optional = true;
      traceBinding(tracer, pattern.left, origin, path, depth + 1);
      return;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        if (property.type === AST_NODE_TYPES.RestElement) {
          markRaw(tracer, origin, path);
          continue;
        }
        const key =
          !property.computed && property.key.type === AST_NODE_TYPES.Identifier
            ? property.key.name
            : property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === "string"
              ? property.key.value
              : undefined;
        if (key === undefined) {
          markRaw(tracer, origin, path);
          continue;
        }
        const fieldPath = [...path, key];
        getShape(tracer.usage, fieldPath);
        traceBinding(tracer, property.value, origin, fieldPath, depth + 1);
      }
      return;
    default:
      markRaw(tracer, origin, path);
  }
}

/** Follows the value of `node` (which evaluates to the input at `path`) to where it is used. */
function traceValue(
  tracer: Tracer,
  node: TSESTree.Node,
  origin: TSESTree.Node,
  path: readonly string[],
  depth = 0,
): void {
  if (depth > MAX_DEPTH) return;
  let current = node;
  // Casts, `await`, `?.`, `x ?? {}`, `JSON.parse(x)` hand the same input on.
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return;
    if (
      ((parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSTypeAssertion ||
        parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression) &&
        parent.expression === current) ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.AwaitExpression
    ) {
      current = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.LogicalExpression && (parent.operator === "??" || parent.operator === "||")) {
      if (parent.left === current && path.length > 0) getShape(tracer.usage, path).optional = true;
      current = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current) {
      current = parent;
      continue;
    }
    if (
      parent.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments.includes(current as TSESTree.CallExpressionArgument)
    ) {
      const { path: calleePath, name } = getCalleeNames(parent.callee);
      if (
        (calleePath !== undefined && PASS_THROUGH.has(calleePath)) ||
        (name !== undefined && PASS_THROUGH.has(name))
      ) {
        current = parent;
        continue;
      }
    }
    break;
  }
  const parent = current.parent;
  if (!parent) return;

  if (isConditionTest(current)) {
    // `if (!email)`, `name && …`: the code is ready for the field to be missing.
    markOptional(tracer, path);
    return;
  }

  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== current) break;
      if (parent.optional) markOptional(tracer, path);
      const key = getMemberKey(parent);
      if (key === undefined) {
        // `body[key]`: a numeric index says array; any other dynamic key reads fields we cannot name.
        if (
          parent.computed &&
          parent.property.type === AST_NODE_TYPES.Literal &&
          typeof parent.property.value === "number"
        ) {
          addType(tracer, path, "array");
        }
        markRaw(tracer, origin, path);
        return;
      }
      const call =
        parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent
          ? parent.parent
          : undefined;
      if (call) {
        // `form.get("email")`, `form.getAll("tags")` on `FormData` / `URLSearchParams` read one field.
        const field = call.arguments[0];
        if (
          (key === "get" || key === "getAll") &&
          field?.type === AST_NODE_TYPES.Literal &&
          typeof field.value === "string"
        ) {
          const fieldPath = [...path, field.value];
          getShape(tracer.usage, fieldPath);
          if (key === "getAll") addType(tracer, fieldPath, "array");
          traceValue(tracer, call, origin, fieldPath, depth + 1);
          return;
        }
        if (STRING_METHODS.has(key)) addType(tracer, path, "string");
        else if (ARRAY_METHODS.has(key)) addType(tracer, path, "array");
        else if (NUMBER_METHODS.has(key)) addType(tracer, path, "number");
        if (key === "hasOwnProperty") return;
        markRaw(tracer, origin, path);
        return;
      }
      const assigned = parent.parent.type === AST_NODE_TYPES.AssignmentExpression && parent.parent.left === parent;
      if (assigned || (parent.parent.type === AST_NODE_TYPES.UnaryExpression && parent.parent.operator === "delete")) {
        tracer.usage.writes = true;
        return;
      }
      if (key === "length") {
        markRaw(tracer, origin, path);
        return;
      }
      const fieldPath = [...path, key];
      getShape(tracer.usage, fieldPath);
      traceValue(tracer, parent, origin, fieldPath, depth + 1);
      return;
    }
    case AST_NODE_TYPES.NewExpression: {
      // `new Date(x)`: an explicit conversion, like `Number(x)`; the code has decided the type.
      if (
        parent.callee.type === AST_NODE_TYPES.Identifier &&
        parent.callee.name === "Date" &&
        parent.arguments.length === 1 &&
        parent.arguments[0] === current &&
        path.length > 0
      ) {
        markChecked(tracer, path);
        return;
      }
      break;
    }
    case AST_NODE_TYPES.CallExpression: {
      if (parent.callee === current) break;
      if (isValidatorCall(tracer.sourceCode, parent, current, tracer.validators)) {
        markChecked(tracer, path, parent);
        if (path.length === 0) {
          if (isParseResultDropped(tracer.sourceCode, parent) === true) tracer.usage.discardedParse ??= parent;
          else tracer.usage.parseResultUsed = true;
        }
        return;
      }
      if (isLoggerCall(parent)) return;
      const { path: calleePath } = getCalleeNames(parent.callee);
      // The same data as text: where the text goes decides (`verify({ signature, body: JSON.stringify(body) })`).
      if (calleePath === "JSON.stringify") {
        traceValue(tracer, parent, origin, path, depth + 1);
        return;
      }
      if (calleePath !== undefined && COERCIONS.has(calleePath)) {
        if (path.length > 0) {
          markChecked(tracer, path);
          if (calleePath === "Number") addType(tracer, path, "number");
          else if (STRING_PARSERS.has(calleePath)) addType(tracer, path, "string");
          // `Number(limit) || 20`: the fallback covers a missing field too.
          const fallback = parent.parent;
          if (
            fallback.type === AST_NODE_TYPES.LogicalExpression &&
            fallback.left === parent &&
            (fallback.operator === "||" || fallback.operator === "??")
          ) {
            markOptional(tracer, path);
          }
        } else {
          markRaw(tracer, origin, path);
        }
        return;
      }
      if (isAllowListCheck(tracer.sourceCode, parent, current)) {
        if (path.length > 0) markChecked(tracer, path);
        return;
      }
      if (calleePath === "Array.isArray") {
        addType(tracer, path, "array");
        if (path.length > 0) markChecked(tracer, path);
        return;
      }
      if (calleePath !== undefined && NUMBER_CHECKS.has(calleePath)) {
        addType(tracer, path, "number");
        if (path.length > 0) markChecked(tracer, path);
        return;
      }
      if (path.length > 0) {
        const parameterType = getParameterType(tracer.sourceCode, parent, current);
        if (parameterType) addType(tracer, path, parameterType);
      }
      break;
    }
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.init !== current) break;
      traceBinding(tracer, parent.id, origin, path, depth + 1);
      return;
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.right !== current || parent.operator !== "=") break;
      // `req.body = req.body ?? {}` puts the input back where it was.
      if (tracer.sourceCode.getText(parent.left) === tracer.sourceCode.getText(origin)) return;
      if (parent.left.type === AST_NODE_TYPES.Identifier || parent.left.type === AST_NODE_TYPES.ObjectPattern) {
        traceBinding(tracer, parent.left, origin, path, depth + 1);
        return;
      }
      break;
    case AST_NODE_TYPES.UnaryExpression:
      if (parent.operator === "typeof") {
        const comparison = parent.parent;
        if (comparison.type === AST_NODE_TYPES.BinaryExpression && EQUALITY.has(comparison.operator)) {
          const other = comparison.left === parent ? comparison.right : comparison.left;
          const type = other.type === AST_NODE_TYPES.Literal ? other.value : undefined;
          if (type === "string" || type === "number" || type === "boolean") addType(tracer, path, type);
          else if (type === "undefined") markOptional(tracer, path);
        }
        if (path.length > 0) markChecked(tracer, path);
        return;
      }
      if (parent.operator === "void") return;
      if (parent.operator === "-") addType(tracer, path, "number");
      break;
    case AST_NODE_TYPES.BinaryExpression: {
      const other = parent.left === current ? parent.right : parent.left;
      const literal = getLiteralType(other);
      if (EQUALITY.has(parent.operator)) {
        // Comparing with a literal checks the value; it does not trust its shape.
        if (literal) addType(tracer, path, literal);
        const isUndefined = other.type === AST_NODE_TYPES.Identifier && other.name === "undefined";
        // `x === undefined`, `x == null`: the code is ready for the field to be missing.
        const isLooseNull =
          other.type === AST_NODE_TYPES.Literal &&
          other.raw === "null" &&
          (parent.operator === "==" || parent.operator === "!=");
        if (isUndefined || isLooseNull) markOptional(tracer, path);
        if (literal || isUndefined) return;
        break;
      }
      if (parent.operator === "in" || parent.operator === "instanceof") {
        if (parent.operator === "instanceof" && path.length > 0) markChecked(tracer, path);
        return;
      }
      if (ARITHMETIC.has(parent.operator)) addType(tracer, path, "number");
      else if (RELATIONAL.has(parent.operator) && literal === "number") addType(tracer, path, "number");
      else if (parent.operator === "+" && literal === "number") addType(tracer, path, "number");
      break;
    }
    case AST_NODE_TYPES.ForOfStatement:
      if (parent.right === current) addType(tracer, path, "array");
      break;
    case AST_NODE_TYPES.ExpressionStatement:
      return;
    case AST_NODE_TYPES.SwitchStatement:
      // `switch (req.query.mode)` compares the value with each `case`, like `===`.
      if (parent.discriminant === current) return;
      break;
    default:
      break;
  }
  // Put together with other values for a validator: `schema.parse({ startDate, endDate })`, `getQuery({ filters })`.
  const consumer = parent.type === AST_NODE_TYPES.CallExpression ? undefined : getConsumer(current);
  if (consumer?.type === AST_NODE_TYPES.CallExpression) {
    const argument = consumer.arguments.find(
      (candidate) => candidate.range[0] <= current.range[0] && current.range[1] <= candidate.range[1],
    );
    if (argument && isValidatorCall(tracer.sourceCode, consumer, argument, tracer.validators)) {
      markChecked(tracer, path, consumer);
      if (path.length === 0) tracer.usage.parseResultUsed = true;
      return;
    }
  }
  if (isLoggedOrEchoed(tracer, current)) return;
  markRaw(tracer, origin, path, current);
}

/** Follows one read of request input (a `value` expression or a `binding` pattern) through its handler. */
export function traceRequestInput(
  sourceCode: Readonly<TSESLint.SourceCode>,
  usage: InputUsage,
  read: { kind: "value" | "binding"; node: TSESTree.Node; field?: string | undefined },
  origin: TSESTree.Node,
  validators: ReadonlySet<string>,
  handler?: { function: TSESTree.Node; responders: ReadonlySet<string> },
): void {
  const tracer: Tracer = {
    sourceCode,
    usage,
    validators,
    visited: new Set(),
    handler: handler?.function,
    responders: handler?.responders ?? new Set(),
  };
  const path = read.field === undefined ? [] : [read.field];
  if (read.field !== undefined) getShape(usage, path);
  if (read.kind === "value") traceValue(tracer, read.node, origin, path);
  else traceBinding(tracer, read.node, origin, path);
}
