import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getUnwrappedExpression } from "../utils/get-unwrapped-expression.js";
import type { LogValue } from "./get-log-call-text.js";

const ERROR_NAME = /^(?:err|error|e|ex|exception|cause)$|Error$/u;
const FORMAT_SPECIFIER = /%[sdifoOjc%]/gu;
const FORMAT_SPLIT = /%[sdifoOjc]/u;
/**
 * Separators and quotes a message is not left ending with, or starting with, once the values are out:
 * `"Saving user:"` → `"Saving user"`, `"User '"` → `"User"`.
 */
const TRAILING_SEPARATORS = /[\s:=,\-–>|'"`([{]+$/u;
const LEADING_SEPARATORS = /^[\s:=,\-–>|'"`)\]}.]+/u;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;
/** Calls that only turn their argument into text: the field is named after the argument. */
const STRINGIFIERS = new Set(["String", "Number", "Boolean", "JSON.stringify", "util.inspect", "inspect"]);
/** Methods that only turn their object into text: `user.id.toString()` is named like `user.id`. */
const TEXT_METHODS = new Set([
  "toString",
  "toFixed",
  "toISOString",
  "toJSON",
  "join",
  "trim",
  "toLowerCase",
  "toUpperCase",
]);
/** The key of a value nothing names (`[a, b]`, `this`). */
const FALLBACK_KEY = "data";

function toCamelCase(parts: readonly string[]): string {
  return parts.map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1))).join("");
}

function isErrorExpression(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return ERROR_NAME.test(node.name);
  if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier) {
    return /Error$/u.test(node.callee.name);
  }
  return false;
}

function getDottedName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (
    node.type !== AST_NODE_TYPES.MemberExpression ||
    node.computed ||
    node.property.type !== AST_NODE_TYPES.Identifier
  )
    return undefined;
  const object = getDottedName(node.object);
  return object === undefined ? undefined : `${object}.${node.property.name}`;
}

/**
 * The field name of a value: `order.id` → `orderId`, `this.user.email` → `userEmail`, `getUser()` →
 * `getUser`, `String(id)` → `id`, `count++` → `count`, `a ?? b` → `a`; `undefined` when nothing names it.
 */
function getFieldName(node: TSESTree.Node): string | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return node.name;
    case AST_NODE_TYPES.MemberExpression: {
      const parts: string[] = [];
      let current: TSESTree.Node = node;
      while (current.type === AST_NODE_TYPES.MemberExpression) {
        if (!current.computed && current.property.type === AST_NODE_TYPES.Identifier) {
          parts.unshift(current.property.name);
        } else if (
          current.property.type === AST_NODE_TYPES.Literal &&
          typeof current.property.value === "string" &&
          IDENTIFIER.test(current.property.value)
        ) {
          parts.unshift(current.property.value);
        } else if (parts.length > 0) {
          return toCamelCase(parts);
        }
        // `items[i]` is named like `items`.
        current = current.object;
      }
      if (current.type === AST_NODE_TYPES.Identifier) parts.unshift(current.name);
      return parts.length > 0 ? toCamelCase(parts.slice(-2)) : undefined;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = getUnwrappedExpression(node.callee, { chain: true });
      const name = getDottedName(callee);
      const [first] = node.arguments;
      if (name !== undefined && STRINGIFIERS.has(name) && first && first.type !== AST_NODE_TYPES.SpreadElement)
        return getFieldName(first);
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        !callee.computed &&
        callee.property.type === AST_NODE_TYPES.Identifier &&
        TEXT_METHODS.has(callee.property.name)
      ) {
        return getFieldName(callee.object);
      }
      return getFieldName(callee);
    }
    case AST_NODE_TYPES.NewExpression:
      return node.callee.type === AST_NODE_TYPES.Identifier
        ? node.callee.name.charAt(0).toLowerCase() + node.callee.name.slice(1)
        : undefined;
    case AST_NODE_TYPES.ChainExpression:
      return getFieldName(node.expression);
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.UpdateExpression:
    case AST_NODE_TYPES.UnaryExpression:
      return getFieldName(node.argument);
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return getFieldName(node.expression);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return (
        (node.left.type === AST_NODE_TYPES.PrivateIdentifier ? undefined : getFieldName(node.left)) ??
        getFieldName(node.right)
      );
    case AST_NODE_TYPES.ConditionalExpression:
      return getFieldName(node.consequent) ?? getFieldName(node.alternate);
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions[0] ? getFieldName(node.expressions[0]) : undefined;
    default:
      return undefined;
  }
}

/** A string literal, template literal or `+` chain split into constant text and dynamic parts. */
function splitMessage(node: TSESTree.Node): { texts: string[]; values: TSESTree.Node[] } | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string")
    return { texts: [node.value], values: [] };
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    return { texts: node.quasis.map((q) => q.value.cooked ?? q.value.raw), values: [...node.expressions] };
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === "+") {
    const left = splitMessage(node.left);
    if (!left) return undefined;
    const right = splitMessage(node.right);
    if (right) {
      const texts = [...left.texts];
      texts[texts.length - 1] = `${texts.at(-1) ?? ""}${right.texts[0] ?? ""}`;
      return { texts: [...texts, ...right.texts.slice(1)], values: [...left.values, ...right.values] };
    }
    return { texts: [...left.texts, ""], values: [...left.values, node.right] };
  }
  return undefined;
}

