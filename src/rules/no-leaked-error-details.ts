import { ASTUtils, AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { isFunctionNode } from "../frameworks/get-function-from-expression.js";
import { getResponseSend, RESPONSE_SEND_SELECTOR, type ResponseSend } from "../frameworks/get-response-send.js";
import { mayViewShow } from "../frameworks/may-view-show.js";
import { isOperatorOnlyHandler } from "../frameworks/is-operator-only-handler.js";
import { createRule } from "../utils/create-rule.js";
import {
  getCaughtErrorOf,
  getCaughtErrorVariables,
  isReferenceTo,
  unwrapExpression,
  type CaughtError,
} from "../utils/get-caught-error.js";
import { hasSideEffect } from "../utils/has-side-effect.js";
import { isNarrowedToClientError } from "../utils/is-narrowed-to-client-error.js";
import { getMemberName, getPropertyKeyName } from "../frameworks/get-static-string.js";

type MessageIds = "leak" | "useGenericMessage" | "addRequestId";

const GENERIC_MESSAGE = "Internal server error";
/** Calls that turn the whole error into text. */
const STRINGIFIERS = new Set(["String", "inspect", "format"]);
/** Conditions that switch on a development mode: `process.env.NODE_ENV`, `isDev`, `config.debug`. */
const ENVIRONMENT_NAME = /NODE_ENV|^(?:is)?(?:dev|development|prod|production|debug|local)(?:Mode|Env)?$/iu;
const ENVIRONMENT_VALUE = /^(?:dev|development|prod|production|local|test)$/u;
/** Modules that put a request id on `req.id`. */
const REQUEST_ID_MODULES = ["pino-http", "express-request-id", "express-pino-logger"];

/** One piece of the error that reaches the body. */
interface Leak {
  /** The expression to report: `err`, `err.message`, `String(err)`, `...err`, or a local holding one of them. */
  node: TSESTree.Node;
  caught: CaughtError;
  /** What it is, for the message. */
  what: string;
  /** The stack trace: never for clients, whatever the status. */
  stack: boolean;
  /** The error object itself (not a string made from it). */
  whole: boolean;
  /** `...err` in an object. */
  spread: TSESTree.SpreadElement | undefined;
  /** `false` for a local whose value only contains the error (`const body = { message: err.message }`): replacing the local would change the body's shape. */
  fixable?: boolean;
}

function getCallName(call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier
  )
    return callee.property.name;
  return undefined;
}

function isJsonStringify(node: TSESTree.Node | undefined): node is TSESTree.CallExpression {
  return (
    node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === "JSON" &&
    getCallName(node) === "stringify"
  );
}

/** Whether a test switches on the environment: `process.env.NODE_ENV !== "production"`, `isDev`, `config.env === "development"`. */
function isEnvironmentTest(test: TSESTree.Node): boolean {
  const stack: TSESTree.Node[] = [test];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        if (ENVIRONMENT_NAME.test(node.name)) return true;
        break;
      case AST_NODE_TYPES.Literal:
        if (typeof node.value === "string" && ENVIRONMENT_VALUE.test(node.value)) return true;
        break;
      case AST_NODE_TYPES.MemberExpression:
        stack.push(node.object);
        if (!node.computed) stack.push(node.property);
        break;
      case AST_NODE_TYPES.CallExpression:
        stack.push(node.callee, ...node.arguments);
        break;
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
        stack.push(node.left, node.right);
        break;
      case AST_NODE_TYPES.UnaryExpression:
        stack.push(node.argument);
        break;
      case AST_NODE_TYPES.ChainExpression:
        stack.push(node.expression);
        break;
      default:
        break;
    }
  }
  return false;
}

/** Whether `node` only runs in development: a branch of an environment check between it and `boundary`. */
function isEnvironmentGuarded(node: TSESTree.Node, boundary: TSESTree.Node): boolean {
  for (
    let child = node, current = node.parent;
    current && current !== boundary && !isFunctionNode(current);
    child = current, current = current.parent
  ) {
    if (
      (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) &&
      child !== current.test &&
      isEnvironmentTest(current.test)
    ) {
      return true;
    }
    if (current.type === AST_NODE_TYPES.LogicalExpression && child === current.right && isEnvironmentTest(current.left))
      return true;
  }
  return false;
}

