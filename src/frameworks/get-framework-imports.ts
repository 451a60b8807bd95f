import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import type { Framework } from "./types.js";

/** Local names under which this file can reach each framework's factories. */
export interface FrameworkImports {
  /** Frameworks the file imports from. */
  frameworks: Set<Framework>;
  /** `express` (callable: app factory; `.Router()`). */
  expressFactory: Set<string>;
  /** `Router` imported from express. */
  expressRouter: Set<string>;
  /** `fastify` / `Fastify` default or named `fastify`. */
  fastifyFactory: Set<string>;
  /** `Hono` class (and `OpenAPIHono`). */
  honoClass: Set<string>;
  /** `Koa` class. */
  koaClass: Set<string>;
  /** `Router` class from `@koa/router` / `koa-router`. */
  koaRouterClass: Set<string>;
  /** `fastify-plugin` wrapper (`fp`). */
  fastifyPlugin: Set<string>;
}

export const FRAMEWORK_BY_SOURCE: ReadonlyMap<string, Framework> = new Map<string, Framework>([
  ["express", "express"],
  ["fastify", "fastify"],
  ["fastify-plugin", "fastify"],
  ["hono", "hono"],
  ["@hono/node-server", "hono"],
  ["@hono/zod-openapi", "hono"],
  ["koa", "koa"],
  ["@koa/router", "koa"],
  ["koa-router", "koa"],
  ["next", "next"],
  ["next/server", "next"],
  ["next/types", "next"],
  ["@nestjs/common", "nest"],
  ["@nestjs/core", "nest"],
]);

/** The framework a module specifier belongs to, or `undefined`. */
export function getFramework(source: string): Framework | undefined {
  // Relative and absolute imports are most of a file's imports, and never a framework.
  if (source.startsWith(".") || source.startsWith("/")) return undefined;
  const direct = FRAMEWORK_BY_SOURCE.get(source);
  if (direct) return direct;
  if (source.startsWith("hono/")) return "hono";
  if (source.startsWith("next/") || source.startsWith("next-auth")) return "next";
  if (source.startsWith("@nestjs/")) return "nest";
  if (source.startsWith("@fastify/")) return "fastify";
  return undefined;
}

function record(imports: FrameworkImports, source: string, imported: string | "default" | "*", local: string): void {
  const framework = getFramework(source);
  if (!framework) return;
  imports.frameworks.add(framework);
  switch (source) {
    case "express":
      if (imported === "default" || imported === "*") imports.expressFactory.add(local);
      else if (imported === "Router") imports.expressRouter.add(local);
      break;
    case "fastify":
      if (imported === "default" || imported === "*" || imported === "fastify" || imported === "Fastify") {
        imports.fastifyFactory.add(local);
      }
      break;
    case "fastify-plugin":
      imports.fastifyPlugin.add(local);
      break;
    case "hono":
    case "@hono/zod-openapi":
      if (imported === "Hono" || imported === "OpenAPIHono") imports.honoClass.add(local);
      break;
    case "koa":
      if (imported === "default" || imported === "*") imports.koaClass.add(local);
      break;
    case "@koa/router":
    case "koa-router":
      if (imported === "default" || imported === "*" || imported === "Router") imports.koaRouterClass.add(local);
      break;
    default:
      break;
  }
}

function getRequireSource(init: TSESTree.Expression | null): string | undefined {
  // `require("x")`, `require("x").default`, `require("x")()` are all that CJS apps write.
  let node = init;
  while (node?.type === AST_NODE_TYPES.MemberExpression) node = node.object;
  if (
    node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === "require" &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0].value === "string"
  ) {
    return node.arguments[0].value;
  }
  return undefined;
}

const cache = new WeakMap<TSESTree.Program, FrameworkImports>();

/**
 * The opening of every module specifier {@link getFramework} knows: a quote, then the package name.
 * Scanning the text is far cheaper than walking the statements, and most files import no framework.
 */
const FRAMEWORK_SPECIFIER_START = String.raw`express|fastify|hono|koa|next|@nestjs\/|@hono\/|@koa\/|@fastify\/`;
const MAY_IMPORT_FRAMEWORK = new RegExp(`["'\`](?:${FRAMEWORK_SPECIFIER_START})`, "u");

function createImports(): FrameworkImports {
  return {
    frameworks: new Set(),
    expressFactory: new Set(),
    expressRouter: new Set(),
    fastifyFactory: new Set(),
    honoClass: new Set(),
    koaClass: new Set(),
    koaRouterClass: new Set(),
    fastifyPlugin: new Set(),
  };
}

/** Reads the top-level `import` / `require` statements once per file. Treat the result as read-only. */
export function getFrameworkImports(sourceCode: Readonly<TSESLint.SourceCode>): FrameworkImports {
  const program = sourceCode.ast;
  const cached = cache.get(program);
  if (cached) return cached;
  // A quoted specifier that starts like a framework module's is a necessary condition for any framework
  // import: one scan of the text answers for the many files that import none.
  if (!MAY_IMPORT_FRAMEWORK.test(sourceCode.text)) {
    const none = createImports();
    cache.set(program, none);
    return none;
  }
  const imports = createImports();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const source = statement.source.value;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier)
          record(imports, source, "default", specifier.local.name);
        else if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier)
          record(imports, source, "*", specifier.local.name);
        else {
          const imported =
            specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
          record(imports, source, imported, specifier.local.name);
        }
      }
      if (statement.specifiers.length === 0) {
        const framework = getFramework(source);
        if (framework) imports.frameworks.add(framework);
      }
      continue;
    }
    if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const ref = statement.moduleReference;
      if (ref.type === AST_NODE_TYPES.TSExternalModuleReference && ref.expression.type === AST_NODE_TYPES.Literal) {
        record(imports, String(ref.expression.value), "default", statement.id.name);
      }
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const source = getRequireSource(declarator.init);
      if (source === undefined) continue;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) {
        const init = declarator.init;
        // `const app = require("express")()` binds an app, not the factory.
        if (init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.CallExpression) {
          const framework = getFramework(source);
          if (framework) imports.frameworks.add(framework);
          continue;
        }
        const member =
          init?.type === AST_NODE_TYPES.MemberExpression && init.property.type === AST_NODE_TYPES.Identifier
            ? init.property.name
            : "default";
        record(imports, source, member === "default" ? "default" : member, declarator.id.name);
      } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of declarator.id.properties) {
          if (
            property.type === AST_NODE_TYPES.Property &&
            property.key.type === AST_NODE_TYPES.Identifier &&
            property.value.type === AST_NODE_TYPES.Identifier
          ) {
            record(imports, source, property.key.name, property.value.name);
          }
        }
      }
    }
  }
  cache.set(program, imports);
  return imports;
}
