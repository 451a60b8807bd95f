import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getFunctionFromExpression } from "./get-function-from-expression.js";
import { getNextRouteFile } from "./get-next-route-file.js";
import { getRouteRegistration, ROUTE_CALL_SELECTOR } from "./get-route-registration.js";
import { joinPaths } from "./get-receiver.js";
import { getStaticString } from "./get-static-string.js";
import type { HttpMethod, RouteRegistration, RuleContext } from "./types.js";

const NEXT_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

const NEST_ROUTE_DECORATORS: ReadonlyMap<string, HttpMethod> = new Map([
  ["Get", "GET"],
  ["Post", "POST"],
  ["Put", "PUT"],
  ["Patch", "PATCH"],
  ["Delete", "DELETE"],
  ["Head", "HEAD"],
  ["Options", "OPTIONS"],
  ["All", "ALL"],
]);

export function getDecoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression = decorator.expression;
  const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier) {
    return callee.property.name;
  }
  return undefined;
}

function getDecoratorPath(decorator: TSESTree.Decorator): string | undefined {
  const expression = decorator.expression;
  if (expression.type !== AST_NODE_TYPES.CallExpression) return "";
  const first = expression.arguments[0];
  if (!first) return "";
  const direct = getStaticString(first);
  if (direct !== undefined) return direct;
  if (first.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of first.properties) {
      if (
        property.type === AST_NODE_TYPES.Property &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        property.key.name === "path"
      ) {
        return getStaticString(property.value);
      }
    }
    return "";
  }
  return undefined;
}

/**
 * The methods a Pages API handler answers, when it says: the keys of a method map handed to a wrapper
 * (`apiHandler({ get: getUsers, post: createUser })`), or the methods it compares `req.method` with when
 * it answers others with a 405. `["ALL"]` otherwise.
 */
function getPagesMethods(context: RuleContext, declaration: TSESTree.Node): HttpMethod[] {
  if (declaration.type === AST_NODE_TYPES.CallExpression) {
    const [map] = declaration.arguments;
    if (map?.type === AST_NODE_TYPES.ObjectExpression && map.properties.length > 0) {
      const methods = map.properties.map((property) =>
        property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier
          ? property.key.name.toUpperCase()
          : "",
      );
      if (methods.every((method) => NEXT_METHODS.has(method))) return methods as HttpMethod[];
    }
    return ["ALL"];
  }
  const fn = getFunctionFromExpression(context, declaration);
  if (!fn) return ["ALL"];
  const text = context.sourceCode.getText(fn.body);
  if (!/\b405\b/u.test(text)) return ["ALL"];
  // In the order the handler names them, whichever way it does.
  const named: { index: number; method: string }[] = [];
  for (const match of text.matchAll(PAGES_METHOD_TEST))
    named.push({ index: match.index, method: (match[1] ?? match[2] ?? match[3])! });
  for (const match of text.matchAll(PAGES_METHOD_LIST)) {
    for (const listed of match[1]!.matchAll(/["'`](\w+)["'`]/gu))
      named.push({ index: match.index + listed.index, method: listed[1]! });
  }
  named.sort((a, b) => a.index - b.index);
  const methods = new Set<HttpMethod>();
  for (const { method } of named) {
    if (NEXT_METHODS.has(method.toUpperCase())) methods.add(method.toUpperCase() as HttpMethod);
  }
  return methods.size > 0 ? [...methods] : ["ALL"];
}

/** `req.method === "GET"`, `"POST" === req.method`, `case "DELETE":` (in a `switch (req.method)`). */
const PAGES_METHOD_TEST =
  /\.method\s*[!=]==?\s*["'`](\w+)["'`]|["'`](\w+)["'`]\s*[!=]==?\s*\w+\.method\b|\bcase\s+["'`](\w+)["'`]\s*:/gu;
/** `["GET", "DELETE"].includes(req.method)`. */
const PAGES_METHOD_LIST = /\[([^\]]*)\]\s*\.includes\(\s*\w+\??\.method\s*\)/gu;

function nextRoute(
  context: RuleContext,
  node: TSESTree.Node,
  reportNode: TSESTree.Node,
  methods: HttpMethod[],
  path: string,
  handler: TSESTree.Node | undefined,
): RouteRegistration {
  return {
    framework: "next",
    node,
    reportNode,
    methods,
    path,
    fullPath: path,
    receiver: undefined,
    chain: handler ? [handler] : [],
    handler,
    handlerFunction: getFunctionFromExpression(context, handler),
    options: undefined,
  };
}

function getNextRoutes(context: RuleContext, program: TSESTree.Program): RouteRegistration[] {
  const file = getNextRouteFile(context.filename);
  if (!file) return [];
  const routes: RouteRegistration[] = [];
  for (const statement of program.body) {
    if (file.router === "pages") {
      if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
        const declaration = statement.declaration;
        routes.push(
          nextRoute(
            context,
            statement,
            declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id ? declaration.id : statement,
            getPagesMethods(context, declaration),
            file.path,
            declaration,
          ),
        );
      }
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const declaration = statement.declaration;
    if (
      declaration?.type === AST_NODE_TYPES.FunctionDeclaration &&
      declaration.id &&
      NEXT_METHODS.has(declaration.id.name)
    ) {
      routes.push(
        nextRoute(context, statement, declaration.id, [declaration.id.name as HttpMethod], file.path, declaration),
      );
    } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && NEXT_METHODS.has(declarator.id.name)) {
          routes.push(
            nextRoute(
              context,
              statement,
              declarator.id,
              [declarator.id.name as HttpMethod],
              file.path,
              declarator.init ?? undefined,
            ),
          );
        }
      }
    } else if (!declaration && !statement.source) {
      // `export { handler as GET, handler as POST }`
      for (const specifier of statement.specifiers) {
        const exported =
          specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
        if (NEXT_METHODS.has(exported)) {
          routes.push(
            nextRoute(context, statement, specifier.exported, [exported as HttpMethod], file.path, specifier.local),
          );
        }
      }
    }
  }
  return routes;
}

