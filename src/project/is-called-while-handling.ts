import { getImporters } from "./get-importers.js";
import { readProjectFile } from "./read-project-file.js";
import { resolveSpecifier } from "./resolve-specifier.js";

/**
 * Whether the project's other files use what `file` exports as `exported` only by calling it while a
 * request is handled (see `FileFacts.requestTimeImports`): `import { sendMail } from "./mail"` then
 * `await sendMail(to)` in a route handler, a Next.js `POST`, a Nest controller method. `false` when no
 * file imports it, or a use cannot be followed: a re-export, a namespace or whole-module import that may
 * reach it as a member, a file the model cannot read.
 */
export function isCalledOnlyWhileHandling(file: string, exported: string): boolean {
  let called = false;
  for (const importer of getImporters(file)) {
    const facts = readProjectFile(importer);
    if (!facts) return false;
    if (
      facts.reexports.some(
        (reexport) =>
          (reexport.imported === exported || reexport.imported === "*") &&
          resolveSpecifier(importer, reexport.specifier) === file,
      )
    )
      return false;
    for (const [local, imported] of facts.imports) {
      if (resolveSpecifier(importer, imported.specifier) !== file) continue;
      if (imported.imported === "*" || (imported.imported === "default" && exported !== "default")) return false;
      if (imported.imported !== exported) continue;
      if (facts.requestTimeImports.get(local) !== true) return false;
      called = true;
    }
  }
  return called;
}
