import type { TSESLint } from "@typescript-eslint/utils";

const cache = new WeakMap<object, (name: string) => string>();

/**
 * How this file reads environment variables, as a function from a name to the read's source text:
 * `process.env.NAME` by default; `process.env["NAME"]` when the file already writes its reads that way
 * (TypeScript's `noPropertyAccessFromIndexSignature` requires it); `import.meta.env.NAME`,
 * `Deno.env.get("NAME")` / `Bun.env.NAME` in a file that reads the environment only through those (Vite
 * client code has no `process`). A fix that adds a read follows the file.
 */
export function getEnvReadText(sourceCode: Readonly<TSESLint.SourceCode>): (name: string) => string {
  const cached = cache.get(sourceCode.ast);
  if (cached) return cached;
  const text = sourceCode.text;
  const dotted = countOccurrences(text, "process.env.");
  const bracketed = countOccurrences(text, "process.env[");
  let read: (name: string) => string;
  if (dotted === 0 && bracketed === 0 && text.includes("import.meta.env.")) read = (name) => `import.meta.env.${name}`;
  else if (dotted === 0 && bracketed === 0 && text.includes("Deno.env.get(")) read = (name) => `Deno.env.get(${JSON.stringify(name)})`;
  else if (dotted === 0 && bracketed === 0 && text.includes("Bun.env.")) read = (name) => `Bun.env.${name}`;
  else if (bracketed > dotted) read = (name) => `process.env[${JSON.stringify(name)}]`;
  else read = (name) => `process.env.${name}`;
  cache.set(sourceCode.ast, read);
  return read;
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + needle.length)) count++;
  return count;
}
