import { ASTUtils, AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { AUTH_NAME_PATTERNS, getAuthNameInfo, getNameWords } from "./is-auth-name.js";
import { getNameParts, isNamedIn, type AuthVocabulary } from "./get-auth-vocabulary.js";
import { getResponseSend } from "./get-response-send.js";
import type { FunctionNode, RuleContext } from "./types.js";
import { getImportedNames, isImportedAuthenticator } from "../project/is-imported-authenticator.js";
import { getEnvRead } from "../utils/get-env-read.js";
import { getLastAnswerMemo } from "../utils/get-last-answer-memo.js";
import { isSecretName } from "../utils/is-secret-name.js";

/** Read from anything: `req.headers.authorization`, `req.cookies.token`. */
const CREDENTIAL_PROPERTIES = new Set(["authorization", "cookies", "signedCookies"]);
/** Read from the request or its state: `req.user`, `req.session`, `ctx.state.user`, `res.locals.user`, `c.var.user`. */
const REQUEST_CREDENTIAL_PROPERTIES = new Set([
  "user",
  "session",
  "auth",
  "userId",
  "currentUser",
  "jwtPayload",
  "token",
  "principal",
  "claims",
  "isAuthenticated",
]);
const REQUEST_NAMES = new Set(["req", "request", "ctx", "context", "c", "event", "socket"]);
const REQUEST_CONTAINERS = new Set(["state", "locals", "session", "var", "raw"]);
/** Header, cookie and context keys that carry credentials: `req.get("Authorization")`, `getCookie(c, "token")`, `c.get("user")`. */
const CREDENTIAL_KEYS = new Set([
  "authorization",
  "x-api-key",
  "api-key",
  "apikey",
  "x-auth-token",
  "x-access-token",
  "access-token",
  "access_token",
  "auth-token",
  "auth_token",
  "token",
  "jwt",
  "session",
  "sessionid",
  "session_id",
  "user",
  "jwtpayload",
  "cookie",
  "svix-id",
]);
/** `getDataroomSession(…)`, `verifySessionToken(…)`: a call that fetches the caller's session or token. */
const SESSION_WORDS = new Set(["session", "token"]);
const SESSION_GETTERS = new Set(["get", "verify", "validate", "check", "load", "read", "require", "decode"]);
const EQUALITY_OPERATORS = new Set(["===", "!==", "==", "!="]);

/** `process.env.CRON_SECRET`, `process.env.REVALIDATE_TOKEN`: an environment variable named like a secret. */
function isSecretEnvRead(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.ChainExpression) return false;
  const read = getEnvRead(context, node);
  return read !== undefined && isSecretName(read.name);
}

/** Fragments of identifiers that name a denial: `UnauthorizedException`, `StatusCodes.FORBIDDEN`, `AuthenticationError`. */
const DENY_NAME_FRAGMENTS = [
  "unauthori",
  "forbidden",
  "unauthenticated",
  "notauthenticated",
  "accessdenied",
  "permissiondenied",
  "authenticationerror",
  "authorizationerror",
  "autherror",
  "notauthorized",
  "notloggedin",
  "authenticationfailed",
];
/** Fragments of messages that deny: `"Unauthorized"`, `"You must be logged in"`, `"Invalid token"`. */
const DENY_PHRASES = [
  "unauthori",
  "forbidden",
  "not authenticated",
  "unauthenticated",
  "authentication required",
  "authentication failed",
  "login required",
  "not logged in",
  "must be logged in",
  "must be signed in",
  "access denied",
  "permission denied",
  "not authorized",
  "not authorised",
  "invalid token",
  "no token",
  "missing token",
  "token missing",
  "token is missing",
  "token required",
  "invalid api key",
  "invalid signature",
  "please log in",
  "please login",
];
const LOGIN_PATH = /log-?in|sign-?in|auth/iu;
const WEBHOOK_OBJECTS = new Set(["wh", "webhook", "webhooks", "svix", "signature", "hmac"]);
const SKIPPED_KEYS = new Set(["parent", "typeAnnotation", "returnType", "typeParameters", "typeArguments"]);
/** A handler larger than this is judged on what was seen; it keeps the walk bounded on generated code. */
const MAX_NODES = 5000;

interface Findings {
  credential: boolean;
  deny: boolean;
  assertion: boolean;
}

function getPropertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  if (member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === "string")
    return member.property.value;
  return undefined;
}

function isRequestLike(node: TSESTree.Node, params: ReadonlySet<string>): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return REQUEST_NAMES.has(node.name) || params.has(node.name);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = getPropertyName(node);
    return name !== undefined && (REQUEST_CONTAINERS.has(name) || name === "req" || name === "request");
  }
  return false;
}