export default createRule<[], MessageIds>({
  name: "no-leaked-error-details",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow sending caught errors, their messages or stack traces to the client.",
      recommended: "recommended",
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/no-leaked-error-details.md",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      leak: "This response sends {{what}} to the client: it reveals internals (queries, paths, hosts) and gives the user nothing to act on. Send a generic message and log the error on the server.",
      useGenericMessage: "Send {{message}} instead, for every status this response can have.",
      addRequestId:
        "Send a generic message with the request id (`{{requestId}}`) so a user's report leads to the logs.",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const reported = new Set<TSESTree.Node>();

    /** The file's string quote, read from its first string token only when a fix needs it. */
    let fileQuote: string | undefined;
    function getQuote(): string {
      fileQuote ??= sourceCode.ast.tokens.find((t) => t.type === AST_TOKEN_TYPES.String)?.value.startsWith("'")
        ? "'"
        : '"';
      return fileQuote;
    }
    function getGenericMessage(): string {
      return `${getQuote()}${GENERIC_MESSAGE}${getQuote()}`;
    }

    /** Removes an object member with the comma that separates it from the next (or the previous) one. */
    function removeProperty(
      fixer: TSESLint.RuleFixer,
      property: TSESTree.Property | TSESTree.SpreadElement,
    ): TSESLint.RuleFix {
      const after = sourceCode.getTokenAfter(property);
      if (after && ASTUtils.isCommaToken(after)) {
        const next = sourceCode.getTokenAfter(after, { includeComments: true });
        return fixer.removeRange([
          property.range[0],
          next && !ASTUtils.isClosingBraceToken(next) ? next.range[0] : after.range[1],
        ]);
      }
      const before = sourceCode.getTokenBefore(property);
      return fixer.removeRange([
        before && ASTUtils.isCommaToken(before) ? before.range[0] : property.range[0],
        property.range[1],
      ]);
    }

    /** The caught error an expression holds: the binding, or a local alias of it (`const e = err as Error`). */
    function getCaught(expression: TSESTree.Node, depth = 0): CaughtError | undefined {
      const node = unwrapExpression(expression);
      if (node.type !== AST_NODE_TYPES.Identifier || depth > 2) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
      if (!variable) return undefined;
      const caught = getCaughtErrorOf(context, variable, node);
      if (caught) return caught;
      const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
      if (
        definition?.type !== "Variable" ||
        definition.node.type !== AST_NODE_TYPES.VariableDeclarator ||
        !definition.node.init
      )
        return undefined;
      let init = unwrapExpression(definition.node.init);
      if (init.type === AST_NODE_TYPES.ConditionalExpression) {
        init =
          [init.consequent, init.alternate]
            .map(unwrapExpression)
            .find((branch) => branch.type === AST_NODE_TYPES.Identifier) ?? init;
      }
      const aliased = getCaught(init, depth + 1);
      return aliased && getCaughtErrorVariables(context, aliased).includes(variable) ? aliased : undefined;
    }

    /** For a binding destructured from the error (`catch ({ message })`), the property it takes; `undefined` for the error itself. */
    function getDestructuredName(identifier: TSESTree.Identifier, caught: CaughtError): string | null | undefined {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const name = variable?.defs[0]?.name;
      if (
        !name ||
        !caught.param ||
        name === caught.param ||
        (caught.param.type === AST_NODE_TYPES.AssignmentPattern && name === caught.param.left)
      )
        return undefined;
      const property = name.parent?.type === AST_NODE_TYPES.AssignmentPattern ? name.parent.parent : name.parent;
      return property?.type === AST_NODE_TYPES.Property && property.value !== undefined
        ? (getPropertyKeyName(property) ?? null)
        : null;
    }

    /** The pieces of a caught error inside a body expression. */
    function findLeaks(expression: TSESTree.Node, depth: number, found: Leak[]): void {
      const node = expression;
      switch (node.type) {
        case AST_NODE_TYPES.Identifier: {
          const caught = getCaught(node);
          if (caught) {
            // `catch ({ message, stack })`: a destructured piece, not the error itself.
            const piece = getDestructuredName(node, caught);
            if (piece === undefined)
              found.push({ node, caught, what: "the caught error", stack: false, whole: true, spread: undefined });
            else if (piece === "message" || piece === "stack") {
              found.push({
                node,
                caught,
                what: piece === "stack" ? "the error's stack trace" : "the error's message",
                stack: piece === "stack",
                whole: false,
                spread: undefined,
              });
            }
            return;
          }
          // `const message = err instanceof Error ? err.message : String(err)` then `{ error: message }`.
          if (depth >= 2) return;
          const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
          const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
          if (
            definition?.type !== "Variable" ||
            definition.node.type !== AST_NODE_TYPES.VariableDeclarator ||
            !definition.node.init
          )
            return;
          if (variable!.references.some((ref) => ref.isWrite() && !ref.init)) return;
          const inner: Leak[] = [];
          findLeaks(definition.node.init, depth + 1, inner);
          const kept = inner.filter(
            (leak) =>
              !isEnvironmentGuarded(leak.node, leak.caught.body) &&
              !isNarrowedToClientError(context, leak.caught, leak.node),
          );
          const first = kept[0];
          if (first) {
            const init = definition.node.init;
            const fixable = kept.every(
              (leak) => !leak.spread && unwrapExpression(getRoot(leak, init)) === unwrapExpression(init),
            );
            found.push({
              node,
              caught: first.caught,
              what: `\`${node.name}\`, which holds ${first.what},`,
              stack: kept.some((leak) => leak.stack),
              whole: false,
              spread: undefined,
              fixable,
            });
          }
          return;
        }
        case AST_NODE_TYPES.MemberExpression: {
          const name = getMemberName(node);
          if (name !== "message" && name !== "stack") return;
          const caught = getCaught(node.object);
          if (caught) {
            found.push({
              node,
              caught,
              what: name === "stack" ? "the error's stack trace" : "the error's message",
              stack: name === "stack",
              whole: false,
              spread: undefined,
            });
          }
          return;
        }
        case AST_NODE_TYPES.CallExpression: {
          const name = getCallName(node);
          const [first] = node.arguments;
          if (isJsonStringify(node) && first) {
            const caught = getCaught(first);
            if (caught)
              found.push({ node, caught, what: "the serialised error", stack: false, whole: true, spread: undefined });
            else findLeaks(first, depth, found);
            return;
          }
          if (name !== undefined && STRINGIFIERS.has(name) && first && node.arguments.length === 1) {
            const caught = getCaught(first);
            if (caught)
              found.push({ node, caught, what: "the error as text", stack: false, whole: false, spread: undefined });
            return;
          }
          if (node.callee.type === AST_NODE_TYPES.MemberExpression) {
            if (name === "toString" && node.arguments.length === 0) {
              const caught = getCaught(node.callee.object);
              if (caught) {
                found.push({ node, caught, what: "the error as text", stack: false, whole: false, spread: undefined });
                return;
              }
            }
            // `err.message.slice(0, 200)`, `err.stack.split("\n")`
            findLeaks(node.callee.object, depth, found);
          }
          return;
        }
        case AST_NODE_TYPES.ObjectExpression:
          for (const property of node.properties) {
            if (property.type === AST_NODE_TYPES.SpreadElement) {
              const caught = getCaught(property.argument);
              if (caught)
                found.push({
                  node: property,
                  caught,
                  what: "the error's fields",
                  stack: false,
                  whole: true,
                  spread: property,
                });
              else findLeaks(property.argument, depth, found);
            } else {
              findLeaks(property.value, depth, found);
            }
          }
          return;
        case AST_NODE_TYPES.ArrayExpression:
          for (const element of node.elements) if (element) findLeaks(element, depth, found);
          return;
        case AST_NODE_TYPES.SpreadElement:
          findLeaks(node.argument, depth, found);
          return;
        case AST_NODE_TYPES.TemplateLiteral:
          for (const inner of node.expressions) findLeaks(inner, depth, found);
          return;
        case AST_NODE_TYPES.BinaryExpression:
          if (node.operator === "+") {
            findLeaks(node.left, depth, found);
            findLeaks(node.right, depth, found);
          }
          return;
        case AST_NODE_TYPES.LogicalExpression:
          findLeaks(node.left, depth, found);
          findLeaks(node.right, depth, found);
          return;
        case AST_NODE_TYPES.ConditionalExpression:
          findLeaks(node.consequent, depth, found);
          findLeaks(node.alternate, depth, found);
          return;
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSNonNullExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.ChainExpression:
          findLeaks(node.expression, depth, found);
          return;
        default:
          return;
      }
    }

    /**
     * The expression the fix replaces: the leak widened to the value it builds (`"Failed: " + err.message`,
     * `` `${err}` ``, `err.message || "x"`, `err instanceof Error ? err.message : "Unknown"`), up to the
     * property, element or argument it fills.
     */
    function getRoot(leak: Leak, body: TSESTree.Node): TSESTree.Node {
      const variables = getCaughtErrorVariables(context, leak.caught);
      let root: TSESTree.Node = leak.node;
      while (root !== body && root.parent) {
        const parent: TSESTree.Node = root.parent;
        const widen =
          parent.type === AST_NODE_TYPES.TemplateLiteral ||
          (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === "+") ||
          parent.type === AST_NODE_TYPES.LogicalExpression ||
          parent.type === AST_NODE_TYPES.TSAsExpression ||
          parent.type === AST_NODE_TYPES.TSNonNullExpression ||
          parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
          parent.type === AST_NODE_TYPES.ChainExpression ||
          (parent.type === AST_NODE_TYPES.MemberExpression &&
            parent.object === root &&
            parent.parent.type === AST_NODE_TYPES.CallExpression &&
            parent.parent.callee === parent) ||
          (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === root) ||
          (parent.type === AST_NODE_TYPES.ConditionalExpression &&
            parent.test !== root &&
            someReference(parent.test, variables));
        if (!widen) break;
        root = parent;
      }
      return root;
    }

    function someReference(node: TSESTree.Node, variables: ReturnType<typeof getCaughtErrorVariables>): boolean {
      if (isReferenceTo(node, variables)) return true;
      for (const key of sourceCode.visitorKeys[node.type] ?? []) {
        const value = (node as unknown as Record<string, unknown>)[key];
        for (const child of Array.isArray(value) ? value : [value]) {
          if (
            child &&
            typeof (child as TSESTree.Node).type === "string" &&
            someReference(child as TSESTree.Node, variables)
          )
            return true;
        }
      }
      return false;
    }

    /** `req.id`, `request.id`, `res.locals.requestId`, `c.get("requestId")`, `ctx.state.requestId` when the app has one. */
    function getRequestId(send: ResponseSend): string | undefined {
      const handler = send.handler;
      if (!handler) return undefined;
      const name = (param: TSESTree.Parameter | undefined) =>
        param?.type === AST_NODE_TYPES.Identifier ? param.name : undefined;
      const text = sourceCode.text;
      const request = name(handler.request);
      const response = name(handler.response);
      const ctx = name(handler.context);
      const imports = sourceCode.ast.body
        .filter(
          (statement): statement is TSESTree.ImportDeclaration => statement.type === AST_NODE_TYPES.ImportDeclaration,
        )
        .map((statement) => statement.source.value);
      if (handler.framework === "fastify" && request) return `${request}.id`;
      if (
        handler.framework === "hono" &&
        ctx &&
        (/\.get\(\s*["']requestId["']\s*\)/u.test(text) || imports.includes("hono/request-id"))
      ) {
        return `${ctx}.get(${getQuote()}requestId${getQuote()})`;
      }
      if (handler.framework === "koa" && ctx && text.includes(".state.requestId")) return `${ctx}.state.requestId`;
      if (handler.framework === "express" || handler.framework === "next" || handler.framework === "nest") {
        if (
          request &&
          (text.includes(`${request}.id`) ||
            REQUEST_ID_MODULES.some((module) => imports.includes(module) || text.includes(`require("${module}")`)))
        ) {
          return `${request}.id`;
        }
        if (response && text.includes(".locals.requestId")) return `${response}.locals.requestId`;
      }
      return undefined;
    }

    /** Replaces `root` with the generic message (or a status-aware choice), keeping the body's shape. */
    function getReplacement(leak: Leak, root: TSESTree.Node, send: ResponseSend, body: TSESTree.Node): string {
      const isJsonPosition =
        (root === body && send.bodyFormat !== "text") ||
        (root.parent !== undefined && isJsonStringify(root.parent) && root.parent.arguments[0] === root);
      // Inside a template or a concatenation the error is text; only a bare error is an object.
      let wrapped = false;
      for (let node = leak.node; node !== root && node.parent; node = node.parent) {
        if (unwrapExpression(node.parent) === node.parent && node.parent.type !== AST_NODE_TYPES.ChainExpression)
          wrapped = true;
      }
      const generic = getGenericMessage();
      const replacement = leak.whole && !wrapped && isJsonPosition ? `{ error: ${generic} }` : generic;
      const statusNode = send.statusNode;
      if (send.status !== undefined || !statusNode || leak.stack || hasSideEffect(statusNode)) return replacement;
      const simple =
        statusNode.type === AST_NODE_TYPES.Identifier ||
        statusNode.type === AST_NODE_TYPES.MemberExpression ||
        statusNode.type === AST_NODE_TYPES.Literal;
      const statusText = simple ? sourceCode.getText(statusNode) : `(${sourceCode.getText(statusNode)})`;
      const kept =
        root.type === AST_NODE_TYPES.ConditionalExpression || root.type === AST_NODE_TYPES.SequenceExpression
          ? `(${sourceCode.getText(root)})`
          : sourceCode.getText(root);
      return `${statusText} < 500 ? ${kept} : ${replacement}`;
    }

    function getFix(
      leak: Leak,
      send: ResponseSend,
      body: TSESTree.Node,
      requestId: string | undefined,
    ): TSESLint.ReportFixFunction | undefined {
      if (leak.fixable === false) return undefined;
      if (leak.spread) {
        const spread = leak.spread;
        const object = spread.parent as TSESTree.ObjectExpression;
        if (requestId !== undefined) return undefined;
        if (object.properties.length === 1)
          return (fixer) => fixer.replaceText(object, `{ error: ${getGenericMessage()} }`);
        return (fixer) => removeProperty(fixer, spread);
      }
      const root = getRoot(leak, body);
      // `JSON.stringify(err)` stays JSON: only the error inside is replaced.
      const stringified = root === leak.node && isJsonStringify(root) ? root.arguments[0] : undefined;
      if (stringified && requestId === undefined)
        return (fixer) => fixer.replaceText(stringified, `{ error: ${getGenericMessage()} }`);
      const replacement = getReplacement(leak, root, send, body);
      const property =
        root.parent?.type === AST_NODE_TYPES.Property && root.parent.value === root ? root.parent : undefined;
      const object = property?.parent.type === AST_NODE_TYPES.ObjectExpression ? property.parent : undefined;
      if (requestId !== undefined) {
        // Only an object that is (part of) the body: an HTTPException's options object is not.
        if (!object || object.range[0] < body.range[0] || object.range[1] > body.range[1]) return undefined;
        if (object.properties.some((p) => p.type === AST_NODE_TYPES.Property && getPropertyKeyName(p) === "requestId"))
          return undefined;
      }
      if (leak.stack && property && object && requestId === undefined) {
        // A stack trace has no generic equivalent: the field goes.
        return (fixer) => removeProperty(fixer, property);
      }
      return (fixer) => {
        const fixes: TSESLint.RuleFix[] = [];
        if (property?.shorthand)
          fixes.push(fixer.replaceText(property, `${sourceCode.getText(property.key)}: ${replacement}`));
        else fixes.push(fixer.replaceText(root, replacement));
        if (requestId !== undefined && object)
          fixes.push(fixer.insertTextAfter(object.properties.at(-1)!, `, requestId: ${requestId}`));
        return fixes;
      };
    }

    function check(node: TSESTree.Node): void {
      const send = getResponseSend(context, node);
      if (!send || send.bodyNodes.length === 0) return;
      const clientStatus = send.status !== undefined && send.status >= 400 && send.status < 500;
      let internalOnly: boolean | undefined;
      for (const body of send.bodyNodes) {
        const leaks: Leak[] = [];
        findLeaks(body, 0, leaks);
        for (const leak of leaks) {
          if (reported.has(leak.node)) continue;
          // Fastify's `reply.send(err)` hands an Error to the error handler rather than serialising it.
          if (
            send.framework === "fastify" &&
            send.kind === "call" &&
            leak.whole &&
            unwrapExpression(body) === leak.node
          )
            continue;
          if (isEnvironmentGuarded(leak.node, leak.caught.body)) continue;
          if (!leak.stack && (clientStatus || isNarrowedToClientError(context, leak.caught, leak.node))) continue;
          if (!leak.stack && send.handler && (internalOnly ??= isOperatorOnlyHandler(context, send.handler, node)))
            continue;
          if (!mayViewShow(context, send, leak.node)) continue;
          reported.add(leak.node);
          const statusNode = send.statusNode;
          // Repeating a status expression that calls something is not safe to do behind the user's back.
          const sound = send.status !== undefined || !statusNode || leak.stack || !hasSideEffect(statusNode);
          const fix = getFix(leak, send, body, undefined);
          const requestId = getRequestId(send);
          const withRequestId = requestId === undefined ? undefined : getFix(leak, send, body, requestId);
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
          if (!sound && fix)
            suggest.push({ messageId: "useGenericMessage", data: { message: getGenericMessage() }, fix });
          if (withRequestId) suggest.push({ messageId: "addRequestId", data: { requestId }, fix: withRequestId });
          context.report({
            node: leak.node,
            messageId: "leak",
            data: { what: leak.what },
            fix: sound ? fix : null,
            suggest,
          });
        }
      }
    }

    return { [RESPONSE_SEND_SELECTOR]: check };
  },
});
