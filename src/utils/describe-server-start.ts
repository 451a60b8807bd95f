import type { TSESLint } from "@typescript-eslint/utils";

import type { ServerStart } from "../frameworks/get-server-start.js";

/** How a server start reads in a message: `app.listen()`, `serve()`, or `.listen()` when the receiver is long. */
export function describeServerStart(sourceCode: Readonly<TSESLint.SourceCode>, start: ServerStart): string {
  const callee = sourceCode.getText(start.call.callee);
  if (callee.length <= 30 && !callee.includes("\n")) return `${callee}()`;
  return start.kind === "serve" ? "serve()" : ".listen()";
}
