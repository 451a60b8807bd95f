import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { BUILTIN_NAMESPACES } from "./builtin-namespaces.js";
import { getUnwrappedExpression } from "./get-unwrapped-expression.js";

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;
export type FailingCall = TSESTree.CallExpression | TSESTree.NewExpression;

/** Built-ins whose calls do not fail on ordinary input, and Node's `path`. */
const SAFE_ROOTS: ReadonlySet<string> = new Set([...BUILTIN_NAMESPACES, "path"]);
/** Plain functions that do not fail on ordinary input, `path`'s imported on their own among them. */
const SAFE_FUNCTIONS = new Set([
  "String",
  "Number",
  "Boolean",
  "parseInt",
  "parseFloat",
  "isNaN",
  "isFinite",
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "next",
  "join",
  "resolve",
  "basename",
  "dirname",
  "extname",
  "relative",
  "encodeURIComponent",
]);
const SAFE_CONSTRUCTORS =
  /^(?:Date|Map|Set|WeakMap|WeakSet|Array|Promise|AbortController|URLSearchParams|Headers|TextEncoder|TextDecoder|\w*Error|\w*Exception)$/u;
/** String / array methods: pure on the values they are called on. */
const SAFE_METHODS = new Set([
  "toLowerCase",
  "toUpperCase",
  "trim",
  "trimStart",
  "trimEnd",
  "toString",
  "toFixed",
  "includes",
  "startsWith",
  "endsWith",
  "indexOf",
  "lastIndexOf",
  "slice",
  "substring",
  "substr",
  "split",
  "join",
  "replace",
  "replaceAll",
  "padStart",
  "padEnd",
  "concat",
  "flat",
  "reverse",
  "push",
  "pop",
  "shift",
  "unshift",
  "at",
  "keys",
  "values",
  "entries",
]);
/**
 * Array methods that run their callback before returning: a throw in it is a throw of the `try`. Only
 * with a function argument are they the array's (`users.find(id)` is a query).
 */
const SYNC_CALLBACK_METHODS = new Set([
  "map",
  "filter",
  "find",
  "findIndex",
  "some",
  "every",
  "forEach",
  "reduce",
  "flatMap",
  "sort",
]);
const LOGGER_ROOT = /^(?:console|logger|log|Logger)$/u;
const PREDICATE = /^(?:is|has)[A-Z]/u;

/**
 * Calls whose failure *is* the answer: parsing, decoding, decrypting, verifying, validating, and
 * existence checks (`fs.stat`, `fs.access`, `existsSync`).
 */
const PROBE_NAME =
  /^(?:(?:safe)?parse|decode|decrypt|decipher|verify|validate)(?:[A-Z_]\w*)?$|\w(?:Parse|Decode|Decrypt|Verify|Validate)$|^(?:l?stat|access|exists)(?:Sync)?$/u;
const PROBE_CONSTRUCTORS = new Set(["URL", "RegExp"]);
const CACHE_RECEIVER = /cache/iu;
/** Node's response stream: `write` and `end` report a failure as an `error` event, never by throwing. */
const RESPONSE_RECEIVER = /^(?:res|response)$/u;
const RESPONSE_WRITES = new Set(["write", "end"]);
/** NestJS's `ConfigService`: `get` answers `undefined` for a missing key; only `getOrThrow` fails. */
const CONFIG_SERVICE = /^configService$/iu;

function isFunctionNode(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression;
}

const unwrap = (node: TSESTree.Node): TSESTree.Node => getUnwrappedExpression(node, { chain: true });

function propertyName(node: TSESTree.Node): string | undefined {
  return node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier
    ? node.property.name
    : undefined;
}

/** `a.b.c` → `["a", "b", "c"]` (`this` kept as `this`); `undefined` past a call or a computed key. */
export function getPath(node: TSESTree.Node): string[] | undefined {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Identifier) return [current.name];
  if (current.type === AST_NODE_TYPES.ThisExpression) return ["this"];
  const property = propertyName(current);
  if (current.type !== AST_NODE_TYPES.MemberExpression || property === undefined) return undefined;
  const base = getPath(current.object);
  return base === undefined ? undefined : [...base, property];
}

/** `JSON.parse`, `new URL`, `this.cache.get`: how a message names the call. */
export function getFailingCallName(call: FailingCall): string | undefined {
  let path = getPath(call.callee);
  if (path === undefined) {
    // `db.select().from(t)`: the chain's last step names it well enough.
    const property = propertyName(unwrap(call.callee));
    if (property === undefined) return undefined;
    path = [property];
  }
  if (path[0] === "this") path = path.slice(1);
  const name = path.join(".");
  if (name === "" || name.length > 60) return undefined;
  return call.type === AST_NODE_TYPES.NewExpression ? `new ${name}` : name;
}

