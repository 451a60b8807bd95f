import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { findEnclosingHandler } from "../frameworks/get-handler-info.js";
import { getRequestTime, type RequestTime } from "../frameworks/get-request-time.js";
import { isFunctionNode } from "../frameworks/get-function-from-expression.js";
import type { FunctionNode } from "../frameworks/types.js";
import { canCallRequireEnv, getRequireEnvHelper, getRequireEnvHelperFixes } from "../fix/get-require-env-fixes.js";
import { toStatement } from "../fix/insert-statement.js";
import { getLintedFilePath } from "../project/get-project-function.js";
import { hasProjectImport } from "../project/has-project-path-literal.js";
import { createRule } from "../utils/create-rule.js";
import { getCalleeNames } from "../utils/get-callee-names.js";
import { getEnvFallback, wrapUp } from "../utils/get-env-fallback.js";
import {
  ENV_CALL_SELECTOR,
  ENV_MEMBER_SELECTOR,
  getDestructuredEnvReads,
  getEnvRead,
  type EnvRead,
} from "../utils/get-env-read.js";
import { isEvaluatedOnImport } from "../utils/is-evaluated-on-import.js";
import { isInTestCode } from "../utils/is-in-test-code.js";
import { isTestFile } from "../utils/is-test-file.js";
import { walk } from "../utils/walk-nodes.js";

type Options = [{ ignore?: string[] }];
type MessageIds = "readInHandler" | "readAtStartup";

/**
 * Variables the runtime or the platform sets, and switches whose absence means "off": not settings an
 * operator must provide.
 */
const PLATFORM_VARIABLE =
  /^(?:NODE_ENV|NODE_OPTIONS|NEXT_RUNTIME|NEXT_PHASE|NEXT_PUBLIC_\w*|VERCEL\w*|CI|HOSTNAME|HOME|PWD|TZ|LANG|DEBUG|npm_\w+|AWS_REGION|AWS_LAMBDA_\w+|K_SERVICE|FLY_\w+|RAILWAY_\w+|RENDER\w*|HEROKU_\w+|DYNO)$/u;

const COMPARISONS = new Set(["===", "!==", "==", "!="]);

/** Every environment read: `process.env.X` and the like, and `Deno.env.get("X")`. */
const ENV_READ_SELECTOR = `${ENV_MEMBER_SELECTOR}, ${ENV_CALL_SELECTOR}`;

/** `node` with the logical operators and optional chains its value flows through: `a || process.env.KEY`. */
function getValueUse(node: TSESTree.Expression): TSESTree.Expression {
  let current = wrapUp(node);
  while (
    current.parent?.type === AST_NODE_TYPES.LogicalExpression ||
    current.parent?.type === AST_NODE_TYPES.ChainExpression
  )
    current = current.parent;
  return current;
}

/**
 * Whether the value at `node` is tested — `if (process.env.FLAG)`, `!key`, `key ? a : b`,
 * `process.env.MODE === "x"`, `process.env.LIST?.split(",")`, `key && use(key)` — so the code decides what
 * to do when it is missing: an optional setting, or one the code checks itself.
 */
function isTested(node: TSESTree.Expression): boolean {
  let current = wrapUp(node);
  // `process.env.MODE.toLowerCase() === "on"`: through the calls made on the value, to what is done with it.
  for (;;) {
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === current) {
      if (parent.optional) return true;
      const call = parent.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return false;
      current = call;
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.LogicalExpression) {
      // `key && use(key)`; `key || x` / `key ?? x` give a default.
      if (parent.left === current && parent.operator === "&&") return true;
      current = parent;
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.ChainExpression) {
      current = parent;
      continue;
    }
    break;
  }
  const parent = current.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === current;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === "!" || parent.operator === "typeof";
    case AST_NODE_TYPES.BinaryExpression:
      return COMPARISONS.has(parent.operator) && isConstant(parent.left === current ? parent.right : parent.left);
    case AST_NODE_TYPES.CallExpression:
      return parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === "Boolean";
    default:
      return false;
  }
}

