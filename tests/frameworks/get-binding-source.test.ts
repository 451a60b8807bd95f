import { AST_NODE_TYPES } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";

import { getBindingSource, isLocalSpecifier } from "../../src/frameworks/index.js";
import { probeModel } from "../utils/probe-model.js";

function sourcesOfCalls(code: string, filename = "src/server.ts"): Record<string, string | undefined> {
  const found: Record<string, string | undefined> = {};
  probeModel(
    code,
    (context) => ({
      "Program:exit"(program) {
        const last = program.body.at(-1);
        if (
          last?.type !== AST_NODE_TYPES.ExpressionStatement ||
          last.expression.type !== AST_NODE_TYPES.ArrayExpression
        )
          return;
        for (const element of last.expression.elements) {
          if (element?.type === AST_NODE_TYPES.Identifier) found[element.name] = getBindingSource(context, element);
        }
      },
    }),
    filename,
  );
  return found;
}

describe("getBindingSource", () => {
  it("reads ESM imports of every kind", () => {
    const code =
      'import a from "./a.js";\nimport { b as c } from "pkg";\nimport * as d from "@scope/d";\nconst e = 1;\n[a, c, d, e, f];';
    expect(sourcesOfCalls(code)).toEqual({ a: "./a.js", c: "pkg", d: "@scope/d", e: undefined, f: undefined });
  });

  it("reads CommonJS requires, destructured, with a member and called", () => {
    const code =
      'const a = require("./a");\nconst { b } = require("b");\nconst c = require("./c").default;\nconst d = require("./d")();\n[a, b, c, d];';
    expect(sourcesOfCalls(code, "src/server.cjs")).toEqual({ a: "./a", b: "b", c: "./c", d: "./d" });
  });
});

describe("isLocalSpecifier", () => {
  it("tells project files from packages and built-ins", () => {
    expect(["./a", "../a", "/abs/a", "@/routes", "~/routes", "#routes"].map(isLocalSpecifier)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["express", "@fastify/cors", "lodash/fp", "node:http", "http"].map(isLocalSpecifier)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