function isCredentialMember(member: TSESTree.MemberExpression, params: ReadonlySet<string>): boolean {
  const name = getPropertyName(member);
  if (name === undefined) return false;
  if (CREDENTIAL_PROPERTIES.has(name)) return true;
  return REQUEST_CREDENTIAL_PROPERTIES.has(name) && isRequestLike(member.object, params);
}

/** Every identifier of a handler is asked about; names repeat (`req`, `res`, `next`), so answers are kept. Bounded. */
const denyNames = new Map<string, boolean>();

function isDenyName(name: string): boolean {
  let answer = denyNames.get(name);
  if (answer === undefined) {
    const normalized = name.toLowerCase().replaceAll("_", "");
    answer = DENY_NAME_FRAGMENTS.some((fragment) => normalized.includes(fragment));
    if (denyNames.size >= 10_000) denyNames.clear();
    denyNames.set(name, answer);
  }
  return answer;
}

/** {@link DENY_PHRASES} as one case-insensitive scan (the phrases are plain words and spaces). */
const DENY_TEXT = new RegExp(DENY_PHRASES.join("|"), "iu");

function isDenyText(text: string): boolean {
  return DENY_TEXT.test(text);
}

/** Any string in `node` (a redirect target, `new URL("/login", req.url)`) that points at a login page. */
function mentionsLoginPath(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === "string" && LOGIN_PATH.test(node.value);
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis.some((q) => LOGIN_PATH.test(q.value.raw));
  if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) {
    return node.arguments.some((arg) => mentionsLoginPath(arg));
  }
  return false;
}

/**
 * Every way to write a 401 or 403 that `getResponseSend` reads spells `401` / `403` or names it
 * (`UNAUTHORIZED`, `HttpStatus.Forbidden`, `reply.unauthorized()`, `UnauthorizedException`), in the file if
 * not in the function (a `const` status). A file with none of these cannot deny by status.
 */
const MAY_DENY_BY_STATUS = /40[13]|nauthori|NAUTHORI|orbidden|ORBIDDEN/u;
const mayDenyByStatus = getLastAnswerMemo((text) => MAY_DENY_BY_STATUS.test(text));

function isDenyingSend(context: RuleContext, node: TSESTree.Node): boolean {
  // Resolving a send is the costly part of reading a handler; skip it where no deny status can be written.
  if (!mayDenyByStatus(context.sourceCode.text)) return false;
  const status = getResponseSend(context, node)?.status;
  return status === 401 || status === 403;
}

function inspectCall(
  context: RuleContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  vocabulary: AuthVocabulary,
  findings: Findings,
): void {
  if (isDenyingSend(context, call)) findings.deny = true;
  const parts = getNameParts(call.callee);
  if (!parts) return;
  const last = parts.at(-1)!;
  const lastWords = getNameWords(last);
  if (
    lastWords.includes("redirect") &&
    (lastWords.includes("login") ||
      lastWords.includes("signin") ||
      call.arguments.some((arg) => mentionsLoginPath(arg)))
  ) {
    findings.deny = true;
  }
  if (call.type === AST_NODE_TYPES.NewExpression) {
    if (isDenyName(last)) findings.deny = true;
    return;
  }
  // A project helper that authenticates, imported from another file: `await parseRequest(request)`.
  if (
    call.callee.type === AST_NODE_TYPES.Identifier &&
    !switchesAuthOff(call) &&
    isImportedAuthenticator(context, call.callee.name)
  )
    findings.assertion = true;
  // `getDataroomSession(req, id)`, `loadSessionFromCookie(req)`: a session or token fetched for the caller.
  if (lastWords.some((word) => SESSION_WORDS.has(word)) && lastWords.some((word) => SESSION_GETTERS.has(word)))
    findings.credential = true;
  const info = getAuthNameInfo(parts);
  if (info.enforcing) findings.assertion = true;
  if (info.auth || isNamedIn(vocabulary.sessionChecks, parts) || isNamedIn(vocabulary.names, parts))
    findings.credential = true;
  // Webhooks authenticate the sender by signature: `stripe.webhooks.constructEvent(...)`, svix `wh.verify(...)`.
  if (last === "constructEvent" || last === "constructEventAsync") findings.assertion = true;
  if (last === "verify" && parts.length > 1 && getNameWords(parts.at(-2)!).some((word) => WEBHOOK_OBJECTS.has(word)))
    findings.assertion = true;
  for (const arg of call.arguments) {
    const key =
      arg.type === AST_NODE_TYPES.Literal && typeof arg.value === "string" ? arg.value.toLowerCase() : undefined;
    if (key !== undefined && (CREDENTIAL_KEYS.has(key) || key.includes("signature"))) findings.credential = true;
  }
}

