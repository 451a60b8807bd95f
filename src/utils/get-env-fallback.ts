import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getDestructuredEnvReads, getEnvRead, type EnvRead } from "./get-env-read.js";
import { getEnvSchemaDefaults } from "./get-env-schema-defaults.js";

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** How the fallback is written. */
export type EnvFallbackOperator = "||" | "??" | "?:" | "||=" | "??=";

/** An environment read that falls back to another value when the variable is unset (or empty). */
export interface EnvFallback {
  /**
   * The env reads the fallback belongs to, in source order: one for `process.env.X || v`, several for a
   * chain of reads `process.env.A || process.env.B || v` (a fallback that is another read is followed to
   * its end), the test and the branch for `process.env.X ? process.env.X : v`.
   * A rule that listens to reads reports the fallback from `reads[0]` only.
   */
  reads: EnvRead[];
  /** The variable the value comes from last, before the fallback (`B` in `A || B || v`). */
  lastRead: EnvRead;
  /** The fallback value (`v`), TypeScript wrappers included. */
  fallback: TSESTree.Expression;
  operator: EnvFallbackOperator;
  /** The whole expression: `process.env.X || v`, the conditional, or the `||=` assignment. */
  node: TSESTree.Expression;
  /**
   * What a fix replaces with one call that requires `lastRead`, keeping the reads before it:
   * the whole `node` for a single read, `B || v` in `A || B || v`. `undefined` when the text cannot be
   * split that way (parenthesised or mixed-operator chains).
   */
  replaceRange: TSESTree.Range | undefined;
}

const TS_WRAPPERS = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSSatisfiesExpression,
]);

type Wrapper =
  TSESTree.TSAsExpression | TSESTree.TSNonNullExpression | TSESTree.TSTypeAssertion | TSESTree.TSSatisfiesExpression;

/** `(x as string)!` → `x` */
export function skipTypeWrappers(node: TSESTree.Expression): TSESTree.Expression {
  let current = node;
  while (TS_WRAPPERS.has(current.type)) current = (current as Wrapper).expression;
  return current;
}

/** The outermost TypeScript wrapper around `node` (`process.env.X as string`), or `node`. */
export function wrapUp(node: TSESTree.Expression): TSESTree.Expression {
  let current = node;
  while (current.parent && TS_WRAPPERS.has(current.parent.type) && (current.parent as Wrapper).expression === current) {
    current = current.parent as Wrapper;
  }
  return current;
}

function isFallbackLogical(node: TSESTree.Node | undefined): node is TSESTree.LogicalExpression {
  return node?.type === AST_NODE_TYPES.LogicalExpression && (node.operator === "||" || node.operator === "??");
}

/** The operands of a `||` / `??` tree, left to right: `(a || b) || c` → `[a, b, c]`. */
function flatten(node: TSESTree.Expression, out: TSESTree.Expression[]): TSESTree.Expression[] {
  const inner = skipTypeWrappers(node);
  if (isFallbackLogical(inner)) {
    flatten(inner.left, out);
    flatten(inner.right, out);
  } else {
    out.push(node);
  }
  return out;
}

function getReadOf(context: Context, node: TSESTree.Expression): EnvRead | undefined {
  const inner = skipTypeWrappers(node);
  return inner.type === AST_NODE_TYPES.MemberExpression ||
    inner.type === AST_NODE_TYPES.CallExpression ||
    inner.type === AST_NODE_TYPES.ChainExpression
    ? getEnvRead(context, inner)
    : undefined;
}

function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === "undefined")
  );
}

function isEmptyOrNullish(node: TSESTree.Node): boolean {
  return isNullish(node) || (node.type === AST_NODE_TYPES.Literal && node.value === "");
}

/** For the test of `t ? a : b`: the read it checks and whether a truthy test means "set". */
function getConditionRead(
  context: Context,
  test: TSESTree.Expression,
): { read: EnvRead; whenSet: boolean } | undefined {
  const inner = skipTypeWrappers(test);
  const direct = getReadOf(context, inner);
  if (direct) return { read: direct, whenSet: true };
  if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === "!") {
    const read = getReadOf(context, inner.argument);
    return read ? { read, whenSet: false } : undefined;
  }
  if (inner.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const negated = inner.operator === "===" || inner.operator === "==";
  if (!negated && inner.operator !== "!==" && inner.operator !== "!=") return undefined;
  const [subject, other] = isEmptyOrNullish(inner.right) ? [inner.left, inner.right] : [inner.right, inner.left];
  if (!isEmptyOrNullish(other)) return undefined;
  const read = getReadOf(context, subject);
  return read ? { read, whenSet: !negated } : undefined;
}

function sameVariable(a: EnvRead, b: EnvRead): boolean {
  return a.name === b.name && a.source === b.source;
}

