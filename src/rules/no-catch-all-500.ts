import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getImportFixes, isDeclaredAtModuleLevel } from "../fix/get-import-fixes.js";
import { getValidationLibrary } from "../fix/get-validation-library.js";
import { getIndentation, toStatement } from "../fix/insert-statement.js";
import { isFunctionNode } from "../frameworks/get-function-from-expression.js";
import { createErrorHandling } from "../project/get-error-handling.js";
import { RESPONSE_SEND_SELECTOR, type ResponseSend } from "../frameworks/get-response-send.js";
import type { Framework, FunctionNode, HandlerInfo } from "../frameworks/types.js";
import { createRule } from "../utils/create-rule.js";
import type { CaughtError } from "../utils/get-caught-error.js";
import { getStatementRemovalFix } from "../fix/get-statement-removal-fix.js";
import { getHardenSettings, type ImportedName } from "../utils/settings.js";
import { isTypeScriptFile } from "../utils/is-typescript-file.js";

type MessageIds =
  "catchAll" | "catchAllNext" | "catchAllUnhandled" | "centralCatchAll" | "delegate" | "addStatusMapping";

/** Names tried, in order, for a binding the fix adds to `catch {}` / `.catch(() => …)`. */
const BINDING_NAMES = ["err", "error"];

/** The error class a validation library throws, and where the class is found. */
interface ValidationErrorClass {
  /** The library's module, and the specifiers it is imported from. */
  module: string;
  source: RegExp;
  className: string;
  /** The property that lists what was wrong with the input. */
  details: string;
  /** How the suggestion's message names the class. */
  label: string;
  /** Whether `import { <className> } from "<library>"` is safe to add (joi is CommonJS without static named exports). */
  namedImport: boolean;
}

const VALIDATION_ERROR_CLASSES: readonly ValidationErrorClass[] = [
  {
    module: "zod",
    source: /^zod(?:\/v[34])?$/u,
    className: "ZodError",
    details: "issues",
    label: "`ZodError`",
    namedImport: true,
  },
  {
    module: "valibot",
    source: /^valibot$/u,
    className: "ValiError",
    details: "issues",
    label: "`ValiError`",
    namedImport: true,
  },
  {
    module: "joi",
    source: /^joi$/u,
    className: "ValidationError",
    details: "details",
    label: "joi's `ValidationError`",
    namedImport: false,
  },
  {
    module: "yup",
    source: /^yup$/u,
    className: "ValidationError",
    details: "errors",
    label: "yup's `ValidationError`",
    namedImport: true,
  },
];
/** How the error reaches the central error handler: `next(err)` or `throw err`. */
interface Delegation {
  kind: "next" | "throw";
  /** The `next` function's name. */
  next: string;
  /** Adds `next` to the handler's parameters when it has none. */
  addNext: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined;
  /** Whether the edit keeps the program correct on every path, so it can be an autofix. */
  sound: boolean;
}

function isStatementListParent(
  node: TSESTree.Node | undefined,
): node is TSESTree.BlockStatement | TSESTree.Program | TSESTree.SwitchCase {
  return (
    node?.type === AST_NODE_TYPES.BlockStatement ||
    node?.type === AST_NODE_TYPES.Program ||
    node?.type === AST_NODE_TYPES.SwitchCase
  );
}

function getList(parent: TSESTree.BlockStatement | TSESTree.Program | TSESTree.SwitchCase): readonly TSESTree.Node[] {
  return parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : parent.body;
}

function getNearestFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** Whether a `try` with a `catch` between `node` and `boundary` would catch what `node` throws. */
function isInsideTry(node: TSESTree.Node, boundary: TSESTree.Node): boolean {
  for (
    let child = node, current = node.parent;
    current && current !== boundary;
    child = current, current = current.parent
  ) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) return true;
  }
  return false;
}

/** A statement that is only `return;`. */
function isBareReturn(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.ReturnStatement && node.argument === null;
}

