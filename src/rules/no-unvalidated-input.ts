import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getDeclaredInputShape, getTypeLiteralMember, mergeDeclaredShape } from "../fix/get-declared-input-shape.js";
import { getImportFixes } from "../fix/get-import-fixes.js";
import { getInputSchemaDeclaration, getParseCallText } from "../fix/get-input-schema-text.js";
import { getSchemaName } from "../fix/get-schema-name.js";
import { getStatementTerminator } from "../fix/get-statement-terminator.js";
import { getIndentation } from "../fix/insert-statement.js";
import { getValidationLibrary, type FoundValidationLibrary } from "../fix/get-validation-library.js";
import {
  getParamName,
  isFunctionNode,
  type FunctionNode,
  type RequestInputRead,
  type RequestInputSource,
} from "../frameworks/index.js";
import {
  collectHandlerInput,
  getParameterType,
  type HandlerInput,
  type HandlerInputOptions,
  type InputEntry,
} from "../project/get-handler-input.js";
import { createRule } from "../utils/create-rule.js";
import type { InputUsage } from "../utils/trace-request-input.js";

type Options = [HandlerInputOptions];
type MessageIds = "unvalidated" | "unvalidatedWhole" | "parsedButRaw" | "nestParameter" | "validateWithSchema";

type Entry = InputEntry;

/** Hono `c.req` methods and the `zValidator` target that replaces them. */
const HONO_VALID_TARGETS: Readonly<Record<string, string>> = {
  json: "json",
  parseBody: "form",
  query: "query",
  param: "param",
  header: "header",
};
const STRINGLY_BODY_METHODS = new Set(["parseBody"]);

function unwrapCasts(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (
      parent &&
      (parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSTypeAssertion ||
        parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression) &&
      parent.expression === current
    ) {
      current = parent;
      continue;
    }
    return current;
  }
}

function getCalledMethod(read: RequestInputRead): string | undefined {
  if (read.node.type !== AST_NODE_TYPES.CallExpression || read.node.callee.type !== AST_NODE_TYPES.MemberExpression)
    return undefined;
  const property = read.node.callee.property;
  return property.type === AST_NODE_TYPES.Identifier ? property.name : undefined;
}

function getTopLevelStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current.parent ? current : undefined;
}

const EXPRESS_REQUEST_TYPE_ARGUMENT: Readonly<Record<RequestInputSource, number>> = {
  params: 0,
  body: 2,
  query: 3,
  headers: -1,
};
const FASTIFY_ROUTE_GENERIC: Readonly<Record<RequestInputSource, string>> = {
  body: "Body",
  query: "Querystring",
  params: "Params",
  headers: "Headers",
};

/**
 * The type the code gives its input without checking it: a cast, a type argument on the read
 * (`c.req.json<T>()`), an annotation on the variable it is stored in, `Request<P, Res, Body, Query>`,
 * `FastifyRequest<{ Body }>` or `fastify.post<{ Body }>(...)`.
 */
function getDeclaredType(entry: Entry): TSESTree.TypeNode | undefined {
  for (const read of entry.reads) {
    if (read.kind !== "value") continue;
    if (read.node.type === AST_NODE_TYPES.CallExpression && read.node.typeArguments?.params[0])
      return read.node.typeArguments.params[0];
    const value =
      read.async && read.node.parent?.type === AST_NODE_TYPES.AwaitExpression ? read.node.parent : read.node;
    const target = unwrapCasts(value);
    if (
      target.type === AST_NODE_TYPES.TSAsExpression ||
      target.type === AST_NODE_TYPES.TSTypeAssertion ||
      target.type === AST_NODE_TYPES.TSSatisfiesExpression
    ) {
      return target.typeAnnotation;
    }
    const declarator = target.parent;
    if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === target) {
      const annotation = getParameterType(declarator.id);
      if (annotation) return annotation;
    }
  }
  const { handler, source } = entry;
  const requestType = getParameterType(handler.request);
  const typeArguments =
    requestType?.type === AST_NODE_TYPES.TSTypeReference ? requestType.typeArguments?.params : undefined;
  if (handler.framework === "express" && typeArguments) return typeArguments[EXPRESS_REQUEST_TYPE_ARGUMENT[source]];
  if (handler.framework === "fastify") {
    const routeCall = handler.route?.node.type === AST_NODE_TYPES.CallExpression ? handler.route.node : undefined;
    const generic = typeArguments?.[0] ?? routeCall?.typeArguments?.params[0];
    return getTypeLiteralMember(generic, FASTIFY_ROUTE_GENERIC[source]);
  }
  return undefined;
}