function inspect(
  context: RuleContext,
  node: TSESTree.Node,
  params: ReadonlySet<string>,
  vocabulary: AuthVocabulary,
  findings: Findings,
): void {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      inspectCall(context, node, vocabulary, findings);
      break;
    case AST_NODE_TYPES.MemberExpression:
      if (isCredentialMember(node, params)) findings.credential = true;
      if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === "string") {
        const key = node.property.value.toLowerCase();
        if (CREDENTIAL_KEYS.has(key) || key.includes("signature")) findings.credential = true;
      }
      break;
    case AST_NODE_TYPES.AssignmentExpression:
      if (isDenyingSend(context, node)) findings.deny = true;
      break;
    case AST_NODE_TYPES.BinaryExpression:
      // `req.query.secret !== process.env.REVALIDATE_TOKEN`: the caller proves it holds a shared secret.
      if (
        EQUALITY_OPERATORS.has(node.operator) &&
        (isSecretEnvRead(context, node.left) || isSecretEnvRead(context, node.right))
      )
        findings.credential = true;
      break;
    case AST_NODE_TYPES.Literal:
      if (node.value === 401 || node.value === 403) findings.deny = true;
      else if (typeof node.value === "string" && isDenyText(node.value)) findings.deny = true;
      break;
    case AST_NODE_TYPES.TemplateElement:
      if (isDenyText(node.value.raw)) findings.deny = true;
      break;
    case AST_NODE_TYPES.Identifier:
      if (isDenyName(node.name)) findings.deny = true;
      break;
    default:
      break;
  }
}

/**
 * An options object that switches a call's auth off or makes it optional: `parseRequest(request, schema,
 * { skipAuth: true })`, `auth({ optional: true })`, `authenticate({ required: false })`.
 */
const SKIP_AUTH_KEY = /^(?:skip|no|without|bypass|disable)_?auth|^(?:public|anonymous|allowAnonymous)$/iu;
const SKIP_AUTH_TEXT = /(?:skip|no|without|bypass|disable)_?auth|public|anonymous|optional|required\s*:\s*false/iu;

export function switchesAuthOff(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some((property) => {
        if (property.type !== AST_NODE_TYPES.Property || property.key.type !== AST_NODE_TYPES.Identifier) return false;
        const value = property.value.type === AST_NODE_TYPES.Literal ? property.value.value : undefined;
        if (property.key.name === "optional") return value === true;
        if (property.key.name === "required") return value === false;
        return SKIP_AUTH_KEY.test(property.key.name) && value !== false;
      }),
  );
}

/** Whether `text` calls `name` (`name(` after a non-identifier character). */
function callsName(text: string, name: string): boolean {
  for (let index = text.indexOf(`${name}(`); index !== -1; index = text.indexOf(`${name}(`, index + 1)) {
    if (index === 0 || !/[\w$.]/u.test(text[index - 1]!)) return true;
  }
  return false;
}

function getParamNames(fn: FunctionNode): Set<string> {
  const names = new Set<string>();
  for (const param of fn.params) {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target.type === AST_NODE_TYPES.Identifier) names.add(target.name);
  }
  return names;
}

/**
 * What a function's text must contain for the walk below to find auth: a credential or an enforcing call
 * needs an auth name (the word patterns, the project's names), a credential property or key, or a webhook
 * signature check. Deny answers alone prove nothing, so they are not part of it.
 */
function getMayAuthenticate(vocabulary: AuthVocabulary): RegExp {
  let pattern = textGates.get(vocabulary);
  if (!pattern) {
    const lastNames = [...vocabulary.names, ...vocabulary.sessionChecks].map((name) => name.split(".").at(-1) ?? name);
    const words = [
      ...CREDENTIAL_PROPERTIES,
      ...REQUEST_CREDENTIAL_PROPERTIES,
      ...CREDENTIAL_KEYS,
      "signature",
      "secret",
      "constructEvent",
      "verify",
      ...lastNames,
    ].map((word) => word.replaceAll(/[$()*+.?[\\\]^{|}]/gu, "\\$&"));
    pattern = new RegExp([...AUTH_NAME_PATTERNS, ...words].join("|"), "iu");
    textGates.set(vocabulary, pattern);
  }
  return pattern;
}

const textGates = new WeakMap<AuthVocabulary, RegExp>();

const cache = new WeakMap<AuthVocabulary, WeakMap<FunctionNode, boolean>>();

/**
 * Whether a function authenticates the request by what it does: it calls something that enforces auth
 * by name (`await request.jwtVerify()`, `jwt.verify(token, secret)`, `await verifySession()`,
 * `auth.protect()`, a webhook signature check), or it reads credentials (the `Authorization` header, a
 * cookie or session, `req.user`, a session check such as `await auth()` / `getServerSession()`) and
 * answers 401 / 403 or redirects to a login page. Used for inline middleware and hooks and for route
 * handlers that guard themselves (Next.js route handlers, a Nest method throwing `UnauthorizedException`).
 */
