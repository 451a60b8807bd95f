import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getMemberName, getStaticString } from "../frameworks/get-static-string.js";

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Where an environment variable is read from. `Bun.env` is the same object as `process.env`. */
export type EnvSource = "process.env" | "import.meta.env" | "Bun.env" | "Deno.env";

/** One read of a named environment variable. */
export interface EnvRead {
  /** The variable's name, e.g. `"JWT_SECRET"`. Only reads with a static name are reads. */
  name: string;
  /** The read itself: `process.env.X`, `process.env["X"]`, `import.meta.env.X`, `Bun.env.X` or `Deno.env.get("X")`. */
  node: TSESTree.MemberExpression | TSESTree.CallExpression;
  /**
   * The expression that stands for the value in its parent: `node`, or the `ChainExpression` around it
   * (`process.env?.X`). Walk up from here to find what the value is combined with (`||`, `??`, `? :`).
   */
  expression: TSESTree.Expression;
  source: EnvSource;
}

/** One variable destructured from an environment object: `const { X = "v", Y: y } = process.env`. */
export interface DestructuredEnvRead {
  name: string;
  /** The pattern property (`X = "v"`, `Y: y`). */
  property: TSESTree.Property;
  /** The binding it creates (`X`, `y`); `undefined` for nested patterns. */
  binding: TSESTree.Identifier | undefined;
  /** The destructuring default (`"v"`), if any. */
  defaultValue: TSESTree.Expression | undefined;
  source: EnvSource;
}

const PROCESS_MODULES = new Set(["process", "node:process"]);

function isRequireOf(node: TSESTree.Node | null | undefined, modules: ReadonlySet<string>): boolean {
  return (
    node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === "require" &&
    modules.has(getStaticString(node.arguments[0]) ?? "")
  );
}

function findVariable(context: Context, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
}

/**
 * Whether `identifier` is the runtime global `name` (`process`, `Bun`, `Deno`): not declared in the file,
 * or, for `process`, imported / required from `node:process`.
 */
function isGlobalObject(context: Context, identifier: TSESTree.Identifier, name: string): boolean {
  if (identifier.name !== name) return false;
  const variable = findVariable(context, identifier);
  if (!variable || variable.defs.length === 0) return true;
  if (name !== "process" || variable.defs.length !== 1) return false;
  const definition = variable.defs[0];
  if (definition?.type === "ImportBinding") {
    const declaration = definition.parent as TSESTree.ImportDeclaration | null;
    return (
      PROCESS_MODULES.has(declaration?.source.value ?? "") && definition.node.type !== AST_NODE_TYPES.ImportSpecifier
    );
  }
  return (
    definition?.node.type === AST_NODE_TYPES.VariableDeclarator &&
    definition.node.id.type === AST_NODE_TYPES.Identifier &&
    isRequireOf(definition.node.init, PROCESS_MODULES)
  );
}

/** An identifier that is a `const` alias of an environment object: `const env = process.env`, `const { env } = process`, `import { env } from "node:process"`. */
function getAliasSource(context: Context, identifier: TSESTree.Identifier, depth: number): EnvSource | undefined {
  const variable = findVariable(context, identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0];
  if (!definition) return undefined;
  if (definition.type === "ImportBinding") {
    const declaration = definition.parent as TSESTree.ImportDeclaration | null;
    const specifier = definition.node;
    return PROCESS_MODULES.has(declaration?.source.value ?? "") &&
      specifier.type === AST_NODE_TYPES.ImportSpecifier &&
      specifier.imported.type === AST_NODE_TYPES.Identifier &&
      specifier.imported.name === "env"
      ? "process.env"
      : undefined;
  }
  const declarator = definition.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.parent.kind !== "const" || !declarator.init)
    return undefined;
  if (declarator.id.type === AST_NODE_TYPES.Identifier)
    return getEnvObjectSourceAt(context, declarator.init, depth + 1);
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  // `const { env } = process` / `const { env } = require("node:process")`
  const declared = definition.name;
  const property = declared.parent;
  if (
    property.type !== AST_NODE_TYPES.Property ||
    property.value !== declared ||
    property.parent !== declarator.id ||
    property.computed ||
    property.key.type !== AST_NODE_TYPES.Identifier ||
    property.key.name !== "env"
  ) {
    return undefined;
  }
  const init = declarator.init;
  if (isRequireOf(init, PROCESS_MODULES)) return "process.env";
  if (init.type === AST_NODE_TYPES.Identifier) {
    if (isGlobalObject(context, init, "process")) return "process.env";
    if (isGlobalObject(context, init, "Bun")) return "Bun.env";
  }
  return undefined;
}

function getEnvObjectSourceAt(context: Context, node: TSESTree.Node, depth: number): EnvSource | undefined {
  if (depth > 2) return undefined;
  if (node.type === AST_NODE_TYPES.Identifier) {
    // Cheap name filter before any scope lookup.
    return /env/iu.test(node.name) ? getAliasSource(context, node, depth) : undefined;
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression || getMemberName(node) !== "env") return undefined;
  const object = node.object;
  if (object.type === AST_NODE_TYPES.MetaProperty) {
    return object.meta.name === "import" && object.property.name === "meta" ? "import.meta.env" : undefined;
  }
  if (object.type === AST_NODE_TYPES.Identifier) {
    if (isGlobalObject(context, object, "process")) return "process.env";
    if (isGlobalObject(context, object, "Bun")) return "Bun.env";
    return undefined;
  }
  // `globalThis.process.env`
  if (
    object.type === AST_NODE_TYPES.MemberExpression &&
    getMemberName(object) === "process" &&
    object.object.type === AST_NODE_TYPES.Identifier &&
    object.object.name === "globalThis"
  ) {
    return "process.env";
  }
  return undefined;
}

