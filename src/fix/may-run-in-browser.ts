import type { TSESLint } from "@typescript-eslint/utils";

/**
 * Whether a file may be bundled for the browser, where `process` does not exist (Vite, webpack 5): a
 * `.jsx` / `.tsx` component file, a file under `public/` (served as is), or a module with a
 * `"use client"` directive. A fix that adds a new `process.env` read there could throw at run time, so
 * it is offered as a suggestion instead.
 */
export function mayRunInBrowser(sourceCode: Readonly<TSESLint.SourceCode>, filename: string): boolean {
  if (filename.endsWith(".jsx") || filename.endsWith(".tsx")) return true;
  if (`/${filename.replaceAll("\\", "/")}`.includes("/public/")) return true;
  return sourceCode.ast.body.some(
    (statement) => statement.type === "ExpressionStatement" && statement.directive === "use client",
  );
}
