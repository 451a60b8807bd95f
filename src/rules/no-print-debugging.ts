import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getImportFixes } from "../fix/get-import-fixes.js";
import { getLogCallText, type LogCallParts, type LogLevel } from "../fix/get-log-call-text.js";
import { getCallName, getOperationName } from "../fix/get-operation-name.js";
import { getLogArguments } from "../fix/get-structured-log-call.js";
import { toStatement } from "../fix/insert-statement.js";
import { createRule } from "../utils/create-rule.js";
import { findLogger, type FoundLogger } from "../utils/find-logger.js";
import {
  getCaughtError,
  getCaughtErrorValue,
  getCaughtErrorVariables,
  type CaughtError,
} from "../utils/get-caught-error.js";
import { getStatementRemovalFix } from "../fix/get-statement-removal-fix.js";
import { getUnwrappedExpression } from "../utils/get-unwrapped-expression.js";
import { hasSideEffect } from "../utils/has-side-effect.js";
import { isBrowserCode } from "../frameworks/is-browser-code.js";
import { isCloudflareWorkersFile } from "../utils/is-cloudflare-workers-file.js";
import { isDebugGuarded } from "../utils/is-debug-guarded.js";
import { isScriptCode } from "../utils/is-script-code.js";

type Options = [
  {
    allow?: string[];
    includeErrorAndWarn?: boolean;
  },
];
type MessageIds = "console" | "debugger" | "useLogger" | "useLoggerLike" | "removeCall";

/** Methods that print debugging output, and the log level each maps to (`undefined`: no log equivalent). */
const DEBUG_METHODS: ReadonlyMap<string, LogLevel | undefined> = new Map([
  ["log", "info"],
  ["info", "info"],
  ["debug", "debug"],
  ["trace", "debug"],
  ["dir", "debug"],
  ["dirxml", "debug"],
  ["table", "debug"],
  ["time", undefined],
  ["timeEnd", undefined],
  ["timeLog", undefined],
  ["count", undefined],
  ["countReset", undefined],
  ["group", undefined],
  ["groupCollapsed", undefined],
  ["groupEnd", undefined],
]);
const ERROR_METHODS: ReadonlyMap<string, LogLevel> = new Map([
  ["error", "error"],
  ["warn", "warn"],
]);

const GENERIC_MESSAGE = "Unexpected error";

function getConsoleMethod(member: TSESTree.MemberExpression): string | undefined {
  if (member.object.type !== AST_NODE_TYPES.Identifier || member.object.name !== "console") return undefined;
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  if (member.computed && member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === "string") {
    return member.property.value;
  }
  return undefined;
}

/** Statement positions where a statement can simply disappear; elsewhere it is replaced by `{}`. */
function isInStatementList(statement: TSESTree.Node): boolean {
  const parent = statement.parent;
  return (
    parent?.type === AST_NODE_TYPES.BlockStatement ||
    parent?.type === AST_NODE_TYPES.Program ||
    parent?.type === AST_NODE_TYPES.SwitchCase ||
    parent?.type === AST_NODE_TYPES.StaticBlock
  );
}

function removeStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
  replacement: string,
): TSESLint.RuleFix {
  if (replacement || !isInStatementList(statement)) {
    return fixer.replaceText(statement, replacement || "{}");
  }
  return getStatementRemovalFix(fixer, sourceCode, statement);
}