export function isAuthenticatingFunction(context: RuleContext, fn: FunctionNode, vocabulary: AuthVocabulary): boolean {
  let byFunction = cache.get(vocabulary);
  if (!byFunction) {
    byFunction = new WeakMap();
    cache.set(vocabulary, byFunction);
  }
  const cached = byFunction.get(fn);
  if (cached !== undefined) return cached;
  byFunction.set(fn, false);
  // One native scan of the body's text instead of a walk over its nodes: most handlers name no auth,
  // and call no helper imported from the project.
  const bodyText = context.sourceCode.text.slice(fn.body.range[0], fn.body.range[1]);
  if (
    !getMayAuthenticate(vocabulary).test(bodyText) &&
    !getImportedNames(context).some((name) => callsName(bodyText, name))
  ) {
    const delegates = handsToAuthenticatingServer(context, fn, vocabulary);
    byFunction.set(fn, delegates);
    return delegates;
  }

  const visitorKeys = context.sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
  const params = getParamNames(fn);
  const findings: Findings = { credential: false, deny: false, assertion: false };
  const stack: TSESTree.Node[] = [fn.body];
  let visited = 0;
  while (stack.length > 0 && visited < MAX_NODES) {
    const node = stack.pop()!;
    visited++;
    inspect(context, node, params, vocabulary, findings);
    if (findings.assertion || (findings.credential && findings.deny)) break;
    for (const key of visitorKeys[node.type] ?? []) {
      if (SKIPPED_KEYS.has(key)) continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child)
          if (item && typeof (item as TSESTree.Node).type === "string") stack.push(item as TSESTree.Node);
      } else if (child && typeof (child as TSESTree.Node).type === "string") {
        stack.push(child as TSESTree.Node);
      }
    }
  }
  const result =
    findings.assertion ||
    (findings.credential && findings.deny) ||
    handsToAuthenticatingServer(context, fn, vocabulary);
  byFunction.set(fn, result);
  return result;
}

/**
 * Whether a handler hands the request on to a server object of this file whose request hook
 * authenticates: `return tusServer.handle(req, res)` with `const tusServer = new Server({ async
 * onIncomingRequest(req) { … verify the session …; throw { status_code: 403 } } })`. The library runs the
 * hook before it serves the request.
 */
function handsToAuthenticatingServer(context: RuleContext, fn: FunctionNode, vocabulary: AuthVocabulary): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const params = getParamNames(fn);
  for (const statement of fn.body.body) {
    const expression =
      statement.type === AST_NODE_TYPES.ReturnStatement
        ? statement.argument
        : statement.type === AST_NODE_TYPES.ExpressionStatement
          ? statement.expression
          : undefined;
    const call = expression?.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression;
    if (
      call?.type !== AST_NODE_TYPES.CallExpression ||
      call.callee.type !== AST_NODE_TYPES.MemberExpression ||
      call.callee.object.type !== AST_NODE_TYPES.Identifier ||
      !call.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && params.has(argument.name))
    )
      continue;
    const server = call.callee.object;
    const definition = ASTUtils.findVariable(context.sourceCode.getScope(server), server)?.defs.at(0);
    const init = definition?.type === "Variable" ? definition.node.init : null;
    if (init?.type !== AST_NODE_TYPES.NewExpression && init?.type !== AST_NODE_TYPES.CallExpression) continue;
    for (const options of init.arguments) {
      if (options.type !== AST_NODE_TYPES.ObjectExpression) continue;
      for (const property of options.properties) {
        const hook = property.type === AST_NODE_TYPES.Property ? property.value : undefined;
        if (
          (hook?.type === AST_NODE_TYPES.FunctionExpression || hook?.type === AST_NODE_TYPES.ArrowFunctionExpression) &&
          isAuthenticatingFunction(context, hook, vocabulary)
        )
          return true;
      }
    }
  }
  return false;
}

/**
 * A call in the handler to a project helper that authenticates, with its auth switched off
 * (`parseRequest(request, schema, { skipAuth: true })`): the author marked the route public.
 */
export function findAuthSkippingCall(context: RuleContext, fn: FunctionNode): TSESTree.CallExpression | undefined {
  const bodyText = context.sourceCode.text.slice(fn.body.range[0], fn.body.range[1]);
  if (!SKIP_AUTH_TEXT.test(bodyText)) return undefined;
  const visitorKeys = context.sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
  const stack: TSESTree.Node[] = [fn.body];
  for (let visited = 0; stack.length > 0 && visited < MAX_NODES; visited++) {
    const node = stack.pop()!;
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.Identifier &&
      switchesAuthOff(node) &&
      isImportedAuthenticator(context, node.callee.name)
    ) {
      return node;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      if (SKIPPED_KEYS.has(key)) continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child])
        if (item && typeof (item as TSESTree.Node).type === "string") stack.push(item as TSESTree.Node);
    }
  }
  return undefined;
}
