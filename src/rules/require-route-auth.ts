import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getImportFixes, isDeclaredAtModuleLevel } from "../fix/get-import-fixes.js";
import { getStatementTerminator } from "../fix/get-statement-terminator.js";
import { getFreeLocalName, getHandlerPrologueFix } from "../fix/insert-handler-prologue.js";
import { getNestGuardFix } from "../fix/insert-nest-guard.js";
import { getRouteMiddlewareFix } from "../fix/insert-route-middleware.js";
import { getAuthVocabulary, type AuthVocabulary } from "../frameworks/get-auth-vocabulary.js";
import { collectFileRoutes } from "../frameworks/get-file-routes.js";
import { getModuleAuthBindings } from "../frameworks/get-module-auth-bindings.js";
import { getNextRouteFile } from "../frameworks/get-next-route-file.js";
import type { RouteAuth } from "../frameworks/get-route-auth.js";
import { getMethodsLabel, getPathNode, getRouteLabel } from "../frameworks/get-route-paths.js";
import { getRouteSensitivity, isSignUpRoute } from "../frameworks/get-route-sensitivity.js";
import { isFunctionNode } from "../frameworks/get-function-from-expression.js";
import { isAuthName } from "../frameworks/is-auth-name.js";
import type { Framework, RouteRegistration } from "../frameworks/types.js";
import { getLintedFilePath } from "../project/get-project-function.js";
import { describeStepLocation, type MountChain } from "../project/get-mount-context.js";
import { createRouteAccessLookup } from "../project/get-route-access.js";
import { createRule } from "../utils/create-rule.js";
import { getRootIdentifier } from "../utils/get-root-identifier.js";
import { getHardenSettings, type AuthSettings, type ImportedName } from "../utils/settings.js";

type Options = [
  {
    /**
     * Which routes without auth to report: `"sensitive"`, those that change data or whose path names
     * account data; `"all"`, every route not declared public.
     */
    routes?: "sensitive" | "all";
  },
];
type SuggestionId = "addMiddleware" | "addHook" | "addGuard" | "addSessionCheck";
type MessageIds = "missingAuth" | "missingAuthMounted" | SuggestionId;
type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

/** An edit that adds auth to one route, offered as a suggestion, never applied on its own. */
interface AuthSuggestion {
  messageId: SuggestionId;
  /** What the edit adds, as the message shows it: `requireAuth`, `await auth()`. */
  label: string;
  fix: Fix;
}

const PROTECT_HINT: Readonly<Record<Framework, string>> = {
  express: "Put your auth middleware first in its chain, or `use` it on the app or router before the route.",
  koa: "Put your auth middleware first in its chain, or `use` it on the router before the route.",
  hono: "Put your auth middleware first in its chain, or `use` it on a path that covers the route, before it.",
  fastify:
    "Add your auth hook to its route options (`onRequest: [...]`), or `addHook` it in the plugin that registers the route.",
  next: "Check the session at the top of the handler and return 401 without one, or wrap the export in your auth wrapper.",
  nest: "Add `@UseGuards(...)` with your auth guard to the method or the controller.",
};

/** Local names the Next.js session check may bind, in order of preference. */
const SESSION_NAMES = ["session", "authSession", "currentSession"];

function getReportLoc(route: RouteRegistration): TSESTree.SourceLocation {
  const start = route.reportNode.loc.start;
  const pathNode = getPathNode(route);
  // `get("/users"`: the method and the path, so the squiggle names the route.
  if (
    pathNode &&
    route.node.type === AST_NODE_TYPES.CallExpression &&
    pathNode.parent === route.node &&
    pathNode.range[0] > route.reportNode.range[0]
  ) {
    return { start, end: pathNode.loc.end };
  }
  return route.reportNode.loc;
}

