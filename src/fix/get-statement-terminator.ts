import { AST_NODE_TYPES, type TSESLint } from "@typescript-eslint/utils";

const cache = new WeakMap<object, string>();

/** Enough statements to judge a style by; a bundle with thousands of them is not read to the end. */
const SAMPLE = 100;

/**
 * `";"` when the file ends its statements with semicolons, `""` when it is written without them
 * (standard style), judged from its first top-level statements. Inserted code follows the file's style.
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
      if (withSemicolon + without >= SAMPLE) break;
    }
  }
  const terminator = without > withSemicolon ? "" : ";";
  cache.set(sourceCode.ast, terminator);
  return terminator;
}