export default createRule<Options, MessageIds>({
  name: "no-print-debugging",
  meta: {
    type: "suggestion",
    docs: {
      description:
        "Disallow `console` debugging and `debugger` in server code; log through a structured logger instead.",
      recommended: { recommended: true, strict: [{ includeErrorAndWarn: true }] },
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/no-print-debugging.md",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          allow: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: '`console` methods that are allowed, e.g. `["table"]` in a CLI script.',
          },
          includeErrorAndWarn: {
            type: "boolean",
            description: "Also flag `console.error` and `console.warn` (on in `strict`).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [], includeErrorAndWarn: false }],
    messages: {
      console:
        "`console.{{method}}` prints unstructured text that production log search cannot query or trace to a request. Log with {{logger}} instead: a constant message, the values as fields.",
      debugger:
        "`debugger` left in server code pauses the process when an inspector is attached and does nothing useful otherwise. Remove it.",
      useLogger: "Rewrite as `{{call}}`.",
      useLoggerLike: "Rewrite as `{{call}}`, if `{{logger}}` is called like {{style}}.",
      removeCall: "Remove this `console.{{method}}` call.",
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const allow = new Set(options.allow);
    let workers: boolean | undefined;

    /**
     * `console.x` where `console` is the global: found through the global scope's references rather
     * than a listener on every member expression. A shadowed `console` resolves to its own binding and
     * never appears here.
     */
    function getGlobalConsoleMembers(): TSESTree.MemberExpression[] {
      const globalScope = sourceCode.scopeManager?.globalScope;
      if (!globalScope) return [];
      const declared = globalScope.set.get("console");
      if (declared && declared.defs.length > 0) return [];
      const references = [
        ...(declared?.references ?? []),
        ...globalScope.through.filter((reference) => reference.identifier.name === "console"),
      ];
      const members: TSESTree.MemberExpression[] = [];
      for (const { identifier } of references) {
        const parent = identifier.parent;
        if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) members.push(parent);
      }
      return members.sort((a, b) => a.range[0] - b.range[0]);
    }

    function getLevel(method: string): LogLevel | undefined | false {
      if (allow.has(method)) return false;
      if (DEBUG_METHODS.has(method)) return DEBUG_METHODS.get(method);
      if (!options.includeErrorAndWarn || !ERROR_METHODS.has(method)) return false;
      // A Worker's console is the platform's log channel, recorded with its level: `console.error` there
      // is the error log, not a print.
      workers ??= isCloudflareWorkersFile(context.filename, context.cwd);
      return workers ? false : ERROR_METHODS.get(method);
    }

    /** `"db.user.create failed"`: what failed, named like `no-swallowed-error` names it. */
    function getFailureMessage(caught: CaughtError): string {
      let operation: string | undefined;
      if (caught.owner.type === AST_NODE_TYPES.CatchClause) {
        operation = getOperationName((caught.owner.parent as TSESTree.TryStatement).block, sourceCode.visitorKeys);
      } else if (caught.kind === "rejection" && caught.owner.parent?.type === AST_NODE_TYPES.CallExpression) {
        const callee = caught.owner.parent.callee;
        const object =
          callee.type === AST_NODE_TYPES.MemberExpression
            ? getUnwrappedExpression(callee.object, { await: true })
            : undefined;
        if (object?.type === AST_NODE_TYPES.CallExpression) operation = getCallName(object);
      }
      return operation === undefined ? GENERIC_MESSAGE : `${operation} failed`;
    }

    /** Whether `call` is the only thing that reads the caught error: removing it would swallow the error. */
    function isOnlyUseOfCaught(call: TSESTree.CallExpression, variables: readonly TSESLint.Scope.Variable[]): boolean {
      const within = (node: TSESTree.Node, outer: TSESTree.Node): boolean =>
        node.range[0] >= outer.range[0] && node.range[1] <= outer.range[1];
      const aliases = variables
        .slice(1)
        .map((variable) => variable.defs[0]?.node)
        .filter((node) => node !== undefined);
      const reads = variables.flatMap((variable) => variable.references.filter((reference) => reference.isRead()));
      return (
        reads.some((reference) => within(reference.identifier, call)) &&
        reads.every(
          (reference) =>
            within(reference.identifier, call) || aliases.some((alias) => within(reference.identifier, alias)),
        )
      );
    }

    return {
      DebuggerStatement: (node) => reportDebugger(context, node),
      "Program:exit"() {
        const members = getGlobalConsoleMembers();
        // A file with a hashbang is a command-line program: its console output is its user interface. A
        // browser component prints to the user's devtools, which no server log collects. Only `debugger`
        // is reported in either.
        if (members.length === 0 || sourceCode.text.startsWith("#!") || isBrowserCode(context)) return;
        for (const node of members) checkConsoleMember(node);
      },
    };

    function checkConsoleMember(node: TSESTree.MemberExpression): void {
      const method = getConsoleMethod(node);
      if (method === undefined) return;
      const level = getLevel(method);
      if (level === false || isDebugGuarded(sourceCode, node) || isScriptCode(node)) return;

      const call =
        node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node ? node.parent : undefined;
      const logger = findLogger(context, node);
      const loggerLabel = logger ? `\`${logger.expression}\`` : "a structured logger";
      if (!call) {
        // `promise.catch(console.error)`: flagged, but there is no call to rewrite.
        context.report({ node, messageId: "console", data: { method, logger: loggerLabel } });
        return;
      }

      const caught = getCaughtError(context, call);
      const variables = caught ? getCaughtErrorVariables(context, caught) : [];
      // The rewrite needs a logger to write to.
      const parts = logger && level !== undefined ? getLogCallParts(call, level, caught, variables) : undefined;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      let fix: TSESLint.ReportFixFunction | null = null;
      if (logger && parts) {
        const rewriteFix = (text: string) => (fixer: TSESLint.RuleFixer) => [
          fixer.replaceText(call, text),
          ...(logger.import ? getImportFixes(fixer, sourceCode, logger.import) : []),
        ];
        if (logger.style) {
          const text = getLogCallText(logger.expression, logger.style, parts);
          if (text !== undefined) fix = rewriteFix(text);
        } else {
          suggest.push(...getStyleSuggestions(logger, parts, rewriteFix));
        }
      }

      const statement = call.parent;
      // Removing the only line that reads the caught error would leave it swallowed.
      const removable = variables.length === 0 || !isOnlyUseOfCaught(call, variables);
      if (removable && statement.type === AST_NODE_TYPES.ExpressionStatement) {
        const kept = call.arguments.filter((arg) => arg.type !== AST_NODE_TYPES.SpreadElement && hasSideEffect(arg));
        const replacement = kept.map((arg) => toStatement(sourceCode, sourceCode.getText(arg))).join(" ");
        suggest.push({
          messageId: "removeCall",
          data: { method },
          fix: (fixer) => removeStatement(fixer, sourceCode, statement, replacement),
        });
      } else if (
        removable &&
        statement.type === AST_NODE_TYPES.ArrowFunctionExpression &&
        statement.body === call &&
        call.arguments.every((arg) => !hasSideEffect(arg))
      ) {
        // `x => console.log(x)` keeps a valid body that still returns `undefined`.
        suggest.push({
          messageId: "removeCall",
          data: { method },
          fix: (fixer) => fixer.replaceText(call, "undefined"),
        });
      }

      context.report({
        node: call,
        messageId: "console",
        data: { method, logger: loggerLabel },
        fix,
        suggest,
      });
    }

    function getLogCallParts(
      call: TSESTree.CallExpression,
      level: LogLevel,
      caught: CaughtError | undefined,
      variables: readonly TSESLint.Scope.Variable[],
    ): LogCallParts | undefined {
      const args = getLogArguments(sourceCode, call.arguments, (value) =>
        variables.length > 0 ? getCaughtErrorValue(sourceCode, value, variables) : undefined,
      );
      if (!args) return undefined;
      return {
        // A caught error printed with `console.log` is a failure: it is logged at the error level.
        level: args.caught && level === "info" ? "error" : level,
        message: args.message ?? (args.caught && caught ? getFailureMessage(caught) : undefined),
        values: args.values,
        errorIndex: args.errorIndex,
      };
    }

    /**
     * For a logger whose call style nothing tells, the rewrite in each common style, as suggestions: pino
     * takes `(fields, message)`, winston `(message, meta)`. One suggestion when both read the same.
     */
    function getStyleSuggestions(
      logger: FoundLogger,
      parts: LogCallParts,
      rewriteFix: (text: string) => TSESLint.ReportFixFunction,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const pino = getLogCallText(logger.expression, "pino", parts);
      const winston = getLogCallText(logger.expression, "winston", parts);
      if (pino === undefined || winston === undefined) return [];
      if (pino === winston) return [{ messageId: "useLogger", data: { call: pino }, fix: rewriteFix(pino) }];
      return [
        {
          messageId: "useLoggerLike",
          data: { call: pino, logger: logger.expression, style: "pino" },
          fix: rewriteFix(pino),
        },
        {
          messageId: "useLoggerLike",
          data: { call: winston, logger: logger.expression, style: "winston" },
          fix: rewriteFix(winston),
        },
      ];
    }
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

function reportDebugger(context: Context, node: TSESTree.DebuggerStatement): void {
  context.report({
    node,
    messageId: "debugger",
    fix: (fixer) => removeStatement(fixer, context.sourceCode, node, ""),
  });
}
