import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getFrameworkImports, type FrameworkImports } from "./get-framework-imports.js";
import { getStaticString } from "./get-static-string.js";
import type { Framework, Receiver, RuleContext } from "./types.js";
import { getUnwrappedExpression } from "../utils/get-unwrapped-expression.js";

/** Names that, with an unmistakable call shape, are taken to be an app or router defined elsewhere. */
const RECEIVER_NAME =
  /^(?:app|api|router|routes|route|server|fastify|instance|v1|v2|admin)$|(?:App|Api|Router|Routes|Server)$/u;

export function isReceiverLikeName(name: string): boolean {
  return RECEIVER_NAME.test(name);
}

const unwrap = (node: TSESTree.Node): TSESTree.Node => getUnwrappedExpression(node, { await: true });

function isRequireOf(node: TSESTree.Node, sources: readonly string[]): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === "require" &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    sources.includes(String(node.arguments[0].value))
  );
}

function getPrefixOption(args: readonly TSESTree.CallExpressionArgument[]): string | undefined {
  const options = args[0];
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of options.properties) {
    if (
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      property.key.name === "prefix"
    ) {
      return getStaticString(property.value);
    }
  }
  return undefined;
}

type Created = Pick<Receiver, "framework" | "kind" | "prefix">;

/** What `express()`, `Router()`, `Fastify()`, `new Hono()`, `new Koa()`, `new Router()` create. */
export function getCreatedReceiver(expression: TSESTree.Node, imports: FrameworkImports): Created | undefined {
  const node = unwrap(expression);
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (imports.expressFactory.has(callee.name)) return { framework: "express", kind: "app", prefix: undefined };
      if (imports.expressRouter.has(callee.name)) return { framework: "express", kind: "router", prefix: undefined };
      if (imports.fastifyFactory.has(callee.name)) return { framework: "fastify", kind: "app", prefix: undefined };
      if (imports.koaRouterClass.has(callee.name)) {
        return { framework: "koa", kind: "router", prefix: getPrefixOption(node.arguments) };
      }
      return undefined;
    }
    if (isRequireOf(callee, ["express"])) return { framework: "express", kind: "app", prefix: undefined };
    if (isRequireOf(callee, ["fastify"])) return { framework: "fastify", kind: "app", prefix: undefined };
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier) {
      const object = unwrap(callee.object);
      const property = callee.property.name;
      if (property === "Router") {
        if (
          (object.type === AST_NODE_TYPES.Identifier && imports.expressFactory.has(object.name)) ||
          isRequireOf(object, ["express"])
        ) {
          return { framework: "express", kind: "router", prefix: undefined };
        }
      }
      // `new Hono().basePath("/api")`
      if (property === "basePath") {
        const base = getCreatedReceiver(object, imports);
        if (base?.framework === "hono") {
          const path = getStaticString(node.arguments[0]);
          return { ...base, prefix: path === undefined ? undefined : joinPaths(base.prefix, path) };
        }
      }
    }
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.NewExpression) {
    const callee = unwrap(node.callee);
    const name =
      callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier
          ? callee.property.name
          : undefined;
    if (name === undefined) return undefined;
    if (imports.honoClass.has(name)) return { framework: "hono", kind: "app", prefix: undefined };
    if (imports.koaClass.has(name)) return { framework: "koa", kind: "app", prefix: undefined };
    if (imports.koaRouterClass.has(name))
      return { framework: "koa", kind: "router", prefix: getPrefixOption(node.arguments) };
    if (isRequireOf(callee, ["koa"])) return { framework: "koa", kind: "app", prefix: undefined };
    if (isRequireOf(callee, ["@koa/router", "koa-router"])) {
      return { framework: "koa", kind: "router", prefix: getPrefixOption(node.arguments) };
    }
  }
  return undefined;
}

/** Joins route path pieces the way routers do: one `/` between segments, always a leading `/`. */
export function joinPaths(prefix: string | undefined, path: string): string {
  const segments = `${prefix ?? ""}/${path}`.split("/").filter((segment) => segment !== "");
  return `/${segments.join("/")}`;
}

