import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

export type ModuleKind = "esm" | "commonjs";

const cache = new WeakMap<TSESTree.Program, ModuleKind>();

function isTopLevelRequire(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  return statement.declarations.some((declarator) => {
    let init = declarator.init;
    while (init?.type === AST_NODE_TYPES.MemberExpression) init = init.object;
    return (
      init?.type === AST_NODE_TYPES.CallExpression &&
      init.callee.type === AST_NODE_TYPES.Identifier &&
      init.callee.name === "require"
    );
  });
}

/**
 * Whether new imports in this file are written as `import` or `require`. A file with any
 * `import`/`export` is ESM; a file that only `require`s (or whose parser says `script` or `commonjs`) is
 * CommonJS; otherwise ESM, which is what a new TypeScript file is.
 */
export function getModuleKind(sourceCode: Readonly<TSESLint.SourceCode>): ModuleKind {
  const program = sourceCode.ast;
  const cached = cache.get(program);
  if (cached) return cached;
  // espree reports `sourceType: "commonjs"` (ESLint's default for `.cjs`) as it is; typescript-eslint says `script`.
  const sourceType: string | undefined = program.sourceType;
  let kind: ModuleKind = sourceType === "script" || sourceType === "commonjs" ? "commonjs" : "esm";
  if (kind === "esm") {
    let sawRequire = false;
    let sawModuleSyntax = false;
    for (const statement of program.body) {
      if (
        statement.type === AST_NODE_TYPES.ImportDeclaration ||
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
        statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
        statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
        statement.type === AST_NODE_TYPES.TSExportAssignment
      ) {
        sawModuleSyntax = true;
        break;
      }
      if (isTopLevelRequire(statement)) sawRequire = true;
    }
    if (!sawModuleSyntax && sawRequire) kind = "commonjs";
  }
  cache.set(program, kind);
  return kind;
}
