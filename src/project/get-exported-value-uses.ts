import { getImporters } from "./get-importers.js";
import { readProjectFile } from "./read-project-file.js";
import { resolveSpecifier } from "./resolve-specifier.js";

/**
 * Where the project's other files hand on what `file` exports as `exported` (see `describeLintedValueUse`):
 * `["express-session(0).secret"]` when the one importer passes it to `session({ secret })`. `undefined`
 * when a use cannot be followed — a namespace import, a re-export, an importer that names the file without
 * importing a binding (`export * from`), a file the model cannot read.
 */
export function getExportedValueUses(file: string, exported: string): string[] | undefined {
  const uses = new Set<string>();
  for (const importer of getImporters(file)) {
    const facts = readProjectFile(importer);
    if (!facts) return undefined;
    if (
      facts.reexports.some(
        (reexport) => reexport.imported === exported && resolveSpecifier(importer, reexport.specifier) === file,
      )
    )
      return undefined;
    let bound = false;
    for (const [local, imported] of facts.imports) {
      if (resolveSpecifier(importer, imported.specifier) !== file) continue;
      bound = true;
      if (imported.imported === "*" || (imported.imported === "default" && exported !== "default")) return undefined;
      if (imported.imported !== exported) continue;
      for (const use of facts.importUses.get(local) ?? []) uses.add(use);
    }
    if (!bound) return undefined;
  }
  return [...uses];
}
