import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getImportFixes } from "../fix/get-import-fixes.js";
import { getStructuredLogCall } from "../fix/get-structured-log-call.js";
import { toStatement } from "../fix/insert-statement.js";
import { createRule } from "../utils/create-rule.js";
import { findLogger } from "../utils/find-logger.js";
import { getStatementRemovalFix } from "../fix/get-statement-removal-fix.js";
import { hasSideEffect } from "../utils/has-side-effect.js";

type Options = [
  {
    allow?: string[];
    includeErrorAndWarn?: boolean;
  },
];
type MessageIds = "console" | "debugger" | "useLogger" | "removeCall";

/** Methods that print debugging output, and the log level each maps to (`undefined`: no log equivalent). */
const DEBUG_METHODS: ReadonlyMap<string, string | undefined> = new Map([
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
const ERROR_METHODS: ReadonlyMap<string, string> = new Map([
  ["error", "error"],
  ["warn", "warn"],
]);

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
      description: "Disallow `console` debugging and `debugger` in server code; log through a structured logger instead.",
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
            description: "`console` methods that are allowed, e.g. `[\"table\"]` in a CLI script.",
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
      removeCall: "Remove this `console.{{method}}` call.",
    },
  },
  create(context, [options]) {
    const text = context.sourceCode.text;
    // A file with a hashbang is a command-line program: its console output is its user interface. A
    // file without `console` in its text has no console call: only `debugger` can be found in either.
    if (text.startsWith("#!") || !text.includes("console")) return { DebuggerStatement: (node) => reportDebugger(context, node) };
    return listen(context, options);
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

/**
 * The listeners of a file that mentions `console`, made only for such a file: the closures below
 * are not allocated for the many files that have none.
 */
function listen(context: Context, options: Options[0]): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  const allow = new Set(options.allow);

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

  function getLevel(method: string): string | undefined | false {
    if (allow.has(method)) return false;
    if (DEBUG_METHODS.has(method)) return DEBUG_METHODS.get(method);
    if (options.includeErrorAndWarn && ERROR_METHODS.has(method)) return ERROR_METHODS.get(method);
    return false;
  }

  return {
    DebuggerStatement: (node) => reportDebugger(context, node),
    "Program:exit"() {
      for (const node of getGlobalConsoleMembers()) checkConsoleMember(node);
    },
  };

  function checkConsoleMember(node: TSESTree.MemberExpression): void {
    const method = getConsoleMethod(node);
    if (method === undefined) return;
    const level = getLevel(method);
    if (level === false) return;

    const call = node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node ? node.parent : undefined;
    const logger = findLogger(context, node);
    const loggerLabel = logger.origin === "assumed" ? "the app's structured logger" : `\`${logger.expression}\``;
    if (!call) {
      // `promise.catch(console.error)`: flagged, but there is no call to rewrite.
      context.report({ node, messageId: "console", data: { method, logger: loggerLabel } });
      return;
    }

    const rewrite = level === undefined ? undefined : getStructuredLogCall(sourceCode, logger.expression, level, logger.style, call.arguments);
    const rewriteFix = rewrite && ((fixer: TSESLint.RuleFixer) => [
      fixer.replaceText(call, rewrite.text),
      ...(logger.import ? getImportFixes(fixer, sourceCode, logger.import) : []),
    ]);

    const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
    if (rewriteFix && logger.origin === "assumed") {
      suggest.push({ messageId: "useLogger", data: { call: rewrite.text }, fix: rewriteFix });
    }
    const statement = call.parent;
    if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      const kept = call.arguments.filter((arg) => arg.type !== AST_NODE_TYPES.SpreadElement && hasSideEffect(arg));
      const replacement = kept.map((arg) => toStatement(sourceCode, sourceCode.getText(arg))).join(" ");
      suggest.push({ messageId: "removeCall", data: { method }, fix: (fixer) => removeStatement(fixer, sourceCode, statement, replacement) });
    } else if (statement.type === AST_NODE_TYPES.ArrowFunctionExpression && statement.body === call && call.arguments.every((arg) => !hasSideEffect(arg))) {
      // `x => console.log(x)` keeps a valid body that still returns `undefined`.
      suggest.push({ messageId: "removeCall", data: { method }, fix: (fixer) => fixer.replaceText(call, "undefined") });
    }

    context.report({
      node: call,
      messageId: "console",
      data: { method, logger: loggerLabel },
      fix: rewriteFix && logger.origin !== "assumed" ? rewriteFix : null,
      suggest,
    });
  }
}
