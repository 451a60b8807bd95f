import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import type { LoggerStyle } from "../utils/find-logger.js";

interface Field {
  key: string;
  value: string;
  shorthand: boolean;
}

const ERROR_NAME = /^(?:err|error|e|ex|exception|cause)$|Error$/u;
const FORMAT_SPECIFIER = /%[sdifoOjc%]/gu;
/** Separators a message is not left ending with: `"Saving user:"` → `"Saving user"`. */
const TRAILING_SEPARATORS = /[\s:=,\-–>|]+$/u;
const LEADING_SEPARATORS = /^[\s:=,\-–>|]+/u;

function toCamelCase(parts: readonly string[]): string {
  return parts
    .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join("");
}

function isErrorExpression(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return ERROR_NAME.test(node.name);
  if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier) {
    return /Error$/u.test(node.callee.name);
  }
  return false;
}

/** `order.id` → `orderId`, `this.user.email` → `userEmail`, `getUser()` → `getUser`, else `undefined`. */
function getFieldName(node: TSESTree.Node): string | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return node.name;
    case AST_NODE_TYPES.MemberExpression: {
      const parts: string[] = [];
      let current: TSESTree.Node = node;
      while (current.type === AST_NODE_TYPES.MemberExpression) {
        if (current.computed || current.property.type !== AST_NODE_TYPES.Identifier) {
          if (current.property.type === AST_NODE_TYPES.Literal && typeof current.property.value === "string" && /^[A-Za-z_$][\w$]*$/u.test(current.property.value)) {
            parts.unshift(current.property.value);
          } else {
            return parts.length > 0 ? toCamelCase(parts) : undefined;
          }
        } else {
          parts.unshift(current.property.name);
        }
        current = current.object;
      }
      if (current.type === AST_NODE_TYPES.Identifier) parts.unshift(current.name);
      return toCamelCase(parts.slice(-2));
    }
    case AST_NODE_TYPES.ChainExpression:
      return getFieldName(node.expression);
    case AST_NODE_TYPES.CallExpression:
      return getFieldName(node.callee);
    case AST_NODE_TYPES.AwaitExpression:
      return getFieldName(node.argument);
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return getFieldName(node.expression);
    default:
      return undefined;
  }
}

/** A string literal, template literal or `+` chain split into constant text and dynamic parts. */
function splitMessage(node: TSESTree.Node): { texts: string[]; values: TSESTree.Node[] } | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string") return { texts: [node.value], values: [] };
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
  return text.replaceAll(FORMAT_SPECIFIER, " ").replaceAll(/\s+/gu, " ").replace(TRAILING_SEPARATORS, "").replace(LEADING_SEPARATORS, "").trim();
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

export interface StructuredLogCall {
  /** The whole call text: `logger.info({ orderId: order.id }, "Processing order")`. */
  text: string;
  message: string;
}

/**
 * Rewrites `console.x(args)` arguments into a structured log call: a constant message, each dynamic
 * value a named field (an `Error` becomes `err`), every argument kept so its side effects still run.
 * `undefined` for spread arguments, which cannot be named.
 */
export function getStructuredLogCall(
  sourceCode: Readonly<TSESLint.SourceCode>,
  logger: string,
  level: string,
  style: LoggerStyle,
  args: readonly TSESTree.CallExpressionArgument[],
): StructuredLogCall | undefined {
  if (args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const [first, ...rest] = args;
  let texts: string[] = [];
  let values: TSESTree.Node[] = [...args];
  const split = first && splitMessage(first);
  if (split) {
    texts = split.texts;
    values = [...split.values, ...rest];
  }
  const used = new Set<string>();
  const fields: Field[] = [];
  for (const value of values) {
    let key = isErrorExpression(value) ? "err" : (getFieldName(value) ?? "value");
    const base = key;
    for (let n = 2; used.has(key); n++) key = `${base}${n}`;
    used.add(key);
    const valueText = sourceCode.getText(value);
    fields.push({ key, value: valueText, shorthand: valueText === key });
  }
  let message = getMessage(texts);
  if (!message && fields.length > 0 && style === "winston") message = fields.map((f) => f.key).join(" ");
  const object = fields.length > 0 ? `{ ${fields.map((f) => (f.shorthand ? f.key : `${f.key}: ${f.value}`)).join(", ")} }` : "";
  const messageText = JSON.stringify(message);
  let callArgs: string;
  if (style === "winston") callArgs = object ? `${messageText}, ${object}` : messageText;
  else if (object && message) callArgs = `${object}, ${messageText}`;
  else callArgs = object || messageText;
  return { text: `${logger}.${level}(${callArgs})`, message };
}
