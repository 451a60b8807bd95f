import { ASTUtils, AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getErrorLogCall } from "../fix/get-error-log-call.js";
import { getImportFixes } from "../fix/get-import-fixes.js";
import { getCallName, getOperationName } from "../fix/get-operation-name.js";
import { getStatementTerminator } from "../fix/get-statement-terminator.js";
import { getIndentation, toStatement } from "../fix/insert-statement.js";
import { isFunctionNode } from "../frameworks/get-function-from-expression.js";
import { findEnclosingHandler } from "../frameworks/get-handler-info.js";
import { getHelperStatus } from "../frameworks/get-helper-status.js";
import { getResponseSend } from "../frameworks/get-response-send.js";
import { isBrowserCode } from "../frameworks/is-browser-code.js";
import type { FunctionNode } from "../frameworks/types.js";
import { createRule } from "../utils/create-rule.js";
import { findLogger } from "../utils/find-logger.js";
import { isBypassedByReturnedPromise } from "../utils/is-bypassed-by-returned-promise.js";
import { isServerFaultOnlyCatch } from "../utils/is-server-fault-only-catch.js";
import { findImportedFunction, getLintedFilePath } from "../project/get-project-function.js";
import {
  getFailingCallName,
  getFailingCalls,
  isCacheRead,
  isProbeCall,
  type FailingCall,
  holdsRawFailure,
  RAW_FAILURES,
} from "../utils/get-failing-calls.js";
import { getUnwrappedExpression } from "../utils/get-unwrapped-expression.js";
import { isFailureResurfaced } from "../utils/is-failure-resurfaced.js";

type Options = [
  {
    includeUnusedOutsideHandlers?: boolean | "logged";
  },
];
type MessageIds =
  | "emptyCatch"
  | "discardedRejection"
  | "unusedInHandler"
  | "unusedOutsideHandler"
  | "logError"
  | "logErrorLike"
  | "rethrow"
  | "propagate";