const TYPE_FRAMEWORK: Readonly<Record<string, Framework>> = {
  FastifyInstance: "fastify",
  FastifyPluginAsync: "fastify",
  FastifyPluginCallback: "fastify",
  Hono: "hono",
  Router: "express",
  Express: "express",
  Application: "express",
};

function getTypeName(param: TSESTree.Parameter): string | undefined {
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (!("typeAnnotation" in target) || !target.typeAnnotation) return undefined;
  const type = target.typeAnnotation.typeAnnotation;
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const name = type.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return name.right.name;
  return undefined;
}

function isRegisterArgument(node: TSESTree.Node, imports: FrameworkImports): boolean {
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== node) return false;
  const callee = parent.callee;
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === "register"
  ) {
    return true;
  }
  return (
    callee.type === AST_NODE_TYPES.Identifier &&
    imports.fastifyPlugin.has(callee.name) &&
    isRegisterArgument(parent, imports)
  );
}

/**
 * Is `fn` a Fastify plugin: passed to `register` (inline or by name), wrapped in `fastify-plugin`, or
 * typed as one? `context` lets a named function be followed to where it is registered.
 */
export function isFastifyPluginFunction(fn: TSESTree.Node, imports: FrameworkImports, context?: RuleContext): boolean {
  const parent = fn.parent;
  if (!parent) return false;
  if (context && imports.frameworks.has("fastify")) {
    const binding =
      fn.type === AST_NODE_TYPES.FunctionDeclaration
        ? fn
        : parent.type === AST_NODE_TYPES.VariableDeclarator
          ? parent
          : undefined;
    const variable = binding && context.sourceCode.getDeclaredVariables(binding)[0];
    if (variable?.references.some((ref) => !ref.init && isRegisterArgument(ref.identifier, imports))) return true;
  }
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === fn) {
    const callee = parent.callee;
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.property.type === AST_NODE_TYPES.Identifier &&
      callee.property.name === "register"
    ) {
      return true;
    }
    if (callee.type === AST_NODE_TYPES.Identifier && imports.fastifyPlugin.has(callee.name)) return true;
  }
  if (
    (fn.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      fn.type === AST_NODE_TYPES.FunctionExpression ||
      fn.type === AST_NODE_TYPES.FunctionDeclaration) &&
    fn.params[0] &&
    imports.frameworks.has("fastify") &&
    (getTypeName(fn.params[0]) === "FastifyInstance" ||
      parent.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression))
  ) {
    return true;
  }
  // `const plugin: FastifyPluginAsync = async (fastify) => {}`
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    const annotation = parent.id.typeAnnotation?.typeAnnotation;
    if (
      annotation?.type === AST_NODE_TYPES.TSTypeReference &&
      annotation.typeName.type === AST_NODE_TYPES.Identifier &&
      /^FastifyPlugin/u.test(annotation.typeName.name)
    ) {
      return true;
    }
  }
  return false;
}

