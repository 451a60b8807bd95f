import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import type { HandlerInfo } from "../frameworks/types.js";

/** Handler names that say nothing about what the route does. */
const GENERIC_NAMES = new Set([
  "handler",
  "handle",
  "default",
  "main",
  "route",
  "fn",
  "cb",
  "callback",
  "middleware",
  "index",
  "controller",
  "h",
  "action",
  "endpoint",
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "HEAD",
  "OPTIONS",
]);
const NAME_SUFFIX = /(?:Handler|Controller|Route|Action|Endpoint)$/u;
const SOURCE_SUFFIX: Readonly<Record<string, string>> = {
  body: "Body",
  query: "Query",
  params: "Params",
  headers: "Headers",
};

function toPascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/u)
    .filter((part) => part !== "")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

function singular(word: string): string {
  if (/ies$/u.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/u.test(word)) return word;
  if (/(?:sses|xes|ches|shes)$/u.test(word)) return word.slice(0, -2);
  return word.endsWith("s") ? word.slice(0, -1) : word;
}

function isPlural(word: string): boolean {
  return word.length > 2 && word.endsWith("s") && !/(?:ss|us|is)$/u.test(word);
}

function getHandlerName(fn: TSESTree.Node): string | undefined {
  if ((fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.type === AST_NODE_TYPES.FunctionExpression) && fn.id)
    return fn.id.name;
  let node: TSESTree.Node = fn;
  // `const createUser = asyncHandler(async (req, res) => {})`
  for (
    let depth = 0;
    depth < 3 && node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee !== node;
    depth++
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier)
    return parent.id.name;
  if (
    (parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition) &&
    parent.key.type === AST_NODE_TYPES.Identifier
  ) {
    return parent.key.name;
  }
  return undefined;
}

function fromHandlerName(fn: TSESTree.Node): string | undefined {
  const name = getHandlerName(fn);
  if (name === undefined || GENERIC_NAMES.has(name)) return undefined;
  const stripped = name.replace(NAME_SUFFIX, "");
  return stripped === "" || GENERIC_NAMES.has(stripped) ? undefined : toPascalCase(stripped);
}

function fromRoute(handler: HandlerInfo): string | undefined {
  const route = handler.route;
  const path = route?.fullPath ?? route?.path;
  if (!route || path === undefined) return undefined;
  const segments = path.split("/").filter((segment) => segment !== "");
  const isDynamic = (segment: string) => /^[:*{[]/u.test(segment);
  const lastStatic = [...segments].reverse().find((segment) => !isDynamic(segment));
  if (lastStatic === undefined) return undefined;
  const endsWithParam = segments.length > 0 && isDynamic(segments.at(-1)!);
  const resource = toPascalCase(lastStatic);
  if (resource === "" || /^\d/u.test(resource)) return undefined;
  const one = toPascalCase(singular(lastStatic));
  switch (route.methods[0]) {
    case "POST":
      return isPlural(lastStatic) ? `Create${one}` : resource;
    case "GET":
      if (endsWithParam) return `Get${one}`;
      return isPlural(lastStatic) ? `List${resource}` : resource;
    case "PUT":
    case "PATCH":
      return `Update${one}`;
    case "DELETE":
      return `Delete${one}`;
    default:
      return resource;
  }
}

/**
 * A name for the schema of `source` in `handler`: from the handler's own name (`createUser` →
 * `CreateUserBody`), else from the route's method and path (`POST /users` → `CreateUserBody`,
 * `GET /users` → `ListUsersQuery`, `PATCH /users/:id` → `UpdateUserBody`), else `RequestBody`.
 * `isTaken` de-duplicates within the file (`CreateUserBody2`).
 */
export function getSchemaName(handler: HandlerInfo, source: string, isTaken: (name: string) => boolean): string {
  const base = `${fromHandlerName(handler.function) ?? fromRoute(handler) ?? "Request"}${SOURCE_SUFFIX[source] ?? "Input"}`;
  let name = base;
  for (let n = 2; isTaken(name); n++) name = `${base}${n}`;
  return name;
}
