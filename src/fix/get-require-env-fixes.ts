import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { isEvaluatedOnImport } from "../utils/is-evaluated-on-import.js";
import { getHardenSettings, type ImportedName } from "../utils/settings.js";
import { getImportFixes, isDeclaredAtModuleLevel } from "./get-import-fixes.js";
import { getModuleHelperFix } from "./get-module-helper-fix.js";
import { getStatementRemovalFix } from "./get-statement-removal-fix.js";
import { getStatementTerminator } from "./get-statement-terminator.js";
import { isTypeScriptFile } from "../utils/is-typescript-file.js";

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The name of the helper the fix inserts when `settings.harden.env` names none. */
export const REQUIRE_ENV_HELPER_NAME = "requireEnv";

/** The required-env helper a fix calls instead of reading the environment with a fallback. */
export interface RequireEnvHelper {
  /** What the fix calls: `requireEnv`, or `settings.harden.env.name` (may be a member path such as `env.require`). */
  name: string;
  /**
   * `settings`: the project's helper from `settings.harden.env` (imported by the fix when it has a `source`);
   * `declared`: a module-level `requireEnv` the file already declares or imports, reused as it is;
   * `inserted`: the file has none, so the fix inserts a small `requireEnv(name)` function into it — a
   * copy of the helper in this file, which only a suggestion may add (where the project keeps its
   * helper is a decision the file cannot show).
   */
  origin: "settings" | "declared" | "inserted";
  /** The import to add for a settings helper, else `undefined`. */
  import: ImportedName | undefined;
}

/** The helper the fixes of this file use. */
export function getRequireEnvHelper(context: Context): RequireEnvHelper {
  const env = getHardenSettings(context).env;
  if (env) return { name: env.name, origin: "settings", import: env };
  const declared = isDeclaredAtModuleLevel(context.sourceCode, REQUIRE_ENV_HELPER_NAME);
  return { name: REQUIRE_ENV_HELPER_NAME, origin: declared ? "declared" : "inserted", import: undefined };
}

/** `requireEnv("JWT_SECRET")` (with the project's helper name when configured). */
export function getRequireEnvCall(context: Context, variableName: string): string {
  return `${getRequireEnvHelper(context).name}(${JSON.stringify(variableName)})`;
}

/**
 * The inserted helper, in the file's language and semicolon style. It throws on an unset *or empty*
 * variable: an empty secret is as broken as a missing one, and `""` is what a blank line in a `.env`
 * file produces.
 */
export function getRequireEnvHelperCode(context: Context): string {
  const semi = getStatementTerminator(context.sourceCode);
  const ts = isTypeScriptFile(context.filename);
  const name = REQUIRE_ENV_HELPER_NAME;
  return [
    `function ${name}(name${ts ? ": string" : ""})${ts ? ": string" : ""} {`,
    `  const value = process.env[name]${semi}`,
    `  if (!value) throw new Error(\`Missing required environment variable \${name}\`)${semi}`,
    `  return value${semi}`,
    `}`,
  ].join("\n");
}

/**
 * Whether a fix at `node` can call the helper: its root identifier must not be shadowed there by a
 * local binding (a parameter or local variable called `requireEnv` would capture the call).
 */
export function canCallRequireEnv(context: Context, node: TSESTree.Node): boolean {
  const root = getRequireEnvHelper(context).name.split(".")[0] ?? "";
  const scope = context.sourceCode.getScope(node);
  const variable = ASTUtils.findVariable(scope, root);
  // Module level is the global, module or (CommonJS) wrapper-function scope whose block is the Program.
  return !variable || variable.scope.block.type === "Program";
}

/**
 * The fixes that replace `target` (a node or a range) with `requireEnv("NAME")` and make the helper
 * available: the `settings.harden.env` helper is imported from its `source` (extending an existing
 * import, `require` in CommonJS); otherwise a typed `requireEnv` function is inserted once per file
 * after the imports (skipped when the file already declares one at module level).
 *
 * Call {@link canCallRequireEnv} first; when it is `false`, offer no fix.
 */
export function getRequireEnvFixes(
  fixer: TSESLint.RuleFixer,
  context: Context,
  target: TSESTree.Node | TSESTree.Range,
  variableName: string,
): TSESLint.RuleFix[] {
  const helper = getRequireEnvHelper(context);
  const call = `${helper.name}(${JSON.stringify(variableName)})`;
  const fixes: TSESLint.RuleFix[] = [
    Array.isArray(target)
      ? fixer.replaceTextRange(target as TSESTree.Range, call)
      : fixer.replaceText(target as TSESTree.Node, call),
  ];
  return [...fixes, ...getRequireEnvHelperFixes(fixer, context)];
}