/** Whether every name `node` uses means the same at `target` (`fastify.authenticate` from another plugin does not). */
function isUsableAt(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, target: TSESTree.Node): boolean {
  const root = getRootIdentifier(node);
  if (!root) return false;
  const here = ASTUtils.findVariable(sourceCode.getScope(node), root);
  const there = ASTUtils.findVariable(sourceCode.getScope(target), root.name);
  return here === there;
}

/** A reference to existing auth that can be copied: a name, member path or call — not an inline function. */
function isCopyable(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  return node.arguments.every((arg) => !isFunctionNode(arg)) && isCopyable(node.callee);
}

export default createRule<Options, MessageIds>({
  name: "require-route-auth",
  meta: {
    type: "problem",
    docs: {
      description: "Require authentication on routes that are not declared public.",
      recommended: "recommended",
      url: "https://github.com/harden-eslint/eslint-plugin-harden/blob/main/docs/rules/require-route-auth.md",
    },
    // No autofix: who may call an endpoint is a product decision, and what decides it (a mount behind auth
    // in another file, a webhook or sign-up that must stay open) is often not in this file.
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          routes: {
            type: "string",
            enum: ["sensitive", "all"],
            description:
              "Which routes without auth to report: `sensitive` (they change data, or their path names account data) or `all` (every route not declared public).",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ routes: "sensitive" }],
    messages: {
      missingAuth:
        "`{{route}}` has no authentication in this file: anyone who can reach the server can call it. {{protect}} If it is public on purpose, {{markPublic}}; if auth elsewhere covers it, list it in `settings.harden.auth.protectedPaths`.",
      missingAuthMounted:
        "`{{route}}` is reached through `{{mount}}` ({{where}}) with no authentication on the way: anyone can call it. Add auth to that mount or to the route, or list the path in `settings.harden.publicPaths` if it is public.",
      addMiddleware: "Add `{{auth}}` to this route, first in its middleware chain.",
      addHook: "Add `{{auth}}` to this route's `onRequest` hooks.",
      addGuard: "Add `{{auth}}` to this method's `@UseGuards(...)`.",
      addSessionCheck: "Answer 401 at the top of this handler unless `{{auth}}` returns a session.",
    },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const reportsAll = options.routes === "all";
    const settings = getHardenSettings(context);
    const authSettings: AuthSettings = settings.auth ?? {};
    const vocabulary: AuthVocabulary = getAuthVocabulary(settings);
    const publicPaths = settings.publicPaths ?? [];
    const protectedPaths = authSettings.protectedPaths ?? [];
    const nextFile = getNextRouteFile(context.filename);
    const access = createRouteAccessLookup(context, { vocabulary, publicPaths, protectedPaths });

    /** Every route of the file, known at its end. */
    let fileRoutes: readonly RouteRegistration[] = [];
    /** Per framework, the auth that protects routes of this file, in route order: computed once, at the first report. */
    let protectedAuths: Map<RouteRegistration["framework"], RouteAuth[]> | undefined;
    function getProtectedAuths(framework: RouteRegistration["framework"]): RouteAuth[] {
      if (!protectedAuths) {
        protectedAuths = new Map();
        for (const route of fileRoutes) {
          // Only middleware and guards can be copied, and neither depends on the handler: a route whose
          // auth was never asked is asked without reading its handler, the costly part.
          const auth = access.getAuth(route, { handler: false });
          if (auth?.status !== "protected") continue;
          const list = protectedAuths.get(route.framework) ?? [];
          list.push(auth);
          protectedAuths.set(route.framework, list);
        }
      }
      return protectedAuths.get(framework) ?? [];
    }

    /** Existing auth this file applies elsewhere, usable at `route`: copied as a suggestion. */
    function findCandidate(route: RouteRegistration): { text: string } | undefined {
      for (const auth of getProtectedAuths(route.framework)) {
        if (route.framework === "nest") {
          const expression = auth.node.type === AST_NODE_TYPES.Decorator ? auth.node.expression : undefined;
          if (
            expression?.type === AST_NODE_TYPES.CallExpression &&
            expression.arguments.length > 0 &&
            expression.callee.type === AST_NODE_TYPES.Identifier &&
            expression.callee.name === "UseGuards"
          ) {
            return { text: expression.arguments.map((arg) => sourceCode.getText(arg)).join(", ") };
          }
          continue;
        }
        if (auth.via === "middleware" && isCopyable(auth.node) && isUsableAt(sourceCode, auth.node, route.node)) {
          return { text: sourceCode.getText(auth.node) };
        }
      }
      for (const binding of getModuleAuthBindings(context, vocabulary)) {
        if (
          route.framework === "nest"
            ? binding.kind === "guard"
            : binding.kind === "middleware" ||
              (binding.kind === "session-check" && isAuthName(binding.name) && binding.source?.startsWith(".") === true)
        ) {
          return { text: binding.name };
        }
      }
      return undefined;
    }

    /** The session check a Next.js handler can await, from settings or from what this file imports. */
    function getSessionCall(
      fn: NonNullable<RouteRegistration["handlerFunction"]>,
    ): { call: string; imported: ImportedName | undefined } | undefined {
      const pages = nextFile?.router === "pages";
      const [reqParam, resParam] = fn.params;
      const reqName = reqParam?.type === AST_NODE_TYPES.Identifier ? reqParam.name : undefined;
      const resName = resParam?.type === AST_NODE_TYPES.Identifier ? resParam.name : undefined;
      if (pages && (reqName === undefined || resName === undefined)) return undefined;
      const args = pages ? `${reqName}, ${resName}` : "";
      const configured = authSettings.sessionCheck;
      if (configured) return { call: `${configured.name}(${args})`, imported: configured };
      for (const binding of getModuleAuthBindings(context, vocabulary)) {
        if (binding.kind !== "session-check" || binding.source === undefined) continue;
        // Only checks whose result is empty without a session: Auth.js `auth()`, NextAuth `getServerSession`, Clerk `currentUser()`.
        if (binding.name === "auth" && !binding.source.startsWith("@clerk/"))
          return { call: `auth(${args})`, imported: undefined };
        if (binding.name === "currentUser" && binding.source.startsWith("@clerk/") && !pages)
          return { call: "currentUser()", imported: undefined };
        if (
          binding.name === "getServerSession" &&
          binding.source.startsWith("next-auth") &&
          isDeclaredAtModuleLevel(sourceCode, "authOptions")
        ) {
          return { call: `getServerSession(${pages ? `${args}, ` : ""}authOptions)`, imported: undefined };
        }
      }
      return undefined;
    }

    function getNextSuggestion(route: RouteRegistration): AuthSuggestion | undefined {
      const fn = route.handlerFunction;
      if (!fn) return undefined;
      const session = getSessionCall(fn);
      if (!session) return undefined;
      const terminator = getStatementTerminator(sourceCode);
      const name = getFreeLocalName(sourceCode, fn, SESSION_NAMES);
      const statements = [`const ${name} = await ${session.call}${terminator}`];
      if (nextFile?.router === "pages") {
        const res = (fn.params[1] as TSESTree.Identifier).name;
        statements.push(`if (!${name}) { ${res}.status(401).end()${terminator || ";"} return${terminator} }`);
      } else {
        const deny = isDeclaredAtModuleLevel(sourceCode, "NextResponse")
          ? 'NextResponse.json({ error: "Unauthorized" }, { status: 401 })'
          : 'new Response("Unauthorized", { status: 401 })';
        statements.push(`if (!${name}) return ${deny}${terminator}`);
      }
      const prologue = getHandlerPrologueFix(sourceCode, fn, statements, true);
      if (!prologue) return undefined;
      const imported = session.imported;
      return {
        messageId: "addSessionCheck",
        label: `await ${session.call}`,
        fix: (fixer) => [...prologue(fixer), ...(imported ? getImportFixes(fixer, sourceCode, imported) : [])],
      };
    }

    /** The auth `settings.harden.auth` names, else auth this file already uses, added to `route`. */
    function getSuggestion(route: RouteRegistration): AuthSuggestion | undefined {
      if (route.framework === "next") return getNextSuggestion(route);
      const configured = route.framework === "nest" ? authSettings.guard : authSettings.middleware;
      const text = configured?.name ?? findCandidate(route)?.text;
      if (text === undefined) return undefined;
      const insert =
        route.framework === "nest"
          ? route.node.type === AST_NODE_TYPES.MethodDefinition
            ? getNestGuardFix(sourceCode, route.node, text)
            : undefined
          : getRouteMiddlewareFix(sourceCode, route, text);
      if (!insert) return undefined;
      return {
        messageId:
          route.framework === "nest" ? "addGuard" : route.framework === "fastify" ? "addHook" : "addMiddleware",
        label: text,
        fix: (fixer) => [...insert(fixer), ...(configured ? getImportFixes(fixer, sourceCode, configured) : [])],
      };
    }

    /** The linted file on disk: ESLint passes a relative name when it is given one. */
    const getFilePath = (): string => getLintedFilePath(context);

    function report(route: RouteRegistration, chain: MountChain | undefined): void {
      const suggestion = getSuggestion(route);
      const suggest = suggestion
        ? [{ messageId: suggestion.messageId, data: { auth: suggestion.label }, fix: suggestion.fix }]
        : [];
      const step = chain?.steps.at(0);
      if (chain && step) {
        context.report({
          loc: getReportLoc(route),
          messageId: "missingAuthMounted",
          data: {
            route:
              chain.path === undefined ? getRouteLabel(sourceCode, route) : `${getMethodsLabel(route)} ${chain.path}`,
            mount: step.text,
            where: describeStepLocation(step, getFilePath()),
          },
          suggest,
        });
        return;
      }
      context.report({
        loc: getReportLoc(route),
        messageId: "missingAuth",
        data: {
          route: getRouteLabel(sourceCode, route),
          protect: PROTECT_HINT[route.framework],
          markPublic:
            route.framework === "nest"
              ? "mark it `@Public()` or list its path in `settings.harden.publicPaths`"
              : "list its path in `settings.harden.publicPaths`",
        },
        suggest,
      });
    }

    return collectFileRoutes(context, (routes) => {
      fileRoutes = routes;
      // Where the app reaches each route first; its own auth (reading its handler, the costly part) only
      // where the answer can lead to a report.
      let closedElsewhere = false;
      const reached: { route: RouteRegistration; chain: MountChain | undefined; paths: string[] }[] = [];
      for (const route of routes) {
        const reach = access.getReach(route);
        if (reach.status === "exempt") continue;
        if (reach.status === "reached") reached.push({ route, chain: reach.chain, paths: reach.paths });
        else closedElsewhere = true;
      }
      const isOpen = ({ route }: (typeof reached)[number]): boolean => access.getAuth(route) === undefined;
      const isReported = ({ route, paths }: (typeof reached)[number]): boolean =>
        reportsAll || getRouteSensitivity(route.methods, paths) !== undefined;
      const isCreate = ({ route, paths }: (typeof reached)[number]): boolean =>
        route.methods.includes("POST") && !isSignUpRoute(route.methods, paths);
      // A file that protects none of its routes and lets anyone change data never had auth added: its
      // creates are open by omission too. Its reads may still be a public catalogue.
      const neverProtected =
        !closedElsewhere &&
        reached.some((entry) => !isReported(entry) && isCreate(entry)) &&
        reached.every(isOpen) &&
        reached.some(({ route, paths }) => getRouteSensitivity(route.methods, paths) === "changes-data");
      // Every reported route's auth before the first report: the suggestion search at that report reads
      // them instead of asking again for the routes after it.
      const open = reached.filter(
        (entry) => (isReported(entry) || (neverProtected && isCreate(entry))) && isOpen(entry),
      );
      for (const { route, chain } of open) report(route, chain);
    });
  },
});
