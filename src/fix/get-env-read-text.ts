import path from "node:path";

import type { TSESLint } from "@typescript-eslint/utils";

import { getTsconfigCompilerOptions } from "../utils/get-tsconfig-compiler-options.js";
import { isTypeScriptFile } from "../utils/is-typescript-file.js";

type EnvReadContext = Pick<
  Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  "sourceCode" | "filename" | "physicalFilename" | "cwd"
>;
type EnvReadText = (name: string) => string;

const cache = new WeakMap<object, EnvReadText>();
const processCache = new WeakMap<object, EnvReadText>();

/**
 * How this file reads environment variables, as a function from a name to the read's source text:
 * `process.env.NAME` by default; `import.meta.env.NAME`, `Deno.env.get("NAME")` / `Bun.env.NAME` in a
 * file that reads the environment only through those (Vite client code has no `process`). A fix that
 * adds a read follows the file. `process.env` and `Bun.env` reads are written `process.env["NAME"]` when
 * the file already writes them that way, or when it is TypeScript under
 * `noPropertyAccessFromIndexSignature` (see {@link requiresBracketAccess}).
 */
export function getEnvReadText(context: EnvReadContext): EnvReadText {
  const ast = context.sourceCode.ast;
  let read = cache.get(ast);
  if (read) return read;
  const text = context.sourceCode.text;
  const style = getBracketStyle(context);
  const noProcessReads = !text.includes("process.env.") && !text.includes("process.env[");
  // Vite replaces `import.meta.env.NAME` statically; brackets are left to a human there.
  if (noProcessReads && text.includes("import.meta.env.")) read = (name) => `import.meta.env.${name}`;
  else if (noProcessReads && text.includes("Deno.env.get(")) read = (name) => `Deno.env.get(${JSON.stringify(name)})`;
  else if (noProcessReads && text.includes("Bun.env.")) read = (name) => `Bun.env${style.access(name)}`;
  else read = (name) => `process.env${style.access(name)}`;
  cache.set(ast, read);
  return read;
}

/**
 * Like {@link getEnvReadText}, but always through `process.env`: for fixes whose code uses `process`
 * anyway (a shutdown handler calls `process.exit`), where `import.meta.env` would not hold the variable.
 */
export function getProcessEnvReadText(context: EnvReadContext): EnvReadText {
  const ast = context.sourceCode.ast;
  let read = processCache.get(ast);
  if (!read) {
    const style = getBracketStyle(context);
    read = (name) => `process.env${style.access(name)}`;
    processCache.set(ast, read);
  }
  return read;
}

/** `.NAME` or `["NAME"]`, decided on first use: the tsconfig is read only when a fix writes a read. */
function getBracketStyle(context: EnvReadContext): { access: (name: string) => string } {
  let bracketed: boolean | undefined;
  return {
    access(name) {
      bracketed ??= requiresBracketAccess(context);
      return bracketed ? `[${JSON.stringify(name)}]` : `.${name}`;
    },
  };
}

/**
 * Whether a new env read must be written with brackets: the file already writes most of its
 * `process.env` reads that way, or it is a TypeScript file whose project sets
 * `noPropertyAccessFromIndexSignature` (nearest `tsconfig.json` with its `extends`). Under that option
 * `process.env.NAME` type-checks only for names the project declares on `ProcessEnv`, and a read the
 * fix adds is usually of a name it does not: `process.env["NAME"]` type-checks either way, so it is
 * used even next to the file's own dotted reads.
 */
function requiresBracketAccess(context: EnvReadContext): boolean {
  const text = context.sourceCode.text;
  const bracketed = countOccurrences(text, "process.env[");
  if (bracketed > 0 && bracketed > countOccurrences(text, "process.env.")) return true;
  if (!isTypeScriptFile(context.filename)) return false;
  const file = context.physicalFilename;
  // `<input>` / `<text>`: code with no file on disk, so no project to ask.
  if (file.startsWith("<")) return false;
  const options = getTsconfigCompilerOptions(path.dirname(path.resolve(context.cwd, file)));
  return options?.noPropertyAccessFromIndexSignature === true;
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + needle.length)) count++;
  return count;
}