/** Names tried, in order, for a binding the fix adds to `catch {}` / `() => {}`. */
const BINDING_NAMES = ["err", "error"];
/** Comments that leave the decision open rather than explain it. */
const NOT_AN_EXPLANATION = /^(?:TODO|FIXME|XXX|HACK)\b|^eslint-|^@ts-/iu;
/** A statement that begins with one of these continues the previous line when that line has no `;`. */
const ASI_HAZARD = /^[([`+\-/*,.]/u;
const GENERIC_MESSAGE = "Unexpected error";
const NOOP_NAMES = new Set(["noop"]);
const LOG_METHODS = new Set(["error", "warn", "warning", "fatal", "info"]);
const LOGGER_NAME = /^(?:console|log|logger|Logger|\w+Logger)$/u;
/** `_err`, `_`: the conventional mark of a binding left unused on purpose. */
const INTENTIONALLY_UNUSED = /^_/u;
/**
 * Errors an app throws to answer with a 4xx (`AuthenticationError("…")`, `new NotFoundError()`), by
 * the status their name stands for.
 */
const CLIENT_ERROR_NAMES: readonly [RegExp, number][] = [
  [/^(?:BadRequest|Validation|InvalidInput)(?:Error|Exception)$/u, 400],
  [/^(?:Authentication|Unauthori[sz]ed|InvalidToken|InvalidCredentials)(?:Error|Exception)$/u, 401],
  [/^(?:Authorization|Forbidden|Permission|AccessDenied)(?:Error|Exception)$/u, 403],
  [/^NotFound(?:Error|Exception)$/u, 404],
  [/^Conflict(?:Error|Exception)$/u, 409],
  [/^UnprocessableEntity(?:Error|Exception)$/u, 422],
];
/** tRPC / GraphQL error codes for a client error. */
const CLIENT_ERROR_CODES: ReadonlyMap<string, number> = new Map([
  ["BAD_REQUEST", 400],
  ["BAD_USER_INPUT", 400],
  ["PARSE_ERROR", 400],
  ["UNAUTHORIZED", 401],
  ["UNAUTHENTICATED", 401],
  ["FORBIDDEN", 403],
  ["NOT_FOUND", 404],
  ["CONFLICT", 409],
  ["PRECONDITION_FAILED", 412],
  ["UNPROCESSABLE_CONTENT", 422],
]);

type ReportKind = "emptyCatch" | "discardedRejection" | "unusedInHandler" | "unusedOutsideHandler";

/** Where the error lands, and how a fix gets at it. */
type Target =
  | {
      type: "clause";
      node: TSESTree.CatchClause;
      /** The calls in the `try` block that can fail (see `getFailingCalls`): every check of the clause reads them. */
      failing: readonly FailingCall[];
    }
  | { type: "callback"; node: FunctionNode; call: TSESTree.CallExpression; method: string }
  | { type: "reference"; node: TSESTree.Expression; call: TSESTree.CallExpression; method: string };

function isExplanatoryComment(comment: TSESTree.Comment): boolean {
  const text = comment.value.replaceAll("*", " ").trim();
  return text !== "" && !NOT_AN_EXPLANATION.test(text);
}

function isEmptyStatementList(statements: readonly TSESTree.Statement[]): boolean {
  return statements.every((statement) => statement.type === AST_NODE_TYPES.EmptyStatement);
}

/** `null`, `undefined`, `false`, `void 0`: values that say "nothing happened". */
function isDiscardValue(node: TSESTree.Node | null | undefined): boolean {
  if (!node) return true;
  if (node.type === AST_NODE_TYPES.Literal) return node.value === null || node.value === false;
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === "undefined";
  return (
    node.type === AST_NODE_TYPES.UnaryExpression &&
    node.operator === "void" &&
    node.argument.type === AST_NODE_TYPES.Literal
  );
}

/** A callback that does nothing with the rejection: `() => {}`, `() => null`, `function () { return; }`. */
function isDiscardingFunction(fn: FunctionNode): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isDiscardValue(fn.body);
  const statements = fn.body.body.filter((statement) => statement.type !== AST_NODE_TYPES.EmptyStatement);
  if (statements.length === 0) return true;
  const [only] = statements;
  return statements.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement && isDiscardValue(only.argument);
}

/** `() => true` / `function () { return true; }`, for the given literal. */
function returnsLiteral(node: TSESTree.Node | undefined, value: boolean): boolean {
  if (!node || !isFunctionNode(node)) return false;
  let result: TSESTree.Node | null | undefined = node.body;
  if (result.type === AST_NODE_TYPES.BlockStatement) {
    const [only] = result.body;
    result = result.body.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement ? only.argument : undefined;
  }
  return result?.type === AST_NODE_TYPES.Literal && result.value === value;
}

/**
 * `p.then(() => true, () => false)` / `p.then(() => true).catch(() => false)`: a success probe
 * (`fs.access(file)` → "does it exist?") whose result says the operation failed.
 */
function isSuccessProbe(call: TSESTree.CallExpression, method: string): boolean {
  if (method === "then") return returnsLiteral(call.arguments[0], true) && returnsLiteral(call.arguments[1], false);
  if (!returnsLiteral(call.arguments[0], false) || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const previous = call.callee.object;
  return (
    previous.type === AST_NODE_TYPES.CallExpression &&
    getPropertyName(previous.callee) === "then" &&
    previous.arguments.length === 1 &&
    returnsLiteral(previous.arguments[0], true)
  );
}

/** The function `node` runs in (`undefined` at module level). */
function getEnclosingFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

/** `pending` for `this.pending`. */
function getThisProperty(node: TSESTree.Node): string | undefined {
  return node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression
    ? getPropertyName(node)
    : undefined;
}

function isNoopReference(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return NOOP_NAMES.has(node.name);
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    NOOP_NAMES.has(node.property.name)
  );
}

/** `logger.warn(…)`, `this.logger.error(…)`, `console.error(…)`, `req.log.error(…)`. */
function isLogCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !LOG_METHODS.has(getPropertyName(callee) ?? "")) return false;
  const receiver = callee.object;
  const name =
    receiver.type === AST_NODE_TYPES.Identifier
      ? receiver.name
      : receiver.type === AST_NODE_TYPES.MemberExpression
        ? getPropertyName(receiver)
        : undefined;
  return name !== undefined && LOGGER_NAME.test(name);
}

function isBareNext(call: TSESTree.CallExpression): boolean {
  return call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === "next" && call.arguments.length === 0;
}

function getPropertyName(callee: TSESTree.Node): string | undefined {
  return callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier
    ? callee.property.name
    : undefined;
}

/** The value of a `key: <literal>` property of an object literal. */
function getLiteralProperty(node: TSESTree.Node | undefined, keys: readonly string[]): string | number | undefined {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of node.properties) {
    if (
      property.type !== AST_NODE_TYPES.Property ||
      property.computed ||
      property.value.type !== AST_NODE_TYPES.Literal
    )
      continue;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.value;
    const value = property.value.value;
    if (keys.includes(String(key)) && (typeof value === "string" || typeof value === "number")) return value;
  }
  return undefined;
}

/**
 * The status an error stands for, as far as its construction says: `AuthenticationError("…")`,
 * `new TRPCError({ code: "UNAUTHORIZED" })`, `createError(404)`, `{ status: 404, message }`.
 */
function getErrorStatus(node: TSESTree.Node | null | undefined): number | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    const status = getLiteralProperty(node, ["status", "statusCode"]);
    return typeof status === "number" ? status : undefined;
  }
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const callee = node.callee.type === AST_NODE_TYPES.MemberExpression ? node.callee.property : node.callee;
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  for (const [pattern, status] of CLIENT_ERROR_NAMES) if (pattern.test(callee.name)) return status;
  const [first] = node.arguments;
  const code = getLiteralProperty(first, ["code"]);
  if (typeof code === "string") return CLIENT_ERROR_CODES.get(code);
  // `createError(404)`, `new HttpError(404, "…")`.
  return first?.type === AST_NODE_TYPES.Literal && typeof first.value === "number" ? first.value : undefined;
}

/**
 * The call a `.catch(cb)` / `.then(ok, cb)` chain starts from: `api.status().then(pick).catch(cb)` →
 * `api.status()`. `undefined` for a promise held in a binding.
 */
function getPromiseSource(call: TSESTree.CallExpression): FailingCall | undefined {
  let object: TSESTree.Node = (call.callee as TSESTree.MemberExpression).object;
  for (;;) {
    while (
      object.type === AST_NODE_TYPES.TSNonNullExpression ||
      object.type === AST_NODE_TYPES.TSAsExpression ||
      object.type === AST_NODE_TYPES.AwaitExpression
    ) {
      object = object.type === AST_NODE_TYPES.AwaitExpression ? object.argument : object.expression;
    }
    if (object.type !== AST_NODE_TYPES.CallExpression && object.type !== AST_NODE_TYPES.NewExpression) return undefined;
    const method = object.callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(object.callee) : undefined;
    if (
      object.type === AST_NODE_TYPES.NewExpression ||
      (method !== "then" && method !== "catch" && method !== "finally")
    )
      return object;
    object = (object.callee as TSESTree.MemberExpression).object;
  }
}

/** Does `node` (nested functions excluded) hold one of `types`? */
function contains(node: TSESTree.Node, types: ReadonlySet<string>, keys: TSESLint.SourceCode.VisitorKeys): boolean {
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (types.has(current.type)) return true;
    for (const key of keys[current.type] ?? []) {
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof (child as TSESTree.Node).type === "string" && !isFunctionNode(child as TSESTree.Node))
          stack.push(child as TSESTree.Node);
      }
    }
  }
  return false;
}

/** What a catch that only sets a fallback value holds none of: a call, a throw, an await. */
const ACTION_NODE_TYPES = new Set<string>([
  ...RAW_FAILURES,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
]);

export default createRule<Options, MessageIds>({
  name: "no-swallowed-error",
  meta: {
    type: "problem",
    docs: {
      description:
        "Disallow catching an error and dropping it: empty `catch` blocks, `.catch(() => {})`, and request handlers that never look at the error they caught.",
      recommended: { recommended: true, strict: [{ includeUnusedOutsideHandlers: "logged" }] },
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/no-swallowed-error.md",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          includeUnusedOutsideHandlers: {
            oneOf: [
              { type: "boolean", description: "`true`: every catch outside handlers that never uses its error." },
              {
                type: "string",
                enum: ["logged"],
                description: "Only a catch that logs the failure without the error, or calls a bare `next()`.",
              },
            ],
            description:
              'Also flag, outside request handlers, a `catch` or rejection callback that never uses the error (inside handlers it is always flagged): `true` for every one, `"logged"` (in `strict`) only for one that logs the failure without the error or calls a bare `next()`.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ includeUnusedOutsideHandlers: false }],
    messages: {
      emptyCatch:
        "Empty `catch`: when {{operation}} fails, the error vanishes with no log or stack trace. Log it with {{logger}} or rethrow it; if ignoring it is intended, say why in a comment.",
      discardedRejection:
        "`.{{method}}({{handler}})` drops the rejection: when {{operation}} fails, nothing is logged. Log it with {{logger}} or let it reach the caller; if that is intended, say why in a comment.",
      unusedInHandler:
        "This {{what}} in a request handler drops the error: when {{operation}} fails, neither client nor logs see the cause. Log it with {{logger}} before responding.",
      unusedOutsideHandler:
        "This {{what}} drops the error: when {{operation}} fails, the cause leaves no trace. Log it with {{logger}}, rethrow it, or pass it on as `cause`.",
      logError: "Log the error: `{{call}}`.",
      logErrorLike: "Log the error: `{{call}}`, if `{{logger}}` is called like {{style}}.",
      rethrow: "Rethrow the error: `throw {{name}}`.",
      propagate: "Remove `.{{method}}(…)` so the rejection reaches the caller.",
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    // Errors in browser code end in the user's devtools, not in the server's logs. Asked at the first
    // catch that could be reported: most files have none.
    let browser: boolean | undefined;
    const isInBrowser = (): boolean => (browser ??= isBrowserCode(context));

    function hasExplanation(node: TSESTree.Node): boolean {
      return sourceCode.getCommentsInside(node).some(isExplanatoryComment);
    }

    /** Does anything read the parameter / catch binding (or, in a `function`, `arguments`)? */
    function isErrorUsed(owner: TSESTree.CatchClause | FunctionNode): boolean {
      const param = owner.type === AST_NODE_TYPES.CatchClause ? owner.param : owner.params[0];
      if (owner.type !== AST_NODE_TYPES.CatchClause && owner.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
        const args = sourceCode.getScope(owner).set.get("arguments");
        if (args && args.references.length > 0) return true;
      }
      if (!param) return false;
      return sourceCode
        .getDeclaredVariables(owner)
        .some(
          (variable) =>
            variable.references.length > 0 &&
            variable.defs.some((def) => def.name.range[0] >= param.range[0] && def.name.range[1] <= param.range[1]),
        );
    }

    function isNameFree(scope: TSESLint.Scope.Scope, name: string): boolean {
      return ASTUtils.findVariable(scope, name) === null && !scope.through.some((ref) => ref.identifier.name === name);
    }

    function chooseName(scope: TSESLint.Scope.Scope): string | undefined {
      return BINDING_NAMES.find((name) => isNameFree(scope, name));
    }

    /** The binding holding the error, and the fix that adds it when there is none; `undefined` when a pattern makes it unreachable. */
    function getBinding(
      target: Target,
    ): { name: string; add: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined } | undefined {
      if (target.type === "reference") {
        const name = chooseName(sourceCode.getScope(target.node));
        return name === undefined ? undefined : { name, add: undefined };
      }
      const param = target.type === "clause" ? target.node.param : target.node.params[0];
      if (param) return param.type === AST_NODE_TYPES.Identifier ? { name: param.name, add: undefined } : undefined;
      if (target.type === "clause") {
        const name = chooseName(sourceCode.getScope(target.node.body));
        const catchToken = sourceCode.getFirstToken(target.node);
        if (name === undefined || !catchToken) return undefined;
        return { name, add: (fixer) => fixer.insertTextAfter(catchToken, ` (${name})`) };
      }
      const fn = target.node;
      const name = chooseName(sourceCode.getScope(fn));
      const start = fn.typeParameters?.range[1] ?? fn.id?.range[1] ?? fn.range[0];
      const openParen = sourceCode.getTokens(fn).find((token) => token.value === "(" && token.range[0] >= start);
      if (name === undefined || !openParen) return undefined;
      return { name, add: (fixer) => fixer.insertTextAfter(openParen, name) };
    }

    /** Whether an empty block should be rewritten over several lines (the code around it is). */
    function prefersMultiline(target: Target): boolean {
      if (target.type !== "clause") return false;
      const tryBlock = (target.node.parent as TSESTree.TryStatement).block;
      return tryBlock.loc.start.line !== tryBlock.loc.end.line;
    }

    function getInnerIndentation(target: Target, outer: string): string {
      if (target.type === "clause") {
        const tryBlock = (target.node.parent as TSESTree.TryStatement).block;
        const first = tryBlock.body[0];
        const tryIndent = getIndentation(sourceCode, tryBlock);
        if (first && first.loc.start.line !== tryBlock.loc.start.line) {
          const firstIndent = getIndentation(sourceCode, first);
          if (firstIndent.startsWith(tryIndent) && firstIndent.length > tryIndent.length) {
            return outer + firstIndent.slice(tryIndent.length);
          }
        }
      }
      return `${outer}  `;
    }

    /** Adds `statementText` as the first statement of `block`, keeping comments and the file's style. */
    function insertIntoBlock(
      fixer: TSESLint.RuleFixer,
      target: Target,
      block: TSESTree.BlockStatement,
      statementText: string,
    ): TSESLint.RuleFix {
      const terminator = getStatementTerminator(sourceCode);
      const first = block.body.find((statement) => statement.type !== AST_NODE_TYPES.EmptyStatement);
      const openBrace = sourceCode.getFirstToken(block);
      if (first && openBrace) {
        if (first.loc.start.line === openBrace.loc.end.line) return fixer.insertTextBefore(first, `${statementText}; `);
        const followingText = sourceCode.getText(first);
        const end = terminator === "" && ASI_HAZARD.test(followingText) ? ";" : "";
        return fixer.insertTextBefore(
          first,
          `${toStatement(sourceCode, statementText)}${end}\n${getIndentation(sourceCode, first)}`,
        );
      }
      const comments = sourceCode.getCommentsInside(block);
      const lastComment = comments.at(-1);
      if (lastComment) {
        // Keep the comments; the statement goes after them.
        const closeBrace = sourceCode.getLastToken(block);
        if (
          lastComment.type === AST_TOKEN_TYPES.Block &&
          closeBrace &&
          lastComment.loc.end.line === closeBrace.loc.start.line
        ) {
          return fixer.insertTextAfterRange(lastComment.range, ` ${statementText}${terminator || ";"}`);
        }
        const line = sourceCode.lines[lastComment.loc.start.line - 1] ?? "";
        const indent = /^\s*/u.exec(line)?.[0] ?? "";
        return fixer.insertTextAfterRange(lastComment.range, `\n${indent}${toStatement(sourceCode, statementText)}`);
      }
      const outer = getIndentation(sourceCode, block);
      if (block.loc.start.line !== block.loc.end.line || prefersMultiline(target)) {
        return fixer.replaceText(
          block,
          `{\n${getInnerIndentation(target, outer)}${toStatement(sourceCode, statementText)}\n${outer}}`,
        );
      }
      return fixer.replaceText(block, `{ ${toStatement(sourceCode, statementText)} }`);
    }

    /** The fix that puts `statementText` (`logger.error(...)`, `throw err`) first where the error arrives. */
    function getStatementFix(
      target: Target,
      binding: { name: string; add: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined },
      statementText: string,
      extra: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[],
    ): TSESLint.ReportFixFunction {
      return (fixer) => {
        const fixes = [...extra(fixer)];
        if (binding.add) fixes.push(binding.add(fixer));
        if (target.type === "clause") {
          fixes.push(insertIntoBlock(fixer, target, target.node.body, statementText));
        } else if (target.type === "reference") {
          fixes.push(
            fixer.replaceText(target.node, `(${binding.name}) => { ${toStatement(sourceCode, statementText)} }`),
          );
        } else if (target.node.body.type === AST_NODE_TYPES.BlockStatement) {
          fixes.push(insertIntoBlock(fixer, target, target.node.body, statementText));
        } else {
          const body = target.node.body;
          // `() => ({ ... })`: the parentheses around the body go too.
          const arrow = sourceCode.getTokenBefore(body, { filter: ASTUtils.isArrowToken });
          let range: [number, number] = [body.range[0], body.range[1]];
          let before = sourceCode.getTokenBefore(body);
          let after = sourceCode.getTokenAfter(body);
          while (
            arrow &&
            before &&
            after &&
            before.range[0] >= arrow.range[1] &&
            ASTUtils.isOpeningParenToken(before) &&
            ASTUtils.isClosingParenToken(after)
          ) {
            range = [before.range[0], after.range[1]];
            before = sourceCode.getTokenBefore(before);
            after = sourceCode.getTokenAfter(after);
          }
          const terminator = getStatementTerminator(sourceCode) || ";";
          fixes.push(
            fixer.replaceTextRange(range, `{ ${statementText}; return ${sourceCode.getText(body)}${terminator} }`),
          );
        }
        return fixes;
      };
    }

    /**
     * The call whose failure the catch receives: for a `try`, its main operation (the first awaited call)
     * when that can fail, else the first call that can (`new URL(value.trim())` → `new URL`); for a
     * rejection callback, the call the promise comes from.
     */
    function getOperation(target: Target): string | undefined {
      if (target.type !== "clause") {
        const source = getPromiseSource(target.call);
        return source?.type === AST_NODE_TYPES.CallExpression ? getCallName(source) : undefined;
      }
      const block = (target.node.parent as TSESTree.TryStatement).block;
      const failing = target.failing.map(getFailingCallName);
      const main = getOperationName(block, sourceCode.visitorKeys);
      if (main !== undefined && failing.includes(main)) return main;
      return failing.find((name) => name !== undefined);
    }

    /** What the message says failed when no call can be named for it. */
    function getUnnamedOperation(target: Target): string {
      if (target.type !== "clause") return "the promise";
      return target.failing.length > 0 ? "the call in this `try`" : "the `try` block";
    }

    /** Removes the rejection callback when the promise is awaited or returned, so the rejection reaches a caller. */
    function getPropagateFix(target: Target): TSESLint.ReportFixFunction | undefined {
      if (target.type === "clause") return undefined;
      const call = target.call;
      const outer = call.parent.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;
      const parent = outer.parent;
      const propagates =
        parent?.type === AST_NODE_TYPES.AwaitExpression ||
        parent?.type === AST_NODE_TYPES.ReturnStatement ||
        (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === outer);
      if (!propagates) return undefined;
      const callee = call.callee as TSESTree.MemberExpression;
      if (target.method === "catch") {
        if (call.arguments.length !== 1) return undefined;
        return (fixer) => fixer.replaceTextRange([call.range[0], call.range[1]], sourceCode.getText(callee.object));
      }
      const [onFulfilled, onRejected] = call.arguments;
      if (!onFulfilled || !onRejected || call.arguments.length !== 2) return undefined;
      return (fixer) => fixer.removeRange([onFulfilled.range[1], onRejected.range[1]]);
    }

    /** How the message shows the callback: its text when short, else an outline. */
    function getHandlerLabel(target: Target): string {
      if (target.type === "clause") return "";
      const text = sourceCode.getText(target.node);
      if (text.length <= 40 && !text.includes("\n")) return text;
      return target.node.type === AST_NODE_TYPES.FunctionExpression ? "function (…) {…}" : "(…) => …";
    }

    function getReportLocation(target: Target): TSESTree.SourceLocation {
      if (target.type !== "clause") return target.node.loc;
      const catchToken = sourceCode.getFirstToken(target.node);
      const param = target.node.param;
      const end = param ? sourceCode.getTokenAfter(param, ASTUtils.isClosingParenToken) : catchToken;
      return { start: target.node.loc.start, end: (end ?? catchToken ?? target.node).loc.end };
    }

    /** `console` where it is the global one: the fallback that at least does not swallow the error. */
    function isGlobalConsole(node: TSESTree.Node): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), "console");
      return !variable || variable.defs.length === 0;
    }

    function report(kind: ReportKind, target: Target): void {
      // The log call runs inside the callback, where a `function` has its own `this`.
      const logger = findLogger(context, target.type === "callback" ? target.node.body : target.node);
      const operation = getOperation(target);
      const binding = getBinding(target);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      let fix: TSESLint.ReportFixFunction | null = null;

      if (binding) {
        const message = operation === undefined ? GENERIC_MESSAGE : `${operation} failed`;
        const logFix = (call: string) =>
          getStatementFix(target, binding, call, (fixer) =>
            logger?.import ? getImportFixes(fixer, sourceCode, logger.import) : [],
          );
        if (logger?.style) {
          fix = logFix(getErrorLogCall(logger.expression, logger.style, binding.name, message));
        } else if (logger) {
          // Nothing tells how this logger is called: each common order is offered, for a human to pick.
          const pino = getErrorLogCall(logger.expression, "pino", binding.name, message);
          const winston = getErrorLogCall(logger.expression, "winston", binding.name, message);
          suggest.push(
            {
              messageId: "logErrorLike",
              data: { call: pino, logger: logger.expression, style: "pino" },
              fix: logFix(pino),
            },
            {
              messageId: "logErrorLike",
              data: { call: winston, logger: logger.expression, style: "winston" },
              fix: logFix(winston),
            },
          );
        } else if (isGlobalConsole(target.node)) {
          const call = getErrorLogCall(
            "console",
            "console",
            binding.name,
            operation === undefined ? undefined : message,
          );
          suggest.push({ messageId: "logError", data: { call }, fix: logFix(call) });
        }
        if (kind === "emptyCatch") {
          suggest.push({
            messageId: "rethrow",
            data: { name: binding.name },
            fix: getStatementFix(target, binding, `throw ${binding.name}`, () => []),
          });
        }
      }
      if (kind === "discardedRejection" && target.type !== "clause") {
        const propagate = getPropagateFix(target);
        if (propagate) suggest.push({ messageId: "propagate", data: { method: target.method }, fix: propagate });
      }

      const what =
        target.type === "clause"
          ? "`catch` block"
          : target.method === "then"
            ? "`.then` rejection callback"
            : "`.catch` callback";
      context.report({
        loc: getReportLocation(target),
        messageId: kind,
        data: {
          operation: operation === undefined ? getUnnamedOperation(target) : `\`${operation}\``,
          logger: logger ? `\`${logger.expression}\`` : "a structured logger",
          method: target.type === "clause" ? "catch" : target.method,
          handler: getHandlerLabel(target),
          what,
        },
        fix,
        suggest,
      });
    }

    /**
     * The answers the catch body gives (nested functions excluded): each status as far as the code says it,
     * and whether one of them is a 500 that `no-catch-all-500` reports. Helpers named for their status
     * (`reply.notFound()`, `Boom.badRequest()`) count as answers too.
     */
    function getAnswers(body: TSESTree.Node): { statuses: (number | undefined)[]; catchAll500: boolean } {
      const statuses: (number | undefined)[] = [];
      let catchAll500 = false;
      const stack: TSESTree.Node[] = [body];
      while (stack.length > 0) {
        const node = stack.pop()!;
        const send = getResponseSend(context, node);
        const status = send?.status ?? getHelperStatus(node) ?? getClientErrorAnswer(node);
        if (send || status !== undefined) statuses.push(status);
        if (send?.status === 500) catchAll500 = true;
        for (const key of sourceCode.visitorKeys[node.type] ?? []) {
          const value = (node as unknown as Record<string, unknown>)[key];
          for (const child of Array.isArray(value) ? value : [value]) {
            if (child && typeof (child as TSESTree.Node).type === "string" && !isFunctionNode(child as TSESTree.Node))
              stack.push(child as TSESTree.Node);
          }
        }
      }
      return { statuses, catchAll500 };
    }

    /**
     * `throw AuthenticationError("…")` / `next({ status: 404 })`: a 4xx handed to the framework to answer.
     * Only client errors count: a thrown or forwarded 5xx without the cause is still the cause lost.
     */
    function getClientErrorAnswer(node: TSESTree.Node): number | undefined {
      let status: number | undefined;
      if (node.type === AST_NODE_TYPES.ThrowStatement) status = getErrorStatus(node.argument);
      else if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.Identifier &&
        node.callee.name === "next"
      ) {
        status = getErrorStatus(node.arguments[0]);
      }
      return status !== undefined && status >= 400 && status <= 499 ? status : undefined;
    }

    /**
     * Does the catch body (nested functions excluded) write a log line — without the error, which is
     * unused — or hand the request on with a bare `next()`?
     */
    function logsWithoutError(body: TSESTree.Node): boolean {
      const stack: TSESTree.Node[] = [body];
      while (stack.length > 0) {
        const node = stack.pop()!;
        // `catch { return next() }` in middleware: the request goes on as though nothing failed.
        if (node.type === AST_NODE_TYPES.CallExpression && (isLogCall(node) || isBareNext(node))) return true;
        for (const key of sourceCode.visitorKeys[node.type] ?? []) {
          const value = (node as unknown as Record<string, unknown>)[key];
          for (const child of Array.isArray(value) ? value : [value]) {
            if (child && typeof (child as TSESTree.Node).type === "string" && !isFunctionNode(child as TSESTree.Node))
              stack.push(child as TSESTree.Node);
          }
        }
      }
      return false;
    }

    /** A catch that ignores the error it holds: flagged in request handlers, and everywhere with the option. */
    function checkUnused(target: Target, body: TSESTree.Node): void {
      // `catch (_err)`: the name says the error is left alone on purpose.
      const param =
        target.type === "clause" ? target.node.param : target.type === "callback" ? target.node.params[0] : undefined;
      if (param?.type === AST_NODE_TYPES.Identifier && INTENTIONALLY_UNUSED.test(param.name)) return;
      const inHandler = findEnclosingHandler(context, target.node) !== undefined;
      if (!inHandler && !options.includeUnusedOutsideHandlers) return;
      // Outside handlers a comment in the catch explains the fallback ("// try the next URL"); in a handler
      // it usually describes the response instead.
      if (!inHandler && hasExplanation(body)) return;
      // A fallback outside a handler is mostly a decision (a parse default, a probe, a retry); a log line
      // that reports the failure but leaves out the error is the cause lost for sure.
      if (!inHandler && options.includeUnusedOutsideHandlers === "logged" && !logsWithoutError(body)) return;
      const { statuses, catchAll500 } = getAnswers(body);
      // A 500 for whatever was caught is `no-catch-all-500`'s report: one problem, one report. Where only
      // server faults can reach the catch that rule stays quiet, and the dropped error is this rule's.
      if (catchAll500 && !isServerFaultOnlyTarget(target)) return;
      // Only 4xx answers: the failure was deliberately turned into an answer the client can act on —
      // unless only server faults can reach the catch, where a 4xx tells the client it was wrong about an
      // outage, and the error that says so is dropped. A 401 / 403 stays deliberate even there: a failed
      // credential check answers the same whatever failed, so as not to tell a caller why.
      const known = statuses.filter((status): status is number => status !== undefined);
      if (
        known.length > 0 &&
        known.length === statuses.length &&
        known.every((status) => status >= 400 && status <= 499) &&
        (known.some((status) => status === 401 || status === 403) || !isServerFaultOnlyTarget(target))
      )
        return;
      report(inHandler ? "unusedInHandler" : "unusedOutsideHandler", target);
    }

    /**
     * A handler's own `catch` that only server faults can reach (where `no-catch-all-500` is quiet). Not a
     * NestJS controller's: what reaches its catch comes from the services it calls, which are followed for
     * what they throw but not for whether they log it first (they usually do, with their own `Logger`).
     */
    function isServerFaultOnlyTarget(target: Target): boolean {
      if (target.type !== "clause") return false;
      const handler = findEnclosingHandler(context, target.node);
      return (
        handler !== undefined && handler.framework !== "nest" && isServerFaultOnlyCatch(context, handler, target.node)
      );
    }

    /**
     * A `try` whose failure is the answer: every call in it that can fail is a parse, decode, verify or
     * existence check (`JSON.parse`, `new URL`, `jwt.verify`, `fs.stat`), or it starts with a cache read,
     * whose miss falls back to the real work.
     */
    function isProbeTry(calls: readonly FailingCall[]): boolean {
      const [first] = calls;
      return first !== undefined && (isCacheRead(first) || isParseOfCacheRead(first) || calls.every(isProbeCall));
    }

    /**
     * `JSON.parse(cached)` where `const cached = await cache.get(key)`: a corrupt entry is a miss, and the
     * code after the `try` does the real work.
     */
    function isParseOfCacheRead(call: FailingCall): boolean {
      const [argument] = call.arguments;
      if (!isProbeCall(call) || argument?.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(call), argument);
      const [def] = variable?.defs ?? [];
      if (variable?.defs.length !== 1 || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init)
        return false;
      const init = getUnwrappedExpression(def.node.init, { await: true, chain: true });
      return (
        (init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.NewExpression) && isCacheRead(init)
      );
    }

    /**
     * `let rates = { [id]: {} }; try { rates = await load(); } catch {}` outside a handler: the declared
     * value is the fallback, as visible as `catch { return {} }`, which is left alone there too. A
     * declaration without a value, or with `null` / `undefined`, states no fallback.
     */
    function keepsDeclaredDefault(statement: TSESTree.TryStatement): boolean {
      const [only] = statement.block.body;
      if (statement.block.body.length !== 1 || only?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      const assignment = only.expression;
      if (
        assignment.type !== AST_NODE_TYPES.AssignmentExpression ||
        assignment.operator !== "=" ||
        assignment.left.type !== AST_NODE_TYPES.Identifier
      )
        return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(only), assignment.left);
      const [def] = variable?.defs ?? [];
      if (
        variable?.defs.length !== 1 ||
        def?.node.type !== AST_NODE_TYPES.VariableDeclarator ||
        isDiscardValue(def.node.init)
      )
        return false;
      return findEnclosingHandler(context, statement) === undefined;
    }

    /** A `try` with nothing in it that can fail (property reads, assignments): its catch never runs. */
    function cannotFail(
      block: TSESTree.BlockStatement,
      calls: readonly FailingCall[],
      settled: ReadonlySet<TSESTree.Node>,
    ): boolean {
      return calls.length === 0 && !holdsRawFailure(block, sourceCode.visitorKeys, settled);
    }

    /**
     * `await checkRateLimit(ip)` where the project's `checkRateLimit`, imported from another file, catches
     * and logs its own failures and fails open: nothing of it reaches this `try`'s `catch`.
     */
    function isProjectCallThatCannotFail(call: FailingCall): boolean {
      const callee = call.callee;
      if (call.type !== AST_NODE_TYPES.CallExpression || callee.type !== AST_NODE_TYPES.Identifier) return false;
      const definition = ASTUtils.findVariable(sourceCode.getScope(callee), callee)?.defs[0];
      if (definition?.type !== "ImportBinding" || definition.parent.type !== AST_NODE_TYPES.ImportDeclaration)
        return false;
      const specifier = definition.node;
      const imported =
        specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
          ? "default"
          : specifier.type === AST_NODE_TYPES.ImportSpecifier
            ? specifier.imported.type === AST_NODE_TYPES.Identifier
              ? specifier.imported.name
              : specifier.imported.value
            : undefined;
      if (imported === undefined) return false;
      const found = findImportedFunction(getLintedFilePath(context), definition.parent.source.value, imported);
      return found?.facts.functions.get(found.local)?.cannotFail === true;
    }

    /**
     * A catch that only sets a fallback value (or nothing), where the failure comes back: the same client
     * is called later and its failure is reported (`const base = await api.status().catch(() => fallback)`
     * before `await api.profiles()` in a `try` that logs; deleting a row that may not exist before the
     * final delete).
     */
    function isFallbackBeforeRetry(calls: readonly FailingCall[], body: TSESTree.Node, from: TSESTree.Node): boolean {
      return !contains(body, ACTION_NODE_TYPES, sourceCode.visitorKeys) && isFailureResurfaced(calls, from, sourceCode);
    }

    /**
     * `queue = result.then(() => undefined, () => undefined)` beside `return result`: the same promise
     * reaches the caller (returned or awaited in the same function, or, for `this.pending`, anywhere in
     * the class), so its rejection is seen there; only this branch — a lock's tail, a mark that the
     * rejection is handled — ignores it.
     */
    function isRejectionDeliveredElsewhere(call: TSESTree.CallExpression): boolean {
      const promise = getUnwrappedExpression((call.callee as TSESTree.MemberExpression).object, { chain: true });
      if (promise.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(promise), promise);
        const owner = getEnclosingFunction(call);
        return (variable?.references ?? []).some(
          (reference) =>
            reference.identifier !== promise &&
            reference.isRead() &&
            isDelivered(reference.identifier) &&
            getEnclosingFunction(reference.identifier) === owner,
        );
      }
      const property = getThisProperty(promise);
      if (property === undefined) return false;
      let classBody: TSESTree.Node | undefined = call.parent;
      while (classBody && classBody.type !== AST_NODE_TYPES.ClassBody) classBody = classBody.parent;
      if (!classBody) return false;
      const stack: TSESTree.Node[] = [classBody];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (node !== promise && getThisProperty(node) === property && isDelivered(node)) return true;
        for (const key of sourceCode.visitorKeys[node.type] ?? []) {
          const value = (node as unknown as Record<string, unknown>)[key];
          for (const child of Array.isArray(value) ? value : [value]) {
            if (child && typeof (child as TSESTree.Node).type === "string") stack.push(child as TSESTree.Node);
          }
        }
      }
      return false;
    }

    /** `x` in `return x`, `await x`, `() => x`: where a rejection reaches the caller. */
    function isDelivered(node: TSESTree.Node): boolean {
      let current = node;
      while (
        current.parent &&
        (current.parent.type === AST_NODE_TYPES.TSAsExpression ||
          current.parent.type === AST_NODE_TYPES.TSNonNullExpression)
      )
        current = current.parent;
      const parent = current.parent;
      return (
        (parent?.type === AST_NODE_TYPES.AwaitExpression && parent.argument === current) ||
        (parent?.type === AST_NODE_TYPES.ReturnStatement && parent.argument === current) ||
        (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === current)
      );
    }

    /**
     * `try { params = params.toObject(); } catch {}` / `try { return value.toJSON(); } catch { return value; }`:
     * a method called to find out what the value is (a Mongoose document or a plain array), whose failure
     * leaves the value as it was. Only a synchronous call without arguments: `await user.save()` is work.
     */
    function isShapeProbe(statement: TSESTree.TryStatement, calls: readonly FailingCall[]): boolean {
      const [only] = statement.block.body;
      if (statement.block.body.length !== 1 || !only) return false;
      let target: TSESTree.Node | undefined;
      let value: TSESTree.Node | null | undefined;
      if (only.type === AST_NODE_TYPES.ReturnStatement) value = only.argument;
      else if (
        only.type === AST_NODE_TYPES.ExpressionStatement &&
        only.expression.type === AST_NODE_TYPES.AssignmentExpression &&
        only.expression.operator === "="
      ) {
        target = only.expression.left;
        value = only.expression.right;
      }
      const call = value ? getUnwrappedExpression(value, { chain: true }) : undefined;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length > 0) return false;
      const callee = getUnwrappedExpression(call.callee, { chain: true });
      if (callee.type !== AST_NODE_TYPES.MemberExpression || calls.length !== 1) return false;
      const receiver = sourceCode.getText(callee.object);
      const fallback = statement.handler?.body.body ?? [];
      // `x = x.m()` with an empty catch keeps `x`; otherwise the catch hands back the receiver itself.
      if (fallback.length === 0) return target !== undefined && sourceCode.getText(target) === receiver;
      const [kept] = fallback;
      if (fallback.length !== 1 || !kept) return false;
      if (target === undefined)
        return (
          kept.type === AST_NODE_TYPES.ReturnStatement &&
          kept.argument !== null &&
          sourceCode.getText(kept.argument) === receiver
        );
      return (
        kept.type === AST_NODE_TYPES.ExpressionStatement &&
        kept.expression.type === AST_NODE_TYPES.AssignmentExpression &&
        kept.expression.operator === "=" &&
        sourceCode.getText(kept.expression.left) === sourceCode.getText(target) &&
        sourceCode.getText(kept.expression.right) === receiver
      );
    }

    /**
     * `finally { try { await cache.remove(tmpKey) } catch {} }`: best-effort cleanup once the outcome is
     * decided. Its failure must not replace the error or the result of the work, which is what the empty
     * `catch` makes sure of.
     */
    function isCleanupInFinally(statement: TSESTree.TryStatement): boolean {
      const block = statement.parent;
      return (
        block?.type === AST_NODE_TYPES.BlockStatement &&
        block.parent?.type === AST_NODE_TYPES.TryStatement &&
        block.parent.finalizer === block
      );
    }

    /** `fs.promises.stat(file).catch(() => null)`, `cache.get(key).catch(() => undefined)`. */
    function isProbePromise(call: TSESTree.CallExpression): boolean {
      const source = getPromiseSource(call);
      return source !== undefined && (isProbeCall(source) || isCacheRead(source));
    }

    return {
      CatchClause(node) {
        const statement = node.parent as TSESTree.TryStatement;
        const empty = isEmptyStatementList(node.body.body);
        // What the `try` holds matters only for a catch that would otherwise be reported: the cheap
        // answers first.
        if (empty) {
          if (hasExplanation(node.body) || keepsDeclaredDefault(statement) || isCleanupInFinally(statement)) return;
        } else if (isErrorUsed(node)) return;
        if (isInBrowser()) return;
        const settled = new Set<TSESTree.Node>();
        const failing = getFailingCalls(statement.block, sourceCode.visitorKeys).filter((call) => {
          if (!isProjectCallThatCannotFail(call)) return true;
          settled.add(call);
          return false;
        });
        const target: Target = { type: "clause", node, failing };
        // A catch the returned promise's rejection skips never runs: nothing is dropped there.
        if (cannotFail(statement.block, failing, settled) || isBypassedByReturnedPromise(node)) return;
        if (isProbeTry(failing) || isShapeProbe(statement, failing)) return;
        if (isFallbackBeforeRetry(failing, node.body, statement)) return;
        if (empty) report("emptyCatch", target);
        else checkUnused(target, node.body);
      },
      // `promise.catch(cb)` / `promise.then(ok, cb)`.
      "CallExpression[callee.type='MemberExpression'][callee.computed=false][callee.property.name=/^(?:catch|then)$/u]"(
        node: TSESTree.CallExpression,
      ) {
        const method = getPropertyName(node.callee);
        if (method !== "catch" && method !== "then") return;
        const handler = method === "catch" ? node.arguments[0] : node.arguments[1];
        if (!handler || handler.type === AST_NODE_TYPES.SpreadElement || isInBrowser()) return;
        if (isSuccessProbe(node, method) || isProbePromise(node) || isRejectionDeliveredElsewhere(node)) return;
        if (isFunctionNode(handler)) {
          const target: Target = { type: "callback", node: handler, call: node, method };
          if (isErrorUsed(handler)) return;
          const source = getPromiseSource(node);
          if (source && isFallbackBeforeRetry([source], handler.body, node)) return;
          if (isDiscardingFunction(handler)) {
            // `.catch(() => null /* why */)`: a comment next to the callback explains it too.
            const nearby = [...sourceCode.getCommentsBefore(handler), ...sourceCode.getCommentsAfter(handler)];
            if (!hasExplanation(handler) && !nearby.some(isExplanatoryComment)) report("discardedRejection", target);
            return;
          }
          checkUnused(target, handler.body);
          return;
        }
        if (isNoopReference(handler))
          report("discardedRejection", { type: "reference", node: handler, call: node, method });
      },
    };
  },
});