/** Whether `node` holds something that fails the request: a `throw`, or an answer with a 5xx status. */
function hasFailure(node: TSESTree.Node, keys: TSESLint.SourceCode.VisitorKeys): boolean {
  return walk(
    node,
    keys,
    false,
    (current) =>
      current.type === AST_NODE_TYPES.ThrowStatement ||
      (current.type === AST_NODE_TYPES.Literal &&
        typeof current.value === "number" &&
        current.value >= 500 &&
        current.value < 600),
  );
}

/**
 * Whether the value at `node` is checked only to fail the request when it is missing —
 * `if (!process.env.KEY) throw new Error("KEY is not set")`, `if (!key) return res.status(500).json(…)`:
 * a required setting whose absence still shows on the first request, not at startup.
 */
function isCheckedToFail(node: TSESTree.Expression, keys: TSESLint.SourceCode.VisitorKeys): boolean {
  const value = wrapUp(node);
  if (value.parent?.type !== AST_NODE_TYPES.UnaryExpression || value.parent.operator !== "!") return false;
  let test: TSESTree.Node = value.parent;
  while (test.parent?.type === AST_NODE_TYPES.LogicalExpression && test.parent.operator === "||") test = test.parent;
  const statement = test.parent;
  return (
    statement?.type === AST_NODE_TYPES.IfStatement && statement.test === test && hasFailure(statement.consequent, keys)
  );
}

/** `"true"`, `undefined`: what a switch is compared with. A request value compared with the variable (`key === process.env.ADMIN_KEY`) is a secret check instead. */
function isConstant(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Literal ||
    (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === "undefined")
  );
}

/** Calls that answer the request with what they are given: a missing value is a missing field, not a failure. */
const RESPONSE_CALLS = new Set(["json", "send", "end", "write", "render", "redirect", "Response", "html", "text"]);

/**
 * Whether the code needs the value at `node` to work: it asserts it is set (`process.env.KEY!`,
 * `as string`), calls something on it, builds a URL or text from it, or hands it to a call — a client, a
 * signer, `fetch` — directly or as an option. A value only stored, returned or sent back as a field may
 * be optional.
 */
