import { isValidatorCalleeName } from "../utils/is-validator-call.js";
import type { FileFacts } from "./get-file-facts.js";
import { readProjectFile } from "./read-project-file.js";
import { resolveSpecifier } from "./resolve-specifier.js";

/** Files followed from a function to the functions it hands its input to. */
const MAX_DEPTH = 3;

/** `validateFilters#1` → ["", "validateFilters", 1]; `schema.parse#1` → ["schema", "parse", 1]. */
function parseCall(call: string): { object: string | undefined; name: string; count: number } {
  const [callee = "", count = "0"] = call.split("#");
  const dot = callee.lastIndexOf(".");
  return dot === -1 ? { object: undefined, name: callee, count: Number(count) } : { object: callee.slice(0, dot), name: callee.slice(dot + 1), count: Number(count) };
}

/**
 * The names under which `file` can call a function that checks what it is given against a schema: its own
 * top-level functions and the ones it imports from project files. A function validates when it hands its
 * input to a validator known by name (`validateFilters(filters)`, `schema.parse(x)`), or to a function
 * that does, in the same file or — through imports, a few files deep — in another
 * (`getQuery(params)` → `getTimeStatement(params)` → `validateTimeStatementParams(...)`).
 * Dependencies are not read: their validators are known by name.
 */
export function getValidatingFunctions(file: string, facts: FileFacts, depth = 0): Set<string> {
  const validating = new Set<string>();
  const imported = new Map<string, boolean>();
  const isImportedValidator = (local: string): boolean => {
    const known = imported.get(local);
    if (known !== undefined) return known;
    imported.set(local, false);
    const fact = facts.imports.get(local);
    let result = false;
    if (fact && fact.imported !== "*" && fact.imported !== "default" && depth < MAX_DEPTH && /^[.@~#/]/u.test(fact.specifier)) {
      const target = resolveSpecifier(file, fact.specifier);
      const targetFacts = target === undefined || target.includes("/node_modules/") ? undefined : readProjectFile(target);
      const defined = targetFacts?.exports.get(fact.imported);
      result = defined !== undefined && getValidatingFunctions(target!, targetFacts!, depth + 1).has(defined);
    }
    imported.set(local, result);
    return result;
  };
  const validates = (calls: readonly string[]): boolean =>
    calls.some((call) => {
      const { object, name, count } = parseCall(call);
      if (isValidatorCalleeName(name, object === "" ? "" : object, count)) return true;
      return object === undefined && (validating.has(name) || isImportedValidator(name));
    });
  // Functions of the file calling each other: until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [local, calls] of facts.paramCalls) {
      if (!validating.has(local) && validates(calls)) {
        validating.add(local);
        changed = true;
      }
    }
  }
  for (const local of facts.imports.keys()) if (isImportedValidator(local)) validating.add(local);
  return validating;
}
