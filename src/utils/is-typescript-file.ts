const TYPESCRIPT_FILE = /\.[cm]?tsx?$/u;

/** Whether code a fix writes into this file is TypeScript (`.ts`, `.tsx`, `.mts`, `.cts`). */
export function isTypeScriptFile(filename: string): boolean {
  return TYPESCRIPT_FILE.test(filename);
}
