import path from "node:path";

import ts from "typescript";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Virtual files live here, so module resolution finds the repository's real node_modules. */
const VIRTUAL_DIR = path.join(ROOT, "tests", "fixtures", "__virtual__");

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ["node"],
  experimentalDecorators: true,
  emitDecoratorMetadata: false,
  jsx: ts.JsxEmit.Preserve,
  allowJs: true,
  checkJs: false,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
  // The `@/` alias Next.js projects use, pointing at the virtual files.
  paths: { "@/*": [`${VIRTUAL_DIR}/*`, `${VIRTUAL_DIR}/*.ts`] },
};

/**
 * Type-checks in-memory files (name → code, e.g. `{ "server.ts": "..." }`) against the real types of the
 * frameworks installed as dev dependencies. Returns one line per error, empty when the code type-checks.
 * A `package.json` with `"type": "module"` is implied, so `.ts` files are ES modules. `compilerOptions`
 * are added to the strict defaults (e.g. `noPropertyAccessFromIndexSignature`).
 */
export function getTypeErrors(
  files: Readonly<Record<string, string>>,
  compilerOptions: ts.CompilerOptions = {},
): string[] {
  const options = { ...OPTIONS, ...compilerOptions };
  const virtual = new Map<string, string>();
  for (const [name, code] of Object.entries(files)) virtual.set(path.join(VIRTUAL_DIR, name), code);
  virtual.set(path.join(VIRTUAL_DIR, "package.json"), JSON.stringify({ type: "module" }));
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => virtual.get(file) ?? readFile(file);
  host.fileExists = (file) => virtual.has(file) || fileExists(file);
  const directoryExists = host.directoryExists?.bind(host);
  // The virtual directory does not exist on disk; module resolution asks for it.
  host.directoryExists = (dir) =>
    VIRTUAL_DIR.startsWith(dir) || dir.startsWith(VIRTUAL_DIR) || (directoryExists?.(dir) ?? true);
  host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
    const code = virtual.get(file);
    if (code !== undefined) return ts.createSourceFile(file, code, languageVersion, true);
    return getSourceFile(file, languageVersion, onError, shouldCreate);
  };
  const roots = [...virtual.keys()].filter((f) => !f.endsWith(".json"));
  const program = ts.createProgram(roots, options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || virtual.has(d.file.fileName))
    .map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const name = d.file ? path.relative(VIRTUAL_DIR, d.file.fileName) : "";
      return `${name}${where ? `:${where.line + 1}:${where.character + 1}` : ""} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
}
