import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getEnvReadText } from "../fix/get-env-read-text.js";
import { getIndentation } from "../fix/insert-statement.js";
import { mayRunInBrowser } from "../fix/may-run-in-browser.js";
import { getReceiver } from "../frameworks/get-receiver.js";
import { getPropertyKeyName, getStaticString } from "../frameworks/get-static-string.js";
import { createRule } from "../utils/create-rule.js";
import { getDestructuredEnvReads, getEnvRead, type EnvRead } from "../utils/get-env-read.js";
import { getImportOrigin } from "../utils/get-import-origin.js";
import { isConditionallyExecuted } from "../utils/is-conditionally-executed.js";
import { isDevelopmentOnly } from "../utils/is-development-only.js";
import { isTestFile } from "../utils/is-test-file.js";
import { toConstantCase } from "../utils/is-secret-name.js";
import { getUnwrappedExpression, TS_WRAPPER_TYPES } from "../utils/get-unwrapped-expression.js";

type Options = [{ names?: string[] }];
type MessageIds =
  | "envDefaultOn"
  | "envDefaultOnDestructured"
  | "envNegatedOff"
  | "constantOn"
  | "optionOn"
  | "expressEnv"
  | "koaEnv"
  | "mongooseDebug"
  | "errorhandler"
  | "developmentLogging"
  | "onlyInDevelopment"
  | "offUnlessOn"
  | "removeDefault";

/** `DEBUG`, `APP_DEBUG`, `DEBUG_MODE`, `DEBUG_SQL`: `DEBUG` as a whole `_`-segment of the env name. */
const DEBUG_ENV_NAME = /(?:^|_)DEBUG(?:_|$)/u;
/** `DEBUG`, `debug`, `isDebug`, `IS_DEBUG`, `enableDebug`, `debugMode`, `DEBUG_ENABLED`. Fixed alternatives only. */
const DEBUG_IDENTIFIER = /^(?:is_?|enable_?)?debug(?:_?(?:mode|enabled|on))?$/iu;
/** Values that switch a flag on, and for string conventions, the value that switches it off. */
const ON_VALUES = new Set(["true", "1", "yes", "on"]);
const OFF_TO_ON: ReadonlyMap<string, string> = new Map([
  ["false", "true"],
  ["0", "1"],
  ["no", "yes"],
  ["off", "on"],
]);
const ERRORHANDLER_SOURCE = "errorhandler";
const PINO_PRETTY = "pino-pretty";
/** Calls whose object arguments are data or messages, not setup: `res.json({ debug: true })`. */
const NON_SETUP_METHODS = new Set([
  "json",
  "send",
  "render",
  "log",
  "info",
  "warn",
  "error",
  "trace",
  "fatal",
  "emit",
  "write",
  "push",
]);

const unwrapParentheses = (node: TSESTree.Node): TSESTree.Node => getUnwrappedExpression(node);

/** The value a literal switches a flag to: `"on"`, the string it compares as, or `undefined`. */
function getOnValue(node: TSESTree.Node): string | undefined {
  const target = unwrapParentheses(node);
  if (target.type !== AST_NODE_TYPES.Literal) return getStaticOnString(target);
  if (target.value === true) return "true";
  if (target.value === 1) return "1";
  return getStaticOnString(target);
}

function getStaticOnString(node: TSESTree.Node): string | undefined {
  const value = getStaticString(node)?.trim().toLowerCase();
  return value !== undefined && ON_VALUES.has(value) ? value : undefined;
}

/**
 * Attribute tests, after the property holding the value, for what {@link isBooleanTrue} can accept: the
 * literal `true` (its `raw` tells it from the string `"true"`), or a TypeScript wrapper around a value.
 */
const BOOLEAN_TRUE_ATTRIBUTES = [".raw='true'", `.type=/^(?:${TS_WRAPPER_TYPES.join("|")})$/u`];

function isBooleanTrue(node: TSESTree.Node): boolean {
  const target = unwrapParentheses(node);
  return target.type === AST_NODE_TYPES.Literal && target.value === true;
}

/** `X === "1"` for a 0/1 switch; `X?.toLowerCase() === "true"` for words, so `TRUE` and `True` count. */
function buildOnComparison(readText: string, onValue: string): string {
  return onValue === "1" ? `${readText} === "1"` : `${readText}?.toLowerCase() === ${JSON.stringify(onValue)}`;
}

