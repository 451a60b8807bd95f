import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { isDeclaredAtModuleLevel } from "../fix/get-import-fixes.js";
import {
  findEnclosingHandler,
  getFunctionFromExpression,
  getNestInputParameter,
  getNextRouteFile,
  getObjectProperty,
  getParamName,
  getRequestInputBinding,
  getRequestInputPropertyNames,
  getRequestInputRead,
  getRouteMiddleware,
  type FunctionNode,
  type HandlerInfo,
  type RequestInputRead,
  type RequestInputSource,
} from "../frameworks/index.js";
import { isSecretGatedHandler } from "../frameworks/is-operator-only-handler.js";
import type { RouteRegistration, RuleContext } from "../frameworks/types.js";
import { getCalleeNames } from "../utils/get-callee-names.js";
import {
  ALL_SOURCES,
  getMiddlewareValidatedSources,
  getValidationFromName,
  mergeValidation,
  type MiddlewareValidation,
} from "../utils/get-middleware-validated-sources.js";
import { isValidatorName } from "../utils/is-validator-call.js";
import { getHardenSettings } from "../utils/settings.js";
import { createInputUsage, traceRequestInput, type InputUsage } from "../utils/trace-request-input.js";
import { createMountLookup, getChainValidator, getMountedBinding, MOUNTED_FRAMEWORKS } from "./get-mount-context.js";
import { getLintedFileFacts, getLintedFilePath } from "./get-project-function.js";
import { createValidatorLookup, type ValidatorLookup } from "./get-validating-functions.js";

export interface HandlerInputOptions {
  sources?: RequestInputSource[];
  validators?: string[];
  checkUnregisteredHandlers?: boolean;
}

/** One input source of one handler, with every read of it. */
export interface InputEntry {
  handler: HandlerInfo;
  source: RequestInputSource;
  reads: RequestInputRead[];
  /** Nest `@Body() body: any`: what is wrong with the parameter's type; `undefined` when a class describes it or a pipe checks it. */
  nestType: string | undefined;
  /** Nest: the pipe passed to the decorator (`@Body(new ParseIntPipe())`). */
  nestPipe?: boolean;
}

/** What validates a source before the handler runs, as the code writes it. */
export interface ValidatedBy {
  text: string;
  /** Where, when another file says it. */
  file?: string;
  line?: number;
  /** Where, in the linted file. */
  node?: TSESTree.Node;
}

export type InputVerdict =
  /** A schema checks the whole source: route or mount middleware, a route schema, a wrapper, a parse in the handler, a Nest DTO. */
  | { status: "validated"; by: ValidatedBy; usage?: InputUsage }
  /** The request comes from a caller holding a shared secret: its input is what the app's own job sent. */
  | { status: "trusted"; reason: "signed-request" | "shared-secret" }
  /** The handler converts or narrows every field it relies on itself (`Number(page)`, `typeof x === "string"`). */
  | { status: "checked"; usage: InputUsage }
  /** Read, but nothing relies on its shape: echoed back, logged. */
  | { status: "not-relied-on"; usage: InputUsage }
  /** Used as the client sent it: `uses` trust its shape; `reliedOn` names the fields read that way. */
  | { status: "raw"; usage: InputUsage; uses: InputUsage["rawUses"]; reliedOn: string[] };

export interface HandlerInput {
  entry: InputEntry;
  verdict: InputVerdict;
}

