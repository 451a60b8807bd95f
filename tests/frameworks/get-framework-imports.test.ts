import { describe, expect, it } from "vitest";

import {
  FRAMEWORK_BY_SOURCE,
  getFramework,
  getFrameworkImports,
  type FrameworkImports,
} from "../../src/frameworks/get-framework-imports.js";
import { probeModel } from "../utils/probe-model.js";

function importsOf(code: string, filename = "src/app.ts"): FrameworkImports {
  let found: FrameworkImports | undefined;
  probeModel(code, (context) => ({ Program: () => void (found = getFrameworkImports(context.sourceCode)) }), filename);
  return found!;
}

/** Every module the model maps by name, and one of each family it maps by prefix. */
const FRAMEWORK_MODULES = [
  ...FRAMEWORK_BY_SOURCE.keys(),
  "hono/jwt",
  "next/headers",
  "next-auth/next",
  "@nestjs/passport",
  "@fastify/autoload",
];

describe("getFrameworkImports: the text check in front of it lets every framework import through", () => {
  // The check reads the text for a quoted specifier before the statements are walked; a specifier it
  // failed to recognise would leave the whole file without its framework.
  it.each(FRAMEWORK_MODULES)("%s, imported and required", (specifier) => {
    const framework = getFramework(specifier);
    expect(framework).toBeDefined();
    expect([...importsOf(`import x from "${specifier}";\nexport default x;`).frameworks]).toEqual([framework]);
    expect([...importsOf(`import type { X } from '${specifier}';\nexport type Y = X;`).frameworks]).toEqual([
      framework,
    ]);
    expect([...importsOf(`const x = require('${specifier}');\nmodule.exports = x;`, "src/app.cjs").frameworks]).toEqual(
      [framework],
    );
  });

  it.each([
    'import { router } from "./express-router.js";\nrouter.get("/a", handler);',
    'import { z } from "zod";\nconst nextPage = "next";',
    'const koala = require("koala-tools");',
  ])("finds none where the file imports no framework: %s", (code) => {
    expect(importsOf(code).frameworks.size).toBe(0);
  });
});