/**
 * Which environment object `node` is: `process.env` (also `globalThis.process.env`, `process` imported
 * from `node:process`, and `const` aliases such as `const env = process.env` or
 * `import { env } from "node:process"`), `import.meta.env` or `Bun.env`. `undefined` for anything else,
 * including a local variable that merely shadows `process`.
 */
export function getEnvObjectSource(context: Context, node: TSESTree.Node): EnvSource | undefined {
  return getEnvObjectSourceAt(context, node, 0);
}

/** `Deno.env.get("X")` → `"X"` */
function getDenoReadName(context: Context, call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || getMemberName(callee) !== "get") return undefined;
  const env = callee.object;
  if (env.type !== AST_NODE_TYPES.MemberExpression || getMemberName(env) !== "env") return undefined;
  if (env.object.type !== AST_NODE_TYPES.Identifier || !isGlobalObject(context, env.object, "Deno")) return undefined;
  return getStaticString(call.arguments[0]);
}

function getValueExpression(node: TSESTree.MemberExpression | TSESTree.CallExpression): TSESTree.Expression {
  return node.parent.type === AST_NODE_TYPES.ChainExpression ? node.parent : node;
}

/**
 * A listener selector for the member expressions {@link getEnvRead} can accept: an `env` member
 * (`process.env.X`, `process["env"].X`, `import.meta.env.X`, `Bun.env.X`) or a name with `env` in it
 * (`env.X` on an alias). Most member expressions are neither; ESLint filters them out before a rule runs.
 */
export const ENV_MEMBER_SELECTOR = [
  "MemberExpression[object.type='MemberExpression'][object.property.name='env']",
  "MemberExpression[object.type='MemberExpression'][object.property.value='env']",
  "MemberExpression[object.type='MemberExpression'][object.property.type='TemplateLiteral']",
  "MemberExpression[object.type='Identifier'][object.name=/env/iu]",
].join(", ");

/** A listener selector for `Deno.env.get("X")`, the one call {@link getEnvRead} accepts. */
export const ENV_CALL_SELECTOR =
  "CallExpression[callee.type='MemberExpression'][callee.property.name='get'][callee.object.property.name='env']";

/**
 * The environment variable `node` reads, or `undefined`. Recognises `process.env.X`, `process.env["X"]`,
 * `` process.env[`X`] ``, `process.env?.X`, `import.meta.env.X`, `Bun.env.X`, `Deno.env.get("X")` and reads
 * through `const` aliases of those objects. A read whose name is computed at run time
 * (`process.env[key]`) is not a read of a named variable and returns `undefined`.
 *
 * Accepts the `MemberExpression` / `CallExpression` itself or a `ChainExpression` around it; the
 * checks are syntactic apart from one scope lookup, so it is cheap enough to call from a
 * `MemberExpression` listener.
 */
export function getEnvRead(context: Context, node: TSESTree.Node): EnvRead | undefined {
  const target = node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = getMemberName(target);
    if (name === undefined) return undefined;
    const source = getEnvObjectSource(context, target.object);
    return source ? { name, node: target, expression: getValueExpression(target), source } : undefined;
  }
  if (target.type === AST_NODE_TYPES.CallExpression) {
    const name = getDenoReadName(context, target);
    return name === undefined
      ? undefined
      : { name, node: target, expression: getValueExpression(target), source: "Deno.env" };
  }
  return undefined;
}

/**
 * The variables an object pattern destructures from an environment object:
 * `const { JWT_SECRET = "dev", PORT } = process.env` → `JWT_SECRET` (with its default) and `PORT`.
 * Works for declarations, assignments (`({ X = "v" } = process.env)`) and parameter defaults;
 * rest elements and computed keys without a static name are skipped.
 */
export function getDestructuredEnvReads(context: Context, pattern: TSESTree.ObjectPattern): DestructuredEnvRead[] {
  const parent = pattern.parent;
  let init: TSESTree.Node | null | undefined;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === pattern) init = parent.init;
  else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === pattern) init = parent.right;
  else if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === pattern) init = parent.right;
  if (!init) return [];
  const source = getEnvObjectSource(context, init);
  if (!source) return [];
  const reads: DestructuredEnvRead[] = [];
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = property.computed
      ? getStaticString(property.key)
      : property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : getStaticString(property.key);
    if (name === undefined) continue;
    const value = property.value;
    const target = value.type === AST_NODE_TYPES.AssignmentPattern ? value.left : value;
    reads.push({
      name,
      property,
      binding: target.type === AST_NODE_TYPES.Identifier ? target : undefined,
      defaultValue: value.type === AST_NODE_TYPES.AssignmentPattern ? value.right : undefined,
      source,
    });
  }
  return reads;
}
