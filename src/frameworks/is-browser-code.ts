import path from "node:path";

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";

import { getFrameworkImports } from "./get-framework-imports.js";
import { getNextRouteFile } from "./get-next-route-file.js";
import { isNextAppFile } from "./is-next-app-file.js";

/** Pages Router data functions: they run on the server, in the same file as the page component. */
const NEXT_SERVER_FUNCTIONS = /\b(?:getServerSideProps|getStaticProps|getStaticPaths|getInitialProps)\b/u;

/**
 * Modules whose values exist to run a user interface in the browser. Their server renderers
 * (`react-dom/server`, `@angular/ssr`, `vue/server-renderer`) are other specifiers, and `react` alone is
 * not here: an email template or a server-side render imports it too.
 */
const BROWSER_RUNTIME =
  /^(?:react-dom(?:\/client)?|react-router(?:-dom)?|@remix-run\/react|@tanstack\/(?:react|vue|solid|svelte)-query|react-redux|mobx-react(?:-lite)?|swr|vue|vue-router|pinia|svelte(?:\/store)?|preact(?:\/hooks)?|solid-js|@angular\/(?:core|common|forms|router|material\/[\w-]+|cdk\/[\w-]+))$/u;

/** `useState`, `useEffect`…: React hooks run while a component renders, in a browser or in a render on the server. */
const REACT_HOOK = /^use[A-Z]/u;

function hasDirective(sourceCode: Readonly<TSESLint.SourceCode>, name: string): boolean {
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === name) return true;
  }
  return false;
}

function isValueSpecifier(specifier: TSESTree.ImportClause): boolean {
  return specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind !== "type";
}

/**
 * Whether the module imports, for its values, a browser UI runtime (`react-dom`, Vue, Angular, Svelte,
 * Preact, Solid, a router or data hook library of one of them) or a React hook (`import { useState } from
 * "react"`). Type-only imports do not count: code shared by a client and its server imports types of both.
 */
function importsBrowserRuntime(program: TSESTree.Program): boolean {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === "type") continue;
    const source = statement.source.value;
    if (source === "react") {
      if (
        statement.specifiers.some(
          (specifier) =>
            specifier.type === AST_NODE_TYPES.ImportSpecifier &&
            specifier.importKind !== "type" &&
            REACT_HOOK.test(specifier.local.name),
        )
      )
        return true;
    } else if (
      BROWSER_RUNTIME.test(source) &&
      (statement.specifiers.length === 0 || statement.specifiers.some(isValueSpecifier))
    )
      return true;
  }
  return false;
}

/**
 * Whether a file is user-interface code that runs in the browser, where the server's log, config,
 * routes and errors are not: a module marked `"use client"`, a `.jsx` / `.tsx` component file, or a
 * module that imports a browser UI runtime (see {@link importsBrowserRuntime}) — when nothing marks it
 * as server code. Server code there is a Next.js route handler (`app/**\/route.tsx`, `pages/api/**`), a
 * page with a server data function (`getServerSideProps`…), a file under a Next.js app's `app/` folder (a
 * Server Component unless it says `"use client"`), a `"use server"` module, and a file that imports a
 * server framework (Hono's JSX rendered by a route, an Express view).
 */
export function isBrowserCode(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  const { sourceCode, filename } = context;
  if (hasDirective(sourceCode, "use client")) return true;
  const component = filename.endsWith(".tsx") || filename.endsWith(".jsx");
  if (!component && !importsBrowserRuntime(sourceCode.ast)) return false;
  if (hasDirective(sourceCode, "use server") || getNextRouteFile(filename)) return false;
  if (NEXT_SERVER_FUNCTIONS.test(sourceCode.text)) return false;
  const { frameworks } = getFrameworkImports(sourceCode);
  if ([...frameworks].some((framework) => framework !== "next")) return false;
  const segments = path.relative(context.cwd, path.resolve(context.cwd, filename)).split(/[\\/]/u);
  return !(segments.slice(0, -1).includes("app") && isNextAppFile(context));
}
