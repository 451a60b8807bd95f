import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getStaticString } from "./get-static-string.js";
import type { RouteRegistration } from "./types.js";

/** The argument a route's path is written in, for dynamic paths (`${API}/login`) and arrays. */
export function getPathNode(route: RouteRegistration): TSESTree.Node | undefined {
  const call = route.node;
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (route.options && call.arguments[0] === route.options) {
    for (const property of route.options.properties) {
      if (
        property.type === AST_NODE_TYPES.Property &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        (property.key.name === "url" || property.key.name === "path")
      ) {
        return property.value;
      }
    }
    return undefined;
  }
  const [first, second] = call.arguments;
  if (route.path !== undefined && getStaticString(second) === route.path && getStaticString(first) !== route.path)
    return second;
  if (first && !route.chain.includes(first)) return first;
  // `app.route("/x").get(handler)`: the path is on the `route` call.
  let object: TSESTree.Node = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee;
  while (object.type === AST_NODE_TYPES.CallExpression && object.callee.type === AST_NODE_TYPES.MemberExpression) {
    if (object.callee.property.type === AST_NODE_TYPES.Identifier && object.callee.property.name === "route")
      return object.arguments[0];
    object = object.callee.object;
  }
  return undefined;
}

/** The paths a route answers, for matching public / protected patterns; `[]` when they are not known. */
export function getMatchPaths(route: RouteRegistration): string[] {
  if (route.fullPath !== undefined) return [route.fullPath];
  if (route.path !== undefined) return [route.path.startsWith("/") ? route.path : `/${route.path}`];
  const node = getPathNode(route);
  if (node?.type === AST_NODE_TYPES.TemplateLiteral) {
    // `${API_PREFIX}/auth/login`: the prefix is unknown, the rest is what the route is.
    const pieces = node.quasis.map((quasi, i) =>
      i === 0 ? (quasi.value.cooked ?? "") : `:param${quasi.value.cooked ?? ""}`,
    );
    const path =
      node.quasis[0]?.value.cooked === ""
        ? pieces
            .slice(1)
            .join("")
            .replace(/^:param/u, "")
        : pieces.join("");
    return [path.startsWith("/") ? path : `/${path}`];
  }
  if (node?.type === AST_NODE_TYPES.ArrayExpression) {
    const paths = node.elements.map((element) => getStaticString(element));
    if (paths.every((path): path is string => path !== undefined)) return paths;
  }
  return [];
}

/** The route's methods (`ALL` when it takes any), as a report names them: `GET|HEAD`. */
export function getMethodsLabel(route: RouteRegistration): string {
  return route.methods.length > 0 ? route.methods.join("|") : "ALL";
}

/**
 * The route's path as this file shows it: the full path, the path as written, the listed paths of an
 * array, or the source of a dynamic path (`${API}/login`).
 */
export function getPathLabel(sourceCode: Readonly<TSESLint.SourceCode>, route: RouteRegistration): string {
  const pathNode = getPathNode(route);
  const listed = pathNode?.type === AST_NODE_TYPES.ArrayExpression ? getMatchPaths(route) : [];
  return (
    route.fullPath ??
    route.path ??
    (listed.length > 0 ? listed.join(", ") : pathNode ? sourceCode.getText(pathNode) : "(dynamic path)")
  );
}

/** `GET /users/:id`: the route's methods and its path as this file shows it. */
export function getRouteLabel(sourceCode: Readonly<TSESLint.SourceCode>, route: RouteRegistration): string {
  return `${getMethodsLabel(route)} ${getPathLabel(sourceCode, route)}`;
}