/** Where a boolean expression can replace `node` without adding parentheses. */
function canTakeComparison(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (ASTUtils.isParenthesized(node, sourceCode)) return true;
  const parent = node.parent;
  if (!parent) return true;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.JSXExpressionContainer:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return true;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee !== node;
    case AST_NODE_TYPES.LogicalExpression:
      return true;
    default:
      return false;
  }
}

/** A position that only asks whether the value is truthy. */
function isTruthinessPosition(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node;
    case AST_NODE_TYPES.ForStatement:
      return parent.test === node;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === "!";
    case AST_NODE_TYPES.LogicalExpression:
      return parent.operator === "&&" && parent.left === node
        ? true
        : parent.operator === "&&" && isTruthinessPosition(parent);
    case AST_NODE_TYPES.CallExpression:
      return (
        parent.callee.type === AST_NODE_TYPES.Identifier &&
        parent.callee.name === "Boolean" &&
        parent.arguments[0] === node
      );
    default:
      return false;
  }
}

/** A variable set to `true` (perhaps under a TypeScript wrapper): `const DEBUG = true`. */
const MODULE_CONSTANT_SELECTOR = `VariableDeclarator[id.type='Identifier']:matches(${BOOLEAN_TRUE_ATTRIBUTES.map((attribute) => `[init${attribute}]`).join(", ")})`;
/** An option set to `true`: `{ debug: true }`. */
const OPTION_SELECTOR = `ObjectExpression > Property[computed=false][kind='init']:matches(${BOOLEAN_TRUE_ATTRIBUTES.map((attribute) => `[value${attribute}]`).join(", ")})`;