export default createRule<[], MessageIds>({
  name: "no-catch-all-500",
  meta: {
    type: "problem",
    docs: {
      description:
        "Disallow answering every caught error with a 500; hand errors to the central error handler or tell client errors from server errors first.",
      recommended: "recommended",
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/no-catch-all-500.md",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
    messages: {
      catchAll:
        "This {{what}} answers 500 to every error, client errors included: clients cannot fix a bad request and on-call sees an outage. Hand it on with `{{delegate}}`, or answer 4xx for client errors first.",
      catchAllNext:
        "This {{what}} answers 500 to every error, client errors included: clients cannot fix a bad request and on-call sees an outage. Next.js has no central error handler: answer 4xx for client errors here.",
      catchAllUnhandled:
        "This {{what}} answers 500 to every error, client errors included: clients cannot fix a bad request and on-call sees an outage. No error middleware in this app would receive `next(err)`: answer 4xx for client errors here.",
      centralCatchAll:
        "This error handler answers 500 to every error without looking at it: bad input and missing records page on-call like an outage. Map client errors to 4xx (validation 400, not found 404).",
      delegate: "Replace the 500 response with `{{delegate}}`.",
      addStatusMapping: "Answer client errors ({{kinds}}) with 4xx before falling back to 500.",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const isTypeScript = isTypeScriptFile(context.filename);
    const errorHandling = createErrorHandling(context);
    const isErrorHandlerShown = (framework: Framework) => errorHandling.isErrorHandlerShown(framework);

    function isNameFree(scope: TSESLint.Scope.Scope, name: string): boolean {
      return ASTUtils.findVariable(scope, name) === null && !scope.through.some((ref) => ref.identifier.name === name);
    }

    /** The name of the caught error, and the edit that binds it when the code did not. */
    function getErrorBinding(
      caught: CaughtError,
    ): { name: string; add: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined } | undefined {
      const param = caught.param;
      if (param) return param.type === AST_NODE_TYPES.Identifier ? { name: param.name, add: undefined } : undefined;
      const owner = caught.owner;
      const name = BINDING_NAMES.find((candidate) => isNameFree(sourceCode.getScope(caught.body), candidate));
      if (name === undefined) return undefined;
      if (owner.type === AST_NODE_TYPES.CatchClause) {
        const catchToken = sourceCode.getFirstToken(owner);
        return catchToken ? { name, add: (fixer) => fixer.insertTextAfter(catchToken, ` (${name})`) } : undefined;
      }
      const start = owner.typeParameters?.range[1] ?? owner.id?.range[1] ?? owner.range[0];
      const openParen = sourceCode.getTokens(owner).find((token) => token.value === "(" && token.range[0] >= start);
      if (!openParen || owner.params.length > 0) return undefined;
      return { name, add: (fixer) => fixer.insertTextAfter(openParen, name) };
    }

    /** `next` can be added to an inline Express route handler or middleware: the framework passes it anyway. */
    function getAddNext(handler: HandlerInfo, sound: boolean): Delegation["addNext"] | undefined {
      const fn = handler.function;
      if (handler.framework !== "express" || handler.kind === "error-handler" || fn.params.length !== 2)
        return undefined;
      if (!fn.params.every((param) => param.type === AST_NODE_TYPES.Identifier)) return undefined;
      const inner =
        fn.body.type === AST_NODE_TYPES.BlockStatement ? sourceCode.getScope(fn.body) : sourceCode.getScope(fn);
      if (!isNameFree(sourceCode.getScope(fn), "next") || inner.set.has("next")) return undefined;
      const last = fn.params[1]!;
      const annotated = fn.params.some((param) => param.type === AST_NODE_TYPES.Identifier && param.typeAnnotation);
      // An inline callback gets its parameter types from the route method; elsewhere TypeScript needs the type.
      if (!sound && isTypeScript && annotated) {
        return (fixer) => [
          fixer.insertTextAfter(last, ", next: NextFunction"),
          ...(isDeclaredAtModuleLevel(sourceCode, "NextFunction")
            ? []
            : getImportFixes(fixer, sourceCode, { name: "NextFunction", source: "express" }, { typeOnly: true })),
        ];
      }
      return (fixer) => [fixer.insertTextAfter(last, ", next")];
    }

    function isInlineHandler(handler: HandlerInfo): boolean {
      const parent = handler.function.parent;
      if (handler.origin !== "registration") return false;
      const call = parent?.type === AST_NODE_TYPES.ArrayExpression ? parent.parent : parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
      // A wrapper (`asyncHandler(fn)`) hides the route's parameter types from TypeScript.
      return !isTypeScript || call.callee.type === AST_NODE_TYPES.MemberExpression;
    }

    /**
     * Whether `throw` at the send reaches the framework: the catch sits in the handler's own body (or in a
     * `.catch` callback whose promise the handler awaits or returns), with no other `try` around it.
     */
    function doesThrowReachFramework(send: ResponseSend, caught: CaughtError): boolean {
      const handler = send.handler;
      if (!handler) return false;
      const fn = handler.function;
      if (caught.kind === "catch") return getNearestFunction(caught.owner) === fn && !isInsideTry(caught.owner, fn);
      if (caught.kind !== "rejection") return false;
      let chain: TSESTree.Node = caught.owner.parent!;
      while (
        (chain.parent?.type === AST_NODE_TYPES.MemberExpression &&
          chain.parent.object === chain &&
          chain.parent.parent.type === AST_NODE_TYPES.CallExpression) ||
        chain.parent?.type === AST_NODE_TYPES.ChainExpression ||
        chain.parent?.type === AST_NODE_TYPES.TSAsExpression ||
        chain.parent?.type === AST_NODE_TYPES.TSNonNullExpression
      ) {
        chain = chain.parent.type === AST_NODE_TYPES.MemberExpression ? chain.parent.parent : chain.parent;
      }
      const parent = chain.parent;
      const handedBack =
        parent?.type === AST_NODE_TYPES.AwaitExpression ||
        parent?.type === AST_NODE_TYPES.ReturnStatement ||
        (parent === fn && fn.body === chain);
      return handedBack && getNearestFunction(chain) === fn && !isInsideTry(chain, fn);
    }

    function getDelegation(send: ResponseSend, caught: CaughtError): Delegation | undefined {
      const handler = send.handler;
      // The code already throws to the framework: rethrowing the original error lands in the same place.
      if (send.kind === "exception") return { kind: "throw", next: "", addNext: undefined, sound: true };
      if (!handler) return undefined;
      if (handler.framework === "express") {
        // `next(err)`, never `throw`: Express 4 does not catch a rejected async handler, and the file does not say which major it runs on.
        const shown = isErrorHandlerShown("express");
        const next = handler.next?.type === AST_NODE_TYPES.Identifier ? handler.next : undefined;
        if (next) {
          const visible = ASTUtils.findVariable(sourceCode.getScope(send.node), next.name);
          if (visible?.defs[0]?.name !== next) return undefined;
          return { kind: "next", next: next.name, addNext: undefined, sound: shown };
        }
        const inline = isInlineHandler(handler);
        const addNext = getAddNext(handler, inline);
        return addNext ? { kind: "next", next: "next", addNext, sound: inline && shown } : undefined;
      }
      // A throw from an error-first callback or a floating promise callback crashes or goes unhandled.
      if (!doesThrowReachFramework(send, caught)) return undefined;
      // Nest's exception layer always answers a thrown error with its JSON `{ statusCode, message }`.
      return {
        kind: "throw",
        next: "",
        addNext: undefined,
        sound: handler.framework === "nest" || isErrorHandlerShown(handler.framework),
      };
    }

    /** The statement a send stands in, and how it is written there. */
    function getSendStatement(
      send: ResponseSend,
    ):
      | { statement: TSESTree.Node; expression: TSESTree.Node; shape: "expression" | "return" | "throw" | "arrow" }
      | undefined {
      let expression: TSESTree.Node = send.node;
      if (expression.parent?.type === AST_NODE_TYPES.AwaitExpression) expression = expression.parent;
      const parent = expression.parent;
      if (parent?.type === AST_NODE_TYPES.ExpressionStatement)
        return { statement: parent, expression, shape: "expression" };
      if (parent?.type === AST_NODE_TYPES.ReturnStatement) return { statement: parent, expression, shape: "return" };
      if (parent?.type === AST_NODE_TYPES.ThrowStatement) return { statement: parent, expression, shape: "throw" };
      if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === expression)
        return { statement: expression, expression, shape: "arrow" };
      return undefined;
    }

    /** Statements that belong to the response and go with it: `res.status(500);` before it, Koa's `ctx.body = …`. */
    function getCompanionStatements(
      send: ResponseSend,
      statement: TSESTree.Node,
      caught: CaughtError,
    ): TSESTree.Node[] {
      const [start, end] = caught.body.range;
      const candidates: TSESTree.Node[] = [];
      if (send.statusNode) {
        let node: TSESTree.Node | undefined = send.statusNode;
        while (node && node.type !== AST_NODE_TYPES.ExpressionStatement && !isFunctionNode(node)) node = node.parent;
        if (
          node?.type === AST_NODE_TYPES.ExpressionStatement &&
          node !== statement &&
          !(send.node.range[0] >= node.range[0] && send.node.range[1] <= node.range[1])
        ) {
          candidates.push(node);
        }
      }
      if (send.kind === "assignment") {
        for (const body of send.bodyNodes) {
          const assignment = body.parent;
          if (
            assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
            assignment.parent.type === AST_NODE_TYPES.ExpressionStatement
          ) {
            candidates.push(assignment.parent);
          }
        }
      }
      return candidates.filter(
        (node) => node.range[0] >= start && node.range[1] <= end && isStatementListParent(node.parent),
      );
    }

    /** Whether nothing but `removed` statements (and a bare `return;`) runs after `statement` in the catch. */
    function isInTailPosition(
      statement: TSESTree.Node,
      caught: CaughtError,
      removed: ReadonlySet<TSESTree.Node>,
    ): boolean {
      for (let current: TSESTree.Node = statement; current !== caught.body; current = current.parent!) {
        const parent = current.parent;
        if (!parent) return false;
        if (isStatementListParent(parent)) {
          const list = getList(parent);
          const after = list.slice(list.indexOf(current) + 1).filter((node) => !removed.has(node));
          if (!(after.length === 0 || (after.length === 1 && isBareReturn(after[0])))) return false;
        } else if (parent.type !== AST_NODE_TYPES.IfStatement && parent.type !== AST_NODE_TYPES.CatchClause) {
          return false;
        }
      }
      return true;
    }

    function endsWithSemicolon(statement: TSESTree.Node): boolean {
      return sourceCode.getLastToken(statement)?.value === ";";
    }

    /** The fix that hands the error on instead of answering 500, and whether it is sound everywhere. */
    function getDelegateFix(
      send: ResponseSend,
      caught: CaughtError,
    ): { text: string; fix: TSESLint.ReportFixFunction; sound: boolean } | undefined {
      const binding = getErrorBinding(caught);
      const delegation = getDelegation(send, caught);
      const place = getSendStatement(send);
      if (!binding || !delegation || !place) return undefined;
      const { statement, expression, shape } = place;
      const companions = getCompanionStatements(send, statement, caught);
      const removed = new Set(companions);
      const isNext = delegation.kind === "next";
      const text = isNext ? `${delegation.next}(${binding.name})` : `throw ${binding.name}`;
      let sound = delegation.sound;
      if (!isNext && shape !== "throw" && shape !== "arrow") {
        sound &&= isInTailPosition(statement, caught, removed);
      }
      if (isNext && shape === "return" && caught.handler?.function.returnType) sound = false;
      if (isNext && shape === "throw") return undefined;
      const trailingReturn = (() => {
        if (isNext || !isStatementListParent(statement.parent)) return undefined;
        const list = getList(statement.parent);
        const next = list[list.indexOf(statement) + 1];
        return isBareReturn(next) ? next : undefined;
      })();
      return {
        text,
        sound,
        fix: (fixer) => {
          const fixes: TSESLint.RuleFix[] = [];
          if (binding.add) fixes.push(binding.add(fixer));
          if (delegation.addNext) fixes.push(...delegation.addNext(fixer));
          if (isNext) {
            fixes.push(fixer.replaceText(expression, text));
          } else if (shape === "throw") {
            fixes.push(fixer.replaceText(expression, binding.name));
          } else if (shape === "arrow") {
            fixes.push(fixer.replaceText(expression, `{ ${text}; }`));
          } else {
            fixes.push(fixer.replaceText(statement, `${text}${endsWithSemicolon(statement) ? ";" : ""}`));
            if (trailingReturn) fixes.push(getStatementRemovalFix(fixer, sourceCode, trailingReturn));
          }
          for (const companion of companions) fixes.push(getStatementRemovalFix(fixer, sourceCode, companion));
          return fixes;
        },
      };
    }

    /** A local name bound by a value import or `require` of a module `source` accepts, with what it binds. */
    function findModuleBinding(
      source: (value: string) => boolean,
      className: string,
    ): { local: string; kind: "class" | "module" } | "imported" | undefined {
      let imported = false;
      for (const statement of sourceCode.ast.body) {
        if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
          if (statement.importKind === "type" || !source(statement.source.value)) continue;
          imported = true;
          for (const specifier of statement.specifiers) {
            if (specifier.type !== AST_NODE_TYPES.ImportSpecifier)
              return { local: specifier.local.name, kind: "module" };
            const name =
              specifier.imported.type === AST_NODE_TYPES.Identifier
                ? specifier.imported.name
                : specifier.imported.value;
            if (name === className && specifier.importKind !== "type")
              return { local: specifier.local.name, kind: "class" };
          }
        } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of statement.declarations) {
            const init = declarator.init;
            const required =
              init?.type === AST_NODE_TYPES.CallExpression &&
              init.callee.type === AST_NODE_TYPES.Identifier &&
              init.callee.name === "require" &&
              init.arguments[0]?.type === AST_NODE_TYPES.Literal &&
              typeof init.arguments[0].value === "string" &&
              source(init.arguments[0].value);
            if (!required) continue;
            imported = true;
            if (declarator.id.type === AST_NODE_TYPES.Identifier) return { local: declarator.id.name, kind: "module" };
          }
        }
      }
      return imported ? "imported" : undefined;
    }

    /**
     * The check for the error the file's validation library throws, and what the 400 answers with:
     * `err instanceof ZodError` (or `z.ZodError`), valibot's `ValiError`, joi's and yup's `ValidationError`.
     * The library is the one `settings.harden.validation` names or the file imports; `undefined` when none is known.
     */
    function getValidationErrorCheck():
      { ref: string; entry: ValidationErrorClass; import: ImportedName | undefined } | undefined {
      const settings = getHardenSettings(context).validation;
      for (const entry of VALIDATION_ERROR_CLASSES) {
        if (settings && settings.library !== entry.module) continue;
        const found = findModuleBinding(
          (source) => (settings ? source === (settings.source ?? settings.library) : entry.source.test(source)),
          entry.className,
        );
        if (typeof found === "object" && found.kind === "class") return { ref: found.local, entry, import: undefined };
      }
      // zod's `z` and valibot's `* as v`, as the file has them or as the settings say to import them.
      const library = getValidationLibrary(context);
      if (library) {
        const entry = VALIDATION_ERROR_CLASSES.find((candidate) => candidate.module === library.library)!;
        return { ref: `${library.local}.${entry.className}`, entry, import: library.import };
      }
      if (settings) return undefined;
      // joi and yup, which the settings do not name: only as the file imports them.
      for (const entry of VALIDATION_ERROR_CLASSES.filter(
        (candidate) => candidate.module === "joi" || candidate.module === "yup",
      )) {
        const found = findModuleBinding((source) => entry.source.test(source), entry.className);
        if (typeof found === "object")
          return {
            ref: found.kind === "class" ? found.local : `${found.local}.${entry.className}`,
            entry,
            import: undefined,
          };
        if (found === "imported" && entry.namedImport && !isDeclaredAtModuleLevel(sourceCode, entry.className)) {
          return { ref: entry.className, entry, import: { name: entry.className, source: entry.module } };
        }
      }
      return undefined;
    }

    /** Hono's `HTTPException`, as the file imports it or with the import to add; `undefined` when the name is taken. */
    function getHttpExceptionRef(): { ref: string; import: ImportedName | undefined } | undefined {
      const found = findModuleBinding((source) => source === "hono/http-exception", "HTTPException");
      if (typeof found === "object" && found.kind === "class") return { ref: found.local, import: undefined };
      if (isDeclaredAtModuleLevel(sourceCode, "HTTPException")) return undefined;
      return { ref: "HTTPException", import: { name: "HTTPException", source: "hono/http-exception" } };
    }

    /**
     * Branches for client errors, inserted before the 500 in the handler's shape: the validation library's
     * error answers 400; an error that carries a 4xx status (`http-errors`, `ctx.throw(404)`, Fastify's own
     * errors, an app's `NotFoundError` with a `status`) answers with it; in Hono, an `HTTPException` answers
     * its own response. Each test narrows an `unknown` catch binding for TypeScript.
     */
    function getStatusMappingFix(
      send: ResponseSend,
      caught: CaughtError,
    ): { fix: TSESLint.ReportFixFunction; kinds: string } | undefined {
      const binding = getErrorBinding(caught);
      const place = getSendStatement(send);
      if (!binding || !place || place.shape === "arrow") return undefined;
      const companions = getCompanionStatements(send, place.statement, caught);
      const anchor = [place.statement, ...companions]
        .filter((node) => node.parent === place.statement.parent)
        .sort((a, b) => a.range[0] - b.range[0])[0]!;
      if (!isStatementListParent(anchor.parent)) return undefined;
      const indent = getIndentation(sourceCode, anchor);
      const inner = `${indent}  `;
      const e = binding.name;
      const receiver = send.receiver?.name;
      const returns = place.shape === "return";
      const answer = (status: string, body: string): string[] => {
        if (send.framework === "koa" && receiver)
          return [`${receiver}.status = ${status}`, `${receiver}.body = ${body}`, "return"];
        const call =
          send.framework === "hono" && receiver
            ? `${receiver}.json(${body}, ${status})`
            : send.framework === "fastify" && receiver
              ? `${receiver}.code(${status}).send(${body})`
              : receiver
                ? `${receiver}.status(${status}).json(${body})`
                : undefined;
        if (call === undefined) return [`return ${getResponseClassName(send)}.json(${body}, { status: ${status} })`];
        // A `return res.json()` where the code had none could clash with a declared `void` return type.
        return returns ? [`return ${call}`] : [call, "return"];
      };
      const branches: { test: string; lines: string[]; label: string; import: ImportedName | undefined }[] = [];
      const validation = getValidationErrorCheck();
      if (validation) {
        const { ref, entry } = validation;
        branches.push({
          test: `${e} instanceof ${ref}`,
          lines: answer("400", `{ error: "Invalid request", ${entry.details}: ${e}.${entry.details} }`),
          label: entry.label,
          import: validation.import,
        });
      }
      if (send.framework === "hono") {
        // `c.json(body, status)` takes only literal status codes; an `HTTPException` carries its own response.
        const exception = getHttpExceptionRef();
        if (exception)
          branches.push({
            test: `${e} instanceof ${exception.ref}`,
            lines: [`return ${e}.getResponse()`],
            label: "`HTTPException`",
            import: exception.import,
          });
      } else {
        // Fastify's errors carry `statusCode`; http-errors, Koa's and most apps' errors carry `status`.
        const property = send.framework === "fastify" ? "statusCode" : "status";
        const status = `${e}.${property}`;
        branches.push({
          test: `${e} instanceof Error && "${property}" in ${e} && typeof ${status} === "number" && ${status} >= 400 && ${status} < 500`,
          lines: answer(status, `{ error: ${e}.message }`),
          label: `a 4xx \`${property}\``,
          import: undefined,
        });
      }
      if (branches.length === 0) return undefined;
      const text = branches
        .map(
          (branch) =>
            `if (${branch.test}) {\n${branch.lines.map((line) => `${inner}${toStatement(sourceCode, line)}`).join("\n")}\n${indent}}\n${indent}`,
        )
        .join("");
      return {
        kinds: branches.map((branch) => branch.label).join(", "),
        fix: (fixer) => [
          ...(binding.add ? [binding.add(fixer)] : []),
          fixer.insertTextBefore(anchor, text),
          ...branches.flatMap((branch) => (branch.import ? getImportFixes(fixer, sourceCode, branch.import) : [])),
        ],
      };
    }

    /** `NextResponse` for `NextResponse.json(…)` / `new NextResponse(…)` as the file names it, else `Response`. */
    function getResponseClassName(send: ResponseSend): string {
      const node = send.node;
      const callee =
        node.type === AST_NODE_TYPES.NewExpression
          ? node.callee
          : node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression
            ? node.callee.object
            : undefined;
      return callee?.type === AST_NODE_TYPES.Identifier ? callee.name : "Response";
    }

    function getWhat(caught: CaughtError): string {
      if (caught.kind === "catch") return "`catch` block";
      if (caught.kind === "callback") return "error callback";
      const callee = (caught.owner.parent as TSESTree.CallExpression).callee as TSESTree.MemberExpression;
      return (callee.property as TSESTree.Identifier).name === "then"
        ? "`.then` rejection callback"
        : "`.catch` callback";
    }

    function check(node: TSESTree.Node): void {
      const found = errorHandling.getCatchAll500(node);
      if (!found) return;
      const { send, caught, handler } = found;
      if (caught.central || found.unhandled) {
        const mapping = getStatusMappingFix(send, caught);
        context.report({
          node: send.node,
          ...(caught.central
            ? { messageId: "centralCatchAll" }
            : {
                messageId: handler?.framework === "next" ? "catchAllNext" : "catchAllUnhandled",
                data: { what: getWhat(caught) },
              }),
          suggest: mapping ? [{ messageId: "addStatusMapping", data: { kinds: mapping.kinds }, fix: mapping.fix }] : [],
        });
        return;
      }
      const delegate = getDelegateFix(send, caught);
      const delegateText = delegate?.text ?? (send.handler?.framework === "express" ? "next(err)" : "throw err");
      context.report({
        node: send.node,
        messageId: "catchAll",
        data: { what: getWhat(caught), delegate: delegateText },
        fix: delegate?.sound ? delegate.fix : null,
        suggest:
          delegate && !delegate.sound
            ? [{ messageId: "delegate", data: { delegate: delegate.text }, fix: delegate.fix }]
            : [],
      });
    }

    return { [RESPONSE_SEND_SELECTOR]: check };
  },
});
