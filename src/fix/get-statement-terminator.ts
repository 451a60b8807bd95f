import { AST_NODE_TYPES, type TSESLint } from "@typescript-eslint/utils";

const cache = new WeakMap<object, string>();

/**
 * `";"` when the file ends its statements with semicolons, `""` when it is written without them
 * (standard style), judged from its top-level statements. Inserted code follows the file's style.
 */
export function getStatementTerminator(sourceCode: Readonly<TSESLint.SourceCode>): string {
  const cached = cache.get(sourceCode.ast);
  if (cached !== undefined) return cached;
  let withSemicolon = 0;
  let without = 0;
  for (const statement of sourceCode.ast.body) {
    if (
      statement.type === AST_NODE_TYPES.ExpressionStatement ||
      statement.type === AST_NODE_TYPES.VariableDeclaration ||
      statement.type === AST_NODE_TYPES.ImportDeclaration
    ) {
      const last = sourceCode.getLastToken(statement);
      if (last?.value === ";") withSemicolon++;
      else without++;
    }
  }
  const terminator = without > withSemicolon ? "" : ";";
  cache.set(sourceCode.ast, terminator);
  return terminator;
}
