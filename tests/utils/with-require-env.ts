/** The `requireEnv` helper the required-env fix inserts in a TypeScript file. */
export const TS_REQUIRE_ENV = [
  "function requireEnv(name: string): string {",
  "  const value = process.env[name];",
  "  if (!value) throw new Error(`Missing required environment variable ${name}`);",
  "  return value;",
  "}",
].join("\n");

/** The same helper in a JavaScript file. */
export const JS_REQUIRE_ENV = TS_REQUIRE_ENV.replace("(name: string): string", "(name)");

/** The JavaScript helper in a file written without semicolons. */
export const NO_SEMI_REQUIRE_ENV = JS_REQUIRE_ENV.replaceAll(";\n", "\n");

/**
 * `code` with the helper where the fix inserts it: after the last leading `import` / `require`
 * line (with blank lines around it), or on top of a file that has none.
 */
export function withRequireEnv(code: string, helper = TS_REQUIRE_ENV): string {
  const lines = code.split("\n");
  let last = -1;
  for (const [index, line] of lines.entries()) {
    if (/^(?:import |(?:const|let|var) (?:\w+|\{[^}]*\}) = require\()/u.test(line)) last = index;
    else if (line.trim() !== "") break;
  }
  if (last < 0) return `${helper}\n\n${code}`;
  return [...lines.slice(0, last + 1), "", helper, "", ...lines.slice(last + 1)].join("\n");
}