function isRequiredUse(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  node: TSESTree.Expression,
  depth = 0,
): boolean {
  const wrapped = wrapUp(node);
  if (
    wrapped !== node &&
    (wrapped.type === AST_NODE_TYPES.TSNonNullExpression || wrapped.type === AST_NODE_TYPES.TSAsExpression)
  )
    return true;
  let current = getValueUse(node);
  for (;;) {
    const parent = current.parent;
    switch (parent?.type) {
      case AST_NODE_TYPES.MemberExpression:
        return parent.object === current;
      case AST_NODE_TYPES.TemplateLiteral:
        return true;
      case AST_NODE_TYPES.BinaryExpression:
        // `req.headers["x-admin-key"] === process.env.ADMIN_KEY`: unset, a request without the header matches.
        if (COMPARISONS.has(parent.operator)) return !isConstant(parent.left === current ? parent.right : parent.left);
        return parent.operator === "+";
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        if (!parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return false;
        const name = getCalleeNames(parent.callee).name;
        return name !== "Boolean" && !RESPONSE_CALLS.has(name ?? "");
      }
      case AST_NODE_TYPES.Property:
        if (parent.value !== current || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
        // An option: `new Stripe({ apiKey })`, `createTransport({ auth: { user } })`.
        current = parent.parent;
        continue;
      case AST_NODE_TYPES.VariableDeclarator: {
        if (depth > 0 || parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
        const id = parent.id;
        const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
        return (
          variable?.references.some(
            (reference) =>
              reference.identifier !== id && isRequiredUse(context, reference.identifier as TSESTree.Expression, 1),
          ) ?? false
        );
      }
      default:
        return false;
    }
  }
}

/**
 * How the code tests the variable `const key = process.env.KEY` (or `const { KEY } = process.env`) stores:
 * `"fails"` when every test only fails the request when it is missing, `"handles"` when some test decides
 * what to do without it, `undefined` when nothing tests it.
 */
function getBindingTest(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  id: TSESTree.Identifier,
): "fails" | "handles" | undefined {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
  let result: "fails" | "handles" | undefined;
  for (const reference of variable?.references ?? []) {
    const use = reference.identifier as TSESTree.Expression;
    if (use === id || !isTested(use)) continue;
    if (!isCheckedToFail(use, context.sourceCode.visitorKeys)) return "handles";
    result = "fails";
  }
  return result;
}

/** The binding a read is stored in: `const key = process.env.KEY`. */
function getStoredBinding(node: TSESTree.Expression): TSESTree.Identifier | undefined {
  const use = getValueUse(node);
  const parent = use.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === use &&
    parent.id.type === AST_NODE_TYPES.Identifier
    ? parent.id
    : undefined;
}

/** The outermost function around `node`. */
function getOutermostFunction(node: TSESTree.Node): FunctionNode | undefined {
  let owner: FunctionNode | undefined;
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) owner = current;
  return owner;
}

/** Where the module-level statement `node` is written in starts: its decorators included (`@Controller() export class …`). */
function getTopLevelStart(node: TSESTree.Node): number | undefined {
  let current: TSESTree.Node | undefined = node;
  while (current?.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  if (!current?.parent) return undefined;
  const declaration =
    current.type === AST_NODE_TYPES.ExportNamedDeclaration || current.type === AST_NODE_TYPES.ExportDefaultDeclaration
      ? current.declaration
      : current;
  const decorators = declaration?.type === AST_NODE_TYPES.ClassDeclaration ? declaration.decorators : [];
  return Math.min(current.range[0], ...decorators.map((decorator) => decorator.range[0]));
}

interface Candidate {
  name: string;
  /** What is reported, and what the suggestion replaces. */
  node: TSESTree.Node;
  /** For a read; a destructured variable gets no suggestion. */
  read: EnvRead | undefined;
  requestTime: RequestTime;
  owner: FunctionNode | undefined;
}

export default createRule<Options, MessageIds>({
  name: "no-env-read-in-handler",
  meta: {
    type: "problem",
    docs: {
      description:
        "Disallow reading a required environment variable while a request is handled instead of once at startup.",
      recommended: "strict",
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/no-env-read-in-handler.md",
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          ignore: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description: "Variables read in handlers on purpose (a key an operator may rotate without a restart).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignore: [] }],
    messages: {
      readInHandler:
        "`{{name}}` is read from the environment while a request is handled, with no default: when it is missing the deploy succeeds and requests fail. Read it once at startup and stop there when it is missing.",
      readAtStartup: "Read `{{name}}` once when the module loads, with `{{call}}`.",
    },
  },
  create(context, [options]) {
    if (isTestFile(context)) return {};
    const sourceCode = context.sourceCode;
    const ignored = new Set(options.ignore ?? []);
    const candidates: Candidate[] = [];
    /** Variables whose value some code tests, by the function that owns the test. */
    const tested = new Map<FunctionNode | undefined, Set<string>>();

    function noteTested(owner: FunctionNode | undefined, name: string): void {
      const names = tested.get(owner);
      if (names) names.add(name);
      else tested.set(owner, new Set([name]));
    }

    function consider(
      name: string,
      node: TSESTree.Node,
      read: EnvRead | undefined,
      binding: TSESTree.Identifier | undefined,
    ): void {
      if (PLATFORM_VARIABLE.test(name) || ignored.has(name) || isEvaluatedOnImport(node)) return;
      // The handler the read is written in, or the module-level function around it.
      const owner = findEnclosingHandler(context, node)?.function ?? getOutermostFunction(node);
      const stored = binding ?? (read && getStoredBinding(read.expression));
      const bindingTest = stored && getBindingTest(context, stored);
      const checkedToFail = read ? isCheckedToFail(read.expression, sourceCode.visitorKeys) : false;
      if (bindingTest === "handles" || (read && isTested(read.expression) && !checkedToFail)) {
        noteTested(owner, name);
        return;
      }
      if (!checkedToFail && bindingTest !== "fails") {
        if (read && (getEnvFallback(context, read) || !isRequiredUse(context, read.expression))) return;
        if (!read && binding && !isBindingRequired(binding)) return;
      }
      if (isInTestCode(node)) return;
      const requestTime = getRequestTime(context, node);
      if (requestTime) candidates.push({ name, node, read, requestTime, owner });
    }

    function isBindingRequired(id: TSESTree.Identifier): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
      return (
        variable?.references.some(
          (reference) =>
            reference.identifier !== id && isRequiredUse(context, reference.identifier as TSESTree.Expression, 1),
        ) ?? false
      );
    }

    /**
     * Whether `next build` also loads the module: a Next.js route module, or a helper in a Next.js project.
     * A read on import there would need the variable at build time.
     */
    let nextProject: boolean | undefined;
    function isBuiltByNext(requestTime: RequestTime): boolean {
      if (requestTime.kind === "handler") return requestTime.handler.framework === "next";
      nextProject ??= hasProjectImport(getLintedFilePath(context), (specifier) => /^next(?:\/|$)/u.test(specifier));
      return nextProject;
    }

    /** `group`: the reads of one variable in one handler, the first reported; the suggestion replaces them all. */
    function getSuggestion(group: readonly Candidate[]): TSESLint.ReportSuggestionArray<MessageIds> {
      const candidate = group[0]!;
      const { name, read } = candidate;
      // A Next.js route module is also evaluated by `next build`: a read there would need the secret at build time.
      if (!read || read.source !== "process.env" || isBuiltByNext(candidate.requestTime)) return [];
      if (!/^[A-Za-z_$][\w$]*$/u.test(name)) return [];
      const start = getTopLevelStart(read.node);
      // At module level, only a module-level `requireEnv` of another meaning could capture the call.
      if (start === undefined || !canCallRequireEnv(context, sourceCode.ast)) return [];
      const helper = getRequireEnvHelper(context);
      const call = `${helper.name}(${JSON.stringify(name)})`;
      const target = wrapUp(read.expression);
      const existing = ASTUtils.findVariable(sourceCode.getScope(read.node), name);
      let declare = true;
      if (existing) {
        // Reused when it is the module-level read this suggestion writes.
        const definition = existing.defs[0];
        const init = definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? definition.node.init : null;
        if (existing.scope.block.type !== AST_NODE_TYPES.Program || !init || sourceCode.getText(init) !== call)
          return [];
        declare = false;
      }
      return [
        {
          messageId: "readAtStartup",
          data: { name, call },
          fix: (fixer) => [
            ...(declare ? getRequireEnvHelperFixes(fixer, context) : []),
            ...(declare
              ? [
                  fixer.insertTextBeforeRange(
                    [start, start],
                    `${toStatement(sourceCode, `const ${name} = ${call}`)}\n\n`,
                  ),
                ]
              : []),
            fixer.replaceText(target, name),
            ...group
              .slice(1)
              .flatMap((other) => (other.read ? [fixer.replaceText(wrapUp(other.read.expression), name)] : [])),
          ],
        },
      ];
    }

    const onEnvRead = (node: TSESTree.MemberExpression | TSESTree.CallExpression): void => {
      const read = getEnvRead(context, node);
      if (read) consider(read.name, read.node, read, undefined);
    };
    return {
      [ENV_READ_SELECTOR]: onEnvRead,
      "VariableDeclarator > ObjectPattern.id"(pattern: TSESTree.ObjectPattern) {
        for (const read of getDestructuredEnvReads(context, pattern)) {
          if (read.defaultValue === undefined) consider(read.name, read.property, undefined, read.binding);
        }
      },
      "Program:exit"() {
        // One report per variable and handler, on its first read.
        const groups = new Map<string, Candidate[]>();
        for (const candidate of candidates) {
          if (tested.get(candidate.owner)?.has(candidate.name)) continue;
          const key = `${candidate.name}\0${candidate.owner?.range[0] ?? -1}`;
          const group = groups.get(key);
          if (group) group.push(candidate);
          else groups.set(key, [candidate]);
        }
        for (const group of groups.values()) {
          const [first] = group;
          if (!first) continue;
          context.report({
            node: first.node,
            messageId: "readInHandler",
            data: { name: first.name },
            suggest: getSuggestion(group),
          });
        }
      },
    };
  },
});
