import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getUnwrappedExpression } from "./get-unwrapped-expression.js";

/** Words that name a debug switch: `ENABLE_LOGGING`, `DEBUG`, `verbose`, `debugMode`, `traceEnabled`. */
const SWITCH_WORDS = new Set(["logging", "debug", "debugging", "verbose", "trace", "tracing"]);
/** A flag for a development or test environment: `isDev`, `isDevelopment`, `IS_TEST`, `__DEV__`. */
const DEVELOPMENT_FLAG = /^(?:__DEV__|is_?(?:dev|development|test|testing|local)(?:_?(?:env|environment|mode))?)$/iu;
/** A flag for production: `isProduction`, `env.isProd`, `IS_PRODUCTION`. */
const PRODUCTION_FLAG = /^is_?(?:prod|production)(?:_?(?:env|environment|mode))?$/iu;
/** What holds the environment's name: `process.env.NODE_ENV`, `env.ENVIRONMENT`, `config.env`, `APP_MODE`. */
const ENVIRONMENT_NAME = /(?:^|_)(?:env|environment|mode|stage)$/iu;
const DEVELOPMENT_ENVIRONMENTS = new Set(["development", "dev", "test", "testing", "local"]);
const PRODUCTION_ENVIRONMENTS = new Set(["production", "prod"]);

type Scope = TSESLint.Scope.Scope;

function getWords(name: string): string[] {
  return name
    .replaceAll(/([a-z0-9])([A-Z])/gu, "$1_$2")
    .toLowerCase()
    .split(/[_$]+/u)
    .filter(Boolean);
}

function getName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier
  )
    return node.property.name;
  return undefined;
}

/** A literal that turns a switch on: `true`, `1`, `"yes"`. A switch set to `false`, `0`, `""` or `null` is off. */
function isOnLiteral(node: TSESTree.Node | null | undefined): boolean {
  if (node?.type !== AST_NODE_TYPES.Literal) return false;
  return Boolean(node.value);
}

/** The class a `this.X` or `Class.X` reads from, when this file declares it. */
function getDeclaredClass(
  object: TSESTree.Node,
  scope: Scope,
): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    for (let current: TSESTree.Node | undefined = object.parent; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression)
        return current;
    }
    return undefined;
  }
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = ASTUtils.findVariable(scope, object)?.defs[0];
  return definition?.type === "ClassName"
    ? (definition.node as TSESTree.ClassDeclaration | TSESTree.ClassExpression)
    : undefined;
}

/**
 * Whether a debug switch is on where this file shows its value: `const DEBUG = true`, a class property
 * `static ENABLE_LOGGING = true`. A switch declared elsewhere (imported, inherited, a parameter, an
 * option) or computed (`process.env.DEBUG === "1"`) is an opt-in the file cannot see turned on.
 */
function isSwitchOn(node: TSESTree.Identifier | TSESTree.MemberExpression, scope: Scope): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) {
    const definition = ASTUtils.findVariable(scope, node)?.defs[0];
    return definition?.type === "Variable" && definition.parent.kind === "const" && isOnLiteral(definition.node.init);
  }
  const name = getName(node);
  const owner = getDeclaredClass(node.object, scope);
  const property = owner?.body.body.find(
    (member): member is TSESTree.PropertyDefinition =>
      member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed && getName(member.key) === name,
  );
  return isOnLiteral(property?.value);
}

function isEnvironmentRead(node: TSESTree.Node): boolean {
  const name = getName(node);
  return name !== undefined && ENVIRONMENT_NAME.test(name);
}

/**
 * Whether `test` holds exactly when running outside production (`expected` true) or exactly when in
 * production (`expected` false), by a debug switch or an environment comparison. Without a `scope`
 * (another file's tree, read for its facts) a debug switch cannot be looked up and does not count.
 */
function isDevelopmentTest(test: TSESTree.Node, expected: boolean, scope: Scope | undefined): boolean {
  const node = getUnwrappedExpression(test, { chain: true });
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === "!" && isDevelopmentTest(node.argument, !expected, scope);
    case AST_NODE_TYPES.LogicalExpression:
      // `DEBUG && verbose` holds only when `DEBUG` does; `isProd || x` fails only when `isProd` does.
      if (node.operator === "&&")
        return expected
          ? isDevelopmentTest(node.left, true, scope) || isDevelopmentTest(node.right, true, scope)
          : false;
      if (node.operator === "||")
        return expected
          ? false
          : isDevelopmentTest(node.left, false, scope) || isDevelopmentTest(node.right, false, scope);
      return false;
    case AST_NODE_TYPES.BinaryExpression: {
      const equal = node.operator === "===" || node.operator === "==";
      if (!equal && node.operator !== "!==" && node.operator !== "!=") return false;
      const [literal, other] =
        node.right.type === AST_NODE_TYPES.Literal ? [node.right, node.left] : [node.left, node.right];
      if (
        literal.type !== AST_NODE_TYPES.Literal ||
        typeof literal.value !== "string" ||
        !isEnvironmentRead(getUnwrappedExpression(other, { chain: true }))
      )
        return false;
      const value = literal.value.toLowerCase();
      // `=== "test"` and `!== "production"` hold outside production; `=== "production"` fails there.
      if (equal === expected) return DEVELOPMENT_ENVIRONMENTS.has(value);
      return PRODUCTION_ENVIRONMENTS.has(value);
    }
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const name = getName(node);
      if (name === undefined) return false;
      if (!expected) return PRODUCTION_FLAG.test(name);
      if (DEVELOPMENT_FLAG.test(name)) return true;
      return scope !== undefined && getWords(name).some((word) => SWITCH_WORDS.has(word)) && !isSwitchOn(node, scope);
    }
    default:
      return false;
  }
}

/**
 * Whether `node` only runs behind a development guard: a debug switch that is off where the file
 * shows it (`if (PortfolioCalculator.ENABLE_LOGGING)`, `DEBUG && …`) or a test of the environment
 * (`if (env.ENVIRONMENT === "test")`, the `else` of `if (NODE_ENV === "production")` or of
 * `if (env.isProduction)`). Such a print is a
 * deliberate development trace, not a leftover.
 */
export function isDebugGuarded(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    let test: TSESTree.Node | undefined;
    let expected = true;
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      if (child === parent.test) continue;
      test = parent.test;
      expected = child === parent.consequent;
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right && parent.operator !== "??") {
      test = parent.left;
      expected = parent.operator === "&&";
    }
    if (test && isDevelopmentTest(test, expected, sourceCode.getScope(test))) return true;
  }
  return false;
}

/**
 * Whether a branch runs only outside production by an environment comparison or flag
 * (`env.ENVIRONMENT === "test"`, `NODE_ENV !== "production"`, `isDev`): `consequent` for the branch taken
 * when `test` holds, else the `else` branch. For trees without scopes, such as another file's.
 */
export function isDevelopmentBranch(test: TSESTree.Node, consequent: boolean): boolean {
  return isDevelopmentTest(test, consequent, undefined);
}

/**
 * Whether `node` sits in an `if` branch that runs only outside production by an environment test
 * (see {@link isDevelopmentBranch}); unlike {@link isDebugGuarded}, a debug switch does not count.
 */
export function isInDevelopmentBranch(node: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test)
      if (isDevelopmentBranch(parent.test, child === parent.consequent)) return true;
  }
  return false;
}