/** Query strings parsed with `qs` (Express and Nest on Express) nest `?id[$gt]=` into an object. */
const QS_FRAMEWORKS = new Set(["express", "nest"]);

/** What a client can put where the code expects a plain value, for this source and framework. */
function getRisk(entry: Entry, read: RequestInputRead): string {
  const method = getCalledMethod(read);
  switch (entry.source) {
    case "body":
      if (method === "formData" || method === "parseBody") return "form values are strings or files, or missing";
      return "a client can send null, a number, an array or an object there";
    case "query":
      if (QS_FRAMEWORKS.has(entry.handler.framework))
        return "a query value may be missing, an array or an object (`?id[$gt]=`)";
      return "a query value may be missing or an array (`?id=a&id=b`)";
    case "params":
      return "a path segment is any string the client picks";
    case "headers":
      return "a header may be missing or repeated";
  }
}

function isInside(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

export default createRule<Options, MessageIds>({
  name: "no-unvalidated-input",
  meta: {
    type: "problem",
    docs: {
      description:
        "Require request bodies, query strings and other client input to pass a schema validator before a handler uses them.",
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/no-unvalidated-input.md",
      recommended: { recommended: true, strict: [{ sources: ["body", "query"], checkUnregisteredHandlers: true }] },
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          sources: {
            type: "array",
            items: { type: "string", enum: ["body", "query", "params", "headers"] },
            uniqueItems: true,
            description:
              'Which request inputs must be validated. Default `["body", "query"]`, in `strict` too: path parameters are strings and headers are mostly the app\'s own auth, so `params` and `headers` are opt-in.',
          },
          validators: {
            type: "array",
            items: { type: "string", minLength: 1 },
            uniqueItems: true,
            description:
              "More names of validator functions or validation middleware, e.g. `checkInput` or `schemas.check` (added to `settings.harden.validation.names`).",
          },
          checkUnregisteredHandlers: {
            type: "boolean",
            description:
              "Also check functions that look like handlers by their parameters but are registered in another file, where a validator in the route chain cannot be seen (on in `strict`).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ sources: ["body", "query"], validators: [], checkUnregisteredHandlers: false }],
    messages: {
      unvalidated:
        "`{{read}}` is used without a schema check, yet this code relies on `{{fields}}`: {{risk}}. Parse it with a schema so bad input gets a 400 before this code runs.",
      unvalidatedWhole:
        "`{{read}}` is passed on without a schema check, so the client picks every field and its type (mass assignment: `isAdmin`, `userId`). Parse it with a schema and pass on only the result.",
      parsedButRaw:
        "`{{read}}` is passed on as the client sent it, though `{{check}}` checked it: the parse drops unknown fields only from what it returns, so a client can still set `isAdmin` or `userId` here. Pass on the parse result instead.",
      nestParameter:
        "`{{decorator}} {{name}}` {{problem}}, so the ValidationPipe has no class to check and the handler gets whatever the client sent. Type it with a class-validator DTO, or pass a pipe.",
      validateWithSchema:
        "Parse `{{read}}` with a new {{library}} schema `{{schema}}` built from what this handler reads (a field whose use shows no type becomes a string); check the field types before applying.",
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const takenNames = new Set<string>();
    let fileNames: Set<string> | undefined;
    function isNameTaken(name: string): boolean {
      if (!fileNames) {
        fileNames = new Set();
        for (const scope of sourceCode.scopeManager?.scopes ?? []) {
          for (const variable of scope.variables) fileNames.add(variable.name);
          for (const reference of scope.through) fileNames.add(reference.identifier.name);
        }
      }
      return fileNames.has(name) || takenNames.has(name);
    }

    /** Names declared in or referenced from the handler, which a new local must not shadow. */
    function getNamesInFunction(fn: FunctionNode): Set<string> {
      const names = new Set<string>();
      for (const scope of sourceCode.scopeManager?.scopes ?? []) {
        if (!isInside(scope.block, fn)) continue;
        for (const variable of scope.variables) names.add(variable.name);
        for (const reference of scope.through) names.add(reference.identifier.name);
      }
      return names;
    }

    let library: FoundValidationLibrary | undefined | null = null;
    function getLibrary(): FoundValidationLibrary | undefined {
      if (library === null) library = getValidationLibrary(context);
      return library;
    }

    /** The suggestion that declares a schema next to the route and parses the input with it. */
    function getSuggestion(
      entry: Entry,
      usage: InputUsage,
      readText: string,
    ): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      const { handler, reads } = entry;
      if (handler.framework === "nest" || usage.writes) return undefined;
      if (
        reads.some(
          (read) =>
            read.kind !== "value" || getCalledMethod(read) === "formData" || getCalledMethod(read) === "queries",
        )
      )
        return undefined;
      const found = getLibrary();
      if (!found) return undefined;
      const statement = getTopLevelStatement(handler.function);
      if (!statement || (found.statement && found.statement.range[0] > statement.range[0])) return undefined;

      // What each read is replaced as a whole: `await c.req.json()`, `req.body as Body`.
      const targets: TSESTree.Node[] = [];
      for (const read of [...reads].sort((a, b) => a.node.range[0] - b.node.range[0])) {
        let node: TSESTree.Node = read.node;
        if (read.async) {
          if (node.parent?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
          node = node.parent;
        }
        targets.push(unwrapCasts(node));
      }
      const first = reads.reduce((a, b) => (a.node.range[0] <= b.node.range[0] ? a : b));
      const firstTarget = targets[0]!;
      const valueText = sourceCode.getText(first.async ? first.node.parent! : first.node);
      const method = getCalledMethod(first);
      const stringly = entry.source !== "body" || (method !== undefined && STRINGLY_BODY_METHODS.has(method));

      const schemaName = getSchemaName(handler, entry.source, isNameTaken);
      const terminator = getStatementTerminator(sourceCode);
      const declared = getDeclaredInputShape(sourceCode, getDeclaredType(entry));
      const shape = declared ? mergeDeclaredShape(usage.shape, declared) : usage.shape;
      // Without a single known field the schema would strip everything the handler passes on.
      if (shape.fields.size === 0) return undefined;
      const declaration = getInputSchemaDeclaration(schemaName, shape, found.library, found.local, stringly);
      const comments = sourceCode.getCommentsBefore(statement);
      const anchor = comments[0] ?? statement;
      const lineStart = anchor.range[0] - anchor.loc.start.column;

      const edits: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[])[] = [];
      const honoTarget = method === undefined ? undefined : HONO_VALID_TARGETS[method];
      const route = handler.route;
      const contextParam = handler.context;
      const usesZValidator =
        handler.framework === "hono" &&
        found.library === "zod" &&
        honoTarget !== undefined &&
        reads.every((read) => getCalledMethod(read) === method) &&
        route?.handler === handler.function &&
        contextParam?.type === AST_NODE_TYPES.Identifier &&
        contextParam.typeAnnotation === undefined &&
        sourceCode.ast.body.some(
          (s) =>
            s.type === AST_NODE_TYPES.ImportDeclaration &&
            s.source.value === "@hono/zod-validator" &&
            s.specifiers.some(
              (spec) => spec.type === AST_NODE_TYPES.ImportSpecifier && spec.local.name === "zValidator",
            ),
        );

      if (usesZValidator) {
        const callee = (first.node as TSESTree.CallExpression).callee as TSESTree.MemberExpression;
        const requestText = sourceCode.getText(callee.object);
        const replacement = `${requestText}.valid(${JSON.stringify(honoTarget)})`;
        edits.push((fixer) => [
          fixer.insertTextBefore(handler.function, `zValidator(${JSON.stringify(honoTarget)}, ${schemaName}), `),
          ...targets.map((target) => fixer.replaceText(target, replacement)),
        ]);
      } else if (targets.length === 1) {
        edits.push((fixer) => [
          fixer.replaceText(firstTarget, getParseCallText(found.library, found.local, schemaName, valueText)),
        ]);
      } else {
        // Several reads: parse once, before the first, in the innermost block that holds them all.
        let block: TSESTree.Node | undefined = firstTarget.parent;
        while (
          block &&
          !(block.type === AST_NODE_TYPES.BlockStatement && targets.every((target) => isInside(target, block!)))
        ) {
          if (block === handler.function) return undefined;
          block = block.parent;
        }
        if (block?.type !== AST_NODE_TYPES.BlockStatement || !isInside(block, handler.function)) return undefined;
        const before = block.body.find((child) => isInside(firstTarget, child));
        if (!before) return undefined;
        let enclosing: TSESTree.Node | undefined = block;
        while (enclosing && !isFunctionNode(enclosing)) enclosing = enclosing.parent;
        if (reads.some((read) => read.async) && !(isFunctionNode(enclosing) && enclosing.async)) return undefined;
        const taken = getNamesInFunction(handler.function);
        const variableName = [
          entry.source,
          `valid${entry.source.charAt(0).toUpperCase()}${entry.source.slice(1)}`,
        ].find((name) => !taken.has(name));
        if (variableName === undefined) return undefined;
        const indent = getIndentation(sourceCode, before);
        const parse = getParseCallText(found.library, found.local, schemaName, valueText);
        edits.push((fixer) => [
          fixer.insertTextBefore(before, `const ${variableName} = ${parse}${terminator}\n${indent}`),
          ...targets.map((target) => fixer.replaceText(target, variableName)),
        ]);
      }
      takenNames.add(schemaName);
      return {
        messageId: "validateWithSchema",
        data: { read: readText, library: found.library, schema: schemaName },
        fix: (fixer) => [
          ...(found.import ? getImportFixes(fixer, sourceCode, found.import) : []),
          fixer.insertTextBeforeRange([lineStart, lineStart], `${declaration}${terminator}\n\n`),
          ...edits.flatMap((edit) => edit(fixer)),
        ],
      };
    }

    function getReadText(read: RequestInputRead): string {
      if (read.kind === "value") return sourceCode.getText(read.node);
      const property = read.node.parent;
      if (property?.type === AST_NODE_TYPES.Property) return sourceCode.getText(property.key);
      return sourceCode.getText(read.node);
    }

    /**
     * The whole input passed on after a parse whose result only said whether it passed:
     * `const { success } = schema.safeParse(body)` … `prisma.user.update({ data: body })`.
     */
    function reportParsedButRaw(usage: InputUsage): void {
      const parse = usage.discardedParse;
      if (!parse || usage.parseResultUsed) return;
      const use = usage.rawUses.find(
        (candidate) => candidate.path.length === 0 && candidate.site && candidate.site.range[0] > parse.range[1],
      );
      if (!use?.site) return;
      context.report({
        node: use.site,
        messageId: "parsedButRaw",
        data: { read: sourceCode.getText(use.site), check: `${sourceCode.getText(parse.callee)}(…)` },
      });
    }

    function report({ entry, verdict }: HandlerInput): void {
      if (verdict.status === "validated") {
        if (verdict.usage) reportParsedButRaw(verdict.usage);
        return;
      }
      if (verdict.status !== "raw") return;
      const { usage, uses, reliedOn } = verdict;
      const origin = uses.reduce((a, b) => (a.origin.range[0] <= b.origin.range[0] ? a : b)).origin;
      const read = entry.reads.find((r) => r.node === origin) ?? entry.reads[0]!;

      if (entry.nestType !== undefined) {
        const decorator = "decorators" in read.node ? read.node.decorators[0] : undefined;
        context.report({
          node: read.node,
          messageId: "nestParameter",
          data: {
            decorator: decorator ? sourceCode.getText(decorator) : "",
            name: getParamName(read.node as TSESTree.Parameter) ?? "{ … }",
            problem: entry.nestType,
          },
        });
        return;
      }
      const readText = getReadText(read);
      const suggestion = getSuggestion(entry, usage, readText);
      const reportNode =
        read.kind === "binding" && read.node.parent?.type === AST_NODE_TYPES.Property ? read.node.parent : read.node;
      context.report({
        node: reportNode,
        // Only whole-object uses left (`{ ...req.body }` after its fields were checked): the message is about passing it on.
        messageId: reliedOn.length > 0 && uses.some((use) => use.path.length > 0) ? "unvalidated" : "unvalidatedWhole",
        data: { read: readText, fields: reliedOn.join(", "), risk: getRisk(entry, read) },
        suggest: suggestion ? [suggestion] : [],
      });
    }

    return collectHandlerInput(context, options, (inputs) => {
      for (const input of inputs) report(input);
    });
  },
});
