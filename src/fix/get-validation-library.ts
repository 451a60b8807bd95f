import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import type { RuleContext } from "../frameworks/types.js";
import type { ImportedName } from "../utils/settings.js";
import { getHardenSettings } from "../utils/settings.js";
import { isDeclaredAtModuleLevel } from "./get-import-fixes.js";
import type { ValidationLibrary } from "./get-input-schema-text.js";

/** The validation library a fix writes schemas with, and how this file reaches it. */
export interface FoundValidationLibrary {
  library: ValidationLibrary;
  /** The local name schemas are built from: `z` (zod), `v` (valibot). */
  local: string;
  /** The import a fix must add for `local`, when the file does not have it yet. */
  import: ImportedName | undefined;
  /** The statement that binds `local` today, when there is one (a `require` must run before the schema). */
  statement: TSESTree.ProgramStatement | undefined;
}

function getLibraryOfSource(source: string): ValidationLibrary | undefined {
  if (source === "zod" || source.startsWith("zod/")) return "zod";
  if (source === "valibot") return "valibot";
  return undefined;
}

function getRequireSource(init: TSESTree.Expression | null): string | undefined {
  if (
    init?.type === AST_NODE_TYPES.CallExpression &&
    init.callee.type === AST_NODE_TYPES.Identifier &&
    init.callee.name === "require" &&
    init.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof init.arguments[0].value === "string"
  ) {
    return init.arguments[0].value;
  }
  return undefined;
}

interface LibraryImport {
  library: ValidationLibrary;
  source: string;
  /** The name schemas can be built from, when the import binds one. */
  local: string | undefined;
  statement: TSESTree.ProgramStatement;
}

/** zod: `z` (named), a namespace or default import; valibot: a namespace import. `const { z } = require("zod")` too. */
function findLibraryImports(
  program: TSESTree.Program,
  wanted: (source: string) => ValidationLibrary | undefined,
): LibraryImport[] {
  const found: LibraryImport[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== "type") {
      const library = wanted(statement.source.value);
      if (!library) continue;
      let local: string | undefined;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) local = specifier.local.name;
        else if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier && library === "zod")
          local = specifier.local.name;
        else if (
          specifier.type === AST_NODE_TYPES.ImportSpecifier &&
          specifier.importKind !== "type" &&
          library === "zod" &&
          (specifier.imported.type === AST_NODE_TYPES.Identifier
            ? specifier.imported.name
            : specifier.imported.value) === "z"
        ) {
          local = specifier.local.name;
        }
      }
      found.push({ library, source: statement.source.value, local, statement });
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const source = getRequireSource(declarator.init);
      const library = source === undefined ? undefined : wanted(source);
      if (!library || source === undefined) continue;
      let local: string | undefined;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) local = declarator.id.name;
      else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && library === "zod") {
        for (const property of declarator.id.properties) {
          if (
            property.type === AST_NODE_TYPES.Property &&
            property.key.type === AST_NODE_TYPES.Identifier &&
            property.key.name === "z" &&
            property.value.type === AST_NODE_TYPES.Identifier
          ) {
            local = property.value.name;
          }
        }
      }
      found.push({ library, source, local, statement });
    }
  }
  return found;
}

const DEFAULT_LOCAL: Readonly<Record<ValidationLibrary, string>> = { zod: "z", valibot: "v" };

/**
 * The library a validation fix may use (DESIGN principle 3: never invent a dependency):
 * `settings.harden.validation.library` (from its `source`, default the library's name), else zod or
 * valibot when this file already imports it. Reuses the file's binding (`z`, `* as v`), or says which
 * import to add; `undefined` when there is no known library or the name it needs is taken.
 */
export function getValidationLibrary(context: RuleContext): FoundValidationLibrary | undefined {
  const sourceCode: Readonly<TSESLint.SourceCode> = context.sourceCode;
  const settings = getHardenSettings(context).validation;
  const imports = settings
    ? findLibraryImports(sourceCode.ast, (source) =>
        source === (settings.source ?? settings.library) ? settings.library : undefined,
      )
    : findLibraryImports(sourceCode.ast, getLibraryOfSource);
  const withLocal = imports.find((entry) => entry.local !== undefined);
  if (withLocal?.local !== undefined) {
    return { library: withLocal.library, local: withLocal.local, import: undefined, statement: withLocal.statement };
  }
  const library = settings?.library ?? imports[0]?.library;
  if (!library) return undefined;
  const source = settings?.source ?? imports[0]?.source ?? library;
  const local = DEFAULT_LOCAL[library];
  if (isDeclaredAtModuleLevel(sourceCode, local)) return undefined;
  return {
    library,
    local,
    import: { name: local, source, importKind: library === "zod" ? "named" : "namespace" },
    statement: undefined,
  };
}