function cleanText(text: string): string {
  return text
    .replaceAll(FORMAT_SPECIFIER, " ")
    .replaceAll(/\s+/gu, " ")
    .replace(TRAILING_SEPARATORS, "")
    .replace(LEADING_SEPARATORS, "")
    .trim();
}

/**
 * The message is the constant text a search would use: the leading text when there is one
 * (`\`Processing order ${id} for ${email}\`` → `"Processing order"`), else the remaining text joined.
 */
function getMessage(texts: readonly string[]): string {
  const leading = cleanText(texts[0] ?? "");
  if (leading) return leading;
  return cleanText(texts.slice(1).map(cleanText).filter(Boolean).join(" "));
}

/** Words that only led into a value the message no longer holds: `"Charge failed for"`. */
const DANGLING_WORD = /\s+(?:for|to|of|with|in|on|at|from|by|the|a|an|as|and|or|is|was|are|were)$/iu;

function dropDanglingWords(message: string): string {
  let current = message;
  for (let next = current.replace(DANGLING_WORD, ""); next !== current; next = current.replace(DANGLING_WORD, ""))
    current = next;
  return current;
}

/** A literal that prints as constant text: `42`, `true`, `null`. */
function getConstantText(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.Literal || "regex" in node || "bigint" in node) return undefined;
  return typeof node.value === "string" ? undefined : String(node.value);
}

/** `{ user, id: order.id }`: its properties, when each is a plain named one. */
function getObjectEntries(node: TSESTree.Node): { key: string; value: TSESTree.Node }[] | undefined {
  if (node.type !== AST_NODE_TYPES.ObjectExpression || node.properties.length === 0) return undefined;
  const entries: { key: string; value: TSESTree.Node }[] = [];
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.kind !== "init" || property.method)
      return undefined;
    const key =
      property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : typeof property.key.value === "string"
          ? property.key.value
          : undefined;
    if (key === undefined || !IDENTIFIER.test(key)) return undefined;
    entries.push({ key, value: property.value });
  }
  return entries;
}

export interface LogArguments {
  /** The constant message the arguments hold, if any. */
  message: string | undefined;
  /** Every dynamic value, named. */
  values: LogValue[];
  /** Which value is the error, if one is. */
  errorIndex: number | undefined;
  /** Whether that error is the caught error (`getCaughtError` recognised it). */
  caught: boolean;
}

/**
 * Splits `console.x(args)` arguments into a constant message and named values: string and literal
 * arguments, template and `+` text and `%s` format strings make the message; each dynamic value gets a
 * field name (an object literal's properties keep theirs). The error — the caught one that
 * `getCaughtError` maps a value to (`err`, `err.message`, `String(err)` → `err`), else a value named or
 * made like an error — is marked so the call can log it where the logger serializes errors. Every
 * argument with side effects is kept. `undefined` for spread arguments, which cannot be named.
 */
export function getLogArguments(
  sourceCode: Readonly<TSESLint.SourceCode>,
  args: readonly TSESTree.CallExpressionArgument[],
  getCaughtError: (node: TSESTree.Node) => TSESTree.Node | undefined,
): LogArguments | undefined {
  if (args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const texts: string[] = [];
  let leadingTexts: string[] = [];
  const named: { key: string | undefined; node: TSESTree.Node }[] = [];
  for (const [index, arg] of args.entries()) {
    const split = splitMessage(arg);
    const constant = getConstantText(arg);
    const entries = getObjectEntries(arg);
    if (split) {
      // A format string's text before its first `%s` leads, as a template literal's text before `${}` does.
      if (index === 0)
        leadingTexts =
          arg.type === AST_NODE_TYPES.Literal ? split.texts.flatMap((text) => text.split(FORMAT_SPLIT)) : split.texts;
      else texts.push(...split.texts);
      named.push(...split.values.map((node) => ({ key: undefined, node })));
    } else if (constant !== undefined) {
      texts.push(constant);
    } else if (entries) {
      named.push(...entries.map(({ key, value }) => ({ key, node: value })));
    } else {
      named.push({ key: undefined, node: arg });
    }
  }

  const values: LogValue[] = [];
  let errorIndex: number | undefined;
  let caught = false;
  for (const { key, node } of named) {
    const caughtError = getCaughtError(node);
    if (caughtError) {
      const text = sourceCode.getText(caughtError);
      // `err.message` and `err.stack` beside `err`: the error is logged once, whole.
      if (caught && values[errorIndex ?? -1]?.text === text) continue;
      if (!caught) {
        caught = true;
        errorIndex = values.length;
      }
      values.push({ key: key ?? text, text });
      continue;
    }
    if (errorIndex === undefined && isErrorExpression(getUnwrappedExpression(node))) errorIndex = values.length;
    values.push({ key: key ?? getFieldName(node) ?? FALLBACK_KEY, text: sourceCode.getText(node) });
  }
  const message = dropDanglingWords([getMessage(leadingTexts), ...texts.map(cleanText)].filter(Boolean).join(" "));
  return { message: message || undefined, values, errorIndex, caught };
}
