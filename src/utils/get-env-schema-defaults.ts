import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getStaticString } from "../frameworks/get-static-string.js";
import { getEnvObjectSource } from "./get-env-read.js";
import { toConstantCase } from "./is-secret-name.js";

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A default declared for a variable in an environment schema. */
export interface EnvSchemaDefault {
  /** The variable (the schema key), e.g. `"JWT_SECRET"`. */
  name: string;
  /** The schema entry `JWT_SECRET: z.string().default("dev")`. */
  property: TSESTree.Property;
  /** The default value (`"dev"`). */
  value: TSESTree.Node;
  /**
   * `option`: envalid's `str({ default: "dev" })` (the `default` property is `removable`);
   * `method`: a `.default("dev")` / `.catch("dev")` call in a zod (or Joi) chain (the `.default(...)` call is `removable`).
   */
  style: "option" | "method";
  /** The node a fix removes to make the variable required: the `default` property or the `.default(...)` call. */
  removable: TSESTree.Property | TSESTree.CallExpression;
  /** The chain makes the value optional too (`.optional().default(v)`): removing the default alone would not require it. */
  optional: boolean;
}

const PARSE_METHODS = new Set(["parse", "safeParse", "parseAsync", "safeParseAsync", "validate", "validateAsync"]);
const SCHEMA_WRAPPERS = new Set([
  "strict",
  "passthrough",
  "strip",
  "extend",
  "merge",
  "pick",
  "omit",
  "partial",
  "required",
  "unknown",
  "options",
  "prefs",
]);
const OPTIONAL_METHODS = new Set(["optional", "nullish", "nullable", "allow", "empty"]);
const T3_ENV_GROUPS = new Set(["server", "client", "shared", "env"]);

function getPropertyName(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return getStaticString(property.key);
}

function getCalleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier
  ) {
    return callee.property.name;
  }
  return undefined;
}

function isEnvName(name: string): boolean {
  return /(?:^|_)(?:ENV|ENVIRONMENT|ENVS)(?:_|$)/u.test(toConstantCase(name));
}

/**
 * Whether the `.object(...)` call is an environment schema: parsed against an env object
 * (`z.object({...}).parse(process.env)`), or held in a variable named for the environment
 * (`const envSchema = z.object({...})`, `const Env = Joi.object({...})`).
 */
function isEnvSchemaCall(context: Context, call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === node &&
      parent.parent.type === AST_NODE_TYPES.CallExpression
    ) {
      const method = getCalleeName(parent);
      if (method && PARSE_METHODS.has(method)) {
        const argument = parent.parent.arguments[0];
        return argument !== undefined && getEnvObjectSource(context, argument) !== undefined;
      }
      if (method && SCHEMA_WRAPPERS.has(method)) {
        node = parent.parent;
        continue;
      }
      return false;
    }
    if (
      parent?.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === node &&
      parent.id.type === AST_NODE_TYPES.Identifier
    ) {
      return isEnvName(parent.id.name);
    }
    if (parent?.type === AST_NODE_TYPES.TSAsExpression || parent?.type === AST_NODE_TYPES.TSSatisfiesExpression) {
      node = parent;
      continue;
    }
    return false;
  }
}

/** `.default(v)` / `.catch(v)` in the method chain of a schema entry. */
function getMethodDefault(
  value: TSESTree.Node,
): { call: TSESTree.CallExpression; value: TSESTree.Node; optional: boolean } | undefined {
  let found: { call: TSESTree.CallExpression; value: TSESTree.Node } | undefined;
  let optional = false;
  let node: TSESTree.Node = value;
  while (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = getCalleeName(node.callee);
    const argument = node.arguments[0];
    if (
      (method === "default" || method === "catch") &&
      argument &&
      argument.type !== AST_NODE_TYPES.SpreadElement &&
      !found
    ) {
      found = { call: node, value: argument };
    } else if (method && OPTIONAL_METHODS.has(method)) {
      optional = true;
    }
    node = node.callee.object;
  }
  return found ? { ...found, optional } : undefined;
}

/** envalid: `str({ default: v })` (not `devDefault`, which is the right way to give a development-only value). */
function getOptionDefault(value: TSESTree.Node): { property: TSESTree.Property; value: TSESTree.Node } | undefined {
  if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const options = value.arguments[0];
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of options.properties) {
    if (property.type === AST_NODE_TYPES.Property && getPropertyName(property) === "default")
      return { property, value: property.value };
  }
  return undefined;
}

function collect(schema: TSESTree.ObjectExpression, style: "option" | "method"): EnvSchemaDefault[] {
  const defaults: EnvSchemaDefault[] = [];
  for (const property of schema.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = getPropertyName(property);
    if (name === undefined) continue;
    if (style === "option") {
      const found = getOptionDefault(property.value);
      if (found)
        defaults.push({ name, property, value: found.value, style, removable: found.property, optional: false });
    } else {
      const found = getMethodDefault(property.value);
      if (found)
        defaults.push({ name, property, value: found.value, style, removable: found.call, optional: found.optional });
    }
  }
  return defaults;
}

/**
 * The defaults an environment-schema call declares, for a `CallExpression`:
 * - envalid `cleanEnv(env, { KEY: str({ default: v }) })`;
 * - t3-env `createEnv({ server: { KEY: z.string().default(v) }, ... })`;
 * - `z.object({ KEY: z.string().default(v) })` / `Joi.object({...})` when it is an env schema
 *   (parsed against `process.env`, or held in a variable named `env…`/`…Env…`).
 * Empty for any other call; cheap name checks come first.
 */
export function getEnvSchemaDefaults(context: Context, call: TSESTree.CallExpression): EnvSchemaDefault[] {
  const name = getCalleeName(call.callee);
  if (name === "cleanEnv") {
    const schema = call.arguments[1];
    return schema?.type === AST_NODE_TYPES.ObjectExpression ? collect(schema, "option") : [];
  }
  if (name === "createEnv") {
    const options = call.arguments[0];
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) return [];
    return options.properties.flatMap((property) => {
      if (property.type !== AST_NODE_TYPES.Property || !T3_ENV_GROUPS.has(getPropertyName(property) ?? "")) return [];
      return property.value.type === AST_NODE_TYPES.ObjectExpression ? collect(property.value, "method") : [];
    });
  }
  if (name === "object" && call.callee.type === AST_NODE_TYPES.MemberExpression) {
    const schema = call.arguments[0];
    if (schema?.type !== AST_NODE_TYPES.ObjectExpression || !isEnvSchemaCall(context, call)) return [];
    return collect(schema, "method");
  }
  return [];
}
