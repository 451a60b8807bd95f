import path from "node:path";

import { AST_NODE_TYPES, type TSESLint } from "@typescript-eslint/utils";

import { getFrameworkImports } from "../frameworks/get-framework-imports.js";
import { getNextRouteFile } from "../frameworks/get-next-route-file.js";
import { isNextAppFile } from "../frameworks/is-next-app-file.js";

/** Pages Router data functions: they run on the server, in the same file as the page component. */
const NEXT_SERVER_FUNCTIONS = /\b(?:getServerSideProps|getStaticProps|getStaticPaths|getInitialProps)\b/u;

function hasDirective(sourceCode: Readonly<TSESLint.SourceCode>, name: string): boolean {
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === name) return true;
  }
  return false;
}

/**
 * Whether a file is user-interface code that runs in the browser: a module marked `"use client"`, or a
 * `.jsx` / `.tsx` component file that nothing marks as server code. Server code in a `.tsx` file is a
 * Next.js route handler (`app/**\/route.tsx`, `pages/api/**`), a page with a server data function
 * (`getServerSideProps`…), a file under a Next.js app's `app/` folder (a Server Component unless it
 * says `"use client"`), a `"use server"` module, and a file that imports a server framework (Hono's
 * JSX rendered by a route, an Express view).
 */
export function isBrowserComponentFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  const { sourceCode, filename } = context;
  if (hasDirective(sourceCode, "use client")) return true;
  if (!filename.endsWith(".tsx") && !filename.endsWith(".jsx")) return false;
  if (hasDirective(sourceCode, "use server") || getNextRouteFile(filename)) return false;
  if (NEXT_SERVER_FUNCTIONS.test(sourceCode.text)) return false;
  const { frameworks } = getFrameworkImports(sourceCode);
  if ([...frameworks].some((framework) => framework !== "next")) return false;
  const segments = path.relative(context.cwd, path.resolve(context.cwd, filename)).split(/[\\/]/u);
  return !(segments.slice(0, -1).includes("app") && isNextAppFile(context));
}