function isSafe(call: FailingCall, awaited: boolean): boolean {
  const callee = unwrap(call.callee);
  if (call.type === AST_NODE_TYPES.NewExpression)
    return callee.type === AST_NODE_TYPES.Identifier && SAFE_CONSTRUCTORS.test(callee.name);
  if (callee.type === AST_NODE_TYPES.Identifier) return SAFE_FUNCTIONS.has(callee.name) || PREDICATE.test(callee.name);
  const method = propertyName(callee);
  if (method !== undefined && (SAFE_METHODS.has(method) || PREDICATE.test(method))) return true;
  if (method !== undefined && SYNC_CALLBACK_METHODS.has(method) && isFunctionNode(call.arguments[0])) return true;
  const path = getPath(callee);
  if (path === undefined) return false;
  if (method === "get" && CONFIG_SERVICE.test(path.at(-2) ?? "")) return true;
  if (RESPONSE_WRITES.has(method ?? "") && path.length === 2 && RESPONSE_RECEIVER.test(path[0]!) && !awaited)
    return true;
  const root = path[0] === "this" ? path[1] : path[0];
  return root !== undefined && (SAFE_ROOTS.has(root) || LOGGER_ROOT.test(root));
}

/** A call whose failure means "no" or "not there": a parse, a decode, a verify, an existence check, a body read. */
export function isProbeCall(call: FailingCall): boolean {
  const callee = unwrap(call.callee);
  if (call.type === AST_NODE_TYPES.NewExpression)
    return callee.type === AST_NODE_TYPES.Identifier && PROBE_CONSTRUCTORS.has(callee.name);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : propertyName(callee);
  if (name === undefined) return false;
  // `await response.json()`: parsing a body someone else wrote (`res.json(data)` sends, and has an argument).
  if (name === "json" && call.arguments.length === 0) return true;
  return PROBE_NAME.test(name);
}

/** `cache.get(key)`, `this.redisCacheService.get(key)`: a read whose failure is a miss. */
export function isCacheRead(call: FailingCall): boolean {
  const callee = unwrap(call.callee);
  if (call.type !== AST_NODE_TYPES.CallExpression || callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(callee);
  const receiver = getPath(callee.object);
  return (
    (method === "get" || method === "getItem" || method === "mget") &&
    receiver !== undefined &&
    receiver.some((part) => CACHE_RECEIVER.test(part))
  );
}

/**
 * The calls in `node` that can fail, in the order they run (`a(b())` → `b, a`), leaving out nested
 * functions — except the callbacks array methods run on the spot — and calls that do not fail on
 * ordinary input (string and array methods, `Math.*`, logger calls, `new Date()`).
 */
export function getFailingCalls(node: TSESTree.Node, keys: VisitorKeys): FailingCall[] {
  const found: FailingCall[] = [];
  const visit = (current: TSESTree.Node, runsNow: boolean, awaited: boolean): void => {
    const isFunction =
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.ClassDeclaration ||
      current.type === AST_NODE_TYPES.ClassExpression;
    if (isFunction && !runsNow) return;
    const isCall = current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression;
    const syncCallback =
      current.type === AST_NODE_TYPES.CallExpression &&
      SYNC_CALLBACK_METHODS.has(propertyName(unwrap(current.callee)) ?? "") &&
      isFunctionNode(current.arguments[0]);
    for (const key of keys[current.type] ?? []) {
      if (
        key === "parent" ||
        key === "typeAnnotation" ||
        key === "returnType" ||
        key === "typeArguments" ||
        key === "typeParameters" ||
        key === "decorators"
      )
        continue;
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child === null || typeof child !== "object" || typeof (child as { type?: unknown }).type !== "string")
          continue;
        visit(
          child as TSESTree.Node,
          syncCallback && key === "arguments",
          current.type === AST_NODE_TYPES.AwaitExpression,
        );
      }
    }
    if (isCall && !isSafe(current, awaited)) found.push(current);
  };
  visit(node, true, false);
  return found;
}

/** Nodes that fail without a call `getFailingCalls` judges: a `throw`, a `yield`, an `import()`, a tag. */
export const RAW_FAILURES: ReadonlySet<string> = new Set<string>([
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.YieldExpression,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.TaggedTemplateExpression,
]);

/**
 * Whether `node` (nested functions excluded) can fail other than through a call `getFailingCalls` lists:
 * a `throw`, a `yield`, an `import()`, a tagged template, or an `await` — a rejection — unless what it
 * awaits is one of the `settled` calls, known never to reject (a project function that catches its own
 * failures). `await Promise.all(pending)` rejects though `Promise.all` itself does not throw.
 */
export function holdsRawFailure(
  node: TSESTree.Node,
  keys: VisitorKeys,
  settled: ReadonlySet<TSESTree.Node> = new Set(),
): boolean {
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (RAW_FAILURES.has(current.type)) return true;
    if (current.type === AST_NODE_TYPES.AwaitExpression && !settled.has(unwrap(current.argument))) return true;
    for (const key of keys[current.type] ?? []) {
      if (key === "parent") continue;
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child === null || typeof child !== "object" || typeof (child as { type?: unknown }).type !== "string")
          continue;
        const type = (child as TSESTree.Node).type;
        if (
          type === AST_NODE_TYPES.ArrowFunctionExpression ||
          type === AST_NODE_TYPES.FunctionExpression ||
          type === AST_NODE_TYPES.FunctionDeclaration ||
          type === AST_NODE_TYPES.ClassDeclaration ||
          type === AST_NODE_TYPES.ClassExpression
        )
          continue;
        stack.push(child as TSESTree.Node);
      }
    }
  }
  return false;
}