export default createRule<Options, MessageIds>({
  name: "no-debug-default-on",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow debug switches that are on unless someone turns them off.",
      recommended: "recommended",
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/no-debug-default-on.md",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          names: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description:
              'More names of debug switches — environment variables, module-level constants or option keys — in addition to the `DEBUG` family, e.g. `["VERBOSE_ERRORS", "showStack"]`.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ names: [] }],
    messages: {
      envDefaultOn:
        "`{{text}}` turns debug on whenever `{{name}}` is unset, so a deployment that forgets the variable runs in debug mode in production. Make it off unless explicitly on: `{{fixed}}`.",
      envDefaultOnDestructured:
        "The default `{{name}} = {{value}}` turns debug on whenever `{{name}}` is unset, so a deploy that forgets it runs debug in production. Drop the default; compare with the on value where it is used.",
      envNegatedOff:
        "`{{text}}` is true for every value of `{{name}}` except {{off}}, including when it is unset: debug is on unless someone turns it off. Compare against the on value instead: `{{fixed}}`.",
      constantOn:
        "`{{name}} = true` hardcodes debug on for every environment, production included. Read it from the environment, off unless explicitly on: `{{fixed}}`.",
      optionOn:
        "`{{key}}: true` switches debug mode on in every environment, production included, where it leaks internals and slows the service. Read it from the environment, off unless explicitly on: `{{fixed}}`.",
      expressEnv:
        '`app.set("env", {{value}})` forces Express out of production mode everywhere: its default error handler then sends stack traces to clients. Take the mode from `NODE_ENV`, production unless explicitly set.',
      koaEnv:
        "`app.env = {{value}}` forces Koa out of production mode everywhere: error responses then carry internal details. Take the mode from `NODE_ENV`, production unless explicitly set.",
      mongooseDebug:
        '`mongoose.set("debug", true)` logs every query with its data in every environment, production included. Turn it on only when explicitly asked: `{{fixed}}`.',
      errorhandler:
        "`errorhandler()` sends full stack traces and error details to the client and is meant for development only; mounted unconditionally it does so in production. Mount it only when `NODE_ENV` is `development`.",
      developmentLogging:
        "`{{code}}` {{effect}} in every environment, production included. Turn it on only in development.",
      onlyInDevelopment: "Only in development: `{{fixed}}`.",
      offUnlessOn: "Make it off unless explicitly on: `{{fixed}}`.",
      removeDefault: "Remove the default `{{value}}`.",
    },
  },
  create(context, [options]) {
    if (isTestFile(context)) return {};
    const filename = context.filename;
    const sourceCode = context.sourceCode;
    const extraNames = new Set(options.names);
    // Both scan the file; only a report needs them.
    let envReadTextOfFile: ReturnType<typeof getEnvReadText> | undefined;
    const envReadText: ReturnType<typeof getEnvReadText> = (name) =>
      (envReadTextOfFile ??= getEnvReadText(context))(name);

    function isDebugEnvName(name: string): boolean {
      return extraNames.has(name) || DEBUG_ENV_NAME.test(name.toUpperCase());
    }
    function isDebugName(name: string): boolean {
      return extraNames.has(name) || DEBUG_IDENTIFIER.test(name);
    }
    /** `isDebug` → `DEBUG`, `debugMode` → `DEBUG_MODE`. */
    function toEnvName(name: string): string {
      const constant = toConstantCase(name);
      return constant.startsWith("IS_") ? constant.slice(3) : constant || "DEBUG";
    }
    function isProcessShadowed(node: TSESTree.Node): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), "process");
      return (
        variable !== null && variable.defs.length > 0 && getImportOrigin(variable)?.source.endsWith("process") !== true
      );
    }

    let browserUnsafeOfFile: boolean | undefined;
    const isBrowserUnsafe = (): boolean =>
      (browserUnsafeOfFile ??= mayRunInBrowser(sourceCode, filename) && envReadText("DEBUG").startsWith("process."));
    /**
     * The fix of a report whose fix adds a new environment read: an autofix, or a suggestion in a file
     * that may run in a browser (no `process` there), or nothing when `process` is a local binding.
     */
    function newReadFix(
      node: TSESTree.Node,
      fixed: string,
      fix: TSESLint.ReportFixFunction,
    ): Pick<TSESLint.ReportDescriptor<MessageIds>, "fix" | "suggest"> {
      if (isProcessShadowed(node)) return { fix: null, suggest: [] };
      if (isBrowserUnsafe()) return { fix: null, suggest: [{ messageId: "offUnlessOn", data: { fixed }, fix }] };
      return { fix, suggest: [] };
    }

    /** The env read under `.toLowerCase()`, `.trim()`, `String(...)` wrappers. */
    function getDebugRead(node: TSESTree.Node): EnvRead | undefined {
      let current = unwrapParentheses(node);
      for (let depth = 0; depth < 4; depth++) {
        if (current.type === AST_NODE_TYPES.ChainExpression) current = current.expression;
        const read = getEnvRead(context, current);
        if (read) return isDebugEnvName(read.name) ? read : undefined;
        if (current.type !== AST_NODE_TYPES.CallExpression) return undefined;
        const callee = current.callee;
        if (callee.type === AST_NODE_TYPES.Identifier && callee.name === "String" && current.arguments[0]) {
          current = current.arguments[0];
        } else if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          callee.property.type === AST_NODE_TYPES.Identifier &&
          ["toLowerCase", "toUpperCase", "trim", "toString"].includes(callee.property.name) &&
          current.arguments.length === 0
        ) {
          current = callee.object;
        } else {
          return undefined;
        }
      }
      return undefined;
    }

    /** Whether every read of the `const` that `expression` initialises only asks for truthiness. */
    function isOnlyTestedForTruthiness(expression: TSESTree.Node): boolean {
      const declarator = expression.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== expression) return false;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.parent.kind !== "const") return false;
      const variable = sourceCode.getDeclaredVariables(declarator)[0];
      const reads = variable?.references.filter((reference) => reference.isRead()) ?? [];
      return reads.length > 0 && reads.every((reference) => isTruthinessPosition(reference.identifier));
    }

    function checkLogical(node: TSESTree.LogicalExpression): void {
      if (node.operator !== "||" && node.operator !== "??") return;
      const onValue = getOnValue(node.right);
      if (onValue === undefined) return;
      const read = getDebugRead(node.left);
      if (!read || isDevelopmentOnly(node, filename)) return;
      const readText = sourceCode.getText(read.expression);
      const text = sourceCode.getText(node);
      const shadowed = isProcessShadowed(node);

      // `(process.env.DEBUG ?? "true") === "true"` / `!== "false"`: the comparison is the switch.
      const parent = node.parent;
      if (parent.type === AST_NODE_TYPES.BinaryExpression && ["===", "==", "!==", "!="].includes(parent.operator)) {
        const other = parent.left === node ? parent.right : parent.left;
        const compared = getStaticString(other)?.trim().toLowerCase();
        const equality = parent.operator === "===" || parent.operator === "==";
        const comparedOn =
          compared === undefined
            ? undefined
            : equality
              ? ON_VALUES.has(compared)
                ? compared
                : undefined
              : OFF_TO_ON.get(compared);
        const fixed = comparedOn === undefined ? undefined : buildOnComparison(readText, comparedOn);
        context.report({
          node,
          messageId: "envDefaultOn",
          data: { text, name: read.name, fixed: fixed ?? buildOnComparison(readText, "true") },
          fix:
            fixed && !shadowed
              ? (fixer) => fixer.replaceText(parent, canTakeComparison(parent, sourceCode) ? fixed : `(${fixed})`)
              : null,
        });
        return;
      }

      const fixed = buildOnComparison(readText, onValue);
      const replacement = canTakeComparison(node, sourceCode) ? fixed : `(${fixed})`;
      const fix = (fixer: TSESLint.RuleFixer) => fixer.replaceText(node, replacement);
      // A boolean default already made the value `string | true`; a string default made it a string that
      // other code may compare, so turning it into a boolean is only safe where it is merely tested.
      const safe = isBooleanTrue(node.right) || isTruthinessPosition(node) || isOnlyTestedForTruthiness(node);
      context.report({
        node,
        messageId: "envDefaultOn",
        data: { text, name: read.name, fixed },
        fix: safe && !shadowed ? fix : null,
        suggest: safe || shadowed ? [] : [{ messageId: "offUnlessOn", data: { fixed }, fix }],
      });
    }

    function checkNegatedOff(node: TSESTree.BinaryExpression): void {
      if (node.operator !== "!==" && node.operator !== "!=") return;
      const leftOff = getStaticString(node.left);
      const [readSide, offSide] = leftOff === undefined ? [node.left, node.right] : [node.right, node.left];
      const off = getStaticString(offSide)?.trim().toLowerCase();
      const on = off === undefined ? undefined : OFF_TO_ON.get(off);
      if (on === undefined) return;
      const read = getDebugRead(readSide);
      if (!read || isDevelopmentOnly(node, filename)) return;
      const fixed = buildOnComparison(sourceCode.getText(read.expression), on);
      context.report({
        node,
        messageId: "envNegatedOff",
        data: { text: sourceCode.getText(node), name: read.name, off: sourceCode.getText(offSide), fixed },
        fix: isProcessShadowed(node)
          ? null
          : (fixer) => fixer.replaceText(node, canTakeComparison(node, sourceCode) ? fixed : `(${fixed})`),
      });
    }

    function checkModuleConstant(node: TSESTree.VariableDeclarator): void {
      if (node.id.type !== AST_NODE_TYPES.Identifier || !node.init || !isBooleanTrue(node.init)) return;
      if (!isDebugName(node.id.name)) return;
      const declaration = node.parent;
      const statement = declaration.parent;
      if (statement?.type !== AST_NODE_TYPES.Program && statement?.type !== AST_NODE_TYPES.ExportNamedDeclaration)
        return;
      if (isDevelopmentOnly(node, filename)) return;
      // A flag the code flips later is state, not a switch.
      const variable = sourceCode.getDeclaredVariables(node)[0];
      if (variable?.references.some((reference) => reference.isWrite() && reference.identifier !== node.id)) return;
      const fixed = buildOnComparison(envReadText(toEnvName(node.id.name)), "true");
      const init = node.init;
      context.report({
        node: init,
        messageId: "constantOn",
        data: { name: node.id.name, fixed },
        ...newReadFix(node, fixed, (fixer) => fixer.replaceText(init, fixed)),
      });
    }

    /** The expression an options object belongs to, through nested objects and arrays. */
    function isSetupObject(object: TSESTree.ObjectExpression): boolean {
      let top: TSESTree.Node = object;
      while (
        top.parent &&
        (top.parent.type === AST_NODE_TYPES.Property ||
          top.parent.type === AST_NODE_TYPES.ObjectExpression ||
          top.parent.type === AST_NODE_TYPES.ArrayExpression ||
          top.parent.type === AST_NODE_TYPES.TSAsExpression ||
          top.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
      ) {
        if (top.parent.type === AST_NODE_TYPES.Property && top.parent.key === top) return false;
        top = top.parent;
      }
      const parent = top.parent;
      if (!parent) return false;
      if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
        if (!parent.arguments.includes(top as TSESTree.CallExpressionArgument)) return false;
        const callee = parent.callee;
        const method =
          callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier
            ? callee.property.name
            : undefined;
        return method === undefined || !NON_SETUP_METHODS.has(method);
      }
      if (parent.type === AST_NODE_TYPES.VariableDeclarator) {
        const statement = parent.parent.parent;
        return statement?.type === AST_NODE_TYPES.Program || statement?.type === AST_NODE_TYPES.ExportNamedDeclaration;
      }
      if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
      if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === top) {
        const text = sourceCode.getText(parent.left);
        return text === "module.exports" || text.startsWith("exports.") || text.startsWith("module.exports.");
      }
      return false;
    }

    function checkOption(node: TSESTree.Property): void {
      if (node.computed || node.kind !== "init" || !isBooleanTrue(node.value)) return;
      const key =
        node.key.type === AST_NODE_TYPES.Identifier
          ? node.key.name
          : node.key.type === AST_NODE_TYPES.Literal
            ? String(node.key.value)
            : undefined;
      if (key === undefined || !isDebugName(key)) return;
      if (node.parent.type !== AST_NODE_TYPES.ObjectExpression || !isSetupObject(node.parent)) return;
      if (isDevelopmentOnly(node, filename) || isConditionallyExecuted(node)) return;
      const fixed = buildOnComparison(envReadText(toEnvName(key)), "true");
      const value = node.value;
      context.report({
        node,
        messageId: "optionOn",
        data: { key, fixed },
        ...newReadFix(node, fixed, (fixer) => fixer.replaceText(value, fixed)),
      });
    }

    function isMongoose(node: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      const origin = getImportOrigin(ASTUtils.findVariable(sourceCode.getScope(node), node));
      return origin?.source === "mongoose" && origin.imported === "*";
    }

    function isErrorhandler(node: TSESTree.Node): boolean {
      const target = node.type === AST_NODE_TYPES.CallExpression ? node.callee : node;
      if (target.type !== AST_NODE_TYPES.Identifier) return false;
      const origin = getImportOrigin(ASTUtils.findVariable(sourceCode.getScope(target), target));
      return origin?.source === ERRORHANDLER_SOURCE && origin.imported === "*";
    }

    function checkSetCall(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
      const setting = getStaticString(node.arguments[0]);
      const value = node.arguments[1];
      if (!value || node.arguments.length !== 2) return;
      if (setting === "env") {
        const written = getStaticString(value);
        if (written === undefined || written === "production") return;
        const receiver = getReceiver(context, callee.object, true);
        if (
          !receiver ||
          (receiver.framework !== undefined && receiver.framework !== "express") ||
          receiver.kind === "router"
        )
          return;
        if (isConditionallyExecuted(node)) return;
        const mode = `${envReadText("NODE_ENV")} ?? "production"`;
        context.report({
          node,
          messageId: "expressEnv",
          data: { value: sourceCode.getText(value) },
          ...newReadFix(node, mode, (fixer) => fixer.replaceText(value, mode)),
        });
        return;
      }
      if (setting === "debug" && isBooleanTrue(value) && isMongoose(callee.object) && !isConditionallyExecuted(node)) {
        const fixed = buildOnComparison(envReadText("DEBUG"), "true");
        context.report({
          node,
          messageId: "mongooseDebug",
          data: { fixed },
          ...newReadFix(node, fixed, (fixer) => fixer.replaceText(value, fixed)),
        });
      }
    }

    function checkUse(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
      const mounted = node.arguments.find((argument) => isErrorhandler(argument));
      if (!mounted || isConditionallyExecuted(node)) return;
      const statement = node.parent;
      // Only a statement that is this one `use` call: wrapping a chain would make its other links conditional too.
      const canWrap =
        statement.type === AST_NODE_TYPES.ExpressionStatement &&
        callee.object.type !== AST_NODE_TYPES.CallExpression &&
        (statement.parent.type === AST_NODE_TYPES.Program || statement.parent.type === AST_NODE_TYPES.BlockStatement) &&
        !isProcessShadowed(node);
      context.report({
        node: mounted,
        messageId: "errorhandler",
        fix: canWrap
          ? (fixer) => {
              const indent = getIndentation(sourceCode, statement);
              const unit = indent.includes("\t") ? "\t" : "  ";
              const body = sourceCode.getText(statement).split("\n").join(`\n${unit}`);
              return fixer.replaceText(
                statement,
                `if (${envReadText("NODE_ENV")} === "development") {\n${indent}${unit}${body}\n${indent}}`,
              );
            }
          : null,
      });
    }

    /**
     * What a development-logging option does, or `undefined`: the option the suggestion gates (the
     * `transport` holding a `pino-pretty` target, or the option itself) and the effect the message names.
     */
    function getDevelopmentLogging(
      property: TSESTree.Property,
      key: string,
    ): { gated: TSESTree.Property; effect: string; off: string } | undefined {
      const value = unwrapParentheses(property.value);
      switch (key) {
        case "target": {
          if (getStaticString(value) !== PINO_PRETTY) return undefined;
          // `transport: { target }` or `transport: { targets: [{ target }] }`.
          let gated: TSESTree.Node | undefined = property.parent;
          for (let depth = 0; gated && depth < 4; depth++, gated = gated.parent) {
            if (gated.type === AST_NODE_TYPES.Property && getPropertyKeyName(gated) === "transport") break;
          }
          if (gated?.type !== AST_NODE_TYPES.Property) return undefined;
          return {
            gated,
            effect:
              "pretty-prints every log line: production gets slow, coloured text instead of JSON its log platform can query",
            off: "undefined",
          };
        }
        case "log":
          // Prisma: `log: ["query"]` or `log: [{ level: "query", emit: "event" }]`.
          if (value.type !== AST_NODE_TYPES.ArrayExpression || !isPrismaClientOptions(property.parent))
            return undefined;
          if (!value.elements.some((element) => element !== null && isQueryLevel(element))) return undefined;
          return { gated: property, effect: "logs every database query", off: "[]" };
        case "logging":
          // TypeORM `logging: true | "all" | ["query"]`; Sequelize `logging: true`.
          if (!isBooleanTrue(value) && getStaticString(value) !== "all") {
            if (
              value.type !== AST_NODE_TYPES.ArrayExpression ||
              !value.elements.some((element) => element !== null && getStaticString(element) === "query")
            ) {
              return undefined;
            }
          }
          return { gated: property, effect: "logs every database query", off: "false" };
        case "verbose":
          // better-sqlite3: `new Database(file, { verbose: console.log })` prints every statement.
          if (
            value.type !== AST_NODE_TYPES.MemberExpression ||
            value.object.type !== AST_NODE_TYPES.Identifier ||
            value.object.name !== "console"
          )
            return undefined;
          return { gated: property, effect: "prints every SQL statement", off: "undefined" };
        default:
          return undefined;
      }
    }

    function isPrismaClientOptions(object: TSESTree.Node): boolean {
      const parent = object.parent;
      return (
        parent?.type === AST_NODE_TYPES.NewExpression &&
        parent.arguments[0] === object &&
        parent.callee.type === AST_NODE_TYPES.Identifier &&
        parent.callee.name === "PrismaClient"
      );
    }

    function isQueryLevel(element: TSESTree.Node): boolean {
      if (getStaticString(element) === "query") return true;
      if (element.type !== AST_NODE_TYPES.ObjectExpression) return false;
      return element.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          getPropertyKeyName(property) === "level" &&
          getStaticString(property.value) === "query",
      );
    }

    function reportDevelopmentLogging(
      node: TSESTree.Node,
      code: string,
      effect: string,
      gated: TSESTree.Node,
      off: string,
    ): void {
      if (isDevelopmentOnly(node, filename) || isConditionallyExecuted(node)) return;
      const inDevelopment = `${envReadText("NODE_ENV")} === "development"`;
      const fixed = isBooleanTrue(gated) ? inDevelopment : `${inDevelopment} ? ${sourceCode.getText(gated)} : ${off}`;
      context.report({
        node,
        messageId: "developmentLogging",
        data: { code, effect },
        // A suggestion: the app may rely on the output locally in ways this file cannot show, and the
        // switch it already uses for development may not be `NODE_ENV`.
        suggest: isProcessShadowed(node)
          ? []
          : [{ messageId: "onlyInDevelopment", data: { fixed }, fix: (fixer) => fixer.replaceText(gated, fixed) }],
      });
    }

    function checkDevelopmentLoggingOption(node: TSESTree.Property): void {
      const key = getPropertyKeyName(node);
      if (key === undefined || node.parent.type !== AST_NODE_TYPES.ObjectExpression || !isSetupObject(node.parent))
        return;
      const logging = getDevelopmentLogging(node, key);
      if (!logging) return;
      const gated = logging.gated;
      reportDevelopmentLogging(node, sourceCode.getText(node), logging.effect, gated.value, logging.off);
    }

    /** `pino(options, pretty())`: a `pino-pretty` stream passed straight to the logger. */
    function checkPrettyStream(node: TSESTree.CallExpression): void {
      if (node.callee.type !== AST_NODE_TYPES.Identifier) return;
      const origin = getImportOrigin(ASTUtils.findVariable(sourceCode.getScope(node.callee), node.callee));
      if (origin?.source !== PINO_PRETTY) return;
      const parent = node.parent;
      if (
        (parent.type !== AST_NODE_TYPES.CallExpression && parent.type !== AST_NODE_TYPES.NewExpression) ||
        !parent.arguments.includes(node)
      )
        return;
      const effect =
        "pretty-prints every log line: production gets slow, coloured text instead of JSON its log platform can query";
      reportDevelopmentLogging(node, sourceCode.getText(node), effect, node, "undefined");
    }

    function checkKoaEnv(node: TSESTree.AssignmentExpression): void {
      if (node.operator !== "=" || node.left.type !== AST_NODE_TYPES.MemberExpression) return;
      const left = node.left;
      if (left.computed || left.property.type !== AST_NODE_TYPES.Identifier || left.property.name !== "env") return;
      const written = getStaticString(node.right);
      if (written === undefined || written === "production") return;
      const receiver = getReceiver(context, left.object, false);
      if (receiver?.framework !== "koa" || receiver.kind !== "app" || isConditionallyExecuted(node)) return;
      const right = node.right;
      const mode = `${envReadText("NODE_ENV")} ?? "production"`;
      context.report({
        node,
        messageId: "koaEnv",
        data: { value: sourceCode.getText(right) },
        ...newReadFix(node, mode, (fixer) => fixer.replaceText(right, mode)),
      });
    }

    function checkDestructured(node: TSESTree.ObjectPattern): void {
      for (const read of getDestructuredEnvReads(context, node)) {
        const value = read.defaultValue;
        if (
          !value ||
          getOnValue(value) === undefined ||
          !isDebugEnvName(read.name) ||
          isDevelopmentOnly(node, filename)
        )
          continue;
        const pattern = read.property.value;
        if (pattern.type !== AST_NODE_TYPES.AssignmentPattern) continue;
        const valueText = sourceCode.getText(value);
        context.report({
          node: pattern,
          messageId: "envDefaultOnDestructured",
          data: { name: read.name, value: valueText },
          suggest: [
            {
              messageId: "removeDefault",
              data: { value: valueText },
              fix: (fixer) => fixer.removeRange([pattern.left.range[1], pattern.range[1]]),
            },
          ],
        });
      }
    }

    // The selectors hold the checks' first, purely syntactic conditions (the operator; a `true` value,
    // perhaps under a TypeScript wrapper): ESLint skips the many other nodes of these types for us.
    const listeners: TSESLint.RuleListener = {
      "LogicalExpression[operator=/^(?:\\|\\||\\?\\?)$/u]": checkLogical,
      "BinaryExpression[operator=/^!==?$/u]": checkNegatedOff,
      [MODULE_CONSTANT_SELECTOR]: checkModuleConstant,
      [OPTION_SELECTOR]: checkOption,
      ObjectPattern: checkDestructured,
      "AssignmentExpression[left.type='MemberExpression'][left.property.name='env']": checkKoaEnv,
      "CallExpression[callee.type='MemberExpression'][callee.computed=false][callee.property.name='set']": (
        node: TSESTree.CallExpression,
      ) => checkSetCall(node, node.callee as TSESTree.MemberExpression),
      "Property[computed=false][kind='init'][key.name=/^(?:target|log|logging|verbose)$/u]":
        checkDevelopmentLoggingOption,
      // A stream handed to a logger: `pino(pretty())`.
      ":matches(CallExpression, NewExpression) > CallExpression.arguments[callee.type='Identifier']": checkPrettyStream,
      "CallExpression[callee.type='MemberExpression'][callee.computed=false][callee.property.name='use']": (
        node: TSESTree.CallExpression,
      ) => checkUse(node, node.callee as TSESTree.MemberExpression),
    };
    return listeners;
  },
});