function getNestRoutesOfClass(
  context: RuleContext,
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
): RouteRegistration[] {
  // espree (the default parser for .js files) leaves `decorators` out of its nodes.
  const controller = (classNode.decorators ?? []).find((d) => getDecoratorName(d) === "Controller");
  if (!controller) return [];
  const prefix = getDecoratorPath(controller);
  const routes: RouteRegistration[] = [];
  for (const member of classNode.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== "method") continue;
    const method = member.value;
    if (method.type !== AST_NODE_TYPES.FunctionExpression) continue;
    for (const decorator of member.decorators ?? []) {
      const name = getDecoratorName(decorator);
      const httpMethod = name === undefined ? undefined : NEST_ROUTE_DECORATORS.get(name);
      if (!httpMethod) continue;
      const path = getDecoratorPath(decorator);
      routes.push({
        framework: "nest",
        node: member,
        reportNode: decorator,
        methods: [httpMethod],
        path,
        fullPath: path === undefined || prefix === undefined ? undefined : joinPaths(joinPaths("", prefix), path),
        receiver: undefined,
        chain: [method],
        handler: method,
        handlerFunction: method,
        options: undefined,
      });
    }
  }
  return routes;
}

const cache = new WeakMap<TSESTree.Program, RouteRegistration[]>();

/**
 * Routes a file declares by its shape rather than by calls: Next.js route handlers (from the file
 * path and its exports) and NestJS controller methods. Computed once per file from top-level statements.
 */
export function getDeclaredRoutes(context: RuleContext): RouteRegistration[] {
  const program = context.sourceCode.ast;
  const cached = cache.get(program);
  if (cached) return cached;
  const routes = getNextRoutes(context, program);
  // A Nest controller is a class decorated `@Controller(...)`: without the word there is none, and the
  // text is far cheaper to scan than the statements are to walk.
  const mayDeclareController = context.sourceCode.text.includes("Controller");
  for (const statement of mayDeclareController ? program.body : []) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (declaration?.type === AST_NODE_TYPES.ClassDeclaration && (declaration.decorators?.length ?? 0) > 0) {
      routes.push(...getNestRoutesOfClass(context, declaration));
    }
  }
  cache.set(program, routes);
  return routes;
}

/**
 * Listeners that collect every route of the file: registration calls as ESLint meets them, then Next.js
 * route handlers and Nest controller methods. `onRoutes` gets them all, in that order, at the end.
 */
export function collectFileRoutes(
  context: RuleContext,
  onRoutes: (routes: RouteRegistration[]) => void,
): TSESLint.RuleListener {
  const routes: RouteRegistration[] = [];
  const onRouteCall = (node: TSESTree.CallExpression): void => {
    const route = getRouteRegistration(context, node);
    if (route) routes.push(route);
  };
  return {
    [ROUTE_CALL_SELECTOR]: onRouteCall,
    "Program:exit"() {
      routes.push(...getDeclaredRoutes(context));
      onRoutes(routes);
    },
  };
}