function fromLogical(
  context: Context,
  sourceCode: Readonly<TSESLint.SourceCode>,
  read: EnvRead,
): EnvFallback | undefined {
  let top: TSESTree.Expression = wrapUp(read.expression);
  while (isFallbackLogical(top.parent)) top = wrapUp(top.parent);
  if (top === wrapUp(read.expression)) return undefined;
  const operands = flatten(top, []);
  const reads = operands.map((operand) => getReadOf(context, operand));
  const index = reads.findIndex((r) => r?.node === read.node);
  const last = operands.length - 1;
  if (index < 0 || index === last || reads[last]) return undefined;
  // Only a contiguous run of reads that ends right before the fallback: `config.x || process.env.A || "v"`.
  for (let i = index + 1; i < last; i++) if (!reads[i]) return undefined;
  let first = index;
  while (first > 0 && reads[first - 1]) first--;
  const runReads = reads.slice(first, last) as EnvRead[];
  const fallback = operands[last] as TSESTree.Expression;
  const lastOperand = operands[last - 1] as TSESTree.Expression;
  const operatorToken = sourceCode.getTokenBefore(fallback);
  const operator = (operatorToken?.value === "??" ? "??" : "||") as EnvFallbackOperator;

  let replaceRange: TSESTree.Range | undefined;
  const singleOperator = sourceCode.getTokensBetween(lastOperand, fallback).length === 1;
  const ownsEnd = top.range[1] === fallback.range[1];
  if (first === 0 && last === 1) {
    replaceRange = top.range;
  } else if (singleOperator && ownsEnd) {
    const before = sourceCode.getTokenBefore(lastOperand);
    if (before && (before.value === "||" || before.value === "??")) replaceRange = [lastOperand.range[0], top.range[1]];
  }
  return { reads: runReads, lastRead: runReads.at(-1) as EnvRead, fallback, operator, node: top, replaceRange };
}

function fromConditional(context: Context, read: EnvRead): EnvFallback | undefined {
  let node: TSESTree.Node = wrapUp(read.expression);
  // `!process.env.X ? v : process.env.X`, `process.env.X === undefined ? v : process.env.X`
  if (node.parent?.type === AST_NODE_TYPES.UnaryExpression || node.parent?.type === AST_NODE_TYPES.BinaryExpression)
    node = node.parent;
  const conditional = node.parent;
  if (conditional?.type !== AST_NODE_TYPES.ConditionalExpression) return undefined;
  const condition = getConditionRead(context, conditional.test);
  if (!condition) return undefined;
  const [valueBranch, fallback] = condition.whenSet
    ? [conditional.consequent, conditional.alternate]
    : [conditional.alternate, conditional.consequent];
  const valueRead = getReadOf(context, valueBranch);
  if (!valueRead || !sameVariable(valueRead, condition.read)) return undefined;
  if (read.node !== condition.read.node && read.node !== valueRead.node) return undefined;
  const reads = [condition.read, valueRead].sort((a, b) => a.node.range[0] - b.node.range[0]);
  return { reads, lastRead: valueRead, fallback, operator: "?:", node: conditional, replaceRange: conditional.range };
}

function fromAssignment(read: EnvRead): EnvFallback | undefined {
  const node = wrapUp(read.expression);
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.left !== node) return undefined;
  if (parent.operator !== "||=" && parent.operator !== "??=") return undefined;
  return {
    reads: [read],
    lastRead: read,
    fallback: parent.right,
    operator: parent.operator,
    node: parent,
    replaceRange: parent.range,
  };
}

/**
 * The fallback of an environment read: `process.env.X || v`, `process.env.X ?? v`,
 * `process.env.X ? process.env.X : v` (and `!X ? v : X`, `X !== undefined ? X : v`),
 * `process.env.X ||= v` / `??= v`. A fallback that is itself an env read is followed to the end of the
 * chain: `process.env.A || process.env.B || "v"` has the fallback `"v"` for both reads.
 * Destructuring defaults (`const { X = v } = process.env`) come from `getDestructuredEnvReads`.
 *
 * `undefined` when the read has no fallback, or the chain ends in another read.
 */
export function getEnvFallback(context: Context, read: EnvRead): EnvFallback | undefined {
  return fromLogical(context, context.sourceCode, read) ?? fromConditional(context, read) ?? fromAssignment(read);
}

/**
 * The string a fallback evaluates to when it is written in the code: a string literal, an
 * expression-free template, a `+` concatenation of those, or a `const` initialised with one.
 * `undefined` for anything computed (`crypto.randomUUID()`, `config.secret`, numbers, `null`).
 */