/**
 * Only the part of {@link getRequireEnvFixes} that makes the helper available (import or inserted
 * function), for fixes that write the `requireEnv(...)` call themselves.
 */
export function getRequireEnvHelperFixes(fixer: TSESLint.RuleFixer, context: Context): TSESLint.RuleFix[] {
  const helper = getRequireEnvHelper(context);
  const sourceCode = context.sourceCode;
  if (helper.origin === "settings") return helper.import ? getImportFixes(fixer, sourceCode, helper.import) : [];
  if (helper.origin === "declared") return [];
  const insert = getModuleHelperFix(fixer, sourceCode, helper.name, getRequireEnvHelperCode(context));
  return insert ? [insert] : [];
}

/** Removes a statement with its line; one standing between blank lines takes one of them along. */
function getDeclarationRemovalFix(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
): TSESLint.RuleFix {
  const fix = getStatementRemovalFix(fixer, sourceCode, statement);
  const [start, end] = fix.range;
  const text = sourceCode.text;
  const ownsLine = fix.text === "" && text[end - 1] === "\n" && (start === 0 || text[start - 1] === "\n");
  const blankBefore = start === 0 || text[start - 2] === "\n";
  return ownsLine && blankBefore && text[end] === "\n" ? fixer.removeRange([start, end + 1]) : fix;
}

/**
 * For a module-level `const secret = <value>` (or `const { SECRET = "v" } = process.env`) that only
 * functions use: the fix that removes the declaration and calls the helper at each use instead, so the
 * variable is read when that code runs, not when the module is imported. `undefined` when that would
 * not be the same program: the binding is exported, typed other than `string`, used at module level or
 * in a type, or the helper's name is shadowed at a use.
 *
 * `declarator` declares `binding`, whose value is what `requireEnv(variableName)` replaces.
 */
export function getRequireWhereUsedFix(
  context: Context,
  declarator: TSESTree.VariableDeclarator,
  binding: string,
  variableName: string,
): TSESLint.ReportFixFunction | undefined {
  const declaration = declarator.parent;
  if (
    declaration.kind !== "const" ||
    declaration.declarations.length !== 1 ||
    declaration.parent.type !== AST_NODE_TYPES.Program
  )
    return undefined;
  const id = declarator.id;
  if (id.type === AST_NODE_TYPES.Identifier) {
    // The helper returns `string`: another annotation could stop the uses from type-checking.
    if (id.typeAnnotation && id.typeAnnotation.typeAnnotation.type !== AST_NODE_TYPES.TSStringKeyword) return undefined;
  } else if (id.type !== AST_NODE_TYPES.ObjectPattern || id.typeAnnotation || id.properties.length !== 1) {
    return undefined;
  }
  const variable = context.sourceCode.getDeclaredVariables(declarator).find((v) => v.name === binding);
  const uses = variable?.references.filter((reference) => !reference.init) ?? [];
  if (uses.length === 0) return undefined;
  for (const use of uses) {
    const identifier = use.identifier;
    const parent = identifier.parent;
    if (!use.isReadOnly() || !use.isValueReference || use.isTypeReference) return undefined;
    if (
      parent?.type === AST_NODE_TYPES.ExportSpecifier ||
      parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      parent?.type === AST_NODE_TYPES.TSTypeQuery ||
      parent?.type === AST_NODE_TYPES.TSQualifiedName ||
      (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === identifier)
    ) {
      return undefined;
    }
    if (isEvaluatedOnImport(identifier) || !canCallRequireEnv(context, identifier)) return undefined;
  }
  const call = getRequireEnvCall(context, variableName);
  const sourceCode = context.sourceCode;
  return (fixer) => [
    getDeclarationRemovalFix(fixer, sourceCode, declaration),
    ...uses.map(({ identifier }) => {
      const parent = identifier.parent;
      // `{ secret }` keeps its key.
      if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand)
        return fixer.replaceText(parent, `${binding}: ${call}`);
      return fixer.replaceText(identifier, call);
    }),
    ...getRequireEnvHelperFixes(fixer, context),
  ];
}
