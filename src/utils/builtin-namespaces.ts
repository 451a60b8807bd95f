/**
 * JavaScript's built-in namespaces and `console`: calls on them are plumbing (`Object.fromEntries`,
 * `Promise.all`, `Math.max`), neither the operation a message should name nor one that fails on
 * ordinary input. `JSON` is not here: `JSON.parse` is the classic throw.
 */
export const BUILTIN_NAMESPACES: ReadonlySet<string> = new Set([
  "Object",
  "Array",
  "Math",
  "Number",
  "String",
  "Boolean",
  "Symbol",
  "Date",
  "Reflect",
  "Promise",
  "console",
]);
