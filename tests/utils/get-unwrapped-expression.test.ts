import { parse } from "@typescript-eslint/parser";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";

import { getUnwrappedExpression, TS_WRAPPER_TYPES } from "../../src/utils/get-unwrapped-expression.js";

function getInit(code: string): TSESTree.Expression {
  const program = parse(code) as TSESTree.Program;
  const declaration = program.body[0] as TSESTree.VariableDeclaration;
  return declaration.declarations[0]!.init!;
}

describe("getUnwrappedExpression", () => {
  // Selectors are built from TS_WRAPPER_TYPES: the list must be exactly what the function looks through.
  const wrapped: [string, AST_NODE_TYPES][] = [
    ["const x = true as boolean;", AST_NODE_TYPES.TSAsExpression],
    ["const x = value!;", AST_NODE_TYPES.TSNonNullExpression],
    ["const x = true satisfies boolean;", AST_NODE_TYPES.TSSatisfiesExpression],
    ["const x = <boolean>true;", AST_NODE_TYPES.TSTypeAssertion],
  ];

  it.each(wrapped)("looks through %s", (code, type) => {
    const init = getInit(code);
    expect(init.type).toBe(type);
    expect(getUnwrappedExpression(init)).not.toBe(init);
  });

  it("lists every wrapper it looks through, and only those", () => {
    expect([...TS_WRAPPER_TYPES].sort()).toEqual(wrapped.map(([, type]) => type).sort());
  });
});