/** What is wrong with a Nest input parameter's type, or `undefined` when a class (a DTO) describes it. */
function getNestTypeProblem(sourceCode: Readonly<TSESLint.SourceCode>, param: TSESTree.Node): string | undefined {
  // `@Query() { page, limit }: ListDto` destructures a DTO the pipe has already checked.
  const annotation = getParameterType(param);
  if (!annotation) return "has no type";
  switch (annotation.type) {
    case AST_NODE_TYPES.TSAnyKeyword:
      return "is typed `any`";
    case AST_NODE_TYPES.TSTypeLiteral:
      return "has an inline object type";
    case AST_NODE_TYPES.TSObjectKeyword:
      return "is typed `object`";
    case AST_NODE_TYPES.TSTypeReference: {
      const name = annotation.typeName;
      if (name.type !== AST_NODE_TYPES.Identifier) return undefined;
      if (name.name === "Record" || name.name === "Object") return `is typed \`${sourceCode.getText(annotation)}\``;
      // An interface or type alias has no runtime class for the ValidationPipe to check against.
      const variable = ASTUtils.findVariable(sourceCode.getScope(name), name);
      const definition = variable?.defs[0];
      if (definition?.node.type === AST_NODE_TYPES.TSInterfaceDeclaration)
        return `is typed with the interface \`${name.name}\``;
      if (definition?.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration)
        return `is typed with the type alias \`${name.name}\``;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The type written on a parameter or a binding (`body: CreateUserDto`, `{ page }: ListDto`, `x: T = …`). */
export function getParameterType(node: TSESTree.Node | undefined): TSESTree.TypeNode | undefined {
  const target = node?.type === AST_NODE_TYPES.AssignmentPattern ? node.left : node;
  if (target?.type === AST_NODE_TYPES.Identifier || target?.type === AST_NODE_TYPES.ObjectPattern)
    return target.typeAnnotation?.typeAnnotation;
  return undefined;
}

/**
 * What checks a Nest input parameter: its pipe (`@Body(new ZodValidationPipe(schema))`), or the class it is
 * typed with, which the ValidationPipe checks it against.
 */
function getNestValidator(
  sourceCode: Readonly<TSESLint.SourceCode>,
  read: RequestInputRead,
  pipe: boolean,
): ValidatedBy {
  const param = read.node.type === AST_NODE_TYPES.AssignmentPattern ? read.node.left : read.node;
  const node = ("decorators" in param ? param.decorators?.[0] : undefined) ?? read.node;
  const type = getParameterType(read.node);
  return !pipe && type?.type === AST_NODE_TYPES.TSTypeReference
    ? { text: sourceCode.getText(type.typeName), node }
    : { text: sourceCode.getText(node), node };
}

/** Hono's validation targets by the request source they check. */
const HONO_VALID_SOURCES: Readonly<Record<string, RequestInputSource>> = {
  json: "body",
  form: "body",
  query: "query",
  param: "params",
  header: "headers",
};

/** `c.req.valid("json")`: the source whose validated value it reads. */
function getHonoValidTarget(call: TSESTree.CallExpression): RequestInputSource | undefined {
  const target = call.arguments[0];
  if (target?.type !== AST_NODE_TYPES.Literal || typeof target.value !== "string") return undefined;
  const callee = call.callee;
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.object.type !== AST_NODE_TYPES.MemberExpression ||
    callee.object.property.type !== AST_NODE_TYPES.Identifier ||
    callee.object.property.name !== "req"
  )
    return undefined;
  return Object.hasOwn(HONO_VALID_SOURCES, target.value) ? HONO_VALID_SOURCES[target.value] : undefined;
}

/**
 * The dynamic segments of a Pages API file (`pages/api/teams/[teamId].ts`): Next.js puts each in
 * `req.query` as one string, so a handler that reads `req.query.teamId` gets a string it can use as
 * a key. Catch-all segments (`[...slug]`) are arrays and stay out.
 */
function getNextPathParams(filename: string): Set<string> {
  const route = getNextRouteFile(filename);
  const names = new Set<string>();
  if (route?.router !== "pages") return names;
  for (const segment of route.path.split("/"))
    if (segment.startsWith(":") && !segment.endsWith("*")) names.add(segment.slice(1));
  return names;
}

interface SourceSelection {
  sources: Set<RequestInputSource>;
  /** The listeners' selectors for member reads and destructured reads of those property names. */
  memberSelector: string;
  patternSelector: string;
}

const sourceSelections = new Map<string, SourceSelection>();

/**
 * What the checked sources mean for the listeners, once per list of sources. Keyed by value: ESLint merges
 * `meta.defaultOptions` into a new options object for every file.
 */
function getSourceSelection(list: readonly RequestInputSource[] | undefined): SourceSelection {
  const key = list?.join(",") ?? "";
  let selection = sourceSelections.get(key);
  if (!selection) {
    const sources = new Set(list);
    // Only names that can read a checked source start a read: the listeners see nothing else.
    const names = [...getRequestInputPropertyNames(sources)];
    const pattern = `/^(?:${names.join("|")})$/u`;
    selection = {
      sources,
      memberSelector: `MemberExpression[property.name=${pattern}], MemberExpression[property.value=${pattern}]`,
      patternSelector: `ObjectPattern > Property[key.name=${pattern}], ObjectPattern > Property[key.value=${pattern}]`,
    };
    sourceSelections.set(key, selection);
  }
  return selection;
}

/** The validator names a check asks about (`has`): the configured ones, then the project's functions that validate. */
class ValidatorNames extends Set<string> {
  private isProjectValidator: ValidatorLookup | undefined;

  /**
   * `createLookup` runs at the first name that is not configured and that the file binds at its top
   * level, as every function it can find is (declared or imported): it reads the whole file's facts.
   */
  constructor(
    configured: readonly string[],
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly createLookup: () => ValidatorLookup,
  ) {
    super(configured);
  }

  override has(name: string): boolean {
    if (super.has(name)) return true;
    if (name.includes(".") || !isDeclaredAtModuleLevel(this.sourceCode, name)) return false;
    return (this.isProjectValidator ??= this.createLookup())(name);
  }
}

/** What is validated before a handler runs, and by what. */
interface ValidationBefore extends MiddlewareValidation {
  by: Map<RequestInputSource, ValidatedBy>;
}

/**
 * Listeners that find every read of the checked request sources in the file's handlers, and at the end of
 * the file tell `onInput` how each source of each handler is checked: by a schema before the handler (route,
 * router or mount middleware, a route schema, a validating wrapper) or in it, by the handler's own
 * conversions, or not at all. Handlers registered in another file count what those routes put in front.
 */
export function collectHandlerInput(
  context: RuleContext,
  options: HandlerInputOptions,
  onInput: (inputs: HandlerInput[]) => void,
): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  const { sources, memberSelector, patternSelector } = getSourceSelection(options.sources);
  const settings = getHardenSettings(context);
  let validatorNames: ReadonlySet<string> | undefined;
  /**
   * Configured validator names, and the project's own functions that validate what they are given: a
   * name is looked up in other files only when a handler's input meets a call to it.
   */
  const getValidatorNames = (): ReadonlySet<string> =>
    (validatorNames ??= new ValidatorNames(
      [...(options.validators ?? []), ...(settings.validation?.names ?? [])],
      sourceCode,
      () => createValidatorLookup(getLintedFilePath(context), getLintedFileFacts(sourceCode)),
    ));
  const entries = new Map<FunctionNode, Map<RequestInputSource, InputEntry>>();
  const usages = new WeakMap<InputEntry, InputUsage>();
  /** Handlers that call express-validator's `validationResult(req)` / `matchedData(req)` / `chain.run(req)`. */
  const expressValidated = new Set<FunctionNode>();
  /** Handlers that check the whole request's signature (`verifyWebhookSignature(req)`) before using it. */
  const signedRequests = new Set<FunctionNode>();
  const nestEntries: InputEntry[] = [];
  /** Hono `c.req.valid("json")`: what a validator middleware checked, read by the handler. */
  const validReads: { handler: HandlerInfo; source: RequestInputSource; node: TSESTree.CallExpression }[] = [];

  function add(read: RequestInputRead, nest?: { type: string | undefined; pipe: boolean }): void {
    if (!sources.has(read.source)) return;
    const { handler } = read;
    if (handler.kind === "error-handler") return;
    if (handler.origin === "signature" && !options.checkUnregisteredHandlers) return;
    if (nest) {
      nestEntries.push({ handler, source: read.source, reads: [read], nestType: nest.type, nestPipe: nest.pipe });
      return;
    }
    let bySource = entries.get(handler.function);
    if (!bySource) {
      bySource = new Map();
      entries.set(handler.function, bySource);
    }
    let entry = bySource.get(read.source);
    if (!entry) {
      entry = { handler, source: read.source, reads: [], nestType: undefined };
      bySource.set(read.source, entry);
    }
    entry.reads.push(read);
  }

  function getUsage(entry: InputEntry): InputUsage {
    const known = usages.get(entry);
    if (known) return known;
    const usage = createInputUsage();
    const reads = [...entry.reads].sort((a, b) => a.node.range[0] - b.node.range[0]);
    const { handler } = entry;
    const responders = new Set(
      [getParamName(handler.response), getParamName(handler.context)].filter((name) => name !== undefined),
    );
    for (const read of reads)
      traceRequestInput(sourceCode, usage, read, read.node, getValidatorNames(), {
        function: handler.function,
        responders,
      });
    usages.set(entry, usage);
    return usage;
  }

  /** Sources a middleware function defined in this file validates itself (`schema.parse(req.body); next()`). */
  function getFunctionValidatedSources(fn: FunctionNode): RequestInputSource[] {
    const bySource = entries.get(fn);
    if (!bySource) return [];
    return [...bySource.values()].filter((entry) => getUsage(entry).validated).map((entry) => entry.source);
  }

  const routeValidation = new WeakMap<HandlerInfo, ValidationBefore>();
  let mountLookup: ReturnType<typeof createMountLookup> | undefined;

  /** What validates whole requests on every way the app reaches the route's router, in this file and the files that mount it. */
  function getMountValidator(route: RouteRegistration): ValidatedBy | undefined {
    const name = getMountedBinding(context, route);
    if (name === undefined || !MOUNTED_FRAMEWORKS.has(route.framework)) return undefined;
    mountLookup ??= createMountLookup(getLintedFilePath(context), getLintedFileFacts(sourceCode));
    const chains = mountLookup.getChains(name, route.path);
    if (chains === undefined || chains.length === 0) return undefined;
    const validators = chains.map(getChainValidator);
    return validators.every((found) => found !== undefined) ? validators[0] : undefined;
  }

  /**
   * What is validated before the handler runs: chain / `use` middleware, Fastify route schema, a validating
   * wrapper (whole sources), express-validator chains (only the fields they name).
   */
  function getValidatedBeforeHandler(handler: HandlerInfo): ValidationBefore {
    const cached = routeValidation.get(handler);
    if (cached) return cached;
    const validation: ValidationBefore = { sources: [], fields: new Map(), by: new Map() };
    const addAll = (list: readonly RequestInputSource[], by: ValidatedBy) => {
      mergeValidation(validation, { sources: list, fields: new Map() });
      for (const source of list) if (!validation.by.has(source)) validation.by.set(source, by);
    };
    const nodeBy = (node: TSESTree.Node): ValidatedBy => ({ text: sourceCode.getText(node), node });
    // `withValidation(schema, async (req) => {})`, `export const POST = validated(schema, handler)`.
    let node: TSESTree.Node = handler.function;
    for (let depth = 0; depth < 3; depth++) {
      const parent: TSESTree.Node | undefined = node.parent;
      if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === node) break;
      const { name, path } = getCalleeNames(parent.callee);
      if (isValidatorName(name, getValidatorNames()) || (path !== undefined && getValidatorNames().has(path)))
        addAll(ALL_SOURCES, nodeBy(parent.callee));
      node = parent;
    }
    // Registered by routes of other files: what every one of them validates in front of it.
    if (handler.registrations && handler.registrations.length > 0) {
      let first: ValidatedBy | undefined;
      const perRoute = handler.registrations.map((registration) => {
        const found = new Set<RequestInputSource>();
        for (const middleware of registration.middleware) {
          const parts =
            middleware.kind === "ref" ? [middleware.name] : middleware.kind === "other" ? middleware.parts : undefined;
          const validated = (parts && getValidationFromName(parts, getValidatorNames())) ?? [];
          if (validated.length > 0)
            first ??= { text: middleware.text, file: registration.file, line: registration.line };
          for (const source of validated) found.add(source);
        }
        return found;
      });
      const everywhere = ALL_SOURCES.filter((source) => perRoute.every((found) => found.has(source)));
      if (first && everywhere.length > 0) addAll(everywhere, first);
    }
    const route = handler.route;
    if (route && handler.kind === "route") {
      const mounted = getMountValidator(route);
      if (mounted) addAll(ALL_SOURCES, mounted);
      for (const middleware of getRouteMiddleware(context, route)) {
        const byName = getMiddlewareValidatedSources(sourceCode, middleware.node, getValidatorNames());
        if (byName) {
          mergeValidation(validation, byName);
          for (const source of byName.sources)
            if (!validation.by.has(source)) validation.by.set(source, nodeBy(middleware.node));
          for (const source of byName.fields.keys())
            if (!validation.by.has(source)) validation.by.set(source, nodeBy(middleware.node));
          continue;
        }
        const fn = getFunctionFromExpression(context, middleware.node);
        if (fn && fn !== handler.function) addAll(getFunctionValidatedSources(fn), nodeBy(middleware.node));
        // `fastify.post(path, routeOptions, handler)` with options declared elsewhere may carry a schema.
        else if (!fn && route.framework === "fastify" && middleware.via === "chain")
          addAll(ALL_SOURCES, nodeBy(middleware.node));
      }
      const schema = route.options && getObjectProperty(route.options, "schema");
      if (schema) {
        const by = nodeBy(schema.key);
        if (schema.value.type === AST_NODE_TYPES.ObjectExpression) {
          const part = (...names: string[]) =>
            names.map((name) => getObjectProperty(schema.value as TSESTree.ObjectExpression, name)).find(Boolean);
          const body = part("body");
          const query = part("querystring", "query");
          const params = part("params");
          const headers = part("headers");
          if (body) addAll(["body"], { text: `schema.${sourceCode.getText(body.key)}`, node: body });
          if (query) addAll(["query"], { text: `schema.${sourceCode.getText(query.key)}`, node: query });
          if (params) addAll(["params"], { text: "schema.params", node: params });
          if (headers) addAll(["headers"], { text: "schema.headers", node: headers });
        } else {
          addAll(ALL_SOURCES, by);
        }
      }
    }
    routeValidation.set(handler, validation);
    return validation;
  }

  /** How one source of one handler is checked, given what is checked before it (`checkedBefore`: express-validator's fields, `"all"` when it cannot tell which). */
  function judge(
    entry: InputEntry,
    checkedBefore: ReadonlySet<string> | "all" | undefined,
    before: ValidatedBy | undefined,
  ): InputVerdict {
    const usage = getUsage(entry);
    if (usage.validated) {
      const call = usage.validator;
      return {
        status: "validated",
        by: call
          ? { text: sourceCode.getText(call.callee), node: call }
          : { text: "a validator", node: entry.reads[0]!.node },
        usage,
      };
    }
    const pathParams =
      entry.handler.framework === "next" && entry.source === "query" ? getNextPathParams(context.filename) : undefined;
    const isChecked = (field: string) =>
      usage.checkedFields.has(field) ||
      pathParams?.has(field) === true ||
      checkedBefore === "all" ||
      checkedBefore?.has(field) === true;
    const uses = usage.rawUses.filter((use) => use.path.length === 0 || !isChecked(use.path[0]!));
    if (uses.length === 0) {
      if (before) return { status: "validated", by: before };
      const checked =
        usage.checkedFields.size > 0 || [...usage.shape.fields.keys()].some((field) => pathParams?.has(field) === true);
      return { status: checked ? "checked" : "not-relied-on", usage };
    }
    const fields = [...usage.shape.fields.keys()].filter((field) => pathParams?.has(field) !== true);
    // The fields used as the client sent them, not the ones the code checks or converts itself.
    return { status: "raw", usage, uses, reliedOn: fields.filter((field) => !isChecked(field)) };
  }

  // `req.body`, `req["body"]`, `c.req.json()`: the read is the member expression.
  const onMember = (node: TSESTree.MemberExpression): void => {
    const read = getRequestInputRead(context, node);
    if (read) add(read);
  };
  // `({ body }) => {}`, `const { query } = req`.
  const onPattern = (node: TSESTree.Property): void => {
    const read = getRequestInputBinding(context, node);
    if (read) add(read);
  };
  return {
    [memberSelector]: onMember,
    [patternSelector]: onPattern,
    Decorator(node) {
      const parameter = getNestInputParameter(context, node);
      if (!parameter) return;
      add(parameter.read, {
        type: parameter.hasPipe ? undefined : getNestTypeProblem(sourceCode, parameter.read.node),
        pipe: parameter.hasPipe,
      });
    },
    "CallExpression[callee.property.name='valid']"(node: TSESTree.CallExpression) {
      const source = getHonoValidTarget(node);
      if (source === undefined || !sources.has(source)) return;
      const handler = findEnclosingHandler(context, node);
      const callee = node.callee as TSESTree.MemberExpression;
      const contextName = handler && getParamName(handler.context);
      if (
        handler?.framework !== "hono" ||
        handler.kind !== "route" ||
        callee.object.type !== AST_NODE_TYPES.MemberExpression ||
        callee.object.object.type !== AST_NODE_TYPES.Identifier ||
        callee.object.object.name !== contextName
      )
        return;
      validReads.push({ handler, source, node });
    },
    // express-validator: `validationResult(req)`, `matchedData(req)`, `chain.run(req)`.
    "CallExpression[callee.name=/^(?:validationResult|matchedData)$/u], CallExpression[callee.property.name=/^(?:validationResult|matchedData|run)$/u]"(
      node: TSESTree.CallExpression,
    ) {
      const argument = node.arguments[0];
      if (argument?.type !== AST_NODE_TYPES.Identifier) return;
      const handler = findEnclosingHandler(context, node);
      if (handler && getParamName(handler.request) === argument.name) expressValidated.add(handler.function);
    },
    // `if (!verifyWebhookSignature(req)) return`: the request comes from a sender holding the shared secret.
    "CallExpression[callee.name=/^verify\\w*Signature$/u], CallExpression[callee.property.name=/^verify\\w*Signature$/u]"(
      node: TSESTree.CallExpression,
    ) {
      const argument = node.arguments[0];
      if (argument?.type !== AST_NODE_TYPES.Identifier) return;
      const handler = findEnclosingHandler(context, node);
      if (handler && getParamName(handler.request) === argument.name) signedRequests.add(handler.function);
    },
    "Program:exit"() {
      const inputs: HandlerInput[] = [];
      for (const [fn, bySource] of entries) {
        for (const entry of bySource.values()) {
          if (signedRequests.has(fn)) {
            inputs.push({ entry, verdict: { status: "trusted", reason: "signed-request" } });
            continue;
          }
          // A job or internal endpoint behind a shared secret gets what the app's own caller sent.
          if (isSecretGatedHandler(context, entry.handler, entry.reads[0]!.node)) {
            inputs.push({ entry, verdict: { status: "trusted", reason: "shared-secret" } });
            continue;
          }
          const before = getValidatedBeforeHandler(entry.handler);
          if (before.sources.includes(entry.source)) {
            inputs.push({ entry, verdict: { status: "validated", by: before.by.get(entry.source)! } });
            continue;
          }
          // `validationResult(req)` with chains this file does not show: trust the fields it reads, not a whole
          // body passed on, which express-validator leaves as the client sent it.
          const checkedBefore = expressValidated.has(fn) ? "all" : before.fields.get(entry.source);
          const by = expressValidated.has(fn)
            ? { text: "express-validator", node: entry.reads[0]!.node }
            : before.by.get(entry.source);
          inputs.push({ entry, verdict: judge(entry, checkedBefore, checkedBefore === undefined ? undefined : by) });
        }
      }
      for (const { handler, source, node } of validReads) {
        if (entries.get(handler.function)?.has(source)) continue;
        const by = getValidatedBeforeHandler(handler).by.get(source) ?? {
          text: sourceCode.getText(node.callee),
          node,
        };
        inputs.push({
          entry: { handler, source, reads: [], nestType: undefined },
          verdict: { status: "validated", by },
        });
      }
      for (const entry of nestEntries) {
        const read = entry.reads[0]!;
        if (entry.nestType === undefined) {
          inputs.push({
            entry,
            verdict: { status: "validated", by: getNestValidator(sourceCode, read, entry.nestPipe === true) },
          });
        } else inputs.push({ entry, verdict: judge(entry, undefined, undefined) });
      }
      onInput(inputs);
    },
  };
}