export function getStaticStringValue(context: Context, node: TSESTree.Node, depth = 0): string | undefined {
  if (depth > 3) return undefined;
  const inner = TS_WRAPPERS.has(node.type) ? skipTypeWrappers(node as TSESTree.Expression) : node;
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === "string" ? inner.value : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return inner.expressions.length === 0 ? (inner.quasis[0]?.value.cooked ?? undefined) : undefined;
    case AST_NODE_TYPES.BinaryExpression: {
      if (inner.operator !== "+") return undefined;
      const left = getStaticStringValue(context, inner.left, depth + 1);
      const right = left === undefined ? undefined : getStaticStringValue(context, inner.right, depth + 1);
      return left === undefined || right === undefined ? undefined : left + right;
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.parent.kind !== "const")
        return undefined;
      if (definition.node.id.type !== AST_NODE_TYPES.Identifier || !definition.node.init) return undefined;
      return getStaticStringValue(context, definition.node.init, depth + 1);
    }
    default:
      return undefined;
  }
}

function containsEnvRead(context: Context, node: TSESTree.Expression): boolean {
  if (getReadOf(context, node)) return true;
  return getConditionRead(context, node) !== undefined;
}

/** `str({ default: v })` in `cleanEnv(...)`, or `.default(v)` / `.catch(v)` in an env schema entry. */
function isSchemaDefault(context: Context, value: TSESTree.Node): boolean {
  const parent = value.parent;
  let entryValue: TSESTree.Node | undefined;
  if (
    parent?.type === AST_NODE_TYPES.Property &&
    parent.value === value &&
    parent.parent.type === AST_NODE_TYPES.ObjectExpression
  ) {
    // envalid: `KEY: str({ default: v })`
    const call = parent.parent.parent;
    if (call.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === parent.parent) entryValue = call;
  } else if (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments[0] === value &&
    parent.callee.type === AST_NODE_TYPES.MemberExpression &&
    parent.callee.property.type === AST_NODE_TYPES.Identifier &&
    (parent.callee.property.name === "default" || parent.callee.property.name === "catch")
  ) {
    // zod / Joi: climb the method chain to the entry.
    let node: TSESTree.Node = parent;
    while (
      node.parent?.type === AST_NODE_TYPES.MemberExpression &&
      node.parent.object === node &&
      node.parent.parent.type === AST_NODE_TYPES.CallExpression
    ) {
      node = node.parent.parent;
    }
    entryValue = node;
  }
  const entry = entryValue?.parent;
  if (
    entry?.type !== AST_NODE_TYPES.Property ||
    entry.value !== entryValue ||
    entry.parent.type !== AST_NODE_TYPES.ObjectExpression
  )
    return false;
  let schemaCall: TSESTree.Node | undefined = entry.parent.parent;
  // t3-env: `createEnv({ server: { KEY: ... } })`
  if (schemaCall?.type === AST_NODE_TYPES.Property) schemaCall = schemaCall.parent.parent;
  if (schemaCall?.type !== AST_NODE_TYPES.CallExpression) return false;
  return getEnvSchemaDefaults(context, schemaCall).some((d) => d.property === entry);
}

/**
 * Whether `value` (a literal, or a `+` concatenation containing it) is the fallback or default of an
 * environment read: the `v` of `process.env.X || v`, `X ? X : v`, `isProd ? process.env.X : v`,
 * `const { X = v } = process.env`, `process.env.X ??= v`, or an env-schema default. Rules about
 * hardcoded values leave these to `no-secret-env-fallback`, so one mistake gets one report.
 */
export function isEnvFallbackValue(context: Context, value: TSESTree.Node): boolean {
  let node = value as TSESTree.Expression;
  while (
    node.parent &&
    (TS_WRAPPERS.has(node.parent.type) ||
      (node.parent.type === AST_NODE_TYPES.BinaryExpression && node.parent.operator === "+"))
  ) {
    node = node.parent as TSESTree.Expression;
  }
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.LogicalExpression: {
      if (!isFallbackLogical(parent)) return false;
      let top: TSESTree.Expression = wrapUp(parent);
      while (isFallbackLogical(top.parent)) top = wrapUp(top.parent);
      const operands = flatten(top, []);
      const index = operands.indexOf(node);
      return operands.slice(0, Math.max(index, 0)).some((operand) => getReadOf(context, operand) !== undefined);
    }
    case AST_NODE_TYPES.ConditionalExpression: {
      if (parent.test === node) return false;
      const other = parent.consequent === node ? parent.alternate : parent.consequent;
      return containsEnvRead(context, parent.test) || getReadOf(context, other) !== undefined;
    }
    case AST_NODE_TYPES.AssignmentExpression:
      return (
        parent.right === node &&
        (parent.operator === "||=" || parent.operator === "??=") &&
        getReadOf(context, parent.left as TSESTree.Expression) !== undefined
      );
    case AST_NODE_TYPES.AssignmentPattern: {
      const property = parent.parent;
      if (
        parent.right !== node ||
        property?.type !== AST_NODE_TYPES.Property ||
        property.parent.type !== AST_NODE_TYPES.ObjectPattern
      )
        return false;
      return getDestructuredEnvReads(context, property.parent).some((read) => read.property === property);
    }
    default:
      return isSchemaDefault(context, node);
  }
}
