import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { BUILTIN_NAMESPACES } from "../utils/builtin-namespaces.js";
import { getUnwrappedExpression } from "../utils/get-unwrapped-expression.js";

const PROMISE_METHODS = new Set(["then", "catch", "finally"]);
const MAX_LENGTH = 60;

const unwrap = (node: TSESTree.Node): TSESTree.Node => getUnwrappedExpression(node, { chain: true });

function getPropertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  if (member.computed && member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === "string") {
    return /^[A-Za-z_$][\w$]*$/u.test(member.property.value) ? member.property.value : undefined;
  }
  return undefined;
}

/** `db.user.create`, `fetch`, `usersService.create` (without `this.`); `undefined` for computed or odd callees. */
function getDottedName(node: TSESTree.Node): string | undefined {
  const current = unwrap(node);
  if (current.type === AST_NODE_TYPES.Identifier) return current.name;
  if (current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = getPropertyName(current);
  if (property === undefined) return undefined;
  const object = unwrap(current.object);
  if (object.type === AST_NODE_TYPES.ThisExpression) return property;
  const base = getDottedName(object);
  return base === undefined ? undefined : `${base}.${property}`;
}

/**
 * The name of the operation a call performs, for a log message: the callee path of the call, or for a
 * builder / promise chain the call it starts from (`db.select().from(t)` → `db.select`,
 * `fetch(url).then(parse)` → `fetch`).
 */
export function getCallName(call: TSESTree.CallExpression): string | undefined {
  let current: TSESTree.CallExpression = call;
  for (;;) {
    const callee = unwrap(current.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const object = unwrap(callee.object);
      if (object.type === AST_NODE_TYPES.CallExpression) {
        current = object;
        continue;
      }
      // `promise.then(f)` on a plain binding names nothing useful.
      if (PROMISE_METHODS.has(getPropertyName(callee) ?? "")) return undefined;
    }
    const name = getDottedName(callee);
    // `await next()` in middleware is the rest of the request, not an operation.
    if (
      name === undefined ||
      name === "next" ||
      name.length > MAX_LENGTH ||
      BUILTIN_NAMESPACES.has(name.split(".")[0] ?? "")
    )
      return undefined;
    return name;
  }
}

const SKIPPED_KEYS = new Set([
  "parent",
  "typeAnnotation",
  "returnType",
  "typeArguments",
  "typeParameters",
  "decorators",
]);

function isFunction(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.ClassDeclaration ||
    node.type === AST_NODE_TYPES.ClassExpression
  );
}

interface FoundCall {
  call: TSESTree.CallExpression;
  awaited: boolean;
}

/** Zero-argument body readers (`await request.json()`): parsing input, not the operation that failed. */
const BODY_READERS = new Set(["json", "text", "formData", "arrayBuffer", "blob"]);

function isBodyRead(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return (
    call.arguments.length === 0 &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    BODY_READERS.has(getPropertyName(callee) ?? "")
  );
}

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * Calls in `node`, not descending into nested functions or classes; `awaited` marks `await call()`.
 * One walk fills both orders: `outerFirst` lists `a(b())` as `a, b` (what a statement does), `inOrder`
 * as `b, a` (the order they run).
 */
function collectCalls(
  node: TSESTree.Node,
  keys: VisitorKeys,
  awaited: boolean,
  outerFirst: FoundCall[],
  inOrder: FoundCall[],
): void {
  const isCall = node.type === AST_NODE_TYPES.CallExpression;
  if (isCall) outerFirst.push({ call: node, awaited });
  for (const key of keys[node.type] ?? []) {
    if (SKIPPED_KEYS.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (value === null || typeof value !== "object") continue;
    const children: unknown[] = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child === null || typeof child !== "object" || typeof (child as { type?: unknown }).type !== "string")
        continue;
      const childNode = child as TSESTree.Node;
      if (isFunction(childNode)) continue;
      const isAwaitedCall =
        node.type === AST_NODE_TYPES.AwaitExpression && unwrap(childNode).type === AST_NODE_TYPES.CallExpression;
      collectCalls(isAwaitedCall ? unwrap(childNode) : childNode, keys, isAwaitedCall, outerFirst, inOrder);
    }
  }
  if (isCall) inOrder.push({ call: node, awaited });
}

function findName(calls: readonly FoundCall[], accept: (found: FoundCall) => boolean): string | undefined {
  for (const found of calls) {
    if (!accept(found)) continue;
    const name = getCallName(found.call);
    if (name !== undefined) return name;
  }
  return undefined;
}

/**
 * What a `try` block does, named for a log message: the first awaited call with a nameable callee,
 * outermost first and request-body reads last (`await db.user.create({ data: await req.json() })` →
 * `db.user.create`), else the first nameable call to run (`res.json(JSON.parse(s))` → `JSON.parse`),
 * else `undefined`. Built-ins (`Object.*`, `Promise.all`) and `next()` are never the name.
 */
export function getOperationName(block: TSESTree.Node, visitorKeys: VisitorKeys): string | undefined {
  const outerFirst: FoundCall[] = [];
  const inOrder: FoundCall[] = [];
  collectCalls(block, visitorKeys, false, outerFirst, inOrder);
  return (
    findName(outerFirst, (found) => found.awaited && !isBodyRead(found.call)) ??
    findName(outerFirst, (found) => found.awaited) ??
    findName(inOrder, () => true)
  );
}
