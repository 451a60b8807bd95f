import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";

import { isNamedIn, type AuthVocabulary } from "./get-auth-vocabulary.js";
import { isFunctionNode } from "./get-function-from-expression.js";
import { getNameWords, isAuthName } from "./is-auth-name.js";
import type { RuleContext } from "./types.js";

/** An auth middleware, guard or session check this file imports or defines at module level. */
export interface ModuleAuthBinding {
  /** The local name. */
  name: string;
  kind: "middleware" | "guard" | "session-check";
  /** The module it is imported from; `undefined` when this file defines it. */
  source: string | undefined;
}

/** Names that take arguments before they are middleware: `requireRole("admin")`, `checkPermission("x")`. */
const FACTORY_WORDS = new Set([
  "role",
  "roles",
  "permission",
  "permissions",
  "perm",
  "perms",
  "scope",
  "scopes",
  "restrict",
  "access",
  "policy",
  "policies",
  "ability",
  "abilities",
]);
/** Project-local modules: relative paths and the usual aliases. */
const LOCAL_SOURCE = /^(?:\.{1,2}\/|[@~#]\/|#)/u;

function classify(
  name: string,
  source: string | undefined,
  vocabulary: AuthVocabulary,
): ModuleAuthBinding["kind"] | undefined {
  if (isNamedIn(vocabulary.sessionChecks, [name]) && !isNamedIn(vocabulary.names, [name])) return "session-check";
  const configured = isNamedIn(vocabulary.names, [name]);
  if (!configured && !isAuthName(name)) return undefined;
  if (name.endsWith("Guard")) return "guard";
  if (!configured && getNameWords(name).some((word) => FACTORY_WORDS.has(word))) return undefined;
  // A package's export is as likely a factory (`auth({ ... })`) as middleware; a project's own is named for what it is.
  if (!configured && source !== undefined && !LOCAL_SOURCE.test(source)) return undefined;
  return "middleware";
}

function isMiddlewareShaped(init: TSESTree.Node | null | undefined): boolean {
  if (!init) return false;
  if (isFunctionNode(init)) return init.params.length >= 2 && init.params.length <= 3;
  return init.type === AST_NODE_TYPES.CallExpression || getRequireSource(init) !== undefined;
}

/** `require("x")` / `require("x").y`: `"x"`. */
function getRequireSource(init: TSESTree.Node | null | undefined): string | undefined {
  let node = init;
  while (node?.type === AST_NODE_TYPES.MemberExpression) node = node.object;
  return node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === "require" &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0].value === "string"
    ? node.arguments[0].value
    : undefined;
}

const cache = new WeakMap<AuthVocabulary, WeakMap<TSESTree.Program, ModuleAuthBinding[]>>();

/**
 * Auth this file could apply to a route without inventing a name: imported from the project
 * (`import { requireAuth } from "./auth"`, `import { JwtAuthGuard } from "./jwt-auth.guard"`), imported
 * session checks (`auth`, `currentUser`, `getServerSession`), or defined here as middleware
 * (`const requireAuth = passport.authenticate("jwt")`, `function verifyToken(req, res, next) {}`).
 * Factories that need arguments (`requireRole`) are left out.
 */
export function getModuleAuthBindings(context: RuleContext, vocabulary: AuthVocabulary): ModuleAuthBinding[] {
  const program = context.sourceCode.ast;
  let byProgram = cache.get(vocabulary);
  if (!byProgram) {
    byProgram = new WeakMap();
    cache.set(vocabulary, byProgram);
  }
  const cached = byProgram.get(program);
  if (cached) return cached;
  const found: ModuleAuthBinding[] = [];
  const add = (name: string, source: string | undefined) => {
    const kind = classify(name, source, vocabulary);
    if (kind) found.push({ name, kind, source });
  };
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind === "type") continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === "type") continue;
        if (specifier.type !== AST_NODE_TYPES.ImportNamespaceSpecifier)
          add(specifier.local.name, statement.source.value);
      }
      continue;
    }
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration
        ? statement.declaration
        : statement;
    if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id && isMiddlewareShaped(declaration)) {
      add(declaration.id.name, undefined);
    } else if (declaration.type === AST_NODE_TYPES.ClassDeclaration && declaration.id) {
      add(declaration.id.name, undefined);
    } else if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && isMiddlewareShaped(declarator.init)) {
          add(declarator.id.name, getRequireSource(declarator.init));
        }
        // `const { requireAuth } = require("./auth")`
        if (
          declarator.id.type === AST_NODE_TYPES.ObjectPattern &&
          declarator.init?.type === AST_NODE_TYPES.CallExpression &&
          declarator.init.callee.type === AST_NODE_TYPES.Identifier &&
          declarator.init.callee.name === "require" &&
          declarator.init.arguments[0]?.type === AST_NODE_TYPES.Literal &&
          typeof declarator.init.arguments[0].value === "string"
        ) {
          for (const property of declarator.id.properties) {
            if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) {
              add(property.value.name, declarator.init.arguments[0].value);
            }
          }
        }
      }
    }
  }
  byProgram.set(program, found);
  return found;
}