function fromVariable(
  context: RuleContext,
  variable: TSESLint.Scope.Variable,
  imports: FrameworkImports,
): Omit<Receiver, "name"> | undefined {
  const definition = variable.defs[0];
  if (!definition) return undefined;
  const declaration = definition.node as TSESTree.Node;
  if (definition.type === "Variable" && declaration.type === AST_NODE_TYPES.VariableDeclarator && declaration.init) {
    const created = getCreatedReceiver(declaration.init, imports);
    if (created) return { ...created, origin: "created", declaration };
    // `const app = fastify.withTypeProvider<ZodTypeProvider>()`: the same instance, typed.
    const init = getUnwrappedExpression(declaration.init);
    if (
      init.type === AST_NODE_TYPES.CallExpression &&
      init.callee.type === AST_NODE_TYPES.MemberExpression &&
      init.callee.property.type === AST_NODE_TYPES.Identifier &&
      init.callee.property.name === "withTypeProvider" &&
      init.callee.object.type === AST_NODE_TYPES.Identifier
    ) {
      const instance = ASTUtils.findVariable(context.sourceCode.getScope(declaration), init.callee.object);
      return instance && instance !== variable ? fromVariable(context, instance, imports) : undefined;
    }
    return undefined;
  }
  if (definition.type === "Parameter") {
    const fn = declaration as TSESTree.Node;
    const param = definition.name.parent as TSESTree.Parameter | undefined;
    if (
      (fn.type === AST_NODE_TYPES.ArrowFunctionExpression ||
        fn.type === AST_NODE_TYPES.FunctionExpression ||
        fn.type === AST_NODE_TYPES.FunctionDeclaration) &&
      fn.params[0] === definition.name &&
      isFastifyPluginFunction(fn, imports, context)
    ) {
      return {
        framework: "fastify",
        kind: "plugin",
        origin: "plugin",
        declaration: definition.name,
        prefix: undefined,
      };
    }
    const typeName = param ? getTypeName(definition.name as TSESTree.Parameter) : undefined;
    const typed = typeName === undefined ? undefined : TYPE_FRAMEWORK[typeName];
    if (typed && imports.frameworks.has(typed)) {
      return {
        framework: typed,
        kind: typed === "fastify" ? "plugin" : "router",
        origin: "plugin",
        declaration: definition.name,
        prefix: undefined,
      };
    }
  }
  return undefined;
}

const receiverCache = new WeakMap<TSESLint.Scope.Variable, Receiver | null>();

function getSoleServerFramework(imports: FrameworkImports): Framework | undefined {
  const server = [...imports.frameworks].filter((f) => f !== "next" && f !== "nest");
  return server.length === 1 ? server[0] : undefined;
}

/**
 * Recognises the object of `X.get(...)` / `X.use(...)`: by how it was created in this file, as a
 * Fastify plugin's instance, or — only when `allowByName` — by a conventional name (`app`, `router`,
 * `userRouter`…) for objects created in another file.
 */
/** The declarator a call chain starting at `node` is the initial value of: `const app = new Hono().get(…)`. */
function getChainBinding(node: TSESTree.Node): TSESTree.VariableDeclarator | undefined {
  let current: TSESTree.Node = node;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === current) current = parent;
    else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === current) current = parent;
    else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current) return parent;
    else return undefined;
  }
}

export function getReceiver(
  context: RuleContext,
  expression: TSESTree.Node,
  allowByName: boolean,
): Receiver | undefined {
  const node = unwrap(expression);
  const imports = getFrameworkImports(context.sourceCode);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
    if (variable) {
      let receiver = receiverCache.get(variable);
      if (receiver === undefined) {
        const found = fromVariable(context, variable, imports);
        receiver = found ? { ...found, name: node.name } : null;
        receiverCache.set(variable, receiver);
      }
      if (receiver) return receiver;
    }
    if (!allowByName || !isReceiverLikeName(node.name)) return undefined;
    const definition = variable?.defs[0];
    return {
      framework: getSoleServerFramework(imports),
      kind: "unknown",
      origin: "name",
      name: node.name,
      declaration: definition ? (definition.name as TSESTree.Node) : undefined,
      prefix: undefined,
    };
  }
  const created = getCreatedReceiver(node, imports);
  if (created) {
    // `const version = new Hono().get("/", h).post(…)`: the chain's value is bound to a name.
    const binding = getChainBinding(node);
    return {
      ...created,
      origin: "created",
      name: binding?.id.type === AST_NODE_TYPES.Identifier ? binding.id.name : undefined,
      declaration: binding,
    };
  }
  // `this.app.get(...)`, `server.router.get(...)`
  if (
    allowByName &&
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    isReceiverLikeName(node.property.name)
  ) {
    return {
      framework: getSoleServerFramework(imports),
      kind: "unknown",
      origin: "name",
      name: undefined,
      declaration: undefined,
      prefix: undefined,
    };
  }
  return undefined;
}
